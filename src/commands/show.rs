//! `dipsearch show ID`: one paragraph in its place; `--document` for the
//! whole document.

use std::path::Path;

use anyhow::{bail, Result};
use dipsearch::error::UsageError;
use dipsearch::render;
use dipsearch::search::{document_by_name, similar_ids, view_paragraph};

use super::{basic, open_or_build, stale_notice, text_style, with_stdout, Outcome};
use crate::cli::ShowArgs;

pub fn run(index: &Path, args: ShowArgs) -> Result<Outcome> {
    let engine = open_or_build(index, &args.corpus)?;
    stale_notice(index, &engine);
    let style = text_style(args.output.color);
    if args.document {
        let doc = document_by_name(&engine, &args.id)?;
        with_stdout(|out| render::document(basic(args.output.format), &doc, style, out))?;
        return Ok(Outcome::Success);
    }
    let Some(view) = view_paragraph(&engine, &args.id, args.explain)? else {
        let similar = similar_ids(&engine, &args.id)?;
        bail!(dipsearch::Error::from(UsageError::UnknownParagraph {
            id: args.id,
            similar,
        }));
    };
    with_stdout(|out| render::paragraph(basic(args.output.format), &view, style, out))?;
    Ok(Outcome::Success)
}
