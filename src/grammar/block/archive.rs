//! Where one article of an archive ends and the next begins.
//!
//! An article begins at its header — a `Publication:` line or another
//! site's layout — with the title line and site chrome before it. Read
//! backwards from a header: at most one blank line up, a line in a title's
//! shape is the title (see [`shapes::is_title_shaped`] for how it is told
//! from the article before's "next headline" teaser); above it, lines of
//! known chrome (and a mail header with its subject line) belong to the new
//! article too. A footer ends its article: the blocks after its last block
//! with a footer cue go to the next article, as chrome. The first header
//! never splits: what stands before it is the first article's, as
//! [`parse`](super::parse) reads a text of one article.
//!
//! Under a PDF masthead, which states volume, issue and date but no
//! publication, each article is a title in capitals or Title Case over a
//! byline, and inherits the masthead's header.
//!
//! One pass over the lines, with a few lines of lookahead: linear in the
//! text, whatever the number of articles.

use super::byline::byline;
use super::lines::{Lines, TrimmedLine};
use super::{header, layouts, shapes};
use crate::vocab;

/// Where an article of an archive begins, and whether it has a header of
/// its own or inherits the masthead's above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Start {
    pub at: usize,
    pub inherits: bool,
}

/// The starts of the second and later articles of a text.
#[derive(Debug, Clone)]
pub(crate) struct Boundaries<'a> {
    lines: Lines<'a>,
    /// The line being looked at, and the lookahead after it.
    window: Vec<TrimmedLine<'a>>,
    headers: usize,
    /// Lines of the header just found still to be read, which start no
    /// article (a repost's date line, a masthead's table of contents).
    in_header: usize,
    /// Whether the current article stands under a PDF masthead, and has
    /// run into its paragraphs.
    under_masthead: bool,
    paragraphs: bool,
    /// The last line that is neither blank nor chrome, and the blank lines
    /// after it; whether that line follows a sentence's end closely.
    last_content: Option<TrimmedLine<'a>>,
    blanks_after_content: usize,
    content_after_sentence: bool,
    /// The first chrome line after the last content line, and the first
    /// chrome line of the run before it.
    chrome_after_content: Option<usize>,
    chrome_before_content: Option<usize>,
    footer: FooterTail,
}

/// What follows a footer: where the blocks without a footer cue start.
#[derive(Debug, Clone, Copy, Default)]
struct FooterTail {
    started: bool,
    /// Where the block being read starts, and whether it holds a cue.
    block_start: Option<usize>,
    block_has_cue: bool,
    /// The first block after the last block with a cue.
    after_footer: Option<usize>,
}

impl FooterTail {
    fn line(&mut self, line: &TrimmedLine<'_>) {
        if line.is_blank() {
            self.end_block();
            return;
        }
        if !self.started && vocab::footer::starts_footer(line.text) {
            self.started = true;
        }
        if !self.started {
            return;
        }
        self.block_start.get_or_insert(line.start);
        if !self.block_has_cue && vocab::footer::has_cue(line.text) {
            self.block_has_cue = true;
        }
    }

    fn end_block(&mut self) {
        if let Some(start) = self.block_start.take() {
            if self.block_has_cue {
                self.after_footer = None;
            } else {
                self.after_footer.get_or_insert(start);
            }
        }
        self.block_has_cue = false;
    }
}

impl<'a> Boundaries<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        Boundaries {
            lines: Lines::new(input, 0, input.len()),
            window: Vec::with_capacity(layouts::MAX_LINES),
            headers: 0,
            in_header: 0,
            under_masthead: false,
            paragraphs: false,
            last_content: None,
            blanks_after_content: 0,
            content_after_sentence: false,
            chrome_after_content: None,
            chrome_before_content: None,
            footer: FooterTail::default(),
        }
    }

    /// Where the article whose header starts at `line` begins.
    fn start_before(&mut self, line: &TrimmedLine<'a>) -> usize {
        let title = self.last_content.filter(|t| {
            self.blanks_after_content <= 1
                && self.chrome_after_content.is_none()
                && shapes::is_title_shaped(
                    t.text,
                    self.blanks_after_content,
                    self.content_after_sentence,
                )
        });
        let start = match title {
            Some(title) => self.chrome_before_content.unwrap_or(title.start),
            None => self.chrome_after_content.unwrap_or(line.start),
        };
        self.footer.end_block();
        match self.footer.after_footer {
            Some(after) if after < start => after,
            _ => start,
        }
    }

    /// Forgets what was read of the article before.
    fn new_article(&mut self) {
        self.paragraphs = false;
        self.last_content = None;
        self.blanks_after_content = 0;
        self.content_after_sentence = false;
        self.chrome_after_content = None;
        self.chrome_before_content = None;
        self.footer = FooterTail::default();
    }

    /// Takes in a line that starts no article.
    fn read(&mut self, line: TrimmedLine<'a>) {
        self.footer.line(&line);
        if line.is_blank() {
            self.blanks_after_content += 1;
        } else if vocab::header::CHROME.contains(&line.text)
            || vocab::header::is_mail_field(line.text)
        {
            // A mail header's subject line sits right above it: chrome too.
            let subject = self.last_content.filter(|_| {
                vocab::header::is_mail_field(line.text)
                    && self.blanks_after_content == 0
                    && self.chrome_after_content.is_none()
            });
            if let Some(subject) = subject {
                self.last_content = None;
                self.chrome_after_content = Some(subject.start);
            }
            self.chrome_after_content.get_or_insert(line.start);
        } else {
            self.content_after_sentence = self.chrome_after_content.is_none()
                && self.blanks_after_content <= 1
                && self
                    .last_content
                    .is_some_and(|before| finishes_paragraph(before.text));
            self.chrome_before_content = self.chrome_after_content.take();
            // A finished sentence, not a title, a byline or an entry of a
            // table of contents (`Talks Stall ........ 4`).
            if finishes_paragraph(line.text)
                && !shapes::is_title_shaped(line.text, 1, false)
                && byline(line.text).is_none()
            {
                self.paragraphs = true;
            }
            self.last_content = Some(line);
            self.blanks_after_content = 0;
        }
    }

    /// How an article starts at the first line of the window, if one does:
    /// at a header (a masthead among them), or under a masthead at a title
    /// over a byline once the article before has run into its paragraphs.
    /// With the kind, the number of lines the header spans.
    fn starts_article(&self) -> Option<(Kind, usize)> {
        let line = self.window.first()?;
        if header::is_header_line(line.text) {
            return Some((Kind::Header, 1));
        }
        if let Some(lines) = layouts::starts_at(&self.window, 0) {
            let masthead = layouts::is_masthead(&self.window, 0);
            let kind = if masthead {
                Kind::Masthead
            } else {
                Kind::Header
            };
            return Some((kind, lines));
        }
        let titled = self.under_masthead
            && self.paragraphs
            && shapes::is_title_shaped(line.text, 1, false)
            && byline(line.text).is_none()
            && self
                .window
                .iter()
                .skip(1)
                .take(2)
                .find(|l| !l.is_blank())
                .is_some_and(|by| byline(by.text).is_some());
        titled.then_some((Kind::UnderMasthead, 1))
    }
}

/// How an article begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// At a header of its own.
    Header,
    /// At a PDF masthead: the articles after it, until the next header,
    /// stand under it.
    Masthead,
    /// At its title, under the masthead of the article before.
    UnderMasthead,
}

impl Iterator for Boundaries<'_> {
    type Item = Start;

    fn next(&mut self) -> Option<Start> {
        loop {
            while self.window.len() < layouts::MAX_LINES {
                match self.lines.next() {
                    Some(line) => self.window.push(line),
                    None => break,
                }
            }
            if self.window.is_empty() {
                return None;
            }
            let found = if self.in_header > 0 {
                self.in_header -= 1;
                None
            } else {
                self.starts_article()
            };
            let line = self.window.remove(0);
            let Some((kind, header_lines)) = found else {
                self.read(line);
                continue;
            };
            self.in_header = header_lines - 1;
            let at = if kind == Kind::UnderMasthead {
                line.start
            } else {
                self.start_before(&line)
            };
            self.headers += 1;
            self.under_masthead = kind != Kind::Header;
            self.new_article();
            self.read(line);
            if self.headers > 1 {
                return Some(Start {
                    at,
                    inherits: kind == Kind::UnderMasthead,
                });
            }
        }
    }
}

/// Whether `text` reads as the end of a paragraph: a sentence's end, or a
/// closing citation after it (`... the minister said (Interfax, May 3)`).
fn finishes_paragraph(text: &str) -> bool {
    shapes::ends_sentence(text) || text.ends_with(')')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str) -> Vec<&str> {
        Boundaries::new(text)
            .map(|start| text[start.at..].lines().next().unwrap_or_default())
            .collect()
    }

    #[test]
    fn articles_begin_at_their_title_or_header() {
        let text = "Publication: Monitor Volume: 1 Issue: 2\n\nText one.\n\n\
                    SECOND TITLE\n\nPublication: Monitor Volume: 1 Issue: 3\n\nText two\n\
                    THIRD TITLE\nPublication: Monitor Volume: 1 Issue: 4\n\nText three.\n\
                    Publication: Monitor Volume: 1 Issue: 5\n";
        assert_eq!(
            starts(text),
            [
                "SECOND TITLE",
                "THIRD TITLE",
                "Publication: Monitor Volume: 1 Issue: 5"
            ]
        );
    }

    #[test]
    fn a_teaser_right_above_a_header_stays_with_its_article() {
        let text = "Publication: Monitor Volume: 1 Issue: 2\n\nText one.\n\n\
                    Armenia Weighs New Gas Terms.\nPublication: Monitor Volume: 1 Issue: 3\n";
        assert_eq!(starts(text), ["Publication: Monitor Volume: 1 Issue: 3"]);
    }

    #[test]
    fn chrome_before_a_title_and_text_after_a_footer_go_with_the_next_article() {
        let text = "Publication: Monitor Volume: 1 Issue: 2\n\nText one.\n\n\
                    Copyright (c) 2001 The Example Foundation\n\nShare this page\n\n\
                    Placeholder canvas\n\n\nSECOND TITLE\n\nPublication: Monitor Volume: 1 Issue: 3\n";
        assert_eq!(starts(text), ["Share this page"]);
        let text = "Publication: Monitor Volume: 1 Issue: 2\n\nText one.\n\n\
                    Placeholder canvas\n\n\nSECOND TITLE\n\nPublication: Monitor Volume: 1 Issue: 3\n";
        assert_eq!(starts(text), ["Placeholder canvas"]);
    }

    #[test]
    fn a_sentence_before_a_header_is_no_title() {
        let text = "Publication: Monitor Volume: 1 Issue: 2\n\nThe talks went on into the\n\
                    Publication: Monitor Volume: 1 Issue: 3\n";
        assert_eq!(starts(text), ["Publication: Monitor Volume: 1 Issue: 3"]);
    }

    #[test]
    fn a_mail_header_and_its_subject_open_a_repost() {
        let text = "Publication: Monitor Volume: 1 Issue: 2\n\nText one.\n\n\
                    Example Foundation: TALKS RESUME\nFrom: someone Sent: 10/9/2005\n\
                    TALKS RESUME\nBy Anna Kovacs\nFriday, May 20, 2005\n\nText two.\n";
        assert_eq!(starts(text), ["Example Foundation: TALKS RESUME"]);
    }

    #[test]
    fn articles_under_a_masthead_begin_at_title_and_byline() {
        let text = "VOLUME XII • ISSUE 7 • APRIL 2, 2015\n\nIN THIS ISSUE:\nHarbor Talks ... 1\n\n\
                    HARBOR TALKS STALL\nBy Anna Kovacs\n\nThe talks stalled.\n\n\
                    CONVOY DELAYED AGAIN\nBy Piotr Lind\n\nThe convoy waited.\n";
        let found: Vec<Start> = Boundaries::new(text).collect();
        assert_eq!(found.len(), 1);
        assert!(found[0].inherits);
        assert!(text[found[0].at..].starts_with("CONVOY DELAYED AGAIN"));
    }
}
