//! The acronym a text gives a meeting's body where it spells the name out
//! (`… of the Niger Basin Authority (NBA)`), for meetings the gazetteer
//! does not know: a header that named the meeting in full had no acronym
//! to file, so `--meeting NBA` and the facets missed it. The name before
//! the brackets must be part of the meeting's own name: the lede names
//! other bodies too (`… with the support of the World Bank (WB)`). No
//! test of the initials: bodies abbreviate their names in their own
//! languages (`CPLP` for the Community of Portuguese-Speaking Countries,
//! `CEEAC`, `CELAC`).

/// Words of a name that may stand in lower case between its capitals.
const SMALL: &[&str] = &[
    "of", "the", "for", "and", "on", "in", "de", "des", "du", "la", "y",
];

/// The bracketed acronym after the first spelled-out name in `texts` that
/// `meeting` contains (any case).
///
/// ```
/// use dipsearch::enrich::spelled_acronym::spelled_out;
/// let lede = "The 14th Council of Ministers of the Niger Basin Authority (NBA) opened in Abuja.";
/// let m = "Council of Ministers of the Niger Basin Authority";
/// assert_eq!(spelled_out(m, [lede]).as_deref(), Some("NBA"));
/// // Another body's acronym is not the meeting's.
/// let other = "The Council thanked the World Bank (WB) for its support.";
/// assert_eq!(spelled_out(m, [other]), None);
/// // The meeting's name at the end of a longer one.
/// let lede = "The Third Meeting of the Joint Committee on the Kivu Gas Project (JCKGP) was held.";
/// assert_eq!(spelled_out("Joint Committee on the Kivu Gas Project", [lede]).as_deref(), Some("JCKGP"));
/// assert_eq!(spelled_out("Joint Committee on the Kivu Gas Project", ["the Gas Project (GP)"]), None);
/// ```
pub fn spelled_out<'a>(meeting: &str, texts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let meeting = meeting.to_lowercase();
    let meeting_words = meeting.split_whitespace().count();
    texts.into_iter().find_map(|text| {
        let mut from = 0;
        while let Some(open) = text[from..].find('(').map(|i| from + i) {
            from = open + 1;
            let Some(close) = text[open..].find(')').map(|i| open + i) else {
                break;
            };
            let inner = &text[open + 1..close];
            if !is_acronym(inner) {
                continue;
            }
            // The longest end of the name that the meeting's name holds,
            // half of it at least (`The Third Meeting of the Joint
            // Committee …` for `Joint Committee …`; not `Gas Project`).
            let run: Vec<&str> = name_before(&text[..open]).split_whitespace().collect();
            let of_meeting = (2..=run.len())
                .rev()
                .map(|k| run[run.len() - k..].join(" "))
                .find(|n| {
                    let n = n.to_lowercase();
                    // Or the body whose meeting it is (`Lancang-Mekong
                    // Cooperation (LMC)` of `Lancang-Mekong Cooperation
                    // Foreign Ministers' Meeting`).
                    n.split(' ').count() * 2 >= meeting_words && meeting.contains(&n)
                        || meeting.starts_with(&n) && n.split(' ').count() >= 2
                });
            if of_meeting.is_some() {
                return Some(inner.to_string());
            }
        }
        None
    })
}

/// A meeting's name read from a title in capitals, with the words the
/// text writes in capitals put back (`Council of Eapco Ministers` →
/// `Council of EAPCO Ministers` when the lede writes `EAPCO`).
///
/// ```
/// use dipsearch::enrich::spelled_acronym::recapitalised;
/// let lede = "The 31st Ordinary Session of the Council of EAPCO Ministers was held in Kampala.";
/// assert_eq!(recapitalised("Council of Eapco Ministers", [lede]), "Council of EAPCO Ministers");
/// assert_eq!(recapitalised("Council of Ministers", [lede]), "Council of Ministers");
/// ```
pub fn recapitalised<'a>(
    meeting: &str,
    texts: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    meeting
        .split(' ')
        .map(|w| {
            let upper = w.to_uppercase();
            let recased = w.len() >= 3
                && w.chars().skip(1).any(char::is_lowercase)
                && texts.clone().into_iter().any(|t| {
                    t.split(|c: char| !c.is_alphanumeric() && c != '-')
                        .any(|x| x == upper)
                });
            if recased {
                upper
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The body's acronym a meeting's name holds (`Extraordinary Assembly of
/// IGAD Heads of State and Government` → `IGAD`, `Ordinary Session of the
/// Authority of ECOWAS Heads of State and Government` → `ECOWAS`): one
/// word in capitals of three letters or more after `of`, no Roman number.
///
/// ```
/// use dipsearch::enrich::spelled_acronym::named_body;
/// assert_eq!(named_body("Ordinary Summit of SADC Heads of State and Government").as_deref(), Some("SADC"));
/// assert_eq!(named_body("Regional Forum on Water"), None);
/// assert_eq!(named_body("Session XIV of the Committee"), None);
/// assert_eq!(named_body("Meeting of ASEAN and of GCC Ministers"), None);
/// assert_eq!(named_body("Japan-ASEAN Seminar on the NPT and Nuclear Security"), None);
/// ```
pub fn named_body(meeting: &str) -> Option<String> {
    let words: Vec<&str> = meeting.split_whitespace().collect();
    let mut caps = (1..words.len()).filter(|&i| {
        let w = words[i];
        // The body whose meeting it is: `… of IGAD Heads of State`, not
        // the subject (`Seminar on the NPT and Nuclear Security`).
        words[i - 1] == "of"
            && w.len() >= 3
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && crate::text::roman::roman_value(w).is_none()
    });
    let first = caps.next()?;
    caps.next().is_none().then(|| words[first].to_string())
}

/// `NBA`, `ALBA-TCP`, `UfM`, `D-8`: a short token opening with a capital,
/// with two capitals or a capital and a digit, letters, digits and hyphens.
fn is_acronym(t: &str) -> bool {
    let caps = t.chars().filter(char::is_ascii_uppercase).count();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    (2..=10).contains(&t.len())
        && t.starts_with(|c: char| c.is_ascii_uppercase())
        && (caps >= 2 || caps == 1 && digits >= 1)
        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The capitalised name that ends where the brackets open: its words back
/// to the first that is neither capitalised nor one of a name's small
/// words (`the 14th Council of Ministers of the Niger Basin Authority` →
/// `Council of Ministers of the Niger Basin Authority`), without small
/// words at its start.
fn name_before(text: &str) -> &str {
    let text = text.trim_end();
    let mut start = text.len();
    for w in text.split_whitespace().rev() {
        let capital = w.starts_with(|c: char| c.is_uppercase());
        if !(capital || SMALL.contains(&w)) {
            break;
        }
        // Where this word starts in `text`.
        start = text[..start].rfind(w).unwrap_or(start);
    }
    let mut name = &text[start..];
    while let Some((first, rest)) = name.split_once(' ') {
        if SMALL.contains(&first) {
            name = rest;
        } else {
            break;
        }
    }
    name
}
