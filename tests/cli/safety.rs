//! Issue 14: the index is never lost, broken or exposed — one writer lock
//! for every kind of ingest, crash-safe swaps, damaged indexes reported and
//! repaired, a full disk cleaned up after, the walk kept inside the corpus,
//! and text output that cannot drive a terminal.

use std::path::Path;
use std::time::{Duration, Instant};

use dipsearch::index::WriterLock;

use crate::util::{Hit, TestDir};

fn stderr_of(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

fn ids(hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| h.id.clone()).collect()
}

/// Files and folders beside the index (its lock file excepted).
fn leftovers(t: &TestDir) -> Vec<String> {
    std::fs::read_dir(t.path())
        .expect("ls")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("index.") && n != "index.lock")
        .collect()
}

/// Segment files in the index that its `meta.json` does not name.
fn strays(index: &Path) -> Vec<String> {
    let meta = std::fs::read_to_string(index.join("meta.json")).expect("meta.json");
    std::fs::read_dir(index)
        .expect("ls")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            let id = n.split('.').next().unwrap_or("");
            id.len() == 32 && !meta.contains(&format!("\"{}-", &id[..8]))
        })
        .collect()
}

#[test]
fn every_kind_of_writer_is_refused_at_once_while_another_holds_the_lock() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let lock = WriterLock::acquire(&t.index()).expect("lock");
    for args in [
        vec!["ingest"],
        vec!["ingest", "--full"],
        vec!["ingest", "--strict"],
    ] {
        let started = Instant::now();
        let err = stderr_of(t.run(&args).code(1));
        assert!(started.elapsed() < Duration::from_secs(1), "{args:?}");
        assert!(err.contains("another ingest holds the index"), "{err}");
    }
    // Readers keep answering from the last commit.
    assert_eq!(t.search(&["export control"]).hits[0].paragraph, "4(d)");
    drop(lock);
    t.run(["ingest"]).success();
}

#[test]
fn a_search_during_a_first_build_says_the_index_is_being_built() {
    let t = TestDir::with_sample();
    let lock = WriterLock::acquire(&t.index()).expect("lock");
    // What a killed or running first build leaves: an uncommitted index
    // beside the place of the index.
    std::fs::create_dir_all(t.path().join("index.tmp")).expect("mkdir");
    std::fs::write(t.path().join("index.tmp/meta.json"), r#"{"segments":[]}"#).expect("w");
    let err = stderr_of(t.run(["search", "export control"]).code(1));
    assert!(err.contains("is being built"), "{err}");
    assert!(!err.contains("format v0"), "{err}");
    drop(lock);
    // Once the builder is gone, the leftover is cleaned up and a search
    // builds the index itself.
    assert_eq!(t.search(&["export control"]).hits[0].paragraph, "4(d)");
    assert!(leftovers(&t).is_empty(), "{:?}", leftovers(&t));
}

#[test]
fn a_swap_interrupted_between_its_renames_is_finished_by_the_next_writer() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let before = ids(&t.export());
    // Killed after moving the old index aside, with the new one committed.
    std::fs::rename(t.index(), t.path().join("index.old")).expect("mv");
    copy_dir(&t.path().join("index.old"), &t.path().join("index.tmp"));
    // Readers find one of them meanwhile.
    assert_eq!(ids(&t.export()), before);
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(v["unchanged"], 1);
    assert!(leftovers(&t).is_empty(), "{:?}", leftovers(&t));
    assert_eq!(ids(&t.export()), before);
}

/// The binary run in `t`, paused between the two renames of its swap by
/// the test hook (`index::layout::TEST_SWAP_PAUSE`), so a kill lands there.
fn spawn_paused_in_swap(t: &TestDir, args: &[&str]) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_dipsearch"))
        .args(args)
        .current_dir(t.path())
        .env_remove("DIPSEARCH_INDEX")
        .env(dipsearch::index::layout::TEST_SWAP_PAUSE, "60000")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn")
}

/// Waits (up to a minute) until `ready` holds, as the paused swap makes it.
fn wait_for(what: &str, ready: impl Fn() -> bool) {
    let until = Instant::now() + Duration::from_secs(60);
    while !ready() {
        assert!(Instant::now() < until, "never saw {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(unix)]
#[test]
fn a_kill_between_the_renames_of_a_swap_leaves_an_index_and_the_next_ingest_finishes() {
    let t = TestDir::with_sample();
    // A first build: the only rename is pending, the new index committed.
    let mut child = spawn_paused_in_swap(&t, &["ingest", "-q"]);
    let tmp_meta = t.path().join("index.tmp/meta.json");
    wait_for("the first build committed", || {
        std::fs::read_to_string(&tmp_meta).is_ok_and(|m| m.contains("\"payload\""))
    });
    child.kill().expect("kill");
    child.wait().expect("wait");
    assert_eq!(t.search(&["export control"]).hits[0].paragraph, "4(d)");
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(v["unchanged"], 1);
    assert!(leftovers(&t).is_empty(), "{:?}", leftovers(&t));
    let clean = ids(&t.export());
    // A full rebuild: the old index moved aside, the new one not yet in place.
    let mut child = spawn_paused_in_swap(&t, &["ingest", "-q", "--full"]);
    wait_for("the old index moved aside", || {
        t.path().join("index.old").exists() && !t.index().exists()
    });
    // Readers answer meanwhile, and after the kill.
    assert_eq!(ids(&t.export()), clean);
    child.kill().expect("kill");
    child.wait().expect("wait");
    assert_eq!(ids(&t.export()), clean);
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(v["unchanged"], 1);
    assert!(leftovers(&t).is_empty(), "{:?}", leftovers(&t));
    assert_eq!(ids(&t.export()), clean);
    t.run(["check"]).success();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("ls").flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).expect("cp");
    }
}

#[test]
fn an_ingest_never_replaces_a_folder_that_holds_more_than_an_index() {
    let t = TestDir::with_sample();
    t.write("../docs/precious.txt", "mine");
    for args in [
        vec!["--index", "docs", "ingest"],
        vec!["--index", "docs", "ingest", "--full"],
    ] {
        let err = stderr_of(t.run(&args).code(1));
        assert!(
            err.contains("holds precious.txt") && err.contains("folder of its own"),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(t.path().join("docs/precious.txt")).expect("kept"),
        "mine"
    );
    let err = stderr_of(t.run(["--index", ".", "ingest"]).code(1));
    assert!(err.contains("names no folder of its own"), "{err}");
    assert!(!t.path().join("index.tmp").exists());
}

#[test]
fn the_index_refuses_another_corpus_folder_unless_rebuilt() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    std::fs::create_dir_all(t.path().join("other")).expect("mkdir");
    std::fs::write(t.path().join("other/one.txt"), "1. Only this.\n").expect("w");
    let err = stderr_of(t.run(["ingest", "other"]).code(1));
    assert!(
        err.contains("was built from") && err.contains("corpus") && err.contains("other"),
        "{err}"
    );
    assert_eq!(t.export().len(), 14, "the index was not touched");
    t.run(["ingest", "other", "--full"]).success();
    assert_eq!(t.export().len(), 1);
}

#[test]
fn an_index_written_by_a_newer_dipsearch_is_refused_not_rebuilt() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let meta = t.index().join("meta.json");
    let text = std::fs::read_to_string(&meta).expect("meta");
    let now = format!("\\\"schema\\\":{}", dipsearch::index::SCHEMA_VERSION);
    assert!(text.contains(&now), "{text}");
    std::fs::write(&meta, text.replace(&now, "\\\"schema\\\":99")).expect("w");
    for args in [vec!["search", "export control"], vec!["ingest"]] {
        let err = stderr_of(t.run(&args).code(1));
        assert!(
            err.contains("newer dipsearch") && err.contains("v99"),
            "{err}"
        );
    }
    t.run(["ingest", "--full"]).success();
    assert_eq!(t.export().len(), 14);
}

#[test]
fn a_damaged_index_is_reported_without_a_panic_and_repaired_by_a_full_ingest() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let ok = String::from_utf8_lossy(&t.run(["check"]).success().get_output().stdout).into_owned();
    assert!(ok.contains(": ok ("), "{ok}");
    let before = ids(&t.export());
    for ext in ["fast", "store", "idx", "term", "pos", "fieldnorm"] {
        let file = std::fs::read_dir(t.index())
            .expect("ls")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == ext))
            .unwrap_or_else(|| panic!("no .{ext} file"));
        let mut bytes = std::fs::read(&file).expect("read");
        let at = bytes.len() / 2;
        bytes[at] ^= 0xff;
        std::fs::write(&file, &bytes).expect("write");
        let out = t.run(["check"]).code(1);
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.contains("checksum mismatch"), "{ext}: {text}");
        for args in [
            vec!["export"],
            vec!["stats"],
            vec!["search", "export control"],
        ] {
            let out = t.run(&args).get_output().clone();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
                "{err}"
            );
            if args[0] == "export" {
                assert_eq!(
                    out.status.code(),
                    Some(1),
                    "{ext}: export of a damaged index"
                );
                assert!(err.contains("damaged"), "{err}");
            }
        }
        t.run(["ingest", "--full"]).success();
        t.run(["check"]).success();
        assert_eq!(ids(&t.export()), before, "{ext}");
    }
    // A manifest that cannot be read at all.
    std::fs::write(t.index().join("meta.json"), "{ not json").expect("w");
    let err = stderr_of(t.run(["check"]).code(1));
    assert!(err.contains("damaged"), "{err}");
    t.run(["ingest"]).success();
    assert_eq!(ids(&t.export()), before);
}

/// A write failure in the middle of an ingest, as a full disk gives: the
/// file size limit (`ulimit -f`, with SIGXFSZ ignored so that writes fail
/// with EFBIG instead of killing the process).
#[cfg(unix)]
#[test]
fn a_write_failure_mid_ingest_leaves_the_old_index_and_no_leftovers() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let before = ids(&t.export());
    // Enough new text that the segment files outgrow the limit.
    let para = "The participants discussed export control, nuclear security and \
                the proliferation of weapons of mass destruction in the region. ";
    for i in 0..40 {
        let mut body = format!("JOINT STATEMENT\nTokyo, {} May 2005\n\n", i % 28 + 1);
        for n in 1..=60 {
            body.push_str(&format!("{n}. {} {i} {n}\n\n", para.repeat(3)));
        }
        t.write(&format!("bulk/s{i:02}.txt"), body);
    }
    for args in ["ingest", "ingest --full"] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("trap '' XFSZ; ulimit -f 64; exec \"$0\" {args}"))
            .arg(env!("CARGO_BIN_EXE_dipsearch"))
            .current_dir(t.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("sh");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("left as it was"), "{err}");
        assert_eq!(ids(&t.export()), before, "{args}: old index intact");
        assert!(leftovers(&t).is_empty(), "{:?}", leftovers(&t));
        assert!(strays(&t.index()).is_empty(), "{:?}", strays(&t.index()));
    }
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(v["added"], 40);
    t.run(["check"]).success();
}

#[cfg(unix)]
#[test]
fn the_walk_never_leaves_the_corpus() {
    let t = TestDir::with_sample();
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(
        outside.path().join("secret.txt"),
        "1. The secret paragraph.\n",
    )
    .expect("w");
    std::os::unix::fs::symlink(outside.path(), t.corpus().join("out")).expect("ln");
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        t.corpus().join("secret.txt"),
    )
    .expect("ln");
    std::os::unix::fs::symlink("/etc", t.corpus().join("etc")).expect("ln");
    std::os::unix::fs::symlink("/etc/passwd", t.corpus().join("passwd.txt")).expect("ln");
    // A link that stays inside: not followed unless asked (as ripgrep).
    std::os::unix::fs::symlink("astop-2003-tokyo.txt", t.corpus().join("copy.txt")).expect("ln");
    let fifo = std::process::Command::new("mkfifo")
        .arg(t.corpus().join("pipe.txt"))
        .status()
        .is_ok_and(|s| s.success());
    for follow in [false, true] {
        let args: &[&str] = if follow {
            &["ingest", "--follow-links"]
        } else {
            &["ingest"]
        };
        let out = t.run(args).success().get_output().stdout.clone();
        let out = String::from_utf8_lossy(&out);
        for name in ["out", "secret.txt", "etc", "passwd.txt"] {
            assert!(
                out.contains(&format!(
                    "skipped {name}: symbolic link to a place outside the corpus"
                )),
                "{out}"
            );
        }
        assert_eq!(
            out.contains("skipped copy.txt: symbolic link, not followed"),
            !follow,
            "{out}"
        );
        if fifo {
            assert!(
                out.contains("skipped pipe.txt: not a regular file (a FIFO)"),
                "{out}"
            );
        }
        let mut sources: Vec<String> = t.export().into_iter().map(|h| h.source).collect();
        sources.dedup();
        let want: &[&str] = if follow {
            &["astop-2003-tokyo.txt", "copy.txt"]
        } else {
            &["astop-2003-tokyo.txt"]
        };
        assert_eq!(sources, want);
        // Nothing from outside is searchable either way.
        assert_eq!(t.search(&["root"]).total, 0);
        assert_eq!(t.search(&["secret"]).total, 0);
    }
}

#[test]
fn text_output_prints_no_raw_control_character_and_json_stays_exact() {
    let t = TestDir::new();
    let nasty = "1. Export \x1b]0;pwned\x07 controls \x1b[2J matter \u{202e}here\x08.\n";
    t.write(
        "esc.txt",
        format!("JOINT STATEMENT\nTokyo, 1 May 2005\n\n{nasty}"),
    );
    t.run(["ingest"]).success();
    let page = t.search(&["export"]);
    assert!(
        page.hits[0].text.contains("\x1b]0;pwned\x07"),
        "{:?}",
        page.hits[0].text
    );
    let id = page.hits[0].id.clone();
    for args in [
        vec!["search", "export"],
        vec!["search", "export", "--color", "always"],
        vec!["show", &id],
        vec!["stats"],
    ] {
        let out = t.run(&args).success().get_output().stdout.clone();
        let text = String::from_utf8_lossy(&out);
        let raw: Vec<char> = text
            .chars()
            .filter(|c| (c.is_control() && *c != '\n' && *c != '\x1b') || *c == '\u{202e}')
            .collect();
        assert!(raw.is_empty(), "{args:?}: {raw:?}");
        assert!(
            !text.contains("\x1b]") && !text.contains("\x1b[2J"),
            "{args:?}: {text}"
        );
        if args[0] == "search" {
            assert!(text.contains("\\x1b]0;"), "{text}");
        }
    }
}

/// The characters that must never reach a terminal raw: every control
/// character but the newline (C0, DEL, C1 such as the one-byte CSI
/// U+009B) and the bidirectional embeddings, overrides and isolates.
fn raw_controls(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn no_command_prints_a_raw_control_character_in_text_mode() {
    let t = TestDir::new();
    let nasty =
        "\x1b]0;pwned\x07 \x1b[2J \x1b[31m \x1b[0m \u{9b}2J \u{85} \u{202e}gpj.exe\u{2066} \x08\r";
    let body = format!(
        "JOINT STATEMENT OF THE {nasty} MEETING\nTokyo, 1 May 2005\n\n\
         1. Export controls {nasty} matter to Japan.\n\n2. Nuclear {nasty} security.\n"
    );
    t.write("esc.txt", &body);
    let evil_name = "evil\x1b]0;t\x07\n\x1b[2J.txt";
    let named = std::fs::write(t.corpus().join(evil_name), &body).is_ok();
    t.run(["ingest"]).success();
    // A file added after the ingest, for `status` to name.
    let _ = std::fs::write(t.corpus().join("new\x1b[2J\u{9b}.txt"), "1. More.\n");
    let id = t.search(&["export"]).hits[0].id.clone();
    let query = format!("export {nasty}");
    let bad_id = format!("nope{nasty}#1");
    let runs: Vec<Vec<&str>> = vec![
        vec!["search", "export"],
        vec!["search", "export", "--color", "always"],
        vec!["search", &query],
        // A thin result's hint quotes the word that is missing.
        vec!["search", "Nuclear Isr\x1bcal"],
        vec!["show", &id],
        vec!["show", &id, "--color", "always"],
        vec!["facets", &query, "--by", "meeting"],
        vec!["facets", "export", "--by", "country"],
        vec!["status"],
        vec!["check"],
        vec!["stats"],
        vec!["ingest", "--dry-run"],
        // Errors that echo what was typed.
        vec!["show", &bad_id],
        vec!["search", "export", "--since", nasty],
        vec!["search", "export", "--country", nasty],
        vec!["--index", evil_name, "stats"],
    ];
    for args in &runs {
        let out = t.cmd().args(args).output().expect("run");
        // With colour on, only the renderer's own codes may pass.
        let mut stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        for own in ["\x1b[1m", "\x1b[1;31m", "\x1b[2m", "\x1b[0m"] {
            stdout = stdout.replace(own, "");
        }
        for (stream, bytes) in [("stdout", stdout.as_bytes()), ("stderr", &out.stderr[..])] {
            assert!(
                raw_controls(bytes).is_empty(),
                "{args:?} {stream}: {:?}\n{}",
                raw_controls(bytes),
                String::from_utf8_lossy(bytes)
            );
        }
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            !text.contains("\x1b]") && !text.contains("\x1b[2J") && !text.contains("\x1b[31m"),
            "{args:?}: {text}"
        );
    }
    if named {
        let out = t
            .run(["search", "nuclear"])
            .success()
            .get_output()
            .stdout
            .clone();
        assert!(String::from_utf8_lossy(&out).contains("evil\\x1b]0;t\\x07\\x0a"));
    }
}

#[cfg(unix)]
#[test]
fn a_file_name_with_a_newline_cannot_forge_a_result_line() {
    let t = TestDir::new();
    let name = "a\nASTOP  2003-11-13  Tokyo  ¶1.txt";
    if std::fs::write(t.corpus().join(name), "1. Export controls matter.\n").is_err() {
        return;
    }
    t.run(["ingest"]).success();
    let out = t
        .run(["search", "export"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(!text.lines().any(|l| l.starts_with("ASTOP")), "{text}");
    assert!(text.contains("a\\x0aASTOP"), "{text}");
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_get_distinct_ids_and_settle() {
    use std::os::unix::ffi::OsStrExt;
    let t = TestDir::new();
    for name in [&b"speech-\xff.txt"[..], &b"speech-\xfe.txt"[..]] {
        let path = t.corpus().join(std::ffi::OsStr::from_bytes(name));
        if std::fs::write(path, "1. Export controls matter.\n").is_err() {
            return;
        }
    }
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(v["added"], 2);
    assert_eq!(v["documents"], 2);
    let v: serde_json::Value = t.json(["ingest", "--format", "json"]);
    assert_eq!(
        (v["unchanged"].as_u64(), v["updated"].as_u64()),
        (Some(2), Some(0))
    );
}

#[test]
fn a_huge_query_is_a_usage_error_at_once() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let words: Vec<String> = (0..20_000).map(|i| format!("w{i}")).collect();
    // Time is not asserted (a loaded machine); the release build answers in
    // a few milliseconds (README, Safety).
    let err = stderr_of(t.run(["search", &words.join(" ")]).code(2));
    assert!(
        err.contains("too large") && err.contains("20000 terms"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[cfg(unix)]
#[test]
fn index_files_are_as_readable_as_their_folder() {
    use std::os::unix::fs::PermissionsExt;
    let t = TestDir::with_sample();
    std::fs::set_permissions(t.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    t.run(["ingest"]).success();
    for e in std::fs::read_dir(t.index()).expect("ls").flatten() {
        let mode = e.metadata().expect("meta").permissions().mode();
        assert_eq!(mode & 0o044, 0o044, "{:?} {mode:o}", e.file_name());
    }
}

#[test]
fn a_search_during_a_version_rebuild_says_the_index_is_being_built() {
    let t = TestDir::with_sample();
    t.run(["ingest"]).success();
    let meta = t.index().join("meta.json");
    let text = std::fs::read_to_string(&meta).expect("meta");
    let now = format!("\\\"schema\\\":{}", dipsearch::index::SCHEMA_VERSION);
    std::fs::write(&meta, text.replace(&now, "\\\"schema\\\":1")).expect("w");
    let lock = WriterLock::acquire(&t.index()).expect("lock");
    let err = stderr_of(t.run(["search", "export control"]).code(1));
    assert!(err.contains("is being built"), "{err}");
    drop(lock);
    let err = stderr_of(t.run(["search", "export control"]).code(1));
    assert!(err.contains("format v1"), "{err}");
}

/// The repository ships `index/.gitkeep`: the first search of a fresh clone
/// builds the index there and the placeholder stays.
#[test]
fn an_index_folder_with_a_gitkeep_is_built_and_keeps_it() {
    let t = TestDir::with_sample();
    std::fs::create_dir_all(t.index()).unwrap();
    std::fs::write(t.index().join(".gitkeep"), b"").unwrap();
    t.run(["search", "export control"]).success();
    assert!(t.index().join(".gitkeep").is_file());
    assert!(t.index().join("meta.json").is_file());
    t.run(["ingest", "--full", "-q"]).success();
    assert!(t.index().join(".gitkeep").is_file());
    t.run(["check"]).success();
}
