//! The publisher's header rewritten by other sites:
//!
//! ```text
//! Talks Resume at Last; Terrorism Monitor Volume: 20 Issue: 11
//!
//! Eurasia Daily Monitor
//! Tuesday, August 1, 2006 -- Volume 3, Issue 148
//! TALKS RESUME AT LAST
//! by Anna Kovacs
//! ```

use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while1},
    character::complete::{char, digit1, space0, space1},
};
use time::Date;

use super::stated_date;
use crate::grammar::block::byline::byline;
use crate::grammar::block::header::{FoundHeader, HeaderLine, Number, field_start, named_fields};
use crate::grammar::block::lines::TrimmedLine;
use crate::grammar::block::shapes::is_title_case;
use crate::vocab::dash;
use crate::vocab::header::{ISSUE, MAX_PUBLICATION_LEN, MAX_TITLE_LEN, VOLUME};

/// `Title; Publication Volume: N Issue: M` on one line.
pub(super) fn title_semicolon<'a>(at: usize, line: &TrimmedLine<'a>) -> Option<FoundHeader<'a>> {
    let text = line.text;
    let volume_at = text.find(" Volume:").or_else(|| text.find(" Issue:"))?;
    let split = text[..volume_at].rfind("; ")?;
    let fields = named_fields(text, split + 2);
    let fields_end = [&fields.volume, &fields.issue]
        .into_iter()
        .flatten()
        .map(|n| n.at + n.digits.len())
        .max()?;
    if !text[fields_end..].trim().is_empty() || !fields.publication.is_some_and(is_title_case) {
        return None;
    }
    let title = text[..split].trim();
    // The renderer puts the title on a line of its own, where a longer one
    // would not be read as a title.
    if title.len() > MAX_TITLE_LEN {
        return None;
    }
    let lead = text.len() - text.trim_start().len();
    let mut found = FoundHeader::new(at, at + 1, fields.shifted(line.start), line.span());
    found.title = (!title.is_empty()).then_some(TrimmedLine {
        text: &text[lead..lead + title.len()],
        start: line.start + lead,
    });
    Some(found)
}

/// A publication line, then `Weekday, Month D, YYYY -- Volume N, Issue M`,
/// then the title (unless the byline comes first).
pub(super) fn dated<'a>(lines: &[TrimmedLine<'a>], at: usize) -> Option<FoundHeader<'a>> {
    let date_line = lines.get(at + 1)?;
    let name_line = lines.get(at)?;
    let publication = name_line.text;
    // A name holding `Volume:` or `Issue:` would be cut there when written
    // as a `Publication:` line.
    if publication.is_empty()
        || publication.len() > MAX_PUBLICATION_LEN
        || publication.ends_with('.')
        || field_start(publication).is_some()
    {
        return None;
    }
    let (_, (date, volume, issue)) = dated_line(date_line.text).ok()?;
    let number = |digits: &'a str| Number {
        digits,
        at: date_line.start + (digits.as_ptr() as usize - date_line.text.as_ptr() as usize),
    };
    let fields = HeaderLine {
        publication: Some(publication),
        publication_at: name_line.span().start,
        volume: Some(number(volume)),
        issue: Some(number(issue)),
        unread: None,
    };
    let mut next = at + 2;
    let title = lines
        .get(next)
        .filter(|l| !l.is_blank() && l.text.len() <= MAX_TITLE_LEN && byline(l.text).is_none())
        .map(|l| TrimmedLine {
            text: l.text,
            start: l.span().start,
        });
    if title.is_some() {
        next += 1;
    }
    let mut found = FoundHeader::new(at, next, fields, name_line.span().join(date_line.span()));
    found.date = date;
    found.title = title;
    Some(found)
}

/// `Tuesday, August 1, 2006 -- Volume 3, Issue 148`: the date (`None` if it
/// does not exist), and the digits of volume and issue.
fn dated_line(input: &str) -> IResult<&str, (Option<Date>, &str, &str)> {
    let (input, _) = space0(input)?;
    let (input, date) = stated_date(input)?;
    let (input, _) = (space0, take_while1(dash::is_range), space0).parse(input)?;
    let (input, _) = (tag(VOLUME), space1).parse(input)?;
    let (input, volume) = digit1(input)?;
    let (input, _) = (char(','), space0, tag(ISSUE), space1).parse(input)?;
    let (input, issue) = digit1(input)?;
    let (input, _) = space0(input)?;
    if !input.is_empty() {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Eof,
        )));
    }
    Ok((input, (date, volume, issue)))
}

#[cfg(test)]
mod tests {
    use crate::grammar::block::layouts::locate;
    use crate::grammar::block::lines::{TrimmedLine, split_lines};

    fn lines(text: &str) -> Vec<TrimmedLine<'_>> {
        split_lines(text, 0, text.len())
    }

    #[test]
    fn title_then_semicolon() {
        let lines = lines("Talks Resume at Last; Terrorism Monitor Volume: 20 Issue: 11\n");
        let found = locate(&lines).unwrap();
        assert_eq!(found.fields.publication, Some("Terrorism Monitor"));
        assert_eq!(found.title.unwrap().text, "Talks Resume at Last");
        assert_eq!(found.fields.issue.unwrap().value(), Ok(11));
    }

    #[test]
    fn dated_header() {
        let text = "Eurasia Daily Monitor\nTuesday, August 1, 2006 -- Volume 3, Issue 148\nTALKS RESUME AT LAST\nby Anna Kovacs\n";
        let lines = lines(text);
        let found = locate(&lines).unwrap();
        assert_eq!(found.fields.publication, Some("Eurasia Daily Monitor"));
        assert_eq!(found.date.unwrap().to_string(), "2006-08-01");
        assert_eq!(found.fields.volume.unwrap().value(), Ok(3));
        assert_eq!(found.title.unwrap().text, "TALKS RESUME AT LAST");
        assert_eq!(found.next, 3);
    }

    #[test]
    fn prose_is_not_a_header() {
        let lines =
            lines("We met on May 1; the Volume: 3 was sold.\nOn Monday, May 1, 2006 -- nothing.\n");
        assert!(locate(&lines).is_none());
    }
}
