//! Issue 2's acceptance checks on the shipped sample: the ASTOP 2003
//! Chairman's Summary.

use crate::util::{Hit, TestDir};

fn by_label<'a>(hits: &'a [Hit], label: &str) -> &'a Hit {
    hits.iter()
        .find(|h| h.paragraph == label)
        .unwrap_or_else(|| panic!("no paragraph {label}"))
}

#[test]
fn first_search_builds_the_index_and_ranks_4d_first() {
    let t = TestDir::with_sample();
    let out = t
        .run(["search", "export control"])
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Folders by their absolute path (issue 17).
    let corpus = std::path::absolute(t.corpus()).unwrap();
    assert!(
        stderr.contains(&format!("building it from {} first", corpus.display())),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("read as: export control = Export control"),
        "{stdout}"
    );
    // The first hit: the paragraph that says "export control" itself,
    // above those only tagged with the topic.
    let first = stdout.lines().nth(2).unwrap_or("");
    assert!(
        first.starts_with("ASTOP  2003-11-13  Tokyo  ¶4(d)"),
        "{stdout}"
    );
    assert!(stdout.contains("[export control]"), "{stdout}");
}

#[test]
fn sample_yields_fourteen_labelled_paragraphs() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let labels: Vec<String> = t.export().into_iter().map(|h| h.paragraph).collect();
    assert_eq!(
        labels,
        [
            "1", "2", "3", "3(a)", "3(b)", "4", "4(a)", "4(b)", "4(c)", "4(d)", "4(e)", "5", "6",
            "7"
        ]
    );
}

#[test]
fn export_control_hit_carries_the_header() {
    let t = TestDir::with_sample();
    let page = t.search(&["export control"]);
    let h = &page.hits[0];
    assert_eq!(page.query.as_deref(), Some("export control"));
    assert_eq!(h.paragraph, "4(d)");
    assert_eq!(h.id, "astop-2003-tokyo.txt#4(d)");
    assert_eq!(h.source, "astop-2003-tokyo.txt");
    assert_eq!(h.date.as_deref(), Some("2003-11-13"));
    assert_eq!(h.year, Some(2003));
    assert_eq!(h.acronym.as_deref(), Some("ASTOP"));
    assert_eq!(
        h.meeting.as_deref(),
        Some("Asian Senior-level Talks on Non-Proliferation")
    );
    assert_eq!(h.place.as_deref(), Some("Tokyo"));
    assert_eq!(h.doc_type, "chairs-summary");
    assert!(
        h.topics.iter().any(|t| t == "export-control"),
        "{:?}",
        h.topics
    );
    assert_eq!(h.parent.as_deref(), Some("4"));
    assert_eq!(
        h.context.as_deref(),
        Some("The meeting underscored the importance of regional cooperation in the Asian region.")
    );
    assert_eq!(h.ordinal, 9);
    assert!(
        h.text
            .starts_with("The meeting took note of the 1st Asian Export Control"),
        "{}",
        h.text
    );
    // Highlights point at the matched words inside the snippet, a phrase
    // as one span.
    let snippet = h.snippet.as_deref().unwrap_or("");
    let marked: Vec<String> = h
        .highlights
        .clone()
        .unwrap_or_default()
        .iter()
        .map(|[s, e]| snippet[*s..*e].to_lowercase())
        .collect();
    assert_eq!(marked, ["export control"; 3], "{marked:?}");
}

#[test]
fn instrument_filters_rank_the_discussing_paragraph_first() {
    let t = TestDir::with_sample();
    assert_eq!(t.search(&["--instrument", "PSI"]).labels()[0], "5");
    let hcoc = t.search(&["--instrument", "HCOC"]);
    assert_eq!(hcoc.labels()[0], "6");
    let by_name = t.search(&["--instrument", "Hague Code of Conduct"]);
    assert_eq!(by_name.ids(), hcoc.ids());
}

#[test]
fn countries_are_tagged_and_filterable_by_any_name() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let all = t.export();
    let mut p1 = by_label(&all, "1").countries.clone();
    p1.sort();
    let mut expected = [
        "BRN", "KHM", "IDN", "JPN", "KOR", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "AUS",
        "USA",
    ];
    expected.sort();
    assert_eq!(p1, expected);
    let p3a = by_label(&all, "3(a)");
    assert!(
        p3a.countries.iter().any(|c| c == "CHN"),
        "{:?}",
        p3a.countries
    );
    assert!(
        !p3a.countries.iter().any(|c| c == "TWN"),
        "{:?}",
        p3a.countries
    );
    // The Korean Peninsula is not a country mention.
    let p4b = by_label(&all, "4(b)");
    assert!(
        !p4b.countries.iter().any(|c| c == "KOR" || c == "PRK"),
        "{:?}",
        p4b.countries
    );
    assert!(
        p4b.countries.iter().any(|c| c == "IRN"),
        "{:?}",
        p4b.countries
    );

    let laos = t.search(&["--country", "Laos"]);
    assert!(laos.total >= 1);
    assert_eq!(t.search(&["--country", "LAO"]).ids(), laos.ids());
    assert_eq!(t.search(&["--country", "Lao PDR"]).ids(), laos.ids());
    assert_eq!(t.search(&["--country", "la"]).ids(), laos.ids());
}

#[test]
fn participants_are_the_attending_countries() {
    let t = TestDir::with_sample();
    let h = &t.search(&["export control"]).hits[0];
    let mut p = h.participants.clone();
    p.sort();
    let mut expected = [
        "BRN", "KHM", "IDN", "JPN", "KOR", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "AUS",
        "USA",
    ];
    expected.sort();
    assert_eq!(p, expected);
}

#[test]
fn filters_that_match_nothing_exit_zero() {
    let t = TestDir::with_sample();
    let page = t.search(&["export control", "--country", "FRA"]);
    assert_eq!(page.total, 0);
    assert!(page.hits.is_empty());
    assert_eq!(t.search(&["--since", "2004"]).total, 0);
    assert_eq!(
        t.search(&["export control", "--until", "2003-11-12"]).total,
        0
    );
    assert_eq!(
        t.search(&["export control", "--literal", "--since", "2003-11"])
            .total,
        1
    );
}

#[test]
fn boilerplate_is_not_indexed() {
    let t = TestDir::with_sample();
    assert_eq!(t.search(&["\"Back to Index\""]).total, 0);
}

#[test]
fn stemming_and_phrase_proximity() {
    let t = TestDir::with_sample();
    // `controls` finds `control`.
    assert_eq!(t.search(&["controls exported"]).labels()[0], "4(d)");
    // Words far apart still match, below the paragraph where they stand together.
    let page = t.search(&["weapons", "technology"]);
    assert!(page.total >= 3);
    let phrase = t.search(&["\"delivery systems\""]);
    assert!(phrase
        .hits
        .iter()
        .all(|h| h.text.contains("delivery systems")
            || h.context
                .as_deref()
                .unwrap_or("")
                .contains("delivery systems")));
}

#[test]
fn sub_paragraphs_match_through_their_parents_lead_in_below_direct_matches() {
    let t = TestDir::with_sample();
    // "underscored" occurs only in paragraph 4, the lead-in of 4(a)–4(e).
    let page = t.search(&["underscored"]);
    assert_eq!(page.labels()[0], "4");
    assert_eq!(page.total, 6);
    assert!(page.hits[1..]
        .iter()
        .all(|h| h.parent.as_deref() == Some("4")));
    assert!(page.hits[0].score > page.hits[1].score);
}

#[test]
fn or_and_exclusion() {
    let t = TestDir::with_sample();
    let either = t.search(&["HCOC OR PSI"]);
    let mut labels = either.labels();
    labels.sort();
    assert_eq!(labels, ["5", "6"]);
    let without = t.search(&["proliferation -PSI"]);
    let after_dashes: crate::util::Page =
        t.json(["search", "--format", "json", "proliferation", "--", "-PSI"]);
    assert_eq!(after_dashes.ids(), without.ids());
    assert!(without.total > 0);
    assert!(without.hits.iter().all(|h| !h.text.contains("PSI")));
}

#[test]
fn show_prints_the_paragraph_with_parent_and_neighbours() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let v: serde_json::Value = t.json(["show", "astop-2003-tokyo.txt#4(d)", "--format", "json"]);
    assert_eq!(v["paragraph"]["paragraph"], "4(d)");
    assert_eq!(v["parent"]["paragraph"], "4");
    assert_eq!(v["previous"]["paragraph"], "4(c)");
    assert_eq!(v["next"]["paragraph"], "4(e)");
    let text = t
        .run(["show", "astop-2003-tokyo.txt#4"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&text);
    assert!(
        text.contains("Asian Senior-level Talks on Non-Proliferation (ASTOP)"),
        "{text}"
    );
    assert!(text.contains("sub ¶4(e)"), "{text}");
}

#[test]
fn stats_and_export_describe_the_whole_index() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let s: serde_json::Value = t.json(["stats", "--format", "json"]);
    assert_eq!(s["documents"], 1);
    assert_eq!(s["paragraphs"], 14);
    assert_eq!(s["meetings"], 1);
    assert_eq!(s["first_date"], "2003-11-13");
    assert_eq!(s["last_date"], "2003-11-13");
    assert!(s["index_bytes"].as_u64().unwrap_or(0) > 1000);
    let rows: Vec<serde_json::Value> = t.json_lines(["export"]);
    assert_eq!(rows.len(), 14);
    assert!(rows
        .iter()
        .all(|r| r["score"].is_null() && r.get("snippet").is_none()));
    let ordinals: Vec<u64> = rows
        .iter()
        .map(|r| r["ordinal"].as_u64().unwrap_or(99))
        .collect();
    assert_eq!(ordinals, (0..14).collect::<Vec<u64>>());
}

#[test]
fn ingest_json_summary_has_the_documented_fields() {
    let t = TestDir::with_sample();
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    for key in [
        "documents",
        "paragraphs",
        "files",
        "added",
        "updated",
        "removed",
        "unchanged",
        "skipped",
        "elapsed_ms",
    ] {
        assert!(v.get(key).is_some(), "missing {key}: {v}");
    }
    assert_eq!(v["documents"], 1);
    assert_eq!(v["paragraphs"], 14);
    assert_eq!(v["added"], 1);
    let text = t.run(["ingest"]).success().get_output().stdout.clone();
    let text = String::from_utf8_lossy(&text);
    assert!(
        text.starts_with("indexed 1 documents, 14 paragraphs in "),
        "{text}"
    );
    assert!(
        text.contains("(1 file seen: 0 added, 0 updated, 1 unchanged, 0 skipped; 0 removed)"),
        "{text}"
    );
}

#[test]
fn jsonl_prints_one_hit_per_line() {
    let t = TestDir::with_sample();
    let hits: Vec<Hit> = t.json_lines([
        "search",
        "proliferation",
        "--format",
        "jsonl",
        "--limit",
        "3",
    ]);
    assert_eq!(hits.len(), 3);
    let page = t.search(&["proliferation", "--limit", "3"]);
    assert_eq!(
        hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        page.ids()
    );
    let next = t.search(&["proliferation", "--limit", "3", "--offset", "3"]);
    assert!(next.ids().iter().all(|id| !page.ids().contains(id)));
}
