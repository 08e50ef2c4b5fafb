//! The inside of a parenthetical: source groups, cross-references, URLs,
//! note markers.
//!
//! A parenthetical is a citation only when every `;`-separated group has
//! the shape of one: outlets followed by a date list, a `see ...`
//! cross-reference, or (alone) a URL or a note number. Everything else —
//! acronyms, asides, vote counts, a date on its own — is prose.
//!
//! The grammar is one pass: [`tokens`] finds the separators, clauses and
//! quotes once, and a [`Reader`] goes forward over them, reading each
//! group's date list with the nom items of [`date`] from the first comma
//! that starts one. Where a list ends decides the rest: at the end of the
//! part, at a clause (`, translated by `, `, as cited by `), or at a comma
//! no date follows, where the next group runs on without a `;`. No comma
//! is tried twice, so a parenthetical costs time in proportion to its
//! length, however its commas fall.

use std::borrow::Cow;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::tag,
    character::complete::{digit1, space0, space1},
    combinator::{opt, recognize},
};

use super::date;
use super::tokens::{self, Mark, Quotes, Stop};
use crate::ast::{Citation, CitedDate, CrossReference, Group, MarkerStyle, SourceGroup};
use crate::resolve::DateContext;
use crate::vocab::citation::{
    ALSO, CLOSING_QUOTES, HOUSE_PUBLICATIONS, ISSUE_NUMBER, MAX_BARE_TARGET_WORDS, MAX_LEN,
    MAX_NAME_LEN, MAX_NAME_WORDS, MAX_TARGET_LEN, QUOTES, SEE, TOPIC, TOPIC_END, clause,
    clause_len,
};
use crate::vocab::{ARTICLE, month, note, without_article};

/// A whole raw citation, brackets included: `(Interfax, March 3)`, `[7]`.
pub(crate) fn parse_bracketed<'a>(raw: &'a str, ctx: &DateContext) -> Option<Citation<'a>> {
    if raw.len() > MAX_LEN {
        return None;
    }
    if let Some(inner) = raw.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return note_number(inner).map(|number| Citation::NoteMarker {
            number,
            style: MarkerStyle::Bracket,
        });
    }
    let inner = raw.strip_prefix('(')?.strip_suffix(')')?;
    parse_inner(inner, ctx)
}

/// The inside of a parenthetical, brackets stripped.
pub(crate) fn parse_inner<'a>(inner: &'a str, ctx: &DateContext) -> Option<Citation<'a>> {
    if let Some(number) = note_number(inner) {
        return Some(Citation::NoteMarker {
            number,
            style: MarkerStyle::Paren,
        });
    }
    if let Some(url) = url_alone(inner) {
        return Some(Citation::Url {
            url: Cow::Borrowed(url),
        });
    }
    groups(inner, ctx).map(|groups| Citation::Sources { groups })
}

/// A numbered note's text as a citation, when it has the shape of one:
/// `Itar-Tass, October 31`, `Interfax, October 30 and 31.`
pub(crate) fn parse_note<'a>(text: &'a str, ctx: &DateContext) -> Option<Citation<'a>> {
    if text.len() > MAX_LEN {
        return None;
    }
    let text = text.trim();
    let text = text.strip_suffix('.').unwrap_or(text);
    if let Some(url) = url_alone(text) {
        return Some(Citation::Url {
            url: Cow::Borrowed(url),
        });
    }
    groups(text, ctx).map(|groups| Citation::Sources { groups })
}

/// `7` in `(7)` or `[7]`, by the note-number rule.
fn note_number(inner: &str) -> Option<u32> {
    note::number(inner.trim())
}

/// The URL or bare domain that is the whole of `text`, if it is one.
fn url_alone(text: &str) -> Option<&str> {
    let text = text.trim();
    is_url_like(text).then_some(text)
}

/// `https://...`, `www.example.org/...` or `example.ru`: no spaces, and a
/// scheme, a `www.` or a lowercase top-level domain.
pub(crate) fn is_url_like(text: &str) -> bool {
    if text.is_empty() || text.contains(char::is_whitespace) {
        return false;
    }
    if text.starts_with("http://") || text.starts_with("https://") {
        return text.len() > "https://".len();
    }
    let host = text.split('/').next().unwrap_or_default();
    // `www.ru` is a whole domain: after `www.` one label will do.
    let (host, www) = match host.strip_prefix("www.") {
        Some(rest) => (rest, true),
        None => (host, false),
    };
    let (names, tld) = match host.rsplit_once('.') {
        Some((names, tld)) => (Some(names), tld),
        None => (None, host),
    };
    let names_ok = names.map_or(www, |names| {
        names.split('.').all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        })
    });
    names_ok && (2..=6).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_lowercase())
}

/// The `;`-separated groups of `text`; `None` unless every group is one.
fn groups<'a>(text: &'a str, ctx: &DateContext) -> Option<Vec<Group<'a>>> {
    let stops = tokens::stops(text);
    let mut reader = Reader::new(text, &stops, ctx);
    // Allocated with the first group: most parentheticals are asides.
    let mut out: Vec<Group<'a>> = Vec::new();
    let mut start = 0;
    let mut semicolons = stops
        .iter()
        .filter(|s| s.mark == Mark::Semicolon)
        .map(|s| s.at);
    loop {
        let end = semicolons.next();
        let part_end = end.unwrap_or(text.len());
        if text.get(start..part_end)?.trim().is_empty() {
            // A stray trailing `;` is tolerated, an empty group elsewhere not.
            if end.is_none() && !out.is_empty() {
                break;
            }
            return None;
        }
        reader.part(start, part_end, &mut out)?;
        match end {
            Some(at) => start = at + 1,
            None => break,
        }
    }
    Some(out)
}

/// Where a group read from a part ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// At the end of the part.
    End,
    /// At this comma, where the next group runs on: the comma after a
    /// whole date list that no date follows (`Interfax, May 3, Rezonansi,
    /// May 4`).
    Boundary(usize),
}

/// Where a date list found by [`Reader::dates`] ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// At the end of the text it was looked for in: the part, or the
    /// clause that follows.
    Region,
    /// At this comma, which starts another group.
    Boundary(usize),
}

/// A date list found after the names of a group.
struct Found<'a> {
    /// Where the names end: after the comma before the list and any
    /// closing quotes after it (`"Vesti," May 23`).
    cut: usize,
    dates: Vec<CitedDate<'a>>,
    ending: Ending,
}

/// The grammar over one parenthetical's inside and its [`Stop`]s. Every
/// step goes forward over the text: a date list is read from one comma at
/// a time, and a list that fails rules out every comma it read past, so
/// the next start is tried after it — each item is read once, however
/// many commas there are.
struct Reader<'s, 'a> {
    text: &'a str,
    stops: &'s [Stop],
    /// The offsets of the clause stops.
    clauses: Vec<usize>,
    /// The offsets of every ` see ` (its space), found the first time a
    /// group opens with `On `.
    sees: Option<Vec<usize>>,
    ctx: &'s DateContext,
    /// The date list being read, reused from one start to the next.
    buffer: Vec<CitedDate<'a>>,
    /// The text end the trailing run was last taken for, and the run's
    /// start ([`date::trailing`]).
    trailing: Option<(usize, usize)>,
}

impl<'s, 'a> Reader<'s, 'a> {
    fn new(text: &'a str, stops: &'s [Stop], ctx: &'s DateContext) -> Self {
        let clauses = stops
            .iter()
            .filter(|s| s.mark == Mark::Clause)
            .map(|s| s.at)
            .collect();
        Reader {
            text,
            stops,
            clauses,
            sees: None,
            ctx,
            buffer: Vec::new(),
            trailing: None,
        }
    }

    /// `text[from..to]`, or nothing when out of bounds.
    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or_default()
    }

    /// `at` moved past white space, up to `end`.
    fn skip_space(&self, at: usize, end: usize) -> usize {
        let rest = self.slice(at, end);
        at + (rest.len() - rest.trim_start().len())
    }

    /// The index of the first stop at or after offset `at`.
    fn first_stop(&self, at: usize) -> usize {
        self.stops.partition_point(|s| s.at < at)
    }

    /// The first of `offsets` in `from..to`.
    fn next_in(offsets: &[usize], from: usize, to: usize) -> Option<usize> {
        let i = offsets.partition_point(|&o| o < from);
        offsets.get(i).copied().filter(|&o| o < to)
    }

    /// Where the text a group's dates are looked for in ends: at the first
    /// clause at or after `from`, else at the part's `end`.
    fn region_end(&self, from: usize, end: usize) -> usize {
        Self::next_in(&self.clauses, from, end).unwrap_or(end)
    }

    /// The groups of the part `start..end`: one, or several run together
    /// with commas.
    fn part(&mut self, start: usize, end: usize, out: &mut Vec<Group<'a>>) -> Option<()> {
        let mut at = start;
        loop {
            let after_see = matches!(out.last(), Some(Group::See(_)));
            let (group, next) = self.group(at, end, after_see)?;
            // Most citations have one group: room for one, not the usual four.
            if out.capacity() == 0 {
                out.reserve_exact(1);
            }
            out.push(group);
            match next {
                Next::End => return Some(()),
                Next::Boundary(comma) => at = comma + 1,
            }
        }
    }

    /// One group from `start`: a cross-reference, a house publication
    /// continuing the cross-references before it, or a source attribution.
    fn group(&mut self, start: usize, end: usize, after_see: bool) -> Option<(Group<'a>, Next)> {
        let start = self.skip_space(start, end);
        if start >= end {
            return None;
        }
        let region_end = self.region_end(start, end);
        if let Some((see, next)) = self.cross_reference(start, end, region_end) {
            return Some((Group::See(see), next));
        }
        let found = self.dates(start, start, region_end)?;
        let clause_follows = found.ending == Ending::Region && region_end < end;
        if after_see && !clause_follows {
            let target = clean_target(self.slice(start, found.cut));
            let bare = without_article(target);
            if HOUSE_PUBLICATIONS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(bare))
            {
                let next = next_after(found.ending);
                return Some((
                    Group::See(CrossReference {
                        target: Cow::Borrowed(target),
                        series: None,
                        dates: self.ctx.resolve_all(found.dates),
                        keyword: None,
                        topic: None,
                    }),
                    next,
                ));
            }
        }
        let mut group = self.names(start, found.cut)?;
        group.dates = self.ctx.resolve_all(found.dates);
        let next = match found.ending {
            Ending::Boundary(comma) => Next::Boundary(comma),
            Ending::Region if clause_follows => self.clauses(&mut group, region_end, end)?,
            Ending::Region => Next::End,
        };
        Some((Group::Source(group), next))
    }

    /// The clauses from the one at `at` to the end of the group, each
    /// about the report named just before it: `Prima, May 1, translated by
    /// BBC, May 2, as cited by Interfax` is Prima's report translated by
    /// BBC, whose translation Interfax cited.
    fn clauses(&mut self, group: &mut SourceGroup<'a>, at: usize, end: usize) -> Option<Next> {
        let mut about = group;
        let mut at = at;
        loop {
            let phrase = clause(self.slice(at, end))?;
            let start = at + clause_len(phrase);
            let region_end = self.region_end(start, end);
            let (mut clause, ending) = self.clause(start, region_end)?;
            let slot = match phrase {
                None => &mut about.translated_by,
                Some(phrase) => {
                    // The phrase as written: `, as cited by ` less the
                    // comma and the spaces.
                    let from = at + ", ".len();
                    clause.keyword = Some(Cow::Borrowed(self.slice(from, from + phrase.len())));
                    &mut about.cited_by
                }
            };
            about = slot.insert(Box::new(clause));
            match ending {
                Ending::Boundary(comma) => return Some(Next::Boundary(comma)),
                Ending::Region if region_end < end => at = region_end,
                Ending::Region => return Some(Next::End),
            }
        }
    }

    /// The inside of a clause, `start..region_end`: outlets and dates as a
    /// source group, or an outlet alone (`translated by BBC Monitoring`,
    /// `as cited by Interfax`), commas and all.
    fn clause(&mut self, start: usize, region_end: usize) -> Option<(SourceGroup<'a>, Ending)> {
        let start = self.skip_space(start, region_end);
        if let Some(found) = self.dates(start, start, region_end) {
            if let Some(mut group) = self.names(start, found.cut) {
                group.dates = self.ctx.resolve_all(found.dates);
                return Some((group, found.ending));
            }
        }
        let name = self.slice(start, region_end).trim();
        is_outlet(name).then(|| {
            let group = SourceGroup {
                outlets: vec![Cow::Borrowed(name)],
                ..SourceGroup::default()
            };
            (group, Ending::Region)
        })
    }

    /// `see the Monitor, February 18`, `See also EDM, May 3, 2017`,
    /// `On the pipeline see also Monitor, October 23`, `see previous story`,
    /// from `start`.
    fn cross_reference(
        &mut self,
        start: usize,
        end: usize,
        region_end: usize,
    ) -> Option<(CrossReference<'a>, Next)> {
        let unit = self.slice(start, end);
        // Most groups open with an outlet: one byte turns them away.
        let first = unit.as_bytes().first();
        let opens = |word: &&str| word.as_bytes().first() == first;
        if !SEE.iter().chain(&ALSO).chain(&[TOPIC]).any(opens) {
            return None;
        }
        let (keyword, topic, rest) = match see_keyword(unit) {
            Ok((rest, keyword)) => (keyword.trim_end(), None, end - rest.len()),
            Err(_) => self.topic_and_keyword(start, end, region_end)?,
        };
        let rest = self.skip_space(rest, end);
        let (target, dates, next) = match self.dates(start, rest, region_end) {
            // A clause after a cross-reference: not one.
            Some(found) if found.ending == Ending::Region && region_end < end => return None,
            Some(found) => (
                clean_target(self.slice(rest, found.cut)),
                self.ctx.resolve_all(found.dates),
                next_after(found.ending),
            ),
            None if region_end < end => return None,
            None => (self.slice(rest, end).trim(), Vec::new(), Next::End),
        };
        if !is_target(target) {
            return None;
        }
        if dates.is_empty() && target.split_whitespace().count() > MAX_BARE_TARGET_WORDS {
            return None;
        }
        let see = CrossReference {
            target: Cow::Borrowed(target),
            series: None,
            dates,
            keyword: Some(Cow::Borrowed(keyword)),
            topic: topic.map(Cow::Borrowed),
        };
        Some((see, next))
    }

    /// `On TOPIC see also REST` or `On TOPIC, see REST` from `start`: the
    /// keyword, the topic, and where the rest starts.
    fn topic_and_keyword(
        &mut self,
        start: usize,
        end: usize,
        region_end: usize,
    ) -> Option<(&'a str, Option<&'a str>, usize)> {
        self.slice(start, end).strip_prefix(TOPIC)?;
        let after_on = start + TOPIC.len();
        let text = self.text;
        let sees = self
            .sees
            .get_or_insert_with(|| memchr::memmem::find_iter(text.as_bytes(), TOPIC_END).collect());
        let at = Self::next_in(sees, after_on, region_end)?;
        let topic = clean_target(self.slice(after_on, at));
        let from_keyword = self.slice(at + 1, end);
        let (rest, keyword) = see_keyword(from_keyword).ok()?;
        if topic.is_empty() || topic.split_whitespace().count() > MAX_NAME_WORDS {
            return None;
        }
        Some((keyword.trim_end(), Some(topic), end - rest.len()))
    }

    /// The date list that follows the names of a group starting at
    /// `start`: after the first comma at or after `from` (before
    /// `region_end`) from which a list reads to the end of the region, or
    /// to a comma outside quotes that no date follows — the start of the
    /// next group.
    ///
    /// One walk over the stops: a list read from a comma that fails has
    /// read past the commas between its items, and a list started at one
    /// of them would read the same items to the same end (an item that
    /// starts with a month reads alike whatever came before it), so the
    /// next start tried is the first comma at or after where it stopped.
    fn dates(&mut self, start: usize, from: usize, region_end: usize) -> Option<Found<'a>> {
        let region = self.text.get(..region_end)?;
        let trailing = match self.trailing {
            Some((end, trailing)) if end == region_end => trailing,
            _ => {
                let trailing = date::trailing(region);
                self.trailing = Some((region_end, trailing));
                trailing
            }
        };
        let mut quotes = Quotes::default();
        // No list starts at a comma before this.
        let mut next_start = from;
        // A list that stopped at this comma, and where its names end.
        let mut stopped: Option<(usize, usize)> = None;
        for i in self.first_stop(start)..self.stops.len() {
            let Some(&Stop { at, mark }) = self.stops.get(i) else {
                break;
            };
            if at >= region_end {
                break;
            }
            quotes.pass(mark);
            if mark != Mark::Comma {
                continue;
            }
            // The commas inside the list come first (`May 5, 2001`).
            if let Some((comma, cut)) = stopped.filter(|(comma, _)| *comma == at) {
                if !quotes.inside() {
                    return Some(Found {
                        cut,
                        dates: std::mem::take(&mut self.buffer),
                        ending: Ending::Boundary(comma),
                    });
                }
                stopped = None;
            }
            if at < next_start {
                continue;
            }
            let after = at + 1;
            let rest = self.slice(after, region_end);
            let cut = after + (rest.len() - rest.trim_start_matches(CLOSING_QUOTES).len());
            let Some(reading) = date::read_list(region, cut, trailing, &mut self.buffer) else {
                continue;
            };
            if reading.whole {
                return Some(Found {
                    cut,
                    dates: std::mem::take(&mut self.buffer),
                    ending: Ending::Region,
                });
            }
            next_start = reading.end;
            if region.as_bytes().get(reading.end) == Some(&b',') {
                stopped = Some((reading.end, cut));
            }
        }
        None
    }

    /// The outlets and issue number of the names `start..cut` (the comma
    /// before the dates included): separated by `,` or `&` outside quotes,
    /// brackets and parentheses. `None` when a name is neither, or when
    /// there is no outlet and no stripped link (`(, May 11)`).
    fn names(&self, start: usize, cut: usize) -> Option<SourceGroup<'a>> {
        let mut group = SourceGroup::default();
        let mut quotes = Quotes::default();
        let mut from = start;
        let ends = self
            .stops
            .iter()
            .skip(self.first_stop(start))
            .take_while(|s| s.at < cut)
            .filter(|s| {
                quotes.pass(s.mark);
                matches!(s.mark, Mark::Comma | Mark::Ampersand) && !quotes.inside()
            })
            .map(|s| s.at)
            .chain([cut]);
        for to in ends {
            let name = clean_name(self.slice(from, to));
            from = to + 1;
            if name.is_empty() {
                continue;
            }
            if let Some(number) = issue_number(name) {
                group.number = Some(Cow::Borrowed(number));
            } else if is_outlet(name) {
                group.outlets.push(Cow::Borrowed(name));
            } else {
                return None;
            }
        }
        let stripped = self.slice(start, cut).starts_with(',');
        (stripped || !group.outlets.is_empty()).then_some(group)
    }
}

/// Where a group whose dates end so ends.
fn next_after(ending: Ending) -> Next {
    match ending {
        Ending::Region => Next::End,
        Ending::Boundary(comma) => Next::Boundary(comma),
    }
}

/// A cross-reference's target or topic without white space and commas
/// around it.
fn clean_target(text: &str) -> &str {
    text.trim().trim_end_matches(',').trim()
}

/// `see `, `See also `, `also see `: the keyword, and the rest.
fn see_keyword(input: &str) -> IResult<&str, &str> {
    let [see, see_capital] = SEE;
    let [also, also_capital] = ALSO;
    alt((
        recognize((
            alt((tag(see), tag(see_capital))),
            opt((space1, tag(also))),
            space1,
        )),
        recognize((
            alt((tag(also), tag(also_capital))),
            space1,
            tag(see),
            space1,
        )),
    ))
    .parse(input)
}

/// A name without surrounding white space, quotes and trailing commas.
fn clean_name(name: &str) -> &str {
    let mut name = name.trim();
    let quote = |c: Option<char>| c.is_some_and(|c| QUOTES.contains(&c));
    // Most names have nothing to take off.
    if !quote(name.chars().next()) && !quote(name.chars().next_back()) && !name.ends_with(',') {
        return name;
    }
    loop {
        let next = name.trim_matches(QUOTES).trim_end_matches(',').trim();
        if next.len() == name.len() {
            return name;
        }
        name = next;
    }
}

/// `No. 11` or `No.11`: the number of an issue of the outlet.
fn issue_number(name: &str) -> Option<&str> {
    fn parser(input: &str) -> IResult<&str, &str> {
        let [no, no_lower, hash] = ISSUE_NUMBER;
        recognize((alt((tag(no), tag(no_lower), tag(hash))), space0, digit1)).parse(input)
    }
    match parser(name) {
        Ok(("", number)) => Some(number),
        _ => None,
    }
}

/// A cross-reference target: `the Monitor`, `previous story`, `below`.
fn is_target(target: &str) -> bool {
    !target.is_empty()
        && target.len() <= MAX_TARGET_LEN
        && target.split_whitespace().count() <= MAX_NAME_WORDS
        && !has_sentence(target)
}

/// Whether `text` holds the end of a sentence: `. ` after a word of more
/// than three characters with a lowercase letter. Initials (`U.S. News`)
/// and `No. 11` are not sentences.
fn has_sentence(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `memchr` for the periods: `match_indices(". ")` sets up a substring
    // searcher on every outlet name.
    memchr::memchr_iter(b'.', bytes).any(|at| {
        if bytes.get(at + 1) != Some(&b' ') {
            return false;
        }
        let word = text
            .get(..at)
            .unwrap_or_default()
            .rsplit(' ')
            .next()
            .unwrap_or_default();
        word.chars().count() > 3 && word.chars().any(char::is_lowercase)
    })
}

/// Has the shape of an outlet: a name or a domain, not prose, and not a
/// date list (`Interfax & May 3, June 4` would read back with the dates
/// `May 3, June 4`).
fn is_outlet(name: &str) -> bool {
    // `is_name` takes domains too, up to its length bound.
    (is_name(name) || (name.len() > MAX_NAME_LEN && is_url_like(name))) && !is_date_list(name)
}

/// Whether `name` reads as a date list on its own (a month first).
fn is_date_list(name: &str) -> bool {
    month::cited(name).is_ok() && date::date_list(name).is_some()
}

/// A proper name: starts with a capital (or `the ` and a capital, a digit,
/// or a non-Latin letter), at most a few words, no sentence inside.
fn is_name(name: &str) -> bool {
    if name.is_empty() || name.len() > MAX_NAME_LEN {
        return false;
    }
    if name.split_whitespace().count() > MAX_NAME_WORDS {
        return false;
    }
    if has_sentence(name) {
        return false;
    }
    let first_word = name.strip_prefix(ARTICLE).unwrap_or(name);
    let shaped = first_word.chars().next().is_some_and(|first| {
        first.is_uppercase()
            || first.is_ascii_digit()
            || (first.is_alphabetic() && !first.is_lowercase())
    });
    shaped || is_url_like(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(inner: &str) -> Option<Citation<'_>> {
        parse_inner(inner, &DateContext::in_year(2000))
    }

    #[test]
    fn sources() {
        for text in [
            "Interfax, March 3",
            "Itar-Tass, Prime-News, March 3-4",
            "Rezonansi, March 2; Interfax, March 3",
            "Focus Central Asia [Almaty], May 29 and 30",
            "Dow Jones Newswires, Eastern Economist Daily (Kyiv), December 23-24",
            "Interfax & Russian TV, \"Vesti,\" May 23",
            "Argumenty i fakty, No. 11, March 1999",
            "Prima, November 21, translated by BBC Monitoring, November 21",
            ", May 11",
            "Kremlin.ru, October 30",
            "www.ru, January 1",
            "see the Monitor, February 18",
            "On the pipeline see also Monitor, October 23",
            "see previous story",
            "https://www.example.org/news/123.html",
            "16",
        ] {
            assert!(parse(text).is_some(), "{text:?}");
        }
    }

    #[test]
    fn prose() {
        for text in [
            "OSCE",
            "KPRF",
            "boots",
            "and Israeli",
            "in theory at least",
            "94 in favor, 253 against",
            "November 27-December 3",
            "the latter is expected to be upgraded to a ministry",
            "The vote is scheduled for March 2002.",
            "1,200",
            "U.S.",
            "e.g.",
        ] {
            assert!(parse(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn outlets_are_cleaned() {
        let Some(Citation::Sources { groups }) = parse("Interfax & Russian TV, \"Vesti,\" May 23")
        else {
            panic!("not a citation");
        };
        let Group::Source(g) = &groups[0] else {
            panic!("not a source");
        };
        assert_eq!(g.outlets, ["Interfax", "Russian TV", "Vesti"]);
    }
}
