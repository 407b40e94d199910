//! The final order of hits: tantivy collects by rank (score, or the
//! entity-then-score key, or date); hits of equal rank are then ordered by
//! date, source path and paragraph order, read from fast columns, so that a
//! query gives the same page however the index was split into segments.

use tantivy::{DocAddress, Searcher};

use super::Sort;
use crate::error::{Error, Result};

/// Hits collected past the requested page at first; ties that reach past
/// them are completed by `whole_ties` and `whole_date_group`.
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
/// source path, each read only for the hits the keys before it leave
/// tied.
#[derive(Debug, Default)]
struct TieKey {
    date: u64,
    ordinal: u64,
    source: String,
}

/// The fast columns of one segment that [`TieKey`] is read from, each
/// opened on first use. Why lazily: opening a piecewise-linear column
/// (the paragraph position's) reads its whole block table, about a
/// seventh of the instructions of a whole selective search, while hits of
/// equal score mostly differ in date already (the same wording in several
/// documents).
#[derive(Default)]
struct TieColumns {
    date: Option<U64Column>,
    ordinal: Option<U64Column>,
    source: Option<Option<tantivy::columnar::StrColumn>>,
}

/// A fast column of numbers, as the tie key reads it.
type U64Column = std::sync::Arc<dyn tantivy::columnar::ColumnValues<u64>>;

/// The levels of [`TieKey`], in the order they break ties.
#[derive(Clone, Copy)]
enum Level {
    Date,
    Ordinal,
    Source,
}

impl TieColumns {
    /// Reads one level of `doc`'s key into `key`.
    fn read(
        &mut self,
        segment: &tantivy::SegmentReader,
        doc: tantivy::DocId,
        level: Level,
        key: &mut TieKey,
    ) -> Result<()> {
        let ff = segment.fast_fields();
        match level {
            Level::Date => key.date = opened(&mut self.date, ff, "date_lo")?.get_val(doc),
            Level::Ordinal => key.ordinal = opened(&mut self.ordinal, ff, "ordinal")?.get_val(doc),
            Level::Source => {
                if self.source.is_none() {
                    self.source = Some(ff.str("source")?);
                }
                key.source.clear();
                if let Some(Some(col)) = &self.source {
                    if let Some(ord) = col.term_ords(doc).next() {
                        col.ord_to_str(ord, &mut key.source)
                            .map_err(|e| Error::Corrupt(e.to_string()))?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// A number column of the tie key, opened into `slot` on first use.
fn opened<'a>(
    slot: &'a mut Option<U64Column>,
    ff: &tantivy::fastfield::FastFieldReaders,
    name: &str,
) -> Result<&'a U64Column> {
    Ok(match slot {
        Some(c) => c,
        None => slot.insert(ff.u64(name)?.first_or_default_col(0)),
    })
}

/// `ranked` in final order: by rank, then ties by [`TieKey`] (newer
/// first, or older first for `--sort oldest`; then paragraph order and
/// source path), so that the same query gives the same page whatever the
/// segment layout of the index. Each level of the key is read only for
/// hits still tied. Returns the scores (`None` for date orders).
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
        columns.resize_with(searcher.segment_readers().len(), TieColumns::default);
    }
    let mut group: Vec<(TieKey, Rank, DocAddress)> = ranked
        .into_iter()
        .map(|(r, a)| (TieKey::default(), r, a))
        .collect();
    let levels: [(Level, Compare); 3] = [
        (Level::Date, &|a, b| match sort {
            Sort::Oldest => a.date.cmp(&b.date),
            Sort::Relevance | Sort::Newest => b.date.cmp(&a.date),
        }),
        (Level::Ordinal, &|a, b| a.ordinal.cmp(&b.ordinal)),
        (Level::Source, &|a, b| a.source.cmp(&b.source)),
    ];
    // Runs of hits tied so far, refined one level at a time.
    let mut runs = tied_runs(&group, 0..group.len(), |x, y| x.1 == y.1);
    for (level, cmp) in levels {
        let mut next = Vec::new();
        for run in runs {
            for entry in &mut group[run.clone()] {
                let addr = entry.2;
                let cols = tie_columns(&mut columns, addr)?;
                cols.read(
                    searcher.segment_reader(addr.segment_ord),
                    addr.doc_id,
                    level,
                    &mut entry.0,
                )?;
            }
            group[run.clone()].sort_by(|(a, _, _), (b, _, _)| cmp(a, b));
            next.extend(tied_runs(&group, run, |x, y| cmp(&x.0, &y.0).is_eq()));
        }
        runs = next;
    }
    let scored = sort == Sort::Relevance;
    Ok(group
        .into_iter()
        .map(|(_, r, a)| (scored.then_some(r.score), a))
        .collect())
}

/// How one level of [`TieKey`] compares two keys.
type Compare<'a> = &'a dyn Fn(&TieKey, &TieKey) -> std::cmp::Ordering;

/// The runs of two or more consecutive entries of `within` that `same`
/// holds for.
fn tied_runs<T>(
    entries: &[T],
    within: std::ops::Range<usize>,
    same: impl Fn(&T, &T) -> bool,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = within.start;
    while i < within.end {
        let j = i
            + 1
            + entries[i + 1..within.end]
                .iter()
                .take_while(|e| same(&entries[i], e))
                .count();
        if j - i > 1 {
            out.push(i..j);
        }
        i = j;
    }
    out
}

/// The tie columns of a searcher's segments, each opened on first use and
/// kept for the searcher's life: opening a column (tantivy reads the whole
/// block table of a piecewise-linear column) costs far more than reading
/// a value, about a tenth of a single-word search in a long-lived process.
#[derive(Default)]
pub(super) struct TieCache {
    columns: std::sync::Mutex<Vec<TieColumns>>,
}

/// The tie columns of `addr`'s segment.
fn tie_columns(columns: &mut [TieColumns], addr: DocAddress) -> Result<&mut TieColumns> {
    columns
        .get_mut(addr.segment_ord as usize)
        .ok_or_else(|| Error::Corrupt("hit in an unknown segment".to_string()))
}
