use super::text::{format, Style};
use super::*;
use crate::model::MeetingHeader;

fn record(source: &str, label: &str, header: MeetingHeader) -> ParagraphRecord {
    ParagraphRecord {
        id: format!("{source}#{label}"),
        source: source.into(),
        header,
        paragraph: label.into(),
        ordinal: 3,
        parent: None,
        context: None,
        heading: None,
        text: "The participants welcomed the Six-Party Talks.".into(),
        countries: Vec::new(),
        instruments: Vec::new(),
        topics: Vec::new(),
        groups: Vec::new(),
    }
}

fn arf() -> MeetingHeader {
    MeetingHeader {
        title: Some(
            "CHAIRMAN'S STATEMENT OF THE TWELFTH MEETING OF THE ASEAN REGIONAL FORUM".into(),
        ),
        meeting: Some("ASEAN Regional Forum".into()),
        acronym: Some("ARF".into()),
        edition: Some(12),
        doc_type: DocType::ChairsStatement,
        date: Date::new(2005, 7, 29),
        year: Some(2005),
        place: Some("Vientiane".into()),
        ..MeetingHeader::default()
    }
}

fn resolution() -> MeetingHeader {
    MeetingHeader {
        title: Some("Resolution 1540 (2004)".into()),
        meeting: Some("United Nations Security Council".into()),
        acronym: Some("UNSC".into()),
        edition: Some(4956),
        doc_type: DocType::Resolution,
        date: Date::new(2004, 4, 28),
        year: Some(2004),
        symbol: Some("S/RES/1540 (2004)".into()),
        ..MeetingHeader::default()
    }
}

fn speech() -> MeetingHeader {
    MeetingHeader {
        meeting: Some("General Debate of the United Nations General Assembly".into()),
        acronym: Some("UNGD".into()),
        edition: Some(30),
        doc_type: DocType::Statement,
        year: Some(1975),
        place: Some("New York".into()),
        issuer: "NZL".parse().ok(),
        ..MeetingHeader::default()
    }
}

#[test]
fn outcome_documents_in_three_styles() {
    let c = citation(&record("arf/2005.txt", "4(d)", arf()));
    assert_eq!(c.kind, Kind::Report);
    assert_eq!(c.key, "2005:4-d");
    assert_eq!(
        format(&c, Style::Un),
        "Chairman's Statement of the Twelfth Meeting of the ASEAN Regional Forum, Vientiane, 29 July 2005, para. 4(d)."
    );
    assert_eq!(
        format(&c, Style::Oscola),
        "'Chairman's Statement of the Twelfth Meeting of the ASEAN Regional Forum' (Vientiane, 29 July 2005) para 4(d)."
    );
    assert_eq!(
        format(&c, Style::Bluebook),
        "Chairman's Statement of the Twelfth Meeting of the ASEAN Regional Forum ¶ 4(d) (Vientiane, July 29, 2005)."
    );
}

#[test]
fn resolutions_are_cited_by_symbol() {
    let c = citation(&record("S_RES_1540_2004.txt", "3", resolution()));
    assert_eq!(c.kind, Kind::Legislation);
    assert_eq!(
        format(&c, Style::Un),
        "S/RES/1540 (2004) of 28 April 2004, para. 3."
    );
    assert_eq!(
        format(&c, Style::Oscola),
        "UNSC Res 1540 (28 April 2004) UN Doc S/RES/1540, para 3."
    );
    assert_eq!(
        format(&c, Style::Bluebook),
        "S.C. Res. 1540, ¶ 3 (Apr. 28, 2004)."
    );
    let item = csl::item(&c);
    assert_eq!(item.kind, "legislation");
    assert_eq!(
        item.authority.as_deref(),
        Some("United Nations Security Council")
    );
    assert!(item.author.is_empty());
    assert_eq!(item.number.as_deref(), Some("S/RES/1540 (2004)"));
}

#[test]
fn speeches_name_the_speaking_country_and_the_session() {
    let c = citation(&record("ungd/NZL_30_1975.txt", "114", speech()));
    assert_eq!(c.kind, Kind::Speech);
    assert_eq!(c.author.as_deref(), Some("New Zealand"));
    assert_eq!(
        format(&c, Style::Un),
        "Statement by New Zealand, General Debate of the United Nations General Assembly (UNGD), 30th session, New York, 1975, para. 114."
    );
    assert_eq!(
        format(&c, Style::Oscola),
        "Statement by New Zealand (General Debate of the United Nations General Assembly (UNGD), 30th session, New York, 1975) para 114."
    );
    let item = csl::item(&c);
    assert_eq!(item.kind, "speech");
    assert_eq!(item.issued.map(|d| d.date_parts), Some(vec![vec![1975]]));
}

#[test]
fn our_own_numbering_is_marked_unofficial() {
    let c = citation(&record("arf/2005.txt", "p11", arf()));
    assert!(c.pinpoint.own);
    assert!(format(&c, Style::Un).ends_with(", para. [p11] (numbering not in the original)."));
    assert!(format(&c, Style::Bluebook).contains("¶ [p11] (numbering not in the original)"));
    assert_eq!(
        csl::item(&c).locator,
        "[p11] (numbering not in the original)"
    );
    let annex = citation(&record("S_RES_1540_2004.txt", "annexA.2", resolution()));
    assert!(!annex.pinpoint.own);
    assert_eq!(
        format(&annex, Style::Un),
        "S/RES/1540 (2004) of 28 April 2004, annex A, para. 2."
    );
    assert_eq!(csl::item(&annex).locator, "2 (annex A)");
}

#[test]
fn the_meeting_and_type_are_named_when_the_title_does_not() {
    let h = MeetingHeader {
        title: Some("Asian Senior-level Talks on Non-Proliferation (ASTOP)".into()),
        doc_type: DocType::ChairsSummary,
        ..arf()
    };
    let c = citation(&record("astop.txt", "1", h));
    assert_eq!(
        format(&c, Style::Un),
        "Asian Senior-level Talks on Non-Proliferation (ASTOP), Chair's Summary, ASEAN Regional Forum (ARF), 12th meeting, Vientiane, 29 July 2005, para. 1."
    );
    let ranged = MeetingHeader {
        date: Date::new(2001, 11, 21),
        date_end: Date::new(2001, 11, 22),
        ..arf()
    };
    let c = citation(&record("isg.txt", "1", ranged));
    assert!(format(&c, Style::Un).contains(", 21–22 November 2001, "));
    assert!(format(&c, Style::Bluebook).contains("(Vientiane, Nov. 21–22, 2001)"));
    let across = MeetingHeader {
        date: Date::new(2024, 4, 29),
        date_end: Date::new(2024, 5, 1),
        ..arf()
    };
    let c = citation(&record("x.txt", "1", across));
    assert!(format(&c, Style::Un).contains(", 29 April – 1 May 2024, "));
}

#[test]
fn a_meeting_is_named_by_whole_words_only() {
    let h = MeetingHeader {
        title: Some("Joint Communiqué on the Work Programme".into()),
        meeting: Some("ASEAN Foreign Ministers' Meeting".into()),
        acronym: Some("AMM".into()),
        edition: None,
        doc_type: DocType::Communique,
        ..arf()
    };
    let c = citation(&record("amm.txt", "3", h));
    assert_eq!(
        format(&c, Style::Un),
        "Joint Communiqué on the Work Programme, ASEAN Foreign Ministers' Meeting (AMM), Vientiane, 29 July 2005, para. 3."
    );
}

#[test]
fn press_releases_with_an_address_are_web_pages() {
    let h = MeetingHeader {
        title: Some("The Results of the Fifth ASTOP".into()),
        doc_type: DocType::PressRelease,
        url: Some("https://example.org/press/2008/astop_5.html".into()),
        ..arf()
    };
    let c = citation(&record("p.txt", "1", h));
    assert_eq!(csl::item(&c).kind, "webpage");
    assert!(format(&c, Style::Un)
        .ends_with("para. 1. Available from https://example.org/press/2008/astop_5.html."));
    assert!(ris::record(&c).starts_with("TY  - ELEC\n"));
}

#[test]
fn bibtex_escapes_what_tex_reads_specially() {
    assert_eq!(
        bibtex::escape("R&D 100% of_the #1 ${x} a~b^c \\d"),
        "R\\&D 100\\% of\\_the \\#1 \\$\\{x\\} a\\textasciitilde{}b\\textasciicircum{}c \\textbackslash{}d"
    );
    let h = MeetingHeader {
        title: Some("Joint Statement on R&D: 100% {compliance}".into()),
        url: Some("https://example.org/a b{c}".into()),
        ..arf()
    };
    let e = bibtex::entry(&citation(&record("j.txt", "2", h)));
    assert!(e.starts_with("@techreport{j:2,\n"), "{e}");
    assert!(
        e.contains("  title = {{Joint Statement on R\\&D: 100\\% \\{compliance\\}}},\n"),
        "{e}"
    );
    assert!(e.contains("  author = {{ASEAN Regional Forum}},\n"), "{e}");
    assert!(e.contains("  month = jul,\n"), "{e}");
    assert!(
        e.contains("  url = {https://example.org/a%20b%7Bc%7D},\n"),
        "{e}"
    );
}

#[test]
fn ris_values_stay_on_one_line() {
    let h = MeetingHeader {
        title: Some("Chair's Statement\nof the\r\nARF\u{1b}[2J".into()),
        ..arf()
    };
    let r = ris::record(&citation(&record("a.txt", "p2-1", h)));
    for line in r.lines() {
        assert!(line.len() >= 6 && &line[2..6] == "  - ", "{line:?}");
    }
    assert!(
        r.contains("TI  - Chair's Statement of the ARF [2J\n"),
        "{r}"
    );
    assert!(
        r.contains("SE  - para. [p2-1] (numbering not in the original)\n"),
        "{r}"
    );
    assert!(r.ends_with("ER  - \n"));
}

#[test]
fn keys_are_made_unique() {
    let a = citation(&record("a/x.txt", "1", arf()));
    let b = citation(&record("b/x.txt", "1", arf()));
    let mut both = vec![a, b];
    unique_keys(&mut both);
    assert_eq!(both[0].key, "x:1");
    assert_eq!(both[1].key, "x:1-2");
}

#[test]
fn ordinals() {
    let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 112]
        .map(ordinal)
        .to_vec();
    assert_eq!(
        got,
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "112th"]
    );
}
