//! The header: the lines above the first paragraph that say which meeting,
//! where, when and what kind of document.
//!
//! Reads the layouts A–L of the domain notes line by line. Each line is
//! classified as a banner or breadcrumb (skipped), a bracketed database
//! field (`[Title]`, `[Place]`, `[Date]`), a place-date line (`Tokyo, 13th
//! November, 2003`, `(21st June 2004, Qingdao, China)`, `City, Country | D
//! Month YYYY`), a document-type line (`Chairman's Summary`), a type plus
//! meeting line (`CHAIRMAN'S STATEMENT OF THE 27th ASEAN REGIONAL FORUM`), a
//! tag line (`[ARF] [...] title place, dates`) or a title; the first line
//! that is none of these (a numbered paragraph, prose) ends the header.
//! After a date line only a type line or a repeated title may follow, so a
//! heading such as `Introduction` below the header stays in the body.
//!
//! The body is read for what headers rarely say: the chair (`chaired by
//! Ambassador ...`) and, on announcement pages whose only header date is the
//! publication date, the meeting date (`was held on January 17 (Mon.)`).

use std::sync::OnceLock;

use regex::Regex;

use super::boilerplate::{is_boilerplate, is_breadcrumb};
use super::dates::{find_date, find_date_with_year, DateMatch};
use crate::model::{Date, DocType, MeetingHeader};
use crate::text::lexicon::{
    acronym, is_generic_heading, is_meeting_word, keeps_caps, mentions_meeting_kind, ACRONYMS,
};
use crate::text::marker::{parse_marker, Style};
use crate::text::roman::roman_value;
use crate::text::ws::normalise_ws;

pub use crate::text::title::{ends_with_function_word, is_all_caps, is_title_like, title_case};

/// What the header reader found, and where the body starts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeaderScan {
    /// Fields read from the header lines.
    pub header: MeetingHeader,
    /// Index of the first body line.
    pub body_start: usize,
    /// The header's date stands alone (no place): on announcement pages it
    /// is the publication date, so a meeting date in the body wins.
    pub bare_date: bool,
}

type Patterns = (Regex, Regex, Regex, Regex, Regex);

fn regexes() -> &'static Patterns {
    static R: OnceLock<Patterns> = OnceLock::new();
    R.get_or_init(|| {
        // Doc-type phrases, most specific first; matched on quote-normalised,
        // case-insensitive text.
        let types = Regex::new(
            r"(?ix)
            (?P<cs>\b(?:co-?)?chair(?:man|men|person|persons|woman|s)?['’‘]?s?['’‘]?\s+summary(?:\s+report)?\b|\bsummary\s+report\b)
            |(?P<cst>\b(?:co-?)?chair(?:man|men|person|woman|s)?['’‘]?s?['’‘]?\s+statement\b)
            |(?P<js>\bjoint\s+(?:press\s+)?statement\b)
            |(?P<pr>\bpress\s+(?:releases?|statement)\b)
            |(?P<dec>\bdeclaration\b)
            |(?P<com>\bcommuniqu[eé]\b)
            |(?P<st>^(?:remarks|statement|address|speech)\s+by\b|^statement\b|\bstatement\s+by\b)
            |(?P<rep>\breport\b|\baction\s+plan\b)
            |(?P<res>^(?:the\s+)?results\s+of\b)",
        )
        .expect("type pattern compiles");
        let chair = Regex::new(
            r"(?i)\b(co-?chaired|chaired|presided\s+over)\s+(?:jointly\s+)?by\s+|\bunder\s+the\s+(?:co-?)?chair(?:man)?ship\s+of\s+",
        )
        .expect("chair pattern compiles");
        let held = Regex::new(
            r"(?i)\b(?:held|hosted|convened|took\s+place|met|opened|organi[sz]ed|(?:co-)?chaired|will\s+be\s+held|was\s+held|is\s+held|meeting\s+in)\b",
        )
        .expect("held pattern compiles");
        let place = Regex::new(
            r"\b(?:held|hosted|convened|took place|met|meeting|organi[sz]ed|chaired)\b[^.;]{0,160}?\bin ((?:[A-Z][a-zA-Z\-]+)(?: [A-Z][a-zA-Z\-]+)?)",
        )
        .expect("place pattern compiles");
        let person = Regex::new(
            r"\b(?:Mr|Ms|Mrs|Dr|Prof|H\.E|Ambassador|Amb|Minister|Vice-Minister|Director-General)\.?\s+[A-Z][^,;]*",
        )
        .expect("person pattern compiles");
        (types, chair, held, place, person)
    })
}

/// The first document-type phrase in `s` with its byte span. Typographic
/// apostrophes (`CO-CHAIRS’`) match like straight ones.
pub fn find_doc_type(s: &str) -> Option<(usize, usize, DocType)> {
    let c = regexes().0.captures(s)?;
    let m = c.get(0)?;
    let t = if c.name("cs").is_some() {
        DocType::ChairsSummary
    } else if c.name("cst").is_some() {
        DocType::ChairsStatement
    } else if c.name("js").is_some() {
        DocType::JointStatement
    } else if c.name("pr").is_some() || c.name("res").is_some() {
        DocType::PressRelease
    } else if c.name("dec").is_some() {
        DocType::Declaration
    } else if c.name("com").is_some() {
        DocType::Communique
    } else if c.name("st").is_some() {
        DocType::Statement
    } else {
        DocType::Report
    };
    Some((m.start(), m.end(), t))
}

/// The document type when the whole line is a type phrase
/// (`Chairman's Summary`, `CO-CHAIRS' SUMMARY REPORT`, `MFA Press Statement:`).
fn type_line(s: &str) -> Option<DocType> {
    let t = s
        .trim()
        .trim_end_matches([':', '.'])
        .trim_start_matches("FINAL ")
        .trim();
    let t = t
        .strip_prefix("The ")
        .or_else(|| t.strip_prefix("THE "))
        .unwrap_or(t);
    let t = t.strip_prefix("MFA ").unwrap_or(t);
    let t = t
        .strip_prefix("Final ")
        .or_else(|| t.strip_prefix("FINAL "))
        .unwrap_or(t);
    let (start, end, dt) = find_doc_type(t)?;
    let rest_ok = t[end..].trim().is_empty() || t[end..].trim() == "(Provisional Translation)";
    (start == 0 && rest_ok && t.len() < 60).then_some(dt)
}

/// A type phrase at the start followed by `of the` / `on the` and a meeting
/// (`CHAIRMAN'S STATEMENT OF THE 27th ASEAN REGIONAL FORUM`).
fn type_meeting_line(s: &str) -> Option<DocType> {
    let t = s.trim();
    let t = t
        .strip_prefix("FINAL ")
        .or_else(|| t.strip_prefix("Final "))
        .unwrap_or(t);
    let (start, end, dt) = find_doc_type(t)?;
    if start > 4 {
        return None;
    }
    let rest = t[end..].trim_start_matches([':', ' ', ',']);
    let meeting = strip_meeting_connector(rest)?;
    contains_meeting_word(meeting).then_some(dt)
}

/// The words that join a document type to its meeting (`Chairman's
/// Statement of the …`, `Joint Statement at the …`).
const MEETING_CONNECTORS: [&str; 6] = [
    "of the ",
    "of ",
    "at the ",
    "on the ",
    "from the ",
    "for the ",
];

/// `s` without a leading [`MEETING_CONNECTORS`] phrase, if it has one.
fn strip_meeting_connector(s: &str) -> Option<&str> {
    MEETING_CONNECTORS
        .iter()
        .find_map(|c| strip_prefix_ci(s, c))
}

/// `s` without the ASCII prefix `p`, compared case-insensitively; the cut
/// is always on a char boundary because the matched bytes are ASCII.
fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let b = s.as_bytes();
    if b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes()) {
        s.get(p.len()..)
    } else {
        None
    }
}

fn contains_meeting_word(s: &str) -> bool {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| is_meeting_word(&w.to_lowercase()))
}

/// Ordinal words and numbers: `Fourth` → 4, `27th` → 27, `TWENTY-FIRST` → 21.
pub fn ordinal_value(w: &str) -> Option<u32> {
    let lw = w.to_lowercase();
    let lw = lw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    if let Some(num) = lw
        .strip_suffix("st")
        .or_else(|| lw.strip_suffix("nd"))
        .or_else(|| lw.strip_suffix("rd"))
        .or_else(|| lw.strip_suffix("th"))
    {
        if !num.is_empty() && num.len() <= 3 && num.bytes().all(|b| b.is_ascii_digit()) {
            return num.parse().ok();
        }
    }
    const UNITS: &[&str] = &[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: &[(&str, &str, u32)] = &[
        ("twentieth", "twenty", 20),
        ("thirtieth", "thirty", 30),
        ("fortieth", "forty", 40),
        ("fiftieth", "fifty", 50),
        ("sixtieth", "sixty", 60),
        ("seventieth", "seventy", 70),
        ("eightieth", "eighty", 80),
    ];
    if let Some(i) = UNITS.iter().position(|u| *u == lw) {
        return Some(i as u32 + 1);
    }
    for (exact, prefix, v) in TENS {
        if lw == *exact {
            return Some(*v);
        }
        if let Some(rest) = lw.strip_prefix(prefix) {
            let rest = rest.trim_start_matches(['-', ' ']);
            if let Some(i) = UNITS.iter().take(9).position(|u| *u == rest) {
                return Some(v + i as u32 + 1);
            }
        }
    }
    None
}

/// Meeting name, acronym and edition read from a title-like line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingInfo {
    /// Name without ordinal or acronym.
    pub meeting: Option<String>,
    /// Acronym (`ASTOP`).
    pub acronym: Option<String>,
    /// Edition (`4`).
    pub edition: Option<u32>,
}

/// Reads meeting name, acronym and edition from a title line.
///
/// ```
/// use dipsearch::segment::header::meeting_info;
/// let m = meeting_info("The Results of the Fourth Asian Senior-level Talks on Non-Proliferation (ASTOP-IV)");
/// assert_eq!(m.meeting.as_deref(), Some("Asian Senior-level Talks on Non-Proliferation"));
/// assert_eq!(m.acronym.as_deref(), Some("ASTOP"));
/// assert_eq!(m.edition, Some(4));
/// ```
pub fn meeting_info(line: &str) -> MeetingInfo {
    let mut info = MeetingInfo::default();
    let mut s: &str = line.trim().trim_end_matches([':', '.', ' ']);
    // "MFA Press Statement: 2nd ARF ..." → after the colon.
    if let Some((before, after)) = s.split_once(": ") {
        if find_doc_type(before).is_some() {
            s = after.trim();
        }
    }
    // A date or place-date tail ("..., Tokyo, 13 November 2003") is not the name.
    if let Some(m) = find_date(s) {
        if m.start > 10 {
            let head = s[..m.start].trim_end_matches([' ', ',', '(', '|']);
            s = head;
        }
    }
    // Parenthetical acronym at the end: "(ASTOP)", "(ASTOP-IV)", "(ARF ISM on NPD)".
    let mut name = s.to_string();
    if name.ends_with(')') {
        if let Some(open) = name.rfind('(') {
            let inner = name[open + 1..name.len() - 1].trim().to_string();
            let uppers = inner.chars().filter(|c| c.is_ascii_uppercase()).count();
            if uppers >= 2
                && inner.len() <= 30
                && inner.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            {
                let (acr, ed) = split_roman_suffix(&inner);
                info.acronym = Some(acr);
                info.edition = ed;
                name.truncate(open);
            }
        }
    }
    // A bare "ASTOP-IV" token anywhere.
    if info.acronym.is_none() {
        for w in name.split_whitespace() {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if let Some((a, r)) = core.rsplit_once('-') {
                if a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()) {
                    if let Some(v) =
                        roman_value(r).filter(|_| r.chars().all(|c| c.is_ascii_uppercase()))
                    {
                        info.acronym = Some(a.to_string());
                        info.edition = Some(v);
                    }
                }
            }
        }
    }
    // Leading phrases: "The Results of the", a type phrase + connector.
    let mut rest = name.trim().to_string();
    // "Remarks by X at the Opening of the Fourth ..." → after " at the ".
    if find_doc_type(&rest).is_some_and(|(start, _, t)| start == 0 && t == DocType::Statement) {
        if let Some(i) = rest.find(" at the ").or_else(|| rest.find(" to the ")) {
            rest = rest[i + 8..].to_string();
            for p in [
                "Opening Session of the ",
                "Opening of the ",
                "Closing of the ",
                "Opening Ceremony of the ",
            ] {
                if let Some(r) = rest.strip_prefix(p) {
                    rest = r.to_string();
                }
            }
        }
    }
    loop {
        let mut next: Option<&str> = None;
        for p in [
            "the results of the ",
            "results of the ",
            "the outline of the ",
            "outline of the ",
            "overview of the ",
            "final ",
            "the ",
        ] {
            if let Some(r) = strip_prefix_ci(&rest, p) {
                next = Some(r);
                break;
            }
        }
        if next.is_none() {
            if let Some((0, end, _)) = find_doc_type(&rest) {
                let after = rest[end..].trim_start();
                next = strip_meeting_connector(after);
            }
        }
        match next {
            Some(r) if !r.trim().is_empty() => rest = r.trim_start().to_string(),
            _ => break,
        }
    }
    // A type phrase after the name: "... Chairman's Summary", or a
    // document about a topic ("ASEM Political Declaration on ..."): the
    // meeting, if any, is what comes before it.
    if let Some((start, _, _)) = find_doc_type(&rest) {
        if start > 0 {
            rest.truncate(start);
            // "Political", "Leaders'" qualify the type, not the meeting.
            while let Some(last) = rest.split_whitespace().last() {
                let l = last.to_ascii_lowercase();
                if [
                    "political",
                    "leaders'",
                    "leaders’",
                    "ministerial",
                    "final",
                    "joint",
                ]
                .contains(&l.as_str())
                {
                    let keep = rest.trim_end().len() - last.len();
                    rest.truncate(keep);
                } else {
                    break;
                }
            }
        }
    }
    // A bare acronym left ("ASEM", "G8") names the series, not the meeting.
    let lone = rest.split_whitespace().count() == 1
        && rest
            .trim()
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && rest.trim().chars().any(|c| c.is_ascii_uppercase())
        && rest.trim().len() <= 6;
    if lone {
        if info.acronym.is_none() {
            info.acronym = Some(rest.trim().to_string());
        }
        rest.clear();
    }
    // Ordinal: "Fourth", "27th", "TWENTY-FIRST", then "Meeting of the".
    let mut ws: Vec<&str> = rest.split_whitespace().collect();
    if let Some(first) = ws.first() {
        if let Some(v) = ordinal_value(first) {
            if info.edition.is_none() {
                info.edition = Some(v);
            }
            ws.remove(0);
        }
    }
    // "Meeting(s) of the ARF ..." → "ARF ...".
    let lower: Vec<String> = ws.iter().take(3).map(|w| w.to_lowercase()).collect();
    if lower.len() == 3
        && (lower[0] == "meeting" || lower[0] == "meetings")
        && lower[1] == "of"
        && lower[2] == "the"
        && ws.len() > 4
    {
        ws.drain(..3);
    }
    let mut rest = ws.join(" ");
    // "The 27th Asian Export Control Seminar was held" → the name only.
    for verb in [
        " was held",
        " is held",
        " will be held",
        " to be held",
        " held",
        " opens",
        " opened",
        " convened",
        " took place",
    ] {
        if let Some(i) = rest.find(verb) {
            rest.truncate(i);
            break;
        }
    }
    let rest = rest.trim_matches(|c: char| c == ',' || c == '-' || c == ':' || c.is_whitespace());
    if !rest.is_empty() && contains_meeting_word(rest) {
        let name = if is_all_caps(rest) {
            title_case(rest)
        } else {
            rest.to_string()
        };
        info.meeting = Some(name);
    }
    if info.acronym.is_none() {
        info.acronym = known_acronym(info.meeting.as_deref().unwrap_or(""));
    }
    // "ARF 18", "AMM 44": an acronym followed by its edition number.
    if info.edition.is_none() {
        let ws: Vec<&str> = line.split_whitespace().collect();
        for pair in ws.windows(2) {
            let (a, n) = (pair[0], pair[1].trim_end_matches([',', ')', ':']));
            if acronym(a).is_some_and(|x| x.is_numbered())
                && (1..=2).contains(&n.len())
                && n.bytes().all(|b| b.is_ascii_digit())
            {
                info.edition = n.parse().ok();
                if info.acronym.is_none() {
                    info.acronym = Some(a.to_string());
                }
                break;
            }
        }
    }
    info
}

/// `ASTOP-IV` → (`ASTOP`, Some(4)); `ASTOP` → (`ASTOP`, None).
fn split_roman_suffix(s: &str) -> (String, Option<u32>) {
    if let Some((a, r)) = s.rsplit_once('-') {
        if !a.is_empty() && r.chars().all(|c| c.is_ascii_uppercase()) {
            if let Some(v) = roman_value(r) {
                return (a.to_string(), Some(v));
            }
        }
    }
    (s.to_string(), None)
}

/// Acronym of a meeting known by name, or a leading acronym token
/// (`ARF ISM on NPD` → `ARF`).
fn known_acronym(meeting: &str) -> Option<String> {
    let lower = meeting.to_lowercase();
    for a in ACRONYMS {
        if a.names.iter().any(|name| lower.contains(name)) {
            return Some(a.text.to_string());
        }
    }
    let first = meeting.split_whitespace().next()?;
    (first.len() >= 2
        && first.len() <= 6
        && first
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && first.chars().any(|c| c.is_ascii_uppercase())
        && keeps_caps(first))
    .then(|| first.to_string())
}

/// A place-date line: the date with at most a short place around it.
fn place_date_line(s: &str) -> Option<(DateMatch, Option<String>)> {
    if s.len() > 160 {
        return None;
    }
    let m = find_date(s)?;
    let before = clean_place(&s[..m.start]);
    let mut after_str = &s[m.end..];
    // Layout H: "... and City, D-D Month YYYY" — ignore the second meeting.
    if let Some(m2) = find_date(after_str) {
        after_str = &after_str[..m2.start];
        if let Some(i) = after_str.to_lowercase().find(" and ") {
            after_str = &after_str[..i];
        }
    }
    let after = clean_place(after_str);
    let leftover_words = before.split_whitespace().count() + after.split_whitespace().count();
    if leftover_words > 8 {
        return None;
    }
    let lower_b = before.to_lowercase();
    let before = lower_b
        .strip_prefix("from ")
        .or_else(|| lower_b.strip_prefix("on "))
        .map(|_| String::new())
        .unwrap_or(before);
    let place = if !before.is_empty() { before } else { after };
    if !place.is_empty() && !is_title_like(&place) {
        return None;
    }
    let place = (!place.is_empty()).then(|| {
        if is_all_caps(&place) {
            title_case(&place)
        } else {
            place
        }
    });
    Some((m, place))
}

fn clean_place(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || ",|()–-:[]".contains(c))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A bracketed record field (`[Title] ...`, layout G).
fn bracket_field(s: &str) -> Option<(&str, &str)> {
    let rest = s.strip_prefix('[')?;
    let (name, value) = rest.split_once(']')?;
    let known = [
        "Title",
        "Place",
        "Date",
        "Source",
        "Notes",
        "Full text",
        "Full Text",
    ];
    known.contains(&name).then(|| (name, value.trim()))
}

/// A tag line (layout L): `[ARF] [...] title place, dates`.
fn tag_line(s: &str) -> Option<(Vec<String>, String)> {
    let mut rest = s.trim();
    let mut tags = Vec::new();
    while let Some(r) = rest.strip_prefix('[') {
        let (tag, after) = r.split_once(']')?;
        tags.push(tag.trim().to_string());
        rest = after.trim_start();
    }
    (!tags.is_empty() && !rest.is_empty()).then(|| (tags, rest.to_string()))
}

fn is_banner(s: &str) -> Option<DocType> {
    let l = s.trim().to_lowercase();
    match l.as_str() {
        "press releases" | "press release" | "news releases" | "news release"
        | "press statements" => Some(DocType::PressRelease),
        "speeches" | "statements" | "speeches and statements" => Some(DocType::Statement),
        _ => None,
    }
}

/// Reads the header lines of a document (see the module doc).
pub fn read_header(lines: &[&str]) -> HeaderScan {
    let mut h = MeetingHeader::default();
    let mut title: Option<String> = None;
    let mut titles: Vec<String> = Vec::new();
    let mut explicit_type: Option<DocType> = None;
    let mut banner_type: Option<DocType> = None;
    let mut date: Option<DateMatch> = None;
    let mut bare_date = false;
    let mut place: Option<String> = None;
    let mut body_start = 0;
    let mut consumed = 0;
    let mut tag_acronym: Option<String> = None;
    let mut prev_caps_title = false;
    let mut last_was_blank = true;

    let mut first_content: Option<usize> = None;
    let mut first_menu: Option<usize> = None;
    for (i, raw) in lines.iter().enumerate() {
        let t = raw.trim().trim_matches('\u{feff}');
        if t.is_empty() {
            last_was_blank = true;
            continue;
        }
        if consumed >= 16 || i > 80 {
            break;
        }
        let blank_before = last_was_blank;
        last_was_blank = false;
        if let Some((name, value)) = bracket_field(t) {
            consumed += 1;
            body_start = i + 1;
            match name {
                "Title" if !value.is_empty() => {
                    titles.insert(0, value.to_string());
                    title = Some(value.to_string());
                }
                "Place" if !value.is_empty() => place = Some(value.to_string()),
                "Date" => {
                    if let Some(m) = find_date(value) {
                        date = Some(m);
                    }
                }
                "Full text" | "Full Text" => break,
                _ => {}
            }
            continue;
        }
        if let Some(bt) = is_banner(t) {
            banner_type = banner_type.or(Some(bt));
            consumed += 1;
            body_start = i + 1;
            continue;
        }
        if is_breadcrumb(t) && !is_boilerplate(t) {
            first_menu.get_or_insert(i);
        }
        if is_boilerplate(t) || is_breadcrumb(t) {
            // A breadcrumb may name the site section: "- News Releases".
            if let Some(bt) = is_banner(t.trim_start_matches(['-', '>', ' '])) {
                banner_type = banner_type.or(Some(bt));
            }
            body_start = i + 1;
            continue;
        }
        if let Some(m) = parse_marker(t).filter(|m| !m.bare) {
            // Menu items left by a page without <nav> ("• Home", "• About
            // Us") above any header line: navigation, not content.
            let item = &t[m.text_start..];
            let menu = matches!(m.style, Style::Bullet(..))
                && titles.is_empty()
                && date.is_none()
                && explicit_type.is_none()
                && item.len() <= 30
                && item.split_whitespace().count() <= 4
                && !item.ends_with(['.', ';', ',', ':']);
            if menu {
                first_menu.get_or_insert(i);
                body_start = i + 1;
                continue;
            }
            break;
        }
        if let Some(dt) = type_line(t) {
            if explicit_type.is_some() {
                break;
            }
            explicit_type = Some(dt);
            consumed += 1;
            body_start = i + 1;
            prev_caps_title = false;
            continue;
        }
        if let Some((m, p)) = place_date_line(t) {
            if date.is_some() {
                break;
            }
            bare_date = p.is_none();
            date = Some(m);
            if place.is_none() {
                place = p;
            }
            consumed += 1;
            body_start = i + 1;
            prev_caps_title = false;
            continue;
        }
        if let Some((tags, rest)) = tag_line(t) {
            if date.is_none() {
                tag_acronym = tags
                    .iter()
                    .find(|t| t.len() <= 6 && t.chars().all(|c| c.is_ascii_uppercase()))
                    .cloned();
                if let Some(m) = find_date(&rest) {
                    let head = rest[..m.start].trim_end_matches([' ', ',']);
                    if let Some(pos) = head.rfind(' ') {
                        place = Some(head[pos + 1..].to_string());
                        titles.push(head[..pos].to_string());
                    }
                    date = Some(m);
                }
                consumed += 1;
                body_start = i + 1;
                continue;
            }
        }
        // Layout L: the full title repeated under the tag line.
        if date.is_some() && tag_acronym.is_some() && title.is_none() && is_title_like(t) {
            title = Some(t.to_string());
            titles.insert(0, t.to_string());
            consumed += 1;
            body_start = i + 1;
            continue;
        }
        if let Some(dt) = type_meeting_line(t) {
            if explicit_type.is_some() || date.is_some() && !titles.is_empty() {
                break;
            }
            explicit_type = Some(dt);
            titles.push(t.to_string());
            consumed += 1;
            body_start = i + 1;
            continue;
        }
        let next_is_prose = lines
            .get(i + 1)
            .map(|l| l.trim_start())
            .and_then(|l| l.chars().next())
            .is_some_and(|c| c.is_lowercase());
        if is_title_like(t) && t.len() <= 200 && !next_is_prose {
            let lower = t.to_lowercase();
            let generic = is_generic_heading(lower.trim_matches(|c: char| !c.is_alphanumeric()));
            if generic {
                break;
            }
            if date.is_some() {
                // After the date only the title of a date-first page (METI,
                // speeches) may follow; a heading below a titled header
                // belongs to the body.
                if !(titles.is_empty() && title.is_none()) {
                    break;
                }
                titles.push(t.to_string());
                consumed += 1;
                body_start = i + 1;
                continue;
            }
            if titles.len() >= 4 {
                break;
            }
            if first_content.is_none() {
                first_content = Some(i);
            }
            // Consecutive ALL-CAPS lines form one title (wrapped caps block).
            let caps = is_all_caps(t);
            if caps && prev_caps_title && !blank_before {
                if let Some(last) = titles.last_mut() {
                    last.push(' ');
                    last.push_str(t);
                }
            } else {
                titles.push(t.to_string());
            }
            prev_caps_title = caps;
            consumed += 1;
            body_start = i + 1;
            continue;
        }
        break;
    }

    // Only title lines and nothing else (no date, type, record field or
    // banner): accept them only when a blank line separates them from the
    // body, otherwise they are the start of the text (speeches).
    let only_titles =
        date.is_none() && explicit_type.is_none() && banner_type.is_none() && title.is_none();
    if only_titles && !titles.is_empty() {
        let blank_after = lines.get(body_start).is_none_or(|l| l.trim().is_empty());
        if !blank_after {
            titles.clear();
            body_start = first_content.unwrap_or(body_start);
        }
    }
    // Menu-like bullets were skipped in the hope of a header below them;
    // with none found, they are the document's own list.
    if titles.is_empty() && title.is_none() && date.is_none() && explicit_type.is_none() {
        if let Some(m) = first_menu {
            body_start = body_start.min(m);
        }
    }
    // Title: the repeated full title (L), else the first title line.
    let title = title.or_else(|| titles.first().cloned());
    // Meeting: the first title line that names one.
    for t in titles.iter().chain(title.iter()) {
        let info = meeting_info(t);
        if info.meeting.is_some() || info.acronym.is_some() {
            if h.meeting.is_none() {
                h.meeting = info.meeting;
            }
            if h.acronym.is_none() {
                h.acronym = info.acronym;
            }
            if h.edition.is_none() {
                h.edition = info.edition;
            }
            if h.meeting.is_some() {
                break;
            }
        }
    }
    if h.acronym.is_none() {
        h.acronym = tag_acronym;
    }
    if h.acronym.is_none() {
        // A group named in the title: "A G8 Declaration".
        h.acronym = titles.iter().find_map(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .find(|w| acronym(w).is_some_and(|a| a.is_group()))
                .map(str::to_string)
        });
    }
    let title_type = titles.iter().find_map(|t| find_doc_type(t).map(|x| x.2));
    h.doc_type = explicit_type
        .or(title_type)
        .or(banner_type)
        .unwrap_or(DocType::Other);
    h.title = title.map(|t| normalise_ws(t.trim_matches('*')));
    if let Some(m) = date {
        h.date = Some(m.date);
        h.date_end = m.date_end;
        h.year = Some(m.date.year);
    }
    h.place = place;
    HeaderScan {
        header: h,
        body_start,
        bare_date: bare_date && date.is_some(),
    }
}

/// The chair named in body text: `chaired by Ambassador Yukiya Amano,
/// Director-General ...` → `Ambassador Yukiya Amano`; `co-chaired by Japan
/// and Malaysia` → `Japan and Malaysia`.
pub fn chair_from(text: &str) -> Option<String> {
    // Only a meeting's chair: "The meeting / talks / session was chaired
    // by", not "a commission chaired by" in a speech.
    let m = regexes().1.find_iter(text).find(|m| {
        let mut from = m.start().saturating_sub(60);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        mentions_meeting_kind(&text[from..m.start()].to_lowercase())
    })?;
    let rest = &text[m.end()..];
    // The sentence: abbreviations such as "Mr." and initials do not end it.
    let mut sentence_end = rest.len();
    let bytes = rest.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'.' && bytes.get(i + 1).is_none_or(|c| *c == b' ') {
            let word_start = rest[..i].rfind(' ').map(|p| p + 1).unwrap_or(0);
            let word = &rest[word_start..i];
            let abbrev = matches!(
                word,
                "Mr" | "Ms" | "Mrs" | "Dr" | "Prof" | "H.E" | "St" | "Amb"
            ) || word.len() == 1;
            if !abbrev {
                sentence_end = i;
                break;
            }
        }
    }
    let sentence = &rest[..sentence_end];
    // Several people named with honorifics: "Mr. A, Director ..., and Ms. B, ..."
    let people: Vec<&str> = regexes()
        .4
        .find_iter(sentence)
        .filter(|m| {
            let before = sentence[..m.start()].trim_end();
            before.is_empty()
                || before.ends_with(" and")
                || before.ends_with(", and")
                || before == "and"
        })
        .map(|m| m.as_str().trim_end())
        .collect();
    if people.len() >= 2 {
        return Some(people.join(" and "));
    }
    // Co-chairs named without titles ("Malaysia, New Zealand and the
    // Philippines") fill the sentence; a single chair ends at the comma
    // before the title.
    let co = m.as_str().to_ascii_lowercase().starts_with("co");
    let stop: &[char] = if co { &[';', '('] } else { &[',', ';', '('] };
    let end = sentence.find(stop).unwrap_or(sentence.len());
    let chair = sentence[..end].trim();
    let chair = chair
        .strip_suffix(" who")
        .unwrap_or(chair)
        .trim_end_matches(" and");
    let first = chair.chars().next()?;
    if !first.is_uppercase() || chair.len() > 160 {
        return None;
    }
    Some(chair.to_string())
}

/// A meeting date in body text: a date in a sentence that says the meeting
/// was held / hosted / convened. `published` is the header's (publication)
/// date: a date written without a year (`on January 17 (Mon.)`) takes the
/// year that puts it within six months of it, so a January meeting
/// announced in December lands in the next year.
pub fn meeting_date_from(text: &str, published: Option<Date>) -> Option<DateMatch> {
    for sentence in text.split(". ") {
        if !regexes().2.is_match(sentence) {
            continue;
        }
        if let Some(m) = find_date(sentence) {
            return Some(m);
        }
        let Some(p) = published else { continue };
        let Some(m) = find_date_with_year(sentence, p.year) else {
            continue;
        };
        let shift = |m: DateMatch, y: u16| -> Option<DateMatch> {
            let date = Date::new(y, m.date.month, m.date.day)?;
            let date_end = m.date_end.and_then(|e| Date::new(y, e.month, e.day));
            Some(DateMatch {
                date,
                date_end,
                ..m
            })
        };
        let gap = day_number(m.date) - day_number(p);
        let m = if gap > 183 {
            shift(m, p.year.saturating_sub(1))?
        } else if gap < -183 {
            shift(m, p.year.saturating_add(1))?
        } else {
            m
        };
        return Some(m);
    }
    None
}

/// Days since 0000-03-01 (a proleptic Gregorian day count), for gaps.
fn day_number(d: Date) -> i64 {
    let (y, m) = if d.month <= 2 {
        (d.year as i64 - 1, d.month as i64 + 9)
    } else {
        (d.year as i64, d.month as i64 - 3)
    };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d.day as i64 - 1
}

/// A place named in body text: `was held in Tokyo` → `Tokyo`.
pub fn place_from(text: &str) -> Option<String> {
    let c = regexes().3.captures(text)?;
    let p = c.get(1)?.as_str();
    let first = p.split_whitespace().next()?;
    if matches!(
        first,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "The"
            | "Asia"
            | "Asian"
            | "Europe"
            | "Africa"
    ) {
        return None;
    }
    Some(p.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_type_phrases() {
        let t = |s: &str| find_doc_type(s).map(|x| x.2);
        assert_eq!(t("Chairman's Summary"), Some(DocType::ChairsSummary));
        assert_eq!(t("CO-CHAIRS’ SUMMARY REPORT"), Some(DocType::ChairsSummary));
        assert_eq!(
            t("Co-Chairmen's Summary Report"),
            Some(DocType::ChairsSummary)
        );
        assert_eq!(t("Co-Chair's Summary"), Some(DocType::ChairsSummary));
        assert_eq!(t("Summary Report"), Some(DocType::ChairsSummary));
        assert_eq!(t("Chairman's Statement"), Some(DocType::ChairsStatement));
        assert_eq!(t("Chairmen's Statement"), Some(DocType::ChairsStatement));
        assert_eq!(t("Joint Press Statement"), Some(DocType::JointStatement));
        assert_eq!(t("Joint Statement"), Some(DocType::JointStatement));
        assert_eq!(t("Press Releases"), Some(DocType::PressRelease));
        assert_eq!(
            t("MFA Press Statement: 2nd ARF"),
            Some(DocType::PressRelease)
        );
        assert_eq!(t("Political Declaration"), Some(DocType::Declaration));
        assert_eq!(t("Leaders' Declaration"), Some(DocType::Declaration));
        assert_eq!(t("Joint Communiqué"), Some(DocType::Communique));
        assert_eq!(t("Joint Communique"), Some(DocType::Communique));
        assert_eq!(
            t("Remarks by the Parliamentary Vice-Minister"),
            Some(DocType::Statement)
        );
        assert_eq!(t("Action Plan on Nonproliferation"), Some(DocType::Report));
        assert_eq!(t("Report of the Co-Chairs"), Some(DocType::Report));
        assert_eq!(
            t("The Results of the Fifth ASTOP"),
            Some(DocType::PressRelease)
        );
        assert_eq!(t("Tokyo, 13th November, 2003"), None);
    }

    #[test]
    fn meeting_names_acronyms_editions() {
        let m = meeting_info("Asian Senior-level Talks on Non-Proliferation (ASTOP)");
        assert_eq!(
            m.meeting.as_deref(),
            Some("Asian Senior-level Talks on Non-Proliferation")
        );
        assert_eq!(m.acronym.as_deref(), Some("ASTOP"));
        assert_eq!(m.edition, None);
        let m = meeting_info("CHAIRMAN'S STATEMENT OF THE 27th ASEAN REGIONAL FORUM");
        assert_eq!(m.meeting.as_deref(), Some("ASEAN Regional Forum"));
        assert_eq!((m.acronym.as_deref(), m.edition), (Some("ARF"), Some(27)));
        let m = meeting_info("EIGHTH ASEAN REGIONAL FORUM INTER-SESSIONAL MEETING ON NON-PROLIFERATION AND DISARMAMENT");
        assert_eq!(
            m.meeting.as_deref(),
            Some(
                "ASEAN Regional Forum Inter-Sessional Meeting on Non-Proliferation and Disarmament"
            )
        );
        assert_eq!(m.edition, Some(8));
        let m =
            meeting_info("Chairman's Statement of the Twelfth Meeting of the ASEAN Regional Forum");
        assert_eq!(m.meeting.as_deref(), Some("ASEAN Regional Forum"));
        assert_eq!(m.edition, Some(12));
        let m = meeting_info("The 18th Asia Senior-Level Talks on Non-Proliferation (ASTOP)");
        assert_eq!(m.edition, Some(18));
        assert_eq!(m.acronym.as_deref(), Some("ASTOP"));
        let m = meeting_info("G8 Declaration on Non-Proliferation of Weapons of Mass Destruction");
        assert_eq!(m.meeting, None);
        let m = meeting_info("Co-Chairs' Summary Report of the 8th ARF ISM on NPD");
        assert_eq!(m.meeting.as_deref(), Some("ARF ISM on NPD"));
        assert_eq!((m.acronym.as_deref(), m.edition), (Some("ARF"), Some(8)));
        let m = meeting_info("The 1st Asian Export Control Policy Dialogue");
        assert_eq!(
            m.meeting.as_deref(),
            Some("Asian Export Control Policy Dialogue")
        );
        assert_eq!((m.acronym, m.edition), (None, Some(1)));
        let m =
            meeting_info("The Eleventh Asian Senior-level Talks on Non-Proliferation (ASTOP-XI)");
        assert_eq!((m.acronym.as_deref(), m.edition), (Some("ASTOP"), Some(11)));
        let m = meeting_info("Chairman's Statement, ARF 18, Bali");
        assert_eq!((m.acronym.as_deref(), m.edition), (Some("ARF"), Some(18)));
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal_value("Fourth"), Some(4));
        assert_eq!(ordinal_value("EIGHTH"), Some(8));
        assert_eq!(ordinal_value("27th"), Some(27));
        assert_eq!(ordinal_value("Twenty-First"), Some(21));
        assert_eq!(ordinal_value("Asian"), None);
    }

    #[test]
    fn chairs() {
        assert_eq!(
            chair_from("The meeting was chaired by Ambassador Yukiya Amano, Director-General for Arms Control.").as_deref(),
            Some("Ambassador Yukiya Amano")
        );
        assert_eq!(
            chair_from("The meeting was co-chaired by Mr. Hiroshi Tanaka of Japan and Dr. Lee Min-jun of the Republic of Korea. Next").as_deref(),
            Some("Mr. Hiroshi Tanaka of Japan and Dr. Lee Min-jun of the Republic of Korea")
        );
        assert_eq!(chair_from("The meeting was held in Tokyo."), None);
        assert_eq!(
            chair_from("the Independent Commission chaired by Olof Palme, which reported."),
            None
        );
    }

    #[test]
    fn year_less_body_dates_take_the_nearest_year() {
        let p = |s: &str| s.parse::<Date>().ok();
        let d = |t: &str, pubd: &str| {
            meeting_date_from(t, p(pubd))
                .map(|m| (m.date.to_string(), m.date_end.map(|e| e.to_string())))
        };
        assert_eq!(
            d(
                "The talks will be held on January 17 (Mon.) in Tokyo.",
                "2010-12-24"
            ),
            Some(("2011-01-17".into(), None))
        );
        assert_eq!(
            d(
                "The seminar was held on December 20 and 21 in Tokyo.",
                "2011-01-05"
            ),
            Some(("2010-12-20".into(), Some("2010-12-21".into())))
        );
        assert_eq!(
            d("The meeting was held on May 3, 2008.", "2011-01-05"),
            Some(("2008-05-03".into(), None))
        );
        assert_eq!(d("It rained on May 3.", "2011-01-05"), None);
    }
}
