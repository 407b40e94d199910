//! Walking the corpus folder: which files are documents, and their identity
//! (relative path, size, modification time). Never reads file contents;
//! `ingest` decides what to read.
//!
//! Ignored without a word, as ripgrep and fd do: hidden files and folders
//! (`.git`, `.DS_Store…`), folder configuration (`dipsearch.toml`), and the
//! corpus's own paperwork (`NOTICE`, `LICENSE`, `README` in any case and
//! extension). Everything else is a candidate; files dipsearch cannot read
//! are reported as skipped by `ingest`, with the reason.
//!
//! The walk never leaves the corpus root. Symbolic links are not followed
//! by default, as in ripgrep and fd: a link inside the corpus would
//! otherwise index its target twice, under two ids. They are reported with
//! the reason rather than ignored, so a document that is "missing" says
//! why. [`Links::FollowInside`] (`ingest --follow-links`) follows a link
//! only when its target lies inside the root, so that `ln -s /etc
//! corpus/etc` can never put another user's files into a shared index;
//! links out, FIFOs, sockets and devices are reported with the reason
//! (reading a FIFO would block the ingest forever). A name that is not valid UTF-8 gets a
//! relative path with its odd bytes written `\xNN`, so two such files keep
//! distinct ids.

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
    /// The folders walked, relative to the root (`""` for the root
    /// itself), sorted: what `ingest::staleness` stats later instead of
    /// listing every folder's files again.
    pub folders: Vec<String>,
}

/// What the walk does with a symbolic link inside the corpus. A link whose
/// target lies outside the root is never followed, whatever the choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Links {
    /// Reported as skipped, not followed (the default, as in ripgrep).
    #[default]
    Skip,
    /// Followed when the target lies inside the corpus root.
    FollowInside,
}

/// Lists the documents and folder configs under `root`; `links` says
/// whether links that stay inside the root are followed.
pub fn list_corpus(root: &Path, links: Links) -> Result<CorpusListing> {
    list_under(root, "", None, links)
}

/// Lists what [`list_corpus`] would list in the corpus folder `rel` (a
/// path relative to `root`, `""` for the root): its own entries only
/// with `depth` 1, everything below it with `None`. Paths stay relative
/// to `root`.
pub fn list_under(
    root: &Path,
    rel: &str,
    depth: Option<usize>,
    links: Links,
) -> Result<CorpusListing> {
    if !root.is_dir() {
        return Err(Error::CorpusMissing(root.to_path_buf()));
    }
    let mut listing = CorpusListing::default();
    let canonical_root = root
        .canonicalize()
        .map_err(|e| Error::io(root.to_path_buf(), e))?;
    let mut refused: Vec<(String, String)> = Vec::new();
    let start = root.join(rel);
    let walker = WalkDir::new(&start)
        .max_depth(depth.unwrap_or(usize::MAX))
        .follow_links(links == Links::FollowInside)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            // The root itself may be a link; it is the corpus.
            if e.depth() == 0 {
                return true;
            }
            if is_hidden(e.file_name()) {
                return false;
            }
            match refused_link(e, &canonical_root, links) {
                Some(why) => {
                    refused.push((rel_path(root, e.path()), why));
                    false
                }
                None => true,
            }
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let at = err.path().map(|p| rel_path(root, p)).unwrap_or_default();
                listing.errors.push((at, err.to_string()));
                continue;
            }
        };
        if let Some(kind) = special_kind(&entry.file_type()) {
            let rel = rel_path(root, entry.path());
            listing
                .errors
                .push((rel, format!("not a regular file ({kind})")));
            continue;
        }
        if entry.file_type().is_dir() {
            listing.folders.push(rel_path(root, entry.path()));
            continue;
        }
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
    listing.errors.append(&mut refused);
    listing.errors.sort();
    listing.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    listing.folders.sort();
    listing.configs.sort_by(|a, b| {
        (a.dir.matches('/').count(), &a.dir).cmp(&(b.dir.matches('/').count(), &b.dir))
    });
    Ok(listing)
}

/// Why the walk must not enter `entry`, a symbolic link: its target lies
/// outside the corpus root or cannot be resolved, or links are not
/// followed at all. `None` for everything else.
fn refused_link(entry: &walkdir::DirEntry, canonical_root: &Path, links: Links) -> Option<String> {
    if !entry.path_is_symlink() {
        return None;
    }
    match entry.path().canonicalize() {
        Ok(target) if !target.starts_with(canonical_root) => {
            Some("symbolic link to a place outside the corpus, not followed".into())
        }
        Ok(_) if links == Links::Skip => Some("symbolic link, not followed".into()),
        Ok(_) => None,
        Err(e) => Some(format!("broken symbolic link ({e})")),
    }
}

/// The kind of a file that is neither a regular file, a folder nor a link:
/// FIFOs, sockets and devices are never read.
#[cfg(unix)]
fn special_kind(t: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        Some("a FIFO")
    } else if t.is_socket() {
        Some("a socket")
    } else if t.is_block_device() || t.is_char_device() {
        Some("a device")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn special_kind(_t: &std::fs::FileType) -> Option<&'static str> {
    None
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

/// `path` relative to `root`, with `/` separators. Bytes of a name that
/// are not UTF-8 are written `\xNN` (not replaced by one `�`, which would
/// give two such files the same id).
fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| name_text(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// A file name as text, its invalid bytes escaped.
#[cfg(unix)]
fn name_text(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in name.as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn name_text(name: &std::ffi::OsStr) -> String {
    name.to_string_lossy().into_owned()
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
        let listing = list_corpus(&spelled, Links::Skip).unwrap();
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

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_root_and_fifos_are_reported_not_listed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join("s.txt")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("out")).unwrap();
        std::os::unix::fs::symlink(root.join("sub"), root.join("in")).unwrap();
        let fifo = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.txt"))
            .status();
        std::os::unix::fs::symlink(root.join("sub/a.txt"), root.join("b.txt")).unwrap();
        let fifo = fifo.is_ok_and(|s| s.success());
        let reasons = |links| {
            let listing = list_corpus(root, links).unwrap();
            let rels: Vec<_> = listing.files.iter().map(|f| f.rel.clone()).collect();
            (rels, listing.errors)
        };
        // By default no link is followed; each says why.
        let (rels, errors) = reasons(Links::Skip);
        assert_eq!(rels, ["sub/a.txt"]);
        let mut want = vec![
            ("b.txt", "symbolic link, not followed"),
            ("in", "symbolic link, not followed"),
            (
                "out",
                "symbolic link to a place outside the corpus, not followed",
            ),
            (
                "s.txt",
                "symbolic link to a place outside the corpus, not followed",
            ),
        ];
        if fifo {
            want.insert(3, ("pipe.txt", "not a regular file (a FIFO)"));
        }
        let got: Vec<_> = errors
            .iter()
            .map(|(p, w)| (p.as_str(), w.as_str()))
            .collect();
        assert_eq!(got, want);
        // Following stays inside the root.
        let (rels, errors) = reasons(Links::FollowInside);
        assert_eq!(rels, ["b.txt", "in/a.txt", "sub/a.txt"]);
        let errs: Vec<_> = errors.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            errs,
            if fifo {
                vec!["out", "pipe.txt", "s.txt"]
            } else {
                vec!["out", "s.txt"]
            }
        );
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_keep_distinct_ids() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        for name in [&b"a\xff.txt"[..], &b"a\xfe.txt"[..]] {
            let name = std::ffi::OsStr::from_bytes(name);
            if std::fs::write(dir.path().join(name), "x").is_err() {
                return; // a file system that refuses such names
            }
        }
        let listing = list_corpus(dir.path(), Links::Skip).unwrap();
        let rels: Vec<_> = listing.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["a\\xfe.txt", "a\\xff.txt"]);
    }

    #[test]
    fn missing_root_is_an_error_naming_it() {
        let err = list_corpus(Path::new("no/such/corpus"), Links::Skip).unwrap_err();
        assert!(err.to_string().contains("no/such/corpus"));
    }
}
