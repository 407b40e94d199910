//! The on-disk index: schema, versions, opening with a version check, and
//! the writer side (documents built from records, one commit per ingest).
//!
//! The index directory holds a plain tantivy index. Its commit payload
//! records the schema and pipeline versions; the corpus file states live
//! in `file` documents inside the index (see `schema`), so everything the
//! next ingest needs is committed atomically by tantivy's `meta.json` swap.
//! A process killed at any moment leaves the last commit intact.

mod record;
mod schema;
mod writer;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::directory::MmapDirectory;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy, Searcher, TantivyDocument, Term};

pub use record::{FileState, ParagraphRecord};
pub use schema::{kind, Fields, COUNTRY, GROUP, INSTRUMENT, TOPIC};
pub use writer::{context_term, paragraph_document, IndexWriterHandle};

use crate::error::{Error, Result};

/// Version of the tantivy schema; bump on any field change. An index with
/// another schema version cannot be read and is rebuilt by `ingest`.
pub const SCHEMA_VERSION: u32 = 1;

/// Version of what the pipeline (decode, segment, enrich) produces; bump
/// when a change makes existing entries wrong. An index with an older
/// pipeline version is rebuilt in full by the next `ingest`, which says why.
pub const PIPELINE_VERSION: u32 = 1;

/// What the commit payload records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    /// Schema version of the index.
    pub schema: u32,
    /// Pipeline version of the entries.
    pub pipeline: u32,
}

impl Payload {
    /// The payload this build writes.
    pub fn current() -> Payload {
        Payload {
            schema: SCHEMA_VERSION,
            pipeline: PIPELINE_VERSION,
        }
    }
}

/// An open index.
pub struct IndexHandle {
    /// The index folder.
    pub dir: PathBuf,
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
}

impl IndexHandle {
    /// Whether `dir` holds an index (a committed `meta.json`).
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens an existing index, refusing one written with another schema.
    pub fn open(dir: &Path) -> Result<IndexHandle> {
        if !Self::exists(dir) {
            return Err(Error::IndexMissing(dir.to_path_buf()));
        }
        let handle = Self::open_unchecked(dir)?;
        let payload = handle.payload()?;
        let found = payload.map(|p| p.schema).unwrap_or(0);
        if found != SCHEMA_VERSION {
            return Err(Error::IndexVersion {
                path: dir.to_path_buf(),
                found,
                expected: SCHEMA_VERSION,
            });
        }
        Ok(handle)
    }

    fn open_unchecked(dir: &Path) -> Result<IndexHandle> {
        let directory = MmapDirectory::open(dir).map_err(|e| Error::Corrupt(e.to_string()))?;
        let index = Index::open(directory)?;
        let (_, fields) = Fields::build();
        Ok(IndexHandle {
            dir: dir.to_path_buf(),
            index,
            fields,
        })
    }

    /// Creates a new empty index in `dir` (created if needed; must not
    /// already hold an index).
    pub fn create(dir: &Path) -> Result<IndexHandle> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, fields) = Fields::build();
        let settings = IndexSettings {
            docstore_compression: Compressor::Zstd(ZstdCompressor::default()),
            docstore_blocksize: 64 * 1024,
            ..IndexSettings::default()
        };
        let directory = MmapDirectory::open(dir).map_err(|e| Error::Corrupt(e.to_string()))?;
        let index = Index::builder()
            .schema(schema)
            .settings(settings)
            .open_or_create(directory)?;
        Ok(IndexHandle {
            dir: dir.to_path_buf(),
            index,
            fields,
        })
    }

    /// Opens the index for writing: the existing one when its schema is
    /// current, otherwise `Err(reason)` telling the caller to rebuild.
    pub fn open_for_ingest(dir: &Path) -> Result<std::result::Result<IndexHandle, String>> {
        if !Self::exists(dir) {
            return Self::create(dir).map(Ok);
        }
        let handle = match Self::open_unchecked(dir) {
            Ok(h) => h,
            Err(e) => return Ok(Err(format!("the index could not be opened ({e})"))),
        };
        match handle.payload()? {
            Some(p) if p.schema == SCHEMA_VERSION => Ok(Ok(handle)),
            Some(p) => Ok(Err(format!(
                "the index schema is v{} and this build writes v{SCHEMA_VERSION}",
                p.schema
            ))),
            None if handle.is_empty()? => Ok(Ok(handle)),
            None => Ok(Err("the index has no version record".to_string())),
        }
    }

    /// The payload of the last commit, if any.
    pub fn payload(&self) -> Result<Option<Payload>> {
        let metas = self.index.load_metas()?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok()))
    }

    fn is_empty(&self) -> Result<bool> {
        Ok(self.reader()?.searcher().num_docs() == 0)
    }

    /// A reader on the last commit; searches keep answering from it even
    /// while an ingest writes the next one.
    pub fn reader(&self) -> Result<IndexReader> {
        Ok(self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?)
    }

    /// The state of every corpus file the index knows, sorted by path.
    pub fn file_states(&self, searcher: &Searcher) -> Result<Vec<FileState>> {
        let q = TermQuery::new(
            Term::from_field_text(self.fields.kind, kind::FILE),
            IndexRecordOption::Basic,
        );
        let addrs = searcher.search(&q, &DocSetCollector)?;
        let mut out = Vec::with_capacity(addrs.len());
        for addr in addrs {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let json = doc
                .get_first(self.fields.file_state)
                .and_then(|v| v.as_str())
                .ok_or_else(|| Error::Corrupt("file document without state".into()))?;
            out.push(serde_json::from_str(json).map_err(|e| Error::Corrupt(e.to_string()))?);
        }
        out.sort_by(|a: &FileState, b| a.source.cmp(&b.source));
        Ok(out)
    }

    /// Size of the index folder on disk, in bytes.
    pub fn size_on_disk(&self) -> u64 {
        std::fs::read_dir(&self.dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .filter_map(|e| e.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}

/// Decodes the stored record of a paragraph document.
pub fn read_record(fields: &Fields, doc: &TantivyDocument) -> Result<ParagraphRecord> {
    let json = doc
        .get_first(fields.record)
        .and_then(|v| v.as_str())
        .ok_or_else(|| Error::Corrupt("paragraph document without record".into()))?;
    serde_json::from_str(json).map_err(|e| Error::Corrupt(e.to_string()))
}
