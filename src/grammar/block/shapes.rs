//! Telling the short lines apart: subheads, captions, headlines.
//!
//! These are judgements on a single line's shape, kept in one place so the
//! body, caption and headline rules agree.

use std::sync::LazyLock;

use crate::text::char_at;
use crate::vocab::header::MAX_TITLE_LEN;

/// Words that stay lowercase in Title Case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "the", "to", "vs", "vs.", "with", "after", "amid", "against", "than", "that", "new",
];

/// The most words other than small words that a Title Case line (at most
/// 16 such words, three quarters capitalised) leaves lowercase.
const MAX_LOWERCASE_WORDS: usize = 4;

/// Sentence-final punctuation, closing quotes and brackets and a trailing
/// note marker (`... in March.[1]`) after it allowed.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let mut text = text.trim_end();
    // Strip trailing note markers such as `[12]` and `(6)`.
    while let Some((inner, open)) = text
        .strip_suffix(']')
        .map(|inner| (inner, '['))
        .or_else(|| text.strip_suffix(')').map(|inner| (inner, '(')))
    {
        match inner.rfind(open) {
            Some(at)
                if at + 1 < inner.len() && inner[at + 1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                text = inner[..at].trim_end();
            }
            _ => break,
        }
    }
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
    let mut first = None;
    let (mut big, mut capitalised) = (0usize, 0usize);
    let decided = each_word(text, |word| {
        let word = trim_word(word);
        if word.is_empty() {
            return None;
        }
        let Some(_) = first else {
            first = Some(starts_upper_or_digit(word));
            return (first == Some(false)).then_some(false);
        };
        // Headings and headlines have at most 15 words, of which at most a
        // quarter may be lowercase: prose is told after a few words.
        if big - capitalised > MAX_LOWERCASE_WORDS {
            return Some(false);
        }
        if !is_small_word(word) {
            big += 1;
            if starts_upper_or_digit(word) {
                capitalised += 1;
            }
        }
        None
    });
    decided.unwrap_or(first.is_some() && capitalised * 4 >= big * 3)
}

/// Calls `f` with each word of `text` (split as `split_whitespace` splits)
/// until it returns a value. A byte loop: every short line is asked for its
/// shape, several times.
fn each_word<T>(text: &str, mut f: impl FnMut(&str) -> Option<T>) -> Option<T> {
    let mut at = 0;
    let mut start = None;
    while let Some((len, space)) = char_at(text, at) {
        if space {
            if let Some(from) = start.take() {
                if let Some(done) = text.get(from..at).and_then(&mut f) {
                    return Some(done);
                }
            }
        } else {
            start.get_or_insert(at);
        }
        at += len;
    }
    start.and_then(|from| text.get(from..)).and_then(f)
}

/// The words of a text, split at white space as `split_whitespace` splits
/// them, by the byte where the text is ASCII: every short line is asked for
/// its words, several times.
#[derive(Debug, Clone)]
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        while let Some((len, true)) = char_at(self.text, self.at) {
            self.at += len;
        }
        let start = self.at;
        while let Some((len, false)) = char_at(self.text, self.at) {
            self.at += len;
        }
        (self.at > start)
            .then(|| self.text.get(start..self.at))
            .flatten()
    }
}

/// `word` without the punctuation around it (`“Caucasian`, `Emirate”?`).
/// Asked of every word of every short line: ASCII ends are trimmed by the
/// byte.
fn trim_word(word: &str) -> &str {
    let bytes = word.as_bytes();
    let ascii_punctuation = |b: &u8| b.is_ascii() && !b.is_ascii_alphanumeric();
    let start = bytes
        .iter()
        .position(|b| !ascii_punctuation(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !ascii_punctuation(b))
        .map_or(start, |i| i + 1);
    let word = word.get(start..end.max(start)).unwrap_or_default();
    if word.is_ascii() {
        word
    } else {
        word.trim_matches(|c: char| !c.is_alphanumeric())
    }
}

/// Whether `word` is one of [`SMALL_WORDS`], in any case (ASCII case
/// folding: the small words are ASCII). Looked up among the small words of
/// its first letter, since every word of every short line is asked.
fn is_small_word(word: &str) -> bool {
    /// The small words by their first letter, `a` to `z`.
    static BY_LETTER: LazyLock<[Vec<&'static str>; 26]> = LazyLock::new(|| {
        let mut by_letter: [Vec<&'static str>; 26] = Default::default();
        for small in SMALL_WORDS {
            let letter = small
                .bytes()
                .next()
                .map(|b| usize::from(b.to_ascii_lowercase() - b'a'));
            if let Some(bucket) = letter.and_then(|l| by_letter.get_mut(l)) {
                bucket.push(small);
            }
        }
        by_letter
    });
    let Some(first) = word.bytes().next().filter(u8::is_ascii_alphabetic) else {
        return false;
    };
    word.len() <= 7
        && BY_LETTER
            .get(usize::from(first.to_ascii_lowercase() - b'a'))
            .is_some_and(|smalls| smalls.iter().any(|small| small.eq_ignore_ascii_case(word)))
}

fn starts_upper_or_digit(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn word_count(text: &str) -> usize {
    words(text).count()
}

/// The words of `text`, as `split_whitespace` gives them.
fn words(text: &str) -> impl Iterator<Item = &str> {
    Words { text, at: 0 }
}

/// A subhead inside the body: short, ALL CAPS or Title Case, no final
/// period (a label such as `Executive Summary:` may end in a colon). The
/// item headlines of multi-item issues (`Nemtsov Under Fire.`) keep their
/// period.
pub(crate) fn is_heading(text: &str) -> bool {
    let text = text.trim();
    if text.len() > 100 {
        return false;
    }
    if text.ends_with([',', ';']) || !(is_all_caps(text) || is_title_case(text)) {
        return false;
    }
    // Counted last: every line is asked, and few get this far.
    let words = word_count(text);
    (1..=12).contains(&words) && (!ends_sentence(text) || is_all_caps(text) || words >= 3)
}

/// The next article's headline trailing the text: `Armenia Weighs New Gas
/// Terms.`, `...But Doubts Remain`. A file cut off mid-sentence can end in
/// a capitalised fragment (`President Vladimir Pu`), so a headline without
/// final punctuation or leading ellipsis needs four words and no comma.
pub(crate) fn is_headline(text: &str) -> bool {
    let text = text.trim();
    if text.len() > 120 {
        return false;
    }
    let bare = text.trim_start_matches(['.', '…', ' ']);
    let words = word_count(bare);
    // A leading ellipsis (`...But Doubts Remain`) marks a headline too.
    let punctuated = ends_sentence(text) || bare.len() < text.len();
    (3..=15).contains(&words)
        && (punctuated || (words >= 4 && !text.contains(',')))
        && !text.ends_with([',', ';', ':'])
        && !bare.starts_with(|c: char| c.is_ascii_digit() || c == '[')
        && (is_all_caps(bare) || is_title_case(bare))
}

/// Where articles run together, whether a line just above a header is the
/// next article's title rather than the end of the article before.
/// `blanks` is how many blank lines lie between the line and the header;
/// `after_sentence` says that the line follows a finished paragraph with
/// at most one blank line between.
///
/// Right after a finished paragraph and directly above the header, the
/// line is the "next headline" teaser that trails the article before
/// (`Armenia Weighs New Gas Terms.`): a title sits one blank line above
/// its header in the publisher's layout, or follows a gap, chrome, or text
/// cut off mid-sentence. Otherwise a title is ALL CAPS (two words at
/// least) or Title Case — four words at least unless punctuated, so that
/// a file cut off at `President Vladimir Pu` lends the next article no
/// title — not a numbered note, at most [`MAX_TITLE_LEN`] bytes.
pub(crate) fn is_title_shaped(text: &str, blanks: usize, after_sentence: bool) -> bool {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_TITLE_LEN || text.ends_with([',', ';', ':']) {
        return false;
    }
    let bare = text.trim_start_matches(['.', '…', ' ']);
    // A numbered note (`11. Interfax, October 30`) is no title.
    if bare.starts_with(|c: char| c.is_ascii_digit() || c == '[') {
        return false;
    }
    if blanks == 0 && after_sentence {
        return false;
    }
    if is_all_caps(bare) {
        return words(bare).nth(1).is_some();
    }
    let punctuated = ends_sentence(text) || bare.len() < text.len();
    (punctuated || words(bare).nth(3).is_some()) && is_title_case(bare)
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
    fn words_split_like_split_whitespace() {
        for text in [
            "",
            "  a  b\tc\n",
            "Talks\u{a0}Resume\u{2003}at Last",
            "Ingushetia “Invites” Russian Troops",
            "x\u{b}y\u{85}z",
            " \u{3000} ",
        ] {
            let ours: Vec<&str> = words(text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("The plan doubles the berths.[2]"));
        assert!(ends_sentence("He said “no.”"));
        assert!(!ends_sentence("Marat Ismailov"));
    }

    #[test]
    fn headings() {
        assert!(is_heading("WHAT WE KNOW"));
        assert!(is_heading("Executive Summary:"));
        assert!(is_heading("The Kremlin’s Next Move"));
        assert!(!is_heading(
            "The changes announced yesterday strengthen the cabinet."
        ));
        assert!(!is_heading("The changes announced"));
        assert!(is_heading("Nemtsov Under Fire."));
        assert!(!is_heading("He Left."));
    }

    #[test]
    fn headlines() {
        assert!(is_headline("Armenia Weighs New Gas Terms."));
        assert!(is_headline("...But Doubts Remain"));
        assert!(!is_headline("Russian Depu"));
        assert!(!is_headline("Taking advantage of the fact that he"));
        assert!(!is_headline("President Vladimir Pu"));
        assert!(!is_headline("Meeting Sharia Leaders, Officials Said on Ju"));
        assert!(!is_headline("11. Interfax, October 30"));
        assert!(is_headline("Moscow on Bosnia Veto: Good but Not Enough"));
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
