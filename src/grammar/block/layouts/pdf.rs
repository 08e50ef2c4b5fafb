//! The layouts of a PDF issue turned into text:
//!
//! ```text
//! Example Weekly Volume 3, Issue 12 (May 4, 2009)
//! TALKS RESUME AT LAST Officials in Tbilisi said ...
//!
//! VOLUME XII • ISSUE 7 • APRIL 2, 2015
//! IN THIS ISSUE:
//! ...
//! ```
//!
//! The issue line names publication, volume, issue and date, and the first
//! headline often runs into its paragraph. The masthead names no
//! publication; its bullets may come out as a stray `u` (a symbol font's
//! bullet), and a table of contents follows it.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while1},
    character::complete::{char, digit1, one_of, space0, space1},
    combinator::{opt, recognize},
    sequence::delimited,
};
use time::Date;

use super::{next_content, stated_date};
use crate::grammar::block::byline::byline;
use crate::grammar::block::header::{FoundHeader, HeaderLine, Number, field_start};
use crate::grammar::block::lines::TrimmedLine;
use crate::grammar::block::shapes::{is_all_caps, is_title_case, is_title_shaped};
use crate::vocab::BYTE_ORDER_MARK;
use crate::vocab::header::{
    ISSUE, MAX_PUBLICATION_LEN, MAX_TITLE_LEN, VOLUME, is_contents_heading,
};

/// `Example Weekly Volume 3, Issue 12 (May 4, 2009)`, and the title under it.
pub(super) fn issue_line<'a>(lines: &[TrimmedLine<'a>], at: usize) -> Option<FoundHeader<'a>> {
    let line = lines.get(at)?;
    let text = line.text;
    let name_end = text.find(" Volume ")?;
    let name = text.get(..name_end)?.trim();
    // A publication's name: words, no numbers (not the date of a dated
    // header line, `Tuesday, August 1, 2006 -- Volume 3, ...`).
    if name.is_empty()
        || name.len() > MAX_PUBLICATION_LEN
        || name.contains(|c: char| c.is_ascii_digit())
        || !name.ends_with(char::is_alphabetic)
        || !is_title_case(name)
        || field_start(name).is_some()
    {
        return None;
    }
    let (_, (volume, issue, date)) = issue_fields(text.get(name_end..)?).ok()?;
    let number = |digits: &'a str| Number {
        digits,
        at: line.start + offset_in(text, digits),
    };
    let fields = HeaderLine {
        publication: Some(name),
        publication_at: line.start,
        volume: Some(number(volume)),
        issue: Some(number(issue)),
        unread: None,
    };
    let mut found = FoundHeader::new(at, at + 1, fields, line.span());
    found.date = date;
    if let Some((title_at, title_line)) = next_content(lines, at + 1) {
        if let Some((title, rest)) = title_run(&title_line) {
            found.title = Some(title);
            found.body_start = rest;
            found.next = title_at + 1;
        }
    }
    Some(found)
}

/// ` Volume 3, Issue 12 (May 4, 2009)`: the digits and the date.
fn issue_fields(input: &str) -> IResult<&str, (&str, &str, Option<Date>)> {
    let (input, _) = (space1, tag(VOLUME), space1).parse(input)?;
    let (input, volume) = digit1(input)?;
    let (input, _) = (char(','), space0, tag(ISSUE), space1).parse(input)?;
    let (input, issue) = digit1(input)?;
    let (input, date) = opt(delimited((space0, char('(')), stated_date, char(')'))).parse(input)?;
    let (input, _) = space0(input)?;
    if !input.is_empty() {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Eof,
        )));
    }
    Ok((input, (volume, issue, date.flatten())))
}

/// `VOLUME XII • ISSUE 7 • APRIL 2, 2015`, the table of contents after it
/// (site chrome), and the first title.
pub(super) fn masthead<'a>(lines: &[TrimmedLine<'a>], at: usize) -> Option<FoundHeader<'a>> {
    let line = lines.get(at)?;
    let (volume, issue, date) = masthead_line(line.text)?;
    let number = |digits: &'a str| Number {
        digits,
        at: line.start + offset_in(line.text, digits),
    };
    let fields = HeaderLine {
        publication: None,
        publication_at: line.start,
        volume: Some(number(volume)),
        issue: Some(number(issue)),
        unread: None,
    };
    let mut found = FoundHeader::new(at, at + 1, fields, line.span());
    found.date = date;
    let mut next = at + 1;
    if let Some((contents_at, contents)) = next_content(lines, next) {
        if is_contents_heading(contents.text) {
            found.chrome.push(contents);
            next = contents_at + 1;
            while let Some(entry) = lines.get(next).filter(|l| !l.is_blank()) {
                found.chrome.push(*entry);
                next += 1;
            }
        }
    }
    found.next = next;
    if let Some((title_at, title)) = next_content(lines, next) {
        if is_masthead_title(title.text) {
            found.title = Some(title);
            found.next = title_at + 1;
        }
    }
    Some(found)
}

/// Whether `text`, the first line after a masthead (and its table of
/// contents), is the first article's title.
pub(crate) fn is_masthead_title(text: &str) -> bool {
    is_title_shaped(text, 1, false) && byline(text).is_none()
}

/// The volume (Roman numerals or digits), issue and date of a masthead:
/// a line whose date is no calendar date (`APRIL 0, 2015`) is none.
pub(super) fn masthead_line(text: &str) -> Option<(&str, &str, Option<Date>)> {
    masthead_fields(text)
        .ok()
        .map(|(_, fields)| fields)
        .filter(|(_, _, date)| date.is_some())
}

fn masthead_fields(input: &str) -> IResult<&str, (&str, &str, Option<Date>)> {
    let (input, _) = (tag_no_case(VOLUME), space1).parse(input)?;
    let (input, volume) = alt((digit1, take_while1(|c| "IVXLCDM".contains(c)))).parse(input)?;
    let (input, _) = bullet(input)?;
    let (input, _) = (tag_no_case(ISSUE), space1).parse(input)?;
    let (input, issue) = digit1(input)?;
    let (input, _) = bullet(input)?;
    let (input, date) = stated_date(input)?;
    let (input, _) = space0(input)?;
    if !input.is_empty() {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Eof,
        )));
    }
    Ok((input, (volume, issue, date)))
}

/// What separates a masthead's parts: a bullet (or the `u` a symbol
/// font's bullet turns into), a bar, or a dash, between spaces.
fn bullet(input: &str) -> IResult<&str, &str> {
    recognize((space1, one_of("•u|·–-"), space1)).parse(input)
}

/// A title in capitals: the whole line, or the run of capitalised words
/// that opens it and runs into the paragraph (`TALKS RESUME AT LAST
/// Officials in Tbilisi said ...`), with the rest of the line.
fn title_run<'a>(line: &TrimmedLine<'a>) -> Option<(TrimmedLine<'a>, Option<TrimmedLine<'a>>)> {
    // Byte-order marks before the title (files joined into one) are no part
    // of it: written above the issue line, they would open the text, where
    // they are skipped.
    let text = line
        .text
        .trim_start_matches(|c: char| c == BYTE_ORDER_MARK || c.is_whitespace());
    let line = &TrimmedLine {
        text,
        start: line.start + (line.text.len() - text.len()),
    };
    if is_all_caps(text) && is_title_shaped(text, 1, false) {
        return Some((*line, None));
    }
    // The words in capitals, up to the first with a lowercase letter.
    let mut end = 0;
    let mut words = 0;
    for (at, word) in text.split(' ').scan(0, |offset, word| {
        let at = *offset;
        *offset += word.len() + 1;
        Some((at, word))
    }) {
        if word.chars().any(char::is_lowercase) {
            break;
        }
        if word.chars().any(char::is_alphabetic) {
            words += 1;
        }
        end = at + word.len();
    }
    let title = text.get(..end)?.trim_end();
    let rest = text.get(end..)?.trim_start();
    // No longer than a title above a header may be, where the rendering
    // writes it.
    if words < 2 || rest.is_empty() || title.len() > MAX_TITLE_LEN || !is_all_caps(title) {
        return None;
    }
    let rest_at = text.len() - rest.len();
    Some((
        TrimmedLine {
            text: title,
            start: line.start,
        },
        Some(TrimmedLine {
            text: rest,
            start: line.start + rest_at,
        }),
    ))
}

/// The offset of `part`, a slice of `text`, in `text`.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::block::lines::split_lines;

    #[test]
    fn an_issue_line_and_the_title_running_into_its_paragraph() {
        let text = "Example Weekly Volume 3, Issue 12 (May 4, 2009)\n\
                    TALKS RESUME AT LAST Officials in Tbilisi said so.\n";
        let lines = split_lines(text, 0, text.len());
        let found = issue_line(&lines, 0).unwrap();
        assert_eq!(found.fields.publication, Some("Example Weekly"));
        assert_eq!(found.date.unwrap().to_string(), "2009-05-04");
        assert_eq!(found.title.unwrap().text, "TALKS RESUME AT LAST");
        assert_eq!(
            found.body_start.unwrap().text,
            "Officials in Tbilisi said so."
        );
        assert_eq!(found.next, 2);
    }

    #[test]
    fn mastheads() {
        let (volume, issue, date) = masthead_line("VOLUME XII • ISSUE 7 • APRIL 2, 2015").unwrap();
        assert_eq!((volume, issue), ("XII", "7"));
        assert_eq!(date.unwrap().to_string(), "2015-04-02");
        assert!(masthead_line("VOLUME 4 u ISSUE 11 u JUNE 3, 2010").is_some());
        assert!(masthead_line("Volume 4, issue 11 of the journal").is_none());
    }
}
