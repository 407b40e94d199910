//! Names of the files and folders that sit beside an index folder (its
//! locks, a rebuild's `.tmp` and `.old`), one rule for all of them.

use std::path::{Path, PathBuf};

/// `dir` with `.suffix` appended to its name, beside it.
pub fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into());
    dir.with_file_name(format!("{name}.{suffix}"))
}
