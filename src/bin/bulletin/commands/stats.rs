//! `bulletin stats`: what an archive holds — publications, volumes and
//! issue ranges, years, citations by kind, the most cited outlets,
//! cross-references, failed files.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufWriter, Write};

use bulletin::{Article, Citation, Group};
use clap::Args;
use serde::Serialize;

use crate::failure::Failure;
use crate::pipeline::{Chunk, Out, Pipeline, Progress, Sink};
use crate::source::{self, Found, InputFormat, Item};
use crate::{InputArgs, Outcome};

/// Arguments of `bulletin stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print JSON instead of tables.
    #[arg(long)]
    json: bool,
    /// How many outlets and cross-reference targets to list.
    #[arg(long, value_name = "N", default_value_t = 10)]
    top: usize,
}

/// What one article contributes to the totals; computed on a worker thread.
#[derive(Debug, Default)]
struct ArticleFacts {
    publication: Option<String>,
    volume: Option<u32>,
    issue: Option<u32>,
    year: Option<i32>,
    citations: CitationCounts,
    outlets: Vec<String>,
    targets: Vec<String>,
}

impl ArticleFacts {
    fn of(article: &Article<'_>) -> Self {
        let header = article.header.as_ref();
        let mut citations = CitationCounts::default();
        for found in article.citations() {
            citations.add(found.citation);
        }
        ArticleFacts {
            publication: header.map(|h| {
                h.publication
                    .as_deref()
                    .unwrap_or("(publication unknown)")
                    .to_string()
            }),
            volume: header.and_then(|h| h.volume),
            issue: header.and_then(|h| h.issue),
            year: header.and_then(|h| h.year),
            citations,
            outlets: article.outlets().map(str::to_string).collect(),
            targets: article
                .cross_references()
                .map(|r| r.target.to_string())
                .collect(),
        }
    }
}

/// Body citations by kind. `see` counts citations made only of
/// cross-references; `sources` those naming at least one outlet group.
#[derive(Debug, Default, Clone, Copy, Serialize)]
struct CitationCounts {
    total: u64,
    sources: u64,
    see: u64,
    url: u64,
    note: u64,
}

impl CitationCounts {
    fn add(&mut self, citation: &Citation<'_>) {
        self.total += 1;
        match citation {
            Citation::Sources { groups } => {
                if groups.iter().all(|g| matches!(g, Group::See(_))) && !groups.is_empty() {
                    self.see += 1;
                } else {
                    self.sources += 1;
                }
            }
            Citation::Url { .. } => self.url += 1,
            Citation::NoteMarker { .. } => self.note += 1,
        }
    }

    fn merge(&mut self, other: CitationCounts) {
        self.total += other.total;
        self.sources += other.sources;
        self.see += other.see;
        self.url += other.url;
        self.note += other.note;
    }
}

/// The totals over an archive, as `--json` prints them.
#[derive(Debug, Default, Serialize)]
struct Stats {
    files: u64,
    articles: u64,
    failed: u64,
    header_less: u64,
    publications: Vec<PublicationStats>,
    years: Vec<YearCount>,
    citations: CitationCounts,
    outlets: Vec<Ranked>,
    cross_references: CrossReferenceStats,
    failures: Vec<FailureEntry>,
}

#[derive(Debug, Serialize)]
struct PublicationStats {
    publication: String,
    articles: u64,
    volumes: Vec<VolumeStats>,
}

#[derive(Debug, Serialize)]
struct VolumeStats {
    volume: Option<u32>,
    articles: u64,
    /// Lowest and highest issue number seen; `null` when none had one.
    issues: Option<IssueRange>,
}

#[derive(Debug, Clone, Copy, Serialize)]
struct IssueRange {
    first: u32,
    last: u32,
}

#[derive(Debug, Serialize)]
struct YearCount {
    year: Option<i32>,
    articles: u64,
}

#[derive(Debug, Serialize)]
struct Ranked {
    name: String,
    count: u64,
}

#[derive(Debug, Default, Serialize)]
struct CrossReferenceStats {
    total: u64,
    targets: Vec<Ranked>,
}

#[derive(Debug, Serialize)]
struct FailureEntry {
    path: String,
    /// For a JSON Lines record: its line in `path`.
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<u64>,
    /// For a JSON Lines record: its `id`, as JSON text.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

/// Articles of one volume and the issue numbers seen.
#[derive(Debug, Default)]
struct VolumeTally {
    articles: u64,
    issues: Option<IssueRange>,
}

/// Running totals, merged in input order on the main thread.
#[derive(Debug, Default)]
struct Tally {
    files: u64,
    articles: u64,
    header_less: u64,
    /// publication → volume → articles and issue range
    publications: BTreeMap<String, BTreeMap<Option<u32>, VolumeTally>>,
    years: BTreeMap<Option<i32>, u64>,
    citations: CitationCounts,
    outlets: HashMap<String, u64>,
    targets: HashMap<String, u64>,
    failures: Vec<Failure>,
}

impl Tally {
    fn add(&mut self, facts: ArticleFacts) {
        self.articles += 1;
        *self.years.entry(facts.year).or_default() += 1;
        match facts.publication {
            Some(publication) => {
                let volume = self
                    .publications
                    .entry(publication)
                    .or_default()
                    .entry(facts.volume)
                    .or_default();
                volume.articles += 1;
                if let Some(issue) = facts.issue {
                    let range = volume.issues.get_or_insert(IssueRange {
                        first: issue,
                        last: issue,
                    });
                    range.first = range.first.min(issue);
                    range.last = range.last.max(issue);
                }
            }
            None => self.header_less += 1,
        }
        self.citations.merge(facts.citations);
        for outlet in facts.outlets {
            *self.outlets.entry(outlet).or_default() += 1;
        }
        for target in facts.targets {
            *self.targets.entry(target).or_default() += 1;
        }
    }

    fn fail(&mut self, failure: Failure) {
        self.failures.push(failure);
    }

    fn finish(self, top: usize) -> Stats {
        let failed = self.failures.len() as u64;
        let publications = self
            .publications
            .into_iter()
            .map(|(publication, volumes)| PublicationStats {
                publication,
                articles: volumes.values().map(|v| v.articles).sum(),
                volumes: volumes
                    .into_iter()
                    .map(|(volume, tally)| VolumeStats {
                        volume,
                        articles: tally.articles,
                        issues: tally.issues,
                    })
                    .collect(),
            })
            .collect();
        // Unknown years last.
        let mut years: Vec<YearCount> = self
            .years
            .into_iter()
            .map(|(year, articles)| YearCount { year, articles })
            .collect();
        years.sort_by_key(|y| (y.year.is_none(), y.year));
        Stats {
            files: self.files,
            articles: self.articles,
            failed,
            header_less: self.header_less,
            publications,
            years,
            citations: self.citations,
            cross_references: CrossReferenceStats {
                total: self.targets.values().sum(),
                targets: ranked(self.targets, top),
            },
            outlets: ranked(self.outlets, top),
            failures: self
                .failures
                .into_iter()
                .map(|f| FailureEntry {
                    line: f.position.map(|p| p.0),
                    column: f.position.map(|p| p.1),
                    record: f.record.as_ref().map(|r| r.0),
                    id: f.record.and_then(|r| r.1),
                    path: f.path,
                    message: f.message,
                })
                .collect(),
        }
    }
}

/// The `top` most frequent names, most frequent first, ties by name.
fn ranked(counts: HashMap<String, u64>, top: usize) -> Vec<Ranked> {
    let mut all: Vec<Ranked> = counts
        .into_iter()
        .map(|(name, count)| Ranked { name, count })
        .collect();
    all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    all.truncate(top);
    all
}

/// What a batch found, in input order, for the tally.
#[derive(Debug, Default)]
pub struct Facts {
    facts: Vec<Fact>,
}

#[derive(Debug)]
enum Fact {
    Input,
    Article(Box<ArticleFacts>),
    Failed(Failure),
    Skipped(String),
}

impl Chunk for Facts {
    fn size(&self) -> usize {
        // Enough to hand on a batch of thousands of small articles at once.
        self.facts.len() * 64
    }

    fn clear(&mut self) {
        self.facts.clear();
    }
}

impl Sink<Facts> for Tally {
    fn emit(&mut self, chunk: &mut Facts, progress: &Progress) -> io::Result<()> {
        for fact in chunk.facts.drain(..) {
            match fact {
                Fact::Input => self.files += 1,
                Fact::Article(facts) => self.add(*facts),
                Fact::Failed(failure) => self.fail(failure),
                Fact::Skipped(message) => progress.suspend(|| {
                    let _ = writeln!(io::stderr(), "bulletin: {message}");
                }),
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Runs `bulletin stats`.
pub fn run(args: &StatsArgs) -> io::Result<Outcome> {
    let settings = args.input.settings()?;
    let pipeline = Pipeline::new(args.input.jobs);
    let mut tally = Tally::default();
    let paths = args.input.paths.clone();
    let format = settings.format;
    pipeline.run(
        move |sink| source::feed(&paths, format, sink),
        |item, out: &mut Out<'_, Facts>| {
            if !matches!(item, Item::Skipped(_)) {
                out.chunk().facts.push(Fact::Input);
            }
            source::each(item, &settings, &mut |found| {
                let fact = match found {
                    Found::Article { article, .. } => {
                        Fact::Article(Box::new(ArticleFacts::of(&article)))
                    }
                    Found::Unparsed { failure, .. } | Found::Failed(failure) => {
                        Fact::Failed(failure)
                    }
                    Found::Skipped(message) => Fact::Skipped(message.to_string()),
                };
                out.chunk().facts.push(fact);
                out.done_one()
            })
        },
        &mut tally,
    )?;
    let help = tally.failures.iter().find_map(|f| f.help);
    let failures: Vec<String> = tally.failures.iter().map(Failure::to_string).collect();
    let stats = tally.finish(args.top);
    let result = (|| {
        let mut out = BufWriter::new(io::stdout().lock());
        if args.json {
            serde_json::to_writer_pretty(&mut out, &stats)?;
            writeln!(out)?;
        } else {
            write_tables(&mut out, &stats, format, &failures, help)?;
        }
        out.flush()
    })();
    match result {
        Ok(()) => Ok(Outcome::of(stats.failed > 0)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Outcome::of(stats.failed > 0)),
        Err(e) => Err(e),
    }
}

/// The readable report.
fn write_tables(
    out: &mut impl Write,
    stats: &Stats,
    format: InputFormat,
    failures: &[String],
    help: Option<&str>,
) -> io::Result<()> {
    let inputs = match format {
        InputFormat::Text => "files",
        InputFormat::Jsonl => "records",
    };
    writeln!(
        out,
        "{} {inputs}: {} articles ({} without header), {} failed",
        stats.files, stats.articles, stats.header_less, stats.failed
    )?;

    writeln!(
        out,
        "\n{:<40} {:>8}  ISSUES",
        "PUBLICATION / VOLUME", "ARTICLES"
    )?;
    for p in &stats.publications {
        writeln!(out, "{:<40} {:>8}", p.publication, p.articles)?;
        for v in &p.volumes {
            let volume = v
                .volume
                .map_or_else(|| "  no volume".to_string(), |n| format!("  volume {n}"));
            let issues = match v.issues {
                Some(r) if r.first == r.last => r.first.to_string(),
                Some(r) => format!("{}-{}", r.first, r.last),
                None => "-".to_string(),
            };
            writeln!(out, "{volume:<40} {:>8}  {issues}", v.articles)?;
        }
    }

    writeln!(out, "\n{:<40} {:>8}", "YEAR", "ARTICLES")?;
    for y in &stats.years {
        let year = y
            .year
            .map_or_else(|| "unknown".to_string(), |y| y.to_string());
        writeln!(out, "{year:<40} {:>8}", y.articles)?;
    }

    let c = &stats.citations;
    writeln!(out, "\n{:<40} {:>8}", "CITATIONS", "COUNT")?;
    for (kind, n) in [
        ("sources", c.sources),
        ("see (cross-references only)", c.see),
        ("url", c.url),
        ("note markers", c.note),
        ("total", c.total),
    ] {
        writeln!(out, "{kind:<40} {n:>8}")?;
    }

    writeln!(out, "\n{:<40} {:>8}", "MOST CITED OUTLETS", "COUNT")?;
    for o in &stats.outlets {
        writeln!(out, "{:<40} {:>8}", o.name, o.count)?;
    }

    writeln!(
        out,
        "\n{:<40} {:>8}",
        "CROSS-REFERENCE TARGETS", stats.cross_references.total
    )?;
    for t in &stats.cross_references.targets {
        writeln!(out, "{:<40} {:>8}", t.name, t.count)?;
    }

    if !failures.is_empty() {
        writeln!(out, "\nFAILED")?;
        for failure in failures {
            writeln!(out, "{failure}")?;
        }
        if let Some(help) = help {
            writeln!(out, "  help: {help}")?;
        }
    }
    Ok(())
}
