//! What a meeting's name is, once a title is peeled (`meetings.rs`): a
//! headline's kind in lower case (`Mercosur summit`), a sentence that is
//! no name, a bare kind, and the acronym the name holds or is known by
//! (`OAS General Assembly` → `OAS`, not the UN's).

use super::doc_type::strip_prefix_ci;
use super::editions::ordinal_value;
use crate::text::lexicon::{is_meeting_word, keeps_caps, ACRONYMS};
use crate::text::roman::roman_value;
use crate::text::title::is_all_caps;

/// A word with its first letter a capital (`summit` → `Summit`).
pub(super) fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `Mercosur summit in Asunción` → `Mercosur Summit`: a headline writes a
/// capitalised name's kind in lower case, and where it met after it.
pub(super) fn kind_capitalised(rest: &str) -> std::borrow::Cow<'_, str> {
    let name = rest.split(" in ").next().unwrap_or(rest);
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((last, before)) = words.split_last() else {
        return rest.into();
    };
    let lower_kind = last.starts_with(char::is_lowercase) && is_meeting_word(last);
    let names_before = !before.is_empty()
        && before.len() <= 4
        && before.iter().all(|w| w.starts_with(char::is_uppercase));
    if lower_kind && names_before {
        format!("{} {}", before.join(" "), capitalised(last)).into()
    } else {
        rest.into()
    }
}

/// Whether what is left reads as a headline's sentence, not a name:
/// words in lower case that are no name's small words, three of them
/// after a list of subjects (`Japan, China, South Korea revive free trade
/// talks at 10th trilateral summit`) or five anywhere (`ECOWAS leaders
/// set 2035 deadline for single currency at Abuja summit`); `Dakar
/// meeting of West African intellectual property offices` is a name.
pub(super) fn is_sentence(rest: &str) -> bool {
    const SMALL: [&str; 12] = [
        "of", "the", "and", "on", "for", "in", "to", "at", "de", "a", "an", "with",
    ];
    let lower = rest
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_lowercase) && !SMALL.contains(w))
        .count();
    lower >= 5 || (lower >= 3 && rest.contains(", "))
}

/// A bare kind (`Summit`, `Session`): no series.
pub(super) fn is_bare_kind(rest: &str) -> bool {
    !rest.contains(' ') && is_meeting_word(&rest.to_lowercase())
}

/// An acronym inside a name that no known one names (`Regular Session of
/// the OAS General Assembly` → `OAS`): the first word in capitals, no
/// Roman numeral and not `UN`, that the body which met follows (`UAE` in
/// `… President of the UAE Sheikh Mohammed …` is a state's).
pub(super) fn inner_acronym(meeting: &str) -> Option<String> {
    if is_all_caps(meeting) {
        return None;
    }
    let words: Vec<&str> = meeting
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    words.iter().enumerate().find_map(|(i, w)| {
        let acronym = (2..=6).contains(&w.len())
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
            && *w != "UN"
            && roman_value(w).is_none();
        let body_after = words[i + 1..]
            .iter()
            .take(3)
            .any(|n| is_meeting_word(&n.to_lowercase()));
        (acronym && body_after).then(|| w.to_string())
    })
}

/// Acronym of a meeting known by name, or a leading acronym token
/// (`ARF ISM on NPD` → `ARF`).
pub(super) fn known_acronym(meeting: &str) -> Option<String> {
    let lower = meeting.to_lowercase();
    let first = meeting.split_whitespace().next()?;
    // `OAS General Assembly`, `IPU General Debate`: another body's organ;
    // so is `UN Tourism General Assembly`, whose name before `General`
    // is no `United Nations`.
    let other_body = (first.len() >= 2 && is_all_caps(first) && first != "UN")
        || lower.find("general ").is_some_and(|i| {
            let before = meeting[..i].split_whitespace().last().unwrap_or("");
            before.starts_with(char::is_uppercase)
                && !matches!(before, "UN" | "U.N." | "Nations" | "The")
        });
    if let Some(a) = ACRONYMS.iter().find(|a| {
        a.names.iter().any(|name| lower.contains(name))
            && !(other_body && matches!(a.text, "UNGA" | "UNGD"))
    }) {
        return Some(a.text.to_string());
    }
    (first.len() >= 2
        && first != "UN"
        && first.len() <= 6
        && first
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && first.chars().any(|c| c.is_ascii_uppercase())
        // In a name not all in capitals, capitals are an acronym (`IPU
        // Assembly`).
        && (keeps_caps(first) || !is_all_caps(meeting)))
    .then(|| first.to_string())
}

/// A headline's occasion after its news (`Arab, Chinese leaders
/// pledge closer ties at fourth Arab-China Summit in Riyadh`, `…
/// revive free trade talks at 10th trilateral summit`): a numbered
/// meeting after the last ` at `, without the place.
pub(super) fn occasion(line: &str) -> Option<(String, u32)> {
    let i = line.rfind(" at ")?;
    let after = line[i + 4..].trim();
    let after = strip_prefix_ci(after, "the ").unwrap_or(after);
    let words: Vec<&str> = after.split_whitespace().collect();
    let edition = words.first().and_then(|w| ordinal_value(w))?;
    let mut name: Vec<&str> = Vec::new();
    for w in &words[1..] {
        name.push(w);
        if is_meeting_word(&w.to_lowercase()) {
            break;
        }
    }
    let ends_in_kind = name
        .last()
        .is_some_and(|w| is_meeting_word(&w.to_lowercase()));
    if !ends_in_kind || name.len() > 5 {
        return None;
    }
    let name = name
        .iter()
        .map(|w| capitalised(w))
        .collect::<Vec<_>>()
        .join(" ");
    Some((name, edition))
}
