//! How to parse: strict or lenient, which year table, which reference date.

use crate::archive::Articles;
use crate::ast::{Article, Header};
use crate::error::ParseError;
use crate::resolve::DateContext;
use crate::years::YearTable;

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
    /// each repair as a [`Diagnostic`](crate::Diagnostic).
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
        crate::grammar::parse(input, self)
    }

    /// Parses `input`, which holds one article or many, with these options;
    /// see [`parse_archive`](crate::parse_archive).
    pub fn parse_archive<'a>(&self, input: &'a str) -> Articles<'a> {
        Articles::new(input, self.clone())
    }

    /// The context the dates of an article with `header` resolve in.
    pub(crate) fn date_context(&self, header: Option<&Header<'_>>) -> DateContext {
        DateContext::for_article(&self.years, self.reference_date, header)
    }
}
