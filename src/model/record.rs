//! The display record of one paragraph: everything `search`, `show` and
//! `export` print. The pipeline builds it, the index stores it (its text as
//! a field of its own, the rest as compact JSON: [`ParagraphRecord::stored_json`])
//! and derives its indexed fields from it, search reads it back; it lives
//! here so that none of those stages imports another for it.

use serde::{Deserialize, Serialize};

use super::{CountryCode, Date, DocType, MeetingHeader, Tags};

/// One paragraph with its document's header and its entities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredRecord")]
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

/// The JSON of a [`ParagraphRecord`] as one flat struct, which is what
/// reading a hit deserialises. Why not `#[serde(flatten)]` on the way in
/// too: serde reads a flattened struct through an intermediate buffer of
/// every field, which made reading ten hits' records cost as much as
/// finding them for a rare phrase. Reads both the full JSON and the
/// stored one ([`ParagraphRecord::stored_json`]: no text, no source, no
/// empty fields).
#[derive(Deserialize)]
struct StoredRecord {
    id: String,
    #[serde(default)]
    source: Option<String>,
    title: Option<String>,
    meeting: Option<String>,
    #[serde(default)]
    meeting_id: Option<String>,
    acronym: Option<String>,
    edition: Option<u32>,
    doc_type: DocType,
    date: Option<Date>,
    date_end: Option<Date>,
    year: Option<u16>,
    place: Option<String>,
    chair: Option<String>,
    issuer: Option<CountryCode>,
    #[serde(default)]
    participants: Vec<CountryCode>,
    #[serde(default)]
    symbol: Option<String>,
    #[serde(default)]
    vote: Option<String>,
    #[serde(default)]
    url: Option<String>,
    paragraph: String,
    ordinal: u32,
    parent: Option<String>,
    context: Option<String>,
    heading: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    countries: Vec<CountryCode>,
    #[serde(default)]
    instruments: Vec<String>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    groups: Vec<String>,
}

impl From<StoredRecord> for ParagraphRecord {
    fn from(r: StoredRecord) -> ParagraphRecord {
        // The stored form leaves the source out: the id is `source#label`.
        let source = r.source.unwrap_or_else(|| {
            r.id.strip_suffix(r.paragraph.as_str())
                .and_then(|s| s.strip_suffix('#'))
                .unwrap_or_default()
                .to_string()
        });
        ParagraphRecord {
            id: r.id,
            source,
            header: MeetingHeader {
                title: r.title,
                meeting: r.meeting,
                meeting_id: r.meeting_id,
                acronym: r.acronym,
                edition: r.edition,
                doc_type: r.doc_type,
                date: r.date,
                date_end: r.date_end,
                year: r.year,
                place: r.place,
                chair: r.chair,
                issuer: r.issuer,
                participants: r.participants,
                symbol: r.symbol,
                vote: r.vote,
                url: r.url,
            },
            paragraph: r.paragraph,
            ordinal: r.ordinal,
            parent: r.parent,
            context: r.context,
            heading: r.heading,
            text: r.text,
            countries: r.countries,
            instruments: r.instruments,
            topics: r.topics,
            groups: r.groups,
        }
    }
}

/// What the index stores of a record beside its text: the JSON of
/// [`StoredRecord`] without the text, the source (the id holds it) and
/// empty fields, in three parts: the id first (a lookup by id reads it
/// alone, `crate::index::record_prefix`), the header's fields
/// ([`StoredHeader`], written once per document), the paragraph's. Why:
/// the full JSON repeated every document's header with its empty fields
/// on every paragraph and escaped the text, and serialising it was a
/// twentieth of the instructions of an ingest (benches/PROFILE.md,
/// twelfth round).
#[derive(Serialize)]
struct HeaderForm<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meeting: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meeting_id: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    acronym: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<u32>,
    doc_type: DocType,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_end: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    chair: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<CountryCode>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    participants: &'a [CountryCode],
    #[serde(skip_serializing_if = "Option::is_none")]
    symbol: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    vote: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: &'a Option<String>,
}

/// The paragraph's part of the stored JSON (see [`HeaderForm`]).
#[derive(Serialize)]
struct ParagraphForm<'a> {
    paragraph: &'a str,
    ordinal: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    heading: &'a Option<String>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    countries: &'a [CountryCode],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    instruments: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    topics: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    groups: &'a [String],
}

/// A document header's fields as the stored JSON writes them (`"doc_type":…`
/// and the others that are set, without braces), made once for all the
/// paragraphs of a document.
pub struct StoredHeader(String);

impl StoredHeader {
    /// The stored fields of `h`.
    pub fn of(h: &MeetingHeader) -> serde_json::Result<StoredHeader> {
        let json = serde_json::to_string(&HeaderForm {
            title: &h.title,
            meeting: &h.meeting,
            meeting_id: &h.meeting_id,
            acronym: &h.acronym,
            edition: h.edition,
            doc_type: h.doc_type,
            date: h.date,
            date_end: h.date_end,
            year: h.year,
            place: &h.place,
            chair: &h.chair,
            issuer: h.issuer,
            participants: &h.participants,
            symbol: &h.symbol,
            vote: &h.vote,
            url: &h.url,
        })?;
        // `doc_type` is always written: never an empty object.
        Ok(StoredHeader(json[1..json.len() - 1].to_string()))
    }
}

impl ParagraphRecord {
    /// The JSON the index stores beside the text; reading it back with
    /// `serde_json` and setting the text gives the record.
    pub fn stored_json(&self) -> serde_json::Result<String> {
        self.stored_json_with(&StoredHeader::of(&self.header)?)
    }

    /// [`ParagraphRecord::stored_json`] with the header's part made
    /// already: `header` must be [`StoredHeader::of`] this record's header.
    pub fn stored_json_with(&self, header: &StoredHeader) -> serde_json::Result<String> {
        let id = serde_json::to_string(&self.id)?;
        let paragraph = serde_json::to_string(&ParagraphForm {
            paragraph: &self.paragraph,
            ordinal: self.ordinal,
            parent: &self.parent,
            context: &self.context,
            heading: &self.heading,
            countries: &self.countries,
            instruments: &self.instruments,
            topics: &self.topics,
            groups: &self.groups,
        })?;
        let mut out = String::with_capacity(id.len() + header.0.len() + paragraph.len() + 8);
        out.push_str("{\"id\":");
        out.push_str(&id);
        out.push(',');
        out.push_str(&header.0);
        out.push(',');
        // The paragraph's object without its opening brace.
        out.push_str(&paragraph[1..]);
        Ok(out)
    }
}

/// A record with the entity counts the index needs beside it: what the
/// pipeline hands to the index writer for one paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct TaggedRecord {
    /// What is stored and displayed.
    pub record: ParagraphRecord,
    /// Entities of its own text, with mention counts.
    pub tags: Tags,
    /// Entities of its parent's text (a sub-paragraph matches an entity
    /// filter through its lead-in too, ranked below direct mentions).
    pub context_tags: Option<Tags>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> CountryCode {
        c.parse().expect("country code")
    }

    fn full() -> ParagraphRecord {
        ParagraphRecord {
            id: "arf/2005.txt#4(d)".into(),
            source: "arf/2005.txt".into(),
            header: MeetingHeader {
                title: Some("Chairman's Statement".into()),
                meeting: Some("ASEAN Regional Forum".into()),
                acronym: Some("ARF".into()),
                edition: Some(12),
                doc_type: DocType::ChairsStatement,
                date: Date::new(2005, 7, 29),
                date_end: Date::new(2005, 7, 30),
                year: Some(2005),
                place: Some("Vientiane".into()),
                chair: Some("H.E. Somsavat Lengsavad".into()),
                issuer: Some(code("LAO")),
                participants: vec![code("JPN"), code("KOR")],
                meeting_id: Some("ARF".into()),
                symbol: Some("S/RES/1540 (2004)".into()),
                vote: Some("unanimously".into()),
                url: Some("https://example.org/arf".into()),
            },
            paragraph: "4(d)".into(),
            ordinal: 7,
            parent: Some("4".into()),
            context: Some("The Ministers:".into()),
            heading: Some("Non-proliferation".into()),
            text: "welcomed the Six-Party Talks on the Korean Peninsula.".into(),
            countries: vec![code("PRK")],
            instruments: vec!["NPT".into()],
            topics: vec!["non-proliferation".into()],
            groups: vec!["ASEAN".into()],
        }
    }

    /// [`full`] with every optional field empty.
    fn sparse() -> ParagraphRecord {
        ParagraphRecord {
            header: MeetingHeader::default(),
            parent: None,
            context: None,
            heading: None,
            countries: Vec::new(),
            instruments: Vec::new(),
            topics: Vec::new(),
            groups: Vec::new(),
            ..full()
        }
    }

    /// Reading the stored form back and setting the text gives the same
    /// record, with every field set and with every optional field empty;
    /// the full JSON (header fields at the top level) reads back too.
    #[test]
    fn stored_json_round_trips() {
        let full = full();
        let sparse = sparse();
        let odd_name = ParagraphRecord {
            id: "odd #1 name.txt#p3".into(),
            source: "odd #1 name.txt".into(),
            paragraph: "p3".into(),
            ..sparse.clone()
        };
        for record in [full, sparse, odd_name] {
            let json = record.stored_json().expect("serialise");
            assert!(!json.contains(&record.text) && !json.contains(":null"));
            let mut back: ParagraphRecord = serde_json::from_str(&json).expect("read back");
            back.text = record.text.clone();
            assert_eq!(back, record);
            let whole = serde_json::to_string(&record).expect("serialise");
            let value: serde_json::Value = serde_json::from_str(&whole).expect("json");
            assert!(value.get("doc_type").is_some() && value.get("header").is_none());
            let back: ParagraphRecord = serde_json::from_str(&whole).expect("read back");
            assert_eq!(back, record);
        }
    }

    /// The bytes of the stored JSON, field order included: the index
    /// format depends on them (a change is a schema version), and a lookup
    /// by id reads the record's first field (`crate::index::record_prefix`).
    #[test]
    fn stored_json_keeps_its_bytes() {
        let json = full().stored_json().expect("serialise");
        assert_eq!(
            json,
            r#"{"id":"arf/2005.txt#4(d)","title":"Chairman's Statement","meeting":"ASEAN Regional Forum","meeting_id":"ARF","acronym":"ARF","edition":12,"doc_type":"chairs-statement","date":"2005-07-29","date_end":"2005-07-30","year":2005,"place":"Vientiane","chair":"H.E. Somsavat Lengsavad","issuer":"LAO","participants":["JPN","KOR"],"symbol":"S/RES/1540 (2004)","vote":"unanimously","url":"https://example.org/arf","paragraph":"4(d)","ordinal":7,"parent":"4","context":"The Ministers:","heading":"Non-proliferation","countries":["PRK"],"instruments":["NPT"],"topics":["non-proliferation"],"groups":["ASEAN"]}"#
        );
        let sparse = sparse();
        assert_eq!(
            sparse.stored_json().expect("serialise"),
            r#"{"id":"arf/2005.txt#4(d)","doc_type":"other","paragraph":"4(d)","ordinal":7}"#
        );
    }
}
