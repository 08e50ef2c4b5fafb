//! The roles of the chunks after the header: captions, body paragraphs
//! and headings, notes, footer and the trailing next-article headline.

use std::borrow::Cow;

use super::chunks::{Chunk, chunks};
use super::lines::TrimmedLine;
use super::{footer, header, notes, shapes};
use crate::ast::{Article, Block};
use crate::error::{Diagnostic, DiagnosticKind};
use crate::grammar::inline;
use crate::resolve::DateContext;
use crate::vocab;

/// Fills `article` from the lines after the header (or from all lines of a
/// header-less page, with `with_captions` false).
pub(super) fn parse_body<'a>(
    input: &'a str,
    lines: &[TrimmedLine<'a>],
    with_captions: bool,
    ctx: &DateContext,
    article: &mut Article<'a>,
) {
    let mut chunks = chunks(input, lines);

    let mut captions = Vec::new();
    if with_captions {
        let title = article.title.as_deref();
        let count = chunks
            .iter()
            .take(chunks.len().saturating_sub(1))
            .take_while(|c| {
                c.lines == 1 && shapes::is_caption(c.text, title) && !inline::cites_sources(c.text)
            })
            .count();
        captions = chunks.drain(..count).collect();
    }

    if let Some(at) = chunks
        .iter()
        .position(|c| vocab::footer::starts_footer(c.text))
    {
        let mut tail: Vec<Chunk<'a>> = chunks.split_off(at);
        if tail.len() > 1 && tail.last().is_some_and(|c| is_trailing_headline(c, &tail)) {
            article.next_headline = tail.pop().map(Chunk::to_line);
        }
        if let (Some(first), Some(last)) = (tail.first(), tail.last()) {
            let span = first.span.join(last.span);
            article.footer = Some(footer::parse(&input[span.start..span.end], span));
        }
    } else if chunks.len() > 1
        && chunks
            .last()
            .is_some_and(|c| is_trailing_headline(c, &chunks))
    {
        article.next_headline = chunks.pop().map(Chunk::to_line);
    }

    // A caption heads a body: while there is none before the notes, the
    // last caption is the body.
    let notes_at = loop {
        let at = notes::section_start(&chunks);
        if at.unwrap_or(chunks.len()) > 0 {
            break at;
        }
        let Some(caption) = captions.pop() else {
            break at;
        };
        chunks.insert(0, caption);
    };
    let notes_chunks = notes_at.map(|at| chunks.split_off(at)).unwrap_or_default();
    article.notes = notes::parse(input, &notes_chunks, ctx);
    if let (Some(first), Some(last), true) = (
        notes_chunks.first(),
        notes_chunks.last(),
        article.notes.is_empty(),
    ) {
        article.diagnostics.push(Diagnostic::new(
            DiagnosticKind::EmptyNotes,
            first.span.join(last.span),
            "a notes heading with no numbered note after it",
        ));
    }
    article.captions = captions.into_iter().map(Chunk::to_line).collect();

    let last = chunks.len().saturating_sub(1);
    let diagnostics = &mut article.diagnostics;
    article.body = chunks
        .into_iter()
        .enumerate()
        .map(|(i, c)| block(input, c, i < last, ctx, diagnostics))
        .collect();
}

/// A last one-line chunk shaped like a headline, after other text.
fn is_trailing_headline(chunk: &Chunk<'_>, all: &[Chunk<'_>]) -> bool {
    all.len() > 1 && chunk.lines == 1 && shapes::is_headline(chunk.text)
}

/// A heading needs something after it to head: a heading-like last line is
/// more likely a paragraph cut off by truncation (`President Vladimir Pu`).
fn block<'a>(
    input: &'a str,
    chunk: Chunk<'a>,
    followed: bool,
    ctx: &DateContext,
    diagnostics: &mut Vec<Diagnostic>,
) -> Block<'a> {
    if header::is_header_line(chunk.text) {
        // Concatenated files: the next article's header, kept as text.
        diagnostics.push(Diagnostic::new(
            DiagnosticKind::Unexpected,
            chunk.span,
            "a second `Publication:` header line in the body (two articles in one file?); \
             kept as a paragraph",
        ));
    }
    if followed && chunk.lines == 1 && chunk.is_heading() {
        Block::Heading {
            span: chunk.span,
            text: Cow::Borrowed(chunk.text),
        }
    } else {
        Block::Paragraph {
            span: chunk.span,
            inlines: inline::inlines(input, chunk.span, ctx, diagnostics),
        }
    }
}
