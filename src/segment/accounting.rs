//! Where every line of a document went: into a paragraph record, into the
//! header, into a heading, or dropped for a named reason. No line of text
//! may vanish unaccounted (issue 12): each body line's text is looked for
//! in the records in order. [`account_resolution`] does this for Security
//! Council resolutions, whose layout `segment` reads with its own rules;
//! [`account_page`] for any other document (statements, summaries, web
//! pages), with the blocks the segmenter dropped on purpose and their
//! reasons.

use super::boilerplate::{is_boilerplate, is_page_number, un_page_furniture};
use super::header::{classify, read_resolution, HeaderLine};
use super::resolution::{annex_name, is_section_letter, is_symbol_line, scan_number};
use super::{reflow, segment_lines, split_lines, Seed};
use crate::model::{Paragraph, Segmented};
use crate::text::marker::{is_marker_only, parse_marker};
use crate::text::title::whole_bold;

/// Why a line of text is not part of any record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropReason {
    /// Above a resolution's title: a masthead (`Distr.: General`) or the
    /// end of the printed volume's previous page.
    BeforeTitle,
    /// The adoption line closing a resolution (read into the header: the
    /// meeting number and the vote).
    AdoptionLine,
    /// After the adoption line: footnotes, the volume's next decision.
    AfterAdoption,
    /// UN page furniture: job number, page number, running symbol.
    PageFurniture,
    /// A section letter (`A`, `B`) between parts of the operative text.
    SectionLetter,
    /// Site furniture: navigation, banners, separators, page numbers,
    /// stamps (`boilerplate`), running headers of paginated text, and
    /// whatever follows a story's end mark (`(END)`, `-- BERNAMA`).
    Furniture,
    /// A sign-off: a date alone, a `Signed at ... on <date>` line.
    SignOff,
    /// The signatories' names and titles after a sign-off.
    Signature,
    /// Short lines closing the text with nothing under them: names
    /// signing it without a sign-off line, an office's name.
    Trailing,
    /// Links to other pages listed under a `See also` label.
    Navigation,
    /// A press office's contact box.
    ContactBox,
    /// An annexed list of participants.
    ParticipantList,
}

/// What became of one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineFate {
    /// An empty line.
    Blank,
    /// Read into the header (title, date, `The Security Council,`).
    Header,
    /// A heading over the paragraphs that follow (an annex line).
    Heading,
    /// Text of the paragraph with this ordinal.
    Record(u32),
    /// Dropped, for this reason.
    Dropped(DropReason),
    /// Found nowhere: text lost, a bug.
    Lost,
}

/// The fate of each line of `text` when it is a resolution (`None`
/// otherwise), given the paragraphs `segment_text` made of it.
///
/// ```
/// use dipsearch::segment::{accounting::{account_resolution, LineFate}, segment_text};
/// let text = "Resolution 1 (2030)\nof 1 May 2030\n\nThe Security Council,\n\n1. Decides;\n\nAdopted unanimously at the 9th meeting.";
/// let fates = account_resolution(text, &segment_text(text).paragraphs).unwrap();
/// assert!(!fates.contains(&LineFate::Lost));
/// assert_eq!(fates[5], LineFate::Record(0));
/// ```
pub fn account_resolution(text: &str, paragraphs: &[Paragraph]) -> Option<Vec<LineFate>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let r = read_resolution(&lines)?;
    let records = Stream::new(paragraphs);
    let mut cursor = 0;
    let mut in_adoption = true;
    let fates = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let t = l.trim();
            if t.is_empty() {
                in_adoption &= i <= r.body_end;
                return LineFate::Blank;
            }
            if i < r.title_line {
                LineFate::Dropped(DropReason::BeforeTitle)
            } else if i < r.body_start {
                LineFate::Header
            } else if i >= r.body_end {
                LineFate::Dropped(match in_adoption {
                    true => DropReason::AdoptionLine,
                    false => DropReason::AfterAdoption,
                })
            } else if r.is_running_head(t) {
                LineFate::Dropped(DropReason::PageFurniture)
            } else {
                body_fate(t, &records, &mut cursor)
            }
        })
        .collect();
    Some(fates)
}

/// The segmented page and the fate of each of its lines, for any text
/// `segment_page` takes (a resolution is audited by
/// [`account_resolution`]). Lines are those of the text as given (for a
/// Markdown file, the decoded text: one line per paragraph).
///
/// ```
/// use dipsearch::segment::{accounting::{account_page, DropReason, LineFate}, Seed};
/// let text = "Joint Statement\nRome, 1 May 2030\n\n1. The sides agreed.\n\nBack to Index\n";
/// let (_, fates) = account_page(text, &Seed::default());
/// assert_eq!(fates[..4], [LineFate::Header, LineFate::Header, LineFate::Blank, LineFate::Record(0)]);
/// assert_eq!(fates[5], LineFate::Dropped(DropReason::Furniture));
/// ```
pub fn account_page(text: &str, seed: &Seed) -> (Segmented, Vec<LineFate>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = reflow::unflatten(text);
    let text = super::columns::split_masthead(&text);
    let original = split_lines(&text);
    let mut lines = original.clone();
    let s = segment_lines(&mut lines, seed);
    if read_resolution(&original).is_some() {
        let fates = account_resolution(&text, &s.segmented.paragraphs).unwrap_or_default();
        return (s.segmented, fates);
    }
    let mut records = Stream::new(&s.segmented.paragraphs);
    records.headings = s.headings.iter().map(|h| norm(h)).collect();
    let dropped = Dropped::new(&s.dropped);
    let mut cursor = 0;
    let fates = original
        .iter()
        .zip(&lines)
        .enumerate()
        .map(|(i, (raw, kept))| {
            let t = raw.trim();
            if t.is_empty() {
                LineFate::Blank
            } else if kept.trim().is_empty() {
                LineFate::Dropped(DropReason::Furniture) // a running header, or after an end mark
            } else if i < s.body_start {
                header_fate(t)
            } else {
                page_body_fate(t, &records, &dropped, &mut cursor)
            }
        })
        .collect();
    (s.segmented, fates)
}

/// A line above the body: read into the header, or page furniture the
/// header reader skipped (a banner, a stamp, navigation).
fn header_fate(t: &str) -> LineFate {
    match classify(t, None) {
        HeaderLine::Banner(_) | HeaderLine::Stamp | HeaderLine::Furniture { .. } => {
            LineFate::Dropped(DropReason::Furniture)
        }
        _ => LineFate::Header,
    }
}

/// The fate of a body line of a page: furniture, a record (from `cursor`
/// on), a heading, or a block the segmenter dropped for a reason.
fn page_body_fate(t: &str, records: &Stream, dropped: &Dropped, cursor: &mut usize) -> LineFate {
    if is_boilerplate(t) || un_page_furniture(t).is_some_and(|n| n >= t.len()) {
        return LineFate::Dropped(DropReason::Furniture);
    }
    if is_marker_only(t) {
        return LineFate::Record(records.ordinal.get(*cursor).copied().unwrap_or(0));
    }
    // A heading first: its words may also stand in the paragraph below.
    let n = norm(t);
    let bare = whole_bold(t).unwrap_or(t);
    let text = parse_marker(bare).map_or(n.clone(), |m| norm(&bare[m.text_start..]));
    if t.len() <= 300 && !text.is_empty() && records.headings.iter().any(|h| h.contains(&text)) {
        return LineFate::Heading;
    }
    if let Some((end, ordinal)) = records.find(t, *cursor) {
        *cursor = end;
        return LineFate::Record(ordinal);
    }
    // A paragraph line far past the last one found (a fragment of a long
    // line above moved the cursor less than the whole line would have).
    if let Some(at) = records
        .text
        .get(*cursor..)
        .and_then(|r| r.find(&text))
        .filter(|_| text.len() >= 24)
    {
        *cursor += at + text.len();
        return LineFate::Record(records.ordinal[*cursor - 1]);
    }
    match dropped.reason_of(&n) {
        Some(why) => LineFate::Dropped(why),
        None => LineFate::Lost,
    }
}

/// The blocks the segmenter dropped, normalised, with their reasons.
struct Dropped(Vec<(DropReason, String)>);

impl Dropped {
    fn new(blocks: &[(DropReason, String)]) -> Dropped {
        Dropped(blocks.iter().map(|(r, t)| (*r, norm(t))).collect())
    }

    /// The reason of the dropped block holding this (normalised) line.
    fn reason_of(&self, line: &str) -> Option<DropReason> {
        if line.is_empty() {
            return None;
        }
        self.0
            .iter()
            .find(|(_, t)| t.contains(line))
            .map(|(r, _)| *r)
    }
}

/// The fate of a body line: furniture, a section letter, an annex
/// heading, or the record its text is found in (from `cursor` on).
fn body_fate(t: &str, records: &Stream, cursor: &mut usize) -> LineFate {
    let rest = match un_page_furniture(t) {
        Some(n) if n >= t.len() => return LineFate::Dropped(DropReason::PageFurniture),
        Some(n) => &t[n..],
        None => t,
    };
    if is_symbol_line(rest) || is_page_number(rest) {
        return LineFate::Dropped(DropReason::PageFurniture);
    }
    // A marker alone on its line (`(ii)`) is part of the next record.
    if is_marker_only(rest) {
        return LineFate::Record(records.ordinal.get(*cursor).copied().unwrap_or(0));
    }
    if is_section_letter(rest) {
        return LineFate::Dropped(DropReason::SectionLetter);
    }
    if annex_name(rest).is_some() || records.headings.contains(&norm(rest)) {
        return LineFate::Heading;
    }
    match records.find(rest, *cursor) {
        Some((end, ordinal)) => {
            *cursor = end;
            LineFate::Record(ordinal)
        }
        None => LineFate::Lost,
    }
}

/// The records' text as one string of lower-case letters and digits, with
/// the ordinal of the record each byte comes from.
struct Stream {
    text: String,
    ordinal: Vec<u32>,
    /// The headings the paragraphs stand under, normalised.
    headings: Vec<String>,
}

impl Stream {
    fn new(paragraphs: &[Paragraph]) -> Stream {
        let mut s = Stream {
            text: String::new(),
            ordinal: Vec::new(),
            headings: Vec::new(),
        };
        for p in paragraphs {
            if let Some(h) = &p.heading {
                s.headings.push(norm(h));
            }
            for c in p.text.chars().flat_map(char::to_lowercase) {
                if c.is_alphanumeric() {
                    s.text.push(c);
                    s.ordinal
                        .extend(std::iter::repeat_n(p.ordinal, c.len_utf8()));
                }
            }
        }
        s
    }

    /// Where a line's text ends and which record holds it, from `from` on:
    /// the whole line, or without
    /// its marker (`1.`, `S.`) or a trailing footnote number, or (a word
    /// broken across lines, a footnote mark glued to a word) its longest
    /// word.
    fn find(&self, line: &str, from: usize) -> Option<(usize, u32)> {
        // Without the marker first: `(d) Any ...` must not match `... and
        // any ...` further on. A fragment (the text after a marker, the
        // longest word) must be long enough to say where it is.
        let mut candidates: Vec<(String, bool)> = Vec::new();
        if let Some(m) = parse_marker(line) {
            candidates.push((norm(&line[m.text_start..]), true));
        }
        if let Some(s) = scan_number(line) {
            candidates.push((norm(&line[s.text_start..]), true));
        }
        candidates.push((norm(line), false));
        let without_note = line.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        candidates.push((norm(without_note), false));
        let longest = line
            .split(|c: char| !c.is_alphanumeric())
            .max_by_key(|w| w.len())
            .map(norm)
            .unwrap_or_default();
        candidates.push((longest, true));
        // Lines come in order and only dropped lines stand between them,
        // so the next one is near the last (a common phrase cannot jump
        // far), and the earliest place any form of the line is found is
        // the one (`1949, 40` is `1949,` here, not `1949, 40 to` below).
        let near = floor_boundary(&self.text, from + NEAR + line.len() * 2);
        candidates
            .iter()
            .filter(|(c, fragment)| c.len() >= 6 || !fragment && !c.is_empty())
            .filter_map(|(c, _)| {
                let at = self.text[from..near].find(c.as_str())? + from;
                Some((at, at + c.len()))
            })
            .min()
            .map(|(at, end)| (end, self.ordinal[at]))
    }
}

/// How far past the last line found a part of a line is looked for, in
/// bytes of the normalised stream.
const NEAR: usize = 600;

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Lower-case letters and digits of a text, nothing else.
fn norm(t: &str) -> String {
    t.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}
