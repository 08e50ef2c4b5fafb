//! Builders: construct articles in code, without parsing text.
//!
//! Every builder is a chain of by-value calls ending in `build()`, which
//! returns a [`BuildError`] naming what is missing or invalid. Mistakes in
//! nested parts (a paragraph's citation, a date) surface at the outer
//! `build()`, so a whole article is one expression and one `?`:
//!
//! ```
//! use bulletin::{Article, Citation, Footer, Header, date};
//!
//! let article = Article::builder()
//!     .title("TALKS RESUME AT LAST.")
//!     .header(Header::builder("Monitor").volume(6).issue(41).author("Anna Kovacs"))
//!     .paragraph(|p| {
//!         p.text("Officials confirmed that the talks will resume ")
//!             .citation(Citation::see("the Monitor", [date(2, 18)]))
//!             .text(".")
//!     })
//!     .paragraph(|p| {
//!         p.text("The announcement follows a month of consultations ")
//!             .citation(Citation::source(["Itar-Tass", "Prime-News"], [date(2, 27).to_day(28)]))
//!             .text(".")
//!     })
//!     .build()?;
//!
//! assert_eq!(article.header.as_ref().unwrap().year, Some(2000));
//! assert!(article.to_string().contains("(Itar-Tass, Prime-News, February 27-28)."));
//! # Ok::<(), bulletin::BuildError>(())
//! ```
//!
//! # What `build()` guarantees
//!
//! The builders fill the fields a parse would derive, so that a built tree
//! equals what [`parse_article`](crate::parse_article) gives for its
//! rendering (`article.to_string()`), spans aside:
//!
//! - [`Header::year`](crate::Header::year) from the default [`YearTable`](crate::YearTable) (or
//!   from the header's date), every [`CitedDate`](crate::CitedDate)'s `start`/`end` resolved
//!   as the parser resolves them for that header, and each date's `text`
//!   as the renderer writes it;
//! - a citation inline's `raw` text, a note's text and the footer's text,
//!   rendered from their parts (the footer text is parsed back at once,
//!   and a part the parser would not find again is an error);
//! - the diagnostics that parsing the rendering reports: skipped site
//!   chrome, and an empty notes heading where the renderer writes one to
//!   keep the body as built (see the [`render`](crate::render) module).
//!
//! Text is normalised as the parser would leave it: surrounding white
//! space is trimmed, and inside a paragraph a run of white space holding a
//! line break becomes one space. Other characters are kept as given.
//!
//! [`ArticleBuilder::build`] then renders the article and parses it back,
//! and returns [`BuildError::Misread`] when a block would not read back as
//! built: a one-line paragraph shaped like a heading, a first block shaped
//! like a photo caption, a paragraph that opens like a footer. Paragraph text is
//! checked as a whole: that its citations read back as citations is the
//! job of the inline grammar (and of this crate's round-trip tests).
//!
//! Spans are left at their default (`0..0`).

mod article;
mod citation;
mod date;
mod footer;
mod header;
mod paragraph;

pub use article::{ArticleBuilder, FooterSource, HeaderSource};
pub use citation::{IntoCitation, SeeBuilder, SourceBuilder, SourcesBuilder};
pub use date::{DateBuilder, IntoMonth, date};
pub use footer::FooterBuilder;
pub use header::HeaderBuilder;
pub use paragraph::ParagraphBuilder;

use crate::vocab::month;

/// What is missing or invalid in a builder.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The header has no publication name (or the article no header; use
    /// [`ArticleBuilder::without_header`] for a header-less page).
    #[error("missing publication: a header needs a publication name")]
    MissingPublication,
    /// `Volume: 0`: volumes are numbered from 1.
    #[error("volume 0: volumes are numbered from 1")]
    ZeroVolume,
    /// `Issue: 0`: issues are numbered from 1.
    #[error("issue 0: issues are numbered from 1")]
    ZeroIssue,
    /// A month outside 1 to 12.
    #[error("month {0} does not exist (months are 1 to 12)")]
    InvalidMonth(u8),
    /// A day that does not exist in its month (`February 30`), or in its
    /// year when the year is given (`February 29, 2001`).
    #[error("{} {day}{} does not exist", month::name(*month).unwrap_or("?"), year.map(|y| format!(", {y}")).unwrap_or_default())]
    InvalidDate {
        /// The year, when given.
        year: Option<i32>,
        /// The month, 1 to 12.
        month: u8,
        /// The day that does not exist.
        day: u8,
    },
    /// A year outside 1900 to 2099, the years a bulletin can cite.
    #[error("year {0} is out of range (1900 to 2099)")]
    InvalidYear(i32),
    /// A date range whose end comes before its start (`March 5-3`).
    #[error("the range {from}-{to} ends before it starts")]
    RangeEndsBeforeStart {
        /// The start as written.
        from: String,
        /// The end as written.
        to: String,
    },
    /// A note or note marker number outside 1 to 999.
    #[error("note number {0} is out of range (1 to 999)")]
    InvalidNoteNumber(u32),
    /// A header date that no layout states: with a publication it needs
    /// the issue number (the date is glued to it); without one, volume and
    /// issue both (a PDF masthead) or neither (a page that states its own
    /// date).
    #[error(
        "a header date needs an issue number after a publication, and volume and issue both or neither without one"
    )]
    DateWithoutVolumeAndIssue,
    /// A title, caption or site chrome in an article without header.
    #[error("{0} needs a header: without one it would read back as body text")]
    NeedsHeader(&'static str),
    /// A text that is required is empty.
    #[error("{0} is empty")]
    Empty(&'static str),
    /// A text the bulletin format cannot hold where it is used.
    #[error("{what} {text:?} cannot be written: {reason}")]
    Unwritable {
        /// Which part.
        what: &'static str,
        /// The offending text.
        text: String,
        /// Why.
        reason: &'static str,
    },
    /// Copyright years out of order or not four digits.
    #[error("copyright years {from}-{to} are invalid")]
    InvalidCopyright {
        /// First year.
        from: i32,
        /// Last year.
        to: i32,
    },
    /// A footer part that the parser would not find again in the footer's
    /// canonical text.
    #[error("footer {part} {value:?} would not read back from the footer text {text:?}")]
    FooterPart {
        /// Which part (`publication`, `staff`, `email`, ...).
        part: &'static str,
        /// The part as given.
        value: String,
        /// The footer text it was written into.
        text: String,
    },
    /// The rendered article would not read back as built.
    #[error("{part} {expected:?} would read back as {found}")]
    Misread {
        /// Which part (`block 3`, `title`, ...).
        part: String,
        /// The part as built.
        expected: String,
        /// What the parser makes of it.
        found: String,
    },
}

type Result<T> = std::result::Result<T, BuildError>;

/// A [`BuildError::Unwritable`].
fn unwritable(what: &'static str, text: &str, reason: &'static str) -> BuildError {
    BuildError::Unwritable {
        what,
        text: text.to_string(),
        reason,
    }
}

/// One line of text, trimmed and non-empty.
fn one_line(what: &'static str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(BuildError::Empty(what));
    }
    if text.contains(['\n', '\r']) {
        return Err(unwritable(what, text, "it must be one line"));
    }
    Ok(text.to_string())
}
