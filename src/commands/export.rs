//! `dipsearch export`: every paragraph as a JSON line, in corpus order —
//! the hand-over format for other tools and distributed engines.

use std::path::Path;

use anyhow::Result;
use dipsearch::index::IndexHandle;
use dipsearch::render::json::export_line;
use dipsearch::search::Engine;

use super::{with_stdout, Outcome};
use crate::cli::ExportArgs;

pub fn run(index: &Path, _args: ExportArgs) -> Result<Outcome> {
    let handle = IndexHandle::open(index)?;
    // Export reads every paragraph anyway; checking every file first means
    // a damaged index is reported, never exported as different data.
    let verification = handle.verify()?;
    if let Some(problem) = verification.problems.first() {
        return Err(dipsearch::Error::IndexDamaged {
            path: index.to_path_buf(),
            detail: problem.clone(),
        }
        .into());
    }
    let engine = Engine::open(&handle)?;
    let mut result: dipsearch::Result<()> = Ok(());
    with_stdout(|out| {
        result = engine.for_each_paragraph(|r| {
            export_line(&r, out).map_err(|e| dipsearch::Error::io("<stdout>", e))
        });
        Ok(())
    })?;
    result?;
    Ok(Outcome::Success)
}
