//! Every document fixture through [`process`], against the expected values
//! in `tests/fixtures/docs/expected.toml` (the one place they are written;
//! the CLI tests read the same file through the binary).

use std::path::Path;

use super::process;
use crate::meta::{FolderConfig, Overrides};

#[path = "../../tests/fixtures/docs/expected.rs"]
mod expected;

fn docs_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/docs"))
}

/// The overrides the folder configuration next to `file` gives it, as the
/// ingest applies them.
fn folder_overrides(file: &Path) -> Overrides {
    let config = file.parent().map(|d| d.join("dipsearch.toml"));
    match config.and_then(|c| std::fs::read_to_string(c).ok()) {
        Some(text) => FolderConfig::parse(&text)
            .expect("fixture dipsearch.toml parses")
            .overrides_for(&file.file_name().unwrap().to_string_lossy()),
        None => Overrides::default(),
    }
}

#[test]
fn every_fixture_gives_its_expected_header_and_labels() {
    let expected = expected::load(docs_dir());
    assert!(expected.len() >= 20);
    for w in &expected {
        if w.file.ends_with(".pdf") && !cfg!(feature = "pdf") {
            continue;
        }
        let path = docs_dir().join(&w.file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", w.file));
        let doc = process(&bytes, &w.file, &folder_overrides(&path))
            .unwrap_or_else(|e| panic!("{}: skipped: {e}", w.file));
        let h = &doc.header;
        let f = &w.file;
        let labels: Vec<&str> = doc
            .records
            .iter()
            .map(|r| r.record.paragraph.as_str())
            .collect();
        assert_eq!(labels.join(" "), w.labels, "{f}: labels");
        assert_eq!(h.title, w.title, "{f}: title");
        assert_eq!(h.meeting, w.meeting, "{f}: meeting");
        assert_eq!(h.meeting_id, w.meeting_id, "{f}: meeting_id");
        assert_eq!(h.acronym, w.acronym, "{f}: acronym");
        assert_eq!(h.edition, w.edition, "{f}: edition");
        assert_eq!(h.doc_type.to_string(), w.doc_type, "{f}: doc_type");
        assert_eq!(h.date.map(|d| d.to_string()), w.date, "{f}: date");
        assert_eq!(
            h.date_end.map(|d| d.to_string()),
            w.date_end,
            "{f}: date_end"
        );
        assert_eq!(h.year, w.year, "{f}: year");
        assert_eq!(h.place, w.place, "{f}: place");
        assert_eq!(h.chair, w.chair, "{f}: chair");
        assert_eq!(h.issuer.map(|c| c.to_string()), w.issuer, "{f}: issuer");
        assert_eq!(h.symbol, w.symbol, "{f}: symbol");
        assert_eq!(h.vote, w.vote, "{f}: vote");
        if let Some(want) = &w.headings {
            let got: Vec<&str> = doc
                .records
                .iter()
                .map(|r| r.record.heading.as_deref().unwrap_or("-"))
                .collect();
            assert_eq!(&got.join("|"), want, "{f}: headings");
        }
        if let Some(p) = &w.participants {
            let got: Vec<String> = h.participants.iter().map(|c| c.to_string()).collect();
            assert_eq!(&got, p, "{f}: participants");
        }
    }
}
