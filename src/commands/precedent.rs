//! `dipsearch precedent ID | --text TEXT | --file FILE`: where this wording
//! was used before.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};
use dipsearch::agreed::{precedents, Order, PrecedentRequest};
use dipsearch::error::UsageError;
use dipsearch::render::agreed::{self as out, Side};

use super::{
    find_paragraph, join_query, list, open_or_build, resolve_filters, text_style, with_stdout,
    Outcome,
};
use crate::cli::{PrecedentArgs, PrecedentSort};

pub fn run(index: &Path, args: PrecedentArgs) -> Result<Outcome> {
    if args.min_coverage > 100 {
        bail!(dipsearch::Error::from(UsageError::Arguments(format!(
            "--min-coverage '{}' is not a percentage (0 to 100)",
            args.min_coverage
        ))));
    }
    let filters = resolve_filters(&args.filters)?;
    let typed = match (&args.text, &args.file) {
        (Some(t), _) => Some(t.clone()),
        (None, Some(f)) => Some(read_text(f)?),
        (None, None) => None,
    };
    if let Some(t) = &typed {
        // The same size limits as a search query, before any work.
        join_query(std::slice::from_ref(t))?;
    }
    let engine = open_or_build(index, &args.corpus)?;
    let (text, id) = match (typed, &args.id) {
        (Some(t), _) => (t, None),
        (None, Some(id)) => (find_paragraph(&engine, id)?.text, Some(id.clone())),
        (None, None) => bail!(dipsearch::Error::from(UsageError::Arguments(
            "give the wording to look for: a paragraph id, --text TEXT or --file FILE".into()
        ))),
    };
    if text.trim().is_empty() {
        bail!(dipsearch::Error::from(UsageError::NoSearchableWords(text)));
    }
    let req = PrecedentRequest {
        text,
        exclude: id.clone(),
        filters,
        limit: args.limit,
        offset: args.offset,
        order: match args.sort {
            PrecedentSort::Coverage => Order::Coverage,
            PrecedentSort::Oldest => Order::Oldest,
            PrecedentSort::Newest => Order::Newest,
        },
        min_coverage: args.min_coverage as f32 / 100.0,
    };
    let res = precedents(&engine, &req)?;
    let query = Side {
        id: id.as_deref(),
        text: &req.text,
    };
    let style = text_style(args.output.color);
    with_stdout(|o| out::precedents(list(args.output.format), &res, query, style, o))?;
    Ok(Outcome::Success)
}

/// The text of `--file` (`-`: standard input).
fn read_text(path: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
