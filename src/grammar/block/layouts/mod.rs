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
mod repost;
mod rewritten;

use nom::{
    IResult, Parser,
    bytes::complete::take_while_m_n,
    character::complete::{alpha1, char, space0, space1},
    combinator::{map_opt, map_res, opt},
    sequence::terminated,
};
use time::{Date, Month};

use super::header::FoundHeader;
use super::lines::TrimmedLine;
use crate::vocab::{month, year};

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

/// Whether a PDF masthead starts at line `at`: the articles under it, each
/// with its title and byline, inherit its header in an archive.
pub(crate) fn is_masthead(lines: &[TrimmedLine<'_>], at: usize) -> bool {
    lines
        .get(at)
        .is_some_and(|line| pdf::masthead_line(line.text).is_some())
}

/// The header in one of these layouts whose first line is `at`.
fn at_line<'a>(lines: &[TrimmedLine<'a>], at: usize) -> Option<FoundHeader<'a>> {
    let line = lines.get(at).filter(|l| !l.is_blank())?;
    rewritten::title_semicolon(at, line)
        .or_else(|| rewritten::dated(lines, at))
        .or_else(|| pdf::issue_line(lines, at))
        .or_else(|| pdf::masthead(lines, at))
        .or_else(|| repost::dated_page(lines, at))
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
    let (input, _) = opt(terminated(alpha1, (char(','), space1))).parse(input)?;
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
    }
}
