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
fn max_edits(len: usize) -> usize {
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
        let len = stem.chars().count();
        let Some(first) = stem.chars().next().filter(|_| len >= MIN_STEM) else {
            return Ok(None);
        };
        let limit = max_edits(len);
        let mut lead = [0u8; 4];
        let lead = first.encode_utf8(&mut lead).as_bytes();
        let mut best: Option<(usize, u64, String)> = None;
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
                if key.len().abs_diff(stem.len()) > limit {
                    continue;
                }
                let Ok(term) = std::str::from_utf8(key) else {
                    continue;
                };
                let edits = strsim::damerau_levenshtein(stem, term);
                if edits == 0 || edits > limit {
                    continue;
                }
                let n = self
                    .searcher
                    .doc_freq(&Term::from_field_text(field, term))?;
                let better = best.as_ref().is_none_or(|(e, f, _)| {
                    (edits, std::cmp::Reverse(n)) < (*e, std::cmp::Reverse(*f))
                });
                if better {
                    best = Some((edits, n, term.to_string()));
                }
            }
        }
        let Some((edits, _, term)) = best else {
            return Ok(None);
        };
        Ok(self.written(&term)?.map(|w| (in_case_of(typed, &w), edits)))
    }

    /// A word of a paragraph whose stem is `term`, in lower case.
    fn written(&self, term: &str) -> Result<Option<String>> {
        let field = self.fields.body;
        let q = TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::Basic);
        let top = self
            .searcher
            .search(&q, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, addr)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = self.searcher.doc(*addr)?;
        let record = read_record(&self.fields, &doc)?;
        let word = record
            .text
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty() && self.analyze(field, w).first().is_some_and(|t| t == term));
        Ok(word.map(str::to_lowercase))
    }
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
