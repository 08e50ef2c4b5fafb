//! Where one article of an archive ends and the next begins.
//!
//! An article begins at its header — a `Publication:` line or another
//! site's layout — with the title line and site chrome before it. Read
//! backwards from a header: at most one blank line up, a line in a title's
//! shape is the title (see [`shapes::is_title_shaped`] for how it is told
//! from the article before's "next headline" teaser); above it, lines of
//! known chrome (and a mail header with its subject line) belong to the new
//! article too. A footer ends its article: the blocks after its last block
//! with a footer cue go to the next article, as chrome ([`after_footer`],
//! asked of an article once parsed, since few have a footer). The first header
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

/// One article's part of the text: where it starts and ends, and its
/// lines, split once for the splitter and the parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment<'a> {
    pub start: Start,
    pub end: usize,
    pub lines: Vec<TrimmedLine<'a>>,
}

/// The articles' parts of a text, in order.
#[derive(Debug, Clone)]
pub(crate) struct Boundaries<'a> {
    input: &'a str,
    lines: Lines<'a>,
    /// Where the current article starts, and the lines read of it.
    start: Option<Start>,
    current: Vec<TrimmedLine<'a>>,
    /// The line being looked at, and the lookahead after it, with what
    /// each could be part of.
    window: Vec<TrimmedLine<'a>>,
    hints: Vec<layouts::Hint>,
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
}

/// Where the blocks of a footer that hold no footer cue start, after the
/// last block that holds one: in an archive, what follows a footer is the
/// next article's (chrome). `lines` are the footer's lines.
pub(crate) fn after_footer<'a>(lines: impl Iterator<Item = TrimmedLine<'a>>) -> Option<usize> {
    let mut after = None;
    let mut block: Option<(usize, bool)> = None;
    let end_block = |block: &mut Option<(usize, bool)>, after: &mut Option<usize>| {
        if let Some((start, cue)) = block.take() {
            if cue {
                *after = None;
            } else {
                after.get_or_insert(start);
            }
        }
    };
    for line in lines {
        if line.is_blank() {
            end_block(&mut block, &mut after);
            continue;
        }
        let (_, cue) = block.get_or_insert((line.start, false));
        if !*cue && vocab::footer::has_cue(line.text) {
            *cue = true;
        }
    }
    end_block(&mut block, &mut after);
    after
}

impl<'a> Boundaries<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        Boundaries {
            input,
            lines: Lines::new(input, 0, input.len()),
            start: Some(Start {
                at: 0,
                inherits: false,
            }),
            current: Vec::with_capacity(64),
            window: Vec::with_capacity(layouts::MAX_LINES),
            hints: Vec::with_capacity(layouts::MAX_LINES),
            headers: 0,
            in_header: 0,
            under_masthead: false,
            paragraphs: false,
            last_content: None,
            blanks_after_content: 0,
            content_after_sentence: false,
            chrome_after_content: None,
            chrome_before_content: None,
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
                // A line that cites a source is a paragraph.
                && !crate::grammar::inline::cites_sources(t.text)
        });
        match title {
            Some(title) => self.chrome_before_content.unwrap_or(title.start),
            None => self.chrome_after_content.unwrap_or(line.start),
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
    }

    /// Takes in a line that starts no article.
    fn read(&mut self, line: TrimmedLine<'a>) {
        self.current.push(line);
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
            if self.under_masthead
                && finishes_paragraph(line.text)
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
        if !layouts::could_start(&self.hints) {
            return self.under_masthead_title();
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
        self.under_masthead_title()
    }

    /// Under a masthead, a title over a byline once the article before has
    /// run into its paragraphs.
    fn under_masthead_title(&self) -> Option<(Kind, usize)> {
        let line = self.window.first()?;
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

impl<'a> Iterator for Boundaries<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        loop {
            while self.window.len() < layouts::MAX_LINES {
                match self.lines.next() {
                    Some(line) => {
                        self.hints.push(layouts::Hint::of(&line));
                        self.window.push(line);
                    }
                    None => break,
                }
            }
            if self.window.is_empty() {
                // The text's end ends the last article.
                let start = self.start.take()?;
                return Some(Segment {
                    start,
                    end: self.input.len(),
                    lines: std::mem::take(&mut self.current),
                });
            }
            let found = if self.in_header > 0 {
                self.in_header -= 1;
                None
            } else {
                self.starts_article()
            };
            let line = self.window.remove(0);
            self.hints.remove(0);
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
            let next = Start {
                at,
                inherits: kind == Kind::UnderMasthead,
            };
            self.new_article();
            if self.headers > 1 {
                // The lines from `at` on (title, chrome) open the next
                // article; `current` keeps its room for them.
                let keep = self.current.partition_point(|l| l.start < at);
                let finished: Vec<TrimmedLine<'a>> = self.current.drain(..keep).collect();
                self.read(line);
                let start = self.start.replace(next)?;
                return Some(Segment {
                    start,
                    end: at,
                    lines: finished,
                });
            }
            // The first header: what stands before it is the first
            // article's.
            self.read(line);
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

    /// The first line of each article after the first.
    fn starts(text: &str) -> Vec<&str> {
        Boundaries::new(text)
            .skip(1)
            .map(|segment| text[segment.start.at..].lines().next().unwrap_or_default())
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
        let text = "Copyright (c) 2001 The Example Foundation\n\nShare this page\n\nMore\n";
        let lines = super::super::lines::Lines::new(text, 0, text.len());
        assert_eq!(after_footer(lines), text.find("Share"));
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
        let found: Vec<Start> = Boundaries::new(text).skip(1).map(|s| s.start).collect();
        assert_eq!(found.len(), 1);
        assert!(found[0].inherits);
        assert!(text[found[0].at..].starts_with("CONVOY DELAYED AGAIN"));
    }
}
