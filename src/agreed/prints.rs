//! The paragraphs that have any of a text's wording fingerprints, found by
//! scanning the fingerprint column, and a tantivy query that yields them
//! with the scores worked out here.
//!
//! Why a scan: the fingerprints are a fast column, not indexed terms
//! (`index::Fields::shingle` says why). Reading the whole column is four
//! bytes per fingerprint, done once for all of a text's fingerprints; the
//! document frequencies that `precedent` ranks by come out of the same
//! pass. What it costs a request is in benches/PROFILE.md.
//!
//! Why a query of known documents rather than a list: `precedent` combines
//! the candidates with the search filters and an excluded id, which are
//! tantivy queries, and keeps the best by score with tantivy's collector.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use tantivy::columnar::column_index::MultiValueIndex;
use tantivy::columnar::{Column, ColumnIndex};
use tantivy::index::SegmentId;
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, TantivyError, TERMINATED};

use crate::error::Result;
use crate::index::{unpacked_fingerprints, SHINGLE};

/// A document and the indexes of the wanted fingerprints it has.
type DocPrints = (DocId, Vec<u32>);

/// Each segment's matching documents and their scores, in document order.
type Scored = Arc<FxHashMap<SegmentId, Arc<[(DocId, Score)]>>>;

/// Where a text's fingerprints occur, from one scan of the column (whose
/// values hold two fingerprints each, `index::packed_fingerprints`).
#[derive(Debug, Default)]
pub struct PrintHits {
    /// Per segment: each live document having any of the fingerprints,
    /// with the indexes (into the list scanned for) of those it has, in
    /// document order.
    segments: Vec<(SegmentId, Vec<DocPrints>)>,
    /// Live documents having each fingerprint, in the order scanned for.
    pub doc_freq: Vec<u64>,
}

impl PrintHits {
    /// Scans every segment of `searcher` for `prints` (distinct values).
    pub fn scan(searcher: &Searcher, prints: &[u64]) -> Result<PrintHits> {
        let wanted = Wanted::new(prints);
        let mut hits = PrintHits {
            segments: Vec::with_capacity(searcher.segment_readers().len()),
            doc_freq: vec![0; prints.len()],
        };
        for reader in searcher.segment_readers() {
            let column = reader.fast_fields().u64(SHINGLE)?;
            let found = scan_segment(reader, &column, &wanted);
            for (_, which) in &found {
                for &i in which {
                    hits.doc_freq[i as usize] += 1;
                }
            }
            hits.segments.push((reader.segment_id(), found));
        }
        Ok(hits)
    }

    /// The query matching the documents that have any fingerprint with a
    /// weight, each scored by the sum of those weights.
    ///
    /// The sum runs in the order of `weights`, as a tantivy union of
    /// constant-score term queries in that order would add them, so that
    /// equal inputs rank equally whichever way the fingerprints are stored.
    pub fn query(&self, weights: &[(u32, Score)]) -> KnownDocsQuery {
        // Each fingerprint's place in `weights` and its weight, so that a
        // document's few fingerprints are looked up, not every weight.
        let mut rank: Vec<Option<(usize, Score)>> = vec![None; self.doc_freq.len()];
        for (order, &(i, w)) in weights.iter().enumerate() {
            rank[i as usize] = Some((order, w));
        }
        let mut segments = FxHashMap::default();
        for (segment, docs) in &self.segments {
            let scored: Vec<(DocId, Score)> = docs
                .iter()
                .filter_map(|(doc, which)| {
                    let mut ws: Vec<(usize, Score)> =
                        which.iter().filter_map(|&i| rank[i as usize]).collect();
                    if ws.is_empty() {
                        return None;
                    }
                    ws.sort_unstable_by_key(|(order, _)| *order);
                    Some((*doc, ws.iter().fold(0.0, |sum, (_, w)| sum + w)))
                })
                .collect();
            if !scored.is_empty() {
                segments.insert(*segment, Arc::from(scored));
            }
        }
        KnownDocsQuery {
            segments: Arc::new(segments),
        }
    }
}

/// The values scanned for: a bitmap of their low bits to pass over most
/// values at the cost of one load, then the exact look-up.
struct Wanted {
    bits: Box<[u64; WORDS]>,
    index: FxHashMap<u64, u32>,
}

/// Values scanned per task.
const PART: u32 = 1 << 18;

/// Words of the bitmap (2^16 bits: 8 KiB, in the first-level cache).
const WORDS: usize = 1 << 10;

impl Wanted {
    fn new(prints: &[u64]) -> Wanted {
        let mut bits = Box::new([0u64; WORDS]);
        let mut index = FxHashMap::default();
        for (i, &p) in prints.iter().enumerate() {
            bits[Self::word(p)] |= 1 << (p % 64);
            index.insert(p, i as u32);
        }
        Wanted { bits, index }
    }

    /// The bitmap word of a value's low bits (masked, so no bounds check).
    #[inline]
    fn word(value: u64) -> usize {
        (value / 64) as usize & (WORDS - 1)
    }

    #[inline]
    fn get(&self, value: u64) -> Option<u32> {
        if self.bits[Self::word(value)] & (1 << (value % 64)) == 0 {
            return None;
        }
        self.index.get(&value).copied()
    }
}

/// The live documents of one segment having any wanted value.
fn scan_segment(reader: &SegmentReader, column: &Column<u64>, wanted: &Wanted) -> Vec<DocPrints> {
    let values = &column.values;
    let total = values.num_vals();
    // In parts over the cores: decoding the column, one value at a time
    // behind tantivy's column interface, is most of the scan.
    let parts: Vec<Vec<(u32, u32)>> = (0..total.div_ceil(PART))
        .into_par_iter()
        .map(|p| {
            let (from, to) = (p * PART, ((p + 1) * PART).min(total));
            let mut rows = Vec::new();
            let mut buf = [0u64; 1024];
            let mut start = from;
            while start < to {
                let n = (to - start).min(buf.len() as u32) as usize;
                values.get_range(u64::from(start), &mut buf[..n]);
                for (k, &v) in buf[..n].iter().enumerate() {
                    let (a, b) = unpacked_fingerprints(v);
                    if let Some(i) = wanted.get(a) {
                        rows.push((start + k as u32, i));
                    }
                    if b != a {
                        if let Some(i) = wanted.get(b) {
                            rows.push((start + k as u32, i));
                        }
                    }
                }
                start += n as u32;
            }
            rows
        })
        .collect();
    let rows: Vec<(u32, u32)> = parts.into_iter().flatten().collect();
    let docs = docs_of_rows(&column.index, rows.iter().map(|(r, _)| *r).collect());
    let alive = reader.alive_bitset();
    let mut out: Vec<DocPrints> = Vec::new();
    for (doc, (_, i)) in docs.into_iter().zip(rows) {
        if alive.is_some_and(|a| !a.is_alive(doc)) {
            continue;
        }
        match out.last_mut() {
            Some((d, which)) if *d == doc => which.push(i),
            _ => out.push((doc, vec![i])),
        }
    }
    out
}

/// The document of each value row (rows ascending).
///
/// tantivy's column index maps a document to its rows, not back; a
/// multi-valued index keeps each document's first row in ascending order,
/// so a row's document is found by binary search.
fn docs_of_rows(index: &ColumnIndex, mut rows: Vec<u32>) -> Vec<DocId> {
    match index {
        ColumnIndex::Empty { .. } => Vec::new(),
        ColumnIndex::Full => rows,
        ColumnIndex::Optional(optional) => {
            optional.select_batch(&mut rows);
            rows
        }
        ColumnIndex::Multivalued(MultiValueIndex::MultiValueIndexV1(v1)) => {
            let starts = &v1.start_index_column;
            rows.iter()
                .map(|&r| last_start_at_most(|i| starts.get_val(i), starts.num_vals(), r))
                .collect()
        }
        ColumnIndex::Multivalued(MultiValueIndex::MultiValueIndexV2(v2)) => {
            let starts = &v2.start_index_column;
            let mut ranks: Vec<u32> = rows
                .iter()
                .map(|&r| last_start_at_most(|i| starts.get_val(i), starts.num_vals(), r))
                .collect();
            v2.optional_index.select_batch(&mut ranks);
            ranks
        }
    }
}

/// The last `i < n` with `start(i) <= row`, `start` ascending and
/// `start(0) <= row` (the document, or rank, whose rows include `row`).
fn last_start_at_most(start: impl Fn(u32) -> u32, n: u32, row: u32) -> u32 {
    // The first i with start(i) > row, minus one.
    let (mut lo, mut hi) = (0u32, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if start(mid) <= row {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo.saturating_sub(1)
}

/// A query whose matching documents and scores are known in advance.
#[derive(Clone, Debug)]
pub struct KnownDocsQuery {
    segments: Scored,
}

impl Query for KnownDocsQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(KnownDocsWeight(self.segments.clone())))
    }
}

struct KnownDocsWeight(Scored);

impl Weight for KnownDocsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.0.get(&reader.segment_id()) {
            Some(docs) => Box::new(KnownDocsScorer {
                docs: docs.clone(),
                at: 0,
                boost,
            }),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let found = self.0.get(&reader.segment_id()).and_then(|docs| {
            docs.binary_search_by_key(&doc, |(d, _)| *d)
                .ok()
                .map(|i| docs[i].1)
        });
        match found {
            Some(score) => Ok(Explanation::new("shared wording fingerprints", score)),
            None => Err(TantivyError::InvalidArgument(format!(
                "Document #({doc}) does not match"
            ))),
        }
    }
}

struct KnownDocsScorer {
    docs: Arc<[(DocId, Score)]>,
    at: usize,
    boost: Score,
}

impl DocSet for KnownDocsScorer {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.docs.len());
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc() < target {
            self.at += self.docs[self.at..].partition_point(|(d, _)| *d < target);
        }
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs.get(self.at).map_or(TERMINATED, |(d, _)| *d)
    }

    fn size_hint(&self) -> u32 {
        (self.docs.len() - self.at) as u32
    }
}

impl Scorer for KnownDocsScorer {
    fn score(&mut self) -> Score {
        self.docs.get(self.at).map_or(0.0, |(_, s)| *s * self.boost)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::schema::{Schema, Value, FAST, STORED, STRING};
    use tantivy::{doc, Index, IndexWriter, TantivyDocument, Term};

    use super::*;

    #[test]
    fn the_last_start_at_most_a_row_skips_empty_ranges() {
        let starts = [0u32, 2, 2, 5, 9];
        let at = |row| last_start_at_most(|i| starts[i as usize], starts.len() as u32, row);
        let found: Vec<u32> = (0..9).map(at).collect();
        assert_eq!(found, [0, 0, 2, 2, 2, 3, 3, 3, 3]);
    }

    /// Documents with none, one or several values, over two segments, one
    /// document deleted: the scan finds what a naive reading finds.
    #[test]
    fn the_scan_finds_every_live_document_with_a_wanted_value() {
        let mut builder = Schema::builder();
        let id = builder.add_text_field("id", STRING | STORED);
        let prints = builder.add_u64_field(SHINGLE, FAST);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let docs: Vec<Vec<u64>> = (0..300u64)
            .map(|d| (0..d % 5).map(|k| (d * 7 + k * 13) % 50).collect())
            .collect();
        for (d, values) in docs.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_text(id, d.to_string());
            for v in crate::index::packed_fingerprints(values) {
                doc.add_u64(prints, v);
            }
            writer.add_document(doc).unwrap();
            if d == 150 {
                writer.commit().unwrap();
            }
        }
        writer.add_document(doc!(id => "no values")).unwrap();
        writer.delete_term(Term::from_field_text(id, "17"));
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);

        let wanted = [3u64, 40, 41, 49, 1_000];
        let hits = PrintHits::scan(&searcher, &wanted).unwrap();
        let live = |d: usize| d != 17;
        for (i, w) in wanted.iter().enumerate() {
            let naive = (0..docs.len())
                .filter(|&d| live(d) && docs[d].contains(w))
                .count() as u64;
            assert_eq!(hits.doc_freq[i], naive, "value {w}");
        }

        // Scores are the sums of the weights of the values a document has.
        let weights = [(0u32, 1.0f32), (1, 10.0), (3, 100.0)];
        let query = hits.query(&weights);
        let top = searcher
            .search(&query, &TopDocs::with_limit(1_000).order_by_score())
            .unwrap();
        let mut found: Vec<(String, f32)> = top
            .iter()
            .map(|(score, a)| {
                let doc: TantivyDocument = searcher.doc(*a).unwrap();
                let name = doc.get_first(id).and_then(|v| v.as_str()).unwrap();
                (name.to_string(), *score)
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let mut naive: Vec<(String, f32)> = (0..docs.len())
            .filter(|&d| live(d))
            .filter_map(|d| {
                let score: f32 = weights
                    .iter()
                    .filter(|(i, _)| docs[d].contains(&wanted[*i as usize]))
                    .map(|(_, w)| w)
                    .sum();
                (score > 0.0).then(|| (d.to_string(), score))
            })
            .collect();
        naive.sort_by(|a, b| a.0.cmp(&b.0));
        assert!(!naive.is_empty());
        assert_eq!(found, naive);
    }
}
