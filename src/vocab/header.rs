//! The header line, the byline, the title and site chrome.

/// The keyword that opens a header line: `Publication: Monitor ...`.
pub(crate) const PUBLICATION: &str = "Publication:";

/// The keywords of the numbered header fields (`Volume: 6 Issue: 41`),
/// each followed by a colon in the publisher's layout and by a space in
/// the dated layout of other sites (`-- Volume 3, Issue 148`).
pub(crate) const VOLUME: &str = "Volume";
/// See [`VOLUME`].
pub(crate) const ISSUE: &str = "Issue";

/// Lines scrapers leave before an article that are never its title.
pub(crate) const CHROME: [&str; 1] = ["Placeholder canvas"];

/// The heading of a PDF masthead's table of contents, which the lines up
/// to the next blank one follow (`IN THIS ISSUE:`).
pub(crate) const CONTENTS: &str = "IN THIS ISSUE";

/// Whether `line` is the heading of a masthead's table of contents.
pub(crate) fn is_contents_heading(line: &str) -> bool {
    line.trim()
        .trim_end_matches(':')
        .trim()
        .eq_ignore_ascii_case(CONTENTS)
}

/// The fields of a mail header (`From: ... Sent: ...`), which a
/// mailing-list repost leaves above the article: chrome.
pub(crate) const MAIL_FIELDS: [&str; 6] = ["From:", "Sent:", "To:", "Cc:", "Subject:", "Date:"];

/// Whether `line` is a line of a mail header (`From: ...`).
pub(crate) fn is_mail_field(line: &str) -> bool {
    MAIL_FIELDS.iter().any(|field| line.starts_with(field))
}

/// A longer line before the header is a paragraph, not a title.
pub(crate) const MAX_TITLE_LEN: usize = 400;

/// A publication line of a rewritten header is at most this long.
pub(crate) const MAX_PUBLICATION_LEN: usize = 80;

/// `By: Anna Kovacs`: a byline whatever the names look like.
pub(crate) const BYLINE_COLON: &str = "By:";
/// `By Anna Kovacs`: a byline when the rest reads as names; `by ` in
/// copies rewritten by other sites.
pub(crate) const BYLINE: [&str; 2] = ["By ", "by "];

/// What separates the names of a byline: `A, B and C`, `A & B`.
pub(crate) const NAME_SEPARATORS: [&str; 3] = [",", " and ", " & "];
/// Connector words a split can leave at the end of a name (`A, and B`).
pub(crate) const NAME_CONNECTORS: [&str; 2] = ["and", "&"];
/// Lowercase words a name can hold (`Ilse van Dorn`, `Omar bin Said`).
pub(crate) const NAME_PARTICLES: [&str; 9] =
    ["and", "&", "de", "van", "von", "al", "bin", "der", "la"];

/// The most bytes of names a byline holds; a longer `By:` line is prose.
pub(crate) const MAX_BYLINE_NAMES_LEN: usize = 200;
/// The longest `By ...` line (without colon) that can be a byline.
pub(crate) const MAX_BARE_BYLINE_LEN: usize = 100;
