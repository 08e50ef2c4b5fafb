//! The two comparators measured beside `bulletin` on the same bytes.
//!
//! - [`floor`]: a `memchr3` scan for the bytes any parser of this format
//!   must look at (`\n`, `(`, `[`). Nothing can be faster and still read
//!   the structure; it is the yardstick for "memory speed".
//! - [`RegexExtractor`]: what a Rust user would write instead of a parser —
//!   a handful of regexes for the header, title, byline, paragraphs,
//!   citation-like parentheticals, notes and footer.

use regex::Regex;

/// How many `\n`, `(` and `[` bytes `text` holds.
pub fn floor(text: &str) -> usize {
    memchr::memchr3_iter(b'\n', b'(', b'[', text.as_bytes()).count()
}

/// The fields a regex script pulls out of one article, borrowed.
#[derive(Debug, Default)]
pub struct Extracted<'a> {
    pub title: Option<&'a str>,
    pub publication: Option<&'a str>,
    pub volume: Option<u32>,
    pub issue: Option<u32>,
    pub byline: Option<&'a str>,
    pub paragraphs: Vec<&'a str>,
    pub citations: Vec<&'a str>,
    pub notes: Vec<&'a str>,
    pub footer: Option<&'a str>,
    pub copyright: Option<&'a str>,
}

/// The compiled regexes (compiled once, outside the timed loop).
pub struct RegexExtractor {
    header: Regex,
    byline: Regex,
    paragraph_break: Regex,
    citation: Regex,
    note: Regex,
    footer: Regex,
    copyright: Regex,
}

impl Default for RegexExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl RegexExtractor {
    pub fn new() -> Self {
        let month = "(?:January|February|March|April|May|June|July|August|September|\
                     October|November|December)";
        let build = |re: &str| Regex::new(re).expect("the comparator's regexes are valid");
        RegexExtractor {
            header: build(
                r"(?m)^[ \t]*Publication:[ \t]*(.+?)(?:[ \t]+Volume:[ \t]*(\d+))?(?:[ \t]+Issue:[ \t]*(\d+))?[ \t]*\r?$",
            ),
            byline: build(r"^\s*By:?[ \t]*([^\r\n]*)"),
            paragraph_break: build(r"\r?\n(?:[ \t]*\r?\n)*"),
            citation: build(&format!(
                r"\((?:[^()]*?(?:{month}\s+\d{{1,2}}|{month},?\s+\d{{4}}|see [^()]*|https?://[^()\s]+)[^()]*|\d{{1,3}})\)"
            )),
            note: build(r"^\s*(?:\d{1,3}[.)]|\[\d{1,3}\])\s+(.+)$"),
            footer: build(
                r"(?s)(?:[^\n]* is a publication of |Unauthorized reproduction|Copyright|©).*$",
            ),
            copyright: build(r"(?:Copyright\s*(?:\([cC]\))?|©)\s*(\d{4})(?:\s*[-–]\s*(\d{4}))?"),
        }
    }

    /// Pulls the fields out of `text`.
    pub fn extract<'a>(&self, text: &'a str) -> Extracted<'a> {
        let mut out = Extracted::default();
        let mut body = text;
        if let Some(h) = self.header.captures(text) {
            let whole = h.get(0).map_or(0..0, |m| m.range());
            out.publication = h.get(1).map(|m| m.as_str());
            out.volume = h.get(2).and_then(|m| m.as_str().parse().ok());
            out.issue = h.get(3).and_then(|m| m.as_str().parse().ok());
            out.title = text[..whole.start]
                .lines()
                .rev()
                .map(str::trim)
                .find(|l| !l.is_empty());
            body = &text[whole.end..];
            if let Some(b) = self.byline.captures(body) {
                out.byline = b.get(1).map(|m| m.as_str());
                body = &body[b.get(0).map_or(0, |m| m.end())..];
            }
        }
        if let Some(f) = self.footer.find(body) {
            out.footer = Some(f.as_str());
            out.copyright = self.copyright.find(f.as_str()).map(|m| m.as_str());
            body = &body[..f.start()];
        }
        for block in self.paragraph_break.split(body) {
            let block = block.trim();
            if block.is_empty() {
                continue;
            }
            if let Some(n) = self.note.captures(block) {
                out.notes.extend(n.get(1).map(|m| m.as_str()));
                continue;
            }
            out.citations
                .extend(self.citation.find_iter(block).map(|m| m.as_str()));
            out.paragraphs.push(block);
        }
        out
    }
}
