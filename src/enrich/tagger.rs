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

use super::compile::{OfficeWord, Rule, Target, Variant};
use super::gates::{rules_ok, DocState};
use super::office::office_span;
use super::resolution::{read_numbers, Cited};
use super::scan::{Hit, Markers, Scan};
use super::text::Folded;
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

/// A topic trigger that passed its gates.
#[derive(Clone, Copy)]
struct TopicHit {
    topic: u32,
    /// Counts only beside a strong trigger or an implying instrument.
    weak: bool,
    hit: Hit,
}

/// Leftmost-longest, non-overlapping selection over candidates sorted by
/// start (then longest first). Variants of one pattern on the same span
/// are chosen together (`European Union` is the country-like EUU and the
/// group EU).
fn leftmost_longest(valid: &[Valid]) -> Vec<usize> {
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
    chosen
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
        let mut valid = self.gate_candidates(orig, scan, doc);
        valid.sort_by(|a, b| {
            a.hit
                .start
                .cmp(&b.hit.start)
                .then(b.hit.end.cmp(&a.hit.end))
        });
        let order = self.with_nested(&valid, &leftmost_longest(&valid));
        let (mut out, country_spans) = self.emit_entities(&valid, &order, &scan.folded);
        self.emit_topics(orig, scan, doc, &country_spans, &mut out);
        out.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.kind.cmp(&b.kind))
        });
        out
    }

    /// The entity candidates whose gates pass. `After` rules are checked
    /// last: the entity must have been tagged earlier in the document or
    /// earlier in this paragraph (`the Initiative` after `the Proliferation
    /// Security Initiative`).
    fn gate_candidates(&self, orig: &str, scan: &Scan, doc: &DocState) -> Vec<Valid> {
        let f = &scan.folded;
        let para = &scan.markers;
        let mut valid: Vec<Valid> = Vec::new();
        let mut deferred: Vec<(Hit, u32)> = Vec::new();
        for h in &scan.cands {
            let Some(v) = self.variant(h) else { continue };
            if !rules_ok(v, orig, f, h.start, h.end, para, doc) {
                continue;
            }
            if let Target::Resolution { strong } = v.target {
                if let Some(ok) = self.gate_resolution(strong, &f.text, h, para) {
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
        valid
    }

    /// Adds after each chosen instrument the countries, groups and
    /// resolutions named inside its name (`nested` = true): the order in
    /// which mentions are emitted.
    fn with_nested(&self, valid: &[Valid], chosen: &[usize]) -> Vec<(usize, bool)> {
        let mut order: Vec<(usize, bool)> = Vec::with_capacity(chosen.len());
        for &i in chosen {
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
                if self.variant(h).is_some_and(|v| self.nests_in_instrument(v)) {
                    order.push((j, true));
                    inner_end = h.end;
                }
            }
        }
        order
    }

    /// What may be named inside an instrument's name: countries, groups,
    /// resolutions, and blockers, which take part so that `… in the South
    /// China Sea` inside a title still hides `China` (they emit nothing).
    fn nests_in_instrument(&self, v: &Variant) -> bool {
        matches!(v.target, Target::Resolution { .. } | Target::Block)
            || matches!(
                self.target_kind(v),
                Some(EntityKind::Country | EntityKind::Group)
            )
    }

    /// Emits the entities of the mentions in `order`, and returns the
    /// spans of the countries (folded offsets, in text order). A nested
    /// mention is dropped when its enclosing instrument already emitted the
    /// same entity (`… pursuant to resolution 1874` inside the UNSCR-1874
    /// alias).
    fn emit_entities(
        &self,
        valid: &[Valid],
        order: &[(usize, bool)],
        f: &Folded<'_>,
    ) -> (Vec<Found>, Vec<(usize, usize)>) {
        let mut out: Vec<Found> = Vec::new();
        let mut country_spans: Vec<(usize, usize)> = Vec::new();
        let mut mark = 0;
        let mut top_span = None;
        for &(i, nested) in order {
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
            let (os, oe) = (f.orig(c.hit.start), f.orig(c.hit.end));
            match &v.target {
                Target::Entities(es) => {
                    for &e in es {
                        let Some(ent) = self.entities.get(e as usize) else {
                            continue;
                        };
                        if ent.kind == EntityKind::Country {
                            country_spans.push(span);
                        }
                        self.emit(&mut out, mark, Ent::Known(e), ent.kind, os, oe);
                    }
                }
                Target::Resolution { .. } => self.emit_resolutions(&mut out, mark, c, f),
                _ => {}
            }
        }
        (out, country_spans)
    }

    /// Emits the resolutions a lead word cites, known ones as their
    /// entity; the first span starts at the lead word.
    fn emit_resolutions(&self, out: &mut Vec<Found>, from: usize, c: &Valid, f: &Folded<'_>) {
        for (k, n) in c.cited.iter().enumerate() {
            let start = if k == 0 { c.hit.start } else { n.start };
            let (ns, ne) = (f.orig(start), f.orig(n.end));
            let id = format!("UNSCR-{}", n.number);
            match self.index.get(&(EntityKind::Instrument, id)) {
                Some(&e) => self.emit(out, from, Ent::Known(e), EntityKind::Instrument, ns, ne),
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

    /// Counts topic triggers (leftmost-longest within each topic) and emits
    /// a topic when a strong trigger hit it or a selected instrument
    /// implies it; weak triggers count only beside those.
    fn emit_topics(
        &self,
        orig: &str,
        scan: &Scan,
        doc: &DocState,
        country_spans: &[(usize, usize)],
        out: &mut Vec<Found>,
    ) {
        let f = &scan.folded;
        let mut hits = self.topic_hits(orig, scan, doc, country_spans);
        hits.sort_by(|a, b| {
            a.topic
                .cmp(&b.topic)
                .then(a.hit.start.cmp(&b.hit.start))
                .then(b.hit.end.cmp(&a.hit.end))
                .then(a.weak.cmp(&b.weak))
        });
        let implied: HashSet<u32> = out
            .iter()
            .filter(|x| x.kind == EntityKind::Topic)
            .filter_map(|x| match x.ent {
                Ent::Known(e) => Some(e),
                Ent::Resolution(_) => None,
            })
            .collect();
        for group in hits.chunk_by(|a, b| a.topic == b.topic) {
            let topic = group[0].topic;
            let mut picked: Vec<&TopicHit> = Vec::new();
            let mut last_end = 0;
            for t in group {
                if t.hit.start >= last_end {
                    picked.push(t);
                    last_end = t.hit.end;
                }
            }
            let strong = implied.contains(&topic) || picked.iter().any(|t| !t.weak);
            if !strong {
                continue;
            }
            for TopicHit { hit: h, .. } in picked {
                out.push(Found {
                    kind: EntityKind::Topic,
                    ent: Ent::Known(topic),
                    start: f.orig(h.start),
                    end: f.orig(h.end),
                    implied_by: None,
                });
            }
        }
    }

    /// The topic triggers whose gates pass. A
    /// trigger strictly inside a country name does not count (`Democratic`
    /// in `Democratic People's Republic of Korea`); one that is the whole
    /// name does (`DPRK`, `Iran`, `North Korea`). Nor does one inside a job
    /// title or office name (`Ministry of Health`).
    fn topic_hits(
        &self,
        orig: &str,
        scan: &Scan,
        doc: &DocState,
        country_spans: &[(usize, usize)],
    ) -> Vec<TopicHit> {
        let (mut offices, mut keep) = (Vec::new(), Vec::new());
        for h in &scan.offices {
            match self.variant(h).map(|v| &v.target) {
                Some(Target::Office(OfficeWord::Keep)) => keep.push((h.start, h.end)),
                Some(Target::Office(w)) => {
                    offices.extend(office_span(&scan.folded.text, h.start, h.end, w));
                }
                _ => {}
            }
        }
        let within = |spans: &[(usize, usize)], h: &Hit| {
            spans.iter().any(|&(a, b)| a <= h.start && h.end <= b)
        };
        let mut hits = Vec::new();
        for h in &scan.topics {
            let Some(v) = self.variant(h) else { continue };
            let Target::Topic { topic, weak } = v.target else {
                continue;
            };
            if within(&offices, h) && !within(&keep, h) {
                continue; // `Director-General for Disarmament`
            }
            // Country spans are in text order and do not overlap.
            let k = country_spans.partition_point(|&(a, _)| a <= h.start);
            let inside = k > 0 && {
                let (a, b) = country_spans[k - 1];
                h.end <= b && (h.start, h.end) != (a, b)
            };
            if inside {
                continue;
            }
            if !rules_ok(v, orig, &scan.folded, h.start, h.end, &scan.markers, doc) {
                continue;
            }
            hits.push(TopicHit {
                topic,
                weak,
                hit: *h,
            });
        }
        hits
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
