//! `dipsearch check`: is the index whole? Every segment file the manifest
//! (`meta.json`) lists must exist and match the checksum in its footer, the
//! version record must be one this build reads, and the corpus record must
//! read back. Costs one read of every index file, so only `check` and
//! `export` (which reads everything anyway) pay for it.

use std::path::PathBuf;

use serde::Serialize;
use tantivy::index::SegmentComponent;

use super::guard::{guard, one_line};
use super::IndexHandle;
use crate::error::Result;

/// What a check found.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Verification {
    /// The folder checked.
    pub path: PathBuf,
    /// Segments the manifest lists.
    pub segments: usize,
    /// Segment files checked.
    pub files: usize,
    /// Documents (files with paragraphs) and paragraphs, when readable.
    pub documents: u64,
    /// Paragraphs in the index.
    pub paragraphs: u64,
    /// Every problem found, one line each; empty when the index is whole.
    pub problems: Vec<String>,
}

impl Verification {
    /// Whether nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The files a committed segment consists of (the delete bitset only when
/// it has deletions).
pub fn segment_files(seg: &tantivy::index::SegmentMeta) -> Vec<PathBuf> {
    let mut components = vec![
        SegmentComponent::Postings,
        SegmentComponent::Positions,
        SegmentComponent::Terms,
        SegmentComponent::Store,
        SegmentComponent::FastFields,
        SegmentComponent::FieldNorms,
    ];
    if seg.has_deletes() {
        components.push(SegmentComponent::Delete);
    }
    components
        .into_iter()
        .map(|c| seg.relative_path(c))
        .collect()
}

impl IndexHandle {
    /// Checks every file of the last commit and reads the corpus record
    /// back. A damaged index is a report, not an error; errors are reserved
    /// for what stops the check itself.
    pub fn verify(&self) -> Result<Verification> {
        let mut v = Verification {
            path: self.dir.clone(),
            ..Verification::default()
        };
        let metas = match self.index.load_metas() {
            Ok(m) => m,
            Err(e) => {
                v.problems
                    .push(format!("meta.json: {}", one_line(&e.to_string())));
                return Ok(v);
            }
        };
        v.segments = metas.segments.len();
        let directory = self.index.directory();
        for seg in &metas.segments {
            for rel in segment_files(seg) {
                v.files += 1;
                let name = rel.display();
                if !self.dir.join(&rel).is_file() {
                    v.problems.push(format!("{name}: missing"));
                    continue;
                }
                match guard(&self.dir, || Ok(directory.validate_checksum(&rel))) {
                    Ok(Ok(true)) => {}
                    Ok(Ok(false)) => v.problems.push(format!("{name}: checksum mismatch")),
                    Ok(Err(e)) => v
                        .problems
                        .push(format!("{name}: {}", one_line(&e.to_string()))),
                    Err(e) => v.problems.push(format!("{name}: {e}")),
                }
            }
        }
        if let Err(e) = self.payload().map(|p| p.is_some()).and_then(|has| {
            has.then_some(())
                .ok_or_else(|| crate::Error::Corrupt("no version record".into()))
        }) {
            v.problems.push(format!("meta.json: {e}"));
        }
        if v.problems.is_empty() {
            match self.document_counts() {
                Ok((d, p)) => (v.documents, v.paragraphs) = (d, p),
                Err(e) => v.problems.push(e.to_string()),
            }
        }
        Ok(v)
    }
}
