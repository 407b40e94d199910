//! A headline's verbs around the meeting it names: `Ruritania and Borduria
//! hold 7th Session of the …`, `Prime Minister to Attend the Fifth …`,
//! `… concludes its 76th session`, `The 27th … Seminar was held`. Apart
//! from `meetings.rs`, which peels titles, because headlines put the
//! meeting after a verb where titles put it after a type phrase.

use std::borrow::Cow;

use super::doc_type::strip_prefix_ci;
use super::editions::edition_word;

/// Verbs of a ministry's headline about one minister's day (`Foreign
/// Minister Hosts …`, `Prime Minister to Attend …`).
const DAY_VERBS: [&str; 8] = [
    " hosts ",
    " to host ",
    " attends ",
    " to attend ",
    " addresses ",
    " visits ",
    " meets ",
    " welcomes ",
];

/// `Prime Minister to Attend the Fifth Mekong-Lancang Leaders' Meeting` →
/// `Fifth Mekong-Lancang Leaders' Meeting`: a numbered meeting after a
/// headline's verb is a series' edition (without a number it is the
/// minister's day, and [`before_verb`] ends the name at the verb).
pub(super) fn numbered_object(rest: &str) -> Cow<'_, str> {
    let lower = rest.to_ascii_lowercase();
    let Some((i, verb)) = DAY_VERBS
        .iter()
        .chain(&SESSION_VERBS)
        .find_map(|v| lower.find(v).map(|i| (i, *v)))
    else {
        return rest.into();
    };
    let object = rest[i + verb.len()..].trim_start();
    let object = strip_prefix_ci(object, "the ").unwrap_or(object);
    // `IOM Council Concludes 126th Session, Calls for …`: the news after
    // a comma is no part of the object.
    let clause = object.split(", ").next().unwrap_or(object);
    let words: Vec<&str> = before_place(clause).split_whitespace().collect();
    let numbered = words.first().is_some_and(|w| edition_word(w).is_some());
    // `Commission on Narcotic Drugs concludes its 76th session`, `OAS
    // General Assembly Concludes Sixty-Third Regular Session in …`: the
    // body before the verb is the series, the session its edition.
    let kind = |w: &str| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "session" | "meeting" | "summit"
        )
    };
    let own = numbered
        .then(|| match words[..] {
            [_, k] if kind(k) => Some(k),
            [_, adjective, k] if kind(k) && is_session_adjective(adjective) => Some(k),
            _ => None,
        })
        .flatten();
    if let Some(k) = own {
        let subject = capitalised_start(without_people(rest[..i].trim()));
        if k.eq_ignore_ascii_case("summit") {
            // `D-8 Leaders Conclude the 13th Summit in Dhaka`,
            // `Ibero-American leaders close XXXV summit …`: the summit of
            // the subject's body.
            if subject.is_empty() || subject.contains(',') {
                return rest.into();
            }
            return format!("{} {subject} Summit", words[0]).into();
        }
        format!("{} {subject}", words[0]).into()
    } else if numbered {
        // `… Hold the 5th Joint Commission … in Jakarta`: where it was held
        // is no part of the name.
        without_place_tail(object).into()
    } else {
        rest.into()
    }
}

/// Words that make a numbered session a body's own (`Sixty-Third Regular
/// Session`).
fn is_session_adjective(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "regular" | "ordinary" | "special" | "extraordinary" | "annual" | "plenary"
    )
}

/// A headline's subject without the people who met (`D-8 Leaders`,
/// `Ibero-American leaders`, `ASEAN Foreign Ministers`): the body.
fn without_people(subject: &str) -> &str {
    const PEOPLE: [&str; 6] = [
        " leaders",
        " heads of state",
        " foreign ministers",
        " ministers",
        " presidents",
        " prime ministers",
    ];
    let lower = subject.to_ascii_lowercase();
    PEOPLE
        .iter()
        .find_map(|p| lower.strip_suffix(p).map(|k| subject[..k.len()].trim_end()))
        .unwrap_or(subject)
}

/// A subject's name without the news after it (`Committee of Ministers
/// marks 85 years of the Council of Europe` → `Committee of Ministers`):
/// its words up to the first in lower case that is no small word of a
/// name.
fn capitalised_start(subject: &str) -> &str {
    use crate::text::lexicon::NAME_SMALL_WORDS as SMALL;
    let mut end = 0;
    for (at, w) in subject.split(' ').scan(0, |pos, w| {
        let at = *pos;
        *pos += w.len() + 1;
        Some((at, w))
    }) {
        if w.starts_with(char::is_lowercase) && !SMALL.contains(&w) {
            break;
        }
        if !SMALL.contains(&w) {
            end = at + w.len();
        }
    }
    if end == 0 {
        subject
    } else {
        &subject[..end]
    }
}

/// Verbs of a headline about a numbered session (`Ghana and Nigeria hold
/// 7th Session of the Permanent Joint Commission`, `… concludes its 76th
/// session`).
const SESSION_VERBS: [&str; 19] = [
    " hold ",
    " holds ",
    // A plural subject: `Ministers open the 12th Baltic Sea Energy Forum
    // in Tallinn`.
    " open ",
    " close ",
    " conclude ",
    " begin ",
    " attend ",
    " concludes its ",
    " concluded its ",
    // `Report of the Trade and Development Board on its eighty-first
    // session`.
    " on its ",
    " at its ",
    " opens its ",
    " opened its ",
    " concludes ",
    " concluded ",
    " opens ",
    " closes ",
    " ends ",
    " begins ",
];

/// A headline's object without where it took place (`… in Jakarta`,
/// `… in Ulaanbaatar`: one or two capitalised words after a last ` in `),
/// the level it was held at, or a common noun after the name.
fn without_place_tail(object: &str) -> &str {
    // `… Political Consultation at Deputy Foreign Minister level`, `…
    // Binational Commission meeting`: the level and the common noun.
    let object = match object.split_once(" at ") {
        Some((name, level)) if level.to_ascii_lowercase().ends_with(" level") => name,
        _ => object,
    };
    let object = object
        .strip_suffix(" meeting")
        .or_else(|| object.strip_suffix(" session"))
        .unwrap_or(object);
    before_place(object)
}

/// A headline's object without the place after ` in ` and the rest of
/// the news after it (`… in Niamey`, `… in Niamey amid jihadist surge`).
fn before_place(object: &str) -> &str {
    for (at, _) in object.match_indices(" in ") {
        let mut after = object[at + 4..].split_whitespace();
        // `Cartagena de Indias`, `Dar es Salaam`, `Rio de Janeiro`.
        let particle = |w: &str| PLACE_PARTICLES.contains(&w);
        let mut first = true;
        let place = after
            .by_ref()
            .take_while(|w| {
                let ok = w.starts_with(char::is_uppercase) || (!first && particle(w));
                first = false;
                ok
            })
            .count();
        let rest = object[at + 4..].split_whitespace().nth(place);
        let news = rest.is_none_or(|w| NEWS_TAIL.contains(&w));
        if (1..=3).contains(&place) && news {
            return &object[..at];
        }
    }
    object
}

/// Small words inside place names (`Cartagena de Indias`, `Dar es
/// Salaam`).
const PLACE_PARTICLES: &[&str] = &[
    "de", "del", "da", "do", "dos", "das", "es", "el", "al", "la",
];

/// Words that carry a headline on after the place it names (`… in
/// Niamey amid jihadist surge`, `… in Geneva with call for …`).
const NEWS_TAIL: &[&str] = &[
    "amid", "with", "as", "after", "over", "despite", "under", "to", "for", "on",
];

/// A name cut at a colon (`Session of the Committee of Ministers: Valletta
/// Declaration …`): what follows is the headline's news.
pub(super) fn before_colon(rest: &str) -> &str {
    rest.split_once(": ").map_or(rest, |(name, _)| name)
}

/// `"The 27th Asian Export Control Seminar was held"` → the name only.
pub(super) fn before_verb(mut rest: String) -> String {
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
        // Headlines: `Korea, Japan and U.S. Hold Trilateral Meeting on …`,
        // `UK and Indonesia launch dialogue on …`.
        " hold ",
        " launch ",
        " agree ",
        " closes",
        " concludes",
        " ends ",
        " takes part in ",
        " participates in ",
        // What a headline says its subjects did there (`East African
        // ministers pledge joint fund … at Entebbe talks`): no name runs
        // on past it.
        " pledge ",
        " pledges ",
        " vow ",
        " vows ",
        " back ",
        " backs ",
        " urge ",
        " urges ",
        " call for ",
        " calls for ",
        " sign ",
        " signs ",
        " seek ",
        " seeks ",
    ]
    .iter()
    .chain(&DAY_VERBS)
    {
        // Headlines capitalise the verb (`... Seminar was Held`).
        if let Some(i) = rest.to_ascii_lowercase().find(verb) {
            rest.truncate(i);
            break;
        }
    }
    rest
}
