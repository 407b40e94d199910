//! The HTML pages, one module each, as maud templates: every value
//! inserted is HTML-escaped by the template, and the finished page goes
//! through `render::safe::clean`, so no control character or
//! bidirectional override of a document reaches the browser raw (it shows
//! as `\x1b`, as in the terminal). No script anywhere: links and GET forms
//! do everything.

pub mod compare;
pub mod diff;
pub mod paragraph;
mod parts;
pub mod precedent;
pub mod search;

use maud::{html, Markup, DOCTYPE};

use dipsearch::render::safe::clean;

use super::error::WebError;

/// What the search box in the top bar holds: the query, and the filters
/// the next search keeps (as hidden fields).
#[derive(Default)]
pub struct SearchBox<'a> {
    /// The query text.
    pub q: &'a str,
    /// Filter pairs kept by the form.
    pub keep: Vec<(&'a str, &'a str)>,
}

/// A whole page: head, top bar with the search box, `main`, footer.
pub fn document(title: &str, search: &SearchBox, main: Markup) -> Vec<u8> {
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · dipsearch" }
                link rel="stylesheet" href="/static/style.css";
                link rel="icon" href="/static/icon.svg" type="image/svg+xml";
            }
            body {
                header.top {
                    a.brand href="/" { "dipsearch" }
                    form.box action="/search" method="get" role="search" {
                        input type="search" name="q" value=(search.q)
                            placeholder="Search paragraphs, e.g. export control"
                            aria-label="Search paragraphs";
                        @for (k, v) in &search.keep {
                            input type="hidden" name=(k) value=(v);
                        }
                        button type="submit" { "Search" }
                    }
                }
                main { (main) }
                footer {
                    "Served by dipsearch from the local index; nothing leaves this machine. "
                    a href="/compare" { "Compare two documents" }
                }
            }
        }
    };
    clean(&page.into_string(), false).into_owned().into_bytes()
}

/// A short page saying what was wrong with the request.
pub fn error_page(err: &WebError) -> Vec<u8> {
    let title = match err.status {
        404 => "Not found",
        405 => "Not allowed",
        413 | 414 => "Too large",
        421 => "Wrong host",
        500 => "Server error",
        _ => "Bad request",
    };
    let main = html! {
        section.error {
            h1 { (title) }
            p.message { (err.message) }
            p { a href="/" { "Back to the search page" } }
        }
    };
    document(title, &SearchBox::default(), main)
}
