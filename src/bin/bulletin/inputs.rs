//! What to read: files named on the command line, `*.txt` files under
//! directories (walked lazily, in sorted order), and standard input.

use std::collections::VecDeque;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One input to process.
#[derive(Debug, Clone)]
pub enum Input {
    /// Standard input, named `-`.
    Stdin,
    /// A file.
    File(PathBuf),
    /// A directory that could not be listed; reported as a failed input.
    Unreadable(PathBuf, String),
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("-"),
            Input::File(path) | Input::Unreadable(path, _) => write!(f, "{}", path.display()),
        }
    }
}

/// Why an input's text could not be had.
#[derive(Debug, Clone)]
pub struct LoadError {
    /// The message, without the path.
    pub message: String,
    /// 1-based line and column, when the problem has a place (bad UTF-8).
    pub position: Option<(usize, usize)>,
}

impl Input {
    /// Reads the whole input as UTF-8 text.
    pub fn load(&self) -> Result<String, LoadError> {
        let bytes = match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
            }
            Input::File(path) => fs::read(path),
            Input::Unreadable(_, message) => {
                return Err(LoadError {
                    message: message.clone(),
                    position: None,
                });
            }
        }
        .map_err(|e| LoadError {
            message: e.to_string(),
            position: None,
        })?;
        String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let text = String::from_utf8_lossy(bytes.get(..valid).unwrap_or_default());
            let bad = bytes.get(valid).copied().unwrap_or_default();
            LoadError {
                message: format!("not UTF-8 text (byte 0x{bad:02x})"),
                position: Some(bulletin::line_column(&text, valid)),
            }
        })
    }
}

/// Whether the arguments name exactly one file (or standard input), so that
/// `parse` prints one object rather than an array.
pub fn is_single(paths: &[PathBuf]) -> bool {
    match paths {
        [] => true,
        [one] => one.as_os_str() == "-" || !one.is_dir(),
        _ => false,
    }
}

/// The inputs named by `paths`, in order: directories expand lazily into
/// their `*.txt` files (recursively, sorted by name), so listing a huge
/// archive never holds more than one directory's entries at a time.
pub fn walk(paths: &[PathBuf]) -> Walk {
    let mut pending: VecDeque<PathBuf> = paths.iter().cloned().collect();
    if pending.is_empty() {
        pending.push_back(PathBuf::from("-"));
    }
    Walk {
        arguments: pending,
        stack: Vec::new(),
    }
}

/// Iterator over the inputs of a command line; see [`walk`].
pub struct Walk {
    arguments: VecDeque<PathBuf>,
    /// Directory listings being walked, innermost last; each in reverse
    /// order so that `pop` yields the next name.
    stack: Vec<Vec<Entry>>,
}

/// A directory entry and what the listing said it is: asking the listing
/// spares the thread that walks (and writes the output) two `stat` calls
/// per file.
struct Entry {
    path: PathBuf,
    kind: Option<fs::FileType>,
}

impl Entry {
    /// A directory that is not a symbolic link (linked ones could loop).
    fn is_real_dir(&self) -> bool {
        match self.kind {
            Some(kind) if !kind.is_symlink() => kind.is_dir(),
            _ => self.path.is_dir() && !self.path.is_symlink(),
        }
    }

    /// A regular file, or a link to one.
    fn is_file(&self) -> bool {
        match self.kind {
            Some(kind) if !kind.is_symlink() => kind.is_file(),
            _ => self.path.is_file(),
        }
    }
}

impl Iterator for Walk {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(listing) = self.stack.last_mut() {
                let Some(entry) = listing.pop() else {
                    self.stack.pop();
                    continue;
                };
                if entry.is_real_dir() {
                    if let Err(input) = self.enter(&entry.path) {
                        return Some(input);
                    }
                    continue;
                }
                // Symlinked directories are skipped: they could loop.
                if is_text_name(&entry.path) && entry.is_file() {
                    return Some(Input::File(entry.path));
                }
                continue;
            }
            let argument = self.arguments.pop_front()?;
            if argument.as_os_str() == "-" {
                return Some(Input::Stdin);
            }
            if argument.is_dir() {
                if let Err(input) = self.enter(&argument) {
                    return Some(input);
                }
                continue;
            }
            // A named file is read whatever its extension; a missing one
            // fails when it is loaded.
            return Some(Input::File(argument));
        }
    }
}

impl Walk {
    /// Pushes the sorted listing of `dir`, or returns it as a failed input.
    fn enter(&mut self, dir: &Path) -> Result<(), Input> {
        let listing = fs::read_dir(dir)
            .and_then(|entries| {
                entries
                    .map(|entry| {
                        entry.map(|e| Entry {
                            kind: e.file_type().ok(),
                            path: e.path(),
                        })
                    })
                    .collect::<io::Result<Vec<_>>>()
            })
            .map_err(|e| Input::Unreadable(dir.to_path_buf(), e.to_string()))?;
        let mut listing = listing;
        listing.sort_unstable_by(|a, b| b.path.cmp(&a.path));
        self.stack.push(listing);
        Ok(())
    }
}

/// `*.txt`, any case.
fn is_text_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
}
