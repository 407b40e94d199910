//! `precedent`: the paragraphs whose wording a text shares, ranked by how
//! much of it they share, with the shared runs and the earliest use.
//!
//! Two steps, so that it stays fast on a large index and needs nothing
//! beyond what `ingest` keeps up to date: candidates come from the index
//! (paragraphs sharing wording fingerprints with the text, rarer ones
//! weighing more; and the paragraphs sharing its rarest words, which is
//! what "more like this" does, for shared runs too short or too edited to
//! share a fingerprint), then each candidate is
//! aligned with the text word by word (`align`) and only what the alignment
//! finds counts.

use std::ops::Range;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Term};

use super::align::{align, shared_words, Words};
use super::prints::PrintHits;
use crate::error::Result;
use crate::index::{fingerprints, read_record};
use crate::model::ParagraphRecord;
use crate::search::{Engine, Filters};

/// Most fingerprints asked of the index for one text (the rarest ones):
/// bounds the cost of a very long query text.
const MAX_FINGERPRINTS: usize = 400;

/// Candidates aligned per request when ranking by coverage, and when
/// ordering by date (where every use of a formula should be there).
const POOL: usize = 200;
const POOL_BY_DATE: usize = 2_000;

/// Words asked for by the "more like this" fallback.
const RARE_WORDS: usize = 24;

/// Order of the matches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Most shared wording first.
    #[default]
    Coverage,
    /// Earliest first.
    Oldest,
    /// Latest first.
    Newest,
}

/// What to look for.
#[derive(Clone, Debug, Default)]
pub struct PrecedentRequest {
    /// The wording.
    pub text: String,
    /// A paragraph id to leave out (the paragraph the text comes from).
    pub exclude: Option<String>,
    /// Filters, as for `search`.
    pub filters: Filters,
    /// Matches to return.
    pub limit: usize,
    /// Matches to skip.
    pub offset: usize,
    /// Order.
    pub order: Order,
    /// Least share of the text's words a match must share (0..=1).
    pub min_coverage: f32,
}

/// One run of shared wording, as byte ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedSpan {
    /// In the query text.
    pub query: Range<usize>,
    /// In the matching paragraph's text.
    pub theirs: Range<usize>,
    /// Words in the run.
    pub words: usize,
}

/// One paragraph sharing wording with the text.
#[derive(Clone, Debug)]
pub struct PrecedentMatch {
    /// The paragraph.
    pub record: ParagraphRecord,
    /// Share of the text's words found in this paragraph (0..=1).
    pub coverage: f32,
    /// Share of this paragraph's words found in the text (0..=1).
    pub their_coverage: f32,
    /// The shared runs, in the text's order.
    pub spans: Vec<SharedSpan>,
    /// The earliest dated paragraph among those sharing most of the wording.
    pub earliest: bool,
}

/// The answer to a [`PrecedentRequest`].
#[derive(Clone, Debug)]
pub struct Precedents {
    /// Words of the query text.
    pub words: usize,
    /// Paragraphs found sharing at least `min_coverage` of the text.
    pub total: usize,
    /// The requested page.
    pub matches: Vec<PrecedentMatch>,
    /// Id of the earliest use (see [`PrecedentMatch::earliest`]), even when
    /// it is not on this page.
    pub earliest: Option<String>,
}

/// Finds the paragraphs sharing wording with `req.text`.
pub fn precedents(engine: &Engine, req: &PrecedentRequest) -> Result<Precedents> {
    let words = Words::of(&req.text);
    let pool = match req.order {
        Order::Coverage => POOL.max(req.offset + req.limit),
        _ => POOL_BY_DATE,
    };
    let own = own_paragraph(engine, req)?;
    let mut addrs = candidates(engine, req, own.as_deref(), pool)?;
    let known: rustc_hash::FxHashSet<DocAddress> = addrs.iter().copied().collect();
    // Half as many again from rare words: they matter for short or much
    // edited wording, which few paragraphs share, and every candidate
    // costs a stored record read.
    for a in rare_word_candidates(engine, req, own.as_deref(), pool.div_ceil(2))? {
        if !known.contains(&a) {
            addrs.push(a);
        }
    }
    let mut matches = read_and_align(engine, &words, addrs, req.min_coverage)?;
    let earliest = mark_earliest(&mut matches);
    sort(&mut matches, req.order);
    let total = matches.len();
    let matches = matches
        .into_iter()
        .skip(req.offset)
        .take(req.limit)
        .collect();
    Ok(Precedents {
        words: words.len(),
        total,
        matches,
        earliest,
    })
}

/// Reads and aligns the candidates, the matches in address order.
///
/// Reading a stored record means decompressing its store block, and with
/// the alignment this is most of a request's time, so the candidates are
/// taken in address order (neighbours share a block, which the store
/// caches) and split over the cores.
fn read_and_align(
    engine: &Engine,
    words: &Words,
    mut addrs: Vec<DocAddress>,
    min_coverage: f32,
) -> Result<Vec<PrecedentMatch>> {
    use rayon::prelude::*;
    addrs.sort_unstable();
    let chunk = addrs
        .len()
        .div_ceil(rayon::current_num_threads().max(1))
        .max(1);
    let parts: Vec<Result<Vec<PrecedentMatch>>> = addrs
        .par_chunks(chunk)
        .map(|part| {
            let mut found = Vec::new();
            for a in part {
                let record = read_record(engine.fields(), &engine.searcher().doc(*a)?)?;
                found.extend(matched(words, record, min_coverage));
            }
            Ok(found)
        })
        .collect();
    let mut matches = Vec::with_capacity(addrs.len());
    for p in parts {
        matches.extend(p?);
    }
    Ok(matches)
}

/// Aligns one candidate; `None` when it shares too little.
fn matched(words: &Words, record: ParagraphRecord, min_coverage: f32) -> Option<PrecedentMatch> {
    let theirs = Words::of(&record.text);
    let tiles = align(words, &theirs);
    let shared = shared_words(&tiles);
    if shared == 0 || words.is_empty() {
        return None;
    }
    let coverage = shared as f32 / words.len() as f32;
    if coverage < min_coverage {
        return None;
    }
    let spans = tiles
        .iter()
        .map(|t| SharedSpan {
            query: words.bytes(&t.a),
            theirs: theirs.bytes(&t.b),
            words: t.a.len(),
        })
        .collect();
    Some(PrecedentMatch {
        their_coverage: shared as f32 / theirs.len().max(1) as f32,
        coverage,
        spans,
        record,
        earliest: false,
    })
}

/// The paragraphs with the text's fingerprints, each scored by how rare
/// they are (the rarest [`MAX_FINGERPRINTS`] of them); the filters and the
/// excluded id applied.
fn candidates(
    engine: &Engine,
    req: &PrecedentRequest,
    own: Option<&dyn Query>,
    pool: usize,
) -> Result<Vec<DocAddress>> {
    let searcher = engine.searcher();
    let docs = searcher.num_docs().max(1) as f32;
    let prints = fingerprints(&req.text);
    let hits = PrintHits::scan(searcher, &prints)?;
    let mut kept: Vec<(u64, u32)> = hits
        .doc_freq
        .iter()
        .enumerate()
        .filter(|(_, df)| **df > 0)
        .map(|(i, df)| (*df, i as u32))
        .collect();
    kept.sort_by_key(|(df, _)| *df);
    kept.truncate(MAX_FINGERPRINTS);
    if kept.is_empty() {
        return Ok(Vec::new());
    }
    let weights: Vec<(u32, f32)> = kept
        .into_iter()
        .map(|(df, i)| (i, (1.0 + docs / df as f32).ln()))
        .collect();
    top(engine, Box::new(hits.query(&weights)), req, own, pool)
}

/// The "more like this" candidates: paragraphs sharing the text's rarest
/// words, for wording too short or too changed to share a fingerprint.
fn rare_word_candidates(
    engine: &Engine,
    req: &PrecedentRequest,
    own: Option<&dyn Query>,
    pool: usize,
) -> Result<Vec<DocAddress>> {
    let searcher = engine.searcher();
    let field = engine.fields().body;
    let mut terms: Vec<(u64, Term)> = Vec::new();
    for w in crate::index::words(&req.text) {
        let term = Term::from_field_text(field, &w.stem);
        if terms.iter().any(|(_, t)| *t == term) {
            continue;
        }
        let df = searcher.doc_freq(&term)?;
        if df > 0 {
            terms.push((df, term));
        }
    }
    terms.sort_by_key(|(df, _)| *df);
    terms.truncate(RARE_WORDS);
    let clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .into_iter()
        .map(|(_, t)| {
            (
                Occur::Should,
                Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)) as Box<dyn Query>,
            )
        })
        .collect();
    if clauses.is_empty() {
        return Ok(Vec::new());
    }
    top(engine, Box::new(BooleanQuery::new(clauses)), req, own, pool)
}

/// A query matching only the paragraph whose precedents are asked for, to
/// leave it out of the candidates (ids are not indexed terms).
fn own_paragraph(engine: &Engine, req: &PrecedentRequest) -> Result<Option<Box<dyn Query>>> {
    let Some(id) = &req.exclude else {
        return Ok(None);
    };
    Ok(engine.paragraph(id)?.map(|r| engine.paragraph_query(&r)))
}

/// The best `pool` paragraphs for `query`, filtered, without `own`.
fn top(
    engine: &Engine,
    query: Box<dyn Query>,
    req: &PrecedentRequest,
    own: Option<&dyn Query>,
    pool: usize,
) -> Result<Vec<DocAddress>> {
    // A clause rather than a filter on the results: a query with a
    // `MustNot` clause is evaluated in full, which for these many-word
    // disjunctions is faster than tantivy's pruning (45-57 against 28-37
    // ms for a whole `precedent` request).
    let query = match own {
        Some(own) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (Occur::MustNot, own.box_clone()),
        ])),
        None => query,
    };
    let query = engine.filtered_query(query, &req.filters)?;
    let top = engine
        .searcher()
        .search(&query, &TopDocs::with_limit(pool).order_by_score())?;
    Ok(top.into_iter().map(|(_, a)| a).collect())
}

/// A record's date as `YYYYMMDD` (a year alone counts as its first day).
pub fn when(r: &ParagraphRecord) -> Option<u64> {
    r.header
        .date
        .map(|d| d.key())
        .or(r.header.year.map(|y| y as u64 * 10_000 + 101))
}

/// Marks the earliest dated match among those sharing at least half as
/// much wording as the best one (so a stray shared clause does not count
/// as the origin), and returns its id.
fn mark_earliest(matches: &mut [PrecedentMatch]) -> Option<String> {
    let best = matches.iter().map(|m| m.coverage).fold(0.0, f32::max);
    let i = matches
        .iter()
        .enumerate()
        .filter(|(_, m)| m.coverage >= best / 2.0)
        .filter_map(|(i, m)| when(&m.record).map(|d| ((d, &m.record.source, m.record.ordinal), i)))
        .min()
        .map(|(_, i)| i)?;
    matches[i].earliest = true;
    Some(matches[i].record.id.clone())
}

fn sort(matches: &mut [PrecedentMatch], order: Order) {
    let by_coverage = |a: &PrecedentMatch, b: &PrecedentMatch| {
        b.coverage
            .total_cmp(&a.coverage)
            .then(b.their_coverage.total_cmp(&a.their_coverage))
            .then(when(&a.record).cmp(&when(&b.record)))
            .then(a.record.id.cmp(&b.record.id))
    };
    // Undated paragraphs go last in either date order.
    let date = |m: &PrecedentMatch| when(&m.record).unwrap_or(u64::MAX);
    match order {
        Order::Coverage => matches.sort_by(by_coverage),
        Order::Oldest => matches.sort_by(|a, b| date(a).cmp(&date(b)).then(by_coverage(a, b))),
        Order::Newest => matches.sort_by(|a, b| {
            let (x, y) = (when(&a.record), when(&b.record));
            y.cmp(&x).then(by_coverage(a, b))
        }),
    }
}
