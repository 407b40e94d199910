//! Meeting names, acronyms and editions read from title lines: `The
//! Results of the Fourth Asian Senior-level Talks on Non-Proliferation
//! (ASTOP-IV)` names the meeting `Asian Senior-level Talks on
//! Non-Proliferation`, acronym `ASTOP`, edition 4.
//!
//! A title is peeled from both ends, one step per function: lead-in type
//! phrases (`MFA Press Statement:`), a date tail, a parenthetical acronym,
//! leading phrases (`The Results of the`), a type phrase after the name,
//! the ordinal, `Meeting of the`, a trailing verb (`was held`).

use super::doc_type::{
    contains_meeting_word, find_doc_type, strip_meeting_connector, strip_prefix_ci,
};
use super::editions::{ordinal_value, split_roman_suffix};
use super::headline_verbs::{before_colon, before_verb, numbered_object};
use super::meeting_names::{
    inner_acronym, is_bare_kind, is_sentence, kind_capitalised, known_acronym, occasion,
};
use crate::model::DocType;
use crate::segment::dates::find_date;
use crate::text::lexicon::acronym;
use crate::text::roman::roman_value;
use crate::text::title::{is_all_caps, title_case};

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

impl MeetingInfo {
    /// Whether the line named a meeting or an acronym.
    pub fn names_anything(&self) -> bool {
        self.meeting.is_some() || self.acronym.is_some()
    }

    /// Reads the meeting from the first title lines that name one: the
    /// first name wins, and an acronym or edition missing from it is taken
    /// from a later line, until a line gives a name.
    pub fn from_titles<'a>(titles: impl Iterator<Item = &'a String>) -> MeetingInfo {
        let mut out = MeetingInfo::default();
        for t in titles {
            let info = meeting_info(t);
            if !info.names_anything() {
                continue;
            }
            out.meeting = out.meeting.or(info.meeting);
            out.acronym = out.acronym.or(info.acronym);
            out.edition = out.edition.or(info.edition);
            if out.meeting.is_some() {
                break;
            }
        }
        out
    }
}

/// Reads meeting name, acronym and edition from a title line.
///
/// ```
/// use dipsearch::segment::header::meeting_info;
/// let m = meeting_info("The Results of the Fourth Asian Senior-level Talks on Non-Proliferation (ASTOP-IV)");
/// assert_eq!(m.meeting.as_deref(), Some("Asian Senior-level Talks on Non-Proliferation"));
/// assert_eq!(m.acronym.as_deref(), Some("ASTOP"));
/// assert_eq!(m.edition, Some(4));
/// // The authors named after the type, then the occasion.
/// let m = meeting_info("Joint Statement by President A and Prime Minister B on the 11th Kiribati-Nauru Leaders' Retreat");
/// assert_eq!((m.meeting.as_deref(), m.edition), (Some("Kiribati-Nauru Leaders' Retreat"), Some(11)));
/// // An edition in Roman figures after the acronym in brackets.
/// let m = meeting_info("The Ninth Lagoon Democracy Forum (LDF IX)");
/// assert_eq!((m.acronym.as_deref(), m.edition), (Some("LDF"), Some(9)));
/// ```
pub fn meeting_info(line: &str) -> MeetingInfo {
    let mut info = MeetingInfo::default();
    let s = without_date_tail(after_type_lead_in(
        line.trim().trim_end_matches([':', '.', ' ']),
    ));
    let name = info.take_parenthetical_acronym(s);
    if info.acronym.is_none() {
        info.take_roman_acronym(name);
    }
    let rest = without_leading_phrases(after_occasion(name.trim()));
    let rest = before_type_phrase(rest);
    let rest = info.take_lone_acronym(rest);
    let rest = numbered_object(rest);
    let (rest, of_meeting) = info.take_ordinal(&rest);
    let rest = info.take_trailing_roman(before_colon(&rest));
    let rest = before_verb(rest);
    let rest = before_subject(&rest);
    let rest = rest.trim_matches(|c: char| c == ',' || c == '-' || c == ':' || c.is_whitespace());
    let rest = &*kind_capitalised(rest);
    // A spokesperson's press conference is no meeting of a series.
    let press = ["press conference", "news conference", "press briefing"]
        .iter()
        .any(|p| rest.to_ascii_lowercase().contains(p));
    // `Secretary A's Meeting with Foreign Minister B`: one encounter, no
    // series.
    let encounter = rest.to_ascii_lowercase().contains("meeting with");
    // `… hold first dialogue on …`: a common noun, not a series' name.
    let named = rest.starts_with(|c: char| !c.is_lowercase());
    // `Communiqué of the 77th Meeting of the OECS Authority`: the body
    // whose meeting it was is the series, whatever it is called;
    // `Copenhagen Climate Ministerial` is a meeting by its last word.
    let meets = contains_meeting_word(rest) || of_meeting || rest.ends_with(" Ministerial");
    if !rest.is_empty()
        && named
        && meets
        && !press
        && !encounter
        && !is_sentence(rest)
        && !is_bare_kind(rest)
    {
        info.meeting = Some(if is_all_caps(rest) {
            title_case(rest)
        } else {
            rest.to_string()
        });
    }
    if info.meeting.is_none() {
        if let Some((name, edition)) = occasion(line) {
            info.meeting = Some(name);
            info.edition = info.edition.or(Some(edition));
        }
    }
    if info.acronym.is_none() {
        let meeting = info.meeting.as_deref().unwrap_or("");
        info.acronym = known_acronym(meeting).or_else(|| inner_acronym(meeting));
    }
    if info.edition.is_none() {
        info.take_numbered_acronym(line);
    }
    info
}

/// `MFA Press Statement: 2nd ARF ...` → what follows the colon.
fn after_type_lead_in(s: &str) -> &str {
    match s.split_once(": ") {
        Some((before, after)) if find_doc_type(before).is_some() => after.trim(),
        _ => after_authors(s),
    }
}

/// `Joint Statement by Prime Minister A and President B on the 11th
/// Singapore-Indonesia Leaders' Retreat` → `11th Singapore-Indonesia
/// Leaders' Retreat`: a type that opens the title, its authors after `by`,
/// then the occasion.
fn after_authors(s: &str) -> &str {
    let Some(m) = find_doc_type(s).filter(|m| m.start == 0) else {
        return s;
    };
    let Some(by) = s.get(m.end..).and_then(|t| t.strip_prefix(" by ")) else {
        return s;
    };
    [" on the ", " at the "]
        .iter()
        .filter_map(|p| by.find(p).map(|i| i + p.len()))
        .min()
        .and_then(|i| by.get(i..))
        .map_or(s, str::trim)
}

/// A date or place-date tail (`..., Tokyo, 13 November 2003`) is not the
/// name; a date near the start is left alone.
fn without_date_tail(s: &str) -> &str {
    match find_date(s) {
        Some(m) if m.start > 10 => s[..m.start].trim_end_matches([' ', ',', '(', '|']),
        _ => s,
    }
}

/// `Remarks by X at the Opening of the Fourth ...` → `Fourth ...`: a
/// speech's title names its occasion after `at the` or `to the`. The
/// speaker may come first in a few words (`UK statement at the …`), after
/// a headline and a colon (`Upholding the Treaty: UK statement at the …`).
fn after_occasion(s: &str) -> &str {
    let by_type =
        find_doc_type(s).is_some_and(|m| m.start == 0 && m.doc_type == DocType::Statement);
    let from = if by_type { Some(0) } else { speech_word_at(s) };
    let Some(i) = from.and_then(|from| {
        let tail = &s[from..];
        let at = tail.find(" at the ").or_else(|| tail.find(" to the "));
        at.map(|i| i + from)
    }) else {
        return s;
    };
    let mut rest = &s[i + " at the ".len()..];
    for p in [
        "Opening Session of the ",
        "Opening of the ",
        "Closing of the ",
        "Opening Ceremony of the ",
    ] {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r;
        }
    }
    rest
}

/// Words that name one speaker's text in a title (`UK statement at …`,
/// `Explanation of vote by …`).
pub const SPEECH_WORDS: [&str; 6] = [
    "statement",
    "remarks",
    "address",
    "speech",
    "intervention",
    "explanation",
];

/// Where a speech word ([`SPEECH_WORDS`]) stands
/// among the first four words of a title, or of its part after a
/// headline and a colon.
fn speech_word_at(s: &str) -> Option<usize> {
    let part = s.find(": ").map_or(0, |i| i + 2);
    let mut offset = part;
    for word in s[part..].split(' ').take(4) {
        if SPEECH_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
            return Some(offset);
        }
        offset += word.len() + 1;
    }
    None
}

/// What may stand between a type phrase and the meeting it was issued at.
const ISSUED_AT: [&str; 4] = [
    "issued at the conclusion of the ",
    "issued at the end of the ",
    "adopted at the ",
    "issued at the ",
];

/// Leading phrases, repeatedly: `The Results of the`, `Final`, a type
/// phrase and its connector (`Chairman's Statement of the`).
fn without_leading_phrases(mut rest: &str) -> &str {
    const LEADS: [&str; 11] = [
        "the results of the ",
        "results of the ",
        "the outcome of the ",
        "outcome of the ",
        "the outcomes of the ",
        "outcomes of the ",
        "the outline of the ",
        "outline of the ",
        "overview of the ",
        "final ",
        "the ",
    ];
    loop {
        let next = LEADS
            .iter()
            .find_map(|p| strip_prefix_ci(rest, p))
            .or_else(|| match find_doc_type(rest) {
                Some(m) if m.start == 0 => {
                    let after = rest[m.end..].trim_start();
                    // `Statement by the …`: the type phrase holds its `by`.
                    let by = rest[..m.end].to_ascii_lowercase().ends_with(" by");
                    // `Joint Statement – Twelfth …`, `Chair's Statement, Bali
                    // Democracy Forum XXV`, `Communiqué issued at the
                    // conclusion of the 14th Session of …`.
                    let set_apart = after
                        .strip_prefix(['–', '—', '-', ',', ':'])
                        .map(str::trim_start);
                    let issued = ISSUED_AT.iter().find_map(|p| strip_prefix_ci(after, p));
                    strip_meeting_connector(after)
                        .or(by.then_some(after))
                        .or(set_apart)
                        .or(issued)
                }
                _ => None,
            });
        match next {
            Some(r) if !r.trim().is_empty() => rest = r.trim_start(),
            _ => return rest,
        }
    }
}

/// A type phrase after the name (`... Chairman's Summary`), or a document
/// about a topic (`ASEM Political Declaration on ...`): the meeting, if
/// any, is what comes before it, without the words that qualify the type.
fn before_type_phrase(rest: &str) -> &str {
    const QUALIFIERS: [&str; 6] = [
        "political",
        "leaders'",
        "leaders’",
        "ministerial",
        "final",
        "joint",
    ];
    let Some(m) = find_doc_type(rest).filter(|m| m.start > 0) else {
        return rest;
    };
    // `Yokohama Declaration of the Twelfth Tokyo International Conference
    // …`: a place names the document; the meeting follows it.
    if let Some(after) = strip_meeting_connector(rest[m.end..].trim_start()) {
        if contains_meeting_word(after) {
            return after;
        }
    }
    let mut rest = &rest[..m.start];
    while let Some(last) = rest.split_whitespace().last() {
        if !QUALIFIERS.contains(&last.to_ascii_lowercase().as_str()) {
            break;
        }
        rest = &rest[..rest.trim_end().len() - last.len()];
    }
    rest
}

/// `North Atlantic Council on arms control and non-proliferation` → `North
/// Atlantic Council`: a subject in lower case after `on` is what a
/// sentence-case title is about, not part of the name (`Conference on
/// Disarmament` keeps its capital).
fn before_subject(rest: &str) -> &str {
    const SMALL: [&str; 9] = ["the", "a", "an", "and", "of", "in", "for", "to", "on"];
    for (i, _) in rest.match_indices(" on ") {
        // `… Council on the Black Sea security situation`: a content word
        // in lower case anywhere after `on`.
        let subject = rest[i + 4..]
            .split_whitespace()
            .filter(|w| !SMALL.contains(w))
            .any(|w| w.starts_with(|c: char| c.is_lowercase()));
        if subject {
            return &rest[..i];
        }
    }
    rest
}

impl MeetingInfo {
    /// A parenthetical acronym at the end (`(ASTOP)`, `(ASTOP-IV)`, `(ARF
    /// ISM on NPD)`) is taken; returns the line before it.
    fn take_parenthetical_acronym<'a>(&mut self, s: &'a str) -> &'a str {
        let Some(open) = s.strip_suffix(')').and_then(|r| r.rfind('(')) else {
            return s;
        };
        let inner = s[open + 1..s.len() - 1].trim();
        let uppers = inner.chars().filter(|c| c.is_ascii_uppercase()).count();
        if uppers < 2
            || inner.len() > 30
            || !inner.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        {
            return s;
        }
        let (acr, edition) = split_roman_suffix(inner);
        self.acronym = Some(acr.to_string());
        self.edition = edition;
        &s[..open]
    }

    /// A bare `ASTOP-IV` token anywhere (the last one wins).
    fn take_roman_acronym(&mut self, name: &str) {
        for w in name.split_whitespace() {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let Some((a, r)) = core.rsplit_once('-') else {
                continue;
            };
            if a.len() < 2 || !a.chars().all(|c| c.is_ascii_uppercase()) {
                continue;
            }
            if let Some(v) = roman_value(r).filter(|_| r.chars().all(|c| c.is_ascii_uppercase())) {
                self.acronym = Some(a.to_string());
                self.edition = Some(v);
            }
        }
    }

    /// A bare acronym left (`ASEM`, `G8`) names the series, not the
    /// meeting: taken as the acronym, and nothing is left.
    fn take_lone_acronym<'a>(&mut self, rest: &'a str) -> &'a str {
        let t = rest.trim();
        let lone = rest.split_whitespace().count() == 1
            && t.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && t.chars().any(|c| c.is_ascii_uppercase())
            && t.len() <= 6;
        if !lone {
            return rest;
        }
        if self.acronym.is_none() {
            self.acronym = Some(t.to_string());
        }
        ""
    }

    /// The ordinal (`Fourth`, `27th`, `TWENTY-FIRST`) as the edition, then
    /// `Meeting(s) of the` before a longer name; returns the words left,
    /// joined by single spaces, and whether they are what met (the words
    /// after `Meeting of the`).
    fn take_ordinal(&mut self, rest: &str) -> (String, bool) {
        let mut ws: Vec<&str> = rest.split_whitespace().collect();
        // `Fourth`, `27th`, or a Roman numeral (`XXIII BRICS Summit`).
        let roman = |w: &str| {
            (w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
                .then(|| roman_value(w))
                .flatten()
        };
        if let Some(v) = ws
            .first()
            .and_then(|w| ordinal_value(w).or_else(|| roman(w)))
            .filter(|_| ws.len() > 1)
        {
            self.edition = self.edition.or(Some(v));
            ws.remove(0);
        }
        // `Regular Session of the OAS General Assembly`: the qualifier
        // goes with the session.
        if ws.len() > 5
            && matches!(
                ws[0].to_lowercase().as_str(),
                "regular" | "special" | "extraordinary" | "annual" | "plenary"
            )
            && matches!(ws[1].to_lowercase().as_str(), "meeting" | "session")
        {
            ws.remove(0);
        }
        let meeting_of = ws.len() > 2
            && matches!(
                ws[0].to_lowercase().as_str(),
                "meeting" | "meetings" | "session" | "sessions"
            )
            && ws[1].to_lowercase() == "of";
        let meeting_of_the = meeting_of && ws.len() > 4 && ws[2].to_lowercase() == "the";
        // `56th meeting of Intergovernmental Committee`: a headline drops
        // the article.
        let meeting_of_name = meeting_of
            && ws[2].starts_with(char::is_uppercase)
            && !ws[2].eq_ignore_ascii_case("the");
        if meeting_of_the {
            ws.drain(..3);
            return (ws.join(" "), true);
        } else if meeting_of_name {
            ws.drain(..2);
            return (ws.join(" "), true);
        } else if ws.len() > 2
            && ws[0].eq_ignore_ascii_case("round")
            && ws[1].eq_ignore_ascii_case("of")
        {
            // `fourth round of Bilateral Political Consultations`.
            ws.drain(..2);
        }
        (ws.join(" "), false)
    }

    /// A Roman numeral after the name (`Bali Democracy Forum XXV`) is the
    /// edition when none was read.
    fn take_trailing_roman(&mut self, rest: &str) -> String {
        let Some((name, last)) = rest.trim_end().rsplit_once(' ') else {
            return rest.to_string();
        };
        let value = (last.len() >= 2 && last.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| roman_value(last))
            .flatten();
        match value {
            Some(v) if self.edition.is_none() && contains_meeting_word(name) => {
                self.edition = Some(v);
                name.to_string()
            }
            _ => rest.to_string(),
        }
    }

    /// `ARF 18`, `AMM 44`: an acronym followed by its edition number.
    fn take_numbered_acronym(&mut self, line: &str) {
        let ws: Vec<&str> = line.split_whitespace().collect();
        for pair in ws.windows(2) {
            let (a, n) = (pair[0], pair[1].trim_end_matches([',', ')', ':']));
            if acronym(a).is_some_and(|x| x.is_numbered())
                && (1..=2).contains(&n.len())
                && n.bytes().all(|b| b.is_ascii_digit())
            {
                self.edition = n.parse().ok();
                if self.acronym.is_none() {
                    self.acronym = Some(a.to_string());
                }
                break;
            }
        }
    }
}
