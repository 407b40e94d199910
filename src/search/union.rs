//! One word or phrase searched in several fields (body, heading, parent
//! lead-in), scored like tantivy's `DisjunctionMaxQuery` (best field plus a
//! tie-breaker share of the others), but with a union that seeks.
//!
//! Why not `DisjunctionMaxQuery` itself: its union scorer buffers a window
//! of 4,096 documents and, when an intersection asks it to seek, fills that
//! window by evaluating every child on every document in it. Inside
//! `"human rights" refugees` that meant checking the positions of "human
//! rights" in thousands of paragraphs that do not mention refugees: 2.0 ms
//! where the same conjunction on one field took 0.1 ms. With three children
//! at most, a plain "smallest current doc" union that seeks each child is
//! both simple and fast.

use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{
    DocId, DocSet, Score, SeekDangerResult, SegmentReader, TantivyError, Term, TERMINATED,
};

/// Any of `alternatives` matches; the score is the best one plus
/// `tie_breaker` times the others.
#[derive(Debug)]
pub struct FieldUnionQuery {
    alternatives: Vec<Box<dyn Query>>,
    tie_breaker: Score,
}

impl FieldUnionQuery {
    /// A union of `alternatives` (typically one query per field).
    pub fn new(alternatives: Vec<Box<dyn Query>>, tie_breaker: Score) -> FieldUnionQuery {
        FieldUnionQuery {
            alternatives,
            tie_breaker,
        }
    }
}

impl Clone for FieldUnionQuery {
    fn clone(&self) -> FieldUnionQuery {
        FieldUnionQuery {
            alternatives: self.alternatives.iter().map(|q| q.box_clone()).collect(),
            tie_breaker: self.tie_breaker,
        }
    }
}

impl Query for FieldUnionQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .alternatives
            .iter()
            .map(|q| q.weight(enable_scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(FieldUnionWeight {
            weights,
            tie_breaker: self.tie_breaker,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for q in &self.alternatives {
            q.query_terms(visitor);
        }
    }
}

struct FieldUnionWeight {
    weights: Vec<Box<dyn Weight>>,
    tie_breaker: Score,
}

impl Weight for FieldUnionWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut children = Vec::with_capacity(self.weights.len());
        for w in &self.weights {
            let s = w.scorer(reader, boost)?;
            if s.doc() != TERMINATED {
                children.push(s);
            }
        }
        Ok(match children.len() {
            0 => Box::new(EmptyScorer),
            1 => children.pop().unwrap_or_else(|| Box::new(EmptyScorer)),
            _ => Box::new(FieldUnionScorer::new(children, self.tie_breaker)),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        // Only the alternatives that match `doc` are explained (tantivy's
        // own explanations seek without checking that `doc` lies ahead).
        let (mut best, mut sum) = (0.0f32, 0.0f32);
        let mut details = Vec::new();
        for w in &self.weights {
            let mut s = w.scorer(reader, 1.0)?;
            if s.doc() <= doc && s.seek(doc) == doc {
                let score = s.score();
                best = best.max(score);
                sum += score;
                details.push(w.explain(reader, doc)?);
            }
        }
        if details.is_empty() {
            return Err(TantivyError::InvalidArgument(format!(
                "Document #({doc}) does not match"
            )));
        }
        let mut explanation = Explanation::new(
            "best field plus tie-breaker",
            best + self.tie_breaker * (sum - best),
        );
        for d in details {
            explanation.add_detail(d);
        }
        Ok(explanation)
    }
}

/// The union: positioned on the smallest current doc of its children.
///
/// Inside an intersection it is probed with `seek_danger`, which lets a
/// phrase child answer "not here" without searching on for its next match.
/// A child that said so is left in tantivy's "invalid" state: `next` then
/// holds a lower bound of its next doc rather than its doc, and it only
/// receives `seek_danger` calls until it is found again.
struct FieldUnionScorer {
    children: Vec<Box<dyn Scorer>>,
    /// Per child: its doc when `valid`, else a lower bound of its next doc.
    next: Vec<DocId>,
    valid: Vec<bool>,
    doc: DocId,
    tie_breaker: Score,
}

impl FieldUnionScorer {
    fn new(children: Vec<Box<dyn Scorer>>, tie_breaker: Score) -> FieldUnionScorer {
        let next: Vec<DocId> = children.iter().map(|c| c.doc()).collect();
        let doc = next.iter().copied().min().unwrap_or(TERMINATED);
        FieldUnionScorer {
            valid: vec![true; children.len()],
            children,
            next,
            doc,
            tie_breaker,
        }
    }

    /// Brings every child back to a valid state (on its next match), as
    /// `advance` and `seek` need.
    fn make_valid(&mut self) {
        for i in 0..self.children.len() {
            if self.valid[i] {
                continue;
            }
            let mut target = self.next[i];
            while target < TERMINATED {
                match self.children[i].seek_danger(target) {
                    SeekDangerResult::Found => break,
                    SeekDangerResult::SeekLowerBound(lb) => target = lb,
                }
            }
            self.next[i] = target.min(TERMINATED);
            self.valid[i] = true;
        }
    }

    fn settle(&mut self) -> DocId {
        self.doc = self.next.iter().copied().min().unwrap_or(TERMINATED);
        self.doc
    }
}

impl DocSet for FieldUnionScorer {
    fn advance(&mut self) -> DocId {
        self.make_valid();
        let current = self.doc;
        if current == TERMINATED {
            return TERMINATED;
        }
        for (c, next) in self.children.iter_mut().zip(&mut self.next) {
            if *next == current {
                *next = c.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.make_valid();
        if self.doc >= target {
            return self.doc;
        }
        for (c, next) in self.children.iter_mut().zip(&mut self.next) {
            if *next < target {
                *next = c.seek(target);
            }
        }
        self.settle()
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        if target >= TERMINATED {
            return SeekDangerResult::SeekLowerBound(TERMINATED);
        }
        let mut found = false;
        let mut lower = TERMINATED;
        for i in 0..self.children.len() {
            let next = self.next[i];
            if next > target {
                lower = lower.min(next);
                continue;
            }
            if next == target && self.valid[i] {
                found = true;
                continue;
            }
            match self.children[i].seek_danger(target) {
                SeekDangerResult::Found => {
                    self.next[i] = target;
                    self.valid[i] = true;
                    found = true;
                }
                SeekDangerResult::SeekLowerBound(lb) => {
                    self.next[i] = lb;
                    self.valid[i] = false;
                    lower = lower.min(lb);
                }
            }
        }
        if found {
            self.doc = target;
            SeekDangerResult::Found
        } else {
            self.doc = lower;
            SeekDangerResult::SeekLowerBound(lower)
        }
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.children
            .iter()
            .map(|c| c.size_hint())
            .max()
            .unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.children.iter().map(|c| c.cost()).sum()
    }
}

impl Scorer for FieldUnionScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let (mut best, mut sum) = (0.0f32, 0.0f32);
        for i in 0..self.children.len() {
            if self.valid[i] && self.next[i] == doc {
                let s = self.children[i].score();
                best = best.max(s);
                sum += s;
            }
        }
        best + self.tie_breaker * (sum - best)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::{
        BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, PhraseQuery, TermQuery,
    };
    use tantivy::schema::{Field, IndexRecordOption, Schema, TEXT};
    use tantivy::{doc, Index, Searcher};

    use super::*;

    /// Three text fields over a few hundred documents, some of them with
    /// the phrase only in the second or third field, in two segments.
    fn index() -> (Searcher, [Field; 3]) {
        let mut b = Schema::builder();
        let f = [
            b.add_text_field("a", TEXT),
            b.add_text_field("b", TEXT),
            b.add_text_field("c", TEXT),
        ];
        let index = Index::create_in_ram(b.build());
        let mut w: tantivy::IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        let words = [
            "human rights",
            "rights human",
            "refugees",
            "human",
            "rights of refugees",
            "other",
        ];
        for i in 0..600usize {
            let pick = |k: usize| words[(i * 7 + k * 3 + i / 5) % words.len()];
            w.add_document(doc!(f[0] => pick(0), f[1] => pick(1), f[2] => pick(2)))
                .expect("add");
            if i == 300 {
                w.commit().expect("commit");
            }
        }
        w.commit().expect("commit");
        (index.reader().expect("reader").searcher(), f)
    }

    fn per_field(f: &[Field; 3], words: &[&str]) -> Vec<Box<dyn Query>> {
        f.iter()
            .zip([1.0, 0.5, 0.3])
            .map(|(&field, boost)| {
                let terms: Vec<Term> = words
                    .iter()
                    .map(|w| Term::from_field_text(field, w))
                    .collect();
                let q: Box<dyn Query> = if terms.len() == 1 {
                    Box::new(TermQuery::new(
                        terms[0].clone(),
                        IndexRecordOption::WithFreqs,
                    ))
                } else {
                    Box::new(PhraseQuery::new(terms))
                };
                Box::new(BoostQuery::new(q, boost)) as Box<dyn Query>
            })
            .collect()
    }

    fn top(searcher: &Searcher, q: &dyn Query) -> Vec<(u32, u32, String)> {
        searcher
            .search(q, &TopDocs::with_limit(1000).order_by_score())
            .expect("search")
            .into_iter()
            .map(|(s, a)| (a.segment_ord, a.doc_id, format!("{s:.5}")))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    #[test]
    fn same_hits_and_scores_as_dismax_alone_and_inside_intersections() {
        let (searcher, f) = index();
        let phrase = || per_field(&f, &["human", "rights"]);
        let word = || per_field(&f, &["refugees"]);
        // Alone.
        let ours = FieldUnionQuery::new(phrase(), 0.1);
        let theirs = DisjunctionMaxQuery::with_tie_breaker(phrase(), 0.1);
        let expected = top(&searcher, &theirs);
        assert!(!expected.is_empty());
        assert_eq!(top(&searcher, &ours), expected);
        // Explanations: a match explains with its score, any other doc
        // (even one before the first match) is an error, not a panic.
        let (seg, doc, score) = &expected[0];
        let e = ours
            .explain(&searcher, tantivy::DocAddress::new(*seg, *doc))
            .expect("explain a match");
        assert_eq!(&format!("{:.5}", e.value()), score);
        let misses = (0..600u32)
            .filter(|d| !expected.iter().any(|(s, x, _)| *s == 0 && x == d))
            .take(3);
        for d in misses {
            assert!(ours
                .explain(&searcher, tantivy::DocAddress::new(0, d))
                .is_err());
        }
        // Intersected both ways round (led by either side), and excluded.
        for (a_ours, b_ours) in [(true, true), (true, false), (false, true)] {
            let side = |ours: bool, q: Vec<Box<dyn Query>>| -> Box<dyn Query> {
                if ours {
                    Box::new(FieldUnionQuery::new(q, 0.1))
                } else {
                    Box::new(DisjunctionMaxQuery::with_tie_breaker(q, 0.1))
                }
            };
            let both = |x: bool, y: bool, occur: Occur| {
                BooleanQuery::new(vec![
                    (Occur::Must, side(x, phrase())),
                    (occur, side(y, word())),
                ])
            };
            for occur in [Occur::Must, Occur::MustNot, Occur::Should] {
                assert_eq!(
                    top(&searcher, &both(a_ours, b_ours, occur)),
                    top(&searcher, &both(false, false, occur)),
                    "{occur:?} ours: {a_ours} {b_ours}"
                );
            }
        }
    }
}
