//! RIS, the tagged format of EndNote, Zotero and reference managers: one
//! `TAG  - value` per line, `TY` first and `ER` last. Types: a resolution
//! is `LEGAL`, an outcome document `RPRT`, a press release `ELEC` with its
//! address (`GEN` without), a speech `GEN` (RIS has no speech type). The
//! pinpoint goes to `SE` (section), the meeting to `T2`, the symbol to
//! `M1`, the document type to `M3`. A value never holds a newline or a
//! control character (they become spaces), so every line is one tag.

use super::{Citation, Kind};

/// The RIS record of a citation, lines ending with `\n`, the last one
/// `ER  - `.
pub fn record(c: &Citation) -> String {
    let ty = match c.kind {
        Kind::Legislation => "LEGAL",
        Kind::Report => "RPRT",
        Kind::PressRelease if c.url.is_some() => "ELEC",
        Kind::PressRelease | Kind::Speech => "GEN",
    };
    let mut out = String::new();
    let mut tag = |tag: &str, value: &str| {
        let value = one_line(value);
        if !value.is_empty() {
            out.push_str(&format!("{tag}  - {value}\n"));
        }
    };
    tag("TY", ty);
    tag("ID", &c.key);
    tag("TI", &c.title);
    if let Some(a) = &c.author {
        tag("AU", a);
    }
    if let Some(m) = c.meeting_label() {
        let m = match c.edition_text() {
            Some(e) => format!("{m}, {e}"),
            None => m,
        };
        tag("T2", &m);
    }
    if let Some(y) = c.year {
        tag("PY", &y.to_string());
    }
    if let Some(d) = c.date {
        tag("DA", &format!("{:04}/{:02}/{:02}/", d.year, d.month, d.day));
    }
    for (t, v) in [
        ("CY", &c.place),
        ("M1", &c.symbol),
        ("M3", &c.genre.map(str::to_string)),
    ] {
        if let Some(v) = v {
            tag(t, v);
        }
    }
    tag("SE", &c.pinpoint.with_word("para."));
    if let Some(u) = &c.url {
        tag("UR", u);
    }
    tag("N1", &format!("dipsearch paragraph {}", c.id));
    out.push_str("ER  - \n");
    out
}

/// Several records, a blank line between them.
pub fn records(citations: &[Citation]) -> String {
    citations.iter().map(record).collect::<Vec<_>>().join("\n")
}

/// A value on one line: control characters (newlines included) and runs of
/// whitespace become one space.
fn one_line(value: &str) -> String {
    value
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
