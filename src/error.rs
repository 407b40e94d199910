//! The library's error type. Each variant carries the path or value it is
//! about. Usage errors (bad values the user gave, typed in [`UsageError`])
//! are told apart so the binary can exit with status 2. Messages name no
//! command or flag: the library has no command line, so the binary adds
//! what to run next.

use std::fmt;
use std::path::PathBuf;

use crate::enrich::UnknownEntity;
use crate::model::{BadCountryCode, BadDocType, EntityKind};

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No index at the given location.
    #[error("no index in {0}")]
    IndexMissing(PathBuf),
    /// The index was written by an incompatible version.
    #[error("index in {path} has format v{found} but this build reads v{expected}")]
    IndexVersion {
        /// Index directory.
        path: PathBuf,
        /// Version found on disk.
        found: u32,
        /// Version this build writes.
        expected: u32,
    },
    /// The index was written by a newer version of dipsearch.
    #[error("index in {path} was written by a newer dipsearch (format v{found}; this build reads v{expected})")]
    IndexNewer {
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
    /// There is no usable index yet because an ingest is building it.
    #[error("the index in {0} is being built by another ingest; try again when it finishes")]
    IndexBeingBuilt(PathBuf),
    /// The index was built from another corpus folder than the one given.
    #[error("the index in {index} was built from {recorded}, not from {given}")]
    CorpusMismatch {
        /// Index directory.
        index: PathBuf,
        /// The corpus root the index records.
        recorded: String,
        /// The corpus root given now.
        given: String,
    },
    /// The corpus folder does not exist or is not a folder.
    #[error("corpus folder {0} not found")]
    CorpusMissing(PathBuf),
    /// A filter value names no known entity. The message says all the
    /// inner value says, so it is not a `source` (a source would print its
    /// text a second time in the error chain).
    #[error("{}", unknown_message(.0))]
    UnknownEntity(UnknownEntity),
    /// A value the user gave is malformed or names nothing.
    #[error(transparent)]
    Usage(#[from] UsageError),
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
    #[error("the index in {path} is damaged ({detail})")]
    IndexDamaged {
        /// Index directory.
        path: PathBuf,
        /// What tantivy reported.
        detail: String,
    },
    /// Writing the index failed part way (a full disk, say); what was half
    /// written is removed and the last commit is as it was.
    #[error(
        "writing the index in {path} failed ({detail}); it is left as it was before this ingest"
    )]
    WriteFailed {
        /// Index directory.
        path: PathBuf,
        /// What failed.
        detail: String,
    },
    /// The index path exists but is not a folder.
    #[error("index path {0} is not a folder")]
    IndexNotDir(PathBuf),
    /// A folder an ingest would replace or delete (the index folder, or its
    /// `.tmp`/`.old` sibling) holds something that is not part of an index:
    /// refused, because a rebuild swaps the whole folder away.
    #[error(
        "{path} holds {entry}, which is not part of a dipsearch index; an ingest replaces that folder whole, so give the index a folder of its own"
    )]
    NotIndexFolder {
        /// The folder.
        path: PathBuf,
        /// The first entry in it that is not an index file.
        entry: String,
    },
    /// An index path with no folder name (`.`, `..`, `/`), which an ingest
    /// could not swap or give `.tmp`/`.old` siblings.
    #[error("index path {0} names no folder of its own; give the index one, such as ./index")]
    IndexPathUnnamed(PathBuf),
    /// Stored data in the index could not be decoded (a corrupt index).
    #[error("corrupt index data: {0}")]
    Corrupt(String),
}

/// A value the user gave that the library cannot use; each carries the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsageError {
    /// A filter value with nothing in it (only commas or spaces).
    #[error("empty {0} filter")]
    EmptyFilter(FilterKind),
    /// An issuer value that names no country (only groups, say).
    #[error("issuer '{0}' names no country")]
    NoIssuer(String),
    /// A date bound that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("bad date '{0}' (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
    BadDate(String),
    /// A date written in the right form that no calendar has (`2003-02-30`).
    #[error("no such date '{0}'")]
    NoSuchDate(String),
    /// A date range whose start is after its end (both as `YYYY-MM-DD`).
    #[error("the start date {since} is after the end date {until}")]
    DateRange {
        /// First day of the range.
        since: String,
        /// Last day of the range.
        until: String,
    },
    /// An unknown document type.
    #[error(transparent)]
    DocType(#[from] BadDocType),
    /// A malformed country code.
    #[error(transparent)]
    CountryCode(#[from] BadCountryCode),
    /// A query that cannot be parsed.
    #[error("query '{query}': {problem}")]
    Query {
        /// The query as given.
        query: String,
        /// What is wrong with it.
        problem: QueryProblem,
    },
    /// A query over the size limit (bytes or terms), which would cost
    /// seconds and gigabytes to run.
    #[error("query of {bytes} bytes and {terms} terms is too large (at most {max_bytes} bytes and {max_terms} terms)")]
    QueryTooLarge {
        /// Its length in bytes.
        bytes: usize,
        /// Its number of terms (whitespace-separated words).
        terms: usize,
        /// The byte limit.
        max_bytes: usize,
        /// The term limit.
        max_terms: usize,
    },
    /// A query whose words are all dropped by the analyser (punctuation).
    #[error("query '{0}' has no searchable words")]
    NoSearchableWords(String),
    /// A paragraph id that is not in the index, with the closest ones.
    #[error("no paragraph with id '{id}'{}", did_you_mean(.similar))]
    UnknownParagraph {
        /// The id as given.
        id: String,
        /// Ids spelled closest to it (may be empty).
        similar: Vec<String>,
    },
    /// A meeting that is neither a known series nor a name in the index.
    #[error("unknown meeting '{value}'{}", did_you_mean(.similar))]
    UnknownMeeting {
        /// The value as given.
        value: String,
        /// The closest series, as `ID (name)`.
        similar: Vec<String>,
    },
    /// A document (source path) that is not in the index.
    #[error("no document '{value}' in the index{}", did_you_mean(.similar))]
    UnknownDocument {
        /// The path as given.
        value: String,
        /// Paths spelled closest to it (may be empty).
        similar: Vec<String>,
    },
    /// Not exactly one edition of a meeting in a year.
    #[error("{} document{} of {meeting} in {year}{}", if .found.is_empty() { "no".to_string() } else { .found.len().to_string() }, if .found.len() == 1 { "" } else { "s" }, list_found(.found))]
    Editions {
        /// The meeting as given.
        meeting: String,
        /// The year as given.
        year: String,
        /// The documents found (source paths with their type).
        found: Vec<String>,
    },
    /// A value outside its range, or arguments that do not go together.
    #[error("{0}")]
    Arguments(String),
}

fn list_found(found: &[String]) -> String {
    if found.is_empty() {
        String::new()
    } else {
        format!(": {}", found.join(", "))
    }
}

fn did_you_mean(similar: &[String]) -> String {
    if similar.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", similar.join(", "))
    }
}

/// The filter a value was given for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// Mentions of an entity of this kind.
    Entity(EntityKind),
    /// Meeting acronym or name.
    Meeting,
    /// Document type.
    DocType,
}

impl fmt::Display for FilterKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FilterKind::Entity(kind) => f.write_str(kind.as_str()),
            FilterKind::Meeting => f.write_str("meeting"),
            FilterKind::DocType => f.write_str("document type"),
        }
    }
}

/// What is wrong with a query's syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QueryProblem {
    /// A `"` that is never closed.
    #[error("unclosed quote")]
    UnclosedQuote,
    /// `OR` at either end, or twice in a row.
    #[error("OR needs a word or phrase on both sides")]
    OrWithoutSides,
    /// `-word OR …`.
    #[error("an excluded term cannot be part of OR")]
    ExcludedInOr,
    /// `-""`.
    #[error("empty exclusion")]
    EmptyExclusion,
    /// A `-` followed by nothing.
    #[error("'-' must be followed by a word or phrase")]
    DanglingMinus,
    /// `NOT` followed by nothing (or by `OR`).
    #[error("NOT must be followed by a word or phrase")]
    DanglingNot,
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
    msg
}

impl From<UnknownEntity> for Error {
    fn from(u: UnknownEntity) -> Self {
        Error::UnknownEntity(u)
    }
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
