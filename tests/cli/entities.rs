//! Issue 5 through the binary: facets, the entity list, explanations,
//! group filters and the name clashes users trip over.

use crate::util::TestDir;

#[test]
fn facets_count_matching_paragraphs_in_three_formats() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let v: serde_json::Value = t.json([
        "facets",
        "export control",
        "--literal",
        "--by",
        "country",
        "--format",
        "json",
    ]);
    assert_eq!(v["query"], "export control");
    assert_eq!(v["by"], "country");
    assert_eq!(v["total"], 1);
    assert_eq!(v["buckets"][0]["key"], "JPN");
    assert_eq!(v["buckets"][0]["label"], "Japan");
    assert_eq!(v["buckets"][0]["count"], 1);

    let years: serde_json::Value = t.json(["facets", "--by", "year", "--format", "json"]);
    assert_eq!(years["total"], 14);
    assert_eq!(
        years["buckets"],
        serde_json::json!([{"key": "2003", "label": null, "count": 14}])
    );

    let csv = t
        .run([
            "facets",
            "proliferation",
            "--by",
            "instrument",
            "--format",
            "csv",
        ])
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8_lossy(&csv);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("key,label,count"));
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("PSI,") && r.ends_with(",1")),
        "{csv}"
    );
    assert!(rows.iter().any(|r| r.starts_with("HCOC,")), "{csv}");

    let text = t
        .run(["facets", "--by", "topic"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&text);
    assert!(text.starts_with("14 paragraphs, by topic"), "{text}");
    assert!(text.contains("export-control"), "{text}");
}

#[test]
fn facet_counts_agree_with_filtered_searches() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let v: serde_json::Value = t.json([
        "facets", "--by", "country", "--format", "json", "--limit", "0",
    ]);
    for b in v["buckets"].as_array().cloned().unwrap_or_default() {
        let key = b["key"].as_str().unwrap_or("");
        let page = t.search(&["--country", key, "--limit", "50"]);
        assert_eq!(page.total as u64, b["count"].as_u64().unwrap_or(0), "{key}");
    }
}

#[test]
fn entities_lists_groups_with_members() {
    let t = TestDir::new();
    let list: Vec<serde_json::Value> = t.json(["entities", "group", "--format", "json"]);
    let asean = list
        .iter()
        .find(|e| e["id"] == "ASEAN")
        .expect("ASEAN listed");
    assert_eq!(asean["kind"], "group");
    let members: Vec<&str> = asean["members"]
        .as_array()
        .map(|a| a.iter().filter_map(|m| m.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(members.len(), 11);
    assert!(members.contains(&"TLS") && members.contains(&"LAO"));
    let countries: Vec<serde_json::Value> = t.json(["entities", "country", "--format", "json"]);
    assert!(countries.len() >= 200);
    let lao = countries.iter().find(|e| e["id"] == "LAO").expect("LAO");
    assert!(lao["aliases"]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x == "Laos")));
    assert!(lao.get("members").is_none());
    let text = t
        .run(["entities", "instrument"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&text).contains("HCOC"));
}

#[test]
fn explain_shows_the_words_behind_each_tag() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let v: serde_json::Value = t.json([
        "show",
        "astop-2003-tokyo.txt#6",
        "--explain",
        "--format",
        "json",
    ]);
    let text = v["paragraph"]["text"].as_str().unwrap_or("").to_string();
    let explain = v["explain"].as_array().cloned().unwrap_or_default();
    let hcoc: Vec<&serde_json::Value> = explain.iter().filter(|m| m["id"] == "HCOC").collect();
    assert!(!hcoc.is_empty(), "{explain:?}");
    for m in &explain {
        let (s, e) = (
            m["start"].as_u64().unwrap_or(0) as usize,
            m["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(&text[s..e], m["text"].as_str().unwrap_or(""), "{m}");
    }
    let out = t
        .run(["show", "astop-2003-tokyo.txt#6", "--explain"])
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert!(
        out.contains("why these entities:") && out.contains("HCOC"),
        "{out}"
    );
}

#[test]
fn group_filter_means_the_group_or_any_member() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let asean = t.search(&["--country", "ASEAN", "--limit", "50"]);
    // Paragraph 1 names the ASEAN members one by one.
    assert!(asean.labels().contains(&"1"), "{:?}", asean.labels());
    let g8 = t.search(&["--country", "G8", "--limit", "50"]);
    // 3(a) names the G8 itself and Japan.
    assert!(g8.labels().contains(&"3(a)"), "{:?}", g8.labels());
    let as_group = t.search(&["--group", "G8"]);
    assert_eq!(as_group.labels(), ["3(a)"]);
}

#[test]
fn korea_and_niger_style_clashes_are_told_apart() {
    let t = TestDir::new();
    t.write(
        "arf-2006.txt",
        "Chairman's Statement\nThe Thirteenth ASEAN Regional Forum\nKuala Lumpur, 28 July 2006\n\n\
1. The Ministers welcomed the participation of the Republic of Korea and Nigeria.\n\n\
2. The Ministers called on the Democratic People's Republic of Korea to return to the Six-Party Talks.\n\n\
3. The Ministers noted the situation in Niger and on the Korean Peninsula, and thanked the US for its support. Let us work together.\n",
    );
    t.run(["ingest"]).success();
    let kor = t.search(&["--country", "KOR"]);
    assert_eq!(kor.labels(), ["1"]);
    let prk = t.search(&["--country", "PRK"]);
    assert_eq!(prk.labels(), ["2"]);
    assert_eq!(t.search(&["--country", "NER"]).labels(), ["3"]);
    assert_eq!(t.search(&["--country", "NGA"]).labels(), ["1"]);
    assert_eq!(t.search(&["--country", "USA"]).labels(), ["3"]);
}

#[test]
fn a_country_that_is_also_a_first_name_is_told_apart_from_the_person() {
    let t = TestDir::new();
    t.write(
        "water-talks-2036.txt",
        "Ministers Meet on Shared Rivers\nNAIROBI, March 3, 2036\n\n\
1. \"We need binding rules,\" said Jordan Akello, a spokesman for the Kenyan delegation.\n\n\
2. Chad President Mahamat Deby met Jordan Foreign Minister Ayman Safadi on Tuesday.\n\n\
3. Chad Thompson, a water engineer, told reporters that the talks went well.\n\n\
4. The Ministers recalled the Chad-Libya border settlement and the Jordan-Israel Treaty of Peace.\n",
    );
    t.run(["ingest"]).success();
    assert_eq!(t.search(&["--country", "JOR"]).labels(), ["2", "4"]);
    assert_eq!(t.search(&["--country", "TCD"]).labels(), ["2", "4"]);
    assert_eq!(t.search(&["--country", "KEN"]).labels(), ["1"]);
}

#[test]
fn entity_filters_reach_sub_paragraphs_through_their_lead_in_ranked_below() {
    let t = TestDir::new();
    t.write(
        "astop-2007.txt",
        "The Fourth Asian Senior-level Talks on Non-Proliferation (ASTOP-IV)\nTokyo, January 25-26, 2007\nChairman's Summary\n\n\
1. Japan reported on its national measures:\n\n\
(a) the revision of the catch-all export control system in 2006;\n\n\
(b) outreach seminars for industry on export control.\n\n\
2. Indonesia and Japan explained their export control legislation.\n",
    );
    t.run(["ingest"]).success();
    let page = t.search(&["export control", "--country", "JPN"]);
    assert_eq!(page.total, 3, "{:?}", page.labels());
    assert_eq!(page.labels()[0], "2");
    let mut rest = page.labels()[1..].to_vec();
    rest.sort();
    assert_eq!(rest, ["1(a)", "1(b)"]);
    // Entities of a sub-paragraph stay those of its own text.
    assert!(page.hits[1].countries.is_empty());
    // Without a query, paragraphs naming Japan come before those that only inherit it.
    let by_entity = t.search(&["--country", "Japan"]);
    assert_eq!(by_entity.total, 4);
    let first_two: Vec<&str> = by_entity.labels()[..2].to_vec();
    assert!(
        first_two.contains(&"1") && first_two.contains(&"2"),
        "{:?}",
        by_entity.labels()
    );
}
