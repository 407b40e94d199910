//! Walking the corpus folder: which files are documents, and their identity
//! (relative path, size, modification time). Never reads file contents;
//! `ingest` decides what to read.
//!
//! Ignored without a word, as ripgrep and fd do: hidden files and folders
//! (`.git`, `.DS_Store…`), folder configuration (`dipsearch.toml`), and the
//! corpus's own paperwork (`NOTICE`, `LICENSE`, `README` in any case and
//! extension). Everything else is a candidate; files dipsearch cannot read
//! are reported as skipped by `ingest`, with the reason.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

use crate::decode::SourceFormat;
use crate::error::{Error, Result};

/// Name of the per-folder configuration file.
pub const FOLDER_CONFIG: &str = "dipsearch.toml";

/// One candidate document in the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Absolute (or as-given) path to open.
    pub path: PathBuf,
    /// Path relative to the corpus root with `/` separators: the file's
    /// identity in the index, the same however the root was spelled.
    pub rel: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 if unknown).
    pub mtime_ns: u128,
    /// Container format by extension; `None` = not a format dipsearch reads.
    pub format: Option<SourceFormat>,
}

/// A folder configuration file found in the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigFile {
    /// Path to open.
    pub path: PathBuf,
    /// Folder it governs, relative to the root (`""` for the root itself).
    pub dir: String,
}

/// The corpus as found on disk, sorted by relative path.
#[derive(Clone, Debug, Default)]
pub struct CorpusListing {
    /// Candidate documents.
    pub files: Vec<SourceFile>,
    /// `dipsearch.toml` files, shallowest first.
    pub configs: Vec<ConfigFile>,
    /// Entries that could not be listed (permissions, broken links).
    pub errors: Vec<(String, String)>,
}

/// Lists the documents and folder configs under `root`.
pub fn list_corpus(root: &Path) -> Result<CorpusListing> {
    if !root.is_dir() {
        return Err(Error::CorpusMissing(root.to_path_buf()));
    }
    let mut listing = CorpusListing::default();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let at = err.path().map(|p| rel_path(root, p)).unwrap_or_default();
                listing.errors.push((at, err.to_string()));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = rel_path(root, entry.path());
        let name = entry.file_name().to_string_lossy();
        if name == FOLDER_CONFIG {
            let dir = rel
                .rsplit_once('/')
                .map(|(d, _)| d.to_string())
                .unwrap_or_default();
            listing.configs.push(ConfigFile {
                path: entry.path().to_path_buf(),
                dir,
            });
            continue;
        }
        if is_paperwork(&name) {
            continue;
        }
        let meta = match entry.metadata() {
            Ok(m) => m,
            Err(err) => {
                listing.errors.push((rel, err.to_string()));
                continue;
            }
        };
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        listing.files.push(SourceFile {
            path: entry.path().to_path_buf(),
            format: SourceFormat::from_path(entry.path()),
            rel,
            size: meta.len(),
            mtime_ns,
        });
    }
    listing.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    listing.configs.sort_by(|a, b| {
        (a.dir.matches('/').count(), &a.dir).cmp(&(b.dir.matches('/').count(), &b.dir))
    });
    Ok(listing)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn is_paperwork(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "NOTICE" | "LICENSE" | "LICENCE" | "README" | "COPYING"
    )
}

/// `path` relative to `root`, with `/` separators.
fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_documents_and_configs_relative_to_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("ungd/Session 58 - 2003")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        std::fs::write(root.join("NOTICE"), "x").unwrap();
        std::fs::write(root.join(".hidden.txt"), "x").unwrap();
        std::fs::write(root.join(".git/config"), "x").unwrap();
        std::fs::write(root.join("ungd/dipsearch.toml"), "").unwrap();
        std::fs::write(root.join("ungd/Session 58 - 2003/JPN_58_2003.txt"), "xy").unwrap();
        std::fs::write(root.join("photo.jpg"), "x").unwrap();
        // The same corpus spelled with a trailing slash gives the same identities.
        let spelled = PathBuf::from(format!("{}/", root.display()));
        let listing = list_corpus(&spelled).unwrap();
        let rels: Vec<_> = listing.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(
            rels,
            [
                "a.txt",
                "photo.jpg",
                "ungd/Session 58 - 2003/JPN_58_2003.txt"
            ]
        );
        assert_eq!(listing.files[1].format, None);
        assert_eq!(listing.files[2].size, 2);
        assert_eq!(listing.configs.len(), 1);
        assert_eq!(listing.configs[0].dir, "ungd");
    }

    #[test]
    fn missing_root_is_an_error_naming_it() {
        let err = list_corpus(Path::new("no/such/corpus")).unwrap_err();
        assert!(err.to_string().contains("no/such/corpus"));
    }
}
