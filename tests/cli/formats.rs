//! Issue 4 through the binary: every encoding, format, header layout and
//! numbering style of `tests/fixtures/docs/` (see its README for what each
//! file is), plus the files that must be skipped with a reason.

use std::collections::BTreeMap;

use crate::util::{fixtures, Hit, TestDir};

/// (file, acronym, edition, date, date_end, doc_type, labels)
type Expect = (
    &'static str,
    Option<&'static str>,
    Option<u32>,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    &'static str,
);

const EXPECTED: &[Expect] = &[
    (
        "arf-ism-cttc-2003-cochairs.txt",
        Some("ISM on CTTC"),
        None,
        Some("2003-10-07"),
        None,
        "chairs-summary",
        "1 2 2-1 2-2 3",
    ),
    (
        "astop-2007-results.html",
        Some("ASTOP"),
        Some(4),
        Some("2007-01-25"),
        Some("2007-01-26"),
        "press-release",
        "1 2 2-1 2-2 2-2-1 2-2-2 2-3 3 4",
    ),
    (
        "mofa-astop-2008-results.txt",
        Some("ASTOP"),
        Some(5),
        Some("2008-04-30"),
        None,
        "press-release",
        "1 2 2(1) 2(2) 3(1) 3(2) p1 1~2 2~2",
    ),
    (
        "mofa-astop-2023-press.txt",
        Some("ASTOP"),
        Some(18),
        Some("2023-12-13"),
        None,
        "press-release",
        "1 2 3 3-1 3-1-1 3-1-2 3-2 3-3 4",
    ),
    (
        "arf-ism-npd-2016-cochairs.txt",
        Some("ARF"),
        Some(8),
        Some("2016-04-19"),
        Some("2016-04-20"),
        "chairs-summary",
        "1 2 3 4 5 6 7",
    ),
    (
        "arf-1995-chairmans-statement.txt",
        Some("ARF"),
        Some(2),
        Some("1995-08-01"),
        None,
        "chairs-statement",
        "1 2 3 3(a) 3(b) 3(b)(i) 3(b)(ii) 3(c) 4",
    ),
    (
        "arf-2020-chairmans-statement.md",
        Some("ARF"),
        Some(27),
        Some("2020-09-12"),
        None,
        "chairs-statement",
        "p1 p2 p3 p3-1 p3-2 p3-3 p4 p5 p6",
    ),
    (
        "worldjpn-arf-2005-chairmans-statement.txt",
        Some("ARF"),
        Some(12),
        Some("2005-07-29"),
        None,
        "chairs-statement",
        "1 2 3 4 4(a) 4(b) 5",
    ),
    (
        "arf-isg-cbm-2002-cochairmen.txt",
        Some("ARF"),
        None,
        Some("2001-11-21"),
        Some("2001-11-22"),
        "chairs-summary",
        "1 2 3 3.1 3.2 3.2.1 3.2.2 3.3 4",
    ),
    (
        "trilateral-2005-joint-press-statement.txt",
        None,
        Some(7),
        Some("2005-11-27"),
        None,
        "joint-statement",
        "1 2 2(a) 2(b) 2(c) 3",
    ),
    (
        "apec-2003-leaders-declaration.html",
        None,
        None,
        Some("2003-10-21"),
        None,
        "declaration",
        "p1 p2 p2-1 p2-2 p2-3 p3 p4",
    ),
    (
        "meti-export-control-seminar-2020.txt",
        None,
        Some(27),
        Some("2020-02-17"),
        Some("2020-02-19"),
        "press-release",
        "p1 1(1) 1(2) p2 p3",
    ),
    (
        "kr-mofa-arf-isg-2006.txt",
        Some("ARF"),
        None,
        Some("2006-11-01"),
        Some("2006-11-02"),
        "chairs-summary",
        "1 2 2(a) 2(a)(i) 2(a)(ii) 2(a)(iii) 2(a)(iv) 2(b) 3",
    ),
    (
        "g8-2003-evian-declaration.htm",
        Some("G8"),
        None,
        Some("2003-06-02"),
        None,
        "declaration",
        "I.1 I.2 II.1 II.2 II.3 II.3-1 II.3-2",
    ),
    (
        "g8-2004-action-plan.pdf",
        Some("G8"),
        None,
        Some("2004-06-09"),
        None,
        "report",
        "1 2 3 4",
    ),
    (
        "astop-2007-remarks-front-matter.md",
        Some("ASTOP"),
        Some(4),
        Some("2007-01-25"),
        None,
        "statement",
        "p1 p2 p3 p4 p5",
    ),
    (
        "sg-mfa-arf-ism-npd-2010-press-statement.txt",
        Some("ARF"),
        Some(2),
        Some("2010-07-14"),
        Some("2010-07-15"),
        "press-release",
        "1 2 3 p1 p2",
    ),
];

fn corpus_with_all_fixtures() -> TestDir {
    let t = TestDir::new();
    for (file, ..) in EXPECTED {
        t.copy_in(&fixtures().join("docs").join(file), file);
    }
    for f in ["dipsearch.toml", "NZL_30_1975.txt", "EU_66_2011.txt"] {
        t.copy_in(&fixtures().join("docs/ungd").join(f), &format!("ungd/{f}"));
    }
    t
}

#[test]
fn every_layout_encoding_and_format_ingests_with_its_header_and_labels() {
    let t = corpus_with_all_fixtures();
    let report: serde_json::Value = t.json(["ingest", "--format", "json", "--strict"]);
    assert_eq!(report["skipped"], serde_json::json!([]), "{report}");
    assert_eq!(report["documents"], EXPECTED.len() + 2);
    let mut by_file: BTreeMap<String, Vec<Hit>> = BTreeMap::new();
    for h in t.export() {
        by_file.entry(h.source.clone()).or_default().push(h);
    }
    for (file, acronym, edition, date, _end, doc_type, labels) in EXPECTED {
        let hits = by_file
            .get(*file)
            .unwrap_or_else(|| panic!("{file} not indexed"));
        let got: Vec<&str> = hits.iter().map(|h| h.paragraph.as_str()).collect();
        assert_eq!(got.join(" "), *labels, "{file}: labels");
        let h = &hits[0];
        assert_eq!(h.acronym.as_deref(), *acronym, "{file}: acronym");
        assert_eq!(h.edition, *edition, "{file}: edition");
        assert_eq!(h.date.as_deref(), *date, "{file}: date");
        assert_eq!(h.doc_type, *doc_type, "{file}: doc_type");
        assert!(
            hits.iter().all(|h| !h.text.trim().is_empty()),
            "{file}: empty paragraph"
        );
    }
    // Speeches get their metadata from the folder configuration.
    let eu = &by_file["ungd/EU_66_2011.txt"];
    assert_eq!(eu[0].issuer.as_deref(), Some("EUU"));
    assert_eq!(
        (eu[0].edition, eu[0].year, eu[0].acronym.as_deref()),
        (Some(66), Some(2011), Some("UNGD"))
    );
    assert_eq!(eu[0].doc_type, "statement");
    let nzl = &by_file["ungd/NZL_30_1975.txt"];
    assert_eq!(
        nzl.iter().map(|h| h.paragraph.as_str()).collect::<Vec<_>>(),
        ["114", "115", "116", "117", "118"]
    );
}

#[test]
fn decoded_text_is_faithful_and_searchable_across_encodings() {
    let t = corpus_with_all_fixtures();
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
        all.iter().all(|h| h.text.len() <= 5_000),
        "a paragraph over 5,000 bytes"
    );
    assert!(all.len() > 100);
}
