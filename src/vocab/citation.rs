//! Inside a parenthetical: the words of cross-references, translation and
//! attribution clauses, quotes, issue numbers, and the bounds that keep
//! prose out.

/// Longer parentheticals are prose: the longest real citations are a few
/// hundred bytes, and the bound keeps the grammar's work per
/// parenthetical small.
pub(crate) const MAX_LEN: usize = 1000;
/// Longer text is no outlet's name.
pub(crate) const MAX_NAME_LEN: usize = 80;
/// The most words an outlet name or a cross-reference target has.
pub(crate) const MAX_NAME_WORDS: usize = 8;
/// The most words of a cross-reference target without dates
/// (`see previous story`).
pub(crate) const MAX_BARE_TARGET_WORDS: usize = 4;
/// The longest cross-reference target.
pub(crate) const MAX_TARGET_LEN: usize = 80;

/// The words that open a cross-reference: `see`, `See also`, `also see`.
pub(crate) const SEE: [&str; 2] = ["see", "See"];
/// See [`SEE`].
pub(crate) const ALSO: [&str; 2] = ["also", "Also"];
/// Opens a topic before the keyword: `On the pipeline see also ...`.
pub(crate) const TOPIC: &str = "On ";
/// Ends the topic: its space, then the keyword.
pub(crate) const TOPIC_END: &str = " see ";

/// `Prima, November 21, translated by BBC Monitoring, November 21`.
pub(crate) const TRANSLATED_BY: &str = ", translated by ";

/// The phrases of a trailing attribution clause, which names who relayed
/// the report: `Akhali Taoba, March 3, as cited by Interfax`.
pub(crate) const ATTRIBUTIONS: [&str; 4] = [CITED_BY, "as quoted by", "citing", "via"];
/// The attribution phrase written when no other is asked for.
pub(crate) const CITED_BY: &str = "as cited by";

/// What opens a clause inside a group, `, PHRASE ` (one space on each
/// side, as [`TRANSLATED_BY`]): the phrase of `clause` at the start of
/// `text`, which is `Some(None)` for `translated by` and `Some(Some(phrase))`
/// for an attribution.
pub(crate) fn clause(text: &str) -> Option<Option<&'static str>> {
    let rest = text.strip_prefix(", ")?;
    // Most commas are followed by a name or a date: one byte turns them away.
    if !rest.starts_with(['t', 'a', 'c', 'v']) {
        return None;
    }
    if text.starts_with(TRANSLATED_BY) {
        return Some(None);
    }
    ATTRIBUTIONS
        .iter()
        .find(|p| {
            rest.strip_prefix(**p)
                .is_some_and(|after| after.starts_with(' '))
        })
        .map(|p| Some(*p))
}

/// The length of the opening of a clause with `phrase` (`None` for
/// `translated by`): the comma, the spaces and the phrase.
pub(crate) fn clause_len(phrase: Option<&str>) -> usize {
    phrase.map_or(TRANSLATED_BY.len(), |p| p.len() + ", ".len() + " ".len())
}

/// `Argumenty i fakty, No. 11, March 1999`: an issue of the outlet.
pub(crate) const ISSUE_NUMBER: [&str; 3] = ["No.", "no.", "#"];

/// Quotes around outlet names (`"Vesti,"`), straight and curly.
pub(crate) const QUOTES: [char; 6] = ['"', '“', '”', '\'', '‘', '’'];
/// Quotes that close a name before its date: `"Vesti," May 23`.
pub(crate) const CLOSING_QUOTES: [char; 4] = ['"', '”', '\'', '’'];

/// What precedes a `(7)` note marker: the end of a sentence.
pub(crate) const SENTENCE_END: [char; 8] = ['.', '"', '”', ')', '?', '!', '’', '\''];

/// Jamestown publications that a cross-reference list can continue with
/// (`see the Monitor, July 12; the Fortnight in Review, July 7`).
pub(crate) const HOUSE_PUBLICATIONS: [&str; 11] = [
    "Monitor",
    "Fortnight in Review",
    "Prism",
    "Chechnya Weekly",
    "North Caucasus Weekly",
    "EDM",
    "Eurasia Daily Monitor",
    "Terrorism Monitor",
    "Terrorism Focus",
    "China Brief",
    "Russia and Eurasia Review",
];

/// `accessed` (or `accessed on`) before a web page's date.
pub(crate) const ACCESSED: &str = "accessed";
