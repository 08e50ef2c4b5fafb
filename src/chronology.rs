//! When each issue appeared: an article's issue date from its header and
//! what it cites, and, over an archive, every issue's date tightened by the
//! issues around it.

use time::Date;

use crate::ast::{Article, CitedDate, DateSource, Header, IssueDate};
use crate::resolve::DateContext;
use crate::visit::{Visit, VisitMut};
use crate::years::{Schedule, Series, YearTable};

/// The issue date of an article with `header`, on `series`, whose latest
/// cited date is `latest_cited`: the stated date, or the estimate from the
/// issue's number, never earlier than what the article cites.
pub(crate) fn issue_date(
    header: &Header<'_>,
    series: Option<&Series>,
    latest_cited: Option<Date>,
) -> Option<IssueDate> {
    if let Some(date) = header.date {
        return Some(IssueDate::stated(date));
    }
    let window = series?.issue_window(header.volume?, header.issue?)?;
    let schedule = series?.schedule;
    let earliest = latest_cited.map_or(window.earliest, |cited| {
        window.earliest.max(schedule.on_or_after(cited))
    });
    let latest = window.latest.max(earliest);
    Some(IssueDate {
        date: window.estimate.clamp(earliest, latest),
        earliest,
        latest,
        source: DateSource::Estimated,
    })
}

/// The last day any of the article's citations covers (notes included).
pub(crate) fn latest_cited(article: &Article<'_>) -> Option<Date> {
    /// Keeps the latest end date.
    struct Latest(Option<Date>);
    impl<'t, 'a> Visit<'t, 'a> for Latest {
        fn visit_date(&mut self, date: &'t CitedDate<'a>) {
            if let Some(end) = date.end {
                self.0 = Some(self.0.map_or(end, |latest| latest.max(end)));
            }
        }
    }
    let mut latest = Latest(None);
    latest.visit_article(article);
    latest.0
}

/// The context an article's citations resolve in once its issue date is
/// known: around that date, as exactly as its bounds pin it down (a date
/// known to within a month resolves as a stated one, with room for the
/// rest of its bounds; a wider estimate as an estimate).
pub(crate) fn context_of(issue: &IssueDate) -> DateContext {
    let width = issue.latest - issue.earliest;
    if issue.source == DateSource::Stated || width <= DateContext::EXACT_SLACK {
        DateContext {
            slack: DateContext::EXACT_SLACK + (issue.latest - issue.date),
            ..DateContext::around(issue.date)
        }
    } else {
        DateContext::estimated(issue.date)
    }
}

/// How closely an issue's date must be known for a cross-reference to be
/// matched to it: a week.
pub const MATCH_WITHIN: time::Duration = time::Duration::days(7);

/// The issues of an archive in date order: each issue's date tightened by
/// the issues around it in its series.
///
/// Issues of a series appear in the order of their numbers, no closer
/// together than their [`Schedule`] allows, so a stated date (or the dates
/// an issue cites) bounds the issues before and after it. Add every
/// article, [`refine`](Chronology::refine), then ask each article's
/// refined date ([`issue_date`](Chronology::issue_date)) or
/// [`apply`](Chronology::apply) it: the article's citations are resolved
/// again against it. Only headers are kept, a few dozen bytes an article.
///
/// ```
/// use bulletin::{Chronology, YearTable};
/// let text = "Publication: Monitor Volume: 5 Issue: 170\n\nTalks (Interfax, September 13).\n\n\
///             Publication: Monitor Volume: 5 Issue: 171\n\nMore talks.\n\n\
///             Monitor\nWednesday, September 15, 1999 -- Volume 5, Issue 172\nTALKS END\n\nDone.\n";
/// let articles: Vec<_> = bulletin::parse_archive(text).collect::<Result<_, _>>()?;
/// let mut chronology = Chronology::new(YearTable::default());
/// let ids: Vec<_> = articles.iter().map(|a| chronology.add(a)).collect();
/// chronology.refine();
/// // Issue 171 lies between the 13th (cited by 170) and the 15th (172).
/// let date = chronology.issue_date(ids[1].unwrap()).unwrap();
/// assert_eq!(date.date.to_string(), "1999-09-14");
/// assert_eq!((date.earliest, date.latest), (date.date, date.date));
/// # Ok::<(), bulletin::ParseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Chronology {
    years: YearTable,
    entries: Vec<Entry>,
    refined: bool,
    /// Entries in (series, date) order once refined, for
    /// [`issue_on`](Chronology::issue_on) to look up without a scan.
    by_date: Vec<usize>,
}

/// One article's issue, as the chronology knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// The series' name as the year table keys it.
    series: String,
    volume: u32,
    issue: u32,
    schedule: Schedule,
    date: IssueDate,
}

/// An article added to a [`Chronology`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IssueId(usize);

impl Chronology {
    /// An empty chronology of the series in `years`.
    pub fn new(years: YearTable) -> Self {
        Chronology {
            years,
            entries: Vec::new(),
            refined: false,
            by_date: Vec::new(),
        }
    }

    /// Adds `article`'s issue; `None` when its series, volume or issue is
    /// unknown, or it has no issue date.
    pub fn add(&mut self, article: &Article<'_>) -> Option<IssueId> {
        self.add_header(article.header.as_ref()?)
    }

    /// Adds the issue of an article with `header` (its issue date as the
    /// parse derived it from the article).
    pub fn add_header(&mut self, header: &Header<'_>) -> Option<IssueId> {
        let publication = header.publication.as_deref()?;
        let (key, series) = self.years.entry(publication)?;
        let entry = Entry {
            series: key.to_string(),
            volume: header.volume?,
            issue: header.issue?,
            schedule: series.schedule,
            date: header.issue_date?,
        };
        self.entries.push(entry);
        self.refined = false;
        Some(IssueId(self.entries.len() - 1))
    }

    /// Tightens every issue's bounds from the issues before and after it in
    /// its series, and moves each estimate inside its bounds. Bounds that
    /// contradict each other (an issue stated earlier than one before it)
    /// are left as each issue had them.
    pub fn refine(&mut self) {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        let entries = &self.entries;
        order.sort_by_key(|&at| {
            entries
                .get(at)
                .map(|e| (e.series.as_str(), e.volume, e.issue))
        });
        let series = |at: &usize| entries.get(*at).map(|e| e.series.as_str());
        let runs: Vec<Vec<usize>> = order
            .chunk_by(|a, b| series(a) == series(b))
            .map(<[usize]>::to_vec)
            .collect();
        for run in runs {
            self.refine_series(&run);
        }
        let entries = &self.entries;
        let mut by_date: Vec<usize> = (0..entries.len()).collect();
        by_date.sort_by_key(|&at| entries.get(at).map(|e| (e.series.as_str(), e.date.date)));
        self.by_date = by_date;
        self.refined = true;
    }

    /// Refines one series' issues, `run` in issue order.
    fn refine_series(&mut self, run: &[usize]) {
        let issues: Vec<Entry> = run
            .iter()
            .filter_map(|&at| self.entries.get(at).cloned())
            .collect();
        let number = |e: &Entry| (e.volume, e.issue);
        // Bounds on days an issue can appear on, so that the issues next to
        // a bound on a weekend step from the weekday it stands for.
        let mut earliest: Vec<Date> = issues
            .iter()
            .map(|e| e.schedule.on_or_after(e.date.earliest))
            .collect();
        let mut latest: Vec<Date> = issues
            .iter()
            .map(|e| e.schedule.on_or_before(e.date.latest))
            .collect();
        // Forward: an issue is no earlier than the one before it allows.
        for at in 1..issues.len() {
            let (Some(before), Some(this)) = (issues.get(at - 1), issues.get(at)) else {
                continue;
            };
            let Some(&floor_from) = earliest.get(at - 1) else {
                continue;
            };
            let floor = if number(before) == number(this) {
                Some(floor_from)
            } else {
                this.schedule.after(floor_from)
            };
            if let (Some(floor), Some(slot)) = (floor, earliest.get_mut(at)) {
                *slot = (*slot).max(floor);
            }
        }
        // Backward: an issue is no later than the one after it allows.
        for at in (0..issues.len().saturating_sub(1)).rev() {
            let (Some(this), Some(after)) = (issues.get(at), issues.get(at + 1)) else {
                continue;
            };
            let Some(&ceiling_from) = latest.get(at + 1) else {
                continue;
            };
            let ceiling = if number(this) == number(after) {
                Some(ceiling_from)
            } else {
                this.schedule.before(ceiling_from)
            };
            if let (Some(ceiling), Some(slot)) = (ceiling, latest.get_mut(at)) {
                *slot = (*slot).min(ceiling);
            }
        }
        for ((&at, earliest), latest) in run.iter().zip(earliest).zip(latest) {
            let Some(entry) = self.entries.get_mut(at) else {
                continue;
            };
            if entry.date.source == DateSource::Stated || earliest > latest {
                continue;
            }
            let date = &mut entry.date;
            date.earliest = earliest;
            date.latest = latest;
            date.date = date.date.clamp(date.earliest, date.latest);
        }
    }

    /// The issue date of the article added as `id`, refined once
    /// [`refine`](Chronology::refine) has run.
    pub fn issue_date(&self, id: IssueId) -> Option<IssueDate> {
        self.entries.get(id.0).map(|e| e.date)
    }

    /// Sets `article`'s issue date to the refined one of `id`, and resolves
    /// its citations again against it.
    pub fn apply(&self, id: IssueId, article: &mut Article<'_>) {
        let Some(date) = self.issue_date(id) else {
            return;
        };
        let Some(header) = article.header.as_mut() else {
            return;
        };
        header.issue_date = Some(date);
        /// Resolves each date in one context.
        struct Resolve(DateContext);
        impl<'a> VisitMut<'a> for Resolve {
            fn visit_date_mut(&mut self, date: &mut CitedDate<'a>) {
                *date = self.0.resolve(date.clone());
            }
        }
        Resolve(context_of(&date)).visit_article_mut(article);
    }

    /// The issue of `series` (a name of the year table) that appeared on
    /// `date`, among those added: one whose bounds hold `date` and pin its
    /// date down to [`MATCH_WITHIN`] (a wider window would make a guess of
    /// the match), the nearest if several do. `citing`, the issue whose
    /// cross-reference is matched, is never its own target.
    pub fn issue_on(&self, series: &str, date: Date, citing: Option<IssueId>) -> Option<IssueId> {
        let (key, _) = self.years.entry(series)?;
        let citing = citing.and_then(|id| self.entries.get(id.0));
        // A candidate's date lies within MATCH_WITHIN of `date`: once
        // refined, only that stretch of the series is looked at.
        let candidates: Box<dyn Iterator<Item = usize> + '_> = if self.refined {
            let entry = |at: &usize| {
                self.entries
                    .get(*at)
                    .map(|e| (e.series.as_str(), e.date.date))
            };
            let from = date.checked_sub(MATCH_WITHIN).unwrap_or(Date::MIN);
            let to = date.checked_add(MATCH_WITHIN).unwrap_or(Date::MAX);
            let start = self
                .by_date
                .partition_point(|at| entry(at) < Some((key, from)));
            let end = self
                .by_date
                .partition_point(|at| entry(at) <= Some((key, to)));
            Box::new(
                self.by_date
                    .get(start..end)
                    .unwrap_or_default()
                    .iter()
                    .copied(),
            )
        } else {
            Box::new(0..self.entries.len())
        };
        candidates
            .filter_map(|at| Some((at, self.entries.get(at)?)))
            .filter(|(_, e)| {
                e.series == key
                    && e.date.earliest <= date
                    && date <= e.date.latest
                    && e.date.latest - e.date.earliest <= MATCH_WITHIN
                    && citing.is_none_or(|c| {
                        (c.series.as_str(), c.volume, c.issue) != (key, e.volume, e.issue)
                    })
            })
            .min_by_key(|(_, e)| ((e.date.date - date).abs(), e.volume, e.issue))
            .map(|(at, _)| IssueId(at))
    }

    /// How many articles were added.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no article was added.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
