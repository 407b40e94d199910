//! The compare page (`/compare?a=DOC&b=DOC`, or `?meeting=M&from=Y&to=Y`
//! with `type` when a year has several documents): two editions paragraph
//! by paragraph. The twin `/compare.json?…` is `compare … --format json`;
//! without parameters the page is a form.

use maud::{html, Markup};

use dipsearch::agreed::{compare, Comparison, PairKind};
use dipsearch::model::ParagraphRecord;
use dipsearch::render::agreed as out;
use dipsearch::render::{Format, TextStyle};
use dipsearch::search::Engine;

use super::super::error::WebError;
use super::super::params::Params;
use super::parts::{locator, para_href};
use super::{document, SearchBox};
use crate::commands::compare::{document as doc_paragraphs, edition};

/// The older and the newer document's paragraphs.
type Editions = (Vec<ParagraphRecord>, Vec<ParagraphRecord>);

/// The two documents, as `dipsearch compare` finds them; `None` when the
/// page was asked for without any.
fn documents(engine: &Engine, params: &Params) -> Result<Option<Editions>, WebError> {
    params.allow(&["a", "b", "meeting", "from", "to", "type"])?;
    let docs = (params.one("a")?, params.one("b")?);
    let meeting = params.one("meeting")?;
    let (a, b) = match (docs, meeting) {
        ((None, None), None) => return Ok(None),
        ((Some(a), Some(b)), None) => (a.to_string(), b.to_string()),
        ((None, None), Some(m)) => {
            let (Some(from), Some(to)) = (params.one("from")?, params.one("to")?) else {
                return Err(WebError::bad(
                    "compare by meeting needs from and to (years)",
                ));
            };
            let t = params.one("type")?;
            (edition(engine, m, from, t)?, edition(engine, m, to, t)?)
        }
        _ => {
            return Err(WebError::bad(
                "compare needs two documents (a and b), or a meeting with from and to",
            ))
        }
    };
    Ok(Some((
        doc_paragraphs(engine, &a)?,
        doc_paragraphs(engine, &b)?,
    )))
}

/// The compare page, or its JSON twin.
pub fn page(engine: &Engine, params: &Params, json: bool) -> Result<Vec<u8>, WebError> {
    let Some((old, new)) = documents(engine, params)? else {
        if json {
            return Err(WebError::bad(
                "compare needs two documents (a and b), or a meeting with from and to",
            ));
        }
        return Ok(document("Compare", &SearchBox::default(), form(params)));
    };
    let c = compare(old, new);
    if json {
        let mut buf = Vec::new();
        out::comparison(Format::Json, &c, TextStyle::default(), &mut buf)?;
        return Ok(buf);
    }
    let main = html! {
        article.compare {
            h1 { "Two editions compared" }
            (form(params))
            (overview(&c))
            ol.pairs { @for p in &c.pairs { (pair(&c, p)) } }
            p.twin { a href=(params.same("/compare.json")) { "This page as JSON" } }
        }
    };
    Ok(document("Compare", &SearchBox::default(), main))
}

/// The form: two documents by file, or a meeting's editions by year.
fn form(params: &Params) -> Markup {
    let v = |k: &str| params.one(k).ok().flatten().unwrap_or("").to_string();
    html! {
        form.compare action="/compare" method="get" {
            fieldset {
                legend { "Two documents (file names as in paragraph ids, the older first)" }
                label { "older " input name="a" value=(v("a")) size="30"; }
                label { "newer " input name="b" value=(v("b")) size="30"; }
                button type="submit" { "Compare" }
            }
        }
        form.compare action="/compare" method="get" {
            fieldset {
                legend { "Or a meeting's editions by year" }
                label { "meeting " input name="meeting" value=(v("meeting")) size="12"; }
                label { "from " input name="from" value=(v("from")) size="5"; }
                label { "to " input name="to" value=(v("to")) size="5"; }
                button type="submit" { "Compare" }
            }
        }
    }
}

/// The two documents, the share of agreed language and the counts.
fn overview(c: &Comparison) -> Markup {
    let n = |k: PairKind| c.pairs.iter().filter(|p| p.kind == k).count();
    html! {
        dl.sides {
            @for (name, doc) in [("older", &c.old), ("newer", &c.new)] {
                dt { (name) }
                dd { @if let Some(r) = doc.first() { (r.source) " · " (locator(r)) " · " (doc.len()) " paragraphs" } }
            }
        }
        p.count {
            (format!("{:.0}%", (c.agreed_share * 100.0).floor())) " of the newer document is agreed language · "
            @for k in [PairKind::Unchanged, PairKind::Modified, PairKind::Moved, PairKind::New, PairKind::Dropped] {
                (n(k)) " " (k.as_str()) " "
            }
        }
    }
}

/// One pair: its kind, the labels (links), and the diff or the text.
fn pair(c: &Comparison, p: &dipsearch::agreed::Pair) -> Markup {
    let label = |doc: &[ParagraphRecord], i: Option<usize>| i.map(|i| doc[i].clone());
    let (old, new) = (label(&c.old, p.old), label(&c.new, p.new));
    html! {
        li class={ "pair " (p.kind.as_str()) } {
            p.role {
                span.kind { (p.kind.as_str()) }
                " "
                @if let Some(o) = &old { a href=(para_href(&o.id)) { "¶" (o.paragraph) } } @else { "–" }
                " → "
                @if let Some(n) = &new { a href=(para_href(&n.id)) { "¶" (n.paragraph) } } @else { "–" }
                @if matches!(p.kind, PairKind::Modified | PairKind::Moved) {
                    " " (format!("{:.0}%", (p.similarity * 100.0).floor()))
                }
            }
            @match (&old, &new, &p.diff) {
                (Some(o), Some(n), Some(d)) if p.kind != PairKind::Unchanged => {
                    p.difftext {
                        @for op in &d.ops {
                            @match op.change {
                                dipsearch::agreed::Change::Equal => (&o.text[op.a.clone()]),
                                dipsearch::agreed::Change::Delete => del { (&o.text[op.a.clone()]) },
                                dipsearch::agreed::Change::Insert => ins { (&n.text[op.b.clone()]) },
                            }
                        }
                    }
                }
                (None, Some(n), _) => { p.text { ins { (n.text) } } }
                (Some(o), None, _) => { p.text { del { (o.text) } } }
                _ => {}
            }
        }
    }
}
