//! Issue 17: `--help` of every command has examples and the exit
//! statuses; `completions` prints scripts the shells accept; `man` prints
//! pages that `man` renders.

use std::process::Command;

use crate::util::TestDir;

fn stdout(t: &TestDir, args: &[&str]) -> String {
    let out = t.run(args).success().get_output().stdout.clone();
    String::from_utf8(out).expect("UTF-8")
}

/// The commands `dipsearch --help` lists (without `help`).
fn commands(t: &TestDir) -> Vec<String> {
    let help = stdout(t, &["--help"]);
    let list = help
        .split("Commands:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("a command list");
    // A command's line starts with two spaces; a wrapped description more.
    let names: Vec<String> = list
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(str::to_string)
        .collect();
    assert!(names.len() >= 16, "{names:?}");
    names
}

/// Whether a program can be run here.
fn installed(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

#[test]
fn every_help_has_examples_and_exit_statuses() {
    let t = TestDir::new();
    let main = stdout(&t, &["--help"]);
    assert!(main.contains("\nExamples:\n  dipsearch "), "{main}");
    assert!(
        main.contains("Exit status: 0 success (a search with no hits included), 1 failure"),
        "{main}"
    );
    for name in commands(&t) {
        for flag in ["-h", "--help"] {
            let help = stdout(&t, &[&name, flag]);
            assert!(
                help.contains(&format!("\nExamples:\n  dipsearch {name}")),
                "{name} {flag}: {help}"
            );
            assert!(help.contains("\nExit status: 0 "), "{name} {flag}: {help}");
            assert!(help.contains("2 usage error"), "{name} {flag}: {help}");
        }
    }
    let search = stdout(&t, &["search", "--help"]);
    assert!(
        search.contains("0 success, also when nothing matches"),
        "{search}"
    );
    assert!(
        search.contains("(¶[p11]) is dipsearch's own count"),
        "{search}"
    );
}

#[test]
fn zero_hits_exit_zero_and_usage_errors_two_as_the_help_says() {
    let t = TestDir::with_sample();
    t.run(["ingest", "-q"]).success();
    t.run(["search", "zzzqx"]).code(0);
    t.run(["search", "--frobnicate"]).code(2);
    t.run(["stats", "--index", "no-index-here"]).code(1);
}

#[test]
fn bash_accepts_the_bash_completions() {
    let t = TestDir::new();
    let script = stdout(&t, &["completions", "bash"]);
    for name in commands(&t) {
        assert!(
            script.contains(&name),
            "{name} missing from the completions"
        );
    }
    assert!(
        script.contains("--style") && script.contains("csl-json"),
        "cite's options"
    );
    if !installed("bash") {
        eprintln!("bash not installed: skipping `bash -n`");
        return;
    }
    let path = t.path().join("dipsearch.bash");
    std::fs::write(&path, &script).expect("write");
    let out = Command::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
        .expect("bash");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Sourcing it defines the completion for dipsearch.
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {} && complete -p dipsearch",
            path.display()
        ))
        .output()
        .expect("bash");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("dipsearch"),
        "{out:?}"
    );
}

#[test]
fn completions_for_other_shells_and_a_bad_shell() {
    let t = TestDir::new();
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&t, &["completions", shell]);
        assert!(
            script.contains("dipsearch") && script.contains("cite"),
            "{shell}"
        );
    }
    let out = t.run(["completions", "tcsh"]).code(2).get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("tcsh") && err.trim_end().lines().count() == 1,
        "{err}"
    );
}

/// `man -l` renders `page`; returns the text (`None` when `man` is absent).
fn render(t: &TestDir, page: &std::path::Path) -> Option<String> {
    if !installed("man") {
        eprintln!("man not installed: skipping `man -l`");
        return None;
    }
    let out = Command::new("man")
        .arg("-l")
        .arg(page)
        .current_dir(t.path())
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .expect("man");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("error") && !err.contains("warning"), "{err}");
    // Justified text: words, one space apart.
    let text = String::from_utf8_lossy(&out.stdout);
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn the_man_pages_render() {
    let t = TestDir::new();
    let roff = stdout(&t, &["man"]);
    assert!(
        roff.starts_with(".ie \\n(.g .ds Aq") || roff.contains(".TH dipsearch 1"),
        "{roff}"
    );
    let main = t.path().join("dipsearch.1");
    std::fs::write(&main, &roff).expect("write");
    if let Some(text) = render(&t, &main) {
        assert!(
            text.contains("NAME") && text.contains("dipsearch - Paragraph-level search"),
            "{text}"
        );
        assert!(text.contains("dipsearch-cite(1)"), "{text}");
        assert!(text.contains("Exit status: 0 success"), "{text}");
    }
    let cite = t.path().join("dipsearch-cite.1");
    std::fs::write(&cite, stdout(&t, &["man", "cite"])).expect("write");
    if let Some(text) = render(&t, &cite) {
        assert!(
            text.contains("--format") && text.contains("csl-json"),
            "{text}"
        );
        assert!(
            text.contains("dipsearch 0.") && text.contains("Examples:"),
            "{text}"
        );
    }
    // Every page into a folder, as installed.
    let dir = t.path().join("man1");
    std::fs::create_dir_all(&dir).expect("mkdir");
    t.run(["man", "--dir", "man1"]).success().stdout("");
    let names = commands(&t);
    for name in &names {
        assert!(dir.join(format!("dipsearch-{name}.1")).is_file(), "{name}");
    }
    assert!(dir.join("dipsearch.1").is_file());
    assert_eq!(
        std::fs::read_dir(&dir).expect("read").count(),
        names.len() + 1
    );
    // An unknown command is a usage error naming it.
    let out = t.run(["man", "serach"]).code(2).get_output().clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no command 'serach'"));
}
