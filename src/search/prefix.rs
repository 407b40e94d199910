//! `nucl*`: the indexed words that begin with a typed prefix.
//!
//! The index holds stems, so a prefix is looked up in two ways: the stems
//! that start with it (`nucl` → `nuclear`, `nucleus`), and the stems it
//! starts with when they are nearly as long (`proliferat` → `prolifer`,
//! the stem of `proliferation`), which a plain prefix scan would miss.

use std::collections::BTreeSet;

use tantivy::schema::Field;
use tantivy::Searcher;

use crate::error::{Error, Result};

/// Most words one prefix expands to; the rarest beyond it are dropped
/// (a two-letter prefix would otherwise ask for thousands of terms).
pub(super) const MAX_PREFIX_TERMS: usize = 64;

/// How many letters shorter than the typed prefix an indexed stem may be
/// and still count as its word (`proliferat` → `prolifer`).
const STEM_SLACK: usize = 3;

/// Endings that make a word of a prefix (`independen` + `ce`,
/// `terroris` + `m`, `proliferat` + `ion`), whose stems may be shorter than
/// the prefix.
const WORD_ENDINGS: &[&str] = &[
    "", "e", "es", "ed", "ing", "ion", "ions", "ive", "y", "m", "ms", "t", "ts", "ce", "ces", "cy",
    "al", "ation", "ations", "ism", "ist", "ists", "ity", "ic", "ics", "ment", "ments", "ly", "er",
    "ers", "l", "ls", "ze", "zed", "zation", "se", "sed", "sation",
];

/// The indexed terms of `field` that `prefix` (already lower-cased and
/// folded as the analyser does) stands for, most frequent first, at most
/// [`MAX_PREFIX_TERMS`].
pub(super) fn prefix_terms(searcher: &Searcher, field: Field, prefix: &str) -> Result<Vec<String>> {
    let mut found: BTreeSet<String> = BTreeSet::new();
    let shortest = prefix.len().saturating_sub(STEM_SLACK).max(3);
    // A shorter stem counts only as the stem of a word the prefix begins
    // (`proliferat` + `ion`): `san` is no word of `sanct*`, nor `with` of
    // `withd*`, nor `human` of `humanit*`.
    let heads: BTreeSet<String> = WORD_ENDINGS
        .iter()
        .map(|end| crate::index::stem(&format!("{prefix}{end}")))
        .filter(|h| h.len() >= shortest && h.len() < prefix.len() && prefix.starts_with(h.as_str()))
        .collect();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let dict = inverted.terms();
        let mut stream = dict
            .range()
            .ge(prefix.as_bytes())
            .into_stream()
            .map_err(|e| Error::Corrupt(e.to_string()))?;
        while stream.advance() {
            let key = stream.key();
            if !key.starts_with(prefix.as_bytes()) {
                break;
            }
            if let Ok(k) = std::str::from_utf8(key) {
                found.insert(k.to_string());
            }
        }
        for head in &heads {
            if dict
                .get(head.as_bytes())
                .map_err(|e| Error::Corrupt(e.to_string()))?
                .is_some()
            {
                found.insert(head.to_string());
            }
        }
    }
    let mut terms: Vec<(u64, String)> = Vec::with_capacity(found.len());
    for t in found {
        let n = searcher.doc_freq(&tantivy::Term::from_field_text(field, &t))?;
        terms.push((n, t));
    }
    terms.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    terms.truncate(MAX_PREFIX_TERMS);
    Ok(terms.into_iter().map(|(_, t)| t).collect())
}
