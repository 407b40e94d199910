//! What one header line is, read from the line alone (and whether the next
//! line starts in lower case). What the reader does with it depends on
//! what came before, which is the fold's business (`fold.rs`).

use super::dates::{place_date_line, PlaceDate};
use super::doc_type::{find_doc_type, type_line, type_meeting_line};
use super::site::{banner, is_letterhead_address, is_office_banner, is_stamp};
use crate::model::DocType;
use crate::segment::boilerplate::{is_boilerplate, is_breadcrumb};
use crate::text::lexicon::is_generic_heading;
use crate::text::marker::{parse_marker, Style};
use crate::text::title::{is_all_caps, is_title_like, whole_bold};

/// One header line, classified. Variants are tried in this order, so a
/// line is a field before it is a banner, and so on.
#[derive(Clone, Debug, PartialEq)]
pub enum HeaderLine<'a> {
    /// An empty line.
    Blank,
    /// A bracketed record field (`[Title] ...`, layout G).
    Field(Field<'a>),
    /// A site banner: a section name that may tell the document type
    /// (`Press Releases`, `Embassy Press Releases`) or the office that
    /// published the page (`Bureau of Arms Control`).
    Banner(Option<DocType>),
    /// A stamp of the page rather than of the document: an aggregator's
    /// `date | Press release | Distributed by …` line, a byline, a
    /// `Published …` line, a navigation bar `| Home | News |`.
    Stamp,
    /// A line that continues the title above it (`of the Fourteenth ARF
    /// Inter-Sessional Meeting`, `OF THE 36TH ASEAN REGIONAL FORUM`).
    Continuation(&'a str),
    /// Navigation, separators, page numbers, breadcrumbs.
    Furniture {
        /// A breadcrumb that is not also boilerplate (`- Home`): a menu
        /// item, part of the body if no header follows.
        menu: bool,
        /// The document type a breadcrumb names (`- News Releases`).
        banner: Option<DocType>,
    },
    /// A line with a paragraph marker (`1.`, `•`).
    Item {
        /// A short bullet item without sentence punctuation (`• Home`):
        /// navigation when no header line came before it.
        menu_like: bool,
    },
    /// The whole line is a type phrase (`Chairman's Summary`).
    TypeLine(DocType),
    /// A type phrase naming others who issue it, on the lines below
    /// (`Joint media release with:` / `The Hon A MP` / `Minister for B`).
    TypeWith(DocType),
    /// A date with at most a short place (`Tokyo, 13th November, 2003`).
    PlaceDate(PlaceDate),
    /// A headline ending with the event's place and date (`Foreign
    /// Minister's remarks at …, Moscow, March 2, 2031`).
    TitledDate {
        /// The headline without the place and date.
        title: &'a str,
        /// The place before the date, if one is there.
        place: Option<String>,
        /// The date.
        date: crate::segment::dates::DateMatch,
    },
    /// A document symbol alone on its line (`SC/16021`, `GA/DIS/3712`,
    /// `SG/SM/22345`): the symbol of a UN press release or document.
    Symbol(&'a str),
    /// A numbered meeting of a UN organ (`9871st Meeting (AM)`,
    /// `Eightieth Session, 12th Meeting (PM)`): the session when the line
    /// gives one, else the meeting's number.
    MeetingNumber(u32),
    /// A tag line (`[ARF] [...] title place, dates`, layout L), with what
    /// the line would be without its tags' meaning.
    Tags(TagLine<'a>, TextLine<'a>),
    /// Any other line.
    Text(TextLine<'a>),
}

/// The name of a bracketed record field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldName {
    /// `[Title]`
    Title,
    /// `[Place]`
    Place,
    /// `[Date]`
    Date,
    /// `[Source]`, `[Notes]`: known, not read.
    Other,
    /// `[Full text]`: the body follows.
    FullText,
}

/// A bracketed record field: `[Place] Tokyo`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    /// Which field.
    pub name: FieldName,
    /// The value after the bracket, trimmed.
    pub value: &'a str,
}

/// A tag line: `[ARF] [Inter-Sessional] title place, dates`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TagLine<'a> {
    /// The first tag of at most six capitals (`ARF`), if any.
    pub acronym: Option<&'a str>,
    /// The text after the tags.
    pub rest: &'a str,
}

/// A line that is none of the structural kinds: a type-and-meeting line,
/// a title or prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextLine<'a> {
    /// A type phrase joined to a meeting (`CHAIRMAN'S STATEMENT OF THE
    /// 27th ASEAN REGIONAL FORUM`).
    TypeAndMeeting {
        /// The line.
        text: &'a str,
        /// The type.
        doc_type: DocType,
        /// Whether the line is also title-like.
        title_like: bool,
    },
    /// A title line: title-like, at most 200 bytes, not followed by a line
    /// starting in lower case.
    Title {
        /// The line.
        text: &'a str,
        /// Written in capitals (wrapped capital titles are joined).
        caps: bool,
        /// A section heading that is never a title (`Introduction`).
        generic: bool,
        /// Right above the page's date line: the page's own headline, not
        /// a site's or a section's name above it (set by the reader,
        /// which sees the lines after).
        over_date: bool,
    },
    /// Anything else.
    Prose {
        /// The line.
        text: &'a str,
        /// Title-like all the same (too long, or before prose).
        title_like: bool,
        /// A short line standing alone, without sentence punctuation: a
        /// headline in sentence case (`Foreign Minister A on the Iranian
        /// nuclear programme`) when it comes right under a page's date.
        headline: bool,
    },
}

impl<'a> TextLine<'a> {
    /// The line.
    pub fn text(&self) -> &'a str {
        match *self {
            TextLine::TypeAndMeeting { text, .. }
            | TextLine::Title { text, .. }
            | TextLine::Prose { text, .. } => text,
        }
    }

    /// Whether the line reads like a title.
    pub fn title_like(&self) -> bool {
        match *self {
            TextLine::TypeAndMeeting { title_like, .. } | TextLine::Prose { title_like, .. } => {
                title_like
            }
            TextLine::Title { .. } => true,
        }
    }
}

/// Classifies one header line; `next` is the raw line after it.
///
/// ```
/// use dipsearch::model::DocType;
/// use dipsearch::segment::header::{classify, HeaderLine};
/// assert_eq!(classify("Chairman's Summary", None), HeaderLine::TypeLine(DocType::ChairsSummary));
/// assert_eq!(classify("  ", None), HeaderLine::Blank);
/// ```
pub fn classify<'a>(line: &'a str, next: Option<&str>) -> HeaderLine<'a> {
    let t = line.trim().trim_matches('\u{feff}');
    let t = whole_bold(t).unwrap_or(t);
    if t.is_empty() {
        return HeaderLine::Blank;
    }
    if let Some(f) = field(t) {
        return HeaderLine::Field(f);
    }
    if let Some(bt) = banner(t) {
        return HeaderLine::Banner(Some(bt));
    }
    if is_stamp(t) {
        return HeaderLine::Stamp;
    }
    if is_office_banner(t) {
        return HeaderLine::Banner(None);
    }
    if is_continuation(t) {
        return HeaderLine::Continuation(t);
    }
    if super::site::is_presidency_banner(t) {
        return HeaderLine::Furniture {
            menu: false,
            banner: None,
        };
    }
    if is_letterhead_address(t) {
        return HeaderLine::Furniture {
            menu: true,
            banner: None,
        };
    }
    let (breadcrumb, boilerplate) = (is_breadcrumb(t), is_boilerplate(t));
    if breadcrumb || boilerplate {
        return HeaderLine::Furniture {
            menu: breadcrumb && !boilerplate,
            banner: banner(t.trim_start_matches(['-', '>', ' '])),
        };
    }
    if is_symbol(t) {
        return HeaderLine::Symbol(t);
    }
    if let Some(n) = meeting_number(t) {
        return HeaderLine::MeetingNumber(n);
    }
    if let Some(m) = parse_marker(t).filter(|m| !m.bare) {
        let item = &t[m.text_start..];
        return HeaderLine::Item {
            menu_like: matches!(m.style, Style::Bullet(..))
                && item.len() <= 30
                && item.split_whitespace().count() <= 4
                && !item.ends_with(['.', ';', ',', ':']),
        };
    }
    if let Some(dt) = type_line(t) {
        return HeaderLine::TypeLine(dt);
    }
    // `Joint media release with:` above the other offices' names.
    if let Some(dt) = t.strip_suffix(" with:").and_then(type_line) {
        return HeaderLine::TypeWith(dt);
    }
    if let Some(pd) = place_date_line(t) {
        return HeaderLine::PlaceDate(pd);
    }
    if let Some((title, place, date)) = super::dates::titled_dateline(t) {
        return HeaderLine::TitledDate { title, place, date };
    }
    let text = text_line(t, next);
    match tag_line(t) {
        Some(tags) => HeaderLine::Tags(tags, text),
        None => HeaderLine::Text(text),
    }
}

/// Reads a line that is none of the structural kinds.
fn text_line<'a>(t: &'a str, next: Option<&str>) -> TextLine<'a> {
    let title_like = is_title_like(t);
    if let Some(doc_type) = type_meeting_line(t) {
        return TextLine::TypeAndMeeting {
            text: t,
            doc_type,
            title_like,
        };
    }
    let next_is_prose = next.is_some_and(continues_sentence);
    if t.len() <= 200 && !next_is_prose && (title_like || opens_with_type(t)) {
        let lower = t.to_lowercase();
        return TextLine::Title {
            text: t,
            caps: is_all_caps(t),
            generic: is_generic_heading(lower.trim_matches(|c: char| !c.is_alphanumeric())),
            over_date: false,
        };
    }
    let headline = next.is_none_or(|n| n.trim().is_empty())
        && crate::text::title::opens_like_headline(t)
        && !t.ends_with(['.', ',', ';', ':', '!', '?'])
        && t.split_whitespace().count() <= 12;
    TextLine::Prose {
        text: t,
        title_like,
        headline,
    }
}

/// A title written in sentence case, as EEAS, GOV.UK and news sites
/// write them (`Statement by the High Representative on behalf of the EU
/// on the nuclear test`, `Joint statement on the situation in …`): it
/// opens with a type phrase and ends without sentence punctuation. The
/// fold still reads a run of such lines right above prose as the opening
/// of a wrapped paragraph.
fn opens_with_type(t: &str) -> bool {
    !t.ends_with(['.', ',', ';', ':'])
        && t.starts_with(|c: char| c.is_uppercase())
        && find_doc_type(t).is_some_and(|m| m.start == 0)
}

/// Whether `next` carries on a sentence wrapped at the line before: it
/// starts in lower case, or with a number followed by a lower-case word
/// (`... met in Cornwall on 11-13 June` / `2021 determined to ...`).
fn continues_sentence(next: &str) -> bool {
    let mut words = next.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if first.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    first
        .trim_end_matches([',', '.'])
        .bytes()
        .all(|b| b.is_ascii_digit())
        && words
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase)
}

/// A document symbol alone on a line: capitals, digits, `/`, `.` and `-`
/// only, no space, opening with letters and ending with a number of two
/// digits or more (`SC/16021`, `GA/EF/3601`, `A/80/L.12`; not `G7/G8`),
/// or with a year among three parts (`S/PRST/2031/4`), or with a letter
/// code after a number among three parts (`ARF/39/CS/FINAL`), and maybe the
/// year in brackets after it (`PSC/PR/COMM.1234 (2031)`).
fn is_symbol(t: &str) -> bool {
    // `PIF(31)14`: the Forum's papers, the year in brackets.
    if let Some((org, rest)) = t.split_once('(') {
        let bracketed = rest.split_once(')').is_some_and(|(y, n)| {
            y.len() == 2
                && y.bytes().all(|b| b.is_ascii_digit())
                && (1..=3).contains(&n.len())
                && n.bytes().all(|b| b.is_ascii_digit())
        });
        if bracketed && (2..=6).contains(&org.len()) && org.bytes().all(|b| b.is_ascii_uppercase())
        {
            return true;
        }
    }
    // `PSC/PR/COMM.1234 (2031)`: the year of the symbol's series.
    let t = match t.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
        Some((sym, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => sym,
        _ => t,
    };
    t.len() <= 30
        && t.starts_with(|c: char| c.is_ascii_uppercase())
        && t.contains('/')
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes().all(|b| {
            b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'/' | b'.' | b'-')
        })
        && !t.contains("//")
        && t.split('/')
            .next()
            .is_some_and(|s| s.bytes().all(|b| b.is_ascii_uppercase()))
        && (t.rsplit('/')
            .next()
            .is_some_and(|s| s.bytes().filter(u8::is_ascii_digit).count() >= 2)
            // `S/PRST/2031/4`: a year among three parts or more.
            || t.split('/').count() >= 3
                && t.split('/').any(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            // `ARF/39/CS/FINAL`, `ARF/ISM-CTTC/28/SR`: a meeting's papers,
            // numbered in a part of their own and ending with a letter code.
            || t.split('/').count() >= 3
                && t.split('/').any(|s| (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
                && t.rsplit('/').next().is_some_and(|s| {
                    (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
                }))
}

/// A UN press release's symbol (`SC/17802`, `GA/DIS/3712`, `SG/SM/22104`):
/// the Secretariat's press office numbers its releases under the organ's
/// letters, where the organs' own documents have one letter (`S/2029/412`,
/// `A/RES/80/1`). A page with one is a press release when nothing else
/// gives its type (a copy without the site's `Press Releases` banner).
pub(super) fn is_press_symbol(symbol: &str) -> bool {
    const OFFICES: &[&str] = &["SC", "GA", "SG", "ECOSOC", "DSG", "HR", "ICJ", "PKO", "OBV"];
    symbol.split_once('/').is_some_and(|(office, rest)| {
        OFFICES.contains(&office) && rest.ends_with(|c: char| c.is_ascii_digit())
    })
}

/// The type a symbol gives: a press release for a press office's.
pub(super) fn press_type(symbol: &str) -> Option<crate::model::DocType> {
    is_press_symbol(symbol).then_some(crate::model::DocType::PressRelease)
}

/// A line as short as a UN organ's name (`General Assembly` / `First
/// Committee`), which a release prints above its meeting line.
pub(super) fn organ_like(t: &str) -> bool {
    t.split_whitespace().count() <= 5
}

/// Title lines that can only be an organ's name, read before any date
/// (`SECURITY COUNCIL` / `9990TH MEETING (AM)` / `SC/17802` / `3 JUNE
/// 2029`, a page copied with the site's capitals): one or two short lines.
pub(super) fn organ_lines(titles: &[String]) -> bool {
    (1..3).contains(&titles.len()) && titles.iter().all(|t| organ_like(t))
}

/// The edition a UN meeting line gives (`9871st Meeting (AM)` → 9871,
/// `Eightieth Session, 12th & 13th Meetings (AM & PM)` → 80).
fn meeting_number(t: &str) -> Option<u32> {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let r = R.get_or_init(|| {
        regex::Regex::new(
            r"(?i)^(?:([A-Z-]+) Session,\s*)?(\d{1,5})(?:st|nd|rd|th)(?:\s*(?:&|and)\s*\d{1,5}(?:st|nd|rd|th))?\s+Meetings?(?:\s*\((?:AM|PM|Night|AM\s*(?:&|and)\s*PM)\))?$",
        )
        .expect("meeting line pattern compiles")
    });
    // Pages copied from a browser keep the site's capitals
    // (`9990TH MEETING (AM)`).
    if t.len() > 80 || !(t.contains("eeting") || t.contains("EETING")) {
        return None;
    }
    let c = r.captures(t)?;
    match c.get(1) {
        Some(session) => super::editions::ordinal_value(session.as_str()),
        None => c.get(2)?.as_str().parse().ok(),
    }
}

/// A bracketed record field (`[Title] ...`, layout G).
fn field(s: &str) -> Option<Field<'_>> {
    let Some(rest) = s.strip_prefix('[') else {
        return labelled_field(s);
    };
    let (name, value) = rest.split_once(']')?;
    let name = match name {
        "Title" => FieldName::Title,
        "Place" => FieldName::Place,
        "Date" => FieldName::Date,
        "Source" | "Notes" => FieldName::Other,
        "Full text" | "Full Text" => FieldName::FullText,
        _ => return None,
    };
    Some(Field {
        name,
        value: value.trim(),
    })
}

/// A board's label and value on one line (`Title: Outcome of the 25th …`,
/// `Hit: 1123`, `Attachment\tJoint Press Statement.pdf`): how a table of a
/// page's facts reads when copied. Only labels that never open a sentence of
/// a document's header; `Date:` keeps the date line's own reading.
fn labelled_field(s: &str) -> Option<Field<'_>> {
    let cut = s.find([':', '\t'])?;
    if cut > 16 {
        return None;
    }
    let name = match s[..cut].trim_end() {
        "Title" | "TITLE" | "Subject" | "SUBJECT" => FieldName::Title,
        "Hit" | "Hits" | "Views" | "Writer" | "Attachment" | "Attachments" | "Attached file"
        | "Posted by" | "Category" | "Tags" => FieldName::Other,
        _ => return None,
    };
    let value = s[cut + 1..].trim();
    // `Posted by: Admin | March 3rd, 2034 | 0 Comments`: a dated stamp.
    if name == FieldName::Other && crate::segment::dates::find_date(value).is_some() {
        return None;
    }
    (!value.is_empty()).then_some(Field { name, value })
}

/// A tag line (layout L): `[ARF] [...] title place, dates`.
fn tag_line(s: &str) -> Option<TagLine<'_>> {
    let mut rest = s.trim();
    let mut tags = 0;
    let mut acronym = None;
    while let Some(r) = rest.strip_prefix('[') {
        let (tag, after) = r.split_once(']')?;
        let tag = tag.trim();
        if acronym.is_none() && tag.len() <= 6 && tag.chars().all(|c| c.is_ascii_uppercase()) {
            acronym = Some(tag);
        }
        tags += 1;
        rest = after.trim_start();
    }
    (tags > 0 && !rest.is_empty()).then_some(TagLine { acronym, rest })
}

/// Words that join a title's continuation line to the line above.
const CONNECTORS: &[&str] = &[
    "of", "on", "for", "at", "to", "and", "in", "among", "between", "from", "by", "with",
];

/// A short line that opens with a connector (`of the …`, `ON NON-PROLIFERATION
/// AND DISARMAMENT`) and does not end a sentence: the rest of a title.
fn is_continuation(t: &str) -> bool {
    // `STATEMENT` / `by` / the speaker: a title set one part a line.
    if t.eq_ignore_ascii_case("by") {
        return true;
    }
    let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
    CONNECTORS.contains(&first.as_str())
        && t.split_whitespace().count() <= 16
        && !t.ends_with(['.', ';', ':'])
        && t.chars().filter(|c| c.is_alphabetic()).count() > 4
}
