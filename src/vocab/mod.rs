//! The vocabulary of the format: every surface form and bound that the
//! grammar reads and the renderer and builders write, in one place, so
//! that the three cannot drift apart.
//!
//! Each module keeps the reading and the writing of one kind of form side
//! by side: [`month`] has the names the renderer writes and the parser
//! that reads them in citations; [`note`] the number rule the grammar
//! applies and the builders check; [`footer`] the cues the grammar finds
//! and the sentences the builders write them in.

pub(crate) mod citation;
pub(crate) mod dash;
pub(crate) mod footer;
pub(crate) mod header;
pub(crate) mod month;
pub(crate) mod note;
pub(crate) mod roman;
pub(crate) mod weekday;
pub(crate) mod year;

/// The byte-order mark, skipped (with a diagnostic) at the start of a text.
pub(crate) const BYTE_ORDER_MARK: char = '\u{feff}';

/// The article names of publications and outlets may open with
/// (`the Monitor`), lowercase as it reads mid-sentence.
pub(crate) const ARTICLE: &str = "the ";

/// `name` without a leading [`ARTICLE`], in any case.
pub(crate) fn without_article(name: &str) -> &str {
    match name.get(..ARTICLE.len()) {
        Some(the) if the.eq_ignore_ascii_case(ARTICLE) => {
            name.get(ARTICLE.len()..).unwrap_or_default().trim_start()
        }
        _ => name,
    }
}

/// `name` as it reads mid-sentence: `The Monitor` is `the Monitor`.
pub(crate) fn article_lowercase(name: &str) -> std::borrow::Cow<'_, str> {
    match name.strip_prefix("The ") {
        Some(rest) => std::borrow::Cow::Owned(format!("{ARTICLE}{rest}")),
        None => std::borrow::Cow::Borrowed(name),
    }
}

/// `name` as it reads at the start of a sentence: `the Monitor` is
/// `The Monitor`.
pub(crate) fn article_capitalised(name: &str) -> std::borrow::Cow<'_, str> {
    match name.strip_prefix(ARTICLE) {
        Some(rest) => std::borrow::Cow::Owned(format!("The {rest}")),
        None => std::borrow::Cow::Borrowed(name),
    }
}

/// Bullets that open a list item (`• ...`) on a line of its own.
pub(crate) const BULLETS: [char; 3] = ['•', '●', '▪'];
