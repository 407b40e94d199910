//! Ingest: bring the index in step with the corpus.
//!
//! Plan, then work: the corpus listing is compared with the file states
//! committed in the index (size and mtime as a fast path, the content hash
//! as the truth), only new and changed files are read, decoded, segmented
//! and tagged (in parallel), the paragraphs of changed and removed files are
//! deleted, and everything is committed once. A bad file is skipped with a
//! reason and never stops the run. The library reports; it never prints.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::{list_corpus, ConfigFile, SourceFile};
use crate::error::{Error, Result};
use crate::index::{FileState, IndexHandle, IndexWriterHandle, PIPELINE_VERSION};
use crate::meta::{FolderConfig, Overrides};
use crate::pipeline::{process, SkipReason};

/// How to ingest.
#[derive(Clone, Debug, Default)]
pub struct IngestOptions {
    /// Rebuild every entry from scratch.
    pub full: bool,
    /// Compute the plan and write nothing.
    pub dry_run: bool,
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

/// The outcome of an ingest (or of a dry run: the plan).
#[derive(Clone, Debug, Default, Serialize)]
pub struct IngestReport {
    /// Documents in the index after the run.
    pub documents: u64,
    /// Paragraphs in the index after the run.
    pub paragraphs: u64,
    /// Files added.
    pub added: usize,
    /// Files re-indexed because they changed.
    pub updated: usize,
    /// Files removed from the index.
    pub removed: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files not indexed, with reasons.
    pub skipped: Vec<Skipped>,
    /// Wall time in milliseconds.
    pub elapsed_ms: u64,
    /// The planned changes (filled for dry runs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<Vec<PlannedChange>>,
    /// Why the whole index was rebuilt, when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rebuilt: Option<String>,
    /// Bytes of corpus files read.
    #[serde(skip)]
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

/// The folder configurations of a corpus, each merged with its ancestors'.
#[derive(Default)]
struct Configs {
    /// Folder (relative, `""` for the root) → merged config and the hash of
    /// every config text that went into it.
    by_dir: HashMap<String, (FolderConfig, String)>,
}

impl Configs {
    /// Reads and merges the configs; a bad one is reported and ignored.
    fn load(files: &[ConfigFile], skipped: &mut Vec<Skipped>) -> Configs {
        let mut configs = Configs::default();
        // `files` come shallowest first, so a parent is merged before its children.
        for file in files {
            let text = match std::fs::read_to_string(&file.path) {
                Ok(t) => t,
                Err(e) => {
                    skipped.push(config_skip(file, SkipReason::Unreadable(e.to_string())));
                    continue;
                }
            };
            let own = match FolderConfig::parse(&text) {
                Ok(c) => c,
                Err(e) => {
                    skipped.push(config_skip(file, SkipReason::BadConfig(e)));
                    continue;
                }
            };
            let (merged, hash) = match configs.governing(&file.dir) {
                Some((parent, parent_hash)) => (
                    parent.merged_with(&own),
                    blake3::hash(format!("{parent_hash}\n{text}").as_bytes()),
                ),
                None => (own, blake3::hash(text.as_bytes())),
            };
            configs
                .by_dir
                .insert(file.dir.clone(), (merged, hash.to_hex().to_string()));
        }
        configs
    }

    /// The nearest config at or above folder `dir`.
    fn governing(&self, dir: &str) -> Option<&(FolderConfig, String)> {
        let mut d = dir;
        loop {
            if let Some(c) = self.by_dir.get(d) {
                return Some(c);
            }
            if d.is_empty() {
                return None;
            }
            d = d.rsplit_once('/').map(|(p, _)| p).unwrap_or("");
        }
    }

    /// Folder overrides and config hash for a file.
    fn for_file(&self, rel: &str) -> (Overrides, String) {
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        match self.governing(dir) {
            Some((cfg, hash)) => (cfg.overrides_for(name), hash.clone()),
            None => (Overrides::default(), String::new()),
        }
    }
}

fn config_skip(file: &ConfigFile, reason: SkipReason) -> Skipped {
    let path = if file.dir.is_empty() {
        crate::corpus::FOLDER_CONFIG.to_string()
    } else {
        format!("{}/{}", file.dir, crate::corpus::FOLDER_CONFIG)
    };
    Skipped { path, reason }
}

/// Work item: a corpus file that must be (re)read.
struct Job<'a> {
    file: &'a SourceFile,
    change: Change,
    folder: Overrides,
    meta: String,
}

/// Brings the index in `index_dir` in step with the corpus in `corpus_dir`.
pub fn ingest(
    corpus_dir: &Path,
    index_dir: &Path,
    opts: &IngestOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<IngestReport> {
    let started = Instant::now();
    let listing = list_corpus(corpus_dir)?;
    let mut report = IngestReport::default();
    for (path, reason) in &listing.errors {
        report.skipped.push(Skipped {
            path: path.clone(),
            reason: SkipReason::Unlisted(reason.clone()),
        });
    }

    // Open (or plan to rebuild) the index.
    let mut rebuild: Option<String> = opts.full.then(|| "--full was given".to_string());
    let opened = if opts.dry_run && !IndexHandle::exists(index_dir) {
        None
    } else if opts.dry_run {
        match IndexHandle::open(index_dir) {
            Ok(h) => Some(h),
            Err(Error::IndexVersion { .. }) => {
                rebuild = Some("the index was written by another version".into());
                None
            }
            Err(e) => return Err(e),
        }
    } else {
        match IndexHandle::open_for_ingest(index_dir)? {
            Ok(h) => Some(h),
            Err(reason) => {
                // Schema change: build a fresh index beside the old one and
                // swap it in, so the old stays readable until then.
                rebuild = Some(reason);
                None
            }
        }
    };
    let previous: Vec<FileState> = match &opened {
        Some(h) => {
            let searcher = h.reader()?.searcher();
            if rebuild.is_none() {
                if let Some(p) = h.payload()? {
                    if p.pipeline != PIPELINE_VERSION {
                        rebuild = Some(format!(
                            "the index was built by pipeline v{} and this build is v{PIPELINE_VERSION}",
                            p.pipeline
                        ));
                    }
                }
            }
            match h.file_states(&searcher) {
                Ok(states) => states,
                // Unreadable file state: rebuild rather than trust it.
                Err(Error::Corrupt(why)) => {
                    rebuild = Some(format!(
                        "the index's record of the corpus is unreadable ({why})"
                    ));
                    Vec::new()
                }
                Err(e) => return Err(e),
            }
        }
        None => Vec::new(),
    };

    let configs = Configs::load(&listing.configs, &mut report.skipped);

    // Plan.
    let prev_by_path: HashMap<&str, &FileState> =
        previous.iter().map(|s| (s.source.as_str(), s)).collect();
    let mut jobs: Vec<Job> = Vec::new();
    let mut unchanged_states: Vec<&FileState> = Vec::new();
    // Touched but identical: only the remembered size/mtime is refreshed.
    let mut touched: Vec<FileState> = Vec::new();
    for file in &listing.files {
        let (folder, meta) = configs.for_file(&file.rel);
        let job = |change| Job {
            file,
            change,
            folder: folder.clone(),
            meta: meta.clone(),
        };
        match prev_by_path.get(file.rel.as_str()) {
            None => jobs.push(job(Change::Add)),
            Some(state) if rebuild.is_some() || state.meta != meta => {
                jobs.push(job(Change::Update))
            }
            Some(state) if state.size == file.size && state.mtime_ns == file.mtime_ns => {
                unchanged_states.push(state)
            }
            Some(state) => {
                // Fast path failed: the hash decides.
                let same = std::fs::read(&file.path)
                    .map(|b| blake3::hash(&b).to_hex().to_string() == state.hash)
                    .unwrap_or(false);
                if same {
                    unchanged_states.push(state);
                    touched.push(FileState {
                        size: file.size,
                        mtime_ns: file.mtime_ns,
                        ..(*state).clone()
                    });
                } else {
                    jobs.push(job(Change::Update));
                }
            }
        }
    }
    let listed: std::collections::HashSet<&str> =
        listing.files.iter().map(|f| f.rel.as_str()).collect();
    let removed: Vec<&FileState> = previous
        .iter()
        .filter(|s| !listed.contains(s.source.as_str()))
        .collect();
    report.unchanged = unchanged_states.len();
    report.removed = removed.len();
    report.added = jobs.iter().filter(|j| j.change == Change::Add).count();
    report.updated = jobs.iter().filter(|j| j.change == Change::Update).count();
    report.rebuilt = rebuild.clone();
    for state in &unchanged_states {
        if let Some(reason) = &state.skipped {
            report.skipped.push(Skipped {
                path: state.source.clone(),
                reason: SkipReason::Earlier(reason.clone()),
            });
        }
    }

    if opts.dry_run {
        let mut changes: Vec<PlannedChange> = jobs
            .iter()
            .map(|j| PlannedChange {
                path: j.file.rel.clone(),
                change: j.change,
            })
            .chain(removed.iter().map(|s| PlannedChange {
                path: s.source.clone(),
                change: Change::Remove,
            }))
            .collect();
        changes.sort_by(|a, b| a.path.cmp(&b.path));
        report.changes = Some(changes);
        if let Some(h) = &opened {
            let (d, p) = count_documents(h)?;
            report.documents = d;
            report.paragraphs = p;
        }
        report.elapsed_ms = started.elapsed().as_millis() as u64;
        return Ok(report);
    }

    // Nothing to do: no writer, no commit, the index stays byte-identical.
    if let Some(h) = &opened {
        if jobs.is_empty() && removed.is_empty() && touched.is_empty() && rebuild.is_none() {
            let (d, p) = count_documents(h)?;
            report.documents = d;
            report.paragraphs = p;
            report.elapsed_ms = started.elapsed().as_millis() as u64;
            return Ok(report);
        }
    }

    // Work.
    let (handle, swap_from) = match opened {
        Some(h) => (h, None),
        None if IndexHandle::exists(index_dir) => {
            let tmp = sibling(index_dir, "tmp");
            let _ = std::fs::remove_dir_all(&tmp);
            (IndexHandle::create(&tmp)?, Some(tmp))
        }
        None => (IndexHandle::create(index_dir)?, None),
    };
    let work_bytes: u64 = jobs.iter().map(|j| j.file.size).sum();
    let mut writer = IndexWriterHandle::acquire(&handle, work_bytes)?;
    if rebuild.is_some() && swap_from.is_none() {
        writer.delete_all()?;
        // Unchanged files are re-read too: everything is rebuilt.
    }
    for j in &jobs {
        if j.change == Change::Update && rebuild.is_none() {
            writer.delete_source(&j.file.rel);
        }
    }
    for s in &removed {
        writer.delete_source(&s.source);
    }
    if rebuild.is_none() {
        for state in &touched {
            writer.refresh_file_state(state)?;
        }
    }

    let total = Progress {
        files_total: jobs.len(),
        bytes_total: jobs.iter().map(|j| j.file.size).sum(),
        ..Progress::default()
    };
    let files_done = AtomicUsize::new(0);
    let bytes_done = AtomicU64::new(0);
    let paragraphs_done = AtomicU64::new(0);
    let skipped = Mutex::new(Vec::new());
    let first_error: Mutex<Option<Error>> = Mutex::new(None);
    // Reading, segmenting and tagging run on the cores the writer's
    // indexing threads leave free. On 2 cores, one worker beside the two
    // indexing threads builds the whole UNGDC as fast as two workers
    // competing with them or faster (interleaved runs: 0.65-0.73x the FTS5
    // build against 0.67-0.72x), with less CPU and memory, and a smaller
    // index: documents reach the writer in corpus order, so a doc-store
    // block holds paragraphs of one speech (172 against 176 MiB).
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.saturating_sub(writer.threads()).max(1);
    let run = || {
        jobs.par_iter().for_each(|job| {
            let outcome = ingest_one(&writer, job);
            match outcome {
                Ok((n, skip)) => {
                    paragraphs_done.fetch_add(n as u64, Ordering::Relaxed);
                    if let Some(reason) = skip {
                        if let Ok(mut s) = skipped.lock() {
                            s.push(Skipped {
                                path: job.file.rel.clone(),
                                reason,
                            });
                        }
                    }
                }
                Err(e) => {
                    if let Ok(mut slot) = first_error.lock() {
                        slot.get_or_insert(e);
                    }
                }
            }
            let done = files_done.fetch_add(1, Ordering::Relaxed) + 1;
            let bytes = bytes_done.fetch_add(job.file.size, Ordering::Relaxed) + job.file.size;
            progress(Progress {
                files_done: done,
                bytes_done: bytes,
                paragraphs: paragraphs_done.load(Ordering::Relaxed),
                ..total
            });
        })
    };
    match rayon::ThreadPoolBuilder::new().num_threads(workers).build() {
        Ok(pool) => pool.install(run),
        // No pool of our own (thread limits): rayon's global one.
        Err(_) => run(),
    }
    if let Some(e) = first_error.into_inner().ok().flatten() {
        return Err(e);
    }
    report.bytes_read = bytes_done.load(Ordering::Relaxed);
    let mut new_skips = skipped.into_inner().unwrap_or_default();
    report.skipped.append(&mut new_skips);
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path));

    writer.commit()?;
    let handle = match swap_from {
        Some(tmp) => {
            drop(handle);
            swap_in(&tmp, index_dir)?;
            IndexHandle::open(index_dir)?
        }
        None => handle,
    };
    let (d, p) = count_documents(&handle)?;
    report.documents = d;
    report.paragraphs = p;
    report.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(report)
}

/// Reads and indexes one file; returns its paragraph count and skip reason.
fn ingest_one(writer: &IndexWriterHandle, job: &Job) -> Result<(usize, Option<SkipReason>)> {
    let file = job.file;
    let (bytes, read_err) = match std::fs::read(&file.path) {
        Ok(b) => (b, None),
        Err(e) => (Vec::new(), Some(SkipReason::Unreadable(e.to_string()))),
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let outcome = match read_err {
        Some(reason) => Err(reason),
        None => process(&bytes, &file.rel, &job.folder),
    };
    let (count, skipped) = match outcome {
        Ok(document) => {
            for r in &document.records {
                writer.add_paragraph(r)?;
            }
            (document.records.len(), None)
        }
        Err(reason) => (0, Some(reason)),
    };
    writer.add_file_state(&FileState {
        source: file.rel.clone(),
        size: file.size,
        mtime_ns: file.mtime_ns,
        hash,
        meta: job.meta.clone(),
        paragraphs: count as u32,
        skipped: skipped.as_ref().map(SkipReason::to_string),
    })?;
    Ok((count, skipped))
}

/// Counts indexed documents (files with paragraphs) and paragraphs.
pub fn count_documents(handle: &IndexHandle) -> Result<(u64, u64)> {
    let searcher = handle.reader()?.searcher();
    let paragraphs = handle.paragraph_count(&searcher)?;
    let docs = handle
        .file_states(&searcher)?
        .iter()
        .filter(|s| s.paragraphs > 0)
        .count() as u64;
    Ok((docs, paragraphs))
}

fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into());
    dir.with_file_name(format!("{name}.{suffix}"))
}

/// Replaces `dst` with the freshly built index in `tmp`.
fn swap_in(tmp: &Path, dst: &Path) -> Result<()> {
    let old = sibling(dst, "old");
    let _ = std::fs::remove_dir_all(&old);
    std::fs::rename(dst, &old).map_err(|e| Error::io(dst, e))?;
    std::fs::rename(tmp, dst).map_err(|e| Error::io(tmp, e))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
