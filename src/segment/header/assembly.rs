//! Resolutions of the General Assembly and the Human Rights Council as
//! their PDFs print them: the masthead (`United Nations` / `A/RES/87/214`
//! / `General Assembly` / `Distr.: General` / the date it was issued), the
//! session (`Eighty-seventh session`), the agenda item and its name, the
//! adoption line (`Resolution adopted by the General Assembly on 18
//! December 2032`, maybe wrapped after the organ), the report it is on
//! (`[on the report of the First Committee (A/87/412)]`), the numbered
//! title (`87/214. Nuclear disarmament verification`), then `The General
//! Assembly,` and the text, which closes with the plenary meeting and the
//! date (`61st plenary meeting` / `18 December 2032`).
//!
//! The header gets type `resolution`, the symbol, the title without its
//! number, the adoption date (not the masthead's, which is when it was
//! issued), the session as edition and the organ as the meeting.

use std::sync::OnceLock;

use regex::Regex;

use super::editions::ordinal_value;
use super::resolution::ResolutionScan;
use crate::model::{DocType, MeetingHeader};
use crate::segment::dates::find_date;

/// Lines searched for the adoption line.
const ADOPTION_SEARCH: usize = 40;
/// Lines after the adoption line searched for the organ's opening.
const OPENING_SEARCH: usize = 12;

struct Patterns {
    adoption: Regex,
    symbol: Regex,
    session: Regex,
    title: Regex,
    opening: Regex,
    closing: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let r = |p: &str| Regex::new(p).expect("assembly resolution pattern compiles");
        Patterns {
            adoption: r(r"^Resolution adopted by the (General Assembly|Human Rights Council|Economic and Social Council)\b"),
            symbol: r(r"\b(A/(?:HRC/)?RES/[0-9A-Z\-]+/\d+|E/RES/\d{4}/\d+)\b"),
            session: r(r"^([A-Za-z]+(?:-[a-z]+)?) (?:special |emergency special )?session$"),
            title: r(r"^\d{1,3}/\d{1,4}\.\s+(\S.*)$"),
            opening: r(r"^The (General Assembly|Human Rights Council|Economic and Social Council),$"),
            closing: r(r"^\d{1,4}(?:st|nd|rd|th) (?:plenary )?meeting$"),
        }
    })
}

/// Reads a General Assembly or Human Rights Council resolution; `None`
/// for any other document.
///
/// ```
/// use dipsearch::segment::header::read_resolution;
/// let lines = [
///     "United Nations                 A/RES/91/17",
///     "General Assembly               Distr.: General",
///     "                               9 December 2036",
///     "Ninety-first session",
///     "Agenda item 12",
///     "Resolution adopted by the General Assembly on 4 December 2036",
///     "91/17. Ocean governance",
///     "The General Assembly,",
///     "Recalling its resolutions,",
///     "1. Decides to act;",
///     "52nd plenary meeting",
///     "4 December 2036",
/// ];
/// let r = read_resolution(&lines).unwrap();
/// assert_eq!(r.header.title.as_deref(), Some("Ocean governance"));
/// assert_eq!(r.header.symbol.as_deref(), Some("A/RES/91/17"));
/// assert_eq!(r.header.date.unwrap().to_string(), "2036-12-04");
/// assert_eq!((r.header.edition, r.body_start, r.body_end), (Some(91), 8, 10));
/// ```
pub(super) fn read_assembly_resolution(lines: &[&str]) -> Option<ResolutionScan> {
    let p = patterns();
    let n = lines.len().min(ADOPTION_SEARCH);
    let adopted = (0..n).find(|&i| p.adoption.is_match(lines[i].trim()))?;
    let organ = p.adoption.captures(lines[adopted].trim())?.get(1)?.as_str();
    // `Resolution adopted by the Human Rights Council` / `on 3 October 2031`.
    let mut date = find_date(lines[adopted]);
    if date.is_none() {
        date = lines.get(adopted + 1).and_then(|l| find_date(l));
    }
    let above = &lines[..adopted];
    let symbol = above
        .iter()
        .find_map(|l| p.symbol.captures(l).map(|c| c[1].to_string()));
    let edition = above.iter().find_map(|l| {
        let c = p.session.captures(l.trim())?;
        ordinal_value(&c[1])
    });
    let opening = (adopted + 1..lines.len().min(adopted + 1 + OPENING_SEARCH))
        .find(|&i| p.opening.is_match(lines[i].trim()))?;
    let title = (adopted + 1..opening).find_map(|i| {
        p.title
            .captures(lines[i].trim())
            .map(|c| c[1].trim().to_string())
    });
    let body_start = opening + 1;
    let body_end = (body_start..lines.len())
        .find(|&i| p.closing.is_match(lines[i].trim()))
        .unwrap_or(lines.len());
    let (meeting, acronym) = match organ {
        "General Assembly" => ("United Nations General Assembly", "UNGA"),
        "Human Rights Council" => ("United Nations Human Rights Council", "HRC"),
        _ => ("United Nations Economic and Social Council", "ECOSOC"),
    };
    let date = date.map(|m| m.date);
    let header = MeetingHeader {
        doc_type: DocType::Resolution,
        title,
        meeting: Some(meeting.to_string()),
        acronym: Some(acronym.to_string()),
        edition,
        date,
        year: date.map(|d| d.year),
        symbol,
        // Where the organ sits: the Assembly in New York, the Council in
        // Geneva; the Economic and Social Council meets in both.
        place: match organ {
            "General Assembly" => Some("New York".to_string()),
            "Human Rights Council" => Some("Geneva".to_string()),
            _ => None,
        },
        ..MeetingHeader::default()
    };
    Some(ResolutionScan {
        header,
        title_line: adopted,
        body_start,
        body_end,
    })
}
