//! One word or phrase searched in several fields (body, heading, parent
//! lead-in), scored exactly as `DisjunctionMaxQuery` scores it, with a
//! top-k evaluation that skips paragraphs which cannot enter the top
//! (issue 18).
//!
//! Why: a query of one common word or phrase (`terrorism`, `"United
//! Nations"`) matches thousands to 105,000 paragraphs, and tantivy's
//! dis-max scorer computes every one's score, reading the positions of
//! every paragraph holding the phrase's words, only to keep ten. Here,
//! when tantivy's top-k collector asks for the matches above its current
//! threshold ([`Weight::for_each_pruning`]):
//!
//! * a word skips whole blocks of 128 postings whose best possible score
//!   (tantivy's block-max) does not beat the threshold, where no other
//!   field has a match in between (block-max WAND on the dominant field);
//! * a phrase steps through its rarest word's postings: it skips whole
//!   blocks of them whose bound (the phrase's weight on the block's best
//!   length and frequency of that word) does not beat the threshold, and
//!   elsewhere looks for the other words only in a paragraph whose bound
//!   from the rarest word's frequency and the paragraph's length beats
//!   it, and reads positions only where the least frequent word's bound
//!   does (see [`super::proximity::PhraseLeaf`]).
//!
//! Every other use of the query (counting, facets, `--exact-total`,
//! sorting by date) goes through the plain dis-max scorer, so the scores
//! and the top hits are the same either way (a test compares them).
//!
//! What pruning gives up is the count of matches: the caller counts the
//! matches of a word separately (doc ids only, which is cheap) and, for a
//! phrase, takes the [`Tally`] this query keeps: what was read is counted,
//! what was not is estimated from a sample of the rarest word's postings
//! (read whatever their bound).

use std::sync::{Arc, Mutex, OnceLock};

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{
    Bm25StatisticsProvider, Bm25Weight, BooleanQuery, BoostQuery, DisjunctionMaxQuery,
    EnableScoring, Explanation, Occur, Query, Scorer, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, Term, TERMINATED};

use super::proximity::{Cuts, PhraseLeaf};

/// About how many postings of the fields' rarest words are sampled in the
/// whole index, shared among its segments by size: each one that is a
/// candidate has its positions read whatever its bound, to estimate the
/// share that holds the phrase. They are spread evenly over the postings
/// (every n-th): the index is in corpus order, often the order of time,
/// and a phrase can be rare in the first years and common in the last
/// (`"sustainable development"`: counted from the first 512 candidates
/// alone, the estimate was 37 % short). Reading positions is most of a
/// common phrase's search: on the General Debate (four segments), 512 per
/// segment took `"nuclear weapons"` 0.55 ms against 0.39 ms with 128
/// (estimates 0.6 % and 4 % short); 1,024 in all is about 3 % off at the
/// worst of the benchmark's phrases.
const SAMPLE: u64 = 1_024;

/// The fewest postings sampled in one segment.
const SAMPLE_MIN: u64 = 64;

/// Below this many candidates (paragraphs holding all the words of a
/// field's phrase, at most, in the whole index), every match is scored: pruning would save
/// little there, and the total stays exact (`"export control"`: 0.13 ms
/// scored in full and counted, 0.32 ms pruned then counted apart).
const READ_ALL_BELOW: u64 = 5_000;

/// What one field matches: a word or a phrase (its words in order).
#[derive(Clone, Debug)]
pub enum FieldMatch {
    /// One term.
    Term(Term),
    /// Two terms or more, adjacent and in order.
    Phrase(Vec<Term>),
}

/// How many paragraphs a pruned evaluation saw, to estimate the total.
///
/// The pruned loop steps through the postings of a phrase's rarest word:
/// those whose paragraph could rank are read (and counted exactly), the
/// others are counted as postings, and a sample of them is read whatever
/// its bound; their matches are estimated from that sample's share.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    /// Paragraphs read because they could rank, that hold the phrase.
    pub matched: u64,
    /// Postings of the rarest words not read (deleted paragraphs included).
    pub unread: u64,
    /// Of those, how many were sampled, and how many of the sampled are of
    /// a live paragraph holding the phrase.
    pub sample: (u64, u64),
    /// The estimated matches of the segments counted so far (see
    /// [`Tally::add`]).
    pub estimated: f64,
}

impl Tally {
    /// The estimated number of matches, and whether it is exact (every
    /// posting that could hold the phrase was read).
    pub fn estimate(&self) -> (usize, bool) {
        if self.unread == 0 {
            return (self.matched as usize, true);
        }
        (self.estimated.round() as usize, false)
    }

    /// Sampled paragraphs that held the phrase: fewer than a hundred make
    /// an estimate a tenth off or worse.
    pub fn sample_hits(&self) -> u64 {
        self.sample.1
    }

    /// Adds one segment's counts, estimating its total: segments hold
    /// different years, where a phrase is more or less common, so each is
    /// estimated from its own sample. Without a sample the unread part
    /// counts as nothing (and too few hits make `search` count exactly).
    fn add(&mut self, segment: &Tally) {
        let (n, hits) = segment.sample;
        let share = if n > 0 { hits as f64 / n as f64 } else { 0.0 };
        self.estimated += segment.matched as f64 + share * segment.unread as f64;
        self.matched += segment.matched;
        self.unread += segment.unread;
        self.sample.0 += n;
        self.sample.1 += hits;
    }
}

/// A word or phrase in several fields with per-field boosts; the score is
/// the best field's plus `tie_breaker` times the others'.
#[derive(Clone, Debug)]
pub struct FieldsQuery {
    fields: Vec<(FieldMatch, Score)>,
    tie_breaker: Score,
    tally: Arc<Mutex<Tally>>,
}

impl FieldsQuery {
    /// `fields`: what each field must match, with its boost, in the order
    /// the dis-max query would list them.
    pub fn new(fields: Vec<(FieldMatch, Score)>, tie_breaker: Score) -> FieldsQuery {
        FieldsQuery {
            fields,
            tie_breaker,
            tally: Arc::default(),
        }
    }

    /// Whether any field matches a phrase (then a pruned search can only
    /// estimate its total).
    pub fn has_phrase(&self) -> bool {
        self.fields
            .iter()
            .any(|(m, _)| matches!(m, FieldMatch::Phrase(_)))
    }

    /// What the last pruned search with this query counted (reset when a
    /// scoring weight is made, that is for each search).
    pub fn tally(&self) -> Tally {
        self.tally.lock().map(|t| *t).unwrap_or_default()
    }

    fn leaf_query(m: &FieldMatch) -> Box<dyn Query> {
        match m {
            FieldMatch::Term(t) => {
                Box::new(TermQuery::new(t.clone(), IndexRecordOption::WithFreqs))
            }
            FieldMatch::Phrase(terms) => Box::new(tantivy::query::PhraseQuery::new(terms.clone())),
        }
    }

    /// The equivalent dis-max query, which scores every match.
    fn dismax(&self) -> DisjunctionMaxQuery {
        let per_field: Vec<Box<dyn Query>> = self
            .fields
            .iter()
            .map(|(m, boost)| -> Box<dyn Query> {
                Box::new(BoostQuery::new(Self::leaf_query(m), *boost))
            })
            .collect();
        DisjunctionMaxQuery::with_tie_breaker(per_field, self.tie_breaker)
    }
}

impl Query for FieldsQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // Scores from the searcher's statistics (what `search` passes).
        let EnableScoring::Enabled { searcher, .. } = enable_scoring else {
            // Without scores there is nothing to prune.
            return self.dismax().weight(enable_scoring);
        };
        // A new top-k search: count afresh.
        if let Ok(mut t) = self.tally.lock() {
            *t = Tally::default();
        }
        Ok(Box::new(FieldsWeight {
            query: self.clone(),
            stats: CachedStats {
                searcher: searcher.clone(),
                doc_freqs: Mutex::default(),
            },
            inner: OnceLock::new(),
            leaves: OnceLock::new(),
            sum: OnceLock::new(),
            floor: Mutex::new(Score::MIN),
            tie_breaker: self.tie_breaker,
            tally: Arc::clone(&self.tally),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (m, _) in &self.fields {
            match m {
                FieldMatch::Term(t) => visitor(t, false),
                FieldMatch::Phrase(terms) => terms.iter().for_each(|t| visitor(t, true)),
            }
        }
    }
}

struct FieldsWeight {
    query: FieldsQuery,
    /// To make the weights below when first needed (building a weight
    /// looks up every term's statistics, a good part of a rare query's
    /// time), each term looked up once.
    stats: CachedStats,
    /// The dis-max weight: every use but top-k search.
    inner: OnceLock<Box<dyn Weight>>,
    /// Per field, its words and BM25 weight.
    leaves: OnceLock<Vec<(Vec<Term>, Bm25Weight)>>,
    /// For words only: the sum of the fields' term queries.
    sum: OnceLock<Box<dyn Weight>>,
    /// The best k-th score of the segments searched so far: the final
    /// k-th is at least that, so a later segment starts there rather
    /// than from nothing (tantivy starts each segment's top-k afresh).
    floor: Mutex<Score>,
    tie_breaker: Score,
    tally: Arc<Mutex<Tally>>,
}

impl FieldsWeight {
    fn inner(&self) -> tantivy::Result<&dyn Weight> {
        if let Some(w) = self.inner.get() {
            return Ok(w.as_ref());
        }
        let w = self.query.dismax().weight(self.stats.scoring())?;
        Ok(self.inner.get_or_init(|| w).as_ref())
    }

    /// At most how many paragraphs hold all the words of a field's phrase
    /// (or a field's word), summed over the fields.
    fn candidates_at_most(&self) -> tantivy::Result<u64> {
        let mut sum = 0u64;
        for (m, _) in &self.query.fields {
            let terms = match m {
                FieldMatch::Term(t) => std::slice::from_ref(t),
                FieldMatch::Phrase(terms) => terms.as_slice(),
            };
            let mut least = u64::MAX;
            for t in terms {
                least = least.min(self.stats.doc_freq(t)?);
            }
            sum = sum.saturating_add(least);
        }
        Ok(sum)
    }

    /// Per field, its words and BM25 weight, as `TermQuery` and
    /// `PhraseQuery` weigh them, boosted as `BoostQuery` boosts them.
    fn leaf_weights(&self) -> tantivy::Result<&[(Vec<Term>, Bm25Weight)]> {
        if let Some(w) = self.leaves.get() {
            return Ok(w);
        }
        let mut leaves = Vec::with_capacity(self.query.fields.len());
        for (m, boost) in &self.query.fields {
            let terms = match m {
                FieldMatch::Term(t) => vec![t.clone()],
                FieldMatch::Phrase(terms) => terms.clone(),
            };
            let bm25 = Bm25Weight::for_terms(&self.stats, &terms)?.boost_by(*boost);
            leaves.push((terms, bm25));
        }
        Ok(self.leaves.get_or_init(|| leaves))
    }

    /// The sum of the fields' scores, which bounds the dis-max from above
    /// and which tantivy prunes (block-max WAND over terms).
    fn sum(&self) -> tantivy::Result<&dyn Weight> {
        if let Some(w) = self.sum.get() {
            return Ok(w.as_ref());
        }
        let clauses = self
            .query
            .fields
            .iter()
            .map(|(m, boost)| -> (Occur, Box<dyn Query>) {
                let leaf = FieldsQuery::leaf_query(m);
                (Occur::Should, Box::new(BoostQuery::new(leaf, *boost)))
            })
            .collect();
        let w = BooleanQuery::new(clauses).weight(self.stats.scoring())?;
        Ok(self.sum.get_or_init(|| w).as_ref())
    }
}

/// The searcher's BM25 statistics, each term's document frequency looked
/// up once however many weights are made from them.
struct CachedStats {
    searcher: Searcher,
    doc_freqs: Mutex<Vec<(Term, u64)>>,
}

impl CachedStats {
    /// Documents in all segments, deleted ones included (as `max_doc`).
    fn index_docs(&self) -> u64 {
        self.searcher
            .segment_readers()
            .iter()
            .map(|r| u64::from(r.max_doc()))
            .sum()
    }

    fn scoring(&self) -> EnableScoring<'_> {
        EnableScoring::enabled_from_statistics_provider(self, &self.searcher)
    }
}

impl Bm25StatisticsProvider for CachedStats {
    fn total_num_tokens(&self, field: tantivy::schema::Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        if let Ok(known) = self.doc_freqs.lock() {
            if let Some((_, n)) = known.iter().find(|(t, _)| t == term) {
                return Ok(*n);
            }
        }
        let n = self.searcher.doc_freq(term)?;
        if let Ok(mut known) = self.doc_freqs.lock() {
            known.push((term.clone(), n));
        }
        Ok(n)
    }
}

/// One term in one field, scored as tantivy's `TermScorer` scores it.
struct TermLeaf {
    postings: SegmentPostings,
    fieldnorms: FieldNormReader,
    weight: Bm25Weight,
}

impl TermLeaf {
    fn score(&self) -> Score {
        let doc = self.postings.doc();
        self.weight
            .score(self.fieldnorms.fieldnorm_id(doc), self.postings.term_freq())
    }
}

impl FieldsWeight {
    /// The fields' words on `reader`, positioned on their first postings,
    /// in field order (fields without one left out).
    fn term_leaves(&self, reader: &SegmentReader) -> tantivy::Result<Vec<TermLeaf>> {
        let mut leaves = Vec::new();
        for (terms, weight) in self.leaf_weights()? {
            let [term] = terms.as_slice() else { continue };
            let inverted = reader.inverted_index(term.field())?;
            if let Some(postings) = inverted.read_postings(term, IndexRecordOption::WithFreqs)? {
                if postings.doc() != TERMINATED {
                    leaves.push(TermLeaf {
                        postings,
                        fieldnorms: reader.get_fieldnorms_reader(term.field())?,
                        weight: weight.clone(),
                    });
                }
            }
        }
        Ok(leaves)
    }

    /// The fields' phrases on `reader`, positioned on their first
    /// candidates, in field order (fields without one left out).
    fn phrase_leaves(&self, reader: &SegmentReader) -> tantivy::Result<Vec<PhraseLeaf>> {
        let mut leaves = Vec::new();
        for (terms, weight) in self.leaf_weights()? {
            if terms.len() < 2 {
                continue;
            }
            if let Some(leaf) = PhraseLeaf::open(reader, terms, weight.clone())? {
                if leaf.doc() != TERMINATED {
                    leaves.push(leaf);
                }
            }
        }
        Ok(leaves)
    }

    /// The dis-max of `scores` (in field order), as tantivy combines it.
    fn combine(&self, scores: impl Iterator<Item = Score>) -> Score {
        let (mut best, mut sum) = (0.0f32, 0.0f32);
        for s in scores {
            best = best.max(s);
            sum += s;
        }
        best + (sum - best) * self.tie_breaker
    }

    /// Every match scored and counted, through the dis-max scorer.
    fn score_all(
        &self,
        reader: &SegmentReader,
        mut threshold: Score,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<Tally> {
        let mut scorer = self.inner()?.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut tally = Tally::default();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                tally.matched += 1;
            }
            let score = scorer.score();
            if score > threshold {
                threshold = callback(doc, score);
            }
            doc = scorer.advance();
        }
        Ok(tally)
    }

    /// Words only: tantivy's block-max WAND over the sum of the fields'
    /// scores finds every paragraph whose sum beats the threshold (the
    /// dis-max is never above the sum, so none that could rank is
    /// missed); those are scored exactly.
    fn prune_terms(
        &self,
        sum: &dyn Weight,
        reader: &SegmentReader,
        leaves: &mut [TermLeaf],
        mut threshold: Score,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        sum.for_each_pruning(threshold, reader, &mut |doc, _| {
            let scores = leaves.iter_mut().filter_map(|l| {
                let p = &mut l.postings;
                let at = if p.doc() < doc { p.seek(doc) } else { p.doc() };
                (at == doc).then(|| l.score())
            });
            let score = self.combine(scores);
            if score > threshold {
                threshold = callback(doc, score);
            }
            threshold
        })
    }

    /// Candidate by candidate, reading a phrase's positions only where
    /// its bound beats the threshold (or to sample the share that holds
    /// it), and passing whole blocks of candidates where one field's
    /// phrase is alone and its block's bound does not beat it.
    ///
    /// The estimate: every n-th posting of each field's rarest word is
    /// sampled; a sampled posting counts when its paragraph holds that
    /// field's phrase and no earlier field's, so that the count over all
    /// postings would be the number of matches. Each field's share of
    /// sampled postings that count, times its postings, is its part of
    /// the segment's estimate (deleted paragraphs are in both and never
    /// count).
    fn prune_phrases(
        &self,
        reader: &SegmentReader,
        leaves: &mut [PhraseLeaf],
        mut threshold: Score,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> Tally {
        let postings: u64 = leaves.iter().map(|l| u64::from(l.size_hint())).sum();
        let share = SAMPLE * u64::from(reader.max_doc()) / self.stats.index_docs().max(1);
        let stride = u32::try_from((postings / share.max(SAMPLE_MIN)).max(1)).unwrap_or(u32::MAX);
        leaves.iter_mut().for_each(|l| l.set_stride(stride));
        let mut run = Run {
            alive: reader.alive_bitset(),
            tally: Tally::default(),
        };
        let mut at: Vec<usize> = Vec::with_capacity(leaves.len());
        let mut scores: Vec<Option<Score>> = Vec::with_capacity(leaves.len());
        loop {
            let doc = leaves
                .iter()
                .map(PhraseLeaf::doc)
                .min()
                .unwrap_or(TERMINATED);
            if doc == TERMINATED {
                return run.tally;
            }
            at.clear();
            at.extend((0..leaves.len()).filter(|&i| leaves[i].doc() == doc));
            if let [i] = at[..] {
                // One field's phrase ahead of the others (the body's, mostly):
                // its candidates up to the others' next are taken in a
                // tighter loop.
                let until = (0..leaves.len())
                    .filter(|&j| j != i)
                    .map(|j| leaves[j].doc())
                    .min()
                    .unwrap_or(TERMINATED);
                threshold = run.alone(&mut leaves[i], until, threshold, callback);
                continue;
            }
            // Candidates of several fields at once (a heading or lead-in
            // with the phrase): few, read whatever their bound.
            scores.clear();
            scores.extend(at.iter().map(|&i| leaves[i].score()));
            if scores.iter().any(Option::is_some) {
                run.tally.matched += u64::from(run.is_alive(doc));
                let score = self.combine(scores.iter().flatten().copied());
                if score > threshold {
                    threshold = callback(doc, score);
                }
            }
            for &i in &at {
                leaves[i].advance();
            }
        }
    }
}

/// The state of a segment's pruned phrase search: what it counted.
struct Run<'a> {
    alive: Option<&'a tantivy::fastfield::AliveBitSet>,
    tally: Tally,
}

impl Run<'_> {
    fn is_alive(&self, doc: DocId) -> bool {
        self.alive.is_none_or(|a| a.is_alive(doc))
    }

    /// The postings of one field's rarest word before `until`, where no
    /// other field has a candidate (the body's phrase, mostly): its
    /// dis-max is its own score, bit for bit, so they are taken alone. A
    /// block of postings whose bound does not beat the threshold is
    /// passed whole, but for its sampled postings; elsewhere a posting
    /// whose paragraph could rank by the rarest word's frequency is
    /// checked for the other words, then bounded again by the least
    /// frequent word's, and only then are positions read. Finding the
    /// candidates (seeking every word to every posting) was most of a
    /// common phrase's search.
    fn alone(
        &mut self,
        leaf: &mut PhraseLeaf,
        until: DocId,
        mut threshold: Score,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> Score {
        let alive = self.alive;
        let live = move |doc: DocId| alive.is_none_or(|a| a.is_alive(doc));
        let mut cut = Cuts::default();
        let mut doc = leaf.rare_doc();
        while doc < until {
            let (last, bound) = leaf.block();
            if bound <= threshold && last < until {
                let (mut sampled, mut hits) = (0, 0);
                self.tally.unread += leaf.skip_block(|l, candidate| {
                    // Below the threshold: counted, never ranked.
                    sampled += 1;
                    hits += u64::from(candidate && live(l.doc()) && l.score().is_some());
                });
                self.tally.sample.0 += sampled;
                self.tally.sample.1 += hits;
                doc = leaf.rare_doc();
                continue;
            }
            let sampled = leaf.sampled();
            if leaf.rare_bound_beats(threshold, &mut cut) {
                // Could rank: read (a paragraph without every word is no match).
                if leaf.holds_all() {
                    if leaf.bound_beats(threshold, &mut cut) {
                        let score = leaf.score();
                        self.tally.matched += u64::from(live(doc) && score.is_some());
                        if let Some(score) = score.filter(|&s| s > threshold) {
                            threshold = callback(doc, score);
                        }
                    } else {
                        self.unread(sampled, || live(doc) && leaf.score().is_some());
                    }
                }
            } else {
                self.unread(sampled, || {
                    leaf.holds_all() && live(doc) && leaf.score().is_some()
                });
            }
            doc = leaf.next_rare();
        }
        leaf.settle();
        threshold
    }

    /// Counts a posting not read; `hit` tells, for a sampled one, whether
    /// its paragraph is live and holds the phrase.
    fn unread(&mut self, sampled: bool, hit: impl FnOnce() -> bool) {
        self.tally.unread += 1;
        if sampled {
            self.tally.sample.0 += 1;
            self.tally.sample.1 += u64::from(hit());
        }
    }
}

impl Weight for FieldsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.inner()?.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner()?.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner()?.count(reader)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let floor = self.floor.lock().map(|f| *f).unwrap_or(Score::MIN);
        let mut last = Score::MIN;
        let mut raised = |doc: DocId, score: Score| -> Score {
            last = callback(doc, score);
            last.max(floor)
        };
        let threshold = threshold.max(floor);
        let all_phrases = self
            .query
            .fields
            .iter()
            .all(|(m, _)| matches!(m, FieldMatch::Phrase(_)));
        if !self.query.has_phrase() {
            let mut leaves = self.term_leaves(reader)?;
            self.prune_terms(self.sum()?, reader, &mut leaves, threshold, &mut raised)?;
        } else if !all_phrases || self.candidates_at_most()? < READ_ALL_BELOW {
            // Few candidates: tantivy's phrase scorer reads them all
            // faster, and counts exactly (no second pass to count a rare
            // phrase's matches). Also a word in one field and a phrase in
            // another (fields analysed differently), which is not pruned.
            let tally = self.score_all(reader, threshold, &mut raised)?;
            if let Ok(mut t) = self.tally.lock() {
                t.add(&tally);
            }
        } else {
            let mut leaves = self.phrase_leaves(reader)?;
            let tally = self.prune_phrases(reader, &mut leaves, threshold, &mut raised);
            if let Ok(mut t) = self.tally.lock() {
                t.add(&tally);
            }
        }
        if let Ok(mut f) = self.floor.lock() {
            *f = f.max(last);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::schema::{Field, Schema, TEXT};
    use tantivy::{doc, DocAddress, Index, Searcher};

    use super::*;

    /// Three fields over a small vocabulary, in three segments (one with
    /// deletions), so that words and phrases match in one field or
    /// several, once or repeatedly, in short and long texts. Long enough
    /// for some phrases to need sampling (more than `SAMPLE` candidates).
    fn index() -> (Searcher, [Field; 3]) {
        let mut b = Schema::builder();
        let fields = [
            b.add_text_field("body", TEXT),
            b.add_text_field("heading", TEXT),
            b.add_text_field("context", TEXT),
        ];
        let id = b.add_u64_field("id", tantivy::schema::INDEXED);
        let index = Index::create_in_ram(b.build());
        let mut w: tantivy::IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        let vocab = ["alpha", "beta", "gamma", "delta", "x", "y", "z"];
        let mut seed = 11u64;
        let mut words = |len: usize| -> String {
            (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    vocab[(seed >> 33) as usize % vocab.len()]
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        for i in 0..6000u64 {
            let body = words(3 + (i % 41) as usize);
            let heading = if i % 7 == 0 { words(3) } else { String::new() };
            let context = if i % 5 == 0 { words(6) } else { String::new() };
            w.add_document(
                doc!(fields[0] => body, fields[1] => heading, fields[2] => context, id => i),
            )
            .expect("add");
            if i == 2000 || i == 4000 {
                w.commit().expect("commit");
            }
        }
        w.commit().expect("commit");
        for i in (100..6000u64).step_by(9) {
            w.delete_term(Term::from_field_u64(id, i));
        }
        w.commit().expect("commit");
        (index.reader().expect("reader").searcher(), fields)
    }

    fn query(fields: &[Field; 3], words: &[&str]) -> FieldsQuery {
        let per_field = fields
            .iter()
            .zip([1.0, 0.5, 0.3])
            .map(|(&f, boost)| {
                let terms: Vec<Term> = words.iter().map(|w| Term::from_field_text(f, w)).collect();
                let m = match terms.len() {
                    1 => FieldMatch::Term(terms[0].clone()),
                    _ => FieldMatch::Phrase(terms),
                };
                (m, boost)
            })
            .collect();
        FieldsQuery::new(per_field, 0.1)
    }

    fn bits(v: Vec<(Score, DocAddress)>) -> Vec<(u32, u32, u32)> {
        v.into_iter()
            .map(|(s, a)| (s.to_bits(), a.segment_ord, a.doc_id))
            .collect()
    }

    #[test]
    fn pruned_top_k_equals_scoring_every_match() {
        let (searcher, fields) = index();
        for words in [
            &["alpha"][..],
            &["z"],
            &["alpha", "beta"],
            &["x", "y", "z"],
            &["gamma", "gamma"],
            &["delta", "alpha", "beta", "x"],
            &["absent"],
            &["alpha", "absent"],
        ] {
            for k in [1, 10, 100] {
                let q = query(&fields, words);
                // A tuple collector cannot prune: every match is scored.
                let (all, count) = searcher
                    .search(&q, &(TopDocs::with_limit(k).order_by_score(), Count))
                    .expect("search");
                let pruned = searcher
                    .search(&q, &TopDocs::with_limit(k).order_by_score())
                    .expect("search");
                assert_eq!(bits(pruned), bits(all), "{words:?} top {k}");
                if q.has_phrase() {
                    let (estimate, exact) = q.tally().estimate();
                    let tally = q.tally();
                    if exact {
                        assert_eq!(estimate, count, "{words:?}");
                    } else {
                        // Within three standard errors of a share
                        // estimated from `sample` postings (a rough one,
                        // from a handful, is never shown: `search` counts
                        // estimates below `COUNT_BELOW` exactly).
                        let (n, hits) = (tally.sample.0 as f64, tally.sample.1 as f64);
                        if hits < 10.0 {
                            continue;
                        }
                        let p = hits / n;
                        let error = ((1.0 - p) / (p * n)).sqrt();
                        let off = estimate.abs_diff(count) as f64 / count as f64;
                        assert!(
                            off < 3.0 * error,
                            "{words:?}: {estimate} for {count}, {tally:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_common_phrase_is_estimated_and_a_rare_one_counted() {
        let (searcher, fields) = index();
        let common = query(&fields, &["alpha", "beta"]);
        searcher
            .search(&common, &TopDocs::with_limit(10).order_by_score())
            .expect("search");
        let (_, exact) = common.tally().estimate();
        assert!(!exact, "{:?}", common.tally());
        let rare = query(&fields, &["delta", "alpha", "beta", "x", "z"]);
        let count = searcher.search(&rare, &Count).expect("count");
        searcher
            .search(&rare, &TopDocs::with_limit(10).order_by_score())
            .expect("search");
        assert_eq!(rare.tally().estimate(), (count, true));
    }

    #[test]
    fn estimates_read_as_people_say_them() {
        use crate::render::text::about;
        assert_eq!(about(105_164), "about 105,000");
        assert_eq!(about(7_962), "about 7,960");
        assert_eq!(about(999), "about 999");
        assert_eq!(about(1_234_567), "about 1,230,000");
    }
}
