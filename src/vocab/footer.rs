//! The cues that find the parts of the boilerplate footer, and the
//! sentences the builders write them in.

use std::sync::LazyLock;

use memchr::memmem::Finder;

/// `The Monitor is a publication of the Jamestown Foundation.`
pub(crate) const PUBLICATION_OF: &str = " is a publication of ";
/// Opens the staff list: `... under the direction of senior analysts ...`.
pub(crate) const STAFF: &str = "under the direction of ";
/// The sentence the builders write the staff list in.
pub(crate) const STAFF_SENTENCE: &str = "It is researched and written under the direction of ";
/// `Copyright (c) 1983-2001 The Jamestown Foundation`.
pub(crate) const COPYRIGHT: &str = "Copyright";
/// The mark after [`COPYRIGHT`], any case.
pub(crate) const COPYRIGHT_MARK: &str = "(c)";
/// `© 2005 The Jamestown Foundation`.
pub(crate) const COPYRIGHT_SIGN: char = '©';
/// Ends a copyright holder: `... Foundation All rights reserved.`
pub(crate) const ALL_RIGHTS: &str = " All rights";
/// Opens the rights notice.
pub(crate) const NOTICE: &str = "Unauthorized reproduction";
/// Site credits, one credit after each.
pub(crate) const CREDITS: [&str; 3] = [
    "Site Maintenance by ",
    "Site maintenance by ",
    "Site Design by ",
];

/// Contact cues, per field; the first of each, and a space, is what the
/// builders write before the value. The value may be missing
/// (`by e-mail at, by fax at ...`).
pub(crate) const EMAIL: [&str; 3] = ["by e-mail at", "by email at", "e-mail:"];
/// See [`EMAIL`].
pub(crate) const PHONE: [&str; 4] = ["by phone at", "by telephone at", "by phone", "tel."];
/// See [`EMAIL`].
pub(crate) const FAX: [&str; 2] = ["by fax at", "fax:"];
/// See [`EMAIL`].
pub(crate) const ADDRESS: [&str; 1] = ["by postal mail at "];
/// The sentence the builders write the contacts in.
pub(crate) const CONTACT_SENTENCE: &str = "Contact us ";

/// Words before `. ` that do not end a sentence of a footer (addresses).
pub(crate) const ABBREVIATIONS: [&str; 9] =
    ["St", "Ave", "Ste", "Rd", "Blvd", "N.W", "Inc", "P.O", "D.C"];

/// How far into a block [`PUBLICATION_OF`] is looked for.
const OPENING_LEN: usize = 200;

/// Whether `text` opens a footer: it starts with a copyright, a rights
/// notice or a credit, or names the publisher early on.
pub(crate) fn starts_footer(text: &str) -> bool {
    /// Asked of every block: a searcher built once.
    static PUBLICATION_OF_FINDER: LazyLock<Finder<'static>> =
        LazyLock::new(|| Finder::new(PUBLICATION_OF));
    let head = text.get(..text.len().min(OPENING_LEN)).unwrap_or(text);
    let head = head.trim_start();
    head.starts_with(COPYRIGHT)
        || head.starts_with(COPYRIGHT_SIGN)
        || head.starts_with(NOTICE)
        || CREDITS.iter().any(|c| head.starts_with(c))
        || PUBLICATION_OF_FINDER.find(head.as_bytes()).is_some()
}

/// Whether `text` holds any footer cue: a block of a footer that runs over
/// several paragraphs. A block after the footer without any is no longer
/// footer (in an archive, it is chrome before the next article).
pub(crate) fn has_cue(text: &str) -> bool {
    let found = |cue: &str| crate::text::find(text, cue).is_some();
    text.contains(COPYRIGHT_SIGN)
        || [PUBLICATION_OF, STAFF, COPYRIGHT, NOTICE]
            .into_iter()
            .chain(CREDITS)
            .chain(EMAIL)
            .chain(PHONE)
            .chain(FAX)
            .chain(ADDRESS)
            .any(found)
}
