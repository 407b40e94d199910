//! Saved searches (`dipsearch watch`): the paragraphs matching a saved
//! query that entered the index since the watch last ran.
//!
//! Every commit has a generation (`index::Payload::generation`, growing by
//! one per ingest, across rebuilds too) and every paragraph the generation
//! it entered with (`seq`; a changed file's paragraphs get the new one, an
//! unchanged file's keep theirs through a rebuild). A watch's cursor is the
//! generation up to which it has reported. A run reads the generation `G`
//! of the last commit *before* opening its searcher, reports the matches
//! with `cursor < seq <= G` and then moves the cursor to `G`: a commit
//! landing between the two steps is reported by the next run, not lost and
//! not repeated.
//!
//! Semantics: exactly once per completed run. The hits are printed before
//! the cursor is written (atomically, `index::watches::save`); a run killed
//! in between, or whose cursor write fails, leaves the cursor where it was,
//! so the next run reports the same paragraphs again (at least once across
//! crashes). A paragraph that entered and left again between two runs (its
//! file removed or changed) is not reported: it is no longer there to show.

use std::path::Path;

use crate::error::Result;
use crate::index::watches::{self, Watch};
use crate::index::IndexHandle;
use crate::search::{Engine, Filters, SearchRequest, SearchResults, Sort};

/// A searcher and the generation it is known to include.
pub struct Snapshot {
    /// The generation of the last commit read before the searcher was
    /// opened (the searcher holds it, perhaps a later one too).
    pub generation: u64,
    /// The searcher.
    pub engine: Engine,
}

impl Snapshot {
    /// Reads the generation, then opens the searcher (in that order: see
    /// the module doc).
    pub fn open(handle: &IndexHandle) -> Result<Snapshot> {
        let generation = handle.payload()?.map_or(0, |p| p.generation);
        let engine = Engine::open(handle)?;
        Ok(Snapshot { generation, engine })
    }

    /// The paragraphs matching `watch` (its query and `filters`, resolved
    /// from its saved values) that entered after its cursor, most relevant
    /// first; with `snippets: false` only the count is computed.
    pub fn pending(
        &self,
        watch: &Watch,
        filters: Filters,
        snippets: bool,
    ) -> Result<SearchResults> {
        let mut filters = filters;
        filters.entered = Some((watch.cursor, self.generation));
        let mut request = SearchRequest {
            query: watch.query.clone(),
            filters,
            limit: 0,
            offset: 0,
            sort: Sort::Relevance,
            snippets,
            literal: watch.literal,
            // A watch prints every new hit: its count must be exact.
            estimate_total: false,
            excluding: None,
        };
        if watch.cursor >= self.generation {
            return Ok(SearchResults {
                query: request.query,
                total: 0,
                total_is_estimate: false,
                hits: Vec::new(),
                expanded: Vec::new(),
                warnings: Vec::new(),
                skipped: Vec::new(),
                fewer: Vec::new(),
            });
        }
        let counted = self.engine.search(&request)?;
        if !snippets || counted.total == 0 {
            return Ok(counted);
        }
        request.limit = counted.total;
        self.engine.search(&request)
    }
}

/// Moves the cursor of the watch `name` of the index in `dir` to
/// `generation` (never back), atomically; `false` when the watch is gone.
pub fn advance(dir: &Path, name: &str, generation: u64) -> Result<bool> {
    let _lock = watches::lock(dir)?;
    let mut all = watches::load(dir)?;
    let Some(w) = all.watches.iter_mut().find(|w| w.name == name) else {
        return Ok(false);
    };
    if w.cursor < generation {
        w.cursor = generation;
        watches::save(dir, &all)?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests;
