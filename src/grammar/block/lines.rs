//! Splitting the input into lines with their byte offsets.

use crate::error::{Diagnostic, DiagnosticKind};
use crate::span::Span;
use crate::vocab::BYTE_ORDER_MARK;

/// One line of the input, trimmed of surrounding white space (non-breaking
/// spaces included) once, when the input is split: every rule after asks
/// for the trimmed text, several times a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TrimmedLine<'a> {
    /// The line's text, trimmed; empty for a blank line.
    pub text: &'a str,
    /// Offset of the trimmed text's first byte in the input.
    pub start: usize,
}

impl<'a> TrimmedLine<'a> {
    fn new(input: &'a str, start: usize, end: usize) -> Self {
        let line = input.get(start..end).unwrap_or_default();
        let text = line.trim_start();
        let start = start + (line.len() - text.len());
        TrimmedLine {
            text: text.trim_end(),
            start,
        }
    }

    /// Where the trimmed text lies in the input.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.start + self.text.len())
    }

    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Where the text begins: after the white space and byte-order marks that
/// open `input`, each mark reported. A mark behind a blank line counts too:
/// rendering drops the blank line, and the mark would then open the text.
pub(crate) fn skip_byte_order_marks(input: &str, diagnostics: &mut Vec<Diagnostic>) -> usize {
    for (at, c) in input.char_indices() {
        if c == BYTE_ORDER_MARK {
            diagnostics.push(Diagnostic::new(
                DiagnosticKind::ByteOrderMark,
                Span::new(at, at + BYTE_ORDER_MARK.len_utf8()),
                "skipped a byte-order mark",
            ));
        } else if !c.is_whitespace() {
            return at;
        }
    }
    input.len()
}

/// Splits `input[from..]` into lines at `\n`, `\r\n` and lone `\r`.
pub(crate) fn split_lines(input: &str, from: usize) -> Vec<TrimmedLine<'_>> {
    let bytes = input.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 256 + 1);
    let mut start = from;
    for pos in memchr::memchr2_iter(b'\n', b'\r', bytes.get(from..).unwrap_or_default()) {
        let pos = from + pos;
        if pos < start {
            // The `\n` of a `\r\n` already consumed.
            continue;
        }
        lines.push(TrimmedLine::new(input, start, pos));
        start = if bytes.get(pos) == Some(&b'\r') && bytes.get(pos + 1) == Some(&b'\n') {
            pos + 2
        } else {
            pos + 1
        };
    }
    if start < input.len() {
        lines.push(TrimmedLine::new(input, start, input.len()));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_line_ending() {
        let lines = split_lines("a\r\nb\rc\n\n d ", 0);
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "b", "c", "", "d"]);
        assert_eq!(lines[1].start, 3);
        assert_eq!(lines[4].span(), Span::new(9, 10));
    }
}
