//! Pipeline benchmarks (issue 6) over the UN General Debate corpus.
//!
//! What is measured, and why:
//!
//! * `decode+segment`: bytes of speech files → labelled paragraphs, the
//!   stage that must keep up with the disk; reported in MB/s of file bytes.
//! * `enrich`: gazetteer tagging of already segmented documents (and the
//!   record building around it), also in MB/s of the same file bytes, so
//!   the two rates add up to the ingest's CPU cost per byte.
//! * `process_bytes`: the whole per-file CPU path of an ingest
//!   (`pipeline::process`: decode, front matter, segment, folder metadata,
//!   enrich, records); the name is kept so results compare across runs.
//! * `index_build`: a full ingest of a subset (1/16 of the speeches, every
//!   session) into a fresh index, tantivy commit included.
//! * `query`: in-process latency of the 12 queries of `benches/queries.txt`
//!   on an index of the whole corpus, built once and kept in the target
//!   folder: `query/NAME` is a whole search (10 hits with records and
//!   snippets, as `dipsearch search` prints them), `query/NAME/core` the
//!   same query's top 10 and total only, as `search` computes them
//!   (estimated for one common phrase, issue 18), which is what the
//!   peers' in-process figures (tantivy, SQLite FTS5) measure.
//! * `query-subject`: the same for the 12 unquoted subject queries of
//!   `benches/subjects.txt` (issue 13: acronyms, spelling variants, names,
//!   topics), each expanded from the gazetteers as `dipsearch search` does.
//!
//! The corpus comes from `DIPSEARCH_UNGDC` (a `.tar.zst` or an unpacked
//! folder), by default `../shared/data/ungdc-1946-2024.tar.zst` beside the
//! crate. A tarball is unpacked once into `<target>/bench-data/ungdc`.
//! Without the corpus the benchmarks print why and exit 0.
//!
//! Run: `cargo bench --bench pipeline` (add a filter such as `query` to run
//! one group).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, SamplingMode, Throughput};
use dipsearch::decode::{decode, SourceFormat};
use dipsearch::enrich::Gazetteer;
use dipsearch::index::IndexHandle;
use dipsearch::ingest::{ingest, IngestOptions};
use dipsearch::meta::{FolderConfig, Overrides};
use dipsearch::model::{EntityKind, Segmented};
use dipsearch::pipeline::{process, tag_document};
use dipsearch::search::{Engine, Filters, SearchRequest};
use dipsearch::segment::segment_text;

#[path = "common/ungd.rs"]
mod ungd;
use ungd::{corpus_root, target_dir, UNGD_CONFIG};

/// The shared query set (see the file's header for its columns).
const QUERIES: &str = include_str!("queries.txt");

/// Issue 13's subject queries (unquoted, so read by subject): the cost of
/// the expansion in-process.
const SUBJECTS: &str = include_str!("subjects.txt");

/// Every `SLICE_STEP`-th speech (in path order, so all sessions are
/// represented) forms the slice for the throughput benchmarks.
const SLICE_STEP: usize = 32;

/// Every `SUBSET_STEP`-th speech forms the corpus of the index build bench.
const SUBSET_STEP: usize = 16;

/// One benchmark query.
struct BenchQuery {
    name: String,
    query: String,
    country: Option<String>,
}

/// Parses `queries.txt` or `subjects.txt`: TAB-separated name, query,
/// country (`-` or absent = none), then the peers' columns, which are not
/// needed here.
fn parse_queries(text: &str) -> Vec<BenchQuery> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let (name, query) = (cols.first()?, cols.get(1)?);
            let country = cols.get(2).filter(|c| **c != "-");
            Some(BenchQuery {
                name: name.to_string(),
                query: query.to_string(),
                country: country.map(|c| c.to_string()),
            })
        })
        .collect()
}

/// A speech file read into memory.
struct Speech {
    rel: String,
    bytes: Vec<u8>,
}

/// Every speech under `root`, sorted by relative path (session order).
fn list_speeches(root: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in rd.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if name.ends_with(".txt") {
                let rel = path
                    .strip_prefix(root)
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .unwrap_or(name);
                out.push((rel, path));
            }
        }
    }
    out.sort();
    out
}

/// Reads every `step`-th speech.
fn read_slice(all: &[(String, PathBuf)], step: usize) -> Vec<Speech> {
    all.iter()
        .step_by(step)
        .filter_map(|(rel, path)| {
            Some(Speech {
                rel: rel.clone(),
                bytes: std::fs::read(path).ok()?,
            })
        })
        .collect()
}

fn decode_and_segment(s: &Speech) -> Option<Segmented> {
    let text = decode(&s.bytes, SourceFormat::Text).ok()?;
    Some(segment_text(&text))
}

fn bench_stages(c: &mut Criterion, root: &Path, slice: &[Speech]) {
    let bytes: u64 = slice.iter().map(|s| s.bytes.len() as u64).sum();
    // A constant known good (the same text the ingest reads from disk).
    let folder = FolderConfig::parse(UNGD_CONFIG).expect("UNGD_CONFIG is a valid folder config");
    let overrides: Vec<Overrides> = slice
        .iter()
        .map(|s| {
            let name = s.rel.rsplit('/').next().unwrap_or(&s.rel);
            folder.overrides_for(name)
        })
        .collect();
    let segmented: Vec<Segmented> = slice.iter().filter_map(decode_and_segment).collect();
    let paragraphs: usize = segmented.iter().map(|s| s.paragraphs.len()).sum();
    eprintln!(
        "pipeline: slice of {} speeches ({:.1} MB, {} paragraphs) from {}",
        slice.len(),
        bytes as f64 / 1e6,
        paragraphs,
        root.display()
    );

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes));
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("decode+segment", |b| {
        b.iter(|| {
            slice
                .iter()
                .filter_map(decode_and_segment)
                .map(|s| s.paragraphs.len())
                .sum::<usize>()
        })
    });
    let gaz = Gazetteer::builtin();
    g.bench_function("enrich/tag", |b| {
        b.iter(|| {
            segmented
                .iter()
                .map(|s| {
                    // The one scan ingest does: tags and participants together.
                    let (tags, participants) = gaz.tag_and_participants(&s.paragraphs);
                    tags.len() + participants.len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("enrich/records", |b| {
        b.iter_batched(
            || segmented.clone(),
            |docs| {
                docs.into_iter()
                    .zip(slice)
                    .map(|(seg, s)| tag_document(&s.rel, seg).records.len())
                    .sum::<usize>()
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("process_bytes", |b| {
        b.iter(|| {
            slice
                .iter()
                .zip(&overrides)
                .filter_map(|(s, o)| process(&s.bytes, &s.rel, o).ok())
                .map(|d| d.records.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn bench_index_build(c: &mut Criterion, all: &[(String, PathBuf)]) {
    let work = target_dir().join("bench-data/subset");
    let _ = std::fs::remove_dir_all(&work);
    let corpus = work.join("corpus");
    let mut bytes = 0u64;
    let mut files = 0usize;
    for (rel, path) in all.iter().step_by(SUBSET_STEP) {
        let dest = corpus.join(rel);
        if let Some(parent) = dest.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if std::fs::copy(path, &dest).is_ok() {
            bytes += std::fs::metadata(&dest).map(|m| m.len()).unwrap_or(0);
            files += 1;
        }
    }
    if std::fs::write(corpus.join("dipsearch.toml"), UNGD_CONFIG).is_err() {
        eprintln!("pipeline: cannot write the subset corpus; index_build skipped");
        return;
    }
    eprintln!(
        "pipeline: index build subset of {files} speeches ({:.1} MB)",
        bytes as f64 / 1e6
    );
    let mut g = c.benchmark_group("index_build");
    g.throughput(Throughput::Bytes(bytes));
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function(format!("ingest_1_{SUBSET_STEP}"), |b| {
        b.iter_batched(
            || {
                let dir = work.join("index");
                let _ = std::fs::remove_dir_all(&dir);
                dir
            },
            |dir| {
                ingest(&corpus, &dir, &IngestOptions::default(), &|_| {})
                    .map(|r| r.paragraphs)
                    .unwrap_or(0)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn bench_queries(c: &mut Criterion, root: &Path, speeches: usize, sets: &[(&str, &[BenchQuery])]) {
    let dir = target_dir().join("bench-data/index-ungdc");
    let mut report = ingest(root, &dir, &IngestOptions::default(), &|_| {});
    // An index kept from an older build may not match the corpus one to one
    // (seen: an on-disk format change read back as empty file states, so
    // every speech was added a second time); then rebuild it from scratch.
    if report
        .as_ref()
        .is_ok_and(|r| r.documents != speeches as u64)
    {
        eprintln!("pipeline: the kept index does not hold one entry per speech; rebuilding it");
        let full = IngestOptions {
            full: true,
            ..IngestOptions::default()
        };
        report = ingest(root, &dir, &full, &|_| {});
    }
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            eprintln!("pipeline: cannot build the UNGDC index ({e}); query benches skipped");
            return;
        }
    };
    eprintln!(
        "pipeline: query index {}: {} documents, {} paragraphs ({} added this run)",
        dir.display(),
        report.documents,
        report.paragraphs,
        report.added
    );
    let engine = match IndexHandle::open(&dir).and_then(|h| Engine::open(&h)) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("pipeline: cannot open the UNGDC index ({e}); query benches skipped");
            return;
        }
    };
    for (group, queries) in sets {
        bench_query_group(c, &engine, group, queries);
    }
}

/// One criterion group of queries on the open index, then its summary.
fn bench_query_group(c: &mut Criterion, engine: &Engine, group: &str, queries: &[BenchQuery]) {
    let gaz = Gazetteer::builtin();
    let mut summary: Vec<Latency> = Vec::new();
    let mut g = c.benchmark_group(group);
    g.measurement_time(Duration::from_secs(3));
    g.warm_up_time(Duration::from_millis(500));
    for q in queries {
        let mut filters = Filters::default();
        if let Some(country) = &q.country {
            if let Err(e) = filters.add_entity(gaz, EntityKind::Country, country) {
                eprintln!("pipeline: query {}: {e}; skipped", q.name);
                continue;
            }
        }
        let request = SearchRequest {
            query: Some(q.query.clone()),
            filters,
            limit: 10,
            snippets: true,
            // As `dipsearch search` does without --exact-total.
            estimate_total: true,
            ..SearchRequest::default()
        };
        let total = match engine.search(&request) {
            Ok(r) => r.total,
            Err(e) => {
                eprintln!("pipeline: query {}: {e}; skipped", q.name);
                continue;
            }
        };
        let full = median_ms(|| engine.search(&request).map(|r| r.total).unwrap_or(0));
        // The core: the same query, the top 10 addresses and the total as
        // `search` computes it, without reading records or making snippets (what the
        // peers' in-process figures measure).
        let core_query =
            match engine.build_query(request.query.as_deref(), &request.filters, request.literal) {
                Ok(q) => q,
                Err(e) => {
                    eprintln!("pipeline: query {}: {e}; skipped", q.name);
                    continue;
                }
            };
        let core = || {
            engine
                .top_by_score(&*core_query, 10, true)
                .map(|(_, n, _)| n)
                .unwrap_or(0)
        };
        summary.push(Latency {
            name: q.name.clone(),
            full,
            core: median_ms(core),
            full_cpu: mean_cpu_ms(|| engine.search(&request).map(|r| r.total).unwrap_or(0)),
            core_cpu: mean_cpu_ms(core),
            total,
        });
        g.bench_function(&q.name, |b| {
            b.iter(|| engine.search(&request).map(|r| r.total))
        });
        g.bench_function(format!("{}/core", q.name), |b| b.iter(core));
    }
    g.finish();
    print_summary(group, &summary);
}

/// Runs in the summary: enough for a stable median of sub-millisecond
/// queries, few enough for the slowest (~15 ms) to take a few seconds.
const SUMMARY_RUNS: usize = 101;

/// Median wall time of `run` in milliseconds, over `SUMMARY_RUNS`.
fn median_ms(run: impl Fn() -> usize) -> f64 {
    let mut times: Vec<f64> = (0..SUMMARY_RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(run());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    median(&mut times)
}

/// CPU time used by this thread so far, in ns (Linux's
/// `/proc/thread-self/schedstat`); `None` elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Mean CPU time of `run` in milliseconds, over batches of `SUMMARY_RUNS`
/// until at least 200 ms of CPU: unlike wall time, what other processes
/// on a busy machine cannot inflate (only their share of the caches).
fn mean_cpu_ms(run: impl Fn() -> usize) -> Option<f64> {
    let start = thread_cpu_ns()?;
    let mut runs = 0;
    loop {
        for _ in 0..SUMMARY_RUNS {
            std::hint::black_box(run());
        }
        runs += SUMMARY_RUNS;
        let used = thread_cpu_ns()?.saturating_sub(start);
        if used >= 200_000_000 {
            return Some(used as f64 / runs as f64 / 1e6);
        }
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// One query's latencies in the summary table, in milliseconds.
struct Latency {
    name: String,
    /// Median wall time of the whole search.
    full: f64,
    /// Median wall time of the core (top 10 and the total as `search` has it).
    core: f64,
    /// Mean CPU time of the whole search (`None` without schedstat).
    full_cpu: Option<f64>,
    /// Mean CPU time of the core.
    core_cpu: Option<f64>,
    /// Matching paragraphs.
    total: usize,
}

/// One table the README can quote: criterion's own report is per query.
fn print_summary(group: &str, rows: &[Latency]) {
    if rows.is_empty() {
        return;
    }
    eprintln!(
        "\n{group}: in-process query latency, ms (wall: median of {SUMMARY_RUNS} runs; cpu: \
         this thread's mean CPU time; full = 10 hits with records and snippets as `dipsearch \
         search` returns them; core = top 10 and the total as `search` computes it, estimated for a common phrase):"
    );
    eprintln!(
        "{:<28} {:>10} {:>10} {:>10} {:>10} {:>9}",
        "query", "full", "core", "full cpu", "core cpu", "matches"
    );
    let cpu = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.3}"));
    for r in rows {
        eprintln!(
            "{:<28} {:>10.3} {:>10.3} {:>10} {:>10} {:>9}",
            r.name,
            r.full,
            r.core,
            cpu(r.full_cpu),
            cpu(r.core_cpu),
            r.total
        );
    }
    let med = |f: &dyn Fn(&Latency) -> Option<f64>| {
        let mut v: Vec<f64> = rows.iter().filter_map(f).collect();
        median(&mut v)
    };
    eprintln!(
        "{:<28} {:>10.3} {:>10.3} {:>10.3} {:>10.3}",
        "MEDIAN",
        med(&|r| Some(r.full)),
        med(&|r| Some(r.core)),
        med(&|r| r.full_cpu),
        med(&|r| r.core_cpu)
    );
}

fn main() {
    let root = match corpus_root() {
        Ok(r) => r,
        Err(why) => {
            eprintln!("pipeline: skipped: {why}");
            return;
        }
    };
    let all = list_speeches(&root);
    if all.is_empty() {
        eprintln!(
            "pipeline: skipped: no .txt speeches under {}",
            root.display()
        );
        return;
    }
    let queries = parse_queries(QUERIES);
    if queries.len() != 12 {
        eprintln!(
            "pipeline: warning: queries.txt holds {} queries, not 12",
            queries.len()
        );
    }
    let mut c = Criterion::default().configure_from_args();
    let slice = read_slice(&all, SLICE_STEP);
    bench_stages(&mut c, &root, &slice);
    bench_index_build(&mut c, &all);
    let subjects = parse_queries(SUBJECTS);
    bench_queries(
        &mut c,
        &root,
        all.len(),
        &[("query", &queries), ("query-subject", &subjects)],
    );
    c.final_summary();
}
