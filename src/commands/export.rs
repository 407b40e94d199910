//! `dipsearch export`: every paragraph as a JSON line (or one JSON array,
//! `id  text` lines or CSV rows), in corpus order — the hand-over format for other
//! tools and distributed engines.

use std::path::Path;

use anyhow::Result;
use dipsearch::index::IndexHandle;
use dipsearch::render::json::{self, export_line};
use dipsearch::render::safe::SafeWriter;
use dipsearch::render::{csv, text};
use dipsearch::search::Engine;

use super::{with_stdout, Outcome};
use crate::cli::{ExportArgs, ExportFormat};

pub fn run(index: &Path, args: ExportArgs) -> Result<Outcome> {
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
    let io = |e| dipsearch::Error::io("<stdout>", e);
    with_stdout(|out| {
        let mut first = true;
        match args.format {
            ExportFormat::Json => out.write_all(b"[")?,
            ExportFormat::Csv => csv::paragraph_header(out)?,
            ExportFormat::Jsonl | ExportFormat::Text => {}
        }
        result = engine.for_each_paragraph(|r| match args.format {
            ExportFormat::Jsonl => export_line(&r, out).map_err(io),
            ExportFormat::Text => {
                let mut safe = SafeWriter::new(out, false);
                text::export_line(&r, &mut safe).map_err(io)
            }
            ExportFormat::Csv => {
                let mut safe = SafeWriter::new(out, false);
                csv::paragraph_row(&r, None, &mut safe).map_err(io)
            }
            ExportFormat::Json => {
                let sep: &[u8] = if first { b"\n" } else { b",\n" };
                first = false;
                out.write_all(sep).map_err(io)?;
                json::export_value(&r, out).map_err(io)
            }
        });
        if args.format == ExportFormat::Json {
            out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
        }
        Ok(())
    })?;
    result?;
    Ok(Outcome::Success)
}
