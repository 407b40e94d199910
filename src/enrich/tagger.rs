//! Tagging: one automaton pass over a paragraph, then the disambiguation
//! that turns raw pattern hits into mentions.
//!
//! 1. **Scan.** Every pattern occurrence (overlapping) is checked for word
//!    boundaries and case, and sorted into entity candidates, topic hits and
//!    context markers seen.
//! 2. **Gate.** Candidates whose rules fail (context, neighbours, ALL-CAPS
//!    lines, document context) are dropped; resolution lead words read their
//!    numbers.
//! 3. **Select.** Leftmost-longest, non-overlapping, so `People's Republic
//!    of China` beats `Republic of China` and `South China Sea` (a blocker)
//!    beats `China`. Inside a selected instrument name, countries and groups
//!    are selected again (`G8 Declaration …` also names the G8).
//! 4. **Topics.** Trigger hits are counted per topic (leftmost-longest within
//!    the topic), weak triggers only beside a strong one, plus the topics that
//!    selected instruments imply; triggers inside a country name are ignored
//!    (`Democratic People's Republic` is not about democracy).

use std::collections::HashSet;

use super::compile::{Case, Matcher, Rule, Target, Variant};
use super::resolution::{read_numbers, Cited};
use super::text::{
    after, before, ends_with_phrase, fold, is_all_caps, is_title_case, is_word, left_boundary,
    next_word, prev_word, right_boundary, starts_with_phrase, word_end, Folded,
};
use super::Gazetteer;
use crate::model::{EntityKind, Mention};

/// A raw hit of one variant of one pattern (folded offsets).
#[derive(Debug, Clone, Copy)]
struct Hit {
    pat: u32,
    var: u16,
    start: usize,
    end: usize,
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
    fn has(&self, m: u32) -> bool {
        self.0
            .get((m / 64) as usize)
            .is_some_and(|w| w & (1 << (m % 64)) != 0)
    }
    fn any(&self, ms: &[u32]) -> bool {
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
    cands: Vec<Hit>,
    topics: Vec<Hit>,
    pub markers: Markers,
}

/// What the document has shown so far: markers anywhere in it, and the
/// entities tagged in earlier paragraphs.
#[derive(Debug, Default)]
pub(crate) struct DocState {
    pub markers: Markers,
    pub seen: HashSet<u32>,
}

/// A tagged entity: a known entity, or a resolution by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ent {
    Known(u32),
    Resolution(u32),
}

/// One mention before conversion to the public type (original offsets).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub kind: EntityKind,
    pub ent: Ent,
    pub start: usize,
    pub end: usize,
    /// For a topic implied by an instrument, that instrument.
    pub implied_by: Option<u32>,
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
                !(word_start && a[i].is_ascii_uppercase()) || t[i].is_ascii_uppercase()
            })
        }
    }
}

/// Scans `text` once with the automaton.
pub(crate) fn scan<'t>(m: &Matcher, text: &'t str) -> Scan<'t> {
    let folded = fold(text);
    let mut cands = Vec::new();
    let mut topics = Vec::new();
    let mut markers = Markers::with_capacity(m.marker_count);
    {
        let s: &str = &folded.text;
        for hit in m.ac.find_overlapping_iter(s) {
            let (pat, start, end) = (hit.pattern().as_usize(), hit.start(), hit.end());
            let Some(variants) = m.variants.get(pat) else {
                continue;
            };
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
                    _ => cands.push(h),
                }
            }
        }
    }
    Scan {
        folded,
        cands,
        topics,
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

/// Whether the match sits in an ALL-CAPS line or among capitalised words
/// (a heading such as `LET US ACT`).
fn in_caps_context(orig: &str, f: &Folded, s: &str, start: usize, end: usize) -> bool {
    let (os, oe) = (f.orig(start), f.orig(end));
    let line_start = orig[..os].rfind('\n').map_or(0, |i| i + 1);
    let line_end = orig[oe..].find('\n').map_or(orig.len(), |i| oe + i);
    let line = &orig[line_start..line_end];
    let letters_outside = line.chars().filter(|c| c.is_alphabetic()).count()
        - orig[os..oe].chars().filter(|c| c.is_alphabetic()).count();
    if letters_outside >= 4 && !line.chars().any(char::is_lowercase) {
        return true;
    }
    let caps = |w: Option<&str>| w.is_some_and(is_all_caps);
    let (p, n) = (prev_word(s, start), next_word(s, end));
    (caps(p) && (n.is_none() || caps(n))) || (p.is_none() && caps(n) && n.is_some())
}

/// Whether every local rule of `v` passes for the hit at `start..end`
/// (`After` rules are checked by the caller).
fn rules_ok(
    v: &Variant,
    orig: &str,
    f: &Folded,
    start: usize,
    end: usize,
    para: &Markers,
    doc: &DocState,
) -> bool {
    let s: &str = &f.text;
    v.rules.iter().all(|r| match r {
        Rule::Context(ms) => para.any(ms),
        Rule::RejectContext(ms) => !para.any(ms),
        Rule::DocContext(ms) => para.any(ms) || doc.markers.any(ms),
        Rule::After(_) => true,
        Rule::FollowedBy(ps) => ps.iter().any(|p| follows(s, end, p)),
        Rule::NotFollowedBy(ps) => !ps.iter().any(|p| follows(s, end, p)),
        Rule::PrecededBy(ps) => ps.iter().any(|p| precedes(s, start, p)),
        Rule::NotPrecededBy(ps) => !ps.iter().any(|p| precedes(s, start, p)),
        Rule::NotAllCaps => !in_caps_context(orig, f, s, start, end),
        Rule::NotNextCapitalized => !next_word(s, end).is_some_and(is_title_case),
        Rule::NotPrevCapitalized => !prev_word(s, start).is_some_and(is_title_case),
    })
}

/// Whether phrase `p` comes right after `end` (spaces skipped unless `p`
/// starts with punctuation, as in `, USA`).
fn follows(s: &str, end: usize, p: &str) -> bool {
    let rest = if p.starts_with(is_word) {
        after(s, end)
    } else {
        s.get(end..).unwrap_or("")
    };
    starts_with_phrase(rest, p)
}

/// Whether phrase `p` comes right before `start`.
fn precedes(s: &str, start: usize, p: &str) -> bool {
    let head = if p.ends_with(is_word) {
        before(s, start)
    } else {
        s.get(..start).unwrap_or("").trim_end_matches(' ')
    };
    ends_with_phrase(head, p)
}

/// A candidate that passed its gates, with its entities and, for a
/// resolution lead word, the numbers it introduces.
struct Valid {
    hit: Hit,
    cited: Vec<Cited>,
}

impl Gazetteer {
    fn variant(&self, h: &Hit) -> Option<&Variant> {
        self.matcher()
            .variants
            .get(h.pat as usize)
            .and_then(|vs| vs.get(h.var as usize))
    }

    /// The kinds of the entities a variant emits (first entity decides).
    fn target_kind(&self, v: &Variant) -> Option<EntityKind> {
        match &v.target {
            Target::Entities(es) => es
                .first()
                .and_then(|&e| self.entities.get(e as usize))
                .map(|e| e.kind),
            Target::Resolution { .. } => Some(EntityKind::Instrument),
            _ => None,
        }
    }

    /// Gates one resolution lead word: reads its numbers and decides whether
    /// it cites Security Council resolutions.
    fn gate_resolution(&self, strong: bool, s: &str, h: &Hit, para: &Markers) -> Option<Valid> {
        let c = read_numbers(s, h.end);
        if c.numbers.is_empty() || c.general_assembly {
            return None;
        }
        let head = &s[..h.start];
        let mut from = head.len().saturating_sub(60);
        while !head.is_char_boundary(from) {
            from += 1;
        }
        let window = &head[from..];
        if window.contains("General Assembly") || window.contains("GA ") {
            return None;
        }
        let listed = c.numbers.iter().any(|n| {
            self.index
                .contains_key(&(EntityKind::Instrument, format!("UNSCR-{}", n.number)))
        });
        let year = c.numbers.iter().any(|n| n.has_year);
        let council = para.any(&self.matcher().council_markers);
        if !(strong || listed || year || council) {
            return None;
        }
        let mut hit = *h;
        hit.end = c.end.max(h.end);
        Some(Valid {
            hit,
            cited: c.numbers,
        })
    }

    /// Tags one scanned paragraph; `orig` is the text that was scanned.
    pub(crate) fn resolve_scan(&self, orig: &str, scan: &Scan, doc: &DocState) -> Vec<Found> {
        let f = &scan.folded;
        let s: &str = &f.text;
        let para = &scan.markers;

        // Gate entity candidates.
        let mut valid: Vec<Valid> = Vec::new();
        let mut deferred: Vec<(Hit, u32)> = Vec::new();
        for h in &scan.cands {
            let Some(v) = self.variant(h) else { continue };
            if !rules_ok(v, orig, f, h.start, h.end, para, doc) {
                continue;
            }
            if let Target::Resolution { strong } = v.target {
                if let Some(ok) = self.gate_resolution(strong, s, h, para) {
                    valid.push(ok);
                }
                continue;
            }
            if let Some(Rule::After(e)) = v.rules.iter().find(|r| matches!(r, Rule::After(_))) {
                deferred.push((*h, *e));
                continue;
            }
            valid.push(Valid {
                hit: *h,
                cited: Vec::new(),
            });
        }
        for (h, e) in deferred {
            let earlier_here = valid.iter().any(|o| {
                o.hit.start < h.start
                    && self.variant(&o.hit).is_some_and(
                        |ov| matches!(&ov.target, Target::Entities(es) if es.contains(&e)),
                    )
            });
            if doc.seen.contains(&e) || earlier_here {
                valid.push(Valid {
                    hit: h,
                    cited: Vec::new(),
                });
            }
        }

        // Leftmost-longest selection.
        valid.sort_by(|a, b| {
            a.hit
                .start
                .cmp(&b.hit.start)
                .then(b.hit.end.cmp(&a.hit.end))
        });
        let mut chosen: Vec<usize> = Vec::new();
        let mut last_end = 0;
        for (i, c) in valid.iter().enumerate() {
            if c.hit.start >= last_end {
                chosen.push(i);
                last_end = c.hit.end;
            }
        }
        // Countries, groups and resolutions named inside an instrument name.
        let mut nested: Vec<usize> = Vec::new();
        for &i in &chosen {
            let outer = &valid[i].hit;
            let Some(ov) = self.variant(outer) else {
                continue;
            };
            if ov.no_nested || self.target_kind(ov) != Some(EntityKind::Instrument) {
                continue;
            }
            let mut inner_end = outer.start;
            for (j, c) in valid.iter().enumerate() {
                let h = &c.hit;
                if j == i || h.start < inner_end || h.start < outer.start || h.end > outer.end {
                    continue;
                }
                if h.start == outer.start && h.end == outer.end {
                    continue;
                }
                let Some(v) = self.variant(h) else { continue };
                // Blockers take part so that `… in the South China Sea`
                // inside a title still hides `China`; they emit nothing.
                let inner_ok = matches!(v.target, Target::Resolution { .. } | Target::Block)
                    || matches!(
                        self.target_kind(v),
                        Some(EntityKind::Country | EntityKind::Group)
                    );
                if inner_ok {
                    nested.push(j);
                    inner_end = h.end;
                }
            }
        }
        chosen.extend(nested);

        // Emit entities.
        let mut out: Vec<Found> = Vec::new();
        let mut country_spans: Vec<(usize, usize)> = Vec::new();
        for &i in &chosen {
            let c = &valid[i];
            let Some(v) = self.variant(&c.hit) else {
                continue;
            };
            let (os, oe) = (f.orig(c.hit.start), f.orig(c.hit.end));
            match &v.target {
                Target::Entities(es) => {
                    for &e in es {
                        let Some(ent) = self.entities.get(e as usize) else {
                            continue;
                        };
                        if ent.kind == EntityKind::Country {
                            country_spans.push((c.hit.start, c.hit.end));
                        }
                        self.emit(&mut out, Ent::Known(e), ent.kind, os, oe);
                    }
                }
                Target::Resolution { .. } => {
                    for (k, n) in c.cited.iter().enumerate() {
                        let start = if k == 0 { c.hit.start } else { n.start };
                        let (ns, ne) = (f.orig(start), f.orig(n.end));
                        let id = format!("UNSCR-{}", n.number);
                        match self.index.get(&(EntityKind::Instrument, id)) {
                            Some(&e) => {
                                self.emit(&mut out, Ent::Known(e), EntityKind::Instrument, ns, ne)
                            }
                            None => out.push(Found {
                                kind: EntityKind::Instrument,
                                ent: Ent::Resolution(n.number),
                                start: ns,
                                end: ne,
                                implied_by: None,
                            }),
                        }
                    }
                }
                _ => {}
            }
        }

        // Topics.
        let mut hits: Vec<(u32, bool, Hit)> = Vec::new();
        for h in &scan.topics {
            let Some(v) = self.variant(h) else { continue };
            let Target::Topic { topic, weak } = v.target else {
                continue;
            };
            // A trigger strictly inside a country name does not count
            // (`Democratic` in `Democratic People's Republic of Korea`); one
            // that is the whole name does (`DPRK`, `Iran`, `North Korea`).
            if country_spans
                .iter()
                .any(|&(a, b)| h.start >= a && h.end <= b && (h.start, h.end) != (a, b))
            {
                continue;
            }
            if !rules_ok(v, orig, f, h.start, h.end, para, doc) {
                continue;
            }
            hits.push((topic, weak, *h));
        }
        hits.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.2.start.cmp(&b.2.start))
                .then(b.2.end.cmp(&a.2.end))
                .then(a.1.cmp(&b.1))
        });
        let implied: HashSet<u32> = out
            .iter()
            .filter(|x| x.kind == EntityKind::Topic)
            .filter_map(|x| match x.ent {
                Ent::Known(e) => Some(e),
                Ent::Resolution(_) => None,
            })
            .collect();
        let mut i = 0;
        while i < hits.len() {
            let topic = hits[i].0;
            let mut j = i;
            let mut picked: Vec<(bool, Hit)> = Vec::new();
            let mut last_end = 0;
            while j < hits.len() && hits[j].0 == topic {
                let (_, weak, h) = hits[j];
                if h.start >= last_end {
                    picked.push((weak, h));
                    last_end = h.end;
                }
                j += 1;
            }
            let strong = implied.contains(&topic) || picked.iter().any(|(w, _)| !w);
            if strong {
                for (_, h) in picked {
                    out.push(Found {
                        kind: EntityKind::Topic,
                        ent: Ent::Known(topic),
                        start: f.orig(h.start),
                        end: f.orig(h.end),
                        implied_by: None,
                    });
                }
            }
            i = j;
        }
        out.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.kind.cmp(&b.kind))
        });
        out
    }

    /// Pushes a known entity, and for an instrument the topics it implies.
    fn emit(&self, out: &mut Vec<Found>, ent: Ent, kind: EntityKind, start: usize, end: usize) {
        if out
            .iter()
            .any(|o| o.ent == ent && o.start <= start && o.end >= end)
        {
            return; // already emitted for an enclosing span
        }
        out.push(Found {
            kind,
            ent,
            start,
            end,
            implied_by: None,
        });
        if let Ent::Known(e) = ent {
            if let Some(entity) = self.entities.get(e as usize) {
                for &t in &entity.topics {
                    out.push(Found {
                        kind: EntityKind::Topic,
                        ent: Ent::Known(t),
                        start,
                        end,
                        implied_by: Some(e),
                    });
                }
            }
        }
    }

    /// The id string of a tagged entity.
    pub(crate) fn ent_id(&self, ent: Ent) -> String {
        match ent {
            Ent::Known(e) => self
                .entities
                .get(e as usize)
                .map(|x| x.id.clone())
                .unwrap_or_default(),
            Ent::Resolution(n) => format!("UNSCR-{n}"),
        }
    }

    /// Converts found entities to public mentions.
    pub(crate) fn to_mentions(&self, found: &[Found]) -> Vec<Mention> {
        found
            .iter()
            .map(|x| Mention {
                kind: x.kind,
                id: self.ent_id(x.ent),
                start: x.start,
                end: x.end,
            })
            .collect()
    }
}
