//! Builds the matcher from the catalogue and `rules.tsv`: one aho-corasick automaton
//! over every alias, trigger, blocker and context phrase, and for each
//! pattern the list of *variants* (what it means, how its case is checked,
//! which rules gate it).
//!
//! Several variants can share one pattern: `ASEAN` is a group alias and a
//! regional-cooperation trigger; `European Union` is both the country-like
//! entity `EUU` and the group `EU`; `Additional Protocol` (capitalised, not
//! before `II` or `to the Geneva …`) and `additional protocol` (needs IAEA
//! context) differ only in case. Every rule comes from `data/rules.tsv`;
//! nothing here names a country.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::catalog::Entity;
use super::data::{owned, RuleRow};
use super::resolution;
use super::text::{fold_pattern, shape_into};
use crate::model::EntityKind;

/// How the case of a match is checked against its alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Byte-for-byte: acronyms (`US`, `PSI`, `PoA`).
    Exact,
    /// Every word that starts with a capital in the alias must start with a
    /// capital in the text (`Republic of Korea`, `the Initiative`); ALL-CAPS
    /// text passes.
    Proper,
    /// Any case (lower-case topic triggers, context phrases).
    Any,
}

/// What a pattern variant stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// One or more entities (usually one).
    Entities(Vec<u32>),
    /// A place or phrase that must win over shorter aliases inside it and
    /// means nothing itself (`South China Sea`, `Latin America`).
    Block,
    /// A word that introduces resolution numbers. `strong` lead words
    /// (`UNSCR`, `S/RES/`) need no Security Council context.
    Resolution { strong: bool },
    /// A topic trigger; weak ones count only beside a strong hit.
    Topic { topic: u32, weak: bool },
    /// A context phrase used by rules.
    Marker(u32),
    /// A word of a job title or office name; topic triggers inside the
    /// name do not count.
    Office(OfficeWord),
}

/// The part a word plays in a job title or office name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OfficeWord {
    /// Heads a name before one of these prepositions (`Director-General`
    /// + `for`/`of`): the capitalised words after it are the name.
    Head(Vec<String>),
    /// Ends a name (`Division`): the capitalised words before it.
    Tail,
    /// An organisation whose name says its field, so that its triggers
    /// count even inside a title (`Director General of the International
    /// Atomic Energy Agency` is nuclear).
    Keep,
}

/// A gate on a variant; all of a variant's rules must pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Rule {
    /// One of these markers occurs in the paragraph.
    Context(Vec<u32>),
    /// None of these markers occurs in the paragraph.
    RejectContext(Vec<u32>),
    /// One of these markers occurs anywhere in the document.
    DocContext(Vec<u32>),
    /// The entity was tagged earlier in the document (`the Initiative`).
    After(u32),
    /// One of these phrases follows.
    FollowedBy(Vec<String>),
    /// None of these phrases follows.
    NotFollowedBy(Vec<String>),
    /// One of these phrases precedes.
    PrecededBy(Vec<String>),
    /// None of these phrases precedes.
    NotPrecededBy(Vec<String>),
    /// Not inside an ALL-CAPS line or heading (`LET US`).
    NotAllCaps,
    /// The next word is not capitalised (`Chad Smith`).
    NotNextCapitalized,
    /// The next word is no surname: not capitalised, or one of the words
    /// that follow a country's name capitalised in running text
    /// (`Chad President`, `Jordan Foreign Minister`, `Jordan Tuesday`), so
    /// `said Jordan Akello` names a person and `the Chad Government` the
    /// country.
    NotNextName,
    /// The previous word is not capitalised (`Michael Jordan`).
    NotPrevCapitalized,
    /// Not a place naming a document: not followed by one of these
    /// capitalised nouns (`the 1992 Singapore Declaration`) unless joined to
    /// another name by a hyphen or slash (`Japan-Singapore Declaration`
    /// names the parties).
    PlaceInTitle(Vec<String>),
}

/// One meaning of a pattern.
#[derive(Debug, Clone)]
pub(crate) struct Variant {
    pub target: Target,
    /// The alias folded but with its case, for case checks.
    pub alias: String,
    pub case: Case,
    /// `*` trigger or marker: the match may continue to the end of the word.
    pub prefix: bool,
    /// Topic trigger without `*`: a plural `s`/`es` may follow.
    pub plural: bool,
    /// Instrument whose span must not yield nested country tags
    /// (`Australia Group`).
    pub no_nested: bool,
    pub rules: Vec<Rule>,
}

/// The compiled automaton and what each pattern means.
pub(crate) struct Matcher {
    /// Over the keys' [`shape`]s, each led by a space when the key starts
    /// with a word character: search the text's shape ([`shaped_text`]).
    pub ac: AhoCorasick,
    /// The ASCII-lower-cased folded keys, by pattern id: a hit in the
    /// shapes is one of the key only when the text's bytes equal it. A
    /// key's shape is led by a space when [`led`] says so.
    pub keys: Vec<Box<str>>,
    /// Variants per pattern id.
    pub variants: Vec<Vec<Variant>>,
    /// Number of distinct context markers.
    pub marker_count: usize,
    /// Markers that show Security Council context for bare `resolution N`.
    pub council_markers: Vec<u32>,
}

/// Whether a key's shape in the automaton is led by a space: the key
/// starts with a word character, so a match must begin where a word does.
pub(crate) fn led(key: &str) -> bool {
    key.starts_with(super::text::is_word)
}

/// Case mode implied by an alias's shape: no lower-case letters, or one
/// token with an inner capital (`CoCom`, `PoA`), is an acronym.
fn case_of(alias: &str) -> Case {
    let has_lower = alias.chars().any(char::is_lowercase);
    let inner_cap = !alias.contains(' ') && alias.chars().skip(1).any(char::is_uppercase);
    if !has_lower || inner_cap {
        Case::Exact
    } else {
        Case::Proper
    }
}

/// Collects patterns and their variants, deduplicating patterns by their
/// ASCII-lower-cased folded form.
#[derive(Default)]
struct Builder {
    keys: Vec<String>,
    by_key: HashMap<String, usize>,
    variants: Vec<Vec<Variant>>,
    markers: HashMap<String, u32>,
}

impl Builder {
    fn add(&mut self, folded: &str, v: Variant) {
        if folded.is_empty() {
            return;
        }
        let key = folded.to_ascii_lowercase();
        let i = match self.by_key.get(&key) {
            Some(&i) => i,
            None => {
                self.keys.push(key.clone());
                self.variants.push(Vec::new());
                self.by_key.insert(key, self.keys.len() - 1);
                self.keys.len() - 1
            }
        };
        let list = &mut self.variants[i];
        // Same meaning, same spelling and case handling, same rules: keep one.
        if !list.iter().any(|o| {
            o.target == v.target && o.case == v.case && o.rules == v.rules && o.alias == v.alias
        }) {
            list.push(v);
        }
    }

    /// A pattern with no rules or flags (blockers, resolution lead words);
    /// the case follows the alias's shape unless given.
    fn add_plain(&mut self, folded: &str, target: Target, case: Option<Case>) {
        self.add(
            folded,
            Variant {
                target,
                alias: folded.to_string(),
                case: case.unwrap_or_else(|| case_of(folded)),
                prefix: false,
                plural: false,
                no_nested: false,
                rules: Vec::new(),
            },
        );
    }

    /// The automaton over every pattern, and the variants per pattern.
    ///
    /// A contiguous NFA rather than a DFA: the DFA scans faster on its own,
    /// but over all the gazetteer's patterns it is larger than a whole L3
    /// cache, where an ingest also keeps its stem cache and the postings it
    /// builds; in the ingest the NFA costs less CPU, and it is built in half
    /// the time, which every process that tags pays (benches/PROFILE.md).
    ///
    /// Case-sensitive over the keys' shapes (lower case, punctuation a
    /// space; see [`shape_into`]), searched over the text's shape
    /// ([`super::scan::scan`]): the same matches as an ASCII
    /// case-insensitive automaton, whose every letter state carries both
    /// cases' transitions, so that each byte costs a longer search of its
    /// state's transitions. A key that starts with a word character is led
    /// by a space, so that a match begins only where a word does.
    fn finish(self, council_markers: Vec<u32>) -> Matcher {
        let shapes: Vec<Vec<u8>> = self
            .keys
            .iter()
            .map(|k| {
                let mut s = Vec::with_capacity(k.len() + 1);
                if led(k) {
                    s.push(b' ');
                }
                shape_into(k, &mut s);
                s
            })
            .collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&shapes)
            .or_else(|_| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&shapes)
            });
        // The patterns are the embedded data, known good: a test builds them.
        #[allow(clippy::expect_used)]
        let ac = ac.expect("embedded gazetteer patterns build an automaton");
        Matcher {
            ac,
            keys: self.keys.into_iter().map(String::into_boxed_str).collect(),
            variants: self.variants,
            marker_count: self.markers.len(),
            council_markers,
        }
    }

    /// The marker id for a context phrase, adding its pattern on first use.
    fn marker(&mut self, phrase: &str) -> u32 {
        let folded = fold_pattern(phrase);
        let key = folded.to_ascii_lowercase();
        if let Some(&m) = self.markers.get(&key) {
            return m;
        }
        let m = self.markers.len() as u32;
        self.markers.insert(key, m);
        self.add(
            &folded,
            Variant {
                target: Target::Marker(m),
                alias: folded.clone(),
                case: Case::Any,
                prefix: true,
                plural: false,
                no_nested: false,
                rules: Vec::new(),
            },
        );
        m
    }
}

/// Rules for one (kind, id, alias) as written in `rules.tsv` (alias `*`
/// matches every alias of the id), indexed by (kind, id).
struct RuleBook<'a> {
    by_id: HashMap<(&'a str, &'a str), Vec<&'a RuleRow>>,
}

impl<'a> RuleBook<'a> {
    fn new(rows: &'a [RuleRow]) -> RuleBook<'a> {
        let mut by_id: HashMap<(&str, &str), Vec<&RuleRow>> = HashMap::new();
        for r in rows {
            by_id.entry((r.kind, r.id)).or_default().push(r);
        }
        RuleBook { by_id }
    }

    /// The rows for one alias: those of its id (for that alias or `*`)
    /// and those written for every id of its kind (id and alias `*`).
    fn for_alias(&self, kind: &str, id: &str, alias: &str) -> Vec<&'a RuleRow> {
        let own = self.by_id.get(&(kind, id)).into_iter().flatten();
        let every = self.by_id.get(&(kind, "*")).into_iter().flatten();
        own.filter(|r| r.alias == alias || r.alias == "*")
            .chain(every.filter(|r| r.alias == "*"))
            .copied()
            .collect()
    }
}

/// Turns the rule rows of one alias into rules and flags.
fn gate(
    rows: Vec<&RuleRow>,
    b: &mut Builder,
    index: &rustc_hash::FxHashMap<(EntityKind, String), u32>,
    kind: EntityKind,
    problems: &mut Vec<String>,
) -> (Vec<Rule>, bool, bool) {
    let mut rules = Vec::new();
    let (mut weak, mut no_nested) = (false, false);
    let phrases = |v: &[&str]| v.iter().map(|p| fold_pattern(p)).collect::<Vec<_>>();
    for r in rows {
        match r.rule {
            "context" => rules.push(Rule::Context(r.value.iter().map(|p| b.marker(p)).collect())),
            "reject_context" => rules.push(Rule::RejectContext(
                r.value.iter().map(|p| b.marker(p)).collect(),
            )),
            "doc_context" => rules.push(Rule::DocContext(
                r.value.iter().map(|p| b.marker(p)).collect(),
            )),
            "after" => match r
                .value
                .first()
                .and_then(|v| index.get(&(kind, v.to_string())))
            {
                Some(&e) => rules.push(Rule::After(e)),
                None => problems.push(format!("rules.tsv: 'after' names unknown id {:?}", r.value)),
            },
            "followed_by" => rules.push(Rule::FollowedBy(phrases(r.value))),
            "not_followed_by" => rules.push(Rule::NotFollowedBy(phrases(r.value))),
            "preceded_by" => rules.push(Rule::PrecededBy(phrases(r.value))),
            "not_preceded_by" => rules.push(Rule::NotPrecededBy(phrases(r.value))),
            "not_all_caps" => rules.push(Rule::NotAllCaps),
            "not_next_capitalized" => rules.push(Rule::NotNextCapitalized),
            "not_next_name" => rules.push(Rule::NotNextName),
            "not_prev_capitalized" => rules.push(Rule::NotPrevCapitalized),
            "place_in_title" => rules.push(Rule::PlaceInTitle(phrases(r.value))),
            "weak" => weak = true,
            "no_nested" => no_nested = true,
            "also" => {}
            other => problems.push(format!("rules.tsv: unknown rule '{other}'")),
        }
    }
    (rules, weak, no_nested)
}

fn kind_name(kind: EntityKind) -> &'static str {
    kind.as_str()
}

/// Builds the pattern table and the automaton over a catalogue; returns the
/// matcher and any data problems found on the way.
pub(crate) fn matcher(
    entities: &[Entity],
    index: &rustc_hash::FxHashMap<(EntityKind, String), u32>,
    rules: &[RuleRow],
) -> (Matcher, Vec<String>) {
    let mut c = Compiler {
        index,
        book: RuleBook::new(rules),
        b: Builder::default(),
        problems: Vec::new(),
    };
    for (ei, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Topic {
            c.entity_aliases(ei as u32, e);
        }
    }
    for r in rules.iter().filter(|r| r.kind == "block") {
        c.b.add_plain(&fold_pattern(r.alias), Target::Block, None);
    }
    for r in rules.iter().filter(|r| r.kind == "office") {
        let word = match r.rule {
            "office_head" => OfficeWord::Head(owned(r.value)),
            "office_tail" => OfficeWord::Tail,
            "office_keep" => OfficeWord::Keep,
            other => {
                c.problems
                    .push(format!("rules.tsv: unknown office rule '{other}'"));
                continue;
            }
        };
        c.b.add_plain(
            &fold_pattern(r.alias),
            Target::Office(word),
            Some(Case::Proper),
        );
    }
    for (lead, strong, case) in RESOLUTION_LEADS {
        c.b.add_plain(
            &fold_pattern(lead),
            Target::Resolution { strong },
            Some(case),
        );
    }
    for (ei, e) in entities.iter().enumerate() {
        if e.kind == EntityKind::Topic {
            c.topic_triggers(ei as u32, e);
        }
    }
    let council_markers = ["Security Council", "UNSC", "sanctions committee"]
        .iter()
        .map(|p| c.b.marker(p))
        .collect();
    (c.b.finish(council_markers), c.problems)
}

/// Words that introduce resolution numbers: (lead, strong, case). Strong
/// leads need no Security Council context.
const RESOLUTION_LEADS: [(&str, bool, Case); 13] = [
    ("resolution", false, Case::Any),
    ("resolutions", false, Case::Any),
    ("Security Council resolution", true, Case::Any),
    ("Security Council resolutions", true, Case::Any),
    ("UNSC resolution", true, Case::Any),
    ("UNSC resolutions", true, Case::Any),
    ("UNSCR", true, Case::Exact),
    ("UNSCRs", true, Case::Exact),
    ("S/RES/", true, Case::Exact),
    ("SCR", true, Case::Exact),
    ("SC resolution", true, Case::Any),
    ("SC res.", true, Case::Exact),
    ("UNSC res.", true, Case::Exact),
];

/// The state of one compilation: the catalogue's index and rules, the
/// patterns collected so far and the problems found.
struct Compiler<'a> {
    index: &'a rustc_hash::FxHashMap<(EntityKind, String), u32>,
    book: RuleBook<'a>,
    b: Builder,
    problems: Vec<String>,
}

impl Compiler<'_> {
    /// The aliases of one (non-topic) entity, each gated by its rules.
    fn entity_aliases(&mut self, ei: u32, e: &Entity) {
        let kname = kind_name(e.kind);
        let mut targets = vec![ei];
        targets.extend(e.also.iter().copied());
        for (ai, alias) in e.aliases.iter().enumerate() {
            if e.kind == EntityKind::Instrument
                && e.id.starts_with("UNSCR-")
                && resolution::parse_filter(alias).is_some()
            {
                continue; // read by the generic resolution reader
            }
            let folded = fold_pattern(alias);
            let case = if e.codes.get(ai).is_some_and(|c| c == "acronym") {
                Case::Exact
            } else {
                case_of(&folded)
            };
            let rows = self.book.for_alias(kname, &e.id, alias);
            let targets = self.also_targets(e, alias, &rows, &targets);
            let (mut rules, _, no_nested) =
                gate(rows, &mut self.b, self.index, e.kind, &mut self.problems);
            if e.codes.get(ai).is_some_and(|c| c == "demonym") {
                // `the American Declaration of Independence` names its
                // author, not a place.
                rules.retain(|r| !matches!(r, Rule::PlaceInTitle(_)));
            }
            self.b.add(
                &folded,
                Variant {
                    target: Target::Entities(targets),
                    alias: folded.clone(),
                    case,
                    prefix: false,
                    plural: false,
                    no_nested,
                    rules,
                },
            );
        }
    }

    /// `also` on one alias adds entities for that alias only (`North and
    /// South Korea` names both Koreas).
    fn also_targets(
        &mut self,
        e: &Entity,
        alias: &str,
        rows: &[&RuleRow],
        base: &[u32],
    ) -> Vec<u32> {
        let mut targets = base.to_vec();
        for r in rows.iter().filter(|r| r.rule == "also" && r.alias == alias) {
            for v in r.value {
                match self.index.get(&(e.kind, v.to_string())) {
                    Some(&t) if !targets.contains(&t) => targets.push(t),
                    Some(_) => {}
                    None => self
                        .problems
                        .push(format!("rules.tsv: bad 'also' {} -> {v}", e.id)),
                }
            }
        }
        targets
    }

    /// The triggers of one topic: `*` makes a prefix trigger; strong
    /// triggers ending in a letter may take a plural.
    fn topic_triggers(&mut self, ei: u32, e: &Entity) {
        for trig in &e.aliases {
            let prefix = trig.ends_with('*');
            let base = trig.trim_end_matches('*');
            let folded = fold_pattern(base);
            let case = if folded.chars().any(char::is_uppercase) {
                Case::Exact
            } else {
                Case::Any
            };
            let rows = self.book.for_alias("topic", &e.id, trig);
            let (rules, weak, _) = gate(
                rows,
                &mut self.b,
                self.index,
                EntityKind::Topic,
                &mut self.problems,
            );
            // Weak triggers are generic words whose plurals drift further
            // (`developments` are events, not development): exact only.
            let plural =
                !prefix && !weak && folded.chars().next_back().is_some_and(char::is_alphabetic);
            self.b.add(
                &folded,
                Variant {
                    target: Target::Topic { topic: ei, weak },
                    alias: folded.clone(),
                    case,
                    prefix,
                    plural,
                    no_nested: false,
                    rules,
                },
            );
        }
    }
}
