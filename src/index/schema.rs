//! The tantivy schema: every field name and handle lives here, once.
//!
//! Two kinds of tantivy document share the index:
//! - `para`: one per paragraph, searchable; its display data is stored
//!   once: the text (`text` field) and the rest as compact JSON (`record`);
//! - `file`: one per corpus file, holding what the index knows about that
//!   file (size, mtime, content hash, skip reason). Keeping these inside the
//!   index means they are committed atomically with the paragraphs, so a
//!   crash can never leave the file list out of step with the index.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
    STRING,
};

/// Name of the English stemming tokenizer tantivy registers by default.
pub const STEM_TOKENIZER: &str = "en_stem";

/// Field handles, resolved once from the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    /// `para` or `file`.
    pub kind: Field,
    /// The id of a file's state document, for replacing it (paragraph ids
    /// are not indexed: see `Engine::paragraph`).
    pub id: Field,
    /// Source path relative to the corpus root (both doc kinds).
    pub source: Field,
    /// Paragraph text, stemmed, with positions for phrases.
    pub body: Field,
    /// Parent's lead-in, searchable at lower weight.
    pub context: Field,
    /// Section heading above the paragraph.
    pub heading: Field,
    /// Acronym, meeting name and title as words, for `--meeting` (a phrase
    /// match, so `ARF`, `ASEAN Regional Forum` and `G8` all work).
    pub meeting: Field,
    /// Display key for the meeting facet (acronym, or name).
    pub meeting_key: Field,
    /// Document type wire name.
    pub doc_type: Field,
    /// Issuer country code.
    pub issuer: Field,
    /// Country codes, one token per mention (term frequency = mentions).
    pub country: Field,
    /// Instrument ids, one token per mention.
    pub instrument: Field,
    /// Topic ids, one token per trigger.
    pub topic: Field,
    /// Group ids, one token per mention.
    pub group: Field,
    /// Entities of the parent's lead-in, as `kind:id` terms.
    pub context_entity: Field,
    /// First day covered by the document, `YYYYMMDD` (year-only: Jan 1).
    pub date_lo: Field,
    /// Last day covered, `YYYYMMDD` (year-only: Dec 31).
    pub date_hi: Field,
    /// The document's full date `YYYYMMDD`, only when the text gives one.
    pub date: Field,
    /// Year, for the year facet.
    pub year: Field,
    /// Position of the paragraph in its document.
    pub ordinal: Field,
    /// Wording fingerprints of the text (`shingles.rs`), for `precedent`:
    /// a multi-valued fast column, not indexed terms. Nearly every
    /// fingerprint is a term of its own, and millions of them in the
    /// segment's term table (shared with the body's words) were the
    /// largest single cost of the ingest (benches/PROFILE.md);
    /// `precedent` scans the column instead
    /// (`agreed::prints`). Two fingerprints per value
    /// ([`packed_fingerprints`](super::packed_fingerprints)).
    pub shingle: Field,
    /// The stored display record without its text (JSON,
    /// `ParagraphRecord::stored_json`).
    pub record: Field,
    /// The stored paragraph text, as it is (JSON would escape it, and
    /// escaping every byte of the corpus showed in the ingest profile).
    pub text: Field,
    /// The index generation (commit number, [`Payload::generation`](super::Payload))
    /// at which the paragraph entered the index; a changed file's paragraphs
    /// get the generation of the ingest that re-read it (fast, indexed: the
    /// range `watch run` asks for).
    pub seq: Field,
    /// For `file` docs: size in bytes (fast).
    pub file_size: Field,
    /// For `file` docs: modification time in ns since the epoch (fast).
    pub file_mtime: Field,
    /// For `file` docs: paragraphs indexed from the file (fast).
    pub file_paragraphs: Field,
    /// For `file` docs: content hash (fast string).
    pub file_hash: Field,
    /// For `file` docs: governing configuration hash (fast string).
    pub file_meta: Field,
    /// For `file` docs: skip reason, empty when indexed (fast string).
    pub file_skipped: Field,
    /// For `file` docs: the generation its paragraphs entered with (fast),
    /// so that a rebuild can keep it for files whose content did not change.
    pub file_seq: Field,
}

/// The tantivy field names of the entity fields, by kind (also their fast-field names).
pub const COUNTRY: &str = "country";
/// See [`COUNTRY`].
pub const INSTRUMENT: &str = "instrument";
/// See [`COUNTRY`].
pub const TOPIC: &str = "topic";
/// See [`COUNTRY`].
pub const GROUP: &str = "group";
/// The fast column of the wording fingerprints (see [`Fields::shingle`]).
pub const SHINGLE: &str = "shingle";

impl Fields {
    /// Builds the schema and its handles.
    pub fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let text = |with_positions: bool| {
            let option = if with_positions {
                IndexRecordOption::WithFreqsAndPositions
            } else {
                IndexRecordOption::WithFreqs
            };
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(STEM_TOKENIZER)
                    .set_index_option(option),
            )
        };
        // Entity fields: raw tokens, frequencies kept (mentions rank), no
        // field norms so that a paragraph naming many countries is not
        // penalised for it, and a fast column for facet counts.
        let entity = TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("raw")
                    .set_fieldnorms(false)
                    .set_index_option(IndexRecordOption::WithFreqs),
            )
            .set_fast("raw");
        let keyword = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::Basic),
        );
        let u64_fast = NumericOptions::default().set_indexed().set_fast();

        let kind = b.add_text_field("kind", STRING);
        let id = b.add_text_field("id", STRING);
        let source = b.add_text_field("source", keyword.clone().set_fast("raw"));
        let body = b.add_text_field("body", text(true));
        let context = b.add_text_field("context", text(true));
        let heading = b.add_text_field("heading", text(true));
        let meeting = b.add_text_field(
            "meeting",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("default")
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            ),
        );
        let meeting_key = b.add_text_field("meeting_key", keyword.clone().set_fast("raw"));
        let doc_type = b.add_text_field("doc_type", keyword.clone().set_fast("raw"));
        let issuer = b.add_text_field("issuer", keyword.clone().set_fast("raw"));
        let country = b.add_text_field(COUNTRY, entity.clone());
        let instrument = b.add_text_field(INSTRUMENT, entity.clone());
        let topic = b.add_text_field(TOPIC, entity.clone());
        let group = b.add_text_field(GROUP, entity);
        let context_entity = b.add_text_field("context_entity", keyword);
        let date_lo = b.add_u64_field("date_lo", u64_fast.clone());
        let date_hi = b.add_u64_field("date_hi", u64_fast.clone());
        let date = b.add_u64_field("date", u64_fast.clone());
        let year = b.add_u64_field("year", u64_fast.clone());
        let ordinal = b.add_u64_field("ordinal", FAST);
        // Indexed only: looked up by term, never read back or sorted on.
        let shingle = b.add_u64_field(SHINGLE, FAST);
        let record = b.add_text_field("record", STORED);
        let text_stored = b.add_text_field("text", STORED);
        let seq = b.add_u64_field("seq", u64_fast.clone());
        // File state lives in fast columns: the next ingest reads the state
        // of every file without touching the doc store.
        let column = TextOptions::default().set_fast("raw");
        let file_size = b.add_u64_field("file_size", FAST);
        let file_mtime = b.add_u64_field("file_mtime", FAST);
        let file_paragraphs = b.add_u64_field("file_paragraphs", FAST);
        let file_hash = b.add_text_field("file_hash", column.clone());
        let file_meta = b.add_text_field("file_meta", column.clone());
        let file_skipped = b.add_text_field("file_skipped", column);
        let file_seq = b.add_u64_field("file_seq", FAST);
        let fields = Fields {
            kind,
            id,
            source,
            body,
            context,
            heading,
            meeting,
            meeting_key,
            doc_type,
            issuer,
            country,
            instrument,
            topic,
            group,
            context_entity,
            date_lo,
            date_hi,
            date,
            year,
            ordinal,
            shingle,
            record,
            text: text_stored,
            seq,
            file_size,
            file_mtime,
            file_paragraphs,
            file_hash,
            file_meta,
            file_skipped,
            file_seq,
        };
        (b.build(), fields)
    }

    /// The entity field for a kind.
    pub fn entity(&self, kind: crate::model::EntityKind) -> Field {
        use crate::model::EntityKind::*;
        match kind {
            Country => self.country,
            Instrument => self.instrument,
            Topic => self.topic,
            Group => self.group,
        }
    }
}

/// Values of the `kind` field.
pub mod kind {
    /// A paragraph document.
    pub const PARA: &str = "para";
    /// A corpus-file state document.
    pub const FILE: &str = "file";
}
