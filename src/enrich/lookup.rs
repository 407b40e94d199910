//! Resolving user filter values (`--country "Lao PDR"`, `--instrument hcoc`,
//! `--topic "Export control"`) to index ids, with spelling suggestions.
//!
//! Keys are folded like text (case, hyphens, typographic apostrophes, a
//! leading `the`), so `lao pdr`, `Lao-PDR` and `the Lao PDR` agree. For a
//! country filter an ISO3 code wins outright; otherwise a group name means
//! the group and all its members (the index does not expand groups, the
//! query does), and a name or alias means that country.

use rustc_hash::FxHashMap;

use super::catalog::Entity;
use super::resolution;
use super::text::key;
use super::UnknownEntity;
use crate::model::EntityKind;

/// Lookup tables from folded keys to entity indices.
pub(crate) struct Lookup {
    /// ISO3 codes (and other ids) per kind.
    ids: FxHashMap<(EntityKind, String), u32>,
    /// Names, aliases, ISO2 codes and labels per kind; first writer wins.
    names: FxHashMap<(EntityKind, String), u32>,
    /// Topic triggers ending in `*`, folded without it: a value they begin
    /// (`counter-terrorism` for `counter-terroris*`) names their topic, as
    /// the same word in a text would.
    topic_prefixes: Vec<(String, u32)>,
}

impl Lookup {
    /// Builds the tables. Countries are indexed ISO2 first, then short name,
    /// then aliases, so a code is never shadowed by another country's alias.
    pub(crate) fn new(entities: &[Entity]) -> Lookup {
        let mut ids = FxHashMap::default();
        let mut names = FxHashMap::default();
        let mut topic_prefixes = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            let i = i as u32;
            ids.entry((e.kind, key(&e.id))).or_insert(i);
            match e.kind {
                EntityKind::Country => {}
                EntityKind::Topic => {
                    names.entry((e.kind, key(&e.name))).or_insert(i);
                    for part in e.name.split('/') {
                        names.entry((e.kind, key(part))).or_insert(i);
                    }
                }
                _ => {
                    names.entry((e.kind, key(&e.name))).or_insert(i);
                    for a in &e.aliases {
                        names.entry((e.kind, key(a))).or_insert(i);
                    }
                }
            }
        }
        // Topic trigger phrases (`dual-use`, `denuclearization`) come after
        // every id and label, so a label is never shadowed.
        for (i, e) in entities.iter().enumerate() {
            if e.kind == EntityKind::Topic {
                for t in &e.aliases {
                    let stem = key(t.trim_end_matches('*'));
                    if t.ends_with('*') {
                        topic_prefixes.push((stem.clone(), i as u32));
                    }
                    names.entry((e.kind, stem)).or_insert(i as u32);
                }
            }
        }
        // Countries: ISO2 (kept in the data as the first code) and names in
        // priority order.
        for pass in 0..3 {
            for (i, e) in entities.iter().enumerate() {
                if e.kind != EntityKind::Country {
                    continue;
                }
                let i = i as u32;
                match pass {
                    0 => {
                        if let Some(iso2) = iso2_of(e) {
                            names.entry((e.kind, key(iso2))).or_insert(i);
                        }
                    }
                    1 => {
                        names.entry((e.kind, key(&e.name))).or_insert(i);
                    }
                    _ => {
                        for a in &e.aliases {
                            names.entry((e.kind, key(a))).or_insert(i);
                        }
                    }
                }
            }
        }
        Lookup {
            ids,
            names,
            topic_prefixes,
        }
    }

    /// An id or name match; failing that, the singular of a plural
    /// (`export controls`, `Missiles`).
    fn find(&self, kind: EntityKind, k: &str) -> Option<u32> {
        let exact = |k: &str| {
            let k = (kind, k.to_string());
            self.ids.get(&k).or_else(|| self.names.get(&k)).copied()
        };
        exact(k)
            .or_else(|| k.strip_suffix('s').and_then(exact))
            .or_else(|| self.topic_prefix(kind, k))
    }

    /// The topic whose longest starred trigger begins `k`, the rest of the
    /// value being that trigger's last word's ending (`counter-terrorism`
    /// for `counter-terroris*`; `missiles launched` is not `missile*`, nor
    /// are `sanctions,terrorism`, two values, and `sanctionsXYZ`, a typo).
    fn topic_prefix(&self, kind: EntityKind, k: &str) -> Option<u32> {
        /// Endings of a word after its starred trigger.
        const ENDINGS: &[&str] = &[
            "", "s", "es", "ed", "ing", "ings", "m", "ms", "t", "ts", "er", "ers", "al", "ation",
            "ations", "y", "ies",
        ];
        if kind != EntityKind::Topic {
            return None;
        }
        self.topic_prefixes
            .iter()
            .filter(|(stem, _)| k.starts_with(stem.as_str()) && ENDINGS.contains(&&k[stem.len()..]))
            .max_by_key(|(stem, _)| stem.len())
            .map(|&(_, i)| i)
    }

    /// See [`super::Gazetteer::resolve`].
    pub(crate) fn resolve(
        &self,
        entities: &[Entity],
        kind: EntityKind,
        value: &str,
    ) -> Result<Vec<(EntityKind, String)>, UnknownEntity> {
        let k = key(value);
        let id = |i: u32| entities.get(i as usize).map(|e| e.id.clone());
        let mut out: Vec<(EntityKind, String)> = Vec::new();
        match kind {
            EntityKind::Country => {
                if let Some(i) = self.ids.get(&(EntityKind::Country, k.clone())) {
                    out.extend(id(*i).map(|s| (EntityKind::Country, s)));
                    return Ok(out);
                }
                if let Some(g) = self.find(EntityKind::Group, &k) {
                    if let Some(e) = entities.get(g as usize) {
                        out.push((EntityKind::Group, e.id.clone()));
                        for m in &e.members {
                            out.push((EntityKind::Country, m.clone()));
                        }
                    }
                }
                // A group's acronym beats a country's two-letter code
                // (`AU` is the African Union; Australia is `AUS`).
                let code_only = |c: u32| {
                    !out.is_empty()
                        && entities
                            .get(c as usize)
                            .and_then(iso2_of)
                            .is_some_and(|iso2| iso2.eq_ignore_ascii_case(&k))
                };
                if let Some(c) = self
                    .names
                    .get(&(EntityKind::Country, k.clone()))
                    .filter(|c| !code_only(**c))
                {
                    if let Some(s) = id(*c) {
                        if !out.contains(&(EntityKind::Country, s.clone())) {
                            out.push((EntityKind::Country, s));
                        }
                    }
                }
            }
            EntityKind::Instrument => {
                if let Some(i) = self.find(kind, &k) {
                    out.extend(id(i).map(|s| (kind, s)));
                } else if let Some(n) = resolution::parse_filter(value) {
                    out.push((kind, format!("UNSCR-{n}")));
                }
            }
            EntityKind::Topic | EntityKind::Group => {
                out.extend(self.find(kind, &k).and_then(id).map(|s| (kind, s)));
            }
        }
        if out.is_empty() {
            return Err(UnknownEntity {
                kind,
                value: value.to_string(),
                suggestions: suggest(entities, kind, &k),
            });
        }
        Ok(out)
    }
}

/// The ISO2 code of a country entity, if it has one.
fn iso2_of(e: &Entity) -> Option<&str> {
    (!e.iso2.is_empty()).then_some(e.iso2.as_str())
}

/// Up to three `(id, name)` pairs spelled closest to `k` among entities of
/// `kind` (and groups, for a country), by edit distance over ids, names and
/// aliases.
fn suggest(entities: &[Entity], kind: EntityKind, k: &str) -> Vec<(String, String)> {
    if k.is_empty() {
        return Vec::new();
    }
    // About one edit per three letters, rounded up from five letters
    // (transpositions of neighbours count once; `Lybia` is two from
    // `Libya`), so a typo finds its entity without dragging in unrelated
    // short codes.
    let limit = ((k.chars().count() + 1) / 3).max(1);
    let mut scored: Vec<(usize, &Entity)> = entities
        .iter()
        .filter(|e| e.kind == kind || (kind == EntityKind::Country && e.kind == EntityKind::Group))
        .filter_map(|e| {
            let names = std::iter::once(&e.id)
                .chain(std::iter::once(&e.name))
                .chain(if e.kind == EntityKind::Topic {
                    [].iter()
                } else {
                    e.aliases.iter()
                });
            // A name with a word the typed value starts (`Africa` in
            // `South Africa`, `African Union`) is closer than any spelling
            // (`America`, two edits away).
            let d = names
                .map(|n| {
                    let n = key(n);
                    let word_of = k.len() >= 4 && n.split(' ').any(|w| w.starts_with(k));
                    if word_of {
                        0
                    } else {
                        strsim::damerau_levenshtein(k, &n)
                    }
                })
                .min()
                .unwrap_or(usize::MAX);
            (d <= limit).then_some((d, e))
        })
        .collect();
    // Closest first; on a tie, entities of the kind asked for before
    // groups, but a group first among names holding the word typed (a
    // region's name: `Africa` → the African Union, then South Africa).
    let group_last = |e: &Entity, d: usize| (e.kind != kind) != (d == 0);
    scored.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(group_last(a.1, a.0).cmp(&group_last(b.1, b.0)))
            .then(a.1.id.cmp(&b.1.id))
    });
    scored
        .into_iter()
        .take(3)
        .map(|(_, e)| (e.id.clone(), e.name.clone()))
        .collect()
}
