//! The paragraph page (`/p/ID`): the paragraph in its document (header,
//! parent lead-in, neighbours, sub-paragraphs), the words behind its tags,
//! a citation line, and its precedents with links to their diffs. The twin
//! `/p/ID.json` is `show ID --explain --format json`.

use maud::{html, Markup};

use dipsearch::agreed::{precedents, Order, PrecedentRequest, Precedents};
use dipsearch::cite;
use dipsearch::model::ParagraphRecord;
use dipsearch::render::{self, Format, TextStyle};
use dipsearch::search::{view_paragraph, Engine, Filters, ParagraphView};

use super::super::error::WebError;
use super::super::params::Params;
use super::parts::{compare_href, diff_href, locator, marked, para_href, precedent_href, tags};
use super::{document, SearchBox};
use crate::commands::find_paragraph;

/// Precedents listed on the page (the precedents page has them all).
const PRECEDENTS_SHOWN: usize = 5;

/// The paragraph page, or its JSON twin.
pub fn page(engine: &Engine, id: &str, params: &Params, json: bool) -> Result<Vec<u8>, WebError> {
    params.allow(&[])?;
    let Some(view) = view_paragraph(engine, id, true)? else {
        // The command line's error for an unknown id, with its suggestions.
        return Err(find_paragraph(engine, id).err().map_or_else(
            || WebError::not_found(format!("no paragraph with id '{id}'")),
            WebError::from,
        ));
    };
    if json {
        let mut out = Vec::new();
        render::paragraph(Format::Json, &view, TextStyle::default(), &mut out)?;
        return Ok(out);
    }
    let p = &view.paragraph;
    let found = if p.text.trim().is_empty() {
        None
    } else {
        Some(precedents(
            engine,
            &PrecedentRequest {
                text: p.text.clone(),
                exclude: Some(p.id.clone()),
                filters: Filters::default(),
                limit: PRECEDENTS_SHOWN,
                offset: 0,
                order: Order::Coverage,
                min_coverage: 0.10,
            },
        )?)
    };
    let main = html! {
        article.paragraph {
            (header(p))
            (in_document(&view))
            section.cite {
                h2 { "Cite" }
                p.citation { (cite::text::format(&cite::citation(p), cite::text::Style::Un)) }
            }
            (why(&view))
            @if let Some(found) = &found { (precedent_list(p, found)) }
            p.twin { a href={ (para_href(&p.id)) ".json" } { "This page as JSON" } }
        }
    };
    let title = format!("¶{} · {}", p.paragraph, super::parts::meeting_name(p));
    Ok(document(&title, &SearchBox::default(), main))
}

/// The document's title and header facts.
fn header(r: &ParagraphRecord) -> Markup {
    let h = &r.header;
    let title = h
        .title
        .as_deref()
        .or(h.meeting.as_deref())
        .unwrap_or(&r.source);
    let date = match (h.date, h.date_end, h.year) {
        (Some(d), Some(e), _) if e != d => Some(format!("{d} to {e}")),
        (Some(d), _, _) => Some(d.to_string()),
        (None, _, Some(y)) => Some(y.to_string()),
        _ => None,
    };
    let participants: Vec<&str> = h.participants.iter().map(|c| c.as_str()).collect();
    let facts: Vec<(&str, Option<String>)> = vec![
        (
            "Meeting",
            h.meeting.clone().map(|m| match &h.acronym {
                Some(a) => format!("{m} ({a})"),
                None => m,
            }),
        ),
        ("Edition", h.edition.map(|e| e.to_string())),
        ("Type", Some(h.doc_type.as_str().to_string())),
        ("Date", date),
        ("Place", h.place.clone()),
        ("Chair", h.chair.clone()),
        ("Issuer", h.issuer.map(|i| i.as_str().to_string())),
        ("Symbol", h.symbol.clone()),
        ("Vote", h.vote.clone()),
        (
            "Participants",
            (!participants.is_empty()).then(|| participants.join(" ")),
        ),
        ("Source", Some(r.source.clone())),
        // Shown, not linked: the page leads nowhere but to itself.
        ("Address", h.url.clone()),
    ];
    html! {
        h1 { (title) }
        dl.facts {
            @for (name, value) in &facts {
                @if let Some(v) = value { dt { (name) } dd { (v) } }
            }
        }
    }
}

/// A neighbouring paragraph: its label (a link to its page) and text.
fn neighbour(class: &str, role: &str, r: &ParagraphRecord) -> Markup {
    html! {
        div class={ "para " (class) } {
            p.role { (role) " " a href=(para_href(&r.id)) { "¶" (r.paragraph) } }
            p.text { (r.text) }
        }
    }
}

/// The paragraph between its parent (or the paragraph before it), its
/// sub-paragraphs and the paragraph after it; the words behind its tags
/// are marked.
fn in_document(view: &ParagraphView) -> Markup {
    let p = &view.paragraph;
    let spans: Vec<(usize, usize)> = view
        .explain
        .iter()
        .flatten()
        .map(|e| (e.mention.start, e.mention.end))
        .collect();
    html! {
        section.doc {
            @if let Some(parent) = &view.parent {
                (neighbour("parent", "Lead-in", parent))
            } @else if let Some(prev) = &view.previous {
                (neighbour("previous", "Before", prev))
            }
            @if let Some(h) = &p.heading { h2.heading { (h) } }
            div.para.current id="this" {
                p.role { span.label { "¶" (p.paragraph) } " " span.id { (p.id) } }
                p.text { (marked(&p.text, &spans)) }
                (tags(p))
            }
            @for c in &view.children { (neighbour("child", "Sub-paragraph", c)) }
            @if let Some(next) = &view.next { (neighbour("next", "After", next)) }
        }
    }
}

/// The tags with the words behind them (`show --explain`).
fn why(view: &ParagraphView) -> Markup {
    let mentions = view.explain.as_deref().unwrap_or(&[]);
    html! {
        section.why {
            h2 { "Why these tags" }
            @if mentions.is_empty() {
                p { "No country, instrument, topic or group is named in this paragraph." }
            } @else {
                table {
                    thead { tr { th { "Kind" } th { "Id" } th { "Words" } th { "Bytes" } } }
                    tbody {
                        @for e in mentions {
                            tr {
                                td { (e.mention.kind.as_str()) }
                                td { (e.mention.id) }
                                td { "“" (e.matched) "”"
                                    @if let Some(i) = &e.implied_by { " (implied by " (i) ")" } }
                                td.n { (e.mention.start) "–" (e.mention.end) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The paragraphs that share this one's wording, with links to the diff
/// (theirs → this) and to the comparison of the two documents.
fn precedent_list(p: &ParagraphRecord, found: &Precedents) -> Markup {
    html! {
        section.precedents {
            h2 { "Precedents" }
            @if found.matches.is_empty() {
                p { "No other paragraph shares this wording." }
            } @else {
                ol.hits {
                    @for m in &found.matches {
                        li.hit {
                            a.loc href=(para_href(&m.record.id)) { (locator(&m.record)) }
                            p.share {
                                (format!("{:.0}%", (m.coverage * 100.0).floor())) " of this paragraph's words shared"
                                @if m.earliest { " · " strong { "earliest use" } }
                                " · " a.diff href=(diff_href(&m.record, p)) { "diff" }
                                @if m.record.source != p.source {
                                    " · " a href=(compare_href(&m.record, p)) { "compare the documents" }
                                }
                            }
                        }
                    }
                }
                p { a.more href=(precedent_href(&p.id)) {
                    "All " (found.total) " paragraph" @if found.total != 1 { "s" } " sharing this wording →"
                } }
            }
        }
    }
}
