//! Issue 3: the index follows the corpus exactly and is never left broken.

use std::collections::HashSet;
use std::time::Duration;

use crate::util::{Hit, TestDir};

const ARF: &str = "CHAIRMAN'S STATEMENT\nTHE FIRST ASEAN REGIONAL FORUM\nBangkok, 25 July 1994\n\n\
1. The first meeting of the ASEAN Regional Forum (ARF) was held in Bangkok on 25 July 1994.\n\n\
2. The Ministers welcomed the Treaty of Amity and Cooperation in Southeast Asia as a code of conduct.\n\n\
3. The Ministers encouraged all participants to work towards the early conclusion of the Chemical Weapons Convention.\n";

const G8: &str = "G8 Action Plan on Nonproliferation\nSea Island, June 9, 2004\n\n\
1. We reaffirm our commitment to the Treaty on the Non-Proliferation of Nuclear Weapons.\n\n\
2. We call on all states to adopt and implement effective export controls.\n";

fn ids(hits: &[Hit]) -> Vec<String> {
    let mut v: Vec<String> = hits.iter().map(|h| h.id.clone()).collect();
    v.sort();
    v
}

fn counts(v: &serde_json::Value) -> (u64, u64, u64, u64) {
    let n = |k: &str| v[k].as_u64().unwrap_or(u64::MAX);
    (n("added"), n("updated"), n("removed"), n("unchanged"))
}

/// Rewrites the version `key` of the last commit's payload in
/// `meta.json` from `current` (asserted) to `to`, as an older build would
/// have left it.
fn set_payload_version(t: &TestDir, key: &str, current: u32, to: u32) {
    let meta = t.index().join("meta.json");
    let text = std::fs::read_to_string(&meta).expect("meta.json");
    let now = format!("\\\"{key}\\\":{current}");
    assert!(text.contains(&now), "{text}");
    let old = format!("\\\"{key}\\\":{to}");
    std::fs::write(&meta, text.replace(&now, &old)).expect("write");
}

fn assert_unique(hits: &[Hit]) {
    let set: HashSet<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(set.len(), hits.len(), "duplicate ids");
}

#[test]
fn add_change_remove_and_rename_are_reflected_exactly() {
    let t = TestDir::with_sample();
    t.write("arf/arf-1994.txt", ARF);
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&v), (2, 0, 0, 0));
    let before = t.export();
    assert_unique(&before);

    // Nothing changed.
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&v), (0, 0, 0, 2));
    assert_eq!(ids(&t.export()), ids(&before));

    // Add.
    t.write("g8/g8-2004.txt", G8);
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&v), (1, 0, 0, 2));
    assert_eq!(v["documents"], 3);
    assert!(t.search(&["export controls", "--meeting", "G8"]).total >= 1);

    // Change: paragraph 3 goes away, 2 gets new words.
    std::thread::sleep(Duration::from_millis(20));
    t.write(
        "arf/arf-1994.txt",
        ARF.replace("code of conduct", "code of conduct for regional relations")
            .split("\n\n3.")
            .next()
            .unwrap_or(""),
    );
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&v), (0, 1, 0, 2));
    let all = t.export();
    assert_unique(&all);
    let arf: Vec<&Hit> = all
        .iter()
        .filter(|h| h.source == "arf/arf-1994.txt")
        .collect();
    assert_eq!(
        arf.iter().map(|h| h.paragraph.as_str()).collect::<Vec<_>>(),
        ["1", "2"]
    );
    assert_eq!(t.search(&["\"regional relations\""]).total, 1);
    assert_eq!(t.search(&["\"Chemical Weapons Convention\""]).total, 0);

    // Remove.
    t.remove("g8/g8-2004.txt");
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&v), (0, 0, 1, 2));
    assert!(t.export().iter().all(|h| !h.source.starts_with("g8/")));

    // Rename (move within the corpus): new path, no duplicate left behind.
    std::fs::create_dir_all(t.corpus().join("astop")).expect("mkdir");
    std::fs::rename(
        t.corpus().join("astop-2003-tokyo.txt"),
        t.corpus().join("astop/astop-2003-tokyo.txt"),
    )
    .expect("rename");
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&v), (1, 0, 1, 1));
    let all = t.export();
    assert_unique(&all);
    assert_eq!(
        all.iter()
            .filter(|h| h.source == "astop/astop-2003-tokyo.txt")
            .count(),
        14
    );
    assert!(all.iter().all(|h| h.source != "astop-2003-tokyo.txt"));
    let hit = &t.search(&["export control"]).hits[0];
    assert_eq!(hit.id, "astop/astop-2003-tokyo.txt#4(d)");
}

#[test]
fn ids_are_stable_across_reingests_of_unchanged_files() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let first = ids(&t.export());
    t.run(["ingest", "--full"]).success();
    assert_eq!(ids(&t.export()), first);
}

#[test]
fn touching_a_file_without_changing_it_is_not_a_change() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    std::thread::sleep(Duration::from_millis(20));
    let content = std::fs::read(crate::util::sample()).expect("read");
    t.write("astop-2003-tokyo.txt", content);
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&v), (0, 0, 0, 1));
}

#[test]
fn the_corpus_path_may_be_spelled_any_way() {
    let t = TestDir::with_sample();
    t.run(["ingest", "corpus"]).success();
    let abs = t.corpus().display().to_string();
    for spelling in [abs.clone(), format!("{abs}/"), "./corpus/".to_string()] {
        let v: serde_json::Value = t.json(["ingest", spelling.as_str(), "--format", "json"]);
        assert_eq!(counts(&v), (0, 0, 0, 1), "{spelling}");
    }
}

#[test]
fn dry_run_prints_the_plan_and_writes_nothing() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    t.write("g8/g8-2004.txt", G8);
    t.remove("astop-2003-tokyo.txt");
    let before = t.index_snapshot();
    let v: serde_json::Value = t.json(["ingest", "--dry-run", "--format", "json"]);
    assert_eq!(counts(&v), (1, 0, 1, 0));
    assert_eq!(
        v["changes"],
        serde_json::json!([
            {"path": "astop-2003-tokyo.txt", "change": "remove"},
            {"path": "g8/g8-2004.txt", "change": "add"}
        ])
    );
    let text = t.run(["status"]).success().get_output().stdout.clone();
    let text = String::from_utf8_lossy(&text);
    assert!(text.contains("would add    g8/g8-2004.txt"), "{text}");
    assert!(
        text.contains("1 to add, 0 to update, 1 to remove"),
        "{text}"
    );
    assert_eq!(t.index_snapshot(), before, "dry run changed the index");
}

#[test]
fn an_up_to_date_index_says_so_and_is_not_rewritten() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let before = t.index_snapshot();
    let text = t.run(["status"]).success().get_output().stdout.clone();
    assert!(String::from_utf8_lossy(&text).contains("index is up to date"));
    t.run(["ingest"]).success();
    assert_eq!(t.index_snapshot(), before);
}

#[test]
fn a_pipeline_version_change_rebuilds_the_whole_index() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    set_payload_version(&t, "pipeline", dipsearch::index::PIPELINE_VERSION, 0);
    let out = t
        .run(["ingest", "--format", "json"])
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("rebuilding the whole index"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(counts(&v), (0, 1, 0, 0));
    assert_eq!(v["paragraphs"], 14);
    assert_unique(&t.export());
}

#[test]
fn a_second_writer_fails_fast_while_searches_keep_answering() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    t.write("g8/g8-2004.txt", G8);
    let handle = dipsearch::index::IndexHandle::open(&t.index()).expect("open");
    let _lock = dipsearch::index::IndexWriterHandle::acquire(&handle, 0).expect("lock");
    let started = std::time::Instant::now();
    let out = t.run(["ingest"]).code(1).get_output().clone();
    assert!(started.elapsed() < Duration::from_secs(5));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("another ingest holds the index"),
        "{stderr}"
    );
    assert_eq!(t.search(&["export control"]).hits[0].paragraph, "4(d)");
}

/// A larger corpus: `n` documents of numbered paragraphs with varied words.
fn write_corpus(t: &TestDir, n: usize, variant: &str) {
    let topics = [
        "export control",
        "nuclear security",
        "the Proliferation Security Initiative",
        "ballistic missiles",
        "chemical weapons",
        "maritime security",
    ];
    for i in 0..n {
        let mut doc = format!(
            "Joint Statement\nThe {i}th Meeting on Regional Security\nManila, {} March 2005\n\n",
            1 + i % 28
        );
        for p in 1..=25 {
            doc.push_str(&format!(
                "{p}. The participants ({variant}) discussed {} and agreed on item {i}-{p}, \
                 recalling the importance of cooperation among Japan, Indonesia and Australia.\n\n",
                topics[(i + p) % topics.len()]
            ));
        }
        t.write(&format!("batch/doc-{i:04}.txt"), doc);
    }
}

#[test]
fn sigkill_at_any_moment_leaves_an_index_that_opens_at_the_last_commit() {
    let t = TestDir::new();
    write_corpus(&t, 120, "first");
    t.run(["ingest", "--quiet"]).success();
    let committed: serde_json::Value = t.json(["stats", "--format", "json"]);
    assert_eq!(committed["paragraphs"], 3000);

    let rounds = ["alpha", "beta", "gamma", "delta", "omega"];
    for (round, delay_ms) in [5u64, 30, 80, 150, 300].into_iter().enumerate() {
        write_corpus(&t, 120 + round * 10, rounds[round]);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dipsearch"))
            .current_dir(t.path())
            .args(["ingest", "--quiet"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // The index opens and answers from a whole commit.
        let s: serde_json::Value = t.json(["stats", "--format", "json"]);
        let paragraphs = s["paragraphs"].as_u64().unwrap_or(0);
        assert!(
            paragraphs >= 3000 && paragraphs.is_multiple_of(25),
            "round {round}: {s}"
        );
        t.run(["search", "export control", "--limit", "1"])
            .success();
    }
    // The next ingest completes the work: exactly the corpus, no duplicates.
    t.run(["ingest", "--quiet"]).success();
    let all = t.export();
    assert_eq!(all.len(), (120 + 4 * 10) * 25);
    assert_unique(&all);
    assert!(all.iter().all(|h| h.text.contains("(omega)")));
}

#[test]
fn watch_reingests_after_the_corpus_changes() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dipsearch"))
        .current_dir(t.path())
        .args(["ingest", "--watch", "--quiet"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(300));
    t.write("g8/g8-2004.txt", G8);
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut seen = false;
    while std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(250));
        let out = t
            .cmd()
            .args([
                "search",
                "\"effective export controls\"",
                "--format",
                "json",
            ])
            .output()
            .expect("run");
        if out.status.success() {
            let page: crate::util::Page = serde_json::from_slice(&out.stdout).expect("json");
            if page.total == 1 {
                seen = true;
                break;
            }
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(seen, "--watch did not pick up the new file");
}

#[test]
fn an_index_of_another_format_is_refused_then_rebuilt_beside_and_swapped_in() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    set_payload_version(&t, "schema", dipsearch::index::SCHEMA_VERSION, 1);
    let err = t
        .run(["search", "export control"])
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&err);
    assert!(
        err.contains("format v1") && err.contains("dipsearch ingest --full"),
        "{err}"
    );
    let out = t
        .run(["ingest", "--format", "json"])
        .success()
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("rebuilding the whole index"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["paragraphs"], 14);
    assert_eq!(t.search(&["export control"]).hits[0].paragraph, "4(d)");
    // Nothing is left beside the index but its lock file.
    let siblings: Vec<String> = std::fs::read_dir(t.path())
        .expect("ls")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("index.") && n != "index.lock")
        .collect();
    assert!(siblings.is_empty(), "{siblings:?}");
}

/// A statement whose numbered paragraph is the same in every copy, so all
/// copies score alike and only the tie-breaking orders them.
fn same_paragraph_statement(place_date: &str) -> String {
    format!(
        "JOINT PRESS STATEMENT\n{place_date}\n\n\
         1. The participants agreed to strengthen export controls on dual-use items.\n\n\
         2. They will meet again next year.\n"
    )
}

#[test]
fn tied_hits_keep_one_order_whatever_the_segment_layout() {
    // The same paragraph in four statements: first in three of them,
    // second (after an opening paragraph) in `b-2005.txt`.
    let files = [
        ("z-2005.txt", same_paragraph_statement("Seoul, 4 May 2005")),
        (
            "a-2001.txt",
            same_paragraph_statement("Tokyo, 12 March 2001"),
        ),
        ("m-2005.txt", same_paragraph_statement("Manila, 4 May 2005")),
        (
            "b-2005.txt",
            same_paragraph_statement("Bangkok, 4 May 2005").replacen(
                "1. The participants",
                "1. The participants met in Bangkok.\n\n2. The participants",
                1,
            ),
        ),
    ];
    // One ingest of everything, against one ingest per file (one segment
    // each, added in another order).
    let together = TestDir::new();
    for (name, text) in &files {
        together.write(name, text);
    }
    together.run(["ingest", "--quiet"]).success();
    let apart = TestDir::new();
    for (name, text) in &files {
        apart.write(name, text);
        apart.run(["ingest", "--quiet"]).success();
    }
    let order = |t: &TestDir, extra: &[&str]| -> Vec<String> {
        let mut args = vec!["export controls"];
        args.extend_from_slice(extra);
        t.search(&args).hits.into_iter().map(|h| h.id).collect()
    };
    // Equal scores: newer first, then paragraph position, then path.
    let expected = vec![
        "m-2005.txt#1",
        "z-2005.txt#1",
        "b-2005.txt#2",
        "a-2001.txt#1",
    ];
    assert_eq!(order(&together, &[]), expected);
    assert_eq!(order(&apart, &[]), expected);
    let oldest = vec![
        "a-2001.txt#1",
        "m-2005.txt#1",
        "z-2005.txt#1",
        "b-2005.txt#2",
    ];
    assert_eq!(order(&together, &["--sort", "oldest"]), oldest);
    assert_eq!(order(&apart, &["--sort", "oldest"]), oldest);
    // A page boundary inside the tie does not reorder it.
    let second = order(&apart, &["--limit", "1", "--offset", "1"]);
    assert_eq!(second, vec!["z-2005.txt#1"]);
}

#[test]
fn more_tied_hits_than_the_page_sort_the_same_in_any_layout() {
    // Fourteen copies of one statement of one day: far more hits of equal
    // score and date than a page of two and its margin, so the page
    // depends on which of them the collector keeps.
    let files: Vec<(String, String)> = (1..=14)
        .map(|i| {
            (
                format!("s{i:02}.txt"),
                same_paragraph_statement("Geneva, 9 June 2011"),
            )
        })
        .collect();
    let together = TestDir::new();
    for (name, text) in &files {
        together.write(name, text);
    }
    together.run(["ingest", "--quiet"]).success();
    // The other index receives them last file first, one ingest each.
    let apart = TestDir::new();
    for (name, text) in files.iter().rev() {
        apart.write(name, text);
        apart.run(["ingest", "--quiet"]).success();
    }
    let page = |t: &TestDir, sort: &str, offset: &str| -> Vec<String> {
        let args = [
            "export controls",
            "--sort",
            sort,
            "--limit",
            "2",
            "--offset",
            offset,
        ];
        t.search(&args).hits.into_iter().map(|h| h.id).collect()
    };
    for sort in ["relevance", "newest", "oldest"] {
        // One score, one date, one position: the path decides.
        assert_eq!(
            page(&together, sort, "0"),
            ["s01.txt#1", "s02.txt#1"],
            "{sort}"
        );
        assert_eq!(
            page(&apart, sort, "0"),
            ["s01.txt#1", "s02.txt#1"],
            "{sort}"
        );
        assert_eq!(
            page(&apart, sort, "11"),
            ["s12.txt#1", "s13.txt#1"],
            "{sort}"
        );
    }
    // A quoted phrase alone is searched pruned, with its total counted
    // apart: the collection grown for the tie keeps the first count.
    for t in [&together, &apart] {
        let quoted = t.search(&["\"export controls\"", "--limit", "2"]);
        let ids: Vec<String> = quoted.hits.into_iter().map(|h| h.id).collect();
        assert_eq!(ids, ["s01.txt#1", "s02.txt#1"]);
        assert_eq!((quoted.total, quoted.total_is_estimate), (14, false));
    }
}

/// Segments of the index in `meta.json` (its `segments` list).
fn segment_count(t: &TestDir) -> usize {
    let text = std::fs::read_to_string(t.index().join("meta.json")).expect("meta.json");
    let meta: serde_json::Value = serde_json::from_str(&text).expect("meta.json is JSON");
    meta["segments"].as_array().map_or(0, Vec::len)
}

#[test]
fn small_segments_left_by_ingests_are_merged() {
    // A first ingest of a dozen documents: one segment of a few hundred.
    let t = TestDir::with_sample();
    let docs = crate::util::fixtures().join("docs");
    let mut files = 1u64;
    for entry in std::fs::read_dir(&docs).expect("fixtures").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            t.copy_in(&entry.path(), &name);
            files += 1;
        }
    }
    // A long report, so that the first segment is not small itself (a
    // segment under a thousand paragraphs always is).
    let long: String = (1..=1_200)
        .map(|i| format!("{i}. The Conference reviewed agenda item {i} and its budget.\n\n"))
        .collect();
    t.write("reports/long.txt", &long);
    files += 1;
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&v), (files, 0, 0, 0));
    assert_eq!(segment_count(&t), 1);
    let before = t.export();
    assert!(before.len() > 1_200, "{}", before.len());
    // Each incremental ingest commits a small segment of its own; a commit
    // that leaves two small ones merges them (without, three segments), and
    // leaves the large one as it is.
    for i in 0..2 {
        t.write(
            &format!("g8/g8-{i}.txt"),
            G8.replace("2004", &format!("200{i}")),
        );
        let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
        assert_eq!(counts(&v), (1, 0, 0, files + i));
    }
    assert_eq!(segment_count(&t), 2);
    // The merged segments' files are gone.
    let stores = std::fs::read_dir(t.index())
        .expect("index dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".store"))
        .count();
    assert_eq!(stores, 2);
    // Merging kept every paragraph and the index's own state.
    let after = t.export();
    assert_eq!(after.len(), before.len() + 2 * 2);
    assert_unique(&after);
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(counts(&v), (0, 0, 0, files + 2));
}
