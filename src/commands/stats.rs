//! `dipsearch stats`: what the index holds.

use std::path::Path;

use anyhow::Result;
use dipsearch::index::IndexHandle;
use dipsearch::render;
use dipsearch::stats::index_stats;

use super::{basic, text_style, with_stdout, Outcome};
use crate::cli::StatsArgs;

pub fn run(index: &Path, args: StatsArgs) -> Result<Outcome> {
    let handle = IndexHandle::open(index)?;
    let stats = index_stats(&handle)?;
    let style = text_style(args.output.color);
    with_stdout(|out| render::stats(basic(args.output.format), &stats, style, out))?;
    Ok(Outcome::Success)
}
