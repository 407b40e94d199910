//! Text: the shared layer under `decode` and `segment`.
//!
//! Knows lines and words, nothing about documents: paragraph markers and
//! roman numerals, the shape of titles, whitespace, and the word lists the
//! layout rules share. Both decoding (which spells out HTML list markers)
//! and segmentation (which reads them) import it; it imports neither.
//!
//! * [`marker`]: `1.`, `(a)`, `ii)`, `13.5.4`, `•` at the start of a line;
//! * [`roman`]: roman numerals read and written;
//! * [`title`]: title-like lines, ALL CAPS, title case;
//! * [`line`](mod@line): sentence ends and sentences, lower-case starts,
//!   indentation;
//! * [`ws`]: whitespace runs collapsed;
//! * [`lexicon`]: small words, function words, section words, meeting
//!   words and acronyms, each written once.

pub mod lexicon;
pub mod line;
pub mod marker;
pub mod roman;
pub mod title;
pub mod ws;

/// Each ASCII byte in lower case when it is a letter or digit (a word
/// byte), else 0: how the index's tokenizer, the wording
/// fingerprints and the tagger's automaton read ASCII text.
pub const ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};
