//! Issue 17: saved searches (`dipsearch watch`) report each paragraph that
//! enters the index once, exit 1 when there is nothing new (as grep), and
//! live in the index folder through rebuilds.

use crate::util::{Hit, TestDir};

const STATEMENT: &str = "CHAIR'S STATEMENT\nASEAN REGIONAL FORUM INTER-SESSIONAL MEETING ON NON-PROLIFERATION AND DISARMAMENT\n\
Manila, 3 May 2016\n\n\
1. The Meeting stressed that effective export controls on dual-use items support peaceful trade.\n\n\
2. Participants welcomed the hospitality of the Government of the Philippines.\n\n\
3. The Meeting encouraged capacity building on export controls and customs enforcement.\n";

fn ids(hits: &[Hit]) -> Vec<String> {
    let mut ids: Vec<String> = hits.iter().map(|h| h.id.clone()).collect();
    ids.sort();
    ids
}

#[test]
fn watch_run_prints_the_new_documents_matching_paragraphs_once() {
    let t = TestDir::with_sample();
    t.run(["ingest", "-q"]).success();
    t.run(["watch", "add", "export-controls", "export controls"])
        .success();
    // Nothing entered since the watch was saved.
    t.run(["watch", "run", "export-controls"])
        .code(1)
        .stdout("");
    t.write("arf-ism-npd-2016.txt", STATEMENT);
    let out = t.run(["ingest"]).success().get_output().stdout.clone();
    let out = String::from_utf8_lossy(&out);
    assert!(
        out.lines()
            .any(|l| l == "watches with new hits: export-controls (2)"),
        "{out}"
    );
    let hits: Vec<Hit> = t.json_lines(["watch", "run", "export-controls", "--format", "jsonl"]);
    assert_eq!(
        ids(&hits),
        ["arf-ism-npd-2016.txt#1", "arf-ism-npd-2016.txt#3"],
        "only the new document's matching paragraphs"
    );
    // Same HIT shape as search's.
    let searched = t.search(&["export controls"]);
    let same = searched.hits.iter().find(|h| h.id == hits[0].id).unwrap();
    assert_eq!(same.text, hits[0].text);
    assert_eq!(same.citation, hits[0].citation);
    // The second time: nothing, exit 1.
    t.run(["watch", "run", "export-controls"])
        .code(1)
        .stdout("");
    let quiet = t
        .run(["ingest", "-q"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(quiet.is_empty());
}

#[test]
fn watches_survive_a_rebuild_without_reporting_old_paragraphs_again() {
    let t = TestDir::with_sample();
    t.run(["watch", "add", "tokyo", "--meeting", "ASTOP"])
        .success();
    t.run(["ingest", "-q"]).success();
    let first: Vec<Hit> = t.json_lines(["watch", "run", "--format", "jsonl"]);
    assert!(!first.is_empty());
    t.run(["ingest", "--full", "-q"]).success();
    assert!(t.index().join("watches.json").is_file());
    t.run(["watch", "run"]).code(1).stdout("");
    // A changed file's paragraphs enter again.
    let sample = std::fs::read_to_string(t.corpus().join("astop-2003-tokyo.txt")).unwrap();
    t.write(
        "astop-2003-tokyo.txt",
        sample.replace("underscored", "stressed"),
    );
    t.run(["ingest", "-q"]).success();
    let again: Vec<Hit> = t.json_lines(["watch", "run", "tokyo", "--format", "jsonl"]);
    assert_eq!(again.len(), first.len());
}

#[test]
fn watch_usage_errors_name_the_value_and_exit_2() {
    let t = TestDir::with_sample();
    t.run(["watch", "add", "a b", "nuclear"])
        .code(2)
        .stderr(predicates::str::contains("bad watch name 'a b'"));
    t.run(["watch", "add", "empty"])
        .code(2)
        .stderr(predicates::str::contains("needs a query or a filter"));
    t.run(["watch", "add", "n", "nuclear", "--country", "Atlantis"])
        .code(2);
    t.run(["watch", "add", "n", "nuclear"]).success();
    t.run(["watch", "add", "n", "other"])
        .code(2)
        .stderr(predicates::str::contains("'n' already exists"));
    t.run(["watch", "rm", "m"])
        .code(2)
        .stderr(predicates::str::contains(
            "no watch named 'm'; the watches are n",
        ));
    t.run(["watch", "list"])
        .success()
        .stdout("n  \"nuclear\"\n");
    t.run(["watch", "rm", "n"]).success();
    t.run(["watch", "list"]).success().stdout("");
}
