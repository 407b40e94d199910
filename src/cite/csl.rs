//! CSL-JSON, the input of citeproc processors (pandoc `--citeproc`, Zotero,
//! citeproc-js): an array of items. The kinds map to CSL types as
//! [`Kind`] says (a resolution is `legislation` with the adopting body as
//! `authority`; an outcome document a `report` with the meeting as
//! `author`; a statement a `speech`; a press release a `webpage` with its
//! address, an `article` without). Authors are institutions or countries,
//! written as CSL `literal` names. The pinpoint, which CSL keeps with a
//! citation rather than an item, is carried as `locator` with `label:
//! "paragraph"` (citeproc-js reads both); a processor that ignores them
//! takes the locator from the citation (`[@key, para. 4(d)]` in pandoc).
//! Absent values are left out, never `null`.

use serde::{Deserialize, Serialize};

use super::{Citation, Kind};

/// One CSL-JSON item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The citation key.
    pub id: String,
    /// The CSL type (`legislation`, `report`, `speech`, `webpage`, `article`).
    #[serde(rename = "type")]
    pub kind: String,
    /// The title.
    pub title: String,
    /// Who issued it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<Name>,
    /// The adopting body of a resolution: a string, as CSL 1.0.1 and
    /// Zotero write it (and as pandoc's citeproc reads it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// The document type as a reader names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// The document symbol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The meeting, with its edition (`ASEAN Regional Forum (ARF), 12th meeting`).
    #[serde(
        rename = "event-title",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub event_title: Option<String>,
    /// Where the meeting was.
    #[serde(
        rename = "event-place",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub event_place: Option<String>,
    /// Where the document was issued (the meeting's place).
    #[serde(
        rename = "publisher-place",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub publisher_place: Option<String>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<DateParts>,
    /// The address the page gave.
    #[serde(rename = "URL", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The paragraph: `4(d)`, or `[p11] (numbering not in the original)`.
    pub locator: String,
    /// Always `paragraph`.
    pub label: String,
}

/// A CSL name; institutions and countries are `literal`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name {
    /// The name as written.
    pub literal: String,
}

/// A CSL date: one or two `[year, month, day]` parts (a range), or
/// `[year]` alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateParts {
    /// The parts.
    #[serde(rename = "date-parts")]
    pub date_parts: Vec<Vec<u16>>,
}

/// The CSL type of a citation.
pub fn csl_type(c: &Citation) -> &'static str {
    match c.kind {
        Kind::Legislation => "legislation",
        Kind::Report => "report",
        Kind::Speech => "speech",
        Kind::PressRelease if c.url.is_some() => "webpage",
        Kind::PressRelease => "article",
    }
}

/// The CSL-JSON item of a citation.
pub fn item(c: &Citation) -> Item {
    let names = |n: &Option<String>| -> Vec<Name> {
        n.iter().map(|l| Name { literal: l.clone() }).collect()
    };
    let (author, authority) = match c.kind {
        Kind::Legislation => (Vec::new(), c.author.clone()),
        _ => (names(&c.author), None),
    };
    let event_title = c.meeting_label().map(|m| match c.edition_text() {
        Some(e) => format!("{m}, {e}"),
        None => m,
    });
    let issued = match (c.date, c.date_end, c.year) {
        (Some(d), Some(e), _) => Some(vec![
            vec![d.year, d.month.into(), d.day.into()],
            vec![e.year, e.month.into(), e.day.into()],
        ]),
        (Some(d), None, _) => Some(vec![vec![d.year, d.month.into(), d.day.into()]]),
        (None, _, Some(y)) => Some(vec![vec![y]]),
        (None, _, None) => None,
    };
    Item {
        id: c.key.clone(),
        kind: csl_type(c).to_string(),
        title: c.title.clone(),
        author,
        authority,
        genre: c.genre.map(str::to_string),
        number: c.symbol.clone(),
        event_title,
        event_place: c.place.clone(),
        publisher_place: c.place.clone(),
        issued: issued.map(|date_parts| DateParts { date_parts }),
        url: c.url.clone(),
        locator: c.pinpoint.locator(),
        label: "paragraph".to_string(),
    }
}

/// The items of several citations as one CSL-JSON array, pretty-printed.
pub fn items_json(citations: &[Citation]) -> String {
    let items: Vec<Item> = citations.iter().map(item).collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string())
}
