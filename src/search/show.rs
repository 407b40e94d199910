//! One paragraph in its place: the document header (in the record), the
//! parent, the neighbours and the sub-paragraphs, and optionally why each
//! entity was tagged.

use super::Engine;
use crate::enrich::{Explained, Gazetteer};
use crate::error::{Result, UsageError};
use crate::model::ParagraphRecord;

/// A paragraph with what surrounds it.
#[derive(Clone, Debug)]
pub struct ParagraphView {
    /// The paragraph.
    pub paragraph: ParagraphRecord,
    /// Its parent, for a sub-paragraph.
    pub parent: Option<ParagraphRecord>,
    /// The paragraph before it in the document.
    pub previous: Option<ParagraphRecord>,
    /// The paragraph after it.
    pub next: Option<ParagraphRecord>,
    /// Its sub-paragraphs.
    pub children: Vec<ParagraphRecord>,
    /// The entity mentions in its text with the words and byte ranges
    /// behind each (`--explain`).
    pub explain: Option<Vec<Explained>>,
}

/// Looks up a paragraph by id; `None` when no such id is indexed.
pub fn view_paragraph(engine: &Engine, id: &str, explain: bool) -> Result<Option<ParagraphView>> {
    let Some(paragraph) = engine.paragraph(id)? else {
        return Ok(None);
    };
    let doc = engine.document(&paragraph.source)?;
    let pos = doc.iter().position(|r| r.id == paragraph.id);
    let previous = pos
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| doc.get(i).cloned());
    let next = pos.and_then(|i| doc.get(i + 1).cloned());
    let parent = paragraph
        .parent
        .as_ref()
        .and_then(|label| doc.iter().find(|r| &r.paragraph == label).cloned());
    let children = doc
        .iter()
        .filter(|r| r.parent.as_deref() == Some(paragraph.paragraph.as_str()))
        .cloned()
        .collect();
    let explain = explain.then(|| Gazetteer::builtin().explain(&paragraph.text));
    Ok(Some(ParagraphView {
        paragraph,
        parent,
        previous,
        next,
        children,
        explain,
    }))
}

/// The paragraphs of a document, in order, named by its source path or by
/// any of its paragraph ids (`file.txt#4(d)`); an unknown document is a
/// usage error naming the closest sources.
pub fn document_by_name(engine: &Engine, name: &str) -> Result<Vec<ParagraphRecord>> {
    let source = name.split_once('#').map_or(name, |(s, _)| s);
    let doc = engine.document(source)?;
    if !doc.is_empty() {
        return Ok(doc);
    }
    if let [full] = &engine.sources_named(source)?[..] {
        return engine.document(full);
    }
    let mut near: Vec<(f64, String)> = engine
        .sources()?
        .into_iter()
        .map(|s| (strsim::jaro_winkler(source, &s), s))
        .filter(|(d, _)| *d > 0.8)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0));
    Err(UsageError::UnknownDocument {
        value: name.to_string(),
        similar: near.into_iter().take(3).map(|(_, s)| s).collect(),
    }
    .into())
}

/// Ids that look like `id` (same file name, or same label), for the
/// "did you mean" of an unknown id.
pub fn similar_ids(engine: &Engine, id: &str) -> Result<Vec<String>> {
    let (source, label) = id.rsplit_once('#').unwrap_or((id, ""));
    let doc = engine.document(source)?;
    if doc.is_empty() {
        // A file name without its folder that several files have: the
        // ids in each.
        let mut ids = Vec::new();
        for full in engine.sources_named(source)? {
            ids.extend(similar_ids(engine, &format!("{full}#{label}"))?);
        }
        ids.truncate(3);
        return Ok(ids);
    }
    let mut ids: Vec<String> = doc
        .iter()
        .filter(|r| {
            label.is_empty()
                || r.paragraph.eq_ignore_ascii_case(label)
                || r.paragraph.starts_with(label)
        })
        .map(|r| r.id.clone())
        .collect();
    if ids.is_empty() {
        ids = doc.iter().take(3).map(|r| r.id.clone()).collect();
    }
    ids.truncate(3);
    Ok(ids)
}
