//! Inputs shared by the benches and the allocation test: the real corpus
//! (read at run time, never copied), a generated archive of invented
//! bulletins, and pathological families at growing sizes.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The sizes of the pathological families: 10 KB, 100 KB, 1 MB, 10 MB.
pub const SIZES: [usize; 4] = [10_000, 100_000, 1_000_000, 10_000_000];

/// The shared corpus: `$BULLETIN_CORPUS`, else `../shared/corpus` beside
/// the project; `None` when neither exists.
pub fn corpus_dir() -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    std::env::var_os("BULLETIN_CORPUS")
        .map(PathBuf::from)
        .into_iter()
        .chain([beside])
        .find(|p| p.join("real").is_dir())
}

/// Cargo's target directory: `$CARGO_TARGET_DIR`, else `target/` here.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// The seed article, when the corpus is present.
pub fn seed() -> Option<String> {
    let path = corpus_dir()?.join("seed/monitor-v05-i173.txt");
    std::fs::read_to_string(path).ok()
}

/// Every `real/*.txt` file, in name order; empty when the corpus is absent.
pub fn real_corpus() -> Vec<String> {
    let Some(dir) = corpus_dir() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir.join("real")) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Total length of `texts` in bytes.
pub fn total_bytes(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.len() as u64).sum()
}

/// A small deterministic generator (xorshift64*), so runs compare.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'t>(&mut self, items: &[&'t str]) -> &'t str {
        items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const OUTLETS: &[&str] = &[
    "Interfax",
    "Itar-Tass",
    "Prime-News",
    "Rezonansi",
    "Kommersant",
    "Segodnya",
    "AFP",
    "Reuters",
    "Focus Central Asia [Almaty]",
    "Eastern Economist Daily (Kyiv)",
    "Kremlin.ru",
    "News.example",
    "Daily Example",
];
const PUBLICATIONS: &[(&str, u32)] = &[
    ("Monitor", 7),
    ("Eurasia Daily Monitor", 12),
    ("Prism", 6),
    ("Fortnight in Review", 5),
    ("North Caucasus Weekly", 9),
    ("China Brief", 14),
    ("Terrorism Monitor", 10),
];
const SUBJECTS: &[&str] = &[
    "Officials in the capital",
    "The deputy minister",
    "Two opposition deputies",
    "The border commission",
    "Skeptics in both capitals",
    "The regional governor",
    "Analysts at an example institute",
    "The state gas company",
];
const VERBS: &[&str] = &[
    "confirmed yesterday that",
    "doubt that",
    "announced on Tuesday that",
    "warned that",
    "told reporters that",
    "insisted that",
];
const CLAUSES: &[&str] = &[
    "the long-delayed talks will resume next week",
    "the pipeline deal goes beyond customs questions",
    "prices for transit will rise by a third",
    "the cabinet will survive the vote",
    "the envoy met the minister in private",
    "the new tariff will take effect in spring",
];
const ASIDES: &[&str] = &[
    "(OSCE)",
    "(KPRF)",
    "(in theory at least)",
    "(94 in favor, 253 against)",
    "(November 27-December 3)",
    "(the latter is expected to be upgraded to a ministry)",
    "(including two former deputy ministers)",
];

fn month(rng: &mut Rng) -> &'static str {
    rng.pick(MONTHS)
}

fn day(rng: &mut Rng) -> usize {
    1 + rng.below(28)
}

/// One citation in one of the shapes of docs/FORMAT.md §5.
pub fn citation(rng: &mut Rng) -> String {
    let (m, d) = (month(rng), day(rng));
    let outlet = rng.pick(OUTLETS);
    let other = rng.pick(OUTLETS);
    match rng.below(16) {
        0 => format!("({outlet}, {m} {d})"),
        1 => format!("({outlet}, {other}, {m} {d}-{})", d + 1),
        2 => format!("({outlet}, {m} {d}; {other}, {m} {})", d + 1),
        3 => format!("({outlet}, {m} {d} and {})", d + 1),
        4 => format!("({outlet}, {m} {d}, {}, {})", d + 1, d + 2),
        5 => format!("({outlet}, {m} {d}-{} {})", month(rng), day(rng)),
        6 => format!("({outlet}, No. {}, {m} 1999)", 1 + rng.below(40)),
        7 => format!("({outlet}, {m} {d}, translated by BBC Monitoring, {m} {d})"),
        8 => format!("(, {m} {d})"),
        9 => format!("({outlet}, {m} {d}, 2016)"),
        10 => format!("(see the Monitor, {m} {d})"),
        11 => format!("(See Monitor, {m} {d}, {} {})", month(rng), day(rng)),
        12 => format!("(see the Monitor, {m} {d}; the Fortnight in Review, {m} {d})"),
        13 => "(see previous story)".to_string(),
        14 => format!("(https://www.example.org/news/{}.html)", rng.below(10_000)),
        _ => format!("({})", 1 + rng.below(20)),
    }
}

/// One sentence, with a citation, a plain aside or nothing.
pub fn sentence(rng: &mut Rng, out: &mut String) {
    let _ = write!(
        out,
        "{} {} {}",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(CLAUSES)
    );
    match rng.below(10) {
        0..=4 => {
            out.push(' ');
            out.push_str(&citation(rng));
            out.push('.');
        }
        5 | 6 => {
            out.push(' ');
            out.push_str(rng.pick(ASIDES));
            out.push('.');
        }
        7 => {
            out.push_str(". ");
            out.push_str(&citation(rng));
        }
        _ => out.push('.'),
    }
}

const FOOTER: &str = "The Weekly Example is a publication of the Example Institute. It is \
researched and written under the direction of senior analysts Anna Kovacs, Piotr Lind, and \
analysts Dana Orlova and Marat Ismailov. If you have any questions regarding the content of \
the Weekly Example, please contact the institute by e-mail at, by fax at 202-555-0134, or by \
postal mail at The Example Institute, 1200 Example Street NW, Washington DC 20036. \
Unauthorized reproduction or redistribution of the Weekly Example is strictly prohibited by \
law. Copyright (c) 1983-2001 The Example Institute Site Maintenance by Example Web Works";

/// One invented bulletin: title, header, byline, paragraphs with citations,
/// subheads, notes, footer and trailing headline, in varied layouts.
pub fn article(rng: &mut Rng) -> String {
    let mut out = String::new();
    let crlf = rng.chance(10);
    let blank = rng.chance(70);
    if rng.chance(5) {
        out.push_str("Placeholder canvas\n\n\n");
    }
    if rng.chance(80) {
        out.push_str(if rng.chance(50) {
            "TALKS RESUME AT LAST.\n"
        } else {
            "Police and Protesters Clash Again in the Capital\n"
        });
    }
    let (name, volumes) = PUBLICATIONS[rng.below(PUBLICATIONS.len())];
    let _ = writeln!(
        out,
        "Publication: {name} Volume: {} Issue: {}",
        1 + rng.below(volumes as usize),
        1 + rng.below(240)
    );
    if rng.chance(40) {
        out.push_str("By: Anna Kovacs and Piotr Lind\n");
    }
    let sep = if blank { "\n\n" } else { "\n" };
    out.push_str(sep);
    let paragraphs = 3 + rng.below(8);
    for p in 0..paragraphs {
        if p > 0 && rng.chance(15) {
            out.push_str("WHAT WE KNOW");
            out.push_str(sep);
        }
        for s in 0..2 + rng.below(5) {
            if s > 0 {
                out.push(' ');
            }
            sentence(rng, &mut out);
        }
        out.push_str(sep);
    }
    if rng.chance(20) {
        for n in 1..=3 {
            let _ = write!(
                out,
                "{n}. {}, {} {}{sep}",
                rng.pick(OUTLETS),
                month(rng),
                day(rng)
            );
        }
    }
    if rng.chance(30) {
        out.push_str(FOOTER);
        out.push_str(sep);
    }
    if rng.chance(30) {
        out.push_str("Armenia Weighs New Gas Terms.\n");
    }
    if crlf {
        out = out.replace('\n', "\r\n");
    }
    out
}

/// An archive of invented bulletins, about `bytes` long in all.
pub fn archive(bytes: usize) -> Vec<String> {
    let mut rng = Rng::new(0x5eed_b011_e714);
    let mut articles = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = article(&mut rng);
        total += a.len();
        articles.push(a);
    }
    articles
}

/// Builds a family's input of the given size in bytes.
pub type Builder = fn(usize) -> String;

/// The pathological families: name and a builder for a given size.
pub const FAMILIES: &[(&str, Builder)] = &[
    ("one_line", one_line),
    ("open_parens", open_parens),
    ("nested_parens", nested_parens),
    ("citations", citations),
    ("footer_repeated", footer_repeated),
    ("long_citations", long_citations),
];

const HEADER: &str = "TALKS RESUME AT LAST.\nPublication: Monitor Volume: 6 Issue: 41\n\n";

/// `HEADER` then `unit` produced until `size` bytes, cut to exactly `size`
/// (the units are ASCII).
fn fill(size: usize, mut unit: impl FnMut(&mut String)) -> String {
    let mut out = String::with_capacity(size + 256);
    out.push_str(HEADER);
    while out.len() < size {
        unit(&mut out);
    }
    out.truncate(size);
    out
}

/// The header, then one paragraph of sentences and citations with no line
/// break at all, to the end of the input.
pub fn one_line(size: usize) -> String {
    let mut rng = Rng::new(1);
    fill(size, |out| {
        sentence(&mut rng, out);
        out.push(' ');
    })
}

/// Tens of thousands of `(` that never close (about 80,000 per MB).
pub fn open_parens(size: usize) -> String {
    fill(size, |out| out.push_str("the envoy (Interfax, May ("))
}

/// One paragraph of parentheses nested `size / 2` deep around a citation.
pub fn nested_parens(size: usize) -> String {
    let inner = "(Interfax, March 3)";
    let depth = size.saturating_sub(HEADER.len() + inner.len() + 10) / 2;
    let mut out = String::with_capacity(size);
    out.push_str(HEADER);
    out.push_str("Text ");
    out.extend(std::iter::repeat_n('(', depth));
    out.push_str(inner);
    out.extend(std::iter::repeat_n(')', depth));
    out.push('.');
    out
}

/// One paragraph of citations, one per ~100 bytes (about 100,000 at 10 MB).
pub fn citations(size: usize) -> String {
    let mut rng = Rng::new(2);
    fill(size, |out| {
        out.push_str("Officials said so ");
        out.push_str(&citation(&mut rng));
        out.push_str(". ");
    })
}

/// A short body, then a footer-like paragraph repeated to the end.
pub fn footer_repeated(size: usize) -> String {
    let mut first = true;
    fill(size, |out| {
        if std::mem::take(&mut first) {
            out.push_str("The talks resumed (Interfax, March 3).\n\n");
        }
        out.push_str(FOOTER);
        out.push_str("\n\n");
    })
}

/// The longest parenthetical the grammar reads as a citation is 1,000
/// bytes (`vocab::citation::MAX_LEN`, private to the crate); the long
/// citations stay just under it.
pub const NEAR_BOUND: usize = 990;

/// Dates, most of them opening with a month (a comma before a month is
/// where a date list can start), `, May 1, May 2-3, June 4 and 5, 6, ...`,
/// until `out` is about `len` bytes long (never longer).
fn push_dates(rng: &mut Rng, out: &mut String, len: usize) {
    loop {
        let (m, d) = (month(rng), day(rng));
        let item = match rng.below(6) {
            0 => format!(", {m} {d}-{}", d + 1),
            1 => format!(", {m} {d} and {}", d + 1),
            2 => format!(", {d}"),
            _ => format!(", {m} {d}"),
        };
        if out.len() + item.len() > len {
            return;
        }
        out.push_str(&item);
    }
}

/// What ends a long parenthetical of dates without being a date.
const NOT_DATES: &[&str] = &[
    ", Rezonansi",
    ", the weekly said",
    " issue",
    ", p. 4",
    ", 32",
    " and elsewhere",
];

/// A parenthetical just under the length bound, full of dates that fail
/// at the end: `(Interfax, May 1, May 2-3, ..., June 4, Rezonansi)`. Not a
/// citation; every comma before a month starts a date list that reads to
/// the end before it fails.
pub fn failing_citation(rng: &mut Rng) -> String {
    let tail = rng.pick(NOT_DATES);
    let mut out = format!("({}", rng.pick(OUTLETS));
    push_dates(rng, &mut out, NEAR_BOUND - 1 - tail.len());
    out.push_str(tail);
    out.push(')');
    out
}

/// Long citations just under the length bound that do parse, one of each
/// shape: many dates, many outlets, many groups, groups run together with
/// commas, a cross-reference with many dates.
pub fn long_citation(rng: &mut Rng) -> String {
    // Room for the longest outlet, or group, and the closing bracket.
    let room = NEAR_BOUND - 50;
    let mut out = String::from("(");
    match rng.below(5) {
        0 => {
            out.push_str(rng.pick(OUTLETS));
            push_dates(rng, &mut out, NEAR_BOUND - 1);
        }
        1 => {
            while out.len() < room - 20 {
                let _ = write!(out, "{}, ", rng.pick(OUTLETS));
            }
            let _ = write!(out, "{} {}", month(rng), day(rng));
        }
        2 | 3 => {
            let sep = if rng.chance(50) { "; " } else { ", " };
            let group =
                |rng: &mut Rng| format!("{}, {} {}", rng.pick(OUTLETS), month(rng), day(rng));
            out.push_str(&group(rng));
            while out.len() < room {
                out.push_str(sep);
                out.push_str(&group(rng));
            }
        }
        _ => {
            out.push_str("see the Monitor");
            push_dates(rng, &mut out, NEAR_BOUND - 1);
        }
    }
    out.push(')');
    out
}

/// Parentheticals just under the length bound, full of dates that fail at
/// the end ([`failing_citation`]), one per sentence of one paragraph.
pub fn long_citations(size: usize) -> String {
    let mut rng = Rng::new(3);
    fill(size, |out| {
        out.push_str("Officials said so ");
        out.push_str(&failing_citation(&mut rng));
        out.push_str(". ");
    })
}
