//! Wording fingerprints: what lets `precedent`, `compare` and `reuse` find
//! paragraphs that share wording without reading every paragraph.
//!
//! A paragraph's words are taken in lower case (case and punctuation do
//! not matter; see `word_hashes` for why not stems). Every run of
//! [`WORDS`] consecutive words is
//! hashed (a *shingle*, as in passim); of each window of [`WINDOW`]
//! consecutive shingles the smallest hash is kept (*winnowing*, Schleimer et
//! al. 2003). Why winnowing rather than keeping every shingle or every
//! p-th hash: it keeps about 2/(WINDOW+1) of them (one in eight), so the
//! index grows by a fraction of its text postings, and it still guarantees
//! that two texts sharing any run of `WORDS + WINDOW - 1` words (nineteen)
//! share at least one fingerprint, and that two identical short texts
//! ("Decides to remain seized of the matter") share theirs, which a sampled
//! subset cannot promise. A window of 4 (two in five kept) doubled the
//! General Debate's ingest time and grew its index by 70 %; shorter shared
//! runs are found by `precedent`'s rare-words candidates instead.
//!
//! Words are hashed with FNV-1a and runs of words combined by a multiply
//! and MurmurHash3's finaliser, both written out here because they are
//! stored in the index and must never change with a dependency's version
//! (a change here is an index version change); they are cut to 32
//! bits, so that two fit in one value of the index's fingerprint column,
//! which `precedent` reads whole (a false match only costs one alignment,
//! which then finds nothing).

use tantivy::tokenizer::TokenStream;

use super::analyzer::stem_analyzer;
use crate::text::ASCII_WORD;

/// Words per shingle.
pub const WORDS: usize = 4;

/// Shingles per winnowing window.
pub const WINDOW: usize = 16;

/// One analysed word of a text and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word as indexed (lower case, folded, stemmed).
    pub stem: String,
    /// Byte offset of its first byte in the text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// The analysed words of `text`, in order, with their byte ranges.
///
/// ```
/// let w = dipsearch::index::words("Export controls, reaffirmed.");
/// let stems: Vec<&str> = w.iter().map(|w| w.stem.as_str()).collect();
/// assert_eq!(stems, ["export", "control", "reaffirm"]);
/// assert_eq!((w[1].start, w[1].end), (7, 15));
/// ```
pub fn words(text: &str) -> Vec<Word> {
    ANALYZER.with(|cell| {
        let mut analyzer = cell.borrow_mut();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push(Word {
                stem: t.text.clone(),
                start: t.offset_from,
                end: t.offset_to,
            });
        }
        out
    })
}

thread_local! {
    /// One analyser per thread: building one per paragraph showed in the
    /// ingest profile.
    static ANALYZER: std::cell::RefCell<tantivy::tokenizer::TextAnalyzer> =
        std::cell::RefCell::new(stem_analyzer());
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(seed, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// The hash of one word, the unit shingles are made of.
pub fn word_hash(stem: &str) -> u64 {
    fnv(FNV_OFFSET, stem.as_bytes())
}

/// The 64-bit hash of a sequence of words (given by their [`word_hash`]es).
///
/// One multiply per word and a finaliser (MurmurHash3's) rather than FNV
/// over each word hash's eight bytes: this runs for every word of every
/// paragraph an ingest indexes, and FNV's 32 dependent multiplies per
/// four-word shingle were most of the fingerprints' cost.
pub fn sequence_hash(hashes: &[u64]) -> u64 {
    let h = hashes.iter().fold(FNV_OFFSET, |h, &w| {
        (h.rotate_left(23) ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    });
    finalize(h ^ hashes.len() as u64)
}

/// MurmurHash3's 64-bit finaliser: every input bit reaches every output
/// bit, so the top 32 bits that [`run_hash`] keeps are well mixed.
fn finalize(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

/// The hash of a run of words, cut to the 32 bits the index stores.
pub fn run_hash(hashes: &[u64]) -> u64 {
    sequence_hash(hashes) >> 32
}

/// The fingerprints of a text: winnowed shingle hashes of its lower-cased
/// words, sorted, without repeats. A text of fewer than [`WORDS`] words has one fingerprint, the
/// hash of all its words (none when it has no word).
///
/// ```
/// use dipsearch::index::fingerprints;
/// let a = fingerprints("Decides to remain seized of the matter.");
/// let b = fingerprints("7. Decides to remain actively seized of the matter.");
/// let c = fingerprints("DECIDES to remain seized of the matter");
/// assert!(!a.is_empty());
/// assert_eq!(a, c, "the same words, whatever the case and punctuation");
/// assert_ne!(a, b);
/// ```
pub fn fingerprints(text: &str) -> Vec<u64> {
    fingerprints_of(&word_hashes(text))
}

/// [`fingerprints`] of words given by their hashes.
pub fn fingerprints_of(words: &[u64]) -> Vec<u64> {
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() < WORDS {
        return vec![run_hash(words)];
    }
    let shingles: Vec<u64> = words.windows(WORDS).map(run_hash).collect();
    let mut out = window_minima(&shingles, WINDOW);
    out.sort_unstable();
    out.dedup();
    out
}

/// Fingerprints two to a column value: the first in the high 32 bits, the
/// second in the low ones (a last one alone is paired with itself).
///
/// Why: `precedent` finds fingerprints by reading the whole column, and
/// tantivy decodes it one value at a time; two per value halve that, in
/// the same bytes (fingerprints are [`run_hash`]es, 32 bits).
///
/// ```
/// use dipsearch::index::{packed_fingerprints, unpacked_fingerprints};
/// let packed: Vec<u64> = packed_fingerprints(&[1, 2, 3]).collect();
/// assert_eq!(packed, [(1 << 32) | 2, (3 << 32) | 3]);
/// assert_eq!(unpacked_fingerprints(packed[1]), (3, 3));
/// ```
pub fn packed_fingerprints(prints: &[u64]) -> impl Iterator<Item = u64> + '_ {
    prints.chunks(2).map(|pair| {
        let (a, b) = (pair[0], *pair.last().unwrap_or(&pair[0]));
        debug_assert!(a >> 32 == 0 && b >> 32 == 0, "fingerprints are 32-bit");
        (a << 32) | b
    })
}

/// The two fingerprints of a column value (equal when it holds one).
#[inline]
pub fn unpacked_fingerprints(value: u64) -> (u64, u64) {
    (value >> 32, value & 0xffff_ffff)
}

/// The minimum of each run of `window` consecutive values (of all of them
/// when there are fewer), in order, a repeat of the previous one left out.
///
/// In linear time (van Herk / Gil-Werman: minima of each block's prefix
/// and suffix, then each window is one suffix and one prefix) instead of
/// `window` comparisons per value, which the ingest profile showed.
fn window_minima(values: &[u64], window: usize) -> Vec<u64> {
    let n = values.len();
    if n <= window {
        return values.iter().min().copied().into_iter().collect();
    }
    let mut prefix = values.to_vec();
    let mut suffix = values.to_vec();
    for i in 1..n {
        if i % window != 0 {
            prefix[i] = prefix[i].min(prefix[i - 1]);
        }
    }
    for i in (0..n - 1).rev() {
        if (i + 1) % window != 0 {
            suffix[i] = suffix[i].min(suffix[i + 1]);
        }
    }
    let mut out: Vec<u64> = Vec::with_capacity(2 * n / window + 1);
    for start in 0..=n - window {
        let m = suffix[start].min(prefix[start + window - 1]);
        if out.last() != Some(&m) {
            out.push(m);
        }
    }
    out
}

/// The hash of each word of `text` in lower case, words being runs of
/// letters and digits. Not the analyser's stems: running the analyser a
/// second time over every paragraph made the ingest 1.3 times slower, and
/// an inflection changed is one word changed, which the alignment (on
/// stems) and `precedent`'s rare-words candidates absorb.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII without the Unicode tables (most of the text); the same
        // hashes as the general path below.
        let (alnum, len) = if b.is_ascii() {
            let folded = ASCII_WORD[b as usize];
            if folded != 0 {
                h = (h ^ u64::from(folded)).wrapping_mul(FNV_PRIME);
            }
            (folded != 0, 1)
        } else {
            let c = text[i..].chars().next().expect("i is a char boundary");
            if c.is_alphanumeric() {
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    h = fnv(h, l.encode_utf8(&mut buf).as_bytes());
                }
            }
            (c.is_alphanumeric(), c.len_utf8())
        };
        if alnum {
            in_word = true;
        } else if in_word {
            out.push(h);
            h = FNV_OFFSET;
            in_word = false;
        }
        i += len;
    }
    if in_word {
        out.push(h);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(n: usize, salt: &str) -> String {
        (0..n)
            .map(|i| format!("{salt}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn any_shared_run_of_nineteen_words_shares_a_fingerprint() {
        let shared = text_of(WORDS + WINDOW - 1, "shared");
        for (before, after) in [(0, 0), (3, 9), (40, 1), (17, 25)] {
            let a = format!("{} {shared} {}", text_of(before, "a"), text_of(after, "b"));
            let b = format!("{} {shared} {}", text_of(after, "c"), text_of(before, "d"));
            let (fa, fb) = (fingerprints(&a), fingerprints(&b));
            assert!(fa.iter().any(|h| fb.contains(h)), "{before} {after}");
        }
    }

    #[test]
    fn window_minima_are_those_of_each_window() {
        let values: Vec<u64> = (0..200u64).map(|i| (i * 7919 + 13) % 101).collect();
        for window in [1, 2, 5, 16, 199, 200, 250] {
            let mut naive: Vec<u64> = if values.len() <= window {
                vec![*values.iter().min().unwrap()]
            } else {
                values
                    .windows(window)
                    .map(|w| *w.iter().min().unwrap())
                    .collect()
            };
            naive.dedup();
            assert_eq!(window_minima(&values, window), naive, "window {window}");
        }
    }

    #[test]
    fn word_hashes_fold_case_in_and_beyond_ascii() {
        assert_eq!(
            word_hashes("Côte d'IVOIRE, 2003"),
            word_hashes("CÔTE D IVOIRE 2003")
        );
        assert_eq!(word_hashes("Türkiye").len(), 1);
        assert_eq!(
            word_hashes("a-b c"),
            [word_hash("a"), word_hash("b"), word_hash("c")]
        );
    }

    #[test]
    fn about_one_in_eight_shingles_is_kept() {
        let f = fingerprints(&text_of(1000, "w"));
        assert!((80..=170).contains(&f.len()), "{}", f.len());
    }

    #[test]
    fn case_and_punctuation_do_not_change_fingerprints() {
        assert_eq!(
            fingerprints("The Ministers reaffirmed export controls in Côte d'Ivoire."),
            fingerprints("the ministers, REAFFIRMED export-controls in CÔTE d’Ivoire")
        );
    }
}
