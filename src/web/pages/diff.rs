//! The diff page (`/diff?a=ID&b=ID`): the word diff of two paragraphs,
//! deletions and insertions marked. The twin `/diff.json?a=ID&b=ID` is
//! `diff A B --format json`.

use maud::html;

use dipsearch::agreed::{diff, Change};
use dipsearch::render::agreed::{self as out, Side};
use dipsearch::render::{Format, TextStyle};
use dipsearch::search::Engine;

use super::super::error::WebError;
use super::super::params::{href, Params};
use super::parts::{locator, para_href};
use super::{document, SearchBox};
use crate::commands::find_paragraph;

/// The diff page, or its JSON twin.
pub fn page(engine: &Engine, params: &Params, json: bool) -> Result<Vec<u8>, WebError> {
    params.allow(&["a", "b"])?;
    let (Some(a), Some(b)) = (params.one("a")?, params.one("b")?) else {
        return Err(WebError::bad(
            "diff needs two paragraph ids: /diff?a=ID&b=ID (the older first)",
        ));
    };
    let (ra, rb) = (find_paragraph(engine, a)?, find_paragraph(engine, b)?);
    let d = diff(&ra.text, &rb.text);
    let (sa, sb) = (
        Side {
            id: Some(a),
            text: &ra.text,
        },
        Side {
            id: Some(b),
            text: &rb.text,
        },
    );
    if json {
        let mut buf = Vec::new();
        out::diff(Format::Json, &d, sa, sb, TextStyle::default(), &mut buf)?;
        return Ok(buf);
    }
    let main = html! {
        article.diff {
            h1 { "Word diff" }
            dl.sides {
                dt { del { "a" } } dd { a href=(para_href(a)) { (locator(&ra)) } }
                dt { ins { "b" } } dd { a href=(para_href(b)) { (locator(&rb)) } }
            }
            p.difftext {
                @for op in &d.ops {
                    @match op.change {
                        Change::Equal => (&ra.text[op.a.clone()]),
                        Change::Delete => del { (&ra.text[op.a.clone()]) },
                        Change::Insert => ins { (&rb.text[op.b.clone()]) },
                    }
                }
            }
            p.count { (d.deleted_words) " words deleted, " (d.inserted_words) " inserted, " (d.equal_words) " kept" }
            p {
                a href=(href("/diff", &[("a", b), ("b", a)])) { "Swap a and b" }
                " · " a href=(href("/diff.json", &[("a", a), ("b", b)])) { "This page as JSON" }
            }
        }
    };
    Ok(document("Word diff", &SearchBox::default(), main))
}
