//! `dipsearch reuse [filters]`: the formulas the corpus repeats.

use std::path::Path;

use anyhow::Result;
use dipsearch::agreed::{reuse, ReuseRequest};
use dipsearch::render::agreed as out;

use super::{list, open_or_build, resolve_filters, text_style, with_stdout, Outcome};
use crate::cli::ReuseArgs;

pub fn run(index: &Path, args: ReuseArgs) -> Result<Outcome> {
    let filters = resolve_filters(&args.filters)?;
    let engine = open_or_build(index, &args.corpus)?;
    let res = reuse(
        &engine,
        &ReuseRequest {
            filters,
            min_documents: args.min_documents,
            limit: args.limit,
            examples: args.examples,
        },
    )?;
    let style = text_style(args.output.color);
    with_stdout(|o| out::reuse(list(args.output.format), &res, style, o))?;
    Ok(Outcome::Success)
}
