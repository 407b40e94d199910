//! Test helpers: a temporary working folder with a `corpus/` and an
//! `index/`, and the real `dipsearch` binary run inside it.

use std::path::{Path, PathBuf};

use assert_cmd::assert::Assert;
use assert_cmd::Command;
use serde::Deserialize;
use tempfile::TempDir;

/// The fixtures folder of this repository.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The shipped sample document.
pub fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/astop-2003-tokyo.txt")
}

/// A temporary working folder.
pub struct TestDir {
    dir: TempDir,
}

impl TestDir {
    /// An empty folder with an empty `corpus/`.
    pub fn new() -> TestDir {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("corpus")).expect("corpus dir");
        TestDir { dir }
    }

    /// A folder whose corpus holds the sample document.
    pub fn with_sample() -> TestDir {
        let t = TestDir::new();
        t.copy_in(&sample(), "astop-2003-tokyo.txt");
        t
    }

    /// Copies a file into the corpus under `rel`.
    pub fn copy_in(&self, from: &Path, rel: &str) {
        let to = self.corpus().join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    }

    /// Writes a corpus file.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let to = self.corpus().join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::write(to, content).expect("write");
    }

    /// Removes a corpus file.
    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.corpus().join(rel)).expect("remove");
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Its corpus.
    pub fn corpus(&self) -> PathBuf {
        self.path().join("corpus")
    }

    /// Its index.
    pub fn index(&self) -> PathBuf {
        self.path().join("index")
    }

    /// The binary, run in the folder, with a clean environment for colour
    /// and index location.
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_dipsearch"));
        c.current_dir(self.path())
            .env_remove("DIPSEARCH_INDEX")
            .env_remove("DIPSEARCH_CORPUS")
            .env_remove("CLICOLOR_FORCE")
            // No user configuration but the test's own.
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            // Text wrapped as on a 100-column terminal.
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1");
        c
    }

    /// Runs the binary with `args`.
    pub fn run<I, S>(&self, args: I) -> Assert
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.cmd().args(args).assert()
    }

    /// Runs and parses stdout as one JSON document; the run must succeed.
    pub fn json<T: for<'de> Deserialize<'de>, I, S>(&self, args: I) -> T
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let out = self.run(args).success().get_output().stdout.clone();
        serde_json::from_slice(&out)
            .unwrap_or_else(|e| panic!("bad JSON ({e}): {}", String::from_utf8_lossy(&out)))
    }

    /// Runs and parses stdout as JSON lines; the run must succeed.
    pub fn json_lines<T: for<'de> Deserialize<'de>, I, S>(&self, args: I) -> Vec<T>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let out = self.run(args).success().get_output().stdout.clone();
        String::from_utf8_lossy(&out)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line ({e}): {l}")))
            .collect()
    }

    /// Search with `--format json` and return the page.
    pub fn search(&self, args: &[&str]) -> Page {
        let mut all = vec!["search"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        self.json(all)
    }

    /// Every indexed paragraph via `export`.
    pub fn export(&self) -> Vec<Hit> {
        self.json_lines(["export"])
    }

    /// Every file under the index folder with its bytes, for "writes
    /// nothing" checks.
    pub fn index_snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(self.index())
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().to_path_buf(),
                    std::fs::read(e.path()).expect("read"),
                )
            })
            .collect();
        files.sort();
        files
    }
}

/// `search --format json`.
#[derive(Debug, Deserialize)]
pub struct Page {
    pub query: Option<String>,
    pub total: usize,
    #[serde(default)]
    pub total_is_estimate: bool,
    pub hits: Vec<Hit>,
}

/// One HIT as documented.
#[derive(Debug, Deserialize, Clone)]
#[allow(dead_code)]
pub struct Hit {
    pub id: String,
    pub score: Option<f32>,
    pub source: String,
    pub title: Option<String>,
    pub meeting: Option<String>,
    pub meeting_id: Option<String>,
    pub acronym: Option<String>,
    pub edition: Option<u32>,
    pub doc_type: String,
    pub date: Option<String>,
    pub date_end: Option<String>,
    pub year: Option<u16>,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub issuer: Option<String>,
    pub issuer_name: Option<String>,
    pub symbol: Option<String>,
    pub vote: Option<String>,
    pub url: Option<String>,
    pub paragraph: String,
    pub label_is_own: bool,
    pub ordinal: u32,
    pub parent: Option<String>,
    pub context: Option<String>,
    pub heading: Option<String>,
    pub text: String,
    pub citation: String,
    pub snippet: Option<String>,
    pub highlights: Option<Vec<[usize; 2]>>,
    pub countries: Vec<String>,
    pub instruments: Vec<String>,
    pub topics: Vec<String>,
    pub groups: Vec<String>,
    pub participants: Vec<String>,
}

impl Page {
    /// Paragraph labels of the hits, in order.
    pub fn labels(&self) -> Vec<&str> {
        self.hits.iter().map(|h| h.paragraph.as_str()).collect()
    }
    /// Ids of the hits, in order.
    pub fn ids(&self) -> Vec<&str> {
        self.hits.iter().map(|h| h.id.as_str()).collect()
    }
}
