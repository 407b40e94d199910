//! Gates: the rules of `data/rules.tsv` evaluated for one hit (context
//! markers in the paragraph or document, neighbouring words, ALL-CAPS
//! headings). `After` rules need the selection state and live in `tagger`.

use std::collections::HashSet;

use super::compile::{Rule, Variant};
use super::scan::Markers;
use super::text::{
    after, before, ends_with_phrase, is_all_caps, is_title_case, is_word, next_word, prev_word,
    starts_with_phrase, Folded,
};

/// What the document has shown so far: markers anywhere in it, and the
/// entities tagged in earlier paragraphs.
#[derive(Debug, Default)]
pub(crate) struct DocState {
    pub markers: Markers,
    pub seen: HashSet<u32>,
}

/// Whether the match sits in an ALL-CAPS line or among capitalised words
/// (a heading such as `LET US ACT`).
fn in_caps_context(orig: &str, f: &Folded, s: &str, start: usize, end: usize) -> bool {
    let (os, oe) = (f.orig(start), f.orig(end));
    let line_start = orig[..os].rfind('\n').map_or(0, |i| i + 1);
    let line_end = orig[oe..].find('\n').map_or(orig.len(), |i| oe + i);
    let line = &orig[line_start..line_end];
    let letters_outside = line.chars().filter(|c| c.is_alphabetic()).count()
        - orig[os..oe].chars().filter(|c| c.is_alphabetic()).count();
    if letters_outside >= 4 && !line.chars().any(char::is_lowercase) {
        return true;
    }
    let caps = |w: Option<&str>| w.is_some_and(is_all_caps);
    let (p, n) = (prev_word(s, start), next_word(s, end));
    caps(p) && (n.is_none() || caps(n))
}

/// Whether every local rule of `v` passes for the hit at `start..end`
/// (`After` rules are checked by the caller).
pub(crate) fn rules_ok(
    v: &Variant,
    orig: &str,
    f: &Folded,
    start: usize,
    end: usize,
    para: &Markers,
    doc: &DocState,
) -> bool {
    let s: &str = &f.text;
    v.rules.iter().all(|r| match r {
        Rule::Context(ms) => para.any(ms),
        Rule::RejectContext(ms) => !para.any(ms),
        Rule::DocContext(ms) => para.any(ms) || doc.markers.any(ms),
        Rule::After(_) => true,
        Rule::FollowedBy(ps) => ps.iter().any(|p| follows(s, end, p)),
        Rule::NotFollowedBy(ps) => !ps.iter().any(|p| follows(s, end, p)),
        Rule::PrecededBy(ps) => ps.iter().any(|p| precedes(s, start, p)),
        Rule::NotPrecededBy(ps) => !ps.iter().any(|p| precedes(s, start, p)),
        Rule::NotAllCaps => !in_caps_context(orig, f, s, start, end),
        Rule::NotNextCapitalized => !next_word(s, end).is_some_and(is_title_case),
        Rule::NotNextName => {
            joined_before(orig, f, start)
                || joined_after(orig, f, end)
                || !next_word(s, end).is_some_and(is_surname_like)
        }
        Rule::NotPrevCapitalized => !prev_word(s, start).is_some_and(is_title_case),
        Rule::PlaceInTitle(ps) => !names_a_document(orig, f, start, end, ps),
    })
}

/// Capitalised words that follow a country's name in running text
/// without making it a person's first name: offices, institutions,
/// weekdays (`visited Jordan Tuesday`), months. Sorted.
const AFTER_COUNTRY: &[&str] = &[
    "Agency",
    "Agreement",
    "Air",
    "Airlines",
    "Airways",
    "Ambassador",
    "Armed",
    "Armistice",
    "Army",
    "Assembly",
    "Authority",
    "Bank",
    "Border",
    "Cabinet",
    "Central",
    "Chamber",
    "Chief",
    "Coast",
    "Commission",
    "Committee",
    "Constitutional",
    "Consulate",
    "Council",
    "Court",
    "Crown",
    "Customs",
    "Defence",
    "Defense",
    "Delegation",
    "Deputy",
    "Development",
    "Election",
    "Electoral",
    "Embassy",
    "Emir",
    "Envoy",
    "Federation",
    "Finance",
    "Forces",
    "Foreign",
    "Friday",
    "General",
    "Government",
    "Guard",
    "Head",
    "Heads",
    "High",
    "Interior",
    "Investment",
    "Joint",
    "King",
    "Kingdom",
    "Military",
    "Minister",
    "Ministers",
    "Ministry",
    "Mission",
    "Monday",
    "National",
    "Naval",
    "Navy",
    "News",
    "Office",
    "Parliament",
    "Parliamentary",
    "Peace",
    "Permanent",
    "Police",
    "Port",
    "Post",
    "President",
    "Presidential",
    "Prime",
    "Prince",
    "Queen",
    "Radio",
    "Red",
    "Representative",
    "Republic",
    "River",
    "Royal",
    "Saturday",
    "Secretary",
    "Security",
    "Senate",
    "Special",
    "State",
    "Sunday",
    "Supreme",
    "Team",
    "Television",
    "Thursday",
    "Times",
    "Trade",
    "Treaty",
    "Tuesday",
    "Valley",
    "Vice",
    "Wednesday",
];

/// Whether a word after a name reads as a surname (`Jordan Akello`): a
/// capitalised word that is not one of [`AFTER_COUNTRY`] or a month.
fn is_surname_like(w: &str) -> bool {
    is_title_case(w)
        && AFTER_COUNTRY.binary_search(&w).is_err()
        && !crate::text::lexicon::MONTHS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(w))
}

/// Whether the name at `start..end` is the place in a document's name (`the
/// 1992 Singapore Declaration`): one of the capitalised nouns `ps` follows,
/// and no hyphen or slash joins it to a name before (`Japan-Singapore
/// Declaration` names the parties).
fn names_a_document(orig: &str, f: &Folded, start: usize, end: usize, ps: &[String]) -> bool {
    let s: &str = &f.text;
    let rest = after(s, end);
    if rest.len() == s.len().saturating_sub(end) || !rest.starts_with(char::is_uppercase) {
        return false;
    }
    if !ps.iter().any(|p| starts_with_phrase(rest, p)) {
        return false;
    }
    !joined_before(orig, f, start)
}

/// Whether a hyphen, dash or slash joins the name at `start` to a word
/// before (`Japan-Singapore`, `Israel-Jordan General Armistice`): a pair
/// of parties, not a place or a first name.
fn joined_before(orig: &str, f: &Folded, start: usize) -> bool {
    orig[..f.orig(start)]
        .chars()
        .next_back()
        .is_some_and(is_joiner)
}

/// Whether a hyphen, dash or slash joins the name ending at `end` to a
/// word after (`Jordan-Israel peace treaty`).
fn joined_after(orig: &str, f: &Folded, end: usize) -> bool {
    orig.get(f.orig(end)..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(is_joiner)
}

fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '/'
    )
}

/// Whether phrase `p` comes right after `end` (spaces skipped unless `p`
/// starts with punctuation, as in `, USA`).
fn follows(s: &str, end: usize, p: &str) -> bool {
    let rest = if p.starts_with(is_word) {
        after(s, end)
    } else {
        s.get(end..).unwrap_or("")
    };
    starts_with_phrase(rest, p)
}

/// Whether phrase `p` comes right before `start`.
fn precedes(s: &str, start: usize, p: &str) -> bool {
    let head = if p.ends_with(is_word) {
        before(s, start)
    } else {
        s.get(..start).unwrap_or("").trim_end_matches(' ')
    };
    ends_with_phrase(head, p)
}
