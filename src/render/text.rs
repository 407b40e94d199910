//! Text output for people: a header line per hit (meeting, date, place,
//! paragraph label, score), the snippet with matches highlighted (colour
//! only when asked: the command decides from the terminal and `NO_COLOR`),
//! the entities, and where the paragraph comes from.

use std::io::{self, Write};

use crate::enrich::{country_name, EntityInfo};
use crate::ingest::IngestReport;
use crate::model::label::{is_own, shown, OWN_LABEL_NOTE};
use crate::model::ParagraphRecord;
use crate::search::relax::Fewer;
use crate::search::{FacetResults, Hit, SearchResults};
use crate::stats::IndexStats;

use super::safe::{clean, one_line};
use super::TextStyle;

pub(super) const BOLD: &str = "\x1b[1m";
pub(super) const MATCH: &str = "\x1b[1;31m";
pub(super) const DIM: &str = "\x1b[2m";
pub(super) const RESET: &str = "\x1b[0m";

/// `s` in colour `code` when colour is on. `s` is escaped first: behind
/// colour, `SafeWriter` lets through codes that look like ours, so text
/// from a document or a query must not hold one raw.
pub(super) fn paint(style: TextStyle, code: &str, s: &str) -> String {
    if style.color {
        format!("{code}{}{RESET}", clean(s, false))
    } else {
        s.to_string()
    }
}

/// `ASTOP 2003-11-13 Tokyo ¶4(d)`: who, when, where, which paragraph.
pub(super) fn locator(r: &ParagraphRecord) -> String {
    let mut parts: Vec<String> = Vec::new();
    let h = &r.header;
    let meeting = h
        .acronym
        .clone()
        .or_else(|| r.header.meeting.clone())
        .or_else(|| r.header.title.clone());
    match (meeting, r.header.edition) {
        (Some(m), Some(e)) => parts.push(format!("{} #{e}", one_line(&m))),
        (Some(m), None) => parts.push(one_line(&m).into_owned()),
        (None, _) => parts.push(one_line(&r.source).into_owned()),
    }
    if let Some(i) = &r.header.issuer {
        parts.push(match country_name(i) {
            Some(name) => format!("{name} ({i})"),
            None => i.to_string(),
        });
    }
    match (r.header.date, r.header.year) {
        (Some(d), _) => parts.push(d.to_string()),
        (None, Some(y)) => parts.push(y.to_string()),
        _ => {}
    }
    if let Some(p) = &r.header.place {
        parts.push(one_line(p).into_owned());
    }
    parts.push(format!("¶{}", one_line(&shown(&r.paragraph))));
    parts.join("  ")
}

pub(super) fn entity_line(r: &ParagraphRecord) -> Option<String> {
    let mut parts = Vec::new();
    if !r.countries.is_empty() {
        let c: Vec<&str> = r.countries.iter().map(|c| c.as_str()).collect();
        parts.push(format!("countries: {}", c.join(" ")));
    }
    for (name, list) in [
        ("instruments", &r.instruments),
        ("topics", &r.topics),
        ("groups", &r.groups),
    ] {
        if !list.is_empty() {
            parts.push(format!("{name}: {}", list.join(" ")));
        }
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Wraps `text` at `width` columns with an indent (by characters); on
/// one line, indented, when there is no width.
pub(super) fn wrap(text: &str, indent: &str, width: Option<usize>) -> String {
    let width = width.unwrap_or(usize::MAX);
    let mut out = String::new();
    let mut line_len = 0;
    for word in text.split(' ') {
        let wlen = visible_len(word);
        if line_len > 0 && line_len + 1 + wlen > width {
            out.push('\n');
            line_len = 0;
        }
        if line_len == 0 {
            out.push_str(indent);
        } else {
            out.push(' ');
            line_len += 1;
        }
        // A newline inside a word would start a line of its own.
        out.push_str(&word.replace('\n', "\\x0a"));
        line_len += wlen;
    }
    out
}

/// Characters of `s` not counting ANSI escape sequences.
fn visible_len(s: &str) -> usize {
    let mut n = 0;
    let mut in_esc = false;
    for c in s.chars() {
        match (in_esc, c) {
            (false, '\x1b') => in_esc = true,
            (true, 'm') => in_esc = false,
            (true, _) => {}
            (false, _) => n += 1,
        }
    }
    n
}

pub(super) fn highlighted(snippet: &str, ranges: &[(usize, usize)], style: TextStyle) -> String {
    let mut out = String::with_capacity(snippet.len() + ranges.len() * 10);
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at
            || e > snippet.len()
            || !snippet.is_char_boundary(s)
            || !snippet.is_char_boundary(e)
        {
            continue;
        }
        // Document text is escaped here, as `paint` does: behind colour,
        // `SafeWriter` lets codes that look like ours through.
        out.push_str(&clean(&snippet[at..s], false));
        if style.color {
            out.push_str(&paint(style, MATCH, &snippet[s..e]));
        } else {
            out.push('[');
            out.push_str(&snippet[s..e]);
            out.push(']');
        }
        at = e;
    }
    out.push_str(&clean(&snippet[at..], false));
    out
}

/// One dim line of help after the results (worded by the caller, which
/// may quote the query: its control characters are shown as escapes).
pub fn note(line: &str, style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", paint(style, DIM, &one_line(line)))
}

/// What the query's words were read as, one line:
/// `read as: CTBT = Comprehensive Nuclear-Test-Ban Treaty (instrument CTBT, +6 names)`.
pub fn read_as(res: &SearchResults) -> Option<String> {
    if res.expanded.is_empty() && res.skipped.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = res
        .expanded
        .iter()
        .map(|e| {
            let what = match &e.entity {
                Some((k, id)) => format!("{k} {id}"),
                None => "concept".to_string(),
            };
            let names = match e.to.len() {
                0 => String::new(),
                1 => format!(", +\"{}\"", e.to[0]),
                n => format!(", +{n} names"),
            };
            format!("{} = {} ({what}{names})", e.from, e.name)
        })
        .collect();
    if !res.skipped.is_empty() {
        parts.push(format!("not required: {}", res.skipped.join(" ")));
    }
    Some(format!("read as: {}", parts.join("; ")))
}

/// Search results.
pub fn hits(res: &SearchResults, style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    if let Some(line) = read_as(res) {
        writeln!(
            out,
            "{}",
            paint(style, DIM, &format!("{line}{}", style.hints.literal))
        )?;
        if !res.hits.is_empty() {
            writeln!(out)?;
        }
    }
    for (i, h) in res.hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        hit(h, style, out)?;
    }
    for (i, step) in res.fewer.iter().enumerate() {
        if i > 0 || !res.hits.is_empty() {
            writeln!(out)?;
        }
        let first = res.total == 0 && i == 0;
        let lead = match first {
            true => "no paragraph has all the words; ",
            false => "",
        };
        let line = format!("── {lead}{} ──", fewer_words(step, !first));
        writeln!(out, "{}", paint(style, DIM, &line))?;
        for h in &step.hits {
            writeln!(out)?;
            hit(h, style, out)?;
        }
    }
    let shown = res.hits.len();
    let first = if shown == 0 { 0 } else { 1 };
    let summary = match res.total {
        t if res.total_is_estimate && shown == 0 => {
            format!("{} matching paragraphs (none shown)", about(t))
        }
        t if res.total_is_estimate => format!(
            "{first}–{shown} shown of {} matching paragraphs{}",
            about(t),
            style.hints.more_hits
        ),
        0 => "no matching paragraphs".to_string(),
        t if shown == 0 => format!(
            "{t} matching paragraph{} (none shown)",
            if t == 1 { "" } else { "s" }
        ),
        t if shown == t => format!("{t} matching paragraph{}", if t == 1 { "" } else { "s" }),
        t => format!(
            "{first}–{shown} shown of {t} matching paragraphs{}",
            style.hints.more_hits
        ),
    };
    let summary = match res.fewer.is_empty() {
        true => summary,
        false => with_fewer(res, summary, style),
    };
    if shown > 0 || !res.fewer.is_empty() {
        writeln!(out)?;
    }
    writeln!(out, "{}", paint(style, DIM, &summary))?;
    if res.hits.iter().any(|h| is_own(&h.record.paragraph)) {
        writeln!(out, "{}", paint(style, DIM, OWN_LABEL_NOTE))?;
    }
    Ok(())
}

/// One hit: its locator and score, its parent's lead-in, the snippet, its
/// entities and its id.
fn hit(h: &Hit, style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    let r = &h.record;
    let score = h
        .score
        .map(|s| format!("  score {s:.2}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{}{}",
        paint(style, BOLD, &locator(r)),
        paint(style, DIM, &score)
    )?;
    if let Some(ctx) = &r.context {
        let lead = crate::search::opening(ctx, 120);
        writeln!(
            out,
            "{}",
            paint(style, DIM, &wrap(&format!("↳ {lead}"), "    ", style.width))
        )?;
    }
    writeln!(
        out,
        "{}",
        wrap(
            &highlighted(&h.snippet, &h.highlights, style),
            "    ",
            style.width
        )
    )?;
    if let Some(e) = entity_line(r) {
        writeln!(out, "{}", paint(style, DIM, &format!("    {e}")))?;
    }
    writeln!(
        out,
        "{}",
        paint(style, DIM, &format!("    {}", one_line(&r.id)))
    )?;
    Ok(())
}

/// What a step of fewer words holds, over its hits and in the count:
/// `12 have all but "crisis"`, `2 more have all but "export"` (`more`
/// after paragraphs with more of the words).
pub fn fewer_words(step: &Fewer, more: bool) -> String {
    let parts: Vec<String> = step
        .without
        .iter()
        .map(|p| match p.starts_with('"') {
            true => p.clone(),
            false => format!("\"{p}\""),
        })
        .collect();
    let verb = if step.total == 1 { "has" } else { "have" };
    let more = if more { " more" } else { "" };
    format!(
        "{}{more} {verb} all but {}",
        step.total,
        parts.join(" and ")
    )
}

/// The count line with the steps of fewer words after the full query's:
/// `no matching paragraphs; 12 have all but "crisis"`.
fn with_fewer(res: &SearchResults, summary: String, style: TextStyle) -> String {
    let mut line = summary;
    for (i, step) in res.fewer.iter().enumerate() {
        line.push_str("; ");
        line.push_str(&fewer_words(step, res.total > 0 || i > 0));
    }
    let shown = res.hits.len() + res.fewer.iter().map(|s| s.hits.len()).sum::<usize>();
    let found = res.total + res.fewer.iter().map(|s| s.total).sum::<usize>();
    if shown < found && !line.ends_with(style.hints.more_hits) {
        line.push_str(style.hints.more_hits);
    }
    line
}

/// An estimated count as people say it: three significant digits,
/// grouped by thousands (`about 105,000`).
pub fn about(n: usize) -> String {
    format!("about {}", rounded(n))
}

/// `n` to three significant digits, grouped by thousands (`105,000`).
pub fn rounded(n: usize) -> String {
    let mut scale = 1;
    while n / scale >= 1000 {
        scale *= 10;
    }
    let digits = ((n + scale / 2) / scale * scale).to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

/// `label` in bold, padded with spaces to `width` columns (the padding
/// not painted, so that the plain text is as without colour).
pub(super) fn label(style: TextStyle, label: &str, width: usize) -> String {
    let pad = width.saturating_sub(label.chars().count());
    format!("{}{}", paint(style, BOLD, label), " ".repeat(pad))
}

/// `s` dim, or nothing when it is empty (no colour codes around nothing).
fn dim_tail(style: TextStyle, s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        paint(style, DIM, s)
    }
}

/// Index statistics (labels in bold).
pub fn stats(s: &IndexStats, style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    let l = |name: &str| label(style, name, 13);
    writeln!(out, "{}{}", l("documents:"), s.documents)?;
    writeln!(out, "{}{}", l("paragraphs:"), s.paragraphs)?;
    writeln!(out, "{}{}", l("meetings:"), s.meetings)?;
    let range = match (&s.first, &s.last) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "no dated documents".to_string(),
    };
    writeln!(out, "{}{range}", l("dates:"))?;
    writeln!(out, "{}{}", l("index size:"), human_bytes(s.index_bytes))?;
    if s.skipped > 0 {
        writeln!(
            out,
            "{}{} file(s){}",
            l("skipped:"),
            s.skipped,
            dim_tail(style, style.hints.skipped_files)
        )?;
    }
    for (name, list) in [
        ("meetings", &s.by_meeting),
        ("countries", &s.countries),
        ("instruments", &s.instruments),
        ("topics", &s.topics),
    ] {
        if list.is_empty() {
            continue;
        }
        let top: Vec<String> = list
            .iter()
            .take(12)
            .map(|c| format!("{} {}", one_line(&c.key), c.count))
            .collect();
        let more = if list.len() > 12 {
            format!(" … ({} in all)", list.len())
        } else {
            String::new()
        };
        writeln!(
            out,
            "{} {}{}",
            label(style, name, 12),
            top.join(", "),
            dim_tail(style, &more)
        )?;
    }
    Ok(())
}

/// Sizes as people read them.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

/// Ingest summary: one line per skipped file (or planned change, its verb
/// in bold), then the summary line (dim) unless `quiet`.
pub fn ingest(
    r: &IngestReport,
    quiet: bool,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    if let Some(changes) = &r.changes {
        for c in changes {
            let verb = match c.change {
                crate::ingest::Change::Add => "add",
                crate::ingest::Change::Update => "update",
                crate::ingest::Change::Remove => "remove",
            };
            writeln!(
                out,
                "{} {}",
                label(style, &format!("would {verb}"), 12),
                one_line(&c.path)
            )?;
        }
        if quiet {
            return Ok(());
        }
        let behind = r.added + r.updated + r.removed;
        let line = format!(
            "dry run: {} to add, {} to update, {} to remove, {} unchanged, {} skipped; {} seen{}",
            r.added,
            r.updated,
            r.removed,
            r.unchanged,
            r.skipped.len(),
            files(r.files),
            if behind == 0 {
                " (index is up to date)"
            } else {
                ""
            }
        );
        writeln!(out, "{}", paint(style, DIM, &line))?;
        return Ok(());
    }
    for s in &r.skipped {
        writeln!(
            out,
            "{} {}: {}",
            paint(style, BOLD, "skipped"),
            one_line(&s.path),
            one_line(&s.reason.to_string())
        )?;
    }
    if quiet {
        return Ok(());
    }
    let line = format!(
        "indexed {} documents, {} paragraphs in {:.2}s ({} seen: {} added, {} updated, {} unchanged, {} skipped; {} removed)",
        r.documents,
        r.paragraphs,
        r.elapsed_ms as f64 / 1000.0,
        files(r.files),
        r.added,
        r.updated,
        r.unchanged,
        r.skipped.len(),
        r.removed,
    );
    writeln!(out, "{}", paint(style, DIM, &line))
}

/// `1 file`, `44 files`.
fn files(n: usize) -> String {
    format!("{n} file{}", if n == 1 { "" } else { "s" })
}

/// Facet counts as an aligned table (the heading bold, labels dim), then
/// `(12 more)` when a limit left values out.
pub fn facets(f: &FacetResults, style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    let q = f
        .query
        .as_deref()
        .map(|q| format!(" matching \"{}\"", one_line(q)))
        .unwrap_or_default();
    let heading = format!("{} paragraphs{q}, by {}", f.total, f.by.as_str());
    writeln!(out, "{}", paint(style, BOLD, &heading))?;
    let width = f
        .buckets
        .iter()
        .map(|b| b.key.chars().count())
        .max()
        .unwrap_or(0);
    for b in &f.buckets {
        let label = b
            .label
            .as_deref()
            .map(|l| format!("  {}", paint(style, DIM, &one_line(l))))
            .unwrap_or_default();
        writeln!(out, "{:>7}  {:<width$}{label}", b.count, one_line(&b.key))?;
    }
    if f.more > 0 {
        let more = format!("({} more{})", f.more, style.hints.more_buckets);
        writeln!(out, "{}", paint(style, DIM, &more))?;
    }
    Ok(())
}

/// The entity list: kind (dim), id (bold), name, aliases (and members for
/// groups).
pub fn entities(list: &[EntityInfo], style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    for e in list {
        let kind = format!("{:<10}", e.kind.as_str());
        write!(
            out,
            "{} {} {}",
            paint(style, DIM, &kind),
            label(style, &e.id, 12),
            e.name
        )?;
        let aliases: Vec<&str> = e
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|a| *a != e.name)
            .collect();
        if !aliases.is_empty() {
            write!(out, "  (aliases: {})", aliases.join("; "))?;
        }
        if !e.members.is_empty() {
            write!(out, "  members: {}", e.members.join(" "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// An index check: one summary line (its verdict bold), then one line per
/// problem.
pub fn check(
    v: &crate::index::Verification,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    let state = paint(style, BOLD, if v.is_ok() { "ok" } else { "damaged" });
    write!(
        out,
        "index in {}: {state} ({} segments, {} files checked",
        one_line(&v.path.display().to_string()),
        v.segments,
        v.files
    )?;
    if v.is_ok() {
        write!(
            out,
            "; {} documents, {} paragraphs",
            v.documents, v.paragraphs
        )?;
    }
    writeln!(out, ")")?;
    for p in &v.problems {
        writeln!(out, "  {}", one_line(p))?;
    }
    Ok(())
}

/// One exported paragraph as a line: `id  text` (`export --format text`,
/// for grep and a quick look).
pub fn export_line(r: &ParagraphRecord, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}  {}", one_line(&r.id), one_line(&r.text))
}

/// Saved searches, one per line: the name (bold) and what it searches,
/// as the caller words it.
pub fn watches(list: &[(String, String)], style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    let width = list.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    for (name, what) in list {
        writeln!(
            out,
            "{}  {}",
            label(style, &one_line(name), width),
            one_line(what)
        )?;
    }
    Ok(())
}
