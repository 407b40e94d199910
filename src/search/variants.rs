//! Other spellings of a typed word: hyphenated and joined compounds
//! (`non-proliferation` / `nonproliferation`, `South-East` / `Southeast`)
//! and British and American spellings (`programme` / `program`,
//! `organisation` / `organization`).
//!
//! Why at query time: the analyser makes `non-proliferation` two tokens and
//! `nonproliferation` one, and the stemmer keeps `organis` and `organ`
//! apart, so the index cannot equate them; a query can ask for both.
//! The rules only propose candidates: the engine keeps a variant only when
//! all its words are in the index, so a wrong guess (`exercize`) costs one
//! dictionary lookup and never matches anything.
//!
//! ```
//! use dipsearch::search::variants::spelling_variants;
//! assert_eq!(spelling_variants("non-proliferation"), ["nonproliferation"]);
//! assert!(spelling_variants("nonproliferation").contains(&"non proliferation".to_string()));
//! assert!(spelling_variants("programme").contains(&"program".to_string()));
//! assert!(spelling_variants("Organisation").contains(&"Organization".to_string()));
//! assert!(spelling_variants("peacebuilding").contains(&"peace building".to_string()));
//! assert_eq!(spelling_variants("woman"), ["women"]);
//! ```

use crate::text::lexicon::NUMBER_WORDS;

/// Prefixes that English writes both joined and hyphenated.
const PREFIXES: &[&str] = &[
    "non", "counter", "anti", "south", "north", "multi", "cross", "cyber", "post", "pre", "self",
    "co", "inter", "trans", "sub", "re", "de", "peace", "well", "land", "health", "cease",
];

/// Shortest remainder after a prefix for a split to be proposed (`co` +
/// `untry` is not).
const MIN_REST: usize = 4;

/// Whole-word pairs the suffix rules below do not cover (British first).
const WORD_PAIRS: &[(&str, &str)] = &[
    ("programme", "program"),
    ("programmes", "programs"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("centre", "center"),
    ("centres", "centers"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("theatre", "theater"),
    ("fibre", "fiber"),
    ("calibre", "caliber"),
    ("judgement", "judgment"),
    ("ageing", "aging"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("analyse", "analyze"),
    ("analysed", "analyzed"),
    ("paralyse", "paralyze"),
    ("enrol", "enroll"),
    ("fulfil", "fulfill"),
    ("grey", "gray"),
    // Place names transliterated two ways (the older spelling first).
    ("kiev", "kyiv"),
    ("kharkov", "kharkiv"),
    ("odessa", "odesa"),
    ("lugansk", "luhansk"),
    ("aluminium", "aluminum"),
    ("adviser", "advisor"),
    ("advisers", "advisors"),
    ("kilometre", "kilometer"),
    ("kilometres", "kilometers"),
    ("fertiliser", "fertilizer"),
    ("fertilisers", "fertilizers"),
    ("tonne", "ton"),
    ("tonnes", "tons"),
    ("manoeuvre", "maneuver"),
    ("manoeuvres", "maneuvers"),
    ("sulphur", "sulfur"),
    ("enrolment", "enrollment"),
    ("fulfilment", "fulfillment"),
];

/// Forms of one word the stemmer does not bring together: irregular
/// plurals and past tenses (`woman` found 1 paragraph of
/// ../shared/data/real where `women` found 104).
const IRREGULAR: &[&[&str]] = &[
    &["woman", "women"],
    &["child", "children"],
    &["withdraw", "withdrew", "withdrawn"],
    &["seek", "sought"],
    &["hold", "held"],
    &["fight", "fought"],
    &["bring", "brought"],
    &["undertake", "undertook", "undertaken"],
    &["arise", "arose", "arisen"],
    &["choose", "chose", "chosen"],
    &["begin", "began", "begun"],
    &["shoot", "shot"],
    &["flee", "fled"],
    // The one who does it and the doing, which the stemmer keeps apart
    // (`weapons inspectors` found nothing where the resolutions write
    // `inspection`).
    &["inspector", "inspectors", "inspection", "inspections"],
    &["aggressor", "aggressors", "aggression"],
    // Latin and Greek plurals, which the stemmer leaves apart from their
    // singulars (`criterion` found nothing where 12 paragraphs of
    // ../shared/data/real say `criteria`).
    &["criterion", "criteria"],
    &["phenomenon", "phenomena"],
    &["memorandum", "memoranda", "memorandums"],
    &["referendum", "referenda", "referendums"],
    &["moratorium", "moratoria", "moratoriums"],
    &["forum", "fora", "forums"],
    &["addendum", "addenda"],
    &["corrigendum", "corrigenda"],
    &["consortium", "consortia"],
    &["symposium", "symposia"],
    &["curriculum", "curricula"],
    &["crisis", "crises"],
    &["analysis", "analyses"],
    &["thesis", "theses"],
    &["appendix", "appendices"],
];

/// Abbreviations typed for the words documents spell out (`Art. 51`,
/// `para 8`), with the dot where the bare word is another word (`art`).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("art.", "article"),
    ("arts.", "articles"),
    ("para", "paragraph"),
    ("para.", "paragraph"),
    ("paras", "paragraphs"),
    ("paras.", "paragraphs"),
    ("chap.", "chapter"),
    ("govt", "government"),
    ("govt.", "government"),
    ("intl", "international"),
    ("intl.", "international"),
];

/// British → American suffixes, tried on words long enough that the
/// suffix is a suffix (`-our` needs six letters, so `four` stays).
const SUFFIX_PAIRS: &[(&str, &str, usize)] = &[
    ("isation", "ization", 8),
    ("isations", "izations", 9),
    ("ise", "ize", 6),
    ("ised", "ized", 7),
    ("ises", "izes", 7),
    ("ising", "izing", 8),
    ("our", "or", 6),
    ("ours", "ors", 7),
    ("oured", "ored", 8),
    ("ouring", "oring", 9),
    ("ourable", "orable", 10),
    ("elled", "eled", 7),
    ("elling", "eling", 8),
];

/// Other spellings of `word` (one typed word, any case) to search as well:
/// each a word, or words separated by spaces to be read as a phrase. The
/// typed case is kept for the part of the word that does not change.
pub fn spelling_variants(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if word.contains('-') {
        let parts: Vec<&str> = word.split('-').collect();
        if parts.len() == 2 && parts.iter().all(|p| p.chars().all(char::is_alphabetic)) {
            out.push(parts.concat());
        }
    } else if word.chars().all(char::is_alphabetic) {
        let lower = word.to_lowercase();
        if lower.len() == word.len() {
            for p in PREFIXES {
                if lower.starts_with(p) && lower.len() >= p.len() + MIN_REST {
                    out.push(format!("{} {}", &word[..p.len()], &word[p.len()..]));
                }
            }
        }
    }
    out.extend(british_american(word));
    out.extend(irregular(word));
    out.extend(abbreviation(word));
    out.extend(acronym_number(word));
    out.extend(number_words(word));
    out.retain(|v| v != word);
    out.dedup();
    out
}

/// A small number's other writing (`5` / `five`, `4th` / `fourth`,
/// `5-point` / `five point`): the texts spell out what people type in
/// figures (`five-point consensus`, `six months`, `Fourth Geneva
/// Convention`), and the other way round.
///
/// ```
/// use dipsearch::search::variants::spelling_variants;
/// assert_eq!(spelling_variants("5"), ["five"]);
/// assert_eq!(spelling_variants("five"), ["5"]);
/// assert_eq!(spelling_variants("4th"), ["fourth"]);
/// assert_eq!(spelling_variants("Fourth"), ["4th"]);
/// assert!(spelling_variants("5-point").contains(&"five point".to_string()));
/// assert!(spelling_variants("21").is_empty());
/// ```
fn number_words(word: &str) -> Vec<String> {
    let lower = word.to_ascii_lowercase();
    let (head, rest) = match lower.split_once('-') {
        Some((h, r)) if !r.is_empty() && r.chars().all(char::is_alphabetic) => (h, Some(r)),
        _ => (lower.as_str(), None),
    };
    let ordinal_digits = |n: usize| {
        let suffix = match n {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        format!("{n}{suffix}")
    };
    let other = if let Ok(n) = head.parse::<usize>() {
        (1..=20)
            .contains(&n)
            .then(|| NUMBER_WORDS[n - 1].0.to_string())
    } else if let Some(i) = NUMBER_WORDS.iter().position(|(w, _)| *w == head) {
        Some((i + 1).to_string())
    } else if let Some(i) = NUMBER_WORDS.iter().position(|(_, o)| *o == head) {
        Some(ordinal_digits(i + 1))
    } else {
        (1..=20)
            .find(|&n| ordinal_digits(n) == head)
            .map(|n| NUMBER_WORDS[n - 1].1.to_string())
    };
    let Some(other) = other else {
        return Vec::new();
    };
    match rest {
        Some(r) => vec![format!("{other} {r}"), format!("{other}-{r}")],
        None => vec![other],
    }
}

/// An acronym's other number (`MDB` / `MDBs`, `MoUs` / `MoU`, `IDPs` /
/// `IDP`): the stemmer leaves the `s` of a word without a vowel, so the
/// two are different words to the index.
///
/// ```
/// use dipsearch::search::variants::spelling_variants;
/// assert_eq!(spelling_variants("MDBs"), ["MDB"]);
/// assert_eq!(spelling_variants("NDC"), ["NDCs"]);
/// assert_eq!(spelling_variants("MoUs"), ["MoU"]);
/// assert!(spelling_variants("Bus").is_empty());
/// ```
fn acronym_number(word: &str) -> Option<String> {
    let capitals = |w: &str| w.chars().filter(char::is_ascii_uppercase).count();
    let letters = word.chars().all(|c| c.is_ascii_alphabetic());
    if !letters || word.len() < 2 || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    match word.strip_suffix('s') {
        Some(one) if capitals(one) >= 2 && one.ends_with(|c: char| c.is_ascii_uppercase()) => {
            Some(one.to_string())
        }
        Some(_) => None,
        None if capitals(word) == word.len() => Some(format!("{word}s")),
        None => None,
    }
}

/// Two typed words that English also writes as one (`cyber attacks` /
/// `cyberattacks`, `counter terrorism` / `counterterrorism`, `non
/// proliferation` / `nonproliferation`): the joined word, when the first
/// is one of the prefixes that join and the second is a word of its own.
///
/// ```
/// use dipsearch::search::variants::joined;
/// assert_eq!(joined("cyber", "attacks").as_deref(), Some("cyberattacks"));
/// assert_eq!(joined("Counter", "Terrorism").as_deref(), Some("CounterTerrorism"));
/// assert_eq!(joined("co", "operation"), None);
/// assert_eq!(joined("north", "Korea").as_deref(), Some("northKorea"));
/// assert_eq!(joined("export", "control"), None);
/// ```
pub fn joined(first: &str, second: &str) -> Option<String> {
    let prefix = first.to_lowercase();
    let joins = PREFIXES.contains(&prefix.as_str())
        && prefix.len() >= 3
        && second.len() >= MIN_REST
        && second.chars().all(char::is_alphabetic);
    joins.then(|| format!("{first}{second}"))
}

/// A typed prefix cut after a word that English also writes apart
/// (`peacekeep` → `peace` + `keep`, `counterterror` → `counter` +
/// `terror`), for the hyphenated spelling the index holds as two words
/// (`peace-keeping`). Only the prefixes of three letters or more, and a
/// rest of three letters or more.
///
/// ```
/// use dipsearch::search::variants::prefix_split;
/// assert_eq!(prefix_split("peacekeep"), Some(("peace", "keep")));
/// assert_eq!(prefix_split("nonprolif"), Some(("non", "prolif")));
/// assert_eq!(prefix_split("peace"), None);
/// assert_eq!(prefix_split("cooper"), None);
/// assert_eq!(prefix_split("nucl"), None);
/// ```
pub fn prefix_split(prefix: &str) -> Option<(&str, &str)> {
    PREFIXES
        .iter()
        .filter(|p| p.len() >= 3 && prefix.len() >= p.len() + 3)
        .find(|p| prefix.is_char_boundary(p.len()) && prefix[..p.len()].eq_ignore_ascii_case(p))
        .map(|p| prefix.split_at(p.len()))
}

/// The ways of cutting a solid word in two that the engine may try when
/// the word itself is in no paragraph (`decisionmaking` → `decision` +
/// `making`): both parts two letters or more (`e` + `commerce` too),
/// ASCII letters only, the word six letters or more.
///
/// ```
/// use dipsearch::search::variants::splits;
/// assert!(splits("followup").contains(&("follow", "up")));
/// assert!(splits("ecommerce").contains(&("e", "commerce")));
/// assert!(splits("peace").is_empty());
/// ```
pub fn splits(word: &str) -> Vec<(&str, &str)> {
    if word.len() < 6 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Vec::new();
    }
    let first = usize::from(!word.starts_with(['e', 'E'])) + 1;
    (first..=word.len() - 2).map(|i| word.split_at(i)).collect()
}

/// The word an abbreviation stands for (`Art.` → `Article`); `Art`
/// with its capital and no dot too, as typed before a number (`Art 51`).
///
/// ```
/// use dipsearch::search::variants::spelling_variants;
/// assert_eq!(spelling_variants("Art."), ["Article"]);
/// assert_eq!(spelling_variants("Art"), ["Article"]);
/// assert!(spelling_variants("art").is_empty());
/// assert_eq!(spelling_variants("para"), ["paragraph"]);
/// ```
fn abbreviation(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if word == "Art" {
        return Some("Article".to_string());
    }
    ABBREVIATIONS
        .iter()
        .find(|(short, _)| *short == lower)
        .map(|(_, long)| recase(word, long))
}

/// The other forms of an irregular word (`women` for `woman`), in the
/// typed case.
fn irregular(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    IRREGULAR
        .iter()
        .find(|forms| forms.contains(&lower.as_str()))
        .map(|forms| {
            forms
                .iter()
                .filter(|f| **f != lower)
                .map(|f| recase(word, f))
                .collect()
        })
        .unwrap_or_default()
}

/// The other side of a British / American spelling pair, if any.
fn british_american(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    if lower.len() != word.len() || !lower.chars().all(|c| c.is_ascii_alphabetic()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (uk, us) in WORD_PAIRS {
        if lower == *uk {
            out.push(recase(word, us));
        } else if lower == *us {
            out.push(recase(word, uk));
        }
    }
    for (uk, us, min) in SUFFIX_PAIRS {
        // `min` is the length of the British spelling.
        if let Some(stem) = lower.strip_suffix(uk).filter(|_| lower.len() >= *min) {
            out.push(recase(word, &format!("{stem}{us}")));
        } else if let Some(stem) = lower.strip_suffix(us) {
            if lower.len() + uk.len() - us.len() >= *min {
                out.push(recase(word, &format!("{stem}{uk}")));
            }
        }
    }
    out
}

/// `new` with the case of `typed` where they share letters (a capital
/// first letter is kept: `Organisation` → `Organization`).
fn recase(typed: &str, new: &str) -> String {
    let mut out: String = typed
        .chars()
        .zip(new.chars())
        .map(|(t, n)| {
            if t.is_uppercase() {
                n.to_ascii_uppercase()
            } else {
                n
            }
        })
        .collect();
    out.extend(new.chars().skip(typed.chars().count()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_both_ways() {
        assert_eq!(spelling_variants("counter-terrorism"), ["counterterrorism"]);
        assert!(spelling_variants("counterterrorism").contains(&"counter terrorism".into()));
        assert_eq!(spelling_variants("South-East"), ["SouthEast"]);
        assert!(spelling_variants("Southeast").contains(&"South east".into()));
        assert!(spelling_variants("cooperation").contains(&"co operation".into()));
        // Too short to split, or not words.
        assert!(spelling_variants("arms").is_empty());
        assert!(spelling_variants("1540").is_empty());
        assert!(spelling_variants("a-b-c").is_empty());
    }

    #[test]
    fn british_and_american() {
        for (a, b) in [
            ("organisation", "organization"),
            ("programme", "program"),
            ("labour", "labor"),
            ("recognised", "recognized"),
            ("defence", "defense"),
            ("centre", "center"),
            ("travelled", "traveled"),
        ] {
            assert!(spelling_variants(a).contains(&b.to_string()), "{a}");
            assert!(spelling_variants(b).contains(&a.to_string()), "{b}");
        }
        // No spelling rule reaches `four`: only its figure.
        assert_eq!(spelling_variants("four"), ["4"]);
        assert!(!spelling_variants("for").contains(&"four".to_string()));
    }
}
