//! Agreed language (issue 15): `precedent`, `diff`, `compare` and `reuse`
//! on invented editions of a forum's chair's statement (text, Markdown and
//! a web page) and, when `../shared` is there, on real Security Council
//! resolutions.

use serde::Deserialize;

use crate::util::{fixtures, Hit, TestDir};

const OLD: &str = "csf-2029-valletta.txt";
const NEW: &str = "csf-2030-tallinn.md";
const PAGE: &str = "harbour-dialogue-2031.html";

/// The three invented documents.
fn forum() -> TestDir {
    let t = TestDir::new();
    for f in [OLD, NEW, PAGE] {
        t.copy_in(&fixtures().join("agreed").join(f), f);
    }
    t.run(["ingest", "-q"]).success();
    t
}

#[derive(Debug, Deserialize)]
struct Precedents {
    text: String,
    id: Option<String>,
    words: usize,
    total: usize,
    earliest: Option<String>,
    matches: Vec<Match>,
}

#[derive(Debug, Deserialize)]
struct Match {
    #[serde(flatten)]
    hit: Hit,
    coverage: f32,
    their_coverage: f32,
    earliest: bool,
    shared: Vec<Shared>,
}

#[derive(Debug, Deserialize)]
struct Shared {
    query: [usize; 2],
    theirs: [usize; 2],
    words: usize,
}

const PIRACY_DRAFT: &str = "The Forum expressed its serious concern at the growing number of \
    incidents of piracy and armed robbery against ships in the wider region and called for closer \
    coordination among coast guards.";

#[test]
fn precedent_finds_edited_wording_with_its_shared_spans() {
    let t = forum();
    let p: Precedents = t.json(["precedent", "--text", PIRACY_DRAFT, "--format", "json"]);
    assert_eq!(p.text, PIRACY_DRAFT);
    assert!(p.id.is_none());
    assert_eq!(p.total, 2, "{p:?}");
    let ids: Vec<&str> = p.matches.iter().map(|m| m.hit.id.as_str()).collect();
    // The 2029 wording is closer to the draft than the 2030 one, which
    // added "and navies".
    assert_eq!(ids, [format!("{OLD}#4"), format!("{NEW}#4")], "{p:?}");
    let best = &p.matches[0];
    assert!(
        best.coverage > 0.7 && best.coverage < 1.0,
        "{}",
        best.coverage
    );
    assert!(best.their_coverage > 0.8);
    for s in &best.shared {
        let (q, th) = (
            &PIRACY_DRAFT[s.query[0]..s.query[1]],
            &best.hit.text[s.theirs[0]..s.theirs[1]],
        );
        assert_eq!(
            q.to_lowercase(),
            th.to_lowercase(),
            "spans are the same words"
        );
        assert!(s.words >= 3);
    }
    assert!(best
        .shared
        .iter()
        .any(|s| PIRACY_DRAFT[s.query[0]..s.query[1]]
            .contains("piracy and armed robbery against ships")));
    // The earliest use is marked, on the match and at the top.
    assert_eq!(p.earliest.as_deref(), Some(format!("{OLD}#4").as_str()));
    assert!(best.earliest && !p.matches[1].earliest);
    assert!(p.words > 25);
}

#[test]
fn precedent_of_a_paragraph_leaves_it_out_and_sorts_by_date_on_request() {
    let t = forum();
    let id = format!("{PAGE}#p2");
    let p: Precedents = t.json(["precedent", &id, "--sort", "oldest", "--format", "json"]);
    assert_eq!(p.id.as_deref(), Some(id.as_str()));
    let ids: Vec<&str> = p.matches.iter().map(|m| m.hit.id.as_str()).collect();
    assert_eq!(ids, [format!("{OLD}#2"), format!("{NEW}#3")], "{p:?}");
    // The page's paragraph adds a sentence the statements do not have.
    assert!(p.matches[0].coverage < 1.0 && p.matches[0].their_coverage == 1.0);
    let newest: Precedents = t.json(["precedent", &id, "--sort", "newest", "--format", "json"]);
    assert_eq!(newest.matches[0].hit.id, format!("{NEW}#3"));
    // Filters as in search: --before is --until.
    let before: Precedents = t.json([
        "precedent",
        &id,
        "--before",
        "2029-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(before.total, 1);
    // Text output names the earliest use and prints no brackets of its own.
    let out = t
        .run(["precedent", &id])
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("earliest use: csf-2029-valletta.txt#2"),
        "{out}"
    );
    assert!(out.contains("100% of this paragraph"), "{out}");
}

#[test]
fn precedent_reads_a_file_or_standard_input() {
    let t = forum();
    std::fs::write(t.path().join("draft.txt"), PIRACY_DRAFT).unwrap();
    let p: Precedents = t.json(["precedent", "--file", "draft.txt", "--format", "json"]);
    assert_eq!(p.total, 2);
    let out = t
        .cmd()
        .args(["precedent", "--file", "-", "--format", "json", "-n", "1"])
        .write_stdin(PIRACY_DRAFT)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let p: Precedents = serde_json::from_slice(&out).unwrap();
    assert_eq!(p.matches.len(), 1);
    assert_eq!(p.total, 2);
}

#[test]
fn wording_used_nowhere_finds_nothing() {
    let t = forum();
    let p: Precedents = t.json([
        "precedent",
        "--text",
        "Delegates toured the botanical gardens and sampled local cheeses after lunch.",
        "--format",
        "json",
    ]);
    assert_eq!((p.total, p.matches.len()), (0, 0), "{p:?}");
    t.run(["precedent", "--text", "Delegates toured the gardens."])
        .success()
        .stdout(predicates::str::contains(
            "no paragraph shares this wording",
        ));
}

#[test]
fn agreed_language_usage_errors_name_the_value() {
    let t = forum();
    for (args, needle) in [
        (vec!["precedent"], "give the wording"),
        (
            vec!["precedent", "--text", "x", "--min-coverage", "150"],
            "'150'",
        ),
        (vec!["precedent", "nowhere.txt#1"], "'nowhere.txt#1'"),
        (vec!["diff", "csf-2029-valletta.txt#1"], "two texts"),
        (
            vec![
                "diff",
                "csf-2029-valletta.txt#1",
                "csf-2029-valletta.txt#99",
            ],
            "#99'",
        ),
        (vec!["compare", OLD], "two documents"),
        (
            vec!["compare", OLD, "csf-2030-talin.md"],
            "'csf-2030-talin.md'",
        ),
        (
            vec![
                "compare",
                "--meeting",
                "Coastal States Forum",
                "--from",
                "2027",
                "--to",
                "2030",
            ],
            "in 2027",
        ),
        (
            vec![
                "compare",
                "--meeting",
                "Coastal States Forum",
                "--from",
                "29",
                "--to",
                "30",
            ],
            "'29'",
        ),
    ] {
        let a = t.run(&args).code(2);
        let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }
    // The closest document is suggested.
    t.run(["compare", OLD, "csf-2030-talin.md"])
        .code(2)
        .stderr(predicates::str::contains(NEW));
}

#[derive(Debug, Deserialize)]
struct Diff {
    a: Side,
    b: Side,
    deleted_words: usize,
    inserted_words: usize,
    equal_words: usize,
    ops: Vec<Op>,
}

#[derive(Debug, Deserialize)]
struct Side {
    id: Option<String>,
    text: String,
}

#[derive(Debug, Deserialize)]
struct Op {
    op: String,
    a: [usize; 2],
    b: [usize; 2],
    text: String,
}

#[test]
fn diff_shows_deletions_and_insertions_in_three_formats() {
    let t = forum();
    let (a, b) = (format!("{OLD}#4"), format!("{NEW}#4"));
    let out = t
        .run(["diff", &a, &b])
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("[-deep-]{+grave+}"), "{out}");
    assert!(out.contains("coast guards{+ and navies+}."), "{out}");
    assert!(out.contains("1 word deleted, 3 inserted"), "{out}");

    let d: Diff = t.json(["diff", &a, &b, "--format", "json"]);
    assert_eq!(
        (d.a.id.as_deref(), d.b.id.as_deref()),
        (Some(a.as_str()), Some(b.as_str()))
    );
    assert_eq!((d.deleted_words, d.inserted_words), (1, 3));
    assert!(d.equal_words > 25);
    // Every operation's ranges slice its text; equal and deleted text
    // rebuilds the first text, equal and inserted text the second.
    let (mut ra, mut rb) = (String::new(), String::new());
    for op in &d.ops {
        let (sa, sb) = (&d.a.text[op.a[0]..op.a[1]], &d.b.text[op.b[0]..op.b[1]]);
        match op.op.as_str() {
            "equal" => {
                assert_eq!(sa, sb);
                assert_eq!(op.text, sa);
            }
            "delete" => assert!(sb.is_empty() && op.text == sa),
            "insert" => assert!(sa.is_empty() && op.text == sb),
            other => panic!("op {other}"),
        }
        ra.push_str(sa);
        rb.push_str(sb);
    }
    assert_eq!((ra, rb), (d.a.text.clone(), d.b.text.clone()));

    let html = t
        .run([
            "diff",
            "--text",
            "the <b>old</b> & text",
            "--text",
            "the new & text",
            "--format",
            "html",
        ])
        .success()
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(html).unwrap();
    assert!(
        html.contains("<del>&lt;b&gt;old&lt;/b&gt;</del><ins>new</ins>"),
        "{html}"
    );
    assert!(!html.contains("<b>") && !html.contains("<script"), "{html}");
    // An id against a draft.
    t.run(["diff", &a, "--text", PIRACY_DRAFT])
        .success()
        .stdout(predicates::str::contains("{+its serious+}"));
}

#[derive(Debug, Deserialize)]
struct Comparison {
    old: Doc,
    new: Doc,
    agreed_share: f32,
    pairs: Vec<Pair>,
}

#[derive(Debug, Deserialize)]
struct Doc {
    source: String,
    date: Option<String>,
    paragraphs: usize,
}

#[derive(Debug, Deserialize)]
struct Pair {
    kind: String,
    old: Option<Para>,
    new: Option<Para>,
    similarity: f32,
    ops: Option<Vec<Op>>,
}

#[derive(Debug, Deserialize)]
struct Para {
    paragraph: String,
}

fn rows(c: &Comparison) -> Vec<(String, String, String)> {
    let label = |p: &Option<Para>| p.as_ref().map_or("-".to_string(), |p| p.paragraph.clone());
    c.pairs
        .iter()
        .map(|p| (p.kind.clone(), label(&p.old), label(&p.new)))
        .collect()
}

#[test]
fn compare_pairs_editions_unchanged_modified_moved_new_dropped() {
    let t = forum();
    let c: Comparison = t.json(["compare", OLD, NEW, "--format", "json"]);
    assert_eq!((c.old.source.as_str(), c.new.source.as_str()), (OLD, NEW));
    assert_eq!(c.old.date.as_deref(), Some("2029-05-03"));
    assert_eq!((c.old.paragraphs, c.new.paragraphs), (6, 6));
    let r = |k: &str, o: &str, n: &str| (k.to_string(), o.to_string(), n.to_string());
    assert_eq!(
        rows(&c),
        [
            r("modified", "1", "1"),
            r("moved", "5", "2"),
            r("unchanged", "2", "3"),
            r("dropped", "3", "-"),
            r("modified", "4", "4"),
            r("new", "-", "5"),
            r("modified", "6", "6"),
        ],
        "{c:#?}"
    );
    let piracy = &c.pairs[4];
    assert!(piracy.similarity >= 0.9 && piracy.ops.is_some());
    assert!(c.pairs[2].ops.is_none(), "unchanged pairs carry no diff");
    // Unchanged, moved-as-is and near-identical paragraphs (¶2, ¶3, ¶4 of
    // the new edition) are about three fifths of its words.
    assert!(
        c.agreed_share > 0.5 && c.agreed_share < 0.7,
        "{}",
        c.agreed_share
    );

    // The same pair found by meeting and years; text output.
    let out = t
        .run([
            "compare",
            "--meeting",
            "Coastal States Forum",
            "--from",
            "2029",
            "--to",
            "2030",
        ])
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("old: ") && out.contains(OLD) && out.contains(NEW),
        "{out}"
    );
    assert!(out.contains("> ¶5 → ¶2  moved 100%"), "{out}");
    assert!(out.contains("[-deep-]{+grave+}"), "{out}");
    assert!(
        out.contains("1 unchanged · 3 modified · 1 moved · 1 new · 1 dropped"),
        "{out}"
    );
}

#[derive(Debug, Deserialize)]
struct Reuse {
    paragraphs: usize,
    total: usize,
    clusters: Vec<Cluster>,
}

#[derive(Debug, Deserialize)]
struct Cluster {
    text: String,
    documents: usize,
    earliest: Use,
    latest: Option<Use>,
    examples: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Use {
    id: String,
    date: Option<String>,
}

#[test]
fn reuse_lists_the_formula_of_three_documents_first() {
    let t = forum();
    let r: Reuse = t.json(["reuse", "--format", "json"]);
    assert!(r.paragraphs >= 14, "{r:?}");
    let top = &r.clusters[0];
    assert_eq!(top.documents, 3, "{r:?}");
    assert!(
        top.text
            .starts_with("Participants reaffirmed their commitment to the freedom of navigation"),
        "{}",
        top.text
    );
    assert_eq!(top.earliest.id, format!("{OLD}#2"));
    assert_eq!(top.earliest.date.as_deref(), Some("2029-05-03"));
    assert_eq!(
        top.latest.as_ref().map(|u| u.id.as_str()),
        Some(format!("{PAGE}#p2").as_str())
    );
    assert_eq!(top.examples.len(), 3);
    // Sentences of two documents follow; none of one document only.
    assert!(r.clusters.iter().all(|c| c.documents >= 2));
    assert_eq!(r.total, r.clusters.len());
    let three: Reuse = t.json(["reuse", "--min-documents", "3", "--format", "json"]);
    assert_eq!(three.total, 1);
}

/// Real resolutions from `../shared`: a standard closing clause's earlier
/// uses, earliest first, and the formulas `reuse` lists first.
#[test]
fn security_council_formulas_and_their_earliest_uses() {
    let Some(real) = crate::real::real_dir() else {
        eprintln!("skipped: ../shared/data/real is not there");
        return;
    };
    let t = TestDir::new();
    let dir = real.join("unsc-resolutions");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            ["_1975", "_1976", "_1977", "_1978", "_1979"]
                .iter()
                .any(|y| n.contains(y))
        })
        .collect();
    names.sort();
    for n in &names {
        t.copy_in(&dir.join(n), n);
    }
    t.run(["ingest", "-q"]).success();
    let p: Precedents = t.json([
        "precedent",
        "--text",
        "Decides to remain seized of the matter.",
        "--sort",
        "oldest",
        "-n",
        "50",
        "--format",
        "json",
    ]);
    assert!(p.total >= 10, "{}", p.total);
    let dates: Vec<&str> = p
        .matches
        .iter()
        .filter_map(|m| m.hit.date.as_deref())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "earliest first: {dates:?}"
    );
    assert!(p.matches[0].earliest || p.matches.iter().any(|m| m.earliest));
    assert!(p
        .matches
        .iter()
        .all(|m| m.coverage == 1.0 || m.hit.text.contains("seized")));
    let r: Reuse = t.json(["reuse", "-n", "25", "--format", "json"]);
    let texts: Vec<&str> = r.clusters.iter().map(|c| c.text.as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|s| s.contains("remain seized of the matter")),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|s| s.starts_with("Having considered the report of the Secretary-General")),
        "{texts:#?}"
    );
}
