//! The search page (`/`, `/search`): query box, facet lists that narrow
//! the results, removable filters, sort, pages of hits with highlighted
//! snippets; its twin `/search.json` is `search --format json`, and
//! `/facets.json` is `facets --format json`.

use maud::{html, Markup};

use dipsearch::render::text::rounded;
use dipsearch::render::{self, Format, TextStyle};
use dipsearch::search::hint::Hint;
use dipsearch::search::{
    facet_counts, facet_counts_many, opening, Engine, FacetBy, FacetResults, Filters,
    SearchRequest, SearchResults, Sort,
};

use super::super::error::WebError;
use super::super::params::{Params, FILTERS};
use super::parts::{locator, marked, para_href, tags};
use super::{document, SearchBox};
use crate::commands::hints;

/// Most hits one page shows (`limit`).
const MAX_LIMIT: usize = 100;
/// Deepest page (`offset`): paging further is a job for the JSON lines of
/// `export`.
const MAX_OFFSET: usize = 10_000;
/// Values shown per facet.
const FACET_SHOWN: usize = 8;
/// The facet lists, in the order shown, with the parameter each sets.
const FACETS: [(FacetBy, &str, &str); 8] = [
    (FacetBy::Country, "country", "Countries"),
    (FacetBy::Meeting, "meeting", "Meetings"),
    (FacetBy::Year, "year", "Years"),
    (FacetBy::Topic, "topic", "Topics"),
    (FacetBy::Instrument, "instrument", "Instruments"),
    (FacetBy::Group, "group", "Groups"),
    (FacetBy::Type, "type", "Document types"),
    (FacetBy::Issuer, "issuer", "Issuers"),
];

/// The query text and the checks the command line makes on it: size,
/// then syntax. `None` when empty.
fn query(params: &Params) -> Result<Option<String>, WebError> {
    let Some(q) = params.one("q")? else {
        return Ok(None);
    };
    dipsearch::limits::check_query_size(q).map_err(dipsearch::Error::from)?;
    dipsearch::search::query::parse_query(q)?;
    Ok(Some(q.to_string()))
}

/// The request as `dipsearch search` would build it from the same values.
fn read(params: &Params) -> Result<SearchRequest, WebError> {
    let mut known = vec![
        "q",
        "literal",
        "exact_total",
        "all_words",
        "sort",
        "limit",
        "offset",
    ];
    known.extend(FILTERS);
    params.allow(&known)?;
    // As the command line: filters first, then the query.
    let filters = Filters::resolve(&params.filter_values()?)?;
    Ok(SearchRequest {
        query: query(params)?,
        filters,
        limit: params.number("limit", 10, MAX_LIMIT)?,
        offset: params.number("offset", 0, MAX_OFFSET)?,
        sort: match params.choice("sort", &["relevance", "newest", "oldest"])? {
            "newest" => Sort::Newest,
            "oldest" => Sort::Oldest,
            _ => Sort::Relevance,
        },
        snippets: true,
        literal: params.flag("literal")?,
        estimate_total: !params.flag("exact_total")?,
        excluding: None,
    })
}

/// The search page, or its JSON twin.
pub fn page(engine: &Engine, params: &Params, json: bool) -> Result<Vec<u8>, WebError> {
    let req = read(params)?;
    let all_words = params.flag("all_words")?;
    // As `search` does: the paragraphs with fewer of the words after those
    // with all, when those do not fill the page.
    let search = |req: &SearchRequest| {
        let mut results = engine.search(req)?;
        if !all_words {
            results.fewer = engine.fewer_words(req, &results)?;
        }
        Ok::<_, dipsearch::Error>(results)
    };
    if json {
        let results = search(&req)?;
        let mut out = Vec::new();
        render::hits(Format::Json, &results, TextStyle::default(), &mut out)?;
        return Ok(out);
    }
    // The facet lists are a second pass over the matches: on a second
    // core, beside the search.
    let (found, counted) = std::thread::scope(|s| {
        let facets = s.spawn(|| facet_lists(engine, &req));
        let found = search(&req).and_then(|r| engine.hint(&req, &r).map(|h| (r, h)));
        let counted = facets
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (found, counted)
    });
    let (results, hint) = found?;
    // The paragraphs the hint would count are shown.
    let hint = hint.filter(|h| !h.shown_in(&results.fewer));
    let found_all = results.total + results.fewer.iter().map(|f| f.total).sum::<usize>();
    // The facets check meeting words against the index, which a search
    // does not (it finds nothing): their message then stands in for them.
    let (lists, facet_note) = match counted {
        Ok(lists) => (lists, None),
        Err(e) => (Vec::new(), Some(e.message)),
    };
    let keep: Vec<(&str, &str)> = params
        .pairs()
        .filter(|(k, _)| FILTERS.contains(k) || matches!(*k, "sort" | "literal" | "limit"))
        .collect();
    let title = req.query.as_deref().unwrap_or("Search");
    let main = html! {
        div.search {
            section.results {
                (summary(params, &req, &results, hint.as_ref()))
                ol.hits { @for h in &results.hits { (hit(h)) } }
                @for (i, step) in results.fewer.iter().enumerate() {
                    p.fewer { (fewer_line(results.total == 0 && i == 0, step)) }
                    ol.hits { @for h in &step.hits { (hit(h)) } }
                }
                (pager(params, &req, found_all))
                p.twin { a href=(params.same("/search.json")) { "This page as JSON" } }
            }
            aside.facets aria-label="Narrow the results" {
                @if let Some(note) = &facet_note { p.hint { (note) } }
                @if lists.iter().any(|(_, _, f)| f.estimated) {
                    p.hint { "≈ counts are estimated from a sample of the matches; "
                        a href=(params.link("/search", |p| p.push(("exact_total", "1")))) { "count exactly" } }
                }
                @for (param, heading, counted) in &lists {
                    (facet(params, param, heading, counted))
                }
                (dates(params))
            }
        }
    };
    let search = SearchBox {
        q: req.query.as_deref().unwrap_or(""),
        keep,
    };
    Ok(document(title, &search, main))
}

/// One facet list: the parameter a value sets, the heading, the values
/// (estimated counts or not).
type FacetList = (&'static str, &'static str, FacetResults);

/// The facet lists shown beside the results: the values most found, years
/// newest first.
///
/// Like the total, the counts are estimated when the matches are many,
/// unless exact totals were asked for: about `FACET_SAMPLE` of them are
/// read and the counts show as `≈1,230`.
fn facet_lists(engine: &Engine, req: &SearchRequest) -> Result<Vec<FacetList>, WebError> {
    let bys: Vec<FacetBy> = FACETS.iter().map(|(by, _, _)| *by).collect();
    let counted = facet_counts_many(
        engine,
        req.query.clone(),
        &req.filters,
        &bys,
        req.literal,
        req.estimate_total,
    )?;
    let mut lists = Vec::new();
    for ((by, param, heading), mut f) in FACETS.into_iter().zip(counted) {
        f.buckets.truncate(FACET_SHOWN);
        if by == FacetBy::Year {
            f.buckets.sort_by(|a, b| b.key.cmp(&a.key));
        }
        lists.push((param, heading, f));
    }
    Ok(lists)
}

/// The count, the active filters as removable chips, the sort links, what
/// the query was read as, and what would find more when results are thin.
fn summary(
    params: &Params,
    req: &SearchRequest,
    res: &SearchResults,
    hint: Option<&Hint>,
) -> Markup {
    let shown = res.hits.len();
    let count = match res.total {
        t if res.total_is_estimate => format!(
            "{}–{} of {} matching paragraphs",
            req.offset + 1,
            req.offset + shown,
            render::text::about(t)
        ),
        0 => "No matching paragraphs".to_string(),
        1 => "1 matching paragraph".to_string(),
        t if shown == t => format!("{t} matching paragraphs"),
        t if shown == 0 => format!("{t} matching paragraphs (none on this page)"),
        t => format!(
            "{}–{} of {t} matching paragraphs",
            req.offset + 1,
            req.offset + shown
        ),
    };
    let active: Vec<(&str, &str)> = params
        .pairs()
        .filter(|(k, _)| FILTERS.contains(k) || *k == "literal")
        .collect();
    let sort = params.one("sort").ok().flatten().unwrap_or("relevance");
    html! {
        p.count { (count) }
        @if !active.is_empty() {
            ul.chips aria-label="Active filters" {
                @for (i, (k, v)) in active.iter().enumerate() {
                    li { a.chip href=(remove_link(params, &active, i)) title="Remove this filter" {
                        @if *k == "literal" { "words only" } @else { (k) ": " (v) }
                        " ×"
                    } }
                }
            }
        }
        p.sort { "Sort: "
            @for s in ["relevance", "newest", "oldest"] {
                @if s == sort { strong { (s) } } @else {
                    a href=(params.link("/search", |p| { p.retain(|(k, _)| *k != "sort"); p.push(("sort", s)); })) { (s) }
                }
                " "
            }
        }
        @if let Some(line) = render::text::read_as(res) {
            p.readas { (line) " "
                @if !req.literal {
                    a href=(params.link("/search", |p| p.push(("literal", "1")))) { "(search the words only)" }
                }
            }
        }
        @if let Some(h) = hint { p.hint { (hint_line(params, h, res.total)) } }
    }
}

/// The link that removes the `i`th active filter.
fn remove_link(params: &Params, active: &[(&str, &str)], i: usize) -> String {
    let gone = active[i];
    params.link("/search", |pairs| {
        if let Some(at) = pairs.iter().position(|p| *p == gone) {
            pairs.remove(at);
        }
    })
}

/// What would find more, worded for the page (a link, not a flag): the
/// entity's filter instead of the query, the other filters kept, as the
/// count was made.
fn hint_line(params: &Params, hint: &Hint, total: usize) -> Markup {
    match hint {
        Hint::Entity {
            from,
            kind,
            id,
            count,
        } => {
            let link = params.link("/search", |p| {
                p.retain(|(k, _)| *k != "q");
                p.push((kind.as_str(), id));
            });
            let article = hints::article(*kind);
            html! { (from) " is " (article) " " (kind.as_str()) ": " a href=(link) { (kind.as_str()) " " (id) } " finds " (count) }
        }
        other => html! { (hints::thin_results(other, total)) },
    }
}

/// The line over a step of fewer words: `No paragraph has all the words;
/// 12 have all but "crisis"`, `2 more have all but "export"`.
fn fewer_line(first: bool, step: &dipsearch::search::relax::Fewer) -> String {
    let words = render::text::fewer_words(step, !first);
    match first {
        true => format!("No paragraph has all the words; {words}"),
        false => words,
    }
}

/// One hit: where it is from (a link to its paragraph page), the parent's
/// lead-in, the snippet with the matches marked, the tags.
fn hit(h: &dipsearch::search::Hit) -> Markup {
    let r = &h.record;
    html! {
        li.hit {
            a.loc href=(para_href(&r.id)) { (locator(r)) }
            @if let Some(title) = &r.header.title { p.title { (title) } }
            @if let Some(ctx) = &r.context { p.context { "↳ " (opening(ctx, 120)) } }
            p.snippet { (marked(&h.snippet, &h.highlights)) }
            (tags(r))
        }
    }
}

/// Previous and next page links.
fn pager(params: &Params, req: &SearchRequest, total: usize) -> Markup {
    let limit = req.limit.max(1);
    let prev = (req.offset > 0).then(|| req.offset.saturating_sub(limit));
    let next = (req.offset + limit < total && req.offset + limit <= MAX_OFFSET)
        .then_some(req.offset + limit);
    html! {
        @if prev.is_some() || next.is_some() {
            nav.pager aria-label="Pages" {
                @if let Some(o) = prev { a rel="prev" href=(page_link(params, o)) { "← Previous" } }
                @if let Some(o) = next { a rel="next" href=(page_link(params, o)) { "Next →" } }
            }
        }
    }
}

/// The same search from hit `offset` on.
fn page_link(params: &Params, offset: usize) -> String {
    let o = offset.to_string();
    params.link("/search", |p| {
        if offset > 0 {
            p.push(("offset", &o));
        }
    })
}

/// One facet list: values with counts, each a link that adds the filter;
/// a value already filtered on is shown without a link.
fn facet(params: &Params, param: &str, heading: &str, counted: &FacetResults) -> Markup {
    let active = params.all(param);
    let buckets = &counted.buckets;
    html! {
        @if !buckets.is_empty() {
            section.facet {
                h2 { (heading) }
                ul {
                    @for b in buckets {
                        li {
                            @if active.contains(&b.key) {
                                span.on { (b.label.as_deref().unwrap_or(&b.key)) }
                            } @else {
                                a href=(facet_link(params, param, &b.key)) title=(b.key) {
                                    (b.label.as_deref().unwrap_or(&b.key))
                                }
                            }
                            " "
                            @if counted.estimated {
                                span.n title="estimated from a sample of the matches" {
                                    "≈" (rounded(b.count as usize))
                                }
                            } @else {
                                span.n { (b.count) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The link a facet value leads to: its filter added (a year sets the
/// date range to that year).
fn facet_link(params: &Params, param: &str, key: &str) -> String {
    params.link("/search", |p| {
        if param == "year" {
            p.retain(|(k, _)| !matches!(*k, "since" | "until"));
            p.push(("since", key));
            p.push(("until", key));
        } else {
            p.push((param, key));
        }
    })
}

/// The date range form (a GET form keeping the other parameters).
fn dates(params: &Params) -> Markup {
    let since = params.one("since").ok().flatten().unwrap_or("");
    let until = params.one("until").ok().flatten().unwrap_or("");
    html! {
        section.facet {
            h2 { "Dates" }
            form.dates action="/search" method="get" {
                @for (k, v) in params.pairs().filter(|(k, _)| !matches!(*k, "since" | "until" | "offset")) {
                    input type="hidden" name=(k) value=(v);
                }
                label { "from " input name="since" value=(since) placeholder="YYYY" size="10"; }
                label { "to " input name="until" value=(until) placeholder="YYYY-MM-DD" size="10"; }
                button type="submit" { "Apply" }
            }
        }
    }
}

/// `/facets.json`: `dipsearch facets --format json` for the same values.
pub fn facets_json(engine: &Engine, params: &Params) -> Result<Vec<u8>, WebError> {
    let mut known = vec!["q", "literal", "by", "limit", "by_key"];
    known.extend(FILTERS);
    params.allow(&known)?;
    let filters = Filters::resolve(&params.filter_values()?)?;
    let by = params.choice(
        "by",
        &[
            "country",
            "instrument",
            "topic",
            "group",
            "meeting",
            "year",
            "issuer",
            "type",
        ],
    )?;
    let by = FACETS
        .iter()
        .map(|(b, _, _)| *b)
        .find(|b| b.as_str() == by)
        .unwrap_or(FacetBy::Country);
    let limit = params.number("limit", 20, usize::MAX)?;
    let q = query(params)?;
    let mut res = facet_counts(
        engine,
        q,
        &filters,
        by,
        params.flag("by_key")?,
        params.flag("literal")?,
    )?;
    if limit > 0 {
        res.buckets.truncate(limit);
    }
    let mut out = Vec::new();
    render::facets(Format::Json, &res, TextStyle::default(), &mut out)?;
    Ok(out)
}
