//! Whether the index is behind its corpus, cheaply enough for every
//! `search` and `show` to ask.
//!
//! A full comparison stats every corpus file: `find -printf '%s %T@'` takes
//! 33 ms over the 10,954 files of the UN General Debate with a warm cache,
//! too much for each search. So the check looks first at the corpus's
//! folders only (80 of them there: 8 ms for `find`, its start included):
//! adding, removing
//! or renaming a file, and saving it the way most editors do (a new file
//! renamed over the old), change its folder's modification time. Only when
//! a folder changed after the last commit are the files listed and counted
//! against the states the index committed. A file rewritten in place (its
//! folder untouched) is not noticed by this check; `dipsearch status`
//! compares every file.

use std::path::Path;
use std::time::SystemTime;

use walkdir::WalkDir;

use crate::corpus::{list_corpus, Links};
use crate::error::Result;
use crate::index::{committed_payload, layout, IndexHandle};

/// How far the index is behind its corpus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Staleness {
    /// Files in the corpus the index does not hold.
    pub added: usize,
    /// Files whose size or modification time differ from the indexed ones.
    pub changed: usize,
    /// Files the index holds that are gone from the corpus.
    pub removed: usize,
}

/// How far the index in `index_dir` is behind the corpus it was built from
/// (recorded in its commit); `None` when it is not, as far as the folders
/// tell, or when the corpus folder is gone.
pub fn staleness(index_dir: &Path) -> Result<Option<Staleness>> {
    let Some(dir) = layout::readable(index_dir) else {
        return Ok(None);
    };
    let Some(payload) = committed_payload(&dir) else {
        return Ok(None);
    };
    let Some(root) = payload.corpus else {
        return Ok(None);
    };
    let root = Path::new(&root);
    let committed = match std::fs::metadata(dir.join("meta.json")).and_then(|m| m.modified()) {
        Ok(t) => t,
        Err(_) => return Ok(None),
    };
    if !root.is_dir() {
        return Ok(None);
    }
    let changed = match &payload.folders {
        Some(folders) => recorded_folder_changed_since(root, folders, committed),
        None => folder_changed_since(root, committed),
    };
    if !changed {
        return Ok(None);
    }
    let listing = list_corpus(root, Links::default())?;
    let handle = IndexHandle::open(index_dir)?;
    let states = handle.file_states(&handle.reader()?.searcher())?;
    let by_path: std::collections::HashMap<&str, &crate::index::FileState> =
        states.iter().map(|s| (s.source.as_str(), s)).collect();
    let mut s = Staleness::default();
    for f in &listing.files {
        match by_path.get(f.rel.as_str()) {
            None => s.added += 1,
            Some(st) if st.size != f.size || st.mtime_ns != f.mtime_ns => s.changed += 1,
            Some(_) => {}
        }
    }
    let listed: std::collections::HashSet<&str> =
        listing.files.iter().map(|f| f.rel.as_str()).collect();
    s.removed = states
        .iter()
        .filter(|st| !listed.contains(st.source.as_str()))
        .count();
    Ok((s != Staleness::default()).then_some(s))
}

/// Whether one of the corpus folders the last commit recorded (relative
/// to `root`) was modified after `when`, or is gone. A folder made since
/// changed its parent's time, so it need not be listed; 80 `stat` calls
/// for the General Debate where [`folder_changed_since`] reads the names
/// of its 11,000 files.
fn recorded_folder_changed_since(root: &Path, folders: &[String], when: SystemTime) -> bool {
    folders.iter().any(|rel| {
        std::fs::metadata(root.join(rel))
            .and_then(|m| m.modified())
            .map_or(true, |t| t >= when)
    })
}

/// Whether a folder of the corpus (hidden ones aside) was modified after
/// `when`. Reads every folder's entries (files are never stat'ed): for an
/// index whose commit did not record its folders.
fn folder_changed_since(root: &Path, when: SystemTime) -> bool {
    WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| {
            e.file_type().is_dir()
                && (e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        })
        .flatten()
        .any(|e| {
            e.metadata()
                .ok()
                .and_then(|m| m.modified().ok())
                .is_some_and(|t| t >= when)
        })
}
