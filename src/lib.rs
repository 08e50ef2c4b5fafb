//! `bulletin` turns the raw text of a news bulletin — the Jamestown
//! Foundation's *Monitor*, *Eurasia Daily Monitor*, *Prism*, *Chechnya
//! Weekly*, *China Brief* and their kin — into a typed syntax tree: header,
//! body paragraphs with every inline source citation resolved to calendar
//! dates, numbered notes, and the boilerplate footer.
//!
//! ```
//! let text = "TALKS RESUME AT LAST.\n\
//!             Publication: Monitor Volume: 6 Issue: 41\n\
//!             \n\
//!             Officials confirmed that the talks will resume (see the Monitor, February 18).\n";
//! let article = bulletin::parse_article(text)?;
//! let header = article.header.as_ref().unwrap();
//! assert_eq!(article.title.as_deref(), Some("TALKS RESUME AT LAST."));
//! assert_eq!(header.publication, "Monitor");
//! assert_eq!((header.volume, header.issue, header.year), (Some(6), Some(41), Some(2000)));
//! assert_eq!(article.body.len(), 1);
//! # Ok::<(), bulletin::ParseError>(())
//! ```
//!
//! Text fields are `Cow<'a, str>` borrowed from the input;
//! [`Article::into_owned`] detaches an article. With the default `serde`
//! feature every type is `Serialize` and `Deserialize`, in the JSON shape of
//! the project's `CONTRACT.md` (dates as ISO `YYYY-MM-DD`).
//!
//! # Strict and lenient parsing
//!
//! [`parse_article`] is strict about the one thing that makes a text an
//! article: it needs a `Publication:` header line, and rejects empty input,
//! white space only, and malformed header numbers with a [`ParseError`] that
//! says where (line, column, byte offset) and what was expected.
//!
//! Real archives also hold pages whose header was lost. With
//! [`ParseOptions::lenient`] such a page parses as a header-less article
//! (`header: None`, the whole text as body), and every repair — a missing
//! header, an unreadable number — is recorded in [`Article::diagnostics`].
//! Everything else (site chrome, truncated text, mojibake, stray blank lines,
//! CRLF) is accepted in both modes, with a diagnostic where text was skipped.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod ast;
pub mod build;
mod error;
mod grammar;
pub mod render;
mod resolve;
mod years;

pub use ast::*;
pub use build::{BuildError, DateBuilder, date};
pub use error::{Diagnostic, DiagnosticKind, ErrorKind, ParseError, line_column};
pub use resolve::DateContext;
pub use years::{Series, YearTable};

/// Parses one bulletin article, strictly (see the crate docs).
///
/// ```
/// let err = bulletin::parse_article("   \n").unwrap_err();
/// assert_eq!(err.kind(), bulletin::ErrorKind::WhitespaceOnly);
/// ```
pub fn parse_article(input: &str) -> Result<Article<'_>, ParseError> {
    ParseOptions::default().parse(input)
}

/// How to parse: strict or lenient, which year table, which reference date.
///
/// ```
/// use bulletin::ParseOptions;
/// let page = "KOSOVO:\n\nThe envoy met the minister on May 27 (Interfax, May 27).\n";
/// assert!(bulletin::parse_article(page).is_err());
/// let article = ParseOptions::new().lenient(true).parse(page)?;
/// assert!(article.header.is_none());
/// assert_eq!(article.body.len(), 2);
/// # Ok::<(), bulletin::ParseError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    lenient: bool,
    years: YearTable,
    reference_date: Option<time::Date>,
}

impl ParseOptions {
    /// Strict parsing with the default [`YearTable`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Accept header-less pages and unreadable header numbers, recording
    /// each repair as a [`Diagnostic`].
    pub fn lenient(mut self, lenient: bool) -> Self {
        self.lenient = lenient;
        self
    }

    /// Use `years` to find the year of an issue.
    pub fn years(mut self, years: YearTable) -> Self {
        self.years = years;
        self
    }

    /// Resolve cited dates against this date of the issue instead of the
    /// one estimated from publication, volume and issue.
    pub fn reference_date(mut self, date: time::Date) -> Self {
        self.reference_date = Some(date);
        self
    }

    /// Whether header-less pages are accepted.
    pub fn is_lenient(&self) -> bool {
        self.lenient
    }

    /// The year table in use.
    pub fn year_table(&self) -> &YearTable {
        &self.years
    }

    /// Parses `input` with these options.
    pub fn parse<'a>(&self, input: &'a str) -> Result<Article<'a>, ParseError> {
        grammar::parse(input, self)
    }

    /// The date context for an article with `header`.
    pub(crate) fn date_context(&self, header: Option<&Header<'_>>) -> DateContext {
        if let Some(date) = self.reference_date {
            return DateContext::around(date);
        }
        let Some(header) = header else {
            return DateContext::unknown();
        };
        if let Some(date) = header.date {
            return DateContext::around(date);
        }
        let series = self.years.get(&header.publication);
        let estimate = match (series, header.volume, header.issue) {
            (Some(s), Some(v), Some(i)) => s.estimate_issue_date(v, i),
            _ => None,
        };
        match (estimate, header.year) {
            (Some(date), _) => DateContext::estimated(date),
            (None, Some(year)) => DateContext::in_year(year),
            (None, None) => DateContext::unknown(),
        }
    }
}

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
