//! The README's JSON example is what the parser gives for the README's
//! input: the two fenced blocks after the `readme-json-input` and
//! `readme-json-output` markers.

use serde_json::Value;

/// The fenced block after `marker` in `text`, without its fences.
fn block_after<'t>(text: &'t str, marker: &str) -> &'t str {
    let after = &text[text.find(marker).unwrap_or_else(|| panic!("no {marker}"))..];
    let open = after.find("```").unwrap();
    let body = &after[open..];
    let body = &body[body.find('\n').unwrap() + 1..];
    &body[..body.find("```").unwrap()]
}

#[test]
fn the_json_example_is_real_output() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let input = block_after(&readme, "<!-- readme-json-input -->");
    let shown: Value = serde_json::from_str(block_after(&readme, "<!-- readme-json-output -->"))
        .expect("the README's JSON example is JSON");
    let article = bulletin::parse_article(input).unwrap();
    assert_eq!(serde_json::to_value(&article).unwrap(), shown);
}
