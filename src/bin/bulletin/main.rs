//! `bulletin`: parse, check, count and render news-bulletin archives.
//!
//! Built with the `cli` feature. See the README's "Command line" section.
#![forbid(unsafe_code)]

mod commands;
mod failure;
mod inputs;
mod pipeline;

use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Parse news-bulletin text (Jamestown Monitor, Eurasia Daily Monitor, ...)
/// into JSON, check an archive, count what is in it.
#[derive(Debug, Parser)]
#[command(name = "bulletin", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse bulletins and print each article as JSON.
    Parse(commands::parse::ParseArgs),
    /// Parse bulletins and report only the problems, with the source line.
    Check(InputArgs),
    /// Count what an archive holds: publications, years, citations, outlets.
    Stats(commands::stats::StatsArgs),
    /// Turn article JSON (as `parse` prints it) back into bulletin text.
    Render(commands::render::RenderArgs),
}

/// The inputs of `parse`, `check` and `stats`, and how to parse them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (every `*.txt` inside, recursively, in name
    /// order), or `-` for standard input (the default).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Accept pages whose header was lost (and unreadable header numbers).
    #[arg(long)]
    lenient: bool,
    /// Worker threads [default: all cores].
    #[arg(short, long, value_name = "N")]
    jobs: Option<NonZeroUsize>,
}

impl InputArgs {
    fn options(&self) -> bulletin::ParseOptions {
        bulletin::ParseOptions::new().lenient(self.lenient)
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Parse(args) => commands::parse::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Stats(args) => commands::stats::run(args),
        Command::Render(args) => commands::render::run(args),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        // The reader went away (`bulletin parse dir | head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(1),
        Err(e) => {
            let _ = writeln!(io::stderr(), "bulletin: {e}");
            ExitCode::from(2)
        }
    }
}
