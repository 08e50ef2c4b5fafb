//! `bulletin`: parse, check, count and render news-bulletin archives.
//!
//! Built with the `cli` feature. See the README's "Command line" section
//! and `bulletin help`.
#![forbid(unsafe_code)]

mod commands;
mod decode;
mod failure;
mod inputs;
mod json;
mod pipeline;
mod source;

use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::decode::EncodingArg;
use crate::source::{InputFormat, Settings};

/// Parse news-bulletin text (Jamestown Monitor, Eurasia Daily Monitor, ...)
/// into JSON, check an archive, count what is in it.
///
/// Every article of every file is read: a file (or a JSON Lines record)
/// may hold many, one after another. Spans in the JSON are byte offsets
/// into the text as decoded to UTF-8: for a UTF-8 file, into the file; for
/// a file in another encoding (see --encoding), into its UTF-8 decoding.
///
/// Exit status: 0 when every input parsed, 1 when some input or article
/// failed (the others are still processed), 2 for usage and output errors.
/// A closed output pipe (`bulletin parse DIR | head`) is not an error: the
/// run ends quietly, with status 0 unless an input had failed by then.
#[derive(Debug, Parser)]
#[command(name = "bulletin", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse bulletins and print each article as JSON.
    Parse(commands::parse::ParseArgs),
    /// Parse bulletins and report the problems, with the source line.
    Check(commands::check::CheckArgs),
    /// Count what an archive holds: publications, years, citations, outlets.
    Stats(commands::stats::StatsArgs),
    /// Turn article JSON (as `parse` prints it) back into bulletin text.
    Render(commands::render::RenderArgs),
    /// Print the archive as flat rows: articles, citations or outlets.
    Table(commands::table::TableArgs),
    /// Print the graph of which issue cites which.
    Graph(commands::graph::GraphArgs),
}

/// The inputs of `parse`, `check` and `stats`, and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (every `*.txt` inside, or `*.jsonl` with `--input
    /// jsonl`: recursively, in name order, symbolic links followed), or `-`
    /// for standard input (the default).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Accept pages whose header was lost (and unreadable header numbers).
    #[arg(long)]
    lenient: bool,
    /// How text files are encoded. `auto`: UTF-8, or UTF-16 after a
    /// byte-order mark, else Windows-1252 (which maps every byte). A text
    /// that is not UTF-8 gets a `decoded` diagnostic naming its encoding;
    /// spans count bytes of the decoded UTF-8 text. Bytes the encoding
    /// cannot read are an error, never a replacement character.
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = EncodingArg::Auto)]
    encoding: EncodingArg,
    /// What the inputs hold: bulletin `text`, or `jsonl`: JSON Lines records
    /// `{"id": ..., "text": "..."}` (from files or standard input), read a
    /// line at a time. Output names a record's articles by its `id`.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Text)]
    input: InputFormat,
    /// Worker threads [default: one per core].
    #[arg(short, long, value_name = "N")]
    jobs: Option<NonZeroUsize>,
    /// A TSV file of outlet names, `spelling<TAB>canonical name` a line
    /// (`#` starts a comment), that extends and overrides the built-in
    /// table of canonical outlet names.
    #[arg(long, value_name = "FILE")]
    outlets: Option<PathBuf>,
}

impl InputArgs {
    fn settings(&self) -> io::Result<Settings> {
        let mut options = bulletin::ParseOptions::new().lenient(self.lenient);
        if let Some(path) = &self.outlets {
            let mut table = bulletin::OutletTable::default();
            table
                .load_tsv_file(path)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
            options = options.outlets(table);
        }
        Ok(Settings {
            options,
            encoding: self.encoding,
            format: self.input,
        })
    }

    /// The usage error in these arguments, if any.
    fn check(&self) -> Result<(), &'static str> {
        let named = !matches!(self.encoding, EncodingArg::Auto | EncodingArg::Utf8);
        if self.input == InputFormat::Jsonl && named {
            return Err("--encoding applies to text input; JSON Lines records are UTF-8");
        }
        Ok(())
    }
}

/// How a run ended: every input fine, or some failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was processed.
    Success,
    /// At least one input failed; the others were still processed.
    SomeFailed,
}

impl Outcome {
    /// `SomeFailed` when `failed`.
    pub fn of(failed: bool) -> Self {
        if failed {
            Outcome::SomeFailed
        } else {
            Outcome::Success
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let usage = match &cli.command {
        Command::Parse(args) => args.input.check(),
        Command::Check(args) => args.input.check(),
        Command::Stats(args) => args.input.check(),
        Command::Table(args) => args.input.check(),
        Command::Graph(args) => args.input.check(),
        Command::Render(_) => Ok(()),
    };
    if let Err(message) = usage {
        let _ = writeln!(io::stderr(), "bulletin: {message}");
        return ExitCode::from(2);
    }
    let result = match &cli.command {
        Command::Parse(args) => commands::parse::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Stats(args) => commands::stats::run(args),
        Command::Render(args) => commands::render::run(args),
        Command::Table(args) => commands::table::run(args),
        Command::Graph(args) => commands::graph::run(args),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        // The reader went away (`bulletin parse dir | head`): it has all it
        // wanted, so stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "bulletin: {e}");
            ExitCode::from(2)
        }
    }
}
