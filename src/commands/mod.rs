//! One module per subcommand: arguments → typed request → library call →
//! renderer. The helpers here are what several commands share: opening
//! (or first building) the index, colour and format choices, exit status.

mod check;
mod cite;
mod color;
pub(crate) mod compare;
mod completions;
mod config;
mod diff;
mod entities;
mod export;
mod facets;
pub mod hints;
mod ingest;
mod man;
mod precedent;
mod reuse;
mod search;
mod serve;
mod show;
mod stats;
mod status;
mod watch;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use dipsearch::error::UsageError;
use dipsearch::index::IndexHandle;
use dipsearch::ingest::{ingest as run_ingest, IngestOptions};
use dipsearch::model::ParagraphRecord;
use dipsearch::render::safe::one_line;
use dipsearch::render::{Format, TextStyle};
use dipsearch::search::{similar_ids, Engine, Filters};

use crate::cli::{BasicFormat, Cli, ColorArgs, Command, FilterArgs, ListFormat};

/// What a successful command tells `main` about its exit status.
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit with this status (e.g. 1 for `--strict` skips).
    Status(u8),
}

impl Outcome {
    /// The process exit code.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Status(n) => ExitCode::from(*n),
        }
    }
}

/// Runs the parsed command.
pub fn dispatch(cli: Cli) -> Result<Outcome> {
    // Absolute, so that every message names the folder wherever it was
    // typed from (`no index in /home/me/work/index`).
    // Flags and environment first, then the user's configuration, then
    // the defaults.
    let config = match &cli.command {
        Command::Completions(_) | Command::Man(_) => Default::default(),
        _ => config::load()?,
    };
    color::set_configured(config.color);
    let index = cli
        .global
        .index
        .or(config.index)
        .unwrap_or_else(|| PathBuf::from("index"));
    let index = absolute(&index);
    let index = index.as_path();
    let default_corpus = cli.global.corpus.or(config.corpus);
    let corpus = |given: Option<PathBuf>| {
        absolute(
            &given
                .or(default_corpus.clone())
                .unwrap_or_else(|| PathBuf::from("corpus")),
        )
    };
    match cli.command {
        Command::Ingest(mut a) => {
            a.corpus = corpus(a.corpus_dir.take());
            ingest::run(index, a)
        }
        Command::Search(mut a) => {
            a.corpus = corpus(None);
            search::run(index, a)
        }
        Command::Show(mut a) => {
            a.corpus = corpus(None);
            show::run(index, a)
        }
        Command::Cite(mut a) => {
            a.corpus = corpus(None);
            cite::run(index, a)
        }
        Command::Facets(mut a) => {
            a.corpus = corpus(None);
            facets::run(index, a)
        }
        Command::Stats(a) => stats::run(index, a),
        Command::Export(a) => export::run(index, a),
        Command::Status(mut a) => {
            a.corpus = corpus(a.corpus_dir.take());
            status::run(index, a)
        }
        Command::Entities(a) => entities::run(a),
        Command::Check(a) => check::run(index, a),
        Command::Precedent(mut a) => {
            a.corpus = corpus(None);
            precedent::run(index, a)
        }
        Command::Diff(mut a) => {
            a.corpus = corpus(None);
            diff::run(index, a)
        }
        Command::Compare(mut a) => {
            a.corpus = corpus(None);
            compare::run(index, a)
        }
        Command::Reuse(mut a) => {
            a.corpus = corpus(None);
            reuse::run(index, a)
        }
        Command::Watch(a) => watch::run(index, a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => man::run(a),
        Command::Serve(a) => serve::run(index, a),
    }
}

/// `path` made absolute against the current folder (as typed otherwise:
/// `..` is kept, links are not resolved). A path that names no folder of
/// its own (`.`, `..`, `/`) stays as typed, so that the index checks still
/// refuse it by name.
fn absolute(path: &Path) -> PathBuf {
    if path.file_name().is_none() {
        return path.to_path_buf();
    }
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Opens the index; when there is none yet (or it is empty), builds it
/// from `corpus` first and says so on stderr, so the very first search on
/// a fresh clone works.
fn open_or_build(index: &Path, corpus: &Path) -> Result<Engine> {
    let empty = match IndexHandle::open(index) {
        Ok(h) => {
            // One searcher for the check and the command: opening the
            // segments is a good part of a short search's cost.
            let engine = Engine::open(&h)?;
            if h.has_paragraphs(engine.searcher())? {
                return Ok(engine);
            }
            true
        }
        Err(dipsearch::Error::IndexMissing(_)) => false,
        Err(dipsearch::Error::IndexNotDir(p)) => {
            return Err(dipsearch::Error::IndexNotDir(p).into())
        }
        Err(e) => return Err(e.into()),
    };
    eprintln!(
        "dipsearch: {} {}; building it from {} first",
        if empty {
            "the index is empty in"
        } else {
            "no index in"
        },
        one_line(&index.display().to_string()),
        one_line(&corpus.display().to_string())
    );
    let report = match run_ingest(corpus, index, &IngestOptions::default(), &|_| {}) {
        Ok(r) => r,
        // Another search (or an ingest) started building it first.
        Err(dipsearch::Error::IndexLocked(p)) => {
            return Err(dipsearch::Error::IndexBeingBuilt(p).into())
        }
        Err(e) => return Err(e.into()),
    };
    for s in &report.skipped {
        eprintln!(
            "dipsearch: skipped {}: {}",
            one_line(&s.path),
            one_line(&s.reason.to_string())
        );
    }
    eprintln!(
        "dipsearch: indexed {} documents, {} paragraphs in {:.2}s",
        report.documents,
        report.paragraphs,
        report.elapsed_ms as f64 / 1000.0
    );
    Ok(Engine::open(&IndexHandle::open(index)?)?)
}

/// Lets the kernel reclaim `values` (an engine, its results) when the
/// process exits, instead of unmapping the segment files and freeing the
/// searcher one by one: a one-shot command ends right after its output,
/// and that teardown was about a twelfth of a short search's whole process
/// (benches/PROFILE.md). Only for commands that exit next; the server
/// keeps its engine.
fn end_of_process<T>(values: T) {
    std::mem::forget(values);
}

/// Says on stderr, in one line, when the corpus changed after the last
/// ingest (a cheap check: see `ingest::staleness`). Best effort: a check
/// that fails says nothing. The engine holds the commit's payload and a
/// searcher on it, so neither is read again (an engine from
/// `IndexHandle::open` always has a payload).
fn stale_notice(index: &Path, engine: &Engine) {
    let Some(payload) = engine.payload() else {
        return;
    };
    let stale =
        dipsearch::ingest::staleness_of(index, payload, |folders| engine.file_states(folders));
    if let Ok(Some(s)) = stale {
        eprintln!("dipsearch: {}", stale_line(s));
    }
}

/// `the index is older than the corpus (2 files changed, 1 removed since
/// the last ingest); run dipsearch ingest`.
fn stale_line(s: dipsearch::ingest::Staleness) -> String {
    let parts: Vec<String> = [
        (s.added, "added"),
        (s.changed, "changed"),
        (s.removed, "removed"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .enumerate()
    .map(|(i, (n, what))| match (i, n) {
        (0, 1) => format!("1 file {what}"),
        (0, _) => format!("{n} files {what}"),
        _ => format!("{n} {what}"),
    })
    .collect();
    format!(
        "the index is older than the corpus ({} since the last ingest); run dipsearch ingest",
        parts.join(", ")
    )
}

/// Resolves the filter flags into index terms; unknown values are usage
/// errors naming the value.
fn resolve_filters(args: &FilterArgs) -> Result<Filters> {
    Ok(Filters::resolve(&args.values())?)
}

/// The paragraph `id` names; an unknown id is a usage error listing the
/// ids spelled closest to it.
pub(crate) fn find_paragraph(engine: &Engine, id: &str) -> Result<ParagraphRecord> {
    match engine.paragraph(id)? {
        Some(r) => Ok(r),
        None => Err(dipsearch::Error::from(UsageError::UnknownParagraph {
            id: id.to_string(),
            similar: similar_ids(engine, id)?,
        })
        .into()),
    }
}

/// The query words as one string, `None` when there are none; a query
/// over the size limits is a usage error.
fn join_query(words: &[String]) -> Result<Option<String>> {
    let q = words.join(" ");
    dipsearch::limits::check_query_size(&q).map_err(dipsearch::Error::from)?;
    Ok((!q.trim().is_empty()).then_some(q))
}

/// How text output looks for a command's `--color` (see `color` for the
/// order of precedence).
fn text_style(color: ColorArgs) -> TextStyle {
    TextStyle {
        color: color::enabled(color, io::stdout().is_terminal()),
        width: text_width(),
        hints: hints::TEXT,
    }
}

/// The width text output wraps at: `COLUMNS` when set, else the
/// terminal's; no wrapping into a pipe or a file. Paragraph text is
/// indented by four columns, which the width leaves out (96 on a
/// 100-column terminal, the width always used before).
fn text_width() -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .or_else(|| {
            let stdout = io::stdout();
            stdout
                .is_terminal()
                .then(|| terminal_size::terminal_size_of(&stdout))
                .flatten()
                .map(|(w, _)| w.0 as usize)
        })?;
    Some(columns.saturating_sub(4).max(20))
}

fn basic(format: BasicFormat) -> Format {
    match format {
        BasicFormat::Text => Format::Text,
        BasicFormat::Json => Format::Json,
    }
}

fn list(format: ListFormat) -> Format {
    match format {
        ListFormat::Text => Format::Text,
        ListFormat::Json => Format::Json,
        ListFormat::Jsonl => Format::Jsonl,
        ListFormat::Csv => Format::Csv,
    }
}

/// Writes with a buffered, locked stdout and flushes (so a closed pipe
/// surfaces as an error `main` treats as success).
fn with_stdout(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    f(&mut out)?;
    out.flush()?;
    Ok(())
}
