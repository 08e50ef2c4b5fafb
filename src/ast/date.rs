//! Dates as cited in the text. Their resolution to calendar dates is
//! [`DateContext`](crate::DateContext)'s.

use std::borrow::Cow;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::own;

/// A calendar date with optional parts, as written in a citation:
/// `September` (month only), `September 19`, `March 1999`, `November 2, 2001`.
///
/// ```
/// use bulletin::PartialDate;
/// let d = PartialDate::new(Some(1999), 9, Some(19));
/// assert_eq!(d.to_date().unwrap().to_string(), "1999-09-19");
/// assert!(PartialDate::new(Some(1999), 2, Some(30)).to_date().is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct PartialDate {
    /// The year, when written (`2001` in `November 2, 2001`).
    pub year: Option<i32>,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, when written.
    pub day: Option<u8>,
}

impl PartialDate {
    /// A date from its parts; `month` is 1-based.
    pub const fn new(year: Option<i32>, month: u8, day: Option<u8>) -> Self {
        PartialDate { year, month, day }
    }

    /// The month as a [`time::Month`], or `None` when out of range.
    pub fn month(&self) -> Option<Month> {
        Month::try_from(self.month).ok()
    }

    /// The calendar date, when year, month and day are all known and exist.
    pub fn to_date(&self) -> Option<Date> {
        self.with_year(self.year?)
    }

    /// The calendar date in `year` (this date's own year is ignored), when
    /// the day is known and exists in that year.
    pub fn with_year(&self, year: i32) -> Option<Date> {
        Date::from_calendar_date(year, self.month()?, self.day?).ok()
    }
}

/// One date or date range in a citation, with its raw text and, when the
/// year can be known, the calendar dates it covers.
///
/// `July 4 and 5` is two `CitedDate`s; `August 30-September 2` is one, a
/// range. `start` and `end` are equal for a single day and `None` when the
/// year or the day cannot be known (never guessed from today's date).
///
/// ```
/// use bulletin::{CitedDate, PartialDate};
/// use time::macros::date;
///
/// let d = CitedDate::range("September 19-20",
///     PartialDate::new(None, 9, Some(19)), PartialDate::new(None, 9, Some(20)))
///     .resolved_in(1999);
/// assert_eq!(d.start, Some(date!(1999-09-19)));
/// assert_eq!(d.end, Some(date!(1999-09-20)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct CitedDate<'a> {
    /// The date exactly as written (`February 27-28`, `March, 17`).
    pub text: Cow<'a, str>,
    /// First day covered, when known.
    #[cfg_attr(feature = "serde", serde(with = "iso_date"))]
    pub start: Option<Date>,
    /// Last day covered, when known (equal to `start` for a single day).
    #[cfg_attr(feature = "serde", serde(with = "iso_date"))]
    pub end: Option<Date>,
    /// The first (or only) date as written.
    pub from: PartialDate,
    /// The end of a range as written (`September 2` of `August 30-September 2`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub to: Option<PartialDate>,
}

impl<'a> CitedDate<'a> {
    /// A single (possibly partial) date, unresolved.
    pub fn single(text: impl Into<Cow<'a, str>>, date: PartialDate) -> Self {
        CitedDate {
            text: text.into(),
            start: None,
            end: None,
            from: date,
            to: None,
        }
    }

    /// A range from `from` to `to`, unresolved.
    pub fn range(text: impl Into<Cow<'a, str>>, from: PartialDate, to: PartialDate) -> Self {
        CitedDate {
            to: Some(to),
            ..CitedDate::single(text, from)
        }
    }

    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> CitedDate<'static> {
        CitedDate {
            text: own(self.text),
            start: self.start,
            end: self.end,
            from: self.from,
            to: self.to,
        }
    }
}

/// `date` as ISO 8601 `YYYY-MM-DD` bytes, for years 0 to 9999 (all of the
/// archive's): ten bytes made on the stack rather than through the
/// formatting machinery, on paths that write every cited date.
pub(crate) fn iso_bytes(date: Date) -> Option<[u8; 10]> {
    if !(0..=9999).contains(&date.year()) {
        return None;
    }
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (year, month, day) = (
        date.year().unsigned_abs(),
        u32::from(u8::from(date.month())),
        u32::from(date.day()),
    );
    Some([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// Writes `date` as ISO 8601 `YYYY-MM-DD` to `out`.
pub(crate) fn push_iso(out: &mut String, date: Date) {
    match iso_bytes(date) {
        Some(iso) => out.push_str(std::str::from_utf8(&iso).unwrap_or_default()),
        None => {
            use std::fmt::Write as _;
            let _ = write!(out, "{date}");
        }
    }
}

/// Serde for `Option<time::Date>` as an ISO 8601 `YYYY-MM-DD` string or null.
#[cfg(feature = "serde")]
pub(crate) mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};
    use time::{Date, Month};

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => match super::iso_bytes(*d) {
                Some(iso) => s.serialize_str(std::str::from_utf8(&iso).unwrap_or_default()),
                None => s.collect_str(&format_args!(
                    "{:04}-{:02}-{:02}",
                    d.year(),
                    u8::from(d.month()),
                    d.day()
                )),
            },
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let Some(text) = Option::<Cow<'de, str>>::deserialize(d)? else {
            return Ok(None);
        };
        parse(&text)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("expected a YYYY-MM-DD date, got {text:?}")))
    }

    use std::borrow::Cow;

    fn parse(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::from_calendar_date(year, month, day).ok()
    }
}

/// When an issue appeared: the date its header states, or an estimate from
/// its series' schedule, with the bounds the estimate honestly carries.
///
/// A stated date is its own bounds. An estimate lies within what the
/// issue's number allows (see [`Series::issue_window`](crate::Series::issue_window)),
/// never before the latest date the article itself cites, and over an
/// archive within what the issues around it allow
/// ([`Chronology`](crate::Chronology)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct IssueDate {
    /// The date, stated or most likely.
    #[cfg_attr(feature = "serde", serde(with = "iso_day"))]
    pub date: Date,
    /// The earliest date the issue can have appeared on.
    #[cfg_attr(feature = "serde", serde(with = "iso_day"))]
    pub earliest: Date,
    /// The latest date the issue can have appeared on.
    #[cfg_attr(feature = "serde", serde(with = "iso_day"))]
    pub latest: Date,
    /// Whether the header states the date or it was estimated.
    pub source: DateSource,
}

impl IssueDate {
    /// A date the header states: its own bounds.
    pub const fn stated(date: Date) -> Self {
        IssueDate {
            date,
            earliest: date,
            latest: date,
            source: DateSource::Stated,
        }
    }
}

/// Where an [`IssueDate`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum DateSource {
    /// The header states it (`Tuesday, August 1, 2006 -- Volume 3, ...`).
    Stated,
    /// Estimated from the issue's number and the dates around it.
    Estimated,
}

/// Serde for a `time::Date` as an ISO 8601 `YYYY-MM-DD` string.
#[cfg(feature = "serde")]
mod iso_day {
    use serde::{Deserializer, Serializer, de::Error};
    use time::Date;

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        super::iso_date::serialize(&Some(*date), s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        super::iso_date::deserialize(d)?
            .ok_or_else(|| D::Error::custom("expected a YYYY-MM-DD date, got null"))
    }
}
