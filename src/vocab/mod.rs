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
pub(crate) mod year;

/// The byte-order mark, skipped (with a diagnostic) at the start of a text.
pub(crate) const BYTE_ORDER_MARK: char = '\u{feff}';

/// Bullets that open a list item (`• ...`) on a line of its own.
pub(crate) const BULLETS: [char; 3] = ['•', '●', '▪'];
