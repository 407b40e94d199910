//! Security Council resolutions: the header of a resolution and the
//! adoption line that closes it.
//!
//! A resolution opens with its title (`Resolution 678 (1990)`, `RESOLUTION
//! 866 (1993)`, `63 (1948). Resolution of 24 December 1948`), sometimes
//! under a masthead (`United Nations S/RES/1445 (2002)`, `Distr.: General`)
//! or under the end of the printed volume's previous page; then the date
//! (`of 29 November 1990`) or a modern adoption line (`Adopted by the
//! Security Council at its 4653rd meeting, on 4 December 2002`); then `The
//! Security Council,`, after which the body begins. Older resolutions close
//! with the adoption line (`Adopted at the 2963rd meeting by 12 votes to 2
//! ...`); what follows it (footnotes, the volume's next decision) is not
//! part of the resolution.
//!
//! The header gets type `resolution`, the symbol `S/RES/678 (1990)`, the
//! adoption date, the meeting number as edition and the vote as written.
//! The scanned texts carry OCR slips that are read through: `Apri]` for
//! April, `298Ist` for 2981st, `Adapted` for Adopted, `(197-4)` for 1974.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::{Date, DocType, MeetingHeader};
use crate::segment::dates::find_date;
use crate::text::lexicon::MONTHS;

/// Lines searched for the title.
const TITLE_SEARCH: usize = 80;
/// Lines after the title searched for `The Security Council`.
const COUNCIL_SEARCH: usize = 25;
/// Lines of an adoption paragraph read at most.
const ADOPTION_LINES: usize = 8;

/// What the reader found: the header and where the body lies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResolutionScan {
    /// Type, symbol, title, date, meeting number (edition) and vote.
    pub header: MeetingHeader,
    /// Index of the title line; the lines above it are not the resolution.
    pub title_line: usize,
    /// Index of the first body line (after `The Security Council,`).
    pub body_start: usize,
    /// Index one past the last body line: the closing adoption line, or
    /// the end of the text.
    pub body_end: usize,
}

impl ResolutionScan {
    /// Whether `line` is the running head a General Assembly or Council
    /// resolution's PDF prints on each page: its symbol opening the line
    /// (`A/RES/87/214   Nuclear disarmament verification`). A Security
    /// Council resolution's text cites its own symbol, so it has none.
    pub fn is_running_head(&self, line: &str) -> bool {
        self.header
            .symbol
            .as_deref()
            .is_some_and(|sym| !sym.starts_with("S/") && line.trim_start().starts_with(sym))
    }
}

/// The title line: resolution number and year, and the text after them.
#[derive(Debug)]
struct Title<'a> {
    line: usize,
    number: u32,
    year: Option<u16>,
    rest: &'a str,
}

/// A closing or opening adoption paragraph, read.
#[derive(Debug, Default)]
struct Adoption {
    meeting: Option<u32>,
    vote: Option<String>,
    date: Option<Date>,
}

struct Patterns {
    title: Regex,
    volume_title: Regex,
    masthead: Regex,
    council: Regex,
    adopted: Regex,
    meeting: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        // `Resolution 678 (1990)`, `Resolution 290`, `Resolution 361 (197-4)`.
        title: Regex::new(r"(?i)^resolution\s+(\d{1,4})\b\s*(?:\(([0-9 -]{4,7})\))?(.*)$")
            .expect("title pattern"),
        // `63 (1948). Resolution of 24 December 1948`.
        volume_title: Regex::new(r"(?i)^(\d{1,4})\s*\((\d{4})\)\.?\s*resolution\b(.*)$")
            .expect("volume title pattern"),
        masthead: Regex::new(r"S/RES/(\d{1,4})\s*\((\d{4})\)").expect("masthead pattern"),
        council: Regex::new(r"^(?:The\s+)?Security\s+Council\s*[,:;.]?$").expect("council"),
        adopted: Regex::new(r"^(?i:ad[ao]pted)\b").expect("adopted pattern"),
        // `2963rd meeting`, `298Ist meet- ing`, `2nd (closed) meeting`.
        meeting: Regex::new(
            r"\b([0-9IlOS]*[0-9][0-9IlOS]*)\s?(?:st|nd|rd|th|d)\s+(?:\([a-z]+\)\s+)?meet",
        )
        .expect("meeting pattern"),
    })
}

/// Reads a resolution's header, or `None` when the text is not a Security
/// Council resolution.
///
/// ```
/// use dipsearch::segment::header::read_resolution;
/// let lines = ["Resolution 678 (1990)", "of 29 November 1990", "", "The Security Council,",
///     "", "1. Demands;", "", "Adopted at the 2963rd meeting by", "12 votes to 2."];
/// let r = read_resolution(&lines).unwrap();
/// assert_eq!(r.header.symbol.as_deref(), Some("S/RES/678 (1990)"));
/// assert_eq!(r.header.date.unwrap().to_string(), "1990-11-29");
/// assert_eq!(r.header.edition, Some(2963));
/// assert_eq!(r.header.vote.as_deref(), Some("12 votes to 2"));
/// assert_eq!((r.body_start, r.body_end), (4, 7));
/// ```
pub(super) fn read_council_resolution(lines: &[&str]) -> Option<ResolutionScan> {
    let title = find_title(lines)?;
    let masthead = masthead(&lines[..title.line]);
    let near = lines.iter().skip(title.line).take(COUNCIL_SEARCH + 15);
    let council_named = near.clone().any(|l| l.contains("Security Council"));
    if !council_named && masthead.is_none() && title.year.is_none() {
        return None;
    }
    let council = (title.line + 1..lines.len().min(title.line + 1 + COUNCIL_SEARCH))
        .find(|&i| patterns().council.is_match(lines[i].trim()));
    let body_start = match council {
        Some(c) => c + 1,
        None => first_body_line(lines, title.line),
    };
    let top = read_top(lines, &title, body_start);
    let (body_end, closing) = match find_closing(lines, body_start) {
        Some((at, a)) => (at, a),
        None if council_named || masthead.is_some() => (lines.len(), Adoption::default()),
        None => return None,
    };
    let date = top
        .date
        .or(closing.date)
        .or_else(|| masthead.and_then(|m| m.1));
    // The symbol's year is the adoption year; a title year misread by OCR
    // (`434 (1973)` adopted in 1978) gives way to the date's.
    let year = date
        .map(|d| d.year)
        .or(title.year)
        .or(masthead.map(|m| m.0));
    let mut h = MeetingHeader {
        doc_type: DocType::Resolution,
        meeting: Some("United Nations Security Council".to_string()),
        acronym: Some("UNSC".to_string()),
        edition: top.meeting.or(closing.meeting),
        vote: top.vote.or(closing.vote),
        date,
        year,
        ..MeetingHeader::default()
    };
    if let Some(y) = year {
        h.title = Some(format!("Resolution {} ({y})", title.number));
        h.symbol = Some(format!("S/RES/{} ({y})", title.number));
    }
    Some(ResolutionScan {
        header: h,
        title_line: title.line,
        body_start,
        body_end,
    })
}

/// The first title line within the first lines.
fn find_title<'a>(lines: &[&'a str]) -> Option<Title<'a>> {
    let p = patterns();
    lines
        .iter()
        .take(TITLE_SEARCH)
        .enumerate()
        .find_map(|(i, l)| {
            let t = l.trim();
            if let Some(c) = p.title.captures(t) {
                let rest = c.get(3).map_or("", |m| m.as_str()).trim();
                // `Resolution 660 (1990) of 2 August 1990 ...` inside prose
                // is a reference; a title stands alone or with its date.
                // A title is capitalised (`resolution 253 (1968) of 29 May
                // 1968 regarding` is a wrapped line of prose), and its date,
                // if any, ends the line.
                let date_only = |d: &str| {
                    let words = d
                        .split_whitespace()
                        .filter(|w| w.chars().any(char::is_alphabetic));
                    words.count() <= 1 && read_date(d, None).is_some()
                };
                let dated = (rest.starts_with("of ") || rest.starts_with("OF "))
                    && rest.len() <= 30
                    && date_only(&rest[3..]);
                if !t.starts_with('R') || !(rest.is_empty() || dated) {
                    return None;
                }
                return Some(Title {
                    line: i,
                    number: c[1].parse().ok()?,
                    year: c.get(2).and_then(|y| year_of(y.as_str())),
                    rest,
                });
            }
            let c = p.volume_title.captures(t)?;
            Some(Title {
                line: i,
                number: c[1].parse().ok()?,
                year: year_of(&c[2]),
                rest: c.get(3).map_or("", |m| m.as_str()).trim(),
            })
        })
}

/// A year written with OCR noise (`197-4`).
fn year_of(s: &str) -> Option<u16> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// The year of a masthead symbol above the title and the lone date line
/// that a masthead carries (`S/RES/902 (1994)` / `11 March 1994`).
fn masthead(above: &[&str]) -> Option<(u16, Option<Date>)> {
    let at = above.iter().position(|l| patterns().masthead.is_match(l))?;
    let year = patterns().masthead.captures(above[at])?[2].parse().ok()?;
    let date = above[at..]
        .iter()
        .map(|l| l.trim())
        .filter(|l| l.len() < 30)
        .find_map(|l| find_date(l).map(|m| m.date));
    Some((year, date))
}

/// Where the body starts when no `The Security Council` line closes the
/// header: after the title and the date or adoption lines under it.
fn first_body_line(lines: &[&str], title: usize) -> usize {
    let mut i = title + 1;
    while let Some(l) = lines.get(i) {
        let t = l.trim();
        let header_like = t.is_empty()
            || t.starts_with("of ")
            || t.starts_with('[')
            || is_opening_adoption(t)
            || t.starts_with("on ") && find_date(t).is_some();
        if !header_like {
            break;
        }
        i += 1;
    }
    i
}

/// `Adopted by the Security Council at its 4653rd meeting,` (also
/// `Adopted by the Security at its ...`, `at _ its`).
fn is_opening_adoption(t: &str) -> bool {
    patterns().adopted.is_match(t) && t.to_lowercase().contains("by the security")
}

/// What the lines between the title and the body say: the date and, in
/// modern resolutions, the meeting.
fn read_top(lines: &[&str], title: &Title<'_>, body_start: usize) -> Adoption {
    let mut top = Adoption::default();
    let mut dated = title
        .rest
        .strip_prefix("of ")
        .map(|d| read_date(d, title.year));
    let mut i = title.line + 1;
    while i < body_start {
        let t = lines[i].trim();
        if is_opening_adoption(t) {
            let (text, next) = paragraph(lines, i);
            let a = read_adoption(&text);
            top.meeting = a.meeting;
            top.date = a.date;
            i = next;
            continue;
        }
        // `of 29 November 1990`, `ef 15 June 1965`, `on 6 October 1992`
        // under a blank line, a masthead's `11 November 1993`.
        if dated.flatten().is_none() && t.len() < 40 {
            dated = Some(read_date(t, title.year));
        }
        i += 1;
    }
    top.date = top.date.or(dated.flatten());
    top
}

/// The text of the paragraph starting at `start` (lines up to a blank
/// line, at most [`ADOPTION_LINES`]) and the index after it.
fn paragraph(lines: &[&str], start: usize) -> (String, usize) {
    let mut text = String::new();
    let mut i = start;
    while i < lines.len() && i < start + ADOPTION_LINES && !lines[i].trim().is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(lines[i].trim());
        i += 1;
    }
    (text, i)
}

/// The closing adoption line after the body, with what it says.
fn find_closing(lines: &[&str], body_start: usize) -> Option<(usize, Adoption)> {
    (body_start..lines.len()).find_map(|i| {
        let t = lines[i].trim();
        if !patterns().adopted.is_match(t) || is_opening_adoption(t) {
            return None;
        }
        let (text, _) = paragraph(lines, i);
        let lower = text.to_lowercase();
        let says = ["meeting", "vote", "unanimously", "consensus"];
        says.iter()
            .any(|w| lower.contains(w))
            .then(|| (i, read_adoption(&text)))
    })
}

/// Meeting number, vote and date of an adoption paragraph.
fn read_adoption(text: &str) -> Adoption {
    let meeting = patterns()
        .meeting
        .captures(text)
        .and_then(|c| ocr_number(&c[1]));
    let lower = text.to_lowercase();
    let vote = if lower.contains("unanimously") {
        Some("unanimously".to_string())
    } else if lower.contains("without a vote") || lower.contains("without vote") {
        Some("without a vote".to_string())
    } else if lower.contains("by consensus") {
        Some("by consensus".to_string())
    } else {
        lower.find(" by ").and_then(|at| {
            let rest = text[at + 4..].trim().trim_end_matches(['.', ' ']);
            let is_votes = rest.chars().next().is_some_and(|c| c.is_ascii_digit());
            is_votes.then(|| rest.to_string())
        })
    };
    let date = lower
        .find(" on ")
        .and_then(|at| read_date(&text[at..], None));
    Adoption {
        meeting,
        vote,
        date,
    }
}

/// A number with letters read for digits by OCR (`298I` → 2981).
fn ocr_number(s: &str) -> Option<u32> {
    let digits: String = s
        .chars()
        .map(|c| match c {
            'I' | 'l' => '1',
            'O' => '0',
            'S' => '5',
            c => c,
        })
        .collect();
    digits.parse().ok()
}

/// The date in a short date line, read through OCR slips in the month
/// (`Apri]`), the day (`3f July`) or the year (`£964`, when the title
/// gives the year).
fn read_date(t: &str, title_year: Option<u16>) -> Option<Date> {
    let fixed = repair_months(t);
    if let Some(m) = find_date(&fixed) {
        return Some(m.date);
    }
    let words: Vec<&str> = fixed.split_whitespace().collect();
    let month = words
        .iter()
        .position(|w| MONTHS.contains(&w.trim_matches(',')))?;
    let day: String = words
        .get(month.checked_sub(1)?)?
        .chars()
        .map(|c| match c {
            'l' | 'I' | 'i' | 'f' | 't' => '1',
            'O' | 'o' => '0',
            'S' => '5',
            c => c,
        })
        .collect();
    let year = words
        .get(month + 1)
        .and_then(|y| y.parse::<u16>().ok())
        .or(title_year)?;
    let m = MONTHS
        .iter()
        .position(|m| *m == words[month].trim_matches(','))? as u8
        + 1;
    Date::new(year, m, day.parse().ok()?)
}

/// A date line with month names mangled by OCR put right: a word of four
/// or more characters that differs from a month name in one place
/// (`Apri]`, `Octoher`).
fn repair_months(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let chars: Vec<char> = w.chars().collect();
            let fix = MONTHS.iter().find(|m| {
                let mc: Vec<char> = m.chars().collect();
                mc.len() == chars.len()
                    && chars.len() >= 4
                    && mc.iter().zip(&chars).filter(|(a, b)| a != b).count() == 1
            });
            fix.map_or(w, |m| m).to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Option<ResolutionScan> {
        let lines: Vec<&str> = text.lines().collect();
        super::super::read_resolution(&lines)
    }

    #[test]
    fn volume_title_and_closing_adoption_with_ocr_slips() {
        let r = scan("63 (1948). Resolution of 24 December 1948\n[S/1150]\n\nThe Security Council,\n\nNoting it,\n\n1. Calls;\n\nAdopted at the 392nd meeting by 7 votes to none,\nwith 4 abstentions.\n\n20 Footnote.").unwrap();
        assert_eq!(r.header.symbol.as_deref(), Some("S/RES/63 (1948)"));
        assert_eq!(r.header.date.unwrap().to_string(), "1948-12-24");
        assert_eq!(r.header.edition, Some(392));
        assert_eq!(
            r.header.vote.as_deref(),
            Some("7 votes to none, with 4 abstentions")
        );
        assert_eq!((r.body_start, r.body_end), (4, 9));
        let r = scan("Resolution 687 (1991)\nof 3 Apri] 1991\n\nThe Security Council,\n\n1. Decides;\n\nAdapted at the 298Ist meeting by 12\nvotes to 1.").unwrap();
        assert_eq!(r.header.date.unwrap().to_string(), "1991-04-03");
        assert_eq!(r.header.edition, Some(2981));
    }

    #[test]
    fn masthead_and_opening_adoption() {
        let r = scan("United Nations S/RES/1445 (2002)\n\nSecurity Council Distr.: General\n4 December 2002\n\nResolution 1445 (2002)\n\nAdopted by the Security Council at its 4653rd meeting,\non 4 December 2002\n\nThe Security Council,\n\nRecalling it,\n\n1. Welcomes.").unwrap();
        assert_eq!(r.title_line, 5);
        assert_eq!(r.header.edition, Some(4653));
        assert_eq!(r.header.date.unwrap().to_string(), "2002-12-04");
        assert_eq!((r.body_start, r.body_end), (11, 15));
        assert_eq!(r.header.vote, None);
    }

    #[test]
    fn other_documents_are_not_resolutions() {
        assert!(scan("Chairman's Statement\nTokyo, 1 May 2010\n\n1. Text.").is_none());
        assert!(
            scan("Resolution 660 (1990) and others were recalled.\nThe Security Council met.")
                .is_none()
        );
        // A speech citing a General Assembly resolution at the start of a line.
        let speech = "It is in accordance with UN resolutions that go back to 1947 and\nResolution 3236 of 1974 which reaffirmed the rights.\nThe Security Council must act.";
        assert!(scan(speech).is_none());
        let wrapped = "The Council adopted\nresolution 253 (1968) of 29 May 1968 regarding the\nSecurity Council's sanctions.";
        assert!(scan(wrapped).is_none());
    }
}
