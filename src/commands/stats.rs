//! `dipsearch stats`: what the index holds.

use std::path::Path;

use anyhow::Result;
use dipsearch::index::IndexHandle;
use dipsearch::render::{self, TextStyle};
use dipsearch::stats::index_stats;

use super::{basic, hints, with_stdout, Outcome};
use crate::cli::StatsArgs;

pub fn run(index: &Path, args: StatsArgs) -> Result<Outcome> {
    let handle = IndexHandle::open(index)?;
    let stats = index_stats(&handle)?;
    let style = TextStyle {
        color: false,
        width: None,
        hints: hints::TEXT,
    };
    with_stdout(|out| render::stats(basic(args.format), &stats, style, out))?;
    Ok(Outcome::Success)
}
