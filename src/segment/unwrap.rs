//! Lines → blocks: undoes hard wrapping and finds paragraph boundaries.
//!
//! Text converted from PDF (UN General Debate records, ARF reports) is
//! wrapped at a fixed width, carries page numbers and running headers, and
//! splits words across lines with hyphens; paragraphs are often not
//! separated by blank lines. HTML- or word-processor text has one paragraph
//! per line instead. The wrap width is measured once per document (the 90th
//! percentile of line lengths) and decides which joining rules apply:
//!
//! * a blank line, a form feed or a line starting with a marker (`1.`,
//!   `(a)`, `•`) always starts a block;
//! * wrapped text: a line continues the previous one unless the previous one
//!   ends a sentence *and* is short (under 85 % of the width) or the new line
//!   is indented further (first-line indent);
//! * unwrapped text: a line continues the previous one only when that one
//!   stops mid-sentence and the new line starts in lower case, or when the
//!   previous line is long (over 150 chars) and stops mid-sentence;
//! * blocks separated by a page break are rejoined when the first stops
//!   mid-sentence and the second starts in lower case, or the first ends on
//!   a function word (`of`, `the`);
//! * a word hyphenated across lines is rejoined: `prolifer-`/`ation` →
//!   `proliferation`, but `non-`/`proliferation` stays `non-proliferation`
//!   when the document writes that form elsewhere, when the fragment is a
//!   common prefix (`non`, `co`, `self`, …) or when the next part starts
//!   with a capital or digit (`Secretary-`/`General`).
//!
//! Everything is one pass over the lines plus hash-set look-ups: linear in
//! the input size.

use std::collections::{HashMap, HashSet};

use super::boilerplate::{is_boilerplate, is_page_number};
use crate::text::lexicon::{is_capitalised_section_word, HEADING_SMALL_WORDS};
use crate::text::marker::{is_marker_only, starts_item};
use crate::text::title::{ends_with_function_word, is_all_caps, is_title_like};
use crate::text::ws::{is_normal_ws, normalise_ws};

/// A run of lines that forms one paragraph candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Joined text (single spaces, hyphenation undone).
    pub text: String,
    /// Indentation of the first line, in columns (tab = 4).
    pub indent: usize,
    /// Number of source lines joined (1 for a single line).
    pub lines: usize,
}

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

struct PreLine<'a> {
    indent: usize,
    text: &'a str,
}

fn indent_of(line: &str) -> usize {
    let mut n = 0;
    for c in line.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{3000}' => n += 1,
            '\t' => n += 4,
            _ => break,
        }
    }
    n
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    matches!(
        t.chars().last(),
        Some('.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | ')' | ']' | '…' | '。')
    )
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// A line that can only be a heading, for wrapped text where a short line
/// of prose ("I congratulate Mr. Sam") looks much like one: every word
/// capitalised except small ones, no comma, no trailing function word; a
/// single word only in capitals or as a common section name.
fn strict_heading(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    if t.contains(',') || t.ends_with('-') || !is_title_like(t) || ends_with_function_word(t) {
        return false;
    }
    if words.len() == 1 {
        return is_all_caps(t) || is_capitalised_section_word(t);
    }
    words.iter().all(|w| {
        HEADING_SMALL_WORDS.contains(w)
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// Normalised shape of a line for running-header detection: digits folded.
pub(crate) fn shape(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Collects the hyphenated and plain word forms the document uses
/// mid-line, to decide how to rejoin words split across lines.
#[derive(Default)]
struct WordForms {
    hyphenated: HashSet<String>,
    plain: HashSet<String>,
}

impl WordForms {
    /// The forms of the words that could settle a hyphenated line break:
    /// for each line ending in `frag-` followed by a line starting with
    /// `tail`, whether `frag-tail` or `fragtail` occurs elsewhere in the
    /// document. Only those candidates are looked for, so a document is
    /// not lower-cased and hashed word by word (that dominated unwrapping).
    fn collect(lines: &[&str]) -> WordForms {
        let mut wanted: HashSet<String> = HashSet::new();
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
fn trailing_fragment(s: &str) -> Option<&str> {
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
fn append(block: &mut String, next: &str, forms: &WordForms) {
    let trimmed_len = block.trim_end().len();
    block.truncate(trimmed_len);
    if let Some(frag) = trailing_fragment(block) {
        let frag = frag.to_string();
        if !forms.keep_hyphen(&frag, next) {
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

/// Splits body lines into blocks (see the module doc for the rules).
pub fn blocks(lines: &[&str]) -> Vec<Block> {
    // 1. Pre-clean: boilerplate and form feeds become blank lines, page
    //    numbers vanish (so a paragraph broken by a page can be rejoined).
    let mut pre: Vec<Option<PreLine<'_>>> = Vec::with_capacity(lines.len());
    for raw in lines {
        let line = raw.trim_end();
        let text = line.trim_start_matches([' ', '\t', '\u{a0}', '\u{3000}', '\u{c}']);
        if text.is_empty() || line.contains('\u{c}') && text.is_empty() {
            pre.push(None);
            continue;
        }
        if is_page_number(text) {
            continue;
        }
        if is_boilerplate(text) {
            pre.push(None);
            continue;
        }
        pre.push(Some(PreLine {
            indent: indent_of(line),
            text,
        }));
    }

    // 2. Measure the wrap width on the remaining lines.
    let mut lens: Vec<usize> = pre
        .iter()
        .flatten()
        .map(|l| l.indent + l.text.chars().count())
        .collect();
    let n = lens.len();
    let width = if n == 0 {
        0
    } else {
        lens.sort_unstable();
        lens[(n * 9 / 10).min(n - 1)]
    };
    let full = lens.iter().filter(|&&l| l * 10 >= width * 6).count();
    let wrapped = n >= 6 && (30..=110).contains(&width) && full * 2 >= n;

    // 3. Running headers: short lines repeated 3+ times in wrapped text.
    let mut drop_shapes: HashSet<String> = HashSet::new();
    if wrapped {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for l in pre.iter().flatten() {
            if l.text.len() <= 80
                && !ends_sentence(l.text)
                && !l.text.ends_with(',')
                && !starts_lower(l.text)
            {
                *counts.entry(shape(l.text)).or_insert(0) += 1;
            }
        }
        drop_shapes = counts
            .into_iter()
            .filter(|(s, c)| *c >= 3 && !starts_item(s))
            .map(|(s, _)| s)
            .collect();
    }
    let kept: Vec<Option<PreLine<'_>>> = pre
        .into_iter()
        .filter(|l| match l {
            Some(l) => drop_shapes.is_empty() || !drop_shapes.contains(&shape(l.text)),
            None => true,
        })
        .collect();
    let texts: Vec<&str> = kept.iter().flatten().map(|l| l.text).collect();
    let forms = WordForms::collect(&texts);

    // 4. Join.
    let mut out: Vec<Block> = Vec::new();
    let mut cur: Option<Block> = None;
    let mut prev_line: Option<(usize, &str)> = None; // (indent, text) of last line
                                                     // A short title-like line inside wrapped text, between a sentence end
                                                     // and a capitalised line, is a heading: it stands alone.
    let heading_like = |t: &str, next: Option<&str>| {
        wrapped
            && t.chars().count() * 10 < width * 6
            && t.split_whitespace().count() <= 10
            && !ends_sentence(t)
            && strict_heading(t)
            && next.is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase))
    };
    let mut prev_heading = false;
    for (idx, l) in kept.iter().enumerate() {
        let Some(l) = l else {
            if let Some(b) = cur.take() {
                out.push(b);
            }
            prev_line = None;
            continue;
        };
        let join = match (&cur, prev_line) {
            (Some(_), Some((pind, ptext))) => {
                let plen = pind + ptext.chars().count();
                if starts_item(l.text) {
                    false
                } else if is_marker_only(ptext)
                    || trailing_fragment(ptext).is_some() && starts_lower(l.text)
                {
                    true
                } else if wrapped {
                    let short = plen * 100 < width * 85;
                    let next = kept.get(idx + 1).and_then(|n| n.as_ref()).map(|n| n.text);
                    let heading_here = ends_sentence(ptext) && heading_like(l.text, next);
                    !(prev_heading
                        || heading_here
                        || ends_sentence(ptext) && (short || l.indent > pind))
                } else {
                    !ends_sentence(ptext) && (starts_lower(l.text) || plen > 150)
                }
            }
            _ => false,
        };
        if join {
            if let Some(b) = cur.as_mut() {
                append(&mut b.text, l.text, &forms);
                b.lines += 1;
            }
        } else {
            if let Some(b) = cur.take() {
                out.push(b);
            }
            cur = Some(Block {
                text: l.text.to_string(),
                indent: l.indent,
                lines: 1,
            });
        }
        // The line just placed is a heading when it was cut off from a
        // finished sentence and looks like one; the next line must not be
        // glued to it. (At the start of a text or after a blank line a
        // short capitalised line is as likely the start of a sentence.)
        let next = kept.get(idx + 1).and_then(|n| n.as_ref()).map(|n| n.text);
        prev_heading =
            !join && prev_line.is_some_and(|(_, p)| ends_sentence(p)) && heading_like(l.text, next);
        prev_line = Some((l.indent, l.text));
    }
    if let Some(b) = cur.take() {
        out.push(b);
    }

    // 5. Rejoin paragraphs broken by a page (or a dropped line): a block that
    //    stops mid-sentence followed by one that starts in lower case.
    let mut merged: Vec<Block> = Vec::with_capacity(out.len());
    for b in out {
        if let Some(last) = merged.last_mut() {
            // ("... the Treaty on the Non-Proliferation of" / page break /
            // "Nuclear Weapons ...": a function word cannot end a paragraph.)
            if !ends_sentence(&last.text)
                && (starts_lower(&b.text) || ends_with_function_word(&last.text))
                && !starts_item(&b.text)
                && (wrapped || last.text.len() > 150)
            {
                append(&mut last.text, &b.text, &forms);
                last.lines += b.lines;
                continue;
            }
        }
        merged.push(b);
    }
    for b in &mut merged {
        if !is_normal_ws(&b.text) {
            b.text = normalise_ws(&b.text);
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let lines: Vec<&str> = s.lines().collect();
        blocks(&lines).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn one_paragraph_per_line_is_kept() {
        let t = texts("First paragraph that is long enough to be a line of prose in a page.\nSecond paragraph, also on one line.\n\nThird.");
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn wrapped_text_is_unwrapped_with_boundaries_recovered() {
        let src = "Allow me to congratulate\nyou, Sir, on your election as President of the General\nAssembly, and to express my strong conviction that,\nunder your guidance, the work of this session will be\nconducted successfully. I would also like to take this\nopportunity to thank your predecessor for his competent\nguidance of the previous session.\nAt the start of the new millennium, Albania, as a\nsovereign and peace-loving country, is committed to the\nnon-\nproliferation regime and to the work of prolifer-\nation control.\n";
        let t = texts(src);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert!(t[0].starts_with("Allow me to congratulate you, Sir,"));
        assert!(t[0].ends_with("of the previous session."));
        assert!(t[1].contains("committed to the non-proliferation regime"));
        assert!(t[1].contains("work of proliferation control."));
    }

    #[test]
    fn first_line_indent_starts_a_paragraph() {
        let src = "I should like\nat the outset to congratulate you, Sir, on your election\nas President of the General Assembly at its sixty-third\nsession. I wish you every success in your mission.\n I should like also to thank your predecessor,\nMr. Srgjan Kerim, for all of his efforts in the previous\nsession. I should further like to thank the Secretary-\nGeneral, Mr. Ban Ki-moon, for his efforts to promote the\nrole of the United Nations in the world at this time.\n";
        let t = texts(src);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert!(t[1].contains("the Secretary-General, Mr. Ban Ki-moon"));
    }

    #[test]
    fn headings_inside_wrapped_text_stand_alone() {
        let src = "The Ministers met in Bandar Seri Begawan and reviewed the\nwork of the Forum since its first meeting in Bangkok last\nyear, and agreed on the way ahead for the coming year.\nRegional Issues\nThe Ministers exchanged views on the Korean Peninsula and\nwelcomed the resumption of dialogue between the parties to\nthe Agreed Framework concluded in Geneva in October.\n";
        let t = texts(src);
        assert_eq!(t.len(), 3, "{t:#?}");
        assert_eq!(t[1], "Regional Issues");
    }

    #[test]
    fn page_numbers_and_running_headers_vanish() {
        let mut src = String::new();
        for page in 1..=4 {
            src.push_str("ARF Inter-Sessional Meeting Report\n");
            for k in 0..5 {
                src.push_str(&format!(
                    "the participants continued discussion number {page}{k} of the\n"
                ));
            }
            src.push_str(&format!("\n{page}\n\n"));
        }
        let t = texts(&src);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert!(!t[0].contains("Report"));
    }
}
