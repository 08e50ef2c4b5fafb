//! Byte spans into the parsed input.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the text that was parsed.
///
/// Every block, inline and note carries one, so a tool can point back at the
/// exact bytes a node came from (for highlighting, diagnostics or editing).
///
/// ```
/// use bulletin::Span;
/// let text = "Publication: Monitor";
/// let span = Span::new(13, 20);
/// assert_eq!(span.slice(text), Some("Monitor"));
/// assert_eq!(span.len(), 7);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The covered text of `source`, or `None` when the span does not fit
    /// `source` or does not fall on character boundaries.
    pub fn slice<'s>(&self, source: &'s str) -> Option<&'s str> {
        source.get(self.start..self.end)
    }

    /// The smallest span covering both `self` and `other`.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Self {
        Span::new(range.start, range.end)
    }
}
