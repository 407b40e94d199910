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

/// Counts distinct values per matching document.
pub struct FacetCollector {
    by: FacetBy,
}

impl FacetCollector {
    /// A collector counting by `by`.
    pub fn new(by: FacetBy) -> FacetCollector {
        FacetCollector { by }
    }
}

/// Per-segment state.
pub struct FacetSegment {
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

impl Collector for FacetCollector {
    type Fruit = HashMap<String, u64>;
    type Child = FacetSegment;

    fn for_segment(&self, _: u32, reader: &SegmentReader) -> tantivy::Result<FacetSegment> {
        FacetSegment::new(self.by, reader)
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashMap<String, u64>>) -> tantivy::Result<Self::Fruit> {
        let mut all = HashMap::new();
        for f in fruits {
            for (k, v) in f {
                *all.entry(k).or_insert(0) += v;
            }
        }
        Ok(all)
    }
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

/// Several [`FacetCollector`]s in one pass over the matches.
pub struct MultiFacetCollector {
    bys: Vec<FacetBy>,
}

/// Per-segment state of a [`MultiFacetCollector`].
pub struct MultiFacetSegment(Vec<FacetSegment>);

impl Collector for MultiFacetCollector {
    type Fruit = Vec<HashMap<String, u64>>;
    type Child = MultiFacetSegment;

    fn for_segment(&self, _: u32, reader: &SegmentReader) -> tantivy::Result<MultiFacetSegment> {
        let parts = self
            .bys
            .iter()
            .map(|by| FacetSegment::new(*by, reader))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(MultiFacetSegment(parts))
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: Vec<HashMap<String, u64>> = vec![HashMap::new(); self.bys.len()];
        for f in fruits {
            for (into, part) in all.iter_mut().zip(f) {
                for (k, v) in part {
                    *into.entry(k).or_insert(0) += v;
                }
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for MultiFacetSegment {
    type Fruit = Vec<HashMap<String, u64>>;

    fn collect(&mut self, doc: DocId, score: Score) {
        for part in &mut self.0 {
            part.collect(doc, score);
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.0.into_iter().map(SegmentCollector::harvest).collect()
    }
}

/// Counts matching paragraphs per value of each of `bys`, in one pass over
/// the matches (a page that shows several facet lists would otherwise run
/// the query once per list), most first.
pub fn facet_counts_many(
    engine: &super::Engine,
    query: Option<String>,
    filters: &super::Filters,
    bys: &[FacetBy],
    literal: bool,
) -> crate::Result<Vec<FacetResults>> {
    let q = engine.build_query(query.as_deref(), filters, literal)?;
    let collector = MultiFacetCollector { bys: bys.to_vec() };
    let (raw, total) = engine
        .searcher()
        .search(&*q, &(collector, tantivy::collector::Count))?;
    Ok(bys
        .iter()
        .zip(raw)
        .map(|(by, counts)| {
            let mut buckets = into_buckets(counts, false);
            label_buckets(*by, &mut buckets);
            FacetResults {
                query: query.clone(),
                total: total as u64,
                by: *by,
                buckets,
                more: 0,
            }
        })
        .collect())
}

/// Counts matching paragraphs per value of `by`.
pub fn facet_counts(
    engine: &super::Engine,
    query: Option<String>,
    filters: &super::Filters,
    by: FacetBy,
    by_key: bool,
    literal: bool,
) -> crate::Result<FacetResults> {
    let q = engine.build_query(query.as_deref(), filters, literal)?;
    let (raw, total) = engine
        .searcher()
        .search(&*q, &(FacetCollector::new(by), tantivy::collector::Count))?;
    let mut buckets = into_buckets(raw, by_key);
    label_buckets(by, &mut buckets);
    Ok(FacetResults {
        query,
        total: total as u64,
        by,
        buckets,
        more: 0,
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
