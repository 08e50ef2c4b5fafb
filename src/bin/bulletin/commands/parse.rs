//! `bulletin parse`: articles as JSON (one object, an array, or JSON Lines).

use std::io::{self, BufWriter, Write};

use clap::Args;

use crate::failure::with_article;
use crate::inputs::{self, Input};
use crate::pipeline::Pipeline;
use crate::{InputArgs, Outcome};

/// Arguments of `bulletin parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    #[command(flatten)]
    input: InputArgs,
    /// One compact JSON object per line, each with a `"path"` key.
    #[arg(long)]
    jsonl: bool,
    /// Leave the `"path"` key out of JSON Lines.
    #[arg(long, requires = "jsonl")]
    no_path: bool,
}

/// How the articles are laid out on standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// One pretty-printed object: a single file or standard input.
    Object,
    /// A pretty-printed array: several files or a directory.
    Array,
    /// One compact object per line.
    Lines { path: bool },
}

/// Runs `bulletin parse`.
pub fn run(args: &ParseArgs) -> io::Result<Outcome> {
    let layout = if args.jsonl {
        Layout::Lines {
            path: !args.no_path,
        }
    } else if inputs::is_single(&args.input.paths) {
        Layout::Object
    } else {
        Layout::Array
    };
    let options = args.input.options();
    let pipeline = Pipeline::new(args.input.jobs)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    let mut printed = 0usize;
    if layout == Layout::Array {
        out.write_all(b"[")?;
    }
    pipeline.run(
        inputs::walk(&args.input.paths),
        |input| with_article(input, &options, |article| to_json(input, article, layout)),
        |_, result, progress| {
            match result {
                Ok(Ok(json)) => {
                    write_article(&mut out, &json, layout, printed)?;
                    printed += 1;
                }
                Ok(Err(e)) => return Err(io::Error::other(e)),
                Err(failure) => {
                    failed = true;
                    out.flush()?;
                    progress.suspend(|| eprintln!("{failure}"));
                }
            }
            Ok(())
        },
    )?;
    match layout {
        Layout::Array if printed == 0 => out.write_all(b"]\n")?,
        Layout::Array => out.write_all(b"\n]\n")?,
        _ => {}
    }
    out.flush()?;
    Ok(if failed {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// The article's JSON, laid out for `layout`.
fn to_json(
    input: &Input,
    article: &bulletin::Article<'_>,
    layout: Layout,
) -> serde_json::Result<String> {
    match layout {
        Layout::Object => serde_json::to_string_pretty(article),
        // Indented here, on a worker thread: the thread that writes the
        // output in order must do as little as possible per article.
        // JSON strings hold no raw newlines, so this only indents.
        Layout::Array => Ok(serde_json::to_string_pretty(article)?.replace('\n', "\n  ")),
        Layout::Lines { path: false } => serde_json::to_string(article),
        Layout::Lines { path: true } => {
            let json = serde_json::to_string(article)?;
            let path = serde_json::to_string(&input.to_string())?;
            // An article is always a non-empty object: put "path" first.
            Ok(match json.strip_prefix('{') {
                Some(rest) => format!("{{\"path\":{path},{rest}"),
                None => json,
            })
        }
    }
}

/// Writes one article; `index` is how many were written before it.
fn write_article(out: &mut impl Write, json: &str, layout: Layout, index: usize) -> io::Result<()> {
    match layout {
        Layout::Object => writeln!(out, "{json}"),
        Layout::Lines { .. } => writeln!(out, "{json}"),
        Layout::Array => {
            out.write_all(if index == 0 { b"\n  " } else { b",\n  " })?;
            out.write_all(json.as_bytes())
        }
    }
}
