//! Search: a typed [`SearchRequest`] in, [`SearchResults`] out.
//!
//! Builds the tantivy query from the parsed query text (`query`) and the
//! resolved filters (`filters`), runs it on the last commit, and computes
//! snippets only for the hits returned. Nothing here prints: `render`
//! turns results into bytes.

mod covered;
pub mod doc_types;
pub mod expand;
pub mod facets;
pub mod filters;
pub mod hint;
mod prefix;
mod proximity;
mod pruned;
pub mod query;
mod rank;
pub mod relax;
pub mod show;
mod snippet;
mod spell;
mod union;
pub mod variants;

use std::collections::HashSet;
use std::ops::Bound;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, PhrasePrefixQuery,
    PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Index, Order, Searcher, TantivyDocument, Term};

pub use facets::{facet_counts, facet_counts_many, FacetBucket, FacetBy, FacetResults};
pub use filters::{DateBound, FilterValues, Filters, MeetingFilter};
pub use show::{document_by_name, similar_ids, view_paragraph, ParagraphView};

use crate::enrich::meetings::Meetings;
use crate::error::{Error, Result, UsageError};
use crate::index::{context_term, fold_in_place, kind, read_record, Fields, IndexHandle};
use crate::model::{DocType, EntityKind, ParagraphRecord};
use covered::AlsoWords;
pub use expand::Expansion;
use proximity::ProximityQuery;
use pruned::{FieldMatch, FieldsQuery};
use query::{parse_query, Atom, Clause, ParsedQuery};
use rank::{order_ties, Rank, TieCache, TIE_MARGIN};
pub use snippet::opening;
pub use snippet::Excerpt;
use snippet::{make_snippets, Highlighter};
use union::FieldUnionQuery;

/// Weight of a match in the paragraph's own text.
const BODY_BOOST: f32 = 1.0;
/// Weight of a match in the section heading.
const HEADING_BOOST: f32 = 0.5;
/// Weight of a match only through the parent's lead-in.
const CONTEXT_BOOST: f32 = 0.3;
/// Share of the other fields' scores added to the best field's.
const FIELD_TIE_BREAKER: f32 = 0.1;
/// Extra weight when the query words stand together as a phrase.
const PHRASE_BOOST: f32 = 2.0;
/// Extra weight when they stand within a few words of each other.
const NEAR_BOOST: f32 = 1.0;
/// How far apart "near" words may be.
const NEAR_SLOP: u32 = 5;
/// Score of a paragraph that has another name of what the query named
/// (`Comprehensive Nuclear-Test-Ban Treaty` for `CTBT`): a constant below
/// what a paragraph with the typed word itself scores in its own text,
/// once per reading of the typed words however many of its names occur.
const OTHER_NAME_SCORE: f32 = 0.5;
/// Weight of the entity tag of what the query named (BM25 on the tag
/// field: more mentions, and stated rather than implied topics, rank
/// higher), small beside the typed words.
const TAG_BOOST: f32 = 0.05;
/// Score of a paragraph of the resolution the query names by number
/// (`resolution 678`, `S/RES/678`): above what any paragraph that mentions
/// it scores (a few tens), so the document named comes first, in its own
/// order (its paragraphs tie, and ties go by position).
const OWN_TEXT_SCORE: f32 = 1_000.0;
/// The meeting series id of the Security Council's documents.
const SECURITY_COUNCIL: &str = "UNSC";
/// Typed words found in at least this many paragraphs are searched as
/// typed, not expanded: their own matches fill the first pages anyway, and
/// the other names and tags would only add to the total, at the cost of
/// counting them (3× the query time for `terrorism` on the 380,000
/// paragraphs of the General Debate).
const COMMON_WORDS: u64 = 1_000;

/// Below this many estimated matches a phrase's are counted exactly: the
/// count costs little then, and an estimate from a sample of a few
/// hundred paragraphs can be a quarter off (58 for 44).
const COUNT_BELOW: usize = 2_000;

/// An estimate from fewer sampled postings holding the phrase than this
/// is about a tenth off or worse (one standard error), so the phrase's
/// matches are counted instead (a phrase whose rarest word is common).
const PRECISE_HITS: u64 = 100;

/// How results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (ties: newer first).
    #[default]
    Relevance,
    /// Newest date first.
    Newest,
    /// Oldest date first.
    Oldest,
}

/// A search to run.
#[derive(Clone, Debug, Default)]
pub struct SearchRequest {
    /// The query text, if any.
    pub query: Option<String>,
    /// Resolved filters.
    pub filters: Filters,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Order.
    pub sort: Sort,
    /// Whether to compute snippets (not needed for export-like uses).
    pub snippets: bool,
    /// Search the words only as typed: no names from the gazetteers, no
    /// spelling variants (`--literal`).
    pub literal: bool,
    /// Whether `total` may be estimated, so that a relevance search of
    /// one word or phrase can skip the matches that cannot rank (see
    /// [`pruned`]); `false` (the default for library callers, `--exact-total`
    /// on the command line) counts every match.
    pub estimate_total: bool,
    /// Query text whose matches are left out (the step before, when
    /// [`Engine::fewer_words`] leaves words out); `None` leaves none out.
    pub excluding: Option<String>,
}

/// One result.
#[derive(Clone, Debug)]
pub struct Hit {
    /// The paragraph and its document header.
    pub record: ParagraphRecord,
    /// Relevance score (`None` when ordered by date only).
    pub score: Option<f32>,
    /// Excerpt of the text around the best match.
    pub snippet: String,
    /// Byte ranges of matched words in `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// Up to three windows of the text with query words, in text order,
    /// each with its highlights (the opening alone when the match is only
    /// through the parent's lead-in).
    pub snippets: Vec<Excerpt>,
}

/// The results of a search.
#[derive(Clone, Debug)]
pub struct SearchResults {
    /// The query as given.
    pub query: Option<String>,
    /// Number of matching paragraphs (estimated when `total_is_estimate`).
    pub total: usize,
    /// Whether `total` is an estimate (a pruned search of a phrase read
    /// the positions of only some paragraphs; see [`pruned`]).
    pub total_is_estimate: bool,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// What the query's words were read as (empty with `literal`).
    pub expanded: Vec<Expansion>,
    /// Query syntax read as plain words, one message each.
    pub warnings: Vec<String>,
    /// Filler words of a question or sentence that were not required
    /// (`what`, `did`, `the`), as typed.
    pub skipped: Vec<String>,
    /// The paragraphs with fewer of the words that fill a page the whole
    /// query leaves short, when the caller asked for them
    /// ([`Engine::fewer_words`]); `search` itself leaves this empty.
    pub fewer: Vec<relax::Fewer>,
}

/// A searcher on the last commit of an index.
pub struct Engine {
    index: Index,
    fields: Fields,
    searcher: Searcher,
    /// Tie-breaking columns of `searcher`'s segments, opened lazily.
    ties: TieCache,
    /// Where passes over every match (facet counts) run: the calling
    /// thread, unless a server gave it a pool ([`Engine::with_executor`]).
    executor: tantivy::Executor,
    /// The commit's payload as read when the index was opened.
    payload: Option<crate::index::Payload>,
    /// The index folder, named in errors.
    dir: std::path::PathBuf,
}

/// One collection of ranked matches: the best ones, best first, the
/// number of matches and whether that number is an estimate.
struct Collected {
    ranked: Vec<(Rank, DocAddress)>,
    total: usize,
    estimate: bool,
}

/// The ranked matches from `collect(k)`, with `k` grown until the rank of
/// the page's last hit (the `needed`-th) is not also the rank of the last
/// one collected, or every match is in: hits of equal rank past the cut
/// would otherwise be chosen by their doc addresses, which depend on how
/// an ingest split its work, and not by the tie order (date, position,
/// path). The total is the first collection's, so an estimate stays one;
/// a tie at the cut is rare (the same paragraph in many documents), and
/// the first collection nearly always does. `collect`'s flag says whether
/// the total is wanted: only the first time, so a collection grown for a
/// tie does not count the matches again.
fn whole_ties(
    needed: usize,
    mut collect: impl FnMut(usize, bool) -> Result<Collected>,
) -> Result<Collected> {
    let mut k = needed + TIE_MARGIN;
    let mut out = collect(k, true)?;
    loop {
        let page_last = out.ranked.get(needed.max(1) - 1).map(|(r, _)| *r);
        let tied_at_cut = out.ranked.len() >= k && page_last == out.ranked.last().map(|(r, _)| *r);
        if !tied_at_cut {
            return Ok(out);
        }
        k = k.saturating_mul(4);
        out.ranked = collect(k, false)?.ranked;
    }
}

impl Engine {
    /// Opens a searcher on the index.
    pub fn open(handle: &IndexHandle) -> Result<Engine> {
        let searcher = handle.reader()?.searcher();
        Ok(Engine {
            index: handle.index.clone(),
            fields: handle.fields.clone(),
            searcher,
            ties: TieCache::default(),
            executor: tantivy::Executor::single_thread(),
            payload: handle.opened_payload().cloned(),
            dir: handle.dir.clone(),
        })
    }

    /// The payload of the commit this engine reads, as read when the
    /// index was opened (`None` when it was opened for writing).
    pub fn payload(&self) -> Option<&crate::index::Payload> {
        self.payload.as_ref()
    }

    /// The states of the corpus files this engine's commit holds, all or
    /// those under `folders` ([`crate::index::file_states_in`]): what the
    /// staleness check of a search compares, read with the searcher the
    /// search already has instead of opening the index again.
    pub fn file_states(&self, folders: Option<&[&str]>) -> Result<Vec<crate::index::FileState>> {
        crate::index::file_states_in(&self.dir, &self.fields, &self.searcher, folders)
    }

    /// This engine with passes over every match (facet counts) spread over
    /// `executor`'s threads, one index segment each: for a server, where
    /// one request's wait matters more than the sum of their work.
    pub fn with_executor(mut self, executor: tantivy::Executor) -> Engine {
        self.executor = executor;
        self
    }

    /// Where passes over every match run.
    pub fn executor(&self) -> &tantivy::Executor {
        &self.executor
    }

    /// Runs a search.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        self.check_meetings(&req.filters)?;
        let text = self.parse_text(req.query.as_deref(), &req.filters, req.literal)?;
        let (text_query, expanded, warnings, skipped) = match text {
            Some(t) => (Some(t.query), t.expanded, t.warnings, t.skipped),
            None => (None, Vec::new(), Vec::new(), Vec::new()),
        };
        let rank_by_entities = text_query.is_none();
        let mut query = self.full_query(
            text_query.as_ref().map(|q| q.box_clone()),
            &req.filters,
            rank_by_entities,
        );
        if let Some(before) =
            self.parse_text(req.excluding.as_deref(), &req.filters, req.literal)?
        {
            query = Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (Occur::MustNot, before.query),
            ]));
        }

        let limit = req.limit.max(1);
        let mut total_is_estimate = false;
        let (ranked, total): (Vec<(Rank, DocAddress)>, usize) = match req.sort {
            Sort::Relevance if text_query.is_some() && req.filters.entities.is_empty() => {
                let Collected {
                    ranked,
                    total,
                    estimate,
                } = whole_ties(req.offset + limit, |k, count| {
                    let (docs, total, estimate) =
                        self.top_by_score_counting(&*query, k, req.estimate_total, count)?;
                    let ranked = docs.into_iter().map(|(s, a)| (Rank::score(s), a)).collect();
                    Ok(Collected {
                        ranked,
                        total,
                        estimate,
                    })
                })?;
                total_is_estimate = estimate;
                (ranked, total)
            }
            Sort::Relevance => {
                // Sort key: (entity filters matched in the paragraph's own
                // text rather than only through its parent, score, date):
                // "how much it is about X, then newest".
                let Collected { ranked, total, .. } = whole_ties(req.offset + limit, |k, _| {
                    self.top_by_own_entities(&*query, &req.filters, k)
                })?;
                (ranked, total)
            }
            Sort::Newest | Sort::Oldest => {
                let order = if req.sort == Sort::Newest {
                    Order::Desc
                } else {
                    Order::Asc
                };
                // A margin past the page, then the whole date at the cut
                // (see `whole_date_group`); `whole_ties` does the same for ranks.
                let collector = TopDocs::with_limit(req.offset + limit + TIE_MARGIN)
                    .order_by_fast_field::<u64>("date_lo", order);
                let (docs, total) = self.searcher.search(&*query, &(collector, Count))?;
                let docs = self.whole_date_group(&*query, docs, req.offset + limit)?;
                let ranked = docs
                    .into_iter()
                    .map(|(date, a): (Option<u64>, DocAddress)| {
                        let date = date.unwrap_or(0);
                        let when = if order == Order::Desc {
                            date
                        } else {
                            u64::MAX - date
                        };
                        (
                            Rank {
                                when,
                                ..Rank::default()
                            },
                            a,
                        )
                    })
                    .collect();
                (ranked, total)
            }
        };
        if req.limit == 0 {
            return Ok(SearchResults {
                query: req.query.clone(),
                total,
                total_is_estimate,
                hits: Vec::new(),
                expanded,
                warnings,
                skipped,
                fewer: Vec::new(),
            });
        }
        let scored: Vec<(Option<f32>, DocAddress)> =
            order_ties(&self.searcher, &self.ties, ranked, req.sort)?
                .into_iter()
                .skip(req.offset)
                .take(limit)
                .collect();

        let hits = self.read_hits(req, text_query.as_deref(), scored)?;
        Ok(SearchResults {
            query: req.query.clone(),
            total,
            total_is_estimate,
            hits,
            expanded,
            warnings,
            skipped,
            fewer: Vec::new(),
        })
    }

    /// `docs`, the first matches of `query` by date (best first, more
    /// than `needed`), with every match of the date at the cut when that
    /// date reaches into the page's first `needed`: a date is shared by
    /// whole documents, often by thousands of paragraphs (a year-only
    /// date), and which of them the collector kept depends on their
    /// addresses, that is on how an ingest split its work between
    /// threads. With the whole group, the tie order (position, then path)
    /// decides the page, so two indexes of one corpus give the same pages.
    fn whole_date_group(
        &self,
        query: &dyn Query,
        mut docs: Vec<(Option<u64>, DocAddress)>,
        needed: usize,
    ) -> Result<Vec<(Option<u64>, DocAddress)>> {
        let (Some(page_last), Some(last)) = (docs.get(needed.max(1) - 1), docs.last()) else {
            return Ok(docs);
        };
        let boundary = page_last.0;
        if last.0 != boundary || docs.len() < needed + TIE_MARGIN {
            // The page's last date ends before the cut, or every match
            // was collected.
            return Ok(docs);
        }
        let same_date: Box<dyn Query> = match boundary {
            Some(d) => {
                let term = Term::from_field_u64(self.fields.date_lo, d);
                Box::new(RangeQuery::new(
                    Bound::Included(term.clone()),
                    Bound::Included(term),
                ))
            }
            // Undated paragraphs: those without a first day.
            None => Box::new(BooleanQuery::new(vec![
                (
                    Occur::Must,
                    Box::new(tantivy::query::AllQuery) as Box<dyn Query>,
                ),
                (
                    Occur::MustNot,
                    Box::new(tantivy::query::ExistsQuery::new(
                        "date_lo".to_string(),
                        false,
                    )),
                ),
            ])),
        };
        let group = BooleanQuery::new(vec![
            (Occur::Must, query.box_clone()),
            (Occur::Must, same_date),
        ]);
        let mut group: Vec<DocAddress> = self
            .searcher
            .search(&group, &tantivy::collector::DocSetCollector)?
            .into_iter()
            .collect();
        // Addresses in order, so that nothing below depends on the set's.
        group.sort_unstable();
        docs.retain(|(date, _)| *date != boundary);
        docs.extend(group.into_iter().map(|a| (boundary, a)));
        Ok(docs)
    }

    /// The `k` best matches of a query with entity filters, by (the
    /// filtered entities named in the paragraph's own text rather than only
    /// through its parent, score, date), and the number of matches.
    fn top_by_own_entities(
        &self,
        query: &dyn Query,
        filters: &Filters,
        k: usize,
    ) -> Result<Collected> {
        let groups = own_entity_terms(filters);
        let collector =
            TopDocs::with_limit(k).tweak_score(move |segment: &tantivy::SegmentReader| {
                let dates = segment
                    .fast_fields()
                    .u64("date_lo")
                    .map(|c| c.first_or_default_col(0))
                    .ok();
                let own = OwnMatch::for_segment(segment, &groups);
                move |doc: tantivy::DocId, score: tantivy::Score| {
                    let date = dates.as_ref().map(|d| d.get_val(doc)).unwrap_or(0);
                    // A resolution's own paragraphs (scored at
                    // `OWN_TEXT_SCORE`) are its text, whatever they name.
                    (own.matches(doc) || score >= OWN_TEXT_SCORE, score, date)
                }
            });
        let (docs, total) = self.searcher.search(query, &(collector, Count))?;
        let ranked = docs
            .into_iter()
            .map(|((own, score, when), a)| (Rank { own, score, when }, a))
            .collect();
        Ok(Collected {
            ranked,
            total,
            estimate: false,
        })
    }

    /// The `k` best matches of `query` by score alone (plain BM25 order:
    /// no per-match fast-field reads) and the number of matches, with
    /// whether that number is an estimate. With `estimate`, a query of one
    /// word or phrase skips the matches that cannot rank (see [`pruned`]):
    /// a word's matches are then counted from doc ids alone, a phrase's
    /// estimated; otherwise every match is scored and counted.
    pub fn top_by_score(&self, query: &dyn Query, k: usize, estimate: bool) -> Result<TopByScore> {
        self.top_by_score_counting(query, k, estimate, true)
    }

    /// [`Engine::top_by_score`]; without `count`, a pruned search skips
    /// its separate count and estimate and gives 0 as the total (the same
    /// hits: the collection is the same).
    fn top_by_score_counting(
        &self,
        query: &dyn Query,
        k: usize,
        estimate: bool,
        count: bool,
    ) -> Result<TopByScore> {
        let top = TopDocs::with_limit(k.max(1)).order_by_score();
        let Some(pruned) = query.downcast_ref::<FieldsQuery>().filter(|_| estimate) else {
            let (docs, total) = self.searcher.search(query, &(top, Count))?;
            return Ok((docs, total, false));
        };
        let docs = self.searcher.search(query, &top)?;
        if !count {
            return Ok((docs, 0, false));
        }
        if pruned.has_phrase() {
            let tally = pruned.tally();
            let (total, exact) = tally.estimate();
            if exact || (total >= COUNT_BELOW && tally.sample_hits() >= PRECISE_HITS) {
                return Ok((docs, total, !exact));
            }
        }
        Ok((docs, self.searcher.search(query, &Count)?, false))
    }

    /// The records of the page's hits with their snippets.
    fn read_hits(
        &self,
        req: &SearchRequest,
        text_query: Option<&dyn Query>,
        scored: Vec<(Option<f32>, DocAddress)>,
    ) -> Result<Vec<Hit>> {
        let mut snippet_gen = match (text_query, req.snippets) {
            (Some(q), true) => Some(Highlighter::for_query(&self.searcher, q, self.fields.body)?),
            _ => None,
        };
        // With filters and no query, the window around the mention of the
        // filtered entities.
        let names = crate::enrich::names::Names::builtin;
        let mention_names: Vec<&str> = match (text_query, req.snippets) {
            (None, true) => req
                .filters
                .entities
                .iter()
                .flatten()
                .filter_map(|(k, id)| names().entity(*k, id))
                .flat_map(|n| n.names.iter().map(String::as_str))
                .collect(),
            _ => Vec::new(),
        };
        let mut hits = Vec::with_capacity(scored.len());
        for (score, addr) in scored {
            let doc: TantivyDocument = self.searcher.doc(addr)?;
            let record = read_record(&self.fields, &doc)?;
            let mention = (!mention_names.is_empty())
                .then(|| snippet::mention_snippet(&record.text, &mention_names))
                .flatten();
            let ((snippet, highlights), snippets) = if !req.snippets {
                ((String::new(), Vec::new()), Vec::new())
            } else if let Some(m) = mention {
                (m.clone(), vec![m])
            } else {
                make_snippets(snippet_gen.as_mut(), &record.text)
            };
            hits.push(Hit {
                record,
                score,
                snippet,
                highlights,
                snippets,
            });
        }
        Ok(hits)
    }

    /// The whole query (text and filters) as used by `search`, for other
    /// collectors such as facet counts.
    pub fn build_query(
        &self,
        query: Option<&str>,
        filters: &Filters,
        literal: bool,
    ) -> Result<Box<dyn Query>> {
        self.check_meetings(filters)?;
        let text = self.parse_text(query, filters, literal)?.map(|t| t.query);
        let rank_by_entities = text.is_none();
        Ok(self.full_query(text, filters, rank_by_entities))
    }

    /// `query` restricted by `filters` as `search` restricts its text
    /// query (for other commands that find paragraphs their own way, such
    /// as `precedent`); `query` alone decides the score.
    pub fn filtered_query(
        &self,
        query: Box<dyn Query>,
        filters: &Filters,
    ) -> Result<Box<dyn Query>> {
        self.check_meetings(filters)?;
        Ok(self.full_query(Some(query), filters, false))
    }

    /// The index terms of a meeting name typed as words.
    fn meeting_terms(&self, value: &str) -> Vec<Term> {
        self.analyze(self.fields.meeting, value)
            .iter()
            .map(|t| Term::from_field_text(self.fields.meeting, t))
            .collect()
    }

    /// A meeting named by words that no series and no indexed meeting
    /// has is a usage error with the closest series, like an unknown
    /// country.
    fn check_meetings(&self, filters: &Filters) -> Result<()> {
        for v in filters.meetings.iter().flatten() {
            let MeetingFilter::Words(v) = v else { continue };
            let terms = self.meeting_terms(v);
            let known = !terms.is_empty()
                && terms
                    .iter()
                    .all(|t| self.searcher.doc_freq(t).is_ok_and(|n| n > 0));
            if !known {
                let similar = Meetings::builtin()
                    .suggest(v)
                    .iter()
                    .map(|s| format!("{} ({})", s.id, s.name))
                    .collect();
                return Err(UsageError::UnknownMeeting {
                    value: v.clone(),
                    similar,
                }
                .into());
            }
        }
        Ok(())
    }

    /// The text part of a query, `None` when there is no query text.
    fn parse_text(
        &self,
        query: Option<&str>,
        filters: &Filters,
        literal: bool,
    ) -> Result<Option<TextPart>> {
        match query.map(str::trim) {
            Some(q) if !q.is_empty() => {
                let parsed = parse_query(q)?;
                // `AND`, `""`: typed, but nothing to search (not the whole
                // index, which a search with no query lists).
                if parsed.clauses.is_empty() {
                    return Err(UsageError::NoSearchableWords(q.to_string()).into());
                }
                let (parsed, mut expanded) = if literal {
                    (parsed, Vec::new())
                } else {
                    expand::read_query(parsed)
                };
                expanded.retain(|e| self.rarest_doc_freq(&e.from) < COMMON_WORDS);
                // The text drives the search on its own only when it is a
                // single required clause and nothing filters it.
                let alone = filters.is_empty()
                    && parsed
                        .clauses
                        .iter()
                        .filter(|c| !matches!(c, Clause::Exclude(_)))
                        .count()
                        == 1;
                let skipped = if literal {
                    Vec::new()
                } else {
                    let named: Vec<_> = expanded.iter().map(|e| e.clauses.clone()).collect();
                    parsed.fillers(&named)
                };
                let plan = Plan {
                    expanded: &expanded,
                    literal,
                    skipped: &skipped,
                };
                let query = self.text_query(&parsed, q, !alone, &plan)?;
                let skipped: Vec<String> =
                    skipped.iter().map(|&i| parsed.clauses[i].typed()).collect();
                let mut parsed = parsed;
                if skipped.iter().any(|w| w == "or") {
                    parsed.warnings.push(
                        "`or` in lower case is a word, not required; type `OR` for either word"
                            .to_string(),
                    );
                }
                Ok(Some(TextPart {
                    query,
                    warnings: parsed.warnings,
                    expanded,
                    skipped,
                }))
            }
            _ => Ok(None),
        }
    }

    /// All paragraphs of one source file, in document order.
    pub fn document(&self, source: &str) -> Result<Vec<ParagraphRecord>> {
        let addrs = self.source_addresses(source)?;
        let mut records = Vec::with_capacity(addrs.len());
        for a in addrs {
            records.push(read_record(&self.fields, &self.searcher.doc(a)?)?);
        }
        records.sort_by_key(|r| r.ordinal);
        Ok(records)
    }

    /// Where the paragraphs of one source file are stored, in no order.
    fn source_addresses(&self, source: &str) -> Result<HashSet<DocAddress>> {
        let q = BooleanQuery::new(vec![
            (Occur::Must, self.kind_query()),
            (Occur::Must, self.source_query(source)),
        ]);
        Ok(self
            .searcher
            .search(&q, &tantivy::collector::DocSetCollector)?)
    }

    /// The documents of one source file (paragraphs and its state).
    fn source_query(&self, source: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(self.fields.source, source),
            IndexRecordOption::Basic,
        ))
    }

    /// The paragraph with this id, if indexed.
    ///
    /// Paragraph ids (`source#label`) are not indexed terms: a term of its
    /// own for every paragraph was about 2 % of an ingest's CPU
    /// (benches/PROFILE.md, eleventh round). The lookup goes through the
    /// paragraphs of the source instead, trying each `#` from the right
    /// (a label has none; a file name may), and parses only the stored
    /// record whose id matches.
    pub fn paragraph(&self, id: &str) -> Result<Option<ParagraphRecord>> {
        match self.paragraph_address(id)? {
            Some(a) => Ok(Some(read_record(&self.fields, &self.searcher.doc(a)?)?)),
            None => Ok(None),
        }
    }

    /// Where the paragraph with this id is stored, if indexed (see
    /// [`Engine::paragraph`]).
    fn paragraph_address(&self, id: &str) -> Result<Option<DocAddress>> {
        let prefix = crate::index::record_prefix(id);
        for (at, _) in id.match_indices('#').rev() {
            for a in self.source_addresses(&id[..at])? {
                let doc: TantivyDocument = self.searcher.doc(a)?;
                let stored = doc.get_first(self.fields.record).and_then(|v| v.as_str());
                if stored.is_some_and(|json| json.starts_with(&prefix)) {
                    return Ok(Some(a));
                }
            }
        }
        // The file's name without its folder, when one file has it.
        for (at, _) in id.match_indices('#').rev() {
            if let [full] = &self.sources_named(&id[..at])?[..] {
                return self.paragraph_address(&format!("{full}{}", &id[at..]));
            }
        }
        Ok(None)
    }

    /// The indexed files whose name without folder is `name`
    /// (`S_RES_0687_1991_EN_GOLD.txt` for
    /// `unsc-resolutions/S_RES_0687_1991_EN_GOLD.txt`); empty when `name`
    /// has a folder itself. Reads every source's name: for a missed
    /// lookup only.
    pub fn sources_named(&self, name: &str) -> Result<Vec<String>> {
        if name.is_empty() || name.contains('/') {
            return Ok(Vec::new());
        }
        let mut found = self.sources()?;
        found.retain(|s| s.rsplit_once('/').is_some_and(|(_, file)| file == name));
        Ok(found)
    }

    /// A query that matches only this paragraph: its file's `source` term
    /// and its position, for leaving it out of a search (paragraph ids are
    /// not indexed terms).
    pub fn paragraph_query(&self, record: &ParagraphRecord) -> Box<dyn Query> {
        let at = Term::from_field_u64(self.fields.ordinal, u64::from(record.ordinal));
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, self.source_query(&record.source)),
            (
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Included(at.clone()),
                    Bound::Included(at),
                )),
            ),
        ]))
    }

    /// Every paragraph, in corpus order (by source path, then ordinal),
    /// passed to `each` one at a time so memory stays flat.
    pub fn for_each_paragraph(
        &self,
        mut each: impl FnMut(ParagraphRecord) -> Result<()>,
    ) -> Result<()> {
        // Sources sorted, then each document in order: corpus order.
        for source in self.sources()? {
            for r in self.document(&source)? {
                each(r)?;
            }
        }
        Ok(())
    }

    /// Every indexed source path, sorted (from the fast column: no stored
    /// document is read).
    pub fn sources(&self) -> Result<Vec<String>> {
        let mut sources: Vec<String> = Vec::new();
        for reader in self.searcher.segment_readers() {
            if let Some(col) = reader.fast_fields().str("source")? {
                let mut s = String::new();
                let mut stream = col
                    .dictionary()
                    .stream()
                    .map_err(|e| Error::Corrupt(e.to_string()))?;
                while stream.advance() {
                    s.clear();
                    s.push_str(&String::from_utf8_lossy(stream.key()));
                    sources.push(s.clone());
                }
            }
        }
        sources.sort();
        sources.dedup();
        Ok(sources)
    }

    /// The searcher, for facet and statistics collectors.
    pub fn searcher(&self) -> &Searcher {
        &self.searcher
    }

    /// Field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    fn kind_query(&self) -> Box<dyn Query> {
        Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.kind, kind::PARA),
                IndexRecordOption::Basic,
            )),
            0.0,
        ))
    }

    /// The query for the text part, without filters.
    /// `probed`: the query will be intersected with other clauses, so its
    /// unions must seek well (see [`union`]); otherwise it drives the
    /// search alone and tantivy's buffered unions scan faster.
    fn text_query(
        &self,
        parsed: &ParsedQuery,
        raw: &str,
        probed: bool,
        plan: &Plan,
    ) -> Result<Box<dyn Query>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut any_positive = false;
        let mut i = 0;
        while i < parsed.clauses.len() {
            let here: Vec<&Expansion> = plan
                .expanded
                .iter()
                .filter(|e| e.clauses.start == i && e.atom.is_none())
                .collect();
            if let Some(first) = here.first() {
                let range = first.clauses.clone();
                // A subject typed beside the name: the name may be the
                // body that spoke (`G7 Ukraine`).
                let beside = typed_beside(parsed, &range, plan);
                let words = &parsed.clauses[range.clone()];
                let q = self.concept_query(words, &here, (probed, beside), plan)?;
                if let Some(q) = q {
                    any_positive = true;
                    clauses.push((Occur::Must, q));
                }
                i = range.end.max(i + 1);
                continue;
            }
            if plan.skipped.contains(&i) {
                i += 1;
                continue;
            }
            if let Some((len, q)) = self.type_or_words(parsed, i, probed, plan)? {
                any_positive = true;
                clauses.push((Occur::Must, q));
                i += len;
                continue;
            }
            if let Some(q) = self.joined_pair(parsed, i, probed, plan)? {
                any_positive = true;
                clauses.push((Occur::Must, q));
                i += 2;
                continue;
            }
            match &parsed.clauses[i] {
                Clause::AnyOf(atoms) if plan.expanded.iter().any(|e| e.clauses.start == i) => {
                    if let Some(q) = self.either_read(parsed, i, atoms, probed, plan)? {
                        any_positive = true;
                        clauses.push((Occur::Must, q));
                    }
                }
                Clause::AnyOf(atoms) => {
                    if let Some(q) = self.any_of_query(atoms, probed, plan)? {
                        any_positive = true;
                        clauses.push((Occur::Must, q));
                    }
                }
                Clause::Exclude(atom) => {
                    if let Some(q) = self.excluded(atom, plan)? {
                        clauses.push((Occur::MustNot, q));
                    }
                }
            }
            i += 1;
        }
        if !parsed.has_positive() {
            // Only exclusions: everything else matches.
            clauses.push((Occur::Must, self.kind_query()));
        } else if !any_positive {
            return Err(UsageError::NoSearchableWords(raw.to_string()).into());
        }
        // Proximity: the plain words standing together rank higher.
        let words = parsed.positive_words_but(plan.skipped);
        if words.len() >= 2 {
            let tokens: Vec<String> = words
                .iter()
                .flat_map(|w| self.analyze(self.fields.body, w))
                .collect();
            if tokens.len() >= 2 {
                let terms: Vec<Term> = tokens
                    .iter()
                    .map(|t| Term::from_field_text(self.fields.body, t))
                    .collect();
                // Exact and near in one optional clause that reads the
                // words' positions once per paragraph (see [`proximity`]).
                let together = ProximityQuery::new(terms, NEAR_SLOP, PHRASE_BOOST, NEAR_BOOST);
                clauses.push((Occur::Should, Box::new(together)));
            }
        }
        Ok(all_of(clauses))
    }

    /// What an excluded word or phrase would find typed alone: its other
    /// spellings and forms, the names it stands for, and sub-items under
    /// a lead-in that names it (`Demands that Iraq:`). `-X` removes all of
    /// it, as FTS5 and Elasticsearch do, so `Iraq -Iraq` finds nothing and
    /// `Cyprus -UNFICYP` none of the Force in Cyprus; `--literal` removes
    /// the word as written.
    fn excluded(&self, atom: &Atom, plan: &Plan) -> Result<Option<Box<dyn Query>>> {
        if plan.literal {
            return self.atom_query(atom, true, true);
        }
        let typed = Clause::AnyOf(vec![atom.clone()]).typed();
        // Read again as typed alone, it must be the same one atom (`--since`
        // pasted into a query is the word `-since` excluded).
        let (alone, mut expanded) = match parse_query(&typed) {
            Ok(parsed) if parsed.clauses == [Clause::AnyOf(vec![atom.clone()])] => {
                expand::read_query(parsed)
            }
            _ => return self.atom_query(atom, true, true),
        };
        expanded.retain(|e| self.rarest_doc_freq(&e.from) < COMMON_WORDS);
        let read = Plan {
            expanded: &expanded,
            literal: false,
            skipped: &[],
        };
        match self.text_query(&alone, &typed, true, &read) {
            Ok(q) => Ok(Some(q)),
            Err(Error::Usage(_)) => self.atom_query(atom, true, true),
            Err(e) => Err(e),
        }
    }

    /// Words at clause `i` that name a document type beside other words
    /// (`Quad joint statement`; see [`doc_types`]): the words, or any
    /// paragraph of a document of the type, which scores as another name
    /// of what was typed does. `None` when the words name no type, stand
    /// alone, or the search is literal.
    fn type_or_words(
        &self,
        parsed: &ParsedQuery,
        i: usize,
        probed: bool,
        plan: &Plan,
    ) -> Result<Option<(usize, Box<dyn Query>)>> {
        if plan.literal {
            return Ok(None);
        }
        let Some((len, doc_type)) = doc_types::type_words(parsed, i) else {
            return Ok(None);
        };
        let range = i..i + len;
        if !typed_beside(parsed, &range, plan) {
            return Ok(None);
        }
        let typed: Vec<String> = range.clone().map(|j| parsed.clauses[j].typed()).collect();
        let mut alternatives = Vec::new();
        alternatives.extend(self.atom_query(&Atom::Phrase(typed.join(" ")), true, probed)?);
        let of_type = TermQuery::new(
            Term::from_field_text(self.fields.doc_type, doc_type.as_str()),
            IndexRecordOption::Basic,
        );
        alternatives.push(Box::new(ConstScoreQuery::new(
            Box::new(of_type),
            OTHER_NAME_SCORE,
        )));
        Ok(union(alternatives, probed).map(|q| (len, q)))
    }

    /// Two typed words at clause `i` that are also written as one (`cyber
    /// attacks`, `counter terrorism`, `non proliferation`; see
    /// [`variants::joined`]): both words, or the joined word where the
    /// index has it. `None` when the words are no such pair, are read as a
    /// name, or the search is literal.
    fn joined_pair(
        &self,
        parsed: &ParsedQuery,
        i: usize,
        probed: bool,
        plan: &Plan,
    ) -> Result<Option<Box<dyn Query>>> {
        let (Some(Clause::AnyOf(a)), Some(Clause::AnyOf(b))) =
            (parsed.clauses.get(i), parsed.clauses.get(i + 1))
        else {
            return Ok(None);
        };
        let ([Atom::Word(first)], [Atom::Word(second)]) = (a.as_slice(), b.as_slice()) else {
            return Ok(None);
        };
        let named = plan.expanded.iter().any(|e| e.clauses.contains(&(i + 1)));
        let Some(one) = variants::joined(first, second).filter(|_| !plan.literal && !named) else {
            return Ok(None);
        };
        if !self.all_indexed(&one) {
            return Ok(None);
        }
        let (Some(x), Some(y)) = (
            self.any_of_query(a, probed, plan)?,
            self.any_of_query(b, probed, plan)?,
        ) else {
            return Ok(None);
        };
        let both: Box<dyn Query> =
            Box::new(BooleanQuery::new(vec![(Occur::Must, x), (Occur::Must, y)]));
        let mut alternatives = vec![both];
        alternatives.extend(self.atom_query(&Atom::Word(one), true, probed)?);
        Ok(union(alternatives, probed))
    }

    /// The words joined by `OR` at clause `i`, each read as it would be
    /// alone ([`expand::read_query`]): a word that names something is
    /// searched as [`Engine::concept_query`] searches it, the others with
    /// their spelling variants.
    fn either_read(
        &self,
        parsed: &ParsedQuery,
        i: usize,
        atoms: &[Atom],
        probed: bool,
        plan: &Plan,
    ) -> Result<Option<Box<dyn Query>>> {
        let beside = typed_beside(parsed, &(i..i + 1), plan);
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        for (k, atom) in atoms.iter().enumerate() {
            let read: Vec<&Expansion> = plan
                .expanded
                .iter()
                .filter(|e| e.clauses.start == i && e.atom == Some(k))
                .collect();
            let alone = std::slice::from_ref(atom);
            let q = match read.is_empty() {
                true => self.any_of_query(alone, probed, plan)?,
                false => {
                    let words = [Clause::AnyOf(alone.to_vec())];
                    self.concept_query(&words, &read, (probed, beside), plan)?
                }
            };
            alternatives.extend(q);
        }
        Ok(union(alternatives, probed))
    }

    /// Any of `atoms` (one atom: that atom), each with its spelling
    /// variants unless the search is literal.
    fn any_of_query(
        &self,
        atoms: &[Atom],
        probed: bool,
        plan: &Plan,
    ) -> Result<Option<Box<dyn Query>>> {
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        for atom in atoms {
            alternatives.extend(self.atom_query(atom, true, probed)?);
            if plan.literal {
                continue;
            }
            if let Atom::Phrase(p) = atom {
                for v in self.phrase_variants(p) {
                    alternatives.extend(self.atom_query(&Atom::Phrase(v), true, probed)?);
                }
            }
            if let Atom::Word(w) = atom {
                if let Some(year) = typed_year(w) {
                    // `Congo 1960`, `apartheid 1977`: a year typed beside a
                    // subject asks for that year's documents as much as for
                    // the figure in the text (mostly a cited resolution's
                    // `(1977)`).
                    let term = Term::from_field_u64(self.fields.year, year);
                    let q = TermQuery::new(term, IndexRecordOption::Basic);
                    alternatives.push(Box::new(ConstScoreQuery::new(
                        Box::new(q),
                        OTHER_NAME_SCORE,
                    )));
                }
                let mut found = variants::spelling_variants(w);
                if !self.all_indexed(w) {
                    found.extend(self.split_word(w));
                }
                for v in found {
                    if self.all_indexed(&v) {
                        let v = if v.contains(' ') {
                            Atom::Phrase(v)
                        } else {
                            Atom::Word(v)
                        };
                        alternatives.extend(self.atom_query(&v, true, probed)?);
                    }
                }
            }
        }
        Ok(union(alternatives, probed))
    }

    /// Typed words read as a name (see [`expand`]): the words as typed
    /// (all required, as without expansion), or any other name of the
    /// same thing as a phrase, or a paragraph tagged with it. Other names
    /// and tags score a constant below what the typed words score, so
    /// paragraphs that contain the words themselves come first.
    fn concept_query(
        &self,
        words: &[Clause],
        expansions: &[&Expansion],
        (probed, beside): (bool, bool),
        plan: &Plan,
    ) -> Result<Option<Box<dyn Query>>> {
        let mut typed: Vec<Box<dyn Query>> = Vec::new();
        for clause in words {
            if let Clause::AnyOf(atoms) = clause {
                // `US`, `WHO` typed in capitals are the name, not the
                // pronoun the lower-cased index holds: the reading's other
                // names and tag find them.
                if let [Atom::Word(w)] = &atoms[..] {
                    if is_capital_function_word(w) {
                        continue;
                    }
                }
                typed.extend(self.any_of_query(atoms, probed, plan)?);
            }
        }
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        let typed: Option<Box<dyn Query>> = match typed.len() {
            0 => None,
            1 => typed.pop(),
            _ => Some(Box::new(BooleanQuery::new(
                typed.into_iter().map(|q| (Occur::Must, q)).collect(),
            ))),
        };
        // Typed words that are a country's name (`Republic of Korea`,
        // `Guinea`, `Korea` read as the ROK) match inside another's longer
        // name too (`Papua New Guinea`, `North Korea`).
        let typed_in_longer = expansions.iter().find_map(|e| {
            let id = country_reading(e)?;
            let within = crate::enrich::countries_named_within(id, &[e.from.as_str()]);
            (!within.is_empty()).then_some((id, within))
        });
        alternatives.extend(typed.map(|q| match &typed_in_longer {
            Some((id, within)) => self.not_only_within(q, id, within),
            None => q,
        }));
        for e in expansions {
            // Names another name of the reading covers match nothing more
            // (see [`covered`]): searched are the others.
            // `WHO` as another name of `World Health Organization` would
            // find every `who` of the lower-cased index (242 paragraphs of
            // ../shared/data/real where 44 name the organisation).
            let (searched, covered) = covered::split(
                e.to.iter()
                    .filter(|name| !is_capital_function_word(name))
                    .map(|name| (name, self.analyze(self.fields.body, name)))
                    .filter(|(_, tokens)| self.tokens_indexed(tokens))
                    .collect(),
            );
            let mut names: Vec<Box<dyn Query>> = Vec::new();
            for name in searched {
                names.extend(self.atom_query(&Atom::Phrase(name.clone()), true, probed)?);
            }
            let mut also: Vec<Box<dyn Query>> = Vec::new();
            for name in covered {
                also.extend(self.atom_query(&Atom::Phrase(name.clone()), true, probed)?);
            }
            // One constant for the reading, however many of its names a
            // paragraph has: summed per name, a paragraph dense in a broad
            // topic's words (`nuclear`, `atomic`, `fissile material` for
            // the nuclear reading of `NWFZ`) outranked the ones that name
            // the zone itself.
            if let Some(mut q) = union(names, probed) {
                if let Some(id) = country_reading(e) {
                    let names: Vec<&str> = e.to.iter().map(String::as_str).collect();
                    let within = crate::enrich::countries_named_within(id, &names);
                    if !within.is_empty() {
                        q = self.not_only_within(q, id, &within);
                    }
                }
                let q = Box::new(ConstScoreQuery::new(q, OTHER_NAME_SCORE));
                alternatives.push(if also.is_empty() {
                    q
                } else {
                    Box::new(AlsoWords::new(q, also))
                });
            }
            if let Some(q) = e
                .entity
                .as_ref()
                .and_then(|(k, id)| self.resolution_itself(*k, id))
            {
                alternatives.push(Box::new(ConstScoreQuery::new(q, OWN_TEXT_SCORE)));
            }
            // Only beside a subject: the series' table costs milliseconds.
            if let Some(q) = beside.then(|| self.meeting_named(e)).flatten() {
                alternatives.push(Box::new(ConstScoreQuery::new(q, OTHER_NAME_SCORE)));
            }
            if let Some((kind, id)) = &e.entity {
                let own = TermQuery::new(
                    Term::from_field_text(self.fields.entity(*kind), id),
                    IndexRecordOption::WithFreqs,
                );
                alternatives.push(Box::new(BoostQuery::new(Box::new(own), TAG_BOOST)));
                let ctx = TermQuery::new(
                    Term::from_field_text(self.fields.context_entity, &context_term(*kind, id)),
                    IndexRecordOption::Basic,
                );
                alternatives.push(Box::new(ConstScoreQuery::new(Box::new(ctx), 0.0)));
            }
        }
        Ok(union(alternatives, probed))
    }

    /// The paragraphs of the meetings a typed group or concept is also the
    /// name of (`G7 Ukraine`, `UNSC Iraq`, `ASEAN Myanmar`): a communiqué
    /// names its own body in few of its paragraphs, and the body and the
    /// subject is how people ask for what it said (`G7 Ukraine` found 52
    /// paragraphs of ../shared/data/real where `Ukraine --meeting G7` finds
    /// 161). Countries, instruments and topics are no meetings; the name
    /// typed alone (`G7`) keeps to the paragraphs that name it.
    fn meeting_named(&self, e: &Expansion) -> Option<Box<dyn Query>> {
        if matches!(
            e.entity,
            Some((
                EntityKind::Country | EntityKind::Instrument | EntityKind::Topic,
                _
            ))
        ) {
            return None;
        }
        let series = Meetings::builtin().resolve(&e.from);
        let terms: Vec<Box<dyn Query>> = series
            .iter()
            .map(|s| {
                let term = Term::from_field_text(self.fields.meeting_key, &s.id);
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>
            })
            .collect();
        match terms.len() {
            0 => None,
            1 => terms.into_iter().next(),
            _ => Some(Box::new(BooleanQuery::new(
                terms.into_iter().map(|q| (Occur::Should, q)).collect(),
            ))),
        }
    }

    /// `q` without the paragraphs that name only another country whose
    /// longer name holds the words (`Democratic People's Republic of
    /// Korea` for `Republic of Korea`): tagged with one of `within` and not
    /// with `id`. The tagger tells the two apart; a phrase cannot.
    fn not_only_within(&self, q: Box<dyn Query>, id: &str, within: &[&str]) -> Box<dyn Query> {
        let field = self.fields.entity(EntityKind::Country);
        let tag = |code: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, code),
                IndexRecordOption::Basic,
            ))
        };
        let other = BooleanQuery::new(within.iter().map(|c| (Occur::Should, tag(c))).collect());
        let only_other = BooleanQuery::new(vec![
            (Occur::Must, Box::new(other) as Box<dyn Query>),
            (Occur::MustNot, tag(id)),
        ]);
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, q),
            (Occur::MustNot, Box::new(only_other)),
        ]))
    }

    /// The paragraphs of a Security Council resolution itself, for a
    /// reading of the query as that resolution (`UNSCR-678`): the
    /// Council's resolutions whose title says `Resolution 678` (not a
    /// press release of its adoption, which ranks by its words). Its own text
    /// rarely names it, so without this `resolution 678` found only the
    /// resolutions that recall it. `None` for any other entity.
    fn resolution_itself(&self, kind: EntityKind, id: &str) -> Option<Box<dyn Query>> {
        let number = id.strip_prefix("UNSCR-")?;
        if kind != EntityKind::Instrument
            || number.is_empty()
            || !number.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let words = self.meeting_terms(&format!("resolution {number}"));
        if words.len() < 2 {
            return None;
        }
        let title = PhraseQuery::new(words);
        let council = TermQuery::new(
            Term::from_field_text(self.fields.meeting_key, SECURITY_COUNCIL),
            IndexRecordOption::Basic,
        );
        let resolution = TermQuery::new(
            Term::from_field_text(self.fields.doc_type, DocType::Resolution.as_str()),
            IndexRecordOption::Basic,
        );
        Some(Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(title) as Box<dyn Query>),
            (Occur::Must, Box::new(council)),
            (Occur::Must, Box::new(resolution)),
        ])))
    }

    /// In how many paragraphs the rarest word of `text` occurs.
    fn rarest_doc_freq(&self, text: &str) -> u64 {
        self.analyze(self.fields.body, text)
            .iter()
            .map(|t| {
                self.searcher
                    .doc_freq(&Term::from_field_text(self.fields.body, t))
                    .unwrap_or(0)
            })
            .min()
            .unwrap_or(0)
    }

    /// A quoted phrase with one word spelt another way, the words the
    /// same (`"peacekeeping force"` is also `"peace-keeping force"`,
    /// `"defence cooperation"` `"defense cooperation"`): what a word
    /// typed alone would also find, kept within the quotes. At most
    /// [`MAX_PHRASE_VARIANTS`], each with every word in the index.
    fn phrase_variants(&self, phrase: &str) -> Vec<String> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let mut out = Vec::new();
        for (k, w) in words.iter().enumerate() {
            if !w.chars().all(|c| c.is_alphabetic() || c == '-') {
                continue;
            }
            let word_freq = std::cell::OnceCell::new();
            for v in variants::spelling_variants(w) {
                if out.len() == MAX_PHRASE_VARIANTS {
                    return out;
                }
                // A split that hyphenation left in the texts (`de-
                // velopment`: `velop` is in a few of them) is no spelling
                // of the word: the split's rarer part must be at least a
                // hundredth as common as the word.
                let split_kept = !v.contains(' ')
                    || self.rarest_doc_freq(&v) * 100
                        >= *word_freq.get_or_init(|| self.rarest_doc_freq(w));
                if split_kept && self.all_indexed(&v) {
                    let mut alt: Vec<&str> = words.clone();
                    alt[k] = &v;
                    out.push(alt.join(" "));
                }
            }
        }
        out
    }

    /// A word no paragraph has, written solid for what the documents
    /// write as two (`decisionmaking`, `followup`, `longterm`,
    /// `socioeconomic`, `ecommerce`): the split whose two words are both
    /// in the paragraph texts, the commoner the rarer of them the better
    /// (searched as a phrase, it matches only where they stand together).
    fn split_word(&self, word: &str) -> Option<String> {
        let df = |t: &str| self.rarest_doc_freq(t);
        variants::splits(word)
            .into_iter()
            .map(|(a, b)| (df(a).min(df(b)), a, b))
            .filter(|(n, _, _)| *n > 0)
            .max_by_key(|(n, _, _)| *n)
            .map(|(_, a, b)| format!("{a} {b}"))
    }

    /// Whether every word of `text` is in the paragraph texts (a variant or
    /// name that is not cannot match, so it is not searched).
    fn all_indexed(&self, text: &str) -> bool {
        self.tokens_indexed(&self.analyze(self.fields.body, text))
    }

    /// Whether there are `tokens` (of the paragraph texts' analyser) and
    /// every one is in the paragraph texts.
    fn tokens_indexed(&self, tokens: &[String]) -> bool {
        !tokens.is_empty()
            && tokens.iter().all(|t| {
                self.searcher
                    .doc_freq(&Term::from_field_text(self.fields.body, t))
                    .is_ok_and(|n| n > 0)
            })
    }

    /// One word, phrase or prefix across the text fields. Positive atoms
    /// search body, heading and context (with decreasing weight);
    /// exclusions only the paragraph's own text and heading.
    fn atom_query(
        &self,
        atom: &Atom,
        positive: bool,
        probed: bool,
    ) -> Result<Option<Box<dyn Query>>> {
        let mut fields = vec![
            (self.fields.body, BODY_BOOST),
            (self.fields.heading, HEADING_BOOST),
        ];
        if positive {
            fields.push((self.fields.context, CONTEXT_BOOST));
        }
        let mut per_field: Vec<Box<dyn Query>> = Vec::new();
        // Alone, a word or phrase is searched so that top-k search can
        // skip what cannot rank (see [`pruned`]); same scores.
        let mut matches: Vec<(FieldMatch, f32)> = Vec::new();
        for (field, boost) in fields {
            let q: Box<dyn Query> = match atom {
                Atom::Prefix(p) => self.prefix_query(field, p)?,
                Atom::Word(text) | Atom::Phrase(text) => {
                    let tokens = self.analyze(field, text);
                    let terms: Vec<Term> = tokens
                        .iter()
                        .map(|t| Term::from_field_text(field, t))
                        .collect();
                    match terms.len() {
                        0 => {}
                        1 => matches.push((FieldMatch::Term(terms[0].clone()), boost)),
                        _ => matches.push((FieldMatch::Phrase(terms), boost)),
                    }
                    match tokens.len() {
                        0 => continue,
                        1 => Box::new(TermQuery::new(
                            Term::from_field_text(field, &tokens[0]),
                            IndexRecordOption::WithFreqs,
                        )),
                        _ => Box::new(PhraseQuery::new(
                            tokens
                                .iter()
                                .map(|t| Term::from_field_text(field, t))
                                .collect(),
                        )),
                    }
                }
            };
            per_field.push(Box::new(BoostQuery::new(q, boost)));
        }
        if per_field.is_empty() {
            return Ok(None);
        }
        Ok(Some(if probed {
            Box::new(FieldUnionQuery::new(per_field, FIELD_TIE_BREAKER))
        } else if matches.len() == per_field.len() {
            Box::new(FieldsQuery::new(matches, FIELD_TIE_BREAKER))
        } else {
            Box::new(DisjunctionMaxQuery::with_tie_breaker(
                per_field,
                FIELD_TIE_BREAKER,
            ))
        }))
    }

    /// A typed prefix (`nucl*`) in one field: the indexed words it begins,
    /// and, where it starts with a word that English also writes apart
    /// (`peacekeep*`, `counterterror*`), the phrase of that word and a word
    /// beginning with the rest (`peace-keeping`, `counter-terrorism`, which
    /// the index holds as two words each).
    fn prefix_query(&self, field: Field, typed: &str) -> Result<Box<dyn Query>> {
        let mut p: String = typed
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        fold_in_place(&mut p);
        let mut terms = prefix::prefix_terms(&self.searcher, field, &p)?;
        // A whole word with a star (`organization*`): its stem
        // (`organ`) is shorter than what the prefix scan reads.
        if let [stem] = &self.analyze(field, &p)[..] {
            let term = Term::from_field_text(field, stem);
            if !terms.contains(stem) && self.searcher.doc_freq(&term)? > 0 {
                terms.push(stem.clone());
            }
        }
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .map(|t| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(field, t),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, q)
            })
            .collect();
        if let Some((first, rest)) = variants::prefix_split(&p) {
            if let [first] = &self.analyze(field, first)[..] {
                let words = vec![
                    Term::from_field_text(field, first),
                    Term::from_field_text(field, rest),
                ];
                alternatives.push((Occur::Should, Box::new(PhrasePrefixQuery::new(words))));
            }
        }
        // No word begins so: the prefix matches nothing, as a word no
        // paragraph holds does (not a query without words).
        Ok(match alternatives.is_empty() {
            true => Box::new(tantivy::query::EmptyQuery),
            false => Box::new(BooleanQuery::new(alternatives)),
        })
    }

    /// The tokens the index's analyser makes of `text` for `field`.
    fn analyze(&self, field: Field, text: &str) -> Vec<String> {
        let Ok(mut analyzer) = self.index.tokenizer_for_field(field) else {
            return Vec::new();
        };
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(tok) = stream.next() {
            out.push(tok.text.clone());
        }
        out
    }

    /// One entity filter group (`--country JPN,KOR`): a paragraph that
    /// names any of them, or stands under a parent that does, or is the
    /// text of the resolution named. Ranked by the mentions when the
    /// filters rank (`rank_by_entities`).
    fn entity_group(
        &self,
        group: &[(EntityKind, String)],
        rank_by_entities: bool,
    ) -> Box<dyn Query> {
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (k, id) in group {
            let own = TermQuery::new(
                Term::from_field_text(self.fields.entity(*k), id),
                IndexRecordOption::WithFreqs,
            );
            let own: Box<dyn Query> = if rank_by_entities {
                Box::new(own)
            } else {
                Box::new(ConstScoreQuery::new(Box::new(own), 0.0))
            };
            let ctx = TermQuery::new(
                Term::from_field_text(self.fields.context_entity, &context_term(*k, id)),
                IndexRecordOption::Basic,
            );
            alternatives.push((Occur::Should, own));
            alternatives.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(Box::new(ctx), 0.0)),
            ));
            // A resolution's own paragraphs never cite it by number,
            // yet they are what `--instrument "resolution 242"` asks
            // for first.
            if let Some(q) = self.resolution_itself(*k, id) {
                let score = if rank_by_entities {
                    OWN_TEXT_SCORE
                } else {
                    0.0
                };
                alternatives.push((Occur::Should, Box::new(ConstScoreQuery::new(q, score))));
            }
        }
        Box::new(BooleanQuery::new(alternatives))
    }

    /// Text query (if any) AND filters AND kind:para.
    fn full_query(
        &self,
        text: Option<Box<dyn Query>>,
        filters: &Filters,
        rank_by_entities: bool,
    ) -> Box<dyn Query> {
        // Only paragraph documents carry text, entity, meeting, type,
        // issuer and date terms, so `kind:para` is needed only when nothing
        // else is asked (a text query of exclusions only adds it itself).
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if text.is_none() && filters.is_empty() {
            clauses.push((Occur::Must, self.kind_query()));
        }
        if let Some(t) = text {
            clauses.push((Occur::Must, t));
        }
        for group in &filters.entities {
            clauses.push((Occur::Must, self.entity_group(group, rank_by_entities)));
        }
        for group in &filters.meetings {
            let alternatives = group
                .iter()
                .filter_map(|v| {
                    let v = match v {
                        MeetingFilter::Series(id) => {
                            let term = Term::from_field_text(self.fields.meeting_key, id);
                            let q: Box<dyn Query> =
                                Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                            return Some(q);
                        }
                        MeetingFilter::Words(v) => v,
                    };
                    let terms: Vec<Term> = self.meeting_terms(v);
                    let q: Box<dyn Query> = match terms.len() {
                        0 => return None,
                        1 => Box::new(TermQuery::new(terms[0].clone(), IndexRecordOption::Basic)),
                        _ => Box::new(PhraseQuery::new(terms)),
                    };
                    Some(q)
                })
                .collect();
            clauses.push(any_of_filter(alternatives));
        }
        for (field, groups) in [
            (self.fields.doc_type, &filters.doc_types),
            (self.fields.issuer, &filters.issuers),
        ] {
            for group in groups {
                let alternatives = group
                    .iter()
                    .map(|v| {
                        Box::new(TermQuery::new(
                            Term::from_field_text(field, v),
                            IndexRecordOption::Basic,
                        )) as Box<dyn Query>
                    })
                    .collect();
                clauses.push(any_of_filter(alternatives));
            }
        }
        if let Some(since) = filters.since {
            let q = RangeQuery::new(
                Bound::Included(Term::from_field_u64(self.fields.date_hi, since)),
                Bound::Unbounded,
            );
            clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(q), 0.0)),
            ));
        }
        if let Some(until) = filters.until {
            let q = RangeQuery::new(
                Bound::Unbounded,
                Bound::Included(Term::from_field_u64(self.fields.date_lo, until)),
            );
            clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(q), 0.0)),
            ));
        }
        if let Some((after, upto)) = filters.entered {
            let q = RangeQuery::new(
                Bound::Excluded(Term::from_field_u64(self.fields.seq, after)),
                Bound::Included(Term::from_field_u64(self.fields.seq, upto)),
            );
            clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(q), 0.0)),
            ));
        }
        all_of(clauses)
    }
}

/// The country a reading of typed words names, if it is one.
/// A typed word that is a year documents can have (1900 to 2100).
fn typed_year(word: &str) -> Option<u64> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn country_reading(e: &Expansion) -> Option<&str> {
    match &e.entity {
        Some((EntityKind::Country, id)) => Some(id.as_str()),
        _ => None,
    }
}

/// Any of `alternatives`, scored as their sum; `None` when there is none.
/// `probed`: inside an intersection, so the union must seek (see [`union`]).
/// The conjunction of `clauses`; one required clause alone is returned
/// as it is (same scores), so that its own top-k pruning is used (see
/// [`pruned`]).
fn all_of(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Box<dyn Query> {
    if clauses.len() == 1 && clauses[0].0 == Occur::Must {
        if let Some((_, q)) = clauses.pop() {
            return q;
        }
    }
    Box::new(BooleanQuery::new(clauses))
}

fn union(alternatives: Vec<Box<dyn Query>>, probed: bool) -> Option<Box<dyn Query>> {
    if alternatives.len() <= 1 {
        return alternatives.into_iter().next();
    }
    Some(if probed {
        Box::new(FieldUnionQuery::new(alternatives, 1.0))
    } else {
        Box::new(BooleanQuery::new(
            alternatives
                .into_iter()
                .map(|q| (Occur::Should, q))
                .collect(),
        ))
    })
}

/// Whether the query has a searched word or phrase outside the clauses
/// `range` (a subject typed beside a name or a document type), fillers
/// and exclusions aside.
fn typed_beside(parsed: &ParsedQuery, range: &std::ops::Range<usize>, plan: &Plan) -> bool {
    (0..parsed.clauses.len()).any(|j| {
        !range.contains(&j)
            && !plan.skipped.contains(&j)
            && matches!(parsed.clauses[j], Clause::AnyOf(_))
    })
}

/// The best matches by score, the number of matches, and whether that
/// number is an estimate.
pub type TopByScore = (Vec<(f32, DocAddress)>, usize, bool);

/// The text part of a search: the query, and what the words were read as.
struct TextPart {
    query: Box<dyn Query>,
    expanded: Vec<Expansion>,
    warnings: Vec<String>,
    /// Filler words left out of the required ones, as typed.
    skipped: Vec<String>,
}

/// How the text query is built.
struct Plan<'a> {
    /// What the words were read as (empty when literal).
    expanded: &'a [Expansion],
    /// No spelling variants either.
    literal: bool,
    /// Clauses of filler words, not searched ([`ParsedQuery::fillers`]).
    skipped: &'a [usize],
}

/// A filter clause: any of `alternatives` must match, adding nothing to
/// the score.
fn any_of_filter(alternatives: Vec<Box<dyn Query>>) -> (Occur, Box<dyn Query>) {
    let any = BooleanQuery::new(
        alternatives
            .into_iter()
            .map(|q| (Occur::Should, q))
            .collect(),
    );
    (
        Occur::Must,
        Box::new(ConstScoreQuery::new(Box::new(any), 0.0)),
    )
}

/// The entity filter terms per group, as `(fast column name, id)`.
fn own_entity_terms(filters: &Filters) -> Vec<Vec<(&'static str, String)>> {
    use crate::model::EntityKind;
    filters
        .entities
        .iter()
        .map(|g| {
            g.iter()
                .map(|(k, id)| {
                    let col = match k {
                        EntityKind::Country => crate::index::COUNTRY,
                        EntityKind::Instrument => crate::index::INSTRUMENT,
                        EntityKind::Topic => crate::index::TOPIC,
                        EntityKind::Group => crate::index::GROUP,
                    };
                    (col, id.clone())
                })
                .collect()
        })
        .collect()
}

/// Per segment: whether a document satisfies every entity filter group in
/// its own text (read from the entity fast columns).
struct OwnMatch {
    /// Per group, the columns and term ordinals that satisfy it.
    groups: Vec<Vec<(tantivy::columnar::StrColumn, u64)>>,
}

impl OwnMatch {
    fn for_segment(
        segment: &tantivy::SegmentReader,
        groups: &[Vec<(&'static str, String)>],
    ) -> OwnMatch {
        let ff = segment.fast_fields();
        let groups = groups
            .iter()
            .map(|g| {
                g.iter()
                    .filter_map(|(col, id)| {
                        let column = ff.str(col).ok()??;
                        let ord = column.dictionary().term_ord(id).ok()??;
                        Some((column, ord))
                    })
                    .collect()
            })
            .collect();
        OwnMatch { groups }
    }

    fn matches(&self, doc: tantivy::DocId) -> bool {
        self.groups.iter().all(|g| {
            g.iter()
                .any(|(col, ord)| col.term_ords(doc).any(|o| o == *ord))
        })
    }
}

/// Most other spellings of a quoted phrase searched (see
/// `Engine::phrase_variants`).
const MAX_PHRASE_VARIANTS: usize = 6;

/// A word typed in capitals that, lower-cased, is an English function
/// word (`US`, `WHO`, `IT`): searched as a word it finds `us`, `who`,
/// `it` in every paragraph.
fn is_capital_function_word(w: &str) -> bool {
    w.len() >= 2
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && crate::text::lexicon::CAPITALS_ALSO_WORDS.contains(&w.to_ascii_lowercase().as_str())
}
