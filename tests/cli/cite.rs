//! Issue 17: `dipsearch cite`. The citation of every paragraph of every
//! fixture document reads back as CSL-JSON (serde), RIS (tags, one per
//! line) and BibTeX (the `biblatex` crate); pandoc renders the CSL-JSON
//! with the pinpoints (when pandoc is installed); `show` and the JSON HIT
//! carry the same citation.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::formats::fixture_corpus;
use crate::util::{fixtures, sample, Hit, TestDir};

/// The invented statement whose title holds every character TeX reads
/// specially.
const TRICKY: &str = "rd-screening-2029-joint-statement.md";

/// A CSL-JSON item as the documentation describes it.
#[derive(Debug, Deserialize)]
struct CslItem {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    title: String,
    #[serde(default)]
    author: Vec<CslName>,
    authority: Option<String>,
    issued: Option<CslDate>,
    #[serde(rename = "publisher-place")]
    publisher_place: Option<String>,
    number: Option<String>,
    #[serde(rename = "URL")]
    url: Option<String>,
    locator: String,
    label: String,
}

#[derive(Debug, Deserialize)]
struct CslName {
    literal: String,
}

#[derive(Debug, Deserialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: Vec<Vec<u16>>,
}

/// Every fixture document, the sample and the tricky statement, ingested;
/// returns the folder and every paragraph.
fn cited_corpus() -> (TestDir, Vec<Hit>) {
    let t = fixture_corpus();
    t.copy_in(&sample(), "astop-2003-tokyo.txt");
    t.copy_in(&fixtures().join("cite").join(TRICKY), TRICKY);
    t.run(["ingest", "--strict"]).success();
    let hits = t.export();
    (t, hits)
}

fn cite(t: &TestDir, ids: &[&str], extra: &[&str]) -> String {
    let mut args = vec!["cite"];
    args.extend_from_slice(ids);
    args.extend_from_slice(extra);
    let out = t.run(args).success().get_output().stdout.clone();
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn every_paragraph_cites_as_csl_json_ris_and_bibtex() {
    let (t, hits) = cited_corpus();
    let documents: HashSet<&str> = hits.iter().map(|h| h.source.as_str()).collect();
    assert!(documents.len() >= 40, "{} documents", documents.len());
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    let items: Vec<CslItem> =
        serde_json::from_str(&cite(&t, &ids, &["--format", "csl-json"])).expect("CSL-JSON");
    check_csl(&hits, &items);
    let titles: BTreeMap<&str, &str> = items
        .iter()
        .map(|i| (i.id.as_str(), i.title.as_str()))
        .collect();
    check_ris(&hits, &items, &cite(&t, &ids, &["--format", "ris"]));
    // A page that states no date (a news story whose dateline has no
    // year) is cited without one.
    let undated: HashSet<&str> = items
        .iter()
        .zip(&hits)
        .filter(|(_, h)| h.year.is_none())
        .map(|(i, _)| i.id.as_str())
        .collect();
    assert!(!undated.is_empty() && undated.len() < hits.len() / 10);
    check_bibtex(
        &hits,
        &titles,
        &undated,
        &cite(&t, &ids, &["--format", "bibtex"]),
    );
    for style in ["un", "oscola", "bluebook"] {
        let text = cite(&t, &ids, &["--style", style]);
        assert_eq!(text.lines().count(), hits.len(), "{style}");
        for (line, h) in text.lines().zip(&hits) {
            assert!(line.ends_with('.'), "{style}: {line}");
            // An annex's label is cited as `annex A, para. 1`.
            let number = match h.paragraph.split_once('.') {
                Some((annex, n)) if annex.starts_with("annex") => n,
                _ => h.paragraph.as_str(),
            };
            assert!(line.contains(number), "{style}: {line} lacks {number}");
        }
    }
}

fn check_csl(hits: &[Hit], items: &[CslItem]) {
    assert_eq!(items.len(), hits.len());
    let keys: HashSet<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(keys.len(), items.len(), "keys are unique");
    for (item, h) in items.iter().zip(hits) {
        let known = ["legislation", "report", "speech", "webpage", "article"];
        assert!(known.contains(&item.kind.as_str()), "{item:?}");
        assert!(!item.title.trim().is_empty(), "{item:?}");
        assert_eq!(item.label, "paragraph");
        let annex = h.paragraph.starts_with("annex") || h.paragraph.starts_with("appendix");
        match (h.label_is_own, annex) {
            (true, false) => assert_eq!(
                item.locator,
                format!("[{}] (numbering not in the original)", h.paragraph)
            ),
            (false, false) => assert_eq!(item.locator, h.paragraph),
            (_, true) => assert!(item.locator.ends_with(')'), "{item:?}"),
        }
        let parts = item.issued.as_ref().map(|d| d.date_parts.clone());
        match (&h.date, h.year) {
            (Some(d), _) => {
                let want: Vec<u16> = d.split('-').map(|p| p.parse().expect("date")).collect();
                assert_eq!(parts.as_ref().map(|p| p[0].clone()), Some(want), "{item:?}");
            }
            (None, Some(y)) => assert_eq!(parts, Some(vec![vec![y]]), "{item:?}"),
            (None, None) => assert!(parts.is_none(), "{item:?}"),
        }
        assert_eq!(item.publisher_place, h.place, "{item:?}");
        assert_eq!(item.url, h.url, "{item:?}");
        match h.doc_type.as_str() {
            "resolution" => {
                assert_eq!(item.kind, "legislation");
                assert!(
                    item.authority.is_some() && item.author.is_empty(),
                    "{item:?}"
                );
                assert_eq!(item.number, h.symbol, "{item:?}");
            }
            "statement" => assert_eq!(item.kind, "speech", "{item:?}"),
            "chairs-summary" | "chairs-statement" | "joint-statement" | "report" => {
                assert_eq!(item.kind, "report", "{item:?}");
                if let Some(m) = &h.meeting {
                    assert_eq!(item.author.first().map(|a| &a.literal), Some(m), "{item:?}");
                }
            }
            _ => {}
        }
    }
}

/// RIS: every line `XX  - value`, records from `TY` to `ER`, one per
/// paragraph, with the title and the pinpoint.
fn check_ris(hits: &[Hit], items: &[CslItem], ris: &str) {
    let mut records: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut current: Option<Vec<(&str, &str)>> = None;
    for line in ris.lines() {
        if line.is_empty() {
            assert!(current.is_none(), "blank line inside a record");
            continue;
        }
        let b = line.as_bytes();
        assert!(
            b.len() >= 6
                && b[0].is_ascii_uppercase()
                && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
                && &line[2..6] == "  - ",
            "not a RIS line: {line:?}"
        );
        let (tag, value) = (&line[..2], &line[6..]);
        match tag {
            "TY" => {
                assert!(current.is_none(), "TY inside a record");
                assert!(["LEGAL", "RPRT", "GEN", "ELEC"].contains(&value), "{value}");
                current = Some(vec![(tag, value)]);
            }
            "ER" => records.push(current.take().expect("ER without TY")),
            _ => current
                .as_mut()
                .expect("tag outside a record")
                .push((tag, value)),
        }
    }
    assert!(current.is_none(), "last record not closed");
    assert_eq!(records.len(), hits.len());
    for ((record, h), item) in records.iter().zip(hits).zip(items) {
        let get = |tag: &str| record.iter().find(|(t, _)| *t == tag).map(|(_, v)| *v);
        assert_eq!(get("ID"), Some(item.id.as_str()));
        assert_eq!(get("TI"), Some(item.title.as_str()));
        assert!(
            get("SE").is_some_and(|s| s.contains(&item.locator)),
            "{record:?}"
        );
        assert_eq!(get("UR"), h.url.as_deref());
        assert_eq!(get("PY").map(|y| y.parse::<u16>().ok()), h.year.map(Some));
    }
}

/// BibTeX: the `biblatex` crate reads every entry; titles read back as
/// written (so `& % _ # $ { } ~ ^ \` were escaped), notes hold the
/// pinpoint.
fn check_bibtex(hits: &[Hit], titles: &BTreeMap<&str, &str>, undated: &HashSet<&str>, bib: &str) {
    use biblatex::{Bibliography, ChunksExt};
    let parsed = Bibliography::parse(bib).unwrap_or_else(|e| panic!("BibTeX: {e:?}\n{bib}"));
    assert_eq!(parsed.len(), hits.len());
    for (key, title) in titles {
        let entry = parsed.get(key).unwrap_or_else(|| panic!("no entry {key}"));
        let got = entry.get("title").map(|c| c.format_verbatim());
        assert_eq!(got.as_deref(), Some(*title), "{key}");
        let note = entry
            .get("note")
            .map(|c| c.format_verbatim())
            .unwrap_or_default();
        assert!(
            note.starts_with("para. ") || note.contains(", para. "),
            "{key}: {note}"
        );
        assert_eq!(entry.get("year").is_some(), !undated.contains(key), "{key}");
    }
    let tricky = parsed
        .iter()
        .find(|e| e.key.starts_with("rd-screening-2029"))
        .expect("the tricky statement");
    let title = tricky
        .get("title")
        .map(|c| c.format_verbatim())
        .unwrap_or_default();
    assert!(title.contains("R&D: 100% Screening of {Dual-Use} Items, Fund_2029 #3, US$ 5 million (~2 years, 10^6 checks, A\\B lists)"), "{title}");
}

/// pandoc renders the CSL-JSON with a citation of the first paragraph of
/// every document and its pinpoint; skipped when pandoc is not installed.
#[test]
fn pandoc_citeproc_renders_the_pinpoints() {
    let Ok(version) = std::process::Command::new("pandoc")
        .arg("--version")
        .output()
    else {
        eprintln!("pandoc not installed: skipping the citeproc rendering");
        return;
    };
    assert!(version.status.success());
    let (t, hits) = cited_corpus();
    let mut first: BTreeMap<&str, &str> = BTreeMap::new();
    for h in &hits {
        first.entry(h.source.as_str()).or_insert(h.id.as_str());
    }
    let ids: Vec<&str> = first.values().copied().collect();
    let csl = cite(&t, &ids, &["--format", "csl-json"]);
    let items: Vec<CslItem> = serde_json::from_str(&csl).expect("CSL-JSON");
    std::fs::write(t.path().join("refs.json"), &csl).expect("write");
    let markdown: String = items
        .iter()
        .enumerate()
        .map(|(n, i)| format!("Claim {n} [@{}, para. {}].\n\n", i.id, i.locator))
        .collect();
    std::fs::write(t.path().join("paper.md"), markdown).expect("write");
    let out = std::process::Command::new("pandoc")
        .current_dir(t.path())
        .args([
            "--citeproc",
            "--bibliography",
            "refs.json",
            "--wrap=none",
            "-t",
            "plain",
            "paper.md",
        ])
        .output()
        .expect("pandoc");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("???"), "unresolved citation: {text}");
    for (n, i) in items.iter().enumerate() {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("Claim {n} (")))
            .unwrap_or_else(|| panic!("claim {n} missing: {text}"));
        assert!(line.contains(&format!("para. {}", i.locator)), "{line}");
    }
    // The bibliography lists every document.
    assert!(text.lines().filter(|l| !l.starts_with("Claim ")).count() >= items.len());
}

#[test]
fn show_and_the_json_hit_carry_the_citation() {
    let t = TestDir::with_sample();
    t.copy_in(
        &fixtures().join("docs/ungd/NZL_30_1975.txt"),
        "ungd/NZL_30_1975.txt",
    );
    t.copy_in(
        &fixtures().join("docs/ungd/dipsearch.toml"),
        "ungd/dipsearch.toml",
    );
    let want = "Asian Senior-level Talks on Non-Proliferation (ASTOP), Chair's Summary, Tokyo, 13 November 2003, para. 4(d).";
    let out = t
        .run(["show", "astop-2003-tokyo.txt#4(d)"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains(&format!("    cite: {want}\n")), "{text}");
    let v: serde_json::Value = t.json(["show", "astop-2003-tokyo.txt#4(d)", "--format", "json"]);
    assert_eq!(v["paragraph"]["citation"], want);
    assert_eq!(v["parent"]["citation"], want.replace("4(d)", "4"));
    assert_eq!(
        cite(&t, &["astop-2003-tokyo.txt#4(d)"], &[]),
        format!("{want}\n")
    );
    let page: serde_json::Value = t.json([
        "search",
        "nuclear testing",
        "--issuer",
        "NZL",
        "--format",
        "json",
    ]);
    let hit = &page["hits"][0];
    assert_eq!(hit["issuer_name"], "New Zealand");
    assert_eq!(
        hit["citation"].as_str().map(|c| c.starts_with("Statement by New Zealand, General Debate of the United Nations General Assembly (UNGD), 30th session, New York, 1975, para. ")),
        Some(true),
        "{hit}"
    );
}

#[test]
fn an_unknown_id_is_a_usage_error() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let out = t
        .run(["cite", "astop-2003-tokyo.txt#99"])
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no paragraph with id 'astop-2003-tokyo.txt#99'"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(out.stdout.is_empty());
    t.run(["cite", "astop-2003-tokyo.txt#1", "--format", "endnote"])
        .code(2);
}
