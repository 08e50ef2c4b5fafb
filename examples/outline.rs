//! Prints an outline of each bulletin file: `cargo run --example outline -- FILE...`.
use bulletin::{Block, ParseOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = ParseOptions::new().lenient(true);
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let article = options.parse(&text)?;
        println!("== {path}");
        for line in &article.chrome {
            println!("  chrome   {}", line.text);
        }
        for line in &article.captions {
            println!("  caption  {}", line.text);
        }
        for block in &article.body {
            let (kind, text) = match block {
                Block::Heading { text, .. } => ("heading ", text.to_string()),
                Block::Paragraph { .. } => ("para    ", block.text().into_owned()),
            };
            println!("  {kind} {}", text.chars().take(70).collect::<String>());
        }
        for note in &article.notes {
            println!("  note {}  {}", note.number, note.text);
        }
        if let Some(footer) = &article.footer {
            println!("  footer   {:?}", footer.publication);
        }
        if let Some(line) = &article.next_headline {
            println!("  next     {}", line.text);
        }
    }
    Ok(())
}
