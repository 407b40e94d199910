//! `dipsearch facets`: counts of matching paragraphs per value.

use std::path::Path;

use anyhow::Result;
use dipsearch::render::{self, Format};
use dipsearch::search::{facet_counts, FacetBy};

use super::{hints, join_query, open_or_build, resolve_filters, text_style, with_stdout, Outcome};
use crate::cli::{FacetByArg, FacetFormat, FacetsArgs};

pub fn run(index: &Path, args: FacetsArgs) -> Result<Outcome> {
    let filters = resolve_filters(&args.filters)?;
    let query = join_query(&args.query)?;
    let by = match args.by {
        FacetByArg::Country => FacetBy::Country,
        FacetByArg::Instrument => FacetBy::Instrument,
        FacetByArg::Topic => FacetBy::Topic,
        FacetByArg::Group => FacetBy::Group,
        FacetByArg::Meeting => FacetBy::Meeting,
        FacetByArg::Year => FacetBy::Year,
        FacetByArg::Issuer => FacetBy::Issuer,
        FacetByArg::Type => FacetBy::Type,
    };
    if let Some(q) = &query {
        dipsearch::search::query::parse_query(q)?;
    }
    let engine = open_or_build(index, &args.corpus)?;
    let mut results = facet_counts(&engine, query, &filters, by, args.by_key, args.literal)?;
    results.truncate(args.limit);
    let format = match args.format {
        FacetFormat::Text => Format::Text,
        FacetFormat::Json => Format::Json,
        FacetFormat::Jsonl => Format::Jsonl,
        FacetFormat::Csv => Format::Csv,
    };
    // CSV and JSON lines are data: what they leave out is said on stderr.
    if matches!(format, Format::Csv | Format::Jsonl) && results.more > 0 {
        eprintln!(
            "dipsearch: {} more values{}",
            results.more,
            hints::TEXT.more_buckets
        );
    }
    let style = text_style(args.color);
    with_stdout(|out| render::facets(format, &results, style, out))?;
    Ok(Outcome::Success)
}
