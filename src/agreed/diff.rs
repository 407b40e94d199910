//! Word-level diff of two texts: what was deleted, inserted or kept, as
//! byte ranges in both, for the terminal, JSON and HTML writers.
//!
//! Tokens are words and single punctuation marks, compared exactly (a
//! changed comma is a change; drafters argue about commas), and diffed by
//! `similar` (Myers); whitespace is not compared. The changes between two
//! kept stretches are folded into one edit, so `[-a b-]{+c d+}` reads as one.

use std::collections::HashMap;
use std::ops::Range;

use similar::{capture_diff_slices, Algorithm, DiffOp};

/// What a [`DiffOp`] does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The same text on both sides.
    Equal,
    /// Only in the first text.
    Delete,
    /// Only in the second text.
    Insert,
}

impl Change {
    /// The wire name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Change::Equal => "equal",
            Change::Delete => "delete",
            Change::Insert => "insert",
        }
    }
}

/// One operation: a byte range of each text (empty on the side it is not in).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Op {
    /// What it does.
    pub change: Change,
    /// Bytes of the first text.
    pub a: Range<usize>,
    /// Bytes of the second text.
    pub b: Range<usize>,
}

/// A diff and counts of what it changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordDiff {
    /// Operations in text order.
    pub ops: Vec<Op>,
    /// Words only in the first text.
    pub deleted_words: usize,
    /// Words only in the second text.
    pub inserted_words: usize,
    /// Words kept.
    pub equal_words: usize,
}

/// Splits into words and single other characters, skipping whitespace:
/// `(start, end)` byte offsets of each token.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut word = None::<usize>;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word.get_or_insert(i);
            continue;
        }
        if let Some(s) = word.take() {
            out.push((s, i));
        }
        if !c.is_whitespace() {
            out.push((i, i + c.len_utf8()));
        }
    }
    if let Some(s) = word {
        out.push((s, text.len()));
    }
    out
}

/// Numbers equal tokens of both texts alike, so the diff compares integers.
fn intern<'t>(
    text: &'t str,
    tokens: &[(usize, usize)],
    ids: &mut HashMap<&'t str, u32>,
) -> Vec<u32> {
    tokens
        .iter()
        .map(|&(s, e)| {
            let next = ids.len() as u32;
            *ids.entry(&text[s..e]).or_insert(next)
        })
        .collect()
}

/// The word diff of `a` → `b`.
///
/// Whitespace is not compared (a re-wrapped or double-spaced line is not a
/// change), which also halves the sequences Myers walks: its time grows
/// with their length times the number of edits, and two unrelated
/// 150-word paragraphs are the worst case `diff` meets.
///
/// ```
/// use dipsearch::agreed::{diff, Change};
/// let d = diff("remain seized of the matter", "remain actively seized of the matter");
/// let inserted: Vec<_> = d.ops.iter().filter(|o| o.change == Change::Insert).collect();
/// assert_eq!(inserted.len(), 1);
/// assert_eq!(&"remain actively seized of the matter"[inserted[0].b.clone()], " actively");
/// ```
pub fn diff(a: &str, b: &str) -> WordDiff {
    let (ta, tb) = (tokens(a), tokens(b));
    let mut ids = HashMap::new();
    let (ia, ib) = (intern(a, &ta, &mut ids), intern(b, &tb, &mut ids));
    let mut raw: Vec<(Change, Range<usize>, Range<usize>)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &ia, &ib) {
        let (ra, rb) = (op.old_range(), op.new_range());
        match op {
            DiffOp::Equal { .. } => raw.push((Change::Equal, ra, rb)),
            DiffOp::Delete { .. } => raw.push((Change::Delete, ra, rb.start..rb.start)),
            DiffOp::Insert { .. } => raw.push((Change::Insert, ra.start..ra.start, rb)),
            DiffOp::Replace { .. } => {
                raw.push((Change::Delete, ra.clone(), rb.start..rb.start));
                raw.push((Change::Insert, ra.end..ra.end, rb));
            }
        }
    }
    let is_word = |text: &str, t: &(usize, usize)| {
        text[t.0..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    };
    let words = |text: &str, t: &[(usize, usize)]| t.iter().filter(|t| is_word(text, t)).count();
    let mut out = WordDiff {
        ops: Vec::new(),
        deleted_words: 0,
        inserted_words: 0,
        equal_words: 0,
    };
    // Byte ranges tile each text: an operation starts with the space
    // before its first token (so an insertion brings its own space) and
    // ends with its last token; the text's last one runs to the end.
    let (mut ca, mut cb) = (0, 0);
    let end = |t: &[(usize, usize)], r: &Range<usize>, len: usize, cursor: usize| {
        if r.is_empty() {
            cursor
        } else if r.end == t.len() {
            len
        } else {
            t[r.end - 1].1
        }
    };
    for (change, ra, rb) in fold_changes(raw) {
        match change {
            Change::Equal => out.equal_words += words(a, &ta[ra.clone()]),
            Change::Delete => out.deleted_words += words(a, &ta[ra.clone()]),
            Change::Insert => out.inserted_words += words(b, &tb[rb.clone()]),
        }
        let ea = end(&ta, &ra, a.len(), ca);
        let eb = end(&tb, &rb, b.len(), cb);
        out.ops.push(Op {
            change,
            a: ca..ea,
            b: cb..eb,
        });
        (ca, cb) = (ea, eb);
    }
    if ca < a.len() || cb < b.len() {
        // Texts of whitespace only.
        out.ops.push(Op {
            change: Change::Equal,
            a: ca..a.len(),
            b: cb..b.len(),
        });
    }
    trim_replacements(&mut out.ops, a, b);
    out
}

/// In a replacement after kept text, hands the space both sides start
/// with to the kept text: `a [-b-]{+c+}`, not `a[- b-]{+ c+}`.
fn trim_replacements(ops: &mut [Op], a: &str, b: &str) {
    let leading = |s: &str| s.len() - s.trim_start().len();
    for i in 0..ops.len().saturating_sub(2) {
        let kinds = (ops[i].change, ops[i + 1].change, ops[i + 2].change);
        if kinds != (Change::Equal, Change::Delete, Change::Insert) {
            continue;
        }
        let la = leading(&a[ops[i + 1].a.clone()]);
        let lb = leading(&b[ops[i + 2].b.clone()]);
        if la == 0 || lb == 0 || la == ops[i + 1].a.len() || lb == ops[i + 2].b.len() {
            continue;
        }
        ops[i].a.end += la;
        ops[i].b.end += lb;
        ops[i + 1].a.start += la;
        ops[i + 1].b = ops[i].b.end..ops[i].b.end;
        ops[i + 2].b.start += lb;
    }
}

/// Joins each run of changes between two kept stretches into one deletion
/// and one insertion, so `[-a-]{+b+}[-c-]{+d+}` reads as one edit.
fn fold_changes(
    raw: Vec<(Change, Range<usize>, Range<usize>)>,
) -> Vec<(Change, Range<usize>, Range<usize>)> {
    let mut out: Vec<(Change, Range<usize>, Range<usize>)> = Vec::new();
    let mut group: Vec<(Change, Range<usize>, Range<usize>)> = Vec::new();
    let flush = |group: &mut Vec<(Change, Range<usize>, Range<usize>)>,
                 out: &mut Vec<(Change, Range<usize>, Range<usize>)>| {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            return;
        };
        let (a0, a1) = (first.1.start, last.1.end);
        let (b0, b1) = (first.2.start, last.2.end);
        if a1 > a0 {
            out.push((Change::Delete, a0..a1, b0..b0));
        }
        if b1 > b0 {
            out.push((Change::Insert, a1..a1, b0..b1));
        }
        group.clear();
    };
    for op in raw {
        if op.0 == Change::Equal {
            flush(&mut group, &mut out);
            out.push(op);
        } else {
            group.push(op);
        }
    }
    flush(&mut group, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(a: &str, b: &str) -> String {
        let d = diff(a, b);
        let mut s = String::new();
        for op in &d.ops {
            match op.change {
                Change::Equal => s.push_str(&a[op.a.clone()]),
                Change::Delete => s.push_str(&format!("[-{}-]", &a[op.a.clone()])),
                Change::Insert => s.push_str(&format!("{{+{}+}}", &b[op.b.clone()])),
            }
        }
        s
    }

    #[test]
    fn replaced_words_read_as_one_edit() {
        assert_eq!(
            plain(
                "The Ministers welcomed the report.",
                "The Ministers noted with appreciation the report."
            ),
            "The Ministers [-welcomed-]{+noted with appreciation+} the report."
        );
    }

    #[test]
    fn punctuation_and_accents_are_changes() {
        assert_eq!(
            plain("Côte d'Ivoire, Mali", "Côte d'Ivoire and Mali"),
            "Côte d'Ivoire[-,-]{+ and+} Mali"
        );
    }

    #[test]
    fn whitespace_is_not_a_change() {
        let d = diff(
            "remain  seized of\nthe matter",
            "remain seized of the matter",
        );
        assert_eq!(
            (d.deleted_words, d.inserted_words, d.equal_words),
            (0, 0, 5)
        );
        assert!(d.ops.iter().all(|o| o.change == Change::Equal));
    }

    #[test]
    fn ranges_tile_both_texts() {
        let pairs = [
            (
                "  Recalls its resolutions, ",
                "Recalls  all its resolutions\n",
            ),
            ("a b c", "x y z"),
            ("   ", "word"),
            (
                "Decides to remain seized.",
                "  Decides to remain actively seized.  ",
            ),
            ("one two", ""),
        ];
        for (a, b) in pairs {
            let d = diff(a, b);
            let (mut ca, mut cb) = (0, 0);
            for op in &d.ops {
                assert_eq!(
                    (op.a.start, op.b.start),
                    (ca, cb),
                    "{a:?} → {b:?}: {:?}",
                    d.ops
                );
                (ca, cb) = (op.a.end, op.b.end);
            }
            assert_eq!((ca, cb), (a.len(), b.len()), "{a:?} → {b:?}: {:?}", d.ops);
        }
    }

    #[test]
    fn identical_and_empty_texts() {
        assert_eq!(plain("same text", "same text"), "same text");
        assert_eq!(plain("", "new"), "{+new+}");
        assert_eq!(plain("old", ""), "[-old-]");
        let d = diff("a b c", "a b c");
        assert_eq!(
            (d.deleted_words, d.inserted_words, d.equal_words),
            (0, 0, 3)
        );
    }
}
