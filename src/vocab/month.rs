//! Month names: read in citations and dated headers, written by the
//! renderer and the builders.

use nom::{IResult, error::ErrorKind};

/// English month names, January first: the renderer's spelling, and the
/// only one dated header lines use.
pub(crate) const NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Abbreviations citations use beside the full names, with their numbers.
/// `Sept.` comes before `Sep.` so that the longer form wins.
pub(crate) const ABBREVIATIONS: [(&str, u8); 10] = [
    ("Jan.", 1),
    ("Feb.", 2),
    ("Mar.", 3),
    ("Apr.", 4),
    ("Aug.", 8),
    ("Sept.", 9),
    ("Sep.", 9),
    ("Oct.", 10),
    ("Nov.", 11),
    ("Dec.", 12),
];

/// The name of month `month` (1-based), or `None` out of range.
pub(crate) fn name(month: u8) -> Option<&'static str> {
    NAMES.get(usize::from(month).checked_sub(1)?).copied()
}

/// The number of a full month name in any case (`august`, `AUGUST`).
pub(crate) fn number(name: &str) -> Option<u8> {
    let index = NAMES.iter().position(|m| m.eq_ignore_ascii_case(name))?;
    u8::try_from(index + 1).ok()
}

/// A month as cited, full name or abbreviation, not followed by another
/// letter or digit (`Mayor` is no month). The first three letters pick the
/// candidate forms, and every form has at least three, so most text is
/// turned away after one comparison.
pub(crate) fn cited(input: &str) -> IResult<&str, u8> {
    let initials = input.as_bytes().get(..3);
    let full = NAMES.iter().zip(1..).map(|(name, number)| (*name, number));
    let forms = full.chain(ABBREVIATIONS.iter().copied());
    for (form, number) in forms.filter(|(form, _)| form.as_bytes().get(..3) == initials) {
        if let Some(rest) = input.strip_prefix(form) {
            if !rest.starts_with(|c: char| c.is_alphanumeric()) {
                return Ok((rest, number));
            }
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        ErrorKind::Tag,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_agree() {
        for month in 1..=12 {
            let name = name(month).unwrap();
            assert_eq!(number(name), Some(month));
            assert_eq!(number(&name.to_uppercase()), Some(month));
            assert_eq!(cited(name), Ok(("", month)));
        }
        assert_eq!(name(0), None);
        assert_eq!(name(13), None);
    }

    #[test]
    fn cited_forms() {
        assert_eq!(cited("Sept. 4"), Ok((" 4", 9)));
        assert_eq!(cited("Sep. 4"), Ok((" 4", 9)));
        assert!(cited("Mayor").is_err());
        assert!(cited("Ma").is_err());
        assert!(cited("may 3").is_err());
    }
}
