//! Article back to bulletin text.
//!
//! TODO: replace with Display once render lands — this whole module is a
//! minimal stand-in for the library's `impl Display for Article`; `render`
//! should call `article.to_string()` instead and this file go away.

use bulletin::{Article, Block};

/// The article as bulletin text: title, header line, byline, captions,
/// body blocks, notes and footer, a blank line between blocks.
// TODO: replace with Display once render lands
pub fn render_text(article: &Article<'_>) -> String {
    let mut out = String::new();
    if let Some(title) = &article.title {
        out.push_str(title);
        out.push('\n');
    }
    if let Some(header) = &article.header {
        out.push_str("Publication: ");
        out.push_str(&header.publication);
        if let Some(volume) = header.volume {
            out.push_str(&format!(" Volume: {volume}"));
        }
        if let Some(issue) = header.issue {
            out.push_str(&format!(" Issue: {issue}"));
        }
        out.push('\n');
        if !header.authors.is_empty() {
            out.push_str("By ");
            out.push_str(&header.authors.join(" and "));
            out.push('\n');
        }
    }
    out.push('\n');
    for caption in &article.captions {
        out.push_str(&caption.text);
        out.push_str("\n\n");
    }
    for block in &article.body {
        match block {
            Block::Heading { text, .. } => out.push_str(text),
            Block::Paragraph { .. } => out.push_str(&block.text()),
        }
        out.push_str("\n\n");
    }
    for note in &article.notes {
        out.push_str(&format!("{}. {}\n\n", note.number, note.text));
    }
    if let Some(footer) = &article.footer {
        out.push_str(&footer.text);
        out.push_str("\n\n");
    }
    if let Some(next) = &article.next_headline {
        out.push_str(&next.text);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
