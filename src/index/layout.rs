//! The folders of one index and how a rebuilt index replaces the old one.
//!
//! A rebuild (and a first build) writes `<index>.tmp` and renames it into
//! place once committed; the old index moves to `<index>.old` for the
//! instant between the two renames and is then deleted. Why not rebuild in
//! place: the old index keeps answering searches until the new one is
//! whole, and a damaged old index is never opened for writing.
//!
//! A process can die between any two steps. [`recover`], run by the next
//! writer under the lock before it touches anything, finishes or undoes
//! what was interrupted; [`readable`] lets readers find the old or the new
//! index in the instant between the two renames, so a search never sees
//! "no index" because of a swap.
//!
//! Test hook: with `DIPSEARCH_TEST_SWAP_PAUSE_MS=<ms>` in the environment,
//! [`swap_in`] sleeps that long between its two renames (at most ten
//! minutes), so that a test or `benches/robustness.sh` can land a kill in
//! the one instant no random kill ever hit. Unset (always, in normal use),
//! nothing changes; set, it only delays.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{Error, Result};

pub use super::paths::sibling;

/// Where a rebuild writes the new index.
pub fn tmp_dir(dir: &Path) -> PathBuf {
    sibling(dir, "tmp")
}

/// Where the old index waits during a swap.
pub fn old_dir(dir: &Path) -> PathBuf {
    sibling(dir, "old")
}

/// Whether `name` is a file tantivy or dipsearch writes in an index folder:
/// the manifests, tantivy's lock files and temporary files, segment files.
fn is_index_file(name: &str) -> bool {
    matches!(
        name,
        "meta.json" | ".managed.json" | super::watches::FILE | super::watches::TMP
    ) || name.starts_with(".tantivy-")
        || name.starts_with(".tmp")
        || super::cleanup::is_segment_file(name)
}

/// Files a checkout keeps in an otherwise empty folder so that git tracks
/// it (the repository's `index/.gitkeep`): not index files, but nothing to
/// lose either. A swap carries them over to the new folder.
const PLACEHOLDERS: [&str; 1] = [".gitkeep"];

/// Files a swap carries over from the old folder to the new one: the
/// placeholders and the saved searches (`watches.json`), which belong to
/// the index folder rather than to one build of the index.
const CARRIED: [&str; 2] = [PLACEHOLDERS[0], super::watches::FILE];

/// Copies the [`CARRIED`] files of `from` into `to` (where it has none).
fn carry_over(from: &Path, to: &Path) -> Result<()> {
    for p in CARRIED {
        let (src, dst) = (from.join(p), to.join(p));
        if src.is_file() && !dst.exists() {
            std::fs::copy(&src, &dst).map_err(|e| Error::io(&dst, e))?;
        }
    }
    Ok(())
}

/// Refuses to let an ingest replace or delete `dir` when it holds anything
/// but index files (a sub-folder, a document): `--index ~/docs` must never
/// swap a folder of documents away. A missing or unreadable folder passes
/// (there is nothing to lose, or the write fails on its own).
pub fn check_index_folder(dir: &Path) -> Result<()> {
    if dir.file_name().is_none() {
        return Err(Error::IndexPathUnnamed(dir.to_path_buf()));
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let mut foreign: Vec<String> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            !(e.file_type().is_ok_and(|t| t.is_file())
                && (is_index_file(&name) || PLACEHOLDERS.contains(&name.as_str())))
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    foreign.sort();
    match foreign.into_iter().next() {
        None => Ok(()),
        Some(entry) => Err(Error::NotIndexFolder {
            path: dir.to_path_buf(),
            entry,
        }),
    }
}

/// Deletes `dir`, a leftover index folder, after [`check_index_folder`].
fn remove_index_folder(dir: &Path) -> Result<()> {
    check_index_folder(dir)?;
    std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))
}

/// Whether `dir` holds a committed index (a `meta.json`).
pub fn has_meta(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

/// Whether `dir` holds an index whose build was committed: its `meta.json`
/// carries a payload, which only `IndexWriterHandle::commit` writes (a
/// freshly created index has a `meta.json` without one).
pub fn is_committed(dir: &Path) -> bool {
    std::fs::read(dir.join("meta.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .is_some_and(|v| v.get("payload").is_some_and(|p| p.is_string()))
}

/// The folder a reader should open for the index in `dir`: `dir` itself,
/// or, while a swap is between its two renames, the committed new index or
/// the old one.
pub fn readable(dir: &Path) -> Option<PathBuf> {
    if has_meta(dir) {
        return Some(dir.to_path_buf());
    }
    let (tmp, old) = (tmp_dir(dir), old_dir(dir));
    if is_committed(&tmp) {
        Some(tmp)
    } else if has_meta(&old) {
        Some(old)
    } else {
        None
    }
}

/// What [`recover`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recovery {
    /// Nothing was left over.
    Clean,
    /// Leftovers of an interrupted build were removed.
    RemovedLeftovers,
    /// A swap was interrupted after the new index was committed: it was
    /// moved into place.
    FinishedSwap,
    /// A swap was interrupted before the new index was whole: the old one
    /// was moved back.
    RestoredOld,
}

/// Finishes or undoes an interrupted build or swap of the index in `dir`,
/// and removes its leftovers. Call with the writer lock held.
pub fn recover(dir: &Path) -> Result<Recovery> {
    let (tmp, old) = (tmp_dir(dir), old_dir(dir));
    let mut done = Recovery::Clean;
    if !has_meta(dir) {
        // Saved searches made while the swap was interrupted go along.
        let _watches = super::watches::lock_if_used(dir)?;
        if is_committed(&tmp) {
            clear_for(dir, &tmp)?;
            rename(&tmp, dir)?;
            done = Recovery::FinishedSwap;
        } else if has_meta(&old) {
            clear_for(dir, &old)?;
            rename(&old, dir)?;
            done = Recovery::RestoredOld;
        }
    }
    for leftover in [tmp, old] {
        if leftover.exists() {
            remove_index_folder(&leftover)?;
            if done == Recovery::Clean {
                done = Recovery::RemovedLeftovers;
            }
        }
    }
    Ok(done)
}

/// Replaces the index in `dst` (if any) with the committed index in `tmp`.
/// Each rename is atomic; [`recover`] and [`readable`] cover the instant
/// between them.
pub fn swap_in(tmp: &Path, dst: &Path) -> Result<()> {
    let old = old_dir(dst);
    if old.exists() {
        remove_index_folder(&old)?;
    }
    // No saved search may change between the copy and the renames.
    let watches = super::watches::lock_if_used(dst)?;
    if dst.exists() {
        check_index_folder(dst)?;
        carry_over(dst, tmp)?;
        rename(dst, &old)?;
    }
    pause_for_tests();
    rename(tmp, dst)?;
    sync_parent(dst);
    if watches.is_none() && old.exists() {
        // The first watch saved while this swap was unlocked goes along.
        carry_over(&old, dst)?;
    }
    drop(watches);
    if old.exists() {
        // The new index is in place; a failure here leaves a leftover the
        // next writer removes.
        let _ = remove_index_folder(&old);
    }
    Ok(())
}

/// Environment variable of the test hook described in the module doc.
pub const TEST_SWAP_PAUSE: &str = "DIPSEARCH_TEST_SWAP_PAUSE_MS";

/// The test hook: sleeps between the renames when [`TEST_SWAP_PAUSE`] is
/// set to a number of milliseconds.
fn pause_for_tests() {
    let pause = std::env::var(TEST_SWAP_PAUSE)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok());
    if let Some(ms) = pause {
        std::thread::sleep(Duration::from_millis(ms.min(600_000)));
    }
}

/// Makes way for `next` to be renamed to `dir`, a folder without an index
/// (a rename cannot replace a folder that holds files): what it carries
/// (saved searches, placeholders) goes into `next` first, then it is
/// removed, if it holds nothing else.
fn clear_for(dir: &Path, next: &Path) -> Result<()> {
    if dir.is_dir() {
        carry_over(dir, next)?;
        remove_index_folder(dir)?;
    }
    Ok(())
}

fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|e| Error::io(from, e))
}

/// Makes the renames durable (best effort: not every system can sync a
/// folder).
fn sync_parent(dir: &Path) {
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(f) = std::fs::File::open(parent) {
            let _ = f.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_at(dir: &Path, committed: bool) {
        std::fs::create_dir_all(dir).unwrap();
        let meta = if committed {
            r#"{"segments":[],"payload":"{}"}"#
        } else {
            r#"{"segments":[]}"#
        };
        std::fs::write(dir.join("meta.json"), meta).unwrap();
    }

    #[test]
    fn a_swap_killed_between_renames_is_finished_when_the_new_index_is_whole() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("index");
        index_at(&old_dir(&dir), true);
        index_at(&tmp_dir(&dir), true);
        assert_eq!(readable(&dir), Some(tmp_dir(&dir)));
        assert_eq!(recover(&dir).unwrap(), Recovery::FinishedSwap);
        assert!(has_meta(&dir) && !old_dir(&dir).exists() && !tmp_dir(&dir).exists());
    }

    #[test]
    fn a_folder_holding_more_than_an_index_is_never_swapped_or_removed() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("docs");
        index_at(&dir, true);
        std::fs::write(dir.join(".managed.json"), "[]").unwrap();
        std::fs::write(dir.join("0123456789abcdef0123456789abcdef.idx"), "").unwrap();
        assert!(check_index_folder(&dir).is_ok());
        std::fs::write(dir.join("precious.txt"), "mine").unwrap();
        assert!(matches!(
            check_index_folder(&dir),
            Err(Error::NotIndexFolder { entry, .. }) if entry == "precious.txt"
        ));
        index_at(&tmp_dir(&dir), true);
        assert!(swap_in(&tmp_dir(&dir), &dir).is_err());
        assert!(dir.join("precious.txt").exists());
        // A leftover `.old` that holds a user's files is not deleted either.
        std::fs::create_dir_all(old_dir(&dir).join("sub")).unwrap();
        assert!(recover(&dir).is_err());
        assert!(old_dir(&dir).join("sub").exists());
        assert!(matches!(
            check_index_folder(Path::new(".")),
            Err(Error::IndexPathUnnamed(_))
        ));
    }

    #[test]
    fn an_unfinished_rebuild_gives_way_to_the_old_index() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("index");
        index_at(&old_dir(&dir), true);
        index_at(&tmp_dir(&dir), false);
        assert_eq!(readable(&dir), Some(old_dir(&dir)));
        assert_eq!(recover(&dir).unwrap(), Recovery::RestoredOld);
        assert!(is_committed(&dir) && !tmp_dir(&dir).exists());
        // A rebuild killed before its swap leaves only a leftover.
        index_at(&tmp_dir(&dir), false);
        assert_eq!(recover(&dir).unwrap(), Recovery::RemovedLeftovers);
        assert_eq!(recover(&dir).unwrap(), Recovery::Clean);
    }
}
