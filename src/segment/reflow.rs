//! Text that a PDF copy flattened onto one line (`FINAL NINTH ... MEETING
//! ... DA NANG, VIET NAM, 18 - 19 MARCH 2031 CO-CHAIRS' SUMMARY REPORT
//! Introduction 1. The Ninth ... 2. Participants ...`) broken back into the
//! lines the header reader and the paragraph splitter expect: the header
//! block, the dateline and the type line, each numbered paragraph, and the
//! short headings between them.
//!
//! Only a document of at most a few lines, one of them long and holding
//! the numbers 1, 2, 3 … in sequence, is reflowed; every other text is
//! returned as it is.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;

use crate::segment::dates::find_date;
use crate::text::title::{is_all_caps, is_title_like};

/// A flattened line is at least this long.
const MIN_FLAT: usize = 500;

/// The text with a flattened line broken into lines, or the text itself.
pub fn unflatten(text: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() > 5 {
        return Cow::Borrowed(text);
    }
    let Some(long) = lines.iter().find(|l| l.len() >= MIN_FLAT) else {
        return Cow::Borrowed(text);
    };
    let starts = numbered_starts(long);
    if starts.len() < 3 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 64);
    for l in &lines {
        if std::ptr::eq(*l, *long) {
            reflow(long, &starts, &mut out);
        } else {
            out.push_str(l.trim());
            out.push_str("\n\n");
        }
    }
    Cow::Owned(out)
}

/// Byte offsets of the paragraph numbers `1.`, `2.`, … that follow each
/// other in order, each before a capital letter.
fn numbered_starts(line: &str) -> Vec<usize> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?:^|\s)(\d{1,3})\.\s+\p{Lu}").expect("paragraph number pattern compiles")
    });
    let mut next = 1u32;
    let mut out = Vec::new();
    for c in r.captures_iter(line) {
        let m = c.get(1).expect("group 1");
        if m.as_str().parse::<u32>().ok() == Some(next) {
            out.push(m.start());
            next += 1;
        }
    }
    out
}

/// Writes the header part and each numbered paragraph as its own block.
fn reflow(line: &str, starts: &[usize], out: &mut String) {
    let mut push = |s: &str| {
        let s = s.trim();
        if !s.is_empty() {
            out.push_str(s);
            out.push_str("\n\n");
        }
    };
    let (header, heading) = split_heading(&line[..starts[0]]);
    for part in header_lines(header) {
        push(part);
    }
    push(heading);
    for (i, &s) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(line.len());
        let (para, heading) = split_heading(&line[s..end]);
        push(para);
        push(heading);
    }
}

/// A segment and the short heading at its end, if any: the words after
/// its last sentence end (`... as ANNEX A. Welcome Remarks`), or the
/// non-capitals after a capitals header (`... REPORT Introduction`).
fn split_heading(seg: &str) -> (&str, &str) {
    let seg = seg.trim_end();
    let cut = seg
        .rfind(['.', '?', '!', ':', ';'])
        .map(|i| i + 1)
        .or_else(|| caps_end(seg));
    let Some(cut) = cut else { return (seg, "") };
    let tail = seg[cut..].trim();
    let words = tail.split_whitespace().count();
    if (1..=8).contains(&words) && is_title_like(tail) && !is_all_caps(tail) {
        (&seg[..cut], tail)
    } else {
        (seg, "")
    }
}

/// Where a run of words in capitals at the start of `seg` ends.
fn caps_end(seg: &str) -> Option<usize> {
    let mut end = None;
    let mut pos = 0;
    for w in seg.split_inclusive(' ') {
        let word = w.trim();
        if word.chars().any(char::is_lowercase) {
            break;
        }
        pos += w.len();
        end = Some(pos);
    }
    end
}

/// The header part as lines: the title before the date, the dateline, and
/// what follows it (the document type).
fn header_lines(header: &str) -> Vec<&str> {
    let Some(d) = find_date(header) else {
        return vec![header];
    };
    // The place before the date starts after the title's last word that
    // a comma does not follow: `... MARITIME SECURITY DA NANG, VIET NAM,`
    // keeps `DA NANG, VIET NAM,` with the date only when commas mark it.
    let before = &header[..d.start];
    let place_start = before.find(',').and_then(|c| place_start(&before[..c]));
    let (title, dateline_start) = match place_start {
        Some(p) => (&header[..p], p),
        None => (before, d.start),
    };
    vec![
        without_stamps(title),
        &header[dateline_start..d.end],
        &header[d.end..],
    ]
}

/// Where the place before a dateline's first comma starts in `head` (the
/// title and the city run together): the last word, and the word before
/// it when both are written alike (`DA NANG`, `Kuala Lumpur`) and that
/// word does not end a meeting's name (`... DISARMAMENT Vientiane`, `...
/// SECURITY HANOI`).
fn place_start(head: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = head
        .match_indices(' ')
        .map(|(i, _)| (i + 1, &head[i + 1..]))
        .collect();
    let Some(&(last_at, last)) = words.last() else {
        return Some(0);
    };
    let last = last.trim();
    let Some(&(prev_at, _)) = words.iter().rev().nth(1) else {
        return Some(last_at);
    };
    let prev = head[prev_at..last_at].trim();
    let caps = |w: &str| !w.chars().any(char::is_lowercase);
    let alike = caps(prev) == caps(last);
    let ends_name = TITLE_ENDS.contains(&prev.to_lowercase().as_str());
    Some(if alike && !ends_name {
        prev_at
    } else {
        last_at
    })
}

/// Last words of meeting names, never the first word of a city.
const TITLE_ENDS: &[&str] = &[
    "disarmament",
    "non-proliferation",
    "nonproliferation",
    "security",
    "cooperation",
    "co-operation",
    "terrorism",
    "crime",
    "relief",
    "meeting",
    "forum",
    "summit",
    "dialogue",
    "seminar",
    "workshop",
    "conference",
    "talks",
    "consultations",
    "session",
    "ministers",
    "ict",
    "icts",
    "response",
    "management",
];

/// The title without what stamps a copy rather than names the document:
/// `FINAL`, a page line (`Page 1 of 3`).
fn without_stamps(title: &str) -> &str {
    static PAGE: OnceLock<Regex> = OnceLock::new();
    let page = PAGE.get_or_init(|| {
        Regex::new(r"^(?i:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)\s+")
            .expect("page stamp pattern compiles")
    });
    let mut t = title.trim_start();
    loop {
        let before = t;
        t = t.strip_prefix("FINAL ").unwrap_or(t).trim_start();
        if let Some(m) = page.find(t) {
            t = &t[m.end()..];
        }
        if t == before {
            return t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_is_split_from_a_title_run_into_it() {
        // Invented headers in the shapes PDF copies flatten.
        let cases = [
            (
                "MEETING ON NON-PROLIFERATION AND DISARMAMENT Vientiane",
                "Vientiane",
            ),
            ("MEETING ON MARITIME SECURITY DA NANG", "DA NANG"),
            ("MEETING ON MARITIME SECURITY HANOI", "HANOI"),
            ("Seminar on Export Control Kuala Lumpur", "Kuala Lumpur"),
            ("Tokyo", "Tokyo"),
        ];
        for (head, place) in cases {
            let at = place_start(head).unwrap_or(usize::MAX);
            assert_eq!(head.get(at..), Some(place), "{head}");
        }
    }

    #[test]
    fn page_and_final_stamps_are_not_the_title() {
        assert_eq!(
            without_stamps("Page 1 of 3 CO-CHAIRS' REPORT"),
            "CO-CHAIRS' REPORT"
        );
        assert_eq!(without_stamps("FINAL Page 2 TITLE"), "TITLE");
        assert_eq!(without_stamps("Pages of History"), "Pages of History");
    }
}
