//! Which publication a cross-reference points to: `see the Monitor`,
//! `See Monitor` and `see also Monitor` all mean the *Monitor*, `see EDM`
//! the *Eurasia Daily Monitor*, while `see previous story` or `see below`
//! name no publication at all.

use std::borrow::Cow;

use crate::outlets::OutletTable;

/// Cross-reference targets and the publications they name, by the names of
/// the [`YearTable`](crate::YearTable), so that a target leads on to its
/// [`Series`](crate::Series) and the year of the issue it cites.
///
/// Targets are compared like outlet names (see [`OutletTable::key`]):
/// case, a leading `the`, hyphens and brackets do not matter. A target the
/// table does not hold — `previous story`, `below`, `above`, `Part One`,
/// `the previous article` — names no publication.
///
/// ```
/// use bulletin::{SeriesAliases, YearTable};
/// let series = SeriesAliases::default();
/// assert_eq!(series.series("the Monitor"), Some("Monitor"));
/// assert_eq!(series.series("EDM"), Some("Eurasia Daily Monitor"));
/// assert_eq!(series.series("the Fortnight in Review"), Some("Fortnight in Review"));
/// assert_eq!(series.series("previous story"), None);
///
/// // On to the year of a volume.
/// let years = YearTable::default();
/// let name = series.series("EDM").unwrap();
/// assert_eq!(years.year_of(name, 5), Some(2008));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesAliases {
    names: OutletTable,
}

impl SeriesAliases {
    /// A table with no entries: no target names a publication.
    pub fn empty() -> Self {
        SeriesAliases {
            names: OutletTable::empty(),
        }
    }

    /// Makes `target` (and `publication` itself) name `publication`.
    ///
    /// ```
    /// let mut series = bulletin::SeriesAliases::default();
    /// series.insert("NCW", "North Caucasus Weekly");
    /// assert_eq!(series.series("NCW"), Some("North Caucasus Weekly"));
    /// ```
    pub fn insert(&mut self, target: &str, publication: &str) -> &mut Self {
        self.names.insert(target, publication);
        self
    }

    /// The publication `target` names, if it names one.
    pub fn series(&self, target: &str) -> Option<&str> {
        self.names.canonical(target)
    }

    /// [`series`](SeriesAliases::series) for the syntax tree: a built-in
    /// name without a copy.
    pub(crate) fn series_name(&self, target: &str) -> Option<Cow<'static, str>> {
        self.names.canonical_name(target)
    }

    /// Every target spelling held, with its publication, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.names.iter()
    }
}

impl Default for SeriesAliases {
    /// The publications of [`YearTable::default`](crate::YearTable), by the
    /// names and abbreviations the bulletins cite them by.
    fn default() -> Self {
        let mut names = OutletTable::empty();
        names
            .insert_static("Monitor", "Monitor")
            .insert_static("Jamestown Monitor", "Monitor")
            .insert_static("Jamestown Foundation Monitor", "Monitor")
            .insert_static("Prism", "Prism")
            .insert_static("Fortnight in Review", "Fortnight in Review")
            .insert_static("Chechnya Weekly", "Chechnya Weekly")
            .insert_static("North Caucasus Weekly", "North Caucasus Weekly")
            .insert_static("China Brief", "China Brief")
            .insert_static("Russia and Eurasia Review", "Russia and Eurasia Review")
            .insert_static("Russia & Eurasia Review", "Russia and Eurasia Review")
            .insert_static("Terrorism Monitor", "Terrorism Monitor")
            .insert_static("Eurasia Daily Monitor", "Eurasia Daily Monitor")
            .insert_static("EDM", "Eurasia Daily Monitor")
            .insert_static("Terrorism Focus", "Terrorism Focus");
        SeriesAliases { names }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::YearTable;

    #[test]
    fn every_publication_is_in_the_year_table() {
        let years = YearTable::default();
        for (target, publication) in SeriesAliases::default().iter() {
            assert!(years.get(publication).is_some(), "{target} → {publication}");
        }
        // And every publication of the year table can be cited.
        let series = SeriesAliases::default();
        for (name, _) in years.iter() {
            assert!(series.series(name).is_some(), "{name}");
        }
    }
}
