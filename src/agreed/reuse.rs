//! `reuse`: the corpus's standard formulas, as clusters of paragraphs that
//! use the same sentence, most documents first.
//!
//! A sentence is the unit because formulas are sentences ("Decides to remain
//! seized of the matter.", "Acting under Chapter VII of the Charter of the
//! United Nations,"), and because one pass over the paragraphs with a hash
//! map per sentence does the whole UN General Debate in seconds, where
//! pairing paragraphs would be quadratic. Two sentences are the same
//! formula when their analysed words are (case, accents, inflection,
//! punctuation and numbering aside); an edited formula is its own cluster,
//! which `precedent` then relates.

use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Term};

use super::align::Words;
use super::precedent::when;
use crate::error::Result;
use crate::index::{kind, read_record, sequence_hash, WORDS};
use crate::search::{Engine, Filters};
use crate::text::line::sentences;

/// Fewest words for a sentence to count as a formula: shorter ones
/// ("Thank you.") are courtesy, not wording.
pub const MIN_WORDS: usize = 5;

/// What to cluster.
#[derive(Clone, Debug, Default)]
pub struct ReuseRequest {
    /// Which paragraphs, as for `search`.
    pub filters: Filters,
    /// Fewest documents a formula must appear in.
    pub min_documents: usize,
    /// Clusters to return.
    pub limit: usize,
    /// Paragraph ids listed per cluster.
    pub examples: usize,
}

/// One use of a formula.
#[derive(Clone, Debug)]
pub struct Use {
    /// Paragraph id.
    pub id: String,
    /// Meeting (or title) of its document.
    pub meeting: Option<String>,
    /// Its date, `YYYY-MM-DD` or `YYYY`.
    pub date: Option<String>,
}

/// A formula and where it is used.
#[derive(Clone, Debug)]
pub struct Cluster {
    /// The sentence as first used.
    pub text: String,
    /// Documents using it.
    pub documents: usize,
    /// Paragraphs using it.
    pub paragraphs: usize,
    /// The earliest dated use (the first found when none is dated).
    pub earliest: Use,
    /// The latest dated use.
    pub latest: Option<Use>,
    /// Some of the paragraphs, earliest first.
    pub examples: Vec<String>,
}

/// The formulas of the paragraphs matching `req.filters`.
#[derive(Clone, Debug)]
pub struct Reuse {
    /// Paragraphs read.
    pub paragraphs: usize,
    /// Formulas used in at least `min_documents` documents.
    pub total: usize,
    /// The largest clusters.
    pub clusters: Vec<Cluster>,
}

/// Where one sentence was seen.
#[derive(Clone, Copy)]
struct Seen {
    when: u64,
    addr: DocAddress,
    start: u32,
    end: u32,
}

#[derive(Default)]
struct Acc {
    /// The first sentence's sketch (see [`Sketch`]).
    sketch: Sketch,
    sources: Vec<u32>,
    paragraphs: usize,
    seen: Vec<Seen>,
}

/// Clusters the sentences used in several documents.
pub fn reuse(engine: &Engine, req: &ReuseRequest) -> Result<Reuse> {
    let searcher = engine.searcher();
    let paragraphs = TermQuery::new(
        Term::from_field_text(engine.fields().kind, kind::PARA),
        IndexRecordOption::Basic,
    );
    let query = engine.filtered_query(Box::new(paragraphs), &req.filters)?;
    let mut addrs: Vec<DocAddress> = searcher
        .search(&query, &DocSetCollector)?
        .into_iter()
        .collect();
    addrs.sort();
    let read = addrs.len();
    let mut big: Vec<Acc> = gather(engine, addrs)?
        .into_iter()
        .filter_map(|mut a| {
            a.sources.sort_unstable();
            a.sources.dedup();
            (a.sources.len() >= req.min_documents.max(2)).then_some(a)
        })
        .collect();
    big.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(b.paragraphs.cmp(&a.paragraphs))
            .then(first(a).cmp(&first(b)))
    });
    let total = big.len();
    let clusters = big
        .into_iter()
        .take(req.limit)
        .map(|a| cluster(engine, a, req.examples))
        .collect::<Result<_>>()?;
    Ok(Reuse {
        paragraphs: read,
        total,
        clusters,
    })
}

/// One pass over the paragraphs: every sentence joins the cluster of its
/// bucket whose first sentence it resembles, or starts one.
fn gather(engine: &Engine, addrs: Vec<DocAddress>) -> Result<Vec<Acc>> {
    let searcher = engine.searcher();
    let mut source_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut buckets: FxHashMap<u64, Vec<Acc>> = FxHashMap::default();
    for addr in addrs {
        let record = read_record(engine.fields(), &searcher.doc(addr)?)?;
        let next = source_ids.len() as u32;
        let source = *source_ids.entry(record.source.clone()).or_insert(next);
        let date = when(&record).unwrap_or(u64::MAX);
        let mut in_paragraph = FxHashSet::default();
        let mut offset = 0;
        for s in sentences(&record.text) {
            let start = offset;
            offset += s.len();
            let w = Words::of(s);
            if w.len() < MIN_WORDS {
                continue;
            }
            let sketch = Sketch::of(&w.hashes);
            let key = sketch.key();
            let bucket = buckets.entry(key).or_default();
            let i = match bucket.iter().position(|a| a.sketch.resembles(&sketch)) {
                Some(i) => i,
                None => {
                    bucket.push(Acc {
                        sketch,
                        ..Acc::default()
                    });
                    bucket.len() - 1
                }
            };
            // A formula counts once per paragraph.
            if !in_paragraph.insert((key, i)) {
                continue;
            }
            let acc = &mut bucket[i];
            if acc.sources.last() != Some(&source) {
                acc.sources.push(source);
            }
            acc.paragraphs += 1;
            acc.seen.push(Seen {
                when: date,
                addr,
                start: (start + s.len() - s.trim_start().len()) as u32,
                end: (start + s.trim_end().len()) as u32,
            });
        }
    }
    Ok(buckets.into_values().flatten().collect())
}

/// Smallest shingle hashes kept per sentence.
const SKETCH: usize = 8;

/// Least estimated overlap of two sentences' shingles for one formula.
const SAME_FORMULA: f64 = 0.7;

/// A bottom-k MinHash sketch of a sentence: its [`SKETCH`] smallest
/// shingle hashes. The two smallest are its bucket, so that only sentences
/// likely to be near-identical are compared (the same words always share
/// it; a word added at the edge of a long sentence nearly always); the
/// whole sketch estimates how much two sentences' shingles overlap, so
/// that sentences which only open alike ("Having considered the report of
/// the Secretary-General on …") stay apart.
#[derive(Clone, Debug, Default)]
struct Sketch(Vec<u64>);

impl Sketch {
    fn of(words: &[u64]) -> Sketch {
        let mut h: Vec<u64> = words.windows(WORDS).map(sequence_hash).collect();
        h.sort_unstable();
        h.dedup();
        h.truncate(SKETCH);
        Sketch(h)
    }

    fn key(&self) -> u64 {
        let at = |i: usize| self.0.get(i).copied().unwrap_or(0);
        at(0) ^ at(1).rotate_left(29)
    }

    /// Whether the estimated Jaccard overlap (over the smallest hashes of
    /// the union) reaches [`SAME_FORMULA`].
    fn resembles(&self, other: &Sketch) -> bool {
        let mut union: Vec<u64> = self.0.iter().chain(&other.0).copied().collect();
        union.sort_unstable();
        union.dedup();
        union.truncate(SKETCH);
        let both = union
            .iter()
            .filter(|h| self.0.contains(h) && other.0.contains(h))
            .count();
        both as f64 >= SAME_FORMULA * union.len() as f64
    }
}

fn first(a: &Acc) -> (u64, DocAddress) {
    a.seen
        .iter()
        .map(|s| (s.when, s.addr))
        .min()
        .unwrap_or((u64::MAX, DocAddress::new(0, 0)))
}

/// Reads back what a cluster shows.
fn cluster(engine: &Engine, mut a: Acc, examples: usize) -> Result<Cluster> {
    a.seen.sort_by_key(|s| (s.when, s.addr));
    let read = |s: &Seen| read_record(engine.fields(), &engine.searcher().doc(s.addr)?);
    let first = read(&a.seen[0])?;
    let text = first
        .text
        .get(a.seen[0].start as usize..a.seen[0].end as usize)
        .unwrap_or(&first.text)
        .to_string();
    let use_of = |r: &crate::model::ParagraphRecord| Use {
        id: r.id.clone(),
        meeting: r.header.meeting.clone().or(r.header.title.clone()),
        date: r
            .header
            .date
            .map(|d| d.to_string())
            .or(r.header.year.map(|y| y.to_string())),
    };
    let last = a.seen.iter().rev().find(|s| s.when != u64::MAX);
    let latest = match last {
        Some(s) if a.seen.len() > 1 => Some(use_of(&read(s)?)),
        _ => None,
    };
    let mut ids = Vec::new();
    for s in a.seen.iter().take(examples) {
        ids.push(read(s)?.id);
    }
    Ok(Cluster {
        earliest: use_of(&first),
        text,
        documents: a.sources.len(),
        paragraphs: a.paragraphs,
        latest,
        examples: ids,
    })
}
