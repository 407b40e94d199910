//! A UN document's first page as its PDF prints it, for the documents
//! that are not resolutions (reports, draft decisions, declarations,
//! presidential statements, working papers): the masthead (`United
//! Nations` / `HSP/HA.4/L.3` / `Distr.: General` / the date it was issued
//! / `Original: English`, with the organ's name in its left column), the
//! organ, session, place and dates of the meeting, the agenda item and its
//! name, then the title in a block of its own, and lines under it that
//! say who submits it (`Draft submitted by the President of the
//! Assembly`, `Report of the Secretary-General`).
//!
//! The fold reads a header as title lines over a date; on these pages it
//! took the symbol or the organ's first line for the title and stopped at
//! the masthead's date, above the meeting and the title. The layout is
//! the same across the UN system (the Secretariat, UNCTAD, UNEP,
//! UN-Habitat, the conventions' secretariats, the WTO), so it is read as
//! a whole: blank-separated runs of lines, each a masthead, a meeting, the
//! title or what is said under it.

use std::sync::OnceLock;

use regex::Regex;

use super::classify::{classify, HeaderLine};
use super::doc_type::find_doc_type;
use super::editions::ordinal_value;
use super::meetings::MeetingInfo;
use super::HeaderScan;
use crate::model::{DocType, MeetingHeader};
use crate::segment::dates::{find_date, DateMatch};
use crate::text::ws::normalise_ws;

/// Lines searched for the masthead, the meeting and the title.
const SEARCH: usize = 45;
/// Runs of lines read before the title, at most.
const MAX_RUNS: usize = 6;
/// A title block has at most this many lines, each at most `TITLE_LINE`
/// bytes: a longer block is the text itself.
const TITLE_LINES: usize = 4;
const TITLE_LINE: usize = 130;

/// What a line of the first page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `HSP/HA.4/L.3`, `WT/MIN(32)/DEC`.
    Symbol,
    /// `United Nations` alone: the emblem's caption.
    UnitedNations,
    /// `Distr.: General`, `Original: English`: the masthead's own lines.
    Marker,
    /// A date alone: the day the document was issued.
    IssueDate,
    /// The printer's job number, bar code or page count (`32-07788 (E)`,
    /// `*3207788*`, `Page: 1/3`).
    Job,
    /// `Fourth session`, `Seventeenth Session`.
    Session(u32),
    /// `Nairobi, 2–6 June 2035`: where and when the session met.
    Meeting,
    /// `Agenda item 9`, `Item 98 (c) of the provisional agenda*`.
    Agenda,
    Text,
}

struct Patterns {
    symbol: Regex,
    marker: Regex,
    job: Regex,
    session: Regex,
    agenda: Regex,
    under_title: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let r = |p: &str| Regex::new(p).expect("UN document pattern compiles");
        Patterns {
            symbol: r(r"^[A-Z][A-Za-z0-9.\-]*(?:\([A-Z0-9]+\))?(?:/[A-Za-z0-9.\-()*]+)+$"),
            marker: r(r"(?i)^(?:Distr\.?\s*:|Original\s*:\s*[A-Z][a-z]+$|Limited distribution$|General distribution$)"),
            // What `boilerplate::un_page_furniture` does not know.
            job: r(r"(?i)^(?:[A-Z]?\d{6,}(?:\s+\d{6})?|\(\d{2}-\d{3,5}\)|Page:?\s*\d+\s*(?:/|of)\s*\d+|Please recycle.*)$"),
            // A capital: `eighty-first session` ends a title's sentence.
            session: r(r"^(?:(?i:the)\s+)?([A-Z][A-Za-z]+(?:-[A-Za-z]+)?)\s+(?i:(?:special|emergency special|regular|ordinary|resumed)\s+)?(?i:session)$"),
            agenda: r(r"(?i)^(?:(?:provisional\s+)?agenda\s+items?\s+\d+|items?\s+\d+.*\bagenda\b)"),
            under_title: r(r"(?i)^(?:(?:draft|revised draft|working paper|proposal|note|report|letter|statement|memorandum)\b.*\b(?:submitted by|by the|of the secretary-general|dated)\b|draft (?:decision|resolution|conclusions|declaration)\b|held at\b|adopted (?:on|at|by)\b|prepared by\b|submitted by\b|working paper\b|report of the secretary-general\b|note by the\b)"),
        }
    })
}

fn kind(t: &str) -> Kind {
    let p = patterns();
    if t.eq_ignore_ascii_case("United Nations") {
        return Kind::UnitedNations;
    }
    if p.marker.is_match(t) {
        return Kind::Marker;
    }
    let furniture = crate::segment::boilerplate::un_page_furniture(t).is_some_and(|n| n >= t.len());
    if furniture || p.job.is_match(t) {
        return Kind::Job;
    }
    if t.len() <= 40 && p.symbol.is_match(t) && t.bytes().any(|b| b.is_ascii_digit()) {
        return Kind::Symbol;
    }
    if let Some(n) = p.session.captures(t).and_then(|c| ordinal_value(&c[1])) {
        return Kind::Session(n);
    }
    if p.agenda.is_match(t) {
        return Kind::Agenda;
    }
    if let Some(m) = find_date(t) {
        if m.start == 0 && t.len() - m.end <= 2 {
            return Kind::IssueDate;
        }
    }
    if let HeaderLine::PlaceDate(pd) = classify(t, None) {
        if pd.place.is_some() {
            return Kind::Meeting;
        }
        return Kind::IssueDate;
    }
    Kind::Text
}

/// The non-blank lines of the first page in blank-separated runs, with
/// their indexes.
fn runs<'a>(lines: &[&'a str]) -> Vec<Vec<(usize, &'a str)>> {
    let mut out: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut open = false;
    for (i, l) in lines.iter().enumerate().take(SEARCH) {
        let t = l.trim();
        if t.is_empty() {
            open = false;
            continue;
        }
        if !open {
            out.push(Vec::new());
            open = true;
        }
        if let Some(run) = out.last_mut() {
            run.push((i, t));
        }
    }
    out
}

/// What the runs above the title said.
#[derive(Default)]
struct Masthead {
    symbol: Option<String>,
    issued: Option<DateMatch>,
    /// The organ as the masthead's left column names it.
    cells: Vec<String>,
    /// The organ as the meeting's block names it, above its session.
    organ: Vec<String>,
    session: Option<u32>,
    met: Option<(String, DateMatch)>,
    markers: usize,
}

impl Masthead {
    /// Reads one run above the title; `false` when the run is neither a
    /// masthead nor a meeting (the title, or the text).
    fn read(&mut self, run: &[(usize, &str)]) -> bool {
        let kinds: Vec<Kind> = run.iter().map(|(_, t)| kind(t)).collect();
        let meeting_run = kinds
            .iter()
            .any(|k| matches!(k, Kind::Session(_) | Kind::Meeting | Kind::Agenda));
        let masthead_run = kinds.iter().any(|k| {
            matches!(
                k,
                Kind::Symbol | Kind::UnitedNations | Kind::Marker | Kind::IssueDate | Kind::Job
            )
        });
        if !meeting_run && !masthead_run {
            return false;
        }
        // Lines after the agenda item name the item, not the organ.
        let mut in_item = false;
        let mut before_session = true;
        for ((_, t), k) in run.iter().zip(&kinds) {
            match *k {
                Kind::Symbol => {
                    self.symbol.get_or_insert_with(|| t.to_string());
                }
                Kind::Marker => self.markers += 1,
                Kind::IssueDate => {
                    if let Some(m) = find_date(t) {
                        self.issued.get_or_insert(m);
                    }
                }
                Kind::Session(n) => {
                    self.session.get_or_insert(n);
                    before_session = false;
                }
                Kind::Meeting => {
                    if let (Some(m), HeaderLine::PlaceDate(pd)) = (find_date(t), classify(t, None))
                    {
                        if let Some(place) = pd.place {
                            self.met.get_or_insert((place, m));
                        }
                    }
                    before_session = false;
                }
                Kind::Agenda => in_item = true,
                Kind::Text if in_item => {}
                Kind::Text if meeting_run && before_session => self.organ.push(t.to_string()),
                Kind::Text if !meeting_run => self.cells.push(t.to_string()),
                Kind::UnitedNations | Kind::Job | Kind::Text => {}
            }
        }
        true
    }

    fn organ_name(&self) -> Option<String> {
        let lines = if self.organ.is_empty() {
            &self.cells
        } else {
            &self.organ
        };
        let name = normalise_ws(&lines.join(" "));
        (!name.is_empty() && name.len() <= 200).then_some(name)
    }
}

/// Whether a run is a title: a few short lines that open with a capital
/// and end no sentence part (`The Conference of the Parties,` opens the
/// text).
fn is_title(run: &[(usize, &str)]) -> bool {
    let first = run.first().map_or("", |(_, t)| t);
    run.len() <= TITLE_LINES
        && run.iter().all(|(_, t)| t.len() <= TITLE_LINE)
        && first.starts_with(|c: char| c.is_uppercase())
        && !run
            .last()
            .is_some_and(|(_, t)| t.ends_with([',', ';', ':']))
        && crate::text::marker::parse_marker(first).is_none()
}

/// Reads a UN document's first page; `None` for any other text (no
/// `Distr.:` or `Original:` line in a masthead with a symbol or the
/// emblem's caption), or when no title or meeting follows the masthead.
///
/// ```
/// use dipsearch::segment::header::read_header;
/// let lines = [
///     "TD/B/81/8", "United Nations", "Distr.: General", "2 October 2034",
///     "United Nations Conference", "on Trade and Development", "Original: English", "",
///     "Trade and Development Board", "Eighty-first session", "Geneva, 11–15 September 2034", "",
///     "Report of the Trade and Development Board on its", "eighty-first session", "",
///     "Held at the Palais des Nations, Geneva, from 11 to 15 September 2034", "",
///     "I. Action by the Trade and Development Board",
/// ];
/// let s = read_header(&lines);
/// let h = &s.header;
/// assert_eq!(h.title.as_deref(), Some("Report of the Trade and Development Board on its eighty-first session"));
/// assert_eq!((h.meeting.as_deref(), h.edition), (Some("Trade and Development Board"), Some(81)));
/// assert_eq!((h.place.as_deref(), h.symbol.as_deref()), (Some("Geneva"), Some("TD/B/81/8")));
/// assert_eq!(h.date.unwrap().to_string(), "2034-09-11");
/// assert_eq!(s.body_start, 16);
/// ```
pub(super) fn read_un_document(lines: &[&str]) -> Option<HeaderScan> {
    // Most texts have no masthead: a test of the lines' first letters
    // before any pattern runs.
    let marked = |l: &&str| {
        let t = l.trim_start().as_bytes();
        t.len() >= 6
            && (t[..6].eq_ignore_ascii_case(b"distr.")
                || t[..6].eq_ignore_ascii_case(b"distr:")
                || t.len() >= 9 && t[..9].eq_ignore_ascii_case(b"original:"))
    };
    if !lines.iter().take(SEARCH).any(marked) {
        return None;
    }
    let runs = runs(lines);
    let mut mast = Masthead::default();
    let mut at = 0;
    while at < runs.len().min(MAX_RUNS) && mast.read(&runs[at]) {
        at += 1;
    }
    if mast.markers == 0 {
        return None;
    }
    // A masthead needs its symbol, the emblem's caption or the language
    // of the original (the symbol, repeated at the head of each page, may
    // have gone with the running heads).
    let marked = runs[..at].iter().flatten().any(|(_, t)| {
        kind(t) == Kind::UnitedNations || t.to_ascii_lowercase().starts_with("original")
    });
    if mast.symbol.is_none() && !marked {
        return None;
    }
    let title_run = runs.get(at).filter(|r| is_title(r));
    let title = title_run.map(|r| {
        let joined = r.iter().map(|(_, t)| *t).collect::<Vec<_>>().join(" ");
        normalise_ws(joined.trim_end_matches(['*', ' ']))
    });
    let organ = mast.organ_name();
    if title.is_none() && organ.is_none() {
        return None;
    }
    // The title names the meeting when no organ is printed above it
    // (`DECLARATION OF THE TWENTY-FIRST SAARC SUMMIT`).
    let info = MeetingInfo::from_titles(organ.iter().chain(title.iter()));
    let mut body_start = match (title_run, runs.get(at)) {
        (Some(r), _) => r.last().map_or(0, |(i, _)| i + 1),
        (None, Some(r)) => r.first().map_or(0, |(i, _)| *i),
        (None, None) => runs[at - 1].last().map_or(0, |(i, _)| i + 1),
    };
    // What is said under the title: who submits it, where it was held.
    let mut said_under = Vec::new();
    if title_run.is_some() {
        for run in runs.iter().skip(at + 1).take(3) {
            let one = run.len() <= 2 && run.iter().all(|(_, t)| t.len() <= TITLE_LINE);
            let first = run.first().map_or("", |(_, t)| t);
            if one && run.len() == 1 && kind(first) == Kind::Meeting {
                // `Thimphu, 15 November 2033` under the title.
                mast.read(run);
            } else if one && patterns().under_title.is_match(first) {
                said_under.push(first);
            } else {
                break;
            }
            body_start = run.last().map_or(body_start, |(i, _)| i + 1);
        }
    }
    let doc_type = title
        .iter()
        .map(String::as_str)
        .chain(said_under.iter().copied())
        .find_map(|t| find_doc_type(t).map(|m| m.doc_type))
        .unwrap_or(DocType::Other);
    let (place, date) = match mast.met.take() {
        Some((place, m)) => (Some(place), Some(m)),
        None => (None, mast.issued),
    };
    let header = MeetingHeader {
        title,
        meeting: organ.or(info.meeting),
        acronym: info.acronym,
        edition: mast.session.or(info.edition),
        doc_type,
        date: date.map(|m| m.date),
        date_end: date.and_then(|m| m.date_end),
        year: date.map(|m| m.date.year),
        place,
        symbol: mast.symbol,
        ..MeetingHeader::default()
    };
    Some(HeaderScan {
        header,
        body_start,
        bare_date: false,
        foot_date: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_un_documents_masthead_meeting_and_title() {
        // The organ in the masthead's left column, cut by `Original:`.
        let lines = [
            "HSP/HA.9/L.2",
            "United Nations",
            "Distr.: General",
            "6 June 2036",
            "",
            "UN-Habitat Assembly of the",
            "Original: English",
            "United Nations Human Settlements",
            "Programme",
            "Ninth session",
            "Nairobi, 2–6 June 2036",
            "Agenda item 9",
            "Ministerial declaration and resolutions",
            "",
            "Nairobi Declaration on Housing",
            "for All*",
            "",
            "Draft submitted by the President of the Assembly",
            "",
            "We, the ministers,",
        ];
        let s = read_un_document(&lines).expect("a UN document");
        let h = &s.header;
        assert_eq!(
            h.title.as_deref(),
            Some("Nairobi Declaration on Housing for All")
        );
        assert_eq!(
            h.meeting.as_deref(),
            Some("UN-Habitat Assembly of the United Nations Human Settlements Programme")
        );
        assert_eq!((h.edition, h.place.as_deref()), (Some(9), Some("Nairobi")));
        assert_eq!(h.date.unwrap().to_string(), "2036-06-02");
        assert_eq!(h.doc_type, DocType::Declaration);
        assert_eq!(s.body_start, 18);
        // The organ in the masthead only; the date it was issued.
        let lines = [
            "United Nations",
            "A/91/305",
            "General Assembly",
            "Distr.: General",
            "4 August 2036",
            "",
            "Original: English",
            "",
            "Ninety-first session",
            "Item 98 (c) of the provisional agenda*",
            "General and complete disarmament",
            "",
            "Problems arising from surplus ammunition",
            "",
            "Report of the Secretary-General",
            "",
            "Summary",
        ];
        let h = read_un_document(&lines).expect("a UN document").header;
        assert_eq!(
            h.title.as_deref(),
            Some("Problems arising from surplus ammunition")
        );
        assert_eq!(
            (h.meeting.as_deref(), h.edition),
            (Some("General Assembly"), Some(91))
        );
        assert_eq!(
            (h.date.unwrap().to_string(), h.doc_type),
            ("2036-08-04".into(), DocType::Report)
        );
    }

    #[test]
    fn other_pages_are_not_un_documents() {
        // No `Distr.:` or `Original:` line.
        assert!(
            read_un_document(&["United Nations", "S/2036/12", "", "Letter dated 3 May"]).is_none()
        );
        // `Original:` in a story, with no symbol or emblem above it.
        let story = ["Leaders meet in Dakar", "", "Original: French", "", "Text."];
        assert!(read_un_document(&story).is_none());
        // A lower-case `session` ends a title, it is no session line.
        assert_eq!(kind("eighty-first session"), Kind::Text);
        assert_eq!(kind("Eighty-first session"), Kind::Session(81));
        assert_eq!(kind("V.36-03312 (E)    200536"), Kind::Job);
    }
}
