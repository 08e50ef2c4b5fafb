//! A page that states its own date on a line of its own — a forum or
//! mailing-list repost, a dated blog copy — under its title and byline:
//!
//! ```text
//! Example Foundation: TALKS RESUME AT LAST
//! From: someone (Original Message) Sent: 10/9/2005
//! TALKS RESUME AT LAST
//! By Anna Kovacs
//! Friday, May 20, 2005
//! ```
//!
//! The lines above the title are chrome; the date is the issue's. Such a
//! page names no publication, volume or issue.

use time::Date;

use super::{next_content, stated_date};
use crate::grammar::block::byline::byline;
use crate::grammar::block::header::{FoundHeader, HeaderLine};
use crate::grammar::block::lines::TrimmedLine;
use crate::grammar::block::shapes::is_title_shaped;
use crate::vocab::header::MAX_TITLE_LEN;
use crate::vocab::{month, weekday};

/// The title, byline and date line starting at line `at`, or the date
/// line alone at `at`.
pub(super) fn dated_page<'a>(lines: &[TrimmedLine<'a>], at: usize) -> Option<FoundHeader<'a>> {
    let first = lines.get(at)?;
    // A title or a date opens the layout, and the date line comes within
    // the next few lines: most text has neither.
    if first.text.len() > MAX_TITLE_LEN
        || !(at..at + super::MAX_LINES)
            .filter_map(|i| lines.get(i))
            .any(|line| opens_with_date(line.text))
    {
        return None;
    }
    let (title, byline_line, date_at) = if date_line(first.text).is_some() {
        (None, None, at)
    } else {
        if byline(first.text).is_some() || !is_title_shaped(first.text, 1, false) {
            return None;
        }
        let (mut at_next, mut line) = next_content(lines, at + 1)?;
        let by = byline(line.text).is_some().then_some(line);
        if by.is_some() {
            (at_next, line) = next_content(lines, at_next + 1)?;
        }
        date_line(line.text)?;
        (Some(*first), by, at_next)
    };
    let date_line_at = lines.get(date_at)?;
    let date = date_line(date_line_at.text)?;
    let fields = HeaderLine {
        publication: None,
        publication_at: date_line_at.start,
        volume: None,
        issue: None,
        unread: None,
    };
    let span = byline_line.map_or(date_line_at.span(), |b| b.span().join(date_line_at.span()));
    let mut found = FoundHeader::new(at, date_at + 1, fields, span);
    found.date = Some(date);
    found.title = title;
    found.byline = byline_line;
    Some(found)
}

/// The longest date line: `Wednesday, September 30, 2009`, and room.
const MAX_DATE_LINE: usize = 40;

/// Whether `text` opens with a weekday or a month name, as a short date
/// line does.
pub(super) fn opens_with_date(text: &str) -> bool {
    if text.len() > MAX_DATE_LINE {
        return false;
    }
    let word = text.split([' ', ',']).next().unwrap_or_default();
    word.len() >= 3 && (month::number(word).is_some() || weekday::is_weekday(word))
}

/// A line that is a date and nothing else: `Friday, May 20, 2005`; as
/// short as [`opens_with_date`] asks, so that the quick test and the
/// reading agree on which lines are date lines.
fn date_line(text: &str) -> Option<Date> {
    if !opens_with_date(text.trim()) {
        return None;
    }
    match stated_date(text.trim()) {
        Ok(("", date)) => date,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::block::lines::split_lines;

    #[test]
    fn a_repost_states_its_date() {
        let text = "TALKS RESUME AT LAST\nBy Anna Kovacs\nFriday, May 20, 2005\n\nText.\n";
        let lines = split_lines(text, 0, text.len());
        let found = dated_page(&lines, 0).unwrap();
        assert_eq!(found.date.unwrap().to_string(), "2005-05-20");
        assert_eq!(found.title.unwrap().text, "TALKS RESUME AT LAST");
        assert_eq!(found.byline.unwrap().text, "By Anna Kovacs");
        assert_eq!(found.next, 3);
        assert!(dated_page(&lines, 1).is_none());
        assert!(dated_page(&lines, 2).is_some());
    }

    /// Found by the roundtrip fuzz target: a long line of a date padded
    /// with tabs was a date line after a title but not on its own, so the
    /// page read otherwise once rendered with a short date line.
    #[test]
    fn a_date_line_is_short() {
        let padded = format!("March 3,{} 2011", "\t".repeat(30));
        assert!(date_line(&padded).is_none());
        assert!(date_line("Thursday, March 3, 2011").is_some());
        let text = format!("{padded}\n\ng\n{padded}\n\nText.\n");
        let lines = split_lines(&text, 0, text.len());
        assert!(dated_page(&lines, 2).is_none());
    }

    #[test]
    fn prose_is_no_dated_page() {
        let text = "TALKS RESUME AT LAST\nThe talks resumed on May 20, 2005.\n";
        let lines = split_lines(text, 0, text.len());
        assert!(dated_page(&lines, 0).is_none());
    }
}
