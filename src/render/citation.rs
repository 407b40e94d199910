//! A citation line for a paragraph, to paste into a footnote or a draft:
//! `Asian Senior-level Talks on Non-Proliferation (ASTOP), Tokyo, 13
//! November 2003, para. 4(d).` The simple form (document, place, date,
//! paragraph); the web page shows it under each paragraph.

use crate::model::{Date, ParagraphRecord};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `13 November 2003`.
pub fn long_date(d: Date) -> String {
    let month = MONTHS
        .get(usize::from(d.month).wrapping_sub(1))
        .copied()
        .unwrap_or("");
    format!("{} {month} {}", d.day, d.year)
}

/// The document as it is cited: its title (or meeting name, or file),
/// with the acronym and a resolution's symbol when the title lacks them.
fn document(r: &ParagraphRecord) -> String {
    let h = &r.header;
    let mut name = h
        .title
        .clone()
        .or_else(|| h.meeting.clone())
        .unwrap_or_else(|| r.source.clone());
    if let Some(a) = &h.acronym {
        if !name.contains(a.as_str()) {
            name = format!("{name} ({a})");
        }
    }
    if let Some(s) = &h.symbol {
        if !name.contains(s.as_str()) {
            name = format!("{name}, {s}");
        }
    }
    name
}

/// `para. 4(d)`; an unnumbered block (`p3`) is `paragraph 3 (unnumbered)`.
fn paragraph(label: &str) -> String {
    match label.strip_prefix('p') {
        Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            format!("paragraph {n} (unnumbered)")
        }
        _ => format!("para. {label}"),
    }
}

/// The citation line of `r`.
pub fn citation(r: &ParagraphRecord) -> String {
    let h = &r.header;
    let mut parts = vec![document(r)];
    if let Some(p) = &h.place {
        parts.push(p.clone());
    }
    match (h.date, h.year) {
        (Some(d), _) => parts.push(long_date(d)),
        (None, Some(y)) => parts.push(y.to_string()),
        _ => {}
    }
    parts.push(paragraph(&r.paragraph));
    format!("{}.", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MeetingHeader, ParagraphRecord};

    fn record(label: &str, header: MeetingHeader) -> ParagraphRecord {
        ParagraphRecord {
            id: format!("astop-2003-tokyo.txt#{label}"),
            source: "astop-2003-tokyo.txt".into(),
            header,
            paragraph: label.into(),
            ordinal: 0,
            parent: None,
            context: None,
            heading: None,
            text: String::new(),
            countries: Vec::new(),
            instruments: Vec::new(),
            topics: Vec::new(),
            groups: Vec::new(),
        }
    }

    #[test]
    fn document_place_date_and_paragraph() {
        let h = MeetingHeader {
            meeting: Some("Asian Senior-level Talks on Non-Proliferation".into()),
            acronym: Some("ASTOP".into()),
            place: Some("Tokyo".into()),
            date: Date::new(2003, 11, 13),
            ..MeetingHeader::default()
        };
        assert_eq!(
            citation(&record("4(d)", h.clone())),
            "Asian Senior-level Talks on Non-Proliferation (ASTOP), Tokyo, 13 November 2003, para. 4(d)."
        );
        let undated = MeetingHeader {
            date: None,
            year: Some(2003),
            place: None,
            ..h
        };
        assert_eq!(
            citation(&record("p3", undated)),
            "Asian Senior-level Talks on Non-Proliferation (ASTOP), 2003, paragraph 3 (unnumbered)."
        );
    }
}
