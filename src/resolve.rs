//! Resolving cited dates to calendar dates: what a date without a year
//! means in an issue of a known (or estimated) date. All of date
//! resolution is here; the grammar only reads the dates as written.

use time::{Date, Duration};

use crate::ast::{CitedDate, Header};
use crate::years::YearTable;

/// What the dates of one article are resolved against: the issue's year
/// and, when known, a (rough or exact) date of the issue.
///
/// Citations point backwards: a date that would fall more than `slack`
/// after the issue date belongs to the year before.
///
/// ```
/// use bulletin::{CitedDate, DateContext, PartialDate};
/// use time::macros::date;
///
/// // An early-January issue citing December 30.
/// let ctx = DateContext::around(date!(2001-01-04));
/// let d = ctx.resolve(CitedDate::single("December 30", PartialDate::new(None, 12, Some(30))));
/// assert_eq!(d.start, Some(date!(2000-12-30)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateContext {
    /// The year of the issue.
    pub year: Option<i32>,
    /// The date of the issue, exact or estimated.
    pub issue_date: Option<Date>,
    /// How far after `issue_date` a cited date may fall before it is taken
    /// to belong to the previous year.
    pub slack: Duration,
}

impl DateContext {
    /// Half a year: the slack for an issue date estimated from its number.
    pub const ESTIMATE_SLACK: Duration = Duration::days(183);
    /// The slack for an exactly known issue date: late corrections and
    /// forward-dated reports happen, but not by more than a month.
    pub const EXACT_SLACK: Duration = Duration::days(31);

    /// Nothing known: dates without a year stay unresolved.
    pub const fn unknown() -> Self {
        DateContext {
            year: None,
            issue_date: None,
            slack: Self::ESTIMATE_SLACK,
        }
    }

    /// Only the year is known: dates resolve within it.
    pub const fn in_year(year: i32) -> Self {
        DateContext {
            year: Some(year),
            ..Self::unknown()
        }
    }

    /// An issue date known exactly (or given by the caller).
    pub const fn around(date: Date) -> Self {
        DateContext {
            year: Some(date.year()),
            issue_date: Some(date),
            slack: Self::EXACT_SLACK,
        }
    }

    /// An issue date estimated from the issue number.
    pub const fn estimated(date: Date) -> Self {
        DateContext {
            year: Some(date.year()),
            issue_date: Some(date),
            slack: Self::ESTIMATE_SLACK,
        }
    }

    /// `date` with `start`/`end` filled in where the year can be known.
    /// A year written in the text always wins.
    pub fn resolve<'a>(&self, date: CitedDate<'a>) -> CitedDate<'a> {
        if date.from.year.is_some() {
            // The written year anchors the date; `resolved_in` ignores `year`.
            return date.resolved_in(0);
        }
        let Some(year) = self.year else {
            return date.resolved_in_none();
        };
        let resolved = date.resolved_in(year);
        match (self.issue_date, resolved.start) {
            (Some(issue), Some(start)) if start > issue.saturating_add(self.slack) => {
                resolved.resolved_in(year - 1)
            }
            _ => resolved,
        }
    }

    /// Every date of `dates` resolved, in order.
    pub(crate) fn resolve_all<'a>(&self, dates: Vec<CitedDate<'a>>) -> Vec<CitedDate<'a>> {
        dates.into_iter().map(|d| self.resolve(d)).collect()
    }

    /// The context of an article with `header`: a `reference` date given by
    /// the caller wins, then a date the header states, then an estimate
    /// from publication, volume and issue by `years`, then the year alone.
    pub(crate) fn for_article(
        years: &YearTable,
        reference: Option<Date>,
        header: Option<&Header<'_>>,
    ) -> Self {
        if let Some(date) = reference {
            return DateContext::around(date);
        }
        let Some(header) = header else {
            return DateContext::unknown();
        };
        if let Some(date) = header.date {
            return DateContext::around(date);
        }
        let series = header.publication.as_deref().and_then(|p| years.get(p));
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

impl CitedDate<'_> {
    /// Fills `start`/`end` taking `year` as the year of the (first) date,
    /// unless the text states its own year. A range whose end month comes
    /// before its start month (December–January) ends in the next year.
    pub fn resolved_in(mut self, year: i32) -> Self {
        let start_year = self.from.year.unwrap_or(year);
        self.start = self.from.with_year(start_year);
        self.end = match self.to {
            None => self.start,
            Some(to) => {
                let crosses = to.month < self.from.month;
                let end_year = to
                    .year
                    .unwrap_or(if crosses { start_year + 1 } else { start_year });
                to.with_year(end_year)
            }
        };
        if self.start.is_none() || self.end.is_none() || self.end < self.start {
            self.start = None;
            self.end = None;
        }
        self
    }

    /// Clears `start`/`end`: the year cannot be known.
    pub(crate) fn resolved_in_none(mut self) -> Self {
        self.start = None;
        self.end = None;
        self
    }
}
