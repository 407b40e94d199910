//! Query understanding: which typed words name an instrument, country,
//! group, topic or concept (`CTBT`, `North Korea`, `export controls`,
//! `WMD`), so that the search also asks for the other names of the same
//! thing (as phrases, never loose words) and for the paragraphs tagged
//! with it.
//!
//! Only plain typed words are read: a quoted phrase means exactly those
//! words, an excluded word is excluded as typed, and each word joined by
//! `OR` is read as it would be alone (`ceasefire OR truce` finds at least
//! what `ceasefire` finds). Names are found leftmost-longest, so
//! `Democratic People's Republic of Korea` is one name and not `Korea`
//! inside it. The engine decides how the expansion is searched and ranked.
//!
//! ```
//! use dipsearch::search::{expand::expand, query::parse_query};
//! let q = parse_query("CTBT ratification").unwrap();
//! let e = expand(&q);
//! assert_eq!(e.len(), 1);
//! assert_eq!(e[0].from, "CTBT");
//! assert_eq!(e[0].clauses, 0..1);
//! assert!(e[0].to.iter().any(|t| t == "Comprehensive Nuclear-Test-Ban Treaty"));
//! assert!(expand(&parse_query("\"CTBT\"").unwrap()).is_empty());
//! ```

use std::ops::Range;

use crate::enrich::names::{normalise, Named, Names, MAX_WORDS};
use crate::model::EntityKind;

use super::query::{Atom, Clause, ParsedQuery};

/// Most other names searched for one expansion: the tag covers the rest,
/// and every phrase costs a little query time.
pub const MAX_NAMES: usize = 8;

/// What some typed words were read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion {
    /// The words as typed, joined by a space.
    pub from: String,
    /// The other names searched as phrases, in the data's order.
    pub to: Vec<String>,
    /// The entity whose tagged paragraphs also match; `None` for a concept
    /// of `data/synonyms.tsv` (`WMD`).
    pub entity: Option<(EntityKind, String)>,
    /// Display name of the entity or concept.
    pub name: String,
    /// The query clauses (indices into `ParsedQuery::clauses`) the words
    /// are; consecutive.
    pub clauses: Range<usize>,
    /// For a word joined to others by `OR`: its place among the clause's
    /// alternatives (`clauses` is then that one clause).
    pub atom: Option<usize>,
}

/// The expansions of a parsed query, in query order; several for one
/// name that is two things (`North Korea`: the country and the Korean
/// Peninsula topic).
pub fn expand(parsed: &ParsedQuery) -> Vec<Expansion> {
    // Quoted phrases alone need no dictionary (building it is most of the
    // cost of reading a query).
    if !parsed.clauses.iter().any(|c| plain_word(c).is_some()) {
        return Vec::new();
    }
    let names = Names::for_phrases(sub_phrases(&runs(parsed)));
    expand_in(parsed, &names)
}

/// Reads a query as `search` does: a hyphenated word one of whose parts
/// names a country or a group (`US-ROK`, `India–Pakistan`, `Israel-Hamas`,
/// `US-led`) and that is no name itself (`Guinea-Bissau`) becomes those
/// words, so that each is expanded and all are required, then the query
/// is [expanded](expand). `non-proliferation` and `Asia-Pacific` stay
/// one word. A possessive is read without its ending unless a name takes
/// it in, and a name split by `OR` is made whole (`Sri Lanka OR India`).
///
/// ```
/// use dipsearch::search::{expand::read_query, query::parse_query};
/// let (q, e) = read_query(parse_query("US-ROK alliance").unwrap());
/// assert_eq!(q.clauses.len(), 3);
/// assert_eq!(e.len(), 2);
/// let (q, _) = read_query(parse_query("non-proliferation").unwrap());
/// assert_eq!(q.clauses.len(), 1);
/// // A possessive is read without its ending: `Israel's` names Israel.
/// let (_, e) = read_query(parse_query("Israel's settlements").unwrap());
/// assert_eq!(e[0].name, "Israel");
/// // Not inside a name, and a name beside `OR` is one alternative.
/// let (_, e) = read_query(parse_query("People's Republic of China").unwrap());
/// assert_eq!(e[0].name, "China");
/// let (q, e) = read_query(parse_query("Sri Lanka OR India").unwrap());
/// assert_eq!((q.clauses.len(), q.clauses[0].typed()), (1, "Sri Lanka OR India".to_string()));
/// assert_eq!(e.len(), 2);
/// ```
pub fn read_query(mut parsed: ParsedQuery) -> (ParsedQuery, Vec<Expansion>) {
    if !parsed.clauses.iter().any(|c| plain_word(c).is_some()) && either_words(&parsed).is_empty() {
        return (parsed, Vec::new());
    }
    let mut stripped = parsed.clone();
    stripped.clauses.iter_mut().for_each(strip_possessive);
    let names = {
        let (whole, split) = (runs(&stripped), split_runs(&stripped));
        let (typed, at_or) = (runs(&parsed), runs_at_or(&stripped));
        let either = either_words(&stripped);
        let letters: Vec<[String; 1]> = (stripped.clauses.iter().filter_map(plain_word))
            .chain(either.iter().map(|(_, _, w)| *w))
            .filter_map(undotted)
            .map(|u| [u])
            .collect();
        let letters: Vec<[&str; 1]> = letters.iter().map(|[u]| [u.as_str()]).collect();
        Names::for_phrases(
            sub_phrases(&whole)
                .chain(sub_phrases(&split))
                .chain(sub_phrases(&typed))
                .chain(sub_phrases(&at_or))
                .chain(either.iter().map(|(_, _, w)| std::slice::from_ref(w)))
                .chain(letters.iter().map(|u| &u[..])),
        )
    };
    // `People's` stays whole inside a name (`People's Republic of China`
    // had become `People` and left `Republic of China`, Taiwan).
    let kept = possessives_in_names(&parsed, &names);
    for (i, clause) in parsed.clauses.iter_mut().enumerate() {
        if !kept.contains(&i) {
            strip_possessive(clause);
        }
    }
    join_names_at_or(&mut parsed, &names);
    let mut clauses = Vec::with_capacity(parsed.clauses.len());
    for clause in std::mem::take(&mut parsed.clauses) {
        let word = plain_word(&clause);
        let parts = word.map(hyphen_parts).unwrap_or_default();
        // One side a country or group is enough (`Israel-Hamas`, `US-led`,
        // `Iran-backed`): the words are written apart as often as joined,
        // and as one word the pair was searched only as the phrase.
        let pair = parts.len() >= 2
            && word.is_some_and(|w| names.find(&[w]).is_empty())
            && parts.iter().any(|p| {
                names
                    .find(&[p])
                    .iter()
                    .any(|n| matches!(n.kind, Some(EntityKind::Country | EntityKind::Group)))
            });
        if pair {
            let words: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
            clauses.extend(
                words
                    .into_iter()
                    .map(|w| Clause::AnyOf(vec![Atom::Word(w)])),
            );
        } else {
            clauses.push(clause);
        }
    }
    parsed.clauses = clauses;
    let mut expanded = expand_in(&parsed, &names);
    let mut searched: Vec<(usize, Option<usize>, String)> = Vec::new();
    for (i, clause) in parsed.clauses.iter().enumerate() {
        let Some(word) = plain_word(clause).filter(|w| undotted(w).is_some()) else {
            continue;
        };
        if !expanded.iter().any(|e| e.clauses.contains(&i)) {
            let (read, letters) = word_alone(&names, word, i);
            expanded.extend(read);
            searched.extend(letters.map(|l| (i, None, l)));
        }
    }
    for (i, k, word) in either_words(&parsed) {
        let (read, letters) = word_alone(&names, word, i);
        expanded.extend(read.into_iter().map(|e| Expansion { atom: Some(k), ..e }));
        searched.extend(letters.map(|l| (i, Some(k), l)));
    }
    for (i, k, letters) in searched {
        if let Clause::AnyOf(atoms) = &mut parsed.clauses[i] {
            atoms[k.unwrap_or(0)] = Atom::Word(letters);
        }
    }
    // In query order, as the `read as:` line lists them.
    expanded.sort_by_key(|e| (e.clauses.start, e.atom));
    (parsed, expanded)
}

/// The clauses holding a possessive (`People's`) that a name of several
/// words found leftmost-longest in the query as typed takes in.
fn possessives_in_names(parsed: &ParsedQuery, names: &Names) -> Vec<usize> {
    let possessive =
        |c: &Clause| plain_word(c).is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"));
    if !parsed.clauses.iter().any(possessive) {
        return Vec::new();
    }
    expand_in(parsed, names)
        .into_iter()
        .filter(|e| e.clauses.len() >= 2)
        .flat_map(|e| e.clauses)
        .filter(|&i| possessive(&parsed.clauses[i]))
        .collect()
}

/// For each `OR` clause, the plain words before it with its first
/// alternative, and its last alternative with the plain words after it
/// (what [`join_names_at_or`] may look up).
fn runs_at_or(parsed: &ParsedQuery) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    for (i, atoms) in or_clauses(parsed) {
        if let Atom::Word(first) = &atoms[0] {
            let before = parsed.clauses[..i]
                .iter()
                .rev()
                .map_while(plain_word)
                .take(MAX_WORDS - 1);
            let mut run: Vec<&str> = before.collect();
            run.reverse();
            run.push(first);
            out.push(run);
        }
        if let Some(Atom::Word(last)) = atoms.last() {
            let after = parsed.clauses[i + 1..]
                .iter()
                .map_while(plain_word)
                .take(MAX_WORDS - 1);
            out.push(std::iter::once(last.as_str()).chain(after).collect());
        }
    }
    out
}

/// A name split by `OR` made whole again: `Sri Lanka OR India` is `"Sri
/// Lanka" OR India`, not `Sri AND (Lanka OR India)`; `Iran OR North
/// Korea` is `Iran OR "North Korea"`. The name becomes the alternative
/// (searched as a phrase, read as the name), the longest the dictionary
/// knows.
fn join_names_at_or(parsed: &mut ParsedQuery, names: &Names) {
    let input = std::mem::take(&mut parsed.clauses);
    let mut out: Vec<Clause> = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let mut clause = input[i].clone();
        i += 1;
        let Clause::AnyOf(atoms) = &mut clause else {
            out.push(clause);
            continue;
        };
        if atoms.len() < 2 {
            out.push(clause);
            continue;
        }
        if let Atom::Word(first) = &atoms[0] {
            let before: Vec<&str> = out
                .iter()
                .rev()
                .map_while(plain_word)
                .take(MAX_WORDS - 1)
                .collect();
            let joined = (1..=before.len()).rev().find_map(|k| {
                let mut words: Vec<&str> = before[..k].iter().rev().copied().collect();
                words.push(first);
                (!names.find(&words).is_empty()).then(|| (k, words.join(" ")))
            });
            if let Some((k, name)) = joined {
                out.truncate(out.len() - k);
                atoms[0] = Atom::Word(name);
            }
        }
        if let Some(Atom::Word(last)) = atoms.last() {
            let after: Vec<&str> = input[i..]
                .iter()
                .map_while(plain_word)
                .take(MAX_WORDS - 1)
                .collect();
            let joined = (1..=after.len()).rev().find_map(|k| {
                let words: Vec<&str> = std::iter::once(last.as_str())
                    .chain(after[..k].iter().copied())
                    .collect();
                (!names.find(&words).is_empty()).then(|| (k, words.join(" ")))
            });
            if let Some((k, name)) = joined {
                *atoms.last_mut().expect("two alternatives") = Atom::Word(name);
                i += k;
            }
        }
        out.push(clause);
    }
    parsed.clauses = out;
}

/// The readings of one typed word at clause `i`, alone, and the word to
/// search in its place: a dotted acronym ([`undotted`]) read by its
/// letters is searched by them (the index splits `A.U.` into `a` and `u`,
/// which `a U.S. provider` also has).
fn word_alone(names: &Names, typed: &str, i: usize) -> (Vec<Expansion>, Option<String>) {
    let found = names.find(&[typed]);
    if !found.is_empty() {
        let read = found.into_iter().map(|n| expansion(n, typed, i..i + 1));
        return (read.collect(), None);
    }
    // `UNSCR-242 OR UNSCR-338`: each a resolution, as alone.
    if let Some(n) = resolution_number(&[typed]) {
        return (vec![resolution(n, typed, i..i + 1)], None);
    }
    let Some(letters) = undotted(typed) else {
        return (Vec::new(), None);
    };
    let found = names.find(&[letters.as_str()]);
    if found.is_empty() {
        return (Vec::new(), None);
    }
    let read = found.into_iter().map(|named| Expansion {
        from: typed.to_string(),
        ..expansion(named, &letters, i..i + 1)
    });
    (read.collect(), Some(letters))
}

/// An acronym typed with a full stop after each letter (`N.A.T.O.`,
/// `A.U.`), as its letters in capitals (`NATO`, `AU`): the dictionary
/// lists the dotted spelling only where documents use it (`U.S.`).
fn undotted(word: &str) -> Option<String> {
    let letters: Vec<&str> = word.strip_suffix('.')?.split('.').collect();
    let single = |l: &&str| l.len() == 1 && l.bytes().all(|b| b.is_ascii_alphabetic());
    (letters.len() >= 2 && letters.iter().all(single)).then(|| letters.concat().to_uppercase())
}

/// The clauses of alternatives joined by `OR`, with their index.
fn or_clauses(parsed: &ParsedQuery) -> impl Iterator<Item = (usize, &[Atom])> {
    parsed
        .clauses
        .iter()
        .enumerate()
        .filter_map(|(i, clause)| match clause {
            Clause::AnyOf(atoms) if atoms.len() >= 2 => Some((i, &atoms[..])),
            _ => None,
        })
}

/// The plain words joined by `OR`, as (clause, place among its
/// alternatives, word).
fn either_words(parsed: &ParsedQuery) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    for (i, atoms) in or_clauses(parsed) {
        for (k, atom) in atoms.iter().enumerate() {
            if let Atom::Word(w) = atom {
                out.push((i, k, w.as_str()));
            }
        }
    }
    out
}

/// A plain word's possessive ending left out (`Israel's` → `Israel`,
/// `children’s` → `children`): the index reads `Israel's` as `israel` and
/// `s`, so the word alone finds it too, and a name is read only without
/// it (`Israel's settlements` found nothing).
fn strip_possessive(clause: &mut Clause) {
    if let Clause::AnyOf(atoms) = clause {
        if let [Atom::Word(w)] = &mut atoms[..] {
            let stem = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
            if let Some(stem) =
                stem.filter(|s| s.chars().filter(|c| c.is_alphanumeric()).count() >= 2)
            {
                *w = stem.to_string();
            }
        }
    }
}

/// The parts of a hyphenated word (`US-ROK` → `US`, `ROK`); empty for a
/// word without a hyphen between two parts.
fn hyphen_parts(word: &str) -> Vec<&str> {
    let parts: Vec<&str> = word.split(['-', '–']).collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
        return Vec::new();
    }
    parts
}

/// The runs of plain words with every hyphenated word split, for the
/// dictionary's part (what [`read_query`] may look up).
fn split_runs(parsed: &ParsedQuery) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = vec![Vec::new()];
    for clause in &parsed.clauses {
        match plain_word(clause) {
            Some(w) => {
                let parts = hyphen_parts(w);
                let run = out.last_mut().expect("one run at least");
                match parts.is_empty() {
                    true => run.push(w),
                    false => run.extend(parts),
                }
            }
            None => out.push(Vec::new()),
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

/// Every phrase of at most `MAX_WORDS` words inside the runs.
fn sub_phrases<'a, 'b>(runs: &'b [Vec<&'a str>]) -> impl Iterator<Item = &'b [&'a str]> {
    runs.iter().flat_map(|run| {
        (0..run.len()).flat_map(move |start| {
            (start + 1..=run.len().min(start + MAX_WORDS)).map(move |end| &run[start..end])
        })
    })
}

/// [`expand`] with the dictionary at hand.
fn expand_in(parsed: &ParsedQuery, names: &Names) -> Vec<Expansion> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = parsed.clauses.len();
    while i < n {
        // The run of plain words starting at `i`, at most MAX_WORDS long.
        let mut run: Vec<&str> = Vec::new();
        while i + run.len() < n && run.len() < MAX_WORDS {
            match plain_word(&parsed.clauses[i + run.len()]) {
                Some(w) => run.push(w),
                None => break,
            }
        }
        if run.is_empty() {
            i += 1;
            continue;
        }
        let mut matched = 0;
        for len in (1..=run.len()).rev() {
            let found = names.find(&run[..len]);
            if found.is_empty() {
                if let Some(n) = resolution_number(&run[..len]) {
                    out.push(resolution(n, &run[..len].join(" "), i..i + len));
                    matched = len;
                    break;
                }
            }
            if !found.is_empty() || is_blocked(names, &run[..len]) {
                let from = run[..len].join(" ");
                out.extend(
                    found
                        .into_iter()
                        .map(|named| expansion(named, &from, i..i + len)),
                );
                matched = len;
                break;
            }
        }
        i += matched.max(1);
    }
    out
}

/// The number of a Security Council resolution as users type it, when
/// the dictionary lists no name for the words (it lists the few
/// resolutions that have names of their own, `Resolution 1540`):
/// `S/RES/242`, `UNSCR-242`, `UNSCR 242`, `SCR 242`, `resolution 242`,
/// read as a `--instrument` value is. A number alone is none here
/// (`242 resolutions`). The tagger files every resolution it reads under
/// `UNSCR-<number>`, so the number is enough.
fn resolution_number(words: &[&str]) -> Option<u32> {
    let parse = |words: &[&str]| {
        let typed = words.join(" ");
        if typed.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        crate::enrich::resolution_number(&typed)
    };
    // The year a citation gives after the number (`S/RES/242 (1967)`,
    // `resolution 242 1967`) is part of the name; `resolution 2000` is
    // resolution 2000.
    parse(words).or_else(|| match words.split_last() {
        Some((last, rest)) if !rest.is_empty() && is_year(last) => parse(rest),
        _ => None,
    })
}

/// A year a resolution can have been adopted in.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word
            .parse::<u16>()
            .is_ok_and(|y| (1946..=2100).contains(&y))
}

/// The reading of a typed resolution number ([`resolution_number`]): the
/// dictionary's instrument when it has one (`UNSCR 1540` reads as `United
/// Nations Security Council Resolution 1540 (2004)` and its other names),
/// otherwise the number's own.
fn resolution(n: u32, from: &str, clauses: Range<usize>) -> Expansion {
    let words = format!("resolution {n}");
    let id = format!("UNSCR-{n}");
    // The dictionary's entry only when the table lists it: a second
    // dictionary in one process is the whole one, about 2 ms to build.
    if crate::enrich::lists_instrument(&id) {
        let number = n.to_string();
        let typed = ["resolution", number.as_str()];
        let names = Names::for_phrases(std::iter::once(&typed[..]));
        let listed = names.find(&typed).into_iter().find(|named| {
            named.kind == Some(EntityKind::Instrument) && named.id.as_deref() == Some(id.as_str())
        });
        if let Some(named) = listed {
            return expansion(named, from, clauses);
        }
    }
    Expansion {
        from: from.to_string(),
        to: (normalise(from) != normalise(&words))
            .then_some(words)
            .into_iter()
            .collect(),
        entity: Some((EntityKind::Instrument, id)),
        name: format!("Security Council resolution {n}"),
        clauses,
        atom: None,
    }
}

/// The maximal runs of plain typed words: every phrase `expand` looks up
/// is a part of one, at most `MAX_WORDS` long.
fn runs(parsed: &ParsedQuery) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = vec![Vec::new()];
    for clause in &parsed.clauses {
        match plain_word(clause) {
            Some(w) => out.last_mut().into_iter().for_each(|r| r.push(w)),
            None => out.push(Vec::new()),
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

/// A blocked phrase (`South China Sea`) names nothing but still consumes
/// its words, so `China` inside it is not read.
fn is_blocked(names: &Names, words: &[&str]) -> bool {
    words.len() > 1 && names.is_blocked(words)
}

/// The word of a clause that is one plain typed word.
fn plain_word(clause: &Clause) -> Option<&str> {
    match clause {
        Clause::AnyOf(atoms) if atoms.len() == 1 => match &atoms[0] {
            Atom::Word(w) => Some(w),
            _ => None,
        },
        _ => None,
    }
}

fn expansion(named: &Named, from: &str, clauses: Range<usize>) -> Expansion {
    let typed = normalise(from);
    // A topic's label (`Export control / strategic trade control`) is a
    // description, not something documents write.
    let skip = usize::from(named.kind == Some(EntityKind::Topic));
    let mut to: Vec<String> = Vec::new();
    for name in named.searched.iter().skip(skip) {
        let k = normalise(name);
        if k != typed && !k.is_empty() && !to.iter().any(|t| normalise(t) == k) {
            to.push(name.clone());
        }
        if to.len() == MAX_NAMES {
            break;
        }
    }
    // A concept typed by its own term is shown by what it stands for
    // (`WMD = weapons of mass destruction`).
    let name = match (&named.kind, to.first()) {
        (None, Some(first)) if normalise(&named.name) == typed => first.clone(),
        _ => named.name.clone(),
    };
    Expansion {
        from: from.to_string(),
        to,
        entity: named.kind.zip(named.id.clone()),
        name,
        clauses,
        atom: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse_query;

    fn read(q: &str) -> Vec<(String, Option<String>)> {
        expand(&parse_query(q).unwrap())
            .into_iter()
            .map(|e| (e.from, e.entity.map(|(_, id)| id)))
            .collect()
    }

    #[test]
    fn resolutions_are_read_by_number() {
        let id = |n: &str| Some(format!("UNSCR-{n}"));
        assert_eq!(read("S/RES/242"), [("S/RES/242".into(), id("242"))]);
        assert_eq!(read("UNSCR 678 Kuwait")[0], ("UNSCR 678".into(), id("678")));
        assert_eq!(read("scr-1441"), [("scr-1441".into(), id("1441"))]);
        assert_eq!(
            read("resolution 242"),
            [("resolution 242".into(), id("242"))]
        );
        // A resolution the dictionary names keeps its own reading.
        let e = expand(&parse_query("UNSCR 1540").unwrap());
        assert!(e[0].to.len() > 1, "{e:?}");
        // With the year a citation gives.
        assert_eq!(
            read("S/RES/242 (1967)"),
            [("S/RES/242 1967".into(), id("242"))]
        );
        assert_eq!(
            read("resolution 2000"),
            [("resolution 2000".into(), id("2000"))]
        );
        // Abbreviated as people type it.
        assert_eq!(read("res 242"), [("res 242".into(), id("242"))]);
        assert_eq!(read("SC res 678"), [("SC res 678".into(), id("678"))]);
        assert!(read("res publica").is_empty());
        // Numbers that are no resolution's.
        assert!(read("resolution").is_empty());
        assert!(read("resolution 12345").is_empty());
        assert!(read("S/RES/0").is_empty());
        assert!(read("242 resolutions").is_empty());
    }

    #[test]
    fn longest_names_win() {
        assert_eq!(
            read("Democratic People's Republic of Korea nuclear test"),
            [
                (
                    "Democratic People's Republic of Korea".into(),
                    Some("PRK".into())
                ),
                // `nuclear test` is the concept of `data/synonyms.tsv`
                // (`nuclear explosion`), longer than the topic's `nuclear`.
                ("nuclear test".into(), None),
            ]
        );
        assert_eq!(read("WMD terrorism")[0], ("WMD".into(), None));
    }

    #[test]
    fn quotes_or_and_exclusions_are_not_read() {
        assert!(read("\"CTBT\" -NPT").is_empty());
        assert!(read("CTBT OR NPT").is_empty());
        assert!(read("us and them").is_empty());
        assert!(!read("South China Sea")
            .iter()
            .any(|(_, id)| id.as_deref() == Some("CHN")));
    }
}
