//! The other names of a reading that another of its names already covers,
//! left out of the search but not of the highlighting.
//!
//! Why: a reading's other names are one union scored by one constant (see
//! `Engine::concept_query`), so only which paragraphs match counts, not
//! how. A name whose words contain another name's words, in a row
//! (`Nuclear Non-Proliferation Treaty` holds `Non-Proliferation Treaty`;
//! `nuclear test` holds `nuclear`), matches only paragraphs the shorter one
//! matches already, in the same fields; and two spellings can stem alike
//! (`weapons of mass destruction`, `weapon of mass destruction`). Searched
//! anyway, each such phrase read the positions of every paragraph holding
//! its words: `NWFZ`, whose nuclear reading lists `nuclear` beside
//! `nuclear weapon` and `nuclear test`, spent most of its search there.
//! Left out, the matches, the total and the scores are the same; the words
//! of the names left out still mark snippets, as before.

use tantivy::query::{EnableScoring, Query, Weight};
use tantivy::Term;

/// Splits `names`, each with its tokens as the index analyses it, into the
/// ones to search and the ones another of them covers (its tokens contain
/// a searched name's tokens in a row, or equal them). Shorter names are
/// kept first; among names of equal tokens, the first.
pub(super) fn split<T>(mut names: Vec<(T, Vec<String>)>) -> (Vec<T>, Vec<T>) {
    // Stable: equal lengths stay in the reading's order.
    names.sort_by_key(|(_, tokens)| tokens.len());
    let mut kept: Vec<(T, Vec<String>)> = Vec::new();
    let mut covered = Vec::new();
    for (name, tokens) in names {
        let is_covered = !tokens.is_empty()
            && kept
                .iter()
                .any(|(_, k)| !k.is_empty() && tokens.windows(k.len()).any(|w| w == k.as_slice()));
        if is_covered {
            covered.push(name);
        } else {
            kept.push((name, tokens));
        }
    }
    (kept.into_iter().map(|(n, _)| n).collect(), covered)
}

/// `search`, whose words also include those of `covered` (the queries of
/// names left out of it): it is searched as `search` alone, and the
/// highlighter, which asks a query for its words, sees them all.
#[derive(Debug)]
pub(super) struct AlsoWords {
    search: Box<dyn Query>,
    covered: Vec<Box<dyn Query>>,
}

impl AlsoWords {
    pub fn new(search: Box<dyn Query>, covered: Vec<Box<dyn Query>>) -> AlsoWords {
        AlsoWords { search, covered }
    }
}

impl Clone for AlsoWords {
    fn clone(&self) -> AlsoWords {
        AlsoWords {
            search: self.search.box_clone(),
            covered: self.covered.iter().map(|q| q.box_clone()).collect(),
        }
    }
}

impl Query for AlsoWords {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        self.search.weight(enable_scoring)
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.search.query_terms(visitor);
        for q in &self.covered {
            q.query_terms(visitor);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{split, AlsoWords};
    use tantivy::query::{Query, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::Term;

    #[test]
    fn the_words_of_covered_names_still_mark_snippets() {
        let mut b = Schema::builder();
        let body = b.add_text_field("body", TEXT);
        let term = |w: &str| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(body, w),
                IndexRecordOption::Basic,
            ));
            q
        };
        let q = AlsoWords::new(term("nuclear"), vec![term("test")]);
        let mut seen = Vec::new();
        q.query_terms(&mut |t, _| seen.push(t.value().as_str().unwrap_or("").to_string()));
        assert_eq!(seen, ["nuclear", "test"]);
    }

    fn names(list: &[&'static str]) -> Vec<(&'static str, Vec<String>)> {
        list.iter()
            .map(|n| (*n, n.split(' ').map(str::to_string).collect()))
            .collect()
    }

    #[test]
    fn a_name_holding_another_in_a_row_is_covered() {
        let (kept, covered) = split(names(&[
            "nuclear weapon",
            "nuclear",
            "atom",
            "nuclear test",
            "non prolifer treati",
            "nuclear non prolifer treati",
        ]));
        assert_eq!(kept, vec!["nuclear", "atom", "non prolifer treati"]);
        assert_eq!(
            covered,
            vec![
                "nuclear weapon",
                "nuclear test",
                "nuclear non prolifer treati"
            ]
        );
    }

    #[test]
    fn words_apart_or_out_of_order_are_not_covered() {
        // `comprehens test ban treati` does not hold
        // `comprehens nuclear test ban treati` nor the other way round;
        // `energi atom` is not `atom energi`.
        let (kept, covered) = split(names(&[
            "comprehens nuclear test ban treati",
            "comprehens test ban treati",
            "atom energi agenc",
            "energi atom",
        ]));
        assert_eq!(kept.len(), 4, "{kept:?}");
        assert!(covered.is_empty());
    }

    #[test]
    fn names_that_stem_alike_are_searched_once() {
        let stems = || {
            ["weapon", "of", "mass", "destruct"]
                .map(String::from)
                .to_vec()
        };
        let (kept, covered) = split(vec![
            ("weapons of mass destruction", stems()),
            ("weapon of mass destruction", stems()),
        ]);
        assert_eq!(kept, vec!["weapons of mass destruction"]);
        assert_eq!(covered, vec!["weapon of mass destruction"]);
    }

    #[test]
    fn a_name_without_tokens_covers_nothing() {
        let (kept, covered) = split(vec![("—", vec![]), ("zone", vec!["zone".to_string()])]);
        assert_eq!(kept, vec!["—", "zone"]);
        assert!(covered.is_empty());
    }
}
