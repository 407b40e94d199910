//! Header tests: single lines classified, the fold, doc types, meeting
//! names, chairs and body dates.

use super::*;
use crate::model::{Date, DocType};

#[test]
fn doc_type_phrases() {
    let t = |s: &str| find_doc_type(s).map(|m| m.doc_type);
    assert_eq!(t("Chairman's Summary"), Some(DocType::ChairsSummary));
    assert_eq!(t("CO-CHAIRS’ SUMMARY REPORT"), Some(DocType::ChairsSummary));
    assert_eq!(
        t("Co-Chairmen's Summary Report"),
        Some(DocType::ChairsSummary)
    );
    assert_eq!(t("Co-Chair's Summary"), Some(DocType::ChairsSummary));
    assert_eq!(t("Summary Report"), Some(DocType::ChairsSummary));
    assert_eq!(t("Chairman's Statement"), Some(DocType::ChairsStatement));
    assert_eq!(t("Chairmen's Statement"), Some(DocType::ChairsStatement));
    assert_eq!(t("Joint Press Statement"), Some(DocType::JointStatement));
    assert_eq!(t("Joint Statement"), Some(DocType::JointStatement));
    assert_eq!(t("Press Releases"), Some(DocType::PressRelease));
    assert_eq!(
        t("MFA Press Statement: 2nd ARF"),
        Some(DocType::PressRelease)
    );
    assert_eq!(t("Political Declaration"), Some(DocType::Declaration));
    assert_eq!(t("Leaders' Declaration"), Some(DocType::Declaration));
    assert_eq!(t("Joint Communiqué"), Some(DocType::Communique));
    assert_eq!(t("Joint Communique"), Some(DocType::Communique));
    assert_eq!(
        t("Remarks by the Parliamentary Vice-Minister"),
        Some(DocType::Statement)
    );
    assert_eq!(t("Action Plan on Nonproliferation"), Some(DocType::Report));
    assert_eq!(t("Report of the Co-Chairs"), Some(DocType::Report));
    assert_eq!(
        t("The Results of the Fifth ASTOP"),
        Some(DocType::PressRelease)
    );
    assert_eq!(t("Tokyo, 13th November, 2003"), None);
}

#[test]
fn meeting_names_acronyms_editions() {
    let m = meeting_info("Asian Senior-level Talks on Non-Proliferation (ASTOP)");
    assert_eq!(
        m.meeting.as_deref(),
        Some("Asian Senior-level Talks on Non-Proliferation")
    );
    assert_eq!(m.acronym.as_deref(), Some("ASTOP"));
    assert_eq!(m.edition, None);
    let m = meeting_info("CHAIRMAN'S STATEMENT OF THE 27th ASEAN REGIONAL FORUM");
    assert_eq!(m.meeting.as_deref(), Some("ASEAN Regional Forum"));
    assert_eq!((m.acronym.as_deref(), m.edition), (Some("ARF"), Some(27)));
    let m = meeting_info(
        "EIGHTH ASEAN REGIONAL FORUM INTER-SESSIONAL MEETING ON NON-PROLIFERATION AND DISARMAMENT",
    );
    assert_eq!(
        m.meeting.as_deref(),
        Some("ASEAN Regional Forum Inter-Sessional Meeting on Non-Proliferation and Disarmament")
    );
    assert_eq!(m.edition, Some(8));
    let m = meeting_info("Chairman's Statement of the Twelfth Meeting of the ASEAN Regional Forum");
    assert_eq!(m.meeting.as_deref(), Some("ASEAN Regional Forum"));
    assert_eq!(m.edition, Some(12));
    let m = meeting_info("The 18th Asia Senior-Level Talks on Non-Proliferation (ASTOP)");
    assert_eq!(m.edition, Some(18));
    assert_eq!(m.acronym.as_deref(), Some("ASTOP"));
    let m = meeting_info("G8 Declaration on Non-Proliferation of Weapons of Mass Destruction");
    assert_eq!(m.meeting, None);
    let m = meeting_info("Co-Chairs' Summary Report of the 8th ARF ISM on NPD");
    assert_eq!(m.meeting.as_deref(), Some("ARF ISM on NPD"));
    assert_eq!((m.acronym.as_deref(), m.edition), (Some("ARF"), Some(8)));
    let m = meeting_info("The 1st Asian Export Control Policy Dialogue");
    assert_eq!(
        m.meeting.as_deref(),
        Some("Asian Export Control Policy Dialogue")
    );
    assert_eq!((m.acronym, m.edition), (None, Some(1)));
    let m = meeting_info("The Eleventh Asian Senior-level Talks on Non-Proliferation (ASTOP-XI)");
    assert_eq!((m.acronym.as_deref(), m.edition), (Some("ASTOP"), Some(11)));
    let m = meeting_info("Chairman's Statement, ARF 18, Bali");
    assert_eq!((m.acronym.as_deref(), m.edition), (Some("ARF"), Some(18)));
}

#[test]
fn ordinals() {
    assert_eq!(ordinal_value("Fourth"), Some(4));
    assert_eq!(ordinal_value("EIGHTH"), Some(8));
    assert_eq!(ordinal_value("27th"), Some(27));
    assert_eq!(ordinal_value("Twenty-First"), Some(21));
    assert_eq!(ordinal_value("Asian"), None);
}

#[test]
fn chairs() {
    assert_eq!(
        chair_from("The meeting was chaired by Ambassador Yukiya Amano, Director-General for Arms Control.").as_deref(),
        Some("Ambassador Yukiya Amano")
    );
    assert_eq!(
        chair_from("The meeting was co-chaired by Mr. Hiroshi Tanaka of Japan and Dr. Lee Min-jun of the Republic of Korea. Next").as_deref(),
        Some("Mr. Hiroshi Tanaka of Japan and Dr. Lee Min-jun of the Republic of Korea")
    );
    assert_eq!(chair_from("The meeting was held in Tokyo."), None);
    assert_eq!(
        chair_from("the Independent Commission chaired by Olof Palme, which reported."),
        None
    );
}

#[test]
fn year_less_body_dates_take_the_nearest_year() {
    let p = |s: &str| s.parse::<Date>().ok();
    let d = |t: &str, pubd: &str| {
        meeting_date_from(t, p(pubd))
            .map(|m| (m.date.to_string(), m.date_end.map(|e| e.to_string())))
    };
    assert_eq!(
        d(
            "The talks will be held on January 17 (Mon.) in Tokyo.",
            "2010-12-24"
        ),
        Some(("2011-01-17".into(), None))
    );
    assert_eq!(
        d(
            "The seminar was held on December 20 and 21 in Tokyo.",
            "2011-01-05"
        ),
        Some(("2010-12-20".into(), Some("2010-12-21".into())))
    );
    // Three years before publication: another meeting recalled.
    assert_eq!(
        d("The meeting was held on May 3, 2008.", "2011-01-05"),
        None
    );
    assert_eq!(
        d("The meeting was held on May 3, 2008.", "2008-05-04"),
        Some(("2008-05-03".into(), None))
    );
    assert_eq!(d("It rained on May 3.", "2011-01-05"), None);
}

#[test]
fn each_kind_of_line() {
    fn c(s: &str) -> HeaderLine<'_> {
        classify(s, None)
    }
    assert_eq!(c(""), HeaderLine::Blank);
    assert_eq!(
        c("[Place] Tokyo"),
        HeaderLine::Field(Field {
            name: FieldName::Place,
            value: "Tokyo"
        })
    );
    assert!(matches!(
        c("[Foo] bar"),
        HeaderLine::Tags(
            TagLine {
                acronym: None,
                rest: "bar"
            },
            _
        )
    ));
    assert_eq!(
        c("Press Releases"),
        HeaderLine::Banner(Some(DocType::PressRelease))
    );
    assert_eq!(
        c("- News Releases"),
        HeaderLine::Furniture {
            menu: true,
            banner: Some(DocType::PressRelease)
        }
    );
    assert_eq!(
        c("Back to Index"),
        HeaderLine::Furniture {
            menu: false,
            banner: None
        }
    );
    assert_eq!(c("• Home"), HeaderLine::Item { menu_like: true });
    assert_eq!(c("1. The meeting"), HeaderLine::Item { menu_like: false });
    assert_eq!(
        c("CO-CHAIRS' SUMMARY REPORT"),
        HeaderLine::TypeLine(DocType::ChairsSummary)
    );
    let HeaderLine::PlaceDate(pd) = c("Tokyo, 13th November, 2003") else {
        panic!("not a place-date line");
    };
    assert_eq!(pd.place.as_deref(), Some("Tokyo"));
    assert_eq!(Some(pd.date.date), "2003-11-13".parse::<Date>().ok());
    let HeaderLine::Tags(tags, _) = c("[ARF] [ISM] The Fourth Inter-Sessional Meeting on Counter-Terrorism and Transnational Crime Manila, 5-6 May 2005") else {
        panic!("not a tag line");
    };
    assert_eq!(tags.acronym, Some("ARF"));
    assert!(matches!(
        c("CHAIRMAN'S STATEMENT OF THE 27th ASEAN REGIONAL FORUM"),
        HeaderLine::Text(TextLine::TypeAndMeeting {
            doc_type: DocType::ChairsStatement,
            ..
        })
    ));
    assert!(matches!(
        c("Introduction"),
        HeaderLine::Text(TextLine::Title { generic: true, .. })
    ));
    assert!(matches!(
        classify("Regional Issues", Some("the ministers met")),
        HeaderLine::Text(TextLine::Prose {
            title_like: true,
            ..
        })
    ));
}

#[test]
fn the_fold_stops_at_a_second_date_and_keeps_menus_without_a_header() {
    let s = read_header(&["Tokyo, 5 May 2010", "Tokyo, 6 May 2010", "text"]);
    assert_eq!(s.body_start, 1);
    assert!(!s.bare_date && s.header.place.as_deref() == Some("Tokyo"));
    let s = read_header(&["• Home", "• About Us", "1. The text."]);
    assert_eq!(s.body_start, 0);
    let s = read_header(&["• Home", "Joint Statement", "1. The text."]);
    assert_eq!(
        (s.body_start, s.header.doc_type),
        (2, DocType::JointStatement)
    );
}

/// A sentence wrapped after a date without its year is prose, not a title.
#[test]
fn a_wrapped_sentence_is_not_a_title() {
    let lines = [
        "We, the leaders of the Group of Seven, met in Cornwall on 11-13 June",
        "2021 determined to beat the pandemic and build back better.",
    ];
    assert!(matches!(
        classify(lines[0], Some(lines[1])),
        HeaderLine::Text(TextLine::Prose { .. })
    ));
}

#[test]
fn a_virtual_meeting_or_a_region_is_not_a_venue() {
    let virtual_meeting = "The Prime Minister hosted the President of Ruritania on 4 May for a \
        virtual bilateral meeting to advance joint projects in Eastern Ruritania.";
    assert_eq!(place_from(virtual_meeting, None), None);
    let by_video = "The ministers met by videoconference and agreed to meet in Lisbon.";
    assert_eq!(place_from(by_video, None), None);
    let region = "The envoys held talks on investment in Northern Borduria.";
    assert_eq!(place_from(region, None), None);
    let held = "The Third Ministerial Meeting was held in Kuala Lumpur on 12 June.";
    assert_eq!(place_from(held, None).as_deref(), Some("Kuala Lumpur"));
    let hosted = "Brazil hosted the delegations in Brasilia for two days of talks.";
    assert_eq!(place_from(hosted, None).as_deref(), Some("Brasilia"));
    // Titles before names do not end the sentence, and a person is no place.
    let titled = "Mr. SATO Ichiro held a meeting with H.E. Dr. Ana Ruiz, Minister of Foreign \
                  Affairs, in Santiago.";
    assert_eq!(place_from(titled, None).as_deref(), Some("Santiago"));
    let person = "Mr. Sato welcomed the guests and looked forward to Minister Ruiz's visit.";
    assert_eq!(place_from(person, None), None);
    // Holding someone to account, and a country's war, are no venues; a
    // city's palace is.
    let account = "We will hold those responsible accountable for abuses in Ruritania.";
    assert_eq!(place_from(account, None), None);
    let war = "The Council met again and condemned the complicity of others in Ruritania’s war.";
    assert_eq!(place_from(war, None), None);
    let palace = "The leaders met in Tokyo’s Iikura House on 3 May.";
    assert_eq!(place_from(palace, None).as_deref(), Some("Tokyo"));
    let hosted = "Japan will hold the next seminar in Tokyo.";
    assert_eq!(place_from(hosted, None).as_deref(), Some("Tokyo"));
    let next = "The three sides agreed to hold the next meeting in Beijing.";
    assert_eq!(place_from(next, None), None);
    let autumn = "They agreed to hold their autumn meeting in Bratislava.";
    assert_eq!(place_from(autumn, None), None);
}

#[test]
fn un_press_symbols_and_meeting_lines() {
    let c = |s| classify(s, None);
    assert_eq!(c("SC/17342"), HeaderLine::Symbol("SC/17342"));
    assert_eq!(c("GA/DIS/3712"), HeaderLine::Symbol("GA/DIS/3712"));
    assert_eq!(c("10412th Meeting (PM)"), HeaderLine::MeetingNumber(10412));
    assert_eq!(
        c("Eightieth Session, 12th & 13th Meetings (AM & PM)"),
        HeaderLine::MeetingNumber(80)
    );
    // Not symbols or meeting lines.
    assert!(!matches!(c("G7/G8"), HeaderLine::Symbol(_)));
    assert!(!matches!(c("24/7"), HeaderLine::Symbol(_)));
    assert_eq!(c("ARF/39/CS/FINAL"), HeaderLine::Symbol("ARF/39/CS/FINAL"));
    assert_eq!(
        c("ARF/ISM-CTTC/28/SR"),
        HeaderLine::Symbol("ARF/ISM-CTTC/28/SR")
    );
    assert!(!matches!(c("EU/UN/AU"), HeaderLine::Symbol(_)));
    assert!(!matches!(
        c("The 12th Meeting was held in Geneva"),
        HeaderLine::MeetingNumber(_)
    ));
    let s = read_header(&[
        "SC/17342",
        "4 March 2030",
        "",
        "Security Council",
        "10412th Meeting (PM)",
        "",
        "Council Extends Panel Mandate, Adopting Resolution 3108 (2030)",
        "",
        "The Security Council this afternoon extended the mandate.",
    ]);
    assert_eq!(s.header.edition, Some(10412));
    assert_eq!(s.header.symbol.as_deref(), Some("SC/17342"));
    assert_eq!(
        s.header.title.as_deref(),
        Some("Council Extends Panel Mandate, Adopting Resolution 3108 (2030)")
    );
    assert_eq!(s.body_start, 7);
}

#[test]
fn a_wire_story_has_its_headline_as_title_and_its_dateline_as_place() {
    let s = read_header(&[
        "Ministers agree to widen export control talks",
        "",
        "JAKARTA, 3 March (ANTARA) - Indonesia and Japan agreed on Monday to widen the talks.",
        "",
        "More text.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Ministers agree to widen export control talks")
    );
    assert_eq!(s.header.place.as_deref(), Some("Jakarta"));
    assert_eq!(s.body_start, 2);
    // A speech opening with a capitals salutation is no wire story.
    let s = read_header(&["Opening words", "", "MR. PRESIDENT - I congratulate you."]);
    assert_eq!(s.header.place, None);
}

#[test]
fn news_furniture_around_a_headline_is_skipped() {
    // A section label, stamps, a byline of two names and a colon dateline.
    let s = read_header(&[
        "Asia",
        "",
        "Ministers voice concern over incidents at sea",
        "",
        "Published: 09 July 2031, 6:42 PM",
        "By Mei Ling Tan and Ahmad Razak",
        "",
        "VIENTIANE: Southeast Asian foreign ministers on Wednesday expressed concern.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Ministers voice concern over incidents at sea")
    );
    assert_eq!(s.header.place.as_deref(), Some("Vientiane"));
    assert_eq!(s.header.date, "2031-07-09".parse().ok());
    assert_eq!(s.body_start, 7);
    // A label beside a stamp, the headline right above the dateline.
    let s = read_header(&[
        "WORLD NEWS | Updated 3 hours ago",
        "Envoys meet on ceasefire terms",
        "DOHA, Oct 14 (Wire) - Envoys met on Tuesday to discuss the terms of a ceasefire.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Envoys meet on ceasefire terms")
    );
    assert_eq!((s.header.place.as_deref(), s.body_start), (Some("Doha"), 2));
    // A colon after capitals is no dateline without a headline above it,
    // nor right under one.
    let s = read_header(&["NOTE: This page summarises the talks held in the capital last week."]);
    assert_eq!(s.header.place, None);
    let s = read_header(&[
        "Envoys meet on ceasefire terms",
        "SUMMARY: Envoys met on Tuesday to discuss the terms of a ceasefire.",
    ]);
    assert_eq!(s.header.place, None);
}

#[test]
fn news_stamps() {
    for line in [
        "Kyodo News",
        "Reuters",
        "March 4, 2031 at 21:05 JST",
        "July 1, 2031 11:20 PM GMT+9",
        "Thu 10 July 2031 06.42 BST",
        "Updated 3 hours ago",
        "5 min read",
        "WORLD NEWS | Updated 3 hours ago",
        "By Mei Ling Tan and Ahmad Razak",
        "By KENJI SATO, Nikkei staff writer",
        "March 3, 2031 5:14 PM GMT+9 Updated 2 hours ago",
        "412-02-03-2031",
        // Past eight words, with the city after the time.
        "Updated - June 09, 2033 08:15 pm IST - CHENNAI",
        "Published - June 09, 2033 07:50 pm IST - NEW DELHI",
    ] {
        assert_eq!(classify(line, None), HeaderLine::Stamp, "{line}");
    }
    // A place and a date, a bare date, a headline: no stamps.
    for line in [
        "Tokyo, March 4, 2031",
        "March 4, 2031",
        "Reuters reports on the talks",
        "By the Ministers of Foreign Affairs",
        "Talks end 3 hours early",
        "By December, when this Administration will",
        "Published by the Ministry of Foreign Affairs of Ruritania and Borduria, 2033",
    ] {
        assert_ne!(classify(line, None), HeaderLine::Stamp, "{line}");
    }
}

#[test]
fn a_newspaper_story_is_read_up_from_its_stamp_past_the_byline() {
    // The paper's name and buttons, a menu, a section trail, the headline,
    // a standfirst, the stamp, the reporter's name alone, buttons, a
    // caption: no wire dateline.
    let lines = [
        "THE EASTERN CHRONICLE",
        "e-Paper",
        "Subscribe",
        "News   States   World   Opinion   Business",
        "News / World",
        "Ruritania, Borduria agree on river patrols to ease fishing disputes",
        "Officials will meet again before the monsoon to review the detained boats",
        "Updated - June 09, 2033 08:15 pm IST - CHENNAI",
        "Kavitha Raman",
        "READ LATER",
        "PRINT",
        "Officials at the opening session. | Photo Credit: Special Arrangement",
        "Ruritania and Borduria on Thursday opened talks on the disputes over fishing in the bay, with officials of both sides meeting for two days.",
        "The talks covered the release of detained fishermen.",
    ];
    let s = read_header(&lines);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Ruritania, Borduria agree on river patrols to ease fishing disputes")
    );
    assert_eq!(s.header.place.as_deref(), Some("Chennai"));
    assert_eq!(
        s.header.date.map(|d| (d.year, d.month, d.day)),
        Some((2033, 6, 9))
    );
    assert_eq!(s.body_start, 12);
    // A name under the stamp is no headline for the stamp to date.
    assert!(super::byline::is_byline("Kavitha Raman"));
    assert!(super::byline::is_byline("By Lim Wei Ling"));
    assert!(!super::byline::is_byline("READ LATER"));
    assert!(!super::byline::is_byline("Joint Statement on the Talks"));
}

#[test]
fn meetings_named_in_press_release_and_news_wordings() {
    for (line, meeting, edition) in [
        (
            "Press Release on the Outcome of the 15th Meeting of the Ruritania-Borduria Joint Commission on Bilateral Cooperation",
            Some("Ruritania-Borduria Joint Commission on Bilateral Cooperation"),
            Some(15),
        ),
        (
            "RURITANIA AND BORDURIA HOLD 7TH SESSION OF THE PERMANENT JOINT COMMISSION FOR COOPERATION",
            Some("Permanent Joint Commission for Cooperation"),
            Some(7),
        ),
        (
            "Commission on Narcotic Drugs concludes its 76th session",
            Some("Commission on Narcotic Drugs"),
            Some(76),
        ),
        (
            "Yokohama Declaration of the Twelfth Tokyo International Conference on African Development",
            Some("Tokyo International Conference on African Development"),
            Some(12),
        ),
        (
            "Joint Statement – Twelfth Ruritania–Borduria Annual Leaders' Dialogue",
            Some("Ruritania–Borduria Annual Leaders' Dialogue"),
            Some(12),
        ),
        (
            "Chair's Statement, Bali Democracy Forum XXV",
            Some("Bali Democracy Forum"),
            Some(25),
        ),
        (
            "142nd Session of the Committee of Ministers: Valletta Declaration on democratic security adopted",
            Some("Committee of Ministers"),
            Some(142),
        ),
        (
            "Eighty-fifth World Health Assembly closes with landmark agreements",
            Some("World Health Assembly"),
            Some(85),
        ),
        (
            "Communiqué issued at the conclusion of the 14th Session of the Ruritania-Borduria High Joint Commission",
            Some("Ruritania-Borduria High Joint Commission"),
            Some(14),
        ),
        (
            "Ruritania and Borduria Hold the 5th Joint Commission on Bilateral Cooperation in Strelsau",
            Some("Joint Commission on Bilateral Cooperation"),
            Some(5),
        ),
        (
            "Ruritania and Oman hold fourth round of Bilateral Political Consultations",
            Some("Bilateral Political Consultations"),
            Some(4),
        ),
        (
            "Viet Nam and Laos hold the 12th Political Consultation at Deputy Foreign Minister level",
            Some("Political Consultation"),
            Some(12),
        ),
        // A common noun, a minister's day, an executive body: no series.
        ("UK and Ruritania hold first dialogue on nuclear disarmament verification", None, Some(1)),
        ("Foreign Minister takes part in CIS Council of Foreign Ministers meeting in Dushanbe", None, None),
        ("United States–European Commission Joint Statement", None, None),
    ] {
        let m = meeting_info(line);
        assert_eq!((m.meeting.as_deref(), m.edition), (meeting, edition), "{line}");
    }
}

#[test]
fn dates_beside_weekdays_bullets_and_stamp_words() {
    let date_of = |line: &str| match classify(line, None) {
        HeaderLine::PlaceDate(pd) => Some((pd.date.date.to_string(), pd.place)),
        _ => None,
    };
    // An abbreviated weekday, a round bullet between city and date.
    assert_eq!(
        date_of("Thu, September 16, 2032"),
        Some(("2032-09-16".into(), None))
    );
    assert_eq!(
        date_of("Wed, 2 June 2032"),
        Some(("2032-06-02".into(), None))
    );
    assert_eq!(
        date_of("Jakarta ● Thu, September 16, 2032"),
        Some(("2032-09-16".into(), Some("Jakarta".into())))
    );
    // A word a site prints beside its date is no place.
    assert_eq!(
        date_of("Released  3 December 2032"),
        Some(("2032-12-03".into(), None))
    );
    assert_eq!(
        date_of("April 14, 2033   Admin   News"),
        Some(("2033-04-14".into(), None))
    );
    // A French page's stamp.
    assert_eq!(classify("Publié le : 05/04/2033", None), HeaderLine::Stamp);
}

#[test]
fn a_headline_over_a_standfirst_over_a_date_is_the_title() {
    let s = read_header(&[
        "IGAD leaders meet in Addis Ababa on the crisis in the region",
        "The bloc's extraordinary summit calls for a ceasefire and pledges to revive the stalled peace deal.",
        "5 Nov 2032",
        "",
        "Leaders of the regional bloc met in Addis Ababa on Tuesday for an extraordinary summit on the fighting, officials said.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("IGAD leaders meet in Addis Ababa on the crisis in the region")
    );
    assert_eq!(
        s.header.date.map(|d| (d.year, d.month, d.day)),
        Some((2032, 11, 5))
    );
    // A sentence alone over the date is no headline.
    let s = read_header(&[
        "The Ministers met in Addis Ababa to discuss the crisis in the region.",
        "5 Nov 2032",
        "",
        "Leaders of the regional bloc met in Addis Ababa on Tuesday for an extraordinary summit on the fighting, officials said.",
    ]);
    assert_eq!(s.header.title, None);
}

#[test]
fn a_boards_labels_and_values_are_fields() {
    assert_eq!(
        classify("Title: Outcome of the 11th Meeting of the Council", None),
        HeaderLine::Field(Field {
            name: FieldName::Title,
            value: "Outcome of the 11th Meeting of the Council"
        })
    );
    assert_eq!(
        classify("Attachment\tChair's Statement.pdf", None),
        HeaderLine::Field(Field {
            name: FieldName::Other,
            value: "Chair's Statement.pdf"
        })
    );
    let s = read_header(&[
        "Ministry of Foreign Affairs",
        "",
        "Press Releases",
        "",
        "Title: Outcome of the 11th Meeting of the Mekong River Partnership Council",
        "Date: 2033-04-22",
        "Views: 2048",
        "Attachment: Chair's Statement.pdf",
        "",
        "1. The 11th Meeting of the Council was held in Vientiane on April 21, 2033.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Outcome of the 11th Meeting of the Mekong River Partnership Council")
    );
    assert_eq!(s.body_start, 8);
    // Other words before a colon are prose.
    assert!(!matches!(
        classify("Titles: the participants agreed", None),
        HeaderLine::Field(_)
    ));
}

#[test]
fn date_fields_organ_lines_and_outcome_titles() {
    let s = read_header(&[
        "Press Releases",
        "Date : 2030-05-14",
        "",
        "Outcome of the 15th Ruritania-Freedonia Senior Officials' Consultation",
        "",
        "1. The Consultation was held on May 14.",
    ]);
    assert_eq!(s.header.date, "2030-05-14".parse().ok());
    assert_eq!(s.header.place, None, "the label is no place");
    assert_eq!(s.header.edition, Some(15));
    let s = read_header(&[
        "GA/DIS/3799",
        "17 October 2030",
        "",
        "General Assembly",
        "First Committee",
        "Eighty-fifth Session, 9th Meeting (AM)",
        "",
        "Speakers Call for Adherence to the Test Ban",
        "",
        "The First Committee continued its debate today.",
    ]);
    assert_eq!(s.header.edition, Some(85));
    assert_eq!(
        s.header.title.as_deref(),
        Some("Speakers Call for Adherence to the Test Ban")
    );
    assert_eq!(s.header.meeting.as_deref(), Some("General Assembly"));
}

#[test]
fn site_names_are_banners_but_a_speech_opening_is_not() {
    for site in [
        "European External Action Service",
        "Federal Foreign Office",
        "U.S. Department of State",
        "Government of India",
        "Ministry of External Affairs",
        "ASEAN | ONE VISION ONE IDENTITY ONE COMMUNITY",
    ] {
        assert_eq!(classify(site, None), HeaderLine::Banner(None), "{site}");
    }
    for not_site in [
        "The Government of Bolivia has given me the task",
        "My Government agrees entirely with the Secretary-General",
        "Statement by the Foreign Office",
        "ASEAN Regional Forum | Chairman's Statement",
    ] {
        assert_ne!(
            classify(not_site, None),
            HeaderLine::Banner(None),
            "{not_site}"
        );
    }
    // A release's number after its type.
    assert_eq!(
        classify("Press Release (2031) 045", None),
        HeaderLine::Banner(Some(DocType::PressRelease))
    );
    assert_eq!(
        classify("PRESS RELEASE No. 112/2030", None),
        HeaderLine::Banner(Some(DocType::PressRelease))
    );
}

#[test]
fn a_sentence_case_title_opens_with_its_type() {
    let title = "Statement by the High Representative on the nuclear test conducted by the DPRK";
    assert!(matches!(
        classify(title, None),
        HeaderLine::Text(TextLine::Title { .. })
    ));
    // The same words wrapped into prose, or ending a sentence, are no title.
    assert!(matches!(
        classify(title, Some("and its consequences for the region.")),
        HeaderLine::Text(TextLine::Prose { .. })
    ));
    assert!(matches!(
        classify("Statement by the Chair on the outcome was read out.", None),
        HeaderLine::Text(TextLine::Prose { .. })
    ));
    // Under a site's name, it is the title.
    let s = read_header(&[
        "European External Action Service",
        "",
        "Joint statement on the situation in the Sahel by the EU and the African Union",
        "",
        "Brussels, 14/03/2031",
        "",
        "The European Union and the African Union met today.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Joint statement on the situation in the Sahel by the EU and the African Union")
    );
    assert_eq!(s.header.date, "2031-03-14".parse().ok());
    assert_eq!(s.header.place.as_deref(), Some("Brussels"));
}

#[test]
fn figure_dates_day_first_and_times_after_them() {
    let date = |s: &str| match classify(s, None) {
        HeaderLine::PlaceDate(pd) => (pd.date.date.to_string(), pd.place),
        other => panic!("{s}: {other:?}"),
    };
    assert_eq!(
        date("Berlin, 03.09.2031"),
        ("2031-09-03".into(), Some("Berlin".into()))
    );
    assert_eq!(date("14/03/2031"), ("2031-03-14".into(), None));
    // Month first only when the first number cannot be a month.
    assert_eq!(date("03/14/2031"), ("2031-03-14".into(), None));
    assert_eq!(date("2031-03-15 19:30"), ("2031-03-15".into(), None));
    assert_eq!(date("Issued on 12 Jun. 2031"), ("2031-06-12".into(), None));
    assert!(!matches!(
        classify("Resolution 12/3/4567", None),
        HeaderLine::PlaceDate(_)
    ));
}

#[test]
fn a_site_name_above_the_title_and_a_press_conference_name_no_meeting() {
    let s = read_header(&[
        "President of Ruritania",
        "",
        "Joint Statement of Ruritania and Freedonia on strategic stability",
        "",
        "Ruritown, March 20, 2031",
        "",
        "The Sides reaffirm their commitments.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Joint Statement of Ruritania and Freedonia on strategic stability")
    );
    let s = read_header(&[
        "Foreign Ministry Spokesperson's Regular Press Conference on November 4, 2031",
        "",
        "2031-11-04 15:00",
        "",
        "Q: Is there any update on the meeting held yesterday?",
    ]);
    assert_eq!(s.header.meeting, None);
    assert_eq!(s.header.place, None);
    assert!(
        !s.bare_date,
        "the title repeats the date: it is the document's"
    );
    let s = read_header(&[
        "Press Release (2031) 112",
        "Issued on 21 Sep. 2031",
        "",
        "Statement by the North Atlantic Council on the proliferation of chemical weapons",
        "",
        "1. The Allies condemn any use of chemical weapons.",
    ]);
    assert_eq!(s.header.meeting.as_deref(), Some("North Atlantic Council"));
    assert_eq!(s.header.doc_type, DocType::Statement);
    assert_eq!(s.header.date, "2031-09-21".parse().ok());
    let m = meeting_info("The Twelfth Conference on Disarmament Review");
    assert!(m.meeting.is_some_and(|n| n.contains("on Disarmament")));
}

#[test]
fn release_numbers_page_kinds_and_date_type_lines() {
    assert_eq!(classify("No. 231", None), HeaderLine::Stamp);
    assert_eq!(classify("Readout", None), HeaderLine::Stamp);
    assert_ne!(
        classify("Readout of the Secretary's Call with Minister A", None),
        HeaderLine::Stamp
    );
    let HeaderLine::PlaceDate(pd) = classify("14.10.2031 - Press release", None) else {
        panic!("not a date line");
    };
    assert_eq!((pd.place, pd.kind), (None, Some(DocType::PressRelease)));
    // Under that line, a short sentence-case line standing alone is the
    // headline; a wrapped first line of prose is not.
    let s = read_header(&[
        "14.10.2031 - Press release",
        "",
        "Foreign Minister A on the test of a hypersonic missile",
        "",
        "Today Foreign Minister A issued the following statement:",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Foreign Minister A on the test of a hypersonic missile")
    );
    assert_eq!(s.header.doc_type, DocType::PressRelease);
    let s = read_header(&[
        "14.10.2031",
        "",
        "Today Foreign Minister A issued the following",
        "statement on the test of a hypersonic missile.",
    ]);
    assert_eq!(s.header.title, None);
}

#[test]
fn an_edition_from_the_body_and_encounters_that_are_no_series() {
    let name = "Japan-Philippines Foreign and Defense Ministerial Meeting";
    assert_eq!(
        edition_in("On April 18, the Third Japan-Philippines Foreign and Defense Ministerial Meeting was held.", name),
        Some(3)
    );
    assert_eq!(
        edition_in("The President convened his third Japan-Philippines Foreign and Defense Ministerial Meeting.", name),
        None
    );
    assert_eq!(
        meeting_info("Secretary A's Meeting with Foreign Minister B").meeting,
        None
    );
    assert_eq!(
        meeting_info("Korea, Japan and U.S. Hold Trilateral Meeting on Cyber Threats").meeting,
        None
    );
}

#[test]
fn a_un_masthead_a_repeated_title_and_a_section_after_the_date() {
    let s = read_header(&[
        "United Nations",
        "S/PRST/2031/19",
        "Security Council",
        "Distr.: General",
        "2 December 2031",
        "",
        "Statement by the President of the Security Council",
        "",
        "At its 11002nd meeting, the President made the following statement:",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Statement by the President of the Security Council")
    );
    assert_eq!(s.header.symbol.as_deref(), Some("S/PRST/2031/19"));
    assert_eq!(s.header.meeting.as_deref(), Some("Security Council"));
    let s = read_header(&[
        "Chairman's Statement of the 49th ASEAN Summit",
        "",
        "Posted on 14 November 2031",
        "",
        "Chairman's Statement of the 49th ASEAN Summit",
        "Manila, 12-13 November 2031",
        "",
        "1. The Summit was held.",
    ]);
    assert_eq!(s.header.place.as_deref(), Some("Manila"));
    assert_eq!(s.body_start, 6);
    let HeaderLine::PlaceDate(pd) = classify("August 2, 2031 • Statements and Releases", None)
    else {
        panic!("not a date line");
    };
    assert_eq!((pd.place, pd.kind), (None, Some(DocType::Statement)));
}

#[test]
fn a_speakers_statement_at_an_occasion_and_headline_verbs() {
    let meeting = |t: &str| meeting_info(t).meeting;
    // The speaker in a few words before the speech word, after a headline.
    assert_eq!(
        meeting("Keeping space safe: UK statement at the Conference on Disarmament").as_deref(),
        Some("Conference on Disarmament")
    );
    assert_eq!(
        meeting("Japan's statement to the Conference on Disarmament").as_deref(),
        Some("Conference on Disarmament")
    );
    // A speech word too far from the start is the subject, not the speaker.
    assert_ne!(
        meeting("Ministers discuss the draft of a statement at the Forum Summit").as_deref(),
        Some("Forum Summit")
    );
    // Headlines: the verb ends what could be a name.
    assert_eq!(
        meeting("UK and Indonesia launch dialogue on nuclear security"),
        None
    );
    assert_eq!(
        meeting("Ministers agree Partnership Dialogue on trade"),
        None
    );
    assert_eq!(
        meeting("Foreign Minister Hosts Pacific Islands Ocean Dialogue"),
        None
    );
    // A numbered meeting after the verb is an edition of a series.
    let m = meeting_info("Prime Minister to Attend the Fifth Mekong-Lancang Leaders' Meeting");
    assert_eq!(
        (m.meeting.as_deref(), m.edition),
        (Some("Mekong-Lancang Leaders' Meeting"), Some(5))
    );
}

#[test]
fn a_group_in_a_headline_is_no_meeting_acronym() {
    let s = read_header(&[
        "Foreign Secretary meets ASEAN Secretary-General",
        "",
        "Text.",
    ]);
    assert_eq!(s.header.acronym, None);
    let s = read_header(&[
        "G8 Declaration on Counter-Terrorism",
        "Paris, 3 May 2031",
        "",
        "1. Text.",
    ]);
    assert_eq!(s.header.acronym.as_deref(), Some("G8"));
}

#[test]
fn a_security_council_statement_takes_its_meeting_number_from_the_body() {
    let council = "United Nations Security Council";
    let text = "At its 11002nd meeting, held on 2 December 2031, in connection with …";
    assert_eq!(edition_in(text, council), Some(11002));
    let text = "At the 9876th meeting of the Security Council, held on 3 May 2030, …";
    assert_eq!(edition_in(text, council), Some(9876));
    // Another body's meeting, or another meeting's count.
    assert_eq!(
        edition_in("At the 12th meeting of the Committee, …", council),
        None
    );
    assert_eq!(edition_in(text, "ASEAN Regional Forum"), None);
}

/// The type pattern's word boundaries are ASCII ones (so that its search
/// runs as a DFA on text with typographic quotes and accents): the same
/// answers where a non-ASCII character stands next to a type word.
#[test]
fn type_words_beside_non_ascii_characters() {
    use crate::model::DocType;
    let found = |s: &str| super::find_doc_type(s).map(|m| (m.start, m.doc_type));
    assert_eq!(
        found("Joint Communiqué of the Summit"),
        Some((6, DocType::Communique))
    );
    assert_eq!(found("JOINT COMMUNIQUÉ"), Some((6, DocType::Communique)));
    assert_eq!(
        found("Communique: leaders meet"),
        Some((0, DocType::Communique))
    );
    assert_eq!(
        found("“Report” of the Secretary-General"),
        Some((3, DocType::Report))
    );
    assert_eq!(
        found("Chairman’s Statement — Tokyo"),
        Some((0, DocType::ChairsStatement))
    );
    assert_eq!(found("the reporter’s notes"), None);
    assert_eq!(found("misstatements of fact"), None);
}

#[test]
fn a_date_label_without_its_colon_is_no_place() {
    let s = read_header(&[
        "Press Releases",
        "Outcome of the 12th Ruritania-Freedonia Foreign Ministers' Meeting",
        "Date 2031-03-22",
        "",
        "1. The Ministers met in Busan on March 22.",
    ]);
    assert_eq!(s.header.date, "2031-03-22".parse().ok());
    assert_eq!(s.header.place, None);
}

#[test]
fn un_press_meeting_line_above_the_symbol_and_in_capitals() {
    for lines in [
        [
            "SECURITY COUNCIL",
            "9990TH MEETING (AM)",
            "SC/17802",
            "3 JUNE 2029",
        ],
        [
            "Security Council",
            "9990th Meeting (AM)",
            "SC/17802",
            "3 June 2029",
        ],
    ] {
        let mut all: Vec<&str> = lines.to_vec();
        all.extend([
            "",
            "Council Calls on States to Inspect Cargo, Adopting Resolution 2998 (2029)",
            "",
            "The Security Council this morning adopted resolution 2998 (2029).",
        ]);
        let s = read_header(&all);
        assert_eq!(s.header.edition, Some(9990), "{lines:?}");
        assert_eq!(s.header.symbol.as_deref(), Some("SC/17802"));
        assert_eq!(s.header.doc_type, DocType::PressRelease);
        assert_eq!(
            s.header.title.as_deref(),
            Some("Council Calls on States to Inspect Cargo, Adopting Resolution 2998 (2029)")
        );
        assert_eq!(s.body_start, 6);
    }
    // The organs' own documents are no press releases.
    for symbol in ["S/2029/412", "A/RES/80/1", "S/PRST/2031/12", "SCO/2029"] {
        assert!(!classify::is_press_symbol(symbol), "{symbol}");
    }
    assert!(classify::is_press_symbol("GA/DIS/3712"));
}

#[test]
fn a_headline_ending_with_its_place_and_date() {
    let s = read_header(&[
        "Ministry of Foreign Affairs of the Russian Federation",
        "Foreign Minister's remarks and answers to media questions following talks with the Foreign Minister of Peru, Moscow, 2 June 2031",
        "2 June 2031 16:20",
        "",
        "Ladies and gentlemen,",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Foreign Minister's remarks and answers to media questions following talks with the Foreign Minister of Peru")
    );
    assert_eq!(s.header.place.as_deref(), Some("Moscow"));
    assert_eq!(s.header.doc_type, DocType::Statement);
    assert_eq!(s.body_start, 3);
    // A sentence of the body is no headline, nor a title ending in a
    // function word before the date.
    assert!(!matches!(
        classify(
            "The talks with the Minister of Peru were held in Moscow, 2 June 2031.",
            None
        ),
        HeaderLine::TitledDate { .. }
    ));
    assert!(!matches!(
        classify(
            "Joint press conference of the ministers held on, 2 June 2031",
            None
        ),
        HeaderLine::TitledDate { .. }
    ));
}

#[test]
fn a_place_on_the_line_under_the_date() {
    let s = read_header(&[
        "CO-CHAIRS' SUMMARY REPORT",
        "ARF INTER-SESSIONAL MEETING ON MARITIME SECURITY",
        "13-14 April 2030",
        "Hanoi, Viet Nam",
        "",
        "1. The Meeting was held.",
    ]);
    assert_eq!(s.header.place.as_deref(), Some("Hanoi, Viet Nam"));
    assert_eq!(s.body_start, 4);
    // A date-first page: the line under the date is the title.
    let s = read_header(&["14 April 2030", "Minister Visits Japan", "", "Text."]);
    assert_eq!(s.header.title.as_deref(), Some("Minister Visits Japan"));
    assert_eq!(s.header.place, None);
}

#[test]
fn roman_editions_subjects_after_on_and_forum_papers() {
    let m = meeting_info("XXIII BRICS Summit");
    assert_eq!(
        (m.meeting.as_deref(), m.edition),
        (Some("BRICS Summit"), Some(23))
    );
    let m =
        meeting_info("Statement by the North Atlantic Council on the Black Sea security situation");
    assert_eq!(m.meeting.as_deref(), Some("North Atlantic Council"));
    // A name in capitals after `on` is the name's own.
    let m = meeting_info("Conference on Interaction and Confidence-Building Measures in Asia");
    assert!(m.meeting.is_some_and(|n| n.ends_with("in Asia")));
    let s = read_header(&[
        "PIF(31)14",
        "",
        "FIFTY-SIXTH PACIFIC ISLANDS FORUM LEADERS MEETING",
        "",
        "Suva, Fiji",
        "8 – 10 September 2031",
        "",
        "FORUM COMMUNIQUÉ",
        "",
        "1. The Leaders met.",
    ]);
    assert_eq!(s.header.symbol.as_deref(), Some("PIF(31)14"));
    assert_eq!(s.header.doc_type, DocType::Communique);
    assert_eq!(s.header.edition, Some(56));
    assert_eq!(
        classify("G7 Leaders' Statement", None),
        classify("G7 Leaders' Statement", None)
    );
    assert!(!matches!(
        classify("G7 Leaders' Statement", None),
        HeaderLine::TypeLine(_)
    ));
}

#[test]
fn a_headline_right_above_the_date_is_the_title() {
    let title = "Mongolia and Kazakhstan hold sixth round of political consultations";
    for page in [
        vec![
            title,
            "16 April 2031",
            "",
            "The sixth round was held in Ulaanbaatar.",
        ],
        vec![title, "", "16 April 2031", "", "The sixth round was held."],
        // A site's name and a section's label above it are neither.
        vec![
            "OPCW",
            "News",
            title,
            "16 April 2031",
            "",
            "The round was held.",
        ],
    ] {
        let s = read_header(&page);
        assert_eq!(s.header.title.as_deref(), Some(title), "{page:?}");
        assert_eq!(s.header.date.map(|d| d.day), Some(16));
    }
    // Credits are no title (`Source: Xinhua` / `Editor: …`).
    let s = read_header(&[
        "Source: Xinhua",
        "Editor: Zhang Long",
        "2031-10-15 21:06:45",
        "",
        title,
        "",
        "XI'AN, Oct. 15 (Xinhua) -- The ministers met.",
    ]);
    assert_eq!(s.header.title.as_deref(), Some(title));
    // A sentence of prose above a date is no headline.
    let s = read_header(&[
        "The ministers met in Ulaanbaatar and agreed to meet again.",
        "16 April 2031",
    ]);
    assert_eq!(s.header.title, None);
    // A menu copied as one row is the site's, and so is the name above it.
    let s = read_header(&[
        "Malaysian National News Agency",
        "Home | General | Politics | World | Business",
        "Last update: 12/06/2032 08:45 PM",
        "",
        title,
        "",
        "12/06/2032 07:58 PM",
        "",
        "JAKARTA, June 12 (Bernama) -- The ministers met.",
    ]);
    assert_eq!(s.header.title.as_deref(), Some(title));
}

#[test]
fn a_date_lines_clock_office_or_title_is_no_place() {
    let place = |line: &str| match classify(line, None) {
        HeaderLine::PlaceDate(pd) => pd.place,
        other => panic!("{line}: {other:?}"),
    };
    for line in [
        "All News 16:42 September 04, 2032",
        "15/03/2032 | 10:22",
        "Secretaría de Relaciones Exteriores | July 07, 2032",
        "14-15 Rajab 1453H (2-3 March 2032)",
        "G5 Sahel - Statement by the Spokesperson (18 June 2031)",
    ] {
        assert_eq!(place(line), None, "{line}");
    }
    assert_eq!(
        place("April 3, 2031 - Ottawa, Ontario - Global Affairs Canada").as_deref(),
        Some("Ottawa, Ontario")
    );
    assert_eq!(place("Jakarta, 3 May 2031").as_deref(), Some("Jakarta"));
}

#[test]
fn a_korean_wire_headline_with_its_tag_and_abbreviations() {
    let s = read_header(&[
        "(LEAD) S. Korea, Japan, China agree to hold trilateral summit in Seoul",
        "All News 16:42 September 04, 2032",
        "",
        "By Kim Soo-yeon",
        "",
        "SEOUL, Sept. 4 (Yonhap) -- The foreign ministers agreed Thursday.",
        "",
        "More text here.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("S. Korea, Japan, China agree to hold trilateral summit in Seoul")
    );
    assert_eq!(s.header.date.map(|d| (d.month, d.day)), Some((9, 4)));
    assert_eq!(s.header.place.as_deref(), Some("Seoul"));
}

#[test]
fn a_ministry_headline_over_its_release_number_and_place_date_line() {
    // A language switch in two scripts, a menu with a four-word label, a
    // breadcrumb, then the headline over the release's number and its
    // place-date line.
    let s = read_header(&[
        "Skip to content",
        "Ministry of Foreign Affairs",
        "Republic of Ruritania",
        "اردو | English",
        "Home",
        "About Us",
        "Press Releases",
        "Missions of Ruritania Abroad",
        "Contact Us",
        "Home » Press Releases » Ruritania and Oman hold third round of political talks",
        "Ruritania and Oman hold third round of political talks",
        "Press Release No. 14/2033",
        "Strelsau, 2 February 2033",
        "The third round of political talks was held today.",
        "",
        "Both sides reviewed their relations.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Ruritania and Oman hold third round of political talks")
    );
    assert_eq!(s.header.place.as_deref(), Some("Strelsau"));
    assert_eq!(
        s.header.date.map(|d| (d.year, d.month, d.day)),
        Some((2033, 2, 2))
    );
    assert_eq!(s.body_start, 13);
}

#[test]
fn a_sites_stamp_dates_the_headline_under_it() {
    let para = "The two ministers signed a declaration of intent on the joint monitoring of \
                pipelines and data cables, and agreed that their navies would share what they see \
                at sea with each other from the first of next month.";
    // A stamp in figures with the kind of page before it, a cookie banner
    // and a menu above; the headline in sentence case, no blank under it.
    let s = read_header(&[
        "We use cookies to make this website better. Read more about cookies.",
        "Home",
        "Topics",
        "Latest",
        "Contact",
        "Home > Latest > News > Ruritania and Borduria agree to protect undersea cables",
        "News item | 23-09-2031 | 14:32",
        "Ruritania and Borduria agree to protect undersea cables",
        para,
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Ruritania and Borduria agree to protect undersea cables")
    );
    assert_eq!(
        s.header.date.map(|d| (d.year, d.month, d.day)),
        Some((2031, 9, 23))
    );
    assert_eq!(s.body_start, 8);
    for stamp in [
        "News, 2.2.2032 | Ministry for Foreign Affairs",
        "26 November, 2031 11:42",
    ] {
        let s = read_header(&[
            "Press center > News",
            stamp,
            "Statement of the Ministry on the anniversary of the famine",
            para,
        ]);
        assert_eq!(
            s.header.title.as_deref(),
            Some("Statement of the Ministry on the anniversary of the famine"),
            "{stamp}"
        );
        assert!(s.header.date.is_some(), "{stamp}");
    }
    // A hard-wrapped paragraph's first line stays in the body.
    let s = read_header(&[
        "Today, the Foreign Minister of Ruritania and the Foreign",
        "Minister of Borduria met in Strelsau to discuss the cables.",
    ]);
    assert_eq!((s.header.title, s.body_start), (None, 0));
}

#[test]
fn a_wire_story_under_a_sites_name_menus_and_section() {
    // The agency's name, a menu in one row, a section, the headline, a
    // standfirst and a stamp over the dateline (the agency between
    // slashes).
    let s = read_header(&[
        "TASS",
        "Russian News Agency",
        "РУС | ENG",
        "Politics  World  Business  Sports",
        "Russian Politics & Diplomacy",
        "Ruritania, Borduria discuss preparations for river talks",
        "The two foreign ministers held talks in Moscow",
        "3 OCT 2031, 20:52",
        "MOSCOW, October 3. /TASS/. The foreign ministers of Ruritania and Borduria met.",
        "",
        "They agreed to meet again.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Ruritania, Borduria discuss preparations for river talks")
    );
    assert_eq!(s.header.place.as_deref(), Some("Moscow"));
    assert_eq!(
        s.header.date.map(|d| (d.year, d.month, d.day)),
        Some((2031, 10, 3))
    );
    assert_eq!(s.body_start, 8);
    // A day with its ordinal and a comma, a stamp in figures; a Hijri
    // date in figures before the date of this era.
    let s = read_header(&[
        "Emirates News Agency - WAM",
        "العربية  English  Français",
        "Home",
        "World",
        "Business",
        "Ruritania, Oman hold 16th Joint Commission Meeting in Muscat",
        "Tuesday 1453/9/14 - 2032/02/24",
        "MUSCAT, 24th February, 2032 (WAM) -- The two sides met.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Ruritania, Oman hold 16th Joint Commission Meeting in Muscat")
    );
    assert_eq!(s.header.place.as_deref(), Some("Muscat"));
    assert_eq!(
        s.header.date.map(|d| (d.year, d.month, d.day)),
        Some((2032, 2, 24))
    );
}

#[test]
fn a_headline_over_its_text_with_the_date_at_the_foot() {
    let s = read_header(&[
        "Chancellor receives the President of the Niger Republic",
        "The Chancellor received the President of the Niger Republic at the Chancellery this morning for talks on trade and security.",
        "",
        "Both sides agreed to meet again next year.",
        "03/03/2034",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Chancellor receives the President of the Niger Republic")
    );
    assert_eq!(s.body_start, 1);
    assert_eq!(s.foot_date, Some(4));
    assert_eq!(
        s.header.date.map(|d| (d.year, d.month, d.day)),
        Some((2034, 3, 3))
    );
    // The first line of a wrapped speech is no headline.
    for first in [
        "Allow me to join preceding speakers in",
        "At the outset, I have the pleasure of congratulating",
        "President, friends –",
        "Mr. President, Excellencies, Ladies and Gentlemen",
        "It is my privilege and honour once again to address the General",
    ] {
        let s = read_header(&[
            first,
            "Assembly and to convey the warm greetings of the people of my country to all the delegations here today.",
        ]);
        assert_eq!(s.header.title, None, "{first}");
        assert_eq!(s.body_start, 0, "{first}");
    }
}

#[test]
fn headlines_that_open_with_an_ordinal_name_their_session() {
    let s = read_header(&[
        "Newsroom > Press releases",
        "168th IPU Assembly closes in Montevideo with call for action on water",
        "Press release | 27 April 2034 | 4 min read",
        "Montevideo, 27 April 2034 – The 168th Assembly of the Inter-Parliamentary Union closed today with the adoption of a declaration.",
    ]);
    let h = &s.header;
    assert_eq!(h.meeting.as_deref(), Some("IPU Assembly"));
    assert_eq!((h.acronym.as_deref(), h.edition), (Some("IPU"), Some(168)));
    assert_eq!(h.doc_type, DocType::PressRelease);
    assert_eq!(s.body_start, 3);
    let m = meeting_info(
        "OAS General Assembly Concludes Sixty-Third Regular Session in Santo Domingo with Declaration on Water Security",
    );
    assert_eq!(m.meeting.as_deref(), Some("OAS General Assembly"));
    assert_eq!((m.acronym.as_deref(), m.edition), (Some("OAS"), Some(63)));
    let m = meeting_info("Sahel junta leaders hold fifth AES summit in Niamey amid jihadist surge");
    assert_eq!(
        (m.meeting.as_deref(), m.edition),
        (Some("AES Summit"), Some(5))
    );
    // A declaration a headline reports is not the page's type.
    let s = read_header(&[
        "OAS General Assembly Concludes Sixty-Third Regular Session with Declaration on Water Security",
        "June 24, 2033",
        "",
        "The Organization of American States concluded today the Sixty-Third Regular Session of its General Assembly.",
    ]);
    assert_eq!(s.header.doc_type, DocType::Other);
}

#[test]
fn the_place_a_release_opens_with_and_closing_verbs() {
    assert_eq!(
        place_from(
            "Tegucigalpa, 18 March 2035 – The Assembly held a debate on the situation in Sudan.",
            None
        )
        .as_deref(),
        Some("Tegucigalpa")
    );
    assert_eq!(
        place_from("The Organization concluded today in Cusco the Twenty-Ninth Regular Session of its General Assembly.", None)
            .as_deref(),
        Some("Cusco")
    );
    assert_eq!(
        chair_from("The session was chaired by the Foreign Minister of the host country and brought together heads of delegation.")
            .as_deref(),
        Some("Foreign Minister of the host country")
    );
}

#[test]
fn a_reporter_or_a_reading_time_between_headline_and_stamp() {
    for between in [
        &["Loke Wai Mun"][..],
        &["Rafael Schmidt in Astana"],
        &["By: FRANCE 24 with AFP"],
        &["Listen to this article", "4 min"],
        &["Reading Time: 3 minutes"],
    ] {
        let mut lines = vec!["Sahel leaders hold fifth AES summit in Niamey amid jihadist surge"];
        lines.extend_from_slice(between);
        lines.push("3 March 2034");
        lines.push("");
        lines.push("The leaders of the three states met in Niamey on Friday for the fifth summit of their alliance.");
        let s = read_header(&lines);
        assert_eq!(
            s.header.title.as_deref(),
            Some("Sahel leaders hold fifth AES summit in Niamey amid jihadist surge"),
            "{between:?}"
        );
    }
}

#[test]
fn a_posted_by_line_with_its_date_is_a_stamp() {
    let s = read_header(&[
        "Sahel leaders hold fifth AES summit in Niamey amid jihadist surge",
        "Posted by: Admin | March 3rd, 2034 | 0 Comments",
        "",
        "The leaders of the three states met in Niamey on Friday for the fifth summit of their alliance.",
    ]);
    assert_eq!(
        s.header.title.as_deref(),
        Some("Sahel leaders hold fifth AES summit in Niamey amid jihadist surge")
    );
    assert_eq!(
        s.header.date.map(|d| (d.year, d.month, d.day)),
        Some((2034, 3, 3))
    );
    assert_eq!(s.body_start, 3);
}

#[test]
fn the_headline_the_markup_marks_beats_a_caption_or_badge_above_the_stamp() {
    let headline = "Andean ministers back water-sharing pact for glacier-fed basins";
    let lines = [
        "Region",
        "",
        headline,
        "",
        "Verified by our newsroom",
        "",
        "Foreign ministers of the four states in Lima on Tuesday. Photo: Andina",
        "",
        "Published 6 March 2035, 18:20 · Updated 7 March 2035",
        "",
        "LIMA – The foreign ministers of the four members endorsed on Tuesday a framework to share water.",
    ];
    let seed = crate::segment::Seed {
        headline: Some(headline.to_string()),
        ..Default::default()
    };
    let s = read_header_seeded(&lines, &seed);
    assert_eq!(s.header.title.as_deref(), Some(headline));
    assert_eq!(s.header.date.map(|d| d.day), Some(6));
    let first = lines[s.body_start..].iter().find(|l| !l.is_empty());
    assert!(first.is_some_and(|l| l.starts_with("LIMA")), "{first:?}");
    // Without the mark, the line reader finds it too: the badge of a
    // few words under it is no standfirst.
    assert_eq!(read_header(&lines).header.title.as_deref(), Some(headline));
    // A site's name or a section marked as the headline is no title.
    for site in ["Ministry of Foreign Affairs", "Press Releases", "Region"] {
        let seed = crate::segment::Seed {
            headline: Some(site.to_string()),
            ..Default::default()
        };
        assert_eq!(
            read_header_seeded(&lines, &seed).header.title,
            read_header(&lines).header.title,
            "{site}"
        );
    }
}

#[test]
fn the_document_title_under_a_marked_page_headline_stays() {
    let lines = [
        "Japan and Viet Nam leaders meet in Hanoi",
        "",
        "Joint Statement on the Comprehensive Strategic Partnership between Japan and Viet Nam",
        "",
        "Hanoi, 3 March 2035",
        "",
        "1. The Prime Minister of Japan paid an official visit to Viet Nam.",
    ];
    let seed = crate::segment::Seed {
        headline: Some(lines[0].to_string()),
        ..Default::default()
    };
    let s = read_header_seeded(&lines, &seed);
    assert_eq!(s.header.title, read_header(&lines).header.title);
}

#[test]
fn a_reporter_filing_from_a_city_gives_the_place() {
    for between in [
        &["Grace Achieng in Entebbe", "9 March 2035"][..],
        &["Grace Achieng in Entebbe 9 March 2035"],
    ] {
        let mut lines = vec![
            "East African ministers pledge joint fund for Lake Victoria fisheries at Entebbe talks",
            "",
            "Fisheries ministers of Kenya, Tanzania and Uganda at State House. Image: Daniel Okello",
        ];
        lines.extend_from_slice(between);
        lines.push("");
        lines.push("Ministers of the three states agreed on Friday to set up a joint fund.");
        let s = read_header(&lines);
        assert_eq!(s.header.place.as_deref(), Some("Entebbe"), "{between:?}");
    }
    // A headline's verb ends a meeting's name: no meeting here.
    let info = meeting_info(
        "East African ministers pledge joint fund for Lake Victoria fisheries at Entebbe talks",
    );
    assert_eq!(info.meeting, None);
}

#[test]
fn a_row_of_stamps_with_two_dates_is_a_stamp_and_dates_the_page() {
    for (stamp, day) in [
        (
            "Published on 30/10/2035 - 11:24 GMT+0 • Updated 30/10/2035 - 18:04 GMT+0",
            30,
        ),
        (
            "Press Release | 3 March 2035 | Last modified: 4 March 2035, 11:02",
            3,
        ),
        ("by Olena Kovalenko · March 3, 2035 7:41 PM · 3 min read", 3),
        (
            "Publié le 3 mars 2035 à 18h30 | Mis à jour le 4 mars 2035 à 09h12",
            3,
        ),
    ] {
        assert_eq!(classify(stamp, None), HeaderLine::Stamp, "{stamp}");
        let s = read_header(&[
            "Ministers open the 12th Baltic Sea Energy Forum in Tallinn",
            stamp,
            "",
            "The 12th Baltic Sea Energy Forum opened in Tallinn on Monday with the participation of energy ministers.",
        ]);
        assert_eq!(
            s.header.title.as_deref(),
            Some("Ministers open the 12th Baltic Sea Energy Forum in Tallinn"),
            "{stamp}"
        );
        assert_eq!(s.header.date.map(|d| d.day), Some(day), "{stamp}");
        assert_eq!(
            (s.header.meeting.as_deref(), s.header.edition),
            (Some("Baltic Sea Energy Forum"), Some(12)),
            "{stamp}"
        );
    }
    // A place beside the date is a dateline, not a stamp.
    assert!(matches!(
        classify("Tallinn | 3 March 2035", None),
        HeaderLine::PlaceDate(_)
    ));
}

#[test]
fn a_stamped_story_keeps_its_wrapped_numbered_text_and_skips_the_breadcrumb() {
    let lines = [
        "Ministère des Affaires étrangères",
        "Accueil › Actualités › Communiqués",
        "Senegal hosts third Dakar meeting of West African intellectual property offices",
        "Publié le 5 décembre 2035 à 18h30 | Mis à jour le 6 décembre 2035 à 09h12",
        "",
        "1. The third meeting of the heads of the intellectual property offices of the",
        "member States was held in Dakar on 4 and 5 December 2035.",
    ];
    let s = read_header(&lines);
    assert_eq!(s.header.title.as_deref(), Some(lines[2]));
    assert!(s.body_start <= 5, "{}", s.body_start);
}

#[test]
fn meetings_of_headlines_and_ledes_in_their_other_forms() {
    let m = |t: &str| {
        let i = meeting_info(t);
        (i.meeting, i.acronym, i.edition)
    };
    let s = |x: &str| Some(x.to_string());
    // `Meeting of the` a body that is no meeting word.
    assert_eq!(
        m("Communiqué of the 77th Meeting of the OECS Authority"),
        (s("OECS Authority"), s("OECS"), Some(77))
    );
    // A Roman edition after a headline's verb, the summit of the subject.
    assert_eq!(
        m("Ibero-American leaders close XXXV summit in Montevideo with pact on AI"),
        (s("Ibero-American Summit"), None, Some(35))
    );
    assert_eq!(
        m("D-8 Leaders Conclude the 13th Summit in Dhaka"),
        (s("D-8 Summit"), None, Some(13))
    );
    assert_eq!(
        m("Dominican Republic hosts the XXIII Ordinary Meeting of the Ministerial Council of the Association of Caribbean States").2,
        Some(23)
    );
    // A meeting after ` at ` in the news, a `Ministerial`, `on its`.
    assert_eq!(
        m("Arab, Chinese leaders pledge closer ties at fourth Arab-China Summit in Riyadh"),
        (s("Arab-China Summit"), None, Some(4))
    );
    assert_eq!(
        m("Chair's Summary of the Twelfth Copenhagen Climate Ministerial"),
        (s("Copenhagen Climate Ministerial"), None, Some(12))
    );
    assert_eq!(
        m("Report of the Trade and Development Board on its eighty-first session"),
        (s("Trade and Development Board"), None, Some(81))
    );
    assert_eq!(
        m("Vietnam, Laos hold 56th meeting of Intergovernmental Committee"),
        (s("Intergovernmental Committee"), None, Some(56))
    );
    // Another body's General Assembly is no UNGA; a place's particles.
    assert_eq!(
        m("UN Tourism General Assembly concludes its 31st session in Cartagena de Indias"),
        (s("UN Tourism General Assembly"), None, Some(31))
    );
    assert_eq!(
        m("Statement by the Minister of Foreign Affairs of Ecuador at the 64th Regular Session of the OAS General Assembly"),
        (s("OAS General Assembly"), s("OAS"), Some(64))
    );
    // A headline's sentence is no name; a country's acronym is no body's.
    assert_eq!(
        m("Japan, China, South Korea revive free trade talks at 10th trilateral summit"),
        (s("Trilateral Summit"), None, Some(10))
    );
    assert_eq!(
        m("ECOWAS leaders set 2035 deadline for single currency at Abuja summit").0,
        None
    );
    assert_eq!(
        m("Mercosur summit in Asunción closes with EFTA deal in force").0,
        s("Mercosur Summit")
    );
    assert_eq!(
        m("Joint Statement Following Meeting Between President Biden and President of the UAE Sheikh Mohammed bin Zayed in Jeddah").1,
        None
    );
}

#[test]
fn a_lede_names_the_meeting_but_not_one_beside_it() {
    use super::meeting_in_lede;
    let m = |t: &str| meeting_in_lede(t).map(|i| (i.meeting, i.acronym, i.edition));
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        m("Officials from both sides met in Juba for the 12th meeting of the Joint Political and Security Mechanism (JPSM), chaired by …"),
        Some((s("Joint Political and Security Mechanism"), s("JPSM"), Some(12)))
    );
    assert_eq!(
        m("At the third Summit for Democracy on March 18, 2034, eleven States agreed"),
        Some((s("Summit for Democracy"), None, Some(3)))
    );
    // The margins of another meeting, a host's own count, one to come.
    assert_eq!(m("We met on the margins of the eighty-third session of the United Nations General Assembly."), None);
    assert_eq!(
        m("President A convened his third Major Economies Forum on Energy and Climate."),
        None
    );
    assert_eq!(
        m("They discussed the holding of the fourth Bilateral Dialogue in Niamey next year."),
        None
    );
}
