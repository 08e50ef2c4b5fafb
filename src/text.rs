//! Small text searches shared by the grammar's stages.

/// The offset of `phrase` (a short fixed phrase such as `, translated by `)
/// in `text`: a `memchr` for the phrase's first letter, then a comparison.
/// No set-up per call, where `str::find` and `memchr::memmem::find` build a
/// searcher that costs more than the search in a text of a few dozen
/// bytes. Linear: each candidate compares at most `phrase.len()` bytes.
#[allow(
    dead_code,
    reason = "the citation grammar finds its phrases in its one pass; kept for the other stages"
)]
pub(crate) fn find(text: &str, phrase: &str) -> Option<usize> {
    let (haystack, needle) = (text.as_bytes(), phrase.as_bytes());
    // Spaces are the commonest byte: search for the first letter instead.
    let (lead, &letter) = needle.iter().enumerate().find(|(_, b)| **b != b' ')?;
    memchr::memchr_iter(letter, haystack)
        .filter_map(|at| at.checked_sub(lead))
        .find(|&start| haystack.get(start..).is_some_and(|h| h.starts_with(needle)))
}

/// The length of the character at byte `at` of `text`, and whether it is
/// white space (as `char::is_whitespace` says); `None` at the end. ASCII,
/// the common case, is told by the byte without decoding: every short line
/// is walked word by word, several times.
#[inline]
pub(crate) fn char_at(text: &str, at: usize) -> Option<(usize, bool)> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some((1, char::from(byte).is_whitespace()));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((c.len_utf8(), c.is_whitespace()))
}

#[cfg(test)]
mod tests {
    use super::{char_at, find};

    #[test]
    fn char_at_reads_width_and_white_space() {
        let text = "a \u{a0}é\u{3000}\u{b}";
        let read: Vec<_> =
            std::iter::successors(Some(0), |&at| char_at(text, at).map(|(len, _)| at + len))
                .map_while(|at| char_at(text, at))
                .collect();
        assert_eq!(
            read,
            [
                (1, false),
                (1, true),
                (2, true),
                (2, false),
                (3, true),
                (1, true)
            ]
        );
        for (at, c) in text.char_indices() {
            assert_eq!(char_at(text, at), Some((c.len_utf8(), c.is_whitespace())));
        }
        assert_eq!(char_at(text, text.len()), None);
    }

    #[test]
    fn finds_like_str_find() {
        for (text, phrase) in [
            (
                "The Monitor is a publication of the Foundation",
                " is a publication of ",
            ),
            ("  is a  is a publication of", " is a publication of "),
            ("Prima, May 2, translated by BBC, May 2", ", translated by "),
            ("On Chechnya see also", " see "),
            ("no match here", " see "),
            ("short", "longer than the text"),
            ("see", " see "),
            ("Доклад see x", " see "),
        ] {
            assert_eq!(find(text, phrase), text.find(phrase), "{text:?}");
        }
    }
}
