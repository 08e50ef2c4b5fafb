//! Which outlet a citation names: a registry of canonical outlet names, so
//! that `Itar-Tass`, `ITAR-TASS` and `TASS`, or `Reuter` and `Reuters`,
//! count as one source while `Interfax` and `Interfax-Ukraine` stay two.
//!
//! The syntax tree keeps every outlet name as written
//! ([`SourceGroup::outlets`](crate::SourceGroup::outlets)); an
//! [`OutletTable`] answers, per name, which outlet it is. See the type's
//! docs for what merges and what stays apart.

mod builtin;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

/// Canonical outlet names: which spellings name the same news agency,
/// newspaper, broadcaster or website.
///
/// ```
/// use bulletin::OutletTable;
/// let outlets = OutletTable::default();
/// // Spellings of one outlet, and a renamed agency under its latest name.
/// assert_eq!(outlets.canonical("ITAR TASS"), Some("TASS"));
/// assert_eq!(outlets.canonical("Itar-Tass"), Some("TASS"));
/// assert_eq!(outlets.canonical("Xinhua News Agency"), Some("Xinhua"));
/// assert_eq!(outlets.canonical("Focus Central Asia [Almaty]"), Some("Focus Central Asia"));
/// // Different outlets that share a prefix.
/// assert_eq!(outlets.canonical("Interfax-Ukraine"), Some("Interfax-Ukraine"));
/// assert_eq!(outlets.canonical("Interfax"), Some("Interfax"));
/// // An outlet the table does not know still has a key that merges its spellings.
/// assert_eq!(outlets.canonical("Tbilisi Evening Post"), None);
/// assert_eq!(outlets.canonical_or_key("Tbilisi-Evening Post"), "tbilisi evening post");
/// assert_eq!(outlets.canonical_or_key("TBILISI EVENING POST"), "tbilisi evening post");
/// ```
///
/// # What merges
///
/// Two spellings name the same outlet when they have the same
/// [key](OutletTable::key), or when the table maps them to the same
/// canonical name. The key merges, for any outlet, known or not:
///
/// - letter case (`ITAR-TASS`, `Itar-Tass`; non-ASCII letters too:
///   `ИТАР-ТАСС`, `итар-тасс`);
/// - hyphens, dashes, underscores and runs of white space, all one
///   separator (`Itar-Tass`, `ITAR TASS`, `Vremya–MN`);
/// - apostrophes, dropped (`People’s Daily`, `People's Daily`,
///   `Komsomol'skaya pravda`, `Komsomolskaya pravda`);
/// - a leading `the` (`The Moscow Times`, `Moscow Times`);
/// - quotes around the name and punctuation after it (`"Vesti,"`);
/// - a place or edition in brackets at the end (`Focus Central Asia
///   [Almaty]`, `Eastern Economist Daily (Kyiv)`);
/// - a URL scheme, `www.` and a trailing slash (`www.regnum.ru`,
///   `regnum.ru`);
/// - `television` and `TV` (`RTR television`, `RTR TV`).
///
/// A name that is not in the table is looked up once more without a
/// trailing descriptor — `agency`, `news agency`, `information agency`,
/// `press agency`, `newspaper`, `website`, `web site`, `TV` — and merges
/// only if that shorter name is known: `Turan News Agency` is `Turan`,
/// `Rustavi-2 TV` is `Rustavi 2`, `Izvestia newspaper` is `Izvestia`. The
/// key itself keeps these words, because what remains is often a country:
/// `Ukrainian News Agency` (an agency) and `Ukrainian TV` (any Ukrainian
/// channel) must not both become `ukrainian`, nor `Georgian TV` and
/// `Georgian radio` one broadcaster.
///
/// The table merges what no spelling rule can, entry by entry:
/// transliterations (`Izvestiya`, `Izvestia`; `Sevodnya`, `Segodnya`),
/// translations of a title (`Renmin Ribao`, `People's Daily`), old forms
/// (`Reuter`, `Kommersant-Daily`), abbreviations (`AFP`, `Agence
/// France-Presse`), an outlet's own website (`NTVru.com`, `NTV`), and
/// renames, under the outlet's latest name: `ITAR-TASS` is `TASS`, `ORT`
/// is `Channel One`, `RTR` is `Rossiya 1`, `KyrgyzKabar` is `Kabar`. The
/// name as written stays in the syntax tree for whoever needs the name of
/// the day.
///
/// # What stays apart
///
/// - Outlets that share a prefix: `Interfax`, `Interfax-Ukraine`,
///   `Interfax-AVN`; `RIA Novosti` and a bare `RIA`; `Gazeta`,
///   `Gazeta.ru` and `Gazeta Wyborcza`; `Vesti` (a news programme) and the
///   channel that airs it.
/// - An outlet's other products: `Kommersant-Vlast` is not `Kommersant`,
///   `RFE/RL Newsline` not `RFE/RL`, `BBC Monitoring` not `BBC`, and the
///   national services of RFE/RL (`Radio Azattyk`, `Ekho Kavkaza`) not
///   RFE/RL.
/// - Editions in another language with their own content: `Moscow News`
///   and `Moskovskie novosti`, `Global Times` and `Huanqiu Shibao`.
/// - A trailing `daily`, `radio`, `news`, `online` or `magazine`, which is
///   part of too many titles (`China Daily`, `Xinhua Daily`, `Moscow News`,
///   `The New York Times Magazine`) to be dropped.
/// - Jamestown's own series, which follow the [`YearTable`](crate::YearTable):
///   `Chechnya Weekly` and `North Caucasus Weekly` stay two names, as they
///   do in cross-references.
///
/// Collective attributions (`Russian agencies`, `Russian and Western
/// agencies`, `Russian TV`) are in the table as themselves: they are not
/// one outlet, but they are what the bulletins cite.
///
/// # Your own entries
///
/// [`insert`](OutletTable::insert) and
/// [`load_tsv_file`](OutletTable::load_tsv_file) add spellings or override
/// built-in ones; see [`load_tsv`](OutletTable::load_tsv) for the format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletTable {
    /// Key of a spelling → that spelling as given, and its canonical name.
    entries: BTreeMap<Box<str>, Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    alias: Box<str>,
    /// Borrowed for the built-in entries, so that a parse can put the name
    /// in the syntax tree without copying it.
    canonical: Cow<'static, str>,
}

impl OutletTable {
    /// A table with no entries: every name falls back to its key.
    pub fn empty() -> Self {
        OutletTable {
            entries: BTreeMap::new(),
        }
    }

    /// Maps `alias`, and `canonical` itself, to `canonical`, replacing what
    /// either spelling meant before.
    ///
    /// When `alias` is a spelling of the canonical name it had, the outlet
    /// is renamed: all its spellings follow. Otherwise `alias` alone moves.
    /// Nothing happens when either name is empty once quotes, dashes and
    /// white space are left out.
    ///
    /// ```
    /// use bulletin::OutletTable;
    /// let mut outlets = OutletTable::default();
    /// // Split one spelling off: ITAR-TASS as its own outlet.
    /// outlets.insert("ITAR-TASS", "ITAR-TASS");
    /// assert_eq!(outlets.canonical("Itar-Tass"), Some("ITAR-TASS"));
    /// assert_eq!(outlets.canonical("TASS"), Some("TASS"));
    /// // Rename an outlet: all its spellings follow.
    /// outlets.insert("Reuters", "Thomson Reuters");
    /// assert_eq!(outlets.canonical("Reuter"), Some("Thomson Reuters"));
    /// ```
    pub fn insert(&mut self, alias: &str, canonical: &str) -> &mut Self {
        let canonical = canonical.trim();
        if Self::key(alias).is_empty() || Self::key(canonical).is_empty() {
            return self;
        }
        self.set(alias.trim(), Cow::Owned(canonical.to_string()));
        self.set(canonical, Cow::Owned(canonical.to_string()));
        self
    }

    /// [`insert`](OutletTable::insert) for the built-in table, whose names
    /// live as long as the program.
    pub(crate) fn insert_static(&mut self, alias: &str, canonical: &'static str) -> &mut Self {
        self.set(alias.trim(), Cow::Borrowed(canonical));
        self.set(canonical, Cow::Borrowed(canonical));
        self
    }

    /// Maps the key of `alias` to `canonical`, moving the spellings of the
    /// outlet `alias` names, if `alias` is that outlet's canonical name.
    fn set(&mut self, alias: &str, canonical: Cow<'static, str>) {
        let key = Self::key(alias);
        let renamed = self
            .entries
            .get(key.as_ref())
            .map(|e| e.canonical.clone())
            .filter(|old| *old != canonical && Self::key(old) == key);
        if let Some(old) = renamed {
            for entry in self.entries.values_mut() {
                if entry.canonical == old {
                    entry.canonical = canonical.clone();
                }
            }
        }
        self.entries.insert(
            key.into_owned().into_boxed_str(),
            Entry {
                alias: alias.into(),
                canonical,
            },
        );
    }

    /// The canonical name of the outlet `name`, if the table knows it
    /// (directly, or without a trailing descriptor such as `news agency`).
    ///
    /// Meant for the hot path: a name of up to 96 bytes of key is looked up
    /// without allocating.
    ///
    /// ```
    /// let outlets = bulletin::OutletTable::default();
    /// assert_eq!(outlets.canonical("Reuter"), Some("Reuters"));
    /// assert_eq!(outlets.canonical("the Moscow Times"), Some("The Moscow Times"));
    /// assert_eq!(outlets.canonical("Turan News Agency"), Some("Turan"));
    /// assert_eq!(outlets.canonical("Kabul Daily Planet"), None);
    /// ```
    pub fn canonical(&self, name: &str) -> Option<&str> {
        with_key(name, |key| self.lookup(key, MAX_DESCRIPTORS))
    }

    /// The canonical name of `name` if the table knows it, else its
    /// [key](OutletTable::key): one value per outlet, for counting and
    /// grouping. Known names come back as written in the table, unknown
    /// ones in lowercase, so the two cannot be confused.
    ///
    /// ```
    /// let outlets = bulletin::OutletTable::default();
    /// assert_eq!(outlets.canonical_or_key("ORT"), "Channel One");
    /// assert_eq!(outlets.canonical_or_key("The Kabul Daily-Planet"), "kabul daily planet");
    /// ```
    pub fn canonical_or_key<'a>(&'a self, name: &'a str) -> Cow<'a, str> {
        match self.canonical(name) {
            Some(canonical) => Cow::Borrowed(canonical),
            None => Self::key(name),
        }
    }

    /// The key `name` is compared by: lowercase, one space between words,
    /// without apostrophes, quotes, a leading `the`, a bracketed place, a
    /// URL scheme or `www.`, and with `television` as `tv` (the list is in
    /// the type's docs). Borrowed when `name` is already its own key.
    ///
    /// ```
    /// use bulletin::OutletTable;
    /// assert_eq!(OutletTable::key("The Moscow-Times"), "moscow times");
    /// assert_eq!(OutletTable::key("People’s Daily"), "peoples daily");
    /// assert_eq!(OutletTable::key("Focus Central Asia [Almaty]"), "focus central asia");
    /// assert_eq!(OutletTable::key("www.Regnum.ru/"), "regnum.ru");
    /// assert_eq!(OutletTable::key("RTR television"), "rtr tv");
    /// assert_eq!(OutletTable::key("ИТАР-ТАСС"), "итар тасс");
    /// assert!(matches!(OutletTable::key("polit.ru"), std::borrow::Cow::Borrowed(_)));
    /// ```
    pub fn key(name: &str) -> Cow<'_, str> {
        let trimmed = name.trim();
        with_key(name, |key| {
            if key == trimmed {
                Cow::Borrowed(trimmed)
            } else {
                Cow::Owned(key.to_owned())
            }
        })
    }

    /// `key` or, failing that, `key` without up to `depth` trailing
    /// descriptors, the fewest words dropped first.
    fn lookup(&self, key: &str, depth: usize) -> Option<&str> {
        self.lookup_entry(key, depth).map(|c| c.as_ref())
    }

    /// The canonical name [`lookup`](Self::lookup) finds, as stored.
    fn lookup_entry(&self, key: &str, depth: usize) -> Option<&Cow<'static, str>> {
        if let Some(entry) = self.entries.get(key) {
            return Some(&entry.canonical);
        }
        if depth == 0 {
            return None;
        }
        DESCRIPTORS
            .iter()
            .filter_map(|d| key.strip_suffix(d))
            .find_map(|shorter| self.lookup_entry(shorter, depth - 1))
    }

    /// The canonical name of `name` for the syntax tree: a built-in name
    /// without a copy; `None` when the table does not know `name`.
    pub(crate) fn canonical_name(&self, name: &str) -> Option<Cow<'static, str>> {
        with_key(name, |key| self.lookup_entry(key, MAX_DESCRIPTORS).cloned())
    }

    /// The name of `name` in the syntax tree, its key made once: the
    /// table's canonical name (a built-in one not copied), else the
    /// [key](Self::key) (borrowed when `name` is its own key).
    pub(crate) fn canonical_or_key_of<'a>(&self, name: &'a str) -> Cow<'a, str> {
        let trimmed = name.trim();
        with_key(name, |key| match self.lookup_entry(key, MAX_DESCRIPTORS) {
            Some(Cow::Borrowed(canonical)) => Cow::Borrowed(*canonical),
            Some(Cow::Owned(canonical)) => Cow::Owned(canonical.clone()),
            None if key == trimmed => Cow::Borrowed(trimmed),
            None => Cow::Owned(key.to_owned()),
        })
    }

    /// Reads entries from TSV text, each overriding what the table held:
    /// one `alias<TAB>canonical` pair a line; blank lines and lines
    /// starting with `#` are skipped, white space around each field is
    /// trimmed, CRLF and a leading byte-order mark are fine.
    ///
    /// All or nothing: on a malformed line the table is left unchanged and
    /// the error gives the line's number.
    ///
    /// ```
    /// use bulletin::OutletTable;
    /// let mut outlets = OutletTable::default();
    /// outlets.load_tsv("# our house style\nITAR-TASS\tITAR-TASS\nKabul Daily Planet\tDaily Planet\n")?;
    /// assert_eq!(outlets.canonical("Itar-Tass"), Some("ITAR-TASS"));
    /// assert_eq!(outlets.canonical("KABUL DAILY PLANET"), Some("Daily Planet"));
    ///
    /// let err = outlets.load_tsv("Reuter\tReuters\nAFP Agence France-Presse\n").unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// assert_eq!(err.to_string(), "line 2: expected `alias<TAB>canonical`");
    /// # Ok::<(), bulletin::OutletTableError>(())
    /// ```
    pub fn load_tsv(&mut self, tsv: &str) -> Result<&mut Self, OutletTableError> {
        self.load(tsv, None)
    }

    /// Reads entries from a TSV file (format as in
    /// [`load_tsv`](OutletTable::load_tsv)); errors name the file.
    ///
    /// ```
    /// let mut outlets = bulletin::OutletTable::default();
    /// let err = outlets.load_tsv_file("no/such/outlets.tsv").unwrap_err();
    /// assert!(err.to_string().starts_with("cannot read no/such/outlets.tsv: "));
    /// ```
    pub fn load_tsv_file(&mut self, path: impl AsRef<Path>) -> Result<&mut Self, OutletTableError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| OutletTableError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.load(&text, Some(path))
    }

    fn load(&mut self, tsv: &str, path: Option<&Path>) -> Result<&mut Self, OutletTableError> {
        let tsv = tsv.strip_prefix('\u{feff}').unwrap_or(tsv);
        let mut pairs = Vec::new();
        for (index, line) in tsv.lines().enumerate() {
            let fail = |reason| OutletTableError::Line {
                path: path.map(Path::to_path_buf),
                line: index + 1,
                reason,
            };
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let Some((alias, canonical)) = line.split_once('\t') else {
                return Err(fail("expected `alias<TAB>canonical`"));
            };
            if canonical.contains('\t') {
                return Err(fail("more than two fields"));
            }
            if Self::key(alias).is_empty() {
                return Err(fail("empty alias"));
            }
            if Self::key(canonical).is_empty() {
                return Err(fail("empty canonical name"));
            }
            pairs.push((alias, canonical));
        }
        for (alias, canonical) in pairs {
            self.insert(alias, canonical);
        }
        Ok(self)
    }

    /// The table as TSV that [`load_tsv`](OutletTable::load_tsv) reads
    /// back: one line per spelling, in key order.
    ///
    /// ```
    /// let outlets = bulletin::OutletTable::default();
    /// let copy = {
    ///     let mut t = bulletin::OutletTable::empty();
    ///     t.load_tsv(&outlets.to_tsv())?;
    ///     t
    /// };
    /// assert_eq!(copy, outlets);
    /// # Ok::<(), bulletin::OutletTableError>(())
    /// ```
    pub fn to_tsv(&self) -> String {
        let mut out = String::from("# alias\tcanonical\n");
        for (alias, canonical) in self.iter() {
            // Writing to a String cannot fail.
            let _ = writeln!(out, "{alias}\t{canonical}");
        }
        out
    }

    /// Every spelling the table holds, as given, with its canonical name, in
    /// key order (canonical names included, mapped to themselves).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries
            .values()
            .map(|e| (e.alias.as_ref(), e.canonical.as_ref()))
    }

    /// How many spellings the table holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table holds no spelling.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Default for OutletTable {
    /// The outlets these bulletins cite: agencies, newspapers, broadcasters
    /// and websites of the former Soviet Union, China and the West, with
    /// Jamestown's own series.
    fn default() -> Self {
        let mut table = OutletTable::empty();
        for (canonical, aliases) in builtin::OUTLETS {
            table.insert_static(canonical, canonical);
            for alias in *aliases {
                table.insert_static(alias, canonical);
            }
        }
        table
    }
}

/// A TSV outlet table that could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutletTableError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line is not `alias<TAB>canonical`.
    #[error("{}line {line}: {reason}", in_file(path.as_deref()))]
    Line {
        /// The file, when read from one.
        path: Option<PathBuf>,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: &'static str,
    },
}

impl OutletTableError {
    /// The 1-based number of the malformed line, if a line was.
    pub fn line(&self) -> Option<usize> {
        match self {
            OutletTableError::Line { line, .. } => Some(*line),
            OutletTableError::Io { .. } => None,
        }
    }
}

/// `path: `, or nothing.
fn in_file(path: Option<&Path>) -> String {
    path.map(|p| format!("{}: ", p.display()))
        .unwrap_or_default()
}

/// Descriptors a name is tried without, in key form, shortest first so
/// that `prime news agency` finds `prime news` before `prime`.
const DESCRIPTORS: [&str; 8] = [
    " tv",
    " agency",
    " website",
    " web site",
    " newspaper",
    " news agency",
    " press agency",
    " information agency",
];

/// How many descriptors one lookup drops at most (`Izvestia newspaper
/// website`).
const MAX_DESCRIPTORS: usize = 2;

/// Bytes of key built on the stack; longer keys go to the heap.
const INLINE_KEY: usize = 96;

/// Calls `f` with the key of `name`, built without allocating when short.
fn with_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = StackKey::default();
    match write_key(name, &mut buf) {
        Ok(()) => f(buf.as_str()),
        Err(fmt::Error) => {
            let mut key = String::with_capacity(name.len());
            // Writing to a String cannot fail.
            let _ = write_key(name, &mut key);
            f(&key)
        }
    }
}

/// A key under construction on the stack; `fmt::Error` when full.
struct StackKey {
    bytes: [u8; INLINE_KEY],
    len: usize,
}

impl Default for StackKey {
    fn default() -> Self {
        StackKey {
            bytes: [0; INLINE_KEY],
            len: 0,
        }
    }
}

impl StackKey {
    fn as_str(&self) -> &str {
        // Only whole `&str`s are written, so this is valid UTF-8.
        self.bytes
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

impl fmt::Write for StackKey {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Writes the key of `name`: the words of its core, folded, one space
/// apart.
fn write_key(name: &str, out: &mut impl fmt::Write) -> fmt::Result {
    let words = core(name)
        .split(is_separator)
        .map(|w| w.trim_matches(is_quote))
        .filter(|w| w.chars().any(|c| !is_apostrophe(c)));
    for (i, word) in words.enumerate() {
        if i > 0 {
            out.write_char(' ')?;
        }
        if word.eq_ignore_ascii_case("television") {
            out.write_str("tv")?;
            continue;
        }
        for c in word.chars() {
            if is_apostrophe(c) {
                continue;
            }
            if c.is_ascii() {
                out.write_char(c.to_ascii_lowercase())?;
            } else {
                for lower in c.to_lowercase() {
                    out.write_char(lower)?;
                }
            }
        }
    }
    Ok(())
}

/// `name` without what surrounds the outlet's own name: quotes, final
/// punctuation, a bracketed place, a URL scheme and `www.`, a leading
/// `the`, as many layers as there are (`The "Times" (London)`). Each pass
/// only shortens, and costs what it removes, so this is linear.
fn core(name: &str) -> &str {
    let mut s = name;
    loop {
        let next = without_the(without_web(without_place(trim_outer(s))));
        if next.len() == s.len() {
            return s;
        }
        s = next;
    }
}

/// `s` without separators and quotes around it and `.,;:` after it.
fn trim_outer(s: &str) -> &str {
    s.trim_start_matches(|c: char| is_separator(c) || is_quote(c) || c == '\u{feff}')
        .trim_end_matches(|c: char| is_separator(c) || is_quote(c) || ".,;:".contains(c))
}

/// `s` without a final `(...)` or `[...]` group, unless that is all of it.
fn without_place(s: &str) -> &str {
    let (open, close) = match s.as_bytes().last() {
        Some(b')') => (b'(', b')'),
        Some(b']') => (b'[', b']'),
        _ => return s,
    };
    // Brackets are ASCII, so each byte position found is a char boundary.
    let mut depth = 0usize;
    for (i, &b) in s.as_bytes().iter().enumerate().rev() {
        if b == close {
            depth += 1;
        } else if b == open {
            depth -= 1;
            if depth == 0 {
                let rest = s.get(..i).unwrap_or_default().trim_end();
                return if rest.is_empty() { s } else { rest };
            }
        }
    }
    s
}

/// `s` without `http://`, `https://`, `www.` and a trailing `/`.
fn without_web(s: &str) -> &str {
    let mut t = s;
    for prefix in ["https://", "http://", "www."] {
        if let Some(head) = t.get(..prefix.len()) {
            if head.eq_ignore_ascii_case(prefix) {
                t = t.get(prefix.len()..).unwrap_or_default();
            }
        }
    }
    let t = t.trim_end_matches('/');
    if t.is_empty() { s } else { t }
}

/// `s` without a leading `the` and its separator, unless nothing follows.
fn without_the(s: &str) -> &str {
    let mut chars = s.char_indices().skip(3);
    match (s.get(..3), chars.next()) {
        (Some(the), Some((_, sep))) if the.eq_ignore_ascii_case("the") && is_separator(sep) => {
            let rest = s
                .get(3..)
                .unwrap_or_default()
                .trim_start_matches(is_separator);
            if rest.is_empty() { s } else { rest }
        }
        _ => s,
    }
}

/// White space, hyphens, dashes, the minus sign and `_` all separate words.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '_' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{00b4}'
    )
}

fn is_quote(c: char) -> bool {
    is_apostrophe(c) || matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '«' | '»')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_builtin_spelling_reaches_its_canonical_name() {
        let table = OutletTable::default();
        for (canonical, aliases) in builtin::OUTLETS {
            for name in std::iter::once(canonical).chain(*aliases) {
                assert_eq!(table.canonical(name), Some(*canonical), "{name}");
            }
        }
    }

    #[test]
    fn builtin_entries_are_not_redundant() {
        let table = OutletTable::default();
        let mut seen = BTreeSet::new();
        for (canonical, aliases) in builtin::OUTLETS {
            let key = OutletTable::key(canonical).into_owned();
            assert!(seen.insert(key.clone()), "{canonical} listed twice");
            for alias in *aliases {
                let alias_key = OutletTable::key(alias).into_owned();
                assert_ne!(alias_key, key, "{alias} is already {canonical} by its key");
                // Nor reached anyway, by dropping a descriptor.
                let by_descriptor = DESCRIPTORS
                    .iter()
                    .filter_map(|d| alias_key.strip_suffix(d))
                    .find_map(|k| table.lookup(k, MAX_DESCRIPTORS - 1));
                assert_ne!(by_descriptor, Some(*canonical), "{alias} needs no entry");
                assert!(seen.insert(alias_key), "{alias} listed twice");
            }
        }
    }

    #[test]
    fn long_names_take_the_heap_path_alike() {
        let mut table = OutletTable::empty();
        let long = "The Very Long Name Of A Regional Broadcaster In The North Caucasus, Its Neighbours And The Lands Beyond";
        table.insert(long, "Long");
        let shouty = long.to_uppercase().replace(' ', "-");
        assert!(OutletTable::key(&shouty).len() > INLINE_KEY);
        assert_eq!(table.canonical(&shouty), Some("Long"));
        assert_eq!(table.canonical(&format!("{shouty} TV")), Some("Long"));
    }

    #[test]
    fn places_and_brackets() {
        assert_eq!(without_place("Interfax (Kyiv)"), "Interfax");
        assert_eq!(without_place("A (b (c))"), "A");
        assert_eq!(without_place("(Kyiv)"), "(Kyiv)");
        assert_eq!(without_place("A b)"), "A b)");
        assert_eq!(OutletTable::key("\"Vesti,\""), "vesti");
        assert_eq!(OutletTable::key("“The Times” (London)"), "times");
        assert_eq!(OutletTable::key("   "), "");
        assert_eq!(OutletTable::key("'"), "");
    }
}
