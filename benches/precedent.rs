//! Agreed language on the UN General Debate (issue 15): planted recall of
//! `precedent`, and the in-process cost of `precedent`, `diff`, `compare`
//! and `reuse`.
//!
//! `cargo bench --bench precedent` mirrors the corpus (hard links) into
//! `<target>/bench-data/precedent/corpus`, ingests it, takes 200 paragraphs
//! of 40 to 300 words spread over the whole corpus, and writes each into a
//! new document with a typical drafting edit, one of five kinds in turn:
//! 5 %, 10 % or 20 % of words inserted, dropped or replaced; two sentences
//! swapped (plus 5 % edits); one sentence embedded in new text. After an
//! incremental ingest of the 200 documents, `precedent` runs on each
//! planted paragraph (by id, so the planted paragraph itself is left out)
//! and the bench reports how often the original is first and among the top
//! three, per kind, with the time of each call. The corpus comes from
//! `DIPSEARCH_UNGDC` or `../shared` as for the pipeline bench; without it
//! the bench says so and stops.

use std::path::Path;
use std::time::{Duration, Instant};

use dipsearch::agreed::{compare, diff, precedents, reuse, PrecedentRequest, ReuseRequest};
use dipsearch::index::IndexHandle;
use dipsearch::ingest::{ingest, IngestOptions};
use dipsearch::search::Engine;
use dipsearch::text::line::sentences;

#[path = "common/ungd.rs"]
mod ungd;

const PLANTED: usize = 200;
const KINDS: [&str; 5] = [
    "5% of words edited",
    "10% of words edited",
    "20% of words edited",
    "two sentences swapped",
    "one sentence in new text",
];

/// Words for insertions, replacements and new text: common in speeches,
/// in an order no speech has.
const FILLER: &[&str] = &[
    "delegation",
    "therefore",
    "indeed",
    "furthermore",
    "region",
    "efforts",
    "important",
    "continue",
    "support",
    "believe",
    "community",
    "international",
    "peace",
    "development",
    "cooperation",
    "security",
    "must",
    "also",
    "new",
    "all",
    "country",
    "people",
    "world",
    "nations",
    "united",
    "global",
    "future",
    "common",
    "strongly",
    "particular",
    "clearly",
    "today",
    "together",
    "council",
    "assembly",
    "general",
    "progress",
    "challenges",
    "need",
    "shared",
    "commitment",
    "responsibility",
    "president",
    "session",
    "years",
    "towards",
];

/// xorshift64*: reproducible without a crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn filler(&mut self) -> &'static str {
        FILLER[self.below(FILLER.len())]
    }
}

/// Inserts, drops or replaces about `share` of the words.
fn edit_words(text: &str, share: f64, rng: &mut Rng) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in text.split_whitespace() {
        if !rng.chance(share) {
            out.push(w.to_string());
            continue;
        }
        match rng.below(3) {
            0 => {}
            1 => {
                out.push(rng.filler().to_string());
                out.push(w.to_string());
            }
            _ => out.push(rng.filler().to_string()),
        }
    }
    out.join(" ")
}

fn new_text(n: usize, rng: &mut Rng) -> String {
    let words: Vec<&str> = (0..n).map(|_| rng.filler()).collect();
    let mut s = words.join(" ");
    s.push('.');
    s
}

/// The edited paragraph of kind `kind`.
fn plant(text: &str, kind: usize, rng: &mut Rng) -> String {
    let parts: Vec<&str> = sentences(text)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    match kind {
        0 => edit_words(text, 0.05, rng),
        1 => edit_words(text, 0.10, rng),
        2 => edit_words(text, 0.20, rng),
        3 if parts.len() >= 2 => {
            let mut p = parts.clone();
            let i = rng.below(p.len() - 1);
            p.swap(i, i + 1);
            edit_words(&p.join(" "), 0.05, rng)
        }
        3 => edit_words(text, 0.10, rng),
        _ => {
            let longest = parts
                .iter()
                .max_by_key(|s| s.split_whitespace().count())
                .copied()
                .unwrap_or(text);
            format!("{} {} {}", new_text(30, rng), longest, new_text(30, rng))
        }
    }
}

/// Mirrors `from` into `to` with hard links (copies across file systems).
fn mirror(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = entry.path().strip_prefix(from).expect("under root");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else if std::fs::hard_link(entry.path(), &dest).is_err() {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let root = match ungd::corpus_root() {
        Ok(r) => r,
        Err(why) => {
            eprintln!("precedent bench skipped: {why}");
            return;
        }
    };
    let work = ungd::target_dir().join("bench-data/precedent");
    let _ = std::fs::remove_dir_all(&work);
    let (corpus, index) = (work.join("corpus"), work.join("index"));
    mirror(&root, &corpus);
    let t = Instant::now();
    let first = ingest(&corpus, &index, &IngestOptions::default(), &|_| {}).expect("ingest");
    println!(
        "ingest: {} documents, {} paragraphs in {:.1} s; index {:.0} MB",
        first.documents,
        first.paragraphs,
        t.elapsed().as_secs_f64(),
        IndexHandle::open(&index).expect("open").size_on_disk() as f64 / 1e6
    );

    let picks = pick_paragraphs(&index);
    let mut rng = Rng(15);
    std::fs::create_dir_all(corpus.join("planted")).expect("mkdir planted");
    for (k, (_, text)) in picks.iter().enumerate() {
        let body = plant(text, k % KINDS.len(), &mut rng);
        let doc = format!("Planted statement {k}\n\n{body}\n");
        std::fs::write(corpus.join(format!("planted/p{k:03}.txt")), doc).expect("write");
    }
    ingest(&corpus, &index, &IngestOptions::default(), &|_| {}).expect("ingest planted");
    let engine = Engine::open(&IndexHandle::open(&index).expect("open")).expect("engine");

    let mut found = [[0usize; 2]; KINDS.len()];
    let mut times = Vec::new();
    for (k, (original, _)) in picks.iter().enumerate() {
        let doc = engine
            .document(&format!("planted/p{k:03}.txt"))
            .expect("doc");
        let planted = doc
            .iter()
            .max_by_key(|r| r.text.len())
            .expect("planted paragraph");
        let t = Instant::now();
        let res = precedents(
            &engine,
            &PrecedentRequest {
                text: planted.text.clone(),
                exclude: Some(planted.id.clone()),
                limit: 3,
                ..PrecedentRequest::default()
            },
        )
        .expect("precedent");
        times.push(t.elapsed());
        let rank = res.matches.iter().position(|m| &m.record.id == original);
        if rank == Some(0) {
            found[k % KINDS.len()][0] += 1;
        }
        if rank.is_some() {
            found[k % KINDS.len()][1] += 1;
        }
    }
    let per_kind = PLANTED / KINDS.len();
    println!("\nplanted recall ({PLANTED} paragraphs, {per_kind} per kind):");
    println!("  {:<28} {:>8} {:>8}", "edit", "top 1", "top 3");
    for (i, kind) in KINDS.iter().enumerate() {
        println!(
            "  {:<28} {:>7.1}% {:>7.1}%",
            kind,
            100.0 * found[i][0] as f64 / per_kind as f64,
            100.0 * found[i][1] as f64 / per_kind as f64
        );
    }
    let (top1, top3): (usize, usize) = found.iter().fold((0, 0), |a, f| (a.0 + f[0], a.1 + f[1]));
    println!(
        "  {:<28} {:>7.1}% {:>7.1}%",
        "all",
        100.0 * top1 as f64 / PLANTED as f64,
        100.0 * top3 as f64 / PLANTED as f64
    );
    times.sort();
    println!(
        "\nprecedent, in process: p50 {:.1} ms, p95 {:.1} ms",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3
    );
    time_the_rest(&engine, &picks);
}

/// Paragraphs of 40 to 300 words, [`PLANTED`] of them spread evenly over
/// the corpus: `(id, text)`.
fn pick_paragraphs(index: &Path) -> Vec<(String, String)> {
    let engine = Engine::open(&IndexHandle::open(index).expect("open")).expect("engine");
    let mut all = Vec::new();
    engine
        .for_each_paragraph(|r| {
            let n = r.text.split_whitespace().count();
            if (40..=300).contains(&n) {
                all.push((r.id, r.text));
            }
            Ok(())
        })
        .expect("paragraphs");
    let step = all.len() / PLANTED;
    all.into_iter().step_by(step.max(1)).take(PLANTED).collect()
}

/// `diff` of two planted originals, `compare` of two speeches of about 40
/// paragraphs, `reuse` over everything.
fn time_the_rest(engine: &Engine, picks: &[(String, String)]) {
    let t = Instant::now();
    let d = diff(&picks[0].1, &picks[1].1);
    println!(
        "diff of two paragraphs ({} ops): {:.2} ms",
        d.ops.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let mut forty = Vec::new();
    for s in engine.sources().expect("sources") {
        let doc = engine.document(&s).expect("doc");
        if (38..=42).contains(&doc.len()) {
            forty.push(doc);
            if forty.len() == 2 {
                break;
            }
        }
    }
    let [a, b] = <[_; 2]>::try_from(forty).unwrap_or_else(|_| panic!("two 40-paragraph speeches"));
    let (na, nb) = (a.len(), b.len());
    let t = Instant::now();
    let c = compare(a, b);
    println!(
        "compare of {na} and {nb} paragraphs ({} rows): {:.1} ms",
        c.pairs.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let r = reuse(
        engine,
        &ReuseRequest {
            min_documents: 2,
            limit: 20,
            examples: 5,
            ..ReuseRequest::default()
        },
    )
    .expect("reuse");
    println!(
        "reuse over {} paragraphs: {} formulas in {:.1} s; largest: {} documents, {:?}",
        r.paragraphs,
        r.total,
        t.elapsed().as_secs_f64(),
        r.clusters.first().map_or(0, |c| c.documents),
        r.clusters.first().map(|c| c.text.as_str()).unwrap_or("")
    );
}
