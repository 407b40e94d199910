//! Text output of `show`: one paragraph in its place (the document header,
//! its parent, the paragraphs before and after it, its sub-paragraphs, its
//! citation), or a whole document with its labels. Labels that are
//! dipsearch's own count are shown in brackets (`¶[p11]`) with a note
//! saying so.

use std::io::{self, Write};

use crate::cite;
use crate::enrich::country_name;
use crate::model::label::{is_own, shown, OWN_LABEL_NOTE};
use crate::model::ParagraphRecord;
use crate::search::ParagraphView;

use super::safe::{clean, one_line};
use super::text::{entity_line, paint, wrap, BOLD, DIM};
use super::TextStyle;

/// `¶4(d)`, `¶[p11]`.
fn pilcrow(label: &str) -> String {
    format!("¶{}", one_line(&shown(label)))
}

fn record_block(
    label: &str,
    r: &ParagraphRecord,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "{label} {}", pilcrow(&r.paragraph))?;
    writeln!(out, "{}", wrap(&clean(&r.text, false), "    ", style.width))
}

/// The document's title line and facts (meeting, edition, type, date,
/// place, chair, issuer, participants, source).
fn header(r: &ParagraphRecord, style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    let h = &r.header;
    let title = h
        .title
        .clone()
        .or_else(|| h.meeting.clone())
        .unwrap_or_else(|| r.source.clone());
    writeln!(out, "{}", paint(style, BOLD, &one_line(&title)))?;
    let mut facts: Vec<String> = Vec::new();
    if let Some(m) = &h.meeting {
        facts.push(match &h.acronym {
            Some(a) => format!("meeting: {m} ({a})"),
            None => format!("meeting: {m}"),
        });
    }
    if let Some(e) = h.edition {
        facts.push(format!("edition: {e}"));
    }
    facts.push(format!("type: {}", h.doc_type));
    match (h.date, h.date_end, h.year) {
        (Some(d), Some(e), _) if e != d => facts.push(format!("date: {d} to {e}")),
        (Some(d), _, _) => facts.push(format!("date: {d}")),
        (None, _, Some(y)) => facts.push(format!("year: {y}")),
        _ => {}
    }
    if let Some(p) = &h.place {
        facts.push(format!("place: {p}"));
    }
    if let Some(c) = &h.chair {
        facts.push(format!("chair: {c}"));
    }
    if let Some(i) = &h.issuer {
        facts.push(match country_name(i) {
            Some(name) => format!("issuer: {i} ({name})"),
            None => format!("issuer: {i}"),
        });
    }
    if let Some(s) = &h.symbol {
        facts.push(format!("symbol: {s}"));
    }
    if !h.participants.is_empty() {
        let p: Vec<&str> = h.participants.iter().map(|c| c.as_str()).collect();
        facts.push(format!("participants: {}", p.join(" ")));
    }
    if let Some(u) = &h.url {
        facts.push(format!("url: {u}"));
    }
    facts.push(format!("source: {}", r.source));
    for f in facts {
        writeln!(out, "{}", paint(style, DIM, &format!("  {}", one_line(&f))))?;
    }
    Ok(())
}

/// The note on bracketed labels, when any label shown is ours.
fn own_label_note<'a>(
    labels: impl IntoIterator<Item = &'a ParagraphRecord>,
    style: TextStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    if labels.into_iter().any(|r| is_own(&r.paragraph)) {
        writeln!(out)?;
        writeln!(out, "{}", paint(style, DIM, OWN_LABEL_NOTE))?;
    }
    Ok(())
}

/// One paragraph with its document header, parent, neighbours,
/// sub-paragraphs and citation.
pub fn paragraph(view: &ParagraphView, style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    let r = &view.paragraph;
    header(r, style, out)?;
    writeln!(out)?;
    if let Some(p) = &view.parent {
        record_block(&paint(style, DIM, "parent"), p, style, out)?;
    }
    // The paragraph before, unless it is the parent just shown.
    if let Some(p) = view
        .previous
        .as_ref()
        .filter(|p| view.parent.as_ref().is_none_or(|parent| parent.id != p.id))
    {
        record_block(&paint(style, DIM, "previous"), p, style, out)?;
    }
    if let Some(h) = &r.heading {
        writeln!(out, "{}", paint(style, DIM, &format!("[{}]", one_line(h))))?;
    }
    writeln!(
        out,
        "{}",
        paint(
            style,
            BOLD,
            &format!("▶ {}  ({})", pilcrow(&r.paragraph), one_line(&r.id))
        )
    )?;
    writeln!(out, "{}", wrap(&clean(&r.text, false), "    ", style.width))?;
    if let Some(e) = entity_line(r) {
        writeln!(out, "    {e}")?;
    }
    let citation = cite::text::format(&cite::citation(r), cite::text::Style::Un);
    writeln!(out, "    cite: {}", one_line(&citation))?;
    for c in &view.children {
        record_block(&paint(style, DIM, "  sub"), c, style, out)?;
    }
    if let Some(n) = &view.next {
        record_block(&paint(style, DIM, "next"), n, style, out)?;
    }
    if let Some(mentions) = &view.explain {
        explain(mentions, out)?;
    }
    let shown = std::iter::once(r)
        .chain(view.parent.iter())
        .chain(view.previous.iter())
        .chain(view.children.iter())
        .chain(view.next.iter());
    own_label_note(shown, style, out)
}

/// Why each entity was tagged: the words and their byte ranges.
fn explain(mentions: &[crate::enrich::Explained], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "why these entities:")?;
    if mentions.is_empty() {
        writeln!(out, "    (no entity mentions in the text)")?;
    }
    for e in mentions {
        let m = &e.mention;
        let via = e
            .implied_by
            .as_deref()
            .map(|i| format!(" (implied by {i})"))
            .unwrap_or_default();
        writeln!(
            out,
            "    {:<10} {:<22} \"{}\" at bytes {}..{}{via}",
            m.kind.as_str(),
            m.id,
            one_line(&e.matched),
            m.start,
            m.end
        )?;
    }
    Ok(())
}

/// A whole document: the header, then every paragraph with its label,
/// sub-paragraphs indented under their parent, section headings where
/// they change.
pub fn document(doc: &[ParagraphRecord], style: TextStyle, out: &mut dyn Write) -> io::Result<()> {
    let Some(first) = doc.first() else {
        return Ok(());
    };
    header(first, style, out)?;
    let mut heading: Option<&str> = None;
    for r in doc {
        if r.heading.is_some() && r.heading.as_deref() != heading {
            writeln!(out)?;
            let h = r.heading.as_deref().unwrap_or_default();
            writeln!(out, "{}", paint(style, DIM, &format!("[{}]", one_line(h))))?;
        }
        heading = r.heading.as_deref();
        let indent = if r.parent.is_some() { "      " } else { "    " };
        writeln!(out)?;
        writeln!(
            out,
            "{}{}",
            &indent[..indent.len() - 4],
            paint(style, BOLD, &pilcrow(&r.paragraph))
        )?;
        writeln!(out, "{}", wrap(&clean(&r.text, false), indent, style.width))?;
    }
    own_label_note(doc, style, out)
}
