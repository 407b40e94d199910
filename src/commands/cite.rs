//! `dipsearch cite ID…`: the citation of each paragraph, in the format and
//! style asked for. The library builds the citations (`dipsearch::cite`);
//! this picks the writer.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};
use dipsearch::cite::{self, bibtex, csl, ris, text};
use dipsearch::error::UsageError;
use dipsearch::render::safe::SafeWriter;
use dipsearch::search::similar_ids;

use super::{open_or_build, with_stdout, Outcome};
use crate::cli::{CiteArgs, CiteFormat, CiteStyle};

pub fn run(index: &Path, args: CiteArgs) -> Result<Outcome> {
    let engine = open_or_build(index, &args.corpus)?;
    let mut citations = Vec::with_capacity(args.ids.len());
    for id in &args.ids {
        let Some(record) = engine.paragraph(id)? else {
            let similar = similar_ids(&engine, id)?;
            bail!(dipsearch::Error::from(UsageError::UnknownParagraph {
                id: id.clone(),
                similar,
            }));
        };
        citations.push(cite::citation(&record));
    }
    cite::unique_keys(&mut citations);
    let style = match args.style {
        CiteStyle::Un => text::Style::Un,
        CiteStyle::Oscola => text::Style::Oscola,
        CiteStyle::Bluebook => text::Style::Bluebook,
    };
    with_stdout(|out| match args.format {
        // Text goes to a terminal: document text in it is shown safely.
        CiteFormat::Text => {
            let mut safe = SafeWriter::new(out, false);
            for c in &citations {
                writeln!(safe, "{}", text::format(c, style))?;
            }
            Ok(())
        }
        CiteFormat::CslJson => writeln!(out, "{}", csl::items_json(&citations)),
        CiteFormat::Ris => out.write_all(ris::records(&citations).as_bytes()),
        CiteFormat::Bibtex => out.write_all(bibtex::entries(&citations).as_bytes()),
    })?;
    Ok(Outcome::Success)
}
