//! Running headers and footers: short lines that repeat down a paginated
//! text (`ARF Inter-Sessional Meeting Report`, `A/63/PV.5 3`).
//!
//! One detector: lines are compared by their shape (digits folded, so a
//! page number inside a running head does not hide the repeat), and a
//! candidate line whose shape repeats often enough is a running header,
//! unless it starts an item. Three things depend on the [`Evidence`] of
//! pagination, which the two callers have at different stages: which
//! lines are candidates, how many repeats are needed, and whether the item
//! test reads the line or its shape.
//!
//! * Before the header is read, page-number lines and form feeds count the
//!   pages ([`Evidence::Pages`]), so a running header is never taken for
//!   the title; the lines are blanked.
//! * While the body is unwrapped, text wrapped at a fixed width has lost
//!   its page numbers ([`Evidence::Wrapped`]); the lines are dropped so a
//!   paragraph broken by a page joins up again.
//!
//! The two rules are not merged further: every further merge changes the
//! paragraphs of 1 to 276 of the 12,000 reference documents.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::boilerplate::is_page_number;
use crate::text::line::ends_sentence;
use crate::text::marker::starts_item;

/// What shows that a text is paginated, which sets the rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// Pages counted by page-number lines and form feeds: a line of 3–100
    /// bytes repeated on half of the pages (at least twice).
    Pages(usize),
    /// Text wrapped at a fixed width, page numbers already gone: a line of
    /// at most 80 bytes that does not read like prose (no sentence end,
    /// trailing comma or lower-case start), repeated three times.
    Wrapped,
}

impl Evidence {
    /// Whether a (trimmed) line may be a running header at all. Depends
    /// only on the line's shape (digits can change, nothing else).
    fn candidate(self, t: &str) -> bool {
        match self {
            Evidence::Pages(_) => (3..=100).contains(&t.len()) && !is_page_number(t),
            Evidence::Wrapped => {
                t.len() <= 80
                    && !ends_sentence(t)
                    && !t.ends_with(',')
                    && !t.starts_with(char::is_lowercase)
            }
        }
    }

    /// How many lines of one shape make a running header.
    fn need(self) -> usize {
        match self {
            Evidence::Pages(pages) => (pages / 2).max(2),
            Evidence::Wrapped => 3,
        }
    }

    /// Whether a running-header candidate starts an item and so is kept.
    /// The wrapped pass reads the shape, where a number is no marker
    /// (`#. Calls upon all Governments`): numbered lines repeated word for
    /// word are dropped there, which reading the line would prevent.
    fn starts_item(self, line: &str, shape: &str) -> bool {
        match self {
            Evidence::Pages(_) => starts_item(line),
            Evidence::Wrapped => starts_item(shape),
        }
    }
}

/// The number of pages a text shows: lines with a form feed or holding a
/// page number, alone or at the end of a running head after a wide gap
/// (`ARF ISM on NPD          Page 2`, as flattened PDF text keeps it).
pub(crate) fn count_pages(lines: &[&str]) -> usize {
    lines
        .iter()
        .filter(|l| {
            l.contains('\u{c}') || is_page_number(l) || {
                // Cheap test first: this runs on every line of every text.
                let t = l.trim_end();
                t.ends_with(|c: char| c.is_ascii_digit())
                    && t.rsplit_once("   ")
                        .is_some_and(|(head, page)| !head.trim().is_empty() && is_page_number(page))
            }
        })
        .count()
}

/// The shapes repeated often enough in one text to be running headers.
#[derive(Debug)]
pub(crate) struct RunningHeaders {
    shapes: HashSet<String>,
    evidence: Evidence,
}

impl RunningHeaders {
    /// Finds the running headers among `lines` (trimmed as the caller
    /// compares them).
    pub(crate) fn find<'a>(
        lines: impl Iterator<Item = &'a str>,
        evidence: Evidence,
    ) -> RunningHeaders {
        let mut counts: HashMap<String, usize> = HashMap::default();
        for t in lines.filter(|t| evidence.candidate(t)) {
            *counts.entry(shape(t)).or_insert(0) += 1;
        }
        let need = evidence.need();
        counts.retain(|_, c| *c >= need);
        RunningHeaders {
            shapes: counts.into_keys().collect(),
            evidence,
        }
    }

    /// Whether there are none (the common case: no line is looked up).
    pub(crate) fn is_empty(&self) -> bool {
        self.shapes.is_empty()
    }

    /// Whether the (trimmed) line is one of the running headers.
    pub(crate) fn contains(&self, t: &str) -> bool {
        if self.shapes.is_empty() || !self.evidence.candidate(t) {
            return false;
        }
        let s = shape(t);
        self.shapes.contains(&s) && !self.evidence.starts_item(t, &s)
    }
}

/// A line with its digits folded, so `Page 3 of 12` and `Page 4 of 12`
/// have one shape.
fn shape(s: &str) -> String {
    // Byte by byte: an ASCII digit is never part of a longer character.
    let mut b = s.as_bytes().to_vec();
    for x in b.iter_mut().filter(|x| x.is_ascii_digit()) {
        *x = b'#';
    }
    String::from_utf8(b).unwrap_or_else(|_| s.to_string())
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_shapes_are_running_headers_but_items_are_not() {
        let lines = [
            "Report of the Meeting 1",
            "(a) Item",
            "Report of the Meeting 2",
            "(a) Item",
            "Report of the Meeting 3",
            "(a) Item",
        ];
        let r = RunningHeaders::find(lines.iter().copied(), Evidence::Pages(4));
        assert!(r.contains("Report of the Meeting 9"));
        assert!(!r.contains("(a) Item") && !r.contains("Report of the Meeting"));
        let r = RunningHeaders::find(lines.iter().copied(), Evidence::Wrapped);
        assert!(r.contains("Report of the Meeting 9") && !r.contains("(a) Item"));
    }

    #[test]
    fn a_page_number_at_the_end_of_a_running_head_counts_a_page() {
        let lines = [
            "ARF ISM on NPD 24                     Page 1",
            "1. The Meeting was held.",
            "ARF ISM on NPD 24                     Page 2",
            "Page 3",
            "It met on 3 May, page 4 of the report.",
            "Turn to    page 5",
        ];
        assert_eq!(count_pages(&lines), 4);
    }

    #[test]
    fn wrapped_text_needs_three_repeats_and_no_prose() {
        let lines = [
            "the end of a line",
            "the end of a line",
            "the end of a line",
        ];
        assert!(RunningHeaders::find(lines.iter().copied(), Evidence::Wrapped).is_empty());
        let lines = ["Annual Report", "Annual Report"];
        assert!(RunningHeaders::find(lines.iter().copied(), Evidence::Wrapped).is_empty());
        assert!(!RunningHeaders::find(lines.iter().copied(), Evidence::Pages(4)).is_empty());
    }
}
