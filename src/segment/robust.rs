//! Robustness tests: arbitrary input never panics, output invariants hold,
//! and pathological documents stay linear and bounded.

use proptest::prelude::*;

use super::*;
use crate::decode::{decode, SourceFormat};

fn invariants(s: &Segmented) {
    let mut seen = std::collections::HashSet::new();
    for (i, p) in s.paragraphs.iter().enumerate() {
        assert_eq!(p.ordinal as usize, i);
        assert!(seen.insert(p.label.clone()), "duplicate label {}", p.label);
        assert!(!p.text.is_empty());
        assert!(
            p.text.len() <= MAX_PARAGRAPH,
            "paragraph of {} bytes",
            p.text.len()
        );
        if let Some(parent) = &p.parent {
            assert!(
                seen.contains(parent),
                "parent {parent} not before {}",
                p.label
            );
        }
    }
}

/// Lines built from the pieces documents are made of, so the generator
/// reaches markers, dates, headings and boilerplate often.
fn doc_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("1. The meeting".to_string()),
        Just("  (a) the participants".to_string()),
        Just("(iv) and".to_string()),
        Just("- bullet".to_string()),
        Just("    • nested".to_string()),
        Just("II. Principles".to_string()),
        Just("13.5.4 Item".to_string()),
        Just("Tokyo, 13th November, 2003".to_string()),
        Just("19 - 20 APRIL 2016".to_string()),
        Just("Chairman's Summary".to_string()),
        Just("CO-CHAIRS’ SUMMARY REPORT OF THE 8th ARF".to_string()),
        Just("[Title] x".to_string()),
        Just("[ARF] [x] y Batam, 1-2 November 2006".to_string()),
        Just("Back to Index".to_string()),
        Just("12".to_string()),
        Just("prolifer-".to_string()),
        Just("The meeting was chaired by Mr. A".to_string()),
        "[ -~]{0,80}",
        "\\PC{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn segment_never_panics_on_any_string(s in "\\PC{0,400}") {
        invariants(&segment_text(&s));
    }

    #[test]
    fn segment_never_panics_on_document_like_text(lines in prop::collection::vec(doc_line(), 0..60)) {
        invariants(&segment_text(&lines.join("\n")));
    }

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600), f in 0usize..4) {
        let format = [SourceFormat::Text, SourceFormat::Markdown, SourceFormat::Html, SourceFormat::Pdf][f];
        if let Ok(text) = decode(&bytes, format) {
            prop_assert!(!text.contains('\r'));
            invariants(&segment_text(&text));
        }
    }

    #[test]
    fn html_like_bytes_never_panic(s in "(<[a-z]{1,3}( [a-z]+=\"[^\"]{0,5}\")?>|</[a-z]{1,3}>|&[a-z#0-9]{1,5};|[ -~]{0,10}){0,40}") {
        let _ = decode(s.as_bytes(), SourceFormat::Html);
    }

    #[cfg(feature = "pdf")]
    #[test]
    fn truncated_or_corrupted_pdfs_fail_cleanly(cut in 0usize..2100, flip in 0usize..2100, byte in any::<u8>()) {
        let mut pdf = include_bytes!("../../tests/fixtures/docs/g8-2004-action-plan.pdf").to_vec();
        if flip < pdf.len() {
            pdf[flip] = byte;
        }
        pdf.truncate(cut.max(1));
        match decode(&pdf, SourceFormat::Pdf) {
            Ok(text) => invariants(&segment_text(&text)),
            Err(e) => prop_assert!(matches!(e, crate::decode::DecodeError::Extract(_) | crate::decode::DecodeError::Empty), "{e}"),
        }
    }

    #[test]
    fn date_finder_never_panics(s in "[0-9 a-zA-Z,()\\-–.]{0,60}") {
        let _ = dates::find_date(&s);
        let _ = dates::find_date_with_year(&s, 2000);
    }
}

#[test]
fn case_folding_that_changes_byte_lengths_is_safe() {
    for t in [
        "CHAİRMAN'S STATEMENT OF THE İİİ ARF",
        "Chairman's Statement of the \u{212a}ARF Meeting",
        "Chairman's Statement İ of the Meeting",
        "THE RESULTS OF THE ẞ MEETING",
        "Remarks by İ at the Opening of the İ Talks",
    ] {
        let s = segment_text(&format!("{t}\nTokyo, 5 May 2010\n\n1. Text.\n"));
        invariants(&s);
        let _ = header::meeting_info(t);
    }
    let long = format!("{}{}", "x".repeat(999), "é ".repeat(3000));
    invariants(&segment_text(&long));
}

#[test]
fn one_huge_line_is_split_into_bounded_paragraphs() {
    let sentence = "The participants discussed export control and the universalisation of the Additional Protocol. ";
    let text = sentence.repeat(2_000); // ~200 KB on one line
    let s = segment_text(&text);
    invariants(&s);
    assert!(s.paragraphs.len() >= 22, "{}", s.paragraphs.len());
    assert!(s.paragraphs.iter().all(|p| p.text.ends_with('.')));
    let labels: Vec<&str> = s
        .paragraphs
        .iter()
        .take(3)
        .map(|p| p.label.as_str())
        .collect();
    assert_eq!(labels, ["p1", "p1~2", "p1~3"]);
    // No spaces at all: hard cuts at char boundaries.
    let s = segment_text(&"é".repeat(20_000));
    invariants(&s);
    assert_eq!(s.paragraphs.len(), 5);
}

#[test]
fn fifty_thousand_unnumbered_lines_are_joined_and_split() {
    let mut text = String::new();
    for i in 0..50_000 {
        text.push_str(&format!(
            "line {i} of a long unnumbered text without any full stop\n"
        ));
    }
    // Its speed is measured by the pipeline bench, not asserted here: a
    // wall-clock limit fails on a loaded machine, not on slow code.
    let s = segment_text(&text);
    invariants(&s);
    // Wrapped lines are joined, then split at 8,000 bytes.
    assert!(
        s.paragraphs.len() >= 250 && s.paragraphs.len() < 1_000,
        "{}",
        s.paragraphs.len()
    );
}

#[test]
fn many_numbered_items_and_repeats() {
    let mut text = String::new();
    for round in 0..3 {
        for i in 1..=400 {
            text.push_str(&format!("{i}. Item {i} of round {round}.\n(a) sub-item.\n"));
        }
        text.push_str("Note: the list restarts.\n");
    }
    let s = segment_text(&text);
    invariants(&s);
    assert_eq!(s.paragraphs.len(), 3 * 800 + 3);
    assert_eq!(s.paragraphs[800].label, "p1");
    assert_eq!(s.paragraphs[801].label, "1~2");
    assert_eq!(s.paragraphs[802].label, "1~2(a)");
}
