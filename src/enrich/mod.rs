//! Enrichment: tags paragraphs with the countries, instruments, topics and
//! groups they mention, using gazetteers built once from the data files in
//! `data/` (embedded in the binary) and matched with aho-corasick.
//!
//! Reads paragraph text, never changes it or its boundaries. The same
//! gazetteers resolve user filter values (`--country "Lao PDR"` → `LAO`).
//!
//! Layout: `data` parses the embedded files, `catalog` builds the entity
//! table, `compile` the automaton and per-pattern rules, `text` folds text,
//! `scan` runs the automaton, `gates` applies the rules, `tagger` selects and
//! emits mentions, `office` finds job titles and office names (whose words
//! trigger no topic), `resolution` reads UN Security Council resolution
//! numbers, `participants` finds the attending countries, `lookup` resolves
//! filter values. The matching rules themselves live in `data/rules.tsv`
//! (documented in `data/README.md`).
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

mod catalog;
mod compile;
mod data;
pub(crate) use resolution::parse_filter as resolution_number;

/// Whether the embedded instrument table lists `id` (a static scan of
/// its rows, without building the names dictionary).
pub(crate) fn lists_instrument(id: &str) -> bool {
    data::rows().instruments.iter().any(|r| r.id == id)
}

/// The other countries with a longer name that holds one of `names` word
/// for word (`Republic of Korea` in `Democratic People's Republic of
/// Korea`, `Guinea` in `Equatorial Guinea`): a phrase search for the name
/// also finds them, where the tagger tells them apart. A static scan of
/// the country table, each country once.
pub(crate) fn countries_named_within(iso3: &str, names: &[&str]) -> Vec<&'static str> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let mut out: Vec<&'static str> = Vec::new();
    for name in names {
        let wanted = words(name);
        if wanted.is_empty() {
            continue;
        }
        // A byte comparison first: a search reads this for every name of a
        // country it reads, and splitting each of the table's aliases into
        // words allocated thousands of strings.
        let needle = name.trim().as_bytes();
        let might = |a: &str| {
            a.len() > needle.len()
                && a.as_bytes()
                    .windows(needle.len())
                    .any(|w| w.eq_ignore_ascii_case(needle))
        };
        for row in data::rows().countries.iter().filter(|r| r.iso3 != iso3) {
            let holds = row.aliases.iter().filter(|a| might(a)).any(|a| {
                let w = words(a);
                // A name of two joined by `and` (`State Union of Serbia and
                // Montenegro`, `Trinidad and Tobago`) holds each of them as
                // a name: a paragraph naming it names Serbia too.
                let n = wanted.len();
                let joined = |p: usize| {
                    w.get(p + n).is_some_and(|x| x == "and") || p > 0 && w[p - 1] == "and"
                };
                w.len() > n && (0..=w.len() - n).any(|p| w[p..p + n] == wanted[..] && !joined(p))
            });
            if holds && !out.contains(&row.iso3) {
                out.push(row.iso3);
            }
        }
    }
    out
}

mod gates;
mod lookup;
pub mod meetings;
pub mod names;
mod office;
mod participants;
mod resolution;
mod scan;
pub mod spelled_acronym;
mod tagger;
mod text;

#[cfg(test)]
mod eval;
#[cfg(test)]
mod tests;

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use crate::model::{CountryCode, EntityKind, Mention, Paragraph, Tags};

use catalog::Entity;
use gates::DocState;
use tagger::{Ent, Found};

/// Everything dipsearch knows about named entities: names, aliases,
/// matching rules. Built once per process (`Gazetteer::builtin`).
///
/// Building is split so that start-up stays cheap: `builtin` builds the
/// entity catalogue and lookups (a few milliseconds), and the automaton over
/// every alias and trigger is built on the first call that scans text.
pub struct Gazetteer {
    entities: Vec<Entity>,
    index: FxHashMap<(EntityKind, String), u32>,
    lookup: lookup::Lookup,
    /// The automaton and pattern table, with the data problems found while
    /// building it; built on first use.
    matcher: OnceLock<(compile::Matcher, Vec<String>)>,
    /// Problems found in the embedded data while building the catalogue
    /// (empty for good data; a test asserts it).
    problems: Vec<String>,
    /// Display names of resolutions cited by number but not listed,
    /// indexed by number; built on first request.
    resolution_names: OnceLock<Vec<String>>,
}

/// The short name of a country code (`NZL` → `New Zealand`, `EUU` →
/// `European Union`), from the embedded data without building the
/// gazetteer: cheap enough to name the speaker of every hit printed.
///
/// ```
/// use dipsearch::enrich::country_name;
/// assert_eq!(country_name(&"JPN".parse().unwrap()), Some("Japan"));
/// assert_eq!(country_name(&"ZZZ".parse().unwrap()), None);
/// ```
pub fn country_name(code: &CountryCode) -> Option<&'static str> {
    data::country_short_name(code.as_str())
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

/// A mention with what triggered it, for `show --explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    /// The mention (kind, id, byte range into the text).
    pub mention: Mention,
    /// The words of the text that triggered it, as written.
    pub matched: String,
    /// For a topic that comes from an instrument's topic links rather than
    /// a trigger word, the instrument's id (`PSI` for `interdiction`).
    pub implied_by: Option<String>,
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
        let c = catalog::catalog();
        let lookup = lookup::Lookup::new(&c.entities);
        Gazetteer {
            entities: c.entities,
            index: c.index,
            lookup,
            matcher: OnceLock::new(),
            problems: c.problems,
            resolution_names: OnceLock::new(),
        }
    }

    /// The automaton, built on first use.
    fn matcher(&self) -> &compile::Matcher {
        &self
            .matcher
            .get_or_init(|| compile::matcher(&self.entities, &self.index, data::rows().rules))
            .0
    }

    /// Every entity mention in `text`, ordered by position. The text is
    /// treated as a one-paragraph document, so aliases gated on earlier
    /// paragraphs (`the Initiative`) only count after their full name here.
    /// Topics implied by an instrument are reported on the instrument's span.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let scan = scan::scan(self.matcher(), text);
        let doc = DocState::default();
        let found = self.resolve_scan(text, &scan, &doc);
        self.to_mentions(&found)
    }

    /// Like [`Gazetteer::mentions`], with the matched words and, for topics
    /// implied by an instrument, which instrument.
    ///
    /// ```
    /// use dipsearch::enrich::Gazetteer;
    /// let ex = Gazetteer::builtin().explain("Japan endorsed the PSI.");
    /// let implied: Vec<_> = ex.iter().filter_map(|e| e.implied_by.as_deref()).collect();
    /// assert!(implied.contains(&"PSI"));
    /// assert_eq!(ex[0].matched, "Japan");
    /// ```
    pub fn explain(&self, text: &str) -> Vec<Explained> {
        let scan = scan::scan(self.matcher(), text);
        let found = self.resolve_scan(text, &scan, &DocState::default());
        found
            .iter()
            .map(|x| Explained {
                mention: Mention {
                    kind: x.kind,
                    id: self.ent_id(x.ent),
                    start: x.start,
                    end: x.end,
                },
                matched: text.get(x.start..x.end).unwrap_or("").to_string(),
                implied_by: x.implied_by.map(|e| self.ent_id(Ent::Known(e))),
            })
            .collect()
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
        let scans: Vec<scan::Scan> = paragraphs
            .iter()
            .map(|p| scan::scan(self.matcher(), &p.text))
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
        // Count on entity handles first; ids are only spelled out once each.
        let mut counts: Vec<(EntityKind, Ent, u32)> = Vec::new();
        for x in found {
            match counts
                .iter_mut()
                .find(|(k, e, _)| *k == x.kind && *e == x.ent)
            {
                Some((_, _, n)) => *n += 1,
                None => counts.push((x.kind, x.ent, 1)),
            }
        }
        let mut tags = Tags::default();
        for (kind, ent, n) in counts {
            let id = self.ent_id(ent);
            match kind {
                EntityKind::Country => {
                    if let Ok(code) = id.parse::<CountryCode>() {
                        tags.countries.push((code, n));
                    }
                }
                EntityKind::Instrument => tags.instruments.push((id, n)),
                EntityKind::Topic => tags.topics.push((id, n)),
                EntityKind::Group => tags.groups.push((id, n)),
            }
        }
        tags
    }

    /// Countries named as attending the meeting, in order of first mention.
    ///
    /// A country counts when it is named in a sentence that says who took
    /// part (`were represented`, `participated`, `attended`, `took part`,
    /// `participants from`, `delegations of`, …), or right after `hosted
    /// by`, within the first paragraphs of the document (where summaries say
    /// who came; later mentions are about other meetings). Groups are not
    /// expanded.
    pub fn participants(&self, paragraphs: &[Paragraph]) -> Vec<CountryCode> {
        self.participants_of(paragraphs, &self.found_document(paragraphs))
    }

    /// [`Gazetteer::tag_document`] and [`Gazetteer::participants`] from one
    /// scan of the text (what ingest needs; calling both scans twice).
    pub fn tag_and_participants(&self, paragraphs: &[Paragraph]) -> (Vec<Tags>, Vec<CountryCode>) {
        let found = self.found_document(paragraphs);
        let tags = found.iter().map(|f| self.tags_of(f)).collect();
        (tags, self.participants_of(paragraphs, &found))
    }

    /// Attending countries from already tagged paragraphs.
    fn participants_of(&self, paragraphs: &[Paragraph], found: &[Vec<Found>]) -> Vec<CountryCode> {
        let mut out: Vec<CountryCode> = Vec::new();
        for (p, f) in paragraphs
            .iter()
            .zip(found)
            .take(participants::LEADING_PARAGRAPHS)
        {
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
    ///
    /// Resolutions that are tagged by number but not listed in the data
    /// (`UNSCR-2094`) get a generated name.
    pub fn name(&self, kind: EntityKind, id: &str) -> Option<&str> {
        let listed = self
            .index
            .get(&(kind, id.to_string()))
            .and_then(|&i| self.entities.get(i as usize))
            .map(|e| e.name.as_str());
        if listed.is_some() || kind != EntityKind::Instrument {
            return listed;
        }
        let n: usize = id.strip_prefix("UNSCR-")?.parse().ok()?;
        let names = self.resolution_names.get_or_init(|| {
            (0..=resolution::MAX_NUMBER)
                .map(|n| format!("United Nations Security Council Resolution {n}"))
                .collect()
        });
        names.get(n).filter(|_| n > 0).map(String::as_str)
    }

    /// The name or alias of an entity spelled closest to `typed` (`Syria`
    /// for `Syira`, where the display name is `Syrian Arab Republic`): what
    /// a did-you-mean should offer to type.
    pub fn closest_name(&self, kind: EntityKind, id: &str, typed: &str) -> Option<&str> {
        let e = self
            .index
            .get(&(kind, id.to_string()))
            .and_then(|&i| self.entities.get(i as usize))?;
        let k = text::key(typed);
        std::iter::once(&e.name)
            .chain(e.aliases.iter())
            .filter(|n| n.chars().any(char::is_lowercase))
            .min_by_key(|n| strsim::damerau_levenshtein(&k, &text::key(n)))
            .map(String::as_str)
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
    /// embedded files; builds the automaton if needed). Empty for a correct
    /// build; exposed for diagnostics and tests.
    pub fn data_problems(&self) -> Vec<String> {
        let _ = self.matcher();
        let mut out = self.problems.clone();
        if let Some((_, p)) = self.matcher.get() {
            out.extend(p.iter().cloned());
        }
        out
    }
}
