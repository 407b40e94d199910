//! Scanning: one pass of the automaton over folded text, keeping the hits
//! whose word boundaries and case fit their alias, sorted into entity
//! candidates, topic hits and the context markers seen.

use super::compile::{led, Case, Matcher, Target, Variant};
use super::text::{fold, is_word, left_boundary, right_boundary, shape_into, word_end, Folded};

/// A raw hit of one variant of one pattern (folded offsets).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub pat: u32,
    pub var: u16,
    pub start: usize,
    pub end: usize,
}

/// A set of marker ids.
#[derive(Debug, Clone, Default)]
pub(crate) struct Markers(Vec<u64>);

impl Markers {
    fn with_capacity(n: usize) -> Markers {
        Markers(vec![0; n.div_ceil(64)])
    }
    fn set(&mut self, m: u32) {
        if let Some(w) = self.0.get_mut((m / 64) as usize) {
            *w |= 1 << (m % 64);
        }
    }
    pub(crate) fn has(&self, m: u32) -> bool {
        self.0
            .get((m / 64) as usize)
            .is_some_and(|w| w & (1 << (m % 64)) != 0)
    }
    pub(crate) fn any(&self, ms: &[u32]) -> bool {
        ms.iter().any(|&m| self.has(m))
    }
    /// Adds every marker of `other`.
    pub(crate) fn union(&mut self, other: &Markers) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
}

/// The result of scanning one text.
pub(crate) struct Scan<'t> {
    pub folded: Folded<'t>,
    pub cands: Vec<Hit>,
    pub topics: Vec<Hit>,
    /// Heads and tails of job titles and office names.
    pub offices: Vec<Hit>,
    pub markers: Markers,
}

/// Whether the matched `slice` satisfies the case mode of `alias`.
fn case_ok(case: Case, alias: &str, slice: &str) -> bool {
    match case {
        Case::Any => true,
        Case::Exact => alias == slice,
        Case::Proper => {
            let (a, t) = (alias.as_bytes(), slice.as_bytes());
            (0..a.len().min(t.len())).all(|i| {
                let word_start = i == 0 || !a[i - 1].is_ascii_alphanumeric();
                let must_cap = a[i].is_ascii_uppercase() && (word_start || in_caps_word(a, i));
                !must_cap || t[i].is_ascii_uppercase()
            })
        }
    }
}

/// Whether byte `i` of `a` lies in a word written in capitals (an acronym
/// inside a name, `New START`, `IAEA Additional Protocol`), whose capitals
/// must all be kept: `A New Start` is not the treaty.
fn in_caps_word(a: &[u8], i: usize) -> bool {
    let is_w = |b: &u8| b.is_ascii_alphanumeric();
    let start = a[..i].iter().rposition(|b| !is_w(b)).map_or(0, |p| p + 1);
    let end = a[i..]
        .iter()
        .position(|b| !is_w(b))
        .map_or(a.len(), |p| i + p);
    let word = &a[start..end];
    word.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
        && !word.iter().any(u8::is_ascii_lowercase)
}

/// Scans `text` once with the automaton.
pub(crate) fn scan<'t>(m: &Matcher, text: &'t str) -> Scan<'t> {
    let folded = fold(text);
    let mut cands = Vec::new();
    let mut topics = Vec::new();
    let mut offices = Vec::new();
    let mut markers = Markers::with_capacity(m.marker_count);
    {
        let s: &str = &folded.text;
        // The automaton searches shapes (see `Matcher::ac`): the text's,
        // behind one space so that a key led by a space can match at the
        // very start. The case rules are checked on `s`, which keeps it.
        let mut shaped = Vec::with_capacity(s.len() + 1);
        shaped.push(b' ');
        shape_into(s, &mut shaped);
        for hit in m.ac.find_overlapping_iter(&shaped) {
            let pat = hit.pattern().as_usize();
            let (Some(variants), Some(key)) = (m.variants.get(pat), m.keys.get(pat)) else {
                continue;
            };
            // Offsets in `s`, which is one byte shorter; a led key's space
            // is the byte before the key.
            let Some(start) = (hit.start() + usize::from(led(key))).checked_sub(1) else {
                continue;
            };
            let end = hit.end() - 1;
            // The shape hides punctuation: the key itself must be there.
            // Equal bytes also put `start` and `end` on char boundaries.
            if !s.as_bytes()[start..end].eq_ignore_ascii_case(key.as_bytes()) {
                continue;
            }
            for (vi, v) in variants.iter().enumerate() {
                if v.alias.starts_with(is_word) && !left_boundary(s, start) {
                    continue;
                }
                if !case_ok(v.case, &v.alias, &s[start..end]) {
                    continue;
                }
                let Some(end) = right_edge(v, s, end) else {
                    continue;
                };
                let h = Hit {
                    pat: pat as u32,
                    var: vi as u16,
                    start,
                    end,
                };
                match v.target {
                    Target::Marker(id) => markers.set(id),
                    Target::Topic { .. } => topics.push(h),
                    Target::Office(_) => offices.push(h),
                    _ => cands.push(h),
                }
            }
        }
    }
    Scan {
        folded,
        cands,
        topics,
        offices,
        markers,
    }
}

/// Where a variant's match really ends, or `None` when the right edge is
/// not acceptable (the word goes on).
fn right_edge(v: &Variant, s: &str, end: usize) -> Option<usize> {
    if v.prefix {
        return Some(word_end(s, end));
    }
    if matches!(v.target, Target::Resolution { .. }) {
        // `UNSCR1540`: digits may follow directly, letters may not.
        return (!s[end..].starts_with(|c: char| c.is_alphabetic())).then_some(end);
    }
    if !v.alias.ends_with(is_word) || right_boundary(s, end) {
        return Some(end);
    }
    if v.plural {
        for suffix in ["s", "es"] {
            if s[end..].starts_with(suffix) && right_boundary(s, end + suffix.len()) {
                return Some(end + suffix.len());
            }
        }
    }
    None
}
