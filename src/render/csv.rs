//! CSV output (RFC 4180): a header row, then one row per item, fields
//! quoted only when they hold a comma, a quote or a line break. For
//! spreadsheets and `xsv`; the JSON formats stay the exact contract.
//!
//! The paragraph columns (`search`, `watch run`, `export`) are
//! `id,score,meeting,date,place,label,doc_type,text`: `meeting` is the
//! acronym (else the meeting's name, else the title), `date` the
//! document's date or year, `label` the paragraph's label, `text` the
//! paragraph's whole text; `score` is empty in `export`.

use std::io::{self, Write};

use crate::enrich::EntityInfo;
use crate::index::watches::Watch;
use crate::model::ParagraphRecord;
use crate::search::{FacetResults, SearchResults};

/// One field, quoted when it must be.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row of fields.
pub fn row<S: AsRef<str>>(fields: &[S], out: &mut dyn Write) -> io::Result<()> {
    let line: Vec<String> = fields.iter().map(|f| field(f.as_ref())).collect();
    writeln!(out, "{}", line.join(","))
}

/// The paragraph columns.
pub const PARAGRAPH_COLUMNS: [&str; 8] = [
    "id", "score", "meeting", "date", "place", "label", "doc_type", "text",
];

/// The header of the paragraph columns.
pub fn paragraph_header(out: &mut dyn Write) -> io::Result<()> {
    row(&PARAGRAPH_COLUMNS, out)
}

/// A paragraph's fields in the order of [`PARAGRAPH_COLUMNS`], unquoted.
pub fn paragraph_fields(r: &ParagraphRecord, score: Option<f32>) -> [String; 8] {
    let h = &r.header;
    let meeting = h
        .acronym
        .as_deref()
        .or(h.meeting.as_deref())
        .or(h.title.as_deref())
        .unwrap_or("");
    let date = match (h.date, h.year) {
        (Some(d), _) => d.to_string(),
        (None, Some(y)) => y.to_string(),
        (None, None) => String::new(),
    };
    [
        r.id.clone(),
        score.map(|s| s.to_string()).unwrap_or_default(),
        meeting.to_string(),
        date,
        h.place.clone().unwrap_or_default(),
        r.paragraph.clone(),
        h.doc_type.as_str().to_string(),
        r.text.clone(),
    ]
}

/// One paragraph (with its score, when it is a hit) as a row.
pub fn paragraph_row(
    r: &ParagraphRecord,
    score: Option<f32>,
    out: &mut dyn Write,
) -> io::Result<()> {
    row(&paragraph_fields(r, score), out)
}

/// Search hits, one row each after the header.
pub fn hits(res: &SearchResults, out: &mut dyn Write) -> io::Result<()> {
    paragraph_header(out)?;
    hit_rows(res, out)
}

/// Search hits, one row each, without a header (for several result sets
/// under one header, as `watch run` prints).
pub fn hit_rows(res: &SearchResults, out: &mut dyn Write) -> io::Result<()> {
    for h in &res.hits {
        paragraph_row(&h.record, h.score, out)?;
    }
    Ok(())
}

/// Facet counts: `key,label,count`.
pub fn facets(f: &FacetResults, out: &mut dyn Write) -> io::Result<()> {
    row(&["key", "label", "count"], out)?;
    for b in &f.buckets {
        row(
            &[
                b.key.as_str(),
                b.label.as_deref().unwrap_or(""),
                &b.count.to_string(),
            ],
            out,
        )?;
    }
    Ok(())
}

/// Entities: `kind,id,name,aliases,members`, lists joined with `; `.
pub fn entities(list: &[EntityInfo], out: &mut dyn Write) -> io::Result<()> {
    row(&["kind", "id", "name", "aliases", "members"], out)?;
    for e in list {
        row(
            &[
                e.kind.as_str(),
                &e.id,
                &e.name,
                &e.aliases.join("; "),
                &e.members.join("; "),
            ],
            out,
        )?;
    }
    Ok(())
}

/// Saved searches: `name,query,literal,` then one column per filter,
/// several values joined with `; `.
pub fn watches(list: &[Watch], out: &mut dyn Write) -> io::Result<()> {
    row(
        &[
            "name",
            "query",
            "literal",
            "countries",
            "instruments",
            "topics",
            "groups",
            "meetings",
            "types",
            "issuers",
            "since",
            "until",
        ],
        out,
    )?;
    for w in list {
        let f = &w.filters;
        row(
            &[
                w.name.as_str(),
                w.query.as_deref().unwrap_or(""),
                if w.literal { "true" } else { "false" },
                &f.countries.join("; "),
                &f.instruments.join("; "),
                &f.topics.join("; "),
                &f.groups.join("; "),
                &f.meetings.join("; "),
                &f.types.join("; "),
                &f.issuers.join("; "),
                f.since.as_deref().unwrap_or(""),
                f.until.as_deref().unwrap_or(""),
            ],
            out,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\r"), "\"cr\r\"");
    }
}
