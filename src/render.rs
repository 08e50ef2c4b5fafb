//! The canonical renderer: `Display` for [`Article`] and its parts, writing
//! bulletin text that [`parse_article`](crate::parse_article) reads back as
//! the same tree (spans aside, see [`Article::without_spans`]).
//!
//! # Layout
//!
//! An article is written in the seed's layout, one blank line between
//! blocks, each block on one line (unless its text holds line breaks):
//!
//! ```text
//! Placeholder canvas             site chrome, if any, one line each,
//!                                then two blank lines
//!
//! TALKS RESUME AT LAST.          the title, if any
//! Publication: Monitor Volume: 6 Issue: 41
//! By Anna Kovacs and Piotr Lind  the byline, if there are authors
//!
//! President Ilir Duka            captions, if any
//!
//! Officials in Tbilisi ... (see the Monitor, February 18).
//!
//! WHAT WE KNOW                   paragraphs and headings in order
//!
//! Notes:                         the notes, if any, one per line
//!
//! 1. Itar-Tass, October 31
//! 2. Interfax, October 30 and 31
//!
//! The Monitor is a publication of ...     the footer text
//!
//! Armenia Weighs New Gas Terms.  the next article's headline
//! ```
//!
//! - The header line omits `Volume:` and `Issue:` when they are missing. A
//!   header that states its issue date ([`Header::date`], from copies
//!   rewritten by other sites) is written in that layout instead, so the
//!   date survives: the publication on its own line, then
//!   `Tuesday, August 1, 2006 -- Volume 3, Issue 148`, the title, the byline.
//! - The byline is `By A, B and C`; when the names would not read back
//!   after a bare `By ` (a lowercase word, a final period) it is `By: ...`.
//! - The notes are introduced by a `Notes:` line, which the parser skips:
//!   it marks where the notes start even when the body is empty or the
//!   numbering does not start at 1.
//! - Where the parser reads a block by its neighbours, the renderer keeps
//!   the neighbours it needs. A first block shaped like a byline (`By ...`)
//!   after a header without authors goes two blank lines down. An empty
//!   `Notes:` line (no notes after it) is written where the input had a
//!   block that parses to nothing and held the others in place: after
//!   captions, before a footer or next headline when there is no body, and
//!   after a body whose last paragraph is shaped like a headline or a
//!   note, which holds a paragraph reading `Notes`, or which is one
//!   hard-wrapped paragraph (its lines are joined only where blank lines
//!   separate blocks). When the title itself reads `Notes:`, the line is
//!   `Endnotes:`, which the parser skips too (a caption equal to the title
//!   would be taken for one).
//! - A header-less article (parsed leniently) is written as its body alone.
//!   An article with nothing in it is written as the empty string, which
//!   does not parse.
//!
//! # Text
//!
//! Text is written as it is stored: paragraph text, headings, captions,
//! notes and the footer are copied verbatim, line breaks inside them
//! included, so typographic dashes and quotes, non-breaking spaces and
//! mojibake are *not* normalised, and a parse → render → parse round trip
//! keeps every text field byte for byte (a hard-wrapped paragraph keeps its
//! line breaks, CRLF included). What the renderer normalises is the layout
//! between blocks: line endings between blocks become `\n`, blank-line
//! runs become one blank line, white space around blocks is dropped (the
//! parser trims it anyway), and the output ends with a line break.
//!
//! Repairs the parser made are not written back: a byte-order mark is not
//! written, and a header number that lenient parsing left out (an
//! [`InvalidNumber`](crate::DiagnosticKind::InvalidNumber) diagnostic) stays
//! out, so re-parsing the output reports neither diagnostic.
//!
//! # Citations
//!
//! A citation inline is written as its `raw` text, the exact input bytes,
//! which keeps parsed citations byte for byte. The builders fill `raw` from
//! the citation's structure; a citation whose `raw` is empty is written
//! from its structure too. [`Citation`]'s own `Display` always writes from
//! the structure, in the surface forms of FORMAT.md section 5:
//!
//! ```text
//! (Itar-Tass, Prime-News, March 3-4)
//! (see the Monitor, February 18)
//! (Kommersant, July 4 and 5)
//! (Reuters, August 30-September 2)
//! (Argumenty i fakty, No. 11, March 1999; see the Monitor, March 16)
//! [7]   (7)   (https://www.example.org/news/123.html)
//! ```
//!
//! A cross-reference's topic is written after `On` (`On the pipeline see
//! also Monitor, October 23`), and a group without keyword continues the
//! `see` group before it (`see the Monitor, July 12; the Fortnight in
//! Review, July 7`); a source group without outlets is a stripped link,
//! `(, May 11)`.
//!
//! Dates are written from their [`PartialDate`] parts, not from their
//! stored text: month names in full, `D-D` for a range within one month,
//! `Month D-Month D` across months, `, YYYY` when the year is written (once,
//! after a range: `December 30-January 2, 2001` runs from 2000). In a
//! list, a single day in the same month as the single day before it is
//! written as its day alone: `July 4 and 5` for two, `September 6, 10, 12`
//! for more.

use std::fmt::{self, Display, Formatter, Write as _};

use crate::ast::{
    Article, Block, Citation, CitedDate, CrossReference, Footer, Group, Header, Inline, Line,
    MarkerStyle, Note, PartialDate, SourceGroup,
};

/// English month names, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of month `month` (1-based), or `None` out of range.
pub(crate) fn month_name(month: u8) -> Option<&'static str> {
    MONTHS.get(usize::from(month).checked_sub(1)?).copied()
}

impl Display for Article<'_> {
    /// Writes the article in the canonical layout (see the [module
    /// docs](crate::render)).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let mut out = Blocks::new(f);
        if self.header.is_some() && !self.chrome.is_empty() {
            for line in &self.chrome {
                out.block(&line.text)?;
            }
            // Two blank lines: the last chrome line is not a title.
            out.f.write_char('\n')?;
        }
        if let Some(header) = &self.header {
            out.start()?;
            write_header(out.f, header, self.title.as_deref())?;
            // The parser takes a `By ...` line at most one blank line after
            // the header for the byline: a first block shaped like one
            // (when the header has no authors) goes two blank lines down.
            if header.authors.is_empty()
                && self
                    .first_after_header()
                    .is_some_and(|text| crate::grammar::byline(&text).is_some())
            {
                out.f.write_char('\n')?;
            }
        }
        for line in &self.captions {
            out.block(&line.text)?;
        }
        for block in &self.body {
            out.start()?;
            write!(out.f, "{block}")?;
        }
        if !self.notes.is_empty() || self.needs_place_holder() {
            out.start()?;
            out.f.write_str(self.notes_heading())?;
            // A blank line after the heading: the parser joins hard-wrapped
            // lines only in texts where blank lines separate blocks.
            let mut separator = "\n\n";
            for note in &self.notes {
                write!(out.f, "{separator}{note}")?;
                separator = "\n";
            }
        }
        if let Some(footer) = &self.footer {
            out.start()?;
            write!(out.f, "{footer}")?;
        }
        if let Some(line) = &self.next_headline {
            out.block(&line.text)?;
        }
        out.finish()
    }
}

impl Article<'_> {
    /// Whether an empty `Notes:` line (which parses to no notes, and which
    /// the parser skips in the input too) must keep the blocks around it
    /// in place. Without a body, the captions would run on into a short
    /// footer, the last caption would be taken for body (never for a
    /// caption), and a lone next headline for body too; a last paragraph
    /// shaped like a headline would be taken for the next headline, a
    /// paragraph reading `Notes` would open the notes, and the lines of a
    /// lone hard-wrapped paragraph would come apart.
    fn needs_place_holder(&self) -> bool {
        if self.body.is_empty() {
            return self.footer.is_some()
                || self.next_headline.is_some()
                || !self.captions.is_empty();
        }
        // The parser joins the lines of a hard-wrapped paragraph only where
        // blank lines separate blocks: a lone block needs a second one.
        let lone_wrapped = self.body.len() == 1
            && self.captions.is_empty()
            && self.notes.is_empty()
            && self.footer.is_none()
            && self.next_headline.is_none()
            && self.body[0].to_string().contains(['\n', '\r']);
        if lone_wrapped {
            return true;
        }
        // With a header, the line must not turn body blocks shaped like
        // captions into captions: the parser never takes the last block for
        // one, and with the line the last body block is not last.
        let title = self.title.as_deref();
        let captions_safe = self.header.is_none()
            || self.body.iter().any(|block| {
                let text = block.to_string();
                text.contains(['\n', '\r']) || !crate::grammar::is_caption(&text, title)
            });
        if !captions_safe {
            return false;
        }
        // A body block reading `Notes` would open the notes, unless a later
        // `Notes:` line does, and so would a last block numbered like a
        // note.
        let opens_notes = self.body.iter().any(|block| {
            let text = block.to_string();
            crate::grammar::is_notes_heading(&text)
        }) || self
            .body
            .last()
            .is_some_and(|block| crate::grammar::is_numbered(&block.to_string()));
        if opens_notes {
            return true;
        }
        let last_reads_as_headline = || {
            self.body.last().is_some_and(|block| {
                let text = block.to_string();
                !text.contains(['\n', '\r']) && crate::grammar::is_headline(&text)
            })
        };
        self.notes.is_empty()
            && self.footer.is_none()
            && self.next_headline.is_none()
            && self.body.len() > 1
            && last_reads_as_headline()
    }

    /// `Notes:`, or `Endnotes:` when the title reads `Notes:` (a line equal
    /// to the title would be taken for a caption).
    fn notes_heading(&self) -> &'static str {
        match &self.title {
            Some(title) if title.trim().eq_ignore_ascii_case("Notes:") => "Endnotes:",
            _ => "Notes:",
        }
    }

    /// The text of the first block written after the header, if any.
    fn first_after_header(&self) -> Option<String> {
        if let Some(line) = self.captions.first() {
            return Some(line.text.to_string());
        }
        if let Some(block) = self.body.first() {
            return Some(block.to_string());
        }
        if !self.notes.is_empty() {
            return None;
        }
        self.footer
            .as_ref()
            .map(|f| f.text.to_string())
            .or_else(|| self.next_headline.as_ref().map(|l| l.text.to_string()))
    }
}

/// Writes blocks separated by one blank line, ending with a line break.
struct Blocks<'f, 'g> {
    f: &'f mut Formatter<'g>,
    first: bool,
}

impl<'f, 'g> Blocks<'f, 'g> {
    fn new(f: &'f mut Formatter<'g>) -> Self {
        Blocks { f, first: true }
    }

    /// Separates the next block from the one before.
    fn start(&mut self) -> fmt::Result {
        if !self.first {
            self.f.write_str("\n\n")?;
        }
        self.first = false;
        Ok(())
    }

    fn block(&mut self, text: &str) -> fmt::Result {
        self.start()?;
        self.f.write_str(text.trim())
    }

    fn finish(self) -> fmt::Result {
        if self.first {
            Ok(())
        } else {
            self.f.write_char('\n')
        }
    }
}

/// The title, header and byline, without a final line break.
fn write_header(f: &mut Formatter<'_>, header: &Header<'_>, title: Option<&str>) -> fmt::Result {
    match (header.date, header.volume, header.issue) {
        (Some(date), Some(volume), Some(issue)) => {
            // FORMAT.md section 8: the layout that states the issue date.
            // Its title follows the date line, unless it reads like a
            // byline, which would be taken for one there: then it goes
            // first, where the parser finds a title too.
            // (A blank line after it keeps the title from being read as the
            // publication line of the header.)
            let title_first = title.filter(|t| crate::grammar::byline(t).is_some());
            if let Some(title) = title_first {
                write!(f, "{}\n\n", title.trim())?;
            }
            write!(
                f,
                "{}\n{}, {} {}, {:04} -- Volume {volume}, Issue {issue}",
                header.publication.trim(),
                date.weekday(),
                date.month(),
                date.day(),
                date.year()
            )?;
            if let Some(title) = title.filter(|_| title_first.is_none()) {
                write!(f, "\n{}", title.trim())?;
            }
        }
        _ => {
            if let Some(title) = title {
                writeln!(f, "{}", title.trim())?;
            }
            write!(f, "{header}")?;
        }
    }
    if !header.authors.is_empty() {
        write!(f, "\n{}", byline(&header.authors))?;
    }
    Ok(())
}

/// `By A, B and C`, or `By: ...` when the names would not read back after a
/// bare `By `.
pub(crate) fn byline<S: AsRef<str>>(authors: &[S]) -> String {
    let names = join_names(authors.iter().map(AsRef::as_ref));
    let plain = format!("By {names}");
    let reads_back = crate::grammar::byline(&plain).is_some_and(|parsed| {
        parsed.len() == authors.len() && parsed.iter().zip(authors).all(|(p, a)| *p == a.as_ref())
    });
    if reads_back {
        plain
    } else {
        format!("By: {names}")
    }
}

/// `A`, `A and B`, `A, B and C`.
pub(crate) fn join_names<'s>(names: impl ExactSizeIterator<Item = &'s str>) -> String {
    let count = names.len();
    let mut out = String::new();
    for (i, name) in names.enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == count { " and " } else { ", " });
        }
        out.push_str(name.trim());
    }
    out
}

impl Display for Header<'_> {
    /// The header line, `Publication: NAME Volume: N Issue: M`, with the
    /// missing numbers left out (no byline, no line break).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "Publication: {}", self.publication.trim())?;
        if let Some(volume) = self.volume {
            write!(f, " Volume: {volume}")?;
        }
        if let Some(issue) = self.issue {
            write!(f, " Issue: {issue}")?;
        }
        Ok(())
    }
}

impl Display for Block<'_> {
    /// A heading's text, or a paragraph's inlines in order.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Block::Heading { text, .. } => f.write_str(text.trim()),
            Block::Paragraph { inlines, .. } => {
                for inline in inlines {
                    write!(f, "{inline}")?;
                }
                Ok(())
            }
        }
    }
}

impl Display for Inline<'_> {
    /// Plain text verbatim; a citation as its `raw` text, or from its
    /// structure when `raw` is empty.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Inline::Text { text, .. } => f.write_str(text),
            Inline::Citation { raw, citation, .. } if raw.is_empty() => write!(f, "{citation}"),
            Inline::Citation { raw, .. } => f.write_str(raw),
        }
    }
}

impl Display for Line<'_> {
    /// The line's text.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Display for Note<'_> {
    /// `1. Itar-Tass, October 31`: the number and the note's text, or the
    /// citation's inside when the text is empty.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}. ", self.number)?;
        match &self.citation {
            Some(citation) if self.text.trim().is_empty() => write_citation_inside(f, citation),
            _ => f.write_str(self.text.trim()),
        }
    }
}

impl Display for Footer<'_> {
    /// The footer's text as stored ([`Footer::text`]).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.text.trim())
    }
}

impl Display for Citation<'_> {
    /// The citation written from its structure, brackets included:
    /// `(Interfax, March 3; see the Monitor, March 1)`, `(7)`, `[7]`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Citation::Note {
                number,
                style: MarkerStyle::Bracket,
            } => write!(f, "[{number}]"),
            _ => {
                f.write_char('(')?;
                write_citation_inside(f, self)?;
                f.write_char(')')
            }
        }
    }
}

/// A citation without its brackets: what a note's text holds.
pub(crate) fn write_citation_inside(
    f: &mut impl fmt::Write,
    citation: &Citation<'_>,
) -> fmt::Result {
    match citation {
        Citation::Sources { groups } => {
            for (i, group) in groups.iter().enumerate() {
                if i > 0 {
                    f.write_str("; ")?;
                }
                write_group(f, group)?;
            }
            Ok(())
        }
        Citation::Url { url } => f.write_str(url),
        Citation::Note { number, .. } => write!(f, "{number}"),
    }
}

impl Display for Group<'_> {
    /// One `;`-separated group, from its structure.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_group(f, self)
    }
}

fn write_group(f: &mut impl fmt::Write, group: &Group<'_>) -> fmt::Result {
    match group {
        Group::Source(source) => write_source(f, source),
        Group::See(see) => write_see(f, see),
    }
}

/// `Itar-Tass, Prime-News, No. 11, March 3-4, translated by ...`.
fn write_source(f: &mut impl fmt::Write, source: &SourceGroup<'_>) -> fmt::Result {
    // No outlets: a link stripped from the page, `(, May 11)`.
    let mut first = !source.outlets.is_empty();
    let mut part = |f: &mut dyn fmt::Write| -> fmt::Result {
        if !first {
            f.write_str(", ")?;
        }
        first = false;
        Ok(())
    };
    for outlet in &source.outlets {
        part(f)?;
        f.write_str(outlet)?;
    }
    if let Some(number) = &source.number {
        part(f)?;
        f.write_str(number)?;
    }
    if !source.dates.is_empty() {
        part(f)?;
        write_dates(f, &source.dates)?;
    }
    if let Some(translated) = &source.translated_by {
        part(f)?;
        f.write_str("translated by ")?;
        write_source(f, translated)?;
    }
    Ok(())
}

/// `On the pipeline see also Monitor, October 23`. A topic is written after `On` (unless it starts with it); a group
/// without keyword continues the `see` group before it (`see the Monitor,
/// July 12; the Fortnight in Review, July 7`).
fn write_see(f: &mut impl fmt::Write, see: &CrossReference<'_>) -> fmt::Result {
    if let Some(topic) = &see.topic {
        if !topic.starts_with("On ") {
            f.write_str("On ")?;
        }
        write!(f, "{topic} ")?;
    }
    if let Some(keyword) = &see.keyword {
        write!(f, "{keyword} ")?;
    }
    f.write_str(&see.target)?;
    if !see.dates.is_empty() {
        f.write_str(", ")?;
        write_dates(f, &see.dates)?;
    }
    Ok(())
}

/// The texts a list of dates is written with, in order: each date in full,
/// except a single day after a single day of the same month, which is its
/// day alone (`July 4 and 5`).
pub(crate) fn date_texts(dates: &[CitedDate<'_>]) -> Vec<String> {
    let mut texts = Vec::with_capacity(dates.len());
    let mut previous: Option<&CitedDate<'_>> = None;
    for date in dates {
        let elide = previous.is_some_and(|p| {
            is_plain_day(p) && is_plain_day(date) && p.from.month == date.from.month
        });
        texts.push(match (elide, date.from.day) {
            (true, Some(day)) => day.to_string(),
            _ => full_date(date),
        });
        previous = Some(date);
    }
    texts
}

/// A single day without a written year: the dates a list can shorten.
fn is_plain_day(date: &CitedDate<'_>) -> bool {
    date.to.is_none() && date.from.year.is_none() && date.from.day.is_some()
}

/// A list of dates as written in a citation.
fn write_dates(f: &mut impl fmt::Write, dates: &[CitedDate<'_>]) -> fmt::Result {
    f.write_str(&join_dates(dates))
}

/// A list of dates as written in a citation, as a string.
pub(crate) fn join_dates(dates: &[CitedDate<'_>]) -> String {
    let texts = date_texts(dates);
    // ` and ` between two dates whose second is a bare day, `, ` otherwise.
    let second_elided = texts.len() == 2 && texts.get(1).is_some_and(|t| !t.contains(' '));
    texts.join(if second_elided { " and " } else { ", " })
}

impl Display for CitedDate<'_> {
    /// The date written from its parts (not from its stored text):
    /// `March 3`, `March 3-4`, `August 30-September 2`, `November 2, 2001`,
    /// `March 1999`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&full_date(self))
    }
}

impl Display for PartialDate {
    /// `March`, `March 3`, `March 1999`, `March 3, 1999`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_month(f, self.month)?;
        match (self.day, self.year) {
            (Some(day), Some(year)) => write!(f, " {day}, {year}"),
            (Some(day), None) => write!(f, " {day}"),
            (None, Some(year)) => write!(f, " {year}"),
            (None, None) => Ok(()),
        }
    }
}

fn write_month(f: &mut impl fmt::Write, month: u8) -> fmt::Result {
    match month_name(month) {
        Some(name) => f.write_str(name),
        None => write!(f, "month {month}"),
    }
}

/// A date or range in full, from its parts.
fn full_date(date: &CitedDate<'_>) -> String {
    let from = date.from;
    let Some(to) = date.to else {
        return from.to_string();
    };
    let undated = |d: PartialDate| PartialDate { year: None, ..d };
    // Writing to a String cannot fail.
    let mut out = undated(from).to_string();
    if to.month == from.month && from.day.is_some() {
        if let Some(day) = to.day {
            let _ = write!(out, "-{day}");
        }
    } else {
        let _ = write!(out, "-{}", undated(to));
    }
    // One year, after the range: the end's (`December 30-January 2, 2001`
    // runs from 2000).
    if let Some(year) = to.year.or(from.year) {
        let _ = write!(out, ", {year}");
    }
    out
}

impl<'a> Article<'a> {
    /// The article with every [`Span`](crate::Span) set to the default
    /// (`0..0`): in nodes, notes, lines, the header, the footer and the
    /// diagnostics.
    ///
    /// Spans say where a node lies in the text it was parsed from, so two
    /// trees of the same article from different texts (an input and its
    /// canonical rendering) differ only in their spans. Compare them with
    /// spans aside:
    ///
    /// ```
    /// let input = "Publication: Monitor Volume: 6 Issue: 41\n\n\n\n  Talks resumed.  \n";
    /// let first = bulletin::parse_article(input)?;
    /// let rendered = first.to_string();
    /// assert_eq!(rendered, "Publication: Monitor Volume: 6 Issue: 41\n\nTalks resumed.\n");
    /// let second = bulletin::parse_article(&rendered)?;
    /// assert_ne!(first, second);
    /// assert_eq!(first.without_spans(), second.without_spans());
    /// # Ok::<(), bulletin::ParseError>(())
    /// ```
    pub fn without_spans(&self) -> Article<'a> {
        let mut article = self.clone();
        article.clear_spans();
        article
    }

    /// Sets every span to the default in place; see
    /// [`Article::without_spans`].
    pub fn clear_spans(&mut self) {
        let cleared = crate::Span::default();
        if let Some(header) = &mut self.header {
            header.span = cleared;
        }
        for block in &mut self.body {
            match block {
                Block::Heading { span, .. } => *span = cleared,
                Block::Paragraph { span, inlines } => {
                    *span = cleared;
                    for inline in inlines {
                        match inline {
                            Inline::Text { span, .. } | Inline::Citation { span, .. } => {
                                *span = cleared;
                            }
                        }
                    }
                }
            }
        }
        for note in &mut self.notes {
            note.span = cleared;
        }
        if let Some(footer) = &mut self.footer {
            footer.span = cleared;
        }
        let lines = self
            .captions
            .iter_mut()
            .chain(&mut self.chrome)
            .chain(&mut self.next_headline);
        for line in lines {
            line.span = cleared;
        }
        for diagnostic in &mut self.diagnostics {
            diagnostic.span = cleared;
        }
    }
}

impl Article<'_> {
    /// Rewrites every citation's text from its structure: each date's
    /// `text` as the renderer writes it in its list, each citation's `raw`
    /// in the surface forms of the [module docs](crate::render), and the
    /// text of each note that holds a citation. The article then renders
    /// its citations from their structure (`(Interfax,March 3)` becomes
    /// `(Interfax, March 3)`), as built articles do.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use bulletin::{Article, Citation, Inline, date};
    ///
    /// let mut article = Article::builder()
    ///     .header(bulletin::Header::builder("Monitor").volume(6).issue(41))
    ///     .paragraph(|p| p.text("Talks resumed ").citation(Citation::source(["Interfax"], [date(3, 3)])).text("."))
    ///     .build()?;
    /// // Say a tool left a citation's text in an odd spelling.
    /// if let bulletin::Block::Paragraph { inlines, .. } = &mut article.body[0] {
    ///     if let Inline::Citation { raw, .. } = &mut inlines[1] {
    ///         *raw = Cow::Borrowed("(Interfax,March 3)");
    ///     }
    /// }
    /// assert!(article.to_string().contains("(Interfax,March 3)."));
    /// article.canonicalize_citations();
    /// assert!(article.to_string().contains("(Interfax, March 3)."));
    /// # Ok::<(), bulletin::BuildError>(())
    /// ```
    pub fn canonicalize_citations(&mut self) {
        for block in &mut self.body {
            if let Block::Paragraph { inlines, .. } = block {
                for inline in inlines {
                    if let Inline::Citation { raw, citation, .. } = inline {
                        canonicalize_dates(citation);
                        *raw = std::borrow::Cow::Owned(citation.to_string());
                    }
                }
            }
        }
        for note in &mut self.notes {
            if let Some(citation) = &mut note.citation {
                canonicalize_dates(citation);
                let mut text = String::new();
                // Writing to a String cannot fail.
                let _ = write_citation_inside(&mut text, citation);
                note.text = std::borrow::Cow::Owned(text);
            }
        }
    }
}

/// Sets each date's text to what the renderer writes for it in its list.
pub(crate) fn canonicalize_dates(citation: &mut Citation<'_>) {
    fn dates(list: &mut [CitedDate<'_>]) {
        let texts = date_texts(list);
        for (date, text) in list.iter_mut().zip(texts) {
            date.text = std::borrow::Cow::Owned(text);
        }
    }
    if let Citation::Sources { groups } = citation {
        for group in groups {
            match group {
                Group::Source(source) => {
                    let mut next = Some(source);
                    while let Some(source) = next {
                        dates(&mut source.dates);
                        next = source.translated_by.as_deref_mut();
                    }
                }
                Group::See(see) => dates(&mut see.dates),
            }
        }
    }
}
