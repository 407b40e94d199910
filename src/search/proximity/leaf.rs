//! An exact phrase in one field as a leaf of the pruned top-k search
//! ([`crate::search::pruned`]): its candidates (paragraphs holding all its
//! words), a cheap bound of its score per candidate and per block of its
//! rarest word's postings, and the sampled postings that estimate how
//! many paragraphs hold it.
//!
//! Why the rarest word's postings rather than the candidates: a common
//! phrase (`"United Nations"`, 105,000 paragraphs) has as many candidates,
//! and finding each one means seeking every word's postings to it. The
//! phrase occurs in a paragraph at most as often as its rarest word, so
//! that word's frequency and the paragraph's length bound the phrase's
//! score before any other word is looked for; and tantivy stores, for
//! every block of 128 postings of a word, the (length, frequency) pair
//! that scores best, which bounds the phrase over the whole block. A
//! block or a posting whose bound cannot enter the top is passed without
//! looking further, except the few sampled ones.

use tantivy::postings::{BlockSegmentPostings, Postings};
use tantivy::query::Bm25Weight;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

use super::{ProximityScorer, ProximityWeight};

/// An exact phrase in one field, scored as tantivy's `PhraseQuery` with
/// `weight` (already boosted): positioned on every paragraph holding all
/// the words (a *candidate*), it gives cheap upper bounds of the phrase's
/// score from the term frequencies and the length, and reads positions
/// only when asked for the exact score.
pub(in crate::search) struct PhraseLeaf {
    scorer: ProximityScorer,
    rare: RareBlocks,
}

/// The blocks of the phrase's rarest word, read beside the scorer's own
/// cursor on the same postings: the block holding the current candidate,
/// its bound, and which of its postings are sampled. (The next rarest
/// word's blocks as well gave tighter bounds over shorter stretches, and
/// more work than they saved: `"nuclear weapons"` 4.5 → 5.3 M
/// instructions.)
struct RareBlocks {
    cursor: BlockSegmentPostings,
    /// About one posting in `stride` is sampled: in each block, every
    /// `stride`-th from an offset of its own (see [`phase`]).
    stride: u32,
    /// Whether a block is loaded; then its last doc, its bound and the
    /// in-block index of the next sampled posting not yet passed.
    loaded: bool,
    last: DocId,
    bound: Score,
    next_sample: usize,
}

impl PhraseLeaf {
    /// `None` when a word is not in `reader`'s part of the index.
    pub(in crate::search) fn open(
        reader: &SegmentReader,
        terms: &[Term],
        weight: Bm25Weight,
    ) -> tantivy::Result<Option<PhraseLeaf>> {
        let query = ProximityWeight {
            terms: terms.to_vec(),
            slop: 0,
            exact_boost: 1.0,
            near_boost: 0.0,
            similarity: Some(weight),
        };
        let Some((mut scorer, rarest)) = query.scorer_and_rarest(reader, 1.0)? else {
            return Ok(None);
        };
        scorer.count_near = false;
        let inverted = reader.inverted_index(terms[0].field())?;
        // With frequencies: the last block's bound is computed from them.
        let cursor =
            inverted.read_block_postings_from_terminfo(&rarest, IndexRecordOption::WithFreqs)?;
        Ok(Some(PhraseLeaf {
            scorer,
            rare: RareBlocks {
                cursor,
                stride: 1,
                loaded: false,
                last: 0,
                bound: 0.0,
                next_sample: 0,
            },
        }))
    }

    /// Samples about one posting in `stride` of the rarest word (see
    /// [`Self::sampled`]); set before the first candidate is looked at.
    pub(in crate::search) fn set_stride(&mut self, stride: u32) {
        self.rare.stride = stride.max(1);
        self.rare.loaded = false;
    }

    /// The current candidate (`TERMINATED` at the end).
    pub(in crate::search) fn doc(&self) -> DocId {
        self.scorer.doc
    }

    /// The next candidate.
    pub(in crate::search) fn advance(&mut self) -> DocId {
        self.scorer.advance()
    }

    /// The number of paragraphs holding its rarest word (deleted ones
    /// included).
    pub(in crate::search) fn size_hint(&self) -> u32 {
        self.scorer.size_hint()
    }

    /// The rarest word's current posting (a paragraph that may lack the
    /// other words): the pruned loop steps through these, and finds out
    /// whether one is a candidate only where it needs to
    /// ([`Self::holds_all`]).
    pub(in crate::search) fn rare_doc(&self) -> DocId {
        self.scorer.postings[0].1.doc()
    }

    /// The rarest word's next posting.
    pub(in crate::search) fn next_rare(&mut self) -> DocId {
        self.scorer.postings[0].1.advance()
    }

    /// The last doc of the rarest word's block that holds the current
    /// posting, and a bound of the phrase's score over that block.
    pub(in crate::search) fn block(&mut self) -> (DocId, Score) {
        self.load_block(self.rare_doc());
        (self.rare.last, self.rare.bound)
    }

    /// Whether the current posting is one of the sampled ones. Postings
    /// must be asked in order.
    pub(in crate::search) fn sampled(&mut self) -> bool {
        let doc = self.rare_doc();
        self.load_block(doc);
        self.rare.next_sampled(doc) == Some(doc)
    }

    /// Whether the paragraph of the current posting holds every word; if
    /// so the leaf is positioned there as on a candidate (its score and
    /// bounds read from it). The other words' lists are only moved
    /// forward to it.
    pub(in crate::search) fn holds_all(&mut self) -> bool {
        let doc = self.rare_doc();
        for (_, p) in self.scorer.postings[1..].iter_mut() {
            let at = if p.doc() < doc { p.seek(doc) } else { p.doc() };
            if at != doc {
                return false;
            }
        }
        self.scorer.doc = doc;
        self.scorer.counts = None;
        true
    }

    /// Positions the leaf on its first candidate at or after the current
    /// posting, as the general loop over several fields needs.
    pub(in crate::search) fn settle(&mut self) -> DocId {
        let doc = self.rare_doc();
        self.scorer.doc = self.scorer.align(doc);
        self.scorer.doc
    }

    /// Moves past the rest of the current block of the rarest word without
    /// looking at its postings, except the sampled ones: `sample` is
    /// called on each, with whether its paragraph holds every word (then
    /// the leaf is positioned there). Returns how many postings were
    /// passed; the leaf is then on the first posting after the block.
    pub(in crate::search) fn skip_block(
        &mut self,
        mut sample: impl FnMut(&mut PhraseLeaf, bool),
    ) -> u64 {
        let doc = self.rare_doc();
        self.load_block(doc);
        let rare = &mut self.rare;
        let within = rare.cursor.seek(doc);
        let len = rare.cursor.docs().len();
        let stride = rare.stride as usize;
        while rare.next_sample < within {
            rare.next_sample += stride;
        }
        let last = rare.last;
        while let Some(&s) = self.rare.cursor.docs().get(self.rare.next_sample) {
            // A posting of the list: the seek lands on it.
            self.scorer.postings[0].1.seek(s);
            let candidate = self.holds_all();
            sample(self, candidate);
            self.rare.next_sample += stride;
        }
        let next = self.rare_doc().max(last.saturating_add(1));
        self.scorer.postings[0].1.seek(next);
        len.saturating_sub(within) as u64
    }

    /// Loads the rarest word's block holding `doc` (one of its postings),
    /// if it is not the one loaded.
    fn load_block(&mut self, doc: DocId) {
        let rare = &mut self.rare;
        if rare.loaded && doc <= rare.last {
            return;
        }
        let within = rare.cursor.seek(doc);
        let start = rare.cursor.rank(doc) - within as u32;
        rare.last = rare.cursor.docs().last().copied().unwrap_or(doc);
        rare.bound = rare
            .cursor
            .block_max_score(&self.scorer.fieldnorms, &self.scorer.exact);
        debug_assert_eq!(start % BLOCK, 0, "blocks of {BLOCK} postings");
        rare.next_sample = phase(start / BLOCK, rare.stride) as usize;
        rare.loaded = true;
    }

    /// Whether a bound of the phrase's score in the current posting's
    /// paragraph, from the rarest word's frequency there, is above
    /// `threshold` (the phrase occurs at most as often as that word).
    pub(in crate::search) fn rare_bound_beats(&self, threshold: Score, cuts: &mut Cuts) -> bool {
        let p = &self.scorer.postings[0].1;
        self.beats(p.doc(), p.term_freq(), threshold, cuts)
    }

    /// Whether a bound of the phrase's score in the current candidate is
    /// above `threshold`: the phrase occurs at most as often as its least
    /// frequent word.
    pub(in crate::search) fn bound_beats(&self, threshold: Score, cuts: &mut Cuts) -> bool {
        let s = &self.scorer;
        let tf = s.postings.iter().map(|(_, p)| p.term_freq()).min();
        self.beats(s.doc, tf.unwrap_or(0), threshold, cuts)
    }

    /// Whether the phrase's weight with frequency `tf` in `doc`'s field is
    /// above `threshold`, for the usual small frequencies without a
    /// division (see [`Cuts`]).
    fn beats(&self, doc: DocId, tf: u32, threshold: Score, cuts: &mut Cuts) -> bool {
        let s = &self.scorer;
        let fieldnorm_id = s.fieldnorms.fieldnorm_id(doc);
        let Some(slot) = (tf as usize).checked_sub(1).and_then(|i| cuts.0.get_mut(i)) else {
            return s.exact.score(fieldnorm_id, tf) > threshold;
        };
        let ids = match *slot {
            Some((at, ids)) if at == threshold.to_bits() => ids,
            _ => {
                let (mut lo, mut hi) = (0u16, 256u16);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if s.exact.score(mid as u8, tf) > threshold {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                *slot = Some((threshold.to_bits(), lo));
                lo
            }
        };
        u16::from(fieldnorm_id) < ids
    }

    /// The phrase's score in the current candidate, `None` when the words
    /// do not stand together there.
    pub(in crate::search) fn score(&mut self) -> Option<Score> {
        let (exact, _) = self.scorer.counts();
        (exact > 0).then(|| {
            let fieldnorm_id = self.scorer.fieldnorms.fieldnorm_id(self.scorer.doc);
            self.scorer.exact.score(fieldnorm_id, exact)
        })
    }
}

impl RareBlocks {
    /// The first sampled posting of the loaded block at or after `doc`
    /// (those before it are passed).
    fn next_sampled(&mut self, doc: DocId) -> Option<DocId> {
        let docs = self.cursor.docs();
        while let Some(&d) = docs.get(self.next_sample) {
            if d >= doc {
                return Some(d);
            }
            self.next_sample += self.stride as usize;
        }
        None
    }
}

/// For each word frequency from 1 to 8 (nearly every posting of a common
/// phrase's words), how many of the 256 field-length codes score above
/// the last threshold asked at that frequency: the phrase's BM25 weight
/// falls as the length code grows, so "the bound beats the threshold" is
/// a comparison of codes instead of a division per posting (the
/// division was a tenth of `"climate change"`'s search).
#[derive(Default)]
pub(in crate::search) struct Cuts([Option<(u32, u16)>; 8]);

/// Postings per block (tantivy's compression block).
const BLOCK: u32 = 128;

/// The in-block index of block `b`'s first sampled posting: an offset
/// that varies from block to block, so that a corpus laid out with a
/// period (statements of the same shape one after another) is not sampled
/// always at the same point of it (a fixed stride of 5 over paragraphs
/// that repeat every 5 postings read only the phrase's: estimated 5,715
/// for 2,286).
fn phase(b: u32, stride: u32) -> u32 {
    // SplitMix64's finaliser: a fixed, well-spread function of `b`.
    let mut z = u64::from(b).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z % u64::from(stride.max(1))) as u32
}
