//! Shared test helpers: locating the shared corpus of real bulletins.
#![allow(dead_code)]

pub mod daily;
pub mod summary;

use std::path::{Path, PathBuf};

/// The shared corpus: `../shared/corpus` beside the project, or
/// `$BULLETIN_CORPUS`. `None` (with a note on stderr) when neither exists,
/// so the project's own tests still run on a bare clone.
pub fn corpus_dir() -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let candidates = std::env::var_os("BULLETIN_CORPUS")
        .map(PathBuf::from)
        .into_iter()
        .chain([beside]);
    for dir in candidates {
        if dir.join("real").is_dir() {
            return Some(dir);
        }
    }
    eprintln!("note: shared corpus not found; corpus checks skipped");
    None
}

/// Every `real/*.txt` file of the corpus, sorted by name.
pub fn real_files(corpus: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join("real"))
        .expect("read corpus/real")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The text of `path`.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}
