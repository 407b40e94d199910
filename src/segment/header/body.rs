//! Facts headers rarely give, read from the first paragraphs: the chair
//! (`chaired by Ambassador ...`) and the place (`was held in Tokyo`).

use std::sync::OnceLock;

use regex::{Match, Regex};

use crate::model::Date;
use crate::segment::dates::find_date;
use crate::text::lexicon::mentions_meeting_kind;
use crate::text::line::{names_other_year, sentences};

/// The patterns of body sentences.
struct Patterns {
    /// `chaired by`, `co-chaired by`, `under the chairmanship of`.
    chair: Regex,
    /// `held ... in Tokyo`, `visit to Spain`, `welcome President X to
    /// Washington`; the capture `place` is the place.
    place: Regex,
    /// A person with an honorific or a title (`Mr. A`, `Ambassador B`).
    person: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        chair: Regex::new(
            r"(?i)\b(co-?chaired|chaired|presided\s+over)\s+(?:jointly\s+)?by\s+|\bunder\s+the\s+(?:co-?)?chair(?:man)?ship\s+of\s+",
        )
        .expect("chair pattern compiles"),
        place: Regex::new(
            r"(?:\b(?P<verb>held|hold|hosted|host|hosts|convened|took place|met|received|meeting|organi[sz]ed|chaired|gathered|attended|concluded|closed|ended|opened)\b(?:[^.;]|\.\S|\.\s\p{Ll}|\b(?:Mr|Mrs|Ms|Dr|Prof|H\.E|Amb|No)\.\s){0,300}?\bin |\bvisit to |\bwelcomes? [^.;]{0,80}?\bto )(?P<place>(?:\p{Lu}[\p{L}\-]+)(?: \p{Lu}[\p{L}\-]+)?)",
        )
        .expect("place pattern compiles"),
        person: Regex::new(
            r"\b(?:Mr|Ms|Mrs|Dr|Prof|H\.E|Ambassador|Amb|Minister|Vice-Minister|Director-General)\.?\s+[A-Z][^,;]*",
        )
        .expect("person pattern compiles"),
    })
}

/// The chair named in body text: `chaired by Ambassador Yukiya Amano,
/// Director-General ...` → `Ambassador Yukiya Amano`; `co-chaired by Japan
/// and Malaysia` → `Japan and Malaysia`.
pub fn chair_from(text: &str) -> Option<String> {
    let m = patterns()
        .chair
        .find_iter(text)
        .find(|m| chairs_a_meeting(text, m))?;
    let sentence = sentence_from(&text[m.end()..]);
    // Several people named with honorifics: "Mr. A, Director ..., and Ms. B, ..."
    let people: Vec<&str> = patterns()
        .person
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
    // `chaired by the Foreign Minister … and brought together …`: the
    // sentence goes on with another verb.
    let chair = chair
        .match_indices(" and ")
        .find(|(at, _)| {
            let next = chair[at + 5..].split_whitespace().next().unwrap_or("");
            next.starts_with(char::is_lowercase) && !matches!(next, "the" | "a" | "an")
        })
        .map_or(chair, |(at, _)| &chair[..at]);
    let chair = chair
        .strip_suffix(" who")
        .unwrap_or(chair)
        .trim_end_matches(" and");
    // `chaired by the Prime Minister of Malaysia`: an office, not a name.
    let chair = chair
        .strip_prefix("the ")
        .filter(|c| c.starts_with(char::is_uppercase))
        .unwrap_or(chair);
    let first = chair.chars().next()?;
    if !first.is_uppercase() || chair.len() > 160 {
        return None;
    }
    Some(chair.to_string())
}

/// Only a meeting's chair: "The meeting / talks / session was chaired
/// by", not "a commission chaired by" in a speech; a kind of meeting must
/// be named in the 60 bytes before, or be the subject of the sentence
/// when the chairs follow its place and date (`The Twenty-second ...
/// Meeting ... was held in Siem Reap on 24-25 April 2030, co-chaired by`).
fn chairs_a_meeting(text: &str, m: &Match<'_>) -> bool {
    let back = |n: usize| {
        let mut from = m.start().saturating_sub(n);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        &text[from..m.start()]
    };
    if mentions_meeting_kind(&back(60).to_lowercase()) {
        return true;
    }
    let before = back(300);
    let sentence = before.rfind(". ").map_or(before, |i| &before[i + 2..]);
    let held = sentence
        .find(" was held ")
        .or_else(|| sentence.find(" were held "));
    held.is_some_and(|h| mentions_meeting_kind(&sentence[..h].to_lowercase()))
        && sentence.trim_end().ends_with(',')
}

/// The sentence at the start of `rest`: abbreviations such as "Mr." and
/// initials do not end it.
fn sentence_from(rest: &str) -> &str {
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
                return &rest[..i];
            }
        }
    }
    rest
}

/// The city of a place as headers and bodies write it: `Bali, Indonesia`
/// → `Bali`, `San Francisco, California` → `San Francisco`, so that one
/// city is one facet bucket however the page wrote it; `Washington, D.C.`
/// stays whole.
pub fn city_of(place: String) -> String {
    match place.split_once(',') {
        Some((city, rest)) if !city.trim().is_empty() && rest.trim() != "D.C." => {
            city.trim().to_string()
        }
        _ => place,
    }
}

/// A place named in body text: `was held in Tokyo` → `Tokyo`, `met in Da
/// Nang, Viet Nam, on …` → `Da Nang, Viet Nam`; months, continents and
/// `The` are not places, nor is anything after a virtual meeting or a
/// region such as `Southern Mexico`. `near` is the document's date: a sentence about
/// a meeting more than two months from it (`the Dialogue held in Singapore
/// on 3 October 2019`) is about another meeting.
pub fn place_from(text: &str, near: Option<Date>) -> Option<String> {
    if let Some(city) = dated_opening(text) {
        return Some(city);
    }
    sentences(text)
        .filter(|s| near.is_none_or(|d| !mentions_far_date(s, d)))
        .find_map(place_in)
}

/// The city a release's text opens with before its date and a dash
/// (`Tegucigalpa, 18 March 2035 – The 41st Assembly …`): where it was
/// issued, which for a meeting's release is where the meeting was.
fn dated_opening(text: &str) -> Option<String> {
    let m = find_date(text).filter(|m| m.start <= 40)?;
    let city = text[..m.start].trim_end().strip_suffix(',')?;
    let dash = text[m.end..].trim_start();
    let words: Vec<&str> = city.split_whitespace().collect();
    let capitalised =
        (1..=3).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase));
    (capitalised && dash.starts_with(['–', '—', '-'])).then(|| city.to_string())
}

/// Whether a sentence gives a date more than about two months from `d`,
/// or a year other than `d`'s.
pub fn mentions_far_date(sentence: &str, d: Date) -> bool {
    if let Some(m) = find_date(sentence) {
        return (m.date.key() as i64 - d.key() as i64).abs() > 200;
    }
    names_other_year(sentence, d.year)
}

/// The place of one sentence: the city, without the country after it
/// (`in Da Nang, Viet Nam, on` gives `Da Nang`), as headers write it.
fn place_in(sentence: &str) -> Option<String> {
    let c = patterns().place.captures(sentence)?;
    let m = c.name("place")?;
    // A meeting held by video has no venue: the `in` that follows is
    // about something else (`a virtual meeting to promote development in
    // Southern Mexico`).
    let lead = sentence[c.get(0)?.start()..m.start()].to_ascii_lowercase();
    if ["virtual", "video", "online", "by telephone", "phone call"]
        .iter()
        .any(|w| lead.contains(w))
    {
        return None;
    }
    // The next meeting's venue, as an outcome agrees on it, is not this
    // one's (`agreed to hold the next meeting in China`, `agreed to hold
    // their autumn meeting in Bratislava`); an announcement's (`Japan will
    // hold the next seminar in Tokyo`) is.
    let to_hold = c
        .name("verb")
        .is_some_and(|v| matches!(v.as_str(), "hold" | "convene" | "host"));
    if lead.contains(" next ") || to_hold {
        let before = sentence[..c.get(0)?.start()]
            .trim_end()
            .to_ascii_lowercase();
        let agreed = [
            "agreed to",
            "decided to",
            "forward to",
            "proposed to",
            "offered to",
        ];
        if agreed.iter().any(|p| before.ends_with(p)) {
            return None;
        }
    }
    // To hold someone to account is no meeting (`hold those culpable …
    // accountable, … abuses in Russia`).
    if c.name("verb").is_some_and(|v| v.as_str() == "hold")
        && (lead.contains("accountable") || lead.contains("responsible"))
    {
        return None;
    }
    let p = m.as_str();
    // A possessive before a common noun is no venue (`in Russia’s war`;
    // `in Tokyo’s Iikura House` is).
    let after = &sentence[m.end()..];
    if let Some(rest) = after
        .strip_prefix("’s ")
        .or_else(|| after.strip_prefix("'s "))
    {
        if rest.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
    }
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
            // Regions, not venues (`Southern Mexico`, `Northern Europe`).
            | "Southern"
            | "Northern"
            | "Eastern"
            | "Western"
            // People (`looked forward to Minister Ruiz's visit`).
            | "Minister"
            | "President"
            | "Secretary"
            | "Ambassador"
            | "Prime"
            | "Foreign"
            | "Deputy"
            | "Vice"
            | "Director"
            | "Chairman"
            | "Chair"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Mr"
            | "Ms"
            | "Mrs"
            | "Dr"
    ) {
        return None;
    }
    Some(p.to_string())
}
