//! When each publication's volumes appeared: the data that turns a volume
//! and issue number into the issue's year and rough place in that year.

use time::{Date, Duration, Month};

use crate::vocab::without_article;

/// How a serial publication is numbered over time.
///
/// ```
/// use bulletin::Series;
/// let monitor = Series::new(1995, 250).first_volume_from(5, 1);
/// assert_eq!(monitor.year_of(5), Some(1999));
/// assert_eq!(monitor.estimate_issue_date(5, 173).unwrap().to_string(), "1999-09-09");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Series {
    /// The year volume 1 appeared; volume `v` is `first_year + v - 1`.
    pub first_year: i32,
    /// About how many issues a year appear (daily ≈ 250, weekly ≈ 48).
    pub issues_per_year: u16,
    /// Month and day volume 1 began, when not January 1. Later volumes
    /// begin in January.
    pub first_volume_start: Option<(u8, u8)>,
}

impl Series {
    /// A series whose volume 1 appeared in `first_year`, with about
    /// `issues_per_year` issues a year.
    pub const fn new(first_year: i32, issues_per_year: u16) -> Self {
        Series {
            first_year,
            issues_per_year,
            first_volume_start: None,
        }
    }

    /// Volume 1 began on `month`/`day` of its year rather than in January.
    pub const fn first_volume_from(mut self, month: u8, day: u8) -> Self {
        self.first_volume_start = Some((month, day));
        self
    }

    /// The year of `volume` (`None` for volume 0 or an overflowing year).
    pub fn year_of(&self, volume: u32) -> Option<i32> {
        let offset = i32::try_from(volume.checked_sub(1)?).ok()?;
        self.first_year.checked_add(offset)
    }

    /// A rough date for `issue` of `volume`: the volume's start plus the
    /// issue's share of a year. Only good to within weeks or months.
    pub fn estimate_issue_date(&self, volume: u32, issue: u32) -> Option<Date> {
        let year = self.year_of(volume)?;
        let (month, day) = match (volume, self.first_volume_start) {
            (1, Some(start)) => start,
            _ => (1, 1),
        };
        let start = Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()?;
        let per_year = i64::from(self.issues_per_year.max(1));
        let days = (i64::from(issue.saturating_sub(1)) * 365 / per_year).min(365);
        let estimate = start.checked_add(Duration::days(days))?;
        // Never past the end of the volume's year.
        let last = Date::from_calendar_date(year, Month::December, 31).ok()?;
        Some(estimate.min(last))
    }
}

/// Publication names and their [`Series`]: the first-volume table of
/// docs/FORMAT.md §3, which callers can extend or override.
///
/// Names match case-insensitively, with a leading `the ` ignored.
///
/// ```
/// use bulletin::{Series, YearTable};
/// let mut years = YearTable::default();
/// assert_eq!(years.year_of("Eurasia Daily Monitor", 5), Some(2008));
/// assert_eq!(years.year_of("Example Weekly", 3), None);
/// years.insert("Example Weekly", Series::new(2010, 48));
/// assert_eq!(years.year_of("example weekly", 3), Some(2012));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearTable {
    entries: Vec<(String, Series)>,
}

impl YearTable {
    /// A table with no entries.
    pub fn empty() -> Self {
        YearTable {
            entries: Vec::new(),
        }
    }

    /// Adds or replaces the series called `name`.
    pub fn insert(&mut self, name: &str, series: Series) -> &mut Self {
        let key = normalize(name);
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = series,
            None => self.entries.push((key, series)),
        }
        self
    }

    /// The series called `name`, if known.
    pub fn get(&self, name: &str) -> Option<&Series> {
        // Asked once per article: compared without building the key.
        let name = without_article(name.trim());
        self.entries
            .iter()
            .find(|(k, _)| k.chars().eq(name.chars().flat_map(char::to_lowercase)))
            .map(|(_, s)| s)
    }

    /// The year of `volume` of `publication`, if the publication is known.
    pub fn year_of(&self, publication: &str, volume: u32) -> Option<i32> {
        self.get(publication)?.year_of(volume)
    }

    /// The known names, normalised, with their series.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Series)> {
        self.entries.iter().map(|(k, s)| (k.as_str(), s))
    }
}

impl Default for YearTable {
    /// The table of docs/FORMAT.md §3.
    fn default() -> Self {
        let mut table = YearTable::empty();
        let daily = 250;
        let weekly = 48;
        let biweekly = 24;
        table
            .insert("Monitor", Series::new(1995, daily).first_volume_from(5, 1))
            .insert("Prism", Series::new(1995, biweekly))
            .insert("Fortnight in Review", Series::new(1995, biweekly))
            .insert("Chechnya Weekly", Series::new(2000, weekly))
            .insert("North Caucasus Weekly", Series::new(2000, weekly))
            .insert("China Brief", Series::new(2001, biweekly))
            .insert("Russia and Eurasia Review", Series::new(2002, biweekly))
            .insert("Terrorism Monitor", Series::new(2003, biweekly))
            .insert(
                "Eurasia Daily Monitor",
                Series::new(2004, daily).first_volume_from(5, 17),
            )
            .insert("Terrorism Focus", Series::new(2004, weekly));
        table
    }
}

/// The key `name` is stored under: no `the `, lowercase ([`YearTable::get`]
/// compares the same way without building it).
fn normalize(name: &str) -> String {
    without_article(name.trim()).to_lowercase()
}
