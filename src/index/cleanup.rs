//! Removing what a failed or killed ingest half-wrote into an index
//! folder: segment files the last commit does not list, and tantivy's
//! temporary files.
//!
//! Why our own sweep and not only tantivy's garbage collection: after a
//! write error (a full disk) the writer's threads are dead and its
//! collection cannot run, and the files it left (18 MB in one report) kept
//! the disk full for every later ingest. Run with the writer lock held and
//! no writer open; readers only map files the commit lists, which stay.

use std::collections::HashSet;

use super::verify::segment_files;
use super::IndexHandle;

/// Deletes the files of `handle`'s folder that its last commit does not
/// need; returns how many bytes were freed.
pub fn remove_unreferenced(handle: &IndexHandle) -> u64 {
    let Ok(metas) = handle.index.load_metas() else {
        // Without a readable manifest nothing can be told apart.
        return 0;
    };
    let mut keep: HashSet<String> = HashSet::new();
    for seg in &metas.segments {
        for f in segment_files(seg) {
            keep.insert(f.to_string_lossy().into_owned());
        }
    }
    let Ok(entries) = std::fs::read_dir(&handle.dir) else {
        return 0;
    };
    let mut freed = 0;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let stray = (is_segment_file(&name) && !keep.contains(&name)) || name.starts_with(".tmp");
        if stray && e.file_type().is_ok_and(|t| t.is_file()) {
            let size = e.metadata().map(|m| m.len()).unwrap_or(0);
            if std::fs::remove_file(e.path()).is_ok() {
                freed += size;
            }
        }
    }
    freed
}

/// Whether `name` is a segment file: a 32-digit hex segment id, a dot and
/// an extension (`6f1c….idx`, `6f1c….3.del`).
pub(super) fn is_segment_file(name: &str) -> bool {
    let (id, ext) = name.split_at(name.find('.').unwrap_or(name.len()));
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()) && ext.len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_segment_files_are_candidates() {
        assert!(is_segment_file("0123456789abcdef0123456789abcdef.idx"));
        assert!(is_segment_file("0123456789abcdef0123456789abcdef.3.del"));
        assert!(!is_segment_file("meta.json"));
        assert!(!is_segment_file(".managed.json"));
        assert!(!is_segment_file("0123456789abcdef0123456789abcdef"));
    }
}
