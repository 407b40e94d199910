//! `dipsearch compare DOC1 DOC2` and `compare --meeting M --from Y --to Y`:
//! two editions of a document, paragraph by paragraph.

use std::path::Path;

use anyhow::{bail, Result};
use dipsearch::agreed::{compare, editions};
use dipsearch::error::UsageError;
use dipsearch::model::ParagraphRecord;
use dipsearch::render::agreed as out;
use dipsearch::search::{Engine, Filters};

use super::{basic, open_or_build, text_style, with_stdout, Outcome};
use crate::cli::CompareArgs;

pub fn run(index: &Path, args: CompareArgs) -> Result<Outcome> {
    let engine = open_or_build(index, &args.corpus)?;
    let (old, new) = match (&args.meeting, args.docs.as_slice()) {
        (None, [a, b]) => (document(&engine, a)?, document(&engine, b)?),
        (Some(m), []) => {
            let (from, to) = (
                args.from.as_deref().unwrap_or(""),
                args.to.as_deref().unwrap_or(""),
            );
            let a = edition(&engine, m, from, args.doc_type.as_deref())?;
            let b = edition(&engine, m, to, args.doc_type.as_deref())?;
            (document(&engine, &a)?, document(&engine, &b)?)
        }
        _ => bail!(dipsearch::Error::from(UsageError::Arguments(
            "compare needs two documents, or --meeting with --from and --to".into()
        ))),
    };
    let c = compare(old, new);
    let style = text_style(args.output.color);
    with_stdout(|o| out::comparison(basic(args.output.format), &c, style, o))?;
    Ok(Outcome::Success)
}

/// The paragraphs of a document named by its source path (or any of its
/// paragraph ids).
pub(crate) fn document(engine: &Engine, name: &str) -> Result<Vec<ParagraphRecord>> {
    Ok(dipsearch::search::document_by_name(engine, name)?)
}

/// The one document of `meeting` in `year` (of `doc_type` when given).
pub(crate) fn edition(
    engine: &Engine,
    meeting: &str,
    year: &str,
    doc_type: Option<&str>,
) -> Result<String> {
    let mut f = Filters::default();
    f.add_meeting(meeting)?;
    f.set_since(year)?;
    f.set_until(year)?;
    if let Some(t) = doc_type {
        f.add_doc_type(t)?;
    }
    let found = editions(engine, &f)?;
    match found.as_slice() {
        [one] => Ok(one.source.clone()),
        _ => bail!(dipsearch::Error::from(UsageError::Editions {
            meeting: meeting.to_string(),
            year: year.to_string(),
            found: found
                .iter()
                .map(|e| format!("{} ({})", e.source, e.doc_type))
                .collect(),
        })),
    }
}
