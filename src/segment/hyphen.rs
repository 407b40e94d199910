//! Words hyphenated across a line break: `prolifer-`/`ation` is rejoined
//! as `proliferation`, but `non-`/`proliferation` stays
//! `non-proliferation` when the document writes that form elsewhere, when
//! the fragment is a common prefix (`non`, `co`, `self`, …) or when the
//! next part starts with a capital or digit (`Secretary-`/`General`).

use rustc_hash::FxHashSet as HashSet;

/// Prefixes that are written with a hyphen, kept when a line breaks after
/// them (`non-` + `proliferation`).
const HYPHEN_PREFIXES: &[&str] = &[
    "non",
    "co",
    "anti",
    "counter",
    "self",
    "well",
    "ex",
    "vice",
    "semi",
    "cross",
    "post",
    "pre",
    "multi",
    "inter",
    "intra",
    "mid",
    "all",
    "half",
    "long",
    "short",
    "high",
    "low",
    "full",
    "one",
    "two",
    "three",
    "four",
    "five",
    "first",
    "second",
    "third",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "so",
    "state",
    "confidence",
    "nation",
    "peace",
    "capacity",
    "decision",
    "policy",
    "law",
    "weapons",
    "nuclear",
    "region",
    "follow",
    "large",
    "small",
    "mass",
    "far",
    "wide",
    "war",
    "re",
];

/// Collects the hyphenated and plain word forms the document uses
/// mid-line, to decide how to rejoin words split across lines.
#[derive(Default)]
pub(super) struct WordForms {
    hyphenated: HashSet<String>,
    plain: HashSet<String>,
}

impl WordForms {
    /// The forms of the words that could settle a hyphenated line break:
    /// for each line ending in `frag-` followed by a line starting with
    /// `tail`, whether `frag-tail` or `fragtail` occurs elsewhere in the
    /// document. Only those candidates are looked for, so a document is
    /// not lower-cased and hashed word by word. (Fx hashing: SipHash over
    /// these sets was 0.8 % of an ingest's instructions.)
    pub(super) fn collect(lines: &[&str]) -> WordForms {
        let mut wanted: HashSet<String> = HashSet::default();
        for pair in lines.windows(2) {
            let Some(frag) = trailing_fragment(pair[0]) else {
                continue;
            };
            let tail: String = pair[1]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-')
                .collect();
            if tail.is_empty() {
                continue;
            }
            let (f, t) = (frag.to_lowercase(), tail.to_lowercase());
            wanted.insert(format!("{f}-{t}"));
            wanted.insert(format!("{f}{t}"));
        }
        let mut forms = WordForms::default();
        if wanted.is_empty() {
            return forms;
        }
        let lengths: HashSet<usize> = wanted.iter().map(String::len).collect();
        let mut lw = String::new();
        for l in lines {
            let mut words = l.split_whitespace().peekable();
            while let Some(w) = words.next() {
                if words.peek().is_none() {
                    break; // the last word may be a broken one
                }
                let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                if w.len() < 4 || w.len() > 40 || !lengths.contains(&w.len()) {
                    continue;
                }
                lw.clear();
                lw.extend(w.chars().flat_map(char::to_lowercase));
                if wanted.contains(&lw) {
                    if lw.contains('-') {
                        forms.hyphenated.insert(lw.clone());
                    } else {
                        forms.plain.insert(lw.clone());
                    }
                }
            }
        }
        forms
    }

    /// Joins `prev` (ending in `frag-`) with `next`: returns whether to keep
    /// the hyphen.
    fn keep_hyphen(&self, frag: &str, next: &str) -> bool {
        let tail: String = next
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        let Some(first) = tail.chars().next() else {
            return true;
        };
        if first.is_uppercase() || first.is_ascii_digit() || tail.contains('-') {
            return true; // "Secretary-General", "step-by-step"
        }
        let f = frag.to_lowercase();
        let t = tail.to_lowercase();
        if self.hyphenated.contains(&format!("{f}-{t}")) {
            return true;
        }
        if self.plain.contains(&format!("{f}{t}")) {
            return false;
        }
        HYPHEN_PREFIXES.contains(&f.as_str())
    }
}

/// The last word fragment before a trailing hyphen, if the line ends with a
/// hyphenated break (`prolifer-`); `None` for `--`, ` - ` and the like.
pub(super) fn trailing_fragment(s: &str) -> Option<&str> {
    let t = s.trim_end();
    let body = t.strip_suffix('-')?;
    let frag_start = body
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    let frag = &body[frag_start..];
    (!frag.is_empty()).then_some(frag)
}

/// Appends `next` to `block`, undoing a hyphenated break when there is one.
pub(super) fn append(block: &mut String, next: &str, forms: &WordForms) {
    let trimmed_len = block.trim_end().len();
    block.truncate(trimmed_len);
    if let Some(frag) = trailing_fragment(block) {
        let frag = frag.to_string();
        // A compound broken after the small word between its hyphens
        // (`people-to-` / `people`, `step-by-` / `step`) keeps it; a word
        // after a prefix is broken as any other (`non-govern-` / `mental`).
        let before = block.len() - 1 - frag.len();
        let compound = block[..before].ends_with('-')
            && ["to", "by", "of", "the", "and", "in", "on", "for", "a"]
                .contains(&frag.to_lowercase().as_str());
        if !compound && !forms.keep_hyphen(&frag, next) {
            block.pop(); // drop the hyphen
        }
        block.push_str(next);
        return;
    }
    if !block.is_empty() {
        block.push(' ');
    }
    block.push_str(next);
}
