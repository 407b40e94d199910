//! The word lists the layout rules share, each written once: small words,
//! function words, salutations, section headings, meeting words and the
//! acronyms a header can name.
//!
//! Where two rules need different parts of one list, the list is ordered
//! so that each part is a prefix (see [`SMALL_WORDS`]) or rows carry flags
//! (see [`ACRONYMS`]).

/// Words a title leaves in lower case (`Talks on Non-Proliferation`),
/// most common first. Two stricter rules use a prefix of this list:
/// [`HEADING_SMALL_WORDS`] and [`LINK_SMALL_WORDS`].
pub const SMALL_WORDS: &[&str] = &[
    "of", "the", "on", "and", "in", "for", "to", "at", "a", "an", "by", "with", "among", "between",
    "from", "into", "against", "de", "la", "du", "des", "et", "or", "its", "their", "as", "vs",
];

/// The small words a heading inside wrapped prose may have: the English
/// articles and prepositions only (a prefix of [`SMALL_WORDS`]).
pub const HEADING_SMALL_WORDS: &[&str] = SMALL_WORDS.split_at(12).0;

/// The small words of navigation link text (`Back to Disarmament and
/// Non-Proliferation`), a prefix of [`SMALL_WORDS`].
pub const LINK_SMALL_WORDS: &[&str] = SMALL_WORDS.split_at(7).0;

/// Words a title does not end with but a wrapped line of prose often does.
pub const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "to", "a", "an", "in", "on", "for", "with", "by", "at", "i", "that",
    "this", "its", "our", "my", "we", "his", "her", "their", "from", "as", "is", "are", "be",
    "which", "who", "has", "have", "it", "or", "but", "mr", "mr.", "sir",
];

/// English words that, typed in capitals, are names (`US`, `WHO`, `IT`):
/// the search looks for the name's other forms, not the word.
pub const CAPITALS_ALSO_WORDS: &[&str] = &[
    "us", "who", "it", "am", "as", "at", "an", "on", "or", "no", "we", "me", "so", "do",
];

/// Forms of address that open speeches (lower case, matched as
/// substrings); a line with one is never a title.
pub const SALUTATIONS: &[&str] = &[
    "excellenc",
    "mr. president",
    "mr president",
    "madam president",
    "madame president",
    "ladies and gentlemen",
    "distinguished delegates",
    "mr. chairman",
    "mr chairman",
];

/// Whether a line is a religious invocation that opens a speech or a
/// briefing (`Bismillah-ir-Rahman-ir-Raheem`, `In the name of God, the
/// Most Gracious, the Most Merciful`): text of the speech, never a heading
/// over it.
///
/// ```
/// use dipsearch::text::lexicon::is_invocation;
/// assert!(is_invocation("Bismillah-ir-Rahman-ir-Raheem"));
/// assert!(is_invocation("In the Name of Allah, the Most Beneficent"));
/// assert!(!is_invocation("In the name of the Council"));
/// ```
pub fn is_invocation(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    lower.starts_with("bismillah")
        || lower.starts_with("in the name of god")
        || lower.starts_with("in the name of allah")
}

/// One-word section headings (lower case): a heading inside wrapped text,
/// and never a document title at the top (except `summary`, see
/// [`is_generic_heading`]).
pub const SECTION_WORDS: &[&str] = &[
    "introduction",
    "conclusion",
    "conclusions",
    "background",
    "recommendations",
    "overview",
    "summary",
    "preamble",
    "annex",
];

/// Section headings of several words that are never a document title.
pub const SECTION_PHRASES: &[&str] = &[
    "summary of discussions",
    "opening remarks",
    "opening session",
    "main contents",
];

/// Headings that open a new part after an annexed participant list.
pub const PART_WORDS: &[&str] = &["annex", "appendix", "attachment"];

/// Whether `lower` (a lower-cased heading without surrounding punctuation)
/// is a section heading that is never a document title: a section word or
/// phrase, but not `summary` alone, which is the title of many one-page
/// summaries.
pub fn is_generic_heading(lower: &str) -> bool {
    (lower != "summary" && SECTION_WORDS.contains(&lower)) || SECTION_PHRASES.contains(&lower)
}

/// Whether `word` is a section word written with a capital and the rest
/// in lower case (`Introduction`, not `INTRODUCTION` or `introduction`).
pub fn is_capitalised_section_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next().filter(char::is_ascii_uppercase) else {
        return false;
    };
    let rest = chars.as_str();
    SECTION_WORDS
        .iter()
        .any(|w| w.as_bytes()[0] == first.to_ascii_lowercase() as u8 && w[1..] == *rest)
}

/// Kinds of meeting (lower case): a title with one names a meeting, and a
/// chair named after one is the meeting's (`the seminar was chaired by`).
pub const MEETING_KINDS: &[&str] = &[
    "talks",
    "forum",
    "meeting",
    "seminar",
    "summit",
    "dialogue",
    "conference",
    "session",
    "consultation",
    "consultations",
    "workshop",
    "symposium",
    "intersessional",
    "inter-sessional",
    // `ASEAN Foreign Ministers' Retreat`, `… Foreign Ministers' Retreat`.
    "retreat",
];

/// Bodies that meet (lower case): a title with one names a meeting, but a
/// body "chaired by" someone is not the meeting's chair.
pub const MEETING_BODIES: &[&str] = &["assembly", "council", "group", "committee", "board"];

/// An acronym that title case keeps in capitals, with what the header
/// reader knows about it.
#[derive(Clone, Copy, Debug)]
pub struct Acronym {
    /// As written (`ARF`, `CBMs`, `II`).
    pub text: &'static str,
    /// Full names (lower case) that stand for it in a title (`asean
    /// regional forum`); empty for most.
    pub names: &'static [&'static str],
    flags: u8,
}

/// Kept in capitals when an ALL-CAPS line is put in title case, and read
/// as the acronym when it leads a meeting name (`ARF ISM on NPD`).
const CAPS: u8 = 1;
/// A group or forum named in a title when nothing better names the
/// meeting (`A G8 Declaration`).
const GROUP: u8 = 2;
/// May be followed by an edition number (`ARF 18`, `AMM 44`).
const NUMBERED: u8 = 4;
/// A kind of meeting, as [`MEETING_KINDS`] (`ISM`, `ISG`).
const KIND: u8 = 8;
/// A meeting series: a title with it names a meeting (`ASTOP`).
const SERIES: u8 = 16;

impl Acronym {
    const fn new(text: &'static str, flags: u8) -> Acronym {
        Acronym {
            text,
            names: &[],
            flags,
        }
    }

    const fn named(text: &'static str, names: &'static [&'static str], flags: u8) -> Acronym {
        Acronym { text, names, flags }
    }

    /// Kept in capitals by title case and read as a leading acronym.
    pub fn keeps_caps(&self) -> bool {
        self.flags & CAPS != 0
    }

    /// A group or forum whose name in a title names the meeting's series.
    pub fn is_group(&self) -> bool {
        self.flags & GROUP != 0
    }

    /// May be followed by an edition number (`ARF 18`).
    pub fn is_numbered(&self) -> bool {
        self.flags & NUMBERED != 0
    }

    /// A kind of meeting (`ISM`), like the words of [`MEETING_KINDS`].
    pub fn is_meeting_kind(&self) -> bool {
        self.flags & KIND != 0
    }

    /// Names a meeting in a title: a kind of meeting or a series.
    pub fn names_meeting(&self) -> bool {
        self.flags & (KIND | SERIES) != 0
    }
}

/// Every acronym the header reader knows, one row each. Rows with
/// [`Acronym::names`] come first and are tried in order, so the first
/// full name found in a meeting name gives its acronym.
pub const ACRONYMS: &[Acronym] = &[
    Acronym::named(
        "ARF",
        &["asean regional forum"],
        CAPS | GROUP | NUMBERED | SERIES,
    ),
    Acronym::named(
        "ASTOP",
        &[
            "asian senior-level talks on non-proliferation",
            "asia senior-level talks on non-proliferation",
        ],
        CAPS | GROUP | NUMBERED | SERIES,
    ),
    Acronym::named(
        "APEC",
        &["asia-pacific economic cooperation"],
        CAPS | GROUP | NUMBERED | SERIES,
    ),
    Acronym::named(
        "ASEM",
        &["asia-europe meeting"],
        CAPS | GROUP | NUMBERED | SERIES,
    ),
    Acronym::named("UNGA", &["general assembly"], CAPS),
    // Not kept in capitals: the name of the UN debate series only.
    Acronym::named("UNGD", &["general debate"], 0),
    Acronym::named("EAS", &["east asia summit"], CAPS | GROUP | NUMBERED),
    Acronym::named("PMC", &["asean post ministerial conference"], CAPS),
    Acronym::new("ASEAN", CAPS | GROUP),
    Acronym::new("G7", CAPS | GROUP),
    Acronym::new("G8", CAPS | GROUP),
    Acronym::new("G20", CAPS | GROUP),
    // Regional bodies whose summits' titles are printed in capitals
    // (`21ST SAARC SUMMIT` read as `Saarc Summit`).
    Acronym::new("SAARC", CAPS),
    Acronym::new("FOCAC", CAPS),
    Acronym::new("TICAD", CAPS),
    Acronym::new("BIMSTEC", CAPS),
    Acronym::new("CARICOM", CAPS),
    Acronym::new("IGAD", CAPS),
    Acronym::new("MERCOSUR", CAPS),
    Acronym::new("BRICS", CAPS),
    Acronym::new("ECOWAS", CAPS),
    Acronym::new("SADC", CAPS),
    Acronym::new("NATO", CAPS),
    Acronym::new("GCC", CAPS),
    Acronym::new("AMM", CAPS | NUMBERED),
    Acronym::new("ISM", CAPS | KIND),
    Acronym::new("ISG", CAPS | KIND),
    Acronym::new("UN", CAPS),
    Acronym::new("UNSC", CAPS),
    Acronym::new("NPT", CAPS),
    Acronym::new("WMD", CAPS),
    Acronym::new("NPD", CAPS),
    Acronym::new("CBM", CAPS),
    Acronym::new("CBMS", CAPS),
    Acronym::new("CBMs", CAPS),
    Acronym::new("EU", CAPS),
    Acronym::new("ROK", CAPS),
    Acronym::new("DPRK", CAPS),
    Acronym::new("USA", CAPS),
    Acronym::new("US", CAPS),
    Acronym::new("UK", CAPS),
    Acronym::new("PRC", CAPS),
    Acronym::new("IAEA", CAPS),
    Acronym::new("OPCW", CAPS),
    Acronym::new("CTBT", CAPS),
    Acronym::new("PSI", CAPS),
    Acronym::new("MOFA", CAPS),
    Acronym::new("METI", CAPS),
    Acronym::new("SOM", CAPS),
    Acronym::new("ADMM", CAPS),
    Acronym::new("SEANWFZ", CAPS),
    Acronym::new("HCOC", CAPS),
    Acronym::new("MTCR", CAPS),
    Acronym::new("NSG", CAPS),
    Acronym::new("CWC", CAPS),
    Acronym::new("BWC", CAPS),
    Acronym::new("TAC", CAPS),
    Acronym::new("ZOPFAN", CAPS),
    Acronym::new("OSCE", CAPS),
    Acronym::new("OAS", CAPS),
    Acronym::new("AU", CAPS),
    Acronym::new("ECOSOC", CAPS),
    Acronym::new("UNSCR", CAPS),
    // Roman numerals of editions (`ASEM II`), kept in capitals too.
    Acronym::new("II", CAPS),
    Acronym::new("III", CAPS),
    Acronym::new("IV", CAPS),
    Acronym::new("VI", CAPS),
    Acronym::new("VII", CAPS),
    Acronym::new("VIII", CAPS),
    Acronym::new("IX", CAPS),
    Acronym::new("XI", CAPS),
    Acronym::new("XII", CAPS),
    Acronym::new("XIII", CAPS),
];

/// The row for `word` as written (case-sensitive: `CBMs`, not `cbms`).
pub fn acronym(word: &str) -> Option<&'static Acronym> {
    ACRONYMS.iter().find(|a| a.text == word)
}

/// Whether `word` is kept in capitals by title case (`ASEAN`, `II`).
pub fn keeps_caps(word: &str) -> bool {
    acronym(word).is_some_and(Acronym::keeps_caps)
}

/// Whether a lower-cased word names a meeting: a kind of meeting, a body
/// that meets, or a meeting acronym (`ism`, `arf`).
pub fn is_meeting_word(lower: &str) -> bool {
    MEETING_KINDS.contains(&lower)
        || MEETING_BODIES.contains(&lower)
        || ACRONYMS
            .iter()
            .any(|a| a.names_meeting() && lower.eq_ignore_ascii_case(a.text))
}

/// Whether lower-cased text mentions a kind of meeting anywhere, even
/// inside a word (`the ISM`, `consultations`): the context that makes a
/// "chaired by" name the meeting's chair.
pub fn mentions_meeting_kind(lower: &str) -> bool {
    MEETING_KINDS.iter().any(|w| lower.contains(w))
        || ACRONYMS
            .iter()
            .any(|a| a.is_meeting_kind() && contains_ascii_ci(lower, a.text))
}

/// Whether `hay` contains the ASCII `needle`, ignoring ASCII case.
fn contains_ascii_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// English month names, January first (dates in headers, citations).
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A news agency's name alone on its line, as news pages print it under
/// the headline (`Reuters`, `Kyodo News`).
pub fn is_news_agency(l: &str) -> bool {
    const AGENCIES: &[&str] = &[
        "reuters",
        "ap",
        "afp",
        "associated press",
        "agence france-presse",
        "kyodo",
        "kyodo news",
        "jiji press",
        "yonhap",
        "yonhap news agency",
        "xinhua",
        "bernama",
        "antara",
        "pti",
        "dpa",
        "bloomberg",
        "tass",
        "vna",
        "pna",
        "app",
        "associated press of pakistan",
        "wam",
        "emirates news agency",
        "spa",
        "saudi press agency",
        "qna",
        "qatar news agency",
        "kuna",
        "kuwait news agency",
        "mena",
        "anadolu",
        "anadolu agency",
        "aa",
        "ria novosti",
        "interfax",
        "press trust of india",
        "ani",
        "ians",
        "bss",
        "nan",
        "apa",
        "irna",
        "kazinform",
        "montsame",
        "ukrinform",
        "efe",
        "ansa",
        "vietnam news agency",
        "philippine news agency",
        "thai news agency",
        "kpl",
        "akp",
        "mna",
    ];
    AGENCIES.contains(&l.trim_end_matches(['.', ':']).trim())
}

/// Small words inside a name in a headline or a lede (`Joint Political
/// and Security Mechanism`, `Summit of the Community of …`).
pub const NAME_SMALL_WORDS: [&str; 6] = ["of", "the", "and", "for", "on", "de"];

/// Numbers one to twenty in words, and their ordinals: what a query's
/// figures (`5`, `4th`) are written as in the texts.
pub const NUMBER_WORDS: [(&str, &str); 20] = [
    ("one", "first"),
    ("two", "second"),
    ("three", "third"),
    ("four", "fourth"),
    ("five", "fifth"),
    ("six", "sixth"),
    ("seven", "seventh"),
    ("eight", "eighth"),
    ("nine", "ninth"),
    ("ten", "tenth"),
    ("eleven", "eleventh"),
    ("twelve", "twelfth"),
    ("thirteen", "thirteenth"),
    ("fourteen", "fourteenth"),
    ("fifteen", "fifteenth"),
    ("sixteen", "sixteenth"),
    ("seventeen", "seventeenth"),
    ("eighteen", "eighteenth"),
    ("nineteen", "nineteenth"),
    ("twenty", "twentieth"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_listed_once() {
        for (i, a) in ACRONYMS.iter().enumerate() {
            assert!(
                ACRONYMS[i + 1..].iter().all(|b| b.text != a.text),
                "{}",
                a.text
            );
        }
        let named = ACRONYMS.iter().take_while(|a| !a.names.is_empty()).count();
        assert!(ACRONYMS[named..].iter().all(|a| a.names.is_empty()));
    }

    #[test]
    fn the_prefixes_of_the_small_words() {
        assert_eq!(
            LINK_SMALL_WORDS,
            ["of", "the", "on", "and", "in", "for", "to"]
        );
        assert_eq!(HEADING_SMALL_WORDS.last(), Some(&"with"));
    }

    #[test]
    fn section_words() {
        assert!(is_capitalised_section_word("Introduction"));
        assert!(is_capitalised_section_word("Summary"));
        assert!(!is_capitalised_section_word("INTRODUCTION"));
        assert!(!is_capitalised_section_word("introduction"));
        assert!(is_generic_heading("opening remarks") && is_generic_heading("annex"));
        assert!(!is_generic_heading("summary"));
    }

    #[test]
    fn meeting_words() {
        assert!(is_meeting_word("ism") && is_meeting_word("astop") && is_meeting_word("council"));
        assert!(!is_meeting_word("asean") && !is_meeting_word("g8"));
        assert!(mentions_meeting_kind("the second isg on cbms was"));
        assert!(!mentions_meeting_kind("the council was"));
    }
}
