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

/// Where the text of `input[from..to]` begins: after the white space and
/// byte-order marks that open it, each mark reported. A mark behind a blank
/// line counts too: rendering drops the blank line, and the mark would
/// then open the text.
pub(crate) fn skip_byte_order_marks(
    input: &str,
    from: usize,
    to: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    let text = input.get(from..to).unwrap_or_default();
    for (at, c) in text.char_indices() {
        let at = from + at;
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
    to
}

/// The lines of `input[from..to]`, split at `\n`, `\r\n` and a lone `\r`,
/// read lazily: an archive of any size is walked line by line.
#[derive(Debug, Clone)]
pub(crate) struct Lines<'a> {
    input: &'a str,
    /// Where the next line starts.
    start: usize,
    /// Where the text ends.
    to: usize,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(input: &'a str, from: usize, to: usize) -> Self {
        let to = to.min(input.len());
        Lines {
            input,
            start: from.min(to),
            to,
        }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = TrimmedLine<'a>;

    fn next(&mut self) -> Option<TrimmedLine<'a>> {
        if self.start >= self.to {
            return None;
        }
        let bytes = self.input.as_bytes().get(self.start..self.to)?;
        let line_start = self.start;
        match memchr::memchr2(b'\n', b'\r', bytes) {
            Some(at) => {
                let end = line_start + at;
                let crlf = bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n');
                self.start = end + if crlf { 2 } else { 1 };
                Some(TrimmedLine::new(self.input, line_start, end))
            }
            None => {
                self.start = self.to;
                Some(TrimmedLine::new(self.input, line_start, self.to))
            }
        }
    }
}

/// Splits `input[from..to]` into lines at `\n`, `\r\n` and lone `\r`.
pub(crate) fn split_lines(input: &str, from: usize, to: usize) -> Vec<TrimmedLine<'_>> {
    let mut lines = Vec::with_capacity(to.saturating_sub(from) / 256 + 1);
    lines.extend(Lines::new(input, from, to));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_line_ending() {
        let lines = split_lines("a\r\nb\rc\n\n d ", 0, 12);
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "b", "c", "", "d"]);
        assert_eq!(lines[1].start, 3);
        assert_eq!(lines[4].span(), Span::new(9, 10));
        let bounded: Vec<_> = split_lines("a\nb\nc", 2, 4)
            .iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(bounded, ["b"]);
    }
}
