//! Word alignment of two texts: which runs of words they share, wherever
//! they are in each (greedy string tiling, as plagiarism detectors do).
//!
//! Why tiling rather than a diff: a diff keeps one order, so two sentences
//! swapped count as one deleted and one inserted; drafters reorder clauses
//! all the time, and a precedent is still a precedent. Tiles are the longest
//! shared runs first, each word used at most once on each side; a run
//! shorter than [`MIN_RUN`] words (`of the United`) is not shared wording.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::index::{word_hash, words};

/// Shortest run of words that counts as shared wording.
pub const MIN_RUN: usize = 3;

/// A text as analysed words: their hashes and byte ranges.
#[derive(Clone, Debug, Default)]
pub struct Words {
    /// [`word_hash`] of each word's stem.
    pub hashes: Vec<u64>,
    /// Byte range of each word in the text.
    pub spans: Vec<Range<usize>>,
}

impl Words {
    /// The words of `text`.
    pub fn of(text: &str) -> Words {
        let mut out = Words::default();
        for w in words(text) {
            out.hashes.push(word_hash(&w.stem));
            out.spans.push(w.start..w.end);
        }
        out
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether there is no word.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The byte range covering words `r` (empty at 0 for no words).
    pub fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        match (
            self.spans.get(r.start),
            r.end.checked_sub(1).and_then(|e| self.spans.get(e)),
        ) {
            (Some(a), Some(b)) if r.start < r.end => a.start..b.end,
            _ => 0..0,
        }
    }
}

/// One shared run: word ranges in the first and second text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tile {
    /// Words of the first text.
    pub a: Range<usize>,
    /// Words of the second text.
    pub b: Range<usize>,
}

/// The shared runs of `a` and `b`, in the first text's order.
///
/// ```
/// use dipsearch::agreed::{align, Words};
/// let a = Words::of("The Council decides to remain seized of the matter. It welcomes the report.");
/// let b = Words::of("It welcomes the report. The Council decides to remain actively seized of the matter.");
/// let tiles = align(&a, &b);
/// let shared: usize = tiles.iter().map(|t| t.a.len()).sum();
/// assert_eq!(shared, a.len(), "every word of a is somewhere in b");
/// ```
pub fn align(a: &Words, b: &Words) -> Vec<Tile> {
    // A text too short for a run ("Decides:") shares its wording only with
    // the same words.
    if a.len() < MIN_RUN || b.len() < MIN_RUN {
        return if !a.is_empty() && a.hashes == b.hashes {
            vec![Tile {
                a: 0..a.len(),
                b: 0..b.len(),
            }]
        } else {
            Vec::new()
        };
    }
    let runs = maximal_runs(&a.hashes, &b.hashes);
    let mut a_used = vec![false; a.len()];
    let mut b_used = vec![false; b.len()];
    let mut tiles = Vec::new();
    for (len, i, j) in runs {
        // The longest stretch of this run still free on both sides.
        let (mut best, mut from) = (0..0, 0);
        for t in 0..=len {
            if t == len || a_used[i + t] || b_used[j + t] {
                if t - from > best.len() {
                    best = from..t;
                }
                from = t + 1;
            }
        }
        if best.len() < MIN_RUN {
            continue;
        }
        for t in best.clone() {
            a_used[i + t] = true;
            b_used[j + t] = true;
        }
        tiles.push(Tile {
            a: i + best.start..i + best.end,
            b: j + best.start..j + best.end,
        });
    }
    tiles.sort_by_key(|t| t.a.start);
    tiles
}

/// Every shared run that cannot be extended to the left or right, as
/// `(length, start in a, start in b)`, longest first.
fn maximal_runs(a: &[u64], b: &[u64]) -> Vec<(usize, usize, usize)> {
    let mut at: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (j, h) in b.iter().enumerate() {
        at.entry(*h).or_default().push(j);
    }
    let mut runs = Vec::new();
    for (i, h) in a.iter().enumerate() {
        let Some(js) = at.get(h) else { continue };
        for &j in js {
            if i > 0 && j > 0 && a[i - 1] == b[j - 1] {
                continue;
            }
            let len = a[i..]
                .iter()
                .zip(&b[j..])
                .take_while(|(x, y)| x == y)
                .count();
            if len >= MIN_RUN {
                runs.push((len, i, j));
            }
        }
    }
    runs.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    runs
}

/// Words of the first text inside tiles.
pub fn shared_words(tiles: &[Tile]) -> usize {
    tiles.iter().map(|t| t.a.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(a: &str, b: &str) -> (usize, usize) {
        let (wa, wb) = (Words::of(a), Words::of(b));
        (shared_words(&align(&wa, &wb)), wa.len())
    }

    #[test]
    fn identical_texts_share_every_word() {
        let t = "Ministers reaffirmed the importance of effective export controls.";
        assert_eq!(shared(t, t), (8, 8));
    }

    #[test]
    fn a_changed_word_splits_a_run() {
        let (n, of) = shared(
            "Ministers reaffirmed the importance of effective export controls in the region.",
            "Ministers reaffirmed the significance of effective export controls in the region.",
        );
        assert_eq!((n, of), (10, 11));
    }

    #[test]
    fn short_common_runs_are_not_shared_wording() {
        let (n, _) = shared(
            "the members of the United Nations",
            "reform of the Security Council",
        );
        assert_eq!(n, 0);
    }

    #[test]
    fn short_texts_share_only_identical_wording() {
        assert_eq!(shared("Decides:", "decides"), (1, 1));
        assert_eq!(shared("Decides:", "Decides that"), (0, 1));
    }

    #[test]
    fn each_word_is_used_once() {
        let (n, of) = shared(
            "remain seized of the matter remain seized of the matter",
            "remain seized of the matter",
        );
        assert_eq!((n, of), (5, 10));
    }
}
