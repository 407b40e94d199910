//! The sample corpus the subject tests and the relevance bench share: the
//! ASTOP 2003 summary (`corpus/`) and the General Debate statements of the
//! fifteen ASTOP participant countries at the 58th–65th sessions
//! (2003–2010), 120 speeches read from the UN General Debate Corpus in
//! `../shared/data/`. Third-party corpora are never committed, so the
//! speeches are unpacked into a temporary corpus on each run.
//!
//! Included by path (`#[path]`) from `tests/cli/main.rs` and
//! `benches/relevance.rs`: test and bench are separate targets and this is
//! their one copy of the layout.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The participants of the first ASTOP (ISO 3166 alpha-3, as the General
/// Debate file names write them).
const ASTOP_COUNTRIES: [&str; 15] = [
    "AUS", "BRN", "CHN", "IDN", "JPN", "KHM", "KOR", "LAO", "MMR", "MYS", "PHL", "SGP", "THA",
    "USA", "VNM",
];

/// General Debate sessions 58 (2003) to 65 (2010).
const SESSIONS: std::ops::RangeInclusive<u32> = 58..=65;

/// Writes the sample corpus into `corpus` (created if needed): the ASTOP
/// summary as `astop-2003-tokyo.txt` and the speeches under
/// `ungd/TXT/Session NN - YYYY/` with the folder configuration the project
/// ships for them (`benches/ungd.dipsearch.toml`). `Err` says why it cannot
/// (no tarball beside the crate, `zstd` or `tar` missing or failing), for
/// the caller to print as its reason to skip.
pub fn write_astop_and_general_debate(corpus: &Path) -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tarball = tarball();
    if !tarball.is_file() {
        return Err(format!("no {}", tarball.display()));
    }
    let dest = corpus.join("ungd");
    std::fs::create_dir_all(&dest).map_err(|e| format!("{}: {e}", dest.display()))?;
    let patterns = SESSIONS.flat_map(|session| {
        ASTOP_COUNTRIES
            .iter()
            .map(move |c| format!("TXT/Session {session} - */{c}_{session}_*.txt"))
    });
    let status = Command::new("sh")
        .arg("-c")
        .arg(r#"f=$1; d=$2; shift 2; zstd -dc "$f" | tar -x -C "$d" --wildcards "$@""#)
        .arg("sh")
        .arg(&tarball)
        .arg(&dest)
        .args(patterns)
        .status()
        .map_err(|e| format!("cannot run zstd and tar: {e}"))?;
    if !status.success() {
        return Err(format!("cannot unpack {} ({status})", tarball.display()));
    }
    let copy = |from: PathBuf, to: PathBuf| {
        std::fs::copy(&from, &to)
            .map(drop)
            .map_err(|e| format!("copy {} to {}: {e}", from.display(), to.display()))
    };
    copy(
        root.join("benches/ungd.dipsearch.toml"),
        dest.join("TXT/dipsearch.toml"),
    )?;
    copy(
        root.join("corpus/astop-2003-tokyo.txt"),
        corpus.join("astop-2003-tokyo.txt"),
    )
}

/// The UN General Debate Corpus 1946–2024 (Jankin, Baturo and Dasandi,
/// doi:10.7910/DVN/0TJX8Y), kept beside the repository.
fn tarball() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ungdc-1946-2024.tar.zst")
}
