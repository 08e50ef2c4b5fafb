//! Splitting the input into lines with their byte offsets.

use crate::ast::Span;

/// One line of the input, trimmed of surrounding white space (non-breaking
/// spaces included) once, when the input is split: every rule after asks
/// for the trimmed text, several times a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawLine<'a> {
    /// The line's text, trimmed; empty for a blank line.
    pub text: &'a str,
    /// Offset of the trimmed text's first byte in the input.
    pub start: usize,
}

impl<'a> RawLine<'a> {
    fn new(input: &'a str, start: usize, end: usize) -> Self {
        let line = input.get(start..end).unwrap_or_default();
        let text = line.trim_start();
        let start = start + (line.len() - text.len());
        RawLine {
            text: text.trim_end(),
            start,
        }
    }

    /// The text (kept for the callers that name the trimming).
    pub fn trimmed(&self) -> &'a str {
        self.text
    }

    /// The span of [`RawLine::trimmed`].
    pub fn trimmed_span(&self) -> Span {
        Span::new(self.start, self.start + self.text.len())
    }

    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Splits `input[from..]` into lines at `\n`, `\r\n` and lone `\r`.
pub(crate) fn split_lines(input: &str, from: usize) -> Vec<RawLine<'_>> {
    let bytes = input.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 256 + 1);
    let mut start = from;
    for pos in memchr::memchr2_iter(b'\n', b'\r', bytes.get(from..).unwrap_or_default()) {
        let pos = from + pos;
        if pos < start {
            // The `\n` of a `\r\n` already consumed.
            continue;
        }
        lines.push(RawLine::new(input, start, pos));
        start = if bytes.get(pos) == Some(&b'\r') && bytes.get(pos + 1) == Some(&b'\n') {
            pos + 2
        } else {
            pos + 1
        };
    }
    if start < input.len() {
        lines.push(RawLine::new(input, start, input.len()));
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
        assert_eq!(lines[4].trimmed_span(), Span::new(9, 10));
    }
}
