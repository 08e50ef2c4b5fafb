//! A paragraph's text split into plain text and citations.
//!
//! One pass over the paragraph's brackets (found with `memchr`) pairs the
//! parentheses with a stack and keeps the outermost closed ones, so nested
//! parentheses in prose, long runs of `(` and an unclosed parenthesis at
//! the end of a truncated file all take linear time. Each outermost
//! parenthetical that parses as a citation, and each `[N]` marker outside
//! them, becomes a citation inline; the rest stays text.

use std::borrow::Cow;

pub(crate) mod citation;
pub(crate) mod date;
mod tokens;

use crate::ast::{Citation, Inline};
use crate::error::{Diagnostic, DiagnosticKind};
use crate::resolve::DateContext;
use crate::span::Span;
use crate::vocab::citation::{MAX_LEN, SENTENCE_END};

/// The inlines of the paragraph at `span` of `input`; an unclosed
/// parenthesis is reported in `diagnostics`.
pub(crate) fn inlines<'a>(
    input: &'a str,
    span: Span,
    ctx: &DateContext,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Inline<'a>> {
    let Some(text) = input.get(span.start..span.end) else {
        return Vec::new();
    };
    let (pairs, unclosed) = outermost_parentheses(text);
    if let Some(open) = unclosed {
        diagnostics.push(Diagnostic::new(
            DiagnosticKind::UnclosedParenthesis,
            Span::new(span.start + open, span.end),
            "a parenthesis is never closed (truncated text?); kept as text",
        ));
    }
    let mut found: Vec<(usize, usize, Citation<'a>)> = Vec::new();
    for (open, close) in pairs {
        if close - open > MAX_LEN {
            continue;
        }
        let raw = &text[open..close];
        let Some(cited) = citation::parse_bracketed(raw, ctx) else {
            continue;
        };
        if matches!(cited, Citation::NoteMarker { .. }) && !is_note_position(text, open, close) {
            continue;
        }
        found.push((open, close, cited));
    }
    let markers = bracket_markers(text, &found);
    if !markers.is_empty() {
        found.extend(markers);
        found.sort_by_key(|(open, _, _)| *open);
    }
    assemble(text, span.start, found)
}

/// Whether `text` holds a source citation or cross-reference: a line that
/// cites is body, never a photo caption (whose `(Source: ...)` is none).
pub(crate) fn cites_sources(text: &str) -> bool {
    let (pairs, _) = outermost_parentheses(text);
    pairs.into_iter().any(|(open, close)| {
        close - open <= MAX_LEN
            && matches!(
                citation::parse_bracketed(&text[open..close], &DateContext::unknown()),
                Some(Citation::Sources { .. })
            )
    })
}

/// The outermost balanced `(...)` pairs of `text` as `(start, end)` byte
/// ranges (end exclusive), and the first parenthesis never closed.
fn outermost_parentheses(text: &str) -> (Vec<(usize, usize)>, Option<usize>) {
    let bytes = text.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for at in memchr::memchr2_iter(b'(', b')', bytes) {
        if bytes.get(at) == Some(&b'(') {
            open.push(at);
        } else if let Some(start) = open.pop() {
            // Pairs inside this one are no longer outermost; they are the
            // most recent ones, so this is amortised constant time.
            while pairs.last().is_some_and(|(s, _)| *s > start) {
                pairs.pop();
            }
            pairs.push((start, at + 1));
        }
    }
    (pairs, open.first().copied())
}

/// Whether a `(7)` at `open..close` is a note marker rather than the
/// number of an enumeration (`agreed to: (1) withdraw ...`): it follows
/// the end of a sentence and no lowercase word follows it, or punctuation
/// (or the end of the paragraph) follows it.
fn is_note_position(text: &str, open: usize, close: usize) -> bool {
    let before = text[..open].trim_end().chars().next_back();
    let after = text[close..].trim_start().chars().next();
    let sentence_before = before.is_some_and(|c| SENTENCE_END.contains(&c));
    let lowercase_after = after.is_some_and(char::is_lowercase);
    let punctuation_after = matches!(after, None | Some('.' | ',' | ';'));
    (sentence_before && !lowercase_after) || punctuation_after
}

/// `[N]` endnote markers outside the citations already `found`.
fn bracket_markers<'a>(
    text: &'a str,
    found: &[(usize, usize, Citation<'a>)],
) -> Vec<(usize, usize, Citation<'a>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // `found` is sorted: walk it alongside the markers.
    let mut next_found = found.iter().peekable();
    for at in memchr::memchr_iter(b'[', bytes) {
        while next_found.next_if(|(_, end, _)| *end <= at).is_some() {}
        if next_found.peek().is_some_and(|(start, _, _)| *start <= at) {
            continue;
        }
        let digits = bytes
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_digit())
            .count();
        let close = at + 1 + digits;
        if digits == 0 || bytes.get(close) != Some(&b']') {
            continue;
        }
        if let Some(cited) = citation::parse_bracketed(&text[at..=close], &DateContext::unknown()) {
            out.push((at, close + 1, cited));
        }
    }
    out
}

/// Text and citation inlines in order, covering all of `text`.
fn assemble<'a>(
    text: &'a str,
    base: usize,
    found: Vec<(usize, usize, Citation<'a>)>,
) -> Vec<Inline<'a>> {
    let mut out = Vec::with_capacity(found.len() * 2 + 1);
    let mut at = 0;
    let push_text = |out: &mut Vec<Inline<'a>>, from: usize, to: usize| {
        if from < to {
            out.push(Inline::Text {
                text: Cow::Borrowed(&text[from..to]),
                span: Span::new(base + from, base + to),
            });
        }
    };
    for (open, close, cited) in found {
        if open < at {
            continue;
        }
        push_text(&mut out, at, open);
        out.push(Inline::Citation {
            raw: Cow::Borrowed(&text[open..close]),
            span: Span::new(base + open, base + close),
            citation: cited,
        });
        at = close;
    }
    push_text(&mut out, at, text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<Inline<'_>>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let inlines = inlines(
            text,
            Span::new(0, text.len()),
            &DateContext::in_year(2000),
            &mut diagnostics,
        );
        (inlines, diagnostics)
    }

    fn cited(text: &str) -> Vec<String> {
        let (inlines, _) = run(text);
        let joined: String = inlines.iter().map(Inline::text).collect();
        assert_eq!(joined, text);
        inlines
            .iter()
            .filter(|i| i.citation().is_some())
            .map(|i| i.text().to_string())
            .collect()
    }

    #[test]
    fn finds_citations_and_markers() {
        let text = "A deal (OSCE) was done (Interfax, May 3). More. [2] Then (see below).";
        assert_eq!(cited(text), ["(Interfax, May 3)", "[2]", "(see below)"]);
    }

    #[test]
    fn enumerations_are_not_notes() {
        let text = "They agreed to: (1) leave, (2) stay. It was done. (7)";
        assert_eq!(cited(text), ["(7)"]);
    }

    #[test]
    fn unclosed_and_runs() {
        let (inlines, diagnostics) = run("The paper Zavtra (October 4 issue) said (Interfax");
        assert_eq!(inlines.len(), 1);
        assert_eq!(diagnostics.len(), 1);
        let many = "(".repeat(10_000);
        let (inlines, diagnostics) = run(&many);
        assert_eq!(inlines.len(), 1);
        assert_eq!(diagnostics.len(), 1);
        let closed = "(".repeat(5_000) + &")".repeat(5_000);
        assert_eq!(run(&closed).0.len(), 1);
    }
}
