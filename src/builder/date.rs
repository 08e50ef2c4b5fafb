//! Dates: days, months and ranges, with or without a written year.

use std::borrow::Cow;

use crate::ast::{CitedDate, PartialDate};
use crate::render::date_texts;
use crate::resolve::DateContext;
use crate::vocab::year;

use super::{BuildError, Result, unwritable};

/// A month given as a number (`3`) or as a [`time::Month`].
pub trait IntoMonth {
    /// The month, 1-based.
    fn month_number(self) -> u8;
}

impl IntoMonth for u8 {
    fn month_number(self) -> u8 {
        self
    }
}

impl IntoMonth for time::Month {
    fn month_number(self) -> u8 {
        u8::from(self)
    }
}

/// A cited date on `day` of `month`: `date(3, 3)` is `March 3`.
///
/// ```
/// use bulletin::date;
/// let d = date(time::Month::August, 30).to(9, 2).build()?;
/// assert_eq!(d.text, "August 30-September 2");
/// assert_eq!(date(2, 30).build().unwrap_err().to_string(), "February 30 does not exist");
/// # Ok::<(), bulletin::BuildError>(())
/// ```
pub fn date(month: impl IntoMonth, day: u8) -> DateBuilder {
    DateBuilder {
        from: PartialDate::new(None, month.month_number(), Some(day)),
        to: None,
        year: None,
    }
}

/// Builds a [`CitedDate`]: a day, a month, or a range, with or without a
/// written year. Start with [`date`] or [`DateBuilder::month`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct DateBuilder {
    from: PartialDate,
    to: Option<PartialDate>,
    year: Option<i32>,
}

impl DateBuilder {
    /// A whole month: `DateBuilder::month(3).year(1999)` is `March 1999`.
    pub fn month(month: impl IntoMonth) -> Self {
        DateBuilder {
            from: PartialDate::new(None, month.month_number(), None),
            to: None,
            year: None,
        }
    }

    /// Writes the year: `November 2, 2001`, `March 1999`. After a range it
    /// is the year of the end, as the text reads: `December 30-January 2`
    /// with year 2001 runs from December 30, 2000. Years from 1900 to 2099
    /// can be written.
    pub fn year(mut self, year: i32) -> Self {
        self.year = Some(year);
        self
    }

    /// A range ending on `day` of the same month: `March 3-4`.
    pub fn to_day(self, day: u8) -> Self {
        let month = self.from.month;
        self.to(month, day)
    }

    /// A range ending on `day` of `month`: `August 30-September 2`.
    pub fn to(mut self, month: impl IntoMonth, day: u8) -> Self {
        self.to = Some(PartialDate::new(None, month.month_number(), Some(day)));
        self
    }

    /// The date, checked, with its text written from its parts; `start`
    /// and `end` are filled when the year is written (an article fills
    /// them from its header otherwise).
    pub fn build(self) -> Result<CitedDate<'static>> {
        let mut from = self.from;
        from.year = self.year;
        check_partial(from)?;
        if from.day.is_none() && from.year.is_none() {
            return Err(unwritable(
                "date",
                &from.to_string(),
                "a month without a day needs a year (`March 1999`)",
            ));
        }
        let date = match self.to {
            None => CitedDate::single("", from),
            Some(mut to) => {
                let Some(from_day) = from.day else {
                    return Err(BuildError::Unwritable {
                        what: "date range",
                        text: from.to_string(),
                        reason: "a range needs a day at its start",
                    });
                };
                if to.month < from.month {
                    // The written year is the end's.
                    from.year = self.year.map(|y| y - 1);
                }
                to.year = self.year;
                check_partial(to)?;
                let to_day = to.day.unwrap_or(0);
                let backwards = (to.month, to_day) < (from.month, from_day)
                    && !(from.month == 12 && to.month == 1);
                if backwards {
                    return Err(BuildError::RangeEndsBeforeStart {
                        from: from.to_string(),
                        to: to.to_string(),
                    });
                }
                CitedDate::range("", from, to)
            }
        };
        let text = date_texts(std::slice::from_ref(&date)).concat();
        Ok(DateContext::unknown().resolve(CitedDate {
            text: Cow::Owned(text),
            ..date
        }))
    }
}

/// Checks that a partial date exists. Without a year, February 29 is
/// allowed (it exists in leap years).
pub(super) fn check_partial(date: PartialDate) -> Result<()> {
    if !(1..=12).contains(&date.month) {
        return Err(BuildError::InvalidMonth(date.month));
    }
    if let Some(year) = date.year {
        if !year::CITABLE.contains(&year) {
            return Err(BuildError::InvalidYear(year));
        }
    }
    if let Some(day) = date.day {
        if date.with_year(date.year.unwrap_or(2000)).is_none() {
            return Err(BuildError::InvalidDate {
                year: date.year,
                month: date.month,
                day,
            });
        }
    }
    Ok(())
}
