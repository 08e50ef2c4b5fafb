//! `bulletin parse`: articles as JSON (one object, an array, or JSON Lines).

use std::io::{self, BufWriter, Write};

use clap::Args;

use crate::failure::Failure;
use crate::inputs;
use crate::json::{self, Lead};
use crate::pipeline::{CHUNK_BYTES, Chunk, Out, Pipeline, Progress, Sink};
use crate::source::{self, Doc, Found, InputFormat, Name, Place};
use crate::{InputArgs, Outcome};

/// Arguments of `bulletin parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// One compact JSON object per line per article, each starting with
    /// `"path"` (or a record's `"id"`) and `"index"`, its 0-based position
    /// in its file or record.
    #[arg(long)]
    jsonl: bool,
    /// Leave the `"path"` key out of JSON Lines.
    #[arg(long, requires = "jsonl")]
    no_path: bool,
}

/// How the articles are laid out on standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// One input: one pretty-printed object when it holds one article, an
    /// array when it holds several.
    Single,
    /// A pretty-printed array: several inputs, a directory, records.
    Array,
    /// One compact object per line.
    Lines { path: bool },
}

/// The output of a batch: JSON, and messages for standard error in their
/// place between the articles.
#[derive(Debug, Default)]
pub struct Printed {
    /// Standard output.
    out: Vec<u8>,
    /// Standard error: each message goes out once `out` has been written up
    /// to its offset.
    err: Vec<(usize, Message)>,
    /// In an array, where the first element starts (its separator, which
    /// begins with the comma the array's very first element goes without).
    first_element: Option<usize>,
    /// Reused for the lead keys.
    lead: Vec<u8>,
}

#[derive(Debug)]
struct Message {
    text: String,
    help: Option<&'static str>,
    /// An input or article that failed (not a note about a skipped file).
    failure: bool,
}

impl Chunk for Printed {
    fn size(&self) -> usize {
        self.out.len()
    }

    fn clear(&mut self) {
        self.out.clear();
        self.err.clear();
        self.first_element = None;
    }
}

impl Printed {
    fn say(&mut self, text: String, help: Option<&'static str>, failure: bool) {
        let message = Message {
            text,
            help,
            failure,
        };
        self.err.push((self.out.len(), message));
    }

    fn fail(&mut self, failure: Failure) {
        self.say(failure.to_string(), failure.help, true);
    }

    /// Writes one article laid out for `layout`.
    fn article(
        &mut self,
        layout: Layout,
        doc: &Doc<'_>,
        place: Place,
        article: &bulletin::Article<'_>,
    ) -> serde_json::Result<()> {
        // The lead keys: `"path"` or `"id"`, then `"index"`, as JSON.
        self.lead.clear();
        let with_name = !matches!(layout, Layout::Lines { path: false });
        match doc.name {
            Name::Path(path) if with_name => json::string(&mut self.lead, path),
            Name::Record { id: Some(id), .. } => self.lead.extend_from_slice(id.get().as_bytes()),
            Name::Record { id: None, .. } => self.lead.extend_from_slice(b"null"),
            Name::Path(_) => {}
        }
        let name_end = self.lead.len();
        json::number(&mut self.lead, place.index);
        let (name, index) = self.lead.split_at(name_end);
        let key = match doc.name {
            Name::Path(_) => "path",
            Name::Record { .. } => "id",
        };
        let both = [
            Lead { key, value: name },
            Lead {
                key: "index",
                value: index,
            },
        ];
        let lead = if name.is_empty() {
            &both[1..]
        } else {
            &both[..]
        };
        match layout {
            Layout::Lines { .. } => {
                json::compact(&mut self.out, article, lead)?;
                self.out.push(b'\n');
            }
            Layout::Single if place.alone() => {
                json::pretty(&mut self.out, article, &[], 0)?;
                self.out.push(b'\n');
            }
            Layout::Single | Layout::Array => {
                self.first_element.get_or_insert(self.out.len());
                self.out.extend_from_slice(b",\n  ");
                json::pretty(&mut self.out, article, lead, 1)?;
            }
        }
        Ok(())
    }
}

/// The writer's state: what has been printed, what is still owed.
struct Writer<W: Write> {
    out: BufWriter<W>,
    /// Whether the array's `[` is out.
    opened: bool,
    /// Whether an element is out (the next goes after a comma).
    elements: bool,
    failed: bool,
    helped: bool,
}

impl<W: Write> Sink<Printed> for Writer<W> {
    fn emit(&mut self, chunk: &mut Printed, progress: &Progress) -> io::Result<()> {
        // The offset of the comma to leave out, before the first element.
        let skip = chunk.first_element.filter(|_| !self.elements);
        if chunk.first_element.is_some() {
            if !self.opened {
                self.out.write_all(b"[")?;
                self.opened = true;
            }
            self.elements = true;
        }
        let mut from = 0;
        for (at, message) in &chunk.err {
            self.write_out(chunk, from, *at, skip)?;
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
        self.write_out(chunk, from, chunk.out.len(), skip)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl<W: Write> Writer<W> {
    /// Writes `chunk.out[from..to]`, less the byte at `skip`.
    fn write_out(
        &mut self,
        chunk: &Printed,
        from: usize,
        to: usize,
        skip: Option<usize>,
    ) -> io::Result<()> {
        let bytes = chunk.out.get(from..to).unwrap_or_default();
        match skip {
            Some(at) if (from..to).contains(&at) => {
                let (before, after) = bytes.split_at(at - from);
                self.out.write_all(before)?;
                self.out.write_all(after.get(1..).unwrap_or_default())
            }
            _ => self.out.write_all(bytes),
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        match (self.opened, self.elements) {
            (true, true) => self.out.write_all(b"\n]\n")?,
            (true, false) => self.out.write_all(b"]\n")?,
            (false, _) => {}
        }
        self.out.flush()
    }
}

/// Runs `bulletin parse`.
pub fn run(args: &ParseArgs) -> io::Result<Outcome> {
    let settings = args.input.settings()?;
    let layout = if args.jsonl {
        Layout::Lines {
            path: !args.no_path,
        }
    } else if settings.format == InputFormat::Text && inputs::is_single(&args.input.paths) {
        Layout::Single
    } else {
        Layout::Array
    };
    let pipeline = Pipeline::new(args.input.jobs);
    let mut writer = Writer {
        out: BufWriter::with_capacity(CHUNK_BYTES, io::stdout().lock()),
        opened: false,
        elements: false,
        failed: false,
        helped: false,
    };
    let paths = args.input.paths.clone();
    let format = settings.format;
    let result = (|| {
        if layout == Layout::Array {
            // At once, so that a run without any article still prints `[]`.
            writer.out.write_all(b"[")?;
            writer.opened = true;
        }
        pipeline.run(
            move |sink| source::feed(&paths, format, sink),
            |item, out: &mut Out<'_, Printed>| {
                source::each(item, &settings, &mut |found| {
                    let chunk = out.chunk();
                    match found {
                        Found::Article {
                            doc,
                            place,
                            article,
                        } => {
                            let start = chunk.out.len();
                            if let Err(e) = chunk.article(layout, doc, place, &article) {
                                chunk.out.truncate(start);
                                let failure =
                                    doc.name.failure(format!("article {}: {e}", place.index));
                                chunk.fail(failure);
                            }
                        }
                        Found::Unparsed { failure, .. } | Found::Failed(failure) => {
                            chunk.fail(failure)
                        }
                        Found::Skipped(message) => {
                            chunk.say(format!("bulletin: {message}"), None, false)
                        }
                    }
                    out.done_one()
                })
            },
            &mut writer,
        )?;
        writer.finish()
    })();
    match result {
        Ok(()) => Ok(Outcome::of(writer.failed)),
        // A closed pipe is not an error: the reader has what it wanted.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Outcome::of(writer.failed)),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Name;
    use serde_json::Value;

    /// Writes `places` of one text, two articles a chunk, through the
    /// writer as `layout` lays them out, a failure after the second.
    fn printed(layout: Layout, places: &[Place]) -> (String, Value, bool) {
        let text = "Publication: Monitor Volume: 5 Issue: 100\n\nTalks resumed.\n";
        let article = bulletin::parse_article(text).unwrap();
        let doc = Doc {
            name: Name::Path("d.txt"),
            text,
        };
        let mut writer = Writer {
            out: BufWriter::new(Vec::new()),
            opened: false,
            elements: false,
            failed: false,
            helped: false,
        };
        let progress = Progress::new();
        for pair in places.chunks(2) {
            let mut chunk = Printed::default();
            for &place in pair {
                chunk.article(layout, &doc, place, &article).unwrap();
                if place.index == 1 {
                    chunk.fail(doc.name.failure("a failure between two articles"));
                }
            }
            writer.emit(&mut chunk, &progress).unwrap();
        }
        writer.finish().unwrap();
        let out = String::from_utf8(writer.out.into_inner().unwrap()).unwrap();
        let value = serde_json::from_str(&out).unwrap();
        (out, value, writer.failed)
    }

    #[test]
    fn one_file_of_many_articles_is_an_array_of_objects_with_path_and_index() {
        let places: Vec<Place> = (0..5)
            .map(|index| Place {
                index,
                last: index == 4,
            })
            .collect();
        let (text, value, failed) = printed(Layout::Single, &places);
        let array = value.as_array().expect("an array");
        assert_eq!(array.len(), 5);
        for (i, article) in array.iter().enumerate() {
            assert_eq!(article["index"], i);
            assert_eq!(article["path"], "d.txt");
            let lead =
                format!("\n  {{\n    \"path\": \"d.txt\",\n    \"index\": {i},\n    \"title\"");
            assert!(text.contains(&lead), "{text}");
        }
        assert!(failed);
        // A lone article stays one object, without them.
        let (_, value, _) = printed(
            Layout::Single,
            &[Place {
                index: 0,
                last: true,
            }],
        );
        assert!(value.is_object() && value.get("path").is_none());
    }
}
