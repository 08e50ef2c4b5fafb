//! The archive as data: flat rows for tables — one per article, per
//! citation group, per outlet, per cross-reference to another issue — so
//! that a spreadsheet, pandas or DuckDB can take an archive without a walk
//! over the tree.
//!
//! Every row starts with where its article comes from (its file or record,
//! and its position there) and the article's publication, volume, issue,
//! year and issue date. Rows of articles, citations and outlets borrow
//! their text from the article and the [`Origin`] (a table of a gigabyte
//! is written without copying it); `into_owned` keeps one past them.
//! Edges own theirs: they are gathered over a whole archive.
//!
//! ```
//! use bulletin::rows::{CitationRow, Origin};
//! let text = "Publication: Monitor Volume: 6 Issue: 41\n\n\
//!             Talks resumed (Itar-Tass, Interfax, February 27-28; see the Monitor, February 18).\n";
//! let article = bulletin::parse_article(text)?;
//! let origin = Origin::new("monitor.txt", 0);
//! let rows = article.citation_rows(&origin);
//! assert_eq!(rows.len(), 2); // one per group
//! assert_eq!(rows[0].outlets, "Itar-Tass; Interfax");
//! assert_eq!(rows[0].canonical_outlets, "TASS; Interfax");
//! assert_eq!(rows[0].dates, "2000-02-27/2000-02-28");
//! assert_eq!(rows[1].series.as_deref(), Some("Monitor"));
//! assert_eq!(article.outlet_rows(&origin).len(), 2);
//! // Rows borrow from the article; owned, they outlive it.
//! let kept: Vec<CitationRow<'static>> = rows.into_iter().map(CitationRow::into_owned).collect();
//! drop(article);
//! assert_eq!(kept[1].raw, "(Itar-Tass, Interfax, February 27-28; see the Monitor, February 18)");
//! # Ok::<(), bulletin::ParseError>(())
//! ```

use std::borrow::Cow;

#[cfg(feature = "serde")]
use serde::Serialize;
use time::Date;

use crate::ast::date::push_iso;
use crate::ast::{Article, Block, Citation, CitedDate, Group, SourceGroup};
use crate::years::YearTable;

/// Where an article comes from: its file (or a record's id) and its
/// 0-based position among the articles there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file's path, or a record's id.
    pub path: String,
    /// The article's position in its file or record.
    pub index: usize,
}

impl Origin {
    /// The `index`-th article of `path`.
    pub fn new(path: impl Into<String>, index: usize) -> Self {
        Origin {
            path: path.into(),
            index,
        }
    }
}

/// What every row says of its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Issue<'r> {
    publication: Option<&'r str>,
    volume: Option<u32>,
    issue: Option<u32>,
    year: Option<i32>,
    issue_date: Option<Date>,
}

impl<'r> Issue<'r> {
    fn of(article: &'r Article<'_>) -> Self {
        let Some(header) = &article.header else {
            return Issue::default();
        };
        Issue {
            publication: header.publication.as_deref(),
            volume: header.volume,
            issue: header.issue,
            year: header.year,
            issue_date: header.issue_date.map(|d| d.date),
        }
    }
}

/// One row per article.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct ArticleRow<'r> {
    /// The file (or record id) the article comes from.
    pub path: Cow<'r, str>,
    /// The article's position in its file or record, from 0.
    pub index: usize,
    /// The publication, as the header names it.
    pub publication: Option<Cow<'r, str>>,
    /// The volume number.
    pub volume: Option<u32>,
    /// The issue number.
    pub issue: Option<u32>,
    /// The year of the issue.
    pub year: Option<i32>,
    /// The issue's date, stated or estimated.
    #[cfg_attr(feature = "serde", serde(with = "crate::ast::iso_date"))]
    pub issue_date: Option<Date>,
    /// The title line.
    pub title: Option<Cow<'r, str>>,
    /// The authors, joined with `; `.
    pub authors: Cow<'r, str>,
    /// Paragraphs of the body (headings left out).
    pub paragraphs: usize,
    /// Citations of the body and of the notes.
    pub citations: usize,
    /// Words of the body.
    pub words: usize,
}

/// One row per group of every citation of the body and the notes (a URL
/// or a note marker, which have no groups, is one row).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct CitationRow<'r> {
    /// The file (or record id) the article comes from.
    pub path: Cow<'r, str>,
    /// The article's position in its file or record, from 0.
    pub index: usize,
    /// The publication, as the header names it.
    pub publication: Option<Cow<'r, str>>,
    /// The volume number.
    pub volume: Option<u32>,
    /// The issue number.
    pub issue: Option<u32>,
    /// The year of the issue.
    pub year: Option<i32>,
    /// The issue's date, stated or estimated.
    #[cfg_attr(feature = "serde", serde(with = "crate::ast::iso_date"))]
    pub issue_date: Option<Date>,
    /// The citation's ordinal in the article, from 1: body citations in
    /// order, then the notes'.
    pub citation: usize,
    /// The group's ordinal in its citation, from 1.
    pub group: usize,
    /// `source`, `see`, `url` or `note`.
    pub kind: &'static str,
    /// The outlets as written, joined with `; `.
    pub outlets: Cow<'r, str>,
    /// Their canonical names, joined with `; `.
    pub canonical_outlets: Cow<'r, str>,
    /// A cross-reference's target as written.
    pub target: Option<Cow<'r, str>>,
    /// The series a cross-reference points to.
    pub series: Option<Cow<'r, str>>,
    /// The dates, each `YYYY-MM-DD` or a range `YYYY-MM-DD/YYYY-MM-DD`,
    /// joined with `; ` (`?` for one whose year is unknown).
    pub dates: String,
    /// The first day cited.
    #[cfg_attr(feature = "serde", serde(with = "crate::ast::iso_date"))]
    pub first_date: Option<Date>,
    /// The last day cited.
    #[cfg_attr(feature = "serde", serde(with = "crate::ast::iso_date"))]
    pub last_date: Option<Date>,
    /// The citation as written (a note's text).
    pub raw: Cow<'r, str>,
    /// Byte offsets of the citation in the file.
    pub start: usize,
    /// Where the citation ends, a byte offset in the file.
    pub end: usize,
}

/// One row per outlet of every source group (`translated by` and `as cited by`
/// clauses included).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct OutletRow<'r> {
    /// The file (or record id) the article comes from.
    pub path: Cow<'r, str>,
    /// The article's position in its file or record, from 0.
    pub index: usize,
    /// The publication, as the header names it.
    pub publication: Option<Cow<'r, str>>,
    /// The volume number.
    pub volume: Option<u32>,
    /// The issue number.
    pub issue: Option<u32>,
    /// The year of the issue.
    pub year: Option<i32>,
    /// The issue's date, stated or estimated.
    #[cfg_attr(feature = "serde", serde(with = "crate::ast::iso_date"))]
    pub issue_date: Option<Date>,
    /// The citation's ordinal in the article, from 1.
    pub citation: usize,
    /// The group's ordinal in its citation, from 1.
    pub group: usize,
    /// The outlet as written.
    pub outlet: Cow<'r, str>,
    /// Its canonical name.
    pub canonical: Cow<'r, str>,
    /// The first day cited.
    #[cfg_attr(feature = "serde", serde(with = "crate::ast::iso_date"))]
    pub first_date: Option<Date>,
    /// The last day cited.
    #[cfg_attr(feature = "serde", serde(with = "crate::ast::iso_date"))]
    pub last_date: Option<Date>,
}

/// One row per date of every cross-reference to an issue of a series: an
/// edge of the graph of which issue cites which.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct EdgeRow {
    /// The file (or record id) the article comes from.
    pub path: String,
    /// The article's position in its file or record, from 0.
    pub index: usize,
    /// The publication, as the header names it.
    pub publication: Option<String>,
    /// The volume number.
    pub volume: Option<u32>,
    /// The issue number.
    pub issue: Option<u32>,
    /// The cross-reference's target as written.
    pub target: String,
    /// The series it points to.
    pub series: String,
    /// The date of the issue it cites.
    #[cfg_attr(feature = "serde", serde(with = "crate::ast::iso_date"))]
    pub target_date: Option<Date>,
    /// The cited issue's volume, as the series' schedule estimates it.
    pub target_volume: Option<u32>,
    /// The cited issue's number, estimated.
    pub target_issue: Option<u32>,
    /// The article of the input that is that issue, when there is one
    /// (filled by whoever matches the archive: see
    /// [`Chronology::issue_on`](crate::Chronology::issue_on)): its file.
    pub matched_path: Option<String>,
    /// The matched article's position in its file.
    pub matched_index: Option<usize>,
}

/// A borrowed text made owned.
fn own(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

impl ArticleRow<'_> {
    /// The row with its text owned, to keep past the article.
    pub fn into_owned(self) -> ArticleRow<'static> {
        ArticleRow {
            path: own(self.path),
            publication: self.publication.map(own),
            title: self.title.map(own),
            authors: own(self.authors),
            ..self
        }
    }
}

impl CitationRow<'_> {
    /// The row with its text owned, to keep past the article.
    pub fn into_owned(self) -> CitationRow<'static> {
        CitationRow {
            path: own(self.path),
            publication: self.publication.map(own),
            outlets: own(self.outlets),
            canonical_outlets: own(self.canonical_outlets),
            target: self.target.map(own),
            series: self.series.map(own),
            raw: own(self.raw),
            ..self
        }
    }
}

impl OutletRow<'_> {
    /// The row with its text owned, to keep past the article.
    pub fn into_owned(self) -> OutletRow<'static> {
        OutletRow {
            path: own(self.path),
            publication: self.publication.map(own),
            outlet: own(self.outlet),
            canonical: own(self.canonical),
            ..self
        }
    }
}

/// The citations of an article with their ordinals: the body's, then the
/// notes', each with its text as written and that text's span.
fn numbered_citations<'r, 'a>(
    article: &'r Article<'a>,
) -> impl Iterator<Item = (usize, &'r Citation<'a>, &'r str, crate::Span)> {
    let body = article.citations().map(|c| (c.citation, c.raw, c.span));
    let notes = article.notes.iter().filter_map(|n| {
        // The text after the number ends the note: its span is the
        // note's, less the number.
        let start = n.span.end.saturating_sub(n.text.len()).max(n.span.start);
        let span = crate::Span::new(start, n.span.end);
        n.citation.as_ref().map(|c| (c, n.text.as_ref(), span))
    });
    body.chain(notes)
        .enumerate()
        .map(|(at, (citation, raw, span))| (at + 1, citation, raw, span))
}

/// `YYYY-MM-DD`, or `START/END` for a range; `?` when unknown.
fn write_date(out: &mut String, date: &CitedDate<'_>) {
    match (date.start, date.end) {
        (Some(start), Some(end)) if start == end => push_iso(out, start),
        (Some(start), Some(end)) => {
            push_iso(out, start);
            out.push('/');
            push_iso(out, end);
        }
        _ => out.push('?'),
    }
}

fn joined_dates(dates: &[CitedDate<'_>]) -> String {
    let mut out = String::with_capacity(dates.len() * 12);
    for (at, date) in dates.iter().enumerate() {
        if at > 0 {
            out.push_str("; ");
        }
        write_date(&mut out, date);
    }
    out
}

fn first_and_last(dates: &[CitedDate<'_>]) -> (Option<Date>, Option<Date>) {
    let first = dates.iter().filter_map(|d| d.start).min();
    let last = dates.iter().filter_map(|d| d.end).max();
    (first, last)
}

/// The volume and issue of `series` that appeared on `date`, as estimated
/// from a cross-reference of an article with `header`: counted back from
/// the citing issue where it is of the same series and volume (an issue
/// cited is an earlier one), else by the series' schedule.
fn target_issue(
    header: Option<&crate::ast::Header<'_>>,
    series: &str,
    date: Date,
    years: &YearTable,
) -> Option<(u32, u32)> {
    let schedule = years.get(series)?;
    let estimate = schedule.issue_near(date)?;
    let citing = header.and_then(|h| {
        let same = years.entry(h.publication.as_deref()?)?.0 == years.entry(series)?.0;
        same.then_some((h.volume?, h.issue?, h.issue_date?.date))
    });
    match citing {
        Some((volume, issue, cited_on)) if volume == estimate.0 && cited_on >= date => {
            let days = (cited_on - date).whole_days();
            let back = days * i64::from(schedule.issues_per_year) / 365;
            let issue = i64::from(issue) - back.max(1);
            Some((volume, u32::try_from(issue.max(1)).ok()?))
        }
        _ => Some(estimate),
    }
}

/// `names` joined with `; `: borrowed when there is one.
fn join<S: AsRef<str>>(names: &[S]) -> Cow<'_, str> {
    match names {
        [] => Cow::Borrowed(""),
        [one] => Cow::Borrowed(one.as_ref()),
        _ => Cow::Owned(
            names
                .iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join("; "),
        ),
    }
}

impl Article<'_> {
    /// The article's row of the `articles` table.
    pub fn article_row<'r>(&'r self, origin: &'r Origin) -> ArticleRow<'r> {
        let issue = Issue::of(self);
        let paragraphs = self.paragraphs().count();
        let words = self
            .body
            .iter()
            .filter(|b| matches!(b, Block::Paragraph { .. }))
            .map(|b| b.text().split_whitespace().count())
            .sum();
        ArticleRow {
            path: Cow::Borrowed(&origin.path),
            index: origin.index,
            publication: issue.publication.map(Cow::Borrowed),
            volume: issue.volume,
            issue: issue.issue,
            year: issue.year,
            issue_date: issue.issue_date,
            title: self.title.as_deref().map(Cow::Borrowed),
            authors: self
                .header
                .as_ref()
                .map_or(Cow::Borrowed(""), |h| join(&h.authors)),
            paragraphs,
            citations: numbered_citations(self).count(),
            words,
        }
    }

    /// The article's rows of the `citations` table: one per group of every
    /// citation of the body and the notes.
    pub fn citation_rows<'r>(&'r self, origin: &'r Origin) -> Vec<CitationRow<'r>> {
        let issue = Issue::of(self);
        let row =
            |citation: usize, group: usize, kind: &'static str, raw: &'r str, span: crate::Span| {
                CitationRow {
                    path: Cow::Borrowed(&origin.path),
                    index: origin.index,
                    publication: issue.publication.map(Cow::Borrowed),
                    volume: issue.volume,
                    issue: issue.issue,
                    year: issue.year,
                    issue_date: issue.issue_date,
                    citation,
                    group,
                    kind,
                    outlets: Cow::Borrowed(""),
                    canonical_outlets: Cow::Borrowed(""),
                    target: None,
                    series: None,
                    dates: String::new(),
                    first_date: None,
                    last_date: None,
                    raw: Cow::Borrowed(raw),
                    start: span.start,
                    end: span.end,
                }
            };
        let mut rows = Vec::new();
        for (number, citation, raw, span) in numbered_citations(self) {
            match citation {
                Citation::Url { .. } => rows.push(row(number, 1, "url", raw, span)),
                Citation::NoteMarker { .. } => rows.push(row(number, 1, "note", raw, span)),
                Citation::Sources { groups } => {
                    for (at, group) in groups.iter().enumerate() {
                        let dates = group.dates();
                        let (first_date, last_date) = first_and_last(dates);
                        let mut r = row(number, at + 1, "source", raw, span);
                        r.dates = joined_dates(dates);
                        r.first_date = first_date;
                        r.last_date = last_date;
                        match group {
                            Group::Source(source) => {
                                r.outlets = join(&source.outlets);
                                r.canonical_outlets = join(&source.canonical_outlets);
                            }
                            Group::See(see) => {
                                r.kind = "see";
                                r.target = Some(Cow::Borrowed(&see.target));
                                r.series = see.series.as_deref().map(Cow::Borrowed);
                            }
                        }
                        rows.push(r);
                    }
                }
            }
        }
        rows
    }

    /// The article's rows of the `outlets` table: one per outlet of every
    /// source group, those of `translated by` and `as cited by` clauses
    /// included.
    pub fn outlet_rows<'r>(&'r self, origin: &'r Origin) -> Vec<OutletRow<'r>> {
        let issue = Issue::of(self);
        let mut rows = Vec::new();
        for (number, citation, _, _) in numbered_citations(self) {
            for (at, group) in citation.groups().iter().enumerate() {
                let Group::Source(source) = group else {
                    continue;
                };
                // The group, then the translator and the relay of its
                // clauses, and theirs.
                let mut pending: Vec<&SourceGroup<'_>> = vec![source];
                while let Some(source) = pending.pop() {
                    let (first_date, last_date) = first_and_last(&source.dates);
                    for (outlet, canonical) in source.outlets.iter().zip(&source.canonical_outlets)
                    {
                        rows.push(OutletRow {
                            path: Cow::Borrowed(&origin.path),
                            index: origin.index,
                            publication: issue.publication.map(Cow::Borrowed),
                            volume: issue.volume,
                            issue: issue.issue,
                            year: issue.year,
                            issue_date: issue.issue_date,
                            citation: number,
                            group: at + 1,
                            outlet: Cow::Borrowed(outlet),
                            canonical: Cow::Borrowed(canonical),
                            first_date,
                            last_date,
                        });
                    }
                    pending.extend(source.cited_by.as_deref());
                    pending.extend(source.translated_by.as_deref());
                }
            }
        }
        rows
    }

    /// The article's edges of the cross-reference graph: one per date of
    /// every cross-reference that names a series, with the issue of that
    /// date as the series' schedule in `years` estimates it. The match to
    /// an article of the input is left empty.
    pub fn edge_rows(&self, origin: &Origin, years: &YearTable) -> Vec<EdgeRow> {
        let header = self.header.as_ref();
        let mut rows = Vec::new();
        for (_, citation, _, _) in numbered_citations(self) {
            for group in citation.groups() {
                let Group::See(see) = group else {
                    continue;
                };
                let Some(series) = see.series.as_deref() else {
                    continue;
                };
                for date in &see.dates {
                    let target = date
                        .start
                        .and_then(|d| target_issue(header, series, d, years));
                    rows.push(EdgeRow {
                        path: origin.path.clone(),
                        index: origin.index,
                        publication: header
                            .and_then(|h| h.publication.as_deref())
                            .map(str::to_string),
                        volume: header.and_then(|h| h.volume),
                        issue: header.and_then(|h| h.issue),
                        target: see.target.to_string(),
                        series: series.to_string(),
                        target_date: date.start,
                        target_volume: target.map(|t| t.0),
                        target_issue: target.map(|t| t.1),
                        matched_path: None,
                        matched_index: None,
                    });
                }
            }
        }
        rows
    }
}
