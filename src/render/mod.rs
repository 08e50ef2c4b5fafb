//! The canonical renderer: `Display` for [`Article`](crate::Article) and its parts, writing
//! bulletin text that [`parse_article`](crate::parse_article) reads back as
//! the same tree (spans aside, see [`Article::without_spans`](crate::Article::without_spans)).
//!
//! # Layout
//!
//! An article is written in the seed's layout, one blank line between
//! blocks, each block on one line (unless its text holds line breaks):
//!
//! ```text
//! Placeholder canvas             site chrome, if any, one line each,
//!                                then two blank lines
//!
//! TALKS RESUME AT LAST.          the title, if any
//! Publication: Monitor Volume: 6 Issue: 41
//! By Anna Kovacs and Piotr Lind  the byline, if there are authors
//!
//! President Ilir Duka            captions, if any
//!
//! Officials in Tbilisi ... (see the Monitor, February 18).
//!
//! WHAT WE KNOW                   paragraphs and headings in order
//!
//! Notes:                         the notes, if any, one per line
//!
//! 1. Itar-Tass, October 31
//! 2. Interfax, October 30 and 31
//!
//! The Monitor is a publication of ...     the footer text
//!
//! Armenia Weighs New Gas Terms.  the next article's headline
//! ```
//!
//! - The header line omits `Volume:` and `Issue:` when they are missing. A
//!   header that states its issue date ([`Header::date`](crate::Header::date))
//!   keeps it in a layout the parser reads it from: glued to the issue
//!   number after a publication, as the publisher's own site prints it
//!   (`Publication: Example Weekly Volume: 9 Issue: 48December 18, 2008`:
//!   a `Publication:` line, which nothing else in the text can take the
//!   place of); without a publication, a PDF masthead for volume and issue
//!   (`VOLUME XII • ISSUE 7 • APRIL 2, 2015`, the title above it, one blank
//!   line more under it), or the date on a line of its own under the title
//!   (`Friday, May 20, 2005`), the byline after it.
//! - The byline is `By A, B and C`; when the names would not read back
//!   after a bare `By ` (a lowercase word, a final period) it is `By: ...`.
//! - The notes are introduced by a `Notes:` line, which the parser skips:
//!   it marks where the notes start even when the body is empty or the
//!   numbering does not start at 1.
//! - Where the parser reads a block by its neighbours, the renderer keeps
//!   the neighbours it needs. A first block shaped like a byline (`By ...`)
//!   after a header without authors goes two blank lines down. An empty
//!   `Notes:` line (no notes after it) is written after the body where the
//!   article was parsed from a text that had one (its
//!   [`EmptyNotes`](crate::DiagnosticKind::EmptyNotes) diagnostic says so),
//!   and in a built article where the body would read otherwise without
//!   it: a last paragraph shaped like a headline, a paragraph reading
//!   `Notes` or a trailing run of numbered paragraphs, a lone hard-wrapped
//!   paragraph (its lines are joined only where blank lines separate
//!   blocks). When the title itself reads `Notes:`, the line is
//!   `Endnotes:` (a caption equal to the title would be taken for one).
//! - A header-less article (parsed leniently) is written as its body alone.
//!   An article with nothing in it is written as the empty string, which
//!   does not parse.
//!
//! # Text
//!
//! Text is written as it is stored: paragraph text, headings, captions,
//! notes and the footer are copied verbatim, line breaks inside them
//! included, so typographic dashes and quotes, non-breaking spaces and
//! mojibake are *not* normalised, and a parse → render → parse round trip
//! keeps every text field byte for byte (a hard-wrapped paragraph keeps its
//! line breaks, CRLF included). What the renderer normalises is the layout
//! between blocks: line endings between blocks become `\n`, blank-line
//! runs become one blank line, white space around blocks is dropped (the
//! parser trims it anyway), and the output ends with a line break.
//!
//! Repairs the parser made are not written back: a byte-order mark is not
//! written, and a header number that lenient parsing left out (an
//! [`InvalidNumber`](crate::DiagnosticKind::InvalidNumber) diagnostic) stays
//! out, so re-parsing the output reports neither diagnostic.
//!
//! # Citations
//!
//! A citation inline is written as its `raw` text, the exact input bytes,
//! which keeps parsed citations byte for byte. The builders fill `raw` from
//! the citation's structure; a citation whose `raw` is empty is written
//! from its structure too. [`Citation`](crate::Citation)'s own `Display` always writes from
//! the structure, in the surface forms of docs/FORMAT.md §5:
//!
//! ```text
//! (Itar-Tass, Prime-News, March 3-4)
//! (see the Monitor, February 18)
//! (Kommersant, July 4 and 5)
//! (Reuters, August 30-September 2)
//! (Argumenty i fakty, No. 11, March 1999; see the Monitor, March 16)
//! [7]   (7)   (https://www.example.org/news/123.html)
//! ```
//!
//! A cross-reference's topic is written after `On` (`On the pipeline see
//! also Monitor, October 23`), and a group without keyword continues the
//! `see` group before it (`see the Monitor, July 12; the Fortnight in
//! Review, July 7`); a source group without outlets is a stripped link,
//! `(, May 11)`. Clauses follow a group's dates, `translated by` first,
//! then an attribution with the phrase it was read with (`as cited by`
//! when none): `(Prima, November 21, translated by BBC Monitoring,
//! November 21)`, `(Akhali Taoba, March 3, as cited by Interfax)`. A clause
//! of a clause is written after it, as it is read: each clause is about
//! the report named just before it.
//!
//! Dates are written from their [`PartialDate`](crate::PartialDate) parts, not from their
//! stored text: month names in full, `D-D` for a range within one month,
//! `Month D-Month D` across months, `, YYYY` when the year is written (once,
//! after a range: `December 30-January 2, 2001` runs from 2000). In a
//! list, a single day in the same month as the single day before it is
//! written as its day alone: `July 4 and 5` for two, `September 6, 10, 12`
//! for more.
mod canonical;
mod citation;
mod layout;

pub(crate) use canonical::canonicalize_dates;
pub(crate) use citation::{date_texts, write_citation_inside};
pub(crate) use layout::join_names;
