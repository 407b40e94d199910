//! Issue 17: one consistent command line — a global `--corpus` (and
//! `DIPSEARCH_CORPUS`) beside the positional `ingest CORPUS`, absolute
//! paths in messages, and `--color auto` honouring NO_COLOR,
//! CLICOLOR_FORCE and TERM=dumb.

use crate::util::{sample, TestDir};

fn docs_dir() -> TestDir {
    let t = TestDir::new();
    std::fs::create_dir_all(t.path().join("docs")).unwrap();
    std::fs::copy(sample(), t.path().join("docs/astop-2003-tokyo.txt")).unwrap();
    t
}

fn documents(t: &TestDir) -> serde_json::Value {
    let v: serde_json::Value = t.json(["stats", "--format", "json"]);
    v["documents"].clone()
}

#[test]
fn the_corpus_is_given_once_for_every_command() {
    // The global flag, before or after the command.
    let t = docs_dir();
    t.run(["--corpus", "docs", "ingest", "-q"]).success();
    assert_eq!(documents(&t), 1);
    let t = docs_dir();
    t.run(["ingest", "-q", "--corpus", "docs"]).success();
    assert_eq!(documents(&t), 1);
    // The environment, for ingest and for the first search that builds.
    let t = docs_dir();
    t.cmd()
        .args(["ingest", "-q"])
        .env("DIPSEARCH_CORPUS", "docs")
        .assert()
        .success();
    assert_eq!(documents(&t), 1);
    let t = docs_dir();
    let out = t
        .cmd()
        .args(["search", "export control"])
        .env("DIPSEARCH_CORPUS", "docs")
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let abs = std::fs::canonicalize(t.path()).unwrap().join("docs");
    let err = String::from_utf8_lossy(&out);
    assert!(
        err.contains(&format!("building it from {} first", abs.display())),
        "{err}"
    );
    // The positional argument still works, and wins over the environment.
    let t = docs_dir();
    t.cmd()
        .args(["ingest", "-q", "docs"])
        .env("DIPSEARCH_CORPUS", "elsewhere")
        .assert()
        .success();
    assert_eq!(documents(&t), 1);
    t.run(["status", "docs"]).success();
}

#[test]
fn messages_name_folders_by_their_absolute_path() {
    let t = TestDir::new();
    let abs = std::fs::canonicalize(t.path()).unwrap();
    let out = t
        .run(["--index", "nowhere", "stats"])
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert_eq!(
        String::from_utf8_lossy(&out),
        format!(
            "dipsearch: no index in {}; run `dipsearch ingest` first\n",
            abs.join("nowhere").display()
        )
    );
}

#[test]
fn color_auto_follows_no_color_clicolor_force_and_term() {
    let t = TestDir::with_sample();
    t.run(["ingest", "-q"]).success();
    let colored = |envs: &[(&str, &str)]| {
        let mut c = t.cmd();
        c.args(["search", "export control", "--color", "auto"])
            .env_remove("NO_COLOR");
        for (k, v) in envs {
            c.env(k, v);
        }
        let out = c.assert().success().get_output().stdout.clone();
        out.contains(&0x1b)
    };
    // Not a terminal: no colour unless forced.
    assert!(!colored(&[]));
    assert!(colored(&[("CLICOLOR_FORCE", "1")]));
    assert!(colored(&[("CLICOLOR_FORCE", "1"), ("TERM", "dumb")]));
    assert!(!colored(&[("CLICOLOR_FORCE", "0")]));
    assert!(!colored(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    // --color never wins over everything.
    let out = t
        .cmd()
        .args(["search", "export control", "--color", "never"])
        .env("CLICOLOR_FORCE", "1")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!out.contains(&0x1b));
}

#[test]
fn export_prints_jsonl_json_or_text() {
    let t = TestDir::with_sample();
    t.run(["ingest", "-q"]).success();
    let lines: Vec<serde_json::Value> = t.json_lines(["export"]);
    let array: Vec<serde_json::Value> = t.json(["export", "--format", "json"]);
    assert_eq!(array, lines);
    let out = t
        .run(["export", "--format", "text"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    let firsts: Vec<String> = text
        .lines()
        .map(|l| l.split("  ").next().unwrap_or("").to_string())
        .collect();
    let ids: Vec<String> = lines
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(firsts, ids);
    assert!(
        text.contains("astop-2003-tokyo.txt#4(d)  The meeting"),
        "{text}"
    );
    // An empty index gives an empty array, still JSON.
    let empty = TestDir::new();
    empty.run(["ingest", "-q"]).success();
    let none: Vec<serde_json::Value> = empty.json(["export", "--format", "json"]);
    assert!(none.is_empty());
}

#[test]
fn the_user_configuration_gives_defaults_that_flags_and_environment_override() {
    let t = docs_dir();
    let dir = t.path().join("config/dipsearch");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "index = \"idx\"\ncorpus = \"docs\"\n",
    )
    .unwrap();
    t.run(["ingest", "-q"]).success();
    assert!(t.path().join("idx/meta.json").is_file());
    assert!(!t.index().exists());
    assert_eq!(documents(&t), 1);
    // A flag wins over the file.
    t.run(["--index", "index", "ingest", "-q"]).success();
    assert!(t.index().join("meta.json").is_file());
    // A bad file is a usage error naming it.
    std::fs::write(dir.join("config.toml"), "colour = \"never\"\n").unwrap();
    let out = t.run(["stats"]).code(2).get_output().stderr.clone();
    let err = String::from_utf8_lossy(&out);
    assert!(
        err.starts_with("dipsearch: bad configuration ") && err.contains("config.toml"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn text_wraps_at_columns_and_not_into_a_pipe() {
    let t = TestDir::with_sample();
    t.run(["ingest", "-q"]).success();
    let width_of = |columns: Option<&str>| {
        let mut c = t.cmd();
        c.args(["show", "astop-2003-tokyo.txt#4(d)"]);
        match columns {
            Some(n) => c.env("COLUMNS", n),
            None => c.env_remove("COLUMNS"),
        };
        let out = c.assert().success().get_output().stdout.clone();
        // The paragraph text: the indented lines.
        String::from_utf8_lossy(&out)
            .lines()
            .filter(|l| l.starts_with("    ") && !l.contains(": "))
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    assert!(width_of(Some("60")) <= 60);
    assert!(width_of(Some("100")) <= 100);
    // Not a terminal and no COLUMNS: a paragraph is one line.
    assert!(width_of(None) > 100);
}
