//! Issue 18: a search for one common phrase skips the paragraphs that
//! cannot rank and estimates its total; `--exact-total` counts every
//! match; the hits are the same either way.

use crate::util::TestDir;

/// Paragraphs with the phrase, with both words apart, and with neither,
/// of varied lengths, over enough statements that the phrase's candidates
/// outnumber what is scored in full (5,000) and its matches what is
/// counted exactly (2,000). Returns (phrase, either word).
fn corpus(t: &TestDir) -> (usize, usize) {
    let (mut phrase, mut word) = (0, 0);
    for s in 0..100 {
        let mut text = format!(
            "STATEMENT BY THE DELEGATION OF COUNTRY {s}\nGeneral Debate, New York, {} September 2019\n\n",
            10 + s % 18
        );
        for p in 0..80 {
            let filler =
                " The delegation also raised the question of fisheries and the rule of law."
                    .repeat((s + p) % 5);
            let body = match (s * 80 + p) % 7 {
                0 | 3 => {
                    phrase += 1;
                    word += 1;
                    format!("We stress that nuclear weapons must never be used again.{filler}")
                }
                1 | 4 | 5 => {
                    word += 1;
                    format!("Nuclear energy and the trade in small arms and light weapons were discussed.{filler}")
                }
                _ => format!("The meeting welcomed progress on maritime cooperation.{filler}"),
            };
            text.push_str(&format!("{}. {body}\n\n", p + 1));
        }
        t.write(&format!("statements/country-{s:02}.txt"), text);
    }
    (phrase, word)
}

#[test]
fn a_common_phrase_has_an_estimated_total_and_the_same_hits() {
    let t = TestDir::new();
    let (phrase, word) = corpus(&t);
    t.run(["ingest", "-q"]).success();

    let estimated = t.search(&["\"nuclear weapons\""]);
    let exact = t.search(&["\"nuclear weapons\"", "--exact-total"]);
    assert!(estimated.total_is_estimate);
    assert!(!exact.total_is_estimate);
    assert_eq!(exact.total, phrase);
    let off = estimated.total.abs_diff(phrase) as f64 / phrase as f64;
    assert!(off < 0.15, "estimated {} for {phrase}", estimated.total);
    assert_eq!(estimated.ids(), exact.ids());
    assert_eq!(estimated.hits.len(), 10);

    // Deeper pages too.
    let args = ["\"nuclear weapons\"", "--limit", "25", "--offset", "40"];
    let mut exact_args = args.to_vec();
    exact_args.push("--exact-total");
    assert_eq!(t.search(&args).ids(), t.search(&exact_args).ids());

    let text = t.run(["search", "\"nuclear weapons\""]).success();
    let text = String::from_utf8_lossy(&text.get_output().stdout).into_owned();
    assert!(text.contains("1–10 shown of about "), "{text}");
    let text = t
        .run(["search", "\"nuclear weapons\"", "--exact-total"])
        .success();
    let text = String::from_utf8_lossy(&text.get_output().stdout).into_owned();
    assert!(
        text.contains(&format!("1–10 shown of {phrase} matching")),
        "{text}"
    );

    // A word's total stays exact (counted from the postings alone).
    let words = t.search(&["weapons"]);
    assert!(!words.total_is_estimate);
    assert_eq!(words.total, word);
    assert_eq!(words.ids(), t.search(&["weapons", "--exact-total"]).ids());
}

#[test]
fn a_rare_phrase_and_a_filtered_search_count_every_match() {
    let t = TestDir::with_sample();
    let page = t.search(&["\"export control\""]);
    assert!(!page.total_is_estimate);
    assert_eq!(
        page.total,
        t.search(&["\"export control\"", "--exact-total"]).total
    );
    let filtered = t.search(&["\"export control\"", "--country", "JPN"]);
    assert!(!filtered.total_is_estimate);
}
