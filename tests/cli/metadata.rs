//! Issue 4: metadata from folder configuration and front matter, for
//! corpora whose files carry no header (UN General Debate speeches).

use crate::util::{fixtures, TestDir};

const SPEECH_JPN: &str = "\u{feff}It is an honour for me to address the General Assembly
at its fifty-ninth session. Japan has consistently
called for the elimination of weapons of mass destruc-
tion and has worked with its partners in Asia to
strengthen export controls.
Japan will continue to contribute to peace.
";

const SPEECH_KOR: &str = "Allow me to congratulate you, Sir, on your election.
The Republic of Korea attaches great importance to
the non-proliferation of weapons of mass destruction
on the Korean Peninsula and beyond.
";

const CONFIG: &str = "meeting = \"United Nations General Debate\"
acronym = \"UNGD\"
doc_type = \"statement\"
filename = \"{issuer}_{edition}_{year}.txt\"
";

#[test]
fn folder_config_gives_speeches_their_meeting_issuer_and_year() {
    let t = TestDir::with_sample();
    t.write("ungd/dipsearch.toml", CONFIG);
    t.write("ungd/Session 59 - 2004/JPN_59_2004.txt", SPEECH_JPN);
    t.write("ungd/Session 59 - 2004/KOR_59_2004.txt", SPEECH_KOR);
    t.write(
        "ungd/Session 66 - 2011/EU_66_2011.txt",
        "It is an honour to address this Assembly for the first time on\nbehalf of the European Union. The Union supports the Arms Trade\nTreaty process and a strong non-proliferation regime.\n",
    );
    let page = t.search(&[
        "\"weapons of mass destruction\"",
        "--issuer",
        "JPN",
        "--since",
        "2003",
        "--until",
        "2010",
    ]);
    assert_eq!(page.total, 1, "{:?}", page.ids());
    let h = &page.hits[0];
    assert_eq!(h.issuer.as_deref(), Some("JPN"));
    assert_eq!(h.acronym.as_deref(), Some("UNGD"));
    assert_eq!(h.meeting.as_deref(), Some("United Nations General Debate"));
    assert_eq!(h.doc_type, "statement");
    assert_eq!(h.edition, Some(59));
    assert_eq!(h.year, Some(2004));
    assert_eq!(h.date, None, "a year-only document keeps date null");
    // Hyphenation across the line break is repaired.
    assert!(h.text.contains("weapons of mass destruction"), "{}", h.text);
    // Year-only documents match date filters by their year.
    assert_eq!(
        t.search(&[
            "\"weapons of mass destruction\"",
            "--issuer",
            "JPN",
            "--since",
            "2005"
        ])
        .total,
        0
    );
    assert_eq!(
        t.search(&[
            "\"weapons of mass destruction\"",
            "--issuer",
            "Japan",
            "--until",
            "2004-06"
        ])
        .total,
        1
    );
    // The EU's UNGD code is kept.
    let eu = t.search(&["--issuer", "EUU"]);
    assert!(eu.total >= 1);
    assert!(eu
        .hits
        .iter()
        .all(|h| h.issuer.as_deref() == Some("EUU") && h.year == Some(2011)));
    // Filtering by meeting works on acronym and name.
    let by_acronym = t.search(&["--meeting", "UNGD"]);
    assert_eq!(
        by_acronym.total,
        t.search(&["--meeting", "united nations general debate"])
            .total
    );
    assert!(by_acronym
        .hits
        .iter()
        .all(|h| h.acronym.as_deref() == Some("UNGD")));
}

#[test]
fn editing_the_folder_config_reindexes_the_files_it_governs() {
    let t = TestDir::with_sample();
    t.write("ungd/dipsearch.toml", CONFIG);
    t.write("ungd/Session 59 - 2004/JPN_59_2004.txt", SPEECH_JPN);
    t.run(["ingest"]).success();
    t.write("ungd/dipsearch.toml", CONFIG.replace("UNGD", "UNGA"));
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(
        (v["updated"].as_u64(), v["unchanged"].as_u64()),
        (Some(1), Some(1)),
        "{v}"
    );
    assert!(t.search(&["--meeting", "UNGA"]).total >= 1);
    assert_eq!(t.search(&["--meeting", "UNGD"]).total, 0);
}

#[test]
fn front_matter_overrides_the_folder_and_the_header() {
    let t = TestDir::new();
    t.write("dipsearch.toml", "doc_type = \"report\"\n");
    t.write(
        "arf-2005.txt",
        "+++\nmeeting = \"ASEAN Regional Forum\"\nacronym = \"ARF\"\nedition = 12\ndoc_type = \"chairs-statement\"\ndate = 2005-07-29\nplace = \"Vientiane\"\nissuer = \"LAO\"\n+++\n1. The Twelfth Meeting of the ASEAN Regional Forum was held in Vientiane.\n\n2. The Ministers discussed maritime security and counter-terrorism.\n",
    );
    let page = t.search(&["maritime security"]);
    let h = &page.hits[0];
    assert_eq!(h.acronym.as_deref(), Some("ARF"));
    assert_eq!(h.edition, Some(12));
    assert_eq!(h.doc_type, "chairs-statement");
    assert_eq!(h.date.as_deref(), Some("2005-07-29"));
    assert_eq!(h.place.as_deref(), Some("Vientiane"));
    assert_eq!(h.issuer.as_deref(), Some("LAO"));
    assert_eq!(h.paragraph, "2");
    // The front matter itself is not a paragraph.
    assert_eq!(t.search(&["acronym"]).total, 0);
}

#[test]
fn a_bad_folder_config_is_reported_and_ignored() {
    let t = TestDir::with_sample();
    t.write("dipsearch.toml", "acronym = \"X\"\ncolour = \"blue\"\n");
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(v["documents"], 1);
    let skipped = v["skipped"].as_array().cloned().unwrap_or_default();
    assert_eq!(skipped.len(), 1, "{v}");
    assert_eq!(skipped[0]["path"], "dipsearch.toml");
    assert!(
        skipped[0]["reason"]
            .as_str()
            .unwrap_or("")
            .contains("colour"),
        "{v}"
    );
    t.run(["ingest", "--strict"]).code(1);
}

/// A joint declaration of a virtual meeting, laid out as a government
/// site's press page (front matter, a lead paragraph, bold headings): the
/// region its lead sentence names is not a venue, and the guest named by
/// title after `hosted` attends with the host named later.
const VIRTUAL_DECLARATION: &str = "---
date: '2022-05-17'
title: Brazil-Argentina Joint Declaration
---

President Ana Souza hosted Argentine President Tomas Ruiz on May 17 for a
virtual bilateral meeting to review cooperation on energy and to advance
joint projects in Northern Argentina and the Parana basin. Both leaders
reaffirmed the partnership between both countries.

**Energy Cooperation**

The two Presidents agreed to connect their power grids by 2026 and to
attend the regional energy forum hosted by Brazil in October.
";

#[test]
fn a_virtual_meeting_has_no_venue_and_its_guest_attends() {
    let t = TestDir::new();
    t.write(
        "statements/2022-05-17-brazil-argentina.md",
        VIRTUAL_DECLARATION,
    );
    t.run(["ingest", "--quiet"]).success();
    let hits = t.export();
    assert!(!hits.is_empty());
    for h in &hits {
        assert_eq!(h.place, None, "{}", h.id);
        assert_eq!(h.date.as_deref(), Some("2022-05-17"), "{}", h.id);
        assert!(
            h.participants.contains(&"ARG".to_string()),
            "{:?}",
            h.participants
        );
    }
}

/// A G7 statement copied with its closing `Issued on` line: the date comes
/// from that line, the ministers' countries attend, and the country the
/// statement condemns does not.
#[test]
fn a_closing_issued_on_line_dates_the_statement_and_the_condemned_country_is_no_participant() {
    let t = TestDir::new();
    t.copy_in(
        &fixtures().join("docs/real-layouts/issued-on-g7-fmm-2030-statement.txt"),
        "g7/issued-on-g7-fmm-2030-statement.txt",
    );
    t.copy_in(
        &fixtures().join("docs/real-layouts/check-against-delivery-ungd-2030-statement.txt"),
        "speeches/check-against-delivery-ungd-2030-statement.txt",
    );
    t.run(["ingest", "--quiet"]).success();
    let hits = t.export();
    let g7: Vec<_> = hits
        .iter()
        .filter(|h| h.source.starts_with("g7/"))
        .collect();
    assert_eq!(g7.len(), 2);
    for h in &g7 {
        assert_eq!(h.date.as_deref(), Some("2030-04-03"), "{}", h.id);
        assert!(
            h.participants.contains(&"JPN".to_string()),
            "{:?}",
            h.participants
        );
        assert!(
            !h.participants.contains(&"PRK".to_string()),
            "{:?}",
            h.participants
        );
        assert!(!h.text.starts_with("Issued on"));
    }
    let speech: Vec<_> = hits
        .iter()
        .filter(|h| h.source.starts_with("speeches/"))
        .collect();
    assert_eq!(speech.len(), 3, "`Check against delivery` is no paragraph");
    assert!(speech.iter().all(|h| h.issuer.as_deref() == Some("SEN")));
}
