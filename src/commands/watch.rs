//! `dipsearch watch`: saved searches kept in the index folder
//! (`index::watches`), run by `dipsearch::watch` against what entered the
//! index since their last run.

use std::path::Path;

use anyhow::Result;
use dipsearch::error::UsageError;
use dipsearch::index::watches::{self, Watch};
use dipsearch::index::{layout, IndexHandle};
use dipsearch::render::safe::{one_line, SafeWriter};
use dipsearch::render::{self, Format};
use dipsearch::search::Filters;
use dipsearch::watch::{advance, Snapshot};

use super::{join_query, list as list_format, resolve_filters, text_style, with_stdout, Outcome};
use crate::cli::{WatchAction, WatchAddArgs, WatchArgs, WatchListArgs, WatchRunArgs};

pub fn run(index: &Path, args: WatchArgs) -> Result<Outcome> {
    match args.action {
        WatchAction::Add(a) => add(index, *a),
        WatchAction::List(a) => list(index, a),
        WatchAction::Rm(a) => remove(index, &a.name),
        WatchAction::Run(a) => run_watches(index, a),
    }
}

fn usage(message: String) -> anyhow::Error {
    dipsearch::Error::from(UsageError::Arguments(message)).into()
}

/// A name that is safe in a file, a shell and a message.
fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(usage(format!(
            "bad watch name '{}' (letters, digits, '-', '_' and '.', at most 64)",
            one_line(name)
        )))
    }
}

fn add(index: &Path, args: WatchAddArgs) -> Result<Outcome> {
    check_name(&args.name)?;
    // Every value checked now, not at the first run.
    let filters = resolve_filters(&args.filters)?;
    let query = join_query(&args.query)?;
    if let Some(q) = &query {
        dipsearch::search::query::parse_query(q)?;
    }
    if query.is_none() && filters.is_empty() {
        return Err(usage(format!(
            "watch '{}' needs a query or a filter",
            args.name
        )));
    }
    let name = args.name.clone();
    // It reports what enters from now on: its cursor starts at the last
    // commit.
    let cursor = layout::readable(index).map_or(0, |d| dipsearch::index::committed_generation(&d));
    let _lock = watches::lock(index)?;
    let mut all = watches::load(index)?;
    if all.get(&name).is_some() {
        return Err(usage(format!("a watch named '{name}' already exists")));
    }
    all.watches.push(Watch {
        name: name.clone(),
        query,
        literal: args.literal,
        filters: args.filters.values(),
        cursor,
    });
    watches::save(index, &all)?;
    println!("saved watch '{name}': it reports the paragraphs that enter the index from now on");
    Ok(Outcome::Success)
}

/// A watch as the flags that would make it again.
fn describe(w: &Watch) -> String {
    let mut parts = Vec::new();
    if let Some(q) = &w.query {
        parts.push(format!("\"{q}\""));
    }
    if w.literal {
        parts.push("--literal".into());
    }
    let f = &w.filters;
    for (flag, values) in [
        ("--country", &f.countries),
        ("--instrument", &f.instruments),
        ("--topic", &f.topics),
        ("--group", &f.groups),
        ("--meeting", &f.meetings),
        ("--type", &f.types),
        ("--issuer", &f.issuers),
    ] {
        parts.extend(values.iter().map(|v| format!("{flag} {v}")));
    }
    for (flag, value) in [("--since", &f.since), ("--until", &f.until)] {
        if let Some(v) = value {
            parts.push(format!("{flag} {v}"));
        }
    }
    parts.join(" ")
}

fn list(index: &Path, args: WatchListArgs) -> Result<Outcome> {
    let all = watches::load(index)?;
    let style = text_style(args.output.color);
    let format = list_format(args.output.format);
    with_stdout(|out| render::watches(format, &all.watches, &describe, style, out))?;
    Ok(Outcome::Success)
}

fn remove(index: &Path, name: &str) -> Result<Outcome> {
    let _lock = watches::lock(index)?;
    let mut all = watches::load(index)?;
    let before = all.watches.len();
    all.watches.retain(|w| w.name != name);
    if all.watches.len() == before {
        return Err(unknown(name, &all));
    }
    watches::save(index, &all)?;
    Ok(Outcome::Success)
}

fn unknown(name: &str, all: &watches::Watches) -> anyhow::Error {
    let names: Vec<&str> = all.watches.iter().map(|w| w.name.as_str()).collect();
    let known = if names.is_empty() {
        "there are none".to_string()
    } else {
        format!("the watches are {}", names.join(", "))
    };
    usage(format!("no watch named '{}'; {known}", one_line(name)))
}

fn run_watches(index: &Path, args: WatchRunArgs) -> Result<Outcome> {
    let all = watches::load(index)?;
    let chosen: Vec<&Watch> = match &args.name {
        Some(n) => vec![all.get(n).ok_or_else(|| unknown(n, &all))?],
        None => all.watches.iter().collect(),
    };
    let handle = IndexHandle::open(index)?;
    let snap = Snapshot::open(&handle)?;
    let format = Format::from(args.output.format);
    let style = text_style(args.output.color);
    let several = chosen.len() > 1;
    let mut any = false;
    // CSV: one header over every watch's rows.
    let mut csv_header = format == Format::Csv;
    for w in chosen {
        let results = snap.pending(w, Filters::resolve(&w.filters)?, true)?;
        if results.total > 0 {
            any = true;
            with_stdout(|out| {
                if several && format == Format::Text {
                    let line = format!("{}: {} new", w.name, results.total);
                    render::text::note(&line, style, out)?;
                }
                if format == Format::Csv {
                    let mut safe = SafeWriter::new(out, false);
                    if std::mem::take(&mut csv_header) {
                        render::csv::paragraph_header(&mut safe)?;
                    }
                    return render::csv::hit_rows(&results, &mut safe);
                }
                render::hits(format, &results, style, out)
            })?;
        }
        // Only once its hits are out: a run killed before reports them again.
        advance(index, &w.name, snap.generation)?;
    }
    Ok(if any {
        Outcome::Success
    } else {
        Outcome::Status(1)
    })
}

/// `name (n), …` of the watches with new hits, for the ingest summary;
/// `None` when there are none (or no watches, or no index).
pub fn summary(index: &Path) -> Result<Option<String>> {
    let all = watches::load(index)?;
    if all.watches.is_empty() {
        return Ok(None);
    }
    let handle = IndexHandle::open(index)?;
    let snap = Snapshot::open(&handle)?;
    let mut parts = Vec::new();
    for w in &all.watches {
        let n = snap.pending(w, Filters::resolve(&w.filters)?, false)?.total;
        if n > 0 {
            parts.push(format!("{} ({n})", w.name));
        }
    }
    Ok((!parts.is_empty()).then(|| parts.join(", ")))
}
