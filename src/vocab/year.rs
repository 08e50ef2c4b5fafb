//! Four-digit years: cited dates, dated headers, copyright lines.

use std::ops::RangeInclusive;

use nom::{
    IResult, Parser, bytes::complete::take_while_m_n, combinator::map_res, error::ErrorKind,
};

/// The years a bulletin can cite. A four-digit number outside them in a
/// date list is not a year, and the builders refuse to write one.
pub(crate) const CITABLE: RangeInclusive<i32> = 1900..=2099;

/// Exactly four digits, read as a year (what follows is not looked at).
pub(crate) fn four_digits(input: &str) -> IResult<&str, i32> {
    map_res(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(input)
}

/// A year in a date list: four digits in [`CITABLE`], not followed by
/// another digit or a letter.
pub(crate) fn cited(input: &str) -> IResult<&str, i32> {
    let (rest, year) = four_digits(input)?;
    if CITABLE.contains(&year) && !rest.starts_with(char::is_alphanumeric) {
        Ok((rest, year))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            ErrorKind::Verify,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(four_digits("1983-2001"), Ok(("-2001", 1983)));
        assert_eq!(cited("2001)"), Ok((")", 2001)));
        assert!(cited("1899").is_err());
        assert!(cited("20011").is_err());
        assert!(cited("2001s").is_err());
        assert!(four_digits("199").is_err());
    }
}
