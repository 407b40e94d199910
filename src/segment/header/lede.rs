//! A numbered meeting named in a story's or summary's first paragraph,
//! for the pages whose headline names none (`The Colombo Security
//! Conclave Comes of Age in Malé` over `… the seventh NSA-level meeting
//! of the Colombo Security Conclave (CSC) …`): news stories name the
//! meeting in their lede, not their headline.

use super::editions::edition_word;
use super::meetings::MeetingInfo;
use crate::text::lexicon::{is_meeting_word, MEETING_KINDS, MONTHS};

/// Days of the week, which end a name (`… Summit on Tuesday`).
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words that may precede an edition in a lede (`the fourth …`, `their
/// 12th Trilateral Meeting`).
/// Not `his` or `her`: `his third Major Economies Forum` is the host's
/// own count.
const DETERMINERS: [&str; 5] = ["the", "The", "their", "its", "our"];

use crate::text::lexicon::NAME_SMALL_WORDS as SMALL;

/// The first numbered meeting the text names: `the 12th meeting of the
/// Joint Political and Security Mechanism (JPSM)` → the mechanism, JPSM,
/// 12; `the fourth Africa Climate Summit (ACS4)` → the summit, ACS, 4.
///
/// ```
/// use dipsearch::segment::header::meeting_in_lede;
/// let m = meeting_in_lede("Ministers met in Malé on Tuesday for the seventh NSA-level meeting of the Colombo Security Conclave (CSC), which …").unwrap();
/// assert_eq!(m.meeting.as_deref(), Some("Colombo Security Conclave"));
/// assert_eq!((m.acronym.as_deref(), m.edition), (Some("CSC"), Some(7)));
/// let m = meeting_in_lede("Heads of State opened the fourth Africa Climate Summit (ACS4) in Nairobi.").unwrap();
/// assert_eq!((m.meeting.as_deref(), m.acronym.as_deref(), m.edition), (Some("Africa Climate Summit"), Some("ACS"), Some(4)));
/// assert!(meeting_in_lede("It was the fourth time the two sides met.").is_none());
/// // A capitalised session of a body; a summit whose name it is; a weekday ends a name.
/// let m = meeting_in_lede("The Twenty-Second Session of the Regional Climate Outlook Forum for South Asia concluded today.").unwrap();
/// assert_eq!((m.meeting.as_deref(), m.edition), (Some("Regional Climate Outlook Forum for South Asia"), Some(22)));
/// let m = meeting_in_lede("Leaders gathered for the fifth Summit of the Americas in Lima.").unwrap();
/// assert_eq!(m.meeting.as_deref(), Some("Summit of the Americas"));
/// let m = meeting_in_lede("Ministers closed the Third Global Water Security Summit on Tuesday with a declaration.").unwrap();
/// assert_eq!(m.meeting.as_deref(), Some("Global Water Security Summit"));
/// ```
pub fn meeting_in_lede(text: &str) -> Option<MeetingInfo> {
    let words: Vec<&str> = text.split_whitespace().take(120).collect();
    (1..words.len()).find_map(|i| {
        if !DETERMINERS.contains(&words[i - 1]) || beside_another(&words[..i - 1]) {
            return None;
        }
        let edition = edition_word(words[i])?;
        named_after(&words[i + 1..], edition).or_else(|| {
            own_session(&words[..i - 1], &words[i + 1..], edition)
                .filter(|_| matches!(words[i - 1], "its" | "their"))
        })
    })
}

/// A body that held `its ninth ordinary session`: the body named before
/// the verb (`The Council of Ministers of the Volta Basin Authority (VBA)
/// closed its ninth ordinary session`), when what follows the edition is
/// a session, meeting or summit of no other body.
///
/// ```
/// use dipsearch::segment::header::meeting_in_lede;
/// let m = meeting_in_lede("ACCRA — The Council of Ministers of the Volta Basin Authority (VBA) closed its ninth ordinary session on Tuesday.").unwrap();
/// assert_eq!(m.meeting.as_deref(), Some("Council of Ministers of the Volta Basin Authority"));
/// assert_eq!((m.acronym.as_deref(), m.edition), (Some("VBA"), Some(9)));
/// assert!(meeting_in_lede("The ministers closed their ninth session on Tuesday.").is_none());
/// let m = meeting_in_lede("The Council of Foreign Ministers of the Organization of Islamic Cooperation, meeting at its Fifty-Seventh Session in Niamey,").unwrap();
/// assert_eq!(m.meeting.as_deref(), Some("Council of Foreign Ministers of the Organization of Islamic Cooperation"));
/// assert_eq!(m.edition, Some(57));
/// ```
fn own_session(before: &[&str], after: &[&str], edition: u32) -> Option<MeetingInfo> {
    let kind = after.iter().take(3).position(|w| {
        matches!(
            w.trim_end_matches([',', '.']).to_ascii_lowercase().as_str(),
            "session" | "meeting" | "summit"
        )
    })?;
    if after.get(kind + 1) == Some(&"of") {
        return None;
    }
    // The verb (`closed`, `opened`, `held`; `meeting at`), then maybe the
    // acronym.
    let (verb, mut rest) = before.split_last()?;
    match rest.split_last() {
        Some((w, r)) if matches!(*w, "meeting" | "gathered" | "convened" | "assembled") => {
            rest = r;
        }
        // `… of the Council of Europe at its 144th Session`: `its` is the
        // sentence's subject's, not the name's before `at`.
        _ if *verb == "at" => return None,
        _ => {}
    }
    let (acronym, rest) = match rest.split_last() {
        Some((a, r)) if a.starts_with('(') && a.ends_with(')') => {
            (Some(a.trim_matches(['(', ')']).to_string()), r)
        }
        _ => (None, rest),
    };
    let mut start = rest.len();
    while start > 0 {
        let w = rest[start - 1];
        if !(w.starts_with(char::is_uppercase) || SMALL.contains(&w)) {
            break;
        }
        start -= 1;
    }
    let mut name = &rest[start..];
    while name
        .first()
        .is_some_and(|w| SMALL.contains(w) || *w == "The")
    {
        name = &name[1..];
    }
    let body = name.iter().any(|w| is_meeting_word(&w.to_lowercase()));
    (name.len() >= 2 && body).then(|| MeetingInfo {
        meeting: Some(name.join(" ").trim_end_matches(',').to_string()),
        acronym: acronym.filter(|a| a.chars().filter(char::is_ascii_uppercase).count() >= 2),
        edition: Some(edition),
    })
}

/// Whether the words before name a meeting beside the one the text is
/// about: `met … on the margins of the eighty-third session of the United
/// Nations General Assembly`, `ahead of the …`, `following the …`, `the
/// holding of the fourth … early next year`.
fn beside_another(before: &[&str]) -> bool {
    let lower = |w: &&str| w.to_lowercase();
    match before {
        [.., a, b] if lower(b) == "of" => matches!(
            lower(a).as_str(),
            "margins"
                | "margin"
                | "sidelines"
                | "sideline"
                | "eve"
                | "ahead"
                | "since"
                | "outcome"
                | "holding"
                | "hosting"
                | "convening"
                | "preparation"
                | "preparations"
        ),
        [.., a, b] if lower(b) == "to" => lower(a) == "prior",
        [.., a, b] if lower(b) == "for" => lower(a).starts_with("preparation"),
        [.., b] => matches!(
            lower(b).as_str(),
            "following" | "after" | "before" | "since"
        ),
        [] => false,
    }
}

/// The meeting the words after an edition name: `meeting of the NAME`
/// (one or two words may qualify the kind: `NSA-level`, `Ordinary`), or a
/// capitalised name that is or ends in a meeting (`Africa Climate
/// Summit`, `Trilateral Meeting`).
fn named_after(words: &[&str], edition: u32) -> Option<MeetingInfo> {
    // `meeting of the …`, `NSA-level meeting of the …`, `Twenty-Second
    // Session of the Regional Climate Outlook Forum …`.
    let kind_at = words.iter().take(3).position(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "meeting" | "session" | "summit"
        )
    });
    let (start, of_kind) = match kind_at {
        Some(k) if words.get(k + 1) == Some(&"of") => {
            let the = usize::from(words.get(k + 2) == Some(&"the"));
            (k + 2 + the, true)
        }
        _ => (0, false),
    };
    let (mut name, mut acronym) = capitalised_run(&words[start..]);
    // A capitalised kind is the name's own when what follows it is no
    // body that meets (`the fifth Summit of the Americas`).
    let capital_kind = kind_at.filter(|&k| words[k].starts_with(char::is_uppercase));
    if let (Some(k), true) = (capital_kind, of_kind) {
        if !name.iter().any(|w| is_meeting_word(&w.to_lowercase())) {
            (name, acronym) = capitalised_run(&words[k..]);
        }
    }
    if name.is_empty() {
        return None;
    }
    let last = name.last().map(|w| w.to_lowercase()).unwrap_or_default();
    let meets = of_kind
        || is_meeting_word(&last)
        || name.iter().any(|w| is_meeting_word(&w.to_lowercase()));
    // A kind alone (`its 144th Session`) names no meeting.
    let bare_kind = name.len() == 1 && MEETING_KINDS.contains(&last.as_str());
    if !meets || bare_kind || !name[0].starts_with(char::is_uppercase) {
        return None;
    }
    // `ACS4` for the fourth: the number is the edition's.
    let acronym = acronym.map(|a| {
        let digits = a.trim_end_matches(|c: char| c.is_ascii_digit());
        match a[digits.len()..].parse::<u32>() {
            Ok(n) if n == edition && digits.len() >= 2 => digits.to_string(),
            _ => a,
        }
    });
    Some(MeetingInfo {
        meeting: Some(name.join(" ")),
        acronym,
        edition: Some(edition),
    })
}

/// The capitalised words at the start (small words between them), and an
/// acronym in brackets right after them. Stops at a word in lower case,
/// and after a word that ends a clause.
fn capitalised_run<'a>(words: &[&'a str]) -> (Vec<&'a str>, Option<String>) {
    let mut name: Vec<&str> = Vec::new();
    let mut acronym = None;
    for (i, w) in words.iter().enumerate() {
        if let Some(inner) = w.strip_prefix('(') {
            let inner = inner.trim_end_matches([')', ',', '.', ';', ':']);
            let caps = inner.chars().filter(char::is_ascii_uppercase).count();
            if !name.is_empty() && caps >= 2 && inner.len() <= 12 && w.contains(')') {
                acronym = Some(inner.to_string());
            }
            break;
        }
        let core = w.trim_end_matches([',', '.', ';', ':', '’', '\'']);
        // `the third Summit for Democracy on March 18`, `… Summit on
        // Tuesday`: a date ends it.
        if MONTHS.contains(&core) || WEEKDAYS.contains(&core) {
            break;
        }
        let capital = core.starts_with(char::is_uppercase) || core.starts_with(char::is_numeric);
        // Small words go on a name when a capital follows them (`Forum
        // for the Indian Ocean Rim`).
        let small = SMALL.contains(&core)
            && words[i + 1..]
                .iter()
                .take(2)
                .find(|n| !SMALL.contains(n))
                .is_some_and(|n| n.starts_with(char::is_uppercase));
        if !(capital || small && !name.is_empty()) {
            break;
        }
        name.push(core);
        if core.len() != w.len() {
            break;
        }
    }
    while name.last().is_some_and(|w| SMALL.contains(w)) {
        name.pop();
    }
    (name, acronym)
}
