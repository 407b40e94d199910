//! The proximity bonus of a multi-word query: the words as an exact phrase,
//! and within a few words of each other, scored in one pass over their
//! positions.
//!
//! Why not two `PhraseQuery` clauses (exact and sloppy) as before: as
//! optional clauses beside the required words, each phrase scorer kept its
//! own intersection of the words' postings and, on every seek that found
//! no phrase, searched on for its next match, reading positions again.
//! `apartheid Namibia` spent 0.25 ms of its 0.32 ms there. This clause is
//! only a score: it is positioned on every paragraph that holds all the
//! words (cheap doc-level seeks), and reads their positions once, when
//! the paragraph is scored, to count both the exact and the near
//! occurrences. Where the words are neither adjacent nor near it scores
//! 0.0, which leaves the sum of the other clauses bit for bit unchanged.
//!
//! The counts and BM25 weights are those of tantivy's phrase scorer (same
//! term order, position offsets and slop rules), so scores are identical;
//! a test checks that against the two `PhraseQuery` clauses.
//!
//! Only meaningful as an optional (`Should`) clause beside required ones:
//! on its own it would match paragraphs where the words are far apart.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::TermInfo;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

mod leaf;

pub(super) use leaf::{Cuts, PhraseLeaf};

/// Score bonus for `terms` (one field, in query order) standing together:
/// `exact_boost` × BM25 of the exact phrase plus `near_boost` × BM25 of
/// the words within `slop` positions, as tantivy's phrase queries score.
#[derive(Clone, Debug)]
pub struct ProximityQuery {
    terms: Vec<Term>,
    slop: u32,
    exact_boost: Score,
    near_boost: Score,
}

impl ProximityQuery {
    /// `terms` must share one field and number at least two.
    pub fn new(terms: Vec<Term>, slop: u32, exact_boost: Score, near_boost: Score) -> Self {
        ProximityQuery {
            terms,
            slop,
            exact_boost,
            near_boost,
        }
    }
}

impl Query for ProximityQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        if self.terms.len() < 2 {
            return Err(TantivyError::InvalidArgument(
                "a proximity clause needs two words or more".to_string(),
            ));
        }
        let similarity = match enable_scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(Bm25Weight::for_terms(statistics_provider, &self.terms)?),
            // Without scoring the clause has nothing to add.
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(ProximityWeight {
            terms: self.terms.clone(),
            slop: self.slop,
            exact_boost: self.exact_boost,
            near_boost: self.near_boost,
            similarity,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for t in &self.terms {
            visitor(t, true);
        }
    }
}

struct ProximityWeight {
    terms: Vec<Term>,
    slop: u32,
    exact_boost: Score,
    near_boost: Score,
    similarity: Option<Bm25Weight>,
}

impl ProximityWeight {
    fn proximity_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<ProximityScorer>> {
        Ok(self.scorer_and_rarest(reader, boost)?.map(|(s, _)| s))
    }

    /// The scorer, and where its rarest word's postings are (the first of
    /// the rarest in query order, the word the scorer leads with).
    fn scorer_and_rarest(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<(ProximityScorer, TermInfo)>> {
        let Some(similarity) = &self.similarity else {
            return Ok(None);
        };
        let field = self.terms[0].field();
        let inverted = reader.inverted_index(field)?;
        let last = self.terms.len() - 1;
        let mut postings = Vec::with_capacity(self.terms.len());
        let mut rarest: Option<TermInfo> = None;
        for (i, term) in self.terms.iter().enumerate() {
            let Some(info) = inverted.get_term_info(term)? else {
                return Ok(None);
            };
            let p = inverted
                .read_postings_from_terminfo(&info, IndexRecordOption::WithFreqsAndPositions)?;
            // Positions are shifted so that a phrase lines up on its last
            // word, as tantivy's phrase scorer does.
            postings.push(((last - i) as u32, p));
            if rarest.as_ref().is_none_or(|r| info.doc_freq < r.doc_freq) {
                rarest = Some(info);
            }
        }
        // Tantivy's intersection orders the words rarest first (a stable
        // sort), and its slop matching depends on that order.
        postings.sort_by_key(|(_, p)| p.doc_freq());
        let fieldnorms = reader.get_fieldnorms_reader(field)?;
        let mut scorer = ProximityScorer {
            postings,
            doc: 0,
            exact: similarity.boost_by(boost * self.exact_boost),
            near: similarity.boost_by(boost * self.near_boost),
            slop: self.slop,
            count_near: true,
            fieldnorms,
            counts: None,
            positions: Vec::new(),
            left: Vec::new(),
            left_slops: Vec::new(),
            buffer: Vec::new(),
            slops_buffer: Vec::new(),
        };
        let first = scorer.postings.iter().map(|(_, p)| p.doc()).max();
        scorer.doc = scorer.align(first.unwrap_or(TERMINATED));
        Ok(rarest.map(|r| (scorer, r)))
    }
}

impl Weight for ProximityWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.proximity_scorer(reader, boost)? {
            Some(s) if s.doc != TERMINATED => Box::new(s),
            _ => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let no_match =
            || TantivyError::InvalidArgument(format!("Document #({doc}) does not match"));
        let mut scorer = self.proximity_scorer(reader, 1.0)?.ok_or_else(no_match)?;
        if scorer.doc > doc || scorer.seek(doc) != doc {
            return Err(no_match());
        }
        let (exact, near) = scorer.counts();
        if exact == 0 && near == 0 {
            return Err(no_match());
        }
        let fieldnorm_id = scorer.fieldnorms.fieldnorm_id(doc);
        let mut explanation = Explanation::new("words together (exact and near)", scorer.score());
        if exact > 0 {
            let mut e = Explanation::new("exact phrase", scorer.exact.score(fieldnorm_id, exact));
            e.add_detail(scorer.exact.explain(fieldnorm_id, exact));
            explanation.add_detail(e);
        }
        if near > 0 {
            let mut e = Explanation::new("words near", scorer.near.score(fieldnorm_id, near));
            e.add_detail(scorer.near.explain(fieldnorm_id, near));
            explanation.add_detail(e);
        }
        Ok(explanation)
    }
}

/// Positioned on every doc that holds all the words; positions are read
/// only when the doc is scored.
struct ProximityScorer {
    /// (position shift, postings), rarest word first.
    postings: Vec<(u32, SegmentPostings)>,
    doc: DocId,
    exact: Bm25Weight,
    near: Bm25Weight,
    slop: u32,
    /// Whether near occurrences are counted (not for an exact phrase).
    count_near: bool,
    fieldnorms: FieldNormReader,
    /// Exact and near phrase counts of `doc`, once computed.
    counts: Option<(u32, u32)>,
    /// Per word, its shifted positions in `doc` (reused buffers).
    positions: Vec<Vec<u32>>,
    left: Vec<u32>,
    left_slops: Vec<u8>,
    buffer: Vec<u32>,
    slops_buffer: Vec<u8>,
}

impl ProximityScorer {
    /// The first doc at or after `candidate` that every word's postings hold.
    fn align(&mut self, mut candidate: DocId) -> DocId {
        'outer: while candidate < TERMINATED {
            for (_, p) in self.postings.iter_mut() {
                let d = if p.doc() < candidate {
                    p.seek(candidate)
                } else {
                    p.doc()
                };
                if d > candidate {
                    candidate = d;
                    continue 'outer;
                }
            }
            break;
        }
        self.counts = None;
        candidate
    }

    /// (exact phrase count, near phrase count) of the current doc, as
    /// tantivy's `PhraseScorer` counts them with slop 0 and `self.slop`.
    fn counts(&mut self) -> (u32, u32) {
        if let Some(c) = self.counts {
            return c;
        }
        let n = self.postings.len();
        self.positions.resize_with(n, Vec::new);
        for ((shift, p), out) in self.postings.iter_mut().zip(self.positions.iter_mut()) {
            out.clear();
            p.positions_with_offset(*shift, out);
        }
        let exact = self.exact_count();
        let near = if self.count_near {
            self.near_count()
        } else {
            0
        };
        self.counts = Some((exact, near));
        (exact, near)
    }

    fn exact_count(&mut self) -> u32 {
        let n = self.positions.len();
        if n == 2 {
            // Two words (most phrases): counted in place, nothing copied.
            return intersection_count(&self.positions[0], &self.positions[1]);
        }
        self.left.clear();
        self.left.extend_from_slice(&self.positions[0]);
        for right in &self.positions[1..n - 1] {
            intersect_in_place(&mut self.left, right);
            if self.left.is_empty() {
                return 0;
            }
        }
        intersection_count(&self.left, &self.positions[n - 1])
    }

    fn near_count(&mut self) -> u32 {
        let n = self.positions.len();
        if n == 2 {
            return count_with_slop(&self.positions[0], &self.positions[1], self.slop);
        }
        self.left.clear();
        self.left.extend_from_slice(&self.positions[0]);
        self.left_slops.clear();
        for i in 1..n - 1 {
            carrying_slop(
                &mut self.left,
                &mut self.left_slops,
                &self.positions[i],
                self.slop,
                Some((&mut self.buffer, &mut self.slops_buffer)),
            );
            if self.left.is_empty() {
                return 0;
            }
        }
        carrying_slop(
            &mut self.left,
            &mut self.left_slops,
            &self.positions[n - 1],
            self.slop,
            None,
        )
    }
}

impl DocSet for ProximityScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let next = self.postings[0].1.advance();
        self.doc = self.align(next);
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        self.doc = self.align(target);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.postings
            .iter()
            .map(|(_, p)| p.doc_freq())
            .min()
            .unwrap_or(0)
    }
}

impl Scorer for ProximityScorer {
    fn score(&mut self) -> Score {
        let (exact, near) = self.counts();
        if exact == 0 && near == 0 {
            return 0.0;
        }
        let fieldnorm_id = self.fieldnorms.fieldnorm_id(self.doc);
        // Combined as the former union of the two phrase clauses did:
        // best, plus the others with a tie-breaker of 1.
        let (mut best, mut sum) = (0.0f32, 0.0f32);
        for (count, weight) in [(exact, &self.exact), (near, &self.near)] {
            if count > 0 {
                let s = weight.score(fieldnorm_id, count);
                best = best.max(s);
                sum += s;
            }
        }
        best + (sum - best)
    }
}

/// A predicate over the sorted positions of a `left` list, taken in
/// order: whether each is also in the sorted `right` (each position of
/// `right` pairs once), as tantivy's phrase intersection walks them.
fn shared_with(right: &[u32]) -> impl FnMut(&u32) -> bool + '_ {
    let mut j = 0;
    move |&x| {
        while j < right.len() && right[j] < x {
            j += 1;
        }
        let hit = j < right.len() && right[j] == x;
        j += usize::from(hit);
        hit
    }
}

/// Keeps in `left` the positions also in `right` (both sorted).
fn intersect_in_place(left: &mut Vec<u32>, right: &[u32]) {
    left.retain(shared_with(right));
}

/// How many positions the sorted `left` and `right` share.
fn intersection_count(left: &[u32], right: &[u32]) -> u32 {
    let mut shared = shared_with(right);
    left.iter().filter(|&x| shared(x)).count() as u32
}

/// Two words within `slop`: tantivy's greedy pairing (each match takes
/// the last `left` position not past the `right` one).
fn count_with_slop(left: &[u32], right: &[u32], slop: u32) -> u32 {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        let (l, r) = (left[i], right[j]);
        if l.abs_diff(r) <= slop {
            while i + 1 < left.len() && left[i + 1] <= r {
                i += 1;
            }
            count += 1;
            i += 1;
            j += 1;
        } else if l < r {
            i += 1;
        } else {
            j += 1;
        }
    }
    count
}

/// Three words or more within `slop` in all: tantivy's matching that
/// carries the slop spent so far (`left_slops`, empty meaning 0). With
/// `update` (buffers to build the next `left` in), `left` becomes the
/// matched positions for the next word; without, only the count is made.
fn carrying_slop(
    left: &mut Vec<u32>,
    left_slops: &mut Vec<u8>,
    right: &[u32],
    max_slop: u32,
    mut update: Option<(&mut Vec<u32>, &mut Vec<u8>)>,
) -> u32 {
    if left.is_empty() || right.is_empty() {
        if update.is_some() {
            left.clear();
            left_slops.clear();
        }
        return 0;
    }
    let mut add = |slop: u32, pos: u32| {
        if let Some((positions, slops)) = update.as_mut() {
            if positions.last() == Some(&pos) {
                if let Some(last) = slops.last_mut() {
                    *last = (*last).min(slop as u8);
                }
            } else {
                positions.push(pos);
                slops.push(slop as u8);
            }
        }
    };
    let (mut li, mut ri, mut count) = (0usize, 0usize, 0u32);
    loop {
        let l = left[li];
        let so_far = left_slops.get(li).copied().unwrap_or(0) as u32;
        let r = right[ri];
        let distance = so_far + l.abs_diff(r);
        if distance <= max_slop {
            let (larger, mut idx, smaller_side): (u32, usize, &[u32]) = if l < r {
                (r, li, left.as_slice())
            } else {
                (l, ri, right)
            };
            let mut new_slop = distance;
            add(new_slop, smaller_side[idx]);
            while idx + 1 < smaller_side.len() {
                let next = smaller_side[idx + 1];
                if next > larger {
                    break;
                }
                idx += 1;
                new_slop = so_far + next.abs_diff(larger);
                add(new_slop, next);
            }
            add(new_slop, larger);
            count += 1;
            li += 1;
            ri += 1;
        } else if l < r {
            li += 1;
        } else {
            ri += 1;
        }
        if li >= left.len() || ri >= right.len() {
            if li >= left.len() {
                let l = left[left.len() - 1];
                let so_far = left_slops.last().copied().unwrap_or(0) as u32;
                for &r in &right[ri..] {
                    let s = l.abs_diff(r) + so_far;
                    if s <= max_slop {
                        add(s, r);
                    }
                }
            } else {
                let r = right[right.len() - 1];
                for (k, &l) in left.iter().enumerate().skip(li) {
                    let so_far = left_slops.get(k).copied().unwrap_or(0) as u32;
                    let s = l.abs_diff(r) + so_far;
                    if s <= max_slop {
                        add(s, l);
                    }
                }
            }
            break;
        }
    }
    if let Some((positions, slops)) = update {
        std::mem::swap(left, positions);
        std::mem::swap(left_slops, slops);
        positions.clear();
        slops.clear();
    }
    count
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, TermQuery};
    use tantivy::schema::{Field, Schema, TEXT};
    use tantivy::{doc, Index, Searcher};

    use super::*;
    use crate::search::union::FieldUnionQuery;

    /// Random-looking texts over a five-word vocabulary, so that the words
    /// stand together, near, far and repeated; in two segments.
    fn index() -> (Searcher, Field) {
        let mut b = Schema::builder();
        let f = b.add_text_field("body", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut w: tantivy::IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        let vocab = ["alpha", "beta", "gamma", "x", "y"];
        let mut seed = 7u64;
        for i in 0..800u32 {
            let len = 2 + (i % 37) as usize;
            let words: Vec<&str> = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    vocab[(seed >> 33) as usize % vocab.len()]
                })
                .collect();
            w.add_document(doc!(f => words.join(" "))).expect("add");
            if i == 400 {
                w.commit().expect("commit");
            }
        }
        w.commit().expect("commit");
        (index.reader().expect("reader").searcher(), f)
    }

    /// Scores of the top 1,000 as exact bits, by address.
    fn top(searcher: &Searcher, q: &dyn Query) -> Vec<(u32, u32, u32)> {
        let mut v: Vec<(u32, u32, u32)> = searcher
            .search(q, &TopDocs::with_limit(1000).order_by_score())
            .expect("search")
            .into_iter()
            .map(|(s, a)| (a.segment_ord, a.doc_id, s.to_bits()))
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn same_scores_as_an_exact_and_a_sloppy_phrase_clause() {
        let (searcher, f) = index();
        let term = |w: &str| Term::from_field_text(f, w);
        for words in [
            vec!["alpha", "beta"],
            vec!["beta", "alpha"],
            vec!["alpha", "beta", "gamma"],
            vec!["gamma", "alpha", "beta", "x"],
            vec!["alpha", "beta", "alpha"],
        ] {
            let terms: Vec<Term> = words.iter().map(|w| term(w)).collect();
            let required = || -> Vec<(Occur, Box<dyn Query>)> {
                terms
                    .iter()
                    .map(|t| {
                        let q: Box<dyn Query> =
                            Box::new(TermQuery::new(t.clone(), IndexRecordOption::WithFreqs));
                        (Occur::Must, q)
                    })
                    .collect()
            };
            let mut before = required();
            let mut near = PhraseQuery::new(terms.clone());
            near.set_slop(5);
            before.push((
                Occur::Should,
                Box::new(FieldUnionQuery::new(
                    vec![
                        Box::new(BoostQuery::new(
                            Box::new(PhraseQuery::new(terms.clone())),
                            2.0,
                        )),
                        Box::new(BoostQuery::new(Box::new(near), 1.0)),
                    ],
                    1.0,
                )),
            ));
            let mut now = required();
            now.push((
                Occur::Should,
                Box::new(ProximityQuery::new(terms.clone(), 5, 2.0, 1.0)),
            ));
            let expected = top(&searcher, &BooleanQuery::new(before));
            assert!(expected.len() > 50, "{words:?}: {} matches", expected.len());
            assert_eq!(
                top(&searcher, &BooleanQuery::new(now)),
                expected,
                "{words:?}"
            );
        }
    }

    #[test]
    fn explains_only_where_the_words_stand_together() {
        let (searcher, f) = index();
        let terms = vec![
            Term::from_field_text(f, "alpha"),
            Term::from_field_text(f, "beta"),
        ];
        let q = ProximityQuery::new(terms.clone(), 5, 2.0, 1.0);
        let exact = top(&searcher, &PhraseQuery::new(terms.clone()));
        let (seg, doc, _) = exact[0];
        let e = q
            .explain(&searcher, tantivy::DocAddress::new(seg, doc))
            .expect("explain a phrase match");
        assert!(e.value() > 0.0);
        // A paragraph with both words far apart, or without them: an error.
        let mut sloppy = PhraseQuery::new(terms);
        sloppy.set_slop(5);
        let near = top(&searcher, &sloppy);
        let far = (0..400u32)
            .find(|d| !near.iter().any(|&(s, x, _)| s == 0 && x == *d))
            .expect("a paragraph without the words near");
        assert!(q
            .explain(&searcher, tantivy::DocAddress::new(0, far))
            .is_err());
    }
}
