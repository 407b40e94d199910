//! `dipsearch search`: query + filters → ranked paragraphs.

use std::path::Path;

use anyhow::Result;
use dipsearch::render::safe::one_line;
use dipsearch::render::{self, Format};
use dipsearch::search::{SearchRequest, Sort};

use super::{
    hints, join_query, open_or_build, resolve_filters, stale_notice, text_style, with_stdout,
    Outcome,
};
use crate::cli::{SearchArgs, SortArg};

pub fn run(index: &Path, args: SearchArgs) -> Result<Outcome> {
    // Check every value before touching the index.
    let filters = resolve_filters(&args.filters)?;
    let query = join_query(&args.query)?;
    if let Some(q) = &query {
        dipsearch::search::query::parse_query(q)?;
    }
    let engine = open_or_build(index, &args.corpus)?;
    stale_notice(index, &engine);
    let request = SearchRequest {
        query,
        filters,
        limit: args.limit,
        offset: args.offset,
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        },
        snippets: true,
        literal: args.literal,
        estimate_total: !args.exact_total,
        excluding: None,
    };
    let corrected = engine.search_correcting(&request)?;
    let (mut results, request, known_hint) = (corrected.results, corrected.request, corrected.hint);
    let format = Format::from(args.output.format);
    if !args.all_words && matches!(format, Format::Text | Format::Json) {
        results.fewer = engine.fewer_words(&request, &results)?;
    }
    for w in &results.warnings {
        eprintln!("dipsearch: warning: {}", one_line(w));
    }
    let style = text_style(args.output.color);
    let hint = match (format, known_hint) {
        (Format::Text, Some(known)) => known,
        (Format::Text, None) => engine.hint(&request, &results)?,
        _ => None,
    };
    // The paragraphs the hint would count are shown.
    let hint = hint.filter(|h| !h.shown_in(&results.fewer));
    let correction = hints::corrected(&corrected.words);
    if let (Some(line), false) = (&correction, format == Format::Text) {
        eprintln!("dipsearch: {}", one_line(line));
    }
    with_stdout(|out| {
        if let (Some(line), Format::Text) = (&correction, format) {
            render::text::note(line, style, out)?;
        }
        render::hits(format, &results, style, out)?;
        match &hint {
            Some(h) => render::text::note(&hints::thin_results(h, results.total), style, out),
            None => Ok(()),
        }
    })?;
    super::end_of_process((engine, results));
    Ok(Outcome::Success)
}
