//! The header line (`Publication: NAME Volume: N Issue: M`), the title and
//! site chrome before it, and the header assembled with its byline.

use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while, take_while1},
    character::complete::{char, space0},
    combinator::opt,
};

use std::borrow::Cow;

use super::byline::byline;
use super::lines::TrimmedLine;
use crate::ast::{Article, Header};
use crate::error::{Diagnostic, DiagnosticKind, ErrorKind, ParseError};
use crate::options::ParseOptions;
use crate::span::Span;
use crate::vocab::header::{CHROME, ISSUE, MAX_TITLE_LEN, PUBLICATION, VOLUME};

/// A header line split into its fields, with byte offsets into the line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct HeaderLine<'a> {
    /// The name as written (empty after a bare `Publication:`); `None`
    /// where the layout names no publication.
    pub publication: Option<&'a str>,
    /// Offset of the publication name within the line.
    pub publication_at: usize,
    pub volume: Option<Number<'a>>,
    pub issue: Option<Number<'a>>,
    /// Text after the last field that no field reads (`Issue: 4 (corrected)`):
    /// its offset and the text.
    pub unread: Option<(usize, &'a str)>,
}

/// A `Volume:` or `Issue:` field: its digits as written, and where.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Number<'a> {
    pub digits: &'a str,
    /// Offset of the digits (or of where they were expected) in the line.
    pub at: usize,
}

impl Number<'_> {
    /// The value, or why it is not a usable issue or volume number.
    pub fn value(&self) -> Result<u32, &'static str> {
        if self.digits.is_empty() {
            return Err("expected a number");
        }
        if let Some(value) = crate::vocab::roman::value(self.digits) {
            return Ok(value);
        }
        match self.digits.parse::<u32>() {
            Ok(0) => Err("expected a number of at least 1"),
            Ok(n) => Ok(n),
            Err(_) => Err("number too large"),
        }
    }
}

impl HeaderLine<'_> {
    /// The same fields with offsets made absolute: `line_start` is the
    /// line's offset in the input.
    pub fn shifted(mut self, line_start: usize) -> Self {
        self.publication_at += line_start;
        for number in [&mut self.volume, &mut self.issue].into_iter().flatten() {
            number.at += line_start;
        }
        if let Some((at, _)) = self.unread.as_mut() {
            *at += line_start;
        }
        self
    }
}

/// A header found in the input, in any of its layouts; offsets absolute.
#[derive(Debug)]
pub(crate) struct FoundHeader<'a> {
    /// Index of the header's first line.
    pub first: usize,
    /// Index of the first line after the header (and any title after it).
    pub next: usize,
    pub fields: HeaderLine<'a>,
    /// The issue's date, when the header states it.
    pub date: Option<time::Date>,
    /// A title found on or after the header lines (docs/FORMAT.md §8 layouts).
    pub title: Option<TrimmedLine<'a>>,
    /// A byline among the header's lines, where the layout puts it before
    /// the line that ends the header (a repost's date).
    pub byline: Option<TrimmedLine<'a>>,
    /// Lines inside the layout that are site chrome (a table of contents,
    /// a timestamp glued to the issue number).
    pub chrome: Vec<TrimmedLine<'a>>,
    /// The start of the body where the layout runs the title into the
    /// first paragraph (`TALKS RESUME AT LAST Officials said ...`): the
    /// rest of that line.
    pub body_start: Option<TrimmedLine<'a>>,
    pub span: Span,
}

impl<'a> FoundHeader<'a> {
    /// A header of lines `first..next` with `fields`, nothing else found.
    pub fn new(first: usize, next: usize, fields: HeaderLine<'a>, span: Span) -> Self {
        FoundHeader {
            first,
            next,
            fields,
            date: None,
            title: None,
            byline: None,
            chrome: Vec::new(),
            body_start: None,
            span,
        }
    }
}

/// The first `Publication:` header line.
pub(crate) fn locate<'a>(lines: &[TrimmedLine<'a>]) -> Option<FoundHeader<'a>> {
    let (at, &line) = lines
        .iter()
        .enumerate()
        .find(|(_, l)| is_header_line(l.text))?;
    let mut found = FoundHeader::new(
        at,
        at + 1,
        header_line(line.text).shifted(line.start),
        line.span(),
    );
    glued_timestamp(&mut found);
    Some(found)
}

/// A copy on the publisher's own site with a timestamp glued to the issue
/// number, `Issue: 48December 18, 2008 07:08 PM Age: 2 days`: the date is
/// the issue's, the rest site chrome.
fn glued_timestamp(found: &mut FoundHeader<'_>) {
    let Some((at, text)) = found.fields.unread else {
        return;
    };
    // Glued to the issue number: after `Volume: 12` alone, or after a
    // volume that follows the issue, a date is text the header does not read.
    let fields = &found.fields;
    let Some(issue) = fields.issue.as_ref().filter(|n| !n.digits.is_empty()) else {
        return;
    };
    if fields.volume.as_ref().is_some_and(|v| v.at > issue.at) {
        return;
    }
    let Ok((rest, Some(date))) = super::layouts::stated_date(text) else {
        return;
    };
    found.date = Some(date);
    found.fields.unread = None;
    let chrome = rest.trim();
    if !chrome.is_empty() {
        found.chrome.push(TrimmedLine {
            text: chrome,
            start: at + (text.len() - rest.trim_start().len()),
        });
    }
}

/// True when `line` is a header line.
pub(crate) fn is_header_line(line: &str) -> bool {
    line.trim_start().starts_with(PUBLICATION)
}

/// Splits a header line into its fields. The publication name runs up to
/// ` Volume:` or ` Issue:`; either number may be missing.
pub(crate) fn header_line(line: &str) -> HeaderLine<'_> {
    let lead = line.len() - line.trim_start().len();
    named_fields(line, lead + PUBLICATION.len())
}

/// The publication name starting at byte `name_at` of `line`, and the
/// `Volume:`/`Issue:` fields after it.
pub(crate) fn named_fields(line: &str, name_at: usize) -> HeaderLine<'_> {
    let rest = line.get(name_at..).unwrap_or("");
    let name_end = field_start(rest).unwrap_or(rest.len());
    let raw_name = &rest[..name_end];
    let publication = raw_name.trim();
    let publication_at = name_at + (raw_name.len() - raw_name.trim_start().len());
    let mut fields = &rest[name_end..];
    let mut volume = None;
    let mut issue = None;
    // Whether the last field read had no digits: what stands there instead
    // (`Issue: -3`) is reported with that field.
    let mut missing_digits = false;
    while let Ok((remaining, (keyword, digits))) = field(fields) {
        missing_digits = digits.is_empty();
        let at = line.len() - remaining.len() - digits.len();
        let number = Number { digits, at };
        if keyword == VOLUME {
            volume = Some(number);
        } else {
            issue = Some(number);
        }
        fields = remaining;
    }
    let unread_text = fields.trim();
    let unread = (!unread_text.is_empty() && !missing_digits).then(|| {
        let lead = fields.len() - fields.trim_start().len();
        (line.len() - fields.len() + lead, unread_text)
    });
    HeaderLine {
        publication: Some(publication),
        publication_at,
        volume,
        issue,
        unread,
    }
}

/// Offset of the first ` Volume:` or ` Issue:`, any white space before
/// (a non-breaking space too, as [`field`] reads it), or of a keyword
/// that opens `rest`: one pass over the colons, asking what precedes
/// each.
pub(crate) fn field_start(rest: &str) -> Option<usize> {
    memchr::memchr_iter(b':', rest.as_bytes()).find_map(|colon| {
        let before = rest.get(..colon)?;
        [VOLUME, ISSUE].iter().find_map(|keyword| {
            let head = before.strip_suffix(keyword)?;
            match head.chars().next_back() {
                // `Publication:Volume: 6`: no name at all.
                None => Some(0),
                Some(blank) if blank.is_whitespace() => Some(head.len() - blank.len_utf8()),
                Some(_) => None,
            }
        })
    })
}

/// ` Volume: 12` or ` Issue: 3`: the keyword and its digits (empty when the
/// keyword is followed by something else, such as `-3`).
fn field(input: &str) -> IResult<&str, (&str, &str)> {
    let (input, _) = take_while(char::is_whitespace).parse(input)?;
    let (input, keyword) = nom::branch::alt((tag(VOLUME), tag(ISSUE))).parse(input)?;
    let (input, _) = (char(':'), space0).parse(input)?;
    let (input, digits) = opt(take_while1(|c: char| c.is_ascii_digit())).parse(input)?;
    Ok((input, (keyword, digits.unwrap_or(""))))
}

/// What stands before the header: the title and skipped site chrome.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Preamble<'a> {
    pub title: Option<TrimmedLine<'a>>,
    pub chrome: Vec<TrimmedLine<'a>>,
}

/// The title is the last line before the header, separated from it by at
/// most one blank line, unless it is known chrome. Everything else before
/// the header is chrome.
pub(crate) fn preamble<'a>(before_header: &[TrimmedLine<'a>]) -> Preamble<'a> {
    let mut content: Vec<TrimmedLine<'a>> = before_header
        .iter()
        .copied()
        .filter(|l| !l.is_blank())
        .collect();
    let Some(last) = content.last().copied() else {
        return Preamble::default();
    };
    let blanks_after = before_header
        .iter()
        .rev()
        .take_while(|l| l.start > last.start)
        .count();
    let is_title =
        blanks_after <= 1 && !CHROME.contains(&last.text) && last.text.len() <= MAX_TITLE_LEN;
    let title = is_title.then(|| {
        content.pop();
        last
    });
    Preamble {
        title,
        chrome: content,
    }
}

/// The header `found` and the byline after it; returns the header and the
/// index of the first line after them.
pub(super) fn header_and_byline<'a>(
    input: &'a str,
    lines: &[TrimmedLine<'a>],
    found: FoundHeader<'a>,
    options: &ParseOptions,
    article: &mut Article<'a>,
) -> Result<(Header<'a>, usize), ParseError> {
    let fields = found.fields;
    if fields.publication.is_some_and(str::is_empty) {
        return Err(ParseError::new(
            ErrorKind::InvalidHeader,
            input,
            fields.publication_at,
            "expected a publication name after `Publication:`",
        ));
    }
    let mut number = |field: Option<Number<'_>>, what: &str| -> Result<Option<u32>, ParseError> {
        let Some(field) = field else { return Ok(None) };
        match field.value() {
            Ok(n) => Ok(Some(n)),
            Err(problem) => {
                let offset = field.at;
                let message = format!("invalid {what} number: {problem}");
                if options.is_lenient() {
                    // The digits, or the one character found instead
                    // (which may be wider than a byte), within the
                    // header; empty where trailing space was trimmed.
                    let next_char = input.get(offset..).and_then(|r| r.chars().next());
                    let width = field.digits.len().max(next_char.map_or(0, char::len_utf8));
                    let end = (offset + width).min(found.span.end).max(offset);
                    article.diagnostics.push(Diagnostic::new(
                        DiagnosticKind::InvalidNumber,
                        Span::new(offset, end),
                        format!("{message}; left out"),
                    ));
                    Ok(None)
                } else {
                    Err(ParseError::new(
                        ErrorKind::InvalidHeader,
                        input,
                        offset,
                        message,
                    ))
                }
            }
        }
    };
    let volume = number(fields.volume, "volume")?;
    let issue = number(fields.issue, "issue")?;
    if let Some((at, text)) = fields.unread {
        article.diagnostics.push(Diagnostic::new(
            DiagnosticKind::Unexpected,
            Span::new(at, at + text.len()),
            format!("skipped {text:?} after the header fields"),
        ));
    }
    let publication = fields.publication;
    let year = match found.date {
        Some(date) => Some(date.year()),
        None => volume.and_then(|v| options.year_table().year_of(publication?, v)),
    };
    let mut header = Header {
        publication: publication.map(Cow::Borrowed),
        volume,
        issue,
        authors: Vec::new(),
        year,
        date: found.date,
        issue_date: None,
        span: found.span,
    };
    // The byline: where the layout found one, else the next non-blank
    // line, at most one blank line away; none where the title ran into the
    // first paragraph, whose next line goes on with that paragraph.
    let mut next = found.next;
    let candidate = match found.byline {
        Some(by) => Some(by),
        None if found.body_start.is_some() => None,
        None => {
            let after = lines
                .get(next..)
                .unwrap_or_default()
                .iter()
                .enumerate()
                .take(2);
            let found_after = after.clone().find(|(_, l)| !l.is_blank());
            found_after.and_then(|(skip, by)| {
                byline(by.text).is_some().then(|| {
                    next += skip + 1;
                    *by
                })
            })
        }
    };
    if let Some(by) = candidate {
        if let Some(authors) = byline(by.text) {
            header.authors = authors.into_iter().map(Cow::Borrowed).collect();
            header.span = header.span.join(by.span());
        }
    }
    Ok((header, next))
}

/// The header of an article under a PDF masthead: the masthead's
/// (`inherited`), with the authors of the byline that opens the article;
/// its title is the line above that byline. Returns the header and the
/// index of the first line after them; lines before the title are chrome.
pub(super) fn under_masthead<'a>(
    lines: &[TrimmedLine<'a>],
    inherited: Option<&Header<'a>>,
    article: &mut Article<'a>,
) -> (Option<Header<'a>>, usize) {
    let mut header = inherited.cloned();
    let content: Vec<usize> = (0..lines.len())
        .filter(|&at| lines.get(at).is_some_and(|l| !l.is_blank()))
        .take(2)
        .collect();
    let (Some(&title_at), by_at) = (content.first(), content.get(1).copied()) else {
        return (header, 0);
    };
    let (Some(title), by) = (lines.get(title_at), by_at.and_then(|at| lines.get(at))) else {
        return (header, 0);
    };
    article.title = Some(Cow::Borrowed(title.text));
    let mut next = title_at + 1;
    if let (Some(header), Some(by), Some(by_at)) = (header.as_mut(), by, by_at) {
        if let Some(authors) = byline(by.text) {
            header.authors = authors.into_iter().map(Cow::Borrowed).collect();
            next = by_at + 1;
        }
    }
    (header, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_starts() {
        assert_eq!(field_start(" Monitor Volume: 6 Issue: 41"), Some(8));
        assert_eq!(field_start(" Monitor\tIssue: 41"), Some(8));
        assert_eq!(field_start(" FooVolume: 3 Issue: 4"), Some(13));
        assert_eq!(field_start(" Fortnight in Review"), None);
        // A keyword that opens the rest: the name is empty.
        assert_eq!(field_start("Volume: 3"), Some(0));
        assert_eq!(field_start(" Monitor\u{a0}Volume: 3"), Some(8));
    }

    #[test]
    fn splits_a_full_header() {
        let h = header_line("Publication: Eurasia Daily Monitor Volume: 1 Issue: 107");
        assert_eq!(h.publication, Some("Eurasia Daily Monitor"));
        assert_eq!(h.publication_at, 13);
        assert_eq!(h.volume.unwrap().value(), Ok(1));
        assert_eq!(h.issue.unwrap().value(), Ok(107));
    }

    #[test]
    fn numbers_may_be_missing_or_bad() {
        let h = header_line("Publication: Prism Issue: 4");
        assert_eq!(h.volume, None);
        assert_eq!(h.issue.unwrap().value(), Ok(4));
        let h = header_line("Publication: Prism");
        assert_eq!(
            (h.publication, h.volume, h.issue),
            (Some("Prism"), None, None)
        );
        let h = header_line("Publication: Prism Volume: 99999999999999999999 Issue: -3");
        assert_eq!(h.volume.unwrap().value(), Err("number too large"));
        let issue = h.issue.unwrap();
        assert_eq!(issue.value(), Err("expected a number"));
        assert_eq!(issue.at, 55);
        assert!(
            header_line("Publication: X Issue: 0")
                .issue
                .unwrap()
                .value()
                .is_err()
        );
    }
}
