//! Snippets: the best window of a hit's text for the query's words, with
//! the words to highlight.
//!
//! The choice is tantivy's `SnippetGenerator` with the index's analyser:
//! windows of up to [`SNIPPET_CHARS`] cut at token boundaries, each scored
//! by the summed weights of the query words in it, the first best window
//! wins. It is made here because tantivy's copies every token of the text
//! into a new lower-cased string to look it up (a third of the cost of
//! printing ten hits), and because only the words that start like a query
//! term need lower-casing and stemming: the others only mark where windows
//! end. A test checks that the windows and highlights are tantivy's.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::error::Result;
use crate::index::{fold_in_place, stem_in_place, LONGEST_TOKEN};

/// Snippet length in characters.
pub(super) const SNIPPET_CHARS: usize = 240;

/// A window of a text (byte range) and its matched words (byte ranges
/// relative to the window).
pub(super) type Window = (Range<usize>, Vec<(usize, usize)>);

/// Finds the best window of a text for a set of weighted query terms.
pub(super) struct Highlighter {
    /// (term, weight), few: a scan beats a map.
    terms: Vec<(String, f32)>,
    /// First letters of the terms: a word starting otherwise cannot stem
    /// to one (the English stemmer keeps a word's first letter).
    first: Vec<char>,
    /// Reused buffer for a word being lower-cased and stemmed.
    word: String,
}

impl Highlighter {
    /// The highlighter for `query`'s words in `body`, weighted as tantivy's
    /// `SnippetGenerator::create` does: rarer words weigh more.
    pub(super) fn for_query(
        searcher: &Searcher,
        query: &dyn Query,
        body: Field,
    ) -> Result<Highlighter> {
        let mut terms: BTreeSet<Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == body {
                terms.insert(term.clone());
            }
        });
        let mut weights: BTreeMap<String, f32> = BTreeMap::new();
        for term in terms {
            let Some(text) = term.value().as_str().map(str::to_string) else {
                continue;
            };
            let doc_freq = searcher.doc_freq(&term)?;
            if doc_freq > 0 {
                weights.insert(text, 1.0 / (1.0 + doc_freq as f32));
            }
        }
        Ok(Highlighter::new(weights))
    }

    /// `weights`: each query term (a stem of the body's analyser) and its
    /// weight.
    pub(super) fn new(weights: BTreeMap<String, f32>) -> Highlighter {
        let mut first: Vec<char> = weights.keys().filter_map(|t| t.chars().next()).collect();
        first.sort_unstable();
        first.dedup();
        Highlighter {
            terms: weights.into_iter().collect(),
            first,
            word: String::new(),
        }
    }

    /// The weight of the word `raw` if it stems to a query term. As the
    /// index's analyser: lower-cased (ASCII in place, otherwise char by
    /// char) and stemmed; only when it starts like a term.
    fn word_weight(&mut self, raw: &str) -> Option<f32> {
        let first = raw.chars().next()?;
        if first.is_ascii() && !self.first.contains(&first.to_ascii_lowercase()) {
            return None;
        }
        self.word.clear();
        if raw.is_ascii() {
            self.word.push_str(raw);
            self.word.make_ascii_lowercase();
        } else {
            self.word.extend(raw.chars().flat_map(char::to_lowercase));
            fold_in_place(&mut self.word);
            if !self
                .word
                .chars()
                .next()
                .is_some_and(|c| self.first.contains(&c))
            {
                return None;
            }
        }
        stem_in_place(&mut self.word);
        weight(&self.terms, &self.word)
    }

    /// The best window of `text` and the byte ranges of the matched words
    /// in it (relative to the window), or `None` when no word matches.
    #[cfg(test)]
    pub(super) fn best_fragment(&mut self, text: &str) -> Option<Window> {
        self.best_fragments(text, 1).into_iter().next()
    }

    /// Up to `n` windows of `text` that contain query words, best first
    /// (among equals the first in the text, as in tantivy), each with the
    /// byte ranges of its matched words relative to the window.
    pub(super) fn best_fragments(&mut self, text: &str, n: usize) -> Vec<Window> {
        let (mut start, mut stop, mut score) = (0usize, 0usize, 0.0f32);
        let mut marks: Vec<Range<usize>> = Vec::new();
        let mut found: Vec<(f32, Range<usize>, Vec<Range<usize>>)> = Vec::new();
        let mut close = |score: f32, range: Range<usize>, marks: &mut Vec<Range<usize>>| {
            if score > 0.0 {
                found.push((score, range, std::mem::take(marks)));
            }
            marks.clear();
        };
        for (from, to) in words(text) {
            if to - from >= LONGEST_TOKEN {
                // The analyser drops such tokens altogether.
                continue;
            }
            if to - start > SNIPPET_CHARS {
                close(score, start..stop, &mut marks);
                start = from;
                score = 0.0;
            }
            stop = to;
            if let Some(w) = self.word_weight(&text[from..to]) {
                score += w;
                marks.push(from..to);
            }
        }
        close(score, start..stop, &mut marks);
        // Stable: equal scores keep text order.
        found.sort_by(|a, b| b.0.total_cmp(&a.0));
        found
            .into_iter()
            .take(n)
            .map(|(_, range, marks)| {
                let shift = range.start;
                let marks = marks
                    .into_iter()
                    .map(|m| (m.start - shift, m.end - shift))
                    .collect();
                (range, marks)
            })
            .collect()
    }
}

/// Byte ranges of the words of `text`: runs of alphanumeric characters, as
/// tantivy's simple tokenizer cuts them (ASCII bytes are classified without
/// decoding, as most of the text is ASCII).
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    // (is the char at `i` alphanumeric, its length in bytes)
    let class = move |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (alnum, len) = class(i);
            if alnum {
                break;
            }
            i += len;
        }
        if i >= bytes.len() {
            return None;
        }
        let from = i;
        while i < bytes.len() {
            let (alnum, len) = class(i);
            if !alnum {
                break;
            }
            i += len;
        }
        Some((from, i))
    })
}

/// The weight of a token among the query terms, if it is one.
fn weight(terms: &[(String, f32)], token: &str) -> Option<f32> {
    let find = |t: &str| terms.iter().find(|(k, _)| k == t).map(|&(_, w)| w);
    if token.is_ascii() {
        find(token)
    } else {
        // Looked up lower-cased as tantivy does (the analyser lower-cases
        // char by char, which can differ for a few letters).
        find(&token.to_lowercase())
    }
}

/// Most windows shown per hit in `snippets`.
pub(super) const MAX_WINDOWS: usize = 3;

/// An excerpt and the `[start, end)` byte ranges to highlight in it.
pub type Excerpt = (String, Vec<(usize, usize)>);

/// The snippets of `text` for the query's terms: the best window first,
/// then up to [`MAX_WINDOWS`] windows in text order; the opening alone
/// when no term occurs in the text itself (a match through the context).
pub(super) fn make_snippets(
    highlighter: Option<&mut Highlighter>,
    text: &str,
) -> (Excerpt, Vec<Excerpt>) {
    if let Some(h) = highlighter {
        let mut windows = h.best_fragments(text, MAX_WINDOWS);
        if let Some(best) = windows.first() {
            let best = excerpt(text, best);
            windows.sort_by_key(|(range, _)| range.start);
            let all = windows.iter().map(|w| excerpt(text, w)).collect();
            return (best, all);
        }
    }
    let open = (opening(text, SNIPPET_CHARS), Vec::new());
    (open.clone(), vec![open])
}

/// For a search by filter alone: the window around the first mention of
/// one of `names` (an entity's names, ASCII case ignored), with the
/// mention highlighted; `None` when none is written as listed.
pub(super) fn mention_snippet(text: &str, names: &[&str]) -> Option<Excerpt> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let boundary = |i: usize| i == 0 || i >= bytes.len() || !bytes[i].is_ascii_alphanumeric();
    let mut first: Option<(usize, usize)> = None;
    for name in names {
        let needle = name.to_ascii_lowercase();
        if needle.len() < 2 {
            continue;
        }
        let mut from = 0;
        while let Some(i) = lower[from..].find(&needle) {
            let (s, e) = (from + i, from + i + needle.len());
            if (s == 0 || boundary(s - 1)) && boundary(e) {
                if first.is_none_or(|(fs, fe)| s < fs || (s == fs && e > fe)) {
                    first = Some((s, e));
                }
                break;
            }
            from = s + 1;
        }
    }
    let (s, e) = first?;
    // About a third of the window before the mention, cut at spaces.
    let before = SNIPPET_CHARS / 3;
    let mut start = s.saturating_sub(before);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        start = text[start..s].find(' ').map_or(s, |i| start + i + 1);
    }
    let mut end = (start + SNIPPET_CHARS).max(e).min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    if end < text.len() {
        end = text[e..end].rfind(' ').map_or(end, |i| e + i);
    }
    Some(excerpt(text, &(start..end, vec![(s - start, e - start)])))
}

/// How far a window may grow to start and end with its sentences.
const SENTENCE_REACH: usize = 100;

/// `range` grown to the start of its first sentence and the end of its
/// last one when they are near ([`SENTENCE_REACH`] bytes), so a snippet
/// reads as whole sentences rather than from a word in the middle.
fn to_sentences(text: &str, range: &Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut start = range.start;
    let lo = floor(start.saturating_sub(SENTENCE_REACH));
    if start > 0 {
        if let Some(before) = text.get(lo..start) {
            match before.rfind(". ") {
                Some(i) => start = lo + i + 2,
                None if lo == 0 => start = 0,
                None => {}
            }
        }
    }
    let mut end = range.end;
    let hi = floor((end + SENTENCE_REACH).min(text.len()));
    if let Some(after) = text.get(end..hi) {
        if let Some(i) = after.find(". ") {
            end += i + 1;
        } else if hi == text.len() {
            end = text.len();
        }
    }
    start..end.max(start)
}

/// A window as shown: grown to whole sentences, cut ends marked with an
/// ellipsis, words of one phrase highlighted as one span.
fn excerpt(text: &str, (window, ranges): &Window) -> Excerpt {
    let range = to_sentences(text, window);
    let grown = window.start - range.start;
    let ranges: Vec<(usize, usize)> = ranges
        .iter()
        .map(|&(s, e)| (s + grown, e + grown))
        .collect();
    let ranges = &ranges;
    let fragment = &text[range.clone()];
    let lead = range.start > 0;
    // A window that ends a sentence needs no ellipsis.
    let tail = range.end < text.len() && !fragment.ends_with('.');
    let shift = if lead { '…'.len_utf8() } else { 0 };
    let mut out = String::with_capacity(fragment.len() + 8);
    if lead {
        out.push('…');
    }
    out.push_str(fragment);
    if tail {
        out.push('…');
    }
    let highlights = merge_adjacent(fragment, &drop_lone_stopwords(fragment, ranges))
        .into_iter()
        .map(|(s, e)| (s + shift, e + shift))
        .collect();
    (out, highlights)
}

/// Joins highlights separated only by a space or a hyphen, so that
/// `weapons of mass destruction` or `Nuclear-Test-Ban` is one span.
fn merge_adjacent(text: &str, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for &(s, e) in ranges {
        if let Some(last) = out.last_mut() {
            let joined = s >= last.1
                && text.get(last.1..s).is_some_and(|gap| {
                    !gap.is_empty() && gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '-')
                });
            if joined {
                last.1 = e;
                continue;
            }
        }
        out.push((s, e));
    }
    out.into_iter().map(|r| trim_stopwords(text, r)).collect()
}

/// A span without the stop words at its ends (`issue [of weapons]` →
/// `issue of [weapons]`); a span that is one stop word stays.
fn trim_stopwords(text: &str, (mut s, mut e): (usize, usize)) -> (usize, usize) {
    let is_stop = |w: &str| STOPWORDS.contains(&w.to_lowercase().as_str());
    while let Some(span) = text.get(s..e) {
        match span.find([' ', '-']) {
            Some(i) if is_stop(&span[..i]) => s += i + 1,
            _ => break,
        }
    }
    while let Some(span) = text.get(s..e) {
        match span.rfind([' ', '-']) {
            Some(i) if is_stop(&span[i + 1..]) => e = s + i,
            _ => break,
        }
    }
    (s, e)
}

/// Words too common to be worth a highlight on their own.
const STOPWORDS: [&str; 12] = [
    "a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "with",
];

/// Drops highlights of stop words (from phrases such as "weapons of mass
/// destruction") that do not touch another highlight: `of` is marked
/// inside the phrase, not everywhere in the snippet.
fn drop_lone_stopwords(text: &str, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let near = |a: usize, b: usize| {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        text.get(lo..hi)
            .is_some_and(|gap| gap.len() <= 2 && gap.chars().all(|c| !c.is_alphanumeric()))
    };
    ranges
        .iter()
        .enumerate()
        .filter(|(i, &(s, e))| {
            let word = text.get(s..e).unwrap_or("").to_lowercase();
            if !STOPWORDS.contains(&word.as_str()) {
                return true;
            }
            let before = i
                .checked_sub(1)
                .and_then(|j| ranges.get(j))
                .is_some_and(|&(_, pe)| near(pe, s));
            let after = ranges.get(i + 1).is_some_and(|&(ns, _)| near(e, ns));
            before || after
        })
        .map(|(_, r)| *r)
        .collect()
}

/// The first `max` characters of `text`, cut at a word boundary, with `…`
/// when shortened.
pub fn opening(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(max)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let head = &text[..cut];
    let head = head.rfind(' ').map(|i| &head[..i]).unwrap_or(head);
    format!("{}…", head.trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_stopwords_lose_their_highlight() {
        let text = "states of concern and weapons of mass destruction";
        let find = |w: &str, from: usize| {
            let s = text[from..].find(w).map(|i| i + from).unwrap_or(0);
            (s, s + w.len())
        };
        let ranges = vec![
            find("of", 0),
            find("weapons", 0),
            find("of", 25),
            find("mass", 0),
        ];
        let kept = drop_lone_stopwords(text, &ranges);
        assert_eq!(
            kept,
            vec![find("weapons", 0), find("of", 25), find("mass", 0)]
        );
    }

    #[test]
    fn opening_cuts_at_a_word_boundary() {
        assert_eq!(opening("short text", 50), "short text");
        assert_eq!(
            opening("The Ministers reaffirmed, their support", 27),
            "The Ministers reaffirmed…"
        );
    }

    /// The windows and highlights are those of tantivy's snippet generator,
    /// over every paragraph of the fixtures and the shipped corpus, for
    /// term sets with common, rare, repeated and non-ASCII words.
    #[test]
    fn same_windows_as_tantivy() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paragraphs: Vec<String> = Vec::new();
        for dir in ["tests/fixtures/docs", "corpus"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
                if entry.file_type().is_file() {
                    let bytes = std::fs::read(entry.path()).unwrap_or_default();
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    // Wrapped paragraphs joined, and single lines.
                    paragraphs.extend(
                        text.split("\n\n")
                            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")),
                    );
                    paragraphs.extend(text.lines().map(str::to_string));
                }
            }
        }
        assert!(paragraphs.len() > 500, "fixtures not found");
        // Edge cases: over-long words, capitals outside ASCII, digits.
        paragraphs.extend(
            [
                "Export-controls: pneumonoultramicroscopicsilicovolcanoconiosisexport export control.",
                "ÉTATS-UNIS et Côte d'Ivoire: les États ont adopté 1540 contrôles d'exportation.",
                "İstanbul KOREA Korea's ΣΟΦΙΑ korean Ministers' PEACE-keeping 4(d) ivoire",
            ]
            .map(str::to_string),
        );
        let sets: [&[(&str, f32)]; 5] = [
            &[("export", 0.01), ("control", 0.002)],
            &[("nuclear", 0.003), ("weapon", 0.003), ("korea", 0.02)],
            &[("the", 0.0001), ("of", 0.0001), ("peac", 0.001)],
            &[("côte", 0.5), ("d", 0.01), ("ivoir", 0.5), ("états", 0.3)],
            &[
                ("minist", 0.004),
                ("meet", 0.002),
                ("region", 0.001),
                ("secur", 0.001),
            ],
        ];
        let field = {
            let mut b = tantivy::schema::Schema::builder();
            b.add_text_field("body", tantivy::schema::TEXT)
        };
        let mut compared = 0;
        for set in sets {
            let weights: BTreeMap<String, f32> =
                set.iter().map(|&(t, w)| (t.to_string(), w)).collect();
            let theirs = tantivy::snippet::SnippetGenerator::new(
                weights.clone(),
                crate::index::stem_analyzer(),
                field,
                SNIPPET_CHARS,
            );
            let mut ours = Highlighter::new(weights);
            for p in &paragraphs {
                let t = theirs.snippet(p);
                let expected = (!t.is_empty()).then(|| {
                    let marks: Vec<(usize, usize)> =
                        t.highlighted().iter().map(|r| (r.start, r.end)).collect();
                    (t.fragment_range(), marks)
                });
                compared += usize::from(expected.is_some());
                assert_eq!(ours.best_fragment(p), expected, "{p}");
            }
        }
        assert!(compared > 200, "only {compared} snippets compared");
    }
}
