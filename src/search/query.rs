//! The user's query language, parsed into a small syntax tree before any
//! tantivy query is built, so syntax errors are reported as usage errors
//! naming the problem.
//!
//! - words are all required: `export control`
//! - `"quoted phrases"` must appear as written (after stemming)
//! - `a OR b` (upper-case `OR`, also `|`) means either; binds tighter than
//!   the implicit AND: `nuclear OR chemical weapons` = (nuclear | chemical) & weapons
//! - `-word` or `-"a phrase"` excludes paragraphs that contain it
//!
//! ```
//! use dipsearch::search::query::{parse_query, Clause, Atom};
//! let q = parse_query(r#"export -"arms trade" PSI OR HCOC"#).unwrap();
//! assert_eq!(q.clauses.len(), 3);
//! assert_eq!(q.clauses[1], Clause::Exclude(Atom::Phrase("arms trade".into())));
//! ```

use crate::error::{Error, QueryProblem, Result, UsageError};

/// A word or a quoted phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Atom {
    /// One word as typed (stemmed later by the index's analyser).
    Word(String),
    /// Several words that must appear together, in order.
    Phrase(String),
}

/// One top-level part of the query; all clauses must hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    /// At least one of the atoms must match (a single atom is plain AND).
    AnyOf(Vec<Atom>),
    /// The atom must not match.
    Exclude(Atom),
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Clauses, all required.
    pub clauses: Vec<Clause>,
}

impl ParsedQuery {
    /// The positive words and phrases of the query, for proximity boosting.
    pub fn positive_words(&self) -> Vec<&str> {
        self.clauses
            .iter()
            .filter_map(|c| match c {
                Clause::AnyOf(atoms) if atoms.len() == 1 => match &atoms[0] {
                    Atom::Word(w) => Some(w.as_str()),
                    Atom::Phrase(_) => None,
                },
                _ => None,
            })
            .collect()
    }

    /// Whether the query has nothing that could match on its own.
    pub fn has_positive(&self) -> bool {
        self.clauses.iter().any(|c| matches!(c, Clause::AnyOf(_)))
    }
}

#[derive(Debug, PartialEq)]
enum Token {
    Atom(Atom, bool),
    Or,
}

/// Parses the query text. Errors: an unclosed quote, `OR` without two
/// sides, an empty exclusion.
pub fn parse_query(text: &str) -> Result<ParsedQuery> {
    let tokens = tokenize(text)?;
    let mut clauses: Vec<Clause> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Or => return Err(query_error(text, QueryProblem::OrWithoutSides)),
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
    Ok(ParsedQuery { clauses })
}

fn query_error(text: &str, problem: QueryProblem) -> Error {
    UsageError::Query {
        query: text.to_string(),
        problem,
    }
    .into()
}

fn tokenize(text: &str) -> Result<Vec<Token>> {
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
                if !negated && (word == "OR" || word == "|") {
                    tokens.push(Token::Or);
                } else {
                    tokens.push(Token::Atom(Atom::Word(word), negated));
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
    fn lowercase_or_is_a_word() {
        let q = parse_query("war or peace").unwrap();
        assert_eq!(q.clauses.len(), 3);
    }
}
