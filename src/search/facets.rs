//! Facet counts: how many matching paragraphs carry each value of a field
//! (country, instrument, topic, group, meeting, year, issuer, type). Read
//! from fast columns, so counting a whole corpus never touches the stored
//! records. With `year` or `meeting` this is the trend of a query over time.

use std::collections::HashMap;

use crate::enrich::meetings::Meetings;
use crate::enrich::Gazetteer;
use crate::model::EntityKind;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::query::EnableScoring;
use tantivy::{DocId, Score, SegmentReader};

/// What to count by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FacetBy {
    /// Countries mentioned.
    Country,
    /// Instruments mentioned.
    Instrument,
    /// Topics.
    Topic,
    /// Groups mentioned.
    Group,
    /// Meeting (acronym, or name).
    Meeting,
    /// Year of the document.
    Year,
    /// Issuing country.
    Issuer,
    /// Document type.
    Type,
}

impl FacetBy {
    /// The fast column counted.
    fn column(&self) -> &'static str {
        match self {
            FacetBy::Country => crate::index::COUNTRY,
            FacetBy::Instrument => crate::index::INSTRUMENT,
            FacetBy::Topic => crate::index::TOPIC,
            FacetBy::Group => crate::index::GROUP,
            FacetBy::Meeting => "meeting_key",
            FacetBy::Year => "year",
            FacetBy::Issuer => "issuer",
            FacetBy::Type => "doc_type",
        }
    }

    /// Wire name.
    pub fn as_str(&self) -> &'static str {
        match self {
            FacetBy::Country => "country",
            FacetBy::Instrument => "instrument",
            FacetBy::Topic => "topic",
            FacetBy::Group => "group",
            FacetBy::Meeting => "meeting",
            FacetBy::Year => "year",
            FacetBy::Issuer => "issuer",
            FacetBy::Type => "type",
        }
    }
}

/// One value and its count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetBucket {
    /// The value (id, code, year).
    pub key: String,
    /// A human label (entity name), when known.
    pub label: Option<String>,
    /// Matching paragraphs with this value.
    pub count: u64,
}

/// Facet counts for a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetResults {
    /// The query as given.
    pub query: Option<String>,
    /// Matching paragraphs.
    pub total: u64,
    /// What was counted.
    pub by: FacetBy,
    /// Buckets, most first (ties by key) unless key order was asked for.
    pub buckets: Vec<FacetBucket>,
    /// Buckets left out by [`FacetResults::truncate`].
    pub more: usize,
    /// Counts estimated from a sample of the matches (`total` is exact).
    pub estimated: bool,
}

impl FacetResults {
    /// Keeps the first `limit` buckets (all when `limit` is 0) and counts
    /// those left out in `more`.
    pub fn truncate(&mut self, limit: usize) {
        if limit > 0 && self.buckets.len() > limit {
            self.more += self.buckets.len() - limit;
            self.buckets.truncate(limit);
        }
    }
}

/// One facet's counts in one segment (a part of a [`MultiFacetSegment`]).
struct FacetSegment {
    source: Source,
    /// Counts by term ordinal, for string columns (ordinals are dense).
    by_ord: Vec<u64>,
    /// Counts by value, for number columns.
    counts: HashMap<u64, u64>,
    seen: Vec<u64>,
}

impl FacetSegment {
    fn new(by: FacetBy, reader: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let ff = reader.fast_fields();
        let source = match by {
            FacetBy::Year => Source::U64(ff.u64(by.column()).ok()),
            _ => Source::Str(ff.str(by.column())?),
        };
        let by_ord = match &source {
            Source::Str(Some(col)) => vec![0; col.num_terms()],
            _ => Vec::new(),
        };
        Ok(FacetSegment {
            source,
            by_ord,
            counts: HashMap::new(),
            seen: Vec::new(),
        })
    }
}

enum Source {
    Str(Option<StrColumn>),
    U64(Option<tantivy::columnar::Column<u64>>),
}

impl SegmentCollector for FacetSegment {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.seen.clear();
        match &self.source {
            Source::Str(Some(col)) => self.seen.extend(col.term_ords(doc)),
            Source::U64(Some(col)) => self.seen.extend(col.values_for_doc(doc)),
            _ => {}
        }
        if self.seen.len() > 1 {
            self.seen.sort_unstable();
            self.seen.dedup();
        }
        match &self.source {
            Source::Str(_) => {
                for &ord in &self.seen {
                    if let Some(n) = self.by_ord.get_mut(ord as usize) {
                        *n += 1;
                    }
                }
            }
            Source::U64(_) => {
                for v in &self.seen {
                    *self.counts.entry(*v).or_insert(0) += 1;
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut out = HashMap::with_capacity(self.counts.len());
        match &self.source {
            Source::Str(Some(col)) => {
                let mut s = String::new();
                let counted = self.by_ord.iter().enumerate().filter(|(_, n)| **n > 0);
                for (ord, &n) in counted {
                    let ord = ord as u64;
                    s.clear();
                    if col.ord_to_str(ord, &mut s).unwrap_or(false) {
                        out.insert(s.clone(), n);
                    }
                }
            }
            Source::U64(Some(_)) => {
                for (v, n) in self.counts {
                    out.insert(v.to_string(), n);
                }
            }
            _ => {}
        }
        out
    }
}

/// Sorts raw counts into buckets: most first, ties by key; or, with
/// `by_key`, in key order (chronological for years).
pub fn into_buckets(counts: HashMap<String, u64>, by_key: bool) -> Vec<FacetBucket> {
    let mut buckets: Vec<FacetBucket> = counts
        .into_iter()
        .map(|(key, count)| FacetBucket {
            key,
            label: None,
            count,
        })
        .collect();
    if by_key {
        buckets.sort_by(|a, b| a.key.cmp(&b.key));
    } else {
        buckets.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    }
    buckets
}

/// Matches whose columns a sampled facet pass reads, about, over the
/// whole index ([`facet_counts_many`]). Reading eight columns of every
/// one of 105,000 matches costs 40–70 ms; a sample of 8,192
/// puts a value held by 1 % of the matches within about 11 % of its count
/// (one standard error), enough to rank and size the values a page offers
/// to narrow by.
pub const FACET_SAMPLE: u64 = 8_192;

/// Counts per value of several facets in one pass over the matches;
/// when `sample`, reading the columns of a sample of them only.
struct MultiFacetCollector {
    bys: Vec<FacetBy>,
    sample: bool,
    /// Documents in the index, to share [`FACET_SAMPLE`] among segments.
    index_docs: u64,
}

/// Per-segment state of a [`MultiFacetCollector`]: the matches to read.
/// A match is kept when a hash of its number has `level` trailing zero
/// bits; whenever the kept pass the budget, the level goes up by one and
/// about half are dropped. So the sample is a fixed share of the matches
/// whatever their count (not known in advance), and, unlike every n-th
/// match, it cannot fall in step with a pattern in the documents' order.
struct MultiFacetSegment {
    parts: Vec<FacetSegment>,
    kept: Vec<DocId>,
    /// Matches kept before the level goes up; `None`: every match is
    /// read as it comes (exact counts).
    budget: Option<usize>,
    level: u32,
    matched: u64,
}

/// A well-mixed hash of a document number (splitmix64's finaliser).
fn mix(doc: DocId) -> u64 {
    let mut z = u64::from(doc).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What one pass yields: counts per facet (scaled to all matches), and
/// the matches and matches read.
type MultiFruit = (Vec<HashMap<String, f64>>, u64, u64);

impl Collector for MultiFacetCollector {
    type Fruit = MultiFruit;
    type Child = MultiFacetSegment;

    fn for_segment(&self, _: u32, reader: &SegmentReader) -> tantivy::Result<MultiFacetSegment> {
        let parts = self
            .bys
            .iter()
            .map(|by| FacetSegment::new(*by, reader))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let share = FACET_SAMPLE * u64::from(reader.max_doc()) / self.index_docs.max(1);
        Ok(MultiFacetSegment {
            parts,
            kept: Vec::new(),
            budget: self.sample.then_some(share.max(256) as usize),
            level: 0,
            matched: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<MultiFruit>) -> tantivy::Result<MultiFruit> {
        let mut all: Vec<HashMap<String, f64>> = vec![HashMap::new(); self.bys.len()];
        let (mut matched, mut read) = (0, 0);
        for (parts, m, r) in fruits {
            matched += m;
            read += r;
            for (into, part) in all.iter_mut().zip(parts) {
                for (k, v) in part {
                    *into.entry(k).or_insert(0.0) += v;
                }
            }
        }
        Ok((all, matched, read))
    }
}

impl SegmentCollector for MultiFacetSegment {
    type Fruit = MultiFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.matched += 1;
        let Some(budget) = self.budget else {
            // Exact: every match read at once, nothing buffered.
            for part in &mut self.parts {
                part.collect(doc, 0.0);
            }
            return;
        };
        if mix(doc).trailing_zeros() < self.level {
            return;
        }
        self.kept.push(doc);
        if self.kept.len() > budget {
            self.level += 1;
            let level = self.level;
            self.kept.retain(|&d| mix(d).trailing_zeros() >= level);
        }
    }

    fn harvest(mut self) -> MultiFruit {
        let read = match self.budget {
            None => self.matched,
            Some(_) => self.kept.len() as u64,
        };
        for &doc in &self.kept {
            for part in &mut self.parts {
                part.collect(doc, 0.0);
            }
        }
        // Each value's share of the sample, of all this segment's matches.
        let scale = if read > 0 {
            self.matched as f64 / read as f64
        } else {
            1.0
        };
        let parts = self
            .parts
            .into_iter()
            .map(|p| {
                let raw = SegmentCollector::harvest(p);
                raw.into_iter()
                    .map(|(k, n)| (k, n as f64 * scale))
                    .collect()
            })
            .collect();
        (parts, self.matched, read)
    }
}

/// Counts matching paragraphs per value of each of `bys`, in one pass over
/// the matches (a page that shows several facet lists would otherwise run
/// the query once per list), most first. With `sample`, only about
/// [`FACET_SAMPLE`] matches are read and the counts scaled to all of them
/// (`estimated` is then set when the matches were more); the total stays
/// exact.
pub fn facet_counts_many(
    engine: &super::Engine,
    query: Option<String>,
    filters: &super::Filters,
    bys: &[FacetBy],
    literal: bool,
    sample: bool,
) -> crate::Result<Vec<FacetResults>> {
    let q = engine.build_query(query.as_deref(), filters, literal)?;
    let counted = count(engine.searcher(), engine.executor(), &*q, bys, sample)?;
    Ok(bys
        .iter()
        .zip(counted.counts)
        .map(|(by, counts)| {
            let mut buckets = into_buckets(counts, false);
            label_buckets(*by, &mut buckets);
            FacetResults {
                query: query.clone(),
                total: counted.total,
                by: *by,
                buckets,
                more: 0,
                estimated: counted.estimated,
            }
        })
        .collect())
}

/// Counts matching paragraphs per value of `by`, exactly.
pub fn facet_counts(
    engine: &super::Engine,
    query: Option<String>,
    filters: &super::Filters,
    by: FacetBy,
    by_key: bool,
    literal: bool,
) -> crate::Result<FacetResults> {
    let q = engine.build_query(query.as_deref(), filters, literal)?;
    let counted = count(engine.searcher(), engine.executor(), &*q, &[by], false)?;
    let raw = counted.counts.into_iter().next().unwrap_or_default();
    let mut buckets = into_buckets(raw, by_key);
    label_buckets(by, &mut buckets);
    Ok(FacetResults {
        query,
        total: counted.total,
        by,
        buckets,
        more: 0,
        estimated: false,
    })
}

/// What [`count`] finds.
pub(crate) struct Counted {
    /// Per facet, the count of each value (scaled to all matches when
    /// estimated).
    pub counts: Vec<HashMap<String, u64>>,
    /// Matching documents, exact.
    pub total: u64,
    /// Whether the counts come from a sample of the matches.
    pub estimated: bool,
}

/// The values of `bys` counted over the matches of `query`, in one pass;
/// with `sample`, over about [`FACET_SAMPLE`] of them.
pub(crate) fn count(
    searcher: &tantivy::Searcher,
    executor: &tantivy::Executor,
    query: &dyn tantivy::query::Query,
    bys: &[FacetBy],
    sample: bool,
) -> tantivy::Result<Counted> {
    let collector = MultiFacetCollector {
        bys: bys.to_vec(),
        sample,
        index_docs: searcher.num_docs(),
    };
    let (raw, total, read) = searcher.search_with_executor(
        query,
        &collector,
        executor,
        EnableScoring::disabled_from_searcher(searcher),
    )?;
    let counts = raw
        .into_iter()
        .map(|counts| {
            counts
                .into_iter()
                .map(|(k, n)| (k, n.round() as u64))
                .filter(|(_, n)| *n > 0)
                .collect()
        })
        .collect();
    Ok(Counted {
        counts,
        total,
        estimated: read < total,
    })
}

/// Names the buckets whose keys are ids: entities by the gazetteer's name,
/// meeting series by their canonical name.
fn label_buckets(by: FacetBy, buckets: &mut [FacetBucket]) {
    let kind = match by {
        FacetBy::Country | FacetBy::Issuer => Some(EntityKind::Country),
        FacetBy::Instrument => Some(EntityKind::Instrument),
        FacetBy::Topic => Some(EntityKind::Topic),
        FacetBy::Group => Some(EntityKind::Group),
        FacetBy::Meeting => {
            let meetings = Meetings::builtin();
            for b in buckets.iter_mut() {
                b.label = meetings.get(&b.key).map(|s| s.name.clone());
            }
            None
        }
        _ => None,
    };
    if let Some(kind) = kind {
        let gaz = Gazetteer::builtin();
        for b in buckets.iter_mut() {
            b.label = gaz.name(kind, &b.key).map(str::to_string);
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::query::AllQuery;
    use tantivy::schema::{Schema, FAST, STRING};
    use tantivy::{doc, Index};

    use super::*;

    /// `n` documents whose countries follow short cycles (every 2nd,
    /// 5th, 100th document), the order a sample taken every n-th match
    /// would fall in step with, in two segments.
    fn searcher(n: u32) -> tantivy::Searcher {
        let mut b = Schema::builder();
        let country = b.add_text_field(crate::index::COUNTRY, STRING | FAST);
        let year = b.add_u64_field("year", FAST);
        let index = Index::create_in_ram(b.build());
        let mut w: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for i in 0..n {
            let mut d = doc!(year => 2000 + u64::from(i % 10));
            for (every, code) in [(2, "AAA"), (5, "BBB"), (100, "CCC")] {
                if i % every == 0 {
                    d.add_text(country, code);
                }
            }
            w.add_document(d).unwrap();
            if i == n / 3 {
                w.commit().unwrap();
            }
        }
        w.commit().unwrap();
        index.reader().unwrap().searcher()
    }

    fn count(searcher: &tantivy::Searcher, sample: bool) -> MultiFruit {
        let collector = MultiFacetCollector {
            bys: vec![FacetBy::Country, FacetBy::Year],
            sample,
            index_docs: searcher.num_docs(),
        };
        searcher.search(&AllQuery, &collector).unwrap()
    }

    #[test]
    fn exact_counts_read_every_match() {
        let s = searcher(3_000);
        let (counts, matched, read) = count(&s, true);
        assert_eq!((matched, read), (3_000, 3_000));
        assert_eq!(counts[0]["AAA"], 1_500.0);
        assert_eq!(counts[0]["CCC"], 30.0);
        assert_eq!(counts[1]["2003"], 300.0);
    }

    #[test]
    fn a_sample_of_many_matches_estimates_each_share() {
        let s = searcher(60_000);
        let (exact, matched, read) = count(&s, false);
        assert_eq!((matched, read), (60_000, 60_000));
        let (est, matched, read) = count(&s, true);
        assert_eq!(matched, 60_000);
        assert!(
            (4_000..=2 * FACET_SAMPLE).contains(&read),
            "read {read} of {matched}"
        );
        for (i, key) in [(0, "AAA"), (0, "BBB"), (0, "CCC"), (1, "2000"), (1, "2009")] {
            let (e, x) = (est[i][key], exact[i][key]);
            // Four standard errors of a share estimated from `read` matches.
            let p = x / 60_000.0;
            let tolerance = 4.0 * (p * (1.0 - p) / read as f64).sqrt() * 60_000.0;
            assert!(
                (e - x).abs() <= tolerance,
                "{key}: {e:.0} for {x}, ± {tolerance:.0}"
            );
        }
    }
}
