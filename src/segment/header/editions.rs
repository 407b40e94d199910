//! Editions: ordinal words and numbers (`Fourth`, `27th`), and the edition
//! a body gives a meeting its header names without one (`the Eleventh …`,
//! a Security Council statement's `At its 11002nd meeting`).

/// The edition the body gives a meeting its header names without one:
/// `the Eleventh Japan-Australia Foreign and Defence Ministerial
/// Consultations ("2+2") were held` → 11, for the meeting `Japan-Australia
/// Foreign and Defence Ministerial Consultations ("2+2")`. The ordinal must
/// stand right before the name (its first four words, as written), after
/// `the`.
///
/// For the Security Council, whose edition is the meeting's number, the
/// body's `At its 11002nd meeting, held on …` (a presidential statement)
/// or `At the 9876th meeting of the Security Council` gives it.
pub fn edition_in(text: &str, meeting: &str) -> Option<u32> {
    if meeting.contains("Security Council") {
        if let Some(n) = council_meeting(text) {
            return Some(n);
        }
    }
    let head: Vec<&str> = meeting.split_whitespace().take(4).collect();
    if head.len() < 2 {
        return None;
    }
    let head = head.join(" ");
    let at = text.find(&head)?;
    let mut before = text[..at].trim_end().rsplit(' ');
    let word = before.next()?;
    // `the Eleventh …`, not `his third …` (a host's own count).
    matches!(before.next(), Some("the" | "The"))
        .then(|| ordinal_value(word))
        .flatten()
}

/// The number of the Security Council meeting a statement was made at
/// (see [`edition_in`]); written in figures only.
fn council_meeting(text: &str) -> Option<u32> {
    for lead in ["At its ", "at its ", "At the ", "at the "] {
        for (i, _) in text.match_indices(lead) {
            let rest = &text[i + lead.len()..];
            let mut words = rest.split_whitespace();
            let (Some(ord), Some(next)) = (words.next(), words.next()) else {
                continue;
            };
            let of_council = !lead.ends_with("the ")
                || rest[ord.len()..]
                    .trim_start()
                    .starts_with("meeting of the Security Council");
            let number = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| ord.strip_suffix(s))
                .filter(|n| (1..=6).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
            if next.trim_end_matches(',') == "meeting" && of_council {
                if let Some(n) = number.and_then(|n| n.parse().ok()) {
                    return Some(n);
                }
            }
        }
    }
    None
}

/// Ordinal words and numbers: `Fourth` → 4, `27th` → 27, `TWENTY-FIRST` → 21.
pub fn ordinal_value(w: &str) -> Option<u32> {
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
        ("ninetieth", "ninety", 90),
    ];
    let lw = w.to_lowercase();
    let lw = lw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    // "first-ever", "first ever": the first.
    let lw = lw.strip_suffix("-ever").unwrap_or(lw);
    if let Some(num) = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| lw.strip_suffix(s))
    {
        if !num.is_empty() && num.len() <= 3 && num.bytes().all(|b| b.is_ascii_digit()) {
            return num.parse().ok();
        }
    }
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

/// An edition's word: an ordinal (`Fourth`, `27th`) or a Roman numeral
/// in capitals of a plausible size (`XXIII`, `XII`; not `CD`), as
/// headlines (`close XXXV summit`) and ledes (`the XIX Summit`) write it.
pub(super) fn edition_word(w: &str) -> Option<u32> {
    ordinal_value(w).or_else(|| {
        (w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| crate::text::roman::roman_value(w))
            .flatten()
            .filter(|v| *v <= 150)
    })
}

/// `ASTOP-IV` → (`ASTOP`, Some(4)); `ASTOP` → (`ASTOP`, None).
pub(super) fn split_roman_suffix(s: &str) -> (&str, Option<u32>) {
    if let Some((a, r)) = s.rsplit_once('-') {
        if !a.is_empty() && r.chars().all(|c| c.is_ascii_uppercase()) {
            if let Some(v) = crate::text::roman::roman_value(r) {
                return (a, Some(v));
            }
        }
    }
    // `BDF XXIII`: an acronym, a space and the edition in Roman figures.
    if let Some((a, r)) = s.rsplit_once(' ') {
        let acronym = a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase());
        if acronym && r.len() >= 2 && r.chars().all(|c| c.is_ascii_uppercase()) {
            if let Some(v) = crate::text::roman::roman_value(r) {
                return (a, Some(v));
            }
        }
    }
    (s, None)
}
