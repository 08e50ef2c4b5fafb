//! The nom grammar, one module per part of an article.
//!
//! The document level is line-oriented (header line, byline, blocks
//! separated by blank lines or single newlines); nom parses the structured
//! parts: header fields, bylines, note numbers, citations, dates, footer.

mod body;
pub(crate) mod citation;
mod classify;
pub(crate) mod date;
mod footer;
mod header;
mod inline;
mod lines;
mod notes;
#[allow(
    clippy::indexing_slicing,
    reason = "one site, `&lines[..lines.len().min(SEARCH_LINES)]`, in bounds by construction; \
              the module's owner may switch it to `get` and drop this allow"
)]
mod rewritten;

use std::borrow::Cow;

use crate::ParseOptions;
use crate::ast::{Article, Header, Line, Span};
use crate::error::{Diagnostic, DiagnosticKind, ErrorKind, ParseError};
use lines::RawLine;

// For the builders and the renderer, which check that what they write
// reads back as built.
pub(crate) use classify::{is_caption, is_headline};
pub(crate) use footer::parse as parse_footer;
pub(crate) use header::byline;
pub(crate) use notes::{is_notes_heading, is_numbered};

const BOM: char = '\u{feff}';

/// The offset of `phrase` (a short fixed phrase such as `, translated by `)
/// in `text`. A `memchr` for the phrase's first letter, then a comparison:
/// no set-up per call, where both `str::find` and `memchr::memmem::find`
/// build a searcher that costs more than the search in a citation of a
/// few dozen bytes. Linear: each candidate compares at most `phrase.len()`
/// bytes. (The footer keeps `memmem`: footers run to kilobytes, where its
/// SIMD search pays for the set-up; tried, this was slower there.)
pub(crate) fn find_phrase(text: &str, phrase: &str) -> Option<usize> {
    let (haystack, needle) = (text.as_bytes(), phrase.as_bytes());
    // Spaces are the commonest byte: search for the first letter instead.
    let (lead, &letter) = needle.iter().enumerate().find(|(_, b)| **b != b' ')?;
    memchr::memchr_iter(letter, haystack)
        .filter_map(|at| at.checked_sub(lead))
        .find(|&start| haystack.get(start..).is_some_and(|h| h.starts_with(needle)))
}

/// Where the text begins: after the white space and byte-order marks that
/// open `input`, each mark reported. A mark behind a blank line counts too:
/// rendering drops the blank line, and the mark would then open the text.
fn skip_byte_order_marks(input: &str, diagnostics: &mut Vec<Diagnostic>) -> usize {
    for (at, c) in input.char_indices() {
        if c == BOM {
            diagnostics.push(Diagnostic::new(
                DiagnosticKind::ByteOrderMark,
                Span::new(at, at + BOM.len_utf8()),
                "skipped a byte-order mark",
            ));
        } else if !c.is_whitespace() {
            return at;
        }
    }
    input.len()
}

/// Parses one article from `input`.
pub(crate) fn parse<'a>(input: &'a str, options: &ParseOptions) -> Result<Article<'a>, ParseError> {
    if input.is_empty() {
        return Err(ParseError::new(
            ErrorKind::Empty,
            input,
            0,
            "expected a bulletin article, found empty input",
        ));
    }
    let mut article = Article::default();
    let start = skip_byte_order_marks(input, &mut article.diagnostics);
    if input[start..].trim().is_empty() {
        return Err(ParseError::new(
            ErrorKind::WhitespaceOnly,
            input,
            input.len(),
            "expected a `Publication:` header, found only white space",
        ));
    }
    let lines = lines::split_lines(input, start);
    let located = header::locate(&lines).or_else(|| rewritten::locate(&lines));
    let body_from = match located {
        Some(found) => {
            let preamble = header::preamble(lines.get(..found.first).unwrap_or_default());
            let mut chrome = preamble.chrome;
            let title = match (found.title, preamble.title) {
                (Some(title), before) => {
                    chrome.extend(before);
                    Some(title)
                }
                (None, before) => before,
            };
            article.title = title.map(|l| Cow::Borrowed(l.trimmed()));
            for line in chrome {
                article.diagnostics.push(Diagnostic::new(
                    DiagnosticKind::SkippedChrome,
                    line.trimmed_span(),
                    format!(
                        "skipped site chrome {:?} before the article",
                        line.trimmed()
                    ),
                ));
                article.chrome.push(Line {
                    text: Cow::Borrowed(line.trimmed()),
                    span: line.trimmed_span(),
                });
            }
            let (header, next) = header_and_byline(input, &lines, found, options, &mut article)?;
            article.header = Some(header);
            next
        }
        None if options.is_lenient() => {
            article.diagnostics.push(Diagnostic::new(
                DiagnosticKind::MissingHeader,
                Span::new(start, input.len()),
                "no `Publication:` header: the whole text was taken as body",
            ));
            0
        }
        None => {
            let first = lines
                .iter()
                .find(|l| !l.is_blank())
                .map_or(start, |l| l.trimmed_span().start);
            return Err(ParseError::new(
                ErrorKind::MissingHeader,
                input,
                first,
                "expected a `Publication:` header line (`Publication: NAME Volume: N Issue: M`); \
                 parse header-less pages with ParseOptions::lenient",
            ));
        }
    };
    let ctx = options.date_context(article.header.as_ref());
    body::parse_rest(
        input,
        lines.get(body_from..).unwrap_or_default(),
        article.header.is_some(),
        &ctx,
        &mut article,
    );
    Ok(article)
}

/// The header `found` and the byline after it; returns the header and the
/// index of the first line after them.
fn header_and_byline<'a>(
    input: &'a str,
    lines: &[RawLine<'a>],
    found: header::Located<'a>,
    options: &ParseOptions,
    article: &mut Article<'a>,
) -> Result<(Header<'a>, usize), ParseError> {
    let fields = found.fields;
    if fields.publication.is_empty() {
        return Err(ParseError::new(
            ErrorKind::InvalidHeader,
            input,
            fields.publication_at,
            "expected a publication name after `Publication:`",
        ));
    }
    let mut number =
        |field: Option<header::Number<'_>>, what: &str| -> Result<Option<u32>, ParseError> {
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
        None => volume.and_then(|v| options.year_table().year_of(publication, v)),
    };
    let mut header = Header {
        publication: Cow::Borrowed(publication),
        volume,
        issue,
        authors: Vec::new(),
        year,
        date: found.date,
        span: found.span,
    };
    // The byline is the next non-blank line, at most one blank line away.
    let mut next = found.next;
    let candidate = lines
        .get(next..)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .take(2)
        .find(|(_, l)| !l.is_blank());
    if let Some((skip, by)) = candidate {
        if let Some(authors) = header::byline(by.text) {
            header.authors = authors.into_iter().map(Cow::Borrowed).collect();
            header.span = header.span.join(by.trimmed_span());
            next += skip + 1;
        }
    }
    Ok((header, next))
}

#[cfg(test)]
mod tests {
    use super::find_phrase;

    #[test]
    fn finds_phrases_like_str_find() {
        for (text, phrase) in [
            (
                "The Monitor is a publication of the Foundation",
                " is a publication of ",
            ),
            ("  is a  is a publication of", " is a publication of "),
            ("Prima, May 2, translated by BBC, May 2", ", translated by "),
            ("On Chechnya see also", " see "),
            ("no match here", " see "),
            ("short", "longer than the text"),
            ("see", " see "),
            ("Доклад see x", " see "),
        ] {
            assert_eq!(find_phrase(text, phrase), text.find(phrase), "{text:?}");
        }
    }
}
