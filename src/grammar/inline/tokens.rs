//! The one pass over the bytes of a parenthetical's inside that the
//! citation grammar decides from: where its groups, outlets, clauses and
//! quotes are, found once so that no later step scans the text again.
//! (The ` see ` of a cross-reference with a topic, `On the pipeline see
//! also Monitor`, is rare enough to be looked for only when a group opens
//! with `On `.)
//!
//! Brackets and parentheses hide their contents: `Focus Central Asia
//! [Almaty, Kazakhstan]` is one name. Quotes do not hide a comma from the
//! search for dates (`"Vesti," May 23` is read at the comma inside the
//! quotes) but do from the split into outlets, so they are marks too.

use crate::vocab::citation::clause;

/// What stands at a [`Stop`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// A `;` outside brackets: the end of a group.
    Semicolon,
    /// A `,` outside brackets.
    Comma,
    /// A `,` outside brackets that opens a clause, `, translated by ` or
    /// an attribution such as `, as cited by ` (which one,
    /// [`clause`] says again where it is needed: the marks stay small).
    Clause,
    /// A `&` outside brackets: between outlets, or dates.
    Ampersand,
    /// A straight double quote, which opens or closes.
    Quote,
    /// A curly opening double quote.
    OpenQuote,
    /// A curly closing double quote.
    CloseQuote,
}

/// A mark and its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stop {
    pub(crate) at: usize,
    pub(crate) mark: Mark,
}

/// Every stop of `text`, in order. Depth counts `(` and `[` against `)`
/// and `]` (a stray closing one is ignored).
pub(crate) fn stops(text: &str) -> Vec<Stop> {
    let bytes = text.as_bytes();
    // Nothing allocated for an aside without separators: `(OSCE)`.
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut from = 0;
    // Most bytes are letters and spaces: a tight loop passes them by.
    while let Some(skip) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(is_special))
    {
        let at = from + skip;
        from = at + 1;
        let mark = match bytes.get(at) {
            Some(b'(' | b'[') => {
                depth += 1;
                continue;
            }
            Some(b')' | b']') => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Some(b';') if depth == 0 => Mark::Semicolon,
            Some(b',') if depth == 0 => match clause(text.get(at..).unwrap_or_default()) {
                Some(_) => Mark::Clause,
                None => Mark::Comma,
            },
            Some(b'&') if depth == 0 => Mark::Ampersand,
            Some(b'"') => Mark::Quote,
            // `“` and `”` are E2 80 9C and E2 80 9D.
            Some(0xE2) => match bytes.get(at + 1..at + 3) {
                Some([0x80, 0x9C]) => Mark::OpenQuote,
                Some([0x80, 0x9D]) => Mark::CloseQuote,
                _ => continue,
            },
            _ => continue,
        };
        if out.capacity() == 0 {
            // Room for an ordinary citation's stops at the first.
            out.reserve(8);
        }
        out.push(Stop { at, mark });
    }
    out
}

/// The bytes [`stops`] looks at.
fn is_special(byte: &u8) -> bool {
    matches!(
        byte,
        b'(' | b')' | b'[' | b']' | b';' | b',' | b'&' | b'"' | 0xE2
    )
}

/// Whether the text is inside quotes, as the marks go by: a straight
/// quote opens or closes, curly ones open and close.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Quotes {
    straight: bool,
    curly: bool,
}

impl Quotes {
    /// The state after `mark`.
    pub(crate) fn pass(&mut self, mark: Mark) {
        match mark {
            Mark::Quote => self.straight = !self.straight,
            Mark::OpenQuote => self.curly = true,
            Mark::CloseQuote => self.curly = false,
            _ => {}
        }
    }

    /// Whether a separator here is inside quotes.
    pub(crate) fn inside(self) -> bool {
        self.straight || self.curly
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<(usize, Mark)> {
        stops(text).into_iter().map(|s| (s.at, s.mark)).collect()
    }

    #[test]
    fn brackets_hide_separators_quotes_do_not() {
        assert_eq!(
            marks("A [B, C], \"D,\" May 3; E & F"),
            [
                (8, Mark::Comma),
                (10, Mark::Quote),
                (12, Mark::Comma),
                (13, Mark::Quote),
                (20, Mark::Semicolon),
                (24, Mark::Ampersand),
            ]
        );
        assert_eq!(marks("A) , B"), [(3, Mark::Comma)]);
        assert_eq!(
            marks("“A, B”"),
            [
                (0, Mark::OpenQuote),
                (4, Mark::Comma),
                (7, Mark::CloseQuote)
            ]
        );
    }

    #[test]
    fn clauses() {
        assert_eq!(
            marks("P, May 1, translated by B, May 2, via I, citing X"),
            [
                (1, Mark::Comma),
                (8, Mark::Clause),
                (25, Mark::Comma),
                (32, Mark::Clause),
                (39, Mark::Clause),
            ]
        );
        assert_eq!(marks("P, viaduct"), [(1, Mark::Comma)]);
    }
}
