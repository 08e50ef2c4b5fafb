//! When each publication's volumes appeared: the data that turns a volume
//! and issue number into the issue's year and rough place in that year.

use time::{Date, Duration, Month};

use crate::vocab::without_article;

/// How often a series appears: the most issues it can put out, which
/// bounds the date of an issue from its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Schedule {
    /// Daily bulletins: an issue on each weekday at most (*Monitor*,
    /// *Eurasia Daily Monitor*).
    Weekdays,
    /// An issue a week at most.
    Weekly,
    /// Two issues a month, a fortnight apart at least (*China Brief*,
    /// *Prism*).
    Fortnightly,
}

impl Schedule {
    /// The schedule of a series with about `issues_per_year` issues.
    pub const fn for_issues_per_year(issues_per_year: u16) -> Self {
        if issues_per_year >= 150 {
            Schedule::Weekdays
        } else if issues_per_year >= 36 {
            Schedule::Weekly
        } else {
            Schedule::Fortnightly
        }
    }

    /// The first day on or after `date` an issue can appear on.
    pub fn on_or_after(self, date: Date) -> Date {
        match self {
            Schedule::Weekdays => next_weekday(date),
            Schedule::Weekly | Schedule::Fortnightly => date,
        }
    }

    /// The last day on or before `date` an issue can appear on.
    pub fn on_or_before(self, date: Date) -> Date {
        match self {
            Schedule::Weekdays => previous_weekday(date),
            Schedule::Weekly | Schedule::Fortnightly => date,
        }
    }

    /// The earliest date the issue after one of `date` can appear on.
    pub fn after(self, date: Date) -> Option<Date> {
        match self {
            Schedule::Weekdays => Some(next_weekday(date.next_day()?)),
            Schedule::Weekly => date.checked_add(Duration::days(7)),
            Schedule::Fortnightly => date.checked_add(Duration::days(14)),
        }
    }

    /// The latest date the issue before one of `date` can appear on.
    pub fn before(self, date: Date) -> Option<Date> {
        match self {
            Schedule::Weekdays => Some(previous_weekday(date.previous_day()?)),
            Schedule::Weekly => date.checked_sub(Duration::days(7)),
            Schedule::Fortnightly => date.checked_sub(Duration::days(14)),
        }
    }

    /// The earliest date of the `steps`-th issue after one of `date`.
    fn advance(self, date: Date, steps: u32) -> Option<Date> {
        match self {
            Schedule::Weekdays => {
                let weeks = i64::from(steps / 5);
                let mut date = date.checked_add(Duration::weeks(weeks))?;
                for _ in 0..steps % 5 {
                    date = self.after(date)?;
                }
                Some(date)
            }
            Schedule::Weekly => date.checked_add(Duration::weeks(i64::from(steps))),
            Schedule::Fortnightly => date.checked_add(Duration::weeks(2 * i64::from(steps))),
        }
    }
}

fn next_weekday(date: Date) -> Date {
    let mut date = date;
    while matches!(
        date.weekday(),
        time::Weekday::Saturday | time::Weekday::Sunday
    ) {
        match date.next_day() {
            Some(next) => date = next,
            None => break,
        }
    }
    date
}

fn previous_weekday(date: Date) -> Date {
    let mut date = date;
    while matches!(
        date.weekday(),
        time::Weekday::Saturday | time::Weekday::Sunday
    ) {
        match date.previous_day() {
            Some(previous) => date = previous,
            None => break,
        }
    }
    date
}

/// When an issue of a series appeared, as far as its number tells: no
/// earlier than `earliest` (every possible issue put out since the
/// volume began), no later than `latest` (the end of the volume's year),
/// and most likely about `estimate` (its share of a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IssueWindow {
    /// The earliest possible date.
    pub earliest: Date,
    /// The likely date.
    pub estimate: Date,
    /// The latest possible date.
    pub latest: Date,
}

/// How a serial publication is numbered over time.
///
/// ```
/// use bulletin::Series;
/// let monitor = Series::new(1995, 250).first_volume_from(5, 1);
/// assert_eq!(monitor.year_of(5), Some(1999));
/// assert_eq!(monitor.estimate_issue_date(5, 173).unwrap().to_string(), "1999-09-09");
/// let window = monitor.issue_window(5, 173).unwrap();
/// // 172 weekdays after January 1, 1999, at the earliest.
/// assert_eq!(window.earliest.to_string(), "1999-08-31");
/// assert_eq!(window.latest.to_string(), "1999-12-31");
/// assert_eq!(monitor.issue_near(window.estimate), Some((5, 173)));
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
    /// How often issues can appear at most.
    pub schedule: Schedule,
}

impl Series {
    /// A series whose volume 1 appeared in `first_year`, with about
    /// `issues_per_year` issues a year, on the schedule that rate implies
    /// ([`Schedule::for_issues_per_year`]).
    pub const fn new(first_year: i32, issues_per_year: u16) -> Self {
        Series {
            first_year,
            issues_per_year,
            first_volume_start: None,
            schedule: Schedule::for_issues_per_year(issues_per_year),
        }
    }

    /// Volume 1 began on `month`/`day` of its year rather than in January.
    pub const fn first_volume_from(mut self, month: u8, day: u8) -> Self {
        self.first_volume_start = Some((month, day));
        self
    }

    /// Issues appear on `schedule`.
    pub const fn on(mut self, schedule: Schedule) -> Self {
        self.schedule = schedule;
        self
    }

    /// The year of `volume` (`None` for volume 0 or an overflowing year).
    pub fn year_of(&self, volume: u32) -> Option<i32> {
        let offset = i32::try_from(volume.checked_sub(1)?).ok()?;
        self.first_year.checked_add(offset)
    }

    /// The day `volume` began.
    pub fn volume_start(&self, volume: u32) -> Option<Date> {
        let year = self.year_of(volume)?;
        let (month, day) = match (volume, self.first_volume_start) {
            (1, Some(start)) => start,
            _ => (1, 1),
        };
        Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
    }

    /// A rough date for `issue` of `volume`: the volume's start plus the
    /// issue's share of a year. Only good to within weeks or months.
    pub fn estimate_issue_date(&self, volume: u32, issue: u32) -> Option<Date> {
        Some(self.issue_window(volume, issue)?.estimate)
    }

    /// When `issue` of `volume` appeared, as far as its number tells; see
    /// [`IssueWindow`].
    pub fn issue_window(&self, volume: u32, issue: u32) -> Option<IssueWindow> {
        let start = self.volume_start(volume)?;
        let last = Date::from_calendar_date(start.year(), Month::December, 31).ok()?;
        let first = self.schedule.on_or_after(start);
        let earliest = self
            .schedule
            .advance(first, issue.saturating_sub(1))?
            .min(last);
        let per_year = i64::from(self.issues_per_year.max(1));
        let days = (i64::from(issue.saturating_sub(1)) * 365 / per_year).min(365);
        let estimate = self
            .schedule
            .on_or_after(start.checked_add(Duration::days(days))?)
            .clamp(earliest, last);
        Some(IssueWindow {
            earliest,
            estimate,
            latest: last,
        })
    }

    /// The volume and issue that most likely appeared on `date`: the
    /// inverse of [`Series::estimate_issue_date`].
    pub fn issue_near(&self, date: Date) -> Option<(u32, u32)> {
        let volume =
            u32::try_from(date.year().checked_sub(self.first_year)?.checked_add(1)?).ok()?;
        let start = self.volume_start(volume)?;
        let days = (date - start).whole_days();
        if days < 0 || volume == 0 {
            return None;
        }
        let per_year = i64::from(self.issues_per_year.max(1));
        // The issue whose estimate lies nearest `date`.
        let issue = (days * per_year + 182) / 365 + 1;
        Some((volume, u32::try_from(issue).ok()?))
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
        // Compared without building the key: by the byte for ASCII names.
        let name = without_article(name.trim());
        let same = |key: &str| {
            if name.is_ascii() {
                key.eq_ignore_ascii_case(name)
            } else {
                key.chars().eq(name.chars().flat_map(char::to_lowercase))
            }
        };
        self.entries.iter().find(|(k, _)| same(k)).map(|(_, s)| s)
    }

    /// The key `name` is stored under and its series, if known.
    pub fn entry(&self, name: &str) -> Option<(&str, &Series)> {
        let series = self.get(name)?;
        self.entries
            .iter()
            .find(|(_, s)| std::ptr::eq(s, series))
            .map(|(k, s)| (k.as_str(), s))
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
