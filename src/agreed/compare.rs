//! `compare`: two editions of an outcome document, paragraph by paragraph.
//!
//! Each pair of paragraphs gets a similarity from their word alignment
//! (the share of both texts' words in shared runs, so reordered clauses
//! still count); pairs below [`PAIRED`] are unrelated. The pairing keeps
//! the documents' order where it can (the in-order pairs with the largest
//! total similarity, as a sequence alignment), then pairs what is left
//! across the order (moved paragraphs); the rest is new or dropped.

use rustc_hash::FxHashSet;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::align::{align, shared_words, Words, MIN_RUN};
use super::diff::{diff, WordDiff};
use super::precedent::when;
use crate::error::Result;
use crate::index::{kind, read_record};
use crate::model::ParagraphRecord;
use crate::search::{Engine, Filters};

/// Least similarity for two paragraphs to be one paragraph edited.
pub const PAIRED: f32 = 0.5;

/// Least similarity for an edited paragraph to count as agreed language
/// (near-identical: a word or two changed).
pub const NEAR_IDENTICAL: f32 = 0.9;

/// What became of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairKind {
    /// Same text (spacing aside), same place in the order.
    Unchanged,
    /// Edited, same place in the order.
    Modified,
    /// Somewhere else in the order (edited or not).
    Moved,
    /// Only in the newer document.
    New,
    /// Only in the older document.
    Dropped,
}

impl PairKind {
    /// The wire name.
    pub fn as_str(&self) -> &'static str {
        match self {
            PairKind::Unchanged => "unchanged",
            PairKind::Modified => "modified",
            PairKind::Moved => "moved",
            PairKind::New => "new",
            PairKind::Dropped => "dropped",
        }
    }
}

/// One row of a comparison.
#[derive(Clone, Debug)]
pub struct Pair {
    /// What became of it.
    pub kind: PairKind,
    /// Index of the paragraph in the older document.
    pub old: Option<usize>,
    /// Index of the paragraph in the newer document.
    pub new: Option<usize>,
    /// Similarity of the two texts (0..=1; 0 for new and dropped).
    pub similarity: f32,
    /// The word diff, for paired paragraphs whose text differs.
    pub diff: Option<WordDiff>,
}

/// Two documents compared.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The older document's paragraphs, in order.
    pub old: Vec<ParagraphRecord>,
    /// The newer document's paragraphs, in order.
    pub new: Vec<ParagraphRecord>,
    /// Rows in the newer document's order, dropped paragraphs where they were.
    pub pairs: Vec<Pair>,
    /// Share of the newer document's words in unchanged or near-identical
    /// paragraphs (0..=1).
    pub agreed_share: f32,
}

/// Compares two documents' paragraphs (`old` the earlier edition).
pub fn compare(old: Vec<ParagraphRecord>, new: Vec<ParagraphRecord>) -> Comparison {
    let ow: Vec<Words> = old.iter().map(|r| Words::of(&r.text)).collect();
    let nw: Vec<Words> = new.iter().map(|r| Words::of(&r.text)).collect();
    let sim = similarities(&ow, &nw);
    let in_order = ordered_pairs(&sim, old.len(), new.len());
    let mut old_paired = vec![false; old.len()];
    let mut new_pair: Vec<Option<(usize, bool)>> = vec![None; new.len()];
    for &(i, j) in &in_order {
        old_paired[i] = true;
        new_pair[j] = Some((i, true));
    }
    // Moved: what is left, best pairs first.
    let mut rest: Vec<(f32, usize, usize)> = Vec::new();
    for (i, row) in sim.iter().enumerate() {
        for (j, &s) in row.iter().enumerate() {
            if s >= PAIRED && !old_paired[i] && new_pair[j].is_none() {
                rest.push((s, i, j));
            }
        }
    }
    rest.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, i, j) in rest {
        if !old_paired[i] && new_pair[j].is_none() {
            old_paired[i] = true;
            new_pair[j] = Some((i, false));
        }
    }
    let pairs = rows(&old, &new, &sim, &old_paired, &new_pair);
    let total: usize = nw.iter().map(Words::len).sum();
    let agreed: usize = pairs
        .iter()
        .filter(|p| p.kind == PairKind::Unchanged || p.similarity >= NEAR_IDENTICAL)
        .filter_map(|p| p.new.map(|j| nw[j].len()))
        .sum();
    Comparison {
        agreed_share: if total == 0 {
            0.0
        } else {
            agreed as f32 / total as f32
        },
        old,
        new,
        pairs,
    }
}

/// The rows in the newer document's order, each dropped paragraph placed
/// before the first row that comes after it in the older document.
fn rows(
    old: &[ParagraphRecord],
    new: &[ParagraphRecord],
    sim: &[Vec<f32>],
    old_paired: &[bool],
    new_pair: &[Option<(usize, bool)>],
) -> Vec<Pair> {
    let mut pairs = Vec::new();
    let mut next_old = 0;
    let dropped = |i: usize| Pair {
        kind: PairKind::Dropped,
        old: Some(i),
        new: None,
        similarity: 0.0,
        diff: None,
    };
    for (j, p) in new_pair.iter().enumerate() {
        let Some((i, in_order)) = *p else {
            pairs.push(Pair {
                kind: PairKind::New,
                old: None,
                new: Some(j),
                similarity: 0.0,
                diff: None,
            });
            continue;
        };
        if in_order {
            while next_old < i {
                if !old_paired[next_old] {
                    pairs.push(dropped(next_old));
                }
                next_old += 1;
            }
            next_old = i + 1;
        }
        let same = same_text(&old[i].text, &new[j].text);
        pairs.push(Pair {
            kind: match (in_order, same) {
                (false, _) => PairKind::Moved,
                (true, true) => PairKind::Unchanged,
                (true, false) => PairKind::Modified,
            },
            old: Some(i),
            new: Some(j),
            similarity: if same { 1.0 } else { sim[i][j] },
            diff: (!same).then(|| diff(&old[i].text, &new[j].text)),
        });
    }
    for (i, paired) in old_paired.iter().enumerate().skip(next_old) {
        if !paired {
            pairs.push(dropped(i));
        }
    }
    pairs
}

fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Similarity of every pair: `2 × shared / (words of both)`. Pairs with no
/// run of [`MIN_RUN`] words in common are 0 without aligning them.
fn similarities(old: &[Words], new: &[Words]) -> Vec<Vec<f32>> {
    fn grams(w: &Words) -> FxHashSet<&[u64]> {
        w.hashes.windows(MIN_RUN).collect()
    }
    let og: Vec<_> = old.iter().map(grams).collect();
    let ng: Vec<_> = new.iter().map(grams).collect();
    old.iter()
        .enumerate()
        .map(|(i, a)| {
            new.iter()
                .enumerate()
                .map(|(j, b)| {
                    if a.len() >= MIN_RUN
                        && b.len() >= MIN_RUN
                        && og[i].iter().all(|g| !ng[j].contains(g))
                    {
                        return 0.0;
                    }
                    let shared = shared_words(&align(a, b));
                    2.0 * shared as f32 / (a.len() + b.len()).max(1) as f32
                })
                .collect()
        })
        .collect()
}

/// The in-order pairs (similarity at least [`PAIRED`]) with the largest
/// total similarity: a longest-common-subsequence table over paragraphs.
fn ordered_pairs(sim: &[Vec<f32>], n: usize, m: usize) -> Vec<(usize, usize)> {
    let mut best = vec![vec![0.0f32; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            let s = sim[i - 1][j - 1];
            let diag = if s >= PAIRED {
                best[i - 1][j - 1] + s
            } else {
                f32::MIN
            };
            best[i][j] = best[i - 1][j].max(best[i][j - 1]).max(diag);
        }
    }
    let (mut i, mut j, mut out) = (n, m, Vec::new());
    while i > 0 && j > 0 {
        let s = sim[i - 1][j - 1];
        if s >= PAIRED && best[i][j] == best[i - 1][j - 1] + s {
            out.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if best[i][j] == best[i - 1][j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out.reverse();
    out
}

/// One indexed document, as `compare` finds editions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edition {
    /// Source path.
    pub source: String,
    /// Document type wire name.
    pub doc_type: &'static str,
    /// Date as `YYYYMMDD` (a year alone as its first day).
    pub date: Option<u64>,
}

/// The documents with paragraphs matching `filters`, by source path.
pub fn editions(engine: &Engine, filters: &Filters) -> Result<Vec<Edition>> {
    let paragraphs = TermQuery::new(
        Term::from_field_text(engine.fields().kind, kind::PARA),
        IndexRecordOption::Basic,
    );
    let query = engine.filtered_query(Box::new(paragraphs), filters)?;
    let searcher = engine.searcher();
    let mut out: Vec<Edition> = Vec::new();
    for addr in searcher.search(&query, &DocSetCollector)? {
        let r = read_record(engine.fields(), &searcher.doc(addr)?)?;
        if out.iter().all(|e| e.source != r.source) {
            out.push(Edition {
                doc_type: r.header.doc_type.as_str(),
                date: when(&r),
                source: r.source,
            });
        }
    }
    out.sort_by(|a, b| a.source.cmp(&b.source));
    Ok(out)
}
