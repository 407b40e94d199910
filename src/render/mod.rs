//! Rendering: library results → bytes on any `Write`. One function per
//! result kind, dispatching on the output format; `text` is for people,
//! `json` is the documented machine contract. Nothing here touches the
//! index or builds queries. Text output runs behind `safe::SafeWriter`,
//! so no control character from the data reaches a terminal; JSON is exact.

pub mod agreed;
pub mod csv;
pub mod json;
pub mod safe;
pub mod show;
pub mod text;

use std::io::{self, Write};

use safe::SafeWriter;

use crate::enrich::EntityInfo;
use crate::index::watches::Watch;
use crate::index::Verification;
use crate::ingest::IngestReport;
use crate::model::ParagraphRecord;
use crate::search::ParagraphView;
use crate::search::{FacetResults, SearchResults};
use crate::stats::IndexStats;

/// Output format of a command.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Human-readable text.
    #[default]
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row (lists).
    Csv,
}

/// How text output looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextStyle {
    /// Use ANSI colours for highlights and labels.
    pub color: bool,
    /// Wrap paragraph text at this many columns (indent included); `None`
    /// writes each paragraph on one line (for pipes and files).
    pub width: Option<usize>,
    /// Pointers to the next step, worded by the caller.
    pub hints: Hints,
}

/// What text output may add to a line to say where to look next. The
/// caller words them (the library names no command or flag); empty by
/// default, adding nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct Hints {
    /// After the count of hits, when more match than are shown.
    pub more_hits: &'static str,
    /// After the count of files the last ingest skipped.
    pub skipped_files: &'static str,
    /// After the line saying what the query was read as.
    pub literal: &'static str,
    /// After the count of facet values a limit left out.
    pub more_buckets: &'static str,
}

/// Writes search results.
pub fn hits(
    format: Format,
    res: &SearchResults,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::hits(res, out),
        Format::Jsonl => json::hits_lines(res, out),
        // CSV goes to terminals too: shown safely, as text is.
        Format::Csv => csv::hits(res, &mut SafeWriter::new(out, false)),
        Format::Text => text::hits(res, style, &mut SafeWriter::new(out, style.color)),
    }
}

/// Writes one paragraph with its document context.
pub fn paragraph(
    format: Format,
    view: &ParagraphView,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => json::paragraph(view, out),
        _ => show::paragraph(view, style, &mut SafeWriter::new(out, style.color)),
    }
}

/// Writes a whole document (its paragraphs in order).
pub fn document(
    format: Format,
    doc: &[ParagraphRecord],
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => json::document(doc, out),
        _ => show::document(doc, style, &mut SafeWriter::new(out, style.color)),
    }
}

/// Writes index statistics.
pub fn stats(
    format: Format,
    s: &IndexStats,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => json::stats(s, out),
        _ => text::stats(s, style, &mut SafeWriter::new(out, style.color)),
    }
}

/// Writes an ingest summary. `rebuilt` is why the index was rebuilt, as the
/// caller words it (the binary adds its own hints to the reason). `quiet`
/// leaves out the text summary line (skipped files and planned changes
/// are still listed; JSON, asked for, is written whole).
pub fn ingest(
    format: Format,
    r: &IngestReport,
    rebuilt: Option<&str>,
    quiet: bool,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => json::ingest(r, rebuilt, out),
        _ => text::ingest(r, quiet, style, &mut SafeWriter::new(out, style.color)),
    }
}

/// Writes facet counts (text says how many values a limit left out).
pub fn facets(
    format: Format,
    f: &FacetResults,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::facets(f, out),
        Format::Jsonl => json::facets_lines(f, out),
        Format::Csv => csv::facets(f, &mut SafeWriter::new(out, false)),
        Format::Text => text::facets(f, style, &mut SafeWriter::new(out, style.color)),
    }
}

/// Writes the entity list.
pub fn entities(
    format: Format,
    list: &[EntityInfo],
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::entities(list, out),
        Format::Jsonl => json::entities_lines(list, out),
        Format::Csv => csv::entities(list, &mut SafeWriter::new(out, false)),
        Format::Text => text::entities(list, style, &mut SafeWriter::new(out, style.color)),
    }
}

/// Writes the saved searches; `describe` words one for text output (the
/// caller's words: the library names no flag).
pub fn watches(
    format: Format,
    list: &[Watch],
    describe: &dyn Fn(&Watch) -> String,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::watches(list, out),
        Format::Jsonl => json::watches_lines(list, out),
        Format::Csv => csv::watches(list, &mut SafeWriter::new(out, false)),
        Format::Text => {
            let rows: Vec<(String, String)> =
                list.iter().map(|w| (w.name.clone(), describe(w))).collect();
            text::watches(&rows, style, &mut SafeWriter::new(out, style.color))
        }
    }
}

/// Writes the result of an index check.
pub fn check(
    format: Format,
    v: &Verification,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => json::check(v, out),
        _ => text::check(v, style, &mut SafeWriter::new(out, style.color)),
    }
}
