//! Parses every file given, many times: a workload for a profiler.
//! `cargo run --release --example profile_corpus -- ROUNDS FILE...`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().ok_or("usage: ROUNDS FILE...")?.parse()?;
    let texts: Vec<String> = args
        .map(std::fs::read_to_string)
        .collect::<Result<_, _>>()?;
    let options = bulletin::ParseOptions::new().lenient(true);
    let mut blocks = 0;
    for _ in 0..rounds {
        for text in &texts {
            blocks += options.parse(text).map_or(0, |a| a.body.len());
        }
    }
    println!("{blocks} blocks");
    Ok(())
}
