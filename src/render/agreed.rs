//! Output of the agreed-language commands (`precedent`, `diff`, `compare`,
//! `reuse`) in text, JSON and (for diffs) HTML. The JSON is a contract like
//! the HIT's and is documented in the README:
//!
//! - `precedent`: `{"text", "id", "words", "total", "earliest", "matches":
//!   [HIT + {"coverage", "their_coverage", "earliest", "shared": [{"query":
//!   [s, e], "theirs": [s, e], "words"}]}]}`, byte ranges into `text` and the
//!   match's `text`;
//! - `diff`: `{"a": SIDE, "b": SIDE, "deleted_words", "inserted_words",
//!   "equal_words", "ops": [{"op": "equal"|"delete"|"insert", "a": [s, e],
//!   "b": [s, e], "text"}]}`, SIDE `{"id", "text"}`;
//! - `compare`: `{"old": DOC, "new": DOC, "agreed_share", "counts", "pairs":
//!   [{"kind", "old": PARA|null, "new": PARA|null, "similarity", "ops"}]}`;
//! - `reuse`: `{"paragraphs", "total", "clusters": [{"text", "documents",
//!   "paragraphs", "earliest": USE, "latest": USE|null, "examples"}]}`.
//!
//! The lists have JSON lines too (one match, one cluster per line, as in
//! the JSON) and CSV: `precedent` the paragraph columns of `csv` with
//! `coverage,their_coverage,earliest` before the text, `reuse`
//! `documents,paragraphs,earliest,earliest_date,latest,latest_date,text`.

use std::io::{self, Write};

use serde::Serialize;

use super::csv;
use super::json::{write_json, HitJson};
use super::safe::{clean, one_line, SafeWriter};
use super::text::{locator, paint, wrap, BOLD, DIM};
use super::{Format, TextStyle};
use crate::agreed::{Change, Comparison, PairKind, Precedents, Reuse, WordDiff};
use crate::model::ParagraphRecord;

// Colours `safe::SafeWriter` lets through (its `OWN_CODES`).
const DELETED: &str = "\x1b[1;31m";
const INSERTED: &str = "\x1b[1;32m";
const SHARED: &str = "\x1b[1;36m";

/// One side of a diff: a paragraph id (or none for typed text) and its text.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Side<'a> {
    /// Paragraph id, when the text is one.
    pub id: Option<&'a str>,
    /// The text.
    pub text: &'a str,
}

/// Writes precedents of `text` (`id` when it is an indexed paragraph).
pub fn precedents(
    format: Format,
    res: &Precedents,
    query: Side,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => precedents_json(res, query, out),
        Format::Jsonl => {
            for m in match_json(res) {
                write_json(&m, out)?;
            }
            Ok(())
        }
        Format::Csv => precedents_csv(res, &mut SafeWriter::new(out, false)),
        Format::Text => precedents_text(res, style, &mut SafeWriter::new(out, style.color)),
    }
}

#[derive(Serialize)]
struct Shared {
    query: [usize; 2],
    theirs: [usize; 2],
    words: usize,
}

/// One match: a HIT with how much wording it shares.
#[derive(Serialize)]
struct Match<'a> {
    #[serde(flatten)]
    hit: HitJson<'a>,
    coverage: f32,
    their_coverage: f32,
    earliest: bool,
    shared: Vec<Shared>,
}

fn match_json(res: &Precedents) -> Vec<Match<'_>> {
    res.matches
        .iter()
        .map(|m| Match {
            hit: HitJson::from_record(&m.record),
            coverage: round(m.coverage),
            their_coverage: round(m.their_coverage),
            earliest: m.earliest,
            shared: m
                .spans
                .iter()
                .map(|s| Shared {
                    query: [s.query.start, s.query.end],
                    theirs: [s.theirs.start, s.theirs.end],
                    words: s.words,
                })
                .collect(),
        })
        .collect()
}

fn precedents_csv(res: &Precedents, out: &mut dyn Write) -> io::Result<()> {
    // The paragraph columns but the score (there is none), the shares
    // before the text.
    let columns = &csv::PARAGRAPH_COLUMNS;
    let mut header: Vec<&str> = vec![columns[0]];
    header.extend_from_slice(&columns[2..7]);
    header.extend_from_slice(&["coverage", "their_coverage", "earliest", "text"]);
    csv::row(&header, out)?;
    for m in &res.matches {
        let [id, _, meeting, date, place, label, doc_type, text] =
            csv::paragraph_fields(&m.record, None);
        csv::row(
            &[
                id,
                meeting,
                date,
                place,
                label,
                doc_type,
                round(m.coverage).to_string(),
                round(m.their_coverage).to_string(),
                m.earliest.to_string(),
                text,
            ],
            out,
        )?;
    }
    Ok(())
}

fn precedents_json(res: &Precedents, query: Side, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Page<'a> {
        text: &'a str,
        id: Option<&'a str>,
        words: usize,
        total: usize,
        earliest: Option<&'a str>,
        matches: Vec<Match<'a>>,
    }
    let matches = match_json(res);
    write_json(
        &Page {
            text: query.text,
            id: query.id,
            words: res.words,
            total: res.total,
            earliest: res.earliest.as_deref(),
            matches,
        },
        out,
    )
}

/// Three decimals: shares are for reading and comparing, not arithmetic.
fn round(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

fn percent(x: f32) -> String {
    format!("{:.0}%", (x * 100.0).floor())
}

fn precedents_text(res: &Precedents, style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    for (i, m) in res.matches.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let mark = if m.earliest { "  earliest" } else { "" };
        writeln!(
            out,
            "{}  {}{}",
            paint(style, BOLD, &locator(&m.record)),
            paint(
                style,
                DIM,
                &format!(
                    "{} of the text shared ({} of this paragraph)",
                    percent(m.coverage),
                    percent(m.their_coverage)
                )
            ),
            paint(style, BOLD, mark)
        )?;
        let ranges: Vec<(usize, usize)> = m
            .spans
            .iter()
            .map(|s| (s.theirs.start, s.theirs.end))
            .collect();
        writeln!(
            out,
            "{}",
            wrap(&marked(&m.record.text, &ranges, style), "    ", style.width)
        )?;
        writeln!(
            out,
            "{}",
            paint(style, DIM, &format!("    {}", one_line(&m.record.id)))
        )?;
    }
    let summary = match (res.total, res.matches.len()) {
        (0, _) => "no paragraph shares this wording".to_string(),
        (t, n) if n == t => format!("{t} paragraph{} share this wording", plural(t)),
        (t, n) => format!("{n} shown of {t} paragraphs sharing this wording"),
    };
    if !res.matches.is_empty() {
        writeln!(out)?;
    }
    let earliest = match &res.earliest {
        Some(id) => format!("; earliest use: {}", one_line(id)),
        None => String::new(),
    };
    writeln!(
        out,
        "{}",
        paint(style, DIM, &format!("{summary}{earliest}"))
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The text with the shared runs in colour (plain without colour: the
/// percentages say how much is shared, the JSON says where).
fn marked(text: &str, ranges: &[(usize, usize)], style: TextStyle) -> String {
    if !style.color {
        return text.to_string();
    }
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    let mut out = String::new();
    let mut at = 0;
    for (s, e) in sorted {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&clean(&text[at..s], false));
        out.push_str(&paint(style, SHARED, &text[s..e]));
        at = e;
    }
    out.push_str(&clean(&text[at..], false));
    out
}

/// Writes a word diff of `a` → `b`.
pub fn diff(
    format: Format,
    d: &WordDiff,
    a: Side,
    b: Side,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => diff_json(d, a, b, out),
        _ => {
            let out = &mut SafeWriter::new(out, style.color);
            for (name, side) in [("a", a), ("b", b)] {
                if let Some(id) = side.id {
                    writeln!(
                        out,
                        "{}",
                        paint(style, DIM, &format!("{name}: {}", one_line(id)))
                    )?;
                }
            }
            writeln!(
                out,
                "{}",
                // Not wrapped: a marker cut in two would not read as one edit.
                inline_diff(d, a.text, b.text, style)
            )?;
            writeln!(
                out,
                "{}",
                paint(
                    style,
                    DIM,
                    &format!(
                        "{} word{} deleted, {} inserted, {} kept",
                        d.deleted_words,
                        plural(d.deleted_words),
                        d.inserted_words,
                        d.equal_words
                    )
                )
            )
        }
    }
}

/// `[-deleted-]{+inserted+}` inline (coloured instead when asked).
pub fn inline_diff(d: &WordDiff, a: &str, b: &str, style: TextStyle) -> String {
    let mut s = String::new();
    for op in &d.ops {
        match op.change {
            // Document text is escaped before our colour codes go around
            // it (`SafeWriter` lets those through when colour is on).
            Change::Equal => s.push_str(&clean(&a[op.a.clone()], false)),
            Change::Delete if style.color => s.push_str(&paint(style, DELETED, &a[op.a.clone()])),
            Change::Insert if style.color => s.push_str(&paint(style, INSERTED, &b[op.b.clone()])),
            Change::Delete => s.push_str(&format!("[-{}-]", &a[op.a.clone()])),
            Change::Insert => s.push_str(&format!("{{+{}+}}", &b[op.b.clone()])),
        }
    }
    s
}

#[derive(Serialize)]
struct OpJson<'a> {
    op: &'static str,
    a: [usize; 2],
    b: [usize; 2],
    text: &'a str,
}

fn ops_json<'a>(d: &WordDiff, a: &'a str, b: &'a str) -> Vec<OpJson<'a>> {
    d.ops
        .iter()
        .map(|op| OpJson {
            op: op.change.as_str(),
            a: [op.a.start, op.a.end],
            b: [op.b.start, op.b.end],
            text: match op.change {
                Change::Insert => &b[op.b.clone()],
                _ => &a[op.a.clone()],
            },
        })
        .collect()
}

fn diff_json(d: &WordDiff, a: Side, b: Side, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct DiffJson<'a> {
        a: Side<'a>,
        b: Side<'a>,
        deleted_words: usize,
        inserted_words: usize,
        equal_words: usize,
        ops: Vec<OpJson<'a>>,
    }
    write_json(
        &DiffJson {
            a,
            b,
            deleted_words: d.deleted_words,
            inserted_words: d.inserted_words,
            equal_words: d.equal_words,
            ops: ops_json(d, a.text, b.text),
        },
        out,
    )
}

/// Escapes text for HTML content and attribute values; control characters
/// become U+FFFD.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML text (and must not
            // reach a terminal the page is printed to).
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A word diff as a standalone HTML page (`<del>`, `<ins>`; every text
/// escaped, no script, no outside resource).
pub fn diff_html(d: &WordDiff, a: Side, b: Side, out: &mut dyn Write) -> io::Result<()> {
    let title = match (a.id, b.id) {
        (Some(x), Some(y)) => format!("{} → {}", escape_html(x), escape_html(y)),
        _ => "Word diff".to_string(),
    };
    let mut body = String::new();
    for op in &d.ops {
        match op.change {
            Change::Equal => body.push_str(&escape_html(&a.text[op.a.clone()])),
            Change::Delete => body.push_str(&format!(
                "<del>{}</del>",
                escape_html(&a.text[op.a.clone()])
            )),
            Change::Insert => body.push_str(&format!(
                "<ins>{}</ins>",
                escape_html(&b.text[op.b.clone()])
            )),
        }
    }
    write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\">\
         <title>{title}</title><style>body{{font:16px/1.5 serif;max-width:45em;margin:2em auto;padding:0 1em}}\
         del{{background:#fdd;color:#900}}ins{{background:#dfd;color:#060;text-decoration:none}}\
         .n{{color:#666;font-size:90%}}</style></head>\n<body>\n<h1>{title}</h1>\n<p>{body}</p>\n\
         <p class=\"n\">{} words deleted, {} inserted, {} kept</p>\n</body></html>\n",
        d.deleted_words, d.inserted_words, d.equal_words
    )
}

/// Writes a comparison of two documents.
pub fn comparison(
    format: Format,
    c: &Comparison,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => comparison_json(c, out),
        _ => comparison_text(c, style, &mut SafeWriter::new(out, style.color)),
    }
}

fn counts(c: &Comparison) -> [(PairKind, usize); 5] {
    let n = |k| c.pairs.iter().filter(|p| p.kind == k).count();
    [
        PairKind::Unchanged,
        PairKind::Modified,
        PairKind::Moved,
        PairKind::New,
        PairKind::Dropped,
    ]
    .map(|k| (k, n(k)))
}

fn doc_line(name: &str, doc: &[ParagraphRecord]) -> String {
    match doc.first() {
        Some(r) => {
            let loc = locator(r);
            let loc = loc.rsplit_once("  ¶").map_or(loc.as_str(), |(a, _)| a);
            format!(
                "{name}: {loc}  ({}, {} paragraphs)",
                one_line(&r.source),
                doc.len()
            )
        }
        None => format!("{name}: (no paragraphs)"),
    }
}

fn comparison_text(c: &Comparison, style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", paint(style, BOLD, &doc_line("old", &c.old)))?;
    writeln!(out, "{}", paint(style, BOLD, &doc_line("new", &c.new)))?;
    let tally: Vec<String> = counts(c)
        .iter()
        .map(|(k, n)| format!("{n} {}", k.as_str()))
        .collect();
    writeln!(
        out,
        "agreed language: {} of the newer document unchanged or near-identical · {}",
        percent(c.agreed_share),
        tally.join(" · ")
    )?;
    for p in &c.pairs {
        writeln!(out)?;
        let label = |doc: &[ParagraphRecord], i: Option<usize>| {
            i.map_or("-".to_string(), |i| {
                format!("¶{}", one_line(&doc[i].paragraph))
            })
        };
        let (sign, colour) = match p.kind {
            PairKind::Unchanged => ("=", DIM),
            PairKind::Modified => ("~", BOLD),
            PairKind::Moved => (">", BOLD),
            PairKind::New => ("+", INSERTED),
            PairKind::Dropped => ("-", DELETED),
        };
        let sim = match p.kind {
            PairKind::Modified | PairKind::Moved => format!(" {}", percent(p.similarity)),
            _ => String::new(),
        };
        let head = format!(
            "{sign} {} → {}  {}{sim}",
            label(&c.old, p.old),
            label(&c.new, p.new),
            p.kind.as_str()
        );
        writeln!(out, "{}", paint(style, colour, &head))?;
        let body = match (p.old, p.new, &p.diff) {
            (Some(i), Some(j), Some(d)) => inline_diff(d, &c.old[i].text, &c.new[j].text, style),
            (_, Some(j), None) => clean(&c.new[j].text, false).into_owned(),
            (Some(i), None, _) => clean(&c.old[i].text, false).into_owned(),
            _ => String::new(),
        };
        if p.kind != PairKind::Unchanged {
            writeln!(out, "{}", wrap(&body, "    ", style.width))?;
        }
    }
    Ok(())
}

fn comparison_json(c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Para<'a> {
        id: &'a str,
        paragraph: &'a str,
    }
    #[derive(Serialize)]
    struct PairJson<'a> {
        kind: &'static str,
        old: Option<Para<'a>>,
        new: Option<Para<'a>>,
        similarity: f32,
        ops: Option<Vec<OpJson<'a>>>,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        source: Option<&'a str>,
        title: Option<&'a str>,
        meeting: Option<&'a str>,
        acronym: Option<&'a str>,
        edition: Option<u32>,
        doc_type: Option<&'a str>,
        date: Option<String>,
        place: Option<&'a str>,
        paragraphs: usize,
    }
    #[derive(Serialize)]
    struct CompareJson<'a> {
        old: Doc<'a>,
        new: Doc<'a>,
        agreed_share: f32,
        counts: std::collections::BTreeMap<&'static str, usize>,
        pairs: Vec<PairJson<'a>>,
    }
    fn para(doc: &[ParagraphRecord], i: Option<usize>) -> Option<Para<'_>> {
        i.map(|i| Para {
            id: &doc[i].id,
            paragraph: &doc[i].paragraph,
        })
    }
    let pairs = c
        .pairs
        .iter()
        .map(|p| PairJson {
            kind: p.kind.as_str(),
            old: para(&c.old, p.old),
            new: para(&c.new, p.new),
            similarity: round(p.similarity),
            ops: match (p.old, p.new, &p.diff) {
                (Some(i), Some(j), Some(d)) => Some(ops_json(d, &c.old[i].text, &c.new[j].text)),
                _ => None,
            },
        })
        .collect();
    fn doc(d: &[ParagraphRecord]) -> Doc<'_> {
        let h = d.first().map(|r| &r.header);
        Doc {
            source: d.first().map(|r| r.source.as_str()),
            title: h.and_then(|h| h.title.as_deref()),
            meeting: h.and_then(|h| h.meeting.as_deref()),
            acronym: h.and_then(|h| h.acronym.as_deref()),
            edition: h.and_then(|h| h.edition),
            doc_type: h.map(|h| h.doc_type.as_str()),
            date: h.and_then(|h| h.date.map(|d| d.to_string())),
            place: h.and_then(|h| h.place.as_deref()),
            paragraphs: d.len(),
        }
    }
    write_json(
        &CompareJson {
            old: doc(&c.old),
            new: doc(&c.new),
            agreed_share: round(c.agreed_share),
            counts: counts(c).iter().map(|(k, n)| (k.as_str(), *n)).collect(),
            pairs,
        },
        out,
    )
}

/// Writes the formulas found by `reuse`.
pub fn reuse(format: Format, r: &Reuse, style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => write_json(&ReuseJson::from(r), out),
        Format::Jsonl => {
            for c in ReuseJson::from(r).clusters {
                write_json(&c, out)?;
            }
            Ok(())
        }
        Format::Csv => reuse_csv(r, &mut SafeWriter::new(out, false)),
        Format::Text => reuse_text(r, style, &mut SafeWriter::new(out, style.color)),
    }
}

fn reuse_csv(r: &Reuse, out: &mut dyn Write) -> io::Result<()> {
    csv::row(
        &[
            "documents",
            "paragraphs",
            "earliest",
            "earliest_date",
            "latest",
            "latest_date",
            "text",
        ],
        out,
    )?;
    for c in &r.clusters {
        let latest = c.latest.as_ref();
        csv::row(
            &[
                c.documents.to_string().as_str(),
                &c.paragraphs.to_string(),
                &c.earliest.id,
                c.earliest.date.as_deref().unwrap_or(""),
                latest.map_or("", |l| l.id.as_str()),
                latest.and_then(|l| l.date.as_deref()).unwrap_or(""),
                &c.text,
            ],
            out,
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct UseJson<'a> {
    id: &'a str,
    meeting: Option<&'a str>,
    date: Option<&'a str>,
}

#[derive(Serialize)]
struct ClusterJson<'a> {
    text: &'a str,
    documents: usize,
    paragraphs: usize,
    earliest: UseJson<'a>,
    latest: Option<UseJson<'a>>,
    examples: &'a [String],
}

#[derive(Serialize)]
struct ReuseJson<'a> {
    paragraphs: usize,
    total: usize,
    clusters: Vec<ClusterJson<'a>>,
}

impl<'a> From<&'a Reuse> for ReuseJson<'a> {
    fn from(r: &'a Reuse) -> ReuseJson<'a> {
        let use_json = |u: &'a crate::agreed::Use| UseJson {
            id: &u.id,
            meeting: u.meeting.as_deref(),
            date: u.date.as_deref(),
        };
        ReuseJson {
            paragraphs: r.paragraphs,
            total: r.total,
            clusters: r
                .clusters
                .iter()
                .map(|c| ClusterJson {
                    text: &c.text,
                    documents: c.documents,
                    paragraphs: c.paragraphs,
                    earliest: use_json(&c.earliest),
                    latest: c.latest.as_ref().map(use_json),
                    examples: &c.examples,
                })
                .collect(),
        }
    }
}

fn reuse_text(r: &Reuse, style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    for (i, c) in r.clusters.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let span = match (
            &c.earliest.date,
            c.latest.as_ref().and_then(|l| l.date.as_ref()),
        ) {
            (Some(a), Some(b)) if a != b => format!("  {a} to {b}"),
            (Some(a), _) => format!("  {a}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{}{}",
            paint(
                style,
                BOLD,
                &format!(
                    "{}. {} documents, {} paragraphs",
                    i + 1,
                    c.documents,
                    c.paragraphs
                )
            ),
            paint(style, DIM, &span)
        )?;
        writeln!(out, "{}", wrap(&clean(&c.text, false), "    ", style.width))?;
        writeln!(
            out,
            "{}",
            paint(
                style,
                DIM,
                &format!("    first: {}", one_line(&c.earliest.id))
            )
        )?;
    }
    if !r.clusters.is_empty() {
        writeln!(out)?;
    }
    writeln!(
        out,
        "{}",
        paint(
            style,
            DIM,
            &format!(
                "{} of {} formulas shown ({} paragraphs read)",
                r.clusters.len(),
                r.total,
                r.paragraphs
            )
        )
    )
}
