//! A workload for a profiler: the real corpus and the generated archive,
//! parsed `BULLETIN_PROFILE_ROUNDS` times (default 50) article by article,
//! or, with `BULLETIN_PROFILE=archive`, the corpus concatenated into one
//! text and parsed with `parse_archive`, or, with `BULLETIN_PROFILE=files`,
//! the corpus alone file by file (the same work as `archive` without the
//! splitting, to compare their profiles). Build it with
//! `cargo bench --bench profile --no-run`, then run the binary cargo names
//! under `perf record` or `valgrind --tool=callgrind`.

mod inputs;

fn main() {
    let rounds: usize = std::env::var("BULLETIN_PROFILE_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(50);
    let mode = std::env::var("BULLETIN_PROFILE").unwrap_or_default();
    let archive = mode == "archive";
    let mut texts = inputs::real_corpus();
    if texts.is_empty() {
        eprintln!("note: corpus not found; profiling the generated archive only");
    }
    let options = bulletin::ParseOptions::new().lenient(true);
    let mut items = 0;
    if archive {
        let joined = texts.join("\n\n");
        for _ in 0..rounds {
            items += options.parse_archive(&joined).count();
        }
    } else {
        if mode != "files" {
            texts.extend(inputs::archive(4_000_000));
        }
        for _ in 0..rounds {
            for text in &texts {
                items += options.parse(text).map_or(0, |a| a.body.len());
            }
        }
    }
    println!("{rounds} rounds, {items} items");
}
