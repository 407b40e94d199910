//! Tagging: the disambiguation that turns the raw hits of one scanned
//! paragraph into mentions.
//!
//! 1. **Scan** (`scan`). Every pattern occurrence (overlapping) is checked
//!    for word boundaries and case, and sorted into entity candidates, topic
//!    hits and context markers seen.
//! 2. **Gate** (`gates`, and `After` rules here). Candidates whose rules
//!    fail (context, neighbours, ALL-CAPS lines, document context) are
//!    dropped; resolution lead words read their numbers.
//! 3. **Select.** Leftmost-longest, non-overlapping, so `People's Republic
//!    of China` beats `Republic of China` and `South China Sea` (a blocker)
//!    beats `China`. Inside a selected instrument name, countries and groups
//!    are selected again (`G8 Declaration …` also names the G8).
//! 4. **Topics.** Trigger hits are counted per topic (leftmost-longest within
//!    the topic), weak triggers only beside a strong one, plus the topics that
//!    selected instruments imply; triggers inside a country name are ignored
//!    (`Democratic People's Republic` is not about democracy).

use std::collections::HashSet;

use super::compile::{Rule, Target, Variant};
use super::gates::{rules_ok, DocState};
use super::resolution::{read_numbers, Cited};
use super::scan::{Hit, Markers, Scan};
use super::Gazetteer;
use crate::model::{EntityKind, Mention};

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
        // Variants of one pattern on the same span are chosen together
        // (`European Union` is the country-like EUU and the group EU).
        let mut chosen: Vec<usize> = Vec::new();
        let mut last_end = 0;
        let mut last_span = None;
        for (i, c) in valid.iter().enumerate() {
            let span = (c.hit.start, c.hit.end);
            if c.hit.start >= last_end || last_span == Some(span) {
                chosen.push(i);
                last_end = last_end.max(c.hit.end);
                last_span = Some(span);
            }
        }
        // Countries, groups and resolutions named inside an instrument name
        // are emitted right after it (`nested` = true).
        let mut order: Vec<(usize, bool)> = Vec::with_capacity(chosen.len());
        for &i in &chosen {
            order.push((i, false));
            let outer = valid[i].hit;
            let Some(ov) = self.variant(&outer) else {
                continue;
            };
            if ov.no_nested || self.target_kind(ov) != Some(EntityKind::Instrument) {
                continue;
            }
            let mut inner_end = outer.start;
            let first = valid.partition_point(|c| c.hit.start < outer.start);
            for (j, c) in valid.iter().enumerate().skip(first) {
                let h = &c.hit;
                if h.start >= outer.end {
                    break;
                }
                if j == i || h.start < inner_end || h.end > outer.end {
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
                    order.push((j, true));
                    inner_end = h.end;
                }
            }
        }

        // Emit entities. A nested mention is dropped when its enclosing
        // instrument already emitted the same entity (`… pursuant to
        // resolution 1874` inside the UNSCR-1874 alias).
        let mut out: Vec<Found> = Vec::new();
        let mut country_spans: Vec<(usize, usize)> = Vec::new();
        let mut mark = 0;
        let mut top_span = None;
        for &(i, nested) in &order {
            let c = &valid[i];
            let Some(v) = self.variant(&c.hit) else {
                continue;
            };
            // Duplicates are checked against everything emitted since the
            // enclosing (or co-located) top-level mention began.
            let span = (c.hit.start, c.hit.end);
            if !nested && top_span != Some(span) {
                mark = out.len();
                top_span = Some(span);
            }
            let from = mark;
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
                        self.emit(&mut out, from, Ent::Known(e), ent.kind, os, oe);
                    }
                }
                Target::Resolution { .. } => {
                    for (k, n) in c.cited.iter().enumerate() {
                        let start = if k == 0 { c.hit.start } else { n.start };
                        let (ns, ne) = (f.orig(start), f.orig(n.end));
                        let id = format!("UNSCR-{}", n.number);
                        match self.index.get(&(EntityKind::Instrument, id)) {
                            Some(&e) => self.emit(
                                &mut out,
                                from,
                                Ent::Known(e),
                                EntityKind::Instrument,
                                ns,
                                ne,
                            ),
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
            // Country spans are in text order and do not overlap.
            let k = country_spans.partition_point(|&(a, _)| a <= h.start);
            let inside = k > 0 && {
                let (a, b) = country_spans[k - 1];
                h.end <= b && (h.start, h.end) != (a, b)
            };
            if inside {
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

    /// Pushes a known entity, and for an instrument the topics it implies,
    /// unless `out[from..]` already holds it on an enclosing span.
    fn emit(
        &self,
        out: &mut Vec<Found>,
        from: usize,
        ent: Ent,
        kind: EntityKind,
        start: usize,
        end: usize,
    ) {
        if out[from.min(out.len())..]
            .iter()
            .any(|o| o.ent == ent && o.start <= start && o.end >= end)
        {
            return;
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
