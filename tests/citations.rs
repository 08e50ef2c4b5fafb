//! Inline citations: the seed's three, every form of docs/FORMAT.md §5
//! (citations and non-citations) in invented sentences, date resolution,
//! and property tests.

mod common;

use bulletin::{
    Article, Citation, DateContext, DiagnosticKind, Group, Inline, MarkerStyle, ParseOptions,
};
use common::summary::summary;
use proptest::prelude::*;
use time::macros::date;

/// Volume 6 of the Monitor is 2000; issue 200 is estimated mid-October, so
/// no date of 2000 is rolled back.
const HEADER: &str = "Publication: Monitor Volume: 6 Issue: 200\n\n";

fn article(body: &str) -> (String, Article<'static>) {
    let text = format!("{HEADER}{body}\n");
    let article = bulletin::parse_article(&text)
        .expect("the invented article parses")
        .into_owned();
    (text, article)
}

/// The citations of a one-paragraph article, as `(raw, summary)`, after
/// checking that the paragraph's inlines cover its text exactly.
fn citations(body: &str) -> Vec<(String, String)> {
    let (text, article) = article(body);
    for block in &article.body {
        let joined: String = block.inlines().iter().map(Inline::text).collect();
        if let Some(expected) = block.span().slice(&text) {
            if !block.inlines().is_empty() {
                assert_eq!(joined, expected);
            }
        }
        for inline in block.inlines() {
            assert_eq!(inline.span().slice(&text), Some(inline.text()));
        }
    }
    article
        .citations()
        .map(|c| (c.raw.to_string(), summary(c.citation)))
        .collect()
}

/// `body` holds exactly one citation, `raw`, summarised as `expected`.
fn assert_cites(body: &str, raw: &str, expected: &str) {
    let found = citations(body);
    assert_eq!(
        found,
        [(raw.to_string(), expected.to_string())],
        "in {body:?}"
    );
}

fn assert_no_citation(body: &str) {
    assert_eq!(citations(body), [], "in {body:?}");
}

// ---------------------------------------------------------------- the seed

#[test]
fn the_seed_has_exactly_three_citations() {
    let Some(corpus) = common::corpus_dir() else {
        eprintln!("note: no corpus at ../shared/corpus or $BULLETIN_CORPUS; skipped");
        return;
    };
    let text = std::fs::read_to_string(corpus.join("seed/monitor-v05-i173.txt"))
        .expect("the seed is readable");
    let article = bulletin::parse_article(&text).expect("the seed parses");
    let found: Vec<_> = article.citations().collect();
    assert_eq!(found.len(), 3);

    assert_eq!(found[0].raw, "(see the Monitor, September 3)");
    assert_eq!((found[0].span.start, found[0].span.end), (58, 88));
    let [Group::See(see)] = found[0].citation.groups() else {
        panic!("one see group expected: {:?}", found[0].citation);
    };
    assert_eq!(see.target, "the Monitor");
    assert_eq!(see.keyword.as_deref(), Some("see"));
    assert_eq!(see.dates.len(), 1);
    assert_eq!(see.dates[0].text, "September 3");
    assert_eq!(see.dates[0].start, Some(date!(1999 - 09 - 03)));
    assert_eq!(see.dates[0].end, Some(date!(1999 - 09 - 03)));

    assert_eq!(found[1].raw, "(see the Monitor, August 31, September 1)");
    assert_eq!((found[1].span.start, found[1].span.end), (598, 639));
    let [Group::See(see)] = found[1].citation.groups() else {
        panic!("one see group expected: {:?}", found[1].citation);
    };
    assert_eq!(see.target, "the Monitor");
    let starts: Vec<_> = see.dates.iter().map(|d| d.start).collect();
    assert_eq!(
        starts,
        [Some(date!(1999 - 08 - 31)), Some(date!(1999 - 09 - 01))]
    );

    assert_eq!(
        found[2].raw,
        "(Itar-Tass, KyrgyzHabar, September 19-20; Nezavisimaya gazeta, Segodnya, September 16)"
    );
    assert_eq!((found[2].span.start, found[2].span.end), (3114, 3200));
    let [Group::Source(first), Group::Source(second)] = found[2].citation.groups() else {
        panic!("two source groups expected: {:?}", found[2].citation);
    };
    assert_eq!(first.outlets, ["Itar-Tass", "KyrgyzHabar"]);
    assert_eq!(first.dates.len(), 1);
    assert_eq!(first.dates[0].text, "September 19-20");
    assert_eq!(first.dates[0].start, Some(date!(1999 - 09 - 19)));
    assert_eq!(first.dates[0].end, Some(date!(1999 - 09 - 20)));
    assert_eq!(second.outlets, ["Nezavisimaya gazeta", "Segodnya"]);
    assert_eq!(second.dates[0].start, Some(date!(1999 - 09 - 16)));
    assert_eq!(second.dates[0].end, Some(date!(1999 - 09 - 16)));

    for c in &found {
        assert_eq!(c.span.slice(&text), Some(c.raw));
    }
    assert_eq!(article.cross_references().count(), 2);
    let outlets: Vec<_> = article.outlets().collect();
    assert_eq!(
        outlets,
        [
            "Itar-Tass",
            "KyrgyzHabar",
            "Nezavisimaya gazeta",
            "Segodnya"
        ]
    );
}

// ------------------------------------------------- source citations, §5

#[test]
fn source_citations() {
    let cases = [
        (
            "The ministry denied the report (Interfax, March 3).",
            "(Interfax, March 3)",
            "source \"Interfax\" 2000-03-03",
        ),
        (
            "Talks dragged on for two days (Itar-Tass, Prime-News, March 3-4).",
            "(Itar-Tass, Prime-News, March 3-4)",
            "source \"Itar-Tass\" \"Prime-News\" 2000-03-03..2000-03-04",
        ),
        (
            "Both papers ran the story (Rezonansi, March 2; Interfax, March 3).",
            "(Rezonansi, March 2; Interfax, March 3)",
            "source \"Rezonansi\" 2000-03-02; source \"Interfax\" 2000-03-03",
        ),
        (
            "The daily returned to the subject twice (Kommersant, July 4 and 5).",
            "(Kommersant, July 4 and 5)",
            "source \"Kommersant\" 2000-07-04, 2000-07-05",
        ),
        (
            "The columnist was unimpressed (Segodnya, July 22, 31).",
            "(Segodnya, July 22, 31)",
            "source \"Segodnya\" 2000-07-22, 2000-07-31",
        ),
        (
            "Three dispatches mentioned the convoy (AFP, September 6, 10, 12).",
            "(AFP, September 6, 10, 12)",
            "source \"AFP\" 2000-09-06, 2000-09-10, 2000-09-12",
        ),
        (
            "Fighting flared over the long weekend (Reuters, August 30-September 2).",
            "(Reuters, August 30-September 2)",
            "source \"Reuters\" 2000-08-30..2000-09-02",
        ),
        (
            "Water quotas were cut (Focus Central Asia [Almaty], May 29 and 30).",
            "(Focus Central Asia [Almaty], May 29 and 30)",
            "source \"Focus Central Asia [Almaty]\" 2000-05-29, 2000-05-30",
        ),
        (
            "Grain exports fell (Dow Jones Newswires, Eastern Economist Daily (Kyiv), December 23-24).",
            "(Dow Jones Newswires, Eastern Economist Daily (Kyiv), December 23-24)",
            "source \"Dow Jones Newswires\" \"Eastern Economist Daily (Kyiv)\" 2000-12-23..2000-12-24",
        ),
        (
            "The anchor repeated the claim (Interfax & Russian TV, \"Vesti,\" May 23).",
            "(Interfax & Russian TV, \"Vesti,\" May 23)",
            "source \"Interfax\" \"Russian TV\" \"Vesti\" 2000-05-23",
        ),
        (
            "The weekly printed the letter (Argumenty i fakty, No. 11, March 1999).",
            "(Argumenty i fakty, No. 11, March 1999)",
            "source \"Argumenty i fakty\" ?",
        ),
        (
            "The editorial was blunt (Prima, November 21, translated by BBC Monitoring, November 21).",
            "(Prima, November 21, translated by BBC Monitoring, November 21)",
            "source \"Prima\" 2000-11-21 translated \"BBC Monitoring\" 2000-11-21",
        ),
        (
            "The site later deleted the post (, May 11).",
            "(, May 11)",
            "source 2000-05-11",
        ),
        (
            "The decree was published online (Kremlin.ru, October 30).",
            "(Kremlin.ru, October 30)",
            "source \"Kremlin.ru\" 2000-10-30",
        ),
        (
            "A later report disputed it (News.example, November 8, 2016).",
            "(News.example, November 8, 2016)",
            "source \"News.example\" 2016-11-08",
        ),
        (
            "The anchor misspoke (RTR, March, 17).",
            "(RTR, March, 17)",
            "source \"RTR\" 2000-03-17",
        ),
    ];
    for (body, raw, expected) in cases {
        assert_cites(body, raw, expected);
    }
}

#[test]
fn issue_numbers_and_translations_are_kept_apart() {
    let ctx = DateContext::in_year(2000);
    let cited = bulletin::parse_citation("(Argumenty i fakty, No. 11, March 1999)", &ctx).unwrap();
    let [Group::Source(g)] = cited.groups() else {
        panic!("{cited:?}");
    };
    assert_eq!(g.outlets, ["Argumenty i fakty"]);
    assert_eq!(g.number.as_deref(), Some("No. 11"));
    assert_eq!(g.dates[0].text, "March 1999");
    assert_eq!(g.dates[0].from.year, Some(1999));
    assert_eq!(g.dates[0].from.day, None);

    let cited = bulletin::parse_citation(
        "(Prima, November 21, translated by BBC Monitoring, November 21)",
        &ctx,
    )
    .unwrap();
    let [Group::Source(g)] = cited.groups() else {
        panic!("{cited:?}");
    };
    assert_eq!(g.outlets, ["Prima"]);
    let by = g.translated_by.as_deref().unwrap();
    assert_eq!(by.outlets, ["BBC Monitoring"]);
    assert_eq!(by.dates[0].start, Some(date!(2000 - 11 - 21)));
}

#[test]
fn dates_reach_translations_nested_at_any_depth() {
    let ctx = DateContext::in_year(2000);
    let cited = bulletin::parse_citation(
        "(Prima, May 1, translated by BBC, May 2, translated by FBIS, May 3)",
        &ctx,
    )
    .unwrap();
    let days: Vec<_> = cited.dates().map(|d| d.start.unwrap()).collect();
    assert_eq!(
        days,
        [
            date!(2000 - 05 - 01),
            date!(2000 - 05 - 02),
            date!(2000 - 05 - 03)
        ]
    );
}

// --------------------------------------- newer forms, FORMAT.md §5.6

#[test]
fn newer_forms() {
    let cases = [
        (
            "Both agencies carried the statement (Interfax, Itar-Tass, May 22 through 26).",
            "(Interfax, Itar-Tass, May 22 through 26)",
            "source \"Interfax\" \"Itar-Tass\" 2000-05-22..2000-05-26",
        ),
        (
            "The blockade lasted a fortnight (Interfax, May 22 to June 3).",
            "(Interfax, May 22 to June 3)",
            "source \"Interfax\" 2000-05-22..2000-06-03",
        ),
        (
            "The story spread (Rezonansi, March 2; Akhali Taoba, March 3, as cited by Interfax).",
            "(Rezonansi, March 2; Akhali Taoba, March 3, as cited by Interfax)",
            "source \"Rezonansi\" 2000-03-02; source \"Akhali Taoba\" 2000-03-03 as cited by \"Interfax\"",
        ),
        (
            "The deputy repeated it (Segodnya, April 4, as quoted by AFP, April 5).",
            "(Segodnya, April 4, as quoted by AFP, April 5)",
            "source \"Segodnya\" 2000-04-04 as quoted by \"AFP\" 2000-04-05",
        ),
        (
            "Troops were moved (Reuters, May 4, citing Interfax).",
            "(Reuters, May 4, citing Interfax)",
            "source \"Reuters\" 2000-05-04 citing \"Interfax\"",
        ),
        (
            "The decree was read out (Prima, November 21, via BBC Monitoring).",
            "(Prima, November 21, via BBC Monitoring)",
            "source \"Prima\" 2000-11-21 via \"BBC Monitoring\"",
        ),
        (
            "The page was taken down (, Reuters, June 16).",
            "(, Reuters, June 16)",
            "source \"Reuters\" 2000-06-16",
        ),
        (
            "Both channels showed the clash (NTV and RTR television, April 2).",
            "(NTV and RTR television, April 2)",
            "source \"NTV and RTR television\" 2000-04-02",
        ),
        (
            "The papers disagreed (Interfax, May 3, Rezonansi, May 4).",
            "(Interfax, May 3, Rezonansi, May 4)",
            "source \"Interfax\" 2000-05-03; source \"Rezonansi\" 2000-05-04",
        ),
        (
            "Three reports followed (Interfax, May 3 and 4, Rezonansi, May 5, 2001, AFP, May 6-7).",
            "(Interfax, May 3 and 4, Rezonansi, May 5, 2001, AFP, May 6-7)",
            "source \"Interfax\" 2000-05-03, 2000-05-04; source \"Rezonansi\" 2001-05-05; source \"AFP\" 2000-05-06..2000-05-07",
        ),
        (
            "It was reported twice (see the Monitor, July 12, the Fortnight in Review, July 7).",
            "(see the Monitor, July 12, the Fortnight in Review, July 7)",
            "see \"the Monitor\" 2000-07-12; see \"the Fortnight in Review\" 2000-07-07",
        ),
        (
            "The translation was relayed (Prima, May 1, translated by BBC Monitoring, May 2, via Interfax, May 3).",
            "(Prima, May 1, translated by BBC Monitoring, May 2, via Interfax, May 3)",
            "source \"Prima\" 2000-05-01 translated \"BBC Monitoring\" 2000-05-02 via \"Interfax\" 2000-05-03",
        ),
    ];
    for (body, raw, expected) in cases {
        assert_cites(body, raw, expected);
    }
}

#[test]
fn a_range_word_keeps_its_text_in_one_date() {
    let ctx = DateContext::in_year(2000);
    let cited = bulletin::parse_citation("(Interfax, Itar-Tass, May 22 through 26)", &ctx).unwrap();
    let [Group::Source(g)] = cited.groups() else {
        panic!("{cited:?}");
    };
    assert_eq!(g.outlets, ["Interfax", "Itar-Tass"]);
    assert_eq!(g.dates.len(), 1);
    assert_eq!(g.dates[0].text, "May 22 through 26");
    assert_eq!(g.dates[0].start, Some(date!(2000 - 05 - 22)));
    assert_eq!(g.dates[0].end, Some(date!(2000 - 05 - 26)));
    assert_eq!(cited.to_string(), "(Interfax, Itar-Tass, May 22-26)");
    let dates = bulletin::parse_dates("May 30 to June 2, 2001", &ctx).unwrap();
    assert_eq!(dates.len(), 1);
    assert_eq!(dates[0].end, Some(date!(2001 - 06 - 02)));
}

#[test]
fn an_attribution_clause_keeps_the_group_and_records_the_relay() {
    let ctx = DateContext::in_year(2000);
    let cited = bulletin::parse_citation(
        "(Rezonansi, March 2; Akhali Taoba, March 3, as cited by Interfax, March 4)",
        &ctx,
    )
    .unwrap();
    let [Group::Source(first), Group::Source(g)] = cited.groups() else {
        panic!("{cited:?}");
    };
    assert_eq!(first.cited_by, None);
    assert_eq!(g.outlets, ["Akhali Taoba"]);
    assert_eq!(g.dates[0].start, Some(date!(2000 - 03 - 03)));
    assert_eq!(g.keyword, None);
    let relay = g.cited_by.as_deref().unwrap();
    assert_eq!(relay.keyword.as_deref(), Some("as cited by"));
    assert_eq!(relay.outlets, ["Interfax"]);
    assert_eq!(relay.dates[0].start, Some(date!(2000 - 03 - 04)));
    // `Citation::dates` and every visitor reach the clause.
    let days: Vec<_> = cited.dates().map(|d| d.start.unwrap()).collect();
    assert_eq!(
        days,
        [
            date!(2000 - 03 - 02),
            date!(2000 - 03 - 03),
            date!(2000 - 03 - 04)
        ]
    );
    // The JSON adds `cited_by` and the relay's `keyword`; nothing moves.
    let json = serde_json::to_value(&cited).unwrap();
    let group = &json["groups"][1];
    assert_eq!(group["outlets"], serde_json::json!(["Akhali Taoba"]));
    assert_eq!(group["cited_by"]["keyword"], "as cited by");
    assert_eq!(
        group["cited_by"]["outlets"],
        serde_json::json!(["Interfax"])
    );
    assert_eq!(group["cited_by"]["dates"][0]["start"], "2000-03-04");
    assert!(json["groups"][0].get("cited_by").is_none());
    assert!(group.get("keyword").is_none());
    let back: Citation<'_> = serde_json::from_value(json).unwrap();
    assert_eq!(back, cited);
}

#[test]
fn run_together_groups_and_stripped_links_with_outlets() {
    let ctx = DateContext::in_year(2000);
    let cited = bulletin::parse_citation("(Interfax, May 3, Rezonansi, May 4)", &ctx).unwrap();
    let [Group::Source(a), Group::Source(b)] = cited.groups() else {
        panic!("{cited:?}");
    };
    assert_eq!(a.outlets, ["Interfax"]);
    assert_eq!(b.outlets, ["Rezonansi"]);
    assert_eq!(cited.to_string(), "(Interfax, May 3; Rezonansi, May 4)");
    let cited = bulletin::parse_citation("(, Reuters, June 16)", &ctx).unwrap();
    let [Group::Source(g)] = cited.groups() else {
        panic!("{cited:?}");
    };
    assert_eq!(g.outlets, ["Reuters"]);
    let cited = bulletin::parse_citation("(NTV and RTR television, April 2)", &ctx).unwrap();
    let [Group::Source(g)] = cited.groups() else {
        panic!("{cited:?}");
    };
    assert_eq!(g.outlets, ["NTV and RTR television"]);
}

#[test]
fn the_newer_words_do_not_make_prose_a_citation() {
    for body in [
        "Officials were quoted (Interfax, May 3, citing unnamed officials).",
        "The rally lasted (Interfax, May 3 through the weekend).",
        "The count ran (from May 3 to June 4).",
        "Two papers wrote (Interfax, May 3, and others, May 4).",
        "A date was given (Interfax, May 3, p. 4).",
        "The talks went on (see the Monitor, May 3, via satellite).",
        "The comma was stray (Interfax, May 3,).",
    ] {
        assert_no_citation(body);
    }
}

// ------------------------------------------------------ cross-references

#[test]
fn cross_references() {
    let cases = [
        (
            "The talks had stalled before (see the Monitor, February 18).",
            "(see the Monitor, February 18)",
            "see \"the Monitor\" 2000-02-18",
        ),
        (
            "The envoy had warned of this. (See Monitor, March 9)",
            "(See Monitor, March 9)",
            "see \"Monitor\" 2000-03-09",
        ),
        (
            "The pattern is familiar (see the Monitor, August 1, November 22).",
            "(see the Monitor, August 1, November 22)",
            "see \"the Monitor\" 2000-08-01, 2000-11-22",
        ),
        (
            "It was first proposed a year ago (see the Monitor, November 2, 2001).",
            "(see the Monitor, November 2, 2001)",
            "see \"the Monitor\" 2001-11-02",
        ),
        (
            "The deal was reported twice (see the Monitor, July 12; the Fortnight in Review, July 7).",
            "(see the Monitor, July 12; the Fortnight in Review, July 7)",
            "see \"the Monitor\" 2000-07-12; see \"the Fortnight in Review\" 2000-07-07",
        ),
        (
            "Tariffs rose again. (On the pipeline see also Monitor, October 23)",
            "(On the pipeline see also Monitor, October 23)",
            "see \"Monitor\" 2000-10-23",
        ),
        (
            "The base has a long history (see EDM, December 14, 2017).",
            "(see EDM, December 14, 2017)",
            "see \"EDM\" 2017-12-14",
        ),
        (
            "The governor resigned (see previous story).",
            "(see previous story)",
            "see \"previous story\"",
        ),
        (
            "The figures are disputed (see below).",
            "(see below)",
            "see \"below\"",
        ),
        (
            "The first half of the story is told elsewhere (see Part One).",
            "(see Part One)",
            "see \"Part One\"",
        ),
        (
            "The weekly said so (Argumenty i fakty, No. 11, March 1999; see the Monitor, March 16).",
            "(Argumenty i fakty, No. 11, March 1999; see the Monitor, March 16)",
            "source \"Argumenty i fakty\" ?; see \"the Monitor\" 2000-03-16",
        ),
    ];
    for (body, raw, expected) in cases {
        assert_cites(body, raw, expected);
    }
}

#[test]
fn cross_reference_keywords_and_topics() {
    let ctx = DateContext::in_year(2000);
    let cited =
        bulletin::parse_citation("(On the pipeline see also Monitor, October 23)", &ctx).unwrap();
    let [Group::See(r)] = cited.groups() else {
        panic!("{cited:?}");
    };
    assert_eq!(r.topic.as_deref(), Some("the pipeline"));
    assert_eq!(r.keyword.as_deref(), Some("see also"));
    assert_eq!(r.target, "Monitor");

    let cited = bulletin::parse_citation("(See Monitor, March 9)", &ctx).unwrap();
    let [Group::See(r)] = cited.groups() else {
        panic!("{cited:?}");
    };
    assert_eq!(r.keyword.as_deref(), Some("See"));
    assert_eq!(r.topic, None);
}

// ------------------------------------------------- URLs, notes, markers

#[test]
fn urls_notes_and_markers() {
    assert_cites(
        "The full text is online (https://www.example.org/news/123.html).",
        "(https://www.example.org/news/123.html)",
        "url https://www.example.org/news/123.html",
    );
    assert_cites(
        "The ministry posted the order (www.example.gov).",
        "(www.example.gov)",
        "url www.example.gov",
    );
    assert_cites(
        "The minister called the plan \"premature.\" (16)",
        "(16)",
        "note 16",
    );
    assert_cites(
        "Analysts in the capital doubt the figures. [3] Others agree.",
        "[3]",
        "note 3",
    );
    let ctx = DateContext::unknown();
    assert_eq!(
        bulletin::parse_citation("[3]", &ctx),
        Some(Citation::NoteMarker {
            number: 3,
            style: MarkerStyle::Bracket
        })
    );
    assert_eq!(
        bulletin::parse_citation("(16)", &ctx),
        Some(Citation::NoteMarker {
            number: 16,
            style: MarkerStyle::Paren
        })
    );
}

#[test]
fn note_markers_link_to_notes() {
    let text = format!(
        "{HEADER}The deal was struck after midnight, officials said on Wednesday.\n\n\
         The minister denied everything when reporters caught up with him \
         outside the government building late on Tuesday evening. (1) His deputy \
         did not. (2)\n\n\
         The plan is now expected to go to parliament before the end of the year, \
         although few deputies have seen it.\n\n\
         1. Itar-Tass, October 31\n\n2. Interfax, October 30 and 31\n\n\
         The Monitor is a publication of the Jamestown Foundation.\n"
    );
    let article = bulletin::parse_article(&text).unwrap();
    let numbers: Vec<u32> = article
        .citations()
        .filter_map(|c| match c.citation {
            Citation::NoteMarker { number, .. } => Some(*number),
            _ => None,
        })
        .collect();
    assert_eq!(numbers, [1, 2]);
    let note = article.note(2).expect("note 2");
    let cited = note.citation.as_ref().expect("note 2 is a citation");
    assert_eq!(summary(cited), "source \"Interfax\" 2000-10-30, 2000-10-31");
    let note = article.note(1).expect("note 1");
    assert_eq!(
        summary(note.citation.as_ref().unwrap()),
        "source \"Itar-Tass\" 2000-10-31"
    );
}

#[test]
fn enumerations_are_not_note_markers() {
    assert_no_citation(
        "The rebels demanded that the capital (1) free the prisoners, (2) pull back its \
         troops, and (3) open the pass.",
    );
}

// ------------------------------------------------------- non-citations

#[test]
fn ordinary_parentheticals_stay_text() {
    for body in [
        "Observers from the security organization (OSCE) arrived on Monday.",
        "The communists (KPRF) walked out of the chamber.",
        "Soldiers sold their equipment (boots) at the market.",
        "American (and Israeli) diplomats were present.",
        "The ceasefire holds (in theory at least) along the river.",
        "The bill failed (94 in favor, 253 against) after a long debate.",
        "The festival week (November 27-December 3) was cancelled.",
        "A new agency was created (the latter is expected to be upgraded to a ministry).",
        "Parliament will decide soon. (The vote is scheduled for March 2002.)",
        "The crowd numbered in the thousands (1,200) by noon.",
        "The summit fell on a holiday (July 5) this year.",
        "He cited the U.S. (e.g. its sanctions) as a model.",
    ] {
        assert_no_citation(body);
    }
}

#[test]
fn an_unclosed_parenthesis_at_the_end_stays_text() {
    let (text, article) = article("The weekly Zavtra (October 4 issue) quoted a banker (Zavtra");
    assert_eq!(article.citations().count(), 0);
    let unclosed: Vec<_> = article
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::UnclosedParenthesis)
        .collect();
    assert_eq!(unclosed.len(), 1);
    assert_eq!(unclosed[0].span.slice(&text), Some("(Zavtra"));
}

#[test]
fn nested_and_runaway_parentheses() {
    assert_no_citation("A long aside (with (nested (parentheses)) inside) ends here.");
    let body = format!("{} and then (Interfax, May 3).", "(".repeat(20_000));
    let found = citations(&body);
    assert_eq!(
        found,
        [(
            "(Interfax, May 3)".to_string(),
            "source \"Interfax\" 2000-05-03".to_string()
        )]
    );
    let body = format!("{}x{}", "(".repeat(10_000), ")".repeat(10_000));
    assert_no_citation(&body);
}

// ----------------------------------------------------------------- dates

#[test]
fn dates_resolve_backwards_from_the_issue() {
    // Volume 7, issue 2 of the Monitor: early January 2001.
    let text = "Publication: Monitor Volume: 7 Issue: 2\n\n\
                The strike began before the holidays (Interfax, December 30-January 2). \
                The first reports (NTV, December 28) were sketchy. \
                A later one (RTR, January 3) was clearer. \
                An old story resurfaced (see the Monitor, December 5, 1998).\n";
    let article = bulletin::parse_article(text).unwrap();
    let summaries: Vec<String> = article.citations().map(|c| summary(c.citation)).collect();
    assert_eq!(
        summaries,
        [
            "source \"Interfax\" 2000-12-30..2001-01-02",
            "source \"NTV\" 2000-12-28",
            "source \"RTR\" 2001-01-03",
            "see \"the Monitor\" 1998-12-05",
        ]
    );
}

#[test]
fn unknown_years_stay_unresolved() {
    let page = "KOSOVO:\n\nThe envoy arrived in the provincial capital on Saturday and met \
                the local leaders for three hours (Interfax, May 27). An earlier visit had \
                ended in a quarrel (Tanjug, May 2, 1999).\n\n\
                No date has been set for the next round of talks.\n";
    let article = ParseOptions::new().lenient(true).parse(page).unwrap();
    let summaries: Vec<String> = article.citations().map(|c| summary(c.citation)).collect();
    assert_eq!(
        summaries,
        ["source \"Interfax\" ?", "source \"Tanjug\" 1999-05-02"]
    );
}

#[test]
fn a_reference_date_overrides_the_estimate() {
    let text = format!("{HEADER}The vote came late (Interfax, November 30).\n");
    let article = ParseOptions::new()
        .reference_date(date!(2000 - 01 - 10))
        .parse(&text)
        .unwrap();
    let c = article.citations().next().unwrap();
    assert_eq!(summary(c.citation), "source \"Interfax\" 1999-11-30");
}

#[test]
fn parse_dates_keeps_raw_text() {
    let ctx = DateContext::in_year(2000);
    let dates = bulletin::parse_dates("April 17 and 24, May 1 and 8", &ctx).unwrap();
    let texts: Vec<&str> = dates.iter().map(|d| d.text.as_ref()).collect();
    assert_eq!(texts, ["April 17", "24", "May 1", "8"]);
    assert_eq!(dates[3].start, Some(date!(2000 - 05 - 08)));
    assert!(bulletin::parse_dates("the day after", &ctx).is_none());
}

// ------------------------------------------------------------------ JSON

#[test]
fn json_has_the_contract_shape() {
    let (_, article) =
        article("Talks resumed (see the Monitor, February 27-28; Interfax, March 1).");
    let json = serde_json::to_value(&article).unwrap();
    let inline = &json["body"][0]["inlines"][1];
    assert_eq!(inline["kind"], "citation");
    assert_eq!(
        inline["raw"],
        "(see the Monitor, February 27-28; Interfax, March 1)"
    );
    let citation = &inline["citation"];
    assert_eq!(citation["kind"], "sources");
    let see = &citation["groups"][0];
    assert_eq!(see["kind"], "see");
    assert_eq!(see["target"], "the Monitor");
    assert_eq!(see["dates"][0]["text"], "February 27-28");
    assert_eq!(see["dates"][0]["start"], "2000-02-27");
    assert_eq!(see["dates"][0]["end"], "2000-02-28");
    let source = &citation["groups"][1];
    assert_eq!(source["kind"], "source");
    assert_eq!(source["outlets"], serde_json::json!(["Interfax"]));
    let back: Article<'_> = serde_json::from_value(json).unwrap();
    assert_eq!(back, article);
}

// -------------------------------------------------------- property tests

const STOP_WORDS: &[&str] = &[
    "See",
    "Also",
    "On",
    "No",
    "The",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn capitalized_word() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{1,8}".prop_filter("not a keyword or month", |w| {
        !STOP_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w))
    })
}

/// An outlet: one to three capitalized words, maybe a bracketed place, or
/// a domain.
fn outlet() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            prop::collection::vec(capitalized_word(), 1..=3),
            prop::option::of(capitalized_word())
        )
            .prop_map(|(words, place)| {
                let name = words.join(" ");
                match place {
                    Some(p) => format!("{name} [{p}]"),
                    None => name,
                }
            }),
        (
            "[a-z]{3,10}",
            prop_oneof![Just("ru"), Just("com"), Just("org")]
        )
            .prop_map(|(name, tld)| format!("{name}.{tld}")),
    ]
}

/// A date expression and the (start, end) days it stands for in 2000.
fn dates() -> impl Strategy<Value = (String, Vec<(time::Date, time::Date)>)> {
    (0usize..12, 1u8..=20, 1u8..=8, 0u8..4).prop_map(|(m, day, gap, form)| {
        let month = MONTHS[m];
        let month_number = time::Month::try_from(m as u8 + 1).unwrap();
        let d = |day: u8| time::Date::from_calendar_date(2000, month_number, day).unwrap();
        let later = day + gap;
        match form {
            0 => (format!("{month} {day}"), vec![(d(day), d(day))]),
            1 => (format!("{month} {day}-{later}"), vec![(d(day), d(later))]),
            2 => (
                format!("{month} {day} and {later}"),
                vec![(d(day), d(day)), (d(later), d(later))],
            ),
            _ => (
                format!("{month} {day}, {later}"),
                vec![(d(day), d(day)), (d(later), d(later))],
            ),
        }
    })
}

/// A group and its expected summary.
fn group() -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        (prop::collection::vec(outlet(), 1..=3), dates()).prop_map(|(outlets, (text, days))| {
            let quoted: Vec<String> = outlets.iter().map(|o| format!("\"{o}\"")).collect();
            (
                format!("{}, {text}", outlets.join(", ")),
                format!("source {} {}", quoted.join(" "), days_summary(&days)),
            )
        }),
        (
            prop_oneof![
                Just("the Monitor"),
                Just("EDM"),
                Just("Chechnya Weekly"),
                Just("the Fortnight in Review")
            ],
            dates()
        )
            .prop_map(|(target, (text, days))| (
                format!("see {target}, {text}"),
                format!("see \"{target}\" {}", days_summary(&days)),
            )),
    ]
}

fn days_summary(days: &[(time::Date, time::Date)]) -> String {
    days.iter()
        .map(|(s, e)| {
            if s == e {
                s.to_string()
            } else {
                format!("{s}..{e}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_citations_parse_back(groups in prop::collection::vec(group(), 1..=3)) {
        let raw = format!(
            "({})",
            groups.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join("; ")
        );
        let expected = groups.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>().join("; ");
        let cited = bulletin::parse_citation(&raw, &DateContext::in_year(2000));
        prop_assert!(cited.is_some(), "not a citation: {raw}");
        let cited = cited.unwrap();
        prop_assert_eq!(summary(&cited), expected);
        // And inside a paragraph, with its exact span.
        let body = format!("Officials met again {raw}. Nothing changed.");
        let found = citations(&body);
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(&found[0].0, &raw);
    }

    /// Source groups run together with commas (FORMAT.md §5.6) read as
    /// they do with `;` between them.
    #[test]
    fn run_together_groups_read_as_separate_groups(
        groups in prop::collection::vec(
            (prop::collection::vec(outlet(), 1..=2), dates()),
            2..=4,
        )
    ) {
        let texts: Vec<String> = groups
            .iter()
            .map(|(outlets, (dates, _))| format!("{}, {dates}", outlets.join(", ")))
            .collect();
        let ctx = DateContext::in_year(2000);
        let commas = format!("({})", texts.join(", "));
        let semicolons = format!("({})", texts.join("; "));
        let expected = bulletin::parse_citation(&semicolons, &ctx).map(|c| summary(&c));
        prop_assert!(expected.is_some(), "not a citation: {semicolons}");
        prop_assert_eq!(bulletin::parse_citation(&commas, &ctx).map(|c| summary(&c)), expected);
    }

    #[test]
    fn prose_is_not_a_citation(
        first in "[a-z]{1,9}",
        words in prop::collection::vec(
            prop_oneof!["[a-z]{1,9}", "[0-9]{1,4}", Just(",".to_string())],
            0..11,
        )
    ) {
        // Lowercase prose: the shapes of a citation (an outlet, a note
        // number, a cross-reference) open otherwise.
        let prose = std::iter::once(first).chain(words).collect::<Vec<_>>().join(" ");
        prop_assume!(!prose.starts_with("see") && !prose.starts_with("also"));
        let raw = format!("({prose})");
        prop_assert_eq!(bulletin::parse_citation(&raw, &DateContext::in_year(2000)), None);
        prop_assert_eq!(citations(&format!("It happened {raw} today.")), vec![]);
    }

    #[test]
    fn a_date_alone_is_not_a_citation((text, _) in dates()) {
        let raw = format!("({text})");
        prop_assert_eq!(bulletin::parse_citation(&raw, &DateContext::in_year(2000)), None);
        prop_assert_eq!(citations(&format!("It happened {raw} today.")), vec![]);
    }

    #[test]
    fn inlines_cover_any_paragraph(body in "[a-zA-Z0-9 ,;()\\[\\]\"&.-]{0,120}") {
        // `citations` asserts exact coverage and spans; nothing may panic.
        let body = format!("Lead {body}");
        let _ = citations(&body);
        let _ = bulletin::parse_dates(&body, &DateContext::in_year(2000));
        let _ = bulletin::parse_citation(&body, &DateContext::in_year(2000));
    }

    #[test]
    fn arbitrary_text_never_panics(
        inner in "(\\PC|[,;()\\[\\]&\"“”’ ]|On |see |March |May 3|, |-|20[0-9][0-9]){0,40}"
    ) {
        let ctx = DateContext::in_year(2000);
        let raw = format!("({inner})");
        let _ = bulletin::parse_citation(&raw, &ctx);
        let _ = bulletin::parse_dates(&inner, &ctx);
        let _ = citations(&format!("Lead text {raw} and {inner}"));
    }
}
