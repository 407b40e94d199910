//! The header: the lines above the first paragraph that say which meeting,
//! where, when and what kind of document.
//!
//! Reads the layouts A–L of the domain notes line by line: [`classify`]
//! says what each line is ([`HeaderLine`]: a banner or breadcrumb, a
//! bracketed database field (`[Title]`, `[Place]`, `[Date]`), a place-date
//! line (`Tokyo, 13th November, 2003`, `(21st June 2004, Qingdao, China)`,
//! `City, Country | D Month YYYY`), a document-type line (`Chairman's
//! Summary`), a type plus meeting line (`CHAIRMAN'S STATEMENT OF THE 27th
//! ASEAN REGIONAL FORUM`), a tag line (`[ARF] [...] title place, dates`), a
//! title or prose), and a fold over the classified lines keeps what they
//! say; the first line that cannot follow what came before (a numbered
//! paragraph, prose, a second date) ends the header. After a date line
//! only a type line or a repeated title may follow, so a heading such as
//! `Introduction` below the header stays in the body.
//!
//! One file per concern: `classify` (what a line is), `fold` (what the
//! lines make together), `doc_type` (type phrases), `meetings` (meeting
//! names, acronyms), `editions` (ordinals, editions from the body),
//! `dates` (place-date lines, meeting dates in the body), `datelines`
//! (news stories' datelines), `body` (the
//! chair and place in the body), `site` (site names, section banners and
//! stamps the reader skips), `menu` (a site's menu copied as lines),
//! `titles` (which title line is the document's), `labelled` (pages whose
//! facts stand in a list of labels and values, read before the fold).

mod assembly;
mod body;
mod byline;
mod classify;
mod clock;
mod datelines;
mod dates;
mod doc_type;
mod editions;
mod fold;
mod headline_verbs;
mod labelled;
mod lede;
mod marked;
mod meeting_names;
mod meetings;
mod menu;
mod resolution;
mod site;
mod stray;
mod titles;
mod un_document;
mod wire;

use fold::HeaderFold;

use crate::model::MeetingHeader;

/// Lines of header (types, dates, titles, fields) read at most.
const MAX_HEADER_LINES: usize = 16;
/// Index of the last line that may still be header.
const LAST_HEADER_LINE: usize = 80;

/// What the header reader found, and where the body starts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeaderScan {
    /// Fields read from the header lines.
    pub header: MeetingHeader,
    /// Index of the first body line.
    pub body_start: usize,
    /// The header's date stands alone (no place): on announcement pages it
    /// is the publication date, so a meeting date in the body wins.
    pub bare_date: bool,
    /// The line at the foot of the page that gave the date (a date alone,
    /// under a story with no other header): furniture, not a paragraph.
    pub foot_date: Option<usize>,
}

pub use body::{chair_from, city_of, place_from};
pub use classify::{classify, Field, FieldName, HeaderLine, TagLine, TextLine};
pub use datelines::{colon_dateline, dated_dateline, wire_dateline};
pub use dates::{meeting_date_from, titled_dateline, PlaceDate};
pub use doc_type::{find_doc_type, DocTypeMatch};
pub use editions::{edition_in, ordinal_value};
pub use labelled::{read_labelled, LabelledPage};
pub use lede::meeting_in_lede;
pub use meetings::{meeting_info, MeetingInfo, SPEECH_WORDS};
pub use menu::menu_lines;
pub use resolution::ResolutionScan;

pub use crate::text::title::{ends_with_function_word, is_all_caps, is_title_like, title_case};

/// Reads the header lines of a document (see the module doc).
///
/// ```
/// use dipsearch::segment::header::read_header;
/// let s = read_header(&["Chairman's Summary", "Tokyo, 13th November, 2003", "", "1. Text."]);
/// assert_eq!((s.header.place.as_deref(), s.body_start), (Some("Tokyo"), 2));
/// ```
pub fn read_header(lines: &[&str]) -> HeaderScan {
    read_header_seeded(lines, &super::Seed::default())
}

/// [`read_header`] starting from what the page's metadata says.
pub fn read_header_seeded(lines: &[&str], seed: &super::Seed) -> HeaderScan {
    if let Some(scan) = un_document::read_un_document(lines) {
        return scan;
    }
    let mut scan = fold_header(lines, seed);
    wire::wire_story(lines, &mut scan);
    title_past_breadcrumb(lines, &mut scan);
    header_under_label(lines, &mut scan, seed);
    meeting_from_headline(&mut scan.header);
    type_from_page(lines, &mut scan);
    if scan.header.place.is_none() {
        scan.header.place.clone_from(&seed.place);
    }
    if scan.header.doc_type == crate::model::DocType::Other {
        scan.header.doc_type = seed.kind.unwrap_or_default();
    }
    marked::marked_headline(lines, &mut scan, seed);
    scan
}

/// A site's trail of links taken for the title (`Home / Newsroom / Press
/// Statements, Transcripts & Photos`): the page's own title is its last
/// crumb when that is a whole headline (`Home / Communiqués / COMMUNIQUÉ
/// ISSUED AT THE CONCLUSION OF …`), or else the headline on the line under
/// it; the type follows the new title when nothing else gave one.
fn title_past_breadcrumb(lines: &[&str], scan: &mut HeaderScan) {
    let Some(title) = scan.header.title.as_deref() else {
        return;
    };
    let from_home = title.split_once(" / ").is_some_and(|(first, rest)| {
        rest.contains(" / ")
            && crate::segment::boilerplate::is_home_crumb(&first.trim().to_lowercase())
    });
    if !(from_home || crate::segment::boilerplate::is_breadcrumb(title)) {
        return;
    }
    let last = [" / ", " > ", " » ", " › "]
        .iter()
        .filter_map(|sep| title.rsplit_once(sep).map(|(_, l)| l.trim()))
        .min_by_key(|l| l.len())
        .unwrap_or(title);
    let new = if last.split_whitespace().count() >= 6 {
        Some(last.to_string())
    } else {
        let at = lines
            .iter()
            .position(|l| crate::text::ws::normalise_ws(l.trim()) == title);
        at.and_then(|i| {
            lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty())
        })
        .filter(|l| wire::is_headline(l) && l.split_whitespace().count() >= 4)
        .map(crate::text::ws::normalise_ws)
    };
    let Some(new) = new else {
        return;
    };
    if scan.header.doc_type == crate::model::DocType::Other {
        if let Some(m) = find_doc_type(&new).filter(|m| m.start == 0) {
            scan.header.doc_type = m.doc_type;
        }
    }
    scan.header.title = Some(new);
}

/// A title the news readers took from a headline (the fold reads the
/// meeting of the titles it keeps itself): the meeting it names
/// (`168th IPU Assembly closes in Montevideo …`).
fn meeting_from_headline(h: &mut MeetingHeader) {
    let Some(title) = h
        .title
        .as_ref()
        .filter(|_| h.meeting.is_none() && h.acronym.is_none())
    else {
        return;
    };
    // Only a numbered meeting: a headline's other names run on
    // (`… back nuclear-free zone treaty at Vientiane meeting`).
    let info = meeting_info(title);
    if info.edition.is_none() || info.meeting.is_none() {
        return;
    }
    h.meeting = info.meeting;
    h.acronym = info.acronym;
    h.edition = h.edition.or(info.edition);
}

/// The type a page's breadcrumb or stamp names above a headline the news
/// readers took (`Newsroom > Press releases`, `Press release | 18 March
/// 2035 | 3 min read`), when nothing else gave one.
fn type_from_page(lines: &[&str], scan: &mut HeaderScan) {
    if scan.header.doc_type != crate::model::DocType::Other || scan.header.title.is_none() {
        return;
    }
    let end = scan.body_start.min(lines.len());
    let named = lines[..end].iter().find_map(|l| match classify(l, None) {
        HeaderLine::Banner(Some(t)) => Some(t),
        HeaderLine::Stamp => find_doc_type(l.trim())
            .filter(|m| m.start == 0)
            .map(|m| m.doc_type),
        _ => None,
    });
    if let Some(t) = named {
        scan.header.doc_type = t;
    }
}

/// The header block's lines folded into fields.
fn fold_header(lines: &[&str], seed: &super::Seed) -> HeaderScan {
    let menus = menu_lines(lines, LAST_HEADER_LINE + 1);
    let start = stray::stray_prefix(lines, &menus);
    let mut fold = HeaderFold::seeded(seed, start);
    for (i, line) in lines.iter().enumerate().skip(start) {
        if fold.take(i, classify_at(lines, i, &menus), line).is_break() {
            break;
        }
    }
    fold.finish(lines)
}

/// A site's section name read as the title (`Statements & Communiques`,
/// over the page's own title, type, place and date lines): the header is
/// read again from the line after it, and what that block says of the
/// document wins (its date is the meeting's; the section's, the page's).
fn header_under_label(lines: &[&str], scan: &mut HeaderScan, seed: &super::Seed) {
    let start = scan.body_start;
    if !scan
        .header
        .title
        .as_deref()
        .is_some_and(wire::is_section_label)
        || start >= lines.len()
    {
        return;
    }
    let sub = fold_header(&lines[start..], seed);
    let Some(title) = sub.header.title.filter(|t| !wire::is_section_label(t)) else {
        return;
    };
    if sub.body_start == 0 {
        return;
    }
    let h = &mut scan.header;
    h.title = Some(title);
    if sub.header.doc_type != crate::model::DocType::Other {
        h.doc_type = sub.header.doc_type;
    }
    if sub.header.date.is_some() {
        (h.date, h.date_end, h.year) = (sub.header.date, sub.header.date_end, sub.header.year);
        scan.bare_date = sub.bare_date;
    }
    for (field, new) in [
        (&mut h.place, sub.header.place),
        (&mut h.meeting, sub.header.meeting),
        (&mut h.acronym, sub.header.acronym),
        (&mut h.meeting_id, sub.header.meeting_id),
    ] {
        if new.is_some() {
            *field = new;
        }
    }
    h.edition = sub.header.edition.or(h.edition);
    scan.body_start = start + sub.body_start;
}

/// Reads a resolution's header, or `None` when the text is no
/// resolution: a General Assembly, Human Rights Council or Economic and
/// Social Council resolution as its PDF prints it (`assembly`), or a
/// Security Council one (`resolution`).
pub fn read_resolution(lines: &[&str]) -> Option<ResolutionScan> {
    assembly::read_assembly_resolution(lines).or_else(|| resolution::read_council_resolution(lines))
}

/// Line `i` classified, a line of a menu run (`menus`) as menu furniture.
fn classify_at<'a>(lines: &[&'a str], i: usize, menus: &[bool]) -> HeaderLine<'a> {
    if menus.get(i).copied().unwrap_or(false) {
        return HeaderLine::Furniture {
            menu: true,
            banner: site::banner(lines[i]),
        };
    }
    let line = classify(lines[i], lines.get(i + 1).copied());
    match line {
        HeaderLine::Text(TextLine::Prose { text, .. })
            if is_dated_headline(text) && (date_follows(lines, i) || under_stamp(lines, i)) =>
        {
            HeaderLine::Text(TextLine::Title {
                text: without_wire_tag(text),
                caps: false,
                generic: false,
                over_date: true,
            })
        }
        HeaderLine::Text(TextLine::Title {
            text,
            caps,
            generic: false,
            ..
        }) => HeaderLine::Text(TextLine::Title {
            text,
            caps,
            generic: false,
            over_date: date_follows(lines, i),
        }),
        _ => line,
    }
}

/// A line of prose that can be a headline over a date line: short,
/// capitalised once a wire's tag is left out.
fn is_dated_headline(text: &str) -> bool {
    let t = without_wire_tag(text);
    wire::is_headline(t)
        && crate::text::title::opens_like_headline(t)
        && t.split_whitespace().count() <= 16
}

/// A headline without a wire's tag before it (`(LEAD) S. Korea, Japan
/// …`, `(2nd LD) …`, `(URGENT) …`).
fn without_wire_tag(text: &str) -> &str {
    let Some(rest) = text.strip_prefix('(') else {
        return text;
    };
    match rest.split_once(')') {
        Some((tag, after))
            if tag.len() <= 16
                && tag.chars().any(|c| c.is_ascii_uppercase())
                && !tag.chars().any(char::is_lowercase)
                || matches!(tag, "2nd LD" | "3rd LD" | "4th LD") =>
        {
            after.trim_start()
        }
        _ => text,
    }
}

/// Whether the next line but blanks is a date line (`16 April 2031`,
/// `Posted on 11 February 2032`, `Jakarta, 3 May 2031`): a headline in
/// sentence case right above it is the page's title (`Mongolia and
/// Kazakhstan hold sixth round of political consultations`), as one
/// right under a date is.
fn date_follows(lines: &[&str], i: usize) -> bool {
    let mut next = lines
        .iter()
        .skip(i + 1)
        .take(4)
        .map(|l| l.trim())
        .filter(|l| !l.is_empty());
    let Some(mut line) = next.next() else {
        return false;
    };
    let mut kind = classify(line, None);
    // One document-type line between (`Press Release No. 87/2032`).
    if matches!(kind, HeaderLine::Banner(Some(_))) {
        let Some(after) = next.next() else {
            return false;
        };
        line = after;
        kind = classify(line, None);
    }
    // A news site's stamp (`Published: 09 July 2031, 6:42 PM`) is left to
    // [`wire_story`], which reads the headline above it with the dateline.
    match kind {
        HeaderLine::PlaceDate(_) => true,
        HeaderLine::Stamp => false,
        _ => crate::segment::dates::find_date(line)
            .is_some_and(|m| line.len() - (m.end - m.start) <= 30),
    }
}

/// Whether the line above `i` is a site's stamp with a date (`News item |
/// 23-09-2031 | 14:32`, `26 November, 2031 11:42`): a headline in sentence
/// case right under it is the page's title.
fn under_stamp(lines: &[&str], i: usize) -> bool {
    let Some(above) = lines[..i]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
    else {
        return false;
    };
    matches!(classify(above, None), HeaderLine::Stamp) && dates::any_date(above).is_some()
}

/// Lines searched for the start of a header block.
const STRAY_SEARCH: usize = 40;

#[cfg(test)]
mod tests;
