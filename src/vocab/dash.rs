//! Dashes: date ranges, copyright year spans, dated header lines.

use nom::{IResult, Parser, character::complete::one_of};

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
