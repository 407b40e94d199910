//! `dipsearch diff A B`: word-level differences between two paragraphs
//! (ids) or texts (`--text`).

use std::path::Path;

use anyhow::{bail, Result};
use dipsearch::agreed::diff;
use dipsearch::error::UsageError;
use dipsearch::render::agreed::{self as out, Side};
use dipsearch::render::Format;

use super::{find_paragraph, open_or_build, text_style, with_stdout, Outcome};
use crate::cli::{DiffArgs, DiffFormat};

pub fn run(index: &Path, args: DiffArgs) -> Result<Outcome> {
    if args.ids.len() + args.texts.len() != 2 {
        bail!(dipsearch::Error::from(UsageError::Arguments(format!(
            "diff needs two texts: two paragraph ids, an id and --text, or --text twice (got {})",
            args.ids.len() + args.texts.len()
        ))));
    }
    for t in &args.texts {
        dipsearch::limits::check_query_size(t).map_err(dipsearch::Error::from)?;
    }
    let mut sides: Vec<(Option<String>, String)> = Vec::new();
    if !args.ids.is_empty() {
        let engine = open_or_build(index, &args.corpus)?;
        for id in &args.ids {
            sides.push((Some(id.clone()), find_paragraph(&engine, id)?.text));
        }
    }
    sides.extend(args.texts.iter().map(|t| (None, t.clone())));
    let side = |i: usize| Side {
        id: sides[i].0.as_deref(),
        text: &sides[i].1,
    };
    let d = diff(&sides[0].1, &sides[1].1);
    let style = text_style(args.color);
    with_stdout(|o| match args.format {
        DiffFormat::Html => out::diff_html(&d, side(0), side(1), o),
        DiffFormat::Json => out::diff(Format::Json, &d, side(0), side(1), style, o),
        DiffFormat::Text => out::diff(Format::Text, &d, side(0), side(1), style, o),
    })?;
    Ok(Outcome::Success)
}
