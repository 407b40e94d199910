//! Why an ingest rebuilds the whole index instead of updating it. Opening
//! the index finds some reasons (here), the sync finds the others; one type
//! for all, so that reports and messages treat them alike.

use std::fmt;

use crate::error::Error;

/// Why the whole index is rebuilt.
#[derive(Debug)]
pub enum RebuildReason {
    /// The caller asked for a full rebuild.
    Requested,
    /// A dry run found an index written with another schema (it cannot
    /// read it, so it plans to rebuild it).
    OtherVersion,
    /// The index could not be opened at all.
    Unopenable(Box<Error>),
    /// The index has another schema version than this build writes.
    Schema {
        /// Version on disk.
        found: u32,
        /// Version this build writes.
        expected: u32,
    },
    /// The index holds documents but no version record.
    NoVersion,
    /// The entries were made by another version of the pipeline.
    Pipeline {
        /// Pipeline version of the entries.
        found: u32,
        /// Pipeline version of this build.
        expected: u32,
    },
    /// The index's record of the corpus files could not be read.
    UnreadableState(String),
}

impl RebuildReason {
    /// The message, with the error inside it (if any) worded by `error`:
    /// callers that add their own hints to errors word nested ones alike.
    /// `to_string()` is `describe(&|e| e.to_string())`.
    pub fn describe(&self, error: &dyn Fn(&Error) -> String) -> String {
        match self {
            RebuildReason::Requested => "a full rebuild was requested".into(),
            RebuildReason::OtherVersion => "the index was written by another version".into(),
            RebuildReason::Unopenable(e) => format!("the index could not be opened ({})", error(e)),
            RebuildReason::Schema { found, expected } => {
                format!("the index schema is v{found} and this build writes v{expected}")
            }
            RebuildReason::NoVersion => "the index has no version record".into(),
            RebuildReason::Pipeline { found, expected } => {
                format!("the index was built by pipeline v{found} and this build is v{expected}")
            }
            RebuildReason::UnreadableState(why) => {
                format!("the index's record of the corpus is unreadable ({why})")
            }
        }
    }
}

impl fmt::Display for RebuildReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(&|e| e.to_string()))
    }
}

impl std::error::Error for RebuildReason {}
