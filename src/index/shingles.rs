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
//! Hashes are FNV-1a, written out here because they are stored in the index
//! and must never change with a dependency's version; they are cut to 32
//! bits, which keeps the term dictionary small (a false match only costs
//! one alignment, which then finds nothing).

use tantivy::tokenizer::TokenStream;

use super::analyzer::stem_analyzer;

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
pub fn sequence_hash(hashes: &[u64]) -> u64 {
    hashes
        .iter()
        .fold(FNV_OFFSET, |h, w| fnv(h, &w.to_le_bytes()))
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
    let mut out: Vec<u64> = if shingles.len() <= WINDOW {
        shingles.iter().min().copied().into_iter().collect()
    } else {
        shingles
            .windows(WINDOW)
            .map(|w| *w.iter().min().expect("window is not empty"))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
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
    for c in text.chars() {
        if c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                h = fnv(h, l.encode_utf8(&mut buf).as_bytes());
            }
            in_word = true;
        } else if in_word {
            out.push(h);
            h = FNV_OFFSET;
            in_word = false;
        }
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
