//! Dashes: date ranges, copyright year spans, dated header lines; and the
//! words that join the ends of a range in citations like a dash.

use nom::{IResult, Parser, branch::alt, bytes::complete::tag, character::complete::one_of};

/// The dashes that join the ends of a range: hyphen, en dash, em dash.
pub(crate) const RANGE: [char; 3] = ['-', '–', '—'];

/// One range dash.
pub(crate) fn range(input: &str) -> IResult<&str, char> {
    one_of(RANGE.as_slice()).parse(input)
}

/// Whether `c` is a range dash.
pub(crate) fn is_range(c: char) -> bool {
    RANGE.contains(&c)
}

/// Words between the ends of a cited range, with a space on each side:
/// `May 22 through 26` is `May 22-26`. The renderer writes the dash.
pub(crate) const RANGE_WORDS: [&str; 2] = ["through", "to"];

/// One of [`RANGE_WORDS`] (the spaces around it are the caller's).
pub(crate) fn range_word(input: &str) -> IResult<&str, &str> {
    let [through, to] = RANGE_WORDS;
    alt((tag(through), tag(to))).parse(input)
}
