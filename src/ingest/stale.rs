//! Whether the index is behind its corpus, cheaply enough for every
//! `search` and `show` to ask.
//!
//! A full comparison stats every corpus file: `find -printf '%s %T@'` takes
//! 33 ms over the 10,954 files of the UN General Debate with a warm cache,
//! too much for each search. So the check looks at the corpus's folders
//! only (80 of them there): adding, removing
//! or renaming a file, and saving it the way most editors do (a new file
//! renamed over the old), change its folder's modification time. Each
//! commit records the corpus's folders; a search stats those, and lists
//! only the files of the folders that changed after the commit (and of
//! folders made since), counting them against the states the index
//! committed for those folders. A file rewritten in place (its
//! folder untouched) is not noticed by this check; `dipsearch status`
//! compares every file.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::SystemTime;

use walkdir::WalkDir;

use crate::corpus::{list_corpus, list_under, Links};
use crate::error::Result;
use crate::index::{committed_payload, file_states_in, layout, FileState, IndexHandle, Payload};

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
    match committed_payload(&dir) {
        Some(payload) => staleness_in(&dir, &payload, |folders| {
            let handle = IndexHandle::open(index_dir)?;
            let searcher = handle.reader()?.searcher();
            file_states_in(&handle.dir, &handle.fields, &searcher, folders)
        }),
        None => Ok(None),
    }
}

/// [`staleness`] given the payload of the commit and a reader of its file
/// states (all, or those under some folders), as a search that has the
/// index open has them: neither is read again.
pub fn staleness_of(
    index_dir: &Path,
    payload: &Payload,
    states: impl FnOnce(Option<&[&str]>) -> Result<Vec<FileState>>,
) -> Result<Option<Staleness>> {
    match layout::readable(index_dir) {
        Some(dir) => staleness_in(&dir, payload, states),
        None => Ok(None),
    }
}

/// [`staleness`] of the index whose readable folder is `dir`; `states`
/// reads the committed file states (only when some folder changed).
fn staleness_in(
    dir: &Path,
    payload: &Payload,
    states: impl FnOnce(Option<&[&str]>) -> Result<Vec<FileState>>,
) -> Result<Option<Staleness>> {
    let Some(root) = &payload.corpus else {
        return Ok(None);
    };
    let root = Path::new(root);
    let committed = match std::fs::metadata(dir.join("meta.json")).and_then(|m| m.modified()) {
        Ok(t) => t,
        Err(_) => return Ok(None),
    };
    if !root.is_dir() {
        return Ok(None);
    }
    // What to compare: with the folders the commit recorded, only the
    // files of the folders that changed (and of folders made since);
    // otherwise every file.
    let (files, scope) = match &payload.folders {
        Some(folders) => {
            let changed = changed_folders(root, folders, committed);
            if changed.is_empty() {
                return Ok(None);
            }
            (files_of(root, folders, &changed)?, Some(changed))
        }
        None if folder_changed_since(root, committed) => {
            (list_corpus(root, Links::default())?.files, None)
        }
        None => return Ok(None),
    };
    let states = match &scope {
        Some(changed) => {
            let folders: Vec<&str> = changed.iter().copied().collect();
            states(Some(&folders))?
        }
        None => states(None)?,
    };
    let by_path: HashMap<&str, &FileState> =
        states.iter().map(|s| (s.source.as_str(), s)).collect();
    let mut s = Staleness::default();
    for f in &files {
        match by_path.get(f.rel.as_str()) {
            None => s.added += 1,
            Some(st) if st.size != f.size || st.mtime_ns != f.mtime_ns => s.changed += 1,
            Some(_) => {}
        }
    }
    let listed: HashSet<&str> = files.iter().map(|f| f.rel.as_str()).collect();
    let in_scope = |source: &str| {
        scope.as_ref().is_none_or(|changed| {
            let folder = source.rsplit_once('/').map_or("", |(d, _)| d);
            changed.contains(folder)
        })
    };
    s.removed = states
        .iter()
        .filter(|st| in_scope(&st.source) && !listed.contains(st.source.as_str()))
        .count();
    Ok((s != Staleness::default()).then_some(s))
}

/// The recorded folders (relative to `root`) modified after `when`, or
/// gone. A folder made since changed its parent's time, so it need not
/// be recorded to be found; 80 `stat` calls for the General Debate where
/// [`folder_changed_since`] reads the names of its 11,000 files.
fn changed_folders<'a>(root: &Path, folders: &'a [String], when: SystemTime) -> HashSet<&'a str> {
    folders
        .iter()
        .filter(|rel| {
            std::fs::metadata(root.join(rel.as_str()))
                .and_then(|m| m.modified())
                .map_or(true, |t| t >= when)
        })
        .map(String::as_str)
        .collect()
}

/// The files directly in the `changed` folders that still exist, and
/// every file under a folder in them that the commit did not record
/// (made since): what can differ from the index, as far as the folders
/// tell. One folder's listing where a whole corpus's was read before.
fn files_of(
    root: &Path,
    recorded: &[String],
    changed: &HashSet<&str>,
) -> Result<Vec<crate::corpus::SourceFile>> {
    let recorded: HashSet<&str> = recorded.iter().map(String::as_str).collect();
    let mut files = Vec::new();
    for &folder in changed {
        if !root.join(folder).is_dir() {
            continue;
        }
        let here = list_under(root, folder, Some(1), Links::default())?;
        files.extend(here.files);
        for made in here
            .folders
            .iter()
            .filter(|f| !recorded.contains(f.as_str()))
        {
            files.extend(list_under(root, made, None, Links::default())?.files);
        }
    }
    Ok(files)
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

#[cfg(test)]
mod tests {
    use crate::index::{file_states_in, IndexHandle};
    use crate::ingest::{ingest, IngestOptions};

    const NOTE: &str = "CHAIRMAN'S STATEMENT\nASEAN REGIONAL FORUM\nBangkok, 25 July 1994\n\n\
        1. The Ministers discussed export control cooperation.\n";

    /// The states read through the `source` terms of some folders are
    /// exactly those of every state under them, next to folders whose
    /// names sort around theirs (`a-b`, `a.d`, `a0`, `ab`).
    #[test]
    fn states_under_folders_are_those_of_every_state_under_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        for rel in [
            "a/x.txt",
            "a/b/y.txt",
            "a/b/c/z.txt",
            "a-b/w.txt",
            "a.d/v.txt",
            "a0/u.txt",
            "ab/t.txt",
            "top.txt",
            "c/s.txt",
        ] {
            let path = corpus.join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, NOTE).expect("write");
        }
        let index = dir.path().join("index");
        ingest(&corpus, &index, &IngestOptions::default(), &|_| {}).expect("ingest");
        let handle = IndexHandle::open(&index).expect("open");
        let searcher = handle.reader().expect("reader").searcher();
        let all = handle.file_states(&searcher).expect("states");
        assert_eq!(all.len(), 9);
        for folders in [
            vec!["a"],
            vec!["a/b"],
            vec!["a", "a/b"],
            vec!["ab", "c"],
            vec![],
        ] {
            let under = file_states_in(&handle.dir, &handle.fields, &searcher, Some(&folders))
                .expect("states under");
            let expected: Vec<_> = all
                .iter()
                .filter(|s| {
                    folders
                        .iter()
                        .any(|f| s.source.starts_with(&format!("{f}/")))
                })
                .cloned()
                .collect();
            assert_eq!(under, expected, "{folders:?}");
        }
        let root =
            file_states_in(&handle.dir, &handle.fields, &searcher, Some(&[""])).expect("root");
        assert_eq!(root, all, "the root is every file");
    }
}
