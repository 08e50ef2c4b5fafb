//! Prints the JSON of one bulletin file: `cargo run --example dump -- FILE`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dump FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let article = bulletin::ParseOptions::new().lenient(true).parse(&text)?;
    println!("{}", serde_json::to_string_pretty(&article)?);
    Ok(())
}
