//! The pipeline: one file's bytes in, its header and paragraph records out.
//!
//! ```text
//! bytes ─▶ decode ─▶ front matter ─▶ segment ─▶ overrides ─▶ meeting series ─▶ enrich ─▶ records
//! ```
//!
//! [`process`] is the one place where a corpus file becomes a [`Document`];
//! it reads no files and knows no index, so the sync (`ingest`) only decides
//! which files go through it and stores what comes out, and benchmarks and
//! fuzzing call the same function. A file that yields nothing gives a typed
//! [`SkipReason`] instead of an error: a bad file never stops an ingest.

#[cfg(test)]
mod real_tests;
mod records;
mod skip;
#[cfg(test)]
mod tests;

use std::path::Path;

pub use records::tag_document;
pub use skip::SkipReason;

use crate::decode::{decode_page, SourceFormat};
use crate::enrich::meetings::Meetings;
use crate::meta::{
    apply_overrides, split_front_matter, split_yaml_front_matter, Overrides, PageMeta,
};
use crate::model::{MeetingHeader, TaggedRecord};
use crate::segment::{segment_page, Seed};

/// One document, ready for the index.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Its header with every override applied, the attending countries
    /// filled in from the text when no header or override names them, and
    /// the year whenever the date is known; each record holds a copy.
    pub header: MeetingHeader,
    /// One record per paragraph, in document order.
    pub records: Vec<TaggedRecord>,
}

/// Turns the bytes of the corpus file at `path` (relative to the corpus
/// root: it names the records and its extension gives the format) into a
/// document. `folder` holds the values its folder configuration gives it;
/// `meta::apply_overrides` decides how they, the file's front matter and
/// the text's own header combine.
///
/// ```
/// use dipsearch::meta::Overrides;
/// use dipsearch::pipeline::{process, SkipReason};
/// let doc = process(b"1. Japan welcomed the talks.\n", "a.txt", &Overrides::default()).unwrap();
/// assert_eq!(doc.records[0].record.id, "a.txt#1");
/// let skip = process(b"x", "photo.jpg", &Overrides::default()).unwrap_err();
/// assert_eq!(skip, SkipReason::UnsupportedFormat);
/// assert_eq!(skip.to_string(), "unsupported file type");
/// ```
pub fn process(bytes: &[u8], path: &str, folder: &Overrides) -> Result<Document, SkipReason> {
    let format = SourceFormat::from_path(Path::new(path)).ok_or(SkipReason::UnsupportedFormat)?;
    let page_text = decode_page(bytes, format).map_err(SkipReason::Undecodable)?;
    let text = page_text.text;
    let (front, body) = split_front_matter(&text).map_err(SkipReason::BadFrontMatter)?;
    let (page, body) = split_yaml_front_matter(body).unwrap_or((PageMeta::default(), body));
    let seed = Seed {
        title: page.title.clone(),
        published: page.date,
        headline: page_text.headline,
        ..Seed::default()
    };
    let mut segmented = segment_page(body, &seed);
    segmented.header.url = page.url;
    if segmented.paragraphs.is_empty() {
        return Err(SkipReason::NoParagraphs);
    }
    let meetings = Meetings::builtin();
    meetings.canonicalize(&mut segmented.header, &segmented.paragraphs);
    let read = (
        segmented.header.meeting.clone(),
        segmented.header.acronym.clone(),
    );
    apply_overrides(&mut segmented.header, folder, front.as_ref());
    let h = &mut segmented.header;
    if (&h.meeting, &h.acronym) != (&read.0, &read.1) {
        // What the user set is kept as written; it only names the series.
        h.meeting_id = meetings.series_of(h).map(|s| s.id.clone());
    }
    Ok(tag_document(path, segmented))
}
