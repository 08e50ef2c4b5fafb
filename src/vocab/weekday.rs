//! Weekday names, as a stated date may open with them (`Tuesday, August
//! 1, 2006`). The renderer writes the full English name, as
//! [`time::Weekday`] displays it.

/// The full names, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// True for a weekday's full name or its three-letter abbreviation, in
/// any case (`Tuesday`, `TUESDAY`, `Tue`).
pub(crate) fn is_weekday(name: &str) -> bool {
    WEEKDAYS.iter().any(|day| {
        name.eq_ignore_ascii_case(day) || (name.len() == 3 && day[..3].eq_ignore_ascii_case(name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_names() {
        assert!(is_weekday("Tuesday"));
        assert!(is_weekday("SUNDAY"));
        assert!(is_weekday("wed"));
        assert!(!is_weekday("Issueinterfax"));
        assert!(!is_weekday("Tues"));
        assert!(!is_weekday(""));
        // Every name the renderer writes reads back.
        for day in WEEKDAYS {
            assert!(is_weekday(day));
        }
        let monday = time::Weekday::Monday;
        assert_eq!(monday.to_string(), WEEKDAYS[0]);
    }
}
