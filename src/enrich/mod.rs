//! Enrichment: tags paragraphs with the countries, instruments, topics and
//! groups they mention, using gazetteers built once from the data files in
//! `data/` (embedded in the binary) and matched with aho-corasick.
//!
//! Reads paragraph text, never changes it or its boundaries. The same
//! gazetteers resolve user filter values (`--country "Lao PDR"` → `LAO`).
//!
//! Layout: `data` parses the embedded files, `compile` builds the automaton
//! and the per-pattern rules, `tagger` scans and disambiguates, `resolution`
//! reads UN Security Council resolution numbers, `participants` finds the
//! attending countries, `lookup` resolves filter values. The matching rules
//! themselves live in `data/rules.tsv` (documented in `data/README.md`).
//!
//! ```
//! use dipsearch::enrich::Gazetteer;
//! let g = Gazetteer::builtin();
//! let ids: Vec<String> = g
//!     .mentions("The DPRK must comply with UNSCR 1718.")
//!     .into_iter()
//!     .map(|m| m.id)
//!     .collect();
//! assert!(ids.contains(&"PRK".to_string()) && ids.contains(&"UNSCR-1718".to_string()));
//! ```

mod compile;
mod data;
mod lookup;
mod participants;
mod resolution;
mod tagger;
mod text;

#[cfg(test)]
mod eval;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{CountryCode, EntityKind, Mention, Paragraph, Tags};

use compile::Entity;
use tagger::{DocState, Ent, Found};

/// Everything dipsearch knows about named entities: names, aliases,
/// matching rules. Built once per process (`Gazetteer::builtin`).
pub struct Gazetteer {
    entities: Vec<Entity>,
    index: HashMap<(EntityKind, String), u32>,
    matcher: compile::Matcher,
    lookup: lookup::Lookup,
    /// Problems found in the embedded data while building (empty for good
    /// data; a test asserts it).
    problems: Vec<String>,
}

/// A filter value that names no known entity, with the closest known ids.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} '{value}'")]
pub struct UnknownEntity {
    /// Which kind of entity was asked for.
    pub kind: EntityKind,
    /// The value as typed.
    pub value: String,
    /// Up to three `(id, name)` pairs that are spelled closest to the value.
    pub suggestions: Vec<(String, String)>,
}

/// A known entity, as listed by `dipsearch entities`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityInfo {
    /// Kind of entity.
    pub kind: EntityKind,
    /// Canonical id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Every alias that is matched in text.
    pub aliases: Vec<String>,
    /// Member countries, for groups.
    pub members: Vec<String>,
}

impl Gazetteer {
    /// The gazetteer built from the embedded data, shared by the process.
    pub fn builtin() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    /// Builds a gazetteer from the embedded data (prefer `builtin`, which
    /// builds once).
    fn build() -> Gazetteer {
        let c = compile::compile();
        let lookup = lookup::Lookup::new(&c.entities);
        Gazetteer {
            entities: c.entities,
            index: c.index,
            matcher: c.matcher,
            lookup,
            problems: c.problems,
        }
    }

    /// Every entity mention in `text`, ordered by position. The text is
    /// treated as a one-paragraph document, so aliases gated on earlier
    /// paragraphs (`the Initiative`) only count after their full name here.
    /// Topics implied by an instrument are reported on the instrument's span.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let scan = tagger::scan(&self.matcher, text);
        let doc = DocState::default();
        let found = self.resolve_scan(text, &scan, &doc);
        self.to_mentions(&found)
    }

    /// Tags for each paragraph of one document, in order. Document-level
    /// context (an instrument named in full earlier) may gate short aliases.
    pub fn tag_document(&self, paragraphs: &[Paragraph]) -> Vec<Tags> {
        self.found_document(paragraphs)
            .iter()
            .map(|found| self.tags_of(found))
            .collect()
    }

    /// The tagged entities of each paragraph of a document, with the
    /// document's context applied.
    fn found_document(&self, paragraphs: &[Paragraph]) -> Vec<Vec<Found>> {
        let scans: Vec<tagger::Scan> = paragraphs
            .iter()
            .map(|p| tagger::scan(&self.matcher, &p.text))
            .collect();
        let mut doc = DocState::default();
        for s in &scans {
            doc.markers.union(&s.markers);
        }
        let mut out = Vec::with_capacity(paragraphs.len());
        for (p, s) in paragraphs.iter().zip(&scans) {
            let found = self.resolve_scan(&p.text, s, &doc);
            doc.seen.extend(found.iter().filter_map(|x| match x.ent {
                Ent::Known(e) => Some(e),
                Ent::Resolution(_) => None,
            }));
            out.push(found);
        }
        out
    }

    /// Counts per id, each list in order of first mention.
    fn tags_of(&self, found: &[Found]) -> Tags {
        fn bump(list: &mut Vec<(String, u32)>, id: String) {
            match list.iter_mut().find(|(i, _)| *i == id) {
                Some((_, n)) => *n += 1,
                None => list.push((id, 1)),
            }
        }
        let mut tags = Tags::default();
        for x in found {
            let id = self.ent_id(x.ent);
            match x.kind {
                EntityKind::Country => {
                    if let Ok(code) = id.parse::<CountryCode>() {
                        match tags.countries.iter_mut().find(|(c, _)| *c == code) {
                            Some((_, n)) => *n += 1,
                            None => tags.countries.push((code, 1)),
                        }
                    }
                }
                EntityKind::Instrument => bump(&mut tags.instruments, id),
                EntityKind::Topic => bump(&mut tags.topics, id),
                EntityKind::Group => bump(&mut tags.groups, id),
            }
        }
        tags
    }

    /// Countries named as attending the meeting, in order of first mention.
    ///
    /// A country counts when it is named in a sentence that says who took
    /// part (`were represented`, `participated`, `attended`, `took part`,
    /// `participants from`, `delegations of`, …), or right after `hosted
    /// by`. Groups are not expanded.
    pub fn participants(&self, paragraphs: &[Paragraph]) -> Vec<CountryCode> {
        let found = self.found_document(paragraphs);
        let mut out: Vec<CountryCode> = Vec::new();
        for (p, f) in paragraphs.iter().zip(&found) {
            let countries: Vec<(usize, usize, String)> = f
                .iter()
                .filter(|x| x.kind == EntityKind::Country)
                .map(|x| (x.start, x.end, self.ent_id(x.ent)))
                .collect();
            for id in participants::attending(&p.text, &countries) {
                if let Ok(code) = id.parse::<CountryCode>() {
                    if !out.contains(&code) {
                        out.push(code);
                    }
                }
            }
        }
        out
    }

    /// Resolves a filter value to the index terms that satisfy it, as
    /// `(field kind, id)` pairs to be OR-ed.
    ///
    /// Countries by ISO3, ISO2, name or alias (`Laos`, `LAO`, `LA`, `Lao
    /// PDR`); a group named as a country (`ASEAN`, `G7`, `EU`) gives the group
    /// and each member. Instruments by id or alias, and any resolution by
    /// number (`UNSCR 1718`). Topics by id or label. Unknown values give the
    /// three closest spellings.
    pub fn resolve(
        &self,
        kind: EntityKind,
        value: &str,
    ) -> Result<Vec<(EntityKind, String)>, UnknownEntity> {
        self.lookup.resolve(&self.entities, kind, value)
    }

    /// Display name of an entity id.
    pub fn name(&self, kind: EntityKind, id: &str) -> Option<&str> {
        self.index
            .get(&(kind, id.to_string()))
            .and_then(|&i| self.entities.get(i as usize))
            .map(|e| e.name.as_str())
    }

    /// Every known entity of a kind, sorted by id.
    pub fn entities(&self, kind: EntityKind) -> Vec<EntityInfo> {
        let mut v: Vec<EntityInfo> = self
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| EntityInfo {
                kind: e.kind,
                id: e.id.clone(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                members: e.members.clone(),
            })
            .collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Data problems found while building (unknown ids or rules in the
    /// embedded files). Empty for a correct build; exposed for `stats`-style
    /// diagnostics and tests.
    pub fn data_problems(&self) -> &[String] {
        &self.problems
    }
}
