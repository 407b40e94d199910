//! `dipsearch status`: is the index behind the corpus? A dry-run ingest.

use std::path::Path;

use anyhow::Result;
use dipsearch::ingest::{ingest, IngestOptions};
use dipsearch::render;

use super::{basic, with_stdout, Outcome};
use crate::cli::StatusArgs;

pub fn run(index: &Path, args: StatusArgs) -> Result<Outcome> {
    let opts = IngestOptions {
        full: false,
        dry_run: true,
    };
    let report = ingest(&args.corpus, index, &opts, &|_| {})?;
    with_stdout(|out| render::ingest(basic(args.format), &report, out))?;
    Ok(Outcome::Success)
}
