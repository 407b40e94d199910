//! The one writer lock of an index, shared by every kind of ingest
//! (incremental, `--full`, a version rebuild, the first build a search
//! starts).
//!
//! Why a file of our own beside the index (`<index>.lock`) and not
//! tantivy's lock inside it: a rebuild writes a new folder and swaps it in,
//! so a lock inside the index folder would move with the swap, and the
//! leftovers of a killed rebuild must be cleaned up *before* any writer
//! touches a folder. The lock is an advisory `flock`, so the system drops
//! it when its holder dies, however it dies: a stale lock file is never a
//! reason to refuse.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fs4::fs_std::FileExt;

use super::paths::sibling;
use crate::error::{Error, Result};

/// How long a writer retries before refusing: long enough to ride out a
/// reader's probe (microseconds), short enough to refuse "at once".
const RETRY_FOR: Duration = Duration::from_millis(300);
const RETRY_STEP: Duration = Duration::from_millis(15);

/// The held writer lock; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

/// Where the lock of the index in `dir` lives.
pub fn lock_path(dir: &Path) -> PathBuf {
    sibling(dir, "lock")
}

impl WriterLock {
    /// Takes the lock of the index in `dir`, or fails with
    /// [`Error::IndexLocked`] when another process holds it.
    pub fn acquire(dir: &Path) -> Result<WriterLock> {
        let path = lock_path(dir);
        let file = open_lock_file(&path)?;
        super::modes::share_like_parent(&path);
        let started = Instant::now();
        loop {
            match FileExt::try_lock_exclusive(&file) {
                Ok(true) => return Ok(WriterLock { _file: file }),
                Ok(false) if started.elapsed() < RETRY_FOR => std::thread::sleep(RETRY_STEP),
                Ok(false) => return Err(Error::IndexLocked(dir.to_path_buf())),
                Err(e) => return Err(Error::io(&path, e)),
            }
        }
    }

    /// Whether a writer holds the lock of the index in `dir` now. Readers
    /// ask only when they find no usable index, to tell "being built" from
    /// "missing"; the probe is a shared lock held for an instant, which a
    /// writer's retries ride out.
    pub fn is_held(dir: &Path) -> bool {
        let Ok(file) = File::open(lock_path(dir)) else {
            return false;
        };
        match FileExt::try_lock_shared(&file) {
            Ok(true) => {
                let _ = FileExt::unlock(&file);
                false
            }
            Ok(false) => true,
            Err(_) => false,
        }
    }
}

/// Opens (creating it and its folder when missing) a file that only
/// serves to be locked; its contents are never read or written.
pub(super) fn open_lock_file(path: &Path) -> Result<File> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_and_a_dropped_lock_is_free_again() {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("index");
        let first = WriterLock::acquire(&index).unwrap();
        assert!(WriterLock::is_held(&index));
        let err = WriterLock::acquire(&index).unwrap_err();
        assert!(matches!(err, Error::IndexLocked(_)), "{err}");
        drop(first);
        assert!(!WriterLock::is_held(&index));
        WriterLock::acquire(&index).unwrap();
    }
}
