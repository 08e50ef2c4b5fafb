//! Headers in the layouts of other sites and of PDF issues
//! (docs/FORMAT.md §8), for archives that did not come from the
//! publisher's web pages:
//!
//! - [`rewritten`]: `Title; Publication Volume: N Issue: M`, and a
//!   publication line over `Tuesday, August 1, 2006 -- Volume 3, Issue 148`;
//! - [`pdf`]: a PDF issue's line `Example Weekly Volume 3, Issue 12 (May 4,
//!   2009)` and its masthead `VOLUME XII • ISSUE 7 • APRIL 2, 2015`;
//! - [`repost`]: a forum or mailing-list copy, or any page, that states its
//!   own date on a line of its own under the title and byline.

mod pdf;
pub(crate) use pdf::is_masthead_title;
mod repost;
mod rewritten;

use nom::{
    IResult, Parser,
    bytes::complete::take_while_m_n,
    character::complete::{alpha1, char, space0, space1},
    combinator::{map_opt, map_res, opt, verify},
    sequence::terminated,
};
use time::{Date, Month};

use super::header::FoundHeader;
use super::lines::TrimmedLine;
use crate::vocab::header::MAX_TITLE_LEN;
use crate::vocab::{month, weekday, year};

/// How far into a file a layout is looked for, in non-blank lines (so that
/// the same text with more or fewer blank lines, such as its canonical
/// rendering, finds the same header).
const SEARCH_LINES: usize = 40;

/// The most lines a layout reads from its first line on: a repost's title,
/// blank line, byline, blank line and date line, and a little more.
pub(crate) const MAX_LINES: usize = 6;

/// The first header in one of these layouts in the first lines, if any.
pub(crate) fn locate<'a>(lines: &[TrimmedLine<'a>]) -> Option<FoundHeader<'a>> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !line.is_blank())
        .take(SEARCH_LINES)
        .find_map(|(at, _)| at_line(lines, at))
}

/// Whether a header in one of these layouts starts at line `at`, as
/// [`locate`] would find it (where an archive's next article begins): the
/// number of lines it spans, title and table of contents included.
pub(crate) fn starts_at(lines: &[TrimmedLine<'_>], at: usize) -> Option<usize> {
    at_line(lines, at).map(|found| found.next.saturating_sub(at).max(1))
}

/// What a line could be the part of a layout: computed once per line of
/// an archive, so that most lines are passed over without asking each
/// layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Hint {
    /// Short enough to open a layout.
    short: bool,
    /// May name a `Volume` or `Issue`.
    field: bool,
    /// Opens like a date line.
    date: bool,
}

impl Hint {
    pub(crate) fn of(line: &TrimmedLine<'_>) -> Self {
        let short = !line.is_blank() && line.text.len() <= MAX_FIRST_LINE;
        Hint {
            short,
            field: short && names_a_field(line.text),
            date: short && repost::opens_with_date(line.text),
        }
    }
}

/// Whether a layout could start at the first of the lines `hints` are of
/// (the line and the lookahead after it): when not, [`starts_at`] need not
/// be asked.
pub(crate) fn could_start(hints: &[Hint]) -> bool {
    let Some(first) = hints.first() else {
        return false;
    };
    first.short
        && (first.field
            || hints.get(1).is_some_and(|next| next.field)
            || hints.iter().take(MAX_LINES).any(|h| h.date))
}

/// Whether a PDF masthead starts at line `at`: the articles under it, each
/// with its title and byline, inherit its header in an archive.
pub(crate) fn is_masthead(lines: &[TrimmedLine<'_>], at: usize) -> bool {
    lines
        .get(at)
        .is_some_and(|line| pdf::masthead_line(line.text).is_some())
}

/// The longest first line of a layout: a title and a header on one line.
const MAX_FIRST_LINE: usize = MAX_TITLE_LEN + 200;

/// The header in one of these layouts whose first line is `at`.
fn at_line<'a>(lines: &[TrimmedLine<'a>], at: usize) -> Option<FoundHeader<'a>> {
    // Paragraphs are asked too, in an archive: most are longer than any
    // layout's first line.
    let line = lines
        .get(at)
        .filter(|l| !l.is_blank() && l.text.len() <= MAX_FIRST_LINE)?;
    // Each layout is asked only where its keywords could be: most lines
    // hold none, and are turned away after a byte search.
    let numbered = |line: &TrimmedLine<'_>| names_a_field(line.text);
    let here = numbered(line);
    let below = lines.get(at + 1).is_some_and(numbered);
    here.then(|| rewritten::title_semicolon(at, line))
        .flatten()
        .or_else(|| below.then(|| rewritten::dated(lines, at)).flatten())
        .or_else(|| here.then(|| pdf::issue_line(lines, at)).flatten())
        .or_else(|| here.then(|| pdf::masthead(lines, at)).flatten())
        .or_else(|| repost::dated_page(lines, at))
}

/// Whether `text` may hold a `Volume` or `Issue` keyword, in any case: the
/// layouts that number the issue all do.
fn names_a_field(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'V', b'I', bytes).any(|at| {
        let rest = bytes.get(at + 1..).unwrap_or_default();
        let word = |tail: &[u8]| {
            rest.get(..tail.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(tail))
        };
        word(b"olume") || word(b"ssue")
    })
}

/// The first non-blank line from `from` on, at most one blank line down.
fn next_content<'a>(lines: &[TrimmedLine<'a>], from: usize) -> Option<(usize, TrimmedLine<'a>)> {
    (from..from + 2).find_map(|at| {
        let line = lines.get(at)?;
        (!line.is_blank()).then_some((at, *line))
    })
}

/// A date as headers state it: `Tuesday, August 1, 2006`, `August 1, 2006`,
/// `APRIL 2, 2015`. `None` for a date that is not in the calendar; an error
/// for text that has not the shape of one.
pub(crate) fn stated_date(input: &str) -> IResult<&str, Option<Date>> {
    let weekday = verify(alpha1, weekday::is_weekday);
    let (input, _) = opt(terminated(weekday, (char(','), space1))).parse(input)?;
    let (input, month) = map_opt(alpha1, |name| {
        month::number(name).and_then(|n| Month::try_from(n).ok())
    })
    .parse(input)?;
    let (input, _) = space1(input)?;
    let (input, day) = map_res(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        str::parse::<u8>,
    )
    .parse(input)?;
    let (input, _) = (char(','), space0).parse(input)?;
    let (input, year) = year::four_digits(input)?;
    Ok((input, Date::from_calendar_date(year, month, day).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_dates() {
        let date = |text| stated_date(text).map(|(rest, d)| (rest, d.map(|d| d.to_string())));
        assert_eq!(
            date("Tuesday, August 1, 2006 --"),
            Ok((" --", Some("2006-08-01".to_string())))
        );
        assert_eq!(
            date("APRIL 2, 2015"),
            Ok(("", Some("2015-04-02".to_string())))
        );
        assert_eq!(date("February 30, 2015"), Ok(("", None)));
        assert!(date("Tuesday August 1 2006").is_err());
        // Only a weekday's name may stand before the month.
        assert!(date("Issueinterfax, May 4, 2015").is_err());
        assert_eq!(
            date("wed, May 6, 2015"),
            Ok(("", Some("2015-05-06".to_string())))
        );
    }
}
