//! From the command line's paths to articles: the items of work (a text
//! file, standard input, a JSON Lines record), and what each gives: every
//! article of its text in order, or the error that kept a part of it from
//! being one.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;
use std::sync::Arc;

use bulletin::{Article, Diagnostic, DiagnosticKind, ParseError, ParseOptions, Span};
use clap::ValueEnum;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::decode::{self, EncodingArg};
use crate::failure::Failure;
use crate::inputs::{self, Input, Walked};
use crate::pipeline::{Feeder, Stopped};

/// What the inputs hold (`--input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum InputFormat {
    /// Bulletin text, one article or many per file.
    #[default]
    Text,
    /// JSON Lines records `{"id": ..., "text": "..."}`, one article or more
    /// per record.
    Jsonl,
}

/// How to read and parse every input of a run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Strict or lenient parsing.
    pub options: ParseOptions,
    /// How to decode text files.
    pub encoding: EncodingArg,
    /// Text files or JSON Lines records.
    pub format: InputFormat,
}

/// One unit of work, produced in input order.
#[derive(Debug)]
pub enum Item {
    /// A text file, or standard input, to read and parse whole.
    Text(Input),
    /// One line of a JSON Lines input.
    Record(Record),
    /// An input that failed before it gave any text.
    Failed(Failure),
    /// Something skipped, to be said on standard error in its place.
    Skipped(String),
}

/// A JSON Lines record, not yet read as JSON.
#[derive(Debug)]
pub struct Record {
    /// The input it came from (`-` for standard input).
    pub origin: Arc<str>,
    /// Its 1-based line there.
    pub line: u64,
    /// The line, as read.
    pub bytes: Vec<u8>,
}

impl Item {
    /// Roughly how much memory the item holds, for batching.
    pub fn weight(&self) -> usize {
        match self {
            Item::Record(record) => record.bytes.len(),
            _ => 0,
        }
    }
}

/// Yields the items of `paths` in order to `sink` until it refuses one.
/// Text files are named, not read (a worker reads them); JSON Lines inputs
/// are read here, a line at a time, so that a stream is never held whole,
/// and the records read so far go out before a read that may wait.
pub fn feed(paths: &[PathBuf], format: InputFormat, sink: &mut Feeder) {
    let extension = match format {
        InputFormat::Text => "txt",
        InputFormat::Jsonl => "jsonl",
    };
    for walked in inputs::walk(paths, extension) {
        let sent = match walked {
            Walked::Input(input) if format == InputFormat::Jsonl => records(&input, sink),
            Walked::Input(input) => sink.push(Item::Text(input)),
            Walked::Failed(failure) => sink.push(Item::Failed(failure)),
            Walked::Skipped(message) => sink.push(Item::Skipped(message)),
        };
        if sent.is_err() {
            return;
        }
    }
}

/// The records of one JSON Lines input; blank lines are passed over.
fn records(input: &Input, sink: &mut Feeder) -> Result<(), Stopped> {
    let name: Arc<str> = input.name().into();
    let reader: Box<dyn Read> = match input {
        Input::Stdin => Box::new(io::stdin().lock()),
        Input::File(path) => match File::open(path) {
            Ok(file) => Box::new(file),
            Err(e) => return sink.push(Item::Failed(Failure::new(name.as_ref(), e.to_string()))),
        },
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut line = 0u64;
    loop {
        if reader.buffer().is_empty() {
            // The next read may wait for a slow writer upstream: what was
            // read goes to work first, so that a pipe makes progress.
            sink.send()?;
        }
        let mut bytes = Vec::new();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => return Ok(()),
            Ok(_) => {
                line += 1;
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                sink.push(Item::Record(Record {
                    origin: Arc::clone(&name),
                    line,
                    bytes,
                }))?;
            }
            Err(e) => {
                let failure = Failure {
                    record: Some((line + 1, None)),
                    ..Failure::new(name.as_ref(), e.to_string())
                };
                return sink.push(Item::Failed(failure));
            }
        }
    }
}

/// Where a text came from.
#[derive(Debug, Clone, Copy)]
pub enum Name<'a> {
    /// A file, or `-`.
    Path(&'a str),
    /// A JSON Lines record: its input, its line there, its `id` (raw JSON).
    Record {
        origin: &'a str,
        line: u64,
        id: Option<&'a RawValue>,
    },
}

impl Name<'_> {
    /// A failure of this text with no place in it.
    pub fn failure(&self, message: impl Into<String>) -> Failure {
        match *self {
            Name::Path(path) => Failure::new(path, message),
            Name::Record { origin, line, id } => Failure {
                record: Some((line, id.map(|id| id.get().to_string()))),
                ..Failure::new(origin, message)
            },
        }
    }

    /// A part of this text that did not parse.
    pub fn parse_failure(&self, error: &ParseError) -> Failure {
        let mut failure = Failure::parse("", error);
        let place = self.failure("");
        failure.path = place.path;
        failure.record = place.record;
        failure
    }

    /// How `check` names the text above its snippets.
    pub fn label(&self) -> String {
        match *self {
            Name::Path(path) => path.to_string(),
            Name::Record {
                origin,
                line,
                id: Some(id),
            } => format!("{origin}:{line} (record {})", id.get()),
            Name::Record {
                origin,
                line,
                id: None,
            } => format!("{origin}:{line} (record)"),
        }
    }
}

/// A text being parsed.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    /// Where it came from.
    pub name: Name<'a>,
    /// The text (decoded: every span is an offset into it).
    pub text: &'a str,
}

/// Where an article stands in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 0-based position among the text's articles (failed ones counted).
    pub index: usize,
    /// Whether it is the text's last.
    pub last: bool,
}

impl Place {
    /// The only article of its text.
    pub fn alone(&self) -> bool {
        self.index == 0 && self.last
    }
}

/// What an item gave, one at a time.
#[allow(
    clippy::large_enum_variant,
    reason = "handed over once per article, by value: boxing would allocate for each"
)]
pub enum Found<'a, 'd> {
    /// An article, with the text it came from.
    Article {
        doc: &'d Doc<'a>,
        place: Place,
        article: Article<'a>,
    },
    /// A part of a text that is no article.
    Unparsed {
        doc: &'d Doc<'a>,
        error: ParseError,
        failure: Failure,
    },
    /// An input or record that gave no text.
    Failed(Failure),
    /// Something skipped.
    Skipped(&'d str),
}

/// The fields of a JSON Lines record that matter.
#[derive(Deserialize)]
struct RecordFields<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
}

/// A record's id alone, to name a record whose text could not be read.
#[derive(Deserialize)]
struct IdField<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
}

/// Reads `item` and hands `f` everything it gives, in order. Stops when
/// `f` says so.
pub fn each(
    item: &Item,
    settings: &Settings,
    f: &mut dyn FnMut(Found<'_, '_>) -> Result<(), Stopped>,
) -> Result<(), Stopped> {
    match item {
        Item::Text(input) => TEXT.with_borrow_mut(|bytes| {
            let name = input.name();
            bytes.clear();
            if let Err(e) = read(input, bytes) {
                return f(Found::Failed(Failure::new(name, e.to_string())));
            }
            let result = match decode::decode(bytes, settings.encoding) {
                Ok(decoded) => {
                    let doc = Doc {
                        name: Name::Path(&name),
                        text: &decoded.text,
                    };
                    articles(&doc, &settings.options, decoded.note.as_deref(), f)
                }
                Err(e) => {
                    let failure = Failure {
                        position: Some(e.position),
                        ..Failure::new(name, e.message)
                    };
                    f(Found::Failed(failure))
                }
            };
            // The buffer is kept for the next file, unless a huge one
            // made it huge.
            if bytes.capacity() > KEEP_TEXT_BYTES {
                *bytes = Vec::new();
            }
            result
        }),
        Item::Record(record) => {
            let fields = serde_json::from_slice::<RecordFields<'_>>(&record.bytes);
            let name = |id| Name::Record {
                origin: &record.origin,
                line: record.line,
                id,
            };
            match fields {
                // Valid JSON of the wrong shape (`"text": 5`, an array):
                // named by its id, if that can be read.
                Err(e) if e.is_data() => {
                    let id = serde_json::from_slice::<IdField<'_>>(&record.bytes)
                        .ok()
                        .and_then(|r| r.id);
                    let message = format!("not a record {{\"id\": ..., \"text\": \"...\"}}: {e}");
                    f(Found::Failed(name(id).failure(message)))
                }
                Err(e) => f(Found::Failed(name(None).failure(format!("not JSON: {e}")))),
                Ok(RecordFields { id, text: None }) => {
                    f(Found::Failed(name(id).failure("no \"text\" string")))
                }
                Ok(RecordFields {
                    id,
                    text: Some(text),
                }) => {
                    let doc = Doc {
                        name: name(id),
                        text: &text,
                    };
                    articles(&doc, &settings.options, None, f)
                }
            }
        }
        Item::Failed(failure) => f(Found::Failed(failure.clone())),
        Item::Skipped(message) => f(Found::Skipped(message)),
    }
}

/// Every article of `doc`, in order; `decoded` says what the text was
/// decoded from, a diagnostic on each article.
fn articles(
    doc: &Doc<'_>,
    options: &ParseOptions,
    decoded: Option<&str>,
    f: &mut dyn FnMut(Found<'_, '_>) -> Result<(), Stopped>,
) -> Result<(), Stopped> {
    // One article of look-ahead tells each whether it is the last: a lone
    // article prints as an object, several as an array.
    let mut articles = options.parse_archive(doc.text).peekable();
    let mut index = 0;
    while let Some(result) = articles.next() {
        let place = Place {
            index,
            last: articles.peek().is_none(),
        };
        index += 1;
        match result {
            Ok(mut article) => {
                if let Some(note) = decoded {
                    article.diagnostics.push(Diagnostic::new(
                        DiagnosticKind::Decoded,
                        Span::new(0, 0),
                        note,
                    ));
                }
                f(Found::Article {
                    doc,
                    place,
                    article,
                })?;
            }
            Err(error) => {
                let failure = doc.name.parse_failure(&error);
                f(Found::Unparsed {
                    doc,
                    error,
                    failure,
                })?;
            }
        }
    }
    Ok(())
}

// The bytes of a text being parsed, one buffer per worker thread, reused
// from file to file.
thread_local! {
    static TEXT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The largest text buffer a worker keeps for the next file.
const KEEP_TEXT_BYTES: usize = 16 << 20;

/// Reads the whole of a text input into `bytes`.
fn read(input: &Input, bytes: &mut Vec<u8>) -> io::Result<()> {
    match input {
        Input::Stdin => io::stdin().lock().read_to_end(bytes)?,
        Input::File(path) => File::open(path)?.read_to_end(bytes)?,
    };
    Ok(())
}
