//! The precedents page (`/precedent/ID`): every paragraph that shares the
//! wording of paragraph ID, by share of words shared or by date, with the
//! shared runs marked and links to the diffs. The twin
//! `/precedent/ID.json` is `precedent ID --format json` with the same
//! options (`limit`, `offset`, `sort`, `min_coverage` and the filters).

use maud::{html, Markup};

use dipsearch::agreed::{precedents, Order, PrecedentRequest, Precedents};
use dipsearch::error::UsageError;
use dipsearch::model::ParagraphRecord;
use dipsearch::render::agreed::{self as out, Side};
use dipsearch::render::{Format, TextStyle};
use dipsearch::search::{Engine, Filters};

use super::super::error::WebError;
use super::super::params::{Params, FILTERS};
use super::parts::{compare_href, diff_href, locator, marked, para_href, precedent_href};
use super::{document, SearchBox};
use crate::commands::find_paragraph;

/// The request as `dipsearch precedent ID` would build it.
fn read(engine: &Engine, id: &str, params: &Params) -> Result<PrecedentRequest, WebError> {
    let mut known = vec!["limit", "offset", "sort", "min_coverage"];
    known.extend(FILTERS);
    params.allow(&known)?;
    let min_coverage = params.number("min_coverage", 10, 100)?;
    let filters = Filters::resolve(&params.filter_values()?)?;
    let text = find_paragraph(engine, id)?.text;
    if text.trim().is_empty() {
        return Err(dipsearch::Error::from(UsageError::NoSearchableWords(text)).into());
    }
    Ok(PrecedentRequest {
        text,
        exclude: Some(id.to_string()),
        filters,
        limit: params.number("limit", 10, 100)?,
        offset: params.number("offset", 0, 10_000)?,
        order: match params.choice("sort", &["coverage", "oldest", "newest"])? {
            "oldest" => Order::Oldest,
            "newest" => Order::Newest,
            _ => Order::Coverage,
        },
        // As the command line computes it from its percentage.
        min_coverage: min_coverage as f32 / 100.0,
    })
}

/// The precedents page, or its JSON twin.
pub fn page(engine: &Engine, id: &str, params: &Params, json: bool) -> Result<Vec<u8>, WebError> {
    let req = read(engine, id, params)?;
    let res = precedents(engine, &req)?;
    if json {
        let mut buf = Vec::new();
        let query = Side {
            id: Some(id),
            text: &req.text,
        };
        out::precedents(Format::Json, &res, query, TextStyle::default(), &mut buf)?;
        return Ok(buf);
    }
    let this = find_paragraph(engine, id)?;
    let main = html! {
        article.precedents {
            h1 { "Where this wording was used" }
            div.para.current {
                p.role { a href=(para_href(id)) { (locator(&this)) } }
                p.text { (this.text) }
            }
            (sort_links(params, id))
            (matches(&this, &res))
            (pager(params, id, &req, res.total))
            p.twin { a href=(params.same(&format!("{}.json", precedent_href(id)))) { "This page as JSON" } }
        }
    };
    Ok(document("Precedents", &SearchBox::default(), main))
}

fn sort_links(params: &Params, id: &str) -> Markup {
    let sort = params.one("sort").ok().flatten().unwrap_or("coverage");
    html! {
        p.sort { "Order: "
            @for (s, name) in [("coverage", "most shared"), ("oldest", "oldest"), ("newest", "newest")] {
                @if s == sort { strong { (name) } } @else {
                    a href=(params.link(&precedent_href(id), |p| { p.retain(|(k, _)| *k != "sort"); p.push(("sort", s)); })) { (name) }
                }
                " "
            }
        }
    }
}

/// The matches, their shared runs marked.
fn matches(this: &ParagraphRecord, res: &Precedents) -> Markup {
    html! {
        @if res.matches.is_empty() {
            p.count { "No other paragraph shares this wording." }
        } @else {
            p.count { (res.total) " paragraph" @if res.total != 1 { "s" } " share this wording"
                @if let Some(e) = &res.earliest { "; earliest use: " a href=(para_href(e)) { (e) } } }
        }
        ol.hits {
            @for m in &res.matches {
                @let spans: Vec<(usize, usize)> = m.spans.iter().map(|s| (s.theirs.start, s.theirs.end)).collect();
                li.hit {
                    a.loc href=(para_href(&m.record.id)) { (locator(&m.record)) }
                    p.share {
                        (pct(m.coverage)) " of the text shared (" (pct(m.their_coverage)) " of this paragraph)"
                        @if m.earliest { " · " strong { "earliest use" } }
                        " · " a.diff href=(diff_href(&m.record, this)) { "diff" }
                        @if m.record.source != this.source {
                            " · " a href=(compare_href(&m.record, this)) { "compare the documents" }
                        }
                    }
                    p.snippet { (marked(&m.record.text, &spans)) }
                }
            }
        }
    }
}

fn pct(x: f32) -> String {
    format!("{:.0}%", (x * 100.0).floor())
}

fn pager(params: &Params, id: &str, req: &PrecedentRequest, total: usize) -> Markup {
    let limit = req.limit.max(1);
    let path = precedent_href(id);
    let link = |offset: usize| {
        let o = offset.to_string();
        params.link(&path, |p| {
            if offset > 0 {
                p.push(("offset", &o));
            }
        })
    };
    html! {
        nav.pager {
            @if req.offset > 0 { a rel="prev" href=(link(req.offset.saturating_sub(limit))) { "← Previous" } }
            @if req.offset + limit < total { a rel="next" href=(link(req.offset + limit)) { "Next →" } }
        }
    }
}
