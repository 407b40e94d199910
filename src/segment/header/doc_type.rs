//! Document-type phrases (`Chairman's Summary`, `Joint Statement`, `Press
//! Release`) and the lines made of them, alone or joined to a meeting.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::model::DocType;
use crate::text::lexicon::is_meeting_word;

/// A document-type phrase found in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocTypeMatch {
    /// Byte offset where the phrase starts.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The type it names.
    pub doc_type: DocType,
}

/// Each named alternative of [`pattern`] and the type it names.
const TYPE_GROUPS: [(&str, DocType); 11] = [
    ("chairs_summary", DocType::ChairsSummary),
    ("chairs_statement", DocType::ChairsStatement),
    ("joint_statement", DocType::JointStatement),
    ("press_release", DocType::PressRelease),
    ("results", DocType::PressRelease),
    ("declaration", DocType::Declaration),
    ("communique", DocType::Communique),
    ("statement", DocType::Statement),
    ("report", DocType::Report),
    ("announcement", DocType::Announcement),
    ("resolution", DocType::Resolution),
];

/// Doc-type phrases, most specific first, case-insensitive; typographic
/// apostrophes (`CO-CHAIRS’`) match like straight ones.
///
/// Word boundaries are ASCII ones (`(?-u:\b)`): with Unicode boundaries the
/// regex engine cannot run its DFA on a line holding any non-ASCII
/// character (a typographic quote is enough) and falls back to a slower
/// engine; every type word is ASCII, except `communiqué`, whose `é` ends
/// it without a boundary. Type lines were 1.5 % of an ingest's
/// instructions (benches/PROFILE.md, eleventh round).
fn pattern() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?ix)
            (?P<chairs_summary>(?-u:\b)(?:co-?)?chair(?:man|men|person|persons|woman|s)?['’‘]?s?['’‘]?\s+summary(?:\s+report)?(?-u:\b)|(?-u:\b)summary\s+report(?-u:\b))
            |(?P<chairs_statement>(?-u:\b)(?:co-?)?chair(?:man|men|person|woman|s)?['’‘]?s?['’‘]?\s+statement(?-u:\b))
            |(?P<joint_statement>(?-u:\b)joint\s+(?:(?:press|leaders['’‘]?|ministers['’‘]?|ministerial|vision|foreign\s+ministers['’‘]?)\s+)?statement(?-u:\b))
            |(?P<press_release>(?-u:\b)press\s+(?:releases?|statement)(?-u:\b)|(?-u:\b)(?:media|news)\s+(?:releases?|statement)(?-u:\b))
            |(?P<declaration>(?-u:\b)declaration(?-u:\b))
            |(?P<communique>(?-u:\b)communiqu(?:e(?-u:\b)|é))
            |(?P<statement>^(?:remarks|statement|address|speech)\s+by(?-u:\b)|^statement(?-u:\b)|(?-u:\b)statement\s+(?:by|on|of)(?-u:\b)|(?-u:\b)(?:leaders['’‘]?|ministers['’‘]?|ministerial|presidential|vision|trilateral|G7|G8|G20)\s+statement(?-u:\b)|[a-z]['’‘]s\s+(?:remarks|speech|address|statement)\s+(?:at|to|on|before|in|and)(?-u:\b))
            |(?P<report>(?-u:\b)report(?-u:\b)|(?-u:\b)action\s+plan(?-u:\b))
            |(?P<results>^(?:the\s+)?results\s+of(?-u:\b))
            |(?P<announcement>^holding\s+of(?-u:\b)|(?-u:\b)to\s+be\s+held(?-u:\b)|(?-u:\b)will\s+be\s+held(?-u:\b)|^announcement(?-u:\b)|^(?:forthcoming|upcoming)(?-u:\b))
            |(?P<resolution>^resolution\s+\d+)",
        )
        .expect("type pattern compiles")
    })
}

/// Words of [`pattern`] found anywhere in a line; each alternative of
/// the pattern contains one of these or opens with one of
/// [`TYPE_OPENERS`] (`communiqu` stands for `communiqu[eé]`).
const TYPE_WORDS: [&str; 14] = [
    "summary",
    "statement",
    "press",
    "declaration",
    "communiqu",
    "report",
    "action",
    "results",
    "held",
    "s remarks",
    "s speech",
    "s address",
    "media release",
    "news release",
];

/// Words the alternatives anchored at the start of the text open with
/// (`^(?:remarks|statement|address|speech)\s+by`, `^holding\s+of`, …).
const TYPE_OPENERS: [&str; 8] = [
    "remarks",
    "address",
    "speech",
    "holding",
    "announcement",
    "forthcoming",
    "upcoming",
    "resolution",
];

/// The only characters outside ASCII that the pattern's Unicode case
/// folding matches to ASCII letters: long s (`s`) and the Kelvin sign (`k`).
const FOLDS_TO_ASCII: [char; 2] = ['\u{17F}', '\u{212A}'];

/// Whether `s` may hold a type phrase: false when it has none of the
/// words every alternative of [`pattern`] needs, in any case.
///
/// Why: the pattern is case-insensitive with many alternatives, so the
/// regex engine has no literal to skip ahead with and, on lines with
/// non-ASCII text, runs its backtracker over the whole line; header
/// reading asks about each of up to 40 lines of every file, which made
/// this search 5 % of the instructions of a General Debate ingest.
fn may_name_a_type(s: &str) -> bool {
    static WORDS: OnceLock<AhoCorasick> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(TYPE_WORDS)
            .expect("type words build an automaton")
    });
    let opens = |w: &str| s.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w));
    s.contains(FOLDS_TO_ASCII) || words.is_match(s) || TYPE_OPENERS.iter().any(|w| opens(w))
}

/// The first document-type phrase in `s`.
///
/// ```
/// use dipsearch::model::DocType;
/// use dipsearch::segment::header::find_doc_type;
/// let m = find_doc_type("The Co-Chairs' Summary Report of the 8th ARF ISM").unwrap();
/// assert_eq!((m.start, m.doc_type), (4, DocType::ChairsSummary));
/// // A ministry's `Media Statement` is its press release.
/// assert_eq!(find_doc_type("MEDIA STATEMENT").map(|m| m.doc_type), Some(DocType::PressRelease));
/// ```
pub fn find_doc_type(s: &str) -> Option<DocTypeMatch> {
    if !may_name_a_type(s) {
        return None;
    }
    let c = pattern().captures(s)?;
    let m = c.get(0)?;
    let doc_type = TYPE_GROUPS
        .iter()
        .find(|(name, _)| c.name(name).is_some())
        .map_or(DocType::Report, |&(_, t)| t);
    Some(DocTypeMatch {
        start: m.start(),
        end: m.end(),
        doc_type,
    })
}

/// The document type when the whole line is a type phrase
/// (`Chairman's Summary`, `CO-CHAIRS' SUMMARY REPORT`, `MFA Press Statement:`).
pub(super) fn type_line(s: &str) -> Option<DocType> {
    let t = s
        .trim()
        .trim_end_matches([':', '.'])
        .trim_start_matches("FINAL ")
        .trim();
    let t = t
        .strip_prefix("The ")
        .or_else(|| t.strip_prefix("THE "))
        .unwrap_or(t);
    let t = t.strip_prefix("MFA ").unwrap_or(t);
    // `Joint media release`: a release of two offices.
    let t = ["Joint ", "JOINT "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .filter(|r| {
            let l = r.to_ascii_lowercase();
            ["media release", "press release", "news release"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .unwrap_or(t);
    let t = t
        .strip_prefix("Final ")
        .or_else(|| t.strip_prefix("FINAL "))
        .unwrap_or(t);
    let m = find_doc_type(t)?;
    let rest = t[m.end..].trim();
    let rest_ok = rest.is_empty() || rest == "(Provisional Translation)";
    // `FORUM COMMUNIQUÉ`: a word that names no meeting before the type
    // (`G7 Leaders' Statement` names one, and is a title).
    let one_before = rest.is_empty()
        && ["forum", "official", "joint"]
            .iter()
            .any(|w| t[..m.start].trim().eq_ignore_ascii_case(w));
    ((m.start == 0 || one_before) && rest_ok && t.len() < 60).then_some(m.doc_type)
}

/// A type phrase at the start followed by `of the` / `on the` and a meeting
/// (`CHAIRMAN'S STATEMENT OF THE 27th ASEAN REGIONAL FORUM`).
pub(super) fn type_meeting_line(s: &str) -> Option<DocType> {
    let t = s.trim();
    let t = t
        .strip_prefix("FINAL ")
        .or_else(|| t.strip_prefix("Final "))
        .unwrap_or(t);
    let m = find_doc_type(t)?;
    if m.start > 4 {
        return None;
    }
    let rest = t[m.end..].trim_start_matches([':', ' ', ',']);
    let meeting = strip_meeting_connector(rest)?;
    contains_meeting_word(meeting).then_some(m.doc_type)
}

/// The words that join a document type to its meeting (`Chairman's
/// Statement of the …`, `Joint Statement at the …`).
const MEETING_CONNECTORS: [&str; 7] = [
    "by the ",
    "of the ",
    "of ",
    "at the ",
    "on the ",
    "from the ",
    "for the ",
];

/// `s` without a leading [`MEETING_CONNECTORS`] phrase, if it has one.
pub(super) fn strip_meeting_connector(s: &str) -> Option<&str> {
    MEETING_CONNECTORS
        .iter()
        .find_map(|c| strip_prefix_ci(s, c))
}

/// `s` without the ASCII prefix `p`, compared case-insensitively; the cut
/// is always on a char boundary because the matched bytes are ASCII.
pub(super) fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let b = s.as_bytes();
    if b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes()) {
        s.get(p.len()..)
    } else {
        None
    }
}

/// Whether a word of `s` names a meeting (`Forum`, `ISM`, `ASTOP`).
pub(super) fn contains_meeting_word(s: &str) -> bool {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| is_meeting_word(&w.to_lowercase()))
        || is_commission_meeting(s)
}

/// A commission that meets in numbered sessions (`Joint Commission`,
/// `Commission on Narcotic Drugs`, `Commission for Bilateral
/// Cooperation`), not an executive body (`European Commission`).
fn is_commission_meeting(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.contains("joint commission") || l.contains("commission on ") || l.contains("commission for ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word filter never hides a line the pattern matches: every line
    /// of the fixtures and the sample corpus, plus each alternative.
    #[test]
    fn type_words_never_hide_a_match() {
        let mut lines: Vec<String> = [
            "Co-Chairs’ Summary Report",
            "ACTION PLAN on the ARF",
            "The results of the meeting",
            "Holding of the 3rd ISM",
            "talks to be held in Tokyo",
            "Forthcoming ARF events",
            "Resolution 1540 (2004)",
            "Remarks by the Minister",
            "Speech by the President",
            "Address by H.E.",
            "Joint Communiqué",
            "Press Release",
            "Announcement",
            "Upcoming events",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["tests/fixtures/docs", "corpus"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
                let bytes = std::fs::read(entry.path()).unwrap_or_default();
                lines.extend(String::from_utf8_lossy(&bytes).lines().map(str::to_string));
            }
        }
        assert!(lines.len() > 1_000, "fixtures not found");
        let mut matched = 0;
        for l in &lines {
            if pattern().is_match(l) {
                matched += 1;
                assert!(may_name_a_type(l), "{l}");
            }
        }
        assert!(matched >= 14, "{matched}");
    }

    /// [`FOLDS_TO_ASCII`] is the whole list, as the regex crate folds case.
    #[test]
    fn only_two_characters_fold_to_ascii_letters() {
        let letter = Regex::new("(?i)^[a-z]$").expect("compiles");
        let folding: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| letter.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(folding, FOLDS_TO_ASCII);
    }
}
