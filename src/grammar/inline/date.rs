//! Date expressions inside citations: `March 3`, `February 27-28`,
//! `July 4 and 5`, `September 6, 10, 12`, `August 30-September 2`,
//! `November 2, 2001`, `March 1999`, and the malformed `March, 17`.
//!
//! The grammar reads a list item by item, each item a nom parser; every
//! item keeps its raw text and the month, day and year as written.
//! [`read_list`] reads as far as the items go, so that a citation can find
//! where its dates end in one pass; [`date_list`] wants the whole text.
//! Resolution to calendar dates is
//! [`DateContext::resolve`](crate::DateContext::resolve)'s job.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::{char, space0, space1},
    combinator::{opt, recognize},
    sequence::preceded,
};

use crate::ast::{CitedDate, PartialDate};
use crate::vocab::citation::ACCESSED;
use crate::vocab::{dash, month, year};

/// One or two digits not followed by another digit or a letter.
fn day_digits(input: &str) -> IResult<&str, &str> {
    let (rest, digits) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(input)?;
    if rest.starts_with(char::is_alphanumeric) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((rest, digits))
}

/// A day of the month, 1 to 31.
fn day(input: &str) -> IResult<&str, u8> {
    let (rest, digits) = day_digits(input)?;
    match digits.parse::<u8>() {
        Ok(d @ 1..=31) => Ok((rest, d)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// A range dash, with optional spaces around it, or a range word with
/// spaces: `-`, ` – `, ` through `, ` to `.
fn range_dash(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((space0, dash::range, space0)),
        recognize((space1, dash::range_word, space1)),
    ))
    .parse(input)
}

/// `, YYYY` or ` YYYY` after a day.
fn year_suffix(input: &str) -> IResult<&str, i32> {
    preceded((opt(char(',')), space1), year::cited).parse(input)
}

/// An item that opens with a month: `March 3`, `March 3-4`,
/// `August 30-September 2`, `March 1999`, `March, 17`, `November 2, 2001`.
fn month_item(input: &str) -> IResult<&str, (PartialDate, Option<PartialDate>, bool)> {
    let (rest, m) = month::cited(input)?;
    // `March 1999` or `March, 1999`.
    if let Ok((rest, y)) = preceded((opt(char(',')), space1), year::cited).parse(rest) {
        return Ok((rest, (PartialDate::new(Some(y), m, None), None, true)));
    }
    // `March 3`, or the malformed `March, 17`.
    let (rest, d) = preceded(alt((recognize((char(','), space0)), space1)), day).parse(rest)?;
    let from = PartialDate::new(None, m, Some(d));
    let (rest, to) = range_end(m).parse(rest)?;
    let (rest, y) = opt(year_suffix).parse(rest)?;
    Ok((rest, with_year(from, to, y)))
}

/// A bare day continuing the month of the previous item: the `5` of
/// `July 4 and 5`, the `10` of `September 6, 10, 12`, `4-5`.
fn day_item(
    month: u8,
) -> impl FnMut(&str) -> IResult<&str, (PartialDate, Option<PartialDate>, bool)> {
    move |input: &str| {
        let (rest, d) = day(input)?;
        let from = PartialDate::new(None, month, Some(d));
        let (rest, to) = range_end(month).parse(rest)?;
        let (rest, y) = opt(year_suffix).parse(rest)?;
        Ok((rest, with_year(from, to, y)))
    }
}

/// The optional end of a range: `-4` or `-September 2`.
fn range_end(month_of_start: u8) -> impl FnMut(&str) -> IResult<&str, Option<PartialDate>> {
    move |input: &str| {
        let Ok((rest, _)) = range_dash(input) else {
            return Ok((input, None));
        };
        if let Ok((rest, (m, d))) = (month::cited, preceded(space1, day)).parse(rest) {
            return Ok((rest, Some(PartialDate::new(None, m, Some(d)))));
        }
        if let Ok((rest, d)) = day(rest) {
            return Ok((rest, Some(PartialDate::new(None, month_of_start, Some(d)))));
        }
        Ok((input, None))
    }
}

fn with_year(
    mut from: PartialDate,
    mut to: Option<PartialDate>,
    year: Option<i32>,
) -> (PartialDate, Option<PartialDate>, bool) {
    if let Some(y) = year {
        // `December 30-January 2, 2001`: the year belongs to the end.
        match to.as_mut() {
            Some(end) if end.month < from.month => {
                end.year = Some(y);
                from.year = Some(y - 1);
            }
            Some(end) => {
                end.year = Some(y);
                from.year = Some(y);
            }
            None => from.year = Some(y),
        }
    }
    (from, to, year.is_some())
}

/// A separator between items: `, `, ` and `, `, and `, `&`.
fn separator(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((char(','), space0, tag("and"), space1)),
        recognize((space1, tag("and"), space1)),
        recognize((space0, char('&'), space0)),
        recognize((char(','), space0)),
    ))
    .parse(input)
}

/// `accessed` or `accessed on` before a web page's date.
fn accessed(input: &str) -> IResult<&str, &str> {
    recognize((tag(ACCESSED), space1, opt((tag("on"), space1)))).parse(input)
}

/// Where the run of white space and periods that may end a date list
/// begins in `text`: a list is whole when its last item ends there or
/// later (`May 3.` and `May 3 ` are whole lists).
pub(crate) fn trailing(text: &str) -> usize {
    text.trim_end().trim_end_matches('.').trim_end().len()
}

/// How far [`read_list`] read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reading {
    /// The offset in the text just after the last item.
    pub(crate) end: usize,
    /// Whether the list runs to the end of the text ([`trailing`]).
    pub(crate) whole: bool,
}

/// Reads a list of dates, unresolved, into `out` from `text[from..]`
/// (white space and `accessed` first), item after item for as long as a
/// separator and another item follow. `trailing` is [`trailing`] of `text`,
/// taken once by the caller for every start it tries. `None` when no
/// first item opens there; otherwise where the items end, and `out` holds
/// them. Each item is read once, so the work is linear in what is read.
pub(crate) fn read_list<'a>(
    text: &'a str,
    from: usize,
    trailing: usize,
    out: &mut Vec<CitedDate<'a>>,
) -> Option<Reading> {
    out.clear();
    let offset = |rest: &str| text.len() - rest.len();
    let mut rest = text.get(from..)?;
    (rest, _) = space0::<_, nom::error::Error<&str>>(rest).ok()?;
    if let Ok((r, _)) = accessed(rest) {
        rest = r;
    }
    // The items after the last one that wrote its own year.
    let mut yearless_from = 0;
    // Where the last item read ends.
    let mut last_end = None;
    loop {
        let start = offset(rest);
        let parsed = match out.last() {
            None => month_item(rest),
            Some(prev) => {
                let month = prev.to.map_or(prev.from.month, |t| t.month);
                alt((month_item, day_item(month))).parse(rest)
            }
        };
        let Ok((after, (from, to, has_year))) = parsed else {
            // The separator read before this item is not the list's.
            return last_end.map(|end| Reading { end, whole: false });
        };
        if has_year {
            // A year closes the run of year-less items before it:
            // `May 5 and 6, 2001`.
            let year = to.and_then(|t| t.year).or(from.year);
            for item in out.get_mut(yearless_from..).unwrap_or_default() {
                if item.from.month <= from.month {
                    item.from.year = year;
                    if let Some(t) = item.to.as_mut() {
                        t.year = year;
                    }
                }
            }
            yearless_from = out.len() + 1;
        }
        let end = offset(after);
        let raw = text.get(start..end).unwrap_or_default();
        out.push(match to {
            Some(to) => CitedDate::range(raw, from, to),
            None => CitedDate::single(raw, from),
        });
        last_end = Some(end);
        if end >= trailing {
            return Some(Reading { end, whole: true });
        }
        match separator(after) {
            Ok((after_sep, _)) => rest = after_sep,
            Err(_) => return Some(Reading { end, whole: false }),
        }
    }
}

/// Parses `text` as a whole as a list of dates, unresolved, or `None`
/// when the text is not a date list. Trailing white space and a final
/// period are allowed; anything else left over fails the parse.
pub(crate) fn date_list(text: &str) -> Option<Vec<CitedDate<'_>>> {
    let mut out = Vec::new();
    let reading = read_list(text, 0, trailing(text), &mut out)?;
    reading.whole.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(list: &str) -> Vec<String> {
        date_list(list)
            .unwrap()
            .into_iter()
            .map(|d| d.text.into_owned())
            .collect()
    }

    #[test]
    fn forms() {
        assert_eq!(texts("March 3"), ["March 3"]);
        assert_eq!(texts("March 3-4"), ["March 3-4"]);
        assert_eq!(texts("July 4 and 5"), ["July 4", "5"]);
        assert_eq!(texts("September 6, 10, 12"), ["September 6", "10", "12"]);
        assert_eq!(texts("August 30-September 2"), ["August 30-September 2"]);
        assert_eq!(
            texts("August 31, September 1"),
            ["August 31", "September 1"]
        );
        assert_eq!(texts("November 2, 2001"), ["November 2, 2001"]);
        assert_eq!(texts("March 1999"), ["March 1999"]);
        assert_eq!(texts("March, 17"), ["March, 17"]);
        assert_eq!(
            texts("April 17 and 24, May 1 and 8"),
            ["April 17", "24", "May 1", "8"]
        );
        assert_eq!(texts("April 3, 10 and 17"), ["April 3", "10", "17"]);
        assert_eq!(texts("accessed on January 17, 2011"), ["January 17, 2011"]);
    }

    #[test]
    fn range_words() {
        assert_eq!(texts("May 22 through 26"), ["May 22 through 26"]);
        assert_eq!(texts("May 30 to June 2, 2001"), ["May 30 to June 2, 2001"]);
        let d = date_list("May 22 through 26").unwrap();
        assert_eq!(d[0].to.map(|t| t.day), Some(Some(26)));
        for text in ["May 22 through", "May 22 to the end", "May 22 tothe 26"] {
            assert!(date_list(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn reads_as_far_as_the_items_go() {
        let mut out = Vec::new();
        let text = "May 3, 4, Rezonansi";
        let reading = read_list(text, 0, trailing(text), &mut out);
        assert_eq!(
            reading,
            Some(Reading {
                end: 8,
                whole: false
            })
        );
        assert_eq!(out.len(), 2);
        let text = "Interfax, May 3. ";
        let reading = read_list(text, 9, trailing(text), &mut out);
        assert_eq!(
            reading,
            Some(Reading {
                end: 15,
                whole: true
            })
        );
        assert_eq!(out.len(), 1);
        let text = "Interfax, Rezonansi";
        assert_eq!(read_list(text, 9, trailing(text), &mut out), None);
        assert_eq!(read_list(text, 99, trailing(text), &mut out), None);
    }

    #[test]
    fn not_dates() {
        for text in [
            "",
            "Mayor",
            "March",
            "March 32",
            "1999",
            "in March",
            "March 3 issue",
            "March 3, and more",
        ] {
            assert!(date_list(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn years_spread_back() {
        let d = date_list("May 5 and 6, 2001").unwrap();
        assert_eq!(d[0].from.year, Some(2001));
        assert_eq!(d[1].from.year, Some(2001));
        let d = date_list("December 30-January 2, 2001").unwrap();
        assert_eq!(d[0].from.year, Some(2000));
        assert_eq!(d[0].to.unwrap().year, Some(2001));
    }
}
