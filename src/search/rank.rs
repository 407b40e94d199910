//! The final order of hits: tantivy collects by rank (score, or the
//! entity-then-score key, or date); hits of equal rank are then ordered by
//! date, source path and paragraph order, read from fast columns, so that a
//! query gives the same page however the index was split into segments.

use tantivy::{DocAddress, Searcher};

use super::Sort;
use crate::error::{Error, Result};

/// Hits collected past the requested page to order ties at its edge.
pub(super) const TIE_MARGIN: usize = 8;

/// The primary order of a hit as the collector saw it (larger is better).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Rank {
    /// Matches every entity filter in its own text (not only its parent's).
    pub own: bool,
    /// Relevance score (0 for date orders).
    pub score: f32,
    /// The date for the orders that use it (reversed for oldest first).
    pub when: u64,
}

impl Rank {
    pub fn score(score: f32) -> Rank {
        Rank {
            score,
            ..Rank::default()
        }
    }
}

impl PartialEq for Rank {
    fn eq(&self, other: &Rank) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Rank {}

impl PartialOrd for Rank {
    fn partial_cmp(&self, other: &Rank) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rank {
    fn cmp(&self, other: &Rank) -> std::cmp::Ordering {
        self.own
            .cmp(&other.own)
            .then(self.score.total_cmp(&other.score))
            .then(self.when.cmp(&other.when))
    }
}

/// What orders hits of equal rank: date, then paragraph order, then
/// source path (read only when the first two tie as well).
#[derive(Debug)]
struct TieKey {
    date: u64,
    ordinal: u64,
    source: Option<String>,
}

/// The fast columns of one segment that [`TieKey`] is read from; the path
/// column (a dictionary, the costly one to open) only when needed.
struct TieColumns {
    date: std::sync::Arc<dyn tantivy::columnar::ColumnValues<u64>>,
    ordinal: std::sync::Arc<dyn tantivy::columnar::ColumnValues<u64>>,
    source: Option<Option<tantivy::columnar::StrColumn>>,
}

impl TieColumns {
    fn open(segment: &tantivy::SegmentReader) -> Result<TieColumns> {
        let ff = segment.fast_fields();
        Ok(TieColumns {
            date: ff.u64("date_lo")?.first_or_default_col(0),
            ordinal: ff.u64("ordinal")?.first_or_default_col(0),
            source: None,
        })
    }

    fn key(&self, doc: tantivy::DocId) -> TieKey {
        TieKey {
            date: self.date.get_val(doc),
            ordinal: self.ordinal.get_val(doc),
            source: None,
        }
    }

    fn source(&mut self, segment: &tantivy::SegmentReader, doc: tantivy::DocId) -> Result<String> {
        if self.source.is_none() {
            self.source = Some(segment.fast_fields().str("source")?);
        }
        let mut out = String::new();
        if let Some(Some(col)) = &self.source {
            if let Some(ord) = col.term_ords(doc).next() {
                col.ord_to_str(ord, &mut out)
                    .map_err(|e| Error::Corrupt(e.to_string()))?;
            }
        }
        Ok(out)
    }
}

/// `ranked` in final order: by rank, then ties by [`TieKey`] (newer
/// first, or older first for `--sort oldest`; then paragraph order and
/// source path), so the same query gives the same page whatever the
/// segment layout of the index. Keys are read only for tied hits.
/// Returns the scores (`None` for date orders).
pub(super) fn order_ties(
    searcher: &Searcher,
    cache: &TieCache,
    mut ranked: Vec<(Rank, DocAddress)>,
    sort: Sort,
) -> Result<Vec<(Option<f32>, DocAddress)>> {
    ranked.sort_by(|(a, _), (b, _)| b.cmp(a));
    let mut columns = cache
        .columns
        .lock()
        .map_err(|_| Error::Corrupt("tie columns poisoned".to_string()))?;
    if columns.len() != searcher.segment_readers().len() {
        columns.clear();
        columns.resize_with(searcher.segment_readers().len(), || None);
    }
    let mut out = Vec::with_capacity(ranked.len());
    let mut i = 0;
    while i < ranked.len() {
        let j = i + ranked[i..]
            .iter()
            .take_while(|(r, _)| r.cmp(&ranked[i].0).is_eq())
            .count();
        if j - i == 1 {
            out.push(ranked[i]);
            i = j;
            continue;
        }
        let mut group = Vec::with_capacity(j - i);
        for &(rank, addr) in &ranked[i..j] {
            let cols = tie_columns(searcher, &mut columns, addr)?;
            group.push((cols.key(addr.doc_id), rank, addr));
        }
        let by_date = |a: &TieKey, b: &TieKey| match sort {
            Sort::Oldest => a.date.cmp(&b.date),
            Sort::Relevance | Sort::Newest => b.date.cmp(&a.date),
        };
        group.sort_by(|(a, _, _), (b, _, _)| by_date(a, b).then(a.ordinal.cmp(&b.ordinal)));
        // Still tied (same date and position): the path decides.
        let mut k = 0;
        while k < group.len() {
            let same = |x: &TieKey, y: &TieKey| by_date(x, y).is_eq() && x.ordinal == y.ordinal;
            let m = k + group[k..]
                .iter()
                .take_while(|(t, _, _)| same(t, &group[k].0))
                .count();
            if m - k > 1 {
                for entry in &mut group[k..m] {
                    let addr = entry.2;
                    let cols = tie_columns(searcher, &mut columns, addr)?;
                    let segment = searcher.segment_reader(addr.segment_ord);
                    entry.0.source = Some(cols.source(segment, addr.doc_id)?);
                }
                group[k..m].sort_by(|(a, _, _), (b, _, _)| a.source.cmp(&b.source));
            }
            k = m;
        }
        out.extend(group.into_iter().map(|(_, r, a)| (r, a)));
        i = j;
    }
    let scored = sort == Sort::Relevance;
    Ok(out
        .into_iter()
        .map(|(r, a)| (scored.then_some(r.score), a))
        .collect())
}

/// The tie columns of a searcher's segments, opened on first use and kept
/// for the searcher's life: opening a column (tantivy reads the whole
/// block table of a piecewise-linear column) costs far more than reading
/// a value, about a tenth of a single-word search in a long-lived process.
#[derive(Default)]
pub(super) struct TieCache {
    columns: std::sync::Mutex<Vec<Option<TieColumns>>>,
}

/// The tie columns of `addr`'s segment, opened on first use.
fn tie_columns<'a>(
    searcher: &Searcher,
    columns: &'a mut [Option<TieColumns>],
    addr: DocAddress,
) -> Result<&'a mut TieColumns> {
    let slot = columns
        .get_mut(addr.segment_ord as usize)
        .ok_or_else(|| Error::Corrupt("hit in an unknown segment".to_string()))?;
    Ok(match slot {
        Some(c) => c,
        None => slot.insert(TieColumns::open(searcher.segment_reader(addr.segment_ord))?),
    })
}
