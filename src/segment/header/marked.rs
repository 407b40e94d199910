//! The headline a page's markup marks (an HTML `h1`, a Markdown `# `
//! line): what a saved news or ministry page prints between it and its
//! stamp (a photo's caption, a reporter's name, `Listen to this article`,
//! a badge) is no title, though the line reader, which sees only lines,
//! takes the line above the stamp for one.

use super::classify::{classify, HeaderLine, TextLine};
use super::doc_type::{contains_meeting_word, find_doc_type};
use super::{read_header_seeded, site, wire, HeaderScan, LAST_HEADER_LINE};
use crate::segment::Seed;
use crate::text::ws::normalise_ws;

/// When the markup marks a headline and the lines gave another title, the
/// header is read again from the headline down, with the headline as its
/// title: what stands above it is the site's (a section label, a
/// breadcrumb). A document's own title under the page's headline
/// (`Japan–Viet Nam Summit` / `Joint Statement on …`) stays the title.
pub(super) fn marked_headline(lines: &[&str], scan: &mut HeaderScan, seed: &Seed) {
    let Some(h) = seed.headline.as_deref().filter(|h| is_headline(h)) else {
        return;
    };
    if scan.header.title.as_deref().is_some_and(|t| holds(t, h)) {
        return;
    }
    let Some(at) = lines
        .iter()
        .take(LAST_HEADER_LINE + 1)
        .position(|l| normalise_ws(l.trim().trim_matches('*')) == h)
    else {
        return;
    };
    if let Some(t) = scan.header.title.as_deref() {
        let below = line_of(lines, t).is_some_and(|i| i > at);
        if below && names_document(t) && !names_document(h) {
            return;
        }
    }
    let sub_seed = Seed {
        title: Some(h.to_string()),
        headline: None,
        ..seed.clone()
    };
    let sub = read_header_seeded(&lines[at..], &sub_seed);
    let (h, s) = (&mut scan.header, sub.header);
    h.title = s.title;
    (h.meeting, h.acronym, h.edition, h.meeting_id) =
        (s.meeting, s.acronym, s.edition, s.meeting_id);
    if s.doc_type != crate::model::DocType::Other {
        h.doc_type = s.doc_type;
    }
    if s.date.is_some() {
        (h.date, h.date_end, h.year) = (s.date, s.date_end, s.year);
        scan.bare_date = sub.bare_date;
    }
    if s.place.is_some() {
        h.place = s.place;
    }
    if s.symbol.is_some() {
        h.symbol = s.symbol;
    }
    scan.body_start = scan.body_start.max(at + sub.body_start);
}

/// A headline worth the title: a headline's length and shape, not a
/// site's or section's name, a stamp or a bare type (`Press Releases`).
fn is_headline(h: &str) -> bool {
    h.split_whitespace().count() >= 4
        && wire::is_headline(h)
        && !wire::is_section_label(h)
        && !site::is_office_banner(h)
        && matches!(
            classify(h, None),
            HeaderLine::Text(
                TextLine::Title { generic: false, .. }
                    | TextLine::Prose { .. }
                    | TextLine::TypeAndMeeting { .. }
            ) | HeaderLine::TitledDate { .. }
                | HeaderLine::Continuation(_)
        )
}

/// Whether title `t` holds headline `h` (the same words, whatever the
/// case; maybe with a subtitle joined).
fn holds(t: &str, h: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    key(t).contains(&key(h))
}

/// Whether a title names a document or a meeting.
fn names_document(t: &str) -> bool {
    find_doc_type(t).is_some() || contains_meeting_word(t)
}

/// The first line of title `t` (a title may join several lines).
fn line_of(lines: &[&str], t: &str) -> Option<usize> {
    lines.iter().take(LAST_HEADER_LINE + 1).position(|l| {
        let l = normalise_ws(l.trim());
        !l.is_empty() && t.starts_with(&l)
    })
}
