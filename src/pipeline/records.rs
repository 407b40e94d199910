//! The last step of the pipeline: tag a segmented document's paragraphs
//! with the gazetteer and build one record per paragraph.

use std::collections::HashMap;

use super::Document;
use crate::enrich::Gazetteer;
use crate::model::{ParagraphRecord, Segmented, TaggedRecord, Tags};

/// Tags the paragraphs of `seg` and builds their records, named after
/// `source` (the corpus-relative path).
pub fn tag_document(source: &str, seg: Segmented) -> Document {
    let Segmented {
        mut header,
        paragraphs,
    } = seg;
    let gaz = Gazetteer::builtin();
    // One scan gives both the tags and the attending countries.
    let (tags, participants) = gaz.tag_and_participants(&paragraphs);
    if header.participants.is_empty() {
        header.participants = participants;
    }
    // The year is known whenever the date is.
    header.year = header.year.or(header.date.map(|d| d.year));
    let by_label: HashMap<&str, usize> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.label.as_str(), i))
        .collect();
    let context_tags: Vec<Option<Tags>> = paragraphs
        .iter()
        .map(|p| {
            let parent = by_label.get(p.parent.as_deref()?)?;
            tags.get(*parent).cloned()
        })
        .collect();
    let records = paragraphs
        .into_iter()
        .zip(tags)
        .zip(context_tags)
        .map(|((p, t), context_tags)| {
            let record = ParagraphRecord {
                id: format!("{source}#{}", p.label),
                source: source.to_string(),
                header: header.clone(),
                paragraph: p.label,
                ordinal: p.ordinal,
                parent: p.parent,
                context: p.context,
                heading: p.heading,
                text: p.text,
                countries: t.countries.iter().map(|(c, _)| *c).collect(),
                instruments: t.instruments.iter().map(|(i, _)| i.clone()).collect(),
                topics: t.topics.iter().map(|(i, _)| i.clone()).collect(),
                groups: t.groups.iter().map(|(i, _)| i.clone()).collect(),
            };
            TaggedRecord {
                record,
                tags: t,
                context_tags,
            }
        })
        .collect();
    Document { header, records }
}
