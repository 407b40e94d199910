//! The index the page answers from, reopened when an ingest commits.
//!
//! Why a check per request rather than tantivy's own reload: a full
//! rebuild swaps the whole index folder, so a reader watching the old
//! folder would never see it. Every commit (in place or by a swap) gives
//! the folder's `meta.json` a new inode and time, so one `stat` per request
//! says whether to reopen the index by its path.

use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use dipsearch::index::IndexHandle;
use dipsearch::search::Engine;
use tantivy::Executor;

/// What identifies one commit of the index: its `meta.json`'s inode, size
/// and modification time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    inode: u64,
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    /// `None` while there is no `meta.json` (between the two renames of a
    /// swap, when `IndexHandle::open` finds the old or the new folder).
    fn of(index: &Path) -> Option<Stamp> {
        std::fs::metadata(index.join("meta.json"))
            .ok()
            .map(|m| Stamp {
                inode: inode(&m),
                len: m.len(),
                modified: m.modified().ok(),
            })
    }
}

#[cfg(unix)]
fn inode(m: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(m)
}

#[cfg(not(unix))]
fn inode(_: &Metadata) -> u64 {
    0
}

struct Slot {
    stamp: Option<Stamp>,
    engine: Arc<Engine>,
}

/// The searcher shared by the worker threads.
pub struct State {
    index: PathBuf,
    slot: Mutex<Slot>,
    /// The threads a page's facet pass spreads its segments over.
    pool: Executor,
}

/// A pool of one thread per core (at most 4) for the facet passes, or
/// none when it cannot be made (the pass then runs on the worker).
fn pool() -> Executor {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 {
        return Executor::single_thread();
    }
    Executor::multi_thread(threads, "dipsearch-facets-")
        .unwrap_or_else(|_| Executor::single_thread())
}

impl State {
    /// Starts from `engine`, an open searcher on `index`; the first request
    /// stamps (and reopens) it, so a commit made meanwhile is not missed.
    pub fn new(index: PathBuf, engine: Engine) -> State {
        let pool = pool();
        State {
            index,
            slot: Mutex::new(Slot {
                stamp: None,
                engine: Arc::new(engine.with_executor(pool.clone())),
            }),
            pool,
        }
    }

    /// The searcher on the last commit. When the index cannot be opened
    /// right now (a first build under way, a damaged file), the previous
    /// searcher keeps answering — its files stay readable while it holds
    /// them — and the next request tries again.
    pub fn engine(&self) -> Arc<Engine> {
        let now = Stamp::of(&self.index);
        let mut slot = match self.slot.lock() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        if slot.stamp != now || now.is_none() {
            if let Ok(engine) = IndexHandle::open(&self.index).and_then(|h| Engine::open(&h)) {
                slot.engine = Arc::new(engine.with_executor(self.pool.clone()));
                slot.stamp = now;
            }
        }
        slot.engine.clone()
    }
}
