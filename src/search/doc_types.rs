//! Document types typed as words (`Quad joint statement`, `resolutions on
//! Angola`, `MEF chair summary`): the words, or any paragraph of a
//! document of that type.
//!
//! A paragraph of a joint statement rarely says `joint statement`, so the
//! words alone required what users mean as the kind of document: `Quad
//! joint statement` found the one paragraph citing one, not the Quad's
//! statements. Read beside other words only (the type alone is a
//! `--type` filter, and a search for the words `joint statement` means
//! them); `--literal` reads the words only.

use crate::model::DocType;

use super::query::{Atom, Clause, ParsedQuery};

/// Typed phrases (lower case, singular and plural) and the type each
/// names, longest first where one opens another.
const TYPED: &[(&[&str], DocType)] = &[
    (&["joint", "statement"], DocType::JointStatement),
    (&["joint", "statements"], DocType::JointStatement),
    (&["joint", "declaration"], DocType::Declaration),
    (&["joint", "declarations"], DocType::Declaration),
    (&["joint", "communique"], DocType::Communique),
    (&["joint", "communiqué"], DocType::Communique),
    (&["chair's", "summary"], DocType::ChairsSummary),
    (&["chairs", "summary"], DocType::ChairsSummary),
    (&["chair", "summary"], DocType::ChairsSummary),
    (&["chairman's", "summary"], DocType::ChairsSummary),
    (&["chair's", "statement"], DocType::ChairsStatement),
    (&["chairman's", "statement"], DocType::ChairsStatement),
    (&["press", "release"], DocType::PressRelease),
    (&["press", "releases"], DocType::PressRelease),
    (&["press", "statement"], DocType::PressRelease),
    (&["media", "release"], DocType::PressRelease),
    (&["communique"], DocType::Communique),
    (&["communiqué"], DocType::Communique),
    (&["communiques"], DocType::Communique),
    (&["communiqués"], DocType::Communique),
    (&["declaration"], DocType::Declaration),
    (&["declarations"], DocType::Declaration),
    (&["resolution"], DocType::Resolution),
    (&["resolutions"], DocType::Resolution),
];

/// The document type the plain words at clause `i` name, and how many
/// clauses they are.
///
/// ```
/// use dipsearch::model::DocType;
/// use dipsearch::search::{doc_types::type_words, query::parse_query};
/// let q = parse_query("Quad joint statements").unwrap();
/// assert_eq!(type_words(&q, 1), Some((2, DocType::JointStatement)));
/// assert_eq!(type_words(&q, 0), None);
/// let q = parse_query("\"joint statement\" Quad").unwrap();
/// assert_eq!(type_words(&q, 0), None);
/// ```
pub fn type_words(parsed: &ParsedQuery, i: usize) -> Option<(usize, DocType)> {
    // The two words at `i`, lower-cased once (every clause of every query
    // is asked).
    let word = |j: usize| match parsed.clauses.get(j) {
        Some(Clause::AnyOf(atoms)) => match atoms.as_slice() {
            [Atom::Word(w)] => Some(w.to_lowercase().replace('’', "'")),
            _ => None,
        },
        _ => None,
    };
    let first = word(i)?;
    let second = word(i + 1);
    let typed = [Some(first.as_str()), second.as_deref()];
    TYPED.iter().find_map(|(words, doc_type)| {
        words
            .iter()
            .zip(typed)
            .all(|(w, t)| t == Some(*w))
            .then_some((words.len(), *doc_type))
    })
}
