//! The files `bulletin.table` reads, as the command line finds and decodes
//! them: a directory stands for every `*.txt` file under it (recursively,
//! in name order, symbolic links followed, a link back into the walk
//! skipped), and bytes that are not UTF-8 are Windows-1252 unless a
//! UTF-16 byte-order mark says otherwise.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The files named by `paths`, in order, directories expanded.
pub fn walk(paths: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| with_path(e, path))?;
        if meta.is_dir() {
            let mut inside = HashSet::new();
            walk_dir(path, &mut inside, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Adds the `*.txt` files under `dir`; `inside` holds the directories the
/// walk is in, so that a link to one of them is not followed forever.
fn walk_dir(dir: &Path, inside: &mut HashSet<PathBuf>, files: &mut Vec<PathBuf>) -> io::Result<()> {
    let real = fs::canonicalize(dir).map_err(|e| with_path(e, dir))?;
    if !inside.insert(real.clone()) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| with_path(e, dir))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<io::Result<_>>()
        .map_err(|e| with_path(e, dir))?;
    entries.sort();
    for path in entries {
        // A broken link is skipped, as the command line skips it.
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk_dir(&path, inside, files)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        {
            files.push(path);
        }
    }
    inside.remove(&real);
    Ok(())
}

/// The bytes of the file at `path`; an error names it.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    fs::read(path).map_err(|e| with_path(e, path))
}

/// `error` with the path it is about, as Python's own messages have it.
fn with_path(error: io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {}", path.display(), error))
}

/// The text of `bytes`: UTF-8 as it is (a UTF-8 byte-order mark kept, the
/// parser skips it), UTF-16 after its byte-order mark, anything else
/// Windows-1252, which maps every byte. `None` for UTF-16 that does not
/// decode.
pub fn decode(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] => Some(encoding_rs::UTF_16BE),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        return encoding
            .decode_without_bom_handling_and_without_replacement(bytes.get(2..)?)
            .map(|text| Cow::Owned(text.into_owned()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(Cow::Borrowed(text)),
        Err(_) => Some(
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0,
        ),
    }
}
