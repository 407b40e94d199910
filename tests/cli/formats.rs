//! Issue 4 through the binary: every encoding, format, header layout and
//! numbering style of `tests/fixtures/docs/` (see its README for what each
//! file is), plus the files that must be skipped with a reason.

use std::collections::BTreeMap;

use crate::util::{fixtures, Hit, TestDir};

/// The fixtures' expected values (`tests/fixtures/docs/expected.toml`, the
/// one place they are written; the unit tests read it too).
#[path = "../fixtures/docs/expected.rs"]
mod expected;

use expected::Expected;

fn expected() -> Vec<Expected> {
    expected::load(&fixtures().join("docs"))
}

/// A corpus holding every fixture of the expected-values file at its own
/// path, with the folder configuration beside those that have one.
fn corpus_with_all_fixtures() -> (TestDir, Vec<Expected>) {
    let t = TestDir::new();
    let docs = fixtures().join("docs");
    let expected = expected();
    for e in &expected {
        t.copy_in(&docs.join(&e.file), &e.file);
        if let Some((dir, _)) = e.file.rsplit_once('/') {
            let config = docs.join(dir).join("dipsearch.toml");
            if config.exists() {
                t.copy_in(&config, &format!("{dir}/dipsearch.toml"));
            }
        }
    }
    (t, expected)
}

/// A corpus holding every fixture document (for tests of other commands
/// over every layout).
pub(crate) fn fixture_corpus() -> TestDir {
    corpus_with_all_fixtures().0
}

#[test]
fn every_layout_encoding_and_format_ingests_with_its_header_and_labels() {
    let (t, expected) = corpus_with_all_fixtures();
    let report: serde_json::Value = t.json(["ingest", "--format", "json", "--strict"]);
    assert_eq!(report["skipped"], serde_json::json!([]), "{report}");
    assert_eq!(report["documents"], expected.len());
    let mut by_file: BTreeMap<String, Vec<Hit>> = BTreeMap::new();
    for h in t.export() {
        by_file.entry(h.source.clone()).or_default().push(h);
    }
    for e in &expected {
        let f = &e.file;
        let hits = by_file.get(f).unwrap_or_else(|| panic!("{f} not indexed"));
        let got: Vec<&str> = hits.iter().map(|h| h.paragraph.as_str()).collect();
        assert_eq!(got.join(" "), e.labels, "{f}: labels");
        assert!(
            hits.iter().all(|h| !h.text.trim().is_empty()),
            "{f}: empty paragraph"
        );
        let h = &hits[0];
        assert_eq!(h.title, e.title, "{f}: title");
        assert_eq!(h.meeting, e.meeting, "{f}: meeting");
        assert_eq!(h.meeting_id, e.meeting_id, "{f}: meeting_id");
        assert_eq!(h.acronym, e.acronym, "{f}: acronym");
        assert_eq!(h.edition, e.edition, "{f}: edition");
        assert_eq!(h.doc_type, e.doc_type, "{f}: doc_type");
        assert_eq!(h.date, e.date, "{f}: date");
        assert_eq!(h.date_end, e.date_end, "{f}: date_end");
        assert_eq!(h.year, e.year, "{f}: year");
        assert_eq!(h.place, e.place, "{f}: place");
        assert_eq!(h.chair, e.chair, "{f}: chair");
        assert_eq!(h.issuer, e.issuer, "{f}: issuer");
        assert_eq!(h.symbol, e.symbol, "{f}: symbol");
        assert_eq!(h.vote, e.vote, "{f}: vote");
        if let Some(p) = &e.participants {
            assert_eq!(&h.participants, p, "{f}: participants");
        }
        if let Some(want) = &e.headings {
            let got: Vec<&str> = hits
                .iter()
                .map(|h| h.heading.as_deref().unwrap_or("-"))
                .collect();
            assert_eq!(&got.join("|"), want, "{f}: headings");
        }
    }
}

#[test]
fn decoded_text_is_faithful_and_searchable_across_encodings() {
    let (t, _) = corpus_with_all_fixtures();
    t.run(["ingest"]).success();
    let all = t.export();
    // No replacement characters or stray markup survive decoding.
    for h in &all {
        assert!(!h.text.contains('\u{fffd}'), "{}: {}", h.id, h.text);
        assert!(
            !h.text.contains("<p") && !h.text.contains("&amp;"),
            "{}: {}",
            h.id,
            h.text
        );
    }
    // A wrapped line that opens with `Copyright` is text, not a notice.
    let id = "real-layouts/ministry-2035-french-stamp-wrapped-copyright-line.txt#2";
    let p2 = all.iter().find(|h| h.id == id).expect(id);
    assert!(
        p2.text.contains(
            "working group on Copyright and Related Rights (document WA/IPO/3/4) and asked"
        ),
        "{}",
        p2.text
    );
    // Hyphenated words across PDF line breaks are rejoined and found.
    let pdf = t.search(&["interdiction", "--meeting", "G8"]);
    assert!(
        pdf.hits
            .iter()
            .any(|h| h.source == "g8-2004-action-plan.pdf"),
        "{:?}",
        pdf.ids()
    );
}

#[test]
fn unreadable_files_are_skipped_with_a_reason_and_strict_fails() {
    let t = TestDir::with_sample();
    t.write("empty.txt", "");
    t.write("blank.txt", "  \n\n \n");
    t.write(
        "image.txt",
        [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 255, 0, 17].repeat(200),
    );
    t.write("slides.pptx", "PK\u{3}\u{4} not really");
    t.write(
        "broken.pdf",
        "%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer\n%%EOF\n",
    );
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(v["documents"], 1, "{v}");
    let skipped: BTreeMap<String, String> = v["skipped"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap_or("").to_string(),
                s["reason"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let names: Vec<&str> = skipped.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "blank.txt",
            "broken.pdf",
            "empty.txt",
            "image.txt",
            "slides.pptx"
        ]
    );
    assert!(skipped.values().all(|r| !r.is_empty()));
    assert!(
        skipped["slides.pptx"].contains("unsupported"),
        "{skipped:?}"
    );
    assert!(skipped["image.txt"].contains("binary"), "{skipped:?}");
    // The text summary prints one line per skipped file.
    let out = t.run(["ingest"]).success().get_output().stdout.clone();
    let out = String::from_utf8_lossy(&out);
    assert!(out.contains("skipped slides.pptx: "), "{out}");
    let strict = t
        .run(["ingest", "--strict"])
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&strict).contains("5 file(s) skipped"));
    // The good document is still searchable.
    assert_eq!(t.search(&["export control"]).hits[0].paragraph, "4(d)");
}

#[test]
fn huge_and_unnumbered_documents_are_indexed_best_effort() {
    let t = TestDir::new();
    // 50,000 lines without numbering or blank lines.
    let mut long = String::new();
    for i in 0..50_000 {
        long.push_str(&format!(
            "Line {i} of the verbatim record notes the statement of the delegation.\n"
        ));
    }
    t.write("verbatim.txt", &long);
    // One 2 MB line.
    t.write(
        "one-line.txt",
        "The Ministers reaffirmed their support. ".repeat(50_000),
    );
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(v["documents"], 2, "{v}");
    let all = t.export();
    assert!(
        all.iter().all(|h| h.text.len() <= 9_000),
        "a paragraph over 9,000 bytes"
    );
    assert!(all.len() > 100);
}

/// Regression: a PDF found by `cargo fuzz` that makes the extractor panic is
/// skipped with a reason, and no panic message reaches the user.
#[test]
fn a_pdf_that_crashes_the_extractor_is_skipped_quietly() {
    let t = TestDir::with_sample();
    t.copy_in(&fixtures().join("bad/pdf-extract-panic.pdf"), "bad.pdf");
    let out = t
        .run(["ingest", "--format", "json"])
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["skipped"][0]["path"], "bad.pdf");
    assert_eq!(
        v["skipped"][0]["reason"],
        "cannot extract text: malformed PDF"
    );
    assert_eq!(v["documents"], 1);
}
