//! The on-disk index: schema, versions, opening with a version check, and
//! the writer side (documents built from records, one commit per ingest).
//!
//! The index directory holds a plain tantivy index. Its commit payload
//! records the schema and pipeline versions; the corpus file states live
//! in `file` documents inside the index (see `schema`), so everything the
//! next ingest needs is committed atomically by tantivy's `meta.json` swap.
//! A process killed at any moment leaves the last commit intact.

mod analyzer;
mod cleanup;
mod file_state;
mod guard;
pub mod layout;
mod lock;
mod modes;
mod paths;
mod rebuild;
mod schema;
mod shingles;
mod verify;
pub mod watches;
mod writer;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy, Searcher, TantivyDocument, Term};

pub use analyzer::stem;
#[cfg(test)]
pub(crate) use analyzer::stem_analyzer;
pub(crate) use analyzer::{fold_in_place, stem_in_place, LONGEST_TOKEN};
pub use cleanup::remove_unreferenced;
pub use file_state::FileState;
pub use guard::{guard, panic_message};
pub use lock::{lock_path, WriterLock};
pub use modes::share_index_files;
pub use rebuild::RebuildReason;
pub use schema::{kind, Fields, COUNTRY, GROUP, INSTRUMENT, SHINGLE, TOPIC};
pub use shingles::{
    fingerprints, fingerprints_of, packed_fingerprints, run_hash, sequence_hash,
    unpacked_fingerprints, word_hash, words, Word, WORDS,
};
pub use verify::Verification;
pub use writer::{context_term, paragraph_document, IndexWriterHandle};

use crate::error::{Error, Result};
use crate::model::ParagraphRecord;

/// Version of the on-disk format: bump on any change of the fields or of
/// their encoding (v2: file state in fast columns, dictionaries without
/// zstd; v3: accents folded in the text fields' tokens; v4: wording
/// fingerprints for `precedent`; v5: fingerprints hashed with one multiply
/// per word instead of FNV over each word's hash; v6: the generation at
/// which each paragraph entered, `seq`, and each file's, `file_seq`, for
/// saved searches; v7: fingerprints in a fast column instead of indexed
/// terms; v8: the paragraph text stored in a field of its own, the rest of
/// the record as compact JSON without it). An index with
/// another version is not read, and `ingest` rebuilds it beside the old
/// one and swaps it in.
pub const SCHEMA_VERSION: u32 = 8;

/// Version of what the pipeline (decode, segment, enrich) produces; bump
/// when a change makes existing entries wrong. An index with an older
/// pipeline version is rebuilt in full by the next `ingest`, which says why
/// (v2: meeting series, resolutions; v3: real-page headers and entities;
/// v4: Markdown read by paragraph, signatures dropped, 8,000-byte split;
/// v5: `.docx` read, where it was skipped as an unsupported type; v6: no
/// place taken from a sentence about a virtual meeting or from a region,
/// and a guest named by title after `hosted` attends; v7: UN press-release
/// symbol and meeting lines, news-wire headlines and datelines, page stamps
/// in flattened PDF text, share-link footers, `Date :` fields, closing
/// `Issued on` dates, issuers from speech titles, participant lists that
/// end at their sentence's verb; v8: site names above the title, titles
/// in sentence case, day-first figure dates, release numbers, a closing
/// place, running heads that end in a page number, the parties a joint
/// statement's title names, date-and-type lines, repeated titles, UN
/// mastheads, an edition from the body's `the Third <meeting>`; v9: pages
/// with a list of labels and values (`From:` / `Published` / `Delivered
/// on:` / `Location:`), a speaker named before `statement at the …`,
/// headline verbs, no group acronym from a headline; v10: news pages'
/// section labels, agency names, bylines of several names, dates with the
/// time of day and colon datelines around the headline, the Quad's and
/// the G20's ministers' meetings as series of their own; v11: UN press
/// pages with the meeting line above the date or in capitals, press
/// offices' symbols, barcodes on lines of their own; v12: site and
/// section lines, language switches, contact boxes, wire credits and
/// links under `Related Links` dropped, a stamp's date with the page's
/// age; v13: a country's own security council is not the UN's; v14: a
/// paragraph cut mid-sentence by a page break rejoined before a capital,
/// a running head met once under a page number dropped; v15: headlines
/// ending with their place and date, a place on the line under the date,
/// ministry headlines' verbs; v16: sites' menus, cookie banners and
/// footers, `Joint media release with:`, a masthead in two columns, the
/// AU's Peace and Security Council and four more meeting series, agency
/// datelines in text case, captions' credits; v17: Roman editions,
/// subjects after `on` in a meeting's name, the PIF's papers, a name
/// joined by a hyphen to another is another meeting; v18: a title repeated
/// as every page's running head stays the title).
pub const PIPELINE_VERSION: u32 = 63;

/// What the commit payload records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    /// Schema version of the index.
    pub schema: u32,
    /// Pipeline version of the entries.
    pub pipeline: u32,
    /// The corpus root the index was built from (canonical path), so that
    /// an ingest of another folder is refused instead of emptying the
    /// index; absent in indexes written before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpus: Option<String>,
    /// The number of this commit: one more than the previous one's (and
    /// than any saved search's cursor), so it only grows, across rebuilds
    /// too. Paragraphs added by this commit carry it in `seq`.
    #[serde(default)]
    pub generation: u64,
    /// The corpus folders at the time of the commit, relative to the
    /// corpus root (`""` for the root): `ingest::staleness` stats these
    /// instead of listing every folder again, which read all 11,000 file
    /// names of the General Debate on each search (4 ms). Absent in
    /// indexes written before it was recorded, and for a corpus of more
    /// than [`RECORDED_FOLDERS`] folders (the payload is read on every
    /// open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folders: Option<Vec<String>>,
}

/// At most this many corpus folders are recorded in the commit payload.
pub const RECORDED_FOLDERS: usize = 2_000;

impl Payload {
    /// The payload this build writes for an index of the corpus at `corpus`
    /// (a canonical path).
    pub fn current(corpus: Option<String>, generation: u64) -> Payload {
        Payload {
            schema: SCHEMA_VERSION,
            pipeline: PIPELINE_VERSION,
            corpus,
            generation,
            folders: None,
        }
    }
}

/// The generation of the last commit of the index in `dir` (0 when there
/// is none or it cannot be read), read from `meta.json` alone so that it
/// works for an index of any version (a rebuild continues its count).
pub fn committed_generation(dir: &Path) -> u64 {
    committed_payload(dir).map_or(0, |p| p.generation)
}

/// The payload of the last commit of the index in `dir`, read from
/// `meta.json` alone (no segment opened), `None` when there is none or it
/// cannot be read.
pub fn committed_payload(dir: &Path) -> Option<Payload> {
    let meta = std::fs::read_to_string(dir.join("meta.json")).ok()?;
    let payload = payload_string(&meta).or_else(|| {
        #[derive(Deserialize)]
        struct Meta {
            payload: Option<String>,
        }
        serde_json::from_str::<Meta>(&meta).ok()?.payload
    })?;
    serde_json::from_str::<Payload>(&payload).ok()
}

/// The `payload` string of tantivy's `meta.json`, read from its last
/// member without parsing the rest (the schema is most of the file, and a
/// search reads the payload on every open); `None` when the file does not
/// end with it, for the caller to parse the whole file.
///
/// The key cannot be matched inside another string: there every quote is
/// escaped, so `"payload"` followed by `:` only occurs as a key.
fn payload_string(meta: &str) -> Option<String> {
    let at = meta.rfind("\"payload\"")?;
    let rest = meta[at + "\"payload\"".len()..]
        .trim_start()
        .strip_prefix(':')?;
    let mut values = serde_json::Deserializer::from_str(rest).into_iter::<Option<String>>();
    let value = values.next()?.ok()?;
    // Only the object's closing brace may follow.
    (rest[values.byte_offset()..].trim() == "}").then_some(value)?
}

/// What an ingest finds in the index folder.
pub enum Opened {
    /// No index yet: build one.
    Missing,
    /// An index this build can update (boxed: it is large, the others are
    /// small).
    Current(Box<IndexHandle>),
    /// An index that must be rebuilt, and why.
    Rebuild(RebuildReason),
}

/// An open index.
pub struct IndexHandle {
    /// The index folder.
    pub dir: PathBuf,
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// The payload of the last commit as read by [`IndexHandle::open`]
    /// (`None` for a handle opened or created for writing).
    opened: Option<Payload>,
}

impl IndexHandle {
    /// Whether `dir` holds an index (a committed `meta.json`).
    pub fn exists(dir: &Path) -> bool {
        layout::has_meta(dir)
    }

    /// Refuses an index path that is a file.
    pub(crate) fn check_dir(dir: &Path) -> Result<()> {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::IndexNotDir(dir.to_path_buf()));
        }
        Ok(())
    }

    /// Opens an existing index for reading, refusing one written with
    /// another schema. While a rebuild swaps folders, opens the old or the
    /// new one; while a first build runs, says so
    /// ([`Error::IndexBeingBuilt`]) rather than "missing" or "version 0".
    pub fn open(dir: &Path) -> Result<IndexHandle> {
        Self::check_dir(dir)?;
        let Some(at) = layout::readable(dir) else {
            if WriterLock::is_held(dir) {
                return Err(Error::IndexBeingBuilt(dir.to_path_buf()));
            }
            return Err(Error::IndexMissing(dir.to_path_buf()));
        };
        let mut handle = guard(&at, || Self::open_unchecked(&at))?;
        // The payload alone: `payload()` would parse the whole metadata
        // (schema included) a second time, on every search.
        match committed_payload(&at) {
            Some(p) if p.schema == SCHEMA_VERSION => {
                handle.opened = Some(p);
                Ok(handle)
            }
            Some(p) if p.schema > SCHEMA_VERSION => Err(Error::IndexNewer {
                path: dir.to_path_buf(),
                found: p.schema,
                expected: SCHEMA_VERSION,
            }),
            // An index of another version (or none yet) while a writer
            // holds the lock is being rebuilt: say so, not "run ingest".
            _ if WriterLock::is_held(dir) => Err(Error::IndexBeingBuilt(dir.to_path_buf())),
            found => Err(Error::IndexVersion {
                path: dir.to_path_buf(),
                found: found.map(|p| p.schema).unwrap_or(0),
                expected: SCHEMA_VERSION,
            }),
        }
    }

    fn open_unchecked(dir: &Path) -> Result<IndexHandle> {
        let directory = MmapDirectory::open(dir).map_err(|e| Error::IndexDamaged {
            path: dir.to_path_buf(),
            detail: guard::one_line(&e.to_string()),
        })?;
        let index = Index::open(directory).map_err(|e| guard::reading(dir, e))?;
        analyzer::register(&index);
        let (_, fields) = Fields::build();
        Ok(IndexHandle {
            dir: dir.to_path_buf(),
            index,
            fields,
            opened: None,
        })
    }

    /// Creates a new empty index in `dir` (created if needed; must not
    /// already hold an index).
    pub fn create(dir: &Path) -> Result<IndexHandle> {
        Self::check_dir(dir)?;
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, fields) = Fields::build();
        let settings = IndexSettings {
            // zstd level 1: the default level 3 made compressing the doc
            // store a large share of the ingest CPU, for little size.
            docstore_compression: Compressor::Zstd(ZstdCompressor {
                compression_level: Some(1),
            }),
            // Small blocks: showing a hit decompresses one block, and a cold
            // process has no block cache.
            docstore_blocksize: 16 * 1024,
            // Each indexing thread compresses its own blocks: a dedicated
            // compressor thread per segment writer (tantivy's default) is
            // one thread too many on a small machine whose cores the
            // indexing threads already fill; handing every block over costs
            // system time.
            docstore_compress_dedicated_thread: false,
            ..IndexSettings::default()
        };
        let directory = MmapDirectory::open(dir).map_err(|e| Error::Corrupt(e.to_string()))?;
        let index = Index::builder()
            .schema(schema)
            .settings(settings)
            .open_or_create(directory)?;
        analyzer::register(&index);
        Ok(IndexHandle {
            dir: dir.to_path_buf(),
            index,
            fields,
            opened: None,
        })
    }

    /// What an ingest finds in `dir` (call with the writer lock held and
    /// leftovers recovered): nothing, an index it can update, or one to
    /// rebuild. An index written by a newer dipsearch is refused unless
    /// `full` (a rebuild was asked for), so an older binary never silently
    /// replaces it.
    pub fn open_for_ingest(dir: &Path, full: bool) -> Result<Opened> {
        Self::check_dir(dir)?;
        if !Self::exists(dir) {
            return Ok(Opened::Missing);
        }
        let handle = match guard(dir, || Self::open_unchecked(dir)) {
            Ok(h) => h,
            Err(e) => return Ok(Opened::Rebuild(RebuildReason::Unopenable(Box::new(e)))),
        };
        let payload = match handle.payload() {
            Ok(p) => p,
            Err(e) => return Ok(Opened::Rebuild(RebuildReason::Unopenable(Box::new(e)))),
        };
        Ok(match payload {
            Some(p) if p.schema == SCHEMA_VERSION => Opened::Current(Box::new(handle)),
            Some(p) if p.schema > SCHEMA_VERSION && !full => {
                return Err(Error::IndexNewer {
                    path: dir.to_path_buf(),
                    found: p.schema,
                    expected: SCHEMA_VERSION,
                })
            }
            Some(p) => Opened::Rebuild(RebuildReason::Schema {
                found: p.schema,
                expected: SCHEMA_VERSION,
            }),
            None => match guard(dir, || handle.is_empty()) {
                Ok(true) => Opened::Current(Box::new(handle)),
                Ok(false) => Opened::Rebuild(RebuildReason::NoVersion),
                Err(e) => Opened::Rebuild(RebuildReason::Unopenable(Box::new(e))),
            },
        })
    }

    /// The payload of the last commit, if any.
    pub fn payload(&self) -> Result<Option<Payload>> {
        let metas = self
            .index
            .load_metas()
            .map_err(|e| guard::reading(&self.dir, e))?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok()))
    }

    /// The payload of the last commit as [`IndexHandle::open`] read it, so
    /// that a search does not read `meta.json` again for it.
    pub fn opened_payload(&self) -> Option<&Payload> {
        self.opened.as_ref()
    }

    fn is_empty(&self) -> Result<bool> {
        Ok(self.reader()?.searcher().num_docs() == 0)
    }

    /// A reader on the last commit; searches keep answering from it even
    /// while an ingest writes the next one.
    pub fn reader(&self) -> Result<IndexReader> {
        guard(&self.dir, || {
            self.index
                .reader_builder()
                .reload_policy(ReloadPolicy::Manual)
                .try_into()
                .map_err(|e| guard::reading(&self.dir, e))
        })
    }

    /// The state of every corpus file the index knows, sorted by path.
    /// Read from fast columns only, so it costs milliseconds even for a
    /// corpus of tens of thousands of files.
    pub fn file_states(&self, searcher: &Searcher) -> Result<Vec<FileState>> {
        file_states_in(&self.dir, &self.fields, searcher, None)
    }

    /// Documents (files with at least one paragraph) and paragraphs in the
    /// last commit.
    pub fn document_counts(&self) -> Result<(u64, u64)> {
        let searcher = self.reader()?.searcher();
        let paragraphs = guard(&self.dir, || self.paragraph_count(&searcher))?;
        let documents = self
            .file_states(&searcher)?
            .iter()
            .filter(|s| s.paragraphs > 0)
            .count() as u64;
        Ok((documents, paragraphs))
    }

    /// Whether the index holds any paragraph (a dictionary look-up).
    pub fn has_paragraphs(&self, searcher: &Searcher) -> Result<bool> {
        let term = Term::from_field_text(self.fields.kind, kind::PARA);
        Ok(searcher.doc_freq(&term)? > 0)
    }

    /// Paragraphs in the index (a posting-list count, no stored data).
    pub fn paragraph_count(&self, searcher: &Searcher) -> Result<u64> {
        let term = Term::from_field_text(self.fields.kind, kind::PARA);
        let mut n = 0u64;
        for reader in searcher.segment_readers() {
            n += alive_docs_with(reader, self.fields.kind, &term)?.len() as u64;
        }
        Ok(n)
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

/// Appends the states of the file documents `docs` of `reader` to `out`.
fn states_of(
    reader: &tantivy::SegmentReader,
    docs: &[tantivy::DocId],
    out: &mut Vec<FileState>,
) -> Result<()> {
    let ff = reader.fast_fields();
    let corrupt = |what: &str| Error::Corrupt(format!("file state column {what} missing"));
    let str_col = |name: &str| -> Result<tantivy::columnar::StrColumn> {
        ff.str(name)?.ok_or_else(|| corrupt(name))
    };
    let (source, hash, meta, skipped) = (
        str_col("source")?,
        str_col("file_hash")?,
        str_col("file_meta")?,
        str_col("file_skipped")?,
    );
    let (size, mtime, paras, seq) = (
        ff.u64("file_size")?,
        ff.u64("file_mtime")?,
        ff.u64("file_paragraphs")?,
        ff.u64("file_seq")?,
    );
    // A value that cannot be read is corruption, never an empty
    // string: an empty path would make every file look new.
    let (sources, hashes, metas, skips) = (
        first_strs(&source, docs)?,
        first_strs(&hash, docs)?,
        first_strs(&meta, docs)?,
        first_strs(&skipped, docs)?,
    );
    let values = sources.into_iter().zip(hashes).zip(metas).zip(skips);
    for (&doc, (((source, hash), meta), skip)) in docs.iter().zip(values) {
        let source = source.unwrap_or_default();
        if source.is_empty() {
            return Err(corrupt("source"));
        }
        let skip = skip.unwrap_or_default();
        out.push(FileState {
            source,
            size: size.first(doc).unwrap_or(0),
            mtime_ns: mtime.first(doc).unwrap_or(0) as u128,
            hash: hash.unwrap_or_default(),
            meta: meta.unwrap_or_default(),
            paragraphs: paras.first(doc).unwrap_or(0) as u32,
            skipped: (!skip.is_empty()).then_some(skip),
            seq: seq.first(doc).unwrap_or(0),
        });
    }
    Ok(())
}

/// Appends to `out` the documents among `files` (sorted) whose `source`
/// lies under `folder`: the terms from `folder/` up to `folder0` (`0`
/// follows `/`), each one a file's paragraphs and its state document.
fn docs_under(
    reader: &tantivy::SegmentReader,
    source: tantivy::schema::Field,
    folder: &str,
    files: &[tantivy::DocId],
    out: &mut Vec<tantivy::DocId>,
) -> Result<()> {
    use tantivy::DocSet;
    let inverted = reader.inverted_index(source)?;
    let (from, to) = (format!("{folder}/"), format!("{folder}0"));
    let mut terms = inverted
        .terms()
        .range()
        .ge(from.as_bytes())
        .lt(to.as_bytes())
        .into_stream()
        .map_err(|e| Error::Corrupt(e.to_string()))?;
    while terms.advance() {
        let mut postings = inverted
            .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
            .map_err(|e| Error::Corrupt(e.to_string()))?;
        let mut doc = postings.doc();
        while doc != tantivy::TERMINATED {
            if files.binary_search(&doc).is_ok() {
                out.push(doc);
            }
            doc = postings.advance();
        }
    }
    Ok(())
}

/// The first value of `col` for each of `docs` (`None` where it has
/// none), read in one ordered pass over the column's dictionary: looking
/// each value up on its own rescanned a dictionary block per value, 40 ms
/// for the 11,000 files of the General Debate, paid by every search after
/// a corpus folder changed.
fn first_strs(
    col: &tantivy::columnar::StrColumn,
    docs: &[tantivy::DocId],
) -> Result<Vec<Option<String>>> {
    let corrupt = |e: String| Error::Corrupt(format!("file state: {e}"));
    let mut by_ord: Vec<(u64, usize)> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, &d)| col.term_ords(d).next().map(|o| (o, i)))
        .collect();
    by_ord.sort_unstable();
    let mut ords: Vec<u64> = by_ord.iter().map(|&(o, _)| o).collect();
    ords.dedup();
    let mut terms: Vec<std::result::Result<String, std::string::FromUtf8Error>> =
        Vec::with_capacity(ords.len());
    let complete = col
        .dictionary()
        .sorted_ords_to_term_cb(&ords, |bytes| terms.push(String::from_utf8(bytes.to_vec())))
        .map_err(|e| corrupt(e.to_string()))?;
    if !complete || terms.len() != ords.len() {
        return Err(corrupt("a value is missing".into()));
    }
    let mut out = vec![None; docs.len()];
    let mut t = 0;
    for (ord, i) in by_ord {
        while ords[t] != ord {
            t += 1;
        }
        let term = terms[t].as_ref().map_err(|e| corrupt(e.to_string()))?;
        out[i] = Some(term.clone());
    }
    Ok(out)
}

/// The states of the corpus files an index (in `dir`, named in errors)
/// knows, sorted by path: every file's with `folders` `None`, otherwise
/// those under the corpus folders `folders` (relative paths, at any depth
/// below them; `""`, the corpus root, means every file). Read from fast
/// columns only.
///
/// Why by folders: a search whose corpus folder changed after the last
/// commit compares that folder's files with their states; reading every
/// file's state from the columns took 12 ms of such a search on the
/// General Debate (11,000 files), and a folder changes without any file
/// changing whenever an editor writes a swap file beside one. With
/// folders, only the `source` terms under them are looked up.
pub fn file_states_in(
    dir: &Path,
    fields: &Fields,
    searcher: &Searcher,
    folders: Option<&[&str]>,
) -> Result<Vec<FileState>> {
    let folders = folders.filter(|f| !f.iter().any(|f| f.is_empty()));
    guard(dir, || {
        let term = Term::from_field_text(fields.kind, kind::FILE);
        let mut out = Vec::new();
        for reader in searcher.segment_readers() {
            let files = alive_docs_with(reader, fields.kind, &term)?;
            match folders {
                None => states_of(reader, &files, &mut out)?,
                Some(folders) => {
                    let mut docs = Vec::new();
                    for folder in folders {
                        docs_under(reader, fields.source, folder, &files, &mut docs)?;
                    }
                    docs.sort_unstable();
                    docs.dedup();
                    states_of(reader, &docs, &mut out)?;
                }
            }
        }
        out.sort_by(|a, b| a.source.cmp(&b.source));
        Ok(out)
    })
}

/// The live documents of a segment that carry `term` (a posting-list walk:
/// no scoring, no stored data).
fn alive_docs_with(
    reader: &tantivy::SegmentReader,
    field: tantivy::schema::Field,
    term: &Term,
) -> Result<Vec<tantivy::DocId>> {
    use tantivy::DocSet;
    let inverted = reader.inverted_index(field)?;
    let postings = inverted
        .read_postings(term, IndexRecordOption::Basic)
        .map_err(|e| Error::Corrupt(e.to_string()))?;
    let mut docs = Vec::new();
    if let Some(mut p) = postings {
        let alive = reader.alive_bitset();
        let mut doc = p.doc();
        while doc != tantivy::TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                docs.push(doc);
            }
            doc = p.advance();
        }
    }
    Ok(docs)
}

/// How the stored record of the paragraph `id` begins: its first field is
/// the id (a test keeps it so), which lets a lookup by id skip parsing the
/// other records of its file.
pub fn record_prefix(id: &str) -> String {
    let quoted = serde_json::to_string(id).unwrap_or_default();
    format!("{{\"id\":{quoted},")
}

/// Decodes the stored record of a paragraph document (its JSON, and its
/// text from a field of its own).
pub fn read_record(fields: &Fields, doc: &TantivyDocument) -> Result<ParagraphRecord> {
    let stored = |field, what: &str| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .ok_or_else(|| Error::Corrupt(format!("paragraph document without {what}")))
    };
    let mut record: ParagraphRecord = serde_json::from_str(stored(fields.record, "record")?)
        .map_err(|e| Error::Corrupt(e.to_string()))?;
    record.text = stored(fields.text, "text")?.to_string();
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::record_prefix;
    use crate::model::{MeetingHeader, ParagraphRecord};

    /// The payload is read from meta.json's last member alone, and
    /// anything else falls back to parsing the whole file.
    #[test]
    fn the_payload_is_read_from_the_end_of_the_metadata() {
        use super::payload_string;
        let pretty = "{\n  \"schema\": [{\"name\": \"payload\"}],\n  \"opstamp\": 3,\n  \"payload\": \"{\\\"schema\\\":8,\\\"note\\\":\\\"\\\\\\\"payload\\\\\\\": x\\\"}\"\n}\n";
        let parsed: serde_json::Value = serde_json::from_str(pretty).expect("valid JSON");
        assert_eq!(
            payload_string(pretty).as_deref(),
            parsed["payload"].as_str(),
            "{pretty}"
        );
        assert_eq!(
            payload_string("{\"opstamp\":3,\"payload\":\"p\"}").as_deref(),
            Some("p")
        );
        // A null payload, a payload that is not last, a key that is a value.
        assert_eq!(payload_string("{\"payload\": null}"), None);
        assert_eq!(payload_string("{\"payload\": \"p\", \"opstamp\": 3}"), None);
        assert_eq!(payload_string("{\"schema\": [\"payload\"]}"), None);
    }

    /// A lookup by id depends on the stored record starting with its id,
    /// escaped as JSON escapes it (quotes, backslashes, control characters).
    #[test]
    fn the_stored_record_starts_with_its_id() {
        for source in [
            "a.txt",
            "Session 01 - 1946/ARG_01_1946.txt",
            "odd \"#\\ name\u{1}.txt",
        ] {
            let record = ParagraphRecord {
                id: format!("{source}#4(d)"),
                source: source.into(),
                header: MeetingHeader::default(),
                paragraph: "4(d)".into(),
                ordinal: 0,
                parent: None,
                context: None,
                heading: None,
                text: "Text.".into(),
                countries: Vec::new(),
                instruments: Vec::new(),
                topics: Vec::new(),
                groups: Vec::new(),
            };
            let json = record.stored_json().unwrap();
            assert!(json.starts_with(&record_prefix(&record.id)), "{json}");
            assert!(!json.starts_with(&record_prefix(&format!("{source}#4"))));
        }
    }
}
