//! What to read: files named on the command line, the files under
//! directories (walked lazily, in sorted order, symbolic links followed,
//! loops detected), and standard input.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::failure::Failure;

/// A file to read, or standard input.
#[derive(Debug, Clone)]
pub enum Input {
    /// Standard input, named `-`.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The name to report: the path, lossily when it is not UTF-8.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) => match path.to_str() {
                Some(name) => name.to_string(),
                None => path.display().to_string(),
            },
        }
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("-"),
            Input::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// What the walk of the command line's paths yields, in order.
#[derive(Debug)]
pub enum Walked {
    /// An input to read.
    Input(Input),
    /// A directory that could not be listed.
    Failed(Failure),
    /// Something skipped, said on standard error (a symbolic-link loop, a
    /// broken link, files with other names).
    Skipped(String),
}

/// Whether the arguments name exactly one file (or standard input), so that
/// `parse` prints one object (or, for a file of many articles, one array).
pub fn is_single(paths: &[PathBuf]) -> bool {
    match paths {
        [] => true,
        [one] => one.as_os_str() == "-" || !one.is_dir(),
        _ => false,
    }
}

/// The inputs named by `paths`, in order: directories expand lazily into
/// their files named `*.EXTENSION` (any case; recursively, sorted by name),
/// so listing a huge archive never holds more than one directory's entries
/// per level at a time. Symbolic links are followed; a link to a directory
/// the walk is already inside is a loop, skipped and said.
pub fn walk(paths: &[PathBuf], extension: &'static str) -> Walk {
    let mut arguments: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    if arguments.is_empty() {
        arguments.push(PathBuf::from("-"));
    }
    Walk {
        arguments,
        stack: Vec::new(),
        extension,
        other_names: 0,
        other_example: None,
    }
}

/// Iterator over the inputs of a command line; see [`walk`].
pub struct Walk {
    /// The command line's paths not yet walked, in reverse order.
    arguments: Vec<PathBuf>,
    /// The directories being walked, innermost last.
    stack: Vec<Dir>,
    extension: &'static str,
    /// Files not named `*.EXTENSION`, counted to be said once at the end.
    other_names: u64,
    other_example: Option<PathBuf>,
}

/// A directory being walked: its identity (to detect loops), its path, and
/// the entries not yet yielded, in reverse order so that `pop` gives the
/// next name.
struct Dir {
    id: DirId,
    path: PathBuf,
    entries: Vec<Entry>,
}

/// A directory entry and what the listing said it is: asking the listing
/// spares the walk a `stat` call per file.
struct Entry {
    path: PathBuf,
    kind: Option<fs::FileType>,
}

/// What makes a directory the same directory, whatever path leads to it.
#[cfg(unix)]
type DirId = (u64, u64);
#[cfg(not(unix))]
type DirId = PathBuf;

#[cfg(unix)]
fn dir_id(path: &Path) -> io::Result<DirId> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(path)?;
    Ok((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn dir_id(path: &Path) -> io::Result<DirId> {
    fs::canonicalize(path)
}

/// What an entry turned out to be.
enum Kind {
    Dir,
    File,
    /// A fifo, a socket, a device.
    Other,
    /// A symbolic link whose target is missing (or unreadable).
    Broken(io::Error),
}

impl Entry {
    fn kind(&self) -> Kind {
        match self.kind {
            Some(kind) if kind.is_dir() => Kind::Dir,
            Some(kind) if kind.is_file() => Kind::File,
            Some(kind) if !kind.is_symlink() => Kind::Other,
            // A link, or a listing that did not say: ask the file system,
            // following links.
            _ => match fs::metadata(&self.path) {
                Ok(meta) if meta.is_dir() => Kind::Dir,
                Ok(meta) if meta.is_file() => Kind::File,
                Ok(_) => Kind::Other,
                Err(e) => Kind::Broken(e),
            },
        }
    }
}

impl Iterator for Walk {
    type Item = Walked;

    fn next(&mut self) -> Option<Walked> {
        loop {
            if let Some(dir) = self.stack.last_mut() {
                let Some(entry) = dir.entries.pop() else {
                    self.stack.pop();
                    continue;
                };
                let named = has_extension(&entry.path, self.extension);
                match entry.kind() {
                    Kind::Dir => match self.enter(&entry.path) {
                        Ok(()) => continue,
                        Err(walked) => return Some(walked),
                    },
                    Kind::File if named => return Some(Walked::Input(Input::File(entry.path))),
                    Kind::Broken(e) if named => {
                        return Some(Walked::Skipped(format!(
                            "skipped {}: a broken symbolic link ({e})",
                            entry.path.display()
                        )));
                    }
                    Kind::Other if named => {
                        return Some(Walked::Skipped(format!(
                            "skipped {}: not a regular file",
                            entry.path.display()
                        )));
                    }
                    _ => {
                        self.other_names += 1;
                        self.other_example.get_or_insert(entry.path);
                        continue;
                    }
                }
            }
            let Some(argument) = self.arguments.pop() else {
                return self.said_other_names();
            };
            if argument.as_os_str() == "-" {
                return Some(Walked::Input(Input::Stdin));
            }
            if argument.is_dir() {
                match self.enter(&argument) {
                    Ok(()) => continue,
                    Err(walked) => return Some(walked),
                }
            }
            // A named file is read whatever its name; a missing one fails
            // when it is loaded.
            return Some(Walked::Input(Input::File(argument)));
        }
    }
}

impl Walk {
    /// Pushes the sorted listing of `dir`; a loop is skipped, an unreadable
    /// directory fails.
    fn enter(&mut self, dir: &Path) -> Result<(), Walked> {
        let failed =
            |e: io::Error| Walked::Failed(Failure::new(dir.display().to_string(), e.to_string()));
        let id = dir_id(dir).map_err(failed)?;
        if let Some(ancestor) = self.stack.iter().find(|d| d.id == id) {
            return Err(Walked::Skipped(format!(
                "skipped {}: a symbolic link to {}, which it is inside (a loop)",
                dir.display(),
                ancestor.path.display()
            )));
        }
        let mut entries = fs::read_dir(dir)
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
            .map_err(failed)?;
        // One directory's entries differ in their last component only:
        // comparing names is the order of their paths, without walking the
        // components of each.
        entries.sort_unstable_by(|a, b| b.path.file_name().cmp(&a.path.file_name()));
        self.stack.push(Dir {
            id,
            path: dir.to_path_buf(),
            entries,
        });
        Ok(())
    }

    /// Once, at the end: how many files were left out for their name.
    fn said_other_names(&mut self) -> Option<Walked> {
        let example = self.other_example.take()?;
        let count = std::mem::take(&mut self.other_names);
        let files = if count == 1 { "file" } else { "files" };
        Some(Walked::Skipped(format!(
            "skipped {count} {files} not named *.{} (such as {})",
            self.extension,
            example.display()
        )))
    }
}

/// `*.EXTENSION`, any case.
fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case(extension))
}
