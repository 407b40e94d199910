//! The stored display record of one paragraph: everything `search`, `show`
//! and `export` print, serialised once as JSON in the doc store (tantivy
//! compresses it with zstd). Indexed fields are derived from it at write time.

use serde::{Deserialize, Serialize};

use crate::model::{CountryCode, MeetingHeader};

/// One paragraph with its document's header and its entities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParagraphRecord {
    /// Stable id: `source#label`.
    pub id: String,
    /// Path relative to the corpus root, `/`-separated.
    pub source: String,
    /// The document's header (meeting, date, place, …), repeated on every
    /// paragraph so that one stored record is all a hit needs; flattened,
    /// so the stored JSON has the header's fields at the top level.
    #[serde(flatten)]
    pub header: MeetingHeader,
    /// The document's paragraph label.
    pub paragraph: String,
    /// 0-based position in the document.
    pub ordinal: u32,
    /// Parent label.
    pub parent: Option<String>,
    /// Parent's lead-in.
    pub context: Option<String>,
    /// Section heading.
    pub heading: Option<String>,
    /// The paragraph text.
    pub text: String,
    /// Countries mentioned in `text`, by first mention.
    pub countries: Vec<CountryCode>,
    /// Instruments mentioned in `text`.
    pub instruments: Vec<String>,
    /// Topics of `text`.
    pub topics: Vec<String>,
    /// Groups mentioned in `text`.
    pub groups: Vec<String>,
}

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
}
