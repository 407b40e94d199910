//! The display record of one paragraph: everything `search`, `show` and
//! `export` print. The pipeline builds it, the index stores it once as JSON
//! (and derives its indexed fields from it), search reads it back; it lives
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

/// The stored JSON of a [`ParagraphRecord`] as one flat struct, which is
/// what reading a hit deserialises. Why not `#[serde(flatten)]` on the way
/// in too: serde reads a flattened struct through an intermediate buffer of
/// every field, which made reading ten hits' records cost as much as
/// finding them for a rare phrase. The JSON is the same.
#[derive(Deserialize)]
struct StoredRecord {
    id: String,
    source: String,
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
        ParagraphRecord {
            id: r.id,
            source: r.source,
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

    /// The stored JSON is flat (header fields at the top level), and reading
    /// it back through the flat mirror gives the same record, with every
    /// field set and with every optional field empty.
    #[test]
    fn stored_json_round_trips() {
        let full = full();
        let sparse = ParagraphRecord {
            header: MeetingHeader::default(),
            parent: None,
            context: None,
            heading: None,
            countries: Vec::new(),
            instruments: Vec::new(),
            topics: Vec::new(),
            groups: Vec::new(),
            ..full.clone()
        };
        for record in [full, sparse] {
            let json = serde_json::to_string(&record).expect("serialise");
            let value: serde_json::Value = serde_json::from_str(&json).expect("json");
            assert!(value.get("doc_type").is_some() && value.get("header").is_none());
            let back: ParagraphRecord = serde_json::from_str(&json).expect("read back");
            assert_eq!(back, record);
        }
    }

    /// The bytes of the stored JSON, field order included: indexes built
    /// before are read by the same code, and a lookup by id reads the
    /// record's first field (`crate::index::record_prefix`).
    #[test]
    fn stored_json_keeps_its_bytes() {
        let json = serde_json::to_string(&full()).expect("serialise");
        assert_eq!(
            json,
            r#"{"id":"arf/2005.txt#4(d)","source":"arf/2005.txt","title":"Chairman's Statement","meeting":"ASEAN Regional Forum","meeting_id":"ARF","acronym":"ARF","edition":12,"doc_type":"chairs-statement","date":"2005-07-29","date_end":"2005-07-30","year":2005,"place":"Vientiane","chair":"H.E. Somsavat Lengsavad","issuer":"LAO","participants":["JPN","KOR"],"symbol":"S/RES/1540 (2004)","vote":"unanimously","url":"https://example.org/arf","paragraph":"4(d)","ordinal":7,"parent":"4","context":"The Ministers:","heading":"Non-proliferation","text":"welcomed the Six-Party Talks on the Korean Peninsula.","countries":["PRK"],"instruments":["NPT"],"topics":["non-proliferation"],"groups":["ASEAN"]}"#
        );
    }
}
