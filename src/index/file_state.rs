//! What the index remembers about each corpus file, so that the next ingest
//! can tell new, changed, unchanged and removed files apart.

use serde::{Deserialize, Serialize};

/// What the index remembers about one corpus file (stored on its `file` doc).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    /// Path relative to the corpus root.
    pub source: String,
    /// Size in bytes when ingested.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch when ingested.
    pub mtime_ns: u128,
    /// blake3 hash of the content (hex), the source of truth for "changed".
    pub hash: String,
    /// Hash of the folder configuration (`dipsearch.toml` files) that
    /// governs the file: editing it re-indexes the file.
    #[serde(default)]
    pub meta: String,
    /// Paragraphs indexed from it.
    pub paragraphs: u32,
    /// Why it was skipped, if it was.
    pub skipped: Option<String>,
    /// The index generation its paragraphs entered with (0: unknown, in an
    /// index written before generations were kept).
    #[serde(default)]
    pub seq: u64,
}
