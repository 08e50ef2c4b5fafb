//! Numbered source notes after the body: `1. Itar-Tass, October 31`, or a
//! `Notes` section of `[1] ...` entries.

use std::borrow::Cow;

use nom::{
    IResult, Parser,
    branch::alt,
    character::complete::{char, digit1, space1},
    sequence::{delimited, terminated},
};

use super::chunks::Chunk;
use crate::ast::Note;
use crate::grammar::inline::citation;
use crate::resolve::DateContext;
use crate::span::Span;
use crate::vocab::note;

/// `1. `, `1) ` or `[1] `: a note's number and the text after it.
fn number(input: &str) -> IResult<&str, &str> {
    terminated(
        alt((
            terminated(digit1, alt((char('.'), char(')')))),
            delimited(char('['), digit1, char(']')),
        )),
        space1,
    )
    .parse(input)
}

/// The number and text of a note line, or `None`.
fn numbered(text: &str) -> Option<(u32, &str)> {
    let (rest, digits) = number(text).ok()?;
    if rest.trim().is_empty() {
        return None;
    }
    Some((note::number(digits)?, rest))
}

/// True for a line that opens a numbered note.
pub(crate) fn is_numbered(text: &str) -> bool {
    numbered(text).is_some()
}

/// Where the notes begin: a `Notes` heading, or a trailing run of numbered
/// chunks starting at 1.
pub(crate) fn section_start(chunks: &[Chunk<'_>]) -> Option<usize> {
    let texts: Vec<&str> = chunks.iter().map(|c| c.text).collect();
    section_start_in(&texts)
}

/// [`section_start`] over the texts of the blocks.
pub(crate) fn section_start_in(texts: &[&str]) -> Option<usize> {
    if let Some(at) = texts.iter().rposition(|t| note::is_heading(t)) {
        return Some(at);
    }
    let run = texts.iter().rev().take_while(|t| is_numbered(t)).count();
    let start = texts.len() - run;
    let first = numbered(texts.get(start)?)?;
    (first.0 == 1 && start > 0).then_some(start)
}

/// The notes in `chunks` (heading skipped); unnumbered lines continue the
/// note before them.
pub(crate) fn parse<'a>(input: &'a str, chunks: &[Chunk<'a>], ctx: &DateContext) -> Vec<Note<'a>> {
    let lines = chunks.iter().flat_map(|c| {
        let mut offset = c.span.start;
        c.text.split('\n').map(move |line| {
            let start = offset;
            offset += line.len() + 1;
            (line, start)
        })
    });
    // Each note's number, span, and where its text (after the number) begins.
    let mut found: Vec<(u32, Span, usize)> = Vec::new();
    for (line, start) in lines {
        let text = line.trim();
        if text.is_empty() || note::is_heading(text) {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span = Span::new(start + lead, start + lead + text.len());
        match numbered(text) {
            Some((number, rest)) => found.push((number, span, span.end - rest.trim().len())),
            // An unnumbered line continues the note before it.
            None => {
                if let Some(last) = found.last_mut() {
                    last.1.end = span.end;
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(number, span, text_start)| {
            let text = &input[text_start..span.end];
            Note {
                number,
                citation: citation::parse_note(text, ctx),
                text: Cow::Borrowed(text),
                span,
            }
        })
        .collect()
}
