//! A query whose paragraphs do not fill the page is followed by those with
//! all but its most common parts, as Meilisearch's matching strategy
//! does; `--all-words` keeps to the paragraphs with every word.

use crate::util::{fixtures, TestDir};

/// The invented digest of `tests/fixtures/query/`, ingested.
fn digest() -> TestDir {
    let t = TestDir::new();
    let name = "canal-and-crisis-digest-2038.txt";
    t.copy_in(&fixtures().join("query").join(name), name);
    t.run(["ingest"]).success();
    t
}

fn stdout(t: &TestDir, args: &[&str]) -> String {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    let out = t.run(all).success().get_output().clone();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn labels(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|h| h["paragraph"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_name_and_a_word_no_paragraph_holds_together_find_the_name() {
    let t = digest();
    // `Suez` is the name typed with a capital: `crisis` goes first.
    let text = stdout(&t, &["Suez crisis"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.first(),
        Some(&"── no paragraph has all the words; 1 has all but \"crisis\" ──"),
        "{text}"
    );
    assert!(
        text.contains("canal-and-crisis-digest-2038.txt#1\n"),
        "{text}"
    );
    assert_eq!(
        lines.last(),
        Some(&"no matching paragraphs; 1 has all but \"crisis\""),
        "{text}"
    );
    // The hint that said so is not printed again.
    assert_eq!(text.matches("all but").count(), 2, "{text}");
}

#[test]
fn paragraphs_with_every_word_come_first_then_all_but_the_commonest() {
    let t = digest();
    // `canal` is in three paragraphs, `crisis` in two: the page has the
    // one with both, then the other `crisis` one, never twice.
    let v: serde_json::Value = t.json(["search", "canal crisis", "--format", "json"]);
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(labels(&v["hits"]), ["4"], "{v}");
    let steps = v["fewer_words"].as_array().expect("fewer_words");
    assert_eq!(steps.len(), 1, "{v}");
    assert_eq!(steps[0]["without"], serde_json::json!(["canal"]), "{v}");
    assert_eq!(steps[0]["total"], 1, "{v}");
    assert_eq!(labels(&steps[0]["hits"]), ["3"], "{v}");
    let text = stdout(&t, &["canal crisis"]);
    let order: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("    canal-and") || l.starts_with("──"))
        .collect();
    assert_eq!(
        order,
        [
            "    canal-and-crisis-digest-2038.txt#4",
            "── 1 more has all but \"canal\" ──",
            "    canal-and-crisis-digest-2038.txt#3",
        ],
        "{text}"
    );
    assert_eq!(
        text.lines().last(),
        Some("1 matching paragraph; 1 more has all but \"canal\""),
        "{text}"
    );
    // The next page goes on from the first: the offset counts them all.
    let v: serde_json::Value = t.json([
        "search",
        "canal crisis",
        "-n",
        "1",
        "--offset",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(labels(&v["hits"]), Vec::<String>::new(), "{v}");
    assert_eq!(labels(&v["fewer_words"][0]["hits"]), ["3"], "{v}");
    // A page the full query fills has nothing more.
    let v: serde_json::Value = t.json(["search", "canal crisis", "-n", "1", "--format", "json"]);
    assert_eq!(v["fewer_words"], serde_json::json!([]), "{v}");
}

#[test]
fn exclusions_filters_and_date_order_hold_and_all_words_keeps_to_every_word() {
    let t = digest();
    // The exclusion holds in every step: #4 names the Gulf.
    let v: serde_json::Value = t.json(["search", "canal crisis -Gulf", "--format", "json"]);
    assert_eq!(v["total"], 0, "{v}");
    assert_eq!(labels(&v["fewer_words"][0]["hits"]), ["3"], "{v}");
    // A timeline lists what was asked for.
    let v: serde_json::Value = t.json([
        "search",
        "canal crisis",
        "--sort",
        "newest",
        "--format",
        "json",
    ]);
    assert_eq!(v["fewer_words"], serde_json::json!([]), "{v}");
    // Without the commonest part (`canal`) nothing has the rest: the next
    // commonest goes instead; and no more than one of three parts goes.
    let v: serde_json::Value = t.json(["search", "canal crisis tolls", "--format", "json"]);
    assert_eq!(v["total"], 0, "{v}");
    assert_eq!(
        v["fewer_words"][0]["without"],
        serde_json::json!(["crisis"]),
        "{v}"
    );
    assert_eq!(labels(&v["fewer_words"][0]["hits"]), ["2"], "{v}");
    assert_eq!(v["fewer_words"].as_array().map(Vec::len), Some(1), "{v}");
    // One part alone has no fewer words.
    let v: serde_json::Value = t.json(["search", "dredging", "--format", "json"]);
    assert_eq!(v["fewer_words"], serde_json::json!([]), "{v}");
    // `--all-words`: the paragraphs with every word, and the hint.
    let text = stdout(&t, &["canal crisis", "--all-words"]);
    assert!(!text.contains("#3"), "{text}");
    assert_eq!(
        text.lines().last(),
        Some("3 have all but \"crisis\""),
        "{text}"
    );
    let v: serde_json::Value = t.json(["search", "Suez crisis", "--all-words", "--format", "json"]);
    assert_eq!(
        (v["total"].clone(), v["fewer_words"].clone()),
        (0.into(), serde_json::json!([])),
        "{v}"
    );
}

#[test]
fn the_names_of_a_question_stay_and_every_other_word_may_go() {
    let t = TestDir::new();
    t.write(
        "islands-2038.txt",
        "Council Digest\n\n\
1. Demands an immediate withdrawal of all forces from the Falklands.\n\n\
2. The Council will respond to any invasion of a Member State without delay.\n\n\
3. The Council decided to respond to the letter on the invasion of the island of Tern.\n",
    );
    t.run(["ingest"]).success();
    // Nothing has all but any one of `council`, `respond`, `invasion`:
    // they go together, and `Falklands`, the name, stays (the old steps
    // left out at most two parts and showed nothing).
    let v: serde_json::Value = t.json([
        "search",
        "how did the council respond to the Falklands invasion",
        "--format",
        "json",
    ]);
    assert_eq!(v["total"], 0);
    let steps = v["fewer_words"].as_array().expect("steps");
    assert_eq!(steps.len(), 1, "{v}");
    assert_eq!(labels(&steps[0]["hits"]), ["1"], "{v}");
    let mut without: Vec<&str> = steps[0]["without"]
        .as_array()
        .expect("without")
        .iter()
        .filter_map(|w| w.as_str())
        .collect();
    without.sort_unstable();
    assert_eq!(without, ["council", "invasion", "respond"]);
}

#[test]
fn resolutions_named_together_find_any_of_them() {
    let t = TestDir::new();
    t.write(
        "middle-east-2038.txt",
        "Council Digest\n\n\
1. Recalling its resolutions 242 (1967) and 338 (1973), the Council called for a just peace.\n\n\
2. Recalling its resolution 338 (1973), the Council urged the parties to negotiate.\n\n\
3. The Council noted that 338 observers had been deployed.\n",
    );
    t.run(["ingest"]).success();
    for q in [
        "resolutions 242 and 338",
        "resolutions 338, 242",
        "UNSCR-242 OR UNSCR-338",
    ] {
        let v: serde_json::Value = t.json(["search", q, "--format", "json"]);
        let mut got = labels(&v["hits"]);
        got.sort();
        assert_eq!(got, ["1", "2"], "{q}: {v}");
    }
}
