//! Help when results are thin: on zero or few hits, what would find more.
//!
//! Two cases, tried in order: the query is the name of an entity whose
//! filter finds more paragraphs (`CTBT` typed with `--literal`: the
//! instrument filter finds 16), or the words together are too many (no paragraph has all
//! of them, but 12 have all but `assistance`). The library returns the
//! facts; the binary words them, since only it knows its flags.

use crate::error::Result;
use crate::model::EntityKind;

use super::expand::expand;
use super::query::{parse_query, Atom, Clause};
use super::{Engine, SearchRequest, SearchResults};

/// At most this many hits count as thin.
pub const THIN: usize = 5;

/// What would find more than a thin search did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    /// Typed words name an entity, and filtering by it (with the request's
    /// other filters, without the query) finds `count` paragraphs.
    Entity {
        /// The words as typed.
        from: String,
        /// Kind of the entity.
        kind: EntityKind,
        /// Its id.
        id: String,
        /// Paragraphs the filter finds.
        count: usize,
    },
    /// A typed word that no paragraph holds is spelled like a country's
    /// name (`Afganistan`) or a word of the paragraphs (`sanctoins`),
    /// which `count` paragraphs match instead.
    Spelling {
        /// The word as typed.
        typed: String,
        /// The name it is closest to.
        name: String,
        /// Paragraphs the query matches with the name for the word.
        count: usize,
        /// The query typed again with the name for the word.
        query: String,
        /// Edits from the typed word to the name.
        edits: usize,
    },
    /// Without one of the query's parts, `count` paragraphs match.
    AllBut {
        /// The part left out, as it would be typed (`assistance`, `"a phrase"`).
        part: String,
        /// Paragraphs matching all the other parts.
        count: usize,
    },
}

impl Hint {
    /// Whether the paragraphs it counts are on the page already: those with
    /// all but one part, when the steps of fewer words are shown.
    pub fn shown_in(&self, fewer: &[super::relax::Fewer]) -> bool {
        matches!(self, Hint::AllBut { .. }) && !fewer.is_empty()
    }
}

/// Most misspelt words a search reads as others before it gives up.
const MAX_CORRECTIONS: usize = 3;

/// A search run again with the words the paragraphs hold for typed words
/// none holds (see [`Engine::search_correcting`]).
#[derive(Clone, Debug)]
pub struct Corrected {
    /// What the search found, with the words read as corrected.
    pub results: SearchResults,
    /// The request as run (its query corrected).
    pub request: SearchRequest,
    /// Each word as typed and the word read for it, in order.
    pub words: Vec<(String, String)>,
    /// The hint for `results`, when the corrections computed it already
    /// (a search that still found nothing); `None` when not computed.
    pub hint: Option<Option<Hint>>,
}

impl Engine {
    /// Runs `req`; when it finds nothing because a typed word is in no
    /// paragraph and one spelled like it is (`Isreal`, `goverment`,
    /// `ceasfire`), runs it again with that word, as Meilisearch's typo
    /// tolerance and the web's engines do, and says so in `words`. Not
    /// with `--literal` (the words as typed), nor when the corrected query
    /// would find nothing either.
    pub fn search_correcting(&self, req: &SearchRequest) -> Result<Corrected> {
        let mut request = req.clone();
        let mut results = self.search(&request)?;
        let mut words = Vec::new();
        let mut hint = None;
        while results.total == 0 && !request.literal && words.len() < MAX_CORRECTIONS {
            let found_hint = self.hint(&request, &results)?;
            hint = Some(found_hint.clone());
            let Some(Hint::Spelling {
                typed,
                name,
                query,
                edits,
                ..
            }) = found_hint
            else {
                break;
            };
            // A name in capitals the paragraphs lack is no typo (`MONUSCO`
            // is not `Monaco`), nor a word two edits from a short one
            // (`Muammar` is not `Myanmar`).
            let caps = typed
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if caps || edits > super::spell::max_edits(typed.chars().count()) {
                break;
            }
            let retry = SearchRequest {
                query: Some(query),
                ..request.clone()
            };
            let found = self.search(&retry)?;
            if found.total == 0 {
                break;
            }
            words.push((typed, name));
            (request, results, hint) = (retry, found, None);
        }
        Ok(Corrected {
            results,
            request,
            words,
            hint,
        })
    }

    /// A hint for a search that found at most [`THIN`] paragraphs, if
    /// something would find more; `None` otherwise. Costs one count per
    /// named entity or query part, and only for thin results.
    pub fn hint(&self, req: &SearchRequest, res: &SearchResults) -> Result<Option<Hint>> {
        if res.total > THIN {
            return Ok(None);
        }
        let Some(text) = req.query.as_deref().filter(|q| !q.trim().is_empty()) else {
            return Ok(None);
        };
        let parsed = parse_query(text)?;
        let positive: Vec<usize> = (0..parsed.clauses.len())
            .filter(|&i| matches!(parsed.clauses[i], Clause::AnyOf(_)))
            .collect();
        let mut best: Option<Hint> = None;
        for e in expand(&parsed) {
            // Only when the name is the whole query: with other words, the
            // filter alone would answer another question.
            if positive.iter().any(|i| !e.clauses.contains(i)) {
                continue;
            }
            let Some((kind, id)) = e.entity else { continue };
            let mut filters = req.filters.clone();
            filters.entities.push(vec![(kind, id.clone())]);
            let count = self.count(None, filters, req.literal)?;
            if count > res.total && best_count(&best) < count {
                best = Some(Hint::Entity {
                    from: e.from,
                    kind,
                    id,
                    count,
                });
            }
        }
        if best.is_some() {
            return Ok(best);
        }
        if let Some(h) = self.spelling(req, &parsed, &positive)? {
            return Ok(Some(h));
        }
        if positive.len() < 2 {
            return Ok(None);
        }
        for &drop in &positive {
            let query = retyped(&parsed, drop, None);
            let count = self.count(Some(query), req.filters.clone(), req.literal)?;
            if count > res.total && best_count(&best) < count {
                best = Some(Hint::AllBut {
                    part: parsed.clauses[drop].typed(),
                    count,
                });
            }
        }
        Ok(best)
    }

    /// The first typed word that no paragraph holds and that is spelled
    /// like a country's name or a word of the paragraphs, with what the
    /// query finds with that name or word.
    fn spelling(
        &self,
        req: &SearchRequest,
        parsed: &super::query::ParsedQuery,
        positive: &[usize],
    ) -> Result<Option<Hint>> {
        let gaz = crate::enrich::Gazetteer::builtin();
        for &i in positive {
            let Clause::AnyOf(atoms) = &parsed.clauses[i] else {
                continue;
            };
            let [Atom::Word(w)] = atoms.as_slice() else {
                continue;
            };
            if w.chars().count() < 4 || self.rarest_doc_freq(w) > 0 {
                continue;
            }
            let country = match gaz.resolve(EntityKind::Country, w) {
                Err(unknown) => self.country_spelled(req, parsed, i, w, &unknown.suggestions)?,
                Ok(_) => continue,
            };
            // Any other word of the paragraphs spelled like it
            // (`sanctoins`, `pandamic`): it wins with fewer edits (`ASAEN`
            // is ASEAN, not Senegal).
            let word = match self.closest_word(w)? {
                Some((word, edits)) => {
                    let query = retyped(parsed, i, Some(&word));
                    let count =
                        self.count(Some(query.clone()), req.filters.clone(), req.literal)?;
                    (count > 0).then_some((edits, word, count, query))
                }
                None => None,
            };
            let best = match (country, word) {
                (Some(c), Some(v)) if v.0 < c.0 => Some(v),
                (Some(c), _) => Some(c),
                (None, v) => v,
            };
            if let Some((edits, name, count, query)) = best {
                return Ok(Some(Hint::Spelling {
                    typed: w.clone(),
                    name,
                    count,
                    query,
                    edits,
                }));
            }
        }
        Ok(None)
    }

    /// The country name closest to typed word `w` (clause `i`) among the
    /// gazetteer's suggestions that the query finds paragraphs with, as
    /// (edits, name, paragraphs).
    fn country_spelled(
        &self,
        req: &SearchRequest,
        parsed: &super::query::ParsedQuery,
        i: usize,
        w: &str,
        suggestions: &[(String, String)],
    ) -> Result<Option<(usize, String, usize, String)>> {
        let gaz = crate::enrich::Gazetteer::builtin();
        // Each country spelled alike by the name closest to the typed
        // word (`Syria`, not `Syrian Arab Republic`); the fewest edits
        // first, then a name with the same letters (`Lybia` is Libya,
        // not Syria), then the one the query finds most with (`Irak`:
        // Iraq, not Iran).
        let mut ranked = Vec::new();
        for (id, _) in suggestions {
            let Some(name) = gaz.closest_name(EntityKind::Country, id, w) else {
                continue;
            };
            let quoted = if name.contains(' ') {
                format!("\"{name}\"")
            } else {
                name.to_string()
            };
            let query = retyped(parsed, i, Some(&quoted));
            let count = self.count(Some(query.clone()), req.filters.clone(), req.literal)?;
            if count > 0 {
                let (typed, named) = (w.to_lowercase(), name.to_lowercase());
                let edits = strsim::damerau_levenshtein(&typed, &named);
                let same_letters = sorted_letters(&typed) == sorted_letters(&named);
                ranked.push((
                    (edits, !same_letters, usize::MAX - count),
                    name,
                    count,
                    query,
                ));
            }
        }
        ranked.sort_by_key(|a| a.0);
        Ok(ranked
            .into_iter()
            .next()
            .map(|((edits, ..), name, count, query)| (edits, name.to_string(), count, query)))
    }

    /// How many paragraphs a query text finds with these filters.
    pub(super) fn count(
        &self,
        query: Option<String>,
        filters: super::Filters,
        literal: bool,
    ) -> Result<usize> {
        let req = SearchRequest {
            query,
            filters,
            limit: 0,
            literal,
            ..SearchRequest::default()
        };
        Ok(self.search(&req)?.total)
    }
}

/// The letters of a word in order (`lybia` and `libya` are `abily`).
fn sorted_letters(w: &str) -> Vec<char> {
    let mut c: Vec<char> = w.chars().collect();
    c.sort_unstable();
    c
}

fn best_count(h: &Option<Hint>) -> usize {
    match h {
        Some(
            Hint::Entity { count, .. } | Hint::AllBut { count, .. } | Hint::Spelling { count, .. },
        ) => *count,
        None => 0,
    }
}

/// The query typed again with clause `i` left out (`with` is `None`) or
/// written as `with`.
fn retyped(parsed: &super::query::ParsedQuery, i: usize, with: Option<&str>) -> String {
    parsed
        .clauses
        .iter()
        .enumerate()
        .filter_map(|(k, c)| match (k == i, with) {
            (true, Some(w)) => Some(w.to_string()),
            (true, None) => None,
            (false, _) => Some(c.typed()),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
