//! The JSON wire format: a contract. Fields are added, never renamed.
//!
//! A HIT (in `search --format json|jsonl` and `export`) is
//! `{"id", "score", "source", "title", "meeting", "meeting_id", "acronym",
//! "edition", "doc_type", "date", "date_end", "year", "place", "chair",
//! "issuer", "issuer_name", "symbol", "vote", "url", "paragraph",
//! "label_is_own", "ordinal", "parent", "context", "heading", "text",
//! "citation", "snippet", "highlights", "snippets", "countries",
//! "instruments", "topics", "groups", "participants"}`: `id` is stable
//! across re-ingests of an unchanged file; `label_is_own` says the label is
//! dipsearch's own count (`p11`), not the document's numbering;
//! `issuer_name` names the issuer country; `citation` is the paragraph's
//! citation in the UN style (`cite::text`);
//! `source` is relative to the corpus root; `text` is the paragraph's own
//! text and `context` its parent's lead-in (null at top level); dates are
//! `YYYY-MM-DD` or null; `ordinal` is 0-based; `highlights` are `[start,
//! end)` byte ranges into `snippet` (a phrase is one range); `snippets` up
//! to three windows `{"text", "highlights"}` in text order; entity lists are ids in order of first
//! mention and are those of `text`. Missing values are null. `export`
//! omits `snippet` and `highlights` and has `score` null.
//!
//! `search --format json` wraps hits as `{"query", "total", "expanded",
//! "warnings", "skipped", "hits"}`: `expanded` lists what the query's words were read
//! as, `{"from": typed words, "to": [other names searched as phrases],
//! "entity": "kind:id" or null for a concept such as WMD}` (empty with
//! `--literal`); `warnings` the query syntax that was read as plain words;
//! `skipped` the filler words of a question that were not required;
//! `fewer_words` (added later), when the query's paragraphs do not fill
//! the page, the steps of paragraphs with all but its most common parts,
//! `{"without": [parts as typed], "total", "hits": [HIT]}`, each step's
//! paragraphs none of the step before (`total` and `hits` stay the whole
//! query's, as `jsonl` and `csv` do; `search --all-words` has no steps).

use std::io::{self, Write};

use serde::Serialize;

use crate::cite;
use crate::enrich::{country_name, EntityInfo};
use crate::index::watches::Watch;
use crate::ingest::{IngestReport, PlannedChange, Skipped};
use crate::model::label::is_own;
use crate::model::ParagraphRecord;
use crate::search::ParagraphView;
use crate::search::{FacetResults, Hit, SearchResults};
use crate::stats::IndexStats;

/// Serialize-only view of a hit.
#[derive(Serialize)]
pub(super) struct HitJson<'a> {
    id: &'a str,
    score: Option<f32>,
    source: &'a str,
    title: Option<&'a str>,
    meeting: Option<&'a str>,
    meeting_id: Option<&'a str>,
    acronym: Option<&'a str>,
    edition: Option<u32>,
    doc_type: &'a str,
    date: Option<String>,
    date_end: Option<String>,
    year: Option<u16>,
    place: Option<&'a str>,
    chair: Option<&'a str>,
    issuer: Option<&'a str>,
    issuer_name: Option<&'static str>,
    symbol: Option<&'a str>,
    vote: Option<&'a str>,
    url: Option<&'a str>,
    paragraph: &'a str,
    label_is_own: bool,
    ordinal: u32,
    parent: Option<&'a str>,
    context: Option<&'a str>,
    heading: Option<&'a str>,
    text: &'a str,
    citation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    highlights: Option<Vec<[usize; 2]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippets: Option<Vec<SnippetJson<'a>>>,
    countries: Vec<&'a str>,
    instruments: Vec<&'a str>,
    topics: Vec<&'a str>,
    groups: Vec<&'a str>,
    participants: Vec<&'a str>,
}

/// One window of a hit's text: `{"text", "highlights"}`.
#[derive(Serialize)]
struct SnippetJson<'a> {
    text: &'a str,
    highlights: Vec<[usize; 2]>,
}

impl<'a> HitJson<'a> {
    pub(super) fn from_record(r: &'a ParagraphRecord) -> HitJson<'a> {
        HitJson {
            id: &r.id,
            score: None,
            source: &r.source,
            title: r.header.title.as_deref(),
            meeting: r.header.meeting.as_deref(),
            meeting_id: r.header.meeting_id.as_deref(),
            acronym: r.header.acronym.as_deref(),
            edition: r.header.edition,
            doc_type: r.header.doc_type.as_str(),
            date: r.header.date.map(|d| d.to_string()),
            date_end: r.header.date_end.map(|d| d.to_string()),
            year: r.header.year,
            place: r.header.place.as_deref(),
            chair: r.header.chair.as_deref(),
            issuer: r.header.issuer.as_ref().map(|c| c.as_str()),
            issuer_name: r.header.issuer.as_ref().and_then(country_name),
            symbol: r.header.symbol.as_deref(),
            vote: r.header.vote.as_deref(),
            url: r.header.url.as_deref(),
            paragraph: &r.paragraph,
            label_is_own: is_own(&r.paragraph),
            ordinal: r.ordinal,
            parent: r.parent.as_deref(),
            context: r.context.as_deref(),
            heading: r.heading.as_deref(),
            text: &r.text,
            citation: cite::text::format(&cite::citation(r), cite::text::Style::Un),
            snippet: None,
            highlights: None,
            snippets: None,
            countries: r.countries.iter().map(|c| c.as_str()).collect(),
            instruments: r.instruments.iter().map(String::as_str).collect(),
            topics: r.topics.iter().map(String::as_str).collect(),
            groups: r.groups.iter().map(String::as_str).collect(),
            participants: r.header.participants.iter().map(|c| c.as_str()).collect(),
        }
    }

    fn from_hit(h: &'a Hit) -> HitJson<'a> {
        HitJson {
            score: h.score,
            snippet: Some(&h.snippet),
            highlights: Some(h.highlights.iter().map(|&(s, e)| [s, e]).collect()),
            snippets: Some(
                h.snippets
                    .iter()
                    .map(|(text, hl)| SnippetJson {
                        text,
                        highlights: hl.iter().map(|&(s, e)| [s, e]).collect(),
                    })
                    .collect(),
            ),
            ..HitJson::from_record(&h.record)
        }
    }
}

pub(super) fn write_json<T: Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// `{"query", "total", "total_is_estimate", "expanded", "warnings",
/// "skipped", "hits": [HIT], "fewer_words": [{"without", "total", "hits"}]}`.
pub fn hits(res: &SearchResults, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Expanded<'a> {
        from: &'a str,
        to: &'a [String],
        entity: Option<String>,
    }
    #[derive(Serialize)]
    struct Fewer<'a> {
        without: &'a [String],
        total: usize,
        hits: Vec<HitJson<'a>>,
    }
    #[derive(Serialize)]
    struct Page<'a> {
        query: Option<&'a str>,
        total: usize,
        total_is_estimate: bool,
        expanded: Vec<Expanded<'a>>,
        warnings: &'a [String],
        skipped: &'a [String],
        hits: Vec<HitJson<'a>>,
        fewer_words: Vec<Fewer<'a>>,
    }
    write_json(
        &Page {
            query: res.query.as_deref(),
            total: res.total,
            total_is_estimate: res.total_is_estimate,
            expanded: res
                .expanded
                .iter()
                .map(|e| Expanded {
                    from: &e.from,
                    to: &e.to,
                    entity: e.entity.as_ref().map(|(k, id)| format!("{k}:{id}")),
                })
                .collect(),
            warnings: &res.warnings,
            skipped: &res.skipped,
            hits: res.hits.iter().map(HitJson::from_hit).collect(),
            fewer_words: res
                .fewer
                .iter()
                .map(|f| Fewer {
                    without: &f.without,
                    total: f.total,
                    hits: f.hits.iter().map(HitJson::from_hit).collect(),
                })
                .collect(),
        },
        out,
    )
}

/// One HIT per line: the whole query's (see `fewer_words`).
pub fn hits_lines(res: &SearchResults, out: &mut dyn Write) -> io::Result<()> {
    for h in &res.hits {
        write_json(&HitJson::from_hit(h), out)?;
    }
    Ok(())
}

/// One exported paragraph (a HIT without score or snippet) as a line.
pub fn export_line(r: &ParagraphRecord, out: &mut dyn Write) -> io::Result<()> {
    write_json(&HitJson::from_record(r), out)
}

/// One exported paragraph as a JSON value, no line end: an element of the
/// array of `export --format json`, which the caller opens, separates and
/// closes, so that a whole corpus is never held in memory.
pub fn export_value(r: &ParagraphRecord, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &HitJson::from_record(r))?;
    Ok(())
}

/// `{"paragraph": HIT, "parent": HIT|null, "previous": HIT|null, "next": HIT|null, "children": [HIT]}`.
pub fn paragraph(view: &ParagraphView, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct View<'a> {
        paragraph: HitJson<'a>,
        parent: Option<HitJson<'a>>,
        previous: Option<HitJson<'a>>,
        next: Option<HitJson<'a>>,
        children: Vec<HitJson<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        explain: Option<Vec<ExplainJson<'a>>>,
    }
    #[derive(Serialize)]
    struct ExplainJson<'a> {
        kind: &'static str,
        id: &'a str,
        text: &'a str,
        start: usize,
        end: usize,
        implied_by: Option<&'a str>,
    }
    let p = &view.paragraph;
    write_json(
        &View {
            paragraph: HitJson::from_record(p),
            parent: view.parent.as_ref().map(HitJson::from_record),
            previous: view.previous.as_ref().map(HitJson::from_record),
            next: view.next.as_ref().map(HitJson::from_record),
            children: view.children.iter().map(HitJson::from_record).collect(),
            explain: view.explain.as_ref().map(|ms| {
                ms.iter()
                    .map(|e| ExplainJson {
                        kind: e.mention.kind.as_str(),
                        id: &e.mention.id,
                        text: &e.matched,
                        start: e.mention.start,
                        end: e.mention.end,
                        implied_by: e.implied_by.as_deref(),
                    })
                    .collect()
            }),
        },
        out,
    )
}

/// `{"source", "paragraphs": [HIT]}`: a whole document, in order.
pub fn document(doc: &[ParagraphRecord], out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Document<'a> {
        source: Option<&'a str>,
        paragraphs: Vec<HitJson<'a>>,
    }
    write_json(
        &Document {
            source: doc.first().map(|r| r.source.as_str()),
            paragraphs: doc.iter().map(HitJson::from_record).collect(),
        },
        out,
    )
}

/// Index statistics.
pub fn stats(s: &IndexStats, out: &mut dyn Write) -> io::Result<()> {
    write_json(s, out)
}

/// `{"documents", "paragraphs", "files", "added", "updated", "removed",
/// "unchanged", "skipped": [{"path", "reason"}], "elapsed_ms"}` (`files` =
/// `added + updated + unchanged + skipped`, the corpus entries seen) (+ `"changes":
/// [{"path", "change"}]` for dry runs, + `"rebuilt"` with the reason when
/// the whole index was rebuilt).
pub fn ingest(r: &IngestReport, rebuilt: Option<&str>, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Report<'a> {
        documents: u64,
        paragraphs: u64,
        files: usize,
        added: usize,
        updated: usize,
        removed: usize,
        unchanged: usize,
        skipped: &'a [Skipped],
        elapsed_ms: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        changes: Option<&'a [PlannedChange]>,
        #[serde(skip_serializing_if = "Option::is_none")]
        rebuilt: Option<&'a str>,
    }
    write_json(
        &Report {
            documents: r.documents,
            paragraphs: r.paragraphs,
            files: r.files,
            added: r.added,
            updated: r.updated,
            removed: r.removed,
            unchanged: r.unchanged,
            skipped: &r.skipped,
            elapsed_ms: r.elapsed_ms,
            changes: r.changes.as_deref(),
            rebuilt,
        },
        out,
    )
}

/// `{"query", "total", "by", "buckets": [{"key", "label", "count"}],
/// "more"}`: `more` counts the values a limit left out.
pub fn facets(f: &FacetResults, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Facets<'a> {
        query: Option<&'a str>,
        total: u64,
        by: &'static str,
        buckets: Vec<Bucket<'a>>,
        more: usize,
    }
    write_json(
        &Facets {
            query: f.query.as_deref(),
            total: f.total,
            by: f.by.as_str(),
            buckets: buckets(f),
            more: f.more,
        },
        out,
    )
}

/// One facet value: `{"key", "label", "count"}`.
#[derive(Serialize)]
struct Bucket<'a> {
    key: &'a str,
    label: Option<&'a str>,
    count: u64,
}

fn buckets(f: &FacetResults) -> Vec<Bucket<'_>> {
    f.buckets
        .iter()
        .map(|b| Bucket {
            key: &b.key,
            label: b.label.as_deref(),
            count: b.count,
        })
        .collect()
}

/// One `{"key", "label", "count"}` per line (what a limit left out is
/// not in the data: the command says it on stderr).
pub fn facets_lines(f: &FacetResults, out: &mut dyn Write) -> io::Result<()> {
    for b in buckets(f) {
        write_json(&b, out)?;
    }
    Ok(())
}

/// `{"kind", "id", "name", "aliases", "members"?}`.
#[derive(Serialize)]
struct Entity<'a> {
    kind: &'static str,
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    members: Option<&'a [String]>,
}

impl<'a> Entity<'a> {
    fn from(e: &'a EntityInfo) -> Entity<'a> {
        Entity {
            kind: e.kind.as_str(),
            id: &e.id,
            name: &e.name,
            aliases: &e.aliases,
            members: (e.kind == crate::model::EntityKind::Group).then_some(e.members.as_slice()),
        }
    }
}

/// `[{"kind", "id", "name", "aliases", "members"?}]`.
pub fn entities(list: &[EntityInfo], out: &mut dyn Write) -> io::Result<()> {
    let items: Vec<Entity> = list.iter().map(Entity::from).collect();
    write_json(&items, out)
}

/// One `{"kind", "id", "name", "aliases", "members"?}` per line.
pub fn entities_lines(list: &[EntityInfo], out: &mut dyn Write) -> io::Result<()> {
    for e in list {
        write_json(&Entity::from(e), out)?;
    }
    Ok(())
}

/// The saved searches, `[{"name", "query", "literal", "filters", "cursor"}]`,
/// indented (as `watches.json` is).
pub fn watches(list: &[Watch], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, list)?;
    writeln!(out)
}

/// One saved search per line.
pub fn watches_lines(list: &[Watch], out: &mut dyn Write) -> io::Result<()> {
    for w in list {
        write_json(w, out)?;
    }
    Ok(())
}

/// `{"path", "ok", "segments", "files", "documents", "paragraphs",
/// "problems": [string]}`: the result of `dipsearch check`.
pub fn check(v: &crate::index::Verification, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Check<'a> {
        path: String,
        ok: bool,
        segments: usize,
        files: usize,
        documents: u64,
        paragraphs: u64,
        problems: &'a [String],
    }
    write_json(
        &Check {
            path: v.path.display().to_string(),
            ok: v.is_ok(),
            segments: v.segments,
            files: v.files,
            documents: v.documents,
            paragraphs: v.paragraphs,
            problems: &v.problems,
        },
        out,
    )
}
