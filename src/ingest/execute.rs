//! Carrying out a plan: delete what it replaces, read and index its files
//! in parallel through `pipeline::process`, commit once, and swap a rebuilt
//! index into place. A file that yields nothing is skipped with its reason;
//! only a failure of the index stops the run.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use super::plan::{finish, Job, Plan};
use super::{Change, IngestReport, Progress, Skipped};
use crate::error::{Error, Result};
use crate::index::{FileState, IndexHandle, IndexWriterHandle};
use crate::pipeline::{process, SkipReason};

/// Carries out `plan`, calling `progress` after each file read.
pub fn execute(mut plan: Plan, progress: &(dyn Fn(Progress) + Sync)) -> Result<IngestReport> {
    let nothing_to_do = plan.is_empty();
    let mut report = plan.take_report();
    let rebuilding = report.rebuilt.is_some();
    if let Some(h) = &plan.opened {
        // No writer, no commit: the index stays byte-identical.
        if nothing_to_do {
            return finish(report, Some(h), plan.started);
        }
    }
    let (handle, swap_from) = target(plan.opened.take(), &plan.index_dir)?;
    let work_bytes: u64 = plan.jobs.iter().map(|j| j.file.size).sum();
    let mut writer = IndexWriterHandle::acquire(&handle, work_bytes)?;
    delete_replaced(&mut writer, &plan, rebuilding, swap_from.is_none())?;
    let (bytes_read, mut skipped) = run_jobs(&writer, &plan.jobs, progress)?;
    report.bytes_read = bytes_read;
    report.skipped.append(&mut skipped);
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    writer.commit()?;
    let handle = match swap_from {
        Some(tmp) => {
            drop(handle);
            swap_in(&tmp, &plan.index_dir)?;
            IndexHandle::open(&plan.index_dir)?
        }
        None => handle,
    };
    finish(report, Some(&handle), plan.started)
}

/// The index this run writes, and the folder to swap in after the commit:
/// the opened index, or a fresh one beside an index that is rebuilt (the
/// old stays readable until the swap), or a new one.
fn target(opened: Option<IndexHandle>, index_dir: &Path) -> Result<(IndexHandle, Option<PathBuf>)> {
    Ok(match opened {
        Some(h) => (h, None),
        None if IndexHandle::exists(index_dir) => {
            let tmp = sibling(index_dir, "tmp");
            let _ = std::fs::remove_dir_all(&tmp);
            (IndexHandle::create(&tmp)?, Some(tmp))
        }
        None => (IndexHandle::create(index_dir)?, None),
    })
}

/// Deletes what the run replaces: everything for a rebuild in place, else
/// the documents of changed and removed files; a touched file only gets
/// its state refreshed.
fn delete_replaced(
    writer: &mut IndexWriterHandle,
    plan: &Plan,
    rebuilding: bool,
    in_place: bool,
) -> Result<()> {
    if rebuilding && in_place {
        // Unchanged files are re-read too: everything is rebuilt.
        writer.delete_all()?;
    }
    for j in &plan.jobs {
        if j.change == Change::Update && !rebuilding {
            writer.delete_source(&j.file.rel);
        }
    }
    for source in &plan.removed {
        writer.delete_source(source);
    }
    if !rebuilding {
        for state in &plan.touched {
            writer.refresh_file_state(state)?;
        }
    }
    Ok(())
}

/// Reads, processes and adds every job's file in parallel; returns the
/// bytes read and the files skipped, or the first error of the index.
fn run_jobs(
    writer: &IndexWriterHandle,
    jobs: &[Job],
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
            match ingest_one(writer, job) {
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
/// and skip reason.
fn ingest_one(writer: &IndexWriterHandle, job: &Job) -> Result<(usize, Option<SkipReason>)> {
    let file = &job.file;
    let (bytes, read_err) = match std::fs::read(&file.path) {
        Ok(b) => (b, None),
        Err(e) => (Vec::new(), Some(SkipReason::Unreadable(e.to_string()))),
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let outcome = match read_err {
        Some(reason) => Err(reason),
        None => process(&bytes, &file.rel, &job.overrides),
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

/// `dir` with `.suffix` appended to its name, beside it.
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
