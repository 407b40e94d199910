//! Paragraph markers (`1.`, `(a)`, `ii)`, `13.5.4`, `•`) and the labels built
//! from them.
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

/// How a marker is written. Two markers of the same style are siblings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `1.` `1` (arabic numbers).
    Number,
    /// `1)` (arabic numbers with a closing parenthesis, METI outlines).
    NumberParen,
    /// `13.5` `13.5.4` (decimal outline numbers, depth = dots + 1).
    Decimal(u8),
    /// `(1)` `(2)`.
    ParenNumber,
    /// `(a)` `a)` `a.` lower-case letters.
    LowerAlpha,
    /// `A.` `(A)` `A)` upper-case letters.
    UpperAlpha,
    /// `(iv)` `iv)` `iv.` `[iv]` lower-case roman numerals.
    LowerRoman,
    /// `IV.` `(IV)` upper-case roman numerals.
    UpperRoman,
    /// `-` `•` `*` and similar bullets; the char and the indentation (in
    /// steps of two columns) tell nested lists apart.
    Bullet(char, u8),
}

/// One parsed marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// Style (decides nesting).
    pub style: Style,
    /// Label fragment: `4`, `d`, `ii`, `13.5.4`, `II`; empty for bullets.
    pub value: String,
    /// Numeric value for sequence checks (letters: a=1; roman: iv=4).
    pub number: u32,
    /// Byte offset in the line where the text after the marker starts.
    pub text_start: usize,
    /// Whether the marker was written without punctuation (`1 Text`),
    /// which is only trusted when it continues a sequence.
    pub bare: bool,
}

const BULLETS: &[char] = &[
    '-', '•', '*', '·', '–', '○', '■', '▪', '◦', '●', '・', '→', '►',
];

/// Value of a roman numeral (either case), `None` if not a valid one.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 7 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    // Reject non-canonical spellings such as "iiii" or "vx".
    (to_roman(total).eq_ignore_ascii_case(s)).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const T: &[(u32, &str)] = &[
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for &(v, s) in T {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Skips spaces and tabs from byte `i`; returns the new offset.
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

/// Parses the marker at the start of `line` (already left-trimmed).
///
/// Returns `None` for ordinary text. A marker must be followed by
/// whitespace (or end the line), so `1.5 million` and `(a)n` are text.
/// Letters and roman numerals are ambiguous for `i`, `v`, `x`, `c`, `l`;
/// they are returned as roman here and [`Labeller`] re-reads them as
/// letters when they continue a letter list (`(h)` then `(i)`).
pub fn parse_marker(line: &str) -> Option<Marker> {
    let b = line.as_bytes();
    let first = line.chars().next()?;
    // Bullets.
    if BULLETS.contains(&first) {
        let after = first.len_utf8();
        // "--" or "**bold**" are not bullets; a bullet needs a space after.
        let rest = &line[after..];
        if rest.starts_with(' ') || rest.starts_with('\t') {
            let ts = skip_ws(b, after);
            if ts < b.len() {
                return Some(Marker {
                    style: Style::Bullet(if first == '–' { '-' } else { first }, 0),
                    value: String::new(),
                    number: 0,
                    text_start: ts,
                    bare: false,
                });
            }
        }
        return None;
    }
    // Bracketed / parenthesised: (a) (1) (iv) (A) [iv]
    if first == '(' || first == '[' {
        let close = if first == '(' { b')' } else { b']' };
        let end = b.iter().take(8).position(|&c| c == close)?;
        let inner = &line[1..end];
        let ts = skip_ws(b, end + 1);
        if ts == end + 1 && ts < b.len() {
            return None; // "(a)n" or "(1)text"
        }
        let m = classify(inner, first == '[')?;
        if first == '[' && m.0 != Style::LowerRoman {
            return None; // "[Title]", "[1]" footnotes are not markers
        }
        let (style, value, number) = match m.0 {
            Style::Number => (Style::ParenNumber, m.1, m.2),
            s => (s, m.1, m.2),
        };
        return Some(Marker {
            style,
            value,
            number,
            text_start: ts,
            bare: false,
        });
    }
    // Token then '.' or ')' or whitespace: 1. 1) a) i. IV. A. 13.5.4
    let tok_end = b
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'.'))
        .unwrap_or(b.len());
    let tok = &line[..tok_end];
    if tok.is_empty() {
        return None;
    }
    let after = &line[tok_end..];
    let ws_after = |i: usize| i >= b.len() || b[i] == b' ' || b[i] == b'\t';
    if after.starts_with(')') {
        if !ws_after(tok_end + 1) {
            return None;
        }
        let (style, value, number) = classify(tok, false)?;
        let style = if style == Style::Number {
            Style::NumberParen
        } else {
            style
        };
        return Some(Marker {
            style,
            value,
            number,
            text_start: skip_ws(b, tok_end + 1),
            bare: false,
        });
    }
    if !ws_after(tok_end) {
        return None;
    }
    // Decimal outline numbers: "13.5.4" or "13.5.4." or "2.1"
    let core = tok.strip_suffix('.');
    let dotted = core.unwrap_or(tok);
    if dotted.contains('.') {
        let parts: Vec<&str> = dotted.split('.').collect();
        if parts.len() <= 6
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|c| c.is_ascii_digit()))
        {
            let ts = skip_ws(b, tok_end);
            let next = line[ts..].chars().next();
            if !next.is_none_or(|c| c.is_uppercase() || matches!(c, '(' | '"' | '“' | '[')) {
                return None; // "1.5 million"
            }
            let first_n: u32 = parts[0].parse().ok()?;
            return Some(Marker {
                style: Style::Decimal(parts.len() as u8),
                value: dotted.to_string(),
                number: first_n,
                text_start: skip_ws(b, tok_end),
                bare: false,
            });
        }
        return None;
    }
    match core {
        Some(c) => {
            let (style, value, number) = classify(c, false)?;
            Some(Marker {
                style,
                value,
                number,
                text_start: skip_ws(b, tok_end),
                bare: false,
            })
        }
        None => {
            // Bare number "1 Ministry of ..." (MOFA 2017); only numbers.
            if tok.len() <= 3 && tok.bytes().all(|c| c.is_ascii_digit()) {
                let n: u32 = tok.parse().ok()?;
                let ts = skip_ws(b, tok_end);
                // Need a capitalised word after, not "12 Asian nations" mid-text
                // (the labeller also requires sequence continuity).
                let next = line[ts..].chars().next()?;
                if next.is_uppercase() && n > 0 {
                    return Some(Marker {
                        style: Style::Number,
                        value: tok.to_string(),
                        number: n,
                        text_start: ts,
                        bare: true,
                    });
                }
            }
            None
        }
    }
}

/// Classifies a marker token without its punctuation.
fn classify(tok: &str, bracket: bool) -> Option<(Style, String, u32)> {
    if tok.is_empty() || tok.len() > 6 {
        return None;
    }
    if tok.bytes().all(|c| c.is_ascii_digit()) {
        if tok.len() > 3 {
            return None; // years such as "2003." are text
        }
        let n: u32 = tok.parse().ok()?;
        return (n > 0 || tok == "0").then(|| (Style::Number, n.to_string(), n));
    }
    if tok.bytes().all(|c| c.is_ascii_lowercase()) {
        if let Some(v) = roman_value(tok) {
            return Some((Style::LowerRoman, tok.to_string(), v));
        }
        if tok.len() == 1 && !bracket {
            let n = (tok.as_bytes()[0] - b'a') as u32 + 1;
            return Some((Style::LowerAlpha, tok.to_string(), n));
        }
        return None;
    }
    if tok.bytes().all(|c| c.is_ascii_uppercase()) {
        if let Some(v) = roman_value(tok) {
            return Some((Style::UpperRoman, tok.to_string(), v));
        }
        if tok.len() == 1 {
            let n = (tok.as_bytes()[0] - b'A') as u32 + 1;
            return Some((Style::UpperAlpha, tok.to_string(), n));
        }
        return None;
    }
    None
}

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

    fn mk(line: &str) -> Option<(Style, String, String)> {
        parse_marker(line).map(|m| (m.style, m.value, line[m.text_start..].to_string()))
    }

    #[test]
    fn markers_in_every_numbering_style() {
        assert_eq!(
            mk("1. The"),
            Some((Style::Number, "1".into(), "The".into()))
        );
        assert_eq!(
            mk("12) The"),
            Some((Style::NumberParen, "12".into(), "The".into()))
        );
        assert_eq!(
            mk("94.\tThe"),
            Some((Style::Number, "94".into(), "The".into()))
        );
        assert_eq!(
            mk("(1) The"),
            Some((Style::ParenNumber, "1".into(), "The".into()))
        );
        assert_eq!(
            mk("(a) The"),
            Some((Style::LowerAlpha, "a".into(), "The".into()))
        );
        assert_eq!(
            mk("b) The"),
            Some((Style::LowerAlpha, "b".into(), "The".into()))
        );
        assert_eq!(
            mk("ii. The"),
            Some((Style::LowerRoman, "ii".into(), "The".into()))
        );
        assert_eq!(
            mk("(iv) The"),
            Some((Style::LowerRoman, "iv".into(), "The".into()))
        );
        assert_eq!(
            mk("[iii] The"),
            Some((Style::LowerRoman, "iii".into(), "The".into()))
        );
        assert_eq!(
            mk("IV. The"),
            Some((Style::UpperRoman, "IV".into(), "The".into()))
        );
        assert_eq!(
            mk("B. The"),
            Some((Style::UpperAlpha, "B".into(), "The".into()))
        );
        assert_eq!(
            mk("13.5.4 The"),
            Some((Style::Decimal(3), "13.5.4".into(), "The".into()))
        );
        assert_eq!(
            mk("2.1. The"),
            Some((Style::Decimal(2), "2.1".into(), "The".into()))
        );
        assert_eq!(
            mk("- The"),
            Some((Style::Bullet('-', 0), "".into(), "The".into()))
        );
        assert_eq!(
            mk("• The"),
            Some((Style::Bullet('•', 0), "".into(), "The".into()))
        );
        assert_eq!(
            mk("* The"),
            Some((Style::Bullet('*', 0), "".into(), "The".into()))
        );
        assert_eq!(
            mk("3 Ministry"),
            Some((Style::Number, "3".into(), "Ministry".into()))
        );
    }

    #[test]
    fn ordinary_text_is_not_a_marker() {
        for s in [
            "1.5 million people",
            "2003. The",
            "12 asian nations",
            "[Title] Foo",
            "[1] note",
            "(a)n",
            "-- dash",
            "**Mr President,**",
            "The meeting",
            "I am",
            "A/63/PV.5",
            "",
        ] {
            assert!(parse_marker(s).is_none(), "{s:?}");
        }
    }

    #[test]
    fn roman_values() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("XIII"), Some(13));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("abc"), None);
    }

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
