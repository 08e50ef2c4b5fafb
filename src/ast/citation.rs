//! Inline citations: source attributions, cross-references, URLs and note markers.

use std::borrow::Cow;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::date::CitedDate;
use super::own;
use crate::visit::Visit;

/// What a parenthetical (or bracketed marker) in the body cites.
///
/// Serialized with a `kind` tag: `"sources"`, `"url"` or `"note"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "lowercase"))]
pub enum Citation<'a> {
    /// Source attributions and cross-references separated by `;`:
    /// `(Itar-Tass, March 3; see the Monitor, March 1)`.
    Sources {
        /// The `;`-separated groups, in order.
        groups: Vec<Group<'a>>,
    },
    /// A bare URL or domain: `(https://www.example.org/news/123.html)`.
    Url {
        /// The URL as written.
        url: Cow<'a, str>,
    },
    /// A numbered note marker, `(7)` or `[7]`, pointing into
    /// [`Article::notes`](crate::Article::notes). Serialized with kind
    /// `"note"`.
    #[cfg_attr(feature = "serde", serde(rename = "note"))]
    NoteMarker {
        /// The note number.
        number: u32,
        /// Whether the marker was written `(7)` or `[7]`.
        #[cfg_attr(feature = "serde", serde(default))]
        style: MarkerStyle,
    },
}

/// How a note marker was bracketed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum MarkerStyle {
    /// `(7)`, older issues.
    #[default]
    Paren,
    /// `[7]`, newer issues.
    Bracket,
}

/// One `;`-separated group of a [`Citation::Sources`].
///
/// Serialized with a `kind` tag: `"source"` or `"see"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "lowercase"))]
pub enum Group<'a> {
    /// Outlets and dates: `Itar-Tass, Prime-News, March 3-4`.
    Source(SourceGroup<'a>),
    /// A cross-reference: `see the Monitor, February 18`.
    See(CrossReference<'a>),
}

/// A source attribution: the outlets cited and the dates of their reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct SourceGroup<'a> {
    /// Outlet names as written (`Focus Central Asia [Almaty]`); empty where a
    /// link was stripped from the page (`(, May 11)`).
    pub outlets: Vec<Cow<'a, str>>,
    /// The canonical name of each outlet, aligned with `outlets`: the
    /// [`OutletTable`](crate::OutletTable)'s name for a known outlet, its
    /// key (lowercase) for another.
    #[cfg_attr(feature = "serde", serde(default))]
    pub canonical_outlets: Vec<Cow<'a, str>>,
    /// The dates cited, one per day or range.
    pub dates: Vec<CitedDate<'a>>,
    /// An issue number of the outlet (`No. 11`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub number: Option<Cow<'a, str>>,
    /// A `translated by ...` clause: who translated, and when.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub translated_by: Option<Box<SourceGroup<'a>>>,
    /// A trailing attribution clause, `as cited by Interfax`: who relayed
    /// the report, and when if the text says. The group keeps its own
    /// outlets and dates; the clause's phrase is the relay's
    /// [`keyword`](Self::keyword).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub cited_by: Option<Box<SourceGroup<'a>>>,
    /// For the group of a [`cited_by`](Self::cited_by) clause, the phrase
    /// that introduced it, as written: `as cited by`, `as quoted by`,
    /// `citing` (the relay is then the source the report cites) or `via`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub keyword: Option<Cow<'a, str>>,
}

/// A cross-reference to an earlier issue or story:
/// `see the Monitor, February 18`, `see previous story`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct CrossReference<'a> {
    /// What is referred to: `the Monitor`, `EDM`, `previous story`, `below`.
    pub target: Cow<'a, str>,
    /// The publication the target names, by its name in the
    /// [`YearTable`](crate::YearTable) (`Monitor` for `the Monitor`);
    /// `None` for `previous story`, `below` and the like.
    #[cfg_attr(feature = "serde", serde(default))]
    pub series: Option<Cow<'a, str>>,
    /// The dates of the issues referred to.
    pub dates: Vec<CitedDate<'a>>,
    /// The word that introduced it as written: `see`, `See`, `see also`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub keyword: Option<Cow<'a, str>>,
    /// A topic before the keyword: `On the pipeline` in
    /// `On the pipeline see also Monitor, October 23`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub topic: Option<Cow<'a, str>>,
}

impl<'a> Citation<'a> {
    /// Every group of a `Sources` citation (empty for URLs and notes).
    pub fn groups(&self) -> &[Group<'a>] {
        match self {
            Citation::Sources { groups } => groups,
            _ => &[],
        }
    }

    /// The number of a `(7)` or `[7]` note marker, which
    /// [`Article::note`](crate::Article::note) looks up.
    pub fn note_number(&self) -> Option<u32> {
        match self {
            Citation::NoteMarker { number, .. } => Some(*number),
            _ => None,
        }
    }

    /// Every date cited, in order, those of `translated by` and attribution
    /// (`as cited by`) clauses at any depth included.
    ///
    /// ```
    /// let ctx = bulletin::DateContext::in_year(2000);
    /// let cited = bulletin::parse_citation("(Interfax, May 3; see the Monitor, May 1 and 2)", &ctx).unwrap();
    /// let days: Vec<String> = cited.dates().filter_map(|d| d.start).map(|d| d.to_string()).collect();
    /// assert_eq!(days, ["2000-05-03", "2000-05-01", "2000-05-02"]);
    /// ```
    pub fn dates(&self) -> impl Iterator<Item = &CitedDate<'a>> {
        /// Collects the dates in visiting order.
        struct Dates<'t, 'a>(Vec<&'t CitedDate<'a>>);
        impl<'t, 'a> Visit<'t, 'a> for Dates<'t, 'a> {
            fn visit_date(&mut self, date: &'t CitedDate<'a>) {
                self.0.push(date);
            }
        }
        let mut dates = Dates(Vec::new());
        dates.visit_citation(self);
        dates.0.into_iter()
    }

    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> Citation<'static> {
        match self {
            Citation::Sources { groups } => Citation::Sources {
                groups: groups.into_iter().map(Group::into_owned).collect(),
            },
            Citation::Url { url } => Citation::Url { url: own(url) },
            Citation::NoteMarker { number, style } => Citation::NoteMarker { number, style },
        }
    }
}

impl<'a> Group<'a> {
    /// The dates of this group.
    pub fn dates(&self) -> &[CitedDate<'a>] {
        match self {
            Group::Source(g) => &g.dates,
            Group::See(g) => &g.dates,
        }
    }

    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> Group<'static> {
        match self {
            Group::Source(g) => Group::Source(g.into_owned()),
            Group::See(g) => Group::See(g.into_owned()),
        }
    }
}

impl SourceGroup<'_> {
    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> SourceGroup<'static> {
        SourceGroup {
            outlets: self.outlets.into_iter().map(own).collect(),
            canonical_outlets: self.canonical_outlets.into_iter().map(own).collect(),
            dates: self.dates.into_iter().map(CitedDate::into_owned).collect(),
            number: self.number.map(own),
            translated_by: self.translated_by.map(|t| Box::new(t.into_owned())),
            cited_by: self.cited_by.map(|c| Box::new(c.into_owned())),
            keyword: self.keyword.map(own),
        }
    }
}

impl CrossReference<'_> {
    /// Converts to an owned `'static` value.
    pub fn into_owned(self) -> CrossReference<'static> {
        CrossReference {
            target: own(self.target),
            series: self.series.map(own),
            dates: self.dates.into_iter().map(CitedDate::into_owned).collect(),
            keyword: self.keyword.map(own),
            topic: self.topic.map(own),
        }
    }
}
