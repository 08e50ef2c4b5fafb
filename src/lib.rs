//! `bulletin` turns the raw text of a news bulletin — the Jamestown
//! Foundation's *Monitor*, *Eurasia Daily Monitor*, *Prism*, *Chechnya
//! Weekly*, *China Brief* and their kin — into a typed syntax tree: header,
//! body paragraphs with every inline source citation resolved to calendar
//! dates, numbered notes, and the boilerplate footer.
//!
//! ```
//! let text = "TALKS RESUME AT LAST.\n\
//!             Publication: Monitor Volume: 6 Issue: 41\n\
//!             \n\
//!             Officials confirmed that the talks will resume (see the Monitor, February 18).\n";
//! let article = bulletin::parse_article(text)?;
//! let header = article.header.as_ref().unwrap();
//! assert_eq!(article.title.as_deref(), Some("TALKS RESUME AT LAST."));
//! assert_eq!(header.publication.as_deref(), Some("Monitor"));
//! assert_eq!((header.volume, header.issue, header.year), (Some(6), Some(41), Some(2000)));
//! assert_eq!(article.body.len(), 1);
//! # Ok::<(), bulletin::ParseError>(())
//! ```
//!
//! Text fields are `Cow<'a, str>` borrowed from the input;
//! [`Article::into_owned`] detaches an article. With the default `serde`
//! feature every type is `Serialize` and `Deserialize` (dates as ISO
//! `YYYY-MM-DD`). The format itself is described in the repository's
//! `docs/FORMAT.md`.
//!
//! # How a text is parsed
//!
//! Two stages, as in a Markdown parser: blocks, then the inlines of each
//! paragraph. The files under `src/grammar/` follow them in order:
//!
//! 1. **Lines** (`block/lines.rs`): the text split into trimmed lines with
//!    their offsets, byte-order marks skipped.
//! 2. **Header** (`block/header.rs`, `block/layouts.rs`, `block/byline.rs`):
//!    the `Publication:` line or another site's layout, the title and site
//!    chrome before it, the byline after it.
//! 3. **Blocks** (`block/chunks.rs`, `block/body.rs`, `block/notes.rs`,
//!    `block/footer.rs`): the lines after the header grouped into chunks,
//!    each given its role: caption, paragraph, heading, note, footer, next
//!    headline.
//! 4. **Inlines** (`inline/mod.rs`, `inline/tokens.rs`, `inline/citation.rs`,
//!    `inline/date.rs`): each paragraph scanned for parentheticals and `[N]`
//!    markers, each read in one pass as a citation or left as text, its
//!    dates read as written.
//! 5. **Dates** ([`DateContext`]): cited dates resolved against the issue's
//!    date, stated or estimated from the [`YearTable`].
//!
//! Every stage works on byte offsets into the input, so each node carries
//! its [`Span`]. The surface forms the stages read (month names, header
//! keywords, footer cues, bounds) live in one vocabulary module, which the
//! [`render`]er and the [`builder`]s write from too. [`visit`] walks a
//! finished tree.
//!
//! # Strict and lenient parsing
//!
//! [`parse_article`] is strict about the one thing that makes a text an
//! article: it needs a `Publication:` header line, and rejects empty input,
//! white space only, and malformed header numbers with a [`ParseError`] that
//! says where (line, column, byte offset) and what was expected.
//!
//! Real archives also hold pages whose header was lost. With
//! [`ParseOptions::lenient`] such a page parses as a header-less article
//! (`header: None`, the whole text as body), and every repair — a missing
//! header, an unreadable number — is recorded in [`Article::diagnostics`].
//! Everything else (site chrome, truncated text, mojibake, stray blank lines,
//! CRLF) is accepted in both modes, with a diagnostic where text was skipped.
//!
//! # Bad input
//!
//! Any `&str` is a valid argument: no input makes the parser panic,
//! overflow, recurse without bound or take more than linear time (the
//! `scaling` bench measures it; `tests/reliability.rs` tests every case
//! below, and the `fuzz/` targets look for more). A result is either an
//! [`Article`] whose every span lies inside the input on character
//! boundaries, or a [`ParseError`] whose line, column and offset point into
//! the input. Lenient parsing accepts everything strict parsing accepts,
//! with the same result.
//!
//! | input | strict ([`parse_article`]) | lenient ([`ParseOptions::lenient`]) |
//! |---|---|---|
//! | empty | [`ErrorKind::Empty`] at 1:1 | the same error |
//! | white space only (non-breaking spaces, CR, a lone BOM included) | [`ErrorKind::WhitespaceOnly`] at the end of the input | the same error |
//! | no `Publication:` line | [`ErrorKind::MissingHeader`] at the first non-blank character | `header: None`, the whole text as body, a [`DiagnosticKind::MissingHeader`] |
//! | `Publication:` without a name | [`ErrorKind::InvalidHeader`] after the keyword | the same error |
//! | a header and nothing else | an article with an empty body | the same |
//! | text after the header fields (`Issue: 4 (corrected)`) | skipped, with a [`DiagnosticKind::Unexpected`] over it | the same |
//! | a notes heading (`NOTES:`) with no numbered note after it | the heading (and any text under it) left out of the notes, with a [`DiagnosticKind::EmptyNotes`] over it | the same |
//! | two articles in one file (a second `Publication:` line) | the first article; the second header kept as a paragraph, with a [`DiagnosticKind::Unexpected`] | the same |
//! | a file cut off mid-word or inside a citation | parsed; the fragment or the open parenthetical kept as text | the same |
//! | NUL and other control characters | kept verbatim in the text; in the header line they end the fields that can be read | the same |
//! | byte-order marks at the start (behind white space too) | skipped, each with a [`DiagnosticKind::ByteOrderMark`]; spans still count their bytes | the same |
//! | CR-only or mixed line endings | `\n`, `\r\n` and a lone `\r` all end a line | the same |
//! | mojibake (`YeltsinÕs`, `Òdisaster.Ó`) | kept verbatim; the parser cannot know the intended text | the same |
//! | a 10 MB single line | one paragraph, in linear time | the same |
//! | `Volume: 99999999999999999999` (beyond `u32`) | [`ErrorKind::InvalidHeader`] at the digits: "number too large" | the volume left out, a [`DiagnosticKind::InvalidNumber`] over the digits |
//! | `Issue: 0` | [`ErrorKind::InvalidHeader`]: "expected a number of at least 1" | left out, with a diagnostic |
//! | `Issue: -3`, `Issue:` with no digits | [`ErrorKind::InvalidHeader`] at the `-`: "expected a number" | left out, with a diagnostic |
//! | `Volume: 4294967295` | accepted; no year (none fits) | the same |
//! | impossible dates (`February 30`, `September 31-32`) | parsed; the citation keeps its raw text, and a date that is not in the calendar stays unresolved rather than rolling over | the same |
//! | ten thousand outlets in one citation | parsed in linear time, the text kept | the same |
//! | parentheticals just under the citation length bound, full of dates that fail at the end | not citations, in time linear in their length | the same |
//! | parentheses nested thousands deep, or never closed | parsed without recursion, the text kept | the same |
//!
//! Text that is not valid UTF-8 cannot reach the parser: decode it first,
//! for example with [`String::from_utf8_lossy`], which turns broken bytes
//! into `U+FFFD` characters that the parser keeps like any other text.
#![forbid(unsafe_code)]
// No input may panic the library: these lints forbid the panicking
// shortcuts outside tests (see `clippy.toml`); a site that must keep one
// says why in an `#[allow(..., reason = "...")]`.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented,
    clippy::allow_attributes_without_reason
)]
#![warn(missing_docs)]

mod archive;
mod ast;
pub mod builder;
mod chronology;
mod error;
mod grammar;
mod naming;
mod options;
mod outlets;
pub mod render;
mod resolve;
pub mod rows;
mod series;
mod span;
mod text;
pub mod visit;
mod vocab;
mod years;

pub use archive::Articles;
pub use ast::{
    Article, Block, Citation, CitationRef, CitedDate, Contact, Copyright, CrossReference,
    DateSource, Footer, Group, Header, Inline, IssueDate, Line, MarkerStyle, Note, PartialDate,
    SourceGroup, Staff,
};
pub use builder::{BuildError, DateBuilder, date};
pub use chronology::{Chronology, IssueId};
pub use error::{Diagnostic, DiagnosticKind, ErrorKind, ParseError, line_column};
pub use options::ParseOptions;
pub use outlets::{OutletTable, OutletTableError};
pub use resolve::DateContext;
pub use series::SeriesAliases;
pub use span::Span;
pub use years::{IssueWindow, Schedule, Series, YearTable};

/// Parses one bulletin article, strictly (see the crate docs).
///
/// ```
/// let err = bulletin::parse_article("   \n").unwrap_err();
/// assert_eq!(err.kind(), bulletin::ErrorKind::WhitespaceOnly);
/// ```
pub fn parse_article(input: &str) -> Result<Article<'_>, ParseError> {
    default_options().parse(input)
}

/// The default options, built once: a [`YearTable`] holds a dozen names,
/// which a parse of a short article need not build again.
fn default_options() -> &'static ParseOptions {
    static DEFAULT: std::sync::LazyLock<ParseOptions> =
        std::sync::LazyLock::new(ParseOptions::default);
    &DEFAULT
}

/// Parses a text that holds one article or many (an archive: a mirror's
/// dump, a mailing-list digest, a PDF issue), strictly. The iterator yields
/// each article in order, dated by its own header, every span an offset
/// into the whole `input`; a text holding one article gives exactly what
/// [`parse_article`] gives.
///
/// ```
/// let text = "Publication: Monitor Volume: 6 Issue: 41\n\nTalks resumed.\n";
/// let articles: Vec<_> = bulletin::parse_archive(text).collect::<Result<_, _>>()?;
/// assert_eq!(articles.len(), 1);
/// assert_eq!(articles[0], bulletin::parse_article(text)?);
/// # Ok::<(), bulletin::ParseError>(())
/// ```
pub fn parse_archive(input: &str) -> Articles<'_> {
    default_options().parse_archive(input)
}

/// Parses one citation as written in a body, brackets included:
/// `(Interfax, March 3)`, `(see the Monitor, February 18)`, `(7)`, `[3]`,
/// `(https://example.org/a.html)`. Returns `None` for a parenthetical that
/// is not a citation (`(OSCE)`, `(94 in favor, 253 against)`, a date on its
/// own). Dates are resolved against `ctx`.
///
/// ```
/// use bulletin::{Citation, DateContext, Group};
/// let ctx = DateContext::in_year(2000);
/// let cited = bulletin::parse_citation("(Itar-Tass, Prime-News, March 3-4)", &ctx).unwrap();
/// let Group::Source(group) = &cited.groups()[0] else { panic!() };
/// assert_eq!(group.outlets, ["Itar-Tass", "Prime-News"]);
/// assert_eq!(group.dates[0].start.unwrap().to_string(), "2000-03-03");
/// assert_eq!(group.dates[0].end.unwrap().to_string(), "2000-03-04");
/// assert!(bulletin::parse_citation("(OSCE)", &ctx).is_none());
/// assert!(matches!(bulletin::parse_citation("[3]", &ctx), Some(Citation::NoteMarker { number: 3, .. })));
/// ```
pub fn parse_citation<'a>(raw: &'a str, ctx: &DateContext) -> Option<Citation<'a>> {
    grammar::inline::citation::parse_bracketed(raw, ctx)
}

/// Parses a whole date list as cited (`July 4 and 5`, `August 30-September 2`,
/// `November 2, 2001`, `March 1999`, `March, 17`), one [`CitedDate`] per day
/// or range, resolved against `ctx`. `None` when `text` is not a date list.
///
/// ```
/// use bulletin::DateContext;
/// use time::macros::date;
/// // An early-January issue: December belongs to the year before.
/// let ctx = DateContext::around(date!(2001-01-04));
/// let dates = bulletin::parse_dates("December 30-January 2", &ctx).unwrap();
/// assert_eq!(dates[0].start, Some(date!(2000-12-30)));
/// assert_eq!(dates[0].end, Some(date!(2001-01-02)));
/// let dates = bulletin::parse_dates("September 6, 10, 12", &ctx).unwrap();
/// assert_eq!(dates.len(), 3);
/// assert_eq!(dates[1].text, "10");
/// assert!(bulletin::parse_dates("in March", &ctx).is_none());
/// ```
pub fn parse_dates<'a>(text: &'a str, ctx: &DateContext) -> Option<Vec<CitedDate<'a>>> {
    grammar::inline::date::date_list(text).map(|dates| ctx.resolve_all(dates))
}

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
