//! Relevance evaluation (issue 13), in the manner of imdb-rename's
//! `imdb-eval`: a graded judgement file (`benches/relevance/qrels.toml`,
//! how it is written is explained at its top) and three engines on the
//! same paragraphs: dipsearch, dipsearch `--literal` (the words only, as
//! before issue 13) and SQLite FTS5 (porter unicode61, bm25).
//!
//! `cargo bench --bench relevance` ingests each corpus the file names into
//! a temporary index, runs every query, and prints nDCG@10, recall@10 and
//! precision@10 per engine, overall and per kind of query. Third-party
//! documents live outside the repository: the ASTOP participants' General
//! Debate speeches are unpacked from `../shared/data/ungdc-1946-2024.tar.zst`
//! (`tests/support/general_debate.rs`), the real documents are read from
//! `../shared/data/real` or `DIPSEARCH_REAL`; a corpus that is absent is
//! skipped with a note.
//! `DIPSEARCH_EVAL_DETAIL=1` prints the figures of every query.
//!
//! Definitions: grade g ∈ {0, 1, 2}; DCG@10 = Σ (2^g − 1) / log2(rank + 1);
//! nDCG@10 = DCG@10 / the DCG@10 of the best possible ranking of every
//! judged paragraph; recall@10 = relevant (g ≥ 1) in the top 10 / all
//! relevant; precision@10 = relevant in the top 10 / 10.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use dipsearch::enrich::Gazetteer;
use dipsearch::index::IndexHandle;
use dipsearch::ingest::{ingest, IngestOptions};
use dipsearch::model::EntityKind;
use dipsearch::search::query::{parse_query, Atom, Clause};
use dipsearch::search::{Engine, Filters, SearchRequest};
use regex::Regex;
use serde::Deserialize;

// Shared with the CLI tests, which check the subject queries on it too.
#[path = "../tests/support/general_debate.rs"]
mod general_debate;
use general_debate::write_astop_and_general_debate;

const K: usize = 10;

#[derive(Deserialize)]
struct Qrels {
    query: Vec<Need>,
}

/// One information need of the judgement file.
#[derive(Deserialize)]
struct Need {
    id: String,
    kind: String,
    corpus: String,
    query: String,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    fts5: Option<String>,
    #[serde(default)]
    rel2: Vec<String>,
    #[serde(default)]
    rel1: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
}

/// The three engines compared.
const ENGINES: [&str; 3] = ["dipsearch", "dipsearch --literal", "SQLite FTS5"];

#[derive(Default, Clone, Copy)]
struct Scores {
    ndcg: f64,
    recall: f64,
    precision: f64,
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("benches/relevance/qrels.toml"))
        .expect("benches/relevance/qrels.toml");
    let qrels: Qrels = toml::from_str(&text).expect("qrels.toml parses");
    let detail = std::env::var_os("DIPSEARCH_EVAL_DETAIL").is_some();

    let mut by_corpus: BTreeMap<&str, Vec<&Need>> = BTreeMap::new();
    for n in &qrels.query {
        by_corpus.entry(n.corpus.as_str()).or_default().push(n);
    }
    // (need id, kind) → scores per engine
    let mut results: Vec<(&Need, [Scores; 3])> = Vec::new();
    for (corpus, needs) in &by_corpus {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = match corpus_dir(root, corpus, tmp.path()) {
            Ok(dir) => dir,
            Err(why) => {
                eprintln!(
                    "relevance: corpus '{corpus}' skipped ({why}): {} queries not run",
                    needs.len()
                );
                continue;
            }
        };
        let index_dir = tmp.path().join("index");
        ingest(&dir, &index_dir, &IngestOptions::default(), &|_| {}).expect("ingest");
        let handle = IndexHandle::open(&index_dir).expect("open index");
        let engine = Engine::open(&handle).expect("engine");
        let mut paragraphs: Vec<(String, String)> = Vec::new();
        engine
            .for_each_paragraph(|r| {
                paragraphs.push((r.id, r.text));
                Ok(())
            })
            .expect("paragraphs");
        let fts = Fts::new(&paragraphs);
        eprintln!(
            "relevance: {corpus}: {} paragraphs, {} queries",
            paragraphs.len(),
            needs.len()
        );
        for need in needs {
            let scores = evaluate(need, &engine, &paragraphs, &fts);
            if detail {
                println!(
                    "{:28} {:9} {}",
                    need.id,
                    need.kind,
                    scores
                        .iter()
                        .map(|s| format!("{:.3}/{:.3}/{:.3}", s.ndcg, s.recall, s.precision))
                        .collect::<Vec<_>>()
                        .join("  ")
                );
            }
            results.push((need, scores));
        }
    }
    report(&results);
}

/// The folder of a corpus named in the judgement file; `work` is a
/// temporary folder for a corpus that is assembled on each run. `Err` says
/// why the corpus is unavailable.
fn corpus_dir(root: &Path, name: &str, work: &Path) -> Result<PathBuf, String> {
    let dir = match name {
        "astop-ungd" => {
            let dir = work.join("corpus");
            write_astop_and_general_debate(&dir)?;
            dir
        }
        "fixtures" => root.join("tests/fixtures/docs"),
        "real" => std::env::var_os("DIPSEARCH_REAL")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("../shared/data/real")),
        _ => return Err("unknown corpus name".to_string()),
    };
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err(format!("no {}", dir.display()))
    }
}

/// The figures of one need for the three engines.
fn evaluate(
    need: &Need,
    engine: &Engine,
    paragraphs: &[(String, String)],
    fts: &Fts,
) -> [Scores; 3] {
    let filters = filters(&need.args);
    // The paragraphs the filters allow (all when there are none).
    let allowed: Option<HashSet<String>> = (!filters.is_empty()).then(|| {
        let req = SearchRequest {
            query: None,
            filters: filters.clone(),
            limit: paragraphs.len().max(1),
            ..SearchRequest::default()
        };
        let res = engine.search(&req).expect("filter search");
        res.hits.into_iter().map(|h| h.record.id).collect()
    });
    let judge = Judge::new(need);
    let grades: HashMap<&str, u8> = paragraphs
        .iter()
        .filter(|(id, _)| allowed.as_ref().is_none_or(|a| a.contains(id)))
        .filter_map(|(id, text)| {
            let g = judge.grade(text);
            (g > 0).then_some((id.as_str(), g))
        })
        .collect();

    let run = |literal: bool| -> Vec<String> {
        let req = SearchRequest {
            query: Some(need.query.clone()),
            filters: filters.clone(),
            limit: K,
            literal,
            ..SearchRequest::default()
        };
        let res = engine.search(&req).expect("search");
        res.hits.into_iter().map(|h| h.record.id).collect()
    };
    let expr = need
        .fts5
        .clone()
        .unwrap_or_else(|| fts5_expression(&need.query));
    let fts_hits: Vec<String> = fts
        .search(&expr)
        .into_iter()
        .filter(|id| allowed.as_ref().is_none_or(|a| a.contains(id)))
        .take(K)
        .collect();
    [
        score(&run(false), &grades),
        score(&run(true), &grades),
        score(&fts_hits, &grades),
    ]
}

/// The filters of a need's `args` (`--country X`, `--issuer X`, …).
fn filters(args: &[String]) -> Filters {
    let gaz = Gazetteer::builtin();
    let mut f = Filters::default();
    for pair in args.chunks(2) {
        let [flag, value] = pair else {
            panic!("args come in pairs: {args:?}")
        };
        match flag.as_str() {
            "--country" => f.add_entity(gaz, EntityKind::Country, value),
            "--instrument" => f.add_entity(gaz, EntityKind::Instrument, value),
            "--topic" => f.add_entity(gaz, EntityKind::Topic, value),
            "--group" => f.add_entity(gaz, EntityKind::Group, value),
            "--issuer" => f.add_issuer(gaz, value),
            "--meeting" => f.add_meeting(value),
            "--since" => f.set_since(value),
            "--until" => f.set_until(value),
            other => panic!("unknown filter {other}"),
        }
        .expect("filter value");
    }
    f
}

/// The grading rules of one need.
struct Judge {
    rel2: Vec<Regex>,
    rel1: Vec<Regex>,
    not: Vec<Regex>,
}

impl Judge {
    fn new(need: &Need) -> Judge {
        let compile = |v: &[String]| {
            v.iter()
                .map(|p| Regex::new(p).unwrap_or_else(|e| panic!("{}: bad rule {p}: {e}", need.id)))
                .collect()
        };
        Judge {
            rel2: compile(&need.rel2),
            rel1: compile(&need.rel1),
            not: compile(&need.not),
        }
    }

    fn grade(&self, text: &str) -> u8 {
        if self.not.iter().any(|r| r.is_match(text)) {
            0
        } else if self.rel2.iter().any(|r| r.is_match(text)) {
            2
        } else if self.rel1.iter().any(|r| r.is_match(text)) {
            1
        } else {
            0
        }
    }
}

/// nDCG@10, recall@10 and precision@10 of a ranking.
fn score(ranking: &[String], grades: &HashMap<&str, u8>) -> Scores {
    let gain = |g: u8| f64::from((1u32 << g) - 1);
    let discount = |rank: usize| 1.0 / ((rank + 2) as f64).log2();
    let dcg: f64 = ranking
        .iter()
        .take(K)
        .enumerate()
        .map(|(i, id)| gain(*grades.get(id.as_str()).unwrap_or(&0)) * discount(i))
        .sum();
    let mut ideal: Vec<u8> = grades.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(K)
        .enumerate()
        .map(|(i, &g)| gain(g) * discount(i))
        .sum();
    let found = ranking
        .iter()
        .take(K)
        .filter(|id| grades.contains_key(id.as_str()))
        .count();
    let relevant = grades.len();
    Scores {
        ndcg: if idcg > 0.0 { dcg / idcg } else { 0.0 },
        recall: if relevant > 0 {
            found as f64 / relevant as f64
        } else {
            0.0
        },
        precision: found as f64 / K as f64,
    }
}

/// The same need as an FTS5 MATCH expression: words AND-ed, phrases
/// quoted, `a OR b`, exclusions with NOT, `nucl*` as a prefix.
fn fts5_expression(query: &str) -> String {
    let parsed = parse_query(query).expect("query parses");
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let atom = |a: &Atom| match a {
        Atom::Word(w) | Atom::Phrase(w) => quote(w),
        Atom::Prefix(p) => format!("{} *", quote(p)),
    };
    let mut positive: Vec<String> = Vec::new();
    let mut negative: Vec<String> = Vec::new();
    for c in &parsed.clauses {
        match c {
            Clause::AnyOf(atoms) if atoms.len() == 1 => positive.push(atom(&atoms[0])),
            Clause::AnyOf(atoms) => positive.push(format!(
                "({})",
                atoms.iter().map(atom).collect::<Vec<_>>().join(" OR ")
            )),
            Clause::Exclude(a) => negative.push(atom(a)),
        }
    }
    let mut expr = positive.join(" AND ");
    for n in negative {
        expr.push_str(" NOT ");
        expr.push_str(&n);
    }
    expr
}

/// SQLite FTS5 over the same paragraphs, in memory.
struct Fts {
    db: rusqlite::Connection,
}

impl Fts {
    fn new(paragraphs: &[(String, String)]) -> Fts {
        let db = rusqlite::Connection::open_in_memory().expect("sqlite");
        db.execute_batch(
            "CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, text, tokenize = 'porter unicode61');",
        )
        .expect("fts5 table");
        let tx = db.unchecked_transaction().expect("transaction");
        {
            let mut ins = tx
                .prepare("INSERT INTO p (id, text) VALUES (?1, ?2)")
                .expect("insert");
            for (id, text) in paragraphs {
                ins.execute((id, text)).expect("insert row");
            }
        }
        tx.commit().expect("commit");
        Fts { db }
    }

    /// Ids of matching paragraphs, best first (ties: corpus order).
    fn search(&self, expr: &str) -> Vec<String> {
        let mut st = self
            .db
            .prepare("SELECT id FROM p WHERE p MATCH ?1 ORDER BY bm25(p), rowid")
            .expect("select");
        let rows = st.query_map([expr], |r| r.get::<_, String>(0));
        match rows {
            Ok(rows) => rows.filter_map(|r| r.ok()).collect(),
            Err(e) => {
                eprintln!("relevance: FTS5 cannot run {expr}: {e}");
                Vec::new()
            }
        }
    }
}

/// The summary tables.
fn report(results: &[(&Need, [Scores; 3])]) {
    if results.is_empty() {
        println!("no query could run");
        return;
    }
    let mean = |rows: &[&[Scores; 3]], e: usize| -> Scores {
        let n = rows.len().max(1) as f64;
        Scores {
            ndcg: rows.iter().map(|r| r[e].ndcg).sum::<f64>() / n,
            recall: rows.iter().map(|r| r[e].recall).sum::<f64>() / n,
            precision: rows.iter().map(|r| r[e].precision).sum::<f64>() / n,
        }
    };
    let all: Vec<&[Scores; 3]> = results.iter().map(|(_, s)| s).collect();
    println!("\n{} queries", results.len());
    println!("| engine | nDCG@10 | recall@10 | precision@10 |\n|---|---|---|---|");
    for (e, name) in ENGINES.iter().enumerate() {
        let m = mean(&all, e);
        println!(
            "| {name} | {:.3} | {:.3} | {:.3} |",
            m.ndcg, m.recall, m.precision
        );
    }
    let mut kinds: Vec<&str> = results.iter().map(|(n, _)| n.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    println!(
        "\nnDCG@10 by kind of query\n| kind | queries | {} |\n|---|---|---|---|---|",
        ENGINES.join(" | ")
    );
    for kind in kinds {
        let rows: Vec<&[Scores; 3]> = results
            .iter()
            .filter(|(n, _)| n.kind == kind)
            .map(|(_, s)| s)
            .collect();
        println!(
            "| {kind} | {} | {} |",
            rows.len(),
            (0..3)
                .map(|e| format!("{:.3}", mean(&rows, e).ndcg))
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
}
