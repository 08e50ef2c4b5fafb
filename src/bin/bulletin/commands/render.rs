//! `bulletin render`: article JSON back to bulletin text.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

use bulletin::Article;
use clap::Args;
use serde::Deserialize;
use serde_json::Value;

use crate::Outcome;

/// Arguments of `bulletin render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// JSON files as `parse` prints them: one object, an array, or JSON
    /// Lines; `-` for standard input (the default).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Runs `bulletin render`: each article's text, a blank line between two.
pub fn run(args: &RenderArgs) -> io::Result<Outcome> {
    let files = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut written = 0usize;
    let mut failed = false;
    for path in &files {
        let name = path.display().to_string();
        let reader: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(io::stdin().lock())
        } else {
            match File::open(path) {
                Ok(file) => Box::new(file),
                Err(e) => {
                    out.flush()?;
                    eprintln!("{name}: {e}");
                    failed = true;
                    continue;
                }
            }
        };
        // Objects one after another (JSON Lines, or a single object) are
        // read one at a time; an array is read whole.
        let values = serde_json::Deserializer::from_reader(BufReader::new(reader)).into_iter();
        for value in values {
            let articles = value.map_err(|e| e.to_string()).and_then(articles_of);
            match articles {
                Ok(articles) => {
                    for article in &articles {
                        if written > 0 {
                            writeln!(out)?;
                        }
                        write!(out, "{article}")?;
                        written += 1;
                    }
                }
                Err(message) => {
                    out.flush()?;
                    eprintln!("{name}: {message}");
                    failed = true;
                    // A syntax error leaves the reader in an unknown place.
                    break;
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// The articles of one top-level JSON value: an object or an array of them.
fn articles_of(value: Value) -> Result<Vec<Article<'static>>, String> {
    let one = |v: Value| Article::deserialize(v).map_err(|e| format!("not an article: {e}"));
    match value {
        Value::Array(items) => items.into_iter().map(one).collect(),
        other => one(other).map(|a| vec![a]),
    }
}
