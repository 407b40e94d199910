//! Citations of a paragraph (issue 17): what a reader needs to find it —
//! the document (its symbol where it has one), the meeting, the place, the
//! date, the paragraph as the pinpoint and the address the page gave.
//!
//! [`citation`] reads a [`ParagraphRecord`] into a [`Citation`], the one
//! place where document types map to kinds of work and where titles,
//! authors and pinpoints are chosen; one module per output format then
//! writes it: [`text`] (UN, OSCOLA-like and Bluebook-like styles),
//! [`csl`] (CSL-JSON items, serde), [`ris`] and [`bibtex`]. All are pure
//! functions returning strings or serde values; the binary picks one.
//!
//! A label that is dipsearch's own count (`p11`, see [`crate::model::label`])
//! is cited in brackets and marked `(numbering not in the original)`, so
//! nobody looks for a paragraph 11 the document does not have.
//!
//! ```
//! use dipsearch::cite::{citation, text::{format, Style}};
//! # let json = r#"{"id":"astop-2003-tokyo.txt#4(d)","source":"astop-2003-tokyo.txt",
//! #  "title":"Asian Senior-level Talks on Non-Proliferation (ASTOP)","meeting":"Asian Senior-level Talks on Non-Proliferation",
//! #  "acronym":"ASTOP","edition":null,"doc_type":"chairs-summary","date":"2003-11-13","date_end":null,"year":2003,
//! #  "place":"Tokyo","chair":null,"issuer":null,"paragraph":"4(d)","ordinal":9,"parent":"4","context":null,
//! #  "heading":null,"text":"…"}"#;
//! # let record: dipsearch::model::ParagraphRecord = serde_json::from_str(json).unwrap();
//! let c = citation(&record);
//! assert_eq!(
//!     format(&c, Style::Un),
//!     "Asian Senior-level Talks on Non-Proliferation (ASTOP), Chair's Summary, Tokyo, 13 November 2003, para. 4(d)."
//! );
//! ```

pub mod bibtex;
pub mod csl;
pub mod ris;
pub mod text;

use crate::enrich::country_name;
use crate::model::label::{is_own, split_annex};
use crate::model::{Date, DocType, ParagraphRecord};
use crate::text::title::{is_all_caps, title_case};

/// What kind of work a document is, for the formats that type their
/// entries (CSL types, RIS `TY`, BibTeX entry types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A resolution: CSL `legislation`, the adopting body as `authority`.
    Legislation,
    /// A meeting's outcome document (chair's summary or statement, co-chairs'
    /// report, joint statement, declaration, communiqué, report): CSL
    /// `report` with the meeting as author.
    Report,
    /// One party's statement (a General Debate speech, remarks): CSL
    /// `speech`, the speaking country (or the meeting) as author.
    Speech,
    /// A press release or an announcement page: CSL `webpage` when the
    /// page gave its address, `article` otherwise.
    PressRelease,
}

impl Kind {
    /// The kind of a document type.
    pub fn of(doc_type: DocType) -> Kind {
        match doc_type {
            DocType::Resolution => Kind::Legislation,
            DocType::Statement => Kind::Speech,
            DocType::PressRelease | DocType::Announcement => Kind::PressRelease,
            DocType::ChairsSummary
            | DocType::ChairsStatement
            | DocType::JointStatement
            | DocType::Declaration
            | DocType::Communique
            | DocType::Report
            | DocType::Other => Kind::Report,
        }
    }
}

/// The paragraph cited: its label and whether the label is the document's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pinpoint {
    /// The label as indexed (`4(d)`, `p11`, `annexA.1`).
    pub label: String,
    /// The annex it is in, as a reader names it (`annex A`).
    pub annex: Option<String>,
    /// The label within the annex (or the whole label).
    pub number: String,
    /// Whether the label is dipsearch's own count, not the document's.
    pub own: bool,
}

/// What is said after an unofficial pinpoint.
pub const UNOFFICIAL: &str = "(numbering not in the original)";

impl Pinpoint {
    /// Reads a label.
    pub fn of(label: &str) -> Pinpoint {
        let (annex, number) = split_annex(label);
        Pinpoint {
            label: label.to_string(),
            annex: annex.map(annex_name),
            number: number.to_string(),
            own: is_own(label),
        }
    }

    /// The paragraph number as cited after a style's `para.`: `4(d)`, or
    /// `[p11] (numbering not in the original)`.
    pub fn number_text(&self) -> String {
        if self.own {
            format!("[{}] {UNOFFICIAL}", self.number)
        } else {
            self.number.clone()
        }
    }

    /// The pinpoint with a style's word for paragraph (`para.`, `para`,
    /// `¶`): `para. 4(d)`, `annex A, para. 1`.
    pub fn with_word(&self, word: &str) -> String {
        let para = format!("{word} {}", self.number_text());
        match &self.annex {
            Some(a) => format!("{a}, {para}"),
            None => para,
        }
    }

    /// The CSL `locator` (with `label: "paragraph"`): the number, then the
    /// annex in brackets (`1 (annex A)`).
    pub fn locator(&self) -> String {
        match &self.annex {
            Some(a) => format!("{} ({a})", self.number_text()),
            None => self.number_text(),
        }
    }
}

/// `annexA` → `annex A`, `appendixII` → `appendix II`, `annex` → `annex`.
fn annex_name(prefix: &str) -> String {
    for word in ["annex", "appendix"] {
        if let Some(id) = prefix.strip_prefix(word) {
            return if id.is_empty() {
                word.to_string()
            } else {
                format!("{word} {id}")
            };
        }
    }
    prefix.to_string()
}

/// Everything a citation of one paragraph says, whatever the format.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// Citation key, the same in every format: the file name and the label
    /// (`astop-2003-tokyo:4-d`), ASCII letters, digits, `-`, `_`, `:`.
    pub key: String,
    /// The paragraph id in the index (`astop-2003-tokyo.txt#4(d)`).
    pub id: String,
    /// The kind of work.
    pub kind: Kind,
    /// The document type as a reader names it (`Chair's Summary`).
    pub genre: Option<&'static str>,
    /// The document's title (title case for an ALL-CAPS one), or one made
    /// from what is known (`Statement by New Zealand`).
    pub title: String,
    /// Whether [`Citation::title`] is the document's own.
    pub title_given: bool,
    /// Who issued it: the meeting, or the speaking country for a speech.
    pub author: Option<String>,
    /// The meeting's name (`ASEAN Regional Forum`).
    pub meeting: Option<String>,
    /// The meeting's acronym (`ARF`).
    pub acronym: Option<String>,
    /// The meeting's edition or session (`12`).
    pub edition: Option<u32>,
    /// The document symbol (`S/RES/1540 (2004)`).
    pub symbol: Option<String>,
    /// Where the meeting was.
    pub place: Option<String>,
    /// The date (first day of a range).
    pub date: Option<Date>,
    /// The last day of a range.
    pub date_end: Option<Date>,
    /// The year, when no full date is known.
    pub year: Option<u16>,
    /// The address the page gave (front matter, page metadata).
    pub url: Option<String>,
    /// The paragraph.
    pub pinpoint: Pinpoint,
}

/// The citation of one paragraph.
pub fn citation(r: &ParagraphRecord) -> Citation {
    let h = &r.header;
    let kind = Kind::of(h.doc_type);
    let meeting = meeting_label(h.meeting.as_deref(), h.acronym.as_deref());
    let issuer = h.issuer.as_ref().and_then(country_name).map(str::to_string);
    let author = match kind {
        Kind::Speech => issuer.clone().or_else(|| h.meeting.clone()),
        Kind::Legislation => h.meeting.clone().or_else(|| h.acronym.clone()),
        Kind::Report => h.meeting.clone().or_else(|| issuer.clone()),
        Kind::PressRelease => None,
    };
    let given = h
        .title
        .as_deref()
        .map(clean_title)
        .filter(|t| !t.is_empty());
    let genre = genre(h.doc_type);
    let title_given = given.is_some();
    let title = given.unwrap_or_else(|| match (kind, &issuer) {
        (Kind::Speech, Some(country)) => format!("Statement by {country}"),
        _ => match (genre, &meeting) {
            (Some(g), Some(m)) => format!("{g}, {m}"),
            (Some(g), None) => g.to_string(),
            (None, Some(m)) => m.clone(),
            (None, None) => file_stem(&r.source).to_string(),
        },
    });
    Citation {
        key: format!("{}:{}", slug(file_stem(&r.source)), slug(&r.paragraph)),
        id: r.id.clone(),
        kind,
        genre,
        title,
        title_given,
        author,
        meeting: h.meeting.clone(),
        acronym: h.acronym.clone(),
        edition: h.edition,
        symbol: h.symbol.clone(),
        place: h.place.clone(),
        date: h.date,
        date_end: h.date_end.filter(|e| Some(*e) != h.date),
        year: h.year.or(h.date.map(|d| d.year)),
        url: h.url.clone(),
        pinpoint: Pinpoint::of(&r.paragraph),
    }
}

/// Makes the keys of several citations unique (`…-2`, `-3` in order), as
/// one bibliography needs.
pub fn unique_keys(citations: &mut [Citation]) {
    let mut used = std::collections::HashSet::new();
    for c in citations.iter_mut() {
        let base = c.key.clone();
        let mut n = 2;
        while !used.insert(c.key.clone()) {
            c.key = format!("{base}-{n}");
            n += 1;
        }
    }
}

/// A document type as a reader names it; `None` for `other`.
pub fn genre(doc_type: DocType) -> Option<&'static str> {
    Some(match doc_type {
        DocType::ChairsSummary => "Chair's Summary",
        DocType::ChairsStatement => "Chair's Statement",
        DocType::JointStatement => "Joint Statement",
        DocType::PressRelease => "Press Release",
        DocType::Declaration => "Declaration",
        DocType::Communique => "Communiqué",
        DocType::Statement => "Statement",
        DocType::Report => "Report",
        DocType::Resolution => "Resolution",
        DocType::Announcement => "Announcement",
        DocType::Other => return None,
    })
}

/// `ASEAN Regional Forum (ARF)`; the name alone when the acronym is the
/// name or already follows it; the acronym alone without a name.
fn meeting_label(name: Option<&str>, acronym: Option<&str>) -> Option<String> {
    match (name, acronym) {
        (Some(n), Some(a)) if n == a || n.ends_with(&format!("({a})")) => Some(n.to_string()),
        (Some(n), Some(a)) => Some(format!("{n} ({a})")),
        (Some(n), None) => Some(n.to_string()),
        (None, Some(a)) => Some(a.to_string()),
        (None, None) => None,
    }
}

/// A title as cited: whitespace collapsed, title case for ALL CAPS, no
/// trailing full stop or colon.
fn clean_title(title: &str) -> String {
    let one: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let cased = if is_all_caps(&one) {
        title_case(&one)
    } else {
        one
    };
    cased.trim_end_matches(['.', ':', ',', ';']).to_string()
}

/// The file name of a source path without folders or extension.
fn file_stem(source: &str) -> &str {
    let name = source.rsplit('/').next().unwrap_or(source);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    }
}

/// ASCII letters, digits, `-` and `_`; any other run becomes one `-`
/// (`4(d)(ii)` → `4-d-ii`); `x` when nothing is left.
fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "x".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl Citation {
    /// The edition as written after the meeting: `12th meeting`, `30th
    /// session` (General Assembly and other sessions).
    pub fn edition_text(&self) -> Option<String> {
        let n = self.edition?;
        let m = self.meeting.as_deref().unwrap_or("").to_lowercase();
        let word = if m.contains("general assembly")
            || m.contains("general debate")
            || m.contains("session")
        {
            "session"
        } else {
            "meeting"
        };
        Some(format!("{} {word}", ordinal(n)))
    }

    /// The meeting as cited: `ASEAN Regional Forum (ARF)`.
    pub fn meeting_label(&self) -> Option<String> {
        meeting_label(self.meeting.as_deref(), self.acronym.as_deref())
    }

    /// Whether the title already names the meeting (its name or acronym,
    /// as whole words: `AMM` is not in `Programme`), so a citation need not
    /// repeat it.
    pub fn title_names_meeting(&self) -> bool {
        let t = self.title.to_lowercase();
        [self.meeting.as_deref(), self.acronym.as_deref()]
            .into_iter()
            .flatten()
            .any(|n| !n.is_empty() && has_word(&t, &n.to_lowercase(), true))
    }

    /// Whether the title already says the document type (`Summary`,
    /// `Statement`, `Communiqué`; a word starting so, as in `Statements`).
    pub fn title_names_genre(&self) -> bool {
        let Some(g) = self.genre else { return true };
        let t = self.title.to_lowercase();
        let last = g.rsplit(' ').next().unwrap_or(g).to_lowercase();
        let stem = last.trim_end_matches('é').trim_end_matches('e');
        has_word(&t, stem, false)
    }
}

/// Whether `needle` occurs in `text` starting a word (and, when `whole`,
/// ending one).
fn has_word(text: &str, needle: &str, whole: bool) -> bool {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(needle).any(|(at, _)| {
        boundary(text[..at].chars().next_back())
            && (!whole || boundary(text[at + needle.len()..].chars().next()))
    })
}

#[cfg(test)]
mod tests;
