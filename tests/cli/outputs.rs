//! Issue 17: one consistent command line — `--color` on every command that
//! prints (colour where there are headings and labels, none with `never`
//! or NO_COLOR), `--format jsonl|csv` wherever a list is printed, and the
//! `color` key of the user configuration.

use crate::util::{fixtures, sample, TestDir};

const OLD: &str = "csf-2029-valletta.txt";
const NEW: &str = "csf-2030-tallinn.md";
const PAGE: &str = "harbour-dialogue-2031.html";
const PARA: &str = "astop-2003-tokyo.txt#4(d)";

/// The sample and the three editions of the invented forum (shared
/// formulas for `reuse` and `precedent`), ingested, with one watch saved.
fn corpus() -> TestDir {
    let t = TestDir::new();
    t.copy_in(&sample(), "astop-2003-tokyo.txt");
    for f in [OLD, NEW, PAGE] {
        t.copy_in(&fixtures().join("agreed").join(f), f);
    }
    t.run(["ingest", "-q"]).success();
    t.run(["watch", "add", "navigation", "freedom of navigation"])
        .success();
    t
}

/// Every command that prints, with arguments, and whether its text has
/// styling (headings, labels, ids) to colour.
fn printing_commands() -> Vec<(Vec<String>, bool)> {
    let v = |args: &[&str], styled: bool| (args.iter().map(|s| s.to_string()).collect(), styled);
    vec![
        (v(&["ingest"], true)),
        (v(&["search", "export control"], true)),
        (v(&["show", PARA], true)),
        (v(&["cite", PARA], false)),
        (v(&["facets", "--by", "meeting"], true)),
        (v(&["stats"], true)),
        (v(&["export", "--format", "text"], false)),
        (v(&["status"], true)),
        (v(&["entities", "group"], true)),
        (v(&["check"], true)),
        (v(&["precedent", &format!("{OLD}#2")], true)),
        (v(&["diff", &format!("{OLD}#2"), &format!("{NEW}#2")], true)),
        (v(&["compare", OLD, NEW], true)),
        (v(&["reuse"], true)),
        (v(&["watch", "list"], true)),
        (v(&["watch", "add", "other", "export control"], false)),
    ]
}

fn stdout_of(t: &TestDir, args: &[String], envs: &[(&str, &str)], unset: &[&str]) -> Vec<u8> {
    let mut c = t.cmd();
    c.args(args);
    for k in unset {
        c.env_remove(k);
    }
    for (k, v) in envs {
        c.env(k, v);
    }
    c.assert().success().get_output().stdout.clone()
}

fn has_escape(out: &[u8]) -> bool {
    out.contains(&0x1b)
}

#[test]
fn every_printing_command_takes_color_and_colours_its_labels() {
    for (args, styled) in printing_commands() {
        // A fresh folder each time: `watch add` saves once.
        let t = corpus();
        let with = |flag: &str| {
            let mut a = args.clone();
            a.extend(["--color".to_string(), flag.to_string()]);
            a
        };
        let never = stdout_of(
            &t,
            &with("never"),
            &[("CLICOLOR_FORCE", "1")],
            &["NO_COLOR"],
        );
        assert!(!has_escape(&never), "{args:?} --color never");
        if args[0] == "watch" && args[1] == "add" {
            continue;
        }
        let always = stdout_of(&t, &with("always"), &[], &[]);
        assert_eq!(has_escape(&always), styled, "{args:?} --color always");
        // No flag: NO_COLOR (set by the test helper) wins.
        let plain = stdout_of(&t, &args, &[], &[]);
        assert!(!has_escape(&plain), "{args:?} under NO_COLOR");
        // Where colour only styles headings and labels, the text is the
        // same but for the escapes (search, show and the agreed-language
        // commands mark matches in brackets without colour).
        if ["stats", "facets", "status", "entities", "check", "watch"].contains(&args[0].as_str()) {
            let stripped = strip_escapes(&String::from_utf8_lossy(&always));
            assert_eq!(stripped, String::from_utf8_lossy(&never), "{args:?}");
        }
    }
}

/// `s` without ANSI escape sequences.
fn strip_escapes(s: &str) -> String {
    let mut out = String::new();
    let mut in_esc = false;
    for c in s.chars() {
        match (in_esc, c) {
            (false, '\x1b') => in_esc = true,
            (true, 'm') => in_esc = false,
            (true, _) => {}
            (false, _) => out.push(c),
        }
    }
    out
}

#[test]
fn watch_run_takes_color() {
    let t = corpus();
    t.write(
        "later.txt",
        "CHAIR'S STATEMENT\n\n1. Participants reaffirmed the freedom of navigation.\n",
    );
    t.run(["ingest", "-q"]).success();
    let out = t
        .run(["watch", "run", "navigation", "--color", "always"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(has_escape(&out));
    t.write(
        "later-2.txt",
        "CHAIR'S STATEMENT\n\n1. The freedom of navigation was reaffirmed.\n",
    );
    t.run(["ingest", "-q"]).success();
    let out = t
        .run(["watch", "run", "navigation", "--color", "never"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!out.is_empty() && !has_escape(&out));
}

/// Rows of an RFC 4180 document: fields split at commas outside quotes,
/// `""` inside quotes a quote, line breaks inside quotes kept.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "an unclosed quote: {text}");
    assert!(
        field.is_empty() && row.is_empty(),
        "no final newline: {text}"
    );
    rows
}

/// Runs `args` and parses its CSV: the header, then the rows, each as
/// wide as the header.
fn csv(t: &TestDir, args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let out = t.run(args).success().get_output().stdout.clone();
    let text = String::from_utf8(out).expect("UTF-8");
    let mut rows = parse_csv(&text);
    assert!(!rows.is_empty(), "{args:?}: no header");
    let header = rows.remove(0);
    for r in &rows {
        assert_eq!(r.len(), header.len(), "{args:?}: {r:?}");
    }
    (header, rows)
}

fn json_len(t: &TestDir, args: &[&str], key: Option<&str>) -> usize {
    let v: serde_json::Value = t.json(args);
    let list = match key {
        Some(k) => &v[k],
        None => &v,
    };
    list.as_array().expect("an array").len()
}

#[test]
fn search_csv_has_one_row_per_hit_with_the_documented_columns() {
    let t = corpus();
    let (header, rows) = csv(&t, &["search", "export control", "--format", "csv"]);
    assert_eq!(
        header,
        ["id", "score", "meeting", "date", "place", "label", "doc_type", "text"]
    );
    let page = t.search(&["export control"]);
    assert_eq!(rows.len(), page.hits.len());
    assert!(!rows.is_empty());
    for (r, h) in rows.iter().zip(&page.hits) {
        assert_eq!(r[0], h.id);
        assert_eq!(r[5], h.paragraph);
        assert_eq!(r[6], h.doc_type);
        assert_eq!(r[7], h.text);
        assert_eq!(
            Some(r[3].clone()),
            h.date.clone().or(h.year.map(|y| y.to_string()))
        );
        assert!(r[1].parse::<f32>().is_ok(), "{r:?}");
    }
    // No hits: the header alone.
    let (_, none) = csv(&t, &["search", "zzzqx", "--format", "csv"]);
    assert!(none.is_empty());
}

#[test]
fn lists_print_csv_with_a_header_and_one_row_per_item() {
    let t = corpus();
    let p2 = format!("{OLD}#2");
    let cases: Vec<(Vec<&str>, Vec<&str>, Option<&str>)> = vec![
        (vec!["entities", "group"], vec!["entities", "group"], None),
        (vec!["watch", "list"], vec!["watch", "list"], None),
        (
            vec!["facets", "--by", "meeting"],
            vec!["facets", "--by", "meeting"],
            Some("buckets"),
        ),
        (
            vec!["precedent", &p2],
            vec!["precedent", &p2],
            Some("matches"),
        ),
        (vec!["reuse"], vec!["reuse"], Some("clusters")),
        (vec!["export"], vec!["export"], None),
    ];
    for (args, json_args, key) in cases {
        let mut a = args.clone();
        a.extend(["--format", "csv"]);
        let (header, rows) = csv(&t, &a);
        let mut j = json_args.clone();
        j.extend(["--format", "json"]);
        assert_eq!(rows.len(), json_len(&t, &j, key), "{args:?}");
        assert!(!rows.is_empty(), "{args:?}");
        assert!(header.len() >= 3, "{args:?}: {header:?}");
    }
    let (header, _) = csv(&t, &["entities", "--format", "csv"]);
    assert_eq!(header, ["kind", "id", "name", "aliases", "members"]);
    let (header, rows) = csv(&t, &["watch", "list", "--format", "csv"]);
    assert_eq!(header[..3], ["name", "query", "literal"]);
    assert_eq!(
        rows[0][..3],
        ["navigation", "freedom of navigation", "false"]
    );
    let (header, _) = csv(&t, &["export", "--format", "csv"]);
    assert_eq!(header[0], "id");
    assert_eq!(header[7], "text");
}

#[test]
fn watch_run_prints_csv_under_one_header() {
    let t = corpus();
    t.run(["watch", "add", "summit", "navigation"]).success();
    t.write(
        "later.txt",
        "CHAIR'S STATEMENT\n\n1. Participants reaffirmed the freedom of navigation, \"in full\".\n",
    );
    t.run(["ingest", "-q"]).success();
    let (header, rows) = csv(&t, &["watch", "run", "--format", "csv"]);
    assert_eq!(header[0], "id");
    // Two watches, one hit each, one header.
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|r| r[0] == "later.txt#1"));
    assert!(rows[0][7].contains("\"in full\""), "{rows:?}");
}

#[test]
fn lists_print_json_lines_that_match_the_json() {
    let t = corpus();
    let p2 = format!("{OLD}#2");
    let cases: Vec<(Vec<&str>, Option<&str>)> = vec![
        (vec!["entities"], None),
        (vec!["watch", "list"], None),
        (vec!["facets", "--by", "year"], Some("buckets")),
        (vec!["precedent", &p2], Some("matches")),
        (vec!["reuse"], Some("clusters")),
    ];
    for (args, key) in cases {
        let mut a = args.clone();
        a.extend(["--format", "jsonl"]);
        let lines: Vec<serde_json::Value> = t.json_lines(&a);
        let mut j = args.clone();
        j.extend(["--format", "json"]);
        let v: serde_json::Value = t.json(&j);
        let list = match key {
            Some(k) => v[k].clone(),
            None => v,
        };
        assert!(!lines.is_empty(), "{args:?}");
        assert_eq!(serde_json::Value::Array(lines), list, "{args:?}");
    }
}

#[test]
fn the_configured_color_is_below_the_flag_and_the_environment() {
    let t = corpus();
    let dir = t.path().join("config/dipsearch");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "color = \"always\"\n").unwrap();
    let args: Vec<String> = ["stats"].iter().map(|s| s.to_string()).collect();
    let never: Vec<String> = ["stats", "--color", "never"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let auto: Vec<String> = ["stats", "--color", "auto"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    // Not a terminal, yet coloured: the file says always.
    assert!(has_escape(&stdout_of(
        &t,
        &args,
        &[("TERM", "dumb")],
        &["NO_COLOR"]
    )));
    // NO_COLOR and the flag win over it; typed auto ignores it.
    assert!(!has_escape(&stdout_of(&t, &args, &[], &[])));
    assert!(!has_escape(&stdout_of(&t, &never, &[], &["NO_COLOR"])));
    assert!(!has_escape(&stdout_of(&t, &auto, &[], &["NO_COLOR"])));
    // `never` in the file: CLICOLOR_FORCE still colours.
    std::fs::write(dir.join("config.toml"), "color = \"never\"\n").unwrap();
    assert!(!has_escape(&stdout_of(&t, &args, &[], &["NO_COLOR"])));
    assert!(has_escape(&stdout_of(
        &t,
        &args,
        &[("CLICOLOR_FORCE", "1")],
        &["NO_COLOR"]
    )));
}

#[test]
fn a_bad_configured_color_is_a_usage_error_naming_it() {
    let t = corpus();
    let dir = t.path().join("config/dipsearch");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "color = \"blue\"\n").unwrap();
    for args in [&["stats"][..], &["entities"], &["search", "export control"]] {
        let out = t.run(args).code(2).get_output().stderr.clone();
        let err = String::from_utf8_lossy(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("dipsearch: bad configuration ")
                && err.contains("config.toml")
                && err.contains("'blue'"),
            "{err}"
        );
    }
}

#[test]
fn text_without_colour_is_as_before() {
    let t = corpus();
    let out = t
        .run(["stats", "--color", "never"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(text.starts_with("documents:   4\nparagraphs:  "), "{text}");
    assert!(text.contains("\nindex size:  "), "{text}");
    let out = t
        .run(["entities", "group"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(text.starts_with("group      "), "{text}");
    let out = t
        .run(["watch", "list"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8_lossy(&out),
        "navigation  \"freedom of navigation\"\n"
    );
}

/// The commands `dipsearch --help` lists, and `watch`'s subcommands.
fn all_commands(t: &TestDir) -> Vec<Vec<String>> {
    let help = |args: &[&str]| {
        let out = t.run(args).success().get_output().stdout.clone();
        let text = String::from_utf8(out).expect("UTF-8");
        let list = text
            .split("Commands:\n")
            .nth(1)
            .and_then(|rest| rest.split("\n\n").next())
            .expect("a command list")
            .to_string();
        list.lines()
            .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
            .filter_map(|l| l.split_whitespace().next())
            .filter(|n| *n != "help")
            .map(str::to_string)
            .collect::<Vec<String>>()
    };
    let mut all = Vec::new();
    for c in help(&["--help"]) {
        if c == "watch" {
            for w in help(&["watch", "--help"]) {
                all.push(vec![c.clone(), w]);
            }
        } else {
            all.push(vec![c]);
        }
    }
    assert!(all.len() >= 20, "{all:?}");
    all
}

#[test]
fn every_command_but_completions_and_man_documents_color() {
    let t = TestDir::new();
    for c in all_commands(&t) {
        let mut args = c.clone();
        args.push("--help".to_string());
        let out = t.run(&args).success().get_output().stdout.clone();
        let help = String::from_utf8_lossy(&out);
        let expected = !matches!(c[0].as_str(), "completions" | "man");
        assert_eq!(
            help.contains("--color <COLOR>") && help.contains("`color`"),
            expected,
            "{c:?}: {help}"
        );
    }
}
