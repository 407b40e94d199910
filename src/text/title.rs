//! The shape of a title: capitals, title case, function words at the end.
//! Used by the header reader (titles, places) and by segmentation
//! (headings inside the body).

use super::lexicon::{keeps_caps, FUNCTION_WORDS, SALUTATIONS, SMALL_WORDS};

/// Whether the letters of `s` are (almost) all upper case: at least three
/// capitals and at most one lower-case letter per ten.
pub fn is_all_caps(s: &str) -> bool {
    let (mut up, mut low) = (0, 0);
    for c in s.chars() {
        if c.is_uppercase() {
            up += 1;
        } else if c.is_lowercase() {
            low += 1;
        }
    }
    up >= 3 && low * 10 <= up
}

/// The text of a line set wholly in bold (`**Trade and investment**`, as
/// the Markdown decoder keeps a paragraph that is all bold or italic),
/// without its marks.
///
/// ```
/// use dipsearch::text::title::whole_bold;
/// assert_eq!(whole_bold(" **Annex:** "), Some("Annex:"));
/// assert_eq!(whole_bold("**Lead-in:** text"), None);
/// ```
pub fn whole_bold(s: &str) -> Option<&str> {
    let inner = s.trim().strip_prefix("**")?.strip_suffix("**")?.trim();
    (!inner.is_empty() && !inner.contains("**")).then_some(inner)
}

/// The last word of lower-cased text, without surrounding punctuation.
fn last_word(lower: &str) -> &str {
    lower
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether the last word of `s` is a function word (`the`, `of`, `to`),
/// the mark of a wrapped line of prose rather than a title.
pub fn ends_with_function_word(s: &str) -> bool {
    let lower = s.to_lowercase();
    s.split_whitespace().count() > 1 && FUNCTION_WORDS.contains(&last_word(&lower))
}

/// Whether `s` reads like a title or heading: short, no sentence end, words
/// capitalised (ignoring small words) or ALL CAPS.
///
/// ```
/// use dipsearch::text::title::is_title_like;
/// assert!(is_title_like("Asian Senior-level Talks on Non-Proliferation (ASTOP)"));
/// assert!(!is_title_like("The meeting was held in Tokyo."));
/// ```
pub fn is_title_like(s: &str) -> bool {
    let t = s.trim().trim_matches('*').trim();
    if t.is_empty() || t.len() > 220 {
        return false;
    }
    if t.ends_with(['.', ',', ';']) && !t.ends_with("etc.") {
        return false;
    }
    if !t.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || c == '[' || c == '(' || c == '"' || c == '“'
    }) {
        return false;
    }
    let lower = t.to_lowercase();
    if is_salutation(t) || t.ends_with(':') {
        return false;
    }
    let words = t.split_whitespace().count();
    let caps = is_all_caps(t);
    // Wrapped prose stops on a function word ("... to the United"); an
    // ALL-CAPS title block may wrap after "ON": it is joined later.
    if words > 1 && FUNCTION_WORDS.contains(&last_word(&lower)) && !caps {
        return false;
    }
    if caps {
        return words <= 30;
    }
    if words == 1 && !t.chars().any(|c| c.is_ascii_digit()) && t.len() < 4 {
        return false; // "I", "We", "It": the start of a wrapped sentence
    }
    mostly_capitalised(t)
}

/// Whether a line addresses the audience (`Mr. President, Excellencies`,
/// `Ladies and Gentlemen`): a speech's opening, never a title.
pub fn is_salutation(s: &str) -> bool {
    let lower = s.to_lowercase();
    SALUTATIONS.iter().any(|w| lower.contains(w))
}

/// Whether a line opens as a headline does: with a capital, or with an
/// ordinal or a year in figures before a capitalised word (`168th IPU
/// Assembly closes …`, `2033 Ministerial Council Meeting …`), which a
/// numbered paragraph (`12. The …`) does not.
///
/// ```
/// use dipsearch::text::title::opens_like_headline;
/// assert!(opens_like_headline("168th IPU Assembly closes with call for action"));
/// assert!(opens_like_headline("Leaders meet in Niamey"));
/// assert!(!opens_like_headline("12. The leaders met"));
/// assert!(!opens_like_headline("45 delegations attended"));
/// assert!(!opens_like_headline("1302ND MEETING"));
/// ```
pub fn opens_like_headline(t: &str) -> bool {
    if t.starts_with(char::is_uppercase) {
        return true;
    }
    let Some((first, rest)) = t.split_once(' ') else {
        return false;
    };
    let digits = first.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = first[digits..].to_ascii_lowercase();
    let figure = digits > 0
        && (matches!(suffix.as_str(), "st" | "nd" | "rd" | "th")
            || digits == 4 && suffix.is_empty());
    figure && rest.starts_with(char::is_uppercase) && rest.split_whitespace().nth(1).is_some()
}

/// At most 30 words besides small ones, seven in ten of them starting
/// with a capital or a digit.
fn mostly_capitalised(t: &str) -> bool {
    let mut total = 0;
    let mut caps = 0;
    for w in t.split_whitespace() {
        let lw = w.to_lowercase();
        if SMALL_WORDS.contains(&lw.trim_matches(|c: char| !c.is_alphanumeric())) {
            continue;
        }
        total += 1;
        let first = w.chars().find(|c| c.is_alphanumeric());
        if first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            caps += 1;
        }
    }
    total > 0 && total <= 30 && caps * 10 >= total * 7
}

/// A title's letters and digits in lower case: two lines with one key
/// are one title whatever their case, apostrophes and markup (`Chairman’s
/// Statement` / `# CHAIRMAN'S STATEMENT`).
pub fn letters_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Title case for an ALL-CAPS line, keeping acronyms and small words.
///
/// ```
/// use dipsearch::text::title::title_case;
/// assert_eq!(title_case("CHAIRMAN'S STATEMENT OF THE ARF"), "Chairman's Statement of the ARF");
/// assert_eq!(title_case("KENYA–UGANDA JOINT COMMISSION"), "Kenya–Uganda Joint Commission");
/// ```
pub fn title_case(s: &str) -> String {
    let mut out = Vec::new();
    for (i, w) in s.split_whitespace().enumerate() {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if keeps_caps(core) || core.chars().any(|c| c.is_ascii_digit()) {
            out.push(w.to_string());
            continue;
        }
        let lw = w.to_lowercase();
        if i > 0 && SMALL_WORDS.contains(&lw.as_str()) {
            out.push(lw);
            continue;
        }
        // Capitalise each hyphen/slash-separated part: NON-PROLIFERATION.
        let mut word = String::with_capacity(w.len());
        let mut start = true;
        for c in lw.chars() {
            if start && c.is_alphabetic() {
                word.extend(c.to_uppercase());
                start = false;
            } else {
                word.push(c);
                if matches!(
                    c,
                    '-' | '/' | '(' | '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2011}'
                ) {
                    start = true;
                }
            }
        }
        out.push(word);
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_keeps_acronyms() {
        assert_eq!(
            title_case("THE FIRST ASEAN REGIONAL FORUM ON NON-PROLIFERATION"),
            "The First ASEAN Regional Forum on Non-Proliferation"
        );
    }

    #[test]
    fn prose_is_not_a_title() {
        assert!(!is_title_like("We"));
        assert!(!is_title_like("Allow me to congratulate the"));
        assert!(is_title_like("RECALLING THE"));
        assert!(!is_title_like("Mr. President,"));
        assert!(ends_with_function_word("the work of the"));
        assert!(!ends_with_function_word("the"));
    }
}
