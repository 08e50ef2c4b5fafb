//! The text after the header: captions, body blocks, notes, footer and the
//! trailing next-article headline.

use std::borrow::Cow;

use super::classify;
use super::lines::RawLine;
use super::{footer, header, inline, notes};
use crate::DateContext;
use crate::ast::{Article, Block, Line, Span};
use crate::error::{Diagnostic, DiagnosticKind};

/// Lines of a hard-wrapped paragraph are at most this long.
const WRAP_WIDTH: usize = 100;

/// A run of input lines that forms one block, trimmed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chunk<'a> {
    pub text: &'a str,
    pub span: Span,
    /// How many input lines it spans.
    pub lines: usize,
}

impl<'a> Chunk<'a> {
    fn line(input: &'a str, line: &RawLine<'a>) -> Self {
        let span = line.trimmed_span();
        Chunk {
            text: &input[span.start..span.end],
            span,
            lines: 1,
        }
    }

    fn extend(&mut self, input: &'a str, line: &RawLine<'a>) {
        self.span.end = line.trimmed_span().end;
        self.text = &input[self.span.start..self.span.end];
        self.lines += 1;
    }

    fn to_line(self) -> Line<'a> {
        Line {
            text: Cow::Borrowed(self.text),
            span: self.span,
        }
    }
}

/// Groups lines into chunks. Blank lines always separate. Within a run of
/// lines, each line is its own chunk (the scraped layout, one paragraph a
/// line) — unless blank lines separate the blocks elsewhere and the line is
/// short like a hard-wrapped one, in which case the next line continues it.
pub(crate) fn chunks<'a>(input: &'a str, lines: &[RawLine<'a>]) -> Vec<Chunk<'a>> {
    let has_blank_separators = lines
        .windows(3)
        .any(|w| matches!(w, [a, b, c] if !a.is_blank() && b.is_blank() && !c.is_blank()));
    let mut out: Vec<Chunk<'a>> = Vec::new();
    let mut continues = false;
    // Whether the last line read ends a sentence: asked of that line, not
    // of the growing chunk, which made hard-wrapped text quadratic.
    let mut after_sentence_end = false;
    for line in lines {
        if line.is_blank() {
            continues = false;
            continue;
        }
        match out.last_mut() {
            // Mid-sentence the next line always continues; after a sentence
            // end it continues unless it opens a block of its own.
            Some(chunk) if continues && (!after_sentence_end || !starts_block(line.trimmed())) => {
                chunk.extend(input, line);
            }
            _ => out.push(Chunk::line(input, line)),
        }
        let text = line.trimmed();
        continues = has_blank_separators
            && text.len() <= WRAP_WIDTH
            && text.len() >= 30
            && !classify::is_heading(text)
            && !notes::is_numbered(text);
        after_sentence_end = classify::ends_sentence(text);
    }
    out
}

/// Lines that open a block of their own even inside a run.
fn starts_block(text: &str) -> bool {
    text.starts_with(['•', '●', '▪']) || notes::is_numbered(text) || classify::is_heading(text)
}

/// Fills `article` from the lines after the header (or from all lines of a
/// header-less page, with `with_captions` false).
pub(crate) fn parse_rest<'a>(
    input: &'a str,
    lines: &[RawLine<'a>],
    with_captions: bool,
    ctx: &DateContext,
    article: &mut Article<'a>,
) {
    let mut chunks = chunks(input, lines);

    if with_captions {
        let title = article.title.as_deref();
        let count = chunks
            .iter()
            .take(chunks.len().saturating_sub(1))
            .take_while(|c| c.lines == 1 && classify::is_caption(c.text, title))
            .count();
        article.captions = chunks.drain(..count).map(Chunk::to_line).collect();
    }

    if let Some(at) = chunks.iter().position(|c| footer::starts_footer(c.text)) {
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

    let notes_at = notes::section_start(&chunks);
    let notes_chunks = notes_at.map(|at| chunks.split_off(at)).unwrap_or_default();
    article.notes = notes::parse(input, &notes_chunks, ctx);

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
    all.len() > 1 && chunk.lines == 1 && classify::is_headline(chunk.text)
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
    if followed && chunk.lines == 1 && classify::is_heading(chunk.text) {
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
