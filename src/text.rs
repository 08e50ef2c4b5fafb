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

#[cfg(test)]
mod tests {
    use super::find;

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
