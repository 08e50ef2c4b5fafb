//! The byline after the header: `By Anna Kovacs and Piotr Lind`,
//! `By: Anna Kovacs`, an empty `By:`, and `by Anna Kovacs` in copies
//! rewritten by other sites.

use crate::vocab::header::{
    BYLINE, BYLINE_COLON, MAX_BARE_BYLINE_LEN, MAX_BYLINE_NAMES_LEN, NAME_CONNECTORS,
    NAME_PARTICLES, NAME_SEPARATORS,
};

/// The authors of a byline, `Some(vec![])` for an empty `By:`, `None` when
/// the line is not a byline.
pub(crate) fn byline(line: &str) -> Option<Vec<&str>> {
    let line = line.trim();
    let names = if let Some(rest) = line.strip_prefix(BYLINE_COLON) {
        rest
    } else {
        let rest = BYLINE.iter().find_map(|by| line.strip_prefix(by))?;
        if !looks_like_names(rest) {
            return None;
        }
        rest
    };
    // The bound is on the names, not the line: the renderer joins them
    // with `and` where the source had commas, and must read back the same.
    if names.len() > 10 * MAX_BYLINE_NAMES_LEN {
        return None;
    }
    let names = split_names(names);
    let total: usize = names.iter().map(|n| n.len()).sum();
    (total <= MAX_BYLINE_NAMES_LEN).then_some(names)
}

/// Splits `A, B and C` into names.
pub(crate) fn split_names(names: &str) -> Vec<&str> {
    let [comma, and, ampersand] = NAME_SEPARATORS;
    names
        .split(comma)
        .flat_map(|part| part.split(and))
        .flat_map(|part| part.split(ampersand))
        .map(without_connectors)
        // A connector alone (`A and and B`) is no name.
        .filter(|name| !name.is_empty() && !NAME_CONNECTORS.contains(name))
        .collect()
}

/// `name` without the connectors (`and`, `&`) that a split left at either
/// end (`A, B and, C`; `A and and  C`), whatever white space follows them.
fn without_connectors(name: &str) -> &str {
    let mut name = name.trim();
    loop {
        let before = name.len();
        for connector in NAME_CONNECTORS {
            if let Some(rest) = name.strip_prefix(connector) {
                if rest.starts_with(char::is_whitespace) {
                    name = rest.trim_start();
                }
            }
            if let Some(rest) = name.strip_suffix(connector) {
                if rest.ends_with(char::is_whitespace) {
                    name = rest.trim_end();
                }
            }
        }
        if name.len() == before {
            return name;
        }
    }
}

/// `Anna Kovacs and Piotr Lind`, not `the end of the year`: every word
/// capitalised but for particles, and no sentence end.
fn looks_like_names(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.len() <= MAX_BARE_BYLINE_LEN
        && !text.ends_with('.')
        && text.split_whitespace().all(|word| {
            let word = word.trim_end_matches(',');
            NAME_PARTICLES.contains(&word) || word.chars().next().is_some_and(char::is_uppercase)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(
            byline("By Anna Kovacs and Piotr Lind"),
            Some(vec!["Anna Kovacs", "Piotr Lind"])
        );
        assert_eq!(byline("By: Anna Kovacs"), Some(vec!["Anna Kovacs"]));
        assert_eq!(byline("by Anna Kovacs"), Some(vec!["Anna Kovacs"]));
        assert_eq!(byline("By:"), Some(vec![]));
        assert_eq!(byline("By the end of the year, prices rose."), None);
        assert_eq!(byline("Byzantine politics"), None);
    }
}
