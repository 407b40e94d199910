//! The end of a statement that is not its text: a sign-off (a date alone,
//! `Signed at Kuala Lumpur on 26 October 2030, in duplicate.`, `Done at
//! ...`) followed by nothing but the signatories' names and titles, and
//! the links a page lists under a `See also` label.
//!
//! Both are dropped for a named reason (`accounting::DropReason`), never
//! silently: the signature block only when every block after the sign-off
//! is a short line without a sentence end, so a paragraph after a date
//! is never taken for a name.

use super::dates::find_date;
use super::unwrap::Block;
use crate::text::marker::parse_marker;

/// Longest block read as a line of a signature (names, titles, `Witnessed
/// by:`), in bytes; blocks of several names side by side run long.
const SIGNATURE_BYTES: usize = 300;

/// Most blocks a signature block spans.
const SIGNATURE_BLOCKS: usize = 40;

/// The index of the sign-off block when the document ends with a sign-off
/// and its signatures (see the module doc): the first sign-off at or
/// just above the run of signature lines that ends the document.
pub(super) fn signature_start(blocks: &[Block]) -> Option<usize> {
    let n = blocks.len();
    let mut s = n;
    while s > 0 && n - s < SIGNATURE_BLOCKS && is_signature_line(&blocks[s - 1]) {
        s -= 1;
    }
    (s.saturating_sub(1)..n).find(|&k| is_sign_off(&blocks[k].text))
}

/// A sign-off: a date alone, or a `Signed at` / `Done at` line with a
/// date.
pub(super) fn is_sign_off(text: &str) -> bool {
    let t = text.trim().trim_matches('*').trim();
    if t.len() >= 400 {
        return false;
    }
    if is_lone_date(t) {
        return true;
    }
    let lower = t.to_lowercase();
    [
        "signed at ",
        "signed in ",
        "signed on ",
        "done at ",
        "done in ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        && find_date(t).is_some()
}

/// A date standing alone (a sign-off such as "16 JULY 2010").
pub(super) fn is_lone_date(text: &str) -> bool {
    text.len() < 60 && find_date(text).is_some_and(|m| text.len() - (m.end - m.start) < 12)
}

/// A line of a signature block: short, no sentence end, no paragraph
/// marker.
fn is_signature_line(b: &Block) -> bool {
    let t = b.text.trim().trim_matches('*').trim();
    t.len() <= SIGNATURE_BYTES
        && !t.ends_with(['.', ';', '!', '?'])
        && parse_marker(t).is_none_or(|m| m.bare)
}

/// A label over a list of links to other pages (`See also:`, `Related
/// documents`).
pub(super) fn is_link_label(heading: &str) -> bool {
    let l = heading.trim().trim_end_matches(':').trim().to_lowercase();
    matches!(
        l.as_str(),
        "see also"
            | "related"
            | "related documents"
            | "related pages"
            | "related links"
            | "related information"
            | "related stories"
            | "related coverage"
            | "related news"
            | "related articles"
            | "related content"
            | "read more"
            | "learn more"
            // A release's neighbours (`Prev` / `Outcome of …` / `Next` / …).
            | "prev"
            | "previous"
            | "next"
            | "tags"
            | "keywords"
    )
}

/// A block that can be a link in such a list: short, no sentence end.
pub(super) fn is_link_line(text: &str) -> bool {
    text.len() <= 200 && !text.trim_end().ends_with(['.', ';', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(t: &str) -> Block {
        Block {
            text: t.to_string(),
            indent: 0,
            lines: 1,
            after_page: false,
        }
    }

    #[test]
    fn a_sign_off_and_names_at_the_end_only() {
        let doc = |ts: &[&str]| ts.iter().map(|t| block(t)).collect::<Vec<_>>();
        let signed = doc(&[
            "1. The two sides agreed.",
            "Signed at Rome on 1 May 2030, in duplicate.",
            "Anna Rossi",
            "Minister of Foreign Affairs",
        ]);
        assert_eq!(signature_start(&signed), Some(1));
        let dated = doc(&[
            "The talks ended.",
            "1 May 2030",
            "President A of X",
            "President B of Y",
        ]);
        assert_eq!(signature_start(&dated), Some(1));
        // A paragraph after the date: no signature block.
        let more = doc(&["The talks ended.", "1 May 2030", "The parties met again."]);
        assert_eq!(signature_start(&more), None);
        assert_eq!(
            signature_start(&doc(&["The talks ended.", "Anna Rossi"])),
            None
        );
    }

    #[test]
    fn labels_over_links() {
        for l in [
            "Related Links",
            "Related Information",
            "Related Coverage",
            "See also:",
        ] {
            assert!(is_link_label(l), "{l}");
        }
        assert!(!is_link_label("Related issues were discussed at length."));
    }
}
