//! The block stage: from the text to the article's parts, in the order a
//! text is read.
//!
//! 1. [`lines`]: split into trimmed lines, byte-order marks skipped.
//! 2. [`header`] (or one of the other sites' [`layouts`]): the header, with
//!    the title and chrome before it ([`header::preamble`]) and the byline
//!    after it ([`byline`]).
//! 3. [`chunks`]: the lines after the header grouped into chunks.
//! 4. [`body`]: each chunk's role — caption, paragraph, heading ([`shapes`]
//!    judges the short lines), [`notes`], [`footer`], next headline; the
//!    paragraphs handed to the inline stage.

mod archive;
mod body;
mod byline;
mod chunks;
mod footer;
mod header;
mod layouts;
mod lines;
mod notes;
mod shapes;

use std::borrow::Cow;

use crate::ast::{Article, Header, Line};
use crate::chronology;
use crate::error::{Diagnostic, DiagnosticKind, ErrorKind, ParseError};
use crate::options::ParseOptions;
use crate::span::Span;
use lines::TrimmedLine;

pub(crate) use archive::{Boundaries, Segment, after_footer};
pub(crate) use byline::byline;
pub(crate) use footer::parse as parse_footer;
pub(crate) use layouts::is_masthead_title;
pub(crate) use lines::Lines;
pub(crate) use notes::section_start_in as notes_start;
pub(crate) use shapes::is_headline;

/// Parses one article from `input`.
pub(crate) fn parse<'a>(input: &'a str, options: &ParseOptions) -> Result<Article<'a>, ParseError> {
    parse_range(input, 0, input.len(), options, None, None)
}

/// Parses the article that `input[from..to]` holds, with every span and
/// error position an offset into the whole `input`: one article of an
/// archive. An article under a PDF masthead has no header of its own: it
/// takes `inherited`, the masthead's, with its own title and byline.
/// `split` is the text's lines when the caller has split it already.
pub(crate) fn parse_range<'a>(
    input: &'a str,
    from: usize,
    to: usize,
    options: &ParseOptions,
    inherited: Option<&Header<'a>>,
    split: Option<Vec<TrimmedLine<'a>>>,
) -> Result<Article<'a>, ParseError> {
    if from >= to {
        return Err(ParseError::new(
            ErrorKind::Empty,
            input,
            from,
            "expected a bulletin article, found empty input",
        ));
    }
    let mut article = Article::default();
    let start = lines::skip_byte_order_marks(input, from, to, &mut article.diagnostics);
    if input.get(start..to).unwrap_or_default().trim().is_empty() {
        return Err(ParseError::new(
            ErrorKind::WhitespaceOnly,
            input,
            to,
            "expected a `Publication:` header, found only white space",
        ));
    }
    let lines = match split {
        // The lines from the first non-blank one on are those a split from
        // `start` gives, unless byte-order marks were skipped on the way.
        Some(mut lines) if article.diagnostics.is_empty() => {
            let blank = lines.iter().take_while(|l| l.is_blank()).count();
            lines.drain(..blank);
            lines
        }
        _ => lines::split_lines(input, start, to),
    };
    let found = header::locate(&lines).or_else(|| layouts::locate(&lines));
    let mut body_start = None;
    let body_from = match found {
        Some(mut found) => {
            let preamble = header::preamble(lines.get(..found.first).unwrap_or_default());
            let mut chrome = preamble.chrome;
            let title = match (found.title, preamble.title) {
                (Some(title), before) => {
                    chrome.extend(before);
                    Some(title)
                }
                (None, before) => before,
            };
            chrome.append(&mut found.chrome);
            body_start = found.body_start;
            article.title = title.map(|l| Cow::Borrowed(l.text));
            for line in chrome {
                article.diagnostics.push(Diagnostic::new(
                    DiagnosticKind::SkippedChrome,
                    line.span(),
                    format!("skipped site chrome {:?} before the article", line.text),
                ));
                article.chrome.push(Line {
                    text: Cow::Borrowed(line.text),
                    span: line.span(),
                });
            }
            let (header, next) =
                header::header_and_byline(input, &lines, found, options, &mut article)?;
            article.header = Some(header);
            next
        }
        None if inherited.is_some() => {
            let (header, next) = header::under_masthead(&lines, inherited, &mut article);
            article.header = header;
            next
        }
        None if options.is_lenient() => {
            article.diagnostics.push(Diagnostic::new(
                DiagnosticKind::MissingHeader,
                Span::new(start, to),
                "no `Publication:` header: the whole text was taken as body",
            ));
            0
        }
        None => {
            let first = lines
                .iter()
                .find(|l| !l.is_blank())
                .map_or(start, |l| l.span().start);
            return Err(ParseError::new(
                ErrorKind::MissingHeader,
                input,
                first,
                "expected a `Publication:` header line (`Publication: NAME Volume: N Issue: M`); \
                 parse header-less pages leniently (`--lenient` on the command line, \
                 `ParseOptions::lenient` in the library)",
            ));
        }
    };
    let ctx = options.date_context(article.header.as_ref());
    let after_header = lines.get(body_from..).unwrap_or_default();
    let body_lines: Cow<'_, [TrimmedLine<'a>]> = match body_start {
        // The title ran into the first paragraph: the rest of its line
        // opens the body.
        Some(first) => Cow::Owned(
            std::iter::once(first)
                .chain(after_header.iter().copied())
                .collect(),
        ),
        None => Cow::Borrowed(after_header),
    };
    body::parse_body(
        input,
        &body_lines,
        article.header.is_some(),
        &ctx,
        &mut article,
    );
    crate::naming::name_article(&mut article, options);
    let latest_cited = chronology::latest_cited(&article);
    if let Some(header) = article.header.as_mut() {
        let series = header
            .publication
            .as_deref()
            .and_then(|p| options.year_table().get(p));
        header.issue_date = chronology::issue_date(header, series, latest_cited);
    }
    Ok(article)
}
