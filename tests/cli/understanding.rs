//! Issue 13 through the binary: the query read by subject (names from the
//! gazetteers, spelling variants, accents, topics), the operators, and
//! `--literal` giving the words-only results.

use std::collections::BTreeSet;

use crate::general_debate::write_astop_and_general_debate;
use crate::util::{fixtures, TestDir};

/// A corpus with the invented workshop summary of `tests/fixtures/query/`.
fn traps() -> TestDir {
    ingested("query-traps-2026.txt")
}

/// A corpus of one file of `tests/fixtures/query/`, ingested.
fn ingested(name: &str) -> TestDir {
    let t = TestDir::new();
    t.copy_in(&fixtures().join("query").join(name), name);
    t.run(["ingest"]).success();
    t
}

/// The ASTOP summary and the 120 General Debate speeches of its
/// participants (see `tests/support/general_debate.rs`), ingested; `None`
/// when `../shared/data/` or `zstd` is absent.
fn astop_and_general_debate() -> Option<TestDir> {
    let t = TestDir::new();
    if let Err(why) = write_astop_and_general_debate(&t.corpus()) {
        eprintln!("skipped: {why}");
        return None;
    }
    t.run(["ingest"]).success();
    Some(t)
}

/// A corpus of one document written here, ingested.
fn written(name: &str, text: impl AsRef<str>) -> TestDir {
    let t = TestDir::new();
    t.write(name, text.as_ref());
    t.run(["ingest"]).success();
    t
}

/// The ids of a query's hits, sorted.
fn sorted_ids(t: &TestDir, q: &str) -> Vec<String> {
    let mut ids: Vec<String> = t.search(&[q]).hits.into_iter().map(|h| h.id).collect();
    ids.sort();
    ids
}

fn labels(t: &TestDir, args: &[&str]) -> Vec<String> {
    t.search(args)
        .hits
        .into_iter()
        .map(|h| h.paragraph)
        .collect()
}

fn ids(t: &TestDir, args: &[&str]) -> BTreeSet<String> {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--limit", "5000"]);
    t.search(&all).hits.into_iter().map(|h| h.id).collect()
}

#[test]
fn a_name_finds_its_other_names_below_the_typed_word() {
    let t = traps();
    // The paragraph that writes CTBT first, then the one naming it in full.
    assert_eq!(labels(&t, &["CTBT"]), ["2", "1"]);
    assert_eq!(labels(&t, &["CTBT", "--literal"]), ["2"]);
    // Quoted: exactly the words.
    assert_eq!(labels(&t, &["\"CTBT\""]), ["2"]);
    assert_eq!(labels(&t, &["WMD"]), ["11"]);
    assert_eq!(labels(&t, &["WMD", "--literal"]), Vec::<String>::new());
    let v: serde_json::Value = t.json(["search", "CTBT", "--format", "json"]);
    assert_eq!(v["expanded"][0]["from"], "CTBT");
    assert_eq!(v["expanded"][0]["entity"], "instrument:CTBT");
    assert!(v["expanded"][0]["to"]
        .as_array()
        .is_some_and(|to| to.iter().any(|n| n == "Comprehensive Test Ban Treaty")));
    let v: serde_json::Value = t.json(["search", "CTBT", "--literal", "--format", "json"]);
    assert_eq!(v["expanded"], serde_json::json!([]));
    // Text output says what the query was read as, in one line.
    let out = t
        .run(["search", "CTBT"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.starts_with("read as: CTBT = Comprehensive Nuclear-Test-Ban Treaty (instrument CTBT"),
        "{text}"
    );
}

/// A name the tagger accepts only in some surroundings is not searched
/// as a phrase for the thing it names: the index is lower-cased and keeps
/// no surroundings. `the Initiative` (PSI, once a document has named it)
/// would find any initiative, `US` every `us`, `Korea` every `North Korea`,
/// `Ban Treaty` (TPNW) the Test-Ban Treaty. Their accepted mentions are
/// still found, through the tag.
#[test]
fn names_that_need_their_surroundings_are_found_through_the_tag_only() {
    let t = TestDir::new();
    for name in [
        "chairs-statement-interdiction-2026.txt",
        "forum-opens-2026.txt",
    ] {
        t.copy_in(&fixtures().join("query/context-names").join(name), name);
    }
    t.run(["ingest"]).success();
    let found = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = ids(&t, &[q])
            .into_iter()
            .map(|id| id.rsplit('/').next().unwrap_or(&id).to_string())
            .collect();
        v.sort();
        v
    };
    let statement = |n: &str| format!("chairs-statement-interdiction-2026.txt#{n}");
    // ¶2 says only `the Initiative`: tagged PSI, after ¶1 named it.
    assert_eq!(found("PSI"), [statement("1"), statement("2")]);
    assert_eq!(
        found("Proliferation Security Initiative"),
        [statement("1"), statement("2")]
    );
    // `Let us be honest…` is not about the United States.
    assert_eq!(found("USA"), [statement("4")]);
    // North Korea's test is not the Republic of Korea's.
    assert_eq!(found("ROK"), [statement("3")]);
    // The Comprehensive Nuclear-Test-Ban Treaty is not the TPNW.
    assert_eq!(found("TPNW"), [statement("5")]);
    let v: serde_json::Value = t.json(["search", "PSI", "--format", "json"]);
    let to: Vec<&str> = v["expanded"][0]["to"]
        .as_array()
        .map(|a| a.iter().filter_map(|n| n.as_str()).collect())
        .unwrap_or_default();
    assert!(to.contains(&"Proliferation Security Initiative"), "{to:?}");
    assert!(!to.contains(&"the Initiative"), "{to:?}");
}

#[test]
fn common_words_and_near_names_do_not_become_entities() {
    let t = traps();
    // `us` is a word, not the United States.
    assert_eq!(labels(&t, &["us"]), ["3"]);
    let v: serde_json::Value = t.json(["search", "us", "--format", "json"]);
    assert_eq!(v["expanded"], serde_json::json!([]));
    // Niger is not Nigeria.
    assert_eq!(labels(&t, &["Niger"]), ["5"]);
    // Korea is not the Korean Peninsula.
    assert_eq!(labels(&t, &["Korea"]), Vec::<String>::new());
}

#[test]
fn a_demonym_names_its_country_unless_it_is_said_of_two() {
    let t = written(
        "demonyms-2030.txt",
        "Chairman's Statement of the Seminar on Missile Non-Proliferation\n\
         Manila, 3 May 2030\n\n\
         1. The participants condemned the ballistic missile launches by the Democratic \
         People's Republic of Korea in violation of Security Council resolutions.\n\n\
         2. North Korea's missile programme was discussed at length.\n\n\
         3. A Korean folk ensemble performed at the closing dinner, where missiles were not discussed.\n\n\
         4. Sri Lanka and New Zealand described their missile technology controls.\n\n\
         5. Iraq's new law on missile exports was welcomed.\n\n\
         6. The Greek Cypriot and Turkish Cypriot leaders met on missile defence.\n\n\
         7. Greece and Turkey did not take part in the missile talks.\n",
    );
    let mut l = labels(&t, &["North Korean missiles"]);
    l.sort();
    assert_eq!(l, ["1", "2"]);
    assert_eq!(labels(&t, &["Sri Lankan missile"]), ["4"]);
    // `Korean` alone is no country: only the words.
    assert_eq!(labels(&t, &["Korean missiles"]), ["3"]);
    // One word that is one country's names it (Iraq's own paragraph
    // does not say `Iraqi`).
    assert_eq!(labels(&t, &["Iraqi missile"]), ["5"]);
    // The Cypriot communities are not Greece or Turkey.
    assert_eq!(labels(&t, &["missile", "--country", "GRC"]), ["7"]);
    assert_eq!(labels(&t, &["missile", "--country", "CYP"]), ["6"]);
}

#[test]
fn a_hyphenated_pair_of_countries_names_both_and_slang_reads_as_the_term() {
    let t = written(
        "pairs-2031.txt",
        "Joint Press Statement of the Ruritania Policy Dialogue\n\
         Seoul, 4 June 2031\n\n\
         1. The Republic of Korea and the United States reaffirmed their alliance and its \
         extended deterrence.\n\n\
         2. The alliance between the two navies of Chile was reviewed.\n\n\
         3. Japan and China discussed the nuclear weapons of the DPRK and a possible sixth \
         nuclear test.\n\n\
         4. The non-proliferation regime and chemical weapons were on the agenda.\n\n\
         5. Talks on lethal autonomous weapons systems should conclude soon.\n",
    );
    // `US-ROK` is the two countries, each by any of its names; `ROK-US` too.
    for q in ["US-ROK alliance", "ROK-US alliance"] {
        assert_eq!(labels(&t, &[q]), ["1"], "{q}");
    }
    assert_eq!(labels(&t, &["Japan-China"]), ["3"]);
    // A hyphenated word whose parts are not both names stays one word.
    assert_eq!(labels(&t, &["non-proliferation"]), ["4"]);
    assert_eq!(labels(&t, &["nuke test"]), ["3"]);
    assert_eq!(labels(&t, &["chem weapons"]), ["4"]);
    assert_eq!(labels(&t, &["killer robots"]), ["5"]);
    let mut l = labels(&t, &["nukes"]);
    l.sort();
    assert_eq!(l, ["3"]);
}

#[test]
fn spelling_variants_and_accents_match() {
    let t = traps();
    let both = ["10", "9"];
    for q in ["nonproliferation", "non-proliferation"] {
        let mut l = labels(&t, &[q]);
        l.sort();
        assert_eq!(l, both, "{q}");
    }
    for q in ["counterterrorism", "counter-terrorism"] {
        let mut l = labels(&t, &[q]);
        l.sort();
        assert_eq!(l, both, "{q}");
    }
    assert_eq!(labels(&t, &["Southeast"]), ["10"]);
    assert_eq!(labels(&t, &["program"]), ["10"]);
    // Accents fold for matching; the text keeps them.
    for q in ["Cote d'Ivoire", "Turkiye", "Türkiye"] {
        let page = t.search(&[q]);
        assert_eq!(page.labels(), ["8"], "{q}");
        assert!(page.hits[0].text.starts_with("Côte d’Ivoire and Türkiye"));
    }
}

#[test]
fn snippets_mark_phrases_and_filtered_mentions() {
    let t = traps();
    let marked = |args: &[&str]| -> Vec<String> {
        let page = t.search(args);
        let h = &page.hits[0];
        let s = h.snippet.clone().unwrap_or_default();
        h.highlights
            .clone()
            .unwrap_or_default()
            .iter()
            .map(|[a, b]| s[*a..*b].to_string())
            .collect()
    };
    assert_eq!(
        marked(&["\"weapons of mass destruction\""]),
        ["Weapons of mass destruction"]
    );
    // A filter and no query: the window around the mention.
    assert_eq!(
        marked(&["--instrument", "CTBT", "--sort", "oldest"]),
        ["Comprehensive Nuclear-Test-Ban Treaty"]
    );
    let v: serde_json::Value = t.json(["search", "WMD", "--format", "json"]);
    let snippets = v["hits"][0]["snippets"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(snippets.len(), 1);
    assert_eq!(snippets[0]["highlights"], serde_json::json!([[0, 27]]));
}

#[test]
fn thin_results_say_what_would_find_more() {
    let t = traps();
    let out = t
        .run(["search", "CTBT", "--literal"])
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.lines().last(),
        Some("CTBT is an instrument: --instrument CTBT finds 2"),
        "{text}"
    );
    let out = t
        .run(["search", "ratify zzyzx", "--all-words"])
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.lines().last(),
        Some("no paragraph has all the words; 1 has all but \"zzyzx\""),
        "{text}"
    );
    // Without `--all-words` that paragraph is shown, and the line says so.
    let out = t
        .run(["search", "ratify zzyzx"])
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("query-traps-2026.txt#2"), "{text}");
    assert_eq!(
        text.lines().last(),
        Some("no matching paragraphs; 1 has all but \"zzyzx\""),
        "{text}"
    );
    // Nothing added to JSON, nor when results are plenty.
    let out = t
        .run(["search", "ratify zzyzx", "--format", "json"])
        .success()
        .get_output()
        .clone();
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok());
}

#[test]
fn operators_not_prefix_and_unsupported_syntax() {
    let t = traps();
    assert_eq!(labels(&t, &["CTBT NOT Indonesia"]), ["2"]);
    let mut ratif = labels(&t, &["ratif*", "--literal"]);
    ratif.sort();
    assert_eq!(ratif, ["1", "2"]);
    assert_eq!(labels(&t, &["ratify AND sign", "--literal"]), ["2"]);
    let out = t
        .run(["search", "country:JPN export"])
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("field:value syntax is not supported"),
        "{stderr}"
    );
    // A dangling NOT is a usage error naming the query, on one line.
    let out = t.run(["search", "CTBT NOT"]).code(2).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("'CTBT NOT'"), "{stderr}");
}

#[test]
fn on_the_sample_and_general_debate_subjects_find_what_their_names_find() {
    let Some(t) = astop_and_general_debate() else {
        return;
    };
    // WMD finds at least 90% of what the phrase finds.
    let wmd = ids(&t, &["WMD"]);
    let phrase = ids(&t, &["\"weapons of mass destruction\""]);
    let covered = phrase.intersection(&wmd).count();
    assert!(
        covered * 10 >= phrase.len() * 9,
        "{covered} of {}",
        phrase.len()
    );
    // The two spellings find the same paragraphs.
    let joined = ids(&t, &["nonproliferation"]);
    assert!(joined.len() > 50, "{}", joined.len());
    assert_eq!(joined, ids(&t, &["non-proliferation"]));
    // CTBT finds everything the filter finds, and --literal what the
    // words alone found before issue 13.
    let ctbt = ids(&t, &["CTBT"]);
    let filtered = ids(&t, &["--instrument", "CTBT"]);
    assert!(filtered.is_subset(&ctbt), "{filtered:?} ⊄ {ctbt:?}");
    assert_eq!(t.search(&["CTBT", "--literal"]).total, 3);
    // Côte d'Ivoire typed without the accent and with a straight quote.
    let civ = t.search(&["Cote d'Ivoire"]);
    assert!(civ.total >= 1);
    assert!(civ.hits.iter().all(|h| h.text.contains("Côte d")));
}

/// Typed words that are a specific thing and one of a broad topic's
/// narrower triggers (`NWFZ`: the zones, within the nuclear topic): the
/// paragraph that names the thing comes before one that only uses many of
/// the broad topic's words, which no longer match through the topic.
#[test]
fn the_specific_reading_ranks_above_a_paragraph_dense_in_a_broad_topic() {
    let t = TestDir::new();
    let name = "coastal-states-forum-2026.txt";
    t.copy_in(&fixtures().join("query/readings").join(name), name);
    t.run(["ingest"]).success();
    let v: serde_json::Value = t.json(["search", "NWFZ", "--format", "json"]);
    let readings: Vec<&str> = v["expanded"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["entity"].as_str()).collect())
        .unwrap_or_default();
    // `NWFZ` is a narrower subject within the nuclear topic: typed, it
    // names the zones, not every nuclear paragraph.
    assert!(!readings.contains(&"topic:nuclear"), "{readings:?}");
    let first: Vec<&str> = v["hits"]
        .as_array()
        .map(|a| a.iter().filter_map(|h| h["paragraph"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(first.first(), Some(&"2"), "{first:?}");
    assert!(
        !first.contains(&"3"),
        "a paragraph only dense in nuclear words is no zone: {first:?}"
    );
}

#[test]
fn a_resolution_typed_by_its_symbol_or_number_finds_its_mentions() {
    let t = ingested("resolution-numbers-2030.txt");
    // However it is typed, resolution 2998 is read as the resolution: the
    // paragraphs that name it, in words or by symbol, and not the one
    // about resolution 2999 or the one with 2998 tonnes.
    for typed in [
        "S/RES/2998",
        "UNSCR 2998",
        "UNSCR-2998",
        "SCR 2998",
        "resolution 2998",
        "res 2998",
        "SC res. 2998",
    ] {
        let mut got = labels(&t, &[typed]);
        got.sort();
        assert_eq!(got, ["1", "2"], "{typed}");
    }
    let v: serde_json::Value = t.json(["search", "UNSCR 2998", "--format", "json"]);
    assert_eq!(v["expanded"][0]["entity"], "instrument:UNSCR-2998");
    assert_eq!(v["expanded"][0]["to"][0], "resolution 2998");
    // Words only: no paragraph writes `UNSCR`.
    assert!(labels(&t, &["UNSCR 2998", "--literal"]).is_empty());
}

/// A resolution typed by number finds the resolution itself first, from
/// its first paragraph on, then what mentions it: the later resolution
/// that recalls it, the workshop, the press release of its adoption
/// (which ranks by its words, not as the text). Resolution 3010, which
/// recalls 2998, is not 2998's text.
#[test]
fn a_resolution_typed_by_number_finds_its_own_text_first() {
    let t = TestDir::new();
    let dir = fixtures().join("query/resolution-itself");
    for name in [
        "S_RES_2998_2029_invented.txt",
        "S_RES_3010_2029_invented.txt",
        "sc-press-2029-adoption.txt",
    ] {
        t.copy_in(&dir.join(name), name);
    }
    let workshop = "resolution-numbers-2030.txt";
    t.copy_in(&fixtures().join("query").join(workshop), workshop);
    t.run(["ingest"]).success();
    let own = |h: &&crate::util::Hit| h.source == "S_RES_2998_2029_invented.txt";
    // The labels of the resolution's own paragraphs at the top of a page.
    let own_first = |page: &crate::util::Page| -> Vec<String> {
        page.hits
            .iter()
            .take_while(|h| own(h))
            .map(|h| h.paragraph.clone())
            .collect()
    };
    for typed in [
        "resolution 2998",
        "S/RES/2998",
        "UNSCR 2998",
        "S/RES/2998 (2029)",
    ] {
        let page = t.search(&[typed, "--limit", "20"]);
        assert_eq!(
            own_first(&page),
            ["p1", "p2", "p3", "1", "2", "3"],
            "{typed}: {:?}",
            page.ids()
        );
        assert_eq!(
            page.hits.iter().filter(own).count(),
            6,
            "{typed}: no barcode paragraph"
        );
        let mentions: BTreeSet<&str> = page.hits[6..].iter().map(|h| h.id.as_str()).collect();
        for id in [
            "S_RES_3010_2029_invented.txt#p1",
            "S_RES_3010_2029_invented.txt#1",
            "resolution-numbers-2030.txt#2",
            "sc-press-2029-adoption.txt#p1",
        ] {
            assert!(mentions.contains(id), "{typed}: {id} in {mentions:?}");
        }
        assert!(
            !mentions.contains("resolution-numbers-2030.txt#4"),
            "{typed}: 2998 tonnes"
        );
    }
    // As a filter, in any of its forms: its own text first, then what
    // cites it (its own paragraphs never do).
    for filter in ["resolution 2998", "UNSCR-2998", "S/RES/2998 (2029)", "2998"] {
        let page = t.search(&["--instrument", filter, "--limit", "20"]);
        assert_eq!(
            own_first(&page),
            ["p1", "p2", "p3", "1", "2", "3"],
            "--instrument {filter}: {:?}",
            page.ids()
        );
        assert!(
            page.ids().contains(&"S_RES_3010_2029_invented.txt#p1"),
            "--instrument {filter}: {:?}",
            page.ids()
        );
    }
    let page = t.search(&["resolution 3010"]);
    assert!(
        page.hits
            .iter()
            .all(|h| h.source == "S_RES_3010_2029_invented.txt"),
        "{:?}",
        page.ids()
    );
    // The press page copied with the site's capitals: its headline, the
    // Council's meeting number, a press release.
    let release = t.search(&["inspect cargo", "--type", "press-release"]);
    let h = release.hits.first().expect("the press release");
    assert_eq!(h.source, "sc-press-2029-adoption.txt");
    assert_eq!(
        h.title.as_deref(),
        Some("Security Council Adopts Resolution 2998 (2029), Calling on States to Inspect Cargo Bound for Northern Corridor")
    );
    assert_eq!(h.edition, Some(9990));
}

/// What people type for words written another way: two words that are
/// also one (`cyber attacks`, `non proliferation`), an acronym for a
/// phrase (`CBMs`), an older spelling of a place (`Kiev`), and a treaty
/// by what people call it (`nuclear test ban treaty`), which the tagger does
/// not read as the CTBT (the same words name the 1963 treaty).
#[test]
fn words_typed_another_way_find_the_written_form() {
    let t = ingested("spellings-and-terms-2031.txt");
    let found = |args: &[&str]| -> BTreeSet<String> { labels(&t, args).into_iter().collect() };
    let set = |ls: &[&str]| -> BTreeSet<String> { ls.iter().map(|s| s.to_string()).collect() };
    assert_eq!(found(&["cyber attacks"]), set(&["1", "2"]));
    assert_eq!(found(&["cyber attacks", "--literal"]), set(&["2"]));
    assert_eq!(found(&["non proliferation export"]), set(&["3"]));
    assert_eq!(found(&["CBMs"]), set(&["4"]));
    assert_eq!(found(&["Kiev"]), set(&["5"]));
    // The treaty by the words people type: its names are searched too.
    let v: serde_json::Value = t.json(["search", "nuclear test ban treaty", "--format", "json"]);
    assert_eq!(v["expanded"][0]["to"][2], "CTBT", "{}", v["expanded"]);
    assert_eq!(found(&["nuclear test ban treaty"]), set(&["6", "7", "8"]));
    // In the text the same words name the 1963 treaty too: no tag.
    let hits = t.export();
    let ctbt: Vec<&str> = hits
        .iter()
        .filter(|h| h.instruments.iter().any(|i| i == "CTBT"))
        .map(|h| h.paragraph.as_str())
        .collect();
    assert_eq!(ctbt, ["8"]);
}

/// A country whose name another country's longer name holds: `Republic of
/// Korea` is not the Democratic People's Republic of Korea, nor `Republic
/// of the Congo` the Democratic Republic of the Congo, however it is
/// typed; a paragraph naming both is found from either.
#[test]
fn a_name_inside_a_longer_name_is_not_the_longer_one() {
    let t = ingested("longer-names-2031.txt");
    let found = |q: &str| -> BTreeSet<String> { labels(&t, &[q]).into_iter().collect() };
    let set = |ls: &[&str]| -> BTreeSet<String> { ls.iter().map(|s| s.to_string()).collect() };
    for typed in ["Republic of Korea", "ROK", "South Korea"] {
        assert_eq!(found(typed), set(&["2", "3"]), "{typed}");
    }
    assert_eq!(found("DPRK"), set(&["1", "3"]));
    assert_eq!(found("Republic of the Congo"), set(&["4"]));
    // Words only: the phrase is in all three.
    assert_eq!(
        labels(&t, &["Republic of Korea", "--literal"]).len(),
        3,
        "literal"
    );
}

/// The words of the field as users type them: a mission's acronym finds
/// its full name; a narrower subject within a broad topic (`UNDOF`,
/// `genocide` within peacekeeping and human rights) is not every paragraph
/// of the topic; `US` and `WHO` in capitals are the country and the
/// organisation, not the pronouns; `Guinea` is not Papua New Guinea.
#[test]
fn the_words_of_the_field_find_what_they_name() {
    let t = ingested("field-words-2031.txt");
    assert_eq!(labels(&t, &["UNDOF"]), ["1"]);
    assert_eq!(labels(&t, &["genocide"]), ["8"]);
    assert_eq!(labels(&t, &["WHO"]), ["3"]);
    assert_eq!(labels(&t, &["US"]), ["5"]);
    assert_eq!(labels(&t, &["Guinea"]), ["5"]);
    assert_eq!(labels(&t, &["SRSG"]), ["7"]);
    // The topic's own name still reads as the topic.
    let pk = labels(&t, &["peacekeeping"]);
    assert!(pk.contains(&"2".to_string()), "{pk:?}");
    // Typed in lower case, `who` is the word.
    assert_eq!(labels(&t, &["who"]), ["4"]);
    // --from and --to are --since and --until.
    assert_eq!(
        labels(&t, &["UNDOF", "--from", "2031", "--to", "2031-11"]),
        ["1"]
    );
    assert!(labels(&t, &["UNDOF", "--from", "2032"]).is_empty());
}

/// The Council's measures in its own words (`all States shall prevent`,
/// `the measures imposed by`, its committee) are sanctions, which its
/// resolutions rarely name; a citation typed as the UN prints it
/// (`S/RES/2899(2031)`); the African Union and the region's name as a
/// country filter; a territory's former name; acronyms of the field; a
/// country's name misspelt.
#[test]
fn the_councils_measures_and_the_regions_names() {
    let t = ingested("council-measures-2031.txt");
    assert_eq!(labels(&t, &["Bhutan sanctions"]), ["1"]);
    let measures = labels(&t, &["sanctions"]);
    for l in ["1", "2", "7"] {
        assert!(measures.contains(&l.to_string()), "{measures:?}");
    }
    assert!(!measures.contains(&"3".to_string()), "{measures:?}");
    let cited = labels(&t, &["S/RES/2899(2031)"]);
    assert_eq!(cited.len(), 3, "{cited:?}");
    // `AU` is the African Union (and its members: Namibia), not
    // Australia (AUS).
    let au: BTreeSet<String> = labels(&t, &["--country", "AU"]).into_iter().collect();
    assert_eq!(au, BTreeSet::from(["4".to_string(), "6".to_string()]));
    assert_eq!(labels(&t, &["--country", "AUS"]), ["5"]);
    assert_eq!(labels(&t, &["--country", "Namibia"]), ["6"]);
    // Acronyms of the field read as their names.
    assert_eq!(labels(&t, &["AI"]), ["8"]);
    assert_eq!(labels(&t, &["IDPs"]), ["8"]);
    // A country's name misspelt in the query: the name is offered.
    t.run(["search", "Buthan"])
        .success()
        .stdout(predicates::str::contains(
            "no paragraph has Buthan; did you mean Bhutan? (2 paragraphs)",
        ));
    t.run(["search", "--country", "Africa"])
        .code(2)
        .stderr(predicates::str::contains("did you mean AU (African Union)"));
}

#[test]
fn bodies_and_groups_by_their_acronyms_and_other_spellings() {
    let t = ingested("bodies-and-groups-2032.txt");
    // Acronyms of the UN's bodies and of missions read as their names.
    assert_eq!(labels(&t, &["ICRC"]), ["1"]);
    assert_eq!(labels(&t, &["UNSCOM"]), ["2"]);
    assert_eq!(labels(&t, &["UNTSO"]), ["4"]);
    // A group's names and transliterations find each other.
    assert_eq!(labels(&t, &["ISIL"]), ["3"]);
    assert_eq!(labels(&t, &["Daesh"]), ["3"]);
    assert_eq!(labels(&t, &["Hezbollah"]), ["6"]);
    assert_eq!(labels(&t, &["Zelensky"]), ["8"]);
    // The words typed stay required: `ICRC detention` is paragraph 1, the
    // workers' release (7) names no Committee.
    assert_eq!(labels(&t, &["ICRC humanitarian workers"]), ["1"]);
}

#[test]
fn a_question_searches_its_subject_not_its_filler_words() {
    let t = ingested("bodies-and-groups-2032.txt");
    // Required, `what`, `did`, `the`, `say` and `about` found nothing.
    assert_eq!(
        labels(&t, &["what did the ICRC say about detention"]),
        ["1"]
    );
    let v: serde_json::Value = t.json([
        "search",
        "what did the ICRC say about detention",
        "--format",
        "json",
    ]);
    assert_eq!(
        v["skipped"],
        serde_json::json!(["what", "did", "the", "say", "about"])
    );
    t.run(["search", "what did the ICRC say about detention"])
        .success()
        .stdout(predicates::str::contains(
            "not required: what did the say about",
        ));
    // With --literal every word is required.
    assert!(labels(&t, &["what did the ICRC say about detention", "--literal"]).is_empty());
    // A filler alone, or a name written in capitals, is searched.
    assert_eq!(labels(&t, &["about"]), Vec::<String>::new());
    assert_eq!(labels(&t, &["the Special Commission"]), ["2"]);
    // A lower-case `or` is no operator: it is said.
    t.run(["search", "detention or fighters"])
        .success()
        .stderr(predicates::str::contains("type `OR` for either word"));
    let mut either = labels(&t, &["detention OR fighters"]);
    either.sort();
    assert_eq!(either, ["1", "6"]);
}

#[test]
fn slashes_brackets_and_soft_hyphens_read_as_the_index_reads_them() {
    let t = written(
        "charter-2032.txt",
        "Summary of the Open Debate on the Charter\nNew York, 9 May 2032\n\n\
         1. Members recalled Article 2(4) of the Charter and the prohibition of the use of force.\n\n\
         2. Article 24 of the Charter confers primary responsibility on the Council.\n\n\
         3. Ruritania and Borduria described their border talks.\n\n\
         4. Presi\u{ad}dent Tarkov commended the mediators.\n",
    );
    // `2(4)` is `2 4`, as the index has it, not `24`.
    assert_eq!(labels(&t, &["Article 2(4)"]), ["1"]);
    // Two names joined by a slash are both searched.
    assert_eq!(labels(&t, &["Ruritania/Borduria"]), ["3"]);
    // A soft hyphen inside a word does not cut it.
    assert_eq!(labels(&t, &["\"President Tarkov commended\""]), ["4"]);
}

#[test]
fn filters_take_names_as_lists_and_topics_write_them() {
    let t = ingested("groups-and-charter-2033.txt");
    // Groups of the data's latest rows, by name and acronym.
    assert_eq!(labels(&t, &["--group", "Quad"]), ["1"]);
    assert_eq!(labels(&t, &["--group", "NATO"]), ["3"]);
    assert_eq!(labels(&t, &["--group", "Gulf Cooperation Council"]), ["4"]);
    // A group as a country filter is the group and its members.
    let mut gcc = labels(&t, &["--country", "GCC"]);
    gcc.sort();
    assert_eq!(gcc, ["4"]);
    // A name the ISO and UN lists write with a comma is one country, not
    // two values; other commas still list alternatives.
    assert_eq!(labels(&t, &["--country", "Korea, Republic of"]), ["6"]);
    let mut either = labels(&t, &["--country", "KOR, India"]);
    either.sort();
    assert_eq!(either, ["1", "6"]);
    // A topic's trigger written out in full (`counter-terroris*`).
    assert_eq!(labels(&t, &["--topic", "counter-terrorism"]), ["5"]);
    // The Charter is an instrument by any of its names, typed or filtered.
    let mut charter = labels(&t, &["--instrument", "UN Charter"]);
    charter.sort();
    assert_eq!(charter, ["2", "6"]);
    let mut typed = labels(&t, &["UN Charter"]);
    typed.sort();
    assert_eq!(typed, ["2", "6"]);
    t.run(["search", "UN Charter"])
        .success()
        .stdout(predicates::str::contains("instrument UN-CHARTER"));
}

#[test]
fn acronyms_typed_in_lower_case_and_possessives_read_as_names() {
    let t = ingested("bodies-and-groups-2032.txt");
    // An acronym typed in lower case is the acronym unless it is then an
    // English word (`us`, `who`).
    assert_eq!(labels(&t, &["icrc"]), ["1"]);
    assert_eq!(labels(&t, &["untso"]), ["4"]);
    assert_eq!(labels(&t, &["isil"]), ["3"]);
    t.run(["search", "isil"])
        .success()
        .stdout(predicates::str::contains("read as: isil = Islamic State"));
    // A possessive names what its word names.
    assert_eq!(labels(&t, &["Zelensky's prisoners"]), ["8"]);
    assert_eq!(labels(&t, &["ICRC’s detention"]), ["1"]);
    let t = ingested("groups-and-charter-2033.txt");
    let mut australia = labels(&t, &["Australia's"]);
    australia.sort();
    assert_eq!(australia, ["1", "7"]);
}

#[test]
fn the_words_people_type_for_the_organization_its_peoples_and_its_work() {
    let t = ingested("people-and-the-organization-2034.txt");
    // `UN` is the Organization the resolutions write out.
    assert_eq!(labels(&t, &["UN observers"]), ["1"]);
    assert_eq!(labels(&t, &["un observers"]), ["1"]);
    // The people's plural names the country, as the adjective does.
    let mut got = labels(&t, &["Palestinians"]);
    got.sort();
    assert_eq!(got, ["3", "7"]);
    assert_eq!(labels(&t, &["Israelis displacement"]), ["3"]);
    // An acronym written as the British press writes it.
    assert_eq!(labels(&t, &["Unifil"]), ["5"]);
    // The one who does it and the doing; British and American pairs.
    assert_eq!(labels(&t, &["inspectors"]), ["2"]);
    assert_eq!(labels(&t, &["aggressor"]), ["3"]);
    assert_eq!(labels(&t, &["kilometers"]), ["4"]);
    assert_eq!(labels(&t, &["national security adviser"]), ["5"]);
    assert_eq!(labels(&t, &["healthcare"]), ["6"]);
    // A query typed in capitals: `ON`, `OF` are not required.
    assert_eq!(labels(&t, &["ATTACKS ON FACILITIES"]), ["6"]);
    // A minus an editor turned into a dash excludes.
    let mut got = labels(&t, &["Secretary-General –observers"]);
    got.sort();
    assert_eq!(got, ["4"]);
    // `Who` and `Start` with a capital stay words, not WHO and START.
    for word in ["Who", "Start"] {
        t.run(["search", word])
            .success()
            .stdout(predicates::prelude::PredicateBooleanExt::not(
                predicates::str::contains("read as"),
            ));
    }
}

#[test]
fn a_year_typed_beside_a_subject_asks_for_that_years_documents() {
    let t = TestDir::new();
    t.write(
        "council-1961.txt",
        "Resolution 9001 (1961)\n\nAdopted by the Security Council at its 950th meeting, on 3 May 1961\n\n\
         The Security Council,\n\n\
         1. Calls upon the parties in Ruritania to cease hostilities at once;\n\n\
         2. Decides to remain seized of the question.\n",
    );
    t.write(
        "council-1964.txt",
        "Resolution 9002 (1964)\n\nAdopted by the Security Council at its 1101st meeting, on 9 June 1964\n\n\
         The Security Council,\n\n\
         1. Recalls its resolution 9001 (1961) on Ruritania and notes the end of hostilities;\n\n\
         2. Decides to remain seized of the question.\n",
    );
    t.run(["ingest"]).success();
    let ids = |q: &str| sorted_ids(&t, q);
    // The year's documents, and the paragraphs that write the year.
    assert_eq!(
        ids("Ruritania 1961"),
        ["council-1961.txt#1", "council-1964.txt#1"]
    );
    assert_eq!(ids("hostilities 1964"), ["council-1964.txt#1"]);
    // Typed as a phrase, or with --literal, the figure only.
    assert_eq!(ids("\"Ruritania 1961\""), Vec::<String>::new());
    let literal: Vec<String> = t
        .search(&["Ruritania 1964", "--literal"])
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert!(literal.is_empty(), "{literal:?}");
}

#[test]
fn a_body_typed_beside_a_subject_finds_what_that_body_said() {
    let t = TestDir::new();
    t.write(
        "g7-2034-leaders-communique.txt",
        "G7 Leaders' Communiqué\nTaormina, 14 June 2034\n\n\
         1. We, the Leaders of the Group of Seven, met in Taormina to address the challenges facing our economies.\n\n\
         2. We reaffirm our unwavering support for Ukraine and its people for as long as it takes.\n\n\
         3. We will continue to coordinate our efforts on food security and critical minerals.\n",
    );
    t.write(
        "fac-2034-press-statement.txt",
        "Press Statement of the Foreign Affairs Council\nBrussels, 20 May 2034\n\n\
         1. The Council discussed the situation in Ukraine and the next steps on reconstruction.\n\n\
         2. Ministers welcomed the commitment of the G7 to food security.\n",
    );
    t.run(["ingest"]).success();
    let ids = |q: &str| sorted_ids(&t, q);
    // The communiqué's own paragraph on Ukraine does not say `G7`.
    assert_eq!(ids("G7 Ukraine"), ["g7-2034-leaders-communique.txt#2"]);
    assert_eq!(
        ids("G7 \"food security\""),
        [
            "fac-2034-press-statement.txt#2",
            "g7-2034-leaders-communique.txt#3"
        ]
    );
    // Typed alone, the name keeps to the paragraphs that name it.
    assert_eq!(
        ids("G7"),
        [
            "fac-2034-press-statement.txt#2",
            "g7-2034-leaders-communique.txt#1"
        ]
    );
}

#[test]
fn irregular_forms_and_compounds_written_apart_find_each_other() {
    let t = written(
        "protection-2033.txt",
        "Chair's Summary of the Regional Workshop on the Protection of Civilians\nNairobi, 3 February 2033\n\n\
         1. Participants heard survivors describe the abduction of women and children from the camps.\n\n\
         2. The representative of Borduria said its forces had withdrawn from the border villages.\n\n\
         3. Participants stressed that peace-building must start before the fighting ends.\n\n\
         4. The wellbeing of displaced families depends on safe access to water.\n",
    );
    // Irregular plurals and past forms the stemmer leaves apart.
    assert_eq!(labels(&t, &["woman child"]), ["1"]);
    assert_eq!(labels(&t, &["withdraw"]), ["2"]);
    // A compound typed joined finds it hyphenated, and the other way.
    assert_eq!(labels(&t, &["peacebuilding"]), ["3"]);
    assert_eq!(labels(&t, &["well-being"]), ["4"]);
    // --literal keeps to the typed form.
    assert!(labels(&t, &["woman", "--literal"]).is_empty());
}

#[test]
fn a_misspelt_country_is_offered_by_the_name_closest_to_what_was_typed() {
    let t = written(
        "gulf-2033.txt",
        "Chair's Summary of the Gulf Security Dialogue\nManama, 8 March 2033\n\n\
         1. Participants reviewed the reconstruction of Iraq and the return of displaced families.\n\n\
         2. The delegation of Iraq briefed on border crossings with Syria.\n\n\
         3. Participants discussed the situation in Syria and in Libya.\n\n\
         4. Iran's delegation described the shipping lanes of the Gulf.\n\n\
         5. Participants welcomed the reopening of Iraq's northern pipeline.\n\n\
         6. Syria's neighbours described the return of refugees.\n",
    );
    let last_line = |q: &str| {
        let out = t.run(["search", q]).success().get_output().clone();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.lines().last().unwrap_or_default().to_string()
    };
    // Iran and Iraq are one letter from `Irak`: the one found most is
    // offered, by its short name (the display name is `Iran (Islamic
    // Republic of)`, which no paragraph writes).
    // One edit from a name the paragraphs write: the search reads it as
    // that name and says so; with `--literal` it is only offered.
    let out = t.run(["search", "Irak"]).success().get_output().clone();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(
        text.lines().next(),
        Some("no paragraph has Irak; showing Iraq (--literal for the words as typed)")
    );
    assert!(text.contains("3 matching paragraphs"), "{text}");
    t.run(["search", "Irak", "--literal"])
        .success()
        .stdout(predicates::str::contains(
            "no paragraph has Irak; did you mean Iraq? (3 paragraphs)",
        ));
    // Libya and Syria are two edits from `Lybia`; Libya has its letters.
    assert_eq!(
        last_line("Lybia"),
        "no paragraph has Lybia; did you mean Libya? (1 paragraph)"
    );
}

#[test]
fn names_as_the_council_spells_them_are_found_by_the_common_spelling() {
    let t = written(
        "council-2033.txt",
        "Summary of the Council's Monthly Briefings\nNew York, 30 April 2033\n\n\
         1. Members heard that the Huthis had released the crew of the cargo ship.\n\n\
         2. The co-chairs reported on the talks on Nagorny Karabakh.\n\n\
         3. Members recalled the ban on military flights over the northern districts.\n\n\
         4. Members discussed the embargo on all deliveries of weapons to the militias.\n",
    );
    assert_eq!(labels(&t, &["Houthis"]), ["1"]);
    assert_eq!(labels(&t, &["Nagorno-Karabakh"]), ["2"]);
    assert_eq!(labels(&t, &["no-fly zone"]), ["3"]);
    assert_eq!(labels(&t, &["arms embargo"]), ["4"]);
}

#[test]
fn words_joined_by_or_dotted_acronyms_and_half_named_pairs_are_read() {
    let t = ingested("either-dotted-and-pairs-2035.txt");
    // Each word joined by `OR` is read as it would be alone: `ceasefire`
    // finds `cease-fire`, so `ceasefire OR truce` finds both.
    assert_eq!(labels(&t, &["ceasefire"]), ["2"]);
    let mut got = labels(&t, &["ceasefire OR truce"]);
    got.sort();
    assert_eq!(got, ["1", "2"]);
    let mut got = labels(&t, &["ceasefire OR truce", "--literal"]);
    got.sort();
    assert_eq!(got, ["1"]);
    // Acronyms typed with full stops are the acronyms, not the letters
    // (`A.U.` is not the `a U.S.` of paragraph 4).
    assert_eq!(labels(&t, &["N.A.T.O."]), ["3"]);
    assert_eq!(labels(&t, &["A.U."]), ["3"]);
    assert_eq!(labels(&t, &["N.A.T.O. OR A.U."]), ["3"]);
    // A hyphenated pair with one side a country is both words.
    assert_eq!(labels(&t, &["Israel-Hamas"]), ["5"]);
    assert_eq!(labels(&t, &["US-led"]), ["6"]);
    // Event names: the bombing by the town's name, the Gulf by its
    // other names.
    assert_eq!(labels(&t, &["Lockerbie"]), ["7"]);
    assert_eq!(labels(&t, &["Persian Gulf"]), ["6"]);
}

#[test]
fn names_beside_or_possessives_in_names_misspellings_and_the_councils_verb() {
    let t = ingested("or-names-and-peoples-2035.txt");
    let sorted = |args: &[&str]| {
        let mut got = labels(&t, args);
        got.sort();
        got
    };
    // `Sri Lanka OR India` is the country or India, not `Sri` with
    // `Lanka` or `India`: paragraph 2 names India alone.
    assert_eq!(sorted(&["Sri Lanka OR India"]), ["1", "2"]);
    assert_eq!(sorted(&["India OR Sri Lanka"]), ["1", "2"]);
    // Either order, the same paragraph: the name after `OR` is whole too.
    assert_eq!(sorted(&["Iran OR North Korea"]), ["6"]);
    assert_eq!(sorted(&["North Korea OR Iran"]), ["6"]);
    // `People's` inside a name stays: the PRC, not Taiwan's Republic of
    // China; the Lao PDR by its full name.
    assert_eq!(labels(&t, &["People's Republic of China"]), ["3"]);
    assert_eq!(labels(&t, &["Republic of China"])[0], "4");
    assert_eq!(labels(&t, &["Lao People's Democratic Republic"]), ["5"]);
    // The Council's verb is not the port's authority.
    assert_eq!(labels(&t, &["authorizes"]), ["8"]);
    assert_eq!(labels(&t, &["authorisation"]), ["8"]);
    assert_eq!(labels(&t, &["authority"]), ["7"]);
    // A word misspelt in the query: the paragraphs' own word is offered,
    // in the case typed, before a country spelled less like it.
    // The search reads it as that word (one or two edits, by the word's
    // length); `--literal` keeps to the typed word and offers it.
    for (typed, meant) in [
        ("hydrografic", "hydrographic"),
        ("Semiconducter", "Semiconductor"),
        ("landloked State", "landlocked"),
        ("Hambantotta", "Hambantota"),
    ] {
        let word = typed.split(' ').next().unwrap();
        t.run(["search", typed])
            .success()
            .stdout(predicates::str::contains(format!(
                "no paragraph has {word}; showing {meant} (--literal for the words as typed)"
            )))
            .stdout(predicates::str::contains("1 matching paragraph"));
        t.run(["search", typed, "--literal"])
            .success()
            .stdout(predicates::str::contains(format!(
                "no paragraph has {word}; did you mean {meant}? (1 paragraph)"
            )));
    }
    // A name in capitals that no paragraph holds is not read as another.
    t.run(["search", "HAMBANTOTTA"])
        .success()
        .stdout(predicates::str::contains("did you mean HAMBANTOTA?"));
}

#[test]
fn a_file_named_without_its_folder_is_found_when_one_file_has_that_name() {
    let t = TestDir::new();
    t.copy_in(
        &fixtures()
            .join("query")
            .join("either-dotted-and-pairs-2035.txt"),
        "dialogue/2035/either-dotted-and-pairs-2035.txt",
    );
    t.copy_in(
        &fixtures()
            .join("query")
            .join("people-and-the-organization-2034.txt"),
        "council/people-2034.txt",
    );
    t.copy_in(
        &fixtures()
            .join("query")
            .join("people-and-the-organization-2034.txt"),
        "council/copy/people-2034.txt",
    );
    t.run(["ingest"]).success();
    t.run(["show", "either-dotted-and-pairs-2035.txt#7"])
        .success()
        .stdout(predicates::str::contains("Pan Am flight 103"));
    t.run(["show", "--document", "either-dotted-and-pairs-2035.txt"])
        .success()
        .stdout(predicates::str::contains("Rabat in 2036"));
    t.run(["cite", "either-dotted-and-pairs-2035.txt#7"])
        .success();
    // Two files of that name: the ids of both are offered.
    t.run(["show", "people-2034.txt#3"])
        .code(2)
        .stderr(predicates::str::contains("council/copy/people-2034.txt#3"))
        .stderr(predicates::str::contains("council/people-2034.txt#3"));
}

#[test]
fn listed_resolutions_plural_acronyms_successor_names_and_whole_words_with_a_star() {
    let t = ingested("lists-plurals-and-stars-2035.txt");
    // Each resolution of a list that dates them is tagged, not the first
    // only.
    for n in ["2791", "2803", "2822"] {
        assert_eq!(labels(&t, &["--instrument", n]), ["p1"], "{n}");
    }
    // An acronym's plural is the acronym (the stemmer keeps its `s`).
    assert_eq!(labels(&t, &["MDB"]), ["p2"]);
    // The Organization finds what the Conference before it did.
    assert_eq!(labels(&t, &["OSCE"]), ["p3"]);
    assert_eq!(labels(&t, &["DMZ"]), ["1"]);
    // A whole word with a star finds the word (its stem is shorter).
    assert_eq!(labels(&t, &["organizations*"]), ["2"]);
    assert_eq!(labels(&t, &["Special cooperation*"]), ["3"]);
}

#[test]
fn everyday_words_solid_compounds_abbreviations_and_the_charter_as_resolutions_cite_it() {
    let t = ingested("everyday-words-and-the-charter-2036.txt");
    let sorted = |args: &[&str]| {
        let mut got = labels(&t, args);
        got.sort_by_key(|l| l.parse::<u32>().unwrap_or(0));
        got
    };
    // The organisation by its full name, without the pronoun `who` that
    // its acronym is in the lower-cased index (paragraph 2).
    assert_eq!(sorted(&["World Health Organization"]), ["1"]);
    assert_eq!(sorted(&["World Health Organisation"]), ["1"]);
    // `the Charter` of a document that names the United Nations is the
    // UN Charter; another charter's name, or `Charter of`, is not.
    assert_eq!(sorted(&["--instrument", "UN-CHARTER"]), ["3", "6"]);
    assert_eq!(sorted(&["Article 51 UN Charter"]), ["3"]);
    // Abbreviations and numbers as typed.
    assert_eq!(sorted(&["Art. 51"]), ["3"]);
    assert_eq!(sorted(&["Chapter Six"]), ["6"]);
    assert_eq!(sorted(&["Chapter 6"]), ["6"]);
    // A solid compound, a Latin singular, an acronym's plural.
    assert_eq!(sorted(&["decisionmaking"]), ["4"]);
    assert_eq!(sorted(&["criterion"]), ["5"]);
    assert_eq!(sorted(&["NGOs"]), ["7"]);
    // The subject in everyday words.
    assert_eq!(sorted(&["misinformation"]), ["8"]);
    assert_eq!(sorted(&["hunger"]), ["9"]);
    assert_eq!(sorted(&["kidnapping"]), ["10"]);
    // A quoted phrase in another spelling of its words.
    assert_eq!(sorted(&["\"peacekeeping force\""]), ["13"]);
    // `détente` is not `detention` (the stemmer made both `detent`).
    assert_eq!(sorted(&["détente"]), ["15"]);
    assert_eq!(sorted(&["detention"]), ["14"]);
    // `!` and `¬` exclude as `-` does.
    assert_eq!(sorted(&["vaccination"]), ["1", "8"]);
    assert_eq!(sorted(&["vaccination !disinformation"]), ["1"]);
    assert_eq!(sorted(&["vaccination ¬disinformation"]), ["1"]);
}

#[test]
fn an_exclusion_removes_all_a_word_would_find_and_a_star_only_its_words() {
    let t = ingested("exclusions-stars-and-pasted-lists-2036.txt");
    let sorted = |args: &[&str]| {
        let mut got = labels(&t, args);
        got.sort();
        got
    };
    // `-X` removes what `X` finds: its other forms (`Iraqi`), sub-items
    // under a lead-in naming it, the names an acronym stands for.
    assert!(sorted(&["Iraq -Iraq"]).is_empty());
    assert_eq!(sorted(&["Iraq"]), ["1", "1(a)", "1(b)", "2"]);
    assert_eq!(sorted(&["Cyprus"]), ["3", "4"]);
    assert_eq!(sorted(&["Cyprus -UNFICYP"]), ["4"]);
    // A star stands for the words that begin with the prefix, not for
    // shorter words it begins with (`San`, `with`).
    assert_eq!(sorted(&["sanct*"]), ["7"]);
    assert_eq!(sorted(&["withd*"]), ["5"]);
    assert_eq!(sorted(&["thereb*"]), ["5"]);
    // Words pasted with a dash, a comma or a semicolon and no space are
    // two words, not a phrase.
    assert_eq!(sorted(&["Russia—Ukraine"]), ["9"]);
    assert_eq!(sorted(&["Russia,Ukraine"]), ["9"]);
    assert_eq!(sorted(&["Russia;Ukraine"]), ["9"]);
    // Two topics in one value are either topic, whatever their triggers.
    assert_eq!(sorted(&["--topic", "sanctions,terrorism"]), ["7", "8"]);
    assert_eq!(sorted(&["--topic", "terrorism,sanctions"]), ["7", "8"]);
    t.run(["search", "--topic", "sanctionsXYZ"])
        .code(2)
        .stderr(predicates::str::contains("sanctionsXYZ"));
    // Typed, but nothing to search: a usage error, as `*` and `OR` are,
    // not every paragraph.
    for q in ["AND", "\"\""] {
        t.run(["search", q])
            .code(2)
            .stderr(predicates::str::contains("no searchable words"));
    }
}

#[test]
fn names_of_people_and_currencies_are_no_countries_and_other_languages_acronyms_are_read() {
    let t = TestDir::new();
    let name = "news-2037-long-menu-agency-dateline-page-tail.txt";
    t.copy_in(
        &fixtures().join("docs").join("real-layouts").join(name),
        name,
    );
    t.write(
        "otan-2037.txt",
        "Chair's Summary of the Atlantic Security Seminar\nLisbon, 2 May 2037\n\n\
         1. Participants discussed the North Atlantic Treaty Organization and its partners.\n\n\
         2. The International Atomic Energy Agency briefed on safeguards in the region.\n",
    );
    t.run(["ingest"]).success();
    // `Ms. Jordan Whitfield` and `United States dollars`: no Jordan, no
    // United States; Ghana is named.
    assert!(labels(&t, &["--country", "JOR"]).is_empty());
    assert!(labels(&t, &["--country", "USA"]).is_empty());
    assert_eq!(labels(&t, &["--country", "GHA"]), ["p3"]);
    // The page's tail is no paragraph: its words find nothing.
    assert!(labels(&t, &["Loading"]).is_empty());
    assert!(labels(&t, &["newsletter"]).is_empty());
    // French and Spanish acronyms read as the English names.
    assert_eq!(labels(&t, &["OTAN"]), ["1"]);
    assert_eq!(labels(&t, &["AIEA"]), ["2"]);
    // A misspelt word is read as the paragraphs' word; JSON keeps stdout
    // for the hits and says so on stderr.
    assert_eq!(labels(&t, &["hydropwer"]), Vec::<String>::new());
    let out = t
        .run(["search", "transboundry", "--format", "json"])
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no paragraph has transboundry; showing transboundary"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"p1\""));
}

#[test]
fn figures_find_numbers_in_words_and_a_prefix_no_word_begins_finds_nothing() {
    let t = written(
        "asean-2037.txt",
        "Chair's Statement of the Special Meeting on Myanmar\nJakarta, 9 May 2037\n\n\
         1. Ministers reviewed the implementation of the Five-Point Consensus over the past six months.\n\n\
         2. Ministers recalled the Fourth Meeting on decolonization and the 1st session of the panel.\n",
    );
    assert_eq!(labels(&t, &["5 point consensus"]), ["1"]);
    assert_eq!(labels(&t, &["5-point consensus"]), ["1"]);
    assert_eq!(labels(&t, &["6 months"]), ["1"]);
    assert_eq!(labels(&t, &["first session"]), ["2"]);
    assert_eq!(labels(&t, &["decoloni*"]), ["2"]);
    // No word begins so: no paragraph, and no usage error.
    t.run(["search", "xyzzy*"])
        .success()
        .stdout(predicates::str::contains("no matching paragraphs"));
}

#[test]
fn an_ordinal_in_figures_reaches_a_name_and_a_prefix_reaches_the_hyphenated_word() {
    let t = written(
        "council-2036.txt",
        "Summary of the Open Debate on the Protection of Civilians\nNew York, 21 May 2036\n\n\
         1. Members recalled the obligations of the occupying Power under the Geneva Convention relative to the Protection of Civilian Persons in Time of War.\n\n\
         2. The Council renewed the mandate of the peace-keeping operation in Cyprus and thanked the troops of the force.\n\n\
         3. Members condemned counter-terrorism measures taken without regard to international humanitarian law.\n",
    );
    // The data spells the convention's short name `Fourth`: the figure
    // finds its long name as the word does.
    assert_eq!(labels(&t, &["Fourth Geneva Convention"]), ["1"]);
    assert_eq!(labels(&t, &["4th Geneva Convention"]), ["1"]);
    assert_eq!(labels(&t, &["GCIV"]), ["1"]);
    // A prefix whose first letters are a word written apart as often as
    // joined (`peace-keeping`, `counter-terrorism`).
    assert_eq!(labels(&t, &["peacekeep*"]), ["2"]);
    assert_eq!(labels(&t, &["counterterror*"]), ["3"]);
    assert_eq!(labels(&t, &["peacekeep*", "--literal"]), ["2"]);
}

#[test]
fn old_names_and_their_peoples_name_todays_countries() {
    let t = written(
        "council-1975.txt",
        "Digest of the Council's Decisions\nNew York, 30 December 1975\n\n\
         1. The Council called upon the Rhodesian regime to release all political prisoners.\n\n\
         2. The Council took note of the situation in Spanish Sahara and of the visiting mission's report.\n\n\
         3. The Council welcomed the admission of the former Trucial States as the United Arab Emirates.\n\n\
         4. The Spanish delegation announced its withdrawal from the territory.\n",
    );
    assert_eq!(labels(&t, &["--country", "ZWE"]), ["1"]);
    // `Spanish Sahara` is the territory, not Spain.
    assert_eq!(labels(&t, &["--country", "ESH"]), ["2"]);
    assert_eq!(labels(&t, &["--country", "ESP"]), ["4"]);
    assert_eq!(labels(&t, &["Spanish Sahara"]), ["2"]);
    assert_eq!(labels(&t, &["--country", "ARE"]), ["3"]);
}

#[test]
fn words_that_name_a_kind_of_document_also_find_its_paragraphs() {
    let t = TestDir::new();
    t.write(
        "reef-2038-joint-statement.txt",
        "Joint Statement of the Coral Reef Partnership\nSuva, 12 May 2038\n\n\
1. The Partners agreed to pool reef monitoring data from 2039.\n\n\
2. The Partners will meet again in Apia in 2040.\n",
    );
    t.write(
        "reef-2038-press-release.txt",
        "Press Release\nSuva, 13 May 2038\n\n\
1. The Minister welcomed the joint statement adopted on reef monitoring yesterday.\n\n\
2. The Minister thanked the hosts for the reef tour.\n",
    );
    t.run(["ingest"]).success();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["search"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let v: serde_json::Value = t.json(all);
        let mut ids: Vec<String> = v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["id"].as_str().unwrap_or_default().to_string())
            .collect();
        ids.sort();
        ids
    };
    // The words, or a paragraph of a joint statement that has `reef`.
    assert_eq!(
        ids(&["reef joint statement"]),
        [
            "reef-2038-joint-statement.txt#1",
            "reef-2038-press-release.txt#1"
        ]
    );
    assert_eq!(
        ids(&["reef joint statement", "--literal"]),
        ["reef-2038-press-release.txt#1"]
    );
    // The type alone is searched as words.
    assert_eq!(
        ids(&["\"joint statement\""]),
        ["reef-2038-press-release.txt#1"]
    );
}
