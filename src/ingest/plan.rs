//! Planning: compare the corpus listing with the file states the index
//! committed and decide, for every file, what happens and why. Reads only
//! sizes and mtimes, and a file's content when those disagree (its hash
//! decides); writes nothing, which is why a dry run is just a plan.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::configs::Configs;
use super::{Change, IngestOptions, IngestReport, PlannedChange, Skipped};
use crate::corpus::{list_corpus, SourceFile};
use crate::error::{Error, Result};
use crate::index::{
    committed_generation, layout, remove_unreferenced, watches, FileState, IndexHandle, Opened,
    RebuildReason, WriterLock, PIPELINE_VERSION,
};
use crate::meta::Overrides;
use crate::pipeline::SkipReason;

/// A corpus file to read and index.
#[derive(Clone, Debug)]
pub struct Job {
    /// The file.
    pub file: SourceFile,
    /// Whether it is new, or replaces what the index holds for it.
    pub change: Change,
    /// The values its folder configuration gives it.
    pub overrides: Overrides,
    /// Hash of the configuration texts that govern it, stored with its
    /// state so that editing them re-reads the file.
    pub meta: String,
    /// The content hash and entry generation the index holds for it (an
    /// update or a rebuild): when the content is the same, its paragraphs
    /// keep that generation, so saved searches do not report them again.
    pub previous: Option<(String, u64)>,
}

/// What an ingest will do, and why: the files to read, the files to delete
/// from the index, and whether the whole index is rebuilt. Made by [`plan`],
/// carried out by [`execute`](super::execute), reported alone by a dry run.
pub struct Plan {
    /// The writer lock, held from before the index is touched until the
    /// plan is carried out or dropped (`None` for a dry run).
    pub(super) lock: Option<WriterLock>,
    /// The index folder.
    pub(super) index_dir: PathBuf,
    /// The corpus root as a canonical path, recorded in the commit.
    pub(super) corpus_root: Option<String>,
    /// The corpus folders to record in the commit (see
    /// [`crate::index::Payload::folders`]).
    pub(super) folders: Option<Vec<String>>,
    /// The generation this run commits (and its new paragraphs carry):
    /// above the last commit's and every saved search's cursor.
    pub(super) generation: u64,
    /// The index to update; `None` when it is built afresh.
    pub(super) opened: Option<IndexHandle>,
    /// When the run started (the report's elapsed time counts from here).
    pub(super) started: Instant,
    /// Why the whole index is rebuilt, when it is (every file is then read).
    pub rebuild: Option<RebuildReason>,
    /// Files to read: new and changed ones, in corpus order.
    pub jobs: Vec<Job>,
    /// Files the index holds that are gone from the corpus.
    pub removed: Vec<String>,
    /// Files touched but not changed: only their remembered size and mtime
    /// are refreshed.
    pub touched: Vec<FileState>,
    /// Files left as they are (not counting those an earlier run skipped,
    /// which are in `skipped`).
    pub unchanged: usize,
    /// Entries skipped before any file is read: unlisted entries, bad
    /// folder configurations, and unchanged files an earlier run skipped.
    pub skipped: Vec<Skipped>,
    /// Corpus entries seen: listed files, refused entries and unusable
    /// folder configurations (each ends up added, updated, unchanged or
    /// skipped).
    pub seen: usize,
}

/// Plans bringing the index in `index_dir` in step with the corpus in
/// `corpus_dir`. With `opts.dry_run` nothing is opened for writing (a plan
/// to show, not to execute). Otherwise the writer lock is taken first
/// (refused at once with [`Error::IndexLocked`] when another ingest holds
/// it), then the leftovers of interrupted ingests are cleaned up, and the
/// plan holds the lock until it is carried out. An index built from
/// another corpus folder is refused unless `opts.full`.
pub fn plan(corpus_dir: &Path, index_dir: &Path, opts: &IngestOptions) -> Result<Plan> {
    let started = Instant::now();
    let listing = list_corpus(corpus_dir, opts.links)?;
    IndexHandle::check_dir(index_dir)?;
    // Before anything is written: a rebuild swaps the folder away whole.
    layout::check_index_folder(index_dir)?;
    let lock = if opts.dry_run {
        None
    } else {
        let lock = WriterLock::acquire(index_dir)?;
        layout::recover(index_dir)?;
        Some(lock)
    };
    let corpus_root = std::fs::canonicalize(corpus_dir)
        .ok()
        .map(|p| p.to_string_lossy().into_owned());
    let mut skipped: Vec<Skipped> = listing
        .errors
        .iter()
        .map(|(path, why)| Skipped {
            path: path.clone(),
            reason: SkipReason::Unlisted(why.clone()),
        })
        .collect();
    let (opened, mut rebuild) = open_index(index_dir, opts)?;
    if let Some(h) = &opened {
        if !opts.full {
            check_corpus_root(h, index_dir, corpus_dir, corpus_root.as_deref())?;
        }
        if !opts.dry_run {
            remove_unreferenced(h);
        }
    }
    let previous = match &opened {
        Some(h) => previous_states(h, &mut rebuild)?,
        None => Vec::new(),
    };
    let configs = Configs::load(&listing.configs, &mut skipped);
    // Refused entries and unusable configs are in `skipped` by now.
    let seen = listing.files.len() + skipped.len();
    let listed: HashSet<&str> = listing.files.iter().map(|f| f.rel.as_str()).collect();
    let removed: Vec<String> = previous
        .iter()
        .filter(|s| !listed.contains(s.source.as_str()))
        .map(|s| s.source.clone())
        .collect();
    let folders =
        (listing.folders.len() <= crate::index::RECORDED_FOLDERS).then(|| listing.folders.clone());
    let sorted = sort_files(listing.files, &previous, &configs, rebuild.is_some());
    skipped.extend(sorted.earlier_skips);
    let generation = next_generation(index_dir)?;
    Ok(Plan {
        lock,
        index_dir: index_dir.to_path_buf(),
        corpus_root,
        folders,
        generation,
        opened,
        started,
        rebuild,
        jobs: sorted.jobs,
        removed,
        touched: sorted.touched,
        unchanged: sorted.unchanged,
        skipped,
        seen,
    })
}

impl Plan {
    /// Every planned change, sorted by path.
    pub fn changes(&self) -> Vec<PlannedChange> {
        let mut changes: Vec<PlannedChange> = self
            .jobs
            .iter()
            .map(|j| PlannedChange {
                path: j.file.rel.clone(),
                change: j.change,
            })
            .chain(self.removed.iter().map(|path| PlannedChange {
                path: path.clone(),
                change: Change::Remove,
            }))
            .collect();
        changes.sort_by(|a, b| a.path.cmp(&b.path));
        changes
    }

    /// Whether executing would write nothing (so the index, untouched,
    /// stays byte-identical).
    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
            && self.removed.is_empty()
            && self.touched.is_empty()
            && self.rebuild.is_none()
    }

    /// The report of a dry run: the counts and changes of the plan, with
    /// what the index holds now.
    pub fn into_report(mut self) -> Result<IngestReport> {
        let changes = self.changes();
        let mut report = self.take_report();
        report.changes = Some(changes);
        finish(report, self.opened.as_ref(), self.started)
    }

    /// The report before any work: the counts, the known skips and the
    /// rebuild reason (moved out of the plan).
    pub(super) fn take_report(&mut self) -> IngestReport {
        IngestReport {
            files: self.seen,
            added: self.count(Change::Add),
            updated: self.count(Change::Update),
            removed: self.removed.len(),
            unchanged: self.unchanged,
            skipped: std::mem::take(&mut self.skipped),
            rebuilt: self.rebuild.take(),
            ..IngestReport::default()
        }
    }

    fn count(&self, change: Change) -> usize {
        self.jobs.iter().filter(|j| j.change == change).count()
    }
}

/// Fills in what the index holds (when there is one) and the elapsed time.
pub(super) fn finish(
    mut report: IngestReport,
    index: Option<&IndexHandle>,
    started: Instant,
) -> Result<IngestReport> {
    if let Some(h) = index {
        (report.documents, report.paragraphs) = h.document_counts()?;
    }
    report.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(report)
}

/// The generation of the next commit: one above the last commit's (of the
/// old index too, when it is rebuilt) and above every saved search's
/// cursor, so that paragraphs entering now are above every cursor even
/// after an index that could not be read was rebuilt.
fn next_generation(index_dir: &Path) -> Result<u64> {
    let committed = layout::readable(index_dir).map_or(0, |d| committed_generation(&d));
    let cursors = watches::load(index_dir).map_or(0, |w| w.max_cursor());
    Ok(committed.max(cursors) + 1)
}

/// Opens the index for this run. A dry run writes nothing: no index yet is
/// `None`, and one it cannot read is a rebuild. Otherwise a missing index
/// is built afresh, and one that cannot be updated is rebuilt beside the
/// old, which stays readable until the new one is swapped in.
fn open_index(
    dir: &Path,
    opts: &IngestOptions,
) -> Result<(Option<IndexHandle>, Option<RebuildReason>)> {
    let requested = opts.full.then_some(RebuildReason::Requested);
    if opts.dry_run {
        if layout::readable(dir).is_none() {
            return Ok((None, requested));
        }
        return match IndexHandle::open(dir) {
            Ok(h) => Ok((Some(h), requested)),
            Err(Error::IndexVersion { .. }) => Ok((None, Some(RebuildReason::OtherVersion))),
            Err(e @ Error::IndexDamaged { .. }) => {
                Ok((None, Some(RebuildReason::Unopenable(Box::new(e)))))
            }
            Err(e) => Err(e),
        };
    }
    Ok(match IndexHandle::open_for_ingest(dir, opts.full)? {
        Opened::Missing => (None, requested),
        Opened::Current(h) => (Some(*h), requested),
        Opened::Rebuild(reason) => (None, Some(reason)),
    })
}

/// Refuses to sync an index with a corpus folder other than the one it
/// records: a wrong `./corpus` would otherwise remove every document the
/// index holds, silently.
fn check_corpus_root(
    h: &IndexHandle,
    index_dir: &Path,
    corpus_dir: &Path,
    given: Option<&str>,
) -> Result<()> {
    let recorded = h.payload().ok().flatten().and_then(|p| p.corpus);
    match recorded {
        Some(recorded) if given != Some(recorded.as_str()) => Err(Error::CorpusMismatch {
            index: index_dir.to_path_buf(),
            recorded,
            given: given
                .map(str::to_string)
                .unwrap_or_else(|| corpus_dir.display().to_string()),
        }),
        _ => Ok(()),
    }
}

/// The file states the index committed. Checks on the way that its entries
/// come from this pipeline version; states that cannot be read mean a
/// rebuild rather than trusting them.
fn previous_states(h: &IndexHandle, rebuild: &mut Option<RebuildReason>) -> Result<Vec<FileState>> {
    let searcher = match h.reader() {
        Ok(r) => r.searcher(),
        Err(e) => {
            *rebuild = Some(RebuildReason::Unopenable(Box::new(e)));
            return Ok(Vec::new());
        }
    };
    if rebuild.is_none() {
        if let Some(p) = h.payload()? {
            if p.pipeline != PIPELINE_VERSION {
                *rebuild = Some(RebuildReason::Pipeline {
                    found: p.pipeline,
                    expected: PIPELINE_VERSION,
                });
            }
        }
    }
    // Whatever stops the states from being read (corrupt values, damaged
    // files, a panic in a reader) means a rebuild from the corpus.
    match h.file_states(&searcher) {
        Ok(states) => Ok(states),
        Err(Error::Corrupt(why)) => {
            *rebuild = Some(RebuildReason::UnreadableState(why));
            Ok(Vec::new())
        }
        Err(e) => {
            *rebuild = Some(RebuildReason::UnreadableState(e.to_string()));
            Ok(Vec::new())
        }
    }
}

/// The corpus files sorted by what happens to them.
#[derive(Default)]
struct Sorted {
    jobs: Vec<Job>,
    touched: Vec<FileState>,
    /// Unchanged files that were indexed (not skipped).
    unchanged: usize,
    /// Unchanged files that an earlier run skipped, with its reasons.
    earlier_skips: Vec<Skipped>,
}

/// Sorts the listed files: new ones are added; changed ones (or all, when
/// `rebuilding`, or those whose folder configuration changed) are updated;
/// the rest stay.
fn sort_files(
    files: Vec<SourceFile>,
    previous: &[FileState],
    configs: &Configs,
    rebuilding: bool,
) -> Sorted {
    let prev_by_path: HashMap<&str, &FileState> =
        previous.iter().map(|s| (s.source.as_str(), s)).collect();
    let mut out = Sorted::default();
    for file in files {
        let (overrides, meta) = configs.for_file(&file.rel);
        let previous = prev_by_path
            .get(file.rel.as_str())
            .map(|s| (s.hash.clone(), s.seq));
        let change = match prev_by_path.get(file.rel.as_str()) {
            None => Change::Add,
            Some(state) if rebuilding || state.meta != meta => Change::Update,
            Some(state) => {
                if !is_unchanged(&file, state, &mut out.touched) {
                    Change::Update
                } else {
                    // Counted once: as skipped when an earlier run skipped it.
                    match &state.skipped {
                        Some(reason) => out.earlier_skips.push(Skipped {
                            path: state.source.clone(),
                            reason: SkipReason::Earlier(reason.clone()),
                        }),
                        None => out.unchanged += 1,
                    }
                    continue;
                }
            }
        };
        out.jobs.push(Job {
            file,
            change,
            overrides,
            meta,
            previous,
        });
    }
    out
}

/// Whether a file is as the index remembers it: the same size and mtime,
/// or else the same content hash, in which case its new size and mtime go
/// to `touched`.
fn is_unchanged(file: &SourceFile, state: &FileState, touched: &mut Vec<FileState>) -> bool {
    if state.size == file.size && state.mtime_ns == file.mtime_ns {
        return true;
    }
    let same = std::fs::read(&file.path)
        .map(|b| blake3::hash(&b).to_hex().to_string() == state.hash)
        .unwrap_or(false);
    if same {
        touched.push(FileState {
            size: file.size,
            mtime_ns: file.mtime_ns,
            ..state.clone()
        });
    }
    same
}
