//! Grouping the lines after the header into chunks, the candidates for
//! blocks: blank lines separate chunks, and a hard-wrapped paragraph's
//! lines join into one.

use std::borrow::Cow;

use super::lines::TrimmedLine;
use super::{notes, shapes};
use crate::ast::Line;
use crate::span::Span;
use crate::vocab::BULLETS;

/// Lines of a hard-wrapped paragraph are at most this long.
const WRAP_WIDTH: usize = 100;

/// A run of input lines that forms one block, trimmed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chunk<'a> {
    pub text: &'a str,
    pub span: Span,
    /// How many input lines it spans.
    pub lines: usize,
    /// Whether a one-line chunk is shaped like a heading, where grouping
    /// already asked ([`shapes::is_heading`] is asked once a line).
    pub heading: Option<bool>,
}

impl<'a> Chunk<'a> {
    fn line(input: &'a str, line: &TrimmedLine<'a>) -> Self {
        let span = line.span();
        Chunk {
            text: &input[span.start..span.end],
            span,
            lines: 1,
            heading: None,
        }
    }

    fn extend(&mut self, input: &'a str, line: &TrimmedLine<'a>) {
        self.span.end = line.span().end;
        self.text = &input[self.span.start..self.span.end];
        self.lines += 1;
        self.heading = None;
    }

    /// Whether the chunk is shaped like a heading.
    pub fn is_heading(&self) -> bool {
        self.heading
            .unwrap_or_else(|| shapes::is_heading(self.text))
    }

    pub fn to_line(self) -> Line<'a> {
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
pub(crate) fn chunks<'a>(input: &'a str, lines: &[TrimmedLine<'a>]) -> Vec<Chunk<'a>> {
    let has_blank_separators = lines
        .windows(3)
        .any(|w| matches!(w, [a, b, c] if !a.is_blank() && b.is_blank() && !c.is_blank()));
    let mut out: Vec<Chunk<'a>> = Vec::new();
    let mut continues = false;
    // Whether the last line read ends a sentence: asked of that line, not
    // of the growing chunk, whose re-reading would be quadratic.
    let mut after_sentence_end = false;
    for line in lines {
        if line.is_blank() {
            continues = false;
            continue;
        }
        match out.last_mut() {
            // Mid-sentence the next line always continues; after a sentence
            // end it continues unless it opens a block of its own.
            Some(chunk) if continues && (!after_sentence_end || !starts_block(line.text)) => {
                chunk.extend(input, line);
            }
            _ => out.push(Chunk::line(input, line)),
        }
        let text = line.text;
        let wrappable = has_blank_separators && text.len() <= WRAP_WIDTH && text.len() >= 30;
        let heading = wrappable.then(|| shapes::is_heading(text));
        if let Some(chunk) = out.last_mut().filter(|c| c.lines == 1) {
            chunk.heading = heading;
        }
        continues = wrappable && heading == Some(false) && !notes::is_numbered(text);
        after_sentence_end = shapes::ends_sentence(text);
    }
    out
}

/// Lines that open a block of their own even inside a run.
fn starts_block(text: &str) -> bool {
    text.starts_with(BULLETS) || notes::is_numbered(text) || shapes::is_heading(text)
}
