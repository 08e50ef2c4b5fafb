//! Citations written in the answer key's one-line summary format
//! (`source "Itar-Tass" 1999-09-19..1999-09-20; see "the Monitor" 1999-09-03`),
//! an attribution clause after its group's dates with its phrase
//! (`source "Akhali Taoba" 2000-03-03 as cited by "Interfax"`).

use bulletin::{Citation, CitedDate, Group, SourceGroup};

/// A date as `YYYY-MM-DD`, a range as `START..END`, `?` when unresolved.
pub fn date_summary(d: &CitedDate<'_>) -> String {
    match (d.start, d.end) {
        (Some(s), Some(e)) if s == e => s.to_string(),
        (Some(s), Some(e)) => format!("{s}..{e}"),
        _ => "?".to_string(),
    }
}

fn push_dates(out: &mut String, dates: &[CitedDate<'_>]) {
    if !dates.is_empty() {
        out.push(' ');
        let dates: Vec<String> = dates.iter().map(date_summary).collect();
        out.push_str(&dates.join(", "));
    }
}

fn push_source(out: &mut String, g: &SourceGroup<'_>) {
    for outlet in &g.outlets {
        out.push_str(&format!(" \"{outlet}\""));
    }
    push_dates(out, &g.dates);
    if let Some(by) = &g.translated_by {
        out.push_str(" translated");
        push_source(out, by);
    }
    if let Some(relay) = &g.cited_by {
        out.push(' ');
        out.push_str(relay.keyword.as_deref().unwrap_or("cited by"));
        push_source(out, relay);
    }
}

/// A citation in the answer key's summary format.
pub fn summary(c: &Citation<'_>) -> String {
    match c {
        Citation::Url { url } => format!("url {url}"),
        Citation::NoteMarker { number, .. } => format!("note {number}"),
        Citation::Sources { groups } => groups
            .iter()
            .map(|g| {
                let mut out = String::new();
                match g {
                    Group::Source(s) => {
                        out.push_str("source");
                        push_source(&mut out, s);
                    }
                    Group::See(r) => {
                        out.push_str(&format!("see \"{}\"", r.target));
                        push_dates(&mut out, &r.dates);
                    }
                }
                out
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}
