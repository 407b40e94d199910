//! The labels built from paragraph markers (`1.`, `(a)`, `ii)`, `13.5.4`,
//! `•`; parsed in [`crate::text::marker`]).
//!
//! A marker has a *style* (how it is written) and a *value*. The labeller
//! keeps a stack of open styles: a marker whose style is already open closes
//! everything below it and becomes a sibling; a new style opens a deeper
//! level. Labels are made from the document's own numbering:
//!
//! | written | label |
//! |---|---|
//! | `4.` `4)` `4 ` | `4` |
//! | `(d)` `d)` `d.` under 4 | `4(d)` |
//! | `(ii)` `ii.` under 4(d) | `4(d)(ii)` |
//! | `(1)` under 2 | `2(1)` |
//! | `13.5.4` | `13.5.4` |
//! | `II.` then `3.` | `II`, `II.3` |
//! | `A.` then `1.` | `A`, `A.1` |
//! | bullet under 4 / under p3 / with no parent | `4-1` / `p3-2` / `b1` |
//!
//! Collisions (a list restarting at `1.`, a block split for length) get a
//! `~2`, `~3`, … suffix in document order, so labels stay unique.

pub use crate::text::marker::{parse_marker, Marker, Style};
pub use crate::text::roman::roman_value;

/// One open level of the numbering stack.
#[derive(Clone, Debug)]
struct Level {
    style: Style,
    /// Label of the paragraph at this level (unique).
    label: String,
    /// The marker's own value (`3`, `3.2`), for outline prefixes.
    value: String,
    /// Number of the marker (for sequence checks).
    number: u32,
    /// Bullets seen directly under this level.
    bullets: u32,
    /// A section heading (`II. Nuclear Weapons`): survives unnumbered
    /// paragraphs and prefixes the numbers below it (`II.3`).
    section: bool,
    /// An unnumbered paragraph (only bullets nest under it).
    plain: bool,
}

impl Level {
    /// The level opened by a numbered marker.
    fn numbered(m: &Marker, label: String, section: bool) -> Level {
        Level {
            style: m.style,
            label,
            value: m.value.clone(),
            number: m.number,
            bullets: 0,
            section,
            plain: false,
        }
    }
}

/// What the labeller decided for one block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assigned {
    /// The unique label.
    pub label: String,
    /// The parent's label, for sub-paragraphs.
    pub parent: Option<String>,
}

/// Builds unique labels from a document's markers, in document order.
#[derive(Debug, Default)]
pub struct Labeller {
    stack: Vec<Level>,
    used: std::collections::HashSet<String>,
    plain: u32,
    orphan_bullets: u32,
    /// Prefix numbers under a section with its label (`II.3`); set when a
    /// first pass found numbering that restarts in each section.
    prefix_sections: bool,
    /// A number under a section collided with an earlier one.
    section_restart: bool,
}

impl Labeller {
    /// A fresh labeller for one document.
    pub fn new() -> Labeller {
        Labeller::default()
    }

    /// A labeller that prefixes numbers under sections (`II.3`), for
    /// documents whose numbering restarts in each section.
    pub fn with_section_prefix() -> Labeller {
        Labeller {
            prefix_sections: true,
            ..Labeller::default()
        }
    }

    /// Whether numbering restarted under a section (a second pass with
    /// [`Labeller::with_section_prefix`] gives cleaner labels).
    pub fn section_restarted(&self) -> bool {
        self.section_restart
    }

    /// Whether a bare number (`3 Text`) continues the top-level sequence,
    /// the only case where it is trusted as a marker.
    pub fn accepts_bare(&self, n: u32) -> bool {
        match self.stack.iter().rev().find(|l| l.style == Style::Number) {
            Some(l) => n == l.number + 1,
            None => n == 1,
        }
    }

    /// Re-reads an ambiguous roman marker as a letter when it continues an
    /// open letter list: `(h)` followed by `(i)` is the letter i.
    pub fn disambiguate(&self, m: &mut Marker) {
        let (alpha, is_lower) = match m.style {
            Style::LowerRoman => (Style::LowerAlpha, true),
            Style::UpperRoman => (Style::UpperAlpha, false),
            _ => return,
        };
        if m.value.len() != 1 {
            return;
        }
        let letter_n = if is_lower {
            (m.value.as_bytes()[0] - b'a') as u32 + 1
        } else {
            (m.value.as_bytes()[0] - b'A') as u32 + 1
        };
        let open_alpha = self.stack.iter().rev().find(|l| l.style == alpha);
        let open_roman = self.stack.iter().rev().find(|l| l.style == m.style);
        match (open_alpha, open_roman) {
            (Some(a), _) if a.number + 1 == letter_n => {
                m.style = alpha;
                m.number = letter_n;
            }
            // "(c)" or "(l)" starting a list is far more likely a letter
            (None, None) if m.number > 1 && letter_n <= 3 => {
                m.style = alpha;
                m.number = letter_n;
            }
            _ => {}
        }
    }

    fn unique(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        let mut k = 2;
        loop {
            let cand = format!("{base}~{k}");
            if self.used.insert(cand.clone()) {
                return cand;
            }
            k += 1;
        }
    }

    /// Closes every level above the innermost section.
    fn close_to_section(&mut self) {
        while self.stack.last().is_some_and(|l| !l.section) {
            self.stack.pop();
        }
    }

    /// Label for an unnumbered block: `p1`, `p2`, … Bullets after it hang
    /// under it; the numbered levels stay open beneath it, so `(b)` after
    /// `(a)` and an unnumbered note still continues the same list.
    pub fn plain(&mut self) -> Assigned {
        self.plain += 1;
        let label = self.unique(format!("p{}", self.plain));
        if let Some(pos) = self.stack.iter().rposition(|l| l.plain) {
            self.stack.truncate(pos);
        }
        self.stack.push(Level {
            style: Style::Bullet('\0', 0),
            label: label.clone(),
            value: String::new(),
            number: 0,
            bullets: 0,
            section: false,
            plain: true,
        });
        Assigned {
            label,
            parent: None,
        }
    }

    /// Opens a section for a marked heading (`II. Nuclear Weapons`,
    /// `1. Outline of the seminar`): no paragraph, but numbers below it
    /// are prefixed with its label. Returns the section label.
    pub fn section(&mut self, m: &Marker) -> String {
        match self.stack.iter().position(|l| l.style == m.style) {
            Some(pos) => self.stack.truncate(pos),
            None => self.close_to_section(),
        }
        let parent = self.stack.last().map(|l| l.label.clone());
        let base = match parent {
            Some(p) => format!("{p}.{}", m.value),
            None => m.value.clone(),
        };
        let label = self.unique(base);
        self.stack.push(Level::numbered(m, label.clone(), true));
        label
    }

    /// Label for a continuation chunk of the previous block (a block split
    /// for length): the previous label with a `~N` suffix, same parent.
    pub fn continuation(&mut self, prev: &Assigned) -> Assigned {
        let label = self.unique(prev.label.clone());
        Assigned {
            label,
            parent: prev.parent.clone(),
        }
    }

    /// Label for a marked block.
    pub fn marked(&mut self, m: &Marker) -> Assigned {
        let bullet = matches!(m.style, Style::Bullet(..));
        if !bullet {
            // Only bullets nest under unnumbered text.
            if let Some(pos) = self.stack.iter().rposition(|l| l.plain) {
                self.stack.truncate(pos);
            }
        }
        // Close down to a sibling of the same style, if one is open.
        if let Some(pos) = self.stack.iter().rposition(|l| l.style == m.style) {
            self.stack.truncate(pos);
        } else if m.style == Style::Number {
            // A plain number never nests inside an outline number (13.6).
            if let Some(pos) = self
                .stack
                .iter()
                .position(|l| matches!(l.style, Style::Decimal(_)))
            {
                self.stack.truncate(pos);
            }
        }
        if let Style::Decimal(depth) = m.style {
            // Outline numbers carry their own path: close deeper outline
            // levels, then anything that is not a prefix of this number
            // (`13.5.4` hangs under `13.5`, which hangs under `13`).
            if let Some(pos) = self
                .stack
                .iter()
                .position(|l| matches!(l.style, Style::Decimal(d) if d >= depth))
            {
                self.stack.truncate(pos);
            }
            while let Some(top) = self.stack.last() {
                if top.section || m.value.starts_with(&format!("{}.", top.value)) {
                    break;
                }
                self.stack.pop();
            }
        }
        let parent_level = self.stack.last();
        let parent = parent_level.map(|l| l.label.clone());
        let parent_is_section = parent_level.is_some_and(|l| l.section);
        let base = match (&m.style, &parent) {
            (Style::Bullet(..), Some(p)) => {
                let n = self.stack.last().map(|l| l.bullets + 1).unwrap_or(1);
                if let Some(l) = self.stack.last_mut() {
                    l.bullets = n;
                }
                format!("{p}-{n}")
            }
            (Style::Bullet(..), None) => {
                self.orphan_bullets += 1;
                format!("b{}", self.orphan_bullets)
            }
            (Style::Decimal(_), _) => m.value.clone(),
            (
                Style::Number | Style::NumberParen | Style::UpperRoman | Style::UpperAlpha,
                Some(p),
            ) if parent_is_section && self.prefix_sections => {
                format!("{p}.{}", m.value)
            }
            (
                Style::Number | Style::NumberParen | Style::UpperRoman | Style::UpperAlpha,
                Some(_),
            ) if parent_is_section => m.value.clone(),
            (Style::Number | Style::UpperRoman | Style::UpperAlpha, Some(p)) => {
                format!("{p}.{}", m.value)
            }
            (
                Style::Number
                | Style::NumberParen
                | Style::ParenNumber
                | Style::UpperRoman
                | Style::UpperAlpha,
                None,
            ) => m.value.clone(),
            (_, Some(p)) => format!("{p}({})", m.value),
            (_, None) => format!("({})", m.value),
        };
        if parent_is_section && self.used.contains(&base) {
            self.section_restart = true;
        }
        let label = self.unique(base);
        let parent = if parent_is_section {
            None // a section heading is not a paragraph
        } else if matches!(m.style, Style::Decimal(_)) {
            // An outline number's parent is the outline prefix, if open.
            self.stack
                .last()
                .filter(|l| m.value.starts_with(&format!("{}.", l.value)))
                .map(|l| l.label.clone())
        } else {
            parent
        };
        self.stack.push(Level::numbered(m, label.clone(), false));
        Assigned { label, parent }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(lines: &[&str]) -> Vec<(String, Option<String>)> {
        let mut l = Labeller::new();
        lines
            .iter()
            .map(|s| {
                let a = match parse_marker(s) {
                    Some(mut m) => {
                        l.disambiguate(&mut m);
                        l.marked(&m)
                    }
                    None => l.plain(),
                };
                (a.label, a.parent)
            })
            .collect()
    }

    /// `model::label` tells our counts from the document's numbering by
    /// the shape of the label: every label made here agrees with it.
    #[test]
    fn own_labels_are_recognised_as_ours() {
        use crate::model::label::is_own;
        let got: Vec<(String, bool)> = labels(&[
            "1. x", "(a) x", "- x", "(b) x", "2. x", "note", "- x", "3. x", "(1) x", "1. x",
            "13.5 X", "13.5.4 x",
        ])
        .into_iter()
        .chain(labels(&["- x", "1. x"]))
        .map(|(label, _)| {
            let own = is_own(&label);
            (label, own)
        })
        .collect();
        let want = [
            ("1", false),
            ("1(a)", false),
            ("1(a)-1", true),
            ("1(b)", false),
            ("2", false),
            ("p1", true),
            ("p1-1", true),
            ("3", false),
            ("3(1)", false),
            ("1~2", true),
            ("13.5", false),
            ("13.5.4", false),
            ("b1", true),
            ("b1.1", true),
        ];
        let want: Vec<(String, bool)> = want.iter().map(|(l, o)| (l.to_string(), *o)).collect();
        assert_eq!(got, want);
        let mut l = Labeller::new();
        let first = l.plain();
        let split = l.continuation(&first);
        assert_eq!(split.label, "p1~2");
        assert!(is_own(&split.label));
    }

    #[test]
    fn unnumbered_text_inside_a_list_keeps_the_list_open() {
        let got: Vec<String> = labels(&[
            "4. x", "(a) x", "note", "- x", "(b) x", "5. x", "note", "note",
        ])
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(got, ["4", "4(a)", "p1", "p1-1", "4(b)", "5", "p2", "p3"]);
    }

    #[test]
    fn nested_labels_follow_the_stack() {
        let got = labels(&[
            "1. x", "2. x", "(a) x", "(b) x", "(i) x", "(ii) x", "(c) x", "3. x", "(1) x", "- x",
            "- x", "4. x",
        ]);
        let want = [
            ("1", None),
            ("2", None),
            ("2(a)", Some("2")),
            ("2(b)", Some("2")),
            ("2(b)(i)", Some("2(b)")),
            ("2(b)(ii)", Some("2(b)")),
            ("2(c)", Some("2")),
            ("3", None),
            ("3(1)", Some("3")),
            ("3(1)-1", Some("3(1)")),
            ("3(1)-2", Some("3(1)")),
            ("4", None),
        ];
        let want: Vec<(String, Option<String>)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.map(str::to_string)))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn letter_i_continues_a_letter_list() {
        let lines: Vec<String> = "abcdefghij".chars().map(|c| format!("({c}) x")).collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let got: Vec<String> = labels(&refs).into_iter().map(|x| x.0).collect();
        assert_eq!(
            got,
            ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)"]
        );
    }

    #[test]
    fn roman_and_decimal_and_restarts() {
        let got: Vec<String> = labels(&[
            "I. x", "1. x", "2. x", "II. x", "1. x", "13.5 X", "13.5.4 X", "13.6 X", "x", "- x",
            "* x", "- x", "1. x",
        ])
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(
            got,
            [
                "I", "I.1", "I.2", "II", "II.1", "13.5", "13.5.4", "13.6", "p1", "p1-1", "p1-1-1",
                "p1-2", "1"
            ]
        );
        let got: Vec<String> = labels(&["1. x", "2. x", "1. x", "(a) x", "- x"])
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(got, ["1", "2", "1~2", "1~2(a)", "1~2(a)-1"]);
        let got: Vec<String> = labels(&["- x", "- x"]).into_iter().map(|x| x.0).collect();
        assert_eq!(got, ["b1", "b2"]);
    }
}
