//! Issue 17: the rough edges a daily user meets — ingest counts that add
//! up, `--quiet`, `facets --limit`, `show` (the previous paragraph, the
//! whole document), `stats` date ranges, our own labels marked, speakers'
//! country names.

use crate::util::TestDir;

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
    t.write("notes/draft.docx", b"PK\x03\x04 not a document we read");
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
        text.contains("0 to add, 0 to update, 0 to remove, 2 unchanged, 3 skipped (5 files seen)"),
        "{text}"
    );
}

#[test]
fn quiet_ingest_prints_no_summary_but_still_lists_skips() {
    let t = TestDir::with_sample();
    t.write("notes/draft.docx", b"PK\x03\x04");
    for args in [&["ingest", "-q"][..], &["ingest", "--quiet"][..]] {
        let out = t.run(args).success().get_output().clone();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            text, "skipped notes/draft.docx: unsupported file type\n",
            "{args:?}"
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Nothing at all when nothing is skipped; JSON, asked for, stays whole.
    t.remove("notes/draft.docx");
    t.run(["ingest", "-q"]).success().stdout("");
    let v: serde_json::Value = t.json(["ingest", "-q", "--format", "json"]);
    assert_eq!(v["unchanged"], 1);
    // A dry run still lists what it would do, without the summary line.
    t.write("arf/arf-1994.txt", ARF);
    t.run(["ingest", "--dry-run", "-q"])
        .success()
        .stdout("would add    arf/arf-1994.txt\n");
}
