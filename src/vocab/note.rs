//! Note numbers and the headings of a notes section.

use std::ops::RangeInclusive;

/// The numbers a note or note marker can have: one to three digits, the
/// first not 0. Longer numbers in brackets or parentheses are prose (years,
/// vote counts), and the builders refuse them.
pub(crate) const NUMBERS: RangeInclusive<u32> = 1..=999;

/// The note number written as `digits`, when it is one by [`NUMBERS`].
pub(crate) fn number(digits: &str) -> Option<u32> {
    let ok = (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if ok { digits.parse().ok() } else { None }
}

/// The words that head a notes section (any case, a colon allowed).
const HEADINGS: [&str; 2] = ["Notes", "Endnotes"];

/// The heading the renderer writes before the notes.
pub(crate) const HEADING: &str = "Notes:";

/// The heading the renderer writes where [`HEADING`] would read as
/// something else (a title that is itself `Notes:`).
pub(crate) const OTHER_HEADING: &str = "Endnotes:";

/// `Notes`, `NOTES:`, `Endnotes`.
pub(crate) fn is_heading(text: &str) -> bool {
    let word = text.trim().trim_end_matches(':').trim();
    HEADINGS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number("7"), Some(7));
        assert_eq!(number("999"), Some(999));
        assert_eq!(number("0"), None);
        assert_eq!(number("07"), None);
        assert_eq!(number("1000"), None);
        assert_eq!(number(""), None);
        for n in NUMBERS {
            assert_eq!(number(&n.to_string()), Some(n));
        }
    }

    #[test]
    fn headings() {
        for h in [HEADING, OTHER_HEADING, "NOTES:", "notes", " Endnotes : "] {
            assert!(is_heading(h), "{h:?}");
        }
        assert!(!is_heading("Notes on the talks"));
    }
}
