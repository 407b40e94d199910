//! Fewer words when all of them find too little: the paragraphs that have
//! all but the query's most common parts, after those that have every one.
//!
//! A search requires every word it does not read as a filler, which is
//! what a phrase-like query (`export control`) wants and what a question
//! or a description does not: `how many peacekeepers in Cyprus` found
//! nothing because no paragraph says `many`, `Suez crisis` nothing because
//! the resolutions say `the situation`, `rape as a weapon of war` nothing
//! because they say `weapon of war` apart from the crime. Meilisearch's
//! `frequency` matching strategy is the model: when the page is not full,
//! the most common part is left out, then the next, until half the parts
//! are gone (Meilisearch goes on to the rarest alone, which for `refugees
//! going home` is `going`); each step's paragraphs follow the step before,
//! and none is shown twice. Exclusions and filters always hold, and nothing is left
//! out of a search that fills its page.

use std::ops::Range;

use crate::error::Result;

use super::expand::read_query;
use super::query::{parse_query, Clause, ParsedQuery};
use super::{Engine, Hit, SearchRequest, SearchResults, Sort};

/// A query as read, its required parts and the parts that are names (see
/// `Engine::parts`).
type Parts = (ParsedQuery, Vec<Range<usize>>, Vec<Range<usize>>);

/// Most required parts a query may have for its words to be left out one
/// by one: each part costs a count, each step a search (Meilisearch
/// considers ten words).
const MAX_PARTS: usize = 8;

/// Paragraphs with all but some parts of the query, none of which has
/// them all (or all but fewer).
#[derive(Clone, Debug)]
pub struct Fewer {
    /// The parts left out, as typed (`crisis`, `"a phrase"`, `North Korea`).
    pub without: Vec<String>,
    /// How many paragraphs have the rest and not all of these.
    pub total: usize,
    /// Those of them on the requested page, best first.
    pub hits: Vec<Hit>,
}

impl Engine {
    /// The steps of fewer words that fill the page `strict` (the results
    /// of `req`) leaves short: empty when it is full, when only counts are
    /// asked for (`limit` 0), when the query has fewer than two required
    /// parts or more than eight, when its total is an estimate, or
    /// when the results are ordered by date (a timeline lists what was
    /// asked for). The page counts on from `strict`: an offset past its
    /// matches pages through the steps.
    pub fn fewer_words(&self, req: &SearchRequest, strict: &SearchResults) -> Result<Vec<Fewer>> {
        let needed = req.offset + req.limit.max(1);
        let text = match req.query.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => t,
            _ => return Ok(Vec::new()),
        };
        let counting = req.limit == 0;
        if counting
            || req.sort != Sort::Relevance
            || strict.total_is_estimate
            || strict.total >= needed
        {
            return Ok(Vec::new());
        }
        let (parsed, parts, names) = self.parts(text, req)?;
        if !(2..=MAX_PARTS).contains(&parts.len()) {
            return Ok(Vec::new());
        }
        // In a query that writes some parts with a capital and some
        // without, the names are its subject and stay, and every other
        // part may go (`how did the council respond to the Falklands
        // invasion`: only `Falklands` finds its 5 paragraphs; `did the G7
        // condemn the coup in Niger` without `Niger` would be any coup).
        if !names.is_empty() {
            let words: Vec<Range<usize>> = parts
                .iter()
                .filter(|p| !names.contains(p))
                .cloned()
                .collect();
            return self.steps(req, strict, (&parsed, &parts), &words, words.len());
        }
        // At most half the parts go (one of two or three): what is left
        // is still the query's subject, not its rarest word alone (`going`
        // of `refugees going home`).
        self.steps(
            req,
            strict,
            (&parsed, &parts),
            &parts,
            (parts.len() / 2).max(1),
        )
    }

    /// The steps leaving out up to `budget` of the `candidates` (most
    /// common first).
    fn steps(
        &self,
        req: &SearchRequest,
        strict: &SearchResults,
        (parsed, all): (&ParsedQuery, &[Range<usize>]),
        candidates: &[Range<usize>],
        budget: usize,
    ) -> Result<Vec<Fewer>> {
        let needed = req.offset + req.limit.max(1);
        let text = req.query.as_deref().unwrap_or("").trim();
        let mut out = Vec::new();
        let (mut before, mut start) = (text.to_string(), strict.total);
        let mut dropped: Vec<Range<usize>> = Vec::new();
        while dropped.len() < budget {
            // The commonest part left goes; when nothing has the rest, the
            // next commonest instead, and so on (`refugees going home`:
            // without `refugees` nothing, without `going` nine paragraphs;
            // `who attended the major economies forum`: only without the
            // rarest, `attended`, which the hint names).
            let mut step = None;
            for next in candidates.iter().filter(|p| !dropped.contains(p)) {
                let mut without = dropped.clone();
                without.push(next.clone());
                // Not down to a document type alone (`UN resolutions
                // Kashmir` without `Kashmir` is every resolution).
                if only_types(parsed, all, &without) {
                    continue;
                }
                let query = without_parts(parsed, &without);
                let found = self.search(&SearchRequest {
                    query: Some(query.clone()),
                    excluding: Some(before.clone()),
                    offset: req.offset.saturating_sub(start),
                    limit: needed.saturating_sub(req.offset.max(start)),
                    estimate_total: false,
                    ..req.clone()
                })?;
                if found.total > 0 {
                    step = Some((without, query, found));
                    break;
                }
            }
            let Some((without, query, found)) = step else {
                // Nothing has all but any one part more: the commonest goes
                // unshown and the next step leaves out two (`how did the
                // council respond to the Falklands invasion`: only without
                // `council` and `respond`).
                match candidates.iter().find(|p| !dropped.contains(p)) {
                    Some(p) if dropped.len() + 1 < budget => dropped.push(p.clone()),
                    _ => break,
                }
                continue;
            };
            out.push(Fewer {
                without: without.iter().map(|p| typed(parsed, p)).collect(),
                total: found.total,
                hits: found.hits,
            });
            start += found.total;
            if start >= needed {
                break;
            }
            (dropped, before) = (without, query);
        }
        Ok(out)
    }

    /// The query as read, its required parts, most common first (by the
    /// paragraphs each finds alone, with the request's filters): each
    /// clause that is no filler, a name of several words one part; and, in
    /// a query that writes some parts with a capital and some without, the
    /// parts that are names.
    fn parts(&self, text: &str, req: &SearchRequest) -> Result<Parts> {
        let literal = req.literal;
        let parsed = parse_query(text)?;
        let (parsed, expanded) = match literal {
            true => (parsed, Vec::new()),
            false => read_query(parsed),
        };
        let named: Vec<Range<usize>> = expanded
            .iter()
            .filter(|e| e.atom.is_none())
            .map(|e| e.clauses.clone())
            .collect();
        let fillers = match literal {
            true => Vec::new(),
            false => parsed.fillers(&named),
        };
        let mut parts: Vec<(usize, Range<usize>)> = Vec::new();
        for (i, clause) in parsed.clauses.iter().enumerate() {
            if !matches!(clause, Clause::AnyOf(_)) || fillers.contains(&i) {
                continue;
            }
            if parts.iter().any(|(_, p)| p.contains(&i)) {
                continue;
            }
            // A part typed twice is one part.
            if parts.len() > MAX_PARTS
                || parts
                    .iter()
                    .any(|(_, p)| typed(&parsed, p) == parsed.clauses[i].typed())
            {
                continue;
            }
            // A document type's words are one part (`joint statement`).
            let of_type = (!literal)
                .then(|| super::doc_types::type_words(&parsed, i))
                .flatten()
                .map(|(len, _)| i..i + len);
            let part = named
                .iter()
                .filter(|r| r.contains(&i))
                .max_by_key(|r| r.len())
                .cloned()
                .or(of_type)
                .unwrap_or(i..i + 1);
            let alone = typed(&parsed, &part);
            let common = self.count(Some(alone), req.filters.clone(), literal)?;
            parts.push((common, part));
        }
        // A part no paragraph has first (it can only hide the others),
        // then, in a query that writes some parts with a capital and
        // some without, those without (`Sharpeville massacre`, `G7
        // statement on Ukraine`: the name is the subject, and is never
        // left out), then the most common; of two as common, the later
        // typed (people put the subject first).
        let named = |p: &Range<usize>| initial_capital(&typed(&parsed, p));
        let mixed = parts.iter().any(|(_, p)| named(p)) && !parts.iter().all(|(_, p)| named(p));
        parts.sort_by_key(|(common, p)| {
            (
                *common > 0,
                mixed && named(p),
                std::cmp::Reverse(*common),
                std::cmp::Reverse(p.start),
            )
        });
        let names = match mixed {
            true => parts
                .iter()
                .map(|(_, p)| p)
                .filter(|p| named(p))
                .cloned()
                .collect(),
            false => Vec::new(),
        };
        Ok((parsed, parts.into_iter().map(|(_, p)| p).collect(), names))
    }
}

/// Whether the parts of `all` left without `dropped` name a document type
/// and nothing else.
fn only_types(parsed: &ParsedQuery, all: &[Range<usize>], dropped: &[Range<usize>]) -> bool {
    let mut left = all.iter().filter(|p| !dropped.contains(p)).peekable();
    left.peek().is_some()
        && left.all(|p| {
            super::doc_types::type_words(parsed, p.start).is_some_and(|(len, _)| len == p.len())
        })
}

/// The query typed again without the parts `dropped` (a part typed twice
/// goes out both times).
fn without_parts(parsed: &ParsedQuery, dropped: &[Range<usize>]) -> String {
    let gone = |i: usize| {
        dropped
            .iter()
            .any(|p| p.contains(&i) || typed(parsed, p) == parsed.clauses[i].typed())
    };
    (0..parsed.clauses.len())
        .filter(|&i| !gone(i))
        .map(|i| parsed.clauses[i].typed())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The clauses of a part as typed.
fn typed(parsed: &ParsedQuery, part: &Range<usize>) -> String {
    part.clone()
        .map(|i| parsed.clauses[i].typed())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether typed words begin with a capital (past a quote): a name, in a
/// query whose other words have none.
fn initial_capital(typed: &str) -> bool {
    typed
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}
