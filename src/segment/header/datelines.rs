//! Datelines of news stories: the city a wire filed from (`TOKYO, Nov. 20
//! (Kyodo) -- …`, `Nuku'alofa (AFP) - …`, `KUALA LUMPUR: …`), which for a
//! meeting report is where the meeting was.

use std::sync::OnceLock;

use regex::Regex;

use crate::text::title::title_case;

/// The city of a news wire's dateline at the start of a story (`TOKYO,
/// Nov. 20 (Kyodo) -- ...`, `UNITED NATIONS (AP) — ...`, `JAKARTA, 3 March
/// (ANTARA) - ...`), title-cased: the place the story was filed from,
/// which for a meeting report is where the meeting was.
///
/// ```
/// use dipsearch::segment::header::wire_dateline;
/// assert_eq!(wire_dateline("TOKYO, Nov. 20 (Kyodo) -- Japan and").as_deref(), Some("Tokyo"));
/// assert_eq!(wire_dateline("KUALA LUMPUR -- The talks").as_deref(), Some("Kuala Lumpur"));
/// assert_eq!(wire_dateline("THE MEETING -- was held").as_deref(), None);
/// // In text case, only with a news agency in brackets (AFP's style).
/// assert_eq!(wire_dateline("Nuku'alofa (AFP) - Leaders").as_deref(), Some("Nuku'alofa"));
/// assert_eq!(wire_dateline("Tokyo (Japan) -- A").as_deref(), None);
/// assert_eq!(wire_dateline("MR. PRESIDENT - I congratulate").as_deref(), None);
/// // An ordinal day with a comma, the agency between slashes.
/// assert_eq!(wire_dateline("ABU DHABI, 9th February, 2032 (WAM) -- The").as_deref(), Some("Abu Dhabi"));
/// assert_eq!(wire_dateline("MOSCOW, October 3. /TASS/. Russian").as_deref(), Some("Moscow"));
/// // The city's country or state after it.
/// assert_eq!(wire_dateline("PORT VILA, VANUATU – Pacific leaders").as_deref(), Some("Port Vila"));
/// assert_eq!(wire_dateline("SAVANNAH, Ga. — The plant").as_deref(), Some("Savannah"));
/// ```
pub fn wire_dateline(line: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(
            r"^([A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3})(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|, \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},?(?: \d{4})?|, [A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15})?)?(?: \(([A-Za-z][A-Za-z ]{1,20})\))? ?(?:--|—|–|-) ",
        )
        .expect("wire dateline pattern compiles")
    });
    let Some(c) = r.captures(line) else {
        return agency_dateline(line)
            .or_else(|| slash_dateline(line))
            .or_else(|| dated_dateline(line).map(|(city, _)| city));
    };
    let city = c.get(1)?.as_str();
    // `THE MEETING --`, `MR. PRESIDENT -` and `UPDATE 2 -` are no cities.
    let first = city.split_whitespace().next().unwrap_or("");
    const NOT_CITIES: &[&str] = &[
        "THE",
        "A",
        "AN",
        "IN",
        "ON",
        "AT",
        "MR.",
        "MRS.",
        "MS.",
        "DR.",
        "H.E.",
        "SIR",
        "MADAM",
        "MR",
        "MRS",
        "MS",
        "DR",
        "PRESIDENT",
        "CHAIRMAN",
        "NOTE",
        "UPDATE",
        "BREAKING",
        "EXCLUSIVE",
        "ANALYSIS",
        "FACTBOX",
        "CORRECTED",
        "EDITOR'S",
        "LADIES",
        "EXCELLENCIES",
    ];
    // `KYODO NEWS - Mar 15, 2031 - 18:42`: the agency's stamp.
    if NOT_CITIES.contains(&first)
        || city.len() < 3
        || crate::text::lexicon::is_news_agency(&city.to_lowercase())
    {
        return None;
    }
    Some(title_case(city))
}

/// The city of a dateline written with a colon, as Asian news sites
/// write it below a headline (`KUALA LUMPUR: Southeast Asian ministers
/// ...`, `SINGAPORE: The ...`): one to three words in capitals, then
/// prose. Only read under a headline: alone, `NOTE:` or `SUMMARY:` would
/// be a city too.
pub fn colon_dateline(line: &str) -> Option<String> {
    let (head, text) = line.split_once(": ")?;
    let words: Vec<&str> = head.split_whitespace().collect();
    let caps = |w: &str| {
        w.len() >= 2
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c == '.' || c == '\'' || c == '-')
    };
    let prose = text.split_whitespace().count() >= 6;
    if !(1..=3).contains(&words.len()) || !words.iter().all(|w| caps(w)) || !prose {
        return None;
    }
    // The same checks as a dash dateline's city.
    wire_dateline(&format!("{head} -- {text}"))
}

/// TASS's dateline: the city in capitals, maybe the day, then the
/// agency between slashes (`MOSCOW, October 3. /TASS/. Russian …`).
fn slash_dateline(line: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"^([A-Z][A-Z'\-]*(?: [A-Z][A-Z'\-]*){0,3})(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?\. /([A-Za-z\- ]{2,20})/\.? ")
            .expect("slash dateline pattern compiles")
    });
    let c = r.captures(line)?;
    crate::text::lexicon::is_news_agency(&c[2].to_lowercase()).then(|| title_case(&c[1]))
}

/// An agency's dateline with the city as written in text (`Nuku'alofa
/// (AFP) - Pacific leaders …`, `Da Nang (Reuters) - …`): the agency in
/// brackets makes it one.
fn agency_dateline(line: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"^(\p{Lu}[\p{L}'’\-]+(?: \p{Lu}[\p{L}'’\-]+){0,2}) \(([A-Za-z][A-Za-z ]{1,25})\) ?(?:--|—|–|-) ")
            .expect("agency dateline pattern compiles")
    });
    let c = r.captures(line)?;
    crate::text::lexicon::is_news_agency(&c[2].to_lowercase()).then(|| c[1].to_string())
}

/// A release's or story's dateline with the whole date, in text case or
/// capitals, maybe the issuer or agency in brackets after the date and
/// the city's state or country before it (`Geneva, 13 June 2035 (WMO) –
/// …`, `ATLANTA, Georgia, Mar 24 2036 (IPS) - …`, `Libreville, le 14
/// février 2036 – …`): the city and the date. The text after the dash
/// must open a sentence, and the words before the date must read as a
/// place (no weekday, no `Today`, no office or document type).
///
/// ```
/// use dipsearch::segment::header::dated_dateline;
/// let (city, d) = dated_dateline("Geneva, 13 June 2035 (WMO) – The session closed today.").unwrap();
/// assert_eq!((city.as_str(), d.date.to_string().as_str()), ("Geneva", "2035-06-13"));
/// let (city, _) = dated_dateline("ATLANTA, Georgia, Mar 24 2036 (IPS) - Mayors and ministers met.").unwrap();
/// assert_eq!(city, "Atlanta");
/// let (city, d) = dated_dateline("Libreville, le 14 février 2036 – Les ministres ont clôturé la session.").unwrap();
/// assert_eq!((city.as_str(), d.date.to_string().as_str()), ("Libreville", "2036-02-14"));
/// assert!(dated_dateline("Today, 13 June 2035 – The session closed in Geneva.").is_none());
/// assert!(dated_dateline("Tuesday, 13 June 2035 - The session closed in Geneva.").is_none());
/// assert!(dated_dateline("Press release, 13 June 2035 - The session closed.").is_none());
/// assert!(dated_dateline("Geneva, 13 June 2035").is_none());
/// assert!(dated_dateline("In Geneva on 13 June 2035 - the session closed.").is_none());
/// ```
pub fn dated_dateline(line: &str) -> Option<(String, crate::segment::dates::DateMatch)> {
    let (dash, width) = first_dash(line)?;
    let text = &line[dash + width..];
    if !text.starts_with(char::is_uppercase) || text.split_whitespace().count() < 4 {
        return None;
    }
    let mut prefix = line[..dash].trim_end();
    // The issuer or agency after the date: `(WMO)`, `(IPS)`, `(Xinhua)`.
    if let Some(open) = prefix.strip_suffix(')').and_then(|p| p.rfind('(')) {
        let inside = &prefix[open + 1..prefix.len() - 1];
        if inside.is_empty() || inside.len() > 30 || inside.contains(char::is_numeric) {
            return None;
        }
        prefix = prefix[..open].trim_end();
    }
    // French and Spanish put an article before the day.
    let prefix = [", le ", ", el ", ", den ", ", on "]
        .iter()
        .find_map(|a| {
            prefix
                .find(a)
                .map(|i| format!("{}, {}", &prefix[..i], &prefix[i + a.len()..]))
        })
        .unwrap_or_else(|| prefix.to_string());
    let (city, _) = prefix.split_once(", ")?;
    if !city.starts_with(char::is_uppercase) || city.split_whitespace().count() > 3 {
        return None;
    }
    let pd = super::dates::place_date_line(&prefix)?;
    let date_ends = prefix[pd.date.end..].trim().is_empty();
    let place = pd.place.filter(|_| pd.kind.is_none() && date_ends)?;
    // The city, not its state or country (`ATLANTA, Georgia`).
    let city_part = place.split(", ").next().unwrap_or(&place);
    if super::find_doc_type(city_part).is_some()
        || crate::text::lexicon::is_news_agency(&city_part.to_lowercase())
    {
        return None;
    }
    let city = if crate::text::title::is_all_caps(city_part) {
        title_case(city_part)
    } else {
        city_part.to_string()
    };
    Some((city, pd.date))
}

/// The first dash between spaces in a line's first 100 bytes (` – `,
/// ` — `, ` -- `, ` - `): where it starts and its width with the spaces.
fn first_dash(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let end = b.len().min(100);
    (1..end).find_map(|i| {
        if b[i - 1] != b' ' {
            return None;
        }
        let width = match &b[i..] {
            [b'-', b'-', b' ', ..] => 4,
            [b'-', b' ', ..] => 3,
            // En and em dashes: E2 80 93 / E2 80 94.
            [0xE2, 0x80, 0x93 | 0x94, b' ', ..] => 5,
            _ => return None,
        };
        Some((i - 1, width))
    })
}
