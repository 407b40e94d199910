//! Bad input gets a clear one-line error and the right exit status:
//! 2 for usage errors (naming the bad value), 1 for other failures; never
//! a panic or backtrace.

use predicates::prelude::*;

use crate::util::TestDir;

fn assert_usage(t: &TestDir, args: &[&str], needle: &str) {
    let out = t.run(args).code(2).get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(needle), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
}

#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error_naming_it() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    // Latin-1 bytes from a terminal or a script: as a query word, as a
    // filter's value, as an option.
    for args in [
        vec![
            OsStr::new("search"),
            OsStr::new("--"),
            OsStr::from_bytes(b"Iraq \xe9t\xe9"),
        ],
        vec![
            OsStr::new("search"),
            OsStr::new("--country"),
            OsStr::from_bytes(b"\xff"),
        ],
        vec![OsStr::from_bytes(b"--\xe9")],
        vec![OsStr::new("show"), OsStr::from_bytes(b"\xe9")],
    ] {
        let out = t.run(&args).code(2).get_output().clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not valid UTF-8"), "{args:?}: {err}");
        assert!(err.contains("\\x"), "the bytes named: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn unknown_values_are_usage_errors_naming_the_value() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    assert_usage(
        &t,
        &["search", "export", "--country", "Atlantis"],
        "Atlantis",
    );
    assert_usage(
        &t,
        &["search", "--instrument", "Warsaw Pact Treaty"],
        "Warsaw Pact Treaty",
    );
    assert_usage(&t, &["search", "--topic", "gastronomy"], "gastronomy");
    assert_usage(&t, &["search", "--type", "memo"], "memo");
    assert_usage(&t, &["search", "x", "--since", "2003-13"], "2003-13");
    // The right form, a day no calendar has.
    assert_usage(
        &t,
        &["search", "x", "--from", "2003-02-30"],
        "no such date '2003-02-30'",
    );
    assert_usage(&t, &["search", "x", "--until", "last week"], "last week");
    assert_usage(&t, &["search", "\"export control"], "unclosed quote");
    assert_usage(&t, &["search", "--limit", "ten"], "ten");
    // An exclusion typed outside the quotes is read by the shell's rules.
    assert_usage(&t, &["search", "-nuclear"], "'-nuclear' is read as options");
    // Also when its first letter is no option at all (`-I` of `-Iraq`).
    assert_usage(&t, &["search", "-Iraq"], "'-Iraq' is read as options");
    assert_usage(&t, &["search", "x", "-Iraq"], "'-Iraq' is read as options");
    assert_usage(&t, &["search", "--frobnicate"], "--frobnicate");
    assert_usage(&t, &["search", "x", "--format", "xml"], "xml");
    // A meeting no series and no indexed document names.
    assert_usage(
        &t,
        &["search", "--meeting", "Atlantis"],
        "unknown meeting 'Atlantis'",
    );
    assert_usage(
        &t,
        &["search", "export", "--meeting", "ASTOP,Atlantis"],
        "unknown meeting 'Atlantis'",
    );
    // A format typed as its own flag, as other tools spell it.
    assert_usage(&t, &["search", "x", "--json"], "use `--format json`");
    assert_usage(
        &t,
        &["show", "astop-2003-tokyo.txt#99"],
        "astop-2003-tokyo.txt#99",
    );
}

#[test]
fn unknown_country_suggests_the_closest_code() {
    let t = TestDir::with_sample();
    assert_usage(&t, &["search", "--country", "Japn"], "JPN");
}

#[test]
fn missing_corpus_is_a_failure_naming_it() {
    let t = TestDir::new();
    t.run(["ingest", "no-such-folder"])
        .code(1)
        .stderr(predicate::str::contains("no-such-folder"));
}

#[test]
fn stats_without_an_index_says_how_to_make_one() {
    let t = TestDir::new();
    t.run(["stats"])
        .code(1)
        .stderr(predicate::str::contains("dipsearch ingest"));
}

#[test]
fn closed_pipe_is_not_an_error() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    // Reading only the first bytes of a long output must not make the
    // program fail or print an error.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dipsearch"))
        .current_dir(t.path())
        .args(["export"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{:?}", out);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue 17: an error's text is printed once, not once per link of the
/// error chain (`unknown country 'Japn'; did you mean …: unknown country 'Japn'`).
#[test]
fn each_message_is_printed_once() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    for (args, message) in [
        (
            &["search", "--country", "Japn"][..],
            "unknown country 'Japn'",
        ),
        (
            &["search", "--instrument", "Warsaw Pact Treaty"][..],
            "unknown instrument 'Warsaw Pact Treaty'",
        ),
        (
            &["facets", "--topic", "gastronomy"][..],
            "unknown topic 'gastronomy'; `dipsearch entities topic` lists them",
        ),
        (
            &["search", "--type", "memo"][..],
            "unknown document type 'memo'",
        ),
        (
            &["show", "astop-2003-tokyo.txt#99"][..],
            "no paragraph with id 'astop-2003-tokyo.txt#99'",
        ),
        (&["ingest", "no-such-folder"][..], "no-such-folder"),
        (
            &["precedent", "--file", "missing-draft.txt"][..],
            "missing-draft.txt",
        ),
    ] {
        let out = t.run(args).get_output().clone();
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.matches(message).count(), 1, "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        // Where to look is said once.
        assert!(
            err.matches("dipsearch entities").count() <= 1,
            "{args:?}: {err}"
        );
        // No clause of the line repeats another.
        let clauses: Vec<&str> = err
            .trim_end()
            .trim_start_matches("dipsearch: ")
            .split([':', ';'])
            .map(str::trim)
            .filter(|c| c.len() > 3)
            .collect();
        for (i, c) in clauses.iter().enumerate() {
            assert!(
                !clauses[i + 1..].contains(c),
                "{args:?} repeats '{c}': {err}"
            );
        }
    }
}

#[test]
fn a_missing_argument_is_named_on_the_one_line() {
    let t = TestDir::with_sample();
    assert_usage(&t, &["show"], "required arguments were not provided: <ID>");
    assert_usage(
        &t,
        &["cite"],
        "required arguments were not provided: <ID>...",
    );
    assert_usage(
        &t,
        &["compare", "--meeting", "ARF"],
        "--from <YEAR> --to <YEAR>",
    );
}
