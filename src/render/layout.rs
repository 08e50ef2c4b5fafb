//! The article's layout: header, blocks, notes, footer.

use std::fmt::{self, Display, Formatter, Write as _};

use crate::ast::{Article, Block, Footer, Header, Inline, Line, Note};
use crate::error::DiagnosticKind;

use super::write_citation_inside;
use crate::vocab::header::{BYLINE, BYLINE_COLON, ISSUE, PUBLICATION, VOLUME, is_contents_heading};
use crate::vocab::{note, roman};

impl Display for Article<'_> {
    /// Writes the article in the canonical layout (see the [module
    /// docs](crate::render)).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let mut out = Blocks::new(f);
        // A masthead's table of contents is read after it; other chrome
        // above the header.
        let contents_at = match &self.header {
            Some(header) if is_masthead(header) => self
                .chrome
                .iter()
                .position(|line| is_contents_heading(&line.text)),
            _ => None,
        };
        let (above, contents) = self
            .chrome
            .split_at(contents_at.unwrap_or(self.chrome.len()));
        if self.header.is_some() && !above.is_empty() {
            for line in above {
                out.block(&line.text)?;
            }
            // Two blank lines: the last chrome line is not a title.
            out.f.write_char('\n')?;
        }
        if let Some(header) = &self.header {
            out.start()?;
            write_header(out.f, header, self.title.as_deref(), contents)?;
            // The parser takes a `By ...` line at most one blank line after
            // the header for the byline: a first block shaped like one
            // (when the header has no authors) goes two blank lines down.
            // The parser reads the byline from one line: ask of the first.
            if header.authors.is_empty()
                && self.first_after_header().is_some_and(|text| {
                    let first_line = text.split(['\n', '\r']).next().unwrap_or_default();
                    crate::grammar::byline(first_line).is_some()
                })
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
        if !self.notes.is_empty() || self.needs_empty_notes() {
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
    /// Whether an empty `Notes:` line is written after the body. It is
    /// where the article was parsed from a text that had one (the
    /// [`EmptyNotes`](crate::DiagnosticKind::EmptyNotes) diagnostic says
    /// so), and where the parser would read the body otherwise without
    /// one: a last paragraph shaped like a headline would be taken for the
    /// next headline, a paragraph reading `Notes` or a trailing run of
    /// numbered paragraphs would open the notes, and the lines of a lone
    /// hard-wrapped paragraph would come apart. A parsed article has the
    /// diagnostic in each of those cases, so these rules only decide for
    /// built ones.
    fn needs_empty_notes(&self) -> bool {
        if !self.notes.is_empty() {
            return false;
        }
        if self
            .diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::EmptyNotes)
        {
            return true;
        }
        if self.body.is_empty() {
            return false;
        }
        let texts: Vec<String> = self.body.iter().map(ToString::to_string).collect();
        // The parser joins the lines of a hard-wrapped paragraph only where
        // blank lines separate blocks: a lone block needs a second one.
        let lone_wrapped = texts.len() == 1
            && self.captions.is_empty()
            && self.footer.is_none()
            && self.next_headline.is_none()
            && texts.iter().any(|t| t.contains(['\n', '\r']));
        let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
        let opens_notes = crate::grammar::notes_start(&borrowed).is_some();
        let last_reads_as_headline = self.footer.is_none()
            && self.next_headline.is_none()
            && texts.len() > 1
            && texts.last().is_some_and(|text| {
                !text.contains(['\n', '\r']) && crate::grammar::is_headline(text)
            });
        lone_wrapped || opens_notes || last_reads_as_headline
    }

    /// `Notes:`, or `Endnotes:` when the title reads `Notes:` (a line equal
    /// to the title would be taken for a caption).
    fn notes_heading(&self) -> &'static str {
        match &self.title {
            Some(title) if title.trim().eq_ignore_ascii_case(note::HEADING) => note::OTHER_HEADING,
            _ => note::HEADING,
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

/// Whether `header` is written as a PDF masthead: no publication, a
/// stated date, volume and issue.
fn is_masthead(header: &Header<'_>) -> bool {
    header.publication.is_none()
        && header.date.is_some()
        && header.volume.is_some()
        && header.issue.is_some()
}

/// The title, header (a masthead with its table of `contents`, one line
/// each) and byline, without a final line break.
fn write_header(
    f: &mut Formatter<'_>,
    header: &Header<'_>,
    title: Option<&str>,
    contents: &[Line<'_>],
) -> fmt::Result {
    let publication = header.publication.as_deref().map(str::trim);
    let byline_after = |f: &mut Formatter<'_>| -> fmt::Result {
        if !header.authors.is_empty() {
            write!(f, "\n{}", byline(&header.authors))?;
        }
        Ok(())
    };
    match (publication, header.date, header.volume, header.issue) {
        (Some(_), Some(date), _, Some(_)) => {
            // The date glued to the issue number, as the publisher's own
            // site prints it. A `Publication:` line: read back, it wins
            // over any other layout, where a line of chrome above or a
            // `Publication:` line below could take a dated layout's place.
            if let Some(title) = title {
                writeln!(f, "{}", title.trim())?;
            }
            write!(f, "{header}{}", StatedDate(date))?;
            byline_after(f)
        }
        (None, Some(date), Some(volume), Some(issue)) => {
            // A PDF masthead. The title goes after it (and its table of
            // contents), where a masthead's title is read, when it has the
            // shape the parser looks for there; else above it, where any
            // title reads back (and a line after the masthead would not be
            // one). The byline after both; then a blank line more, so that
            // the first block is not taken for the title.
            let title_after = title.filter(|t| crate::grammar::is_masthead_title(t.trim()));
            if let Some(title) = title.filter(|_| title_after.is_none()) {
                writeln!(f, "{}", title.trim())?;
            }
            let month = date.month().to_string().to_uppercase();
            write!(
                f,
                "{} {} • {} {issue} • {month} {}, {:04}",
                VOLUME.to_uppercase(),
                roman::write(volume),
                ISSUE.to_uppercase(),
                date.day(),
                date.year()
            )?;
            for line in contents {
                write!(f, "\n{}", line.text.trim())?;
            }
            // The table of contents runs to the next blank line: what
            // follows it goes after one.
            let after_contents = if contents.is_empty() { "" } else { "\n" };
            if let Some(title) = title_after {
                write!(f, "{after_contents}\n{}", title.trim())?;
            } else if !header.authors.is_empty() {
                f.write_str(after_contents)?;
            }
            byline_after(f)?;
            f.write_char('\n')
        }
        (None, Some(date), _, _) => {
            // A page that states its own date: the title, the date line,
            // the byline (which reads as one after the date whatever the
            // title looks like).
            if let Some(title) = title {
                writeln!(f, "{}", title.trim())?;
            }
            write!(f, "{}, {}", date.weekday(), StatedDate(date))?;
            byline_after(f)
        }
        _ => {
            if let Some(title) = title {
                writeln!(f, "{}", title.trim())?;
            }
            write!(f, "{header}")?;
            byline_after(f)
        }
    }
}

/// `August 1, 2006`: a date as headers state it.
struct StatedDate(time::Date);

impl Display for StatedDate {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let date = self.0;
        write!(f, "{} {}, {:04}", date.month(), date.day(), date.year())
    }
}

/// `By A, B and C`, or `By: ...` when the names would not read back after a
/// bare `By `.
pub(crate) fn byline<S: AsRef<str>>(authors: &[S]) -> String {
    let names = join_names(authors.iter().map(AsRef::as_ref));
    let [by, _] = BYLINE;
    let plain = format!("{by}{names}");
    let reads_back = crate::grammar::byline(&plain).is_some_and(|parsed| {
        parsed.len() == authors.len() && parsed.iter().zip(authors).all(|(p, a)| *p == a.as_ref())
    });
    if reads_back {
        plain
    } else {
        format!("{BYLINE_COLON} {names}")
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
        write!(
            f,
            "{PUBLICATION} {}",
            self.publication.as_deref().unwrap_or_default().trim()
        )?;
        if let Some(volume) = self.volume {
            write!(f, " {VOLUME}: {volume}")?;
        }
        if let Some(issue) = self.issue {
            write!(f, " {ISSUE}: {issue}")?;
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
