//! Why a file was not indexed. The library decides and returns the reason;
//! the binary prints it (`skipped PATH: REASON`), and the text of each
//! reason is what users see, so it is kept word for word.

use serde::{Serialize, Serializer};

use crate::decode::DecodeError;
use crate::meta::MetaError;

/// Why a corpus entry was not indexed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    /// The corpus walk could not list the entry (permissions, a broken
    /// link); holds the walker's message.
    #[error("{0}")]
    Unlisted(String),
    /// The file could not be read; holds the system's message.
    #[error("cannot read: {0}")]
    Unreadable(String),
    /// A folder configuration (`dipsearch.toml`) with a bad key or value;
    /// the files below it are indexed without it.
    #[error("bad configuration, ignored: {0}")]
    BadConfig(MetaError),
    /// An extension dipsearch does not read.
    #[error("unsupported file type")]
    UnsupportedFormat,
    /// No text could be decoded: empty, binary, or an unreadable container.
    #[error("{0}")]
    Undecodable(DecodeError),
    /// Front matter with a bad key or value, or never closed.
    #[error("bad front matter: {0}")]
    BadFrontMatter(MetaError),
    /// Text, but no paragraph in it.
    #[error("no paragraphs found")]
    NoParagraphs,
    /// A reason recorded by an earlier ingest for a file unchanged since,
    /// as it was worded then (the index stores reasons as text).
    #[error("{0}")]
    Earlier(String),
}

/// As its message: the JSON of an ingest report gives reasons as text.
impl Serialize for SkipReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
