//! Carrying out a plan: delete what it replaces, read and index its files
//! in parallel through `pipeline::process`, commit once, and swap a rebuilt
//! index into place. A file that yields nothing is skipped with its reason;
//! only a failure of the index stops the run.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use super::plan::{finish, Job, Plan};
use super::{Change, IngestReport, Progress, Skipped};
use crate::error::{Error, Result};
use crate::index::{
    layout, remove_unreferenced, share_index_files, FileState, IndexHandle, IndexWriterHandle,
    Payload,
};
use crate::pipeline::{process, SkipReason};

/// Carries out `plan`, calling `progress` after each file read. On any
/// failure (a full disk, say) what this run half-wrote is removed and the
/// last commit stays as it was, so the next ingest starts clean.
pub fn execute(mut plan: Plan, progress: &(dyn Fn(Progress) + Sync)) -> Result<IngestReport> {
    let nothing_to_do = plan.is_empty();
    let mut report = plan.take_report();
    if let Some(h) = &plan.opened {
        // No writer, no commit: the index stays byte-identical.
        if nothing_to_do {
            return finish(report, Some(h), plan.started);
        }
    }
    if plan.lock.is_none() {
        return Err(Error::Corrupt("a dry-run plan cannot be executed".into()));
    }
    // A rebuild, and a first build, write a fresh index beside the old
    // place and swap it in: the old index answers searches until then,
    // and a damaged one is never opened for writing.
    let beside = report.rebuilt.is_some() || plan.opened.is_none();
    let handle = if beside {
        plan.opened = None;
        let tmp = layout::tmp_dir(&plan.index_dir);
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp).map_err(|e| Error::io(&tmp, e))?;
        }
        IndexHandle::create(&tmp)?
    } else {
        plan.opened
            .take()
            .ok_or_else(|| Error::Corrupt("no index".into()))?
    };
    let payload = Payload {
        folders: plan.folders.clone(),
        ..Payload::current(plan.corpus_root.clone(), plan.generation)
    };
    if let Err(e) = write(&handle, &plan, beside, &payload, progress, &mut report) {
        abandon(handle, beside);
        return Err(match e {
            Error::Tantivy(t) => Error::WriteFailed {
                path: plan.index_dir.clone(),
                detail: write_failure(&t),
            },
            other => other,
        });
    }
    if beside {
        let tmp = handle.dir.clone();
        drop(handle);
        // Shared before the swap: a kill between its renames leaves files
        // as readable as a finished run does.
        share_index_files(&tmp);
        layout::swap_in(&tmp, &plan.index_dir)?;
    } else {
        drop(handle);
        share_index_files(&plan.index_dir);
    }
    let handle = IndexHandle::open(&plan.index_dir)?;
    finish(report, Some(&handle), plan.started)
}

/// Deletes what the plan replaces, indexes its files and commits.
fn write(
    handle: &IndexHandle,
    plan: &Plan,
    fresh: bool,
    payload: &Payload,
    progress: &(dyn Fn(Progress) + Sync),
    report: &mut IngestReport,
) -> Result<()> {
    let work_bytes: u64 = plan.jobs.iter().map(|j| j.file.size).sum();
    let writer = IndexWriterHandle::acquire(handle, work_bytes)?;
    if !fresh {
        delete_replaced(&writer, plan)?;
    }
    let (bytes_read, mut skipped) = run_jobs(&writer, &plan.jobs, plan.generation, progress)?;
    report.bytes_read = bytes_read;
    uncount_skips(report, &plan.jobs, &skipped);
    report.skipped.append(&mut skipped);
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    writer.commit(payload)
}

/// A file that was to be added or updated but was skipped counts as
/// skipped only, so that every file seen is counted once.
fn uncount_skips(report: &mut IngestReport, jobs: &[Job], skipped: &[Skipped]) {
    if skipped.is_empty() {
        return;
    }
    let change: std::collections::HashMap<&str, Change> = jobs
        .iter()
        .map(|j| (j.file.rel.as_str(), j.change))
        .collect();
    for s in skipped {
        match change.get(s.path.as_str()) {
            Some(Change::Add) => report.added = report.added.saturating_sub(1),
            Some(Change::Update) => report.updated = report.updated.saturating_sub(1),
            _ => {}
        }
    }
}

/// What a failed write says; tantivy reports an I/O error in one of its
/// indexing threads only as a killed writer.
fn write_failure(e: &tantivy::TantivyError) -> String {
    match e {
        tantivy::TantivyError::ErrorInThread(_) => {
            "an indexing thread could not write; is the disk full?".into()
        }
        other => other.to_string(),
    }
}

/// Removes what a failed run wrote: the whole fresh index, or the files the
/// last commit of an updated index does not list. Best effort: the error
/// that stopped the run is what the user needs to read.
fn abandon(handle: IndexHandle, fresh: bool) {
    if fresh {
        let dir = handle.dir.clone();
        drop(handle);
        let _ = std::fs::remove_dir_all(&dir);
    } else {
        remove_unreferenced(&handle);
    }
}

/// Deletes the documents of changed and removed files from an index that
/// is updated in place; a touched file only gets its state refreshed.
fn delete_replaced(writer: &IndexWriterHandle, plan: &Plan) -> Result<()> {
    for j in &plan.jobs {
        if j.change == Change::Update {
            writer.delete_source(&j.file.rel);
        }
    }
    for source in &plan.removed {
        writer.delete_source(source);
    }
    for state in &plan.touched {
        writer.refresh_file_state(state)?;
    }
    Ok(())
}

/// Reads, processes and adds every job's file in parallel; returns the
/// bytes read and the files skipped, or the first error of the index.
fn run_jobs(
    writer: &IndexWriterHandle,
    jobs: &[Job],
    generation: u64,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(u64, Vec<Skipped>)> {
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
    // indexing threads leave free: workers competing with those threads are
    // no faster, cost CPU and memory, and scatter a speech's paragraphs over
    // doc-store blocks, where in corpus order they share them.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.saturating_sub(writer.threads()).max(1);
    let run = || {
        jobs.par_iter().for_each(|job| {
            match ingest_one(writer, job, generation) {
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
    let skipped = skipped.into_inner().unwrap_or_default();
    Ok((bytes_done.load(Ordering::Relaxed), skipped))
}

/// Reads and indexes one file, with its state; returns its paragraph count
/// and skip reason. Its paragraphs enter at `generation`, unless the index
/// already held the same content (a rebuild, a changed folder config):
/// they keep the generation they first entered with.
fn ingest_one(
    writer: &IndexWriterHandle,
    job: &Job,
    generation: u64,
) -> Result<(usize, Option<SkipReason>)> {
    let file = &job.file;
    let (bytes, read_err) = match std::fs::read(&file.path) {
        Ok(b) => (b, None),
        Err(e) => (Vec::new(), Some(SkipReason::Unreadable(e.to_string()))),
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let seq = match &job.previous {
        Some((h, seq)) if *h == hash && *seq > 0 => *seq,
        _ => generation,
    };
    let outcome = match read_err {
        Some(reason) => Err(reason),
        None => process(&bytes, &file.rel, &job.overrides),
    };
    let (count, skipped) = match outcome {
        Ok(document) => {
            writer.add_paragraphs(&document.header, &document.records, seq)?;
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
        seq,
    })?;
    Ok((count, skipped))
}
