//! Addresses → pages. Every page has a JSON twin at the same address plus
//! `.json`. Nothing is ever read from the file system by address: the two
//! assets are compiled into the binary, and any `.` or `..` path segment
//! is refused before routing.

use super::error::WebError;
use super::pages;
use super::params::{decode_path, Params};
use super::reply::{Kind, Reply};
use super::state::State;

const STYLE: &str = include_str!("assets/style.css");
const ICON: &str = include_str!("assets/icon.svg");

/// The pages (`json`: the twin).
enum Route {
    Search,
    Paragraph(String),
    Precedent(String),
    Diff,
    Compare,
    Facets,
}

/// Answers `url` (path and query string).
pub fn dispatch(state: &State, url: &str) -> Reply {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let json = path.ends_with(".json");
    let page = match path {
        "/static/style.css" => return Reply::ok(Kind::Css, STYLE.as_bytes().to_vec()),
        "/static/icon.svg" | "/favicon.ico" => {
            return Reply::ok(Kind::Svg, ICON.as_bytes().to_vec())
        }
        _ => route(path).and_then(|route| {
            let params = Params::parse(query)?;
            let engine = state.engine();
            match route {
                Route::Search => pages::search::page(&engine, &params, json),
                Route::Paragraph(id) => pages::paragraph::page(&engine, &id, &params, json),
                Route::Precedent(id) => pages::precedent::page(&engine, &id, &params, json),
                Route::Diff => pages::diff::page(&engine, &params, json),
                Route::Compare => pages::compare::page(&engine, &params, json),
                Route::Facets => pages::search::facets_json(&engine, &params),
            }
        }),
    };
    match page {
        Ok(body) => Reply::ok(if json { Kind::Json } else { Kind::Html }, body),
        Err(err) => Reply::error(&err, json),
    }
}

/// The page an address names.
fn route(path: &str) -> Result<Route, WebError> {
    let mut traversal = !path.starts_with('/');
    for seg in path.split('/') {
        traversal |= matches!(decode_path(seg)?.as_str(), "." | "..");
    }
    if traversal {
        return Err(WebError::bad(
            "this address has '.' or '..' segments; the page reads no files by address",
        ));
    }
    let plain = path.strip_suffix(".json").unwrap_or(path);
    if let Some(id) = plain.strip_prefix("/p/") {
        return Ok(Route::Paragraph(paragraph_id(id)?));
    }
    if let Some(id) = plain.strip_prefix("/precedent/") {
        return Ok(Route::Precedent(paragraph_id(id)?));
    }
    match (plain, path.ends_with(".json")) {
        ("/" | "/search", false) | ("/search", true) => Ok(Route::Search),
        ("/diff", _) => Ok(Route::Diff),
        ("/compare", _) => Ok(Route::Compare),
        ("/facets", true) => Ok(Route::Facets),
        _ => Err(WebError::not_found(format!(
            "nothing at {}: the pages are /search, /p/ID, /precedent/ID, /diff and /compare",
            path
        ))),
    }
}

/// A paragraph id from its path part.
fn paragraph_id(part: &str) -> Result<String, WebError> {
    let id = decode_path(part)?;
    if id.is_empty() {
        return Err(WebError::not_found(
            "no paragraph id in the address (ids look like `file.txt#4(d)`)",
        ));
    }
    Ok(id)
}
