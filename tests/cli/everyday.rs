//! Issue 17: the rough edges a daily user meets — ingest counts that add
//! up, `--quiet`, `facets --limit`, `show` (the previous paragraph, the
//! whole document), `stats` date ranges, our own labels marked, speakers'
//! country names.

use crate::formats::fixture_corpus;
use crate::util::{fixtures, Hit, TestDir};

const ARF: &str = "CHAIRMAN'S STATEMENT\nTHE FIRST ASEAN REGIONAL FORUM\nBangkok, 25 July 1994\n\n\
1. The first meeting of the ASEAN Regional Forum (ARF) was held in Bangkok on 25 July 1994.\n\n\
2. The Ministers welcomed the Treaty of Amity and Cooperation in Southeast Asia as a code of conduct.\n\n\
3. The Ministers encouraged all participants to work towards the early conclusion of the Chemical Weapons Convention.\n";

/// The four counts of a JSON ingest summary and the files seen.
fn counts(v: &serde_json::Value) -> (u64, u64, u64, u64, u64) {
    let n = |k: &str| v[k].as_u64().unwrap_or(u64::MAX);
    let skipped = v["skipped"].as_array().map_or(u64::MAX, |a| a.len() as u64);
    (
        n("files"),
        n("added"),
        n("updated"),
        n("unchanged"),
        skipped,
    )
}

fn assert_adds_up(v: &serde_json::Value) {
    let (files, added, updated, unchanged, skipped) = counts(v);
    assert_eq!(added + updated + unchanged + skipped, files, "{v}");
}

#[test]
fn ingest_counts_every_file_seen_once() {
    let t = TestDir::with_sample();
    t.write("arf/arf-1994-chairmans-statement.txt", ARF);
    t.write("notes/draft.pptx", b"PK\x03\x04 not a document we read");
    t.write("notes/figures.xlsx", b"PK\x03\x04");
    t.write("empty.txt", "");
    // Five corpus files: two documents, three that cannot be indexed.
    let first: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&first), (5, 2, 0, 0, 3), "{first}");
    assert_eq!(first["documents"], 2);
    // Nothing changed: the skipped files are skipped again, not unchanged.
    let again: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&again), (5, 0, 0, 2, 3), "{again}");
    // A document that becomes empty is skipped, not updated; a new
    // document is added; a removed one is removed (and not seen).
    t.write("arf/arf-1994-chairmans-statement.txt", "");
    t.write("arf/arf-1995.txt", ARF.replace("FIRST", "SECOND"));
    t.remove("notes/figures.xlsx");
    let changed: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&changed), (5, 1, 0, 1, 3), "{changed}");
    assert_eq!(changed["removed"], 1);
    for v in [&first, &again, &changed] {
        assert_adds_up(v);
    }
    // The text summary says the same.
    let out = t.run(["ingest"]).success().get_output().stdout.clone();
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.contains("(5 files seen: 0 added, 0 updated, 2 unchanged, 3 skipped; 0 removed)"),
        "{text}"
    );
    // So does the dry run of `status`.
    let out = t.run(["status"]).success().get_output().stdout.clone();
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.contains("0 to add, 0 to update, 0 to remove, 2 unchanged, 3 skipped; 5 files seen"),
        "{text}"
    );
}

#[test]
fn quiet_ingest_prints_no_summary_but_still_lists_skips() {
    let t = TestDir::with_sample();
    t.write("notes/draft.pptx", b"PK\x03\x04");
    for args in [&["ingest", "-q"][..], &["ingest", "--quiet"][..]] {
        let out = t.run(args).success().get_output().clone();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            text, "skipped notes/draft.pptx: unsupported file type\n",
            "{args:?}"
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Nothing at all when nothing is skipped; JSON, asked for, stays whole.
    t.remove("notes/draft.pptx");
    t.run(["ingest", "-q"]).success().stdout("");
    let v: serde_json::Value = t.json(["ingest", "-q", "--format", "json"]);
    assert_eq!(v["unchanged"], 1);
    // A dry run still lists what it would do, without the summary line.
    t.write("arf/arf-1994.txt", ARF);
    t.run(["ingest", "--dry-run", "-q"])
        .success()
        .stdout("would add    arf/arf-1994.txt\n");
}

/// The sample plus two General Debate speeches known only by their year.
fn with_speeches() -> TestDir {
    let t = TestDir::with_sample();
    let ungd = fixtures().join("docs/ungd");
    for f in ["NZL_30_1975.txt", "EU_66_2011.txt", "dipsearch.toml"] {
        t.copy_in(&ungd.join(f), &format!("ungd/{f}"));
    }
    t.run(["ingest"]).success();
    t
}

fn stdout(t: &TestDir, args: &[&str]) -> String {
    let out = t.run(args).success().get_output().stdout.clone();
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn facets_say_how_many_values_the_limit_left_out() {
    let t = fixture_corpus();
    t.run(["ingest"]).success();
    let all: serde_json::Value = t.json([
        "facets", "--by", "meeting", "--limit", "0", "--format", "json",
    ]);
    let n = all["buckets"].as_array().map_or(0, Vec::len);
    assert!(n > 20, "{n} meetings");
    assert_eq!(all["more"], 0);
    // The default stays 20, and says what it left out.
    let text = stdout(&t, &["facets", "--by", "meeting"]);
    assert_eq!(text.lines().count(), 1 + 20 + 1, "{text}");
    assert!(
        text.ends_with(&format!("\n({} more; --limit 0 for all)\n", n - 20)),
        "{text}"
    );
    let three: serde_json::Value =
        t.json(["facets", "--by", "meeting", "-n", "3", "--format", "json"]);
    assert_eq!(three["buckets"].as_array().map(Vec::len), Some(3));
    assert_eq!(three["more"], n - 3);
    let text = stdout(&t, &["facets", "--by", "meeting", "--limit", "0"]);
    assert_eq!(text.lines().count(), 1 + n, "{text}");
    assert!(!text.contains("more;"), "{text}");
    // CSV stays data; the note goes to stderr.
    let out = t
        .run(["facets", "--by", "meeting", "-n", "3", "--format", "csv"])
        .success()
        .get_output()
        .clone();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 4);
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains(&format!("{} more values; --limit 0 for all", n - 3)));
}

#[test]
fn show_keeps_the_previous_paragraph_beside_the_parent() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let text = stdout(&t, &["show", "astop-2003-tokyo.txt#4(d)"]);
    let parent = text.find("\nparent ¶4\n").expect("parent");
    let previous = text.find("\nprevious ¶4(c)\n").expect("previous");
    let own = text.find("▶ ¶4(d)").expect("the paragraph");
    assert!(parent < previous && previous < own, "{text}");
    assert!(text.contains("\nnext ¶4(e)\n"), "{text}");
    // The first sub-paragraph's previous is its parent: shown once.
    let text = stdout(&t, &["show", "astop-2003-tokyo.txt#4(a)"]);
    assert_eq!(text.matches(" ¶4\n").count(), 1, "{text}");
    assert!(!text.contains("\nprevious "), "{text}");
}

/// Paragraph ids are looked up through their file: a `#` in the file name
/// is part of the source, the last one starts the label, and a label the
/// file does not have is not found.
#[test]
fn show_finds_a_paragraph_of_a_file_whose_name_holds_a_hash() {
    let t = TestDir::new();
    t.write("arf #1/chair #2.txt", ARF);
    t.write("arf #1/chair.txt", ARF.replace("Bangkok", "Hanoi"));
    t.run(["ingest"]).success();
    let v: serde_json::Value = t.json(["show", "arf #1/chair #2.txt#3", "--format", "json"]);
    assert_eq!(v["paragraph"]["id"], "arf #1/chair #2.txt#3");
    assert_eq!(v["previous"]["paragraph"], "2");
    assert!(v["paragraph"]["text"]
        .as_str()
        .unwrap()
        .contains("Chemical Weapons"));
    let v: serde_json::Value = t.json(["show", "arf #1/chair.txt#1", "--format", "json"]);
    assert!(
        v["paragraph"]["text"].as_str().unwrap().contains("Hanoi"),
        "{v}"
    );
    t.run(["show", "arf #1/chair #2.txt#4"])
        .failure()
        .stderr(predicates::str::contains("arf #1/chair #2.txt#4"));
    t.run(["show", "arf #1/chair"]).failure();
}

#[test]
fn show_document_prints_every_paragraph_with_its_label() {
    let t = with_speeches();
    let hits: Vec<Hit> = t
        .export()
        .into_iter()
        .filter(|h| h.source == "astop-2003-tokyo.txt")
        .collect();
    for name in ["astop-2003-tokyo.txt", "astop-2003-tokyo.txt#2"] {
        let text = stdout(&t, &["show", "--document", name]);
        assert!(
            text.starts_with("Asian Senior-level Talks on Non-Proliferation (ASTOP)\n"),
            "{text}"
        );
        let mut at = 0;
        for h in &hits {
            let label = format!("¶{}\n", h.paragraph);
            let found = text[at..]
                .find(&label)
                .unwrap_or_else(|| panic!("{label} missing in order: {text}"));
            at += found + label.len();
            let first_words: String = h
                .text
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                text[at..].trim_start().starts_with(&first_words),
                "{first_words}: {text}"
            );
        }
    }
    let v: serde_json::Value = t.json([
        "show",
        "--document",
        "astop-2003-tokyo.txt",
        "--format",
        "json",
    ]);
    assert_eq!(v["source"], "astop-2003-tokyo.txt");
    let labels: Vec<&str> = v["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(|p| p["paragraph"].as_str())
        .collect();
    assert_eq!(
        labels,
        hits.iter()
            .map(|h| h.paragraph.as_str())
            .collect::<Vec<_>>()
    );
    // Our own labels are bracketed, with the note.
    let text = stdout(&t, &["show", "--document", "ungd/EU_66_2011.txt"]);
    assert!(text.contains("\n¶[p1]\n"), "{text}");
    assert!(text.contains("issuer: EUU (European Union)"), "{text}");
    assert!(
        text.trim_end().ends_with(
            "¶[…] is dipsearch's own numbering: the document does not number that paragraph"
        ),
        "{text}"
    );
    // An unknown document is a usage error naming it.
    let out = t
        .run(["show", "--document", "astop-2003-tokio.txt"])
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "no document 'astop-2003-tokio.txt' in the index; did you mean astop-2003-tokyo.txt?"
        ),
        "{err}"
    );
}

#[test]
fn stats_date_range_counts_documents_known_only_by_year() {
    let t = with_speeches();
    let text = stdout(&t, &["stats"]);
    assert!(text.contains("\ndates:       1975 to 2011\n"), "{text}");
    let v: serde_json::Value = t.json(["stats", "--format", "json"]);
    assert_eq!(
        (v["first"].as_str(), v["last"].as_str()),
        (Some("1975"), Some("2011"))
    );
    // The full dates alone, as before.
    assert_eq!(
        (v["first_date"].as_str(), v["last_date"].as_str()),
        (Some("2003-11-13"), Some("2003-11-13"))
    );
    // A dated document at the edge shows its day.
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    assert!(stdout(&t, &["stats"]).contains("\ndates:       2003-11-13 to 2003-11-13\n"));
}

#[test]
fn our_own_labels_and_speakers_are_marked_in_hits() {
    let t = with_speeches();
    let text = stdout(
        &t,
        &["search", "weapons of mass destruction", "--issuer", "EUU"],
    );
    assert!(
        text.contains("UNGD #66  European Union (EUU)  2011  New York  ¶[p"),
        "{text}"
    );
    assert!(
        text.trim_end().ends_with(
            "¶[…] is dipsearch's own numbering: the document does not number that paragraph"
        ),
        "{text}"
    );
    let page = t.search(&["weapons of mass destruction", "--issuer", "EUU"]);
    assert!(page
        .hits
        .iter()
        .all(|h| h.label_is_own && h.paragraph.starts_with('p')));
    assert!(page
        .hits
        .iter()
        .all(|h| h.issuer_name.as_deref() == Some("European Union")));
    // The document's own numbering stays as it is, with no note.
    let text = stdout(
        &t,
        &["search", "export control", "--meeting", "ASTOP", "-n", "1"],
    );
    assert!(text.contains("  ¶4(d)  "), "{text}");
    assert!(!text.contains("own numbering"), "{text}");
    let page = t.search(&["export control", "--meeting", "ASTOP"]);
    assert!(page
        .hits
        .iter()
        .all(|h| !h.label_is_own && h.issuer_name.is_none()));
}
