//! `bulletin check`: the problems, each with its source line and a caret
//! under the column, then a one-line summary. With `--warnings`, every
//! diagnostic of every article too (what the parser skipped or repaired,
//! the encoding a text was decoded from).

use std::fmt::Write as _;
use std::io::{self, BufWriter, IsTerminal, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use clap::Args;

use crate::failure::{self, Failure};
use crate::pipeline::{Chunk, Out, Pipeline, Progress, Sink};
use crate::source::{self, Found, InputFormat, Item};
use crate::{InputArgs, Outcome};

/// Arguments of `bulletin check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Show every diagnostic of the articles that parsed too, each with its
    /// source line: skipped site chrome, byte-order marks, a decoded
    /// encoding, unexpected text, numbers left out (lenient).
    #[arg(long, short = 'w')]
    warnings: bool,
}

/// The report of a batch and its counts.
#[derive(Debug, Default)]
pub struct Report {
    /// For standard output.
    out: String,
    /// For standard error, each after `out` up to its offset.
    err: Vec<(usize, String)>,
    inputs: u64,
    articles: u64,
    failed: u64,
    warnings: u64,
}

impl Chunk for Report {
    fn size(&self) -> usize {
        self.out.len()
    }

    fn clear(&mut self) {
        self.out.clear();
        self.err.clear();
        self.inputs = 0;
        self.articles = 0;
        self.failed = 0;
        self.warnings = 0;
    }
}

/// The totals, and standard output.
struct Writer<W: Write> {
    out: BufWriter<W>,
    totals: Report,
}

impl<W: Write> Sink<Report> for Writer<W> {
    fn emit(&mut self, chunk: &mut Report, progress: &Progress) -> io::Result<()> {
        let mut from = 0;
        for (at, message) in &chunk.err {
            self.out
                .write_all(chunk.out.get(from..*at).unwrap_or_default().as_bytes())?;
            from = *at;
            self.out.flush()?;
            progress.suspend(|| {
                let _ = writeln!(io::stderr(), "bulletin: {message}");
            });
        }
        progress.suspend(|| {
            self.out
                .write_all(chunk.out.get(from..).unwrap_or_default().as_bytes())
        })?;
        let totals = &mut self.totals;
        totals.inputs += chunk.inputs;
        totals.articles += chunk.articles;
        totals.failed += chunk.failed;
        totals.warnings += chunk.warnings;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Runs `bulletin check`; the report goes to standard output.
pub fn run(args: &CheckArgs) -> io::Result<Outcome> {
    let settings = args.input.settings()?;
    let pipeline = Pipeline::new(args.input.jobs);
    let stdout = io::stdout();
    let renderer = if stdout.is_terminal() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut writer = Writer {
        out: BufWriter::new(stdout.lock()),
        totals: Report::default(),
    };
    let paths = args.input.paths.clone();
    let format = settings.format;
    let warnings = args.warnings;
    let result = pipeline.run(
        move |sink| source::feed(&paths, format, sink),
        |item, out: &mut Out<'_, Report>| {
            if !matches!(item, Item::Skipped(_)) {
                out.chunk().inputs += 1;
            }
            source::each(item, &settings, &mut |found| {
                check(found, out.chunk(), &renderer, warnings);
                out.done_one()
            })
        },
        &mut writer,
    );
    let summary = (|| {
        result?;
        let t = &writer.totals;
        let inputs = match (format, t.inputs) {
            (InputFormat::Text, 1) => "1 file".to_string(),
            (InputFormat::Text, n) => format!("{n} files"),
            (InputFormat::Jsonl, 1) => "1 record".to_string(),
            (InputFormat::Jsonl, n) => format!("{n} records"),
        };
        let articles = if t.articles == 1 {
            "article"
        } else {
            "articles"
        };
        write!(
            writer.out,
            "{inputs}, {} {articles}, {} failed",
            t.articles, t.failed
        )?;
        if warnings {
            let noun = if t.warnings == 1 {
                "warning"
            } else {
                "warnings"
            };
            write!(writer.out, ", {} {noun}", t.warnings)?;
        }
        writeln!(writer.out)?;
        writer.out.flush()
    })();
    match summary {
        Ok(()) => Ok(Outcome::of(writer.totals.failed > 0)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            Ok(Outcome::of(writer.totals.failed > 0))
        }
        Err(e) => Err(e),
    }
}

/// Adds what `found` says to `report`.
fn check(found: Found<'_, '_>, report: &mut Report, renderer: &Renderer, warnings: bool) {
    match found {
        Found::Article { doc, article, .. } => {
            report.articles += 1;
            if !warnings {
                return;
            }
            for diagnostic in &article.diagnostics {
                report.warnings += 1;
                let group = Level::WARNING
                    .primary_title(diagnostic.message.as_str())
                    .element(snippet(
                        &doc.name.label(),
                        doc.text,
                        diagnostic.span.start,
                        diagnostic.span.end,
                    ));
                let _ = writeln!(report.out, "{}\n", renderer.render(&[group]));
            }
        }
        Found::Unparsed {
            doc,
            error,
            failure,
            ..
        } => {
            report.failed += 1;
            let mut group: Group<'_> = Level::ERROR
                .primary_title(failure::message(&error))
                .element(snippet(
                    &doc.name.label(),
                    doc.text,
                    error.offset(),
                    error.offset(),
                ));
            if let Some(help) = failure.help {
                group = group.element(Level::HELP.message(help));
            }
            let _ = writeln!(report.out, "{}\n", renderer.render(&[group]));
        }
        Found::Failed(failure) => {
            report.failed += 1;
            let _ = writeln!(report.out, "{}\n", render_plain(&failure, renderer));
        }
        Found::Skipped(message) => report.err.push((report.out.len(), message.to_string())),
    }
}

/// A failure with no source to show (an unreadable file, bad bytes, a
/// record that is not JSON).
fn render_plain(failure: &Failure, renderer: &Renderer) -> String {
    let path = match &failure.record {
        Some((line, Some(id))) => format!("{}:{line} (record {id})", failure.path),
        Some((line, None)) => format!("{}:{line}", failure.path),
        None => failure.path.clone(),
    };
    let mut origin = Origin::path(path.as_str());
    if let (None, Some((line, column))) = (&failure.record, failure.position) {
        origin = origin.line(line).char_column(column);
    }
    renderer.render(&[Level::ERROR
        .primary_title(failure.message.as_str())
        .element(origin)])
}

/// The line of `text` where `start..end` begins, with a caret (or carets,
/// to the end of the span or of the line) under it.
fn snippet<'a>(
    label: &str,
    text: &'a str,
    start: usize,
    end: usize,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let mut offset = start.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let (before, after) = text.split_at(offset);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = after.find('\n').map_or(text.len(), |i| offset + i);
    let line = text
        .get(line_start..line_end)
        .unwrap_or_default()
        .trim_end_matches('\r');
    let column = (offset - line_start).min(line.len());
    let one_char = line
        .get(column..)
        .and_then(|rest| rest.chars().next())
        .map_or(column, |c| column + c.len_utf8());
    let mut caret_end = end
        .saturating_sub(line_start)
        .clamp(one_char, line.len().max(one_char));
    while !line.is_char_boundary(caret_end) {
        caret_end += 1;
    }
    let (number, _) = bulletin::line_column(text, offset);
    Snippet::source(line)
        .line_start(number)
        .path(label.to_string())
        .annotation(AnnotationKind::Primary.span(column..caret_end))
}
