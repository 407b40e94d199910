//! Paragraph labels: which are the document's own numbering and which are
//! dipsearch's count.
//!
//! Segmentation labels a paragraph with the document's numbering (`4`,
//! `4(d)`, `II.3`, `13.5.4`) where the document numbers it, and counts
//! itself where it does not (`segment::numbering`): `p11` for the 11th
//! unnumbered paragraph, `b2` for a bullet with no paragraph above it,
//! `4-1` / `p3-2` for the bullets under paragraph 4 / p3, and a `~2`
//! suffix for the second paragraph with a label already used (a list
//! restarting at 1, a block split for length). Resolutions prefix the
//! paragraphs of an annex with it (`annexA.1`, `annex.p2`). A marker's own
//! value holds only letters, digits and dots, so `-` and `~` are always
//! ours, as is a leading `p` or `b` followed by a digit (a lettered marker
//! is written `(p)`).
//!
//! ```
//! use dipsearch::model::label::is_own;
//! assert!(!is_own("4(d)") && !is_own("II.3") && !is_own("annexA.1"));
//! assert!(is_own("p11") && is_own("4-1") && is_own("1~2") && is_own("annex.p2"));
//! ```

use std::borrow::Cow;

/// The annex part of a resolution's label and the rest: `annexA.1` →
/// (`Some("annexA")`, `1`); `4(d)` → (`None`, `4(d)`).
pub fn split_annex(label: &str) -> (Option<&str>, &str) {
    for word in ["annex", "appendix"] {
        if label.starts_with(word) {
            if let Some((annex, rest)) = label.split_once('.') {
                return (Some(annex), rest);
            }
        }
    }
    (None, label)
}

/// Whether `label` is, or holds, dipsearch's own count rather than the
/// document's numbering (see the module doc): then it cannot be found in
/// the document as written, and a citation must say so.
pub fn is_own(label: &str) -> bool {
    let (_, rest) = split_annex(label);
    if rest.contains(['-', '~']) {
        return true;
    }
    let mut chars = rest.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('p' | 'b'), Some(c)) if c.is_ascii_digit()
    )
}

/// The label as text output shows it: the document's own as written
/// (`4(d)`), ours in square brackets (`[p11]`), so a reader never looks for
/// `p11` in the document.
pub fn shown(label: &str) -> Cow<'_, str> {
    if is_own(label) {
        Cow::Owned(format!("[{label}]"))
    } else {
        Cow::Borrowed(label)
    }
}

/// What `[…]` around a label means, for a note under text output.
pub const OWN_LABEL_NOTE: &str =
    "¶[…] is dipsearch's own numbering: the document does not number that paragraph";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbering_is_not_ours() {
        for label in [
            "1",
            "4(d)",
            "4(d)(ii)",
            "(a)",
            "II",
            "II.3",
            "A.1",
            "13.5.4",
            "2(1)",
            "annexA.1",
            "appendixII.3",
            "114",
        ] {
            assert!(!is_own(label), "{label}");
            assert_eq!(shown(label), label);
        }
    }

    #[test]
    fn our_counts_are_ours() {
        for label in [
            "p1",
            "p11",
            "b2",
            "4-1",
            "p3-2",
            "4-1(a)",
            "1~2",
            "4(d)~3",
            "annex.p2",
            "annexA.1~2",
        ] {
            assert!(is_own(label), "{label}");
            assert_eq!(shown(label), format!("[{label}]"));
        }
    }

    #[test]
    fn annex_prefixes_split_off() {
        assert_eq!(split_annex("annexA.1"), (Some("annexA"), "1"));
        assert_eq!(split_annex("appendixII.p2"), (Some("appendixII"), "p2"));
        assert_eq!(split_annex("4(d)"), (None, "4(d)"));
        assert_eq!(split_annex("annex"), (None, "annex"));
    }
}
