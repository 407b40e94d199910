//! The library's error type. Each variant carries the path or value it is
//! about, and its message says what to do next. Usage errors (bad values the
//! user typed) are told apart so the binary can exit with status 2.

use std::path::PathBuf;

use crate::enrich::UnknownEntity;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No index at the given location.
    #[error("no index in {0}; run `dipsearch ingest` first")]
    IndexMissing(PathBuf),
    /// The index was written by an incompatible version.
    #[error("index in {path} has format v{found} but this build reads v{expected}; run `dipsearch ingest --full`")]
    IndexVersion {
        /// Index directory.
        path: PathBuf,
        /// Version found on disk.
        found: u32,
        /// Version this build writes.
        expected: u32,
    },
    /// Another process holds the index writer lock.
    #[error("another ingest holds the index in {0}; wait for it to finish")]
    IndexLocked(PathBuf),
    /// The corpus folder does not exist or is not a folder.
    #[error("corpus folder {0} not found")]
    CorpusMissing(PathBuf),
    /// A filter value names no known entity.
    #[error("{}", unknown_message(.0))]
    UnknownEntity(#[from] UnknownEntity),
    /// A value the user typed is malformed (date, query syntax, number).
    #[error("{0}")]
    Usage(String),
    /// A file could not be read or written.
    #[error("cannot access {path}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The search engine failed.
    #[error("index error: {0}")]
    Tantivy(tantivy::TantivyError),
    /// The index folder holds data that cannot be read.
    #[error(
        "the index in {path} is damaged ({detail}); rebuild it with `dipsearch ingest --full`"
    )]
    IndexDamaged {
        /// Index directory.
        path: PathBuf,
        /// What tantivy reported.
        detail: String,
    },
    /// The index path exists but is not a folder.
    #[error("index path {0} is not a folder")]
    IndexNotDir(PathBuf),
    /// Stored data in the index could not be decoded (a corrupt index).
    #[error("corrupt index data: {0}")]
    Corrupt(String),
    /// `--strict` ingest and some files were skipped.
    #[error("{0} file(s) skipped in --strict mode")]
    Strict(usize),
}

impl Error {
    /// Whether the error is the user's input (exit status 2) rather than a
    /// failure of the environment (exit status 1).
    pub fn is_usage(&self) -> bool {
        matches!(self, Error::UnknownEntity(_) | Error::Usage(_))
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

fn unknown_message(u: &UnknownEntity) -> String {
    let mut msg = format!("unknown {} '{}'", u.kind, u.value);
    if !u.suggestions.is_empty() {
        let s: Vec<String> = u
            .suggestions
            .iter()
            .map(|(id, name)| format!("{id} ({name})"))
            .collect();
        msg.push_str(&format!("; did you mean {}?", s.join(", ")));
    }
    msg.push_str(&format!(
        " (list them with `dipsearch entities {}`)",
        u.kind
    ));
    msg
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        // Display only: the tantivy message is the whole story, and a
        // `source` would make `{:#}` print it twice.
        Error::Tantivy(e)
    }
}

/// The library's result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;
