//! `dipsearch ingest`: bring the index in step with the corpus, with a
//! progress bar on a terminal, and `--watch` to keep doing so.

use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;
use dipsearch::corpus::list_corpus;
use dipsearch::ingest::{ingest, IngestOptions, IngestReport, Links, Progress};
use dipsearch::render::safe::one_line;
use indicatif::{ProgressBar, ProgressStyle};

use super::{basic, hints, text_style, with_stdout, Outcome};
use crate::cli::{BasicFormat, IngestArgs};

/// How often `--watch` looks at the corpus.
const WATCH_POLL: Duration = Duration::from_millis(500);
/// How long the corpus must stay unchanged before a re-ingest (debounce).
const WATCH_SETTLE: Duration = Duration::from_millis(800);

pub fn run(index: &Path, args: IngestArgs) -> Result<Outcome> {
    let outcome = once(index, &args)?;
    if !args.watch {
        return Ok(outcome);
    }
    watch(index, &args)
}

fn once(index: &Path, args: &IngestArgs) -> Result<Outcome> {
    let opts = IngestOptions {
        full: args.full,
        dry_run: args.dry_run,
        links: links(args.follow_links),
    };
    let bar = (!args.quiet && !args.dry_run && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::hidden();
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {pos}/{len} files {msg} [{elapsed_precise}, ETA {eta}]",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let started = Instant::now();
    let report = ingest(&args.corpus, index, &opts, &|p: Progress| {
        if let Some(bar) = &bar {
            if bar.is_hidden() && p.files_total > 0 {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            bar.set_length(p.files_total as u64);
            bar.set_position(p.files_done as u64);
            let secs = started.elapsed().as_secs_f64().max(0.001);
            bar.set_message(format!(
                "· {:.1}/{:.1} MB · {} paragraphs · {:.1} MB/s",
                p.bytes_done as f64 / 1e6,
                p.bytes_total as f64 / 1e6,
                p.paragraphs,
                p.bytes_done as f64 / 1e6 / secs
            ));
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let report = report?;
    let rebuilt = report.rebuilt.as_ref().map(hints::rebuild_reason);
    if let Some(reason) = &rebuilt {
        if !args.full {
            eprintln!(
                "dipsearch: rebuilding the whole index: {}",
                one_line(reason)
            );
        }
    }
    with_stdout(|out| {
        dipsearch::render::ingest(
            basic(args.output.format),
            &report,
            rebuilt.as_deref(),
            args.quiet,
            text_style(args.output.color),
            out,
        )
    })?;
    if !args.quiet && !args.dry_run && args.output.format == BasicFormat::Text {
        // A saved search that cannot be run must not fail the ingest.
        match super::watch::summary(index) {
            Ok(Some(line)) => println!("watches with new hits: {}", one_line(&line)),
            Ok(None) => {}
            Err(e) => eprintln!(
                "dipsearch: warning: watches not checked: {}",
                one_line(&format!("{e:#}"))
            ),
        }
    }
    Ok(strict_outcome(args.strict, &report))
}

fn strict_outcome(strict: bool, report: &IngestReport) -> Outcome {
    if strict && !report.skipped.is_empty() {
        eprintln!(
            "dipsearch: {} file(s) skipped in --strict mode",
            report.skipped.len()
        );
        Outcome::Status(1)
    } else {
        Outcome::Success
    }
}

/// Polls the corpus listing (paths, sizes, mtimes) and re-ingests once it
/// has changed and then stayed still for `WATCH_SETTLE`. Runs until
/// interrupted; an interrupted commit is abandoned whole (tantivy commits
/// atomically), so the index always opens at the last commit.
fn watch(index: &Path, args: &IngestArgs) -> Result<Outcome> {
    if !args.quiet {
        eprintln!(
            "dipsearch: watching {} for changes (Ctrl-C to stop)",
            one_line(&args.corpus.display().to_string())
        );
    }
    let fingerprint = || -> Vec<(String, u64, u128)> {
        list_corpus(&args.corpus, links(args.follow_links))
            .map(|l| {
                let mut v: Vec<_> = l
                    .files
                    .into_iter()
                    .map(|f| (f.rel, f.size, f.mtime_ns))
                    .collect();
                v.extend(l.configs.into_iter().map(|c| {
                    let m = std::fs::metadata(&c.path).ok();
                    (
                        format!("{}/dipsearch.toml", c.dir),
                        m.as_ref().map(|m| m.len()).unwrap_or(0),
                        m.and_then(|m| m.modified().ok())
                            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                            .map(|d| d.as_nanos())
                            .unwrap_or(0),
                    )
                }));
                v
            })
            .unwrap_or_default()
    };
    let mut seen = fingerprint();
    let mut changed_at: Option<Instant> = None;
    loop {
        std::thread::sleep(WATCH_POLL);
        let now = fingerprint();
        if now != seen {
            seen = now;
            changed_at = Some(Instant::now());
            continue;
        }
        if changed_at.is_some_and(|t| t.elapsed() >= WATCH_SETTLE) {
            changed_at = None;
            let quiet = IngestArgs {
                corpus_dir: None,
                corpus: args.corpus.clone(),
                full: false,
                dry_run: false,
                strict: false,
                follow_links: args.follow_links,
                watch: false,
                quiet: args.quiet,
                output: args.output,
            };
            if let Err(e) = once(index, &quiet) {
                eprintln!("dipsearch: {}", one_line(&hints::error_line(&e)));
            }
        }
    }
}

/// What `--follow-links` asks of the corpus walk.
pub fn links(follow: bool) -> Links {
    if follow {
        Links::FollowInside
    } else {
        Links::Skip
    }
}
