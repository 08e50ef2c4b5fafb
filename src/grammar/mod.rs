//! The nom grammar, in two stages.
//!
//! - [`block`]: the text as lines; the header (in the publisher's layout
//!   or another site's), title, chrome and byline; the lines after the
//!   header grouped into chunks and each chunk given its role (caption,
//!   paragraph, heading, notes, footer, next headline).
//! - [`inline`]: each paragraph scanned for parentheticals and `[N]`
//!   markers, each read as a citation (groups, outlets, cross-references,
//!   dates) or left as text.
//!
//! The block stage is line-oriented; nom parses the structured parts
//! (header fields, bylines, note numbers, citations, dates, footer years).
//! Both stages read surface forms from [`crate::vocab`] and hand cited dates
//! to [`crate::resolve`].

pub(crate) mod block;
pub(crate) mod inline;

pub(crate) use block::{Boundaries, Lines, Segment, after_footer, parse, parse_range};
// For the builders and the renderer, which check that what they write
// reads back as built.
pub(crate) use block::{byline, is_headline, is_masthead_title, notes_start, parse_footer};
