//! The write side: turning records into tantivy documents and committing
//! them. One writer per ingest: the caller holds the index's
//! [`WriterLock`](super::WriterLock), and tantivy's own lock file inside
//! the folder backs it up (reported as `Error::IndexLocked` too).

use tantivy::{IndexWriter, TantivyDocument, Term};

use super::{kind, Fields, FileState, IndexHandle, Payload};
use crate::error::{Error, Result};
use crate::model::{EntityKind, MeetingHeader, ParagraphRecord, StoredHeader, TaggedRecord, Tags};

/// The term of an entity in the `context_entity` field: `country:JPN`.
pub fn context_term(kind: EntityKind, id: &str) -> String {
    format!("{}:{id}", kind.as_str())
}

/// Every distinct `(kind, id)` of a paragraph's tags.
fn entity_terms(t: &Tags) -> Vec<(EntityKind, String)> {
    let mut out: Vec<(EntityKind, String)> = t
        .countries
        .iter()
        .map(|(c, _)| (EntityKind::Country, c.to_string()))
        .collect();
    for (kind, list) in [
        (EntityKind::Instrument, &t.instruments),
        (EntityKind::Topic, &t.topics),
        (EntityKind::Group, &t.groups),
    ] {
        out.extend(list.iter().map(|(id, _)| (kind, id.clone())));
    }
    out
}

/// Largest memory budget of an indexing thread: up to 150 MB of arena,
/// which holds half of the UN General Debate (190 MiB of speeches), so
/// that two threads write it as two segments. The arena is most of an
/// ingest's peak memory (issue 18 asks under 400 MiB there): two threads
/// of 150 MB peaked at 245–248 MiB (benches/PROFILE.md, twelfth round).
const THREAD_BUDGET_MAX: usize = 150_000_000;
/// Smallest budget tantivy accepts for an indexing thread (15 MB).
const THREAD_BUDGET_MIN: usize = 15_000_000;

/// Most indexing threads of the writer: two, where there are two cores
/// and enough to index. Each thread writes a segment of its own, and
/// every segment costs every search its term look-ups; but with one
/// thread the ingest ended with a second and a half of one core writing
/// the one segment out while the other core idled, and two threads write
/// their halves at once. On the UN General Debate two segments instead of
/// one took 6 % off the ingest's wall time on two cores, with the same
/// whole-process query times (median ratio 0.99 over the 12 benchmark
/// queries) and an index 0.6 % larger (benches/PROFILE.md, twelfth
/// round). Pinned to one core the ingest keeps one thread.
const INDEXING_THREADS_MAX: usize = 2;

/// Work under this many bytes is indexed by one thread: a small update
/// gains nothing from a second one and would leave two small segments.
const SPLIT_WORK_BYTES: u64 = 16 << 20;

/// A segment with fewer documents than the largest one divided by this, or
/// than [`SMALL_SEGMENT_DOCS`], is merged with the other small ones after a
/// commit.
const SMALL_SEGMENT_RATIO: u32 = 64;

/// A segment this small is always cheap to merge, whatever the largest.
const SMALL_SEGMENT_DOCS: u32 = 1_000;

/// The one writer of an index during an ingest.
pub struct IndexWriterHandle {
    writer: IndexWriter,
    fields: Fields,
    threads: usize,
}

impl IndexWriterHandle {
    /// Takes the writer lock, failing fast if another process holds it.
    /// `work_bytes` (the corpus bytes to index) sizes the writer: a small
    /// update gets a small arena, so adding one document does not pay for
    /// allocating hundreds of megabytes.
    pub fn acquire(handle: &IndexHandle, work_bytes: u64) -> Result<IndexWriterHandle> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = match work_bytes >= SPLIT_WORK_BYTES {
            true => cores.clamp(1, INDEXING_THREADS_MAX),
            false => 1,
        };
        // Arena use is several times the text indexed; grow with the work
        // so that a batch is flushed as few segments as possible.
        let wanted = (work_bytes as usize).saturating_mul(12) / threads;
        let budget = wanted.clamp(THREAD_BUDGET_MIN, THREAD_BUDGET_MAX) * threads;
        let writer = handle
            .index
            .writer_with_num_threads(threads, budget)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => Error::IndexLocked(handle.dir.clone()),
                other => Error::Tantivy(other),
            })?;
        Ok(IndexWriterHandle {
            writer,
            fields: handle.fields.clone(),
            threads,
        })
    }

    /// How many threads tantivy indexes with (each keeps a core busy).
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Deletes every document (paragraphs and file state) of a source file.
    pub fn delete_source(&self, source: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.source, source));
    }

    /// Adds the paragraphs of one document, whose header is `header`,
    /// entered at generation `seq`.
    pub fn add_paragraphs(
        &self,
        header: &MeetingHeader,
        records: &[TaggedRecord],
        seq: u64,
    ) -> Result<()> {
        // The header's part of the stored JSON, once for the document.
        let stored = StoredHeader::of(header).map_err(|e| Error::Corrupt(e.to_string()))?;
        for p in records {
            debug_assert_eq!(&p.record.header, header, "one header per document");
            let mut doc = paragraph_document(&self.fields, &p.record, &p.tags, &stored)?;
            doc.add_u64(self.fields.seq, seq);
            if let Some(ctx) = &p.context_tags {
                for (kind, id) in entity_terms(ctx) {
                    doc.add_text(self.fields.context_entity, context_term(kind, &id));
                }
            }
            self.writer.add_document(doc)?;
        }
        Ok(())
    }

    /// Replaces only the state document of a file (its paragraphs stay):
    /// used when a file was touched but its content did not change.
    pub fn refresh_file_state(&self, state: &FileState) -> Result<()> {
        self.writer.delete_term(Term::from_field_text(
            self.fields.id,
            &file_doc_id(&state.source),
        ));
        self.add_file_state(state)
    }

    /// Adds the state document of a file.
    pub fn add_file_state(&self, state: &FileState) -> Result<()> {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.kind, kind::FILE);
        doc.add_text(f.id, file_doc_id(&state.source));
        doc.add_text(f.source, &state.source);
        doc.add_u64(f.file_size, state.size);
        // Nanoseconds since 1970 fit in a u64 until the year 2554.
        doc.add_u64(
            f.file_mtime,
            u64::try_from(state.mtime_ns).unwrap_or(u64::MAX),
        );
        doc.add_u64(f.file_paragraphs, state.paragraphs as u64);
        doc.add_text(f.file_hash, &state.hash);
        doc.add_text(f.file_meta, &state.meta);
        doc.add_text(f.file_skipped, state.skipped.as_deref().unwrap_or(""));
        doc.add_u64(f.file_seq, state.seq);
        self.writer.add_document(doc)?;
        Ok(())
    }

    /// Commits everything added and deleted, with `payload` (the versions
    /// and the corpus root).
    pub fn commit(mut self, payload: &Payload) -> Result<()> {
        let payload = serde_json::to_string(payload).map_err(|e| Error::Corrupt(e.to_string()))?;
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.merge_small_segments();
        self.writer.wait_merging_threads()?;
        Ok(())
    }

    /// Merges the small segments of the committed index into one.
    ///
    /// Why: each indexing thread flushes a large segment whenever its arena
    /// is full and a small one with what is left at the commit, and each
    /// incremental ingest adds a small one; every segment costs every query
    /// its own term lookups and scorers, while merging small ones is cheap
    /// (figures in benches/PROFILE.md). Segments under a sixty-fourth of
    /// the largest (or under a thousand paragraphs) are merged, so that an
    /// ingest of a few files never rewrites much: with an eighth, the
    /// remainder a full ingest flushes at its commit could count as small
    /// and be rewritten by every later ingest that added a file (figures
    /// in benches/PROFILE.md). tantivy's own merge policy still
    /// merges segments of similar sizes once there are eight of them.
    /// Best effort: the commit above already
    /// holds everything, and tantivy swaps merged segments in atomically,
    /// keeping the payload.
    fn merge_small_segments(&mut self) {
        let Ok(metas) = self.writer.index().searchable_segment_metas() else {
            return;
        };
        let largest = metas.iter().map(|m| m.num_docs()).max().unwrap_or(0);
        let small: Vec<tantivy::index::SegmentId> = metas
            .iter()
            .filter(|m| {
                m.num_docs() < SMALL_SEGMENT_DOCS
                    || m.num_docs().saturating_mul(SMALL_SEGMENT_RATIO) < largest
            })
            .map(|m| m.id())
            .collect();
        // Segment metas held alive keep their files from being deleted.
        drop(metas);
        if small.len() >= 2 {
            // A failed merge leaves the committed segments as they were;
            // a merge deletes the files of the segments it replaced.
            let _ = self.writer.merge(&small).wait();
        }
    }
}

/// The id of a file's state document. The control character keeps it
/// apart from paragraph ids (`path#label`) whatever the file is called.
fn file_doc_id(source: &str) -> String {
    format!("\u{1}file:{source}")
}

/// Builds the tantivy document of one paragraph; `header` is the stored
/// part of its header ([`StoredHeader::of`] its document's), made once per
/// document.
pub fn paragraph_document(
    fields: &Fields,
    record: &ParagraphRecord,
    tags: &Tags,
    header: &StoredHeader,
) -> Result<TantivyDocument> {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.kind, kind::PARA);
    doc.add_text(fields.source, &record.source);
    doc.add_text(fields.body, &record.text);
    if let Some(c) = &record.context {
        doc.add_text(fields.context, c);
    }
    if let Some(h) = &record.heading {
        doc.add_text(fields.heading, h);
    }
    for m in [
        &record.header.acronym,
        &record.header.meeting,
        &record.header.title,
    ]
    .into_iter()
    .flatten()
    {
        doc.add_text(fields.meeting, m);
    }
    // A known series counts as one bucket and filters by id; another
    // meeting by its acronym or name.
    let meeting_key = record
        .header
        .meeting_id
        .as_ref()
        .or(record.header.acronym.as_ref())
        .or(record.header.meeting.as_ref());
    if let Some(k) = meeting_key {
        doc.add_text(fields.meeting_key, k);
    }
    doc.add_text(fields.doc_type, record.header.doc_type.as_str());
    if let Some(i) = &record.header.issuer {
        doc.add_text(fields.issuer, i.as_str());
    }
    for (code, n) in &tags.countries {
        for _ in 0..*n {
            doc.add_text(fields.country, code.as_str());
        }
    }
    for (list, field) in [
        (&tags.instruments, fields.instrument),
        (&tags.topics, fields.topic),
        (&tags.groups, fields.group),
    ] {
        for (id, n) in list {
            for _ in 0..*n {
                doc.add_text(field, id);
            }
        }
    }
    let (lo, hi) = date_span(record);
    if let (Some(lo), Some(hi)) = (lo, hi) {
        doc.add_u64(fields.date_lo, lo);
        doc.add_u64(fields.date_hi, hi);
    }
    if let Some(d) = record.header.date {
        doc.add_u64(fields.date, d.key());
    }
    if let Some(y) = record.header.year.or(record.header.date.map(|d| d.year)) {
        doc.add_u64(fields.year, y as u64);
    }
    doc.add_u64(fields.ordinal, record.ordinal as u64);
    for v in super::packed_fingerprints(&super::fingerprints(&record.text)) {
        doc.add_u64(fields.shingle, v);
    }
    let json = record
        .stored_json_with(header)
        .map_err(|e| Error::Corrupt(e.to_string()))?;
    doc.add_text(fields.record, json);
    doc.add_text(fields.text, &record.text);
    Ok(doc)
}

/// The days a record covers as `YYYYMMDD` keys: its date (to its end date
/// for a range), or its whole year when only the year is known.
fn date_span(r: &ParagraphRecord) -> (Option<u64>, Option<u64>) {
    match (r.header.date, r.header.year) {
        (Some(d), _) => (Some(d.key()), Some(r.header.date_end.unwrap_or(d).key())),
        (None, Some(y)) => (
            Some(y as u64 * 10_000 + 101),
            Some(y as u64 * 10_000 + 1231),
        ),
        (None, None) => (None, None),
    }
}
