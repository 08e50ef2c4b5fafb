//! The header line (`Publication: NAME Volume: N Issue: M`), the byline, and
//! the title and site chrome before them.

use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while, take_while1},
    character::complete::{char, space0},
    combinator::opt,
};

use super::lines::RawLine;

/// The keyword that opens a header line.
pub(crate) const PUBLICATION: &str = "Publication:";

/// Known site chrome: lines the scraper left before the article.
const CHROME: &[&str] = &["Placeholder canvas"];

/// A header line split into its fields, with byte offsets into the line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct HeaderLine<'a> {
    pub publication: &'a str,
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
pub(crate) struct Located<'a> {
    /// Index of the header's first line.
    pub first: usize,
    /// Index of the first line after the header (and any title after it).
    pub next: usize,
    pub fields: HeaderLine<'a>,
    /// The issue's date, when the header states it.
    pub date: Option<time::Date>,
    /// A title found on or after the header lines (FORMAT.md §8 layouts).
    pub title: Option<RawLine<'a>>,
    pub span: crate::ast::Span,
}

/// The first `Publication:` header line.
pub(crate) fn locate<'a>(lines: &[RawLine<'a>]) -> Option<Located<'a>> {
    let (at, &line) = lines
        .iter()
        .enumerate()
        .find(|(_, l)| is_header_line(l.text))?;
    Some(Located {
        first: at,
        next: at + 1,
        fields: header_line(line.text).shifted(line.start),
        date: None,
        title: None,
        span: line.trimmed_span(),
    })
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
        if keyword == "Volume" {
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
        publication,
        publication_at,
        volume,
        issue,
        unread,
    }
}

/// Offset of the first ` Volume:` or ` Issue:`, any white space before
/// (a non-breaking space too, as [`field`] reads it), or of a keyword
/// that opens `rest`. One pass over the
/// colons: four substring searches per header line were a fifth of the
/// corpus parse time.
pub(crate) fn field_start(rest: &str) -> Option<usize> {
    memchr::memchr_iter(b':', rest.as_bytes()).find_map(|colon| {
        let before = rest.get(..colon)?;
        ["Volume", "Issue"].iter().find_map(|keyword| {
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
    let (input, keyword) = nom::branch::alt((tag("Volume"), tag("Issue"))).parse(input)?;
    let (input, _) = (char(':'), space0).parse(input)?;
    let (input, digits) = opt(take_while1(|c: char| c.is_ascii_digit())).parse(input)?;
    Ok((input, (keyword, digits.unwrap_or(""))))
}

/// The authors of a byline (`By Anna Kovacs and Piotr Lind`, `By: A, B`),
/// `Some(vec![])` for an empty `By:`, `None` when the line is not a byline.
pub(crate) fn byline(line: &str) -> Option<Vec<&str>> {
    let line = line.trim();
    let names = if let Some(rest) = line.strip_prefix("By:") {
        rest
    } else {
        // `by Anna Kovacs` in copies rewritten by other sites (FORMAT.md §8).
        let rest = line
            .strip_prefix("By ")
            .or_else(|| line.strip_prefix("by "))?;
        if !looks_like_names(rest) {
            return None;
        }
        rest
    };
    // The bound is on the names, not the line: the renderer joins them
    // with `and` where the source had commas, and must read back the same.
    if names.len() > 10 * MAX_BYLINE_NAMES_LEN {
        return None;
    }
    let names = split_names(names);
    let total: usize = names.iter().map(|n| n.len()).sum();
    (total <= MAX_BYLINE_NAMES_LEN).then_some(names)
}

/// The most bytes of names a byline holds; a longer `By:` line is prose.
const MAX_BYLINE_NAMES_LEN: usize = 200;

/// Splits `A, B and C` into names.
pub(crate) fn split_names(names: &str) -> Vec<&str> {
    names
        .split(',')
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .map(without_connectors)
        // A connector alone (`A and and B`) is no name.
        .filter(|name| !name.is_empty() && !matches!(*name, "and" | "&"))
        .collect()
}

/// `name` without the connectors (`and`, `&`) that a split left at either
/// end (`A, B and, C`; `A and and  C`), whatever white space follows them.
fn without_connectors(name: &str) -> &str {
    let mut name = name.trim();
    loop {
        let before = name.len();
        for connector in ["and", "&"] {
            if let Some(rest) = name.strip_prefix(connector) {
                if rest.starts_with(char::is_whitespace) {
                    name = rest.trim_start();
                }
            }
            if let Some(rest) = name.strip_suffix(connector) {
                if rest.ends_with(char::is_whitespace) {
                    name = rest.trim_end();
                }
            }
        }
        if name.len() == before {
            return name;
        }
    }
}

/// `Anna Kovacs and Piotr Lind`, not `the end of the year`: every word
/// capitalised but for connectors, and no sentence end.
fn looks_like_names(text: &str) -> bool {
    const CONNECTORS: &[&str] = &["and", "&", "de", "van", "von", "al", "bin", "der", "la"];
    let text = text.trim();
    !text.is_empty()
        && text.len() <= 100
        && !text.ends_with('.')
        && text.split_whitespace().all(|word| {
            let word = word.trim_end_matches(',');
            CONNECTORS.contains(&word) || word.chars().next().is_some_and(char::is_uppercase)
        })
}

/// A longer line before the header is a paragraph, not a title.
pub(crate) const MAX_TITLE_LEN: usize = 400;

/// What stands before the header: the title and skipped site chrome.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Preamble<'a> {
    pub title: Option<RawLine<'a>>,
    pub chrome: Vec<RawLine<'a>>,
}

/// The title is the last line before the header, separated from it by at
/// most one blank line, unless it is known chrome. Everything else before
/// the header is chrome.
pub(crate) fn preamble<'a>(before_header: &[RawLine<'a>]) -> Preamble<'a> {
    let mut content: Vec<RawLine<'a>> = before_header
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
    let is_title = blanks_after <= 1
        && !CHROME.contains(&last.trimmed())
        && last.trimmed().len() <= MAX_TITLE_LEN;
    let title = is_title.then(|| {
        content.pop();
        last
    });
    Preamble {
        title,
        chrome: content,
    }
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
        assert_eq!(h.publication, "Eurasia Daily Monitor");
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
        assert_eq!((h.publication, h.volume, h.issue), ("Prism", None, None));
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

    #[test]
    fn bylines() {
        assert_eq!(
            byline("By Anna Kovacs and Piotr Lind"),
            Some(vec!["Anna Kovacs", "Piotr Lind"])
        );
        assert_eq!(byline("By: Anna Kovacs"), Some(vec!["Anna Kovacs"]));
        assert_eq!(byline("By:"), Some(vec![]));
        assert_eq!(byline("By the end of the year, prices rose."), None);
        assert_eq!(byline("Byzantine politics"), None);
    }
}
