//! Citations: source groups, cross-references, URLs and note markers.

use std::borrow::Cow;

use crate::ast::{Citation, CitedDate, CrossReference, Group, MarkerStyle, SourceGroup};
use crate::options::ParseOptions;
use crate::visit::Visit;
use crate::vocab::citation::{ATTRIBUTIONS, CITED_BY};
use crate::vocab::note;

use super::date::check_partial;
use super::{BuildError, DateBuilder, Result, unwritable};

/// Something that becomes a [`Citation`] when an article is built: a
/// built [`Citation`] or one of the citation builders.
pub trait IntoCitation {
    /// The citation, checked, with its derived texts filled.
    fn into_citation(self) -> Result<Citation<'static>>;
}

impl IntoCitation for Citation<'_> {
    fn into_citation(self) -> Result<Citation<'static>> {
        finish_citation(self.into_owned())
    }
}

impl IntoCitation for SourcesBuilder {
    fn into_citation(self) -> Result<Citation<'static>> {
        self.build()
    }
}

impl IntoCitation for SourceBuilder {
    fn into_citation(self) -> Result<Citation<'static>> {
        Citation::sources().source(self).build()
    }
}

impl IntoCitation for SeeBuilder {
    fn into_citation(self) -> Result<Citation<'static>> {
        Citation::sources().see(self).build()
    }
}

impl Citation<'static> {
    /// A citation of `;`-separated groups; add them with
    /// [`SourcesBuilder::source`] and [`SourcesBuilder::see`].
    ///
    /// ```
    /// use bulletin::{Citation, DateBuilder, builder::{SourceBuilder, SeeBuilder}, date};
    /// let c = Citation::sources()
    ///     .source(SourceBuilder::new().outlet("Argumenty i fakty").number("No. 11")
    ///         .date(DateBuilder::month(3).year(1999)))
    ///     .see(SeeBuilder::new("the Monitor").date(date(3, 16)))
    ///     .build()?;
    /// assert_eq!(c.to_string(), "(Argumenty i fakty, No. 11, March 1999; see the Monitor, March 16)");
    /// # Ok::<(), bulletin::BuildError>(())
    /// ```
    pub fn sources() -> SourcesBuilder {
        SourcesBuilder::default()
    }

    /// A one-group source citation: `(Itar-Tass, Prime-News, March 3-4)`.
    ///
    /// ```
    /// use bulletin::{Citation, date};
    /// let c = Citation::source(["Kommersant"], [date(7, 4), date(7, 5)]).build()?;
    /// assert_eq!(c.to_string(), "(Kommersant, July 4 and 5)");
    /// # Ok::<(), bulletin::BuildError>(())
    /// ```
    pub fn source<S: Into<String>>(
        outlets: impl IntoIterator<Item = S>,
        dates: impl IntoIterator<Item = DateBuilder>,
    ) -> SourcesBuilder {
        Citation::sources().source(SourceBuilder::new().outlets(outlets).dates(dates))
    }

    /// A one-group cross-reference: `(see the Monitor, February 18)`.
    pub fn see(
        target: impl Into<String>,
        dates: impl IntoIterator<Item = DateBuilder>,
    ) -> SourcesBuilder {
        Citation::sources().see(SeeBuilder::new(target).dates(dates))
    }

    /// A URL citation: `(https://www.example.org/news/123.html)`.
    pub fn url(url: impl Into<String>) -> Citation<'static> {
        Citation::Url {
            url: Cow::Owned(url.into()),
        }
    }

    /// A note marker in parentheses, as older issues write it: `(7)`.
    pub fn note_marker(number: u32) -> Citation<'static> {
        Citation::NoteMarker {
            number,
            style: MarkerStyle::Paren,
        }
    }

    /// An endnote marker in brackets, as newer issues write it: `[7]`.
    pub fn endnote_marker(number: u32) -> Citation<'static> {
        Citation::NoteMarker {
            number,
            style: MarkerStyle::Bracket,
        }
    }
}

/// Builds a [`Citation::Sources`]: source groups and cross-references.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct SourcesBuilder {
    groups: Vec<Result<Group<'static>>>,
}

impl SourcesBuilder {
    /// Adds a source group (outlets and dates).
    pub fn source(mut self, source: SourceBuilder) -> Self {
        self.groups.push(source.build().map(Group::Source));
        self
    }

    /// Adds a cross-reference group (`see the Monitor, May 2`).
    pub fn see(mut self, see: SeeBuilder) -> Self {
        self.groups.push(see.build().map(Group::See));
        self
    }

    /// The citation, checked.
    pub fn build(self) -> Result<Citation<'static>> {
        let groups = self.groups.into_iter().collect::<Result<Vec<_>>>()?;
        if groups.is_empty() {
            return Err(BuildError::Empty("citation"));
        }
        finish_citation(Citation::Sources { groups })
    }
}

/// Builds a [`SourceGroup`]: `Itar-Tass, Prime-News, March 3-4`.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct SourceBuilder {
    outlets: Vec<String>,
    number: Option<String>,
    dates: Vec<DateBuilder>,
    translated_by: Option<Box<SourceBuilder>>,
    cited_by: Option<(String, Box<SourceBuilder>)>,
}

impl SourceBuilder {
    /// An empty group; add outlets and at least one date.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an outlet: `Focus Central Asia [Almaty]`.
    pub fn outlet(mut self, outlet: impl Into<String>) -> Self {
        self.outlets.push(outlet.into());
        self
    }

    /// Adds outlets.
    pub fn outlets<S: Into<String>>(mut self, outlets: impl IntoIterator<Item = S>) -> Self {
        self.outlets.extend(outlets.into_iter().map(Into::into));
        self
    }

    /// No outlet: its link was stripped from the page, `(, May 11)`. (A
    /// group without outlets is written so; this says it in the code.)
    pub fn stripped_link(mut self) -> Self {
        self.outlets.clear();
        self
    }

    /// The outlet's issue number, as written: `No. 11`.
    pub fn number(mut self, number: impl Into<String>) -> Self {
        self.number = Some(number.into());
        self
    }

    /// Adds a date.
    pub fn date(mut self, date: DateBuilder) -> Self {
        self.dates.push(date);
        self
    }

    /// Adds dates.
    pub fn dates(mut self, dates: impl IntoIterator<Item = DateBuilder>) -> Self {
        self.dates.extend(dates);
        self
    }

    /// A `translated by ...` clause: `(Prima, November 21, translated by
    /// BBC Monitoring, November 21)`.
    pub fn translated_by(mut self, translator: SourceBuilder) -> Self {
        self.translated_by = Some(Box::new(translator));
        self
    }

    /// A trailing attribution clause, `as cited by ...`: who relayed the
    /// report. The relay needs one outlet, and may have dates: `(Akhali
    /// Taoba, March 3, as cited by Interfax)`.
    ///
    /// ```
    /// use bulletin::{Citation, builder::SourceBuilder, date};
    /// let c = Citation::sources()
    ///     .source(SourceBuilder::new().outlet("Akhali Taoba").date(date(3, 3))
    ///         .cited_by(SourceBuilder::new().outlet("Interfax")))
    ///     .build()?;
    /// assert_eq!(c.to_string(), "(Akhali Taoba, March 3, as cited by Interfax)");
    /// # Ok::<(), bulletin::BuildError>(())
    /// ```
    pub fn cited_by(self, relay: SourceBuilder) -> Self {
        self.attribution(CITED_BY, relay)
    }

    /// An attribution clause with its phrase: `as cited by`, `as quoted
    /// by`, `citing` or `via` (`(Reuters, May 4, citing Interfax)`). A
    /// group has a `translated by` clause or an attribution, not both: the
    /// second would read back as a clause of the first's outlet.
    pub fn attribution(mut self, phrase: impl Into<String>, relay: SourceBuilder) -> Self {
        self.cited_by = Some((phrase.into(), Box::new(relay)));
        self
    }

    /// The group, checked.
    pub fn build(self) -> Result<SourceGroup<'static>> {
        self.build_group(false)
    }

    /// The group, checked; a `relay` (of an attribution clause) may be an
    /// outlet without dates.
    fn build_group(self, relay: bool) -> Result<SourceGroup<'static>> {
        let mut outlets: Vec<Cow<'static, str>> = Vec::with_capacity(self.outlets.len());
        for outlet in self.outlets {
            let outlet = outlet.trim().to_string();
            check_citation_text("outlet", &outlet)?;
            if outlet.contains(',') {
                return Err(unwritable("outlet", &outlet, "a comma would split it"));
            }
            outlets.push(Cow::Owned(outlet));
        }
        if outlets.iter().any(|o| o.is_empty()) {
            return Err(BuildError::Empty("outlet"));
        }
        let number = match self.number {
            Some(n) => {
                let n = n.trim().to_string();
                check_citation_text("outlet number", &n)?;
                if n.is_empty() {
                    return Err(BuildError::Empty("outlet number"));
                }
                Some(Cow::Owned(n))
            }
            None => None,
        };
        if self.dates.is_empty() {
            if !relay {
                return Err(BuildError::Empty("dates of a source group"));
            }
            // Without dates the clause reads back as one name.
            if outlets.len() != 1 || number.is_some() {
                return Err(unwritable(
                    "attribution clause",
                    &outlets.join(", "),
                    "without dates it needs exactly one outlet and no number",
                ));
            }
        }
        let dates = build_dates(self.dates)?;
        let translated_by = match self.translated_by {
            Some(t) => Some(Box::new(t.build()?)),
            None => None,
        };
        let options = ParseOptions::default();
        let cited_by = match self.cited_by {
            Some((phrase, relay)) => {
                let phrase = phrase.trim();
                let Some(phrase) = ATTRIBUTIONS.into_iter().find(|p| *p == phrase) else {
                    return Err(unwritable(
                        "attribution phrase",
                        phrase,
                        "it is none of `as cited by`, `as quoted by`, `citing`, `via`",
                    ));
                };
                if translated_by.is_some() {
                    return Err(unwritable(
                        "attribution clause",
                        phrase,
                        "after a `translated by` clause it reads back as the translator's",
                    ));
                }
                let mut relay = relay.build_group(true)?;
                relay.keyword = Some(Cow::Borrowed(phrase));
                Some(Box::new(relay))
            }
            None => None,
        };
        Ok(SourceGroup {
            canonical_outlets: crate::naming::canonical_outlets(&outlets, options.outlet_table()),
            outlets,
            dates,
            number,
            translated_by,
            cited_by,
            keyword: None,
        })
    }
}

/// Builds a [`CrossReference`]: `see the Monitor, February 18`,
/// `On the pipeline see also Monitor, October 23`, `see previous story`.
#[derive(Debug, Clone)]
#[must_use]
pub struct SeeBuilder {
    target: String,
    keyword: Option<String>,
    topic: Option<String>,
    dates: Vec<DateBuilder>,
}

impl SeeBuilder {
    /// A cross-reference to `target` (`the Monitor`, `previous story`),
    /// introduced by `see`.
    pub fn new(target: impl Into<String>) -> Self {
        SeeBuilder {
            target: target.into(),
            keyword: Some("see".to_string()),
            topic: None,
            dates: Vec::new(),
        }
    }

    /// A group continuing the `see` group before it, without a keyword of
    /// its own: the `the Fortnight in Review, July 7` of `(see the Monitor,
    /// July 12; the Fortnight in Review, July 7)`. Its target is one of the
    /// house publications.
    pub fn continued(target: impl Into<String>) -> Self {
        SeeBuilder {
            keyword: None,
            ..SeeBuilder::new(target)
        }
    }

    /// The introducing word as written: `See`, `see also`.
    pub fn keyword(mut self, keyword: impl Into<String>) -> Self {
        self.keyword = Some(keyword.into());
        self
    }

    /// The topic of `On the pipeline see also Monitor, October 23`: `the
    /// pipeline` (a leading `On` is dropped: it is written anyway).
    pub fn topic(mut self, topic: impl Into<String>) -> Self {
        self.topic = Some(topic.into());
        self
    }

    /// Adds a date of the issue referred to.
    pub fn date(mut self, date: DateBuilder) -> Self {
        self.dates.push(date);
        self
    }

    /// Adds dates.
    pub fn dates(mut self, dates: impl IntoIterator<Item = DateBuilder>) -> Self {
        self.dates.extend(dates);
        self
    }

    /// The cross-reference, checked.
    pub fn build(self) -> Result<CrossReference<'static>> {
        let target = self.target.trim().to_string();
        check_citation_text("cross-reference target", &target)?;
        if target.is_empty() {
            return Err(BuildError::Empty("cross-reference target"));
        }
        let keyword = match self.keyword {
            Some(keyword) => {
                let keyword = keyword.trim().to_string();
                check_citation_text("cross-reference keyword", &keyword)?;
                if keyword.is_empty() {
                    return Err(BuildError::Empty("cross-reference keyword"));
                }
                Some(Cow::Owned(keyword))
            }
            None => None,
        };
        let topic = match self.topic {
            Some(topic) => {
                let topic = topic.trim();
                let topic = topic
                    .strip_prefix("On ")
                    .unwrap_or(topic)
                    .trim()
                    .to_string();
                check_citation_text("cross-reference topic", &topic)?;
                (!topic.is_empty()).then_some(Cow::Owned(topic))
            }
            None => None,
        };
        Ok(CrossReference {
            series: crate::naming::series_of(&target, ParseOptions::default().series_table()),
            target: Cow::Owned(target),
            dates: build_dates(self.dates)?,
            keyword,
            topic,
        })
    }
}

fn build_dates(dates: Vec<DateBuilder>) -> Result<Vec<CitedDate<'static>>> {
    dates.into_iter().map(DateBuilder::build).collect()
}

/// Text inside a citation: one line, no brackets or `;` that would end or
/// split it.
fn check_citation_text(what: &'static str, text: &str) -> Result<()> {
    if text.contains(['\n', '\r']) {
        return Err(unwritable(what, text, "it holds a line break"));
    }
    if text.contains(';') {
        return Err(unwritable(what, text, "a `;` would split the citation"));
    }
    let opens = text.matches(['(', '[']).count();
    let closes = text.matches([')', ']']).count();
    if opens != closes {
        return Err(unwritable(
            what,
            text,
            "unbalanced brackets would end the citation",
        ));
    }
    Ok(())
}

/// Checks a citation and fills its dates' texts as the renderer writes
/// them.
pub(super) fn finish_citation(citation: Citation<'static>) -> Result<Citation<'static>> {
    match citation {
        Citation::Url { url } => {
            let url = url.trim().to_string();
            if url.is_empty() {
                return Err(BuildError::Empty("URL"));
            }
            if url.contains(|c: char| c.is_whitespace() || "()[]".contains(c)) {
                return Err(unwritable(
                    "URL",
                    &url,
                    "white space or brackets would end it",
                ));
            }
            Ok(Citation::Url {
                url: Cow::Owned(url),
            })
        }
        Citation::NoteMarker { number, style } => {
            check_note_number(number)?;
            Ok(Citation::NoteMarker { number, style })
        }
        Citation::Sources { groups } => {
            if groups.is_empty() {
                return Err(BuildError::Empty("citation"));
            }
            let citation = Citation::Sources { groups };
            let mut check = CheckDates(Ok(()));
            check.visit_citation(&citation);
            check.0?;
            let mut citation = citation;
            crate::render::canonicalize_dates(&mut citation);
            Ok(citation)
        }
    }
}

/// Checks every date list of a citation, `translated by` clauses
/// included: each date exists, and no written year claims a date before
/// it. Keeps the first error.
struct CheckDates(Result<()>);

impl<'t, 'a> Visit<'t, 'a> for CheckDates {
    fn visit_dates(&mut self, dates: &'t [CitedDate<'a>]) {
        if self.0.is_err() {
            return;
        }
        self.0 = dates
            .iter()
            .flat_map(|d| std::iter::once(d.from).chain(d.to))
            .try_for_each(check_partial)
            .and_then(|()| check_year_spread(dates));
    }
}

/// A year written on a date applies to the year-less dates just before it
/// in the list that are not later in the year (`May 5 and 6, 2001`), so
/// such a year-less date cannot be written.
fn check_year_spread(dates: &[CitedDate<'_>]) -> Result<()> {
    for (at, date) in dates.iter().enumerate() {
        let has_year = date.from.year.is_some() || date.to.is_some_and(|t| t.year.is_some());
        if !has_year {
            continue;
        }
        let before = dates
            .get(..at)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|d| d.from.year.is_none() && d.to.is_none_or(|t| t.year.is_none()));
        if let Some(taken) = before.into_iter().find(|d| d.from.month <= date.from.month) {
            return Err(unwritable(
                "date",
                &taken.to_string(),
                "the year written on a later date of its list would apply to it",
            ));
        }
    }
    Ok(())
}

pub(super) fn check_note_number(number: u32) -> Result<()> {
    if note::NUMBERS.contains(&number) {
        Ok(())
    } else {
        Err(BuildError::InvalidNoteNumber(number))
    }
}
