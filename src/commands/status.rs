//! `dipsearch status`: is the index behind the corpus? The plan of an
//! ingest, reported without carrying it out.

use std::path::Path;

use anyhow::Result;
use dipsearch::ingest::{plan, IngestOptions};
use dipsearch::render;

use super::{basic, hints, text_style, with_stdout, Outcome};
use crate::cli::StatusArgs;

pub fn run(index: &Path, args: StatusArgs) -> Result<Outcome> {
    let opts = IngestOptions {
        full: false,
        dry_run: true,
        links: super::ingest::links(args.follow_links),
    };
    let report = plan(&args.corpus, index, &opts)?.into_report()?;
    let rebuilt = report.rebuilt.as_ref().map(hints::rebuild_reason);
    let style = text_style(args.output.color);
    with_stdout(|out| {
        render::ingest(
            basic(args.output.format),
            &report,
            rebuilt.as_deref(),
            false,
            style,
            out,
        )
    })?;
    Ok(Outcome::Success)
}
