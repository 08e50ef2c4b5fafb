//! Citations and dates, written from their structure.

use std::fmt::{self, Display, Formatter, Write as _};

use crate::ast::{
    Citation, CitedDate, CrossReference, Group, MarkerStyle, PartialDate, SourceGroup,
};

use crate::vocab::citation::{ATTRIBUTIONS, CITED_BY};
use crate::vocab::month;

impl Display for Citation<'_> {
    /// The citation written from its structure, brackets included:
    /// `(Interfax, March 3; see the Monitor, March 1)`, `(7)`, `[7]`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Citation::NoteMarker {
                number,
                style: MarkerStyle::Bracket,
            } => write!(f, "[{number}]"),
            _ => {
                f.write_char('(')?;
                write_citation_inside(f, self)?;
                f.write_char(')')
            }
        }
    }
}

/// A citation without its brackets: what a note's text holds.
pub(crate) fn write_citation_inside(
    f: &mut impl fmt::Write,
    citation: &Citation<'_>,
) -> fmt::Result {
    match citation {
        Citation::Sources { groups } => {
            for (i, group) in groups.iter().enumerate() {
                if i > 0 {
                    f.write_str("; ")?;
                }
                write_group(f, group)?;
            }
            Ok(())
        }
        Citation::Url { url } => f.write_str(url),
        Citation::NoteMarker { number, .. } => write!(f, "{number}"),
    }
}

impl Display for Group<'_> {
    /// One `;`-separated group, from its structure.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_group(f, self)
    }
}

fn write_group(f: &mut impl fmt::Write, group: &Group<'_>) -> fmt::Result {
    match group {
        Group::Source(source) => write_source(f, source),
        Group::See(see) => write_see(f, see),
    }
}

/// `Itar-Tass, Prime-News, No. 11, March 3-4, translated by ...`, then
/// `as cited by ...`.
fn write_source(f: &mut impl fmt::Write, source: &SourceGroup<'_>) -> fmt::Result {
    // No outlets: a link stripped from the page, `(, May 11)`.
    let mut first = !source.outlets.is_empty();
    let mut part = |f: &mut dyn fmt::Write| -> fmt::Result {
        if !first {
            f.write_str(", ")?;
        }
        first = false;
        Ok(())
    };
    for outlet in &source.outlets {
        part(f)?;
        f.write_str(outlet)?;
    }
    if let Some(number) = &source.number {
        part(f)?;
        f.write_str(number)?;
    }
    if !source.dates.is_empty() {
        part(f)?;
        write_dates(f, &source.dates)?;
    }
    if let Some(translated) = &source.translated_by {
        part(f)?;
        f.write_str("translated by ")?;
        write_source(f, translated)?;
    }
    if let Some(relay) = &source.cited_by {
        part(f)?;
        // The phrase read, or the first when there is none to read back.
        let keyword = relay
            .keyword
            .as_deref()
            .and_then(|k| ATTRIBUTIONS.into_iter().find(|p| *p == k))
            .unwrap_or(CITED_BY);
        write!(f, "{keyword} ")?;
        write_source(f, relay)?;
    }
    Ok(())
}

/// `On the pipeline see also Monitor, October 23`. A topic is written after `On` (unless it starts with it); a group
/// without keyword continues the `see` group before it (`see the Monitor,
/// July 12; the Fortnight in Review, July 7`).
fn write_see(f: &mut impl fmt::Write, see: &CrossReference<'_>) -> fmt::Result {
    if let Some(topic) = &see.topic {
        if !topic.starts_with("On ") {
            f.write_str("On ")?;
        }
        write!(f, "{topic} ")?;
    }
    if let Some(keyword) = &see.keyword {
        write!(f, "{keyword} ")?;
    }
    f.write_str(&see.target)?;
    if !see.dates.is_empty() {
        f.write_str(", ")?;
        write_dates(f, &see.dates)?;
    }
    Ok(())
}

/// The texts a list of dates is written with, in order: each date in full,
/// except a single day after a single day of the same month, which is its
/// day alone (`July 4 and 5`).
pub(crate) fn date_texts(dates: &[CitedDate<'_>]) -> Vec<String> {
    let mut texts = Vec::with_capacity(dates.len());
    let mut previous: Option<&CitedDate<'_>> = None;
    for date in dates {
        let elide = previous.is_some_and(|p| {
            is_plain_day(p) && is_plain_day(date) && p.from.month == date.from.month
        });
        texts.push(match (elide, date.from.day) {
            (true, Some(day)) => day.to_string(),
            _ => full_date(date),
        });
        previous = Some(date);
    }
    texts
}

/// A single day without a written year: the dates a list can shorten.
fn is_plain_day(date: &CitedDate<'_>) -> bool {
    date.to.is_none() && date.from.year.is_none() && date.from.day.is_some()
}

/// A list of dates as written in a citation.
fn write_dates(f: &mut impl fmt::Write, dates: &[CitedDate<'_>]) -> fmt::Result {
    f.write_str(&join_dates(dates))
}

/// A list of dates as written in a citation, as a string.
pub(crate) fn join_dates(dates: &[CitedDate<'_>]) -> String {
    let texts = date_texts(dates);
    // ` and ` between two dates whose second is a bare day, `, ` otherwise.
    let second_elided = texts.len() == 2 && texts.get(1).is_some_and(|t| !t.contains(' '));
    texts.join(if second_elided { " and " } else { ", " })
}

impl Display for CitedDate<'_> {
    /// The date written from its parts (not from its stored text):
    /// `March 3`, `March 3-4`, `August 30-September 2`, `November 2, 2001`,
    /// `March 1999`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&full_date(self))
    }
}

impl Display for PartialDate {
    /// `March`, `March 3`, `March 1999`, `March 3, 1999`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_month(f, self.month)?;
        match (self.day, self.year) {
            (Some(day), Some(year)) => write!(f, " {day}, {year}"),
            (Some(day), None) => write!(f, " {day}"),
            (None, Some(year)) => write!(f, " {year}"),
            (None, None) => Ok(()),
        }
    }
}

fn write_month(f: &mut impl fmt::Write, month: u8) -> fmt::Result {
    match month::name(month) {
        Some(name) => f.write_str(name),
        None => write!(f, "month {month}"),
    }
}

/// A date or range in full, from its parts.
fn full_date(date: &CitedDate<'_>) -> String {
    let from = date.from;
    let Some(to) = date.to else {
        return from.to_string();
    };
    let undated = |d: PartialDate| PartialDate { year: None, ..d };
    // Writing to a String cannot fail.
    let mut out = undated(from).to_string();
    if to.month == from.month && from.day.is_some() {
        if let Some(day) = to.day {
            let _ = write!(out, "-{day}");
        }
    } else {
        let _ = write!(out, "-{}", undated(to));
    }
    // One year, after the range: the end's (`December 30-January 2, 2001`
    // runs from 2000).
    if let Some(year) = to.year.or(from.year) {
        let _ = write!(out, ", {year}");
    }
    out
}
