//! Saved searches (`dipsearch watch`) and their cursors, kept in
//! `watches.json` inside the index folder, beside the index they follow
//! (a rebuild's swap carries the file over: see `layout`).
//!
//! A cursor is the index generation (`Payload::generation`) up to which a
//! watch has reported: the paragraphs with `cursor < seq <= generation`
//! are the ones that entered since. The file is replaced whole and
//! atomically (written to `watches.json.tmp`, synced, renamed, the folder
//! synced), under a lock of its own (`<index>.watches.lock`, an advisory
//! `flock` the system drops when its holder dies), so a kill at any moment
//! leaves the old cursors or the new ones, never a torn file.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use fs4::fs_std::FileExt;
use serde::{Deserialize, Serialize};

use super::paths::sibling;
use crate::error::{Error, Result};

/// The file's name in the index folder.
pub const FILE: &str = "watches.json";
/// The name it is written under before the rename.
pub const TMP: &str = "watches.json.tmp";
/// Version of the file's format.
const VERSION: u32 = 1;

/// The filters of a saved search, as typed (resolved again at each run, so
/// that a new alias in the gazetteer applies to old watches too).
pub type WatchFilters = crate::model::FilterValues;

/// One saved search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Watch {
    /// Its name (letters, digits, `-`, `_`, `.`).
    pub name: String,
    /// The query, as for `search` (`None`: filters only).
    #[serde(default)]
    pub query: Option<String>,
    /// `--literal`.
    #[serde(default)]
    pub literal: bool,
    /// The filters.
    #[serde(default)]
    pub filters: WatchFilters,
    /// The generation up to which it has reported.
    #[serde(default)]
    pub cursor: u64,
}

/// Every saved search of an index.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Watches {
    /// Format version.
    #[serde(default)]
    pub version: u32,
    /// The watches, in the order they were added.
    #[serde(default)]
    pub watches: Vec<Watch>,
}

impl Watches {
    /// The watch called `name`.
    pub fn get(&self, name: &str) -> Option<&Watch> {
        self.watches.iter().find(|w| w.name == name)
    }

    /// The highest cursor (0 when there is none): the next commit's
    /// generation must be above it.
    pub fn max_cursor(&self) -> u64 {
        self.watches.iter().map(|w| w.cursor).max().unwrap_or(0)
    }
}

/// Where the watches of the index in `dir` live.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// The saved searches of the index in `dir`; none when there is no file.
pub fn load(dir: &Path) -> Result<Watches> {
    let p = path(dir);
    match std::fs::read(&p) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map_err(|e| Error::Corrupt(format!("{}: {e}", p.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Watches::default()),
        Err(e) => Err(Error::io(&p, e)),
    }
}

/// Replaces the saved searches of the index in `dir` atomically (temp
/// file, fsync, rename, fsync of the folder). Call with [`lock`] held.
pub fn save(dir: &Path, watches: &Watches) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut w = watches.clone();
    w.version = VERSION;
    let json = serde_json::to_vec_pretty(&w).map_err(|e| Error::Corrupt(e.to_string()))?;
    let tmp = dir.join(TMP);
    let mut f = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
    f.write_all(&json)
        .and_then(|_| f.write_all(b"\n"))
        .and_then(|_| f.sync_all())
        .map_err(|e| Error::io(&tmp, e))?;
    drop(f);
    let dst = path(dir);
    std::fs::rename(&tmp, &dst).map_err(|e| Error::io(&dst, e))?;
    // Best effort: not every system can sync a folder.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The held lock of the watches of one index; released when dropped.
#[derive(Debug)]
pub struct WatchLock {
    _file: File,
}

fn lock_path(dir: &Path) -> PathBuf {
    sibling(dir, "watches.lock")
}

/// [`lock`], for a swap: only when the index has (or is getting) saved
/// searches, so that an index without any leaves no lock file beside it.
pub fn lock_if_used(dir: &Path) -> Result<Option<WatchLock>> {
    if lock_path(dir).exists() || path(dir).exists() {
        lock(dir).map(Some)
    } else {
        Ok(None)
    }
}

/// Takes the lock of the watches of the index in `dir`, waiting for the
/// holder (held for milliseconds: a read-modify-write, or a swap's two
/// renames).
pub fn lock(dir: &Path) -> Result<WatchLock> {
    let p = lock_path(dir);
    let file = super::lock::open_lock_file(&p)?;
    FileExt::lock_exclusive(&file).map_err(|e| Error::io(&p, e))?;
    Ok(WatchLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_watches_read_back_and_leave_no_temp_file() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("index");
        assert_eq!(load(&dir).unwrap(), Watches::default());
        let _l = lock(&dir).unwrap();
        let w = Watches {
            version: 1,
            watches: vec![Watch {
                name: "export-controls".into(),
                query: Some("export control".into()),
                literal: false,
                filters: WatchFilters {
                    countries: vec!["JPN".into()],
                    ..WatchFilters::default()
                },
                cursor: 7,
            }],
        };
        save(&dir, &w).unwrap();
        assert_eq!(load(&dir).unwrap(), w);
        assert_eq!(load(&dir).unwrap().max_cursor(), 7);
        assert!(!dir.join(TMP).exists());
        std::fs::write(path(&dir), "{").unwrap();
        assert!(matches!(load(&dir), Err(Error::Corrupt(_))));
    }
}
