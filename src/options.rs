//! How to parse: strict or lenient, which year table, which reference date.

use std::sync::{Arc, LazyLock};

use crate::archive::Articles;
use crate::ast::{Article, Header};
use crate::error::ParseError;
use crate::outlets::OutletTable;
use crate::resolve::DateContext;
use crate::series::SeriesAliases;
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
    outlets: Tables,
}

/// The outlet and series tables, shared: built once, the built-in ones
/// for every parse of the program.
#[derive(Debug, Clone)]
struct Tables {
    outlets: Arc<OutletTable>,
    series: Arc<SeriesAliases>,
}

impl Default for Tables {
    fn default() -> Self {
        static BUILT_IN: LazyLock<Tables> = LazyLock::new(|| Tables {
            outlets: Arc::new(OutletTable::default()),
            series: Arc::new(SeriesAliases::default()),
        });
        BUILT_IN.clone()
    }
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

    /// Name outlets by `outlets` (canonical names in
    /// [`SourceGroup::canonical_outlets`](crate::SourceGroup::canonical_outlets)).
    pub fn outlets(mut self, outlets: OutletTable) -> Self {
        self.outlets.outlets = Arc::new(outlets);
        self
    }

    /// Tell the series cross-references point to by `series`
    /// ([`CrossReference::series`](crate::CrossReference::series)).
    pub fn series_aliases(mut self, series: SeriesAliases) -> Self {
        self.outlets.series = Arc::new(series);
        self
    }

    /// The outlet table in use.
    pub fn outlet_table(&self) -> &OutletTable {
        &self.outlets.outlets
    }

    /// The series aliases in use.
    pub fn series_table(&self) -> &SeriesAliases {
        &self.outlets.series
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
