//! File modes: index files as readable as the folder that holds them.
//!
//! Why: tantivy writes `meta.json` through a temporary file, which is
//! created with mode 0600 whatever the umask, so an index shared with other
//! users (a group-readable folder) could not be opened by them. After each
//! commit the files get the read bits their folder grants to group and
//! others. Best effort: a file we cannot change is left as it is.

use std::path::Path;

/// Gives every file in `dir` (and `dir` itself when it is an index folder)
/// the group and other read bits of its parent folder.
pub fn share_index_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_type().is_ok_and(|t| t.is_file()) {
            share_like_parent(&e.path());
        }
    }
}

/// Adds to `path` the group and other read bits its folder has.
#[cfg(unix)]
pub fn share_like_parent(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (Ok(folder), Ok(file)) = (std::fs::metadata(parent), std::fs::metadata(path)) else {
        return;
    };
    let wanted = folder.permissions().mode() & 0o044;
    let mode = file.permissions().mode();
    if mode & wanted != wanted {
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode | wanted));
    }
}

/// Other systems have no such bits.
#[cfg(not(unix))]
pub fn share_like_parent(_path: &Path) {}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_private_file_gets_the_read_bits_of_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let f = dir.path().join("meta.json");
        std::fs::write(&f, "{}").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).unwrap();
        share_index_files(dir.path());
        let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }
}
