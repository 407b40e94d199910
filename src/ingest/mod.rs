//! Ingest: bring the index in step with the corpus, in two steps.
//!
//! [`plan`] compares the corpus listing with the file states committed in
//! the index (size and mtime as a fast path, the content hash as the truth)
//! and decides what to add, update, remove or rebuild, and why; a dry run
//! reports the plan. [`execute`] carries it out: deletes what it replaces,
//! runs only new and changed files through `pipeline::process` (in
//! parallel), and commits once. A bad file is skipped with a reason and
//! never stops the run. The library reports; it never prints.

mod configs;
mod execute;
mod plan;
mod stale;

use std::path::Path;

use serde::Serialize;

pub use execute::execute;
pub use plan::{plan, Job, Plan};
pub use stale::{staleness, staleness_of, Staleness};

pub use crate::corpus::Links;
use crate::error::Result;
use crate::index::RebuildReason;
use crate::pipeline::SkipReason;

/// How to ingest.
#[derive(Clone, Debug, Default)]
pub struct IngestOptions {
    /// Rebuild every entry from scratch.
    pub full: bool,
    /// Compute the plan and write nothing.
    pub dry_run: bool,
    /// Whether symbolic links inside the corpus are followed (links out
    /// never are).
    pub links: Links,
}

/// What happens to one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// New in the corpus.
    Add,
    /// Content (or governing metadata) changed.
    Update,
    /// Gone from the corpus.
    Remove,
}

/// One planned change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlannedChange {
    /// Path relative to the corpus root.
    pub path: String,
    /// What happens to it.
    pub change: Change,
}

/// A file that was not indexed, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Path relative to the corpus root.
    pub path: String,
    /// Why.
    pub reason: SkipReason,
}

/// The outcome of an ingest (or of a dry run: the plan). Every corpus
/// entry seen is counted once: `added + updated + unchanged +
/// skipped.len() == files`; `removed` counts files gone from the corpus.
#[derive(Debug, Default)]
pub struct IngestReport {
    /// Corpus entries seen: document files, entries the walk refused
    /// (links out, FIFOs) and folder configurations that could not be used.
    pub files: usize,
    /// Documents in the index after the run.
    pub documents: u64,
    /// Paragraphs in the index after the run.
    pub paragraphs: u64,
    /// Files added (a new file that is skipped counts as skipped only).
    pub added: usize,
    /// Files re-indexed because they changed (one now skipped counts as
    /// skipped only).
    pub updated: usize,
    /// Files removed from the index.
    pub removed: usize,
    /// Files left as they were (one an earlier run skipped counts as
    /// skipped only).
    pub unchanged: usize,
    /// Files not indexed, with reasons.
    pub skipped: Vec<Skipped>,
    /// Wall time in milliseconds.
    pub elapsed_ms: u64,
    /// The planned changes (filled for dry runs).
    pub changes: Option<Vec<PlannedChange>>,
    /// Why the whole index was rebuilt, when it was.
    pub rebuilt: Option<RebuildReason>,
    /// Bytes of corpus files read.
    pub bytes_read: u64,
}

/// Progress of the work phase, for a progress bar.
#[derive(Clone, Copy, Debug, Default)]
pub struct Progress {
    /// Files to process in this run.
    pub files_total: usize,
    /// Files processed so far.
    pub files_done: usize,
    /// Bytes to process.
    pub bytes_total: u64,
    /// Bytes processed so far.
    pub bytes_done: u64,
    /// Paragraphs produced so far.
    pub paragraphs: u64,
}

/// Brings the index in `index_dir` in step with the corpus in `corpus_dir`:
/// [`plan`], then [`execute`], or only the plan's report for a dry run.
pub fn ingest(
    corpus_dir: &Path,
    index_dir: &Path,
    opts: &IngestOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<IngestReport> {
    let plan = plan(corpus_dir, index_dir, opts)?;
    if opts.dry_run {
        plan.into_report()
    } else {
        execute(plan, progress)
    }
}
