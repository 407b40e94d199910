//! The user's query language, parsed into a small syntax tree before any
//! tantivy query is built, so syntax errors are reported as usage errors
//! naming the problem.
//!
//! - words are all required: `export control` (`AND` between them is
//!   accepted and means the same)
//! - `"quoted phrases"` must appear as written (after stemming)
//! - `a OR b` (upper-case `OR`, also `|`) means either; binds tighter than
//!   the implicit AND: `nuclear OR chemical weapons` = (nuclear | chemical) & weapons
//! - `-word`, `-"a phrase"` or `NOT word` excludes paragraphs that contain it
//! - `nucl*` (a trailing `*`) matches every word starting with `nucl`
//!
//! Syntax other engines accept but we do not (`field:value`, brackets,
//! `~`, `^`, a `*` inside a word) is read as plain words and reported in
//! [`ParsedQuery::warnings`], so a user sees why a query found nothing
//! rather than a silent zero.
//!
//! ```
//! use dipsearch::search::query::{parse_query, Clause, Atom};
//! let q = parse_query(r#"export -"arms trade" PSI OR HCOC"#).unwrap();
//! assert_eq!(q.clauses.len(), 3);
//! assert_eq!(q.clauses[1], Clause::Exclude(Atom::Phrase("arms trade".into())));
//! let q = parse_query("nucl* NOT Iran").unwrap();
//! assert_eq!(q.clauses[0], Clause::AnyOf(vec![Atom::Prefix("nucl".into())]));
//! assert_eq!(q.clauses[1], Clause::Exclude(Atom::Word("Iran".into())));
//! ```

use crate::error::{Error, QueryProblem, Result, UsageError};

/// A word or a quoted phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Atom {
    /// One word as typed (stemmed later by the index's analyser).
    Word(String),
    /// Several words that must appear together, in order.
    Phrase(String),
    /// The start of a word (`nucl` of `nucl*`): any indexed word beginning
    /// with it matches.
    Prefix(String),
}

impl Atom {
    /// The text of the atom, without quotes or `*`.
    pub fn text(&self) -> &str {
        match self {
            Atom::Word(t) | Atom::Phrase(t) | Atom::Prefix(t) => t,
        }
    }
}

/// One top-level part of the query; all clauses must hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    /// At least one of the atoms must match (a single atom is plain AND).
    AnyOf(Vec<Atom>),
    /// The atom must not match.
    Exclude(Atom),
}

impl Clause {
    /// The clause as it would be typed again (`assistance`, `"a phrase"`,
    /// `nucl*`, `PSI OR HCOC`, `-Iran`).
    pub fn typed(&self) -> String {
        let atom = |a: &Atom| match a {
            Atom::Word(w) => w.clone(),
            Atom::Phrase(p) => format!("\"{p}\""),
            Atom::Prefix(p) => format!("{p}*"),
        };
        match self {
            Clause::AnyOf(atoms) => atoms.iter().map(atom).collect::<Vec<_>>().join(" OR "),
            Clause::Exclude(a) => format!("-{}", atom(a)),
        }
    }
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Clauses, all required.
    pub clauses: Vec<Clause>,
    /// Syntax that was read as plain words, one message each (e.g.
    /// `field:value syntax is not supported ('country:JPN' is read as words)`).
    pub warnings: Vec<String>,
}

impl ParsedQuery {
    /// The positive words and phrases of the query, for proximity boosting.
    pub fn positive_words(&self) -> Vec<&str> {
        self.positive_words_but(&[])
    }

    /// [`ParsedQuery::positive_words`] without the clauses in `skipped`
    /// (the filler words, [`ParsedQuery::fillers`]).
    pub fn positive_words_but(&self, skipped: &[usize]) -> Vec<&str> {
        self.clauses
            .iter()
            .enumerate()
            .filter(|(i, _)| !skipped.contains(i))
            .filter_map(|(_, c)| match c {
                Clause::AnyOf(atoms) if atoms.len() == 1 => match &atoms[0] {
                    Atom::Word(w) => Some(w.as_str()),
                    Atom::Phrase(_) | Atom::Prefix(_) => None,
                },
                _ => None,
            })
            .collect()
    }

    /// Whether the query has nothing that could match on its own.
    pub fn has_positive(&self) -> bool {
        self.clauses.iter().any(|c| matches!(c, Clause::AnyOf(_)))
    }

    /// The clauses that are a filler word of a question or a sentence
    /// (`what did the council say about Haiti elections`: `what`, `did`,
    /// `the`, `say`, `about`), outside the clauses in `named` (words read
    /// as a name, `Organization of American States`), when at least one
    /// other word is left to search; empty otherwise. Required, they would
    /// keep out every paragraph that does not happen to hold them: a
    /// question typed as one found nothing.
    pub fn fillers(&self, named: &[std::ops::Range<usize>]) -> Vec<usize> {
        let shouted = self.is_shouted();
        let fillers: Vec<usize> = (0..self.clauses.len())
            .filter(|&i| !named.iter().any(|r| r.contains(&i)))
            .filter(|&i| match &self.clauses[i] {
                Clause::AnyOf(atoms) => {
                    matches!(atoms.as_slice(), [Atom::Word(w)] if is_filler(w, shouted))
                }
                Clause::Exclude(_) => false,
            })
            .collect();
        let others = (0..self.clauses.len())
            .filter(|i| matches!(self.clauses[*i], Clause::AnyOf(_)) && !fillers.contains(i))
            .count();
        if others == 0 {
            Vec::new()
        } else {
            fillers
        }
    }
}

impl ParsedQuery {
    /// Whether the whole query is typed in capitals, three words or more
    /// (`SANCTIONS ON IRAQ`, caps lock on or a UN heading pasted): then a
    /// word in capitals is no sign of a name, and `ON` is a filler.
    fn is_shouted(&self) -> bool {
        let words = self.positive_words();
        words.len() >= 3
            && words
                .iter()
                .all(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
    }
}

/// Words that ask or link rather than name a subject. Typed in capitals
/// (`US`, `IT`, `WHO`) a word is a name, never a filler.
const FILLERS: &[&str] = &[
    "a", "about", "all", "an", "and", "any", "are", "as", "at", "be", "been", "by", "can", "could",
    "did", "do", "does", "for", "from", "had", "has", "have", "how", "in", "into", "is", "it",
    "its", "many", "me", "much", "of", "on", "or", "our", "said", "say", "says", "should", "show",
    "tell", "that", "the", "their", "there", "these", "this", "those", "to", "told", "us", "was",
    "we", "were", "what", "when", "where", "whether", "which", "who", "why", "with", "would",
];

fn is_filler(word: &str, shouted: bool) -> bool {
    let all_caps = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
    (shouted || !all_caps) && FILLERS.contains(&word.to_ascii_lowercase().as_str())
}

#[derive(Debug, PartialEq)]
enum Token {
    Atom(Atom, bool),
    Or,
    Not,
}

/// Parses the query text. Errors: an unclosed quote, `OR` without two
/// sides, an empty exclusion.
pub fn parse_query(text: &str) -> Result<ParsedQuery> {
    let mut warnings = Vec::new();
    let listed = resolution_list(text);
    let spaced = year_apart(&listed);
    let tokens = apply_not(text, tokenize(&spaced, &mut warnings)?)?;
    let mut clauses: Vec<Clause> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Or => return Err(query_error(text, QueryProblem::OrWithoutSides)),
            Token::Not => return Err(query_error(text, QueryProblem::DanglingNot)),
            Token::Atom(atom, negated) => {
                if *negated {
                    if matches!(tokens.get(i + 1), Some(Token::Or)) {
                        return Err(query_error(text, QueryProblem::ExcludedInOr));
                    }
                    clauses.push(Clause::Exclude(atom.clone()));
                    i += 1;
                    continue;
                }
                let mut group = vec![atom.clone()];
                i += 1;
                while matches!(tokens.get(i), Some(Token::Or)) {
                    match tokens.get(i + 1) {
                        Some(Token::Atom(next, false)) => {
                            group.push(next.clone());
                            i += 2;
                        }
                        _ => return Err(query_error(text, QueryProblem::OrWithoutSides)),
                    }
                }
                clauses.push(Clause::AnyOf(group));
            }
        }
    }
    warnings.dedup();
    Ok(ParsedQuery { clauses, warnings })
}

/// Several resolutions named in one go (`resolutions 242 and 338`,
/// `UNSCR 1325, 1820 and 1888`): any of them, as `UNSCR-242 OR
/// UNSCR-338` reads, where the words had required the first resolution
/// and the second number as a word. Left alone inside quotes.
///
/// ```
/// use dipsearch::search::query::parse_query;
/// let q = parse_query("resolutions 242 and 338 Golan").unwrap();
/// assert_eq!(q.clauses[0].typed(), "UNSCR-242 OR UNSCR-338");
/// assert_eq!(q.clauses.len(), 2);
/// let q = parse_query("UNSCR 1325, 1820 & 1888").unwrap();
/// assert_eq!(q.clauses[0].typed(), "UNSCR-1325 OR UNSCR-1820 OR UNSCR-1888");
/// assert_eq!(parse_query("resolution 242 and Israel").unwrap().clauses[1].typed(), "242");
/// ```
fn resolution_list(text: &str) -> std::borrow::Cow<'_, str> {
    const LEADS: [&str; 7] = [
        "resolution",
        "resolutions",
        "res",
        "res.",
        "unscr",
        "scr",
        "unscrs",
    ];
    if text.contains('"') || !text.bytes().any(|b| b.is_ascii_digit()) {
        return text.into();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |w: &str| {
        let n = w.trim_end_matches(',');
        (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
    };
    for (k, w) in words.iter().enumerate() {
        if !LEADS.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        let mut numbers = Vec::new();
        let mut end = k + 1;
        while let Some(&n) = words.get(end).filter(|n| number(n)) {
            numbers.push(n.trim_end_matches(','));
            end += 1;
            match words.get(end).map(|c| c.to_lowercase()) {
                Some(c)
                    if matches!(c.as_str(), "and" | "&" | "or" | ",")
                        && words.get(end + 1).is_some_and(|n| number(n)) =>
                {
                    end += 1;
                }
                _ if n.ends_with(',') => {}
                _ => break,
            }
        }
        if numbers.len() < 2 {
            continue;
        }
        let any: Vec<String> = numbers.iter().map(|n| format!("UNSCR-{n}")).collect();
        let mut out: Vec<String> = words[..k].iter().map(|w| w.to_string()).collect();
        out.push(any.join(" OR "));
        out.extend(words[end..].iter().map(|w| w.to_string()));
        return out.join(" ").into();
    }
    text.into()
}

/// A citation's year set apart from its number (`S/RES/687(1991)`, as
/// UN documents print it, is `S/RES/687 (1991)`), so that it reads as the
/// citation and not as brackets.
fn year_apart(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let glued = |i: usize| {
        i > 0
            && b[i] == b'('
            && b[i - 1].is_ascii_digit()
            && b.len() >= i + 6
            && b[i + 1..i + 5].iter().all(u8::is_ascii_digit)
            && b[i + 5] == b')'
    };
    if !(0..b.len()).any(glued) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 2);
    for (i, c) in text.char_indices() {
        if glued(i) {
            out.push(' ');
        }
        out.push(c);
    }
    out.into()
}

/// `NOT x` is `-x`.
fn apply_not(text: &str, tokens: Vec<Token>) -> Result<Vec<Token>> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut it = tokens.into_iter();
    while let Some(t) = it.next() {
        match t {
            Token::Not => match it.next() {
                Some(Token::Atom(a, false)) => out.push(Token::Atom(a, true)),
                _ => return Err(query_error(text, QueryProblem::DanglingNot)),
            },
            t => out.push(t),
        }
    }
    Ok(out)
}

/// The words of a typed word joined by slashes (`Israel/Palestine`), when
/// each is letters only: `S/RES/242` and `A/63/PV.13` are symbols, kept.
fn slash_pair(word: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = word.split('/').collect();
    (parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() >= 2 && p.chars().all(char::is_alphabetic))
        && !parts
            .iter()
            .all(|p| p.chars().all(|c| c.is_uppercase()) && p.len() <= 3))
    .then_some(parts)
}

/// The words of a typed word joined by an em dash, a comma, a semicolon,
/// a middle dot or an ellipsis with no space (`Russia—Ukraine`,
/// `Iraq,Kuwait`, pasted from a word processor or a list), when each
/// holds a letter (`1,000` is a number): two words, as `Russia-Ukraine`
/// and `Iran/Iraq` are, not a phrase of them.
fn listed_words(word: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = word
        .split(['—', ',', ';', '·', '…'])
        .filter(|p| !p.is_empty())
        .collect();
    (parts.len() >= 2 && parts.iter().all(|p| p.chars().any(char::is_alphabetic))).then_some(parts)
}

/// A typed word as an atom: `AND` is dropped (`None`), a trailing `*`
/// makes a prefix, unsupported syntax is stripped and noted.
fn word_atom(word: String, warnings: &mut Vec<String>) -> Option<Atom> {
    if word == "AND" || word == "&&" || word == "+" {
        return None;
    }
    let mut word = word;
    if let Some(rest) = word.strip_prefix('+') {
        // `+word` (required) is what every word already is.
        word = rest.to_string();
    }
    // A citation's year in brackets (`S/RES/242 (1967)`) is no grouping.
    let year = word.len() == 6
        && word.starts_with('(')
        && word.ends_with(')')
        && word[1..5].bytes().all(|b| b.is_ascii_digit());
    if year {
        word.retain(|c| c != '(' && c != ')');
    } else if word.contains(['(', ')', '[', ']', '{', '}']) {
        warnings.push(
            "brackets are not supported and are read as spaces (OR binds its two \
             neighbours; all other words are required)"
                .to_string(),
        );
        // As the index reads them: `2(4)` is `2 4`, not `24`.
        word = word
            .chars()
            .map(|c| match c {
                '(' | ')' | '[' | ']' | '{' | '}' => ' ',
                c => c,
            })
            .collect::<String>()
            .trim()
            .to_string();
    }
    if word.contains(['~', '^']) {
        warnings.push(format!(
            "'~' and '^' are not supported: '{word}' is read as words"
        ));
    }
    if let Some((field, value)) = word.split_once(':') {
        if !field.is_empty() && !value.is_empty() && field.chars().all(char::is_alphabetic) {
            warnings.push(format!(
                "field:value syntax is not supported: '{word}' is read as words \
                 (filters are options such as --country)"
            ));
        }
    }
    if let Some(stem) = word.strip_suffix('*') {
        if !stem.is_empty() && !stem.contains('*') && stem.chars().any(char::is_alphanumeric) {
            return Some(Atom::Prefix(stem.to_string()));
        }
    }
    if word.contains('*') {
        warnings.push(format!(
            "wildcards are supported only at the end of a word: '{word}' is read as words"
        ));
    }
    (!word.is_empty()).then_some(Atom::Word(word))
}

fn query_error(text: &str, problem: QueryProblem) -> Error {
    UsageError::Query {
        query: text.to_string(),
        problem,
    }
    .into()
}

fn tokenize(text: &str, warnings: &mut Vec<String>) -> Result<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(_, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' {
            chars.next();
            negated = true;
        } else if matches!(c, '!' | '¬') {
            // `!Lebanon`, `¬Lebanon`: NOT as programmers and logicians
            // write it (read as a required word, it found the opposite).
            chars.next();
            negated = chars.peek().is_some_and(|&(_, n)| !n.is_whitespace());
            if !negated {
                continue;
            }
        } else if matches!(c, '–' | '—' | '−') {
            // A minus that an editor turned into a dash (`nuclear –Iran`)
            // excludes as `-` does; a dash standing alone between words
            // (a pasted `Iraq – Kuwait`) is punctuation.
            chars.next();
            negated = chars.peek().is_some_and(|&(_, n)| !n.is_whitespace());
            if !negated {
                continue;
            }
        }
        match chars.peek().map(|&(_, c)| c) {
            Some('"') | Some('“') | Some('”') => {
                chars.next();
                let mut phrase = String::new();
                let mut closed = false;
                for (_, c) in chars.by_ref() {
                    if c == '"' || c == '”' || c == '“' {
                        closed = true;
                        break;
                    }
                    phrase.push(c);
                }
                if !closed {
                    return Err(query_error(text, QueryProblem::UnclosedQuote));
                }
                let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
                if phrase.is_empty() {
                    if negated {
                        return Err(query_error(text, QueryProblem::EmptyExclusion));
                    }
                    continue;
                }
                tokens.push(Token::Atom(Atom::Phrase(phrase), negated));
            }
            Some(c) if !c.is_whitespace() => {
                let mut word = String::new();
                while let Some(&(_, c)) = chars.peek() {
                    if c.is_whitespace() || c == '"' {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                if !negated && (word == "OR" || word == "|" || word == "||") {
                    tokens.push(Token::Or);
                } else if !negated && word == "NOT" {
                    tokens.push(Token::Not);
                } else if let Some(parts) = slash_pair(&word)
                    .or_else(|| listed_words(&word))
                    .filter(|_| !negated)
                {
                    // `Israel/Palestine`, `US/Japan`: both names, as
                    // `US-Japan` is.
                    for part in parts {
                        tokens.extend(
                            word_atom(part.to_string(), warnings).map(|a| Token::Atom(a, false)),
                        );
                    }
                } else if let Some(atom) = word_atom(word, warnings) {
                    tokens.push(Token::Atom(atom, negated));
                } else if negated {
                    return Err(query_error(text, QueryProblem::DanglingMinus));
                }
            }
            _ => {
                if negated {
                    return Err(query_error(text, QueryProblem::DanglingMinus));
                }
            }
        }
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {

    #[test]
    fn slashes_and_brackets_separate_words() {
        let q = parse_query("Israel/Palestine S/RES/242 UN/DPPA").unwrap();
        let words: Vec<&str> = q
            .clauses
            .iter()
            .map(|c| match c {
                Clause::AnyOf(a) => a[0].text(),
                Clause::Exclude(a) => a.text(),
            })
            .collect();
        assert_eq!(words, ["Israel", "Palestine", "S/RES/242", "UN", "DPPA"]);
        let q = parse_query("Article 2(4)").unwrap();
        assert_eq!(q.clauses[1], Clause::AnyOf(vec![Atom::Word("2 4".into())]));
    }

    #[test]
    fn fillers_are_the_words_around_a_subject() {
        let q = parse_query("what did the US say about Cuba").unwrap();
        // `US` in capitals is a name; `the` inside a name is no filler.
        assert_eq!(q.fillers(&[]), [0, 1, 2, 4, 5]);
        let named = vec![1..3, 6..7];
        assert_eq!(q.fillers(&named), [0, 4, 5]);
        // Nothing else to search: the fillers are the query.
        assert!(parse_query("what about it")
            .unwrap()
            .fillers(&[])
            .is_empty());
        // A quoted word is searched as typed.
        assert_eq!(parse_query("\"the\" of").unwrap().fillers(&[]), [1]);
        // A query typed in capitals: `ON` is a filler; two words in
        // capitals may be names.
        assert_eq!(parse_query("SANCTIONS ON IRAQ").unwrap().fillers(&[]), [1]);
        assert!(parse_query("US IT").unwrap().fillers(&[]).is_empty());
        assert!(parse_query("what WHO said")
            .unwrap()
            .fillers(&[])
            .contains(&0));
        assert!(!parse_query("what WHO said")
            .unwrap()
            .fillers(&[])
            .contains(&1));
    }

    use super::*;

    fn w(s: &str) -> Atom {
        Atom::Word(s.into())
    }

    #[test]
    fn words_are_all_required() {
        let q = parse_query("export  control").unwrap();
        assert_eq!(
            q.clauses,
            vec![
                Clause::AnyOf(vec![w("export")]),
                Clause::AnyOf(vec![w("control")])
            ]
        );
        assert_eq!(q.positive_words(), ["export", "control"]);
    }

    #[test]
    fn a_year_glued_to_its_number_is_the_citation() {
        for typed in ["S/RES/687(1991)", "resolution 687(1991)"] {
            let q = parse_query(typed).unwrap();
            assert!(q.warnings.is_empty(), "{typed}: {:?}", q.warnings);
            assert_eq!(q.positive_words().last(), Some(&"1991"));
        }
        assert_eq!(year_apart("(1991) and 687 (1991)"), "(1991) and 687 (1991)");
        assert_eq!(year_apart("242(1967), 338(1973)"), "242 (1967), 338 (1973)");
        // Not a year: brackets are still noted.
        assert!(!parse_query("687(19)").unwrap().warnings.is_empty());
    }

    #[test]
    fn or_groups_neighbours() {
        let q = parse_query("nuclear OR chemical | biological weapons").unwrap();
        assert_eq!(
            q.clauses,
            vec![
                Clause::AnyOf(vec![w("nuclear"), w("chemical"), w("biological")]),
                Clause::AnyOf(vec![w("weapons")])
            ]
        );
    }

    #[test]
    fn phrases_and_exclusions() {
        let q = parse_query("“Korean Peninsula” -\"six party\" -Iran").unwrap();
        assert_eq!(
            q.clauses,
            vec![
                Clause::AnyOf(vec![Atom::Phrase("Korean Peninsula".into())]),
                Clause::Exclude(Atom::Phrase("six party".into())),
                Clause::Exclude(w("Iran")),
            ]
        );
        assert!(!parse_query("-Iran").unwrap().has_positive());
        // A minus an editor made a dash; a dash between words.
        for typed in ["nuclear –Iran", "nuclear —Iran", "nuclear −Iran"] {
            let q = parse_query(typed).unwrap();
            assert_eq!(q.clauses[1], Clause::Exclude(w("Iran")), "{typed}");
        }
        let q = parse_query("Iraq – Kuwait").unwrap();
        assert_eq!(
            q.clauses,
            vec![
                Clause::AnyOf(vec![w("Iraq")]),
                Clause::AnyOf(vec![w("Kuwait")])
            ]
        );
    }

    #[test]
    fn syntax_errors_name_the_query() {
        for bad in [
            "\"export control",
            "OR nuclear",
            "nuclear OR",
            "a OR -b",
            "- x",
        ] {
            let err = parse_query(bad).unwrap_err();
            assert!(err.is_usage(), "{bad}");
            assert!(err.to_string().contains(bad), "{err}");
        }
    }

    #[test]
    fn not_and_and_prefix() {
        let q = parse_query("nuclear AND weapons NOT Iran -\"six party\" nucl*").unwrap();
        assert_eq!(
            q.clauses,
            vec![
                Clause::AnyOf(vec![w("nuclear")]),
                Clause::AnyOf(vec![w("weapons")]),
                Clause::Exclude(w("Iran")),
                Clause::Exclude(Atom::Phrase("six party".into())),
                Clause::AnyOf(vec![Atom::Prefix("nucl".into())]),
            ]
        );
        assert!(q.warnings.is_empty());
        assert!(parse_query("nuclear NOT").unwrap_err().is_usage());
        assert!(parse_query("NOT OR x").unwrap_err().is_usage());
    }

    #[test]
    fn unsupported_syntax_is_words_with_a_warning() {
        for (query, words) in [
            ("country:JPN export", 2),
            ("(nuclear OR chemical) weapons", 2),
            ("nuclear~2", 1),
            ("nu*ear", 1),
        ] {
            let q = parse_query(query).unwrap();
            assert_eq!(q.warnings.len(), 1, "{query}: {:?}", q.warnings);
            assert_eq!(q.clauses.len(), words, "{query}");
        }
        assert!(parse_query("\"Côte d'Ivoire\" 1540")
            .unwrap()
            .warnings
            .is_empty());
    }

    #[test]
    fn lowercase_or_is_a_word() {
        let q = parse_query("war or peace").unwrap();
        assert_eq!(q.clauses.len(), 3);
    }
}
