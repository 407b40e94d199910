//! Agreed language: where a paragraph's wording was used before
//! (`precedent`), what changed between two texts (`diff`) or two editions
//! of a document (`compare`), and the formulas a corpus repeats (`reuse`).
//!
//! Built on two things the index keeps for every paragraph: its text and
//! its wording fingerprints (`index::fingerprints`). `align` is the word
//! alignment all four share; nothing here writes the index or prints.

mod align;
mod compare;
mod diff;
mod precedent;
mod prints;
mod reuse;

pub use align::{align, shared_words, Tile, Words, MIN_RUN};
pub use compare::{compare, editions, Comparison, Edition, Pair, PairKind, NEAR_IDENTICAL, PAIRED};
pub use diff::{diff, Change, Op, WordDiff};
pub use precedent::{
    precedents, when, Order, PrecedentMatch, PrecedentRequest, Precedents, SharedSpan,
};
pub use reuse::{reuse, Cluster, Reuse, ReuseRequest, Use, MIN_WORDS};
