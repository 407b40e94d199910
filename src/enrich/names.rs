//! The gazetteers as a dictionary of names for reading queries: which
//! typed words name an instrument, country, group or topic (`CTBT`,
//! `Test-Ban Treaty`, `North Korea`, `export controls`), or a concept of
//! `data/synonyms.tsv` (`WMD`), and what else the same thing is called.
//!
//! Why not the tagger: its automaton over every alias and trigger takes
//! tens of milliseconds to build, more than a whole search; a query is a
//! few words, so a hash map from normalised names, built from the same
//! rows, answers it; a search files only the names its words can be
//! ([`Names::for_phrases`]: 1.4 ms cold where the whole map took 2.4). The tagger's case rules
//! are kept in the one form that matters for typed words: a name written
//! in capitals (`US`, `NSG`, `AP`) matches as typed in capitals, or typed
//! in lower case unless it is then an English word (`wmd`, `isil`, `iaea`
//! are the acronyms; `us`, `who`, `aids`, `start` are the words); so `us`
//! never means the United States. A demonym names its country (`Iraqi`,
//! `North Korean`) unless it is said of two (`Korean`); weak topic
//! triggers (`customs`) and blocked phrases (`South China Sea` is not
//! China) never expand.
//!
//! ```
//! use dipsearch::enrich::names::Names;
//! let n = Names::builtin();
//! let ctbt = n.find(&["CTBT"]);
//! assert_eq!(ctbt[0].id.as_deref(), Some("CTBT"));
//! assert!(n.find(&["us"]).is_empty());
//! assert_eq!(n.find(&["isil"])[0].name, "ISIL");
//! assert_eq!(n.find(&["US"])[0].id.as_deref(), Some("USA"));
//! assert_eq!(n.find(&["Niger"])[0].id.as_deref(), Some("NER"));
//! assert!(n.find(&["Korean"]).is_empty());
//! assert_eq!(n.find(&["Iraqi"])[0].id.as_deref(), Some("IRQ"));
//! assert_eq!(n.find(&["North", "Korean"])[0].id.as_deref(), Some("PRK"));
//! ```

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::data;
use crate::model::EntityKind;
use crate::text::lexicon::NUMBER_WORDS;

/// The longest name, in words, looked for in a query.
pub const MAX_WORDS: usize = 8;

/// A topic's triggers that name it when typed (see `Builder::topics`).
const HEAD_TRIGGERS: usize = 3;

/// `data/synonyms.tsv`: concepts that are no entity (`WMD`).
const SYNONYMS: &str = include_str!("../../data/synonyms.tsv");

/// Something a query's words can name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The kind of entity, `None` for a concept of `data/synonyms.tsv`.
    pub kind: Option<EntityKind>,
    /// The entity id (`CTBT`, `PRK`), `None` for a concept.
    pub id: Option<String>,
    /// Display name (the entity's name, the concept's term).
    pub name: String,
    /// Every name it is written with, the display name first (topics: the
    /// trigger phrases that are strong on their own).
    pub names: Vec<String>,
    /// Of those, the names that mean it wherever they stand, which a
    /// search for it may look for as phrases. A name the tagger accepts
    /// only in some surroundings (a rule of `rules.tsv`: `AP` beside
    /// `safeguards`, `Korea` not after `North`, `US` not in capitals) is
    /// not: the index is lower-cased and keeps no surroundings, so `US`
    /// would find every `us` and `Korea` every `North Korea`. Its
    /// accepted mentions are found through the tag.
    pub searched: Vec<String>,
}

/// One way of writing a name, as written in the data.
struct Spelling {
    /// Index into `Names::named`.
    named: u32,
    /// Written in capitals: matches only as typed (see the module doc).
    capitals: Option<String>,
    /// A trigger ending in `*` in the data: a plural `s` may follow.
    open_end: bool,
}

/// The dictionary: normalised name → what it names.
pub struct Names {
    named: Vec<Named>,
    spellings: FxHashMap<String, Vec<Spelling>>,
}

impl Names {
    /// The dictionary built from the embedded data, once per process.
    pub fn builtin() -> &'static Names {
        static N: OnceLock<Names> = OnceLock::new();
        N.get_or_init(|| Names::build(None))
    }

    /// A dictionary that answers [`Names::find`] and [`Names::is_blocked`]
    /// for these typed phrases (each a run of query words) as the whole
    /// one would. The first time in a process, it is only the part those
    /// phrases need: a search reads a few words, and filing every one of
    /// the 1,700 names of the data was 2 ms of a 7 ms search process.
    /// From the second time on it is the whole dictionary, built once, so
    /// a server or a batch stops paying for it at every query.
    pub fn for_phrases<'a>(phrases: impl IntoIterator<Item = &'a [&'a str]>) -> Lookup {
        static ASKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if ASKED.swap(true, std::sync::atomic::Ordering::Relaxed) {
            return Lookup::Whole(Names::builtin());
        }
        Lookup::Part(Names::part(phrases))
    }

    /// The part of the dictionary these phrases need.
    fn part<'a>(phrases: impl IntoIterator<Item = &'a [&'a str]>) -> Names {
        let mut wanted = rustc_hash::FxHashSet::default();
        for typed in phrases {
            let k = normalise(&typed.join(" "));
            if let Some(stem) = k.strip_suffix('s') {
                wanted.insert(stem.to_string());
            }
            wanted.insert(k);
        }
        Names::build(Some(wanted))
    }

    /// The dictionary; with `wanted`, only the names that normalise to
    /// one of those keys.
    fn build(wanted: Option<rustc_hash::FxHashSet<String>>) -> Names {
        let p = data::rows();
        let starts = wanted
            .iter()
            .flatten()
            .fold(0u128, |bits, k| match k.bytes().next() {
                Some(b) if b.is_ascii() => bits | 1u128 << b,
                _ => bits,
            });
        let mut b = Builder {
            spellings: FxHashMap::with_capacity_and_hasher(
                if wanted.is_some() { 16 } else { 2_048 },
                Default::default(),
            ),
            wanted,
            starts,
            ..Builder::default()
        };
        for rule in p.rules.iter().filter(|r| r.kind == "block") {
            b.block(rule.alias);
        }
        let bound = Bound::of(p.rules);
        b.countries(p.countries, &bound);
        for i in p.instruments {
            b.listed(EntityKind::Instrument, (i.id, i.name, i.aliases), &bound);
        }
        for g in p.groups {
            b.listed(EntityKind::Group, (g.id, g.name, g.aliases), &bound);
        }
        b.topics(p.topics, &bound);
        for line in SYNONYMS.lines().skip(1) {
            let mut f = line.split('\t');
            let (Some(term), Some(eq)) = (f.next(), f.next()) else {
                continue;
            };
            // `one way`: the term is what people type for the equivalents
            // (`nukes`), which must not read as the term in turn.
            let one_way = f.next().is_some_and(|notes| notes.contains("one way"));
            if !b.wants_any([term].into_iter().chain(eq.split('|'))) {
                continue;
            }
            b.concept(term.trim());
            for e in eq.split('|').map(str::trim).filter(|e| !e.is_empty()) {
                match one_way {
                    true => b.searched_only(e),
                    false => b.alias(e, false),
                }
            }
        }
        Names {
            named: b.named,
            spellings: b.spellings,
        }
    }

    /// What the typed words (one query word each, as typed) name together,
    /// most specific first: every entity or concept one of whose names
    /// normalises to the same words, subject to the case rule. Empty for
    /// a blocked phrase.
    pub fn find(&self, typed: &[&str]) -> Vec<&Named> {
        let k = normalise(&typed.join(" "));
        if k.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<&Named> = Vec::new();
        let mut push = |spellings: &[Spelling], singular: bool| {
            for s in spellings {
                if singular && !s.open_end {
                    continue;
                }
                if let Some(caps) = &s.capitals {
                    if !capitals_match(typed, caps) {
                        continue;
                    }
                }
                if let Some(n) = self.named.get(s.named as usize) {
                    if !out.iter().any(|o| std::ptr::eq(*o, n)) {
                        out.push(n);
                    }
                }
            }
        };
        if let Some(s) = self.spellings.get(&k) {
            push(s, false);
        }
        if let Some(stem) = k.strip_suffix('s') {
            if let Some(s) = self.spellings.get(stem) {
                push(s, true);
            }
        }
        out.retain(|n| n.kind.is_some() || !n.names.is_empty());
        out
    }
}

impl Names {
    /// The entry of an entity, for its names.
    pub fn entity(&self, kind: EntityKind, id: &str) -> Option<&Named> {
        self.named
            .iter()
            .find(|n| n.kind == Some(kind) && n.id.as_deref() == Some(id))
    }

    /// Whether the typed words are a phrase that names nothing although it
    /// contains a name (`South China Sea`).
    pub fn is_blocked(&self, typed: &[&str]) -> bool {
        let k = normalise(&typed.join(" "));
        self.spellings.get(&k).is_some_and(|list| {
            list.iter().any(|s| {
                self.named
                    .get(s.named as usize)
                    .is_some_and(|n| n.kind.is_none() && n.names.is_empty())
            })
        })
    }
}

/// What [`Names::for_phrases`] gives: the whole dictionary or a part.
pub enum Lookup {
    /// The process's dictionary.
    Whole(&'static Names),
    /// A part built for some phrases.
    Part(Names),
}

impl std::ops::Deref for Lookup {
    type Target = Names;

    fn deref(&self) -> &Names {
        match self {
            Lookup::Whole(n) => n,
            Lookup::Part(n) => n,
        }
    }
}

/// Acronyms of the data that are also English words typed in lower case
/// (`us`, `who`, `aids`, `start`, `car`, and `nam` of `Viet Nam`): in
/// lower case they are the word.
const LOWER_CASE_WORDS: &[&str] = &[
    "us", "who", "aids", "start", "car", "doc", "fry", "apt", "opt", "nam", "au", "wa", "ag", "tac",
];

/// Whether words typed for a name written in capitals match it: as
/// written, in lower case (`wmd`, `isil`, `iaea`, `usa`) or with a capital
/// first (`Nato`, `Unifil`) unless the lower-case word is an English one
/// (see [`LOWER_CASE_WORDS`]: `Who`, `Start`, `Aids` stay words).
fn capitals_match(typed: &[&str], caps: &str) -> bool {
    let typed = typed.join(" ");
    if typed == caps {
        return true;
    }
    // In lower case (`iaea`), or a single word with only its first letter
    // a capital, as the British press writes acronyms (`Nato`, `Unifil`).
    let mut rest = typed.chars();
    let title_case = !typed.contains(' ')
        && rest.next().is_some_and(|c| c.is_ascii_uppercase())
        && rest.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let lower = typed.to_ascii_lowercase();
    typed.len() >= 2
        && (title_case
            || typed
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
        && !LOWER_CASE_WORDS.contains(&lower.as_str())
        && typed.eq_ignore_ascii_case(caps)
}

/// Words as the index sees them, unstemmed: lower case, accents folded,
/// split at anything not a letter or digit, joined by one space
/// (`Côte d’Ivoire` → `cote d ivoire`, `Test-Ban` → `test ban`), and an
/// ordinal in figures up to the twentieth in words (`4th Geneva
/// Convention` → `fourth geneva convention`): people type the figure for
/// the names the data spells out.
pub fn normalise(text: &str) -> String {
    let out = letters(text);
    if !out.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let words: Vec<&str> = out.split(' ').map(ordinal_word).collect();
    words.join(" ")
}

/// `4th` → `fourth`, up to `20th`; any other word as it is.
fn ordinal_word(word: &str) -> &str {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let due = |n: usize| match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    match digits.parse::<usize>() {
        Ok(n @ 1..=20) if suffix == due(n) => NUMBER_WORDS[n - 1].1,
        _ => word,
    }
}

/// [`normalise`] before the ordinals.
fn letters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            // Most names are ASCII: no case table or fold needed.
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            for l in c.to_lowercase() {
                out.push(fold(l));
            }
        } else {
            gap = true;
        }
    }
    out
}

/// The unaccented letter of the accented Latin letters names use.
fn fold(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì'..='ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ğ' => 'g',
        'ł' => 'l',
        'ř' => 'r',
        'ś' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ț' => 't',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

/// Whether a name is written in capitals (`US`, `NSG`, `MDGs`, `10+3`
/// has no letters and is not).
fn in_capitals(name: &str) -> bool {
    name.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !name
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_lowercase()).count() > 1)
}

/// What a rule of `rules.tsv` makes of a name for reading queries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Restriction {
    /// The name means the thing only in some surroundings (words before
    /// or after, the paragraph, case): looked up, not searched.
    Surroundings,
    /// The name refers back to the thing once a document has named it
    /// (`after`, `doc_context`): neither looked up nor searched.
    BackReference,
    /// A topic trigger that counts only beside a strong one (`weak`): not
    /// a subject on its own, neither looked up nor searched.
    Weak,
}

/// The names of `rules.tsv` that a rule restricts, by (kind, id, alias).
struct Bound(FxHashMap<(&'static str, &'static str, &'static str), Restriction>);

impl Bound {
    fn of(rows: &[data::RuleRow]) -> Bound {
        let mut map = FxHashMap::default();
        for r in rows {
            // A rule for every name of an id or of a kind (`no_nested`,
            // `place_in_title`) says nothing about one name; `also` adds
            // an id rather than restricting one.
            if r.alias == "*" || r.id == "*" || matches!(r.rule, "also" | "block") {
                continue;
            }
            let rule = match r.rule {
                "after" | "doc_context" => Restriction::BackReference,
                "weak" => Restriction::Weak,
                _ => Restriction::Surroundings,
            };
            // A name left out altogether stays out whatever else its
            // other rules say.
            let slot = map.entry((r.kind, r.id, r.alias)).or_insert(rule);
            if rule != Restriction::Surroundings {
                *slot = rule;
            }
        }
        Bound(map)
    }

    fn rule(
        &self,
        kind: &'static str,
        id: &'static str,
        alias: &'static str,
    ) -> Option<Restriction> {
        self.0.get(&(kind, id, alias)).copied()
    }
}

#[derive(Default)]
struct Builder {
    named: Vec<Named>,
    spellings: FxHashMap<String, Vec<Spelling>>,
    /// The normalised `names` of the last entry: comparing each new alias
    /// against them normalised afresh was quadratic in a topic's triggers
    /// and most of a query's start-up.
    last_keys: Vec<String>,
    /// Only names with these keys are filed (see [`Names::for_phrases`]).
    wanted: Option<rustc_hash::FxHashSet<String>>,
    /// The first bytes of the wanted keys (bit n for byte n), to pass
    /// over most names without normalising them.
    starts: u128,
}

impl Builder {
    /// Whether an entry with these names (every name it is filed or
    /// written under, or more) can be wanted: always for the whole
    /// dictionary; for a part, when one of them normalises to a wanted
    /// key. An entry that cannot is left out whole (building the part
    /// normalised every name of the data, a third of it). A name starting
    /// with an ASCII letter or digit starts its key with that, lower-cased,
    /// so most are told apart by their first byte.
    fn wants_any<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> bool {
        let Some(wanted) = &self.wanted else {
            return true;
        };
        names.into_iter().any(|n| {
            let first = n.chars().find(|c| c.is_alphanumeric());
            match first {
                None => false,
                Some(c) if c.is_ascii() => {
                    self.starts & (1u128 << c.to_ascii_lowercase() as u32) != 0
                        && wanted.contains(&normalise(n))
                }
                Some(_) => wanted.contains(&normalise(n)),
            }
        })
    }

    /// The countries, each with its aliases and two-word demonyms.
    fn countries(&mut self, rows: &[data::CountryRow], bound: &Bound) {
        // The countries a part needs (a country's rows are consecutive).
        let countries: Option<rustc_hash::FxHashSet<&str>> = self.wanted.is_some().then(|| {
            rows.iter()
                .filter(|c| {
                    self.wants_any([c.short_name].into_iter().chain(c.aliases.iter().copied()))
                })
                .map(|c| c.iso3)
                .collect()
        });
        let mut last_country = "";
        for c in rows {
            if countries.as_ref().is_some_and(|w| !w.contains(c.iso3)) {
                continue;
            }
            if c.kind == "demonym" {
                // A demonym names its country (`Iraqi nuclear`, `North
                // Korean`), as the tagger reads it; `Korean` and
                // `Congolese` have no row (two countries each), and
                // `Central African` is said of the region's states as
                // often as of the one.
                // Its plural names the country too (`Palestinians`,
                // `Israelis`, `Rwandans`: the people, as often typed as
                // the adjective).
                if c.iso3 == last_country {
                    for a in c.aliases.iter().filter(|a| **a != "Central African") {
                        match bound.rule("country", c.iso3, a) {
                            None => self.alias(a, true),
                            Some(Restriction::Surroundings) => self.bound_alias(a, true),
                            Some(_) => {}
                        }
                    }
                }
                continue;
            }
            if c.iso3 != last_country {
                last_country = c.iso3;
                self.entity(EntityKind::Country, c.iso3, c.short_name);
            }
            for a in c.aliases {
                self.ruled_alias(bound.rule("country", c.iso3, a), a);
            }
        }
    }

    /// An instrument or group: its id, display name and aliases, each
    /// name as its rule in `rules.tsv` says (see [`Builder::ruled_alias`]).
    fn listed(
        &mut self,
        kind: EntityKind,
        (id, name, aliases): (&'static str, &'static str, &'static [&'static str]),
        bound: &Bound,
    ) {
        if !self.wants_any([name, id].into_iter().chain(aliases.iter().copied())) {
            return;
        }
        self.entity(kind, id, name);
        for a in std::iter::once(&id).chain(aliases) {
            self.ruled_alias(bound.rule(kind.as_str(), id, a), a);
        }
    }

    /// The topics: their labels and ids are looked up, their triggers
    /// looked up and searched (see [`Named::searched`]).
    ///
    /// Only a topic's first triggers, its own names (`peacekeeping`,
    /// `peace-keeping`, `peacekeeper*`), name it when typed: the later ones
    /// are narrower subjects within it (`UNDOF`, `ceasefire`, `genocide`,
    /// `ARF`), and reading `UNDOF` as every peacekeeping paragraph (812 on
    /// ../shared/data/real, none of them about UNDOF) buried what was
    /// asked for. They are still searched when the topic is read.
    fn topics(&mut self, rows: &[data::TopicRow], bound: &Bound) {
        for t in rows {
            let keys = [t.label, t.id].into_iter().chain(t.label.split('/'));
            let heads = t.triggers.iter().take(HEAD_TRIGGERS).copied();
            if !self.wants_any(keys.chain(heads)) {
                continue;
            }
            self.entity(EntityKind::Topic, t.id, t.label);
            self.key_only(&t.id.replace('-', " "));
            for part in t.label.split('/') {
                self.key_only(part);
            }
            for (i, trigger) in t.triggers.iter().enumerate() {
                // A weak trigger is not a subject on its own; one with
                // another rule (`verification` beside `IAEA`) names the
                // subject when typed, but is not searched for it.
                let open = trigger.ends_with('*');
                let name = trigger.trim_end_matches('*');
                match bound.rule("topic", t.id, trigger) {
                    None if i < HEAD_TRIGGERS => self.alias(name, open),
                    None => self.add_name(&normalise(name), name, true),
                    Some(Restriction::Surroundings) if i < HEAD_TRIGGERS => {
                        self.bound_alias(name, open)
                    }
                    Some(_) => {}
                }
            }
        }
    }

    /// Starts a new entry, whose first name is its display name.
    fn push(&mut self, named: Named) {
        self.last_keys = named.names.iter().map(|n| normalise(n)).collect();
        self.named.push(named);
    }

    fn entity(&mut self, kind: EntityKind, id: &str, name: &str) {
        self.push(Named {
            kind: Some(kind),
            id: Some(id.to_string()),
            name: name.to_string(),
            names: vec![name.to_string()],
            searched: vec![name.to_string()],
        });
        self.key_only(name);
    }

    fn concept(&mut self, term: &str) {
        self.push(Named {
            kind: None,
            id: None,
            name: term.to_string(),
            names: vec![term.to_string()],
            searched: vec![term.to_string()],
        });
        self.spell(term, false);
    }

    /// Adds `alias`, whose normalised form is `k`, to the last entry's
    /// names (and to the names searched when `searched`), unless a name
    /// with that key is there already.
    fn add_name(&mut self, k: &str, alias: &str, searched: bool) {
        if let Some(n) = self.named.last_mut() {
            if !self.last_keys.iter().any(|l| l == k) {
                n.names.push(alias.to_string());
                if searched {
                    n.searched.push(alias.to_string());
                }
                self.last_keys.push(k.to_string());
            }
        }
    }

    /// A name of the last entity, also searched as a phrase.
    fn alias(&mut self, alias: &str, open_end: bool) {
        let k = normalise(alias);
        self.add_name(&k, alias, true);
        self.spell_key(k, alias, open_end);
    }

    /// A name of the last entity whose rule in `rules.tsv` (if any) says
    /// whether it is searched (see [`Named::searched`]).
    fn ruled_alias(&mut self, rule: Option<Restriction>, alias: &str) {
        match rule {
            None => self.alias(alias, false),
            Some(Restriction::Surroundings) => self.bound_alias(alias, false),
            // `the Initiative`, `Statement of Principles`: a short form
            // that names it only once the document has named it; typed
            // alone it means nothing in particular.
            Some(Restriction::BackReference | Restriction::Weak) => {}
        }
    }

    /// A name of the last entity that is looked up but, meaning it only in
    /// some surroundings, not searched; nor is any name written the same
    /// way (the display name `Jordan` with the alias `Jordan`).
    fn bound_alias(&mut self, alias: &str, open_end: bool) {
        let k = normalise(alias);
        if let Some(n) = self.named.last_mut() {
            n.searched.retain(|s| normalise(s) != k);
        }
        self.add_name(&k, alias, false);
        self.spell_key(k, alias, open_end);
    }

    /// A name of the last entity that is searched but not looked up (the
    /// terms a `one way` synonym stands for).
    fn searched_only(&mut self, alias: &str) {
        self.add_name(&normalise(alias), alias, true);
    }

    /// A name of the last entity that is looked up but not searched (a
    /// topic's label).
    fn key_only(&mut self, name: &str) {
        self.spell(name, false);
    }

    fn spell(&mut self, name: &str, open_end: bool) {
        self.spell_key(normalise(name), name, open_end);
    }

    /// Files `name`, whose normalised form is `k`, under the last entry.
    fn spell_key(&mut self, k: String, name: &str, open_end: bool) {
        if k.is_empty()
            || self.named.is_empty()
            || self.wanted.as_ref().is_some_and(|w| !w.contains(&k))
        {
            return;
        }
        let named = (self.named.len() - 1) as u32;
        let list = self.spellings.entry(k).or_default();
        if let Some(known) = list.iter_mut().find(|s| s.named == named) {
            known.open_end |= open_end;
            // Capitals bind only when every name with the key has them:
            // the id `UN-CHARTER` must not hold `UN Charter` to its case.
            if !in_capitals(name) {
                known.capitals = None;
            }
            return;
        }
        list.push(Spelling {
            named,
            capitals: in_capitals(name).then(|| name.to_string()),
            open_end,
        });
    }

    /// A phrase that names nothing even though it contains a name.
    fn block(&mut self, phrase: &str) {
        self.push(Named {
            kind: None,
            id: None,
            name: phrase.to_string(),
            names: Vec::new(),
            searched: Vec::new(),
        });
        self.spell(phrase, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(words: &str) -> Vec<String> {
        let typed: Vec<&str> = words.split(' ').collect();
        Names::builtin()
            .find(&typed)
            .iter()
            .map(|n| n.id.clone().unwrap_or_else(|| n.name.clone()))
            .collect()
    }

    #[test]
    fn names_acronyms_and_spellings() {
        assert_eq!(ids("UN Charter"), ["UN-CHARTER"]);
        assert_eq!(ids("CTBT"), ["CTBT"]);
        assert_eq!(ids("ctbt"), ["CTBT"]);
        assert_eq!(ids("Comprehensive Test Ban Treaty"), ["CTBT"]);
        assert_eq!(ids("North Korea"), ["PRK", "korean-peninsula"]);
        assert_eq!(ids("DPRK")[0], "PRK");
        assert_eq!(ids("Cote d'Ivoire"), ["CIV"]);
        assert_eq!(ids("WMD"), ["WMD"]);
        assert_eq!(ids("wmd"), ["WMD"]);
        assert!(ids("export controls").contains(&"export-control".to_string()));
        assert_eq!(ids("strategic trade")[0], "export-control");
        assert_eq!(ids("interdiction"), ["interdiction"]);
        assert_eq!(ids("Bangkok Treaty"), ["SEANWFZ"]);
    }

    #[test]
    fn the_part_for_some_phrases_answers_as_the_whole() {
        let phrases: Vec<Vec<&str>> = [
            "CTBT",
            "ctbt",
            "us",
            "US",
            "North Korea",
            "Korea",
            "export controls",
            "South China Sea",
            "China",
            "Cote d'Ivoire",
            "WMD",
            "the",
            "Niger",
        ]
        .iter()
        .map(|p| p.split(' ').collect())
        .collect();
        let part = Names::part(phrases.iter().map(Vec::as_slice));
        let whole = Names::builtin();
        for typed in &phrases {
            assert_eq!(part.find(typed), whole.find(typed), "{typed:?}");
            assert_eq!(part.is_blocked(typed), whole.is_blocked(typed), "{typed:?}");
        }
        assert!(part.is_blocked(&["South", "China", "Sea"]));
        // A phrase it was not built for names nothing.
        assert!(part.find(&["Japan"]).is_empty());
        // From the second lookup of a process on, the whole dictionary.
        let typed: &[&str] = &["Japan"];
        let _ = Names::for_phrases([typed]);
        let again = Names::for_phrases([typed]);
        assert!(matches!(again, Lookup::Whole(_)));
        assert_eq!(again.find(typed)[0].id.as_deref(), Some("JPN"));
    }

    #[test]
    fn traps() {
        assert!(ids("us").is_empty());
        assert!(ids("apt").is_empty());
        assert_eq!(ids("Niger"), ["NER"]);
        assert_eq!(ids("Nigeria"), ["NGA"]);
        assert!(ids("Korean").is_empty());
        assert!(!ids("Korean Peninsula").contains(&"KOR".to_string()));
        assert!(
            ids("South China Sea").is_empty()
                || !ids("South China Sea").contains(&"CHN".to_string())
        );
        assert!(ids("customs").is_empty());
        assert!(ids("the").is_empty());
    }

    /// Every 7th name the whole dictionary files, as typed in the data
    /// and in lower case (with a plural `s`), answers the same from a
    /// part built for it alone: entries, names searched and all.
    #[test]
    fn a_part_answers_every_name_as_the_whole() {
        let whole = Names::builtin();
        let mut keys: Vec<&String> = whole.spellings.keys().collect();
        keys.sort();
        let mut typed_forms: Vec<String> = Vec::new();
        for k in keys.iter().step_by(7) {
            for s in &whole.spellings[*k] {
                typed_forms.push(s.capitals.clone().unwrap_or_else(|| k.to_string()));
            }
            typed_forms.push(format!("{k}s"));
        }
        for typed in &typed_forms {
            let words: Vec<&str> = typed.split(' ').collect();
            let part = Names::part([words.as_slice()]);
            assert_eq!(part.find(&words), whole.find(&words), "{typed:?}");
            assert_eq!(
                part.is_blocked(&words),
                whole.is_blocked(&words),
                "{typed:?}"
            );
        }
        assert!(typed_forms.len() > 400, "{}", typed_forms.len());
    }

    #[test]
    fn names_bound_to_their_surroundings_are_looked_up_but_not_searched() {
        let n = Names::builtin();
        let searched = |kind, id| {
            n.entity(kind, id)
                .map(|e| e.searched.clone())
                .unwrap_or_default()
        };
        let usa = searched(EntityKind::Country, "USA");
        assert!(usa.iter().any(|s| s == "United States of America"));
        for bound in ["US", "U.S.", "America"] {
            assert!(!usa.iter().any(|s| s == bound), "{bound} in {usa:?}");
        }
        let kor = searched(EntityKind::Country, "KOR");
        assert!(kor.iter().any(|s| s == "Republic of Korea"));
        assert!(!kor.iter().any(|s| s == "Korea"), "{kor:?}");
        // The display name too, when its alias is bound (`Michael Jordan`).
        let jor = n.entity(EntityKind::Country, "JOR").expect("JOR");
        assert_eq!(jor.name, "Jordan");
        assert!(
            !jor.searched.iter().any(|s| s == "Jordan"),
            "{:?}",
            jor.searched
        );
        let psi = searched(EntityKind::Instrument, "PSI");
        assert!(psi.iter().any(|s| s == "Proliferation Security Initiative"));
        assert!(
            !psi.iter().any(|s| s == "the Initiative" || s == "PSI"),
            "{psi:?}"
        );
        let ap = searched(EntityKind::Instrument, "IAEA-AP");
        assert!(!ap.iter().any(|s| s == "AP"), "{ap:?}");
        // Still looked up as typed: the rule says when the name means it.
        assert_eq!(ids("AP"), ["IAEA-AP"]);
        assert_eq!(ids("Jordan"), ["JOR"]);
        assert_eq!(ids("US"), ["USA"]);
        // A back-reference means nothing alone.
        assert!(ids("the Initiative").is_empty());
        assert!(ids("Statement of Principles").is_empty());
        // Topic triggers with a rule: `verification` is the safeguards topic
        // when typed, not searched for it.
        let safeguards = searched(EntityKind::Topic, "safeguards");
        assert!(
            !safeguards.iter().any(|s| s == "verification"),
            "{safeguards:?}"
        );
    }

    #[test]
    fn normalises_like_the_index() {
        assert_eq!(normalise("Côte d’Ivoire"), "cote d ivoire");
        assert_eq!(normalise(" Test-Ban  Treaty "), "test ban treaty");
        assert_eq!(normalise("Türkiye"), "turkiye");
        assert_eq!(
            normalise("4th Geneva Convention"),
            "fourth geneva convention"
        );
        assert_eq!(normalise("G20 21st"), "g20 21st");
    }
}
