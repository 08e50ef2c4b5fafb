//! Roman numerals, as PDF mastheads number their volumes (`VOLUME XII`).

/// The value of `text` in Roman numerals (`XII`), as PDF mastheads number
/// volumes; `None` unless it is a well-formed numeral.
pub(crate) fn value(text: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values = text.chars().map(digit).collect::<Option<Vec<i64>>>()?;
    let mut total = 0i64;
    for (i, &value) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(&next) if next > value => total -= value,
            _ => total += value,
        }
    }
    let total = u32::try_from(total).ok()?;
    // Only the canonical spelling of its value (`IIII` and `IIX` are not).
    (total > 0 && write(total) == text).then_some(total)
}

/// `total` in Roman numerals.
pub(crate) fn write(mut total: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while total >= value {
            out.push_str(numeral);
            total -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_read_back() {
        for n in 1..=3999 {
            assert_eq!(value(&write(n)), Some(n));
        }
        assert_eq!(value("XII"), Some(12));
        assert_eq!(value("IIII"), None);
        assert_eq!(value("IIX"), None);
        assert_eq!(value("12"), None);
        assert_eq!(value(""), None);
    }
}
