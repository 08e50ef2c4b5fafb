//! A workload for a profiler: the real corpus and the generated archive,
//! parsed `BULLETIN_PROFILE_ROUNDS` times (default 50). Build it with
//! `cargo bench --bench profile --no-run`, then run the binary cargo names
//! under `perf record` or `valgrind --tool=callgrind`.

mod inputs;

fn main() {
    let rounds: usize = std::env::var("BULLETIN_PROFILE_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(50);
    let mut texts = inputs::real_corpus();
    if texts.is_empty() {
        eprintln!("note: corpus not found; profiling the generated archive only");
    }
    texts.extend(inputs::archive(4_000_000));
    let options = bulletin::ParseOptions::new().lenient(true);
    let mut blocks = 0;
    for _ in 0..rounds {
        for text in &texts {
            blocks += options.parse(text).map_or(0, |a| a.body.len());
        }
    }
    println!("{rounds} rounds, {blocks} blocks");
}
