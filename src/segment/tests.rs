//! Segmentation tests on the sample and on the fixture documents.

use super::*;
use crate::model::DocType;

fn labels(s: &Segmented) -> Vec<&str> {
    s.paragraphs.iter().map(|p| p.label.as_str()).collect()
}

#[test]
fn sample_astop_2003() {
    let s = segment_text(include_str!("../../corpus/astop-2003-tokyo.txt"));
    assert_eq!(
        labels(&s),
        [
            "1", "2", "3", "3(a)", "3(b)", "4", "4(a)", "4(b)", "4(c)", "4(d)", "4(e)", "5", "6",
            "7"
        ]
    );
    let h = &s.header;
    assert_eq!(
        h.meeting.as_deref(),
        Some("Asian Senior-level Talks on Non-Proliferation")
    );
    assert_eq!(h.acronym.as_deref(), Some("ASTOP"));
    assert_eq!(h.place.as_deref(), Some("Tokyo"));
    assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2003-11-13"));
    assert_eq!(h.date_end, None);
    assert_eq!(h.year, Some(2003));
    assert_eq!(h.doc_type, DocType::ChairsSummary);
    assert_eq!(h.edition, None);
    assert_eq!(h.chair.as_deref(), Some("Ambassador Yukiya Amano"));
    assert_eq!(
        h.title.as_deref(),
        Some("Asian Senior-level Talks on Non-Proliferation (ASTOP)")
    );
    let p3 = &s.paragraphs[2];
    let p3a = &s.paragraphs[3];
    assert_eq!(p3a.parent.as_deref(), Some("3"));
    assert_eq!(p3a.context.as_deref(), Some(p3.text.as_str()));
    assert!(p3a
        .text
        .starts_with("The meeting recalled the G8 Declaration"));
    assert!(s
        .paragraphs
        .iter()
        .all(|p| !p.text.contains("Back to Index")));
    assert!(s.paragraphs[0]
        .text
        .starts_with("The Asian Senior-level Talks"));
    for (i, p) in s.paragraphs.iter().enumerate() {
        assert_eq!(p.ordinal as usize, i);
        assert_eq!(p.heading, None);
    }
    assert_eq!(s.paragraphs[11].parent, None);
}

fn run(bytes: &[u8], name: &str) -> Segmented {
    let format = crate::decode::SourceFormat::from_path(std::path::Path::new(name))
        .unwrap_or_else(|| panic!("no format for {name}"));
    let text = crate::decode::decode(bytes, format).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (_, body) =
        crate::meta::split_front_matter(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    segment_text(body)
}

/// Segments a fixture and checks what holds for every document: ordinals
/// in order, one-line paragraphs without double spaces, and each child's
/// context is its parent's text. The expected header fields and labels of
/// every fixture are in `tests/fixtures/docs/expected.toml`, checked
/// through the whole pipeline by `pipeline::tests`.
fn check(name: &str, bytes: &[u8]) -> Segmented {
    let s = run(bytes, name);
    for (i, p) in s.paragraphs.iter().enumerate() {
        assert_eq!(p.ordinal as usize, i, "{name}: ordinal");
        assert!(
            !p.text.is_empty() && !p.text.contains("  ") && !p.text.contains('\n'),
            "{name}: {p:?}"
        );
        if let Some(parent) = &p.parent {
            let parent_text = s
                .paragraphs
                .iter()
                .find(|q| &q.label == parent)
                .map(|q| q.text.as_str());
            assert_eq!(
                p.context.as_deref(),
                parent_text,
                "{name}: context of {}",
                p.label
            );
        }
    }
    s
}

macro_rules! fixture {
    ($file:literal) => {
        (
            $file,
            &include_bytes!(concat!("../../tests/fixtures/docs/", $file))[..],
        )
    };
}

fn para<'a>(s: &'a Segmented, label: &str) -> &'a crate::model::Paragraph {
    s.paragraphs
        .iter()
        .find(|p| p.label == label)
        .unwrap_or_else(|| panic!("no paragraph {label}"))
}

#[test]
fn layout_a_title_place_date_type_bullets() {
    let (n, b) = fixture!("arf-ism-cttc-2003-cochairs.txt");
    let s = check(n, b);
    assert_eq!(para(&s, "2-2").parent.as_deref(), Some("2"));
    assert!(s.paragraphs.iter().all(|p| p.text != "Page top"));
}

#[test]
fn layout_b_html_results_page_takes_meeting_date_from_body() {
    let (n, b) = fixture!("astop-2007-results.html");
    let s = check(n, b);
    assert_eq!(para(&s, "2-2-1").parent.as_deref(), Some("2-2"));
    assert!(para(&s, "2").text.ends_with("confirmed as follows:-"));
    assert!(s
        .paragraphs
        .iter()
        .all(|p| !p.text.contains("Back to Index") && !p.text.contains("tracking")));
}

#[test]
fn layout_b_merged_sub_item_and_restarted_numbering() {
    let (n, b) = fixture!("mofa-astop-2008-results.txt");
    let s = check(n, b);
    // "3." has no text of its own (merged "3. (1)"): no parent paragraph.
    assert_eq!(para(&s, "3(1)").parent, None);
    assert_eq!(para(&s, "3(2)").parent, None);
    assert_eq!(para(&s, "2(2)").parent.as_deref(), Some("2"));
    assert_eq!(
        para(&s, "1~2").text,
        "First Meeting (Tokyo) November 13, 2003"
    );
}

#[test]
fn layout_c_press_release_banner_bare_numbers_nested_bullets() {
    let (n, b) = fixture!("mofa-astop-2023-press.txt");
    let s = check(n, b);
    assert_eq!(para(&s, "3-1-2").text, "the situation in the Middle East.");
    assert!(para(&s, "4").text.contains("\"Hiroshima Action Plan\""));
}

#[test]
fn layout_d_caps_block_hard_wrapped_utf16() {
    let (n, b) = fixture!("arf-ism-npd-2016-cochairs.txt");
    let s = check(n, b);
    let headings: Vec<Option<&str>> = s.paragraphs.iter().map(|p| p.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [
            Some("Introduction"),
            Some("Introduction"),
            Some("Adoption of the Agenda"),
            Some("Non-Proliferation"),
            Some("Non-Proliferation"),
            Some("Disarmament"),
            Some("Peaceful Uses of Nuclear Energy"),
        ]
    );
    let p4 = &para(&s, "4").text;
    assert!(p4.contains("Treaty. Participants welcomed"), "{p4}");
    let p5 = &para(&s, "5").text;
    assert!(
        p5.contains("United Nations Security Council resolution 1540"),
        "{p5}"
    );
    assert!(
        p5.ends_with("officers in the non-proliferation field."),
        "{p5}"
    );
    assert!(para(&s, "6").text.ends_with("a step-by-step approach."));
    assert!(s
        .paragraphs
        .iter()
        .all(|p| !p.text.contains("Co-Chairs' Summary Report")));
}

#[test]
fn layout_e_type_first_windows_1252_letters_and_romans() {
    let (n, b) = fixture!("arf-1995-chairmans-statement.txt");
    let s = check(n, b);
    assert!(para(&s, "2").text.contains("\u{201c}d\u{e9}tente\u{201d}"));
    assert_eq!(para(&s, "3(b)(ii)").parent.as_deref(), Some("3(b)"));
    assert_eq!(
        para(&s, "3(b)").text,
        "Stage II: development of preventive diplomacy mechanisms, in particular:"
    );
}

#[test]
fn layout_f_type_and_meeting_in_caps_markdown_unnumbered() {
    let (n, b) = fixture!("arf-2020-chairmans-statement.md");
    let s = check(n, b);
    assert_eq!(
        para(&s, "p1").heading.as_deref(),
        Some("OVERVIEW OF THE ARF PROCESS")
    );
    assert_eq!(
        para(&s, "p4").heading.as_deref(),
        Some("REGIONAL AND INTERNATIONAL ISSUES")
    );
    assert!(para(&s, "p3")
        .text
        .contains("the Ha Noi Plan of Action II and tasked"));
    assert!(para(&s, "p2")
        .text
        .contains("for political and security dialogue in"));
}

#[test]
fn layout_g_bracketed_record() {
    let (n, b) = fixture!("worldjpn-arf-2005-chairmans-statement.txt");
    let s = check(n, b);
    assert_eq!(para(&s, "4(b)").heading.as_deref(), Some("Regional Issues"));
    assert_eq!(
        para(&s, "5").heading.as_deref(),
        Some("Future Direction of the ARF")
    );
}

#[test]
fn layout_h_two_meetings_decimal_numbering_lettered_sections() {
    let (n, b) = fixture!("arf-isg-cbm-2002-cochairmen.txt");
    let s = check(n, b);
    assert_eq!(para(&s, "3.2.1").parent.as_deref(), Some("3.2"));
    assert_eq!(para(&s, "3.1").parent.as_deref(), Some("3"));
    assert_eq!(para(&s, "1").heading.as_deref(), Some("INTRODUCTION"));
    assert_eq!(
        para(&s, "3").heading.as_deref(),
        Some("Exchange of Views on the Regional Security Situation")
    );
    assert_eq!(
        para(&s, "4").heading.as_deref(),
        Some("Confidence Building Measures")
    );
}

#[test]
fn layout_i_parenthesised_place_date_and_letter_items() {
    let (n, b) = fixture!("trilateral-2005-joint-press-statement.txt");
    let s = check(n, b);
    assert!(para(&s, "2(c)").text.starts_with("to promote exchanges"));
}

#[test]
fn layout_j_pipe_separated_html_bullets_headings() {
    let (n, b) = fixture!("apec-2003-leaders-declaration.html");
    let s = check(n, b);
    assert_eq!(
        para(&s, "p1").heading.as_deref(),
        Some("Bangkok Declaration on Partnership for the Future")
    );
    assert_eq!(
        para(&s, "p2-1").heading.as_deref(),
        Some("Advancing Trade and Investment")
    );
    assert!(para(&s, "p1")
        .text
        .contains("\u{201c}A World of Differences"));
    assert!(s
        .paragraphs
        .iter()
        .all(|p| !p.text.contains("Skip to") && !p.text.contains("About Us")));
}

#[test]
fn layout_k_breadcrumbs_numbered_sections_prose_date_range() {
    let (n, b) = fixture!("meti-export-control-seminar-2020.txt");
    let s = check(n, b);
    assert_eq!(
        para(&s, "1(1)").heading.as_deref(),
        Some("Outline of the seminar")
    );
    assert_eq!(
        para(&s, "p2").heading.as_deref(),
        Some("Background of the seminar")
    );
    assert_eq!(para(&s, "p3").heading.as_deref(), Some("Opening remarks"));
    assert!(para(&s, "1(2)")
        .text
        .contains("[i] the strengthening of enforcement; [ii]"));
}

#[test]
fn layout_l_tag_line_and_repeated_title() {
    let (n, b) = fixture!("kr-mofa-arf-isg-2006.txt");
    let s = check(n, b);
    assert_eq!(para(&s, "2(a)(iv)").parent.as_deref(), Some("2(a)"));
}

#[test]
fn utf16_big_endian_declaration_named_after_its_forum() {
    let (n, b) = fixture!("asem-2003-political-declaration.txt");
    let s = check(n, b);
    assert_eq!(
        para(&s, "2(2)").context.as_deref(),
        Some("We recognise that:")
    );
}

#[test]
fn roman_parts_with_restarting_numbers_html_latin1() {
    let (n, b) = fixture!("g8-2003-evian-declaration.htm");
    let s = check(n, b);
    assert_eq!(para(&s, "II.1").heading.as_deref(), Some("Instruments"));
    assert_eq!(para(&s, "II.1").parent, None);
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_with_running_header_page_numbers_and_hyphenation() {
    let (n, b) = fixture!("g8-2004-action-plan.pdf");
    let s = check(n, b);
    assert_eq!(
        para(&s, "3").text,
        "We support the Proliferation Security Initiative and welcome the growing number of states that endorse its Statement of Interdiction Principles."
    );
    assert!(s
        .paragraphs
        .iter()
        .all(|p| !p.text.contains("Sea Island Summit")));
}

#[test]
fn front_matter_speech_with_date_first_line() {
    let (n, b) = fixture!("astop-2007-remarks-front-matter.md");
    check(n, b);
    let text = String::from_utf8_lossy(b);
    let (o, _) = crate::meta::split_front_matter(&text).unwrap();
    let o = o.unwrap();
    assert_eq!(o.issuer.map(|c| c.to_string()).as_deref(), Some("JPN"));
    assert_eq!(o.participants.map(|p| p.len()), Some(5));
}

#[test]
fn press_statement_footnotes_separators_and_sign_off() {
    let (n, b) = fixture!("sg-mfa-arf-ism-npd-2010-press-statement.txt");
    let s = check(n, b);
    assert!(para(&s, "1")
        .text
        .ends_with("attended by 24 ARF participants."));
    assert!(para(&s, "1")
        .text
        .contains("14 to 15 July 2010. The meeting"));
    assert_eq!(
        para(&s, "p1").text,
        "The 1st ARF ISM on NPD was held in Beijing in July 2009."
    );
}

#[test]
fn ungd_old_speech_keeps_verbatim_numbers() {
    let (n, b) = fixture!("ungd/NZL_30_1975.txt");
    let s = check(n, b);
    assert!(para(&s, "116")
        .text
        .contains("did not achieve more, and we remain deeply concerned"));
}

#[test]
fn ungd_new_speech_hard_wrapped_with_first_line_indents() {
    let (n, b) = fixture!("ungd/EU_66_2011.txt");
    let s = check(n, b);
    assert!(para(&s, "p2")
        .text
        .contains("under the new arrangements agreed last May."));
    assert!(para(&s, "p3")
        .text
        .contains("The non-proliferation regime faces"));
    assert!(para(&s, "p3").text.contains("its international obligations and to cooperate with the International Atomic Energy Agency."));
    let cfg = crate::meta::FolderConfig::parse(include_str!(
        "../../tests/fixtures/docs/ungd/dipsearch.toml"
    ))
    .unwrap();
    let o = cfg.overrides_for("EU_66_2011.txt");
    assert_eq!(o.issuer.map(|c| c.to_string()).as_deref(), Some("EUU"));
    assert_eq!((o.edition, o.year), (Some(66), Some(2011)));
    assert_eq!(o.doc_type, Some(DocType::Statement));
}

#[test]
fn annexed_participant_lists_are_dropped() {
    let s = segment_text(
        "Co-Chairs' Summary Report\nManila, 5 May 2012\n\n1. The meeting was held.\n\nANNEX A: LIST OF PARTICIPANTS\n\nAustralia\nMr. John Smith, First Assistant Secretary\n\nBrunei Darussalam\n\nMs. Siti Aminah, Director of the Regional Security Division.\n\nANNEX B\n\nThe agenda was adopted.\n",
    );
    assert_eq!(labels(&s), ["1", "p1"]);
    assert_eq!(s.paragraphs[1].heading.as_deref(), Some("ANNEX B"));
}

#[test]
fn menu_bullets_above_the_header_are_navigation() {
    let s = segment_text(
        "• Home\n• About Us\n• Foreign Policy\n\nJoint Press Statement\nTokyo, 5 May 2010\n\n1. The Ministers met.\n\n- They agreed.\n",
    );
    assert_eq!(s.header.doc_type, DocType::JointStatement);
    assert_eq!(labels(&s), ["1", "1-1"]);
    // Without a header below them, bullets stay paragraphs.
    let s = segment_text("- Short item\n- Another item\n");
    assert_eq!(labels(&s), ["b1", "b2"]);
}

#[test]
fn date_first_page_then_title() {
    let s = segment_text(
        "February 19, 2020\n\nThe 27th Asian Export Control Seminar\n\nRegional Trends\n\nThe seminar was held in Tokyo from February 17 to 19, 2020.\n",
    );
    assert_eq!(
        s.header.title.as_deref(),
        Some("The 27th Asian Export Control Seminar")
    );
    assert_eq!(s.header.edition, Some(27));
    assert_eq!(
        s.header.date.map(|d| d.to_string()).as_deref(),
        Some("2020-02-17")
    );
    assert_eq!(
        s.header.date_end.map(|d| d.to_string()).as_deref(),
        Some("2020-02-19")
    );
    assert_eq!(labels(&s), ["p1"]);
    assert_eq!(s.paragraphs[0].heading.as_deref(), Some("Regional Trends"));
}

#[test]
fn sentence_case_headings_between_paragraphs_of_unnumbered_text() {
    let s = segment_text(
        "Ruritania and Borduria conclude river talks\n\n\
         The delegations of Ruritania and Borduria concluded two days of talks on the shared river basin in Strelsau today.\n\n\
         Key outcomes\n\n\
         Both sides agreed to exchange hydrological data every month and to set up a joint working group on floods.\n\n\
         We cannot\n\n\
         Accept that the gauges stay closed for the season, the delegation of Borduria said at the end of the talks.\n",
    );
    let heading = |text: &str| {
        s.paragraphs
            .iter()
            .find(|p| p.text.starts_with(text))
            .and_then(|p| p.heading.clone())
    };
    assert_eq!(
        heading("Both sides agreed").as_deref(),
        Some("Key outcomes")
    );
    // A sentence broken off is no heading.
    assert!(s.paragraphs.iter().any(|p| p.text == "We cannot"));
}

#[test]
fn a_stamp_or_a_place_and_date_heads_no_paragraphs() {
    let text = "Joint Press Statement on the Trilateral Trade Talks\n\nTokyo, 26 May 2034\n\n\
                1. Leaders of the three countries agreed to relaunch negotiations on a trade pact.\n\n\
                May 27, 2034 18:40 JST\n\n\
                2. The ministers will meet again in Seoul before the end of the year to review the text.\n\n\
                3. Officials said the talks would cover supply chains and the digital economy.\n\n\
                Kingston, Jamaica, 24 July 2034\n\n\
                4. The delegations also discussed the financing of the secretariat for the coming years.\n";
    let s = segment_text(text);
    assert_eq!(labels(&s), ["1", "2", "3", "p1", "4"]);
    assert!(
        s.paragraphs.iter().all(|p| p.heading.is_none()),
        "{:?}",
        s.paragraphs
    );
    // The stamp is furniture; a place and date in the text is kept.
    assert!(s.paragraphs.iter().all(|p| !p.text.contains("18:40")));
    assert_eq!(s.paragraphs[3].text, "Kingston, Jamaica, 24 July 2034");
}

#[test]
fn a_compound_broken_after_one_of_its_hyphens_keeps_it() {
    let s = super::segment_text(
        "Joint Statement\n\n1. The two sides agreed to expand people-to-\npeople exchanges and\nstrengthen cooperation in agri-\nculture, with non-govern-\nmental bodies, in the field of educa-\ntion between their peoples.\n",
    );
    let text = &s.paragraphs[0].text;
    assert!(text.contains("expand people-to-people exchanges"), "{text}");
    assert!(
        text.contains("agriculture, with non-governmental bodies, in the field of education"),
        "{text}"
    );
}

#[test]
fn decimal_sections_head_their_paragraphs_and_hanging_indents_go_on() {
    let s = super::segment_text(
        "JOINT COMMUNIQUE\n\n1.0   INTRODUCTION\n\n\
1.1   The Third Session of the Lagoon Joint Permanent Commission (JPC)\n      was held in Apia from 3 to 5 May 2038, and the delegations reviewed\n      the decisions of the Second Session in detail.\n\n\
1.2   The delegations were led by the two Ministers of Foreign Affairs and\n      included senior officials of the ministries of trade and fisheries.\n\n\
2.0   TRADE AND FISHERIES\n\n\
2.1   The two sides agreed to harmonise their rules on catch certificates\n      and to review the shared quota at the next session in Nukualofa.\n",
    );
    let got: Vec<(&str, Option<&str>)> = s
        .paragraphs
        .iter()
        .map(|p| (p.label.as_str(), p.heading.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("1.1", Some("INTRODUCTION")),
            ("1.2", Some("INTRODUCTION")),
            ("2.1", Some("TRADE AND FISHERIES")),
        ]
    );
    assert!(s.paragraphs[0]
        .text
        .contains("Commission (JPC) was held in Apia"));
}
