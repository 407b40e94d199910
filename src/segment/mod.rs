//! Segmentation: decoded text → meeting header and labelled paragraphs.
//!
//! Pure and deterministic: layout only, names of countries and treaties are
//! `enrich`'s job. The work is split by concern:
//!
//! * [`header`] reads the lines above the first paragraph (layouts A–L of
//!   the domain notes) and, from the body, the chair and meeting date;
//! * [`dates`] turns the many date styles into ISO dates and ranges;
//! * [`boilerplate`] drops navigation, banners, separators, footnote marks;
//! * `running` finds running headers (one detector for the page-numbered
//!   lines before the header and the wrapped body);
//! * [`unwrap`] turns lines into blocks, undoing hard wrapping and
//!   hyphenation (`hyphen`) and recovering paragraph boundaries;
//! * [`numbering`] builds unique labels from the markers that
//!   [`crate::text::marker`] parses.
//!
//! The line-level vocabulary (markers, title shape, word lists) is in
//! [`crate::text`], which decoding shares.
//!
//! Labels: the document's own numbering (`3`, `3(a)`, `4(d)(ii)`, `2(1)`,
//! `13.5.4`, `II.3`); bullets are numbered under their parent (`4-1`,
//! `p3-2`; `b1`, `b2` with no parent); unnumbered blocks are `p1`, `p2`, …
//! in order; a label that would repeat (restarted list, block split for
//! length) gets `~2`, `~3`. Blocks longer than [`MAX_PARAGRAPH`] bytes are
//! split at sentence ends. Every step is linear in the input size.
//!
//! Headings are not paragraphs: an unnumbered short title-like line with
//! body after it (`Regional Issues`, `[Opening remarks]`), or a marked one
//! (`II. Instruments`, `1. Outline of the seminar`), which opens a section;
//! numbers under sections are prefixed with the section (`II.3`) only when
//! they restart in each section. A sub-paragraph's `parent` is always an
//! emitted paragraph (a marker with no text of its own, as in a merged
//! `3. (1)`, leaves its children without one). Annexed participant lists
//! are dropped. The body is read for the chair, the meeting date and the
//! place only when the document has a header, so speeches (UN General
//! Debate) do not pick up other meetings' facts.
//!
//! ```
//! let s = dipsearch::segment::segment_text(
//!     "Joint Statement\nTokyo, 5 May 2010\n\n1. Lead-in:\n(a) first;\n(b) second.\n",
//! );
//! let labels: Vec<&str> = s.paragraphs.iter().map(|p| p.label.as_str()).collect();
//! assert_eq!(labels, ["1", "1(a)", "1(b)"]);
//! assert_eq!(s.paragraphs[1].context.as_deref(), Some("Lead-in:"));
//! ```

pub mod accounting;
pub mod boilerplate;
pub mod columns;
pub mod dates;
pub mod header;
mod hyphen;
pub mod numbering;
mod reflow;
mod resolution;
mod running;
mod signoff;
pub mod unwrap;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::{Paragraph, Segmented};
use crate::text::lexicon::PART_WORDS;
use crate::text::line::starts_lower;
use crate::text::title::{ends_with_function_word, is_title_like, whole_bold};
use crate::text::ws::normalise_ws;
use accounting::DropReason;
use numbering::{parse_marker, Assigned, Labeller, Marker, Style};
use running::{Evidence, RunningHeaders};
use unwrap::Block;

/// Longest paragraph kept whole, in bytes; longer blocks are split at
/// sentence ends so one runaway block cannot dominate ranking or display.
/// Real communiqué paragraphs reach 5,400 bytes (G7 2023), so the bound
/// sits well above them.
pub const MAX_PARAGRAPH: usize = 8000;

/// Lines of a contact box under its label (`Nabila Massrali` /
/// `Spokesperson for Foreign Affairs …` / `+32 …`) are shorter than this.
const CONTACT_LINE: usize = 100;

/// A page's stamp or a place-date line is shorter than this.
const STAMP_LINE: usize = 80;

/// How many leading paragraphs are read for the chair and meeting date.
const BODY_SCAN: usize = 12;

/// Splits a document into its header and paragraphs.
pub fn segment_text(text: &str) -> Segmented {
    segment_page(text, &Seed::default())
}

/// What a page's metadata says before its text is read (a web page's
/// title and publication date): the header starts from it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seed {
    /// The page title.
    pub title: Option<String>,
    /// The publication date, beaten by a meeting date in the text.
    pub published: Option<crate::model::Date>,
    /// The place, when the text's header names none.
    pub place: Option<String>,
    /// The page kind, when the text's header gives no type.
    pub kind: Option<crate::model::DocType>,
    /// The line the page's markup marks as its headline (see
    /// [`crate::decode::Decoded::headline`]).
    pub headline: Option<String>,
}

/// [`segment_text`] for a page whose metadata gives a title or date.
pub fn segment_page(text: &str, seed: &Seed) -> Segmented {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = reflow::unflatten(text);
    let text = columns::split_masthead(&text);
    let mut lines = split_lines(&text);
    segment_lines(&mut lines, seed).segmented
}

/// The lines of a text, without `\r` ends.
fn split_lines(text: &str) -> Vec<&str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

/// A document segmented, with what the line audit (`accounting`) needs
/// to say where each line went.
pub(crate) struct Segmentation {
    segmented: Segmented,
    /// Index of the first body line (0 for a resolution, which the audit
    /// reads with its own rules).
    body_start: usize,
    /// Blocks dropped on purpose, with the reason.
    dropped: Vec<(DropReason, String)>,
    /// The headings opened.
    headings: Vec<String>,
}

/// Segments a document's lines; running headers are blanked in `lines`.
fn segment_lines(lines: &mut [&str], seed: &Seed) -> Segmentation {
    // Resolutions repeat whole lines (`resolution 686 (1991),`) that the
    // running-header detector would take for page furniture; theirs is
    // dropped by `resolution` itself.
    if let Some(r) = header::read_resolution(lines) {
        // A resolution's PDF repeats its symbol and title as each page's
        // running head (`A/RES/87/214   Nuclear disarmament verification`).
        for l in lines[r.body_start..r.body_end].iter_mut() {
            if r.is_running_head(l) {
                *l = "";
            }
        }
        return Segmentation {
            segmented: resolution::segment(lines, r),
            body_start: 0,
            dropped: Vec::new(),
            headings: Vec::new(),
        };
    }
    drop_running_headers(lines);
    let labelled = seed_from_labels(lines, seed);
    let scan = header::read_header_seeded(lines, labelled.as_ref().unwrap_or(seed));
    if let Some(line) = scan.foot_date.and_then(|i| lines.get_mut(i)) {
        *line = "";
    }
    if let Some(body) = lines.get_mut(scan.body_start..) {
        if let Some((end, resume)) = signoff::end_mark(body) {
            body[end..resume].fill("");
        }
        if let Some((tail, resume)) = signoff::page_tail(body) {
            body[tail..resume].fill("");
        }
        if let Some(i) = scan
            .header
            .title
            .as_deref()
            .and_then(|t| repeated_title(body, t))
        {
            body[i] = "";
        }
    }
    let body = lines.get(scan.body_start..).unwrap_or(&[]);
    let blocks = unwrap::blocks(body);
    let pass = labelling(&blocks, true);
    let paragraphs = pass.out;
    let mut h = scan.header;

    // The body is read for header facts only when there is a header: a
    // speech without one (UN General Debate) mentions other meetings,
    // chairs and dates that are not its own.
    let has_header =
        h.title.is_some() || h.date.is_some() || h.doc_type != crate::model::DocType::Other;
    if has_header {
        complete_from_body(&mut h, &paragraphs, scan.bare_date);
        if h.date.is_none() {
            // A closing date line (`Issued on 3 April 2030`, `16 JULY 2010`)
            // dates a statement whose header gives none.
            if let Some(m) = pass
                .dropped
                .iter()
                .rev()
                .filter(|(why, _)| *why == DropReason::SignOff)
                .find_map(|(_, text)| dates::find_date(text))
            {
                m.date_header(&mut h);
            }
        }
        if h.place.is_none() {
            // A closing `New York, 14 March 2031` under the signature
            // places a statement whose header names no place.
            h.place = pass
                .dropped
                .iter()
                .rev()
                .filter(|(why, _)| *why == DropReason::SignOff)
                .flat_map(|(_, text)| text.lines().rev())
                .find_map(|line| match header::classify(line, None) {
                    header::HeaderLine::PlaceDate(pd)
                        if h.date.is_none_or(|d| d == pd.date.date) =>
                    {
                        pd.place
                    }
                    _ => None,
                });
        }
    }
    h.place = h.place.map(header::city_of);
    Segmentation {
        segmented: Segmented {
            header: h,
            paragraphs,
        },
        body_start: scan.body_start,
        dropped: pass.dropped,
        headings: pass.opened,
    }
}

/// A page whose facts stand in a list of labels and values
/// ([`header::read_labelled`]): they seed the header, and the lines above
/// the list but the summary are blanked, so that the summary is the first
/// paragraph.
fn seed_from_labels(lines: &mut [&str], seed: &Seed) -> Option<Seed> {
    let page = header::read_labelled(lines)?;
    for (i, line) in lines.iter_mut().enumerate().take(page.end) {
        if !page.summary.contains(&i) {
            *line = "";
        }
    }
    Some(Seed {
        title: page.title.or_else(|| seed.title.clone()),
        published: page.date.or(seed.published),
        place: page.place.or_else(|| seed.place.clone()),
        kind: page.kind.or(seed.kind),
        headline: seed.headline.clone(),
    })
}

/// Fills the chair, the meeting date (when the header has none, or only a
/// publication date) and the place from the first paragraphs.
fn complete_from_body(
    h: &mut crate::model::MeetingHeader,
    paragraphs: &[Paragraph],
    bare_date: bool,
) {
    if h.chair.is_none() {
        h.chair = paragraphs
            .iter()
            .take(BODY_SCAN)
            .find_map(|p| header::chair_from(&p.text));
    }
    if h.date.is_none() || bare_date {
        let published = h.date;
        if let Some(m) = paragraphs
            .iter()
            .take(6)
            .find_map(|p| header::meeting_date_from(&p.text, published))
        {
            m.date_header(h);
        }
    }
    if h.place.is_none() && h.title.is_some() {
        // `PENANG: Defence ministers …` under a headline: where the story
        // was filed from.
        h.place = paragraphs
            .first()
            .and_then(|p| header::colon_dateline(&p.text));
    }
    if h.place.is_none() {
        h.place = paragraphs
            .iter()
            .take(6)
            .find_map(|p| header::place_from(&p.text, h.date));
    }
    // A news story names the meeting in its lede (`… the seventh
    // NSA-level meeting of the Colombo Security Conclave (CSC) …`); a
    // header that named it may still lack the acronym the lede gives.
    if let Some(m) = paragraphs
        .iter()
        .take(3)
        .find_map(|p| header::meeting_in_lede(&p.text))
    {
        match h.meeting.as_deref() {
            None => {
                h.meeting = m.meeting;
                h.acronym = h.acronym.take().or(m.acronym);
                h.edition = h.edition.or(m.edition);
            }
            Some(known) if m.meeting.as_deref().is_some_and(|n| known.contains(n)) => {
                h.acronym = h.acronym.take().or(m.acronym);
                h.edition = h.edition.or(m.edition);
            }
            // A headline's bare `… at fourth summit`: the lede names it
            // (`the fourth India-Central Asia Summit`).
            Some(known)
                if !known.contains(' ')
                    && m.meeting.as_deref().is_some_and(|n| {
                        n.len() > known.len() && n.to_lowercase().ends_with(&known.to_lowercase())
                    }) =>
            {
                h.meeting = m.meeting;
                h.acronym = h.acronym.take().or(m.acronym);
                h.edition = h.edition.or(m.edition);
            }
            Some(_) => {}
        }
    }
    if h.edition.is_none() {
        if let Some(meeting) = h.meeting.as_deref() {
            h.edition = paragraphs
                .iter()
                .take(3)
                .find_map(|p| header::edition_in(&p.text, meeting));
        }
    }
}

/// Blanks running headers in paginated text (PDF extractions), found
/// with page-number lines and form feeds as evidence (see `running`).
/// Runs before the header is read, so a running header is never taken for
/// the title.
fn drop_running_headers(lines: &mut [&str]) {
    let pages = running::count_pages(lines);
    if pages < 2 {
        return;
    }
    let running = RunningHeaders::find(lines.iter().map(|l| l.trim()), Evidence::Pages(pages));
    if running.is_empty() {
        return;
    }
    // The title at the top of the first page repeated as every page's
    // running head (`G20 Johannesburg Leaders' Declaration`) stays there:
    // it is the document's title, unless a title follows it (a running
    // head of its own above the first page's title).
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(2)
        .collect();
    let names_type = |i: usize| header::find_doc_type(lines[i].trim()).is_some();
    let title = match filled[..] {
        [first, second] if names_type(first) && !names_type(second) => Some(first),
        _ => None,
    };
    for (i, l) in lines.iter_mut().enumerate() {
        if running.contains(l.trim()) && Some(i) != title {
            *l = "";
        }
    }
}

/// What a block is to the labelling: a section heading, a line joined
/// into the heading after it, or body.
enum Role {
    Heading(String),
    JoinedIntoNext,
    Body,
}

/// The role of each block. A heading has body after it, and that body
/// does not continue a sentence (a lower-case start means the "heading"
/// is a fragment). Runs of heading-like lines never overwrite each other,
/// so no line is lost: two in a row are one heading (`Agenda Item 4:` /
/// `Strengthening Export Control`); in three or more, the first heads
/// the lines between, which are body (a list of past meetings), and the
/// last heads what follows.
fn heading_roles(blocks: &[Block]) -> Vec<Role> {
    let candidate: Vec<Option<String>> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let next = blocks.get(i + 1);
            let prev = i.checked_sub(1).map(|k| &blocks[k]);
            next.filter(|n| !starts_lower(&n.text))
                .and_then(|n| {
                    heading_text(b)
                        .or_else(|| heading_lead(b))
                        .or_else(|| heading_before_number(b, n))
                        .or_else(|| heading_between_paragraphs(prev?, b, n))
                })
                .filter(|h| stamp_line(h).is_none() && !crate::text::lexicon::is_invocation(h))
        })
        .collect();
    let mut roles: Vec<Role> = Vec::with_capacity(blocks.len());
    let mut i = 0;
    while i < blocks.len() {
        let run = candidate[i..].iter().take_while(|c| c.is_some()).count();
        let text = |k: usize| candidate[k].clone().unwrap_or_default();
        match run {
            0 => roles.push(Role::Body),
            1 => roles.push(Role::Heading(text(i))),
            2 => {
                let (a, b) = (text(i), text(i + 1));
                let sep = if a.ends_with([':', '.', '-', '–']) {
                    " "
                } else {
                    ": "
                };
                roles.push(Role::JoinedIntoNext);
                roles.push(Role::Heading(format!("{a}{sep}{b}")));
            }
            _ => {
                roles.push(Role::Heading(text(i)));
                roles.extend((2..run).map(|_| Role::Body));
                roles.push(Role::Heading(text(i + run - 1)));
            }
        }
        // A lead line (`Agenda Item 4:`) alone is body after all, but a
        // bold label (`Annex:`, `Reference documents:`) heads what follows.
        if run == 1 && is_lead_in(&blocks[i].text) {
            roles[i] = Role::Body;
        }
        i += run.max(1);
    }
    roles
}

/// What a page's stamp or a place-and-date line left under the header
/// is (`May 27, 2034 18:40 JST`, `Published: December 04, 2033 17:20`,
/// `Kingston, Jamaica, 24 July 2034`): no section of the text starts
/// there, and as a heading it stood over every paragraph after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum StampLine {
    Stamp,
    PlaceDate,
}

/// The stamp a line is, if any (one classification of the line).
fn stamp_line(h: &str) -> Option<StampLine> {
    use header::HeaderLine;
    match header::classify(h, None) {
        HeaderLine::Stamp => Some(StampLine::Stamp),
        // A place, not a past meeting in a list (`First Meeting (Tokyo)
        // November 13, 2003`).
        HeaderLine::PlaceDate(pd)
            if pd.place.as_deref().is_some_and(|p| {
                p.split_whitespace().count() <= 4
                    && !p
                        .split(|c: char| !c.is_alphabetic())
                        .any(|w| crate::text::lexicon::is_meeting_word(&w.to_lowercase()))
            }) =>
        {
            Some(StampLine::PlaceDate)
        }
        _ => None,
    }
}

/// A section heading in sentence case (`Reinforcing multilateral
/// responses to transatlantic and global challenges`), as web statements
/// write them in bold: short, unpunctuated, with words in lower case
/// (not a form's field names), and right above a numbered paragraph.
fn heading_before_number(b: &Block, next: &Block) -> Option<String> {
    // The cheap tests on the next block come first: this runs for every
    // block, and most blocks are long prose not followed by a number.
    let numbered = parse_marker(next.text.trim_start())
        .is_some_and(|m| !m.bare && !matches!(m.style, Style::Bullet(..)));
    // Fifteen words or more (a paragraph, not a heading): no copy made.
    if !numbered || b.lines > 2 || b.text.split_whitespace().nth(14).is_some() {
        return None;
    }
    let t = normalise_ws(b.text.trim());
    let words = t.split_whitespace().count();
    let ok = t.len() <= 120
        && (3..=14).contains(&words)
        && t.split_whitespace()
            .any(|w| w.len() >= 5 && w.chars().all(|c| c.is_lowercase()))
        && t.starts_with(char::is_uppercase)
        && !t.ends_with(['.', ';', ':', ',', '?', '!'])
        && parse_marker(&t).is_none();
    ok.then_some(t)
}

/// A short section heading in sentence case between two paragraphs of
/// unnumbered text (`Key outcomes`, `Way forward`, `Global economic
/// outlook`), as web pages write them: one line of two to six words
/// without punctuation, after a paragraph that ends its sentence and
/// over one of a dozen words at least.
fn heading_between_paragraphs(prev: &Block, b: &Block, next: &Block) -> Option<String> {
    if b.lines != 1 || b.text.len() > 60 {
        return None;
    }
    let t = b.text.trim();
    let words = t.split_whitespace().count();
    let plain = t
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'' || c == '’');
    let ok = (2..=6).contains(&words)
        && plain
        && t.starts_with(char::is_uppercase)
        && !crate::text::title::is_salutation(t)
        && !crate::text::title::ends_with_function_word(t)
        && !ends_with_auxiliary(t)
        && prev.text.trim_end().ends_with(['.', '"', '”', ')'])
        && next.text.starts_with(char::is_uppercase)
        && next.text.split_whitespace().nth(11).is_some();
    ok.then(|| t.to_string())
}

/// Whether a line stops on a verb that needs more (`We cannot`, `… was`):
/// a sentence broken off, no heading.
fn ends_with_auxiliary(t: &str) -> bool {
    let last = t.rsplit(' ').next().unwrap_or("").to_lowercase();
    [
        "is", "are", "was", "were", "be", "been", "being", "can", "cannot", "will", "shall",
        "must", "should", "would", "could", "may", "might", "has", "have", "had", "do", "does",
        "did", "not",
    ]
    .contains(&last.as_str())
}

/// A short label line that leads into a heading (`Agenda Item 4:`).
fn heading_lead(b: &Block) -> Option<String> {
    let t = b.text.trim();
    if b.lines != 1 || !t.ends_with(':') {
        return None;
    }
    let words = t.split_whitespace().count();
    ((1..=5).contains(&words) && is_title_like(t.trim_end_matches(':'))).then(|| t.to_string())
}

/// A line ending in a colon that leads into what follows and is a
/// paragraph of its own (`Participants included:`); a bold label of one
/// or two words (`**Annex:**`) heads what follows instead.
fn is_lead_in(text: &str) -> bool {
    match whole_bold(text) {
        Some(inner) => inner.ends_with(':') && inner.split_whitespace().count() > 2,
        None => text.trim_end().ends_with(':'),
    }
}

/// Whether a block is an unnumbered section heading: one short line in
/// title case or capitals without a sentence end (`Regional Issues`,
/// `OVERVIEW OF THE ARF PROCESS`, `[Opening remarks]`).
fn heading_text(b: &Block) -> Option<String> {
    if let Some(inner) = whole_bold(&b.text).filter(|_| b.lines == 1) {
        return bold_heading(inner);
    }
    if b.lines > 1 || b.text.len() > 100 {
        return None;
    }
    let t = b.text.trim().trim_matches('*').trim();
    let t = t
        .strip_prefix('#')
        .map(|r| r.trim_start_matches('#').trim())
        .unwrap_or(t);
    if let Some(inner) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        if !inner.is_empty() && inner.len() < 60 && !inner.chars().all(|c| c.is_ascii_digit()) {
            return Some(inner.trim().to_string());
        }
        return None;
    }
    if t.split_whitespace().count() > 12 || t.ends_with(':') {
        return None;
    }
    if let Some(m) = parse_marker(t) {
        // `1.0   INTRODUCTION` over `1.1`, `1.2`: a section's number
        // ending in `.0` and its name in capitals.
        let rest = t.get(m.text_start..).unwrap_or("").trim();
        let section = m.value.ends_with(".0")
            && crate::text::title::is_all_caps(rest)
            && rest.split_whitespace().count() <= 8;
        return section.then(|| rest.to_string());
    }
    // Quoted text and numbers are not headings ("\"The Security Council", "5,5").
    // `(Reference) Past meetings`: a bracketed tag before a title.
    let full = t;
    let t = match t.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((tag, rest)) if tag.len() <= 20 && rest.trim().len() > 3 => {
            let rest = rest.trim();
            let short = rest.split_whitespace().count() <= 6 && !rest.ends_with(['.', ';', ',']);
            return short.then(|| full.to_string());
        }
        _ => t,
    };
    if t.starts_with(['"', '“', '\'', '‘', '('])
        || t.contains(['"', '”'])
        || t.chars().filter(|c| c.is_alphabetic()).count() < 2
    {
        return None;
    }
    is_title_like(t).then(|| full.to_string())
}

/// A paragraph set wholly in bold is a heading when it is short: a
/// phrase (`Fighting the pandemic, and recovering together`), a sentence
/// of up to 15 words (`Build trust and resilience.`) or a one- or two-word label
/// (`Annex:`); a longer lead-in ending in a colon is a paragraph.
fn bold_heading(inner: &str) -> Option<String> {
    let words = inner.split_whitespace().count();
    let ok = match inner.chars().last() {
        Some(':') => words <= 2,
        Some('.' | '!' | '?' | ';' | ',') => words <= 15,
        _ => words <= 20,
    };
    (ok && inner.len() <= 200 && parse_marker(inner).is_none()).then(|| inner.to_string())
}

/// The heading text when a marked block is a section heading rather than
/// a paragraph: `II. Nuclear Weapons`, `A. Confidence Building Measures`,
/// `1. Outline of the seminar` — one short title-like line, with body text
/// (not a sibling heading) after it.
fn section_heading(b: &Block, m: &Marker, text: &str, next: Option<&Block>) -> Option<String> {
    if !matches!(
        m.style,
        Style::UpperRoman | Style::UpperAlpha | Style::Number | Style::NumberParen
    ) || b.lines > 1
    {
        return None;
    }
    let rest = text.get(m.text_start..)?.trim();
    if rest.is_empty()
        || rest.len() > 100
        || rest.split_whitespace().count() > 12
        || rest.ends_with(':')
    {
        return None;
    }
    // Numbered headings are often in sentence case ("Outline of the
    // seminar"): a capital start, a few words, no sentence end and no
    // trailing function word (which marks a wrapped line of prose).
    let capital = rest.chars().next().is_some_and(char::is_uppercase);
    let short_sentence_case = capital
        && rest.split_whitespace().count() <= 6
        && !rest.ends_with(['.', ',', ';', '!', '?'])
        && !ends_with_function_word(rest);
    if !is_title_like(rest) && !short_sentence_case {
        return None;
    }
    let next = next?;
    if parse_marker(&next.text).is_some_and(|n| n.style == m.style)
        || next.text.chars().next().is_some_and(char::is_lowercase)
    {
        return None;
    }
    Some(rest.to_string())
}

/// Splits `text` into pieces of at most `max` bytes, preferring sentence
/// ends (`. ` before a capital), then spaces, then any char boundary.
pub fn split_long(text: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > max {
        let mut limit = max;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &rest[..limit];
        let min = max / 4;
        let b = window.as_bytes();
        let mut cut = None;
        let mut i = window.len();
        while i > min {
            i -= 1;
            if matches!(b[i], b'.' | b'?' | b'!' | b';')
                && b.get(i + 1) == Some(&b' ')
                && rest
                    .as_bytes()
                    .get(i + 2)
                    .is_some_and(|c| c.is_ascii_uppercase() || *c == b'"')
            {
                cut = Some(i + 1);
                break;
            }
        }
        let mut from = min.min(window.len());
        while !window.is_char_boundary(from) {
            from += 1;
        }
        let cut = cut
            .or_else(|| window[from..].rfind(' ').map(|p| p + from))
            .filter(|&c| c > 0)
            .unwrap_or(limit.max(1));
        let mut cut = cut;
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        out.push(rest[..cut].trim());
        rest = rest[cut..].trim_start();
    }
    if !rest.trim().is_empty() {
        out.push(rest.trim());
    }
    out
}

/// Turns blocks into labelled paragraphs. Numbers under section headings
/// are prefixed with the section (`II.3`) only when the numbering restarts
/// in each section, which a first pass finds out.
fn paragraphs(blocks: &[Block]) -> Vec<Paragraph> {
    labelled(blocks, true)
}

/// The labelling pass that gives [`labelled`]'s paragraphs, with the
/// blocks it dropped.
fn labelling(blocks: &[Block], headings: bool) -> Labelling {
    let first = Labelling::run(blocks, Labeller::new(), headings);
    if first.lab.section_restarted() {
        return Labelling::run(blocks, Labeller::with_section_prefix(), headings);
    }
    first
}

/// [`paragraphs`], with `headings: false` for text known to have none
/// (a resolution's clauses: `Acting under Chapter VII of the Charter,`
/// looks like a title, and a short `1. Welcomes the report ...` like a
/// numbered heading).
fn labelled(blocks: &[Block], headings: bool) -> Vec<Paragraph> {
    labelling(blocks, headings).out
}

/// One labelling pass over a document's blocks.
struct Labelling {
    lab: Labeller,
    /// Whether blocks may be headings at all.
    headings: bool,
    /// Inside an annexed participant list, which runs to the next annex.
    skipping_annex: bool,
    /// The heading the next paragraphs are under.
    heading: Option<String>,
    /// After a contact-box label (`Division in Charge`): the next block is
    /// the contact, not content.
    in_contact_box: bool,
    out: Vec<Paragraph>,
    /// Index in `out` of the first piece of each label, for parents.
    text_of: HashMap<String, usize>,
    /// Under a `See also` label: short blocks are links to other pages.
    in_links: bool,
    /// Blocks dropped on purpose, with the reason (for the line audit).
    dropped: Vec<(DropReason, String)>,
    /// Every heading opened, in order (for the line audit).
    opened: Vec<String>,
    /// Whether a paragraph stands under the last heading opened.
    heading_used: bool,
}

impl Labelling {
    fn run(blocks: &[Block], lab: Labeller, headings: bool) -> Labelling {
        let mut pass = Labelling {
            headings,
            lab,
            skipping_annex: false,
            heading: None,
            in_contact_box: false,
            out: Vec::new(),
            text_of: HashMap::new(),
            in_links: false,
            dropped: Vec::new(),
            opened: Vec::new(),
            heading_used: true,
        };
        let roles = if headings {
            heading_roles(blocks)
        } else {
            blocks.iter().map(|_| Role::Body).collect()
        };
        let footer = signoff::footer_start(blocks).filter(|_| headings);
        let text_end = footer.unwrap_or(blocks.len());
        let signed = signoff::signature_start(&blocks[..text_end]).filter(|_| headings);
        for (i, b) in blocks.iter().enumerate() {
            if i >= text_end {
                pass.dropped.push((DropReason::Furniture, b.text.clone()));
                continue;
            }
            if let Some(s) = signed.filter(|&s| i >= s) {
                let why = match i == s {
                    true => DropReason::SignOff,
                    false => DropReason::Signature,
                };
                // A short line joined into the sign-off goes with it.
                if i == s && i > 0 && matches!(roles[i - 1], Role::JoinedIntoNext) {
                    pass.dropped
                        .push((DropReason::Trailing, blocks[i - 1].text.clone()));
                }
                pass.dropped.push((why, b.text.clone()));
                continue;
            }
            match &roles[i] {
                Role::Heading(h) => pass.open_heading(h.clone()),
                Role::JoinedIntoNext => {}
                Role::Body => pass.block(b, blocks.get(i + 1)),
            }
        }
        if !pass.heading_used {
            // Short lines closing the text with nothing under them: names
            // signing it without a sign-off line, an office's name.
            let h = pass.opened.pop().unwrap_or_default();
            pass.dropped.push((DropReason::Trailing, h));
        }
        pass
    }

    /// Takes one block: nothing (empty, a lone date, inside a participant
    /// list), a heading, or one or more paragraphs.
    fn block(&mut self, b: &Block, next: Option<&Block>) {
        let cleaned = clean_text(&b.text);
        let text: &str = cleaned.trim();
        let contact = std::mem::take(&mut self.in_contact_box);
        if text.is_empty() {
            return;
        }
        let why = if contact || boilerplate::is_contact_box(text) {
            Some(DropReason::ContactBox)
        } else if signoff::is_lone_date(text) {
            Some(DropReason::SignOff)
        } else if let Some(stamp) = (b.lines == 1
            && text.len() <= STAMP_LINE
            && !text.ends_with(':')
            && !text.starts_with('('))
        .then(|| stamp_line(text))
        .flatten()
        {
            // A page's stamp is furniture; a place and date right under
            // the header counts as a sign-off's: it dates and places a
            // header that gave none. Further down, a place and date is the
            // text's (a quotation's source).
            match stamp {
                StampLine::PlaceDate if self.out.is_empty() => Some(DropReason::SignOff),
                StampLine::PlaceDate => None,
                StampLine::Stamp => Some(DropReason::Furniture),
            }
        } else if self.skipping_annex {
            Some(DropReason::ParticipantList)
        } else if self.in_links && signoff::is_link_line(text) {
            Some(DropReason::Navigation)
        } else if signoff::is_link_label(text) {
            // A label over links, read as a paragraph: the links follow.
            self.in_links = true;
            Some(DropReason::Navigation)
        } else {
            None
        };
        self.in_links &= why.is_some();
        // A contact box's label alone (`Media enquiries`): its lines follow,
        // short ones each (a name, a title, a number) for as long as they go.
        if why == Some(DropReason::ContactBox)
            && (text.split_whitespace().count() <= 3 || contact && text.len() < CONTACT_LINE)
        {
            self.in_contact_box = true;
        }
        if let Some(why) = why {
            self.dropped.push((why, text.to_string()));
            return;
        }
        if let Some((assigned, body)) = self.assign(b, text, next) {
            match inline_items(body) {
                Some((lead, items)) => {
                    self.emit(assigned, lead);
                    for item in items {
                        self.item(item);
                    }
                }
                None => self.emit(assigned, body),
            }
        }
    }

    /// Participant lists in annexes are names, not content: a list heading
    /// starts skipping, the next annex (appendix, attachment) ends it.
    fn open_heading(&mut self, h: String) {
        self.in_links = signoff::is_link_label(&h);
        if boilerplate::is_contact_box(&h) || self.in_contact_box && h.len() < CONTACT_LINE {
            self.in_contact_box = true;
            self.dropped.push((DropReason::ContactBox, h));
            return;
        }
        if self.in_links {
            self.dropped.push((DropReason::Navigation, h));
            return;
        }
        self.opened.push(h.clone());
        self.heading_used = false;
        let lower = h.to_lowercase();
        let list = lower.contains("list of participants") || lower.contains("list of delegations");
        if list {
            self.skipping_annex = true;
        } else if PART_WORDS.iter().any(|w| lower.starts_with(w)) {
            self.skipping_annex = false;
        }
        if !self.skipping_annex || list {
            self.heading = Some(h);
        }
    }

    /// The label of a block and its text after the marker; `None` when the
    /// block opens a section or is a marker with no text.
    fn assign<'t>(
        &mut self,
        b: &Block,
        text: &'t str,
        next: Option<&Block>,
    ) -> Option<(Assigned, &'t str)> {
        let marker = parse_marker(text).filter(|m| !m.bare || self.lab.accepts_bare(m.number));
        let Some(mut m) = marker else {
            return Some((self.lab.plain(), text));
        };
        if let Style::Bullet(c, _) = m.style {
            m.style = Style::Bullet(c, (b.indent / 2).min(60) as u8);
        }
        self.lab.disambiguate(&mut m);
        if let Some(h) = section_heading(b, &m, text, next).filter(|_| self.headings) {
            self.lab.section(&m);
            self.opened.push(h.clone());
            self.heading_used = false;
            self.heading = Some(h);
            return None;
        }
        let rest = text[m.text_start..].trim();
        match merged_sub_item(&m, rest) {
            Some(mut inner) => {
                // `3. ... as follows:` then `4. (1) ...`: a list restart
                // of the web page numbered the first sub-item of 3.
                let restart = self.out.last().is_some_and(|p| {
                    p.text.ends_with(':') && m.number > 1 && p.label == (m.number - 1).to_string()
                });
                if !restart {
                    self.lab.marked(&m);
                }
                self.lab.disambiguate(&mut inner);
                let a = self.lab.marked(&inner);
                Some((a, rest[inner.text_start..].trim()))
            }
            None => {
                let a = self.lab.marked(&m);
                (!rest.is_empty()).then_some((a, rest))
            }
        }
    }

    /// Emits one item split out of a paragraph (`(1) seminars ...`).
    fn item(&mut self, text: &str) {
        let Some(mut m) = parse_marker(text).filter(|m| !m.bare) else {
            let a = self.lab.plain();
            return self.emit(a, text);
        };
        self.lab.disambiguate(&mut m);
        let a = self.lab.marked(&m);
        self.emit(a, text[m.text_start..].trim());
    }

    /// Emits the paragraph (pieces of at most [`MAX_PARAGRAPH`] bytes, the
    /// later ones labelled `~2`, `~3`).
    fn emit(&mut self, mut assigned: Assigned, body: &str) {
        // A parent that has no paragraph of its own (a marker alone on its
        // line, the `3.` of a merged `3. (1)`) is not named.
        if assigned
            .parent
            .as_ref()
            .is_some_and(|p| !self.text_of.contains_key(p))
        {
            assigned.parent = None;
        }
        let context = assigned
            .parent
            .as_ref()
            .and_then(|p| self.text_of.get(p))
            .map(|&idx| self.out[idx].text.clone());
        self.heading_used = true;
        let mut current = assigned.clone();
        for (k, piece) in split_long(body, MAX_PARAGRAPH).into_iter().enumerate() {
            if k > 0 {
                current = self.lab.continuation(&assigned);
            }
            let idx = self.out.len();
            if k == 0 {
                self.text_of.insert(current.label.clone(), idx);
            }
            self.out.push(Paragraph {
                label: current.label.clone(),
                ordinal: idx as u32,
                parent: current.parent.clone(),
                context: context.clone(),
                heading: self.heading.clone(),
                text: piece.to_string(),
            });
        }
    }
}

/// A block's text without footnote marks, and without Markdown bold left
/// in plain text (recent UNGD files) when the `**` marks pair up.
fn clean_text(text: &str) -> Cow<'_, str> {
    let cleaned = boilerplate::strip_footnote_markers(text);
    if cleaned.contains("**") && cleaned.matches("**").count().is_multiple_of(2) {
        Cow::Owned(cleaned.replace("**", ""))
    } else {
        cleaned
    }
}

/// `... as follows:- (1) seminars ...; (2) a register ...`: the lead-in
/// and the items written inline after it, when at least two numbered
/// `(1)`, `(2)`, … follow a colon in order.
fn inline_items(body: &str) -> Option<(&str, Vec<&str>)> {
    let colon = body.find([':'])?;
    let after = body[colon + 1..].trim_start_matches(['-', '–', ' ']);
    let first = body.len() - after.len();
    if !after.starts_with("(1) ") {
        return None;
    }
    let mut starts = vec![first];
    let mut n = 2;
    while let Some(i) = body[*starts.last()?..].find(&format!(" ({n}) ")) {
        starts.push(starts.last()? + i + 1);
        n += 1;
    }
    if starts.len() < 2 {
        return None;
    }
    let items = starts
        .iter()
        .enumerate()
        .map(|(k, &s)| body[s..starts.get(k + 1).copied().unwrap_or(body.len())].trim())
        .collect();
    Some((body[..colon + 1].trim(), items))
}

/// `4. (1) text`: a sub-item merged into its parent's marker, of another
/// style and with text of its own.
fn merged_sub_item(m: &Marker, rest: &str) -> Option<Marker> {
    parse_marker(rest).filter(|inner| {
        !inner.bare
            && !matches!(inner.style, Style::Bullet(..))
            && inner.style != m.style
            && !rest[inner.text_start..].trim().is_empty()
    })
}

/// The page's title printed again at the top of the text (a site's
/// `<title>` or a clipper's heading over the page's own headline, a PDF's
/// title over its first page): the line among the body's first ones whose
/// letters and digits are the title's, or the title's and a few words more
/// that end no sentence (`… Heads of State and Government on the Situation
/// in the Sudan`).
fn repeated_title(body: &[&str], title: &str) -> Option<usize> {
    let key = crate::text::title::letters_key;
    let title_key = key(title);
    if title_key.len() < 12 {
        return None;
    }
    (0..body.len())
        .filter(|&i| !body[i].trim().is_empty())
        .take(REPEATED_TITLE_LINES)
        .find(|&i| {
            let line = body[i].trim();
            let line_key = key(line);
            line_key == title_key
                || line_key.starts_with(&title_key)
                    && line.split_whitespace().count() <= 40
                    && !line.ends_with(['.', ';', ':'])
        })
}

/// Non-blank lines at the top of a body searched for the title again.
const REPEATED_TITLE_LINES: usize = 3;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod robust;
