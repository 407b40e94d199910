//! The entity catalogue: every country, group, instrument and topic from
//! the embedded data, with ids, names, aliases, members and the topics an
//! instrument implies, plus a consistency check of `rules.tsv` against it.
//! Lookups need only this; the automaton (`compile`) is built from it on
//! first use.

use rustc_hash::FxHashMap;

use super::data::{self, owned, Rows};
use crate::model::EntityKind;

/// One known entity (country, instrument, group or topic).
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    pub kind: EntityKind,
    pub id: String,
    pub name: String,
    /// Aliases as written in the data (for listings and lookups).
    pub aliases: Vec<String>,
    /// For countries, the data kind of each alias (`name`, `acronym`, …),
    /// parallel to `aliases`; for instruments, the instrument kind.
    pub codes: Vec<String>,
    /// ISO 3166-1 alpha-2 code, for countries that have one.
    pub iso2: String,
    /// Group members (ISO3).
    pub members: Vec<String>,
    /// Topics an instrument implies (entity indices).
    pub topics: Vec<u32>,
    /// Other entities a mention of this one also counts as (`CPPNM-A` →
    /// `CPPNM`).
    pub also: Vec<u32>,
}

impl Entity {
    /// An entity with its names and nothing else yet.
    fn new(kind: EntityKind, id: &str, name: &str, aliases: Vec<String>) -> Entity {
        Entity {
            kind,
            id: id.to_string(),
            name: name.to_string(),
            aliases,
            codes: Vec::new(),
            iso2: String::new(),
            members: Vec::new(),
            topics: Vec::new(),
            also: Vec::new(),
        }
    }
}

/// The entity catalogue: what lookups need, without the automaton (which
/// is built on first use of the tagger, see [`matcher`]).
pub(crate) struct Catalog {
    pub entities: Vec<Entity>,
    pub index: FxHashMap<(EntityKind, String), u32>,
    /// Data problems (unknown ids in rules, unknown rule names); empty for
    /// good data, asserted by a test.
    pub problems: Vec<String>,
}

/// Builds the entity catalogue from the embedded data and checks the rules.
pub(crate) fn catalog() -> Catalog {
    let data = data::rows();
    let mut problems: Vec<String> = Vec::new();
    let (mut entities, index) = entities(&data, &mut problems);
    let rows = data.rules;

    // `also` links between entities.
    for r in rows.iter().filter(|r| r.rule == "also" && r.alias == "*") {
        let Some(kind) = kind_of(r.kind) else {
            problems.push(format!("rules.tsv: 'also' on kind {}", r.kind));
            continue;
        };
        let from = index.get(&(kind, r.id.to_string())).copied();
        let to = r
            .value
            .first()
            .and_then(|v| index.get(&(kind, v.to_string())))
            .copied();
        match (from, to) {
            (Some(f), Some(t)) => entities[f as usize].also.push(t),
            _ => problems.push(format!("rules.tsv: bad 'also' {} -> {:?}", r.id, r.value)),
        }
    }
    // Every rule must name a known id and alias, so a typo is caught.
    for r in rows {
        if r.kind == "block" || r.kind == "office" {
            continue;
        }
        let Some(kind) = kind_of(r.kind) else {
            problems.push(format!("rules.tsv: unknown kind {}", r.kind));
            continue;
        };
        if r.id == "*" {
            // A rule for every entity of the kind.
            if r.alias != "*" {
                problems.push(format!("rules.tsv: id '*' needs alias '*' ({})", r.rule));
            }
            continue;
        }
        match index.get(&(kind, r.id.to_string())) {
            None => problems.push(format!("rules.tsv: unknown {} id {}", r.kind, r.id)),
            Some(&e) => {
                let ent = &entities[e as usize];
                if r.alias != "*" && !ent.aliases.iter().any(|a| a == r.alias) {
                    problems.push(format!("rules.tsv: {} has no alias '{}'", r.id, r.alias));
                }
            }
        }
    }

    Catalog {
        entities,
        index,
        problems,
    }
}

/// Parses a rules.tsv kind.
fn kind_of(s: &str) -> Option<EntityKind> {
    match s {
        "country" => Some(EntityKind::Country),
        "instrument" => Some(EntityKind::Instrument),
        "group" => Some(EntityKind::Group),
        "topic" => Some(EntityKind::Topic),
        _ => None,
    }
}

/// Builds the entity table (countries merged by ISO3, then groups,
/// instruments and topics) and the id index.
#[allow(clippy::type_complexity)]
fn entities(
    p: &Rows,
    problems: &mut Vec<String>,
) -> (Vec<Entity>, FxHashMap<(EntityKind, String), u32>) {
    let mut out: Vec<Entity> = Vec::new();
    let mut index: FxHashMap<(EntityKind, String), u32> = FxHashMap::default();
    let mut push = |e: Entity, out: &mut Vec<Entity>| {
        let k = (e.kind, e.id.clone());
        if let Some(&i) = index.get(&k) {
            return i;
        }
        out.push(e);
        let i = (out.len() - 1) as u32;
        index.insert(k, i);
        i
    };
    for row in p.countries {
        let i = push(
            Entity::new(EntityKind::Country, row.iso3, row.short_name, Vec::new()),
            &mut out,
        ) as usize;
        let e = &mut out[i];
        if e.iso2.is_empty() {
            e.iso2 = row.iso2.to_string();
        }
        for a in row.aliases {
            if !e.aliases.iter().any(|x| x == a) {
                e.aliases.push(a.to_string());
                // `codes` runs parallel to `aliases` for countries: the alias
                // kind, so acronyms can be matched case-sensitively.
                e.codes.push(row.kind.to_string());
            }
        }
    }
    for g in p.groups {
        push(
            Entity {
                members: owned(g.members),
                ..Entity::new(EntityKind::Group, g.id, g.name, owned(g.aliases))
            },
            &mut out,
        );
    }
    for ins in p.instruments {
        push(
            Entity {
                codes: vec![ins.kind.to_string()],
                ..Entity::new(EntityKind::Instrument, ins.id, ins.name, owned(ins.aliases))
            },
            &mut out,
        );
    }
    for t in p.topics {
        push(
            Entity::new(EntityKind::Topic, t.id, t.label, owned(t.triggers)),
            &mut out,
        );
    }
    // Instrument → topic links, and group members must be known countries.
    for ins in p.instruments {
        let Some(&i) = index.get(&(EntityKind::Instrument, ins.id.to_string())) else {
            continue;
        };
        for t in ins.topics {
            match index.get(&(EntityKind::Topic, t.to_string())) {
                Some(&ti) => out[i as usize].topics.push(ti),
                None => problems.push(format!("instruments.tsv: {} has unknown topic {t}", ins.id)),
            }
        }
    }
    for g in p.groups {
        for m in g.members {
            if !index.contains_key(&(EntityKind::Country, m.to_string())) {
                problems.push(format!("groups.tsv: {} has unknown member {m}", g.id));
            }
        }
    }
    (out, index)
}
