//! Who attended: countries named in sentences that list participants.
//!
//! Meeting summaries say who came in a handful of ways ("12 Asian nations,
//! namely, … were represented", "Australia and the United States also
//! participated", "attended by delegations of …", "co-chaired by …", "the
//! Foreign Ministers of …", "hosted by Japan"). A
//! country counts when it is named in a sentence holding one of these cues,
//! or right after `hosted by`; every other mention (a country discussed, a
//! declaration named after a city) does not.

/// How many leading paragraphs may say who attended. Summaries state it in
/// their first one to three paragraphs; later sentences with the same cues
/// are about other meetings ("the leaders of the United States and the DPRK
/// met in Singapore").
pub(crate) const LEADING_PARAGRAPHS: usize = 8;

/// Phrases that make a sentence a statement of attendance (lower case).
const CUES: &[&str] = &[
    "represented",
    "participated",
    "participating countries",
    "participating states",
    "participating economies",
    "attended",
    "took part",
    "take part",
    "taking part",
    "participants from",
    "participants included",
    "participants were",
    "delegations of",
    "delegations from",
    "delegates from",
    "representatives of",
    "representatives from",
    "in attendance",
    "with the participation of",
    "chaired by",
    "ministers of",
    "leaders of",
    "heads of delegation",
    "delegation of",
    "delegation was headed",
    "delegation was led",
    "delegations were headed",
    "delegations were led",
    "side was led",
    "side was headed",
];

/// Cues, besides [`CUES`], whose list comes before them (`Chile and Peru released the
/// following joint statement on Ecuador`): a country after them is the
/// subject.
const LIST_BEFORE: &[&str] = &[
    "the following joint",
    "held a trilateral",
    "held a bilateral",
    "held their",
];

/// Lead words that name the host directly before a country.
const HOST_CUES: &[&str] = &["hosted by", "host country", "host, "];

/// The active verbs of a visit or a talk: a country named by title just
/// after one came (`President A hosted Mexican President B`, `Secretary A
/// met with Indonesian Foreign Minister B`). The subject before it does
/// not count: `the United States hosted the first APEC meeting in 1993` is
/// history, not attendance; nor does a phrase that is no one's title (`the
/// proposal met with opposition from Russia`). The talks of [`TALK_CUES`]
/// are such verbs too.
const GUEST_CUES: &[&str] = &[" hosted ", " met with "];

/// Talks, where the side before the verb is named by title too (`A,
/// Minister for Foreign Affairs of Japan, held a telephone talk with B,
/// Minister of Foreign Affairs of New Zealand`). Not `met with` alone,
/// which is also passive (`the plans of the Minister of Defence of Israel
/// have been met with sarcasm`).
const TALK_CUES: &[&str] = &[
    " met today with ",
    " met yesterday with ",
    " held talks with ",
    " held a meeting with ",
    " held a telephone call with ",
    " held a telephone talk with ",
];

/// Whether a word is a title that names a visiting leader or official.
fn is_title(word: &str) -> bool {
    matches!(
        word.trim_end_matches([',', '.']),
        "President"
            | "Vice"
            | "Prime"
            | "Minister"
            | "Foreign"
            | "Chancellor"
            | "King"
            | "Queen"
            | "Emperor"
            | "Crown"
            | "Premier"
            | "Emir"
            | "Sheikh"
            | "Secretary"
            | "Ambassador"
            | "National"
            | "Defense"
            | "Defence"
            | "Delegation"
            | "delegation"
    )
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "amb", "h.e", "u.s", "u.k", "e.g", "i.e", "gen",
    "prof", "rep", "sen", "jr", "vs", "etc", "p.r", "hon", "rt",
];

/// Byte ranges of the sentences of `text`.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..b.len() {
        if !matches!(b[i], b'.' | b';' | b'!' | b'?') {
            continue;
        }
        let next_is_space = b.get(i + 1) == Some(&b' ');
        let then_upper = b
            .get(i + 2)
            .is_some_and(|c| c.is_ascii_uppercase() || *c == b'(');
        if !(next_is_space && then_upper) {
            continue;
        }
        if b[i] == b'.' {
            let word_start = text[..i].rfind([' ', '(']).map_or(0, |j| j + 1);
            let word = text[word_start..i].to_ascii_lowercase();
            if word.len() <= 1 || ABBREVIATIONS.contains(&word.as_str()) {
                continue;
            }
        }
        out.push((start, i + 1));
        start = i + 2;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// The ids of attending countries among `countries` (`(start, end, id)`
/// mentions in `text`, in text order), in order of first mention.
pub(crate) fn attending(text: &str, countries: &[(usize, usize, String)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |id: &str| {
        if !out.iter().any(|o| o == id) {
            out.push(id.to_string());
        }
    };
    if countries.is_empty() {
        return out;
    }
    for (s, e) in sentences(text) {
        // Only sentences naming a country can list one (most do not).
        if !countries.iter().any(|(cs, ce, _)| *cs >= s && *ce <= e) {
            continue;
        }
        // ASCII lower-casing keeps byte offsets valid for `text`.
        let sentence = text[s..e].to_ascii_lowercase();
        // `contains` first: it has a SIMD fast path that `find` lacks, and
        // most sentences hold no cue (the ingest profile showed the
        // difference).
        let listed = CUES.iter().chain(LIST_BEFORE).any(|c| sentence.contains(c));
        // Each list runs from its cue to where the sentence goes on with
        // its verb (`We, the Foreign Ministers of A, B and C, condemn ...
        // D's launch`): a country after that is what they speak of, not
        // who came. A country before the first cue counts (`Chile and Peru
        // attended`).
        let mut lists: Vec<(usize, usize)> = Vec::new();
        if listed {
            for c in CUES.iter().chain(LIST_BEFORE) {
                for (at, _) in sentence.match_indices(c) {
                    let end = match LIST_BEFORE.contains(c) {
                        true => at,
                        false => list_end(&text[s..e], at),
                    };
                    lists.push((s + at, s + end));
                }
            }
        }
        let first = lists.iter().min().copied();
        let in_list = |cs: usize, ce: usize| {
            first.is_some_and(|(_, end)| ce <= end)
                || lists.iter().any(|&(at, end)| cs >= at && ce <= end)
        };
        let hosts: Vec<usize> = HOST_CUES
            .iter()
            .flat_map(|c| sentence.match_indices(c).map(|(i, m)| s + i + m.len()))
            .collect();
        let guests: Vec<usize> = GUEST_CUES
            .iter()
            .chain(TALK_CUES)
            .flat_map(|c| sentence.match_indices(c).map(|(i, m)| s + i + m.len()))
            .collect();
        let talks = TALK_CUES.iter().any(|c| sentence.contains(c));
        let close = |from: usize, to: usize| {
            text.get(from..to)
                .is_some_and(|gap| gap.len() <= 30 && !gap.contains(['.', ',', ';']))
        };
        // After `hosted`, a guest is a person named by title (`the Prime
        // Minister of India`, `Mexican President`), not a phrase about a
        // subject (`a seminar on Peru`, `the Yemeni peace talks`, `Syrian
        // refugees`).
        let titled = |from: usize, (cs, ce): (usize, usize)| {
            let gap = &text[from..cs];
            let next = text[ce..].split_whitespace().next().unwrap_or("");
            close(from, cs)
                && gap
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "the" | "of" | "and"))
                && (gap.split_whitespace().any(is_title) || is_title(next))
        };
        // The host named by title as the subject (`The President of the
        // United States ... hosted the Prime Minister of India`) came too,
        // when the guest is also named by title.
        let titled_guest_at = guests.iter().copied().find(|&g| {
            countries
                .iter()
                .any(|(cs, ce, _)| *cs >= g && *ce <= e && titled(g, (*cs, *ce)))
        });
        let titled_host = |cs: usize| {
            let words: Vec<&str> = text[s..cs].split_whitespace().rev().take(4).collect();
            let of = matches!(words.as_slice(), ["of", ..] | ["the", "of", ..]);
            of && words.iter().any(|w| is_title(w))
        };
        for (cs, ce, id) in countries {
            if *cs < s || *ce > e {
                continue;
            }
            // Talks (`A, Minister for Foreign Affairs of Japan, held a
            // telephone talk with B, Minister for Foreign Affairs of
            // Australia`): both sides are named by title.
            let hosted = hosts.iter().any(|&h| *cs >= h && close(h, *cs))
                || guests.iter().any(|&g| *cs >= g && titled(g, (*cs, *ce)))
                || titled_guest_at.is_some_and(|g| *ce < g && titled_host(*cs))
                || (talks && titled_host(*cs));
            if in_list(*cs, *ce) || hosted {
                add(id);
            }
        }
    }
    out
}

/// Where the list after a cue at `cue_at` ends in `sentence`: at the
/// first `, word` whose word is in lower case and does not carry the list
/// on (`and`, `the`, `as well as`), or at its end.
fn list_end(sentence: &str, cue_at: usize) -> usize {
    const GOES_ON: &[&str] = &[
        "and",
        "the",
        "as",
        "including",
        "namely",
        "also",
        "together",
        "respectively",
        "or",
    ];
    let mut from = cue_at;
    while let Some(i) = sentence[from..].find(", ") {
        let at = from + i;
        let word = sentence[at + 2..]
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let lower = word.starts_with(|c: char| c.is_ascii_lowercase());
        if lower && !GOES_ON.contains(&word) {
            return at;
        }
        from = at + 2;
    }
    sentence.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let t = "Talks with the U.S. Delegation began. Then Mr. Smith spoke.";
        let parts: Vec<&str> = sentences(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(
            parts,
            vec![
                "Talks with the U.S. Delegation began.",
                "Then Mr. Smith spoke."
            ]
        );
    }

    /// The country mentions `(start, end, id)` of the first occurrence of
    /// each word in `t`.
    fn mentions(t: &str, words: &[(&str, &str)]) -> Vec<(usize, usize, String)> {
        words
            .iter()
            .map(|(w, id)| {
                let at = t.find(w).unwrap_or(0);
                (at, at + w.len(), id.to_string())
            })
            .collect()
    }

    #[test]
    fn host_and_listed_countries_count_discussed_ones_do_not() {
        let t = "The meeting was hosted by Japan. Iran was discussed. Chile and Peru attended.";
        let countries = mentions(
            t,
            &[
                ("Japan", "JPN"),
                ("Iran", "IRN"),
                ("Chile", "CHL"),
                ("Peru", "PER"),
            ],
        );
        assert_eq!(attending(t, &countries), vec!["JPN", "CHL", "PER"]);
    }

    #[test]
    fn a_host_named_by_title_attends_with_a_titled_guest() {
        let t = "The President of the United States, Mr. A, hosted the Prime Minister of India, \
                 Mr. B, in Washington. The United States hosted the first APEC meeting.";
        let countries = mentions(t, &[("United States", "USA"), ("India", "IND")]);
        assert_eq!(attending(t, &countries), vec!["USA", "IND"]);
        let t = "The President of Ruritania hosted Syrian refugees.";
        let countries = mentions(t, &[("Ruritania", "RUR"), ("Syria", "SYR")]);
        assert!(attending(t, &countries).is_empty());
    }

    #[test]
    fn a_country_after_the_list_and_its_verb_did_not_attend() {
        let t = "We, the Foreign Ministers of Canada, Japan and the United States, \
                 condemn in the strongest terms North Korea's launch. \
                 The meeting was attended by Chile, Peru, and Mexico, as well as Brazil.";
        let countries = mentions(
            t,
            &[
                ("Canada", "CAN"),
                ("Japan", "JPN"),
                ("United States", "USA"),
                ("North Korea", "PRK"),
                ("Chile", "CHL"),
                ("Peru", "PER"),
                ("Mexico", "MEX"),
                ("Brazil", "BRA"),
            ],
        );
        assert_eq!(
            attending(t, &countries),
            vec!["CAN", "JPN", "USA", "CHL", "PER", "MEX", "BRA"]
        );
        // A second cue opens a second list.
        let t = "I greet the representatives of all nations, but above all the representatives \
                 of Angola and Mozambique, with which Portugal shares a language.";
        let countries = mentions(
            t,
            &[
                ("Angola", "AGO"),
                ("Mozambique", "MOZ"),
                ("Portugal", "PRT"),
            ],
        );
        assert_eq!(attending(t, &countries), vec!["AGO", "MOZ"]);
    }

    #[test]
    fn a_guest_named_by_title_after_hosted_attends() {
        let t = "The Government of Norway hosted Kenyan President A. Mwangi for talks on \
                 trade with Brazil. Chile hosted a seminar on Peru. A conference on \
                 Somalia hosted by Italy met. Fiji hosted the first forum in 1990. \
                 Oman hosted the Yemeni peace talks. Jordan has hosted Syrian refugees. \
                 The Minister hosted the Prime Minister of India.";
        let countries = mentions(
            t,
            &[
                ("Norway", "NOR"),
                ("Kenyan", "KEN"),
                ("Brazil", "BRA"),
                ("Chile", "CHL"),
                ("Peru", "PER"),
                ("Somalia", "SOM"),
                ("Italy", "ITA"),
                ("Fiji", "FJI"),
                ("Yemeni", "YEM"),
                ("Syrian", "SYR"),
                ("India", "IND"),
            ],
        );
        assert_eq!(attending(t, &countries), vec!["KEN", "ITA", "IND"]);
    }

    #[test]
    fn both_sides_of_a_talk_named_by_title_attend() {
        let t = "Secretary A met today with Indonesian Foreign Minister B in Washington. \
                 Mr. C, Minister for Foreign Affairs of Japan, held a telephone talk with the \
                 Hon. D, Minister of Foreign Affairs of New Zealand. The plan met with \
                 opposition from Russia. The plans of the Minister of Defence of Chile were met with doubt.";
        let countries = mentions(
            t,
            &[
                ("Indonesian", "IDN"),
                ("Japan", "JPN"),
                ("New Zealand", "NZL"),
                ("Russia", "RUS"),
                ("Chile", "CHL"),
            ],
        );
        assert_eq!(attending(t, &countries), vec!["IDN", "JPN", "NZL"]);
    }

    #[test]
    fn delegations_led_and_the_parties_to_a_joint_statement_attend() {
        let t = "The Chilean delegation was headed by Mr. A, Director-General, and the \
                 Peruvian delegation by Ms. Bravo. Bolivia and Paraguay released the \
                 following joint statement on Ecuador. The Brazilian delegation met Colombia.";
        let countries = mentions(
            t,
            &[
                ("Chilean", "CHL"),
                ("Peruvian", "PER"),
                ("Bolivia", "BOL"),
                ("Paraguay", "PRY"),
                ("Ecuador", "ECU"),
                ("Brazilian", "BRA"),
                ("Colombia", "COL"),
            ],
        );
        assert_eq!(attending(t, &countries), vec!["CHL", "PER", "BOL", "PRY"]);
    }
}
