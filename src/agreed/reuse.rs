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
    let mut source_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut clusters: FxHashMap<u64, Acc> = FxHashMap::default();
    let mut read = 0;
    for addr in addrs {
        let doc = searcher.doc(addr)?;
        let record = read_record(engine.fields(), &doc)?;
        read += 1;
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
            let key = formula_key(&w.hashes);
            if !in_paragraph.insert(key) {
                continue;
            }
            let acc = clusters.entry(key).or_default();
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
    let mut big: Vec<Acc> = clusters
        .into_values()
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

/// The cluster key of a sentence: its two smallest shingle hashes (a
/// two-value MinHash). Two wordings share it with a probability close to
/// the square of their shingle sets' overlap, so "Participants reaffirmed
/// …" and "The participants reaffirmed …" of thirty words are one formula
/// (nearly always), while sentences that only share a common phrase such
/// as "of the United Nations" almost never are.
fn formula_key(words: &[u64]) -> u64 {
    let (mut lo, mut hi) = (u64::MAX, u64::MAX);
    for run in words.windows(WORDS) {
        let h = sequence_hash(run);
        if h < lo {
            (lo, hi) = (h, lo);
        } else if h < hi && h != lo {
            hi = h;
        }
    }
    lo ^ hi.rotate_left(29)
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
