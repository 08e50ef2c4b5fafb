//! `bulletin table articles|citations|outlets`: the archive as flat rows,
//! CSV (RFC 4180, a header row) or JSON Lines, for pandas, DuckDB, R and
//! spreadsheets.

use std::io::{self, BufWriter, Write};

use bulletin::Article;
use bulletin::rows::Origin;
use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::failure::Failure;
use crate::pipeline::{CHUNK_BYTES, Chunk, Out, Pipeline, Progress, Sink};
use crate::source::{self, Found, Name};
use crate::{InputArgs, Outcome};

/// Arguments of `bulletin table`.
#[derive(Debug, Args)]
pub struct TableArgs {
    /// Which table: one row per article, per citation group (body and
    /// notes), or per outlet of every source group.
    #[arg(value_enum)]
    pub kind: TableKind,
    #[command(flatten)]
    pub input: InputArgs,
    /// `csv` (RFC 4180, with a header row) or `jsonl` (one object a row).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = RowFormat::Csv)]
    pub format: RowFormat,
}

/// The tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableKind {
    /// One row per article.
    Articles,
    /// One row per group of every citation.
    Citations,
    /// One row per outlet of every source group.
    Outlets,
}

/// How rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RowFormat {
    /// Comma-separated values, a header row first.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// The name of an article's text in a row: its path, or its record's id
/// (a string id without its quotes).
pub fn origin_name(name: &Name<'_>) -> String {
    match name {
        Name::Path(path) => (*path).to_string(),
        Name::Record { id: Some(id), .. } => {
            serde_json::from_str::<String>(id.get()).unwrap_or_else(|_| id.get().to_string())
        }
        Name::Record {
            origin,
            line,
            id: None,
        } => format!("{origin}:{line}"),
    }
}

/// Rows written by a worker, and the failures to report between them.
#[derive(Debug, Default)]
pub struct Rows {
    out: Vec<u8>,
    /// The CSV header row, from the first row of the chunk.
    header: Option<Vec<u8>>,
    err: Vec<(usize, Message)>,
}

/// A line for standard error, in its place between the rows.
#[derive(Debug)]
struct Message {
    text: String,
    help: Option<&'static str>,
    /// An input or article that failed (not a note about a skipped file).
    failure: bool,
}

impl Chunk for Rows {
    fn size(&self) -> usize {
        self.out.len()
    }

    fn clear(&mut self) {
        self.out.clear();
        self.header = None;
        self.err.clear();
    }
}

impl Rows {
    /// Writes `rows` in `format`.
    pub fn write<R: Serialize>(&mut self, rows: &[R], format: RowFormat) -> io::Result<()> {
        match format {
            RowFormat::Jsonl => {
                for row in rows {
                    serde_json::to_writer(&mut self.out, row)?;
                    self.out.push(b'\n');
                }
            }
            RowFormat::Csv => {
                let Some((first, rest)) = rows.split_first() else {
                    return Ok(());
                };
                if self.header.is_none() {
                    // The header as the csv writer makes it from a row.
                    let mut both = csv_writer(Vec::new(), true);
                    both.serialize(first).map_err(io::Error::other)?;
                    let both = both
                        .into_inner()
                        .map_err(|e| io::Error::other(e.to_string()))?;
                    let end = both
                        .windows(2)
                        .position(|w| w == b"\r\n")
                        .map_or(0, |i| i + 2);
                    self.header = both.get(..end).map(<[u8]>::to_vec);
                }
                let mut writer = csv_writer(&mut self.out, false);
                for row in std::iter::once(first).chain(rest) {
                    writer.serialize(row).map_err(io::Error::other)?;
                }
                writer.flush()?;
            }
        }
        Ok(())
    }

    /// Writes the rows (header row first, if any) to `out`, failures left
    /// out: for output made at once rather than in chunks.
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        if let Some(header) = &self.header {
            out.write_all(header)?;
        }
        out.write_all(&self.out)
    }

    /// A failure, reported in its place.
    pub fn fail(&mut self, failure: Failure) {
        let message = Message {
            text: failure.to_string(),
            help: failure.help,
            failure: true,
        };
        self.err.push((self.out.len(), message));
    }

    /// A note (a skipped file), reported in its place.
    pub fn note(&mut self, text: String) {
        let message = Message {
            text,
            help: None,
            failure: false,
        };
        self.err.push((self.out.len(), message));
    }
}

/// A CSV writer as RFC 4180 has it: CRLF between records. One is made
/// for each article's rows, into the chunk's buffer: its own buffer is
/// kept to about an article's rows rather than the default 8 KiB, which
/// would be allocated and zeroed for each.
fn csv_writer<W: Write>(out: W, headers: bool) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .has_headers(headers)
        .buffer_capacity(1 << 10)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// Writes the chunks in order: the header row once, before the first row.
pub struct RowWriter<W: Write> {
    pub out: BufWriter<W>,
    pub header_written: bool,
    pub failed: bool,
    helped: bool,
}

impl<W: Write> RowWriter<W> {
    pub fn new(out: W) -> Self {
        RowWriter {
            out: BufWriter::with_capacity(CHUNK_BYTES, out),
            header_written: false,
            failed: false,
            helped: false,
        }
    }
}

impl<W: Write> Sink<Rows> for RowWriter<W> {
    fn emit(&mut self, chunk: &mut Rows, progress: &Progress) -> io::Result<()> {
        if let (false, Some(header)) = (self.header_written, &chunk.header) {
            self.out.write_all(header)?;
            self.header_written = true;
        }
        let mut from = 0;
        for (at, message) in &chunk.err {
            self.out
                .write_all(chunk.out.get(from..*at).unwrap_or_default())?;
            from = *at;
            self.failed |= message.failure;
            self.out.flush()?;
            progress.suspend(|| {
                let mut err = io::stderr().lock();
                let _ = writeln!(err, "{}", message.text);
                if let Some(help) = message.help.filter(|_| !self.helped) {
                    let _ = writeln!(err, "  help: {help}");
                    self.helped = true;
                }
            });
        }
        self.out
            .write_all(chunk.out.get(from..).unwrap_or_default())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The rows of `kind` of one article.
fn rows_of(
    kind: TableKind,
    article: &Article<'_>,
    origin: &Origin,
    format: RowFormat,
    out: &mut Rows,
) -> io::Result<()> {
    match kind {
        TableKind::Articles => out.write(&[article.article_row(origin)], format),
        TableKind::Citations => out.write(&article.citation_rows(origin), format),
        TableKind::Outlets => out.write(&article.outlet_rows(origin), format),
    }
}

/// Runs `bulletin table`.
pub fn run(args: &TableArgs) -> io::Result<Outcome> {
    let settings = args.input.settings()?;
    let pipeline = Pipeline::new(args.input.jobs);
    let mut writer = RowWriter::new(io::stdout().lock());
    let paths = args.input.paths.clone();
    let format = settings.format;
    let (kind, rows) = (args.kind, args.format);
    let result = pipeline.run(
        move |sink| source::feed(&paths, format, sink),
        |item, out: &mut Out<'_, Rows>| {
            source::each(item, &settings, &mut |found| {
                let chunk = out.chunk();
                match found {
                    Found::Article {
                        doc,
                        place,
                        article,
                    } => {
                        let origin = Origin::new(origin_name(&doc.name), place.index);
                        if let Err(e) = rows_of(kind, &article, &origin, rows, chunk) {
                            chunk.fail(doc.name.failure(format!("article {}: {e}", place.index)));
                        }
                    }
                    Found::Unparsed { failure, .. } | Found::Failed(failure) => {
                        chunk.fail(failure);
                    }
                    Found::Skipped(message) => chunk.note(format!("bulletin: {message}")),
                }
                out.done_one()
            })
        },
        &mut writer,
    );
    let result = result.and_then(|()| writer.out.flush());
    match result {
        Ok(()) => Ok(Outcome::of(writer.failed)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Outcome::of(writer.failed)),
        Err(e) => Err(e),
    }
}
