//! `bulletin render`: article JSON back to bulletin text, checked: each
//! article's text is parsed back, and an article whose text would not
//! parse, or would read back as something else than the JSON says, is
//! refused with the reason.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

use bulletin::{Article, ParseOptions};
use clap::Args;
use serde::Deserialize;
use serde_json::Value;

use crate::Outcome;

/// Arguments of `bulletin render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// JSON files as `parse` prints them: one object, an array, or JSON
    /// Lines; `-` for standard input (the default). Keys the parser derives
    /// (spans, diagnostics, the empty lists) may be left out.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Runs `bulletin render`: each article's text, a blank line between two.
pub fn run(args: &RenderArgs) -> io::Result<Outcome> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    match render_all(args, &mut out, &mut failed).and_then(|()| out.flush()) {
        Ok(()) => Ok(Outcome::of(failed)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Outcome::of(failed)),
        Err(e) => Err(e),
    }
}

fn render_all(args: &RenderArgs, out: &mut impl Write, failed: &mut bool) -> io::Result<()> {
    let files = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let mut written = 0usize;
    let say = |out: &mut dyn Write, message: String| -> io::Result<()> {
        out.flush()?;
        let _ = writeln!(io::stderr(), "{message}");
        Ok(())
    };
    for path in &files {
        let name = path.display().to_string();
        let reader: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(io::stdin().lock())
        } else {
            match File::open(path) {
                Ok(file) => Box::new(file),
                Err(e) => {
                    *failed = true;
                    say(out, format!("{name}: {e}"))?;
                    continue;
                }
            }
        };
        // Objects one after another (JSON Lines, or a single object) are
        // read one at a time; an array is read whole.
        let values =
            serde_json::Deserializer::from_reader(BufReader::new(reader)).into_iter::<Value>();
        let mut count = 0usize;
        for value in values {
            let value = match value {
                Ok(value) => value,
                Err(e) => {
                    *failed = true;
                    say(out, format!("{name}: not JSON: {e}"))?;
                    // A syntax error leaves the reader in an unknown place.
                    break;
                }
            };
            let items = match value {
                Value::Array(items) => items,
                other => vec![other],
            };
            for value in &items {
                count += 1;
                match render(value) {
                    Ok(text) => {
                        if written > 0 {
                            writeln!(out)?;
                        }
                        out.write_all(text.as_bytes())?;
                        written += 1;
                    }
                    Err(why) => {
                        *failed = true;
                        say(
                            out,
                            format!("{name}: article {count}{}: {why}", provenance(value)),
                        )?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// ` (path "x.txt", index 2)`: where `parse` said the article came from.
fn provenance(value: &Value) -> String {
    let parts: Vec<String> = ["path", "id", "index"]
        .iter()
        .filter_map(|key| value.get(key).map(|v| format!("{key} {v}")))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// The article's text, when it reads back as the article.
fn render(value: &Value) -> Result<String, String> {
    let article = Article::deserialize(value).map_err(|e| format!("not an article: {e}"))?;
    let text = article.to_string();
    let options = ParseOptions::new().lenient(article.header.is_none());
    let back = options.parse(&text).map_err(|e| {
        let line = text
            .lines()
            .nth(e.line().saturating_sub(1))
            .unwrap_or_default();
        format!(
            "not rendered: its text would not parse ({}: line {:?})",
            e,
            shorten(line)
        )
    })?;
    let back = serde_json::to_value(&back).map_err(|e| e.to_string())?;
    match first_difference(value, &back, &mut String::new(), true) {
        None => Ok(text),
        Some(difference) => Err(format!(
            "not rendered: its text would read back otherwise: {difference}"
        )),
    }
}

/// Keys whose values the text does not carry as the JSON has them: the
/// offsets, what the parser reported, skipped site chrome.
const NOT_COMPARED: [&str; 3] = ["span", "diagnostics", "chrome"];
/// Keys `parse` puts before an article's own.
const LEAD_KEYS: [&str; 3] = ["path", "id", "index"];

/// The first place where `given` says something that `back` does not:
/// keys missing from `given` are not compared (the parser fills them).
fn first_difference(given: &Value, back: &Value, at: &mut String, top: bool) -> Option<String> {
    match (given, back) {
        (Value::Object(given), back) => {
            for (key, value) in given {
                if NOT_COMPARED.contains(&key.as_str())
                    || (top && LEAD_KEYS.contains(&key.as_str()))
                {
                    continue;
                }
                let len = at.len();
                if !at.is_empty() {
                    at.push('.');
                }
                at.push_str(key);
                let other = back.get(key).unwrap_or(&Value::Null);
                if let Some(d) = first_difference(value, other, at, false) {
                    return Some(d);
                }
                at.truncate(len);
            }
            None
        }
        (Value::Array(given), Value::Array(back)) if given.len() == back.len() => {
            for (i, (x, y)) in given.iter().zip(back).enumerate() {
                let len = at.len();
                at.push_str(&format!("[{i}]"));
                if let Some(d) = first_difference(x, y, at, false) {
                    return Some(d);
                }
                at.truncate(len);
            }
            None
        }
        (Value::Array(given), Value::Array(back)) => Some(format!(
            "{at}: the JSON has {}, the text reads back as {}",
            given.len(),
            back.len()
        )),
        (given, back) if given == back => None,
        (given, back) => Some(format!(
            "{at}: the JSON has {}, the text reads back as {}",
            shorten(&given.to_string()),
            shorten(&back.to_string())
        )),
    }
}

/// `text`, cut to about 60 characters.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((end, _)) => format!("{}...", text.get(..end).unwrap_or(text)),
        None => text.to_string(),
    }
}
