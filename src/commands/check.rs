//! `dipsearch check`: is the index whole? Reads every index file once and
//! compares it with its checksum; exit status 1 when anything is wrong,
//! with what to run to repair it.

use std::path::Path;

use anyhow::Result;
use dipsearch::index::IndexHandle;
use dipsearch::render;
use dipsearch::render::safe::one_line;

use super::{basic, text_style, with_stdout, Outcome};
use crate::cli::CheckArgs;

pub fn run(index: &Path, args: CheckArgs) -> Result<Outcome> {
    let handle = IndexHandle::open(index)?;
    let verification = handle.verify()?;
    let style = text_style(args.output.color);
    with_stdout(|out| render::check(basic(args.output.format), &verification, style, out))?;
    if verification.is_ok() {
        return Ok(Outcome::Success);
    }
    eprintln!(
        "dipsearch: the index in {} is damaged ({} problem(s)); `dipsearch ingest --full` rebuilds it from the corpus",
        one_line(&index.display().to_string()),
        verification.problems.len()
    );
    Ok(Outcome::Status(1))
}
