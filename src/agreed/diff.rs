//! Word-level diff of two texts: what was deleted, inserted or kept, as
//! byte ranges in both, for the terminal, JSON and HTML writers.
//!
//! Tokens are words, runs of spaces and single punctuation marks, compared
//! exactly (a changed comma is a change; drafters argue about commas), and
//! diffed by `similar` (Myers). Kept tokens between two changes that are only
//! spaces are folded into the change, so `[-a b-]{+c d+}` reads as one edit.

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

/// Splits into words, whitespace runs and single other characters.
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None::<(usize, bool)>;
    for (i, c) in text.char_indices() {
        let kind = if c.is_alphanumeric() {
            Some(true)
        } else if c.is_whitespace() {
            Some(false)
        } else {
            None
        };
        if let Some((s, k)) = start {
            if kind != Some(k) {
                out.push((s, &text[s..i]));
                start = None;
            }
        }
        match kind {
            Some(k) if start.is_none() => start = Some((i, k)),
            Some(_) => {}
            None => out.push((i, &text[i..i + c.len_utf8()])),
        }
    }
    if let Some((s, _)) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// The word diff of `a` → `b`.
///
/// ```
/// use dipsearch::agreed::{diff, Change};
/// let d = diff("remain seized of the matter", "remain actively seized of the matter");
/// let inserted: Vec<_> = d.ops.iter().filter(|o| o.change == Change::Insert).collect();
/// assert_eq!(inserted.len(), 1);
/// assert_eq!(&"remain actively seized of the matter"[inserted[0].b.clone()], "actively ");
/// ```
pub fn diff(a: &str, b: &str) -> WordDiff {
    let (ta, tb) = (tokens(a), tokens(b));
    let sa: Vec<&str> = ta.iter().map(|t| t.1).collect();
    let sb: Vec<&str> = tb.iter().map(|t| t.1).collect();
    let bytes = |t: &[(usize, &str)], r: Range<usize>, len: usize| -> Range<usize> {
        let start = t.get(r.start).map_or(len, |x| x.0);
        let end = t.get(r.end).map_or(len, |x| x.0);
        start..end
    };
    let mut raw: Vec<(Change, Range<usize>, Range<usize>)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &sa, &sb) {
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
    let raw = fold_blank_equals(raw, &sa);
    let words = |t: &[&str]| {
        t.iter()
            .filter(|s| s.chars().next().is_some_and(char::is_alphanumeric))
            .count()
    };
    let mut out = WordDiff {
        ops: Vec::new(),
        deleted_words: 0,
        inserted_words: 0,
        equal_words: 0,
    };
    for (change, ra, rb) in raw {
        match change {
            Change::Equal => out.equal_words += words(&sa[ra.clone()]),
            Change::Delete => out.deleted_words += words(&sa[ra.clone()]),
            Change::Insert => out.inserted_words += words(&sb[rb.clone()]),
        }
        out.ops.push(Op {
            change,
            a: bytes(&ta, ra, a.len()),
            b: bytes(&tb, rb, b.len()),
        });
    }
    out
}

/// Merges `delete, equal(spaces only), delete` and the like into one
/// deletion and one insertion, and joins neighbouring operations of the
/// same kind.
fn fold_blank_equals(
    raw: Vec<(Change, Range<usize>, Range<usize>)>,
    sa: &[&str],
) -> Vec<(Change, Range<usize>, Range<usize>)> {
    let blank = |r: &Range<usize>| sa[r.clone()].iter().all(|s| s.trim().is_empty());
    // Group runs between substantial equals: within a group, one delete
    // (from the first deleted token to the last) and one insert.
    let mut out: Vec<(Change, Range<usize>, Range<usize>)> = Vec::new();
    let mut group: Vec<(Change, Range<usize>, Range<usize>)> = Vec::new();
    let flush = |group: &mut Vec<(Change, Range<usize>, Range<usize>)>,
                 out: &mut Vec<(Change, Range<usize>, Range<usize>)>| {
        let changed = group.iter().any(|g| g.0 != Change::Equal);
        if !changed {
            out.append(group);
            return;
        }
        let (a0, a1) = (group[0].1.start, group[group.len() - 1].1.end);
        let (b0, b1) = (group[0].2.start, group[group.len() - 1].2.end);
        if a1 > a0 {
            out.push((Change::Delete, a0..a1, b0..b0));
        }
        if b1 > b0 {
            out.push((Change::Insert, a1..a1, b0..b1));
        }
        group.clear();
    };
    let n = raw.len();
    for (i, op) in raw.into_iter().enumerate() {
        let between_changes =
            op.0 == Change::Equal && blank(&op.1) && !group.is_empty() && i + 1 < n;
        if op.0 == Change::Equal && !between_changes {
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
            "Côte d'Ivoire[-,-]{+and +}Mali"
        );
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
