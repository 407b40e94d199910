//! The shared vocabulary of the pipeline: plain data types that every stage speaks.
//!
//! Nothing here does I/O or knows about tantivy. Types with a closed vocabulary
//! (document types, entity kinds) are enums; codes with a fixed shape (ISO 3166
//! alpha-3) are newtypes whose only constructor is `FromStr`, so a `String`
//! never stands in for a country or a date.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub mod label;
mod record;

pub use record::{ParagraphRecord, StoredHeader, TaggedRecord};

/// An ISO 3166-1 alpha-3 code (or an ISO 3166-3 former code such as `SUN`,
/// or `EUU` for the European Union), always upper case.
///
/// Built only by `FromStr`, which checks the shape (three ASCII letters) but
/// not membership: whether a code names a known country is the gazetteer's
/// business (`enrich`).
///
/// ```
/// use dipsearch::model::CountryCode;
/// let jpn: CountryCode = "jpn".parse().unwrap();
/// assert_eq!(jpn.to_string(), "JPN");
/// assert!("JP".parse::<CountryCode>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 3]);

impl CountryCode {
    /// The code as a `&str` (always three upper-case ASCII letters).
    pub fn as_str(&self) -> &str {
        // The constructor only admits ASCII letters, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

/// Error for a string that is not three ASCII letters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a three-letter country code")]
pub struct BadCountryCode(pub String);

impl FromStr for CountryCode {
    type Err = BadCountryCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        if b.len() != 3 || !b.iter().all(u8::is_ascii_alphabetic) {
            return Err(BadCountryCode(s.to_string()));
        }
        Ok(CountryCode([
            b[0].to_ascii_uppercase(),
            b[1].to_ascii_uppercase(),
            b[2].to_ascii_uppercase(),
        ]))
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A calendar date (proleptic Gregorian), printed as ISO 8601 `YYYY-MM-DD`.
///
/// ```
/// use dipsearch::model::Date;
/// let d: Date = "2003-11-13".parse().unwrap();
/// assert_eq!((d.year, d.month, d.day), (2003, 11, 13));
/// assert_eq!(d.to_string(), "2003-11-13");
/// assert!("2003-02-30".parse::<Date>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year, 1..=9999.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31 (checked against the month's length).
    pub day: u8,
}

impl Date {
    /// A checked constructor: `None` for impossible dates such as 30 February.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// The date as a sortable integer `YYYYMMDD` (used for range filters).
    pub fn key(&self) -> u64 {
        self.year as u64 * 10_000 + self.month as u64 * 100 + self.day as u64
    }
}

/// Number of days in `month` of `year` (Gregorian leap years).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// Error for a string that is not an ISO date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a date (expected YYYY-MM-DD)")]
pub struct BadDate(pub String);

impl FromStr for Date {
    type Err = BadDate;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadDate(s.to_string());
        let mut it = s.trim().splitn(3, '-');
        let (y, m, d) = (
            it.next().ok_or_else(bad)?,
            it.next().ok_or_else(bad)?,
            it.next().ok_or_else(bad)?,
        );
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        Date::new(
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        )
        .ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The normalised type of a document. The wire names (`chairs-summary`, …)
/// are part of the JSON contract and of the `--type` filter.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum DocType {
    /// Chairman's / Chair's / Co-Chairs' Summary (and Summary Report).
    ChairsSummary,
    /// Chairman's / Chair's Statement.
    ChairsStatement,
    /// Joint Statement, Joint Press Statement.
    JointStatement,
    /// Press Release, Press Statement, announcement pages.
    PressRelease,
    /// Declaration, Joint Declaration, Political / Leaders' Declaration.
    Declaration,
    /// Communiqué, Joint Communique.
    Communique,
    /// A statement by one party, such as a General Debate speech or remarks.
    Statement,
    /// Report, Co-Chairs' Report, Action Plan and other reports.
    Report,
    /// A resolution (UN Security Council, General Assembly).
    Resolution,
    /// A page announcing a meeting to come (`... will host ...`).
    Announcement,
    /// Anything else.
    #[default]
    Other,
}

impl DocType {
    /// Every variant, in display order: the one list of document types,
    /// from which help text and error messages are made.
    pub const ALL: [DocType; 11] = [
        DocType::ChairsSummary,
        DocType::ChairsStatement,
        DocType::JointStatement,
        DocType::PressRelease,
        DocType::Declaration,
        DocType::Communique,
        DocType::Statement,
        DocType::Report,
        DocType::Resolution,
        DocType::Announcement,
        DocType::Other,
    ];

    /// The canonical wire name, e.g. `chairs-summary`.
    pub fn as_str(&self) -> &'static str {
        match self {
            DocType::ChairsSummary => "chairs-summary",
            DocType::ChairsStatement => "chairs-statement",
            DocType::JointStatement => "joint-statement",
            DocType::PressRelease => "press-release",
            DocType::Declaration => "declaration",
            DocType::Communique => "communique",
            DocType::Statement => "statement",
            DocType::Report => "report",
            DocType::Resolution => "resolution",
            DocType::Announcement => "announcement",
            DocType::Other => "other",
        }
    }

    /// The wire names of [`DocType::ALL`], comma-separated, for help text
    /// and error messages.
    ///
    /// ```
    /// use dipsearch::model::DocType;
    /// assert!(DocType::names().starts_with("chairs-summary, chairs-statement, "));
    /// assert!(DocType::names().ends_with(", other"));
    /// ```
    pub fn names() -> &'static str {
        static NAMES: OnceLock<String> = OnceLock::new();
        NAMES.get_or_init(|| DocType::ALL.map(|t| t.as_str()).join(", "))
    }
}

/// Error for an unknown document type name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown document type '{0}' (expected one of {names})", names = DocType::names())]
pub struct BadDocType(pub String);

/// A type as people write it (`chair's statement`, `Communiqué`, `press
/// releases`, `Co-Chairs' Summary`) is the type.
///
/// ```
/// use dipsearch::model::DocType;
/// assert_eq!("chair's statement".parse(), Ok(DocType::ChairsStatement));
/// assert_eq!("Communiqué".parse(), Ok(DocType::Communique));
/// assert_eq!("press releases".parse(), Ok(DocType::PressRelease));
/// assert_eq!("Co-Chairs' Summaries".parse(), Ok(DocType::ChairsSummary));
/// assert!("minutes".parse::<DocType>().is_err());
/// ```
impl FromStr for DocType {
    type Err = BadDocType;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut norm: String = s
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, '\'' | '’'))
            .map(|c| match c {
                'é' | 'è' | 'ê' => 'e',
                ' ' | '_' => '-',
                c => c,
            })
            .collect();
        for chair in ["chairmans-", "chairpersons-", "co-chairs-", "cochairs-"] {
            if let Some(rest) = norm.strip_prefix(chair) {
                norm = format!("chairs-{rest}");
            }
        }
        let named = |n: &str| DocType::ALL.into_iter().find(|t| t.as_str() == n);
        named(&norm)
            .or_else(|| {
                norm.strip_suffix("ies")
                    .and_then(|n| named(&format!("{n}y")))
            })
            .or_else(|| norm.strip_suffix('s').and_then(named))
            .ok_or_else(|| BadDocType(s.to_string()))
    }
}

impl fmt::Display for DocType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kinds of named entity the enricher tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A state (or former state, or the EU), as an alpha-3 code.
    Country,
    /// A treaty, resolution, regime or initiative, as a canonical id (`NPT`, `UNSCR-1540`).
    Instrument,
    /// A topic id from the taxonomy (`export-control`).
    Topic,
    /// A group of states (`ASEAN`, `G8`).
    Group,
}

impl EntityKind {
    /// The wire name (`country`, `instrument`, `topic`, `group`).
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Country => "country",
            EntityKind::Instrument => "instrument",
            EntityKind::Topic => "topic",
            EntityKind::Group => "group",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a document says about the meeting it records. Every field is
/// optional except the type: a value the text does not state stays `None`,
/// never invented.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MeetingHeader {
    /// The document's own title line, when it has one.
    pub title: Option<String>,
    /// Full meeting name without ordinal or acronym,
    /// e.g. `Asian Senior-level Talks on Non-Proliferation`: the canonical
    /// name of the series when the meeting gazetteer knows it.
    pub meeting: Option<String>,
    /// The meeting series' id in `data/meetings.tsv` (`ARF`, `G7-SUMMIT`),
    /// so every spelling of a series filters and counts as one.
    pub meeting_id: Option<String>,
    /// Acronym such as `ASTOP`, `ARF`, `UNGD`.
    pub acronym: Option<String>,
    /// Edition / session number (`The Fourth …`, `ASTOP-IV` → 4).
    pub edition: Option<u32>,
    /// Normalised document type.
    pub doc_type: DocType,
    /// Meeting date (first day of a range).
    pub date: Option<Date>,
    /// Last day of a date range, when the text gives a range.
    pub date_end: Option<Date>,
    /// Year, when known; equals `date.year` when there is a date, and may be
    /// set alone (e.g. from a file name) when the full date is unknown.
    pub year: Option<u16>,
    /// Place (city, or `City, Country`), as written.
    pub place: Option<String>,
    /// The chair, as written (`Ambassador Yukiya Amano`).
    pub chair: Option<String>,
    /// The country that speaks or hosts (from metadata, e.g. a UNGD file name).
    pub issuer: Option<CountryCode>,
    /// Countries named as attending, in order of first mention.
    pub participants: Vec<CountryCode>,
    /// The document's official symbol (`S/RES/678 (1990)`), when it has one.
    pub symbol: Option<String>,
    /// How it was adopted, as written (`12 votes to 2, with 1 abstention`).
    pub vote: Option<String>,
    /// Where the document was published, when its metadata says.
    pub url: Option<String>,
}

/// One paragraph as the segmenter found it: layout only, no entities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The document's own label (`4`, `4(d)`, `II.3`), or `p1`, `p2`, … by
    /// position for unnumbered blocks. Unique within the document.
    pub label: String,
    /// 0-based position among the document's paragraphs.
    pub ordinal: u32,
    /// Label of the enclosing paragraph for a sub-paragraph.
    pub parent: Option<String>,
    /// The parent's lead-in text for a sub-paragraph (searchable at lower weight).
    pub context: Option<String>,
    /// The unnumbered section heading the paragraph sits under, if any.
    pub heading: Option<String>,
    /// The paragraph's own text, whitespace-normalised, faithful otherwise.
    pub text: String,
}

/// The segmenter's output for one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Segmented {
    /// What the header says about the meeting.
    pub header: MeetingHeader,
    /// Paragraphs in document order; ordinals are 0..len.
    pub paragraphs: Vec<Paragraph>,
}

/// One tagged mention: which entity, and where in the paragraph text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Entity kind.
    pub kind: EntityKind,
    /// Canonical id (`JPN`, `PSI`, `export-control`, `ASEAN`).
    pub id: String,
    /// Byte offset of the first byte of the triggering words in the text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// The entities of one paragraph with their mention counts, each list in
/// order of first mention. Counts feed ranking ("how much is it about X").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tags {
    /// Countries and how often each is mentioned.
    pub countries: Vec<(CountryCode, u32)>,
    /// Instruments and mention counts.
    pub instruments: Vec<(String, u32)>,
    /// Topics and trigger counts.
    pub topics: Vec<(String, u32)>,
    /// Groups and mention counts.
    pub groups: Vec<(String, u32)>,
}

/// Filter values as typed, before resolution: what the command line's
/// filter flags, the web page's parameters and saved searches (stored as
/// JSON, resolved again at each run) all map onto, so that
/// `search::Filters::resolve` checks them the same way and gives the same errors.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FilterValues {
    /// Countries mentioned (`JPN`, `Japan`, a group for its members).
    pub countries: Vec<String>,
    /// Instruments mentioned.
    pub instruments: Vec<String>,
    /// Topics.
    pub topics: Vec<String>,
    /// Groups mentioned as such.
    pub groups: Vec<String>,
    /// Meetings (series or words of a name).
    pub meetings: Vec<String>,
    /// Document types.
    pub types: Vec<String>,
    /// Issuing countries.
    pub issuers: Vec<String>,
    /// First day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Last day, as `since`.
    pub until: Option<String>,
}
