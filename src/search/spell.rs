//! Spelling over the index's own words: for a typed word no paragraph
//! holds (`sanctoins`, `peacekeping`, `nucelar`, `pandamic`), the indexed
//! word spelled most like it, as the texts write it. Country names have
//! their own suggestions (`hint`); this covers every other word.

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::index::read_record;

use super::Engine;

/// A stem shorter than this gets no suggestion: too many words are one
/// edit from a short one.
const MIN_STEM: usize = 5;

/// Edits allowed between the typed word's stem and an indexed one: one up
/// to seven letters, two beyond (`peacekeeeping`, `proliferaton`).
pub(super) fn max_edits(len: usize) -> usize {
    if len <= 7 {
        1
    } else {
        2
    }
}

impl Engine {
    /// The indexed word closest to `typed` (one word, held by no
    /// paragraph) and the edits between their stems: the fewest edits,
    /// then the most paragraphs. Only words opening with the same letter
    /// are read (a typo in the first letter is rare, and the scan stays a
    /// twentieth of the vocabulary); the word is returned as a paragraph
    /// writes it (`peacekeeping`, not the stem `peacekeep`).
    pub(super) fn closest_word(&self, typed: &str) -> Result<Option<(String, usize)>> {
        let field = self.fields.body;
        let [stem] = &self.analyze(field, typed)[..] else {
            return Ok(None);
        };
        let lower = typed.to_lowercase();
        let len = stem.chars().count();
        let Some(first) = stem.chars().next().filter(|_| len >= MIN_STEM) else {
            return Ok(None);
        };
        let limit = max_edits(lower.chars().count().max(len));
        let mut lead = [0u8; 4];
        let lead = first.encode_utf8(&mut lead).as_bytes();
        let (shortest, longest) = (
            stem.len()
                .min(lower.len())
                .saturating_sub(limit + LONGEST_ENDING),
            stem.len().max(lower.len()) + limit,
        );
        let mut found: Vec<(usize, u64, String)> = Vec::new();
        for segment in self.searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .range()
                .ge(lead)
                .into_stream()
                .map_err(|e| Error::Corrupt(e.to_string()))?;
            while stream.advance() {
                let key = stream.key();
                if !key.starts_with(lead) {
                    break;
                }
                if key.len() < shortest || key.len() > longest {
                    continue;
                }
                let Ok(term) = std::str::from_utf8(key) else {
                    continue;
                };
                let edits = edits_to(stem, &lower, term, limit);
                if edits == 0 || edits > limit || found.iter().any(|(_, _, t)| t == term) {
                    continue;
                }
                let n = self
                    .searcher
                    .doc_freq(&Term::from_field_text(field, term))?;
                found.push((edits, n, term.to_string()));
            }
        }
        // The likeliest few by their stems, then the one whose word as
        // the paragraphs write it is spelled most like the typed word
        // (`commitee`: `committee`, not `commit` of `commitment`, whose
        // stem is as close), the most paragraphs first.
        found.sort_by_key(|(e, n, _)| (*e, std::cmp::Reverse(*n)));
        let mut best: Option<(usize, u64, String)> = None;
        for (_, n, term) in found.into_iter().take(CANDIDATES) {
            let Some(word) = self.written(&term, &lower)? else {
                continue;
            };
            let edits = strsim::damerau_levenshtein(&lower, &word);
            if best
                .as_ref()
                .is_none_or(|(e, f, _)| (edits, std::cmp::Reverse(n)) < (*e, std::cmp::Reverse(*f)))
            {
                best = Some((edits, n, word));
            }
        }
        Ok(best.map(|(edits, _, word)| (in_case_of(typed, &word), edits)))
    }

    /// The word of a few paragraphs whose stem is `term` spelled most like
    /// `like` (the stem `terror` is written `terror` and `terrorism`), in
    /// lower case.
    fn written(&self, term: &str, like: &str) -> Result<Option<String>> {
        let field = self.fields.body;
        let q = TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::Basic);
        let top = self
            .searcher
            .search(&q, &TopDocs::with_limit(WRITTEN_FROM).order_by_score())?;
        let mut best: Option<(usize, String)> = None;
        for (_, addr) in top {
            let doc: TantivyDocument = self.searcher.doc(addr)?;
            let record = read_record(&self.fields, &doc)?;
            for w in record.text.split(|c: char| !c.is_alphanumeric()) {
                if w.is_empty() || w.len() > like.len() + 8 {
                    continue;
                }
                let lower = w.to_lowercase();
                if best.as_ref().is_some_and(|(_, b)| *b == lower) {
                    continue;
                }
                let edits = strsim::damerau_levenshtein(like, &lower);
                if best.as_ref().is_some_and(|(e, _)| *e <= edits) {
                    continue;
                }
                if self.analyze(field, w).first().is_some_and(|t| t == term) {
                    best = Some((edits, lower));
                }
            }
        }
        Ok(best.map(|(_, w)| w))
    }
}

/// Paragraphs read for the ways a stem is written.
const WRITTEN_FROM: usize = 3;

/// Candidates whose written words are compared with the typed one.
const CANDIDATES: usize = 6;

/// Endings a misspelt word may keep that the stemmer then fails to take
/// off (`secruity` is stemmed `secruiti`, `security` is `secur`).
const ENDINGS: [&str; 16] = [
    "ity", "ities", "ies", "ing", "ed", "es", "s", "ation", "ations", "ment", "ments", "ness",
    "al", "ism", "ist", "ive",
];
/// Bytes of the longest of [`ENDINGS`].
const LONGEST_ENDING: usize = 6;

/// Edits from a typed word to an indexed stem `term`: from the typed
/// word's stem, from the word itself (`apartied` → `apartheid`, whose
/// stems differ more), or from the word without an ending the stemmer
/// could not take off a misspelling (`secru|ity` → `secur`).
fn edits_to(stem: &str, lower: &str, term: &str, limit: usize) -> usize {
    let mut edits =
        strsim::damerau_levenshtein(stem, term).min(strsim::damerau_levenshtein(lower, term));
    for ending in ENDINGS {
        if let Some(head) = lower.strip_suffix(ending) {
            if head.len().abs_diff(term.len()) <= limit {
                edits = edits.min(strsim::damerau_levenshtein(head, term));
            }
        }
    }
    edits
}

/// `word` in the case `typed` is in: capitals (`ASAEN` → `ASEAN`), a
/// capital first (`Hezbolah` → `Hezbollah`), else lower case.
fn in_case_of(typed: &str, word: &str) -> String {
    let letters = || typed.chars().filter(|c| c.is_alphabetic());
    if typed.chars().count() > 1 && letters().all(char::is_uppercase) {
        return word.to_uppercase();
    }
    match letters().next() {
        Some(c) if c.is_uppercase() => {
            let mut chars = word.chars();
            chars
                .next()
                .map(|f| f.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => word.to_string(),
    }
}
