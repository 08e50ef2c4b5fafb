//! Splitting the input into lines with their byte offsets.

use crate::ast::Span;

/// One line of the input, without its line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawLine<'a> {
    /// The line's text, line break excluded.
    pub text: &'a str,
    /// Offset of the line's first byte in the input.
    pub start: usize,
}

impl<'a> RawLine<'a> {
    /// The text with surrounding white space (non-breaking spaces included)
    /// removed.
    pub fn trimmed(&self) -> &'a str {
        self.text.trim()
    }

    /// The span of [`RawLine::trimmed`].
    pub fn trimmed_span(&self) -> Span {
        let lead = self.text.len() - self.text.trim_start().len();
        let start = self.start + lead;
        Span::new(start, start + self.trimmed().len())
    }

    pub fn is_blank(&self) -> bool {
        self.trimmed().is_empty()
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
        lines.push(RawLine {
            text: &input[start..pos],
            start,
        });
        start = if bytes.get(pos) == Some(&b'\r') && bytes.get(pos + 1) == Some(&b'\n') {
            pos + 2
        } else {
            pos + 1
        };
    }
    if start < input.len() {
        lines.push(RawLine {
            text: &input[start..],
            start,
        });
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_line_ending() {
        let lines = split_lines("a\r\nb\rc\n\nd", 0);
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "b", "c", "", "d"]);
        assert_eq!(lines[1].start, 3);
        assert_eq!(lines[4].trimmed_span(), Span::new(8, 9));
    }
}
