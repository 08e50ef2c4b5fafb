//! Where one article of an archive ends and the next begins.
//!
//! An article begins at its header — a `Publication:` line or another
//! site's layout — with the title line and site chrome before it. Read
//! backwards from a header: at most one blank line up, a line in a title's
//! shape is the title (the previous article's "next headline" teaser is
//! the next article's title); above it, lines of known chrome belong to the
//! new article too. A footer ends its article: the blocks after its last
//! block with a footer cue go to the next article, as chrome. The first
//! header never splits: what stands before it is the first article's, as
//! [`parse`](super::parse) reads a text of one article.
//!
//! One pass over the lines, holding one line of lookahead: linear in the
//! text, whatever the number of articles.

use super::lines::{Lines, TrimmedLine};
use super::{header, layouts, shapes};
use crate::vocab;

/// The lines a header layout needs to be seen: a publication line and the
/// dated line under it.
const LOOKAHEAD: usize = 2;

/// The offsets where the second and later articles of a text begin.
#[derive(Debug, Clone)]
pub(crate) struct Boundaries<'a> {
    lines: Lines<'a>,
    /// The line being looked at, and the lookahead after it.
    window: Vec<TrimmedLine<'a>>,
    headers: usize,
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
            window: Vec::with_capacity(LOOKAHEAD),
            headers: 0,
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
        } else if vocab::header::CHROME.contains(&line.text) {
            self.chrome_after_content.get_or_insert(line.start);
        } else {
            self.content_after_sentence = self.chrome_after_content.is_none()
                && self.blanks_after_content <= 1
                && self
                    .last_content
                    .is_some_and(|before| finishes_paragraph(before.text));
            self.chrome_before_content = self.chrome_after_content.take();
            self.last_content = Some(line);
            self.blanks_after_content = 0;
        }
    }

    fn starts_article(&self) -> bool {
        self.window
            .first()
            .is_some_and(|line| header::is_header_line(line.text))
            || layouts::starts_at(&self.window, 0)
    }
}

impl Iterator for Boundaries<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            while self.window.len() < LOOKAHEAD {
                match self.lines.next() {
                    Some(line) => self.window.push(line),
                    None => break,
                }
            }
            if self.window.is_empty() {
                return None;
            }
            let starts = self.starts_article();
            let line = self.window.remove(0);
            if !starts {
                self.read(line);
                continue;
            }
            let start = self.start_before(&line);
            self.headers += 1;
            self.new_article();
            self.read(line);
            if self.headers > 1 {
                return Some(start);
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
            .map(|at| text[at..].lines().next().unwrap_or_default())
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
}
