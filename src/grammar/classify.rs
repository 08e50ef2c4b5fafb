//! Telling the short lines apart: subheads, captions, headlines.
//!
//! These are judgements on a single line's shape, kept in one place so the
//! body, caption and headline rules agree.

/// Words that stay lowercase in Title Case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "the", "to", "vs", "vs.", "with", "after", "amid", "against", "than", "that", "new",
];

/// Sentence-final punctuation, quotes after a period included.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

/// `WHAT WE KNOW`, `ARMS TALKS RESUME.`: letters present, none lowercase.
pub(crate) fn is_all_caps(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// `Police and Protesters Clash Again in Nazran`: the first word and nearly
/// every word that is not a small word capitalised.
pub(crate) fn is_title_case(text: &str) -> bool {
    let mut words = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    if !starts_upper_or_digit(first) {
        return false;
    }
    let (mut big, mut capitalised) = (0, 0);
    for word in words {
        // ASCII case folding: the small words are ASCII, and this does not
        // allocate a lowercase copy of every word.
        if SMALL_WORDS
            .iter()
            .any(|small| small.eq_ignore_ascii_case(word))
        {
            continue;
        }
        big += 1;
        if starts_upper_or_digit(word) {
            capitalised += 1;
        }
    }
    capitalised * 4 >= big * 3
}

fn starts_upper_or_digit(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A subhead inside the body: short, ALL CAPS or Title Case, no final
/// period (a label such as `Executive Summary:` may end in a colon).
pub(crate) fn is_heading(text: &str) -> bool {
    let text = text.trim();
    text.len() <= 100
        && (1..=12).contains(&word_count(text))
        && (!ends_sentence(text) || is_all_caps(text))
        && !text.ends_with([',', ';'])
        && (is_all_caps(text) || is_title_case(text))
}

/// The next article's headline trailing the text: `Armenia Weighs New Gas
/// Terms.`, `...But Doubts Remain`. Three words at least, so a file cut off
/// after `Russian Depu` is not taken for one.
pub(crate) fn is_headline(text: &str) -> bool {
    let text = text.trim();
    let bare = text.trim_start_matches(['.', '…', ' ']);
    text.len() <= 120
        && (3..=15).contains(&word_count(bare))
        && !text.ends_with([',', ';', ':'])
        && (is_all_caps(bare) || is_title_case(bare))
}

/// A photo caption, `(Source: ...)` line or subtitle between the header and
/// the body: short and not a sentence, or a `Name, description.` label.
pub(crate) fn is_caption(text: &str, title: Option<&str>) -> bool {
    let text = text.trim();
    if text.starts_with("(Source:") || (text.ends_with(')') && text.contains("(Source:")) {
        return true;
    }
    if title.is_some_and(|t| t.trim().eq_ignore_ascii_case(text)) {
        return true;
    }
    if text.len() > 160 || text.ends_with(':') || text.starts_with(['•', '-', '–']) {
        return false;
    }
    // Counted after the length check: on a long first paragraph it would be
    // a full word split for nothing.
    let words = word_count(text);
    let labelled = words <= 8 && text.contains(',') && text.ends_with('.');
    !ends_sentence(text) || labelled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert!(is_heading("WHAT WE KNOW"));
        assert!(is_heading("Executive Summary:"));
        assert!(is_heading("The Kremlin’s Next Move"));
        assert!(!is_heading(
            "The changes announced yesterday strengthen the cabinet."
        ));
        assert!(!is_heading("The changes announced"));
    }

    #[test]
    fn headlines() {
        assert!(is_headline("Armenia Weighs New Gas Terms."));
        assert!(is_headline("...But Doubts Remain"));
        assert!(!is_headline("Russian Depu"));
        assert!(!is_headline("Taking advantage of the fact that he"));
    }

    #[test]
    fn captions() {
        assert!(is_caption("President Ilir Duka", None));
        assert!(is_caption(
            "Ministers at the summit, May 3 (Source: example.gov)",
            None
        ));
        assert!(is_caption("Ilir Duka, opposition leader.", None));
        assert!(!is_caption("Executive Summary:", None));
        assert!(!is_caption(
            "The talks resumed on May 3 after a long pause in Tbilisi.",
            None
        ));
    }
}
