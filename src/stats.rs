//! Index statistics: what the index holds, counted from fast columns and
//! file states (never by reading every stored record).

use serde::Serialize;

use crate::error::Result;
use crate::index::IndexHandle;
use crate::search::facets::{count, into_buckets};
use crate::search::{Engine, FacetBy};

/// One value and its paragraph count.
#[derive(Clone, Debug, Serialize)]
pub struct Count {
    /// Id or code.
    pub key: String,
    /// Paragraphs.
    pub count: u64,
}

/// What `dipsearch stats` reports.
#[derive(Clone, Debug, Serialize)]
pub struct IndexStats {
    /// Indexed documents (files with at least one paragraph).
    pub documents: u64,
    /// Indexed paragraphs.
    pub paragraphs: u64,
    /// Distinct meetings (by acronym, or name).
    pub meetings: u64,
    /// Earliest full document date, `YYYY-MM-DD` (documents known only by
    /// their year left out).
    pub first_date: Option<String>,
    /// Latest full document date (or last day of a range).
    pub last_date: Option<String>,
    /// Earliest date of any document: `YYYY-MM-DD`, or `YYYY` when the
    /// earliest is known only by its year.
    pub first: Option<String>,
    /// Latest date of any document, as `first`.
    pub last: Option<String>,
    /// Bytes on disk.
    pub index_bytes: u64,
    /// Files skipped at the last ingest.
    pub skipped: u64,
    /// Paragraphs per meeting.
    pub by_meeting: Vec<Count>,
    /// Paragraphs per country mentioned.
    pub countries: Vec<Count>,
    /// Paragraphs per instrument.
    pub instruments: Vec<Count>,
    /// Paragraphs per topic.
    pub topics: Vec<Count>,
}

/// Computes the statistics of an index.
pub fn index_stats(handle: &IndexHandle) -> Result<IndexStats> {
    let engine = Engine::open(handle)?;
    let searcher = engine.searcher();
    let states = handle.file_states(searcher)?;
    let (documents, paragraphs) = (
        states.iter().filter(|s| s.paragraphs > 0).count() as u64,
        states.iter().map(|s| s.paragraphs as u64).sum(),
    );
    let para_query = tantivy::query::TermQuery::new(
        tantivy::Term::from_field_text(handle.fields.kind, crate::index::kind::PARA),
        tantivy::schema::IndexRecordOption::Basic,
    );
    let counts = |by: FacetBy| -> Result<Vec<Count>> {
        let counted = count(searcher, engine.executor(), &para_query, &[by], false)?;
        let raw = counted.counts.into_iter().next().unwrap_or_default();
        Ok(into_buckets(raw, false)
            .into_iter()
            .map(|b| Count {
                key: b.key,
                count: b.count,
            })
            .collect())
    };
    let by_meeting = counts(FacetBy::Meeting)?;
    let (first_date, last_date) = date_range(&engine)?;
    let (first, last) = span(&engine);
    Ok(IndexStats {
        documents,
        paragraphs,
        meetings: by_meeting.len() as u64,
        first_date,
        last_date,
        first,
        last,
        index_bytes: handle.size_on_disk(),
        skipped: states.iter().filter(|s| s.skipped.is_some()).count() as u64,
        by_meeting,
        countries: counts(FacetBy::Country)?,
        instruments: counts(FacetBy::Instrument)?,
        topics: counts(FacetBy::Topic)?,
    })
}

/// The earliest and latest full dates, from the `date` column (documents
/// known only by year are left out rather than given an invented day).
fn date_range(engine: &Engine) -> Result<(Option<String>, Option<String>)> {
    let mut lo: Option<u64> = None;
    let mut hi: Option<u64> = None;
    for reader in engine.searcher().segment_readers() {
        let ff = reader.fast_fields();
        if let Ok(col) = ff.u64("date") {
            for doc in reader.doc_ids_alive() {
                if let Some(v) = col.first(doc) {
                    lo = Some(lo.map_or(v, |l| l.min(v)));
                    hi = Some(hi.map_or(v, |h| h.max(v)));
                }
            }
        }
    }
    let fmt = |k: u64| format!("{:04}-{:02}-{:02}", k / 10_000, (k / 100) % 100, k % 100);
    Ok((lo.map(fmt), hi.map(fmt)))
}

/// The earliest and latest day any document covers, from the `date_lo`
/// and `date_hi` columns (a document known only by its year covers the
/// whole year); shown as the year alone when that extreme comes from such
/// a document (no `date` of its own), so nothing is invented.
fn span(engine: &Engine) -> (Option<String>, Option<String>) {
    // (key, exact): at equal keys an exact date wins.
    let mut lo: Option<(u64, bool)> = None;
    let mut hi: Option<(u64, bool)> = None;
    for reader in engine.searcher().segment_readers() {
        let ff = reader.fast_fields();
        let (Ok(lo_col), Ok(hi_col)) = (ff.u64("date_lo"), ff.u64("date_hi")) else {
            continue;
        };
        let date_col = ff.u64("date").ok();
        for doc in reader.doc_ids_alive() {
            let (Some(l), Some(h)) = (lo_col.first(doc), hi_col.first(doc)) else {
                continue;
            };
            let exact = date_col.as_ref().and_then(|c| c.first(doc)).is_some();
            if lo.is_none_or(|(k, e)| l < k || (l == k && exact && !e)) {
                lo = Some((l, exact));
            }
            if hi.is_none_or(|(k, e)| h > k || (h == k && exact && !e)) {
                hi = Some((h, exact));
            }
        }
    }
    let show = |(k, exact): (u64, bool)| {
        if exact {
            format!("{:04}-{:02}-{:02}", k / 10_000, (k / 100) % 100, k % 100)
        } else {
            format!("{:04}", k / 10_000)
        }
    };
    (lo.map(show), hi.map(show))
}
