//! A citation as one line of text, in three styles:
//!
//! - [`Style::Un`], the UN editorial and diplomatic form: `S/RES/1540
//!   (2004) of 28 April 2004, para. 3`; `Title, Meeting, Place, 13 November
//!   2003, para. 4(d)`.
//! - [`Style::Oscola`], OSCOLA-like: `UNSC Res 1540 (28 April 2004) UN Doc
//!   S/RES/1540, para 3`; `Author, 'Title' (Place, 13 November 2003) para
//!   4(d)`.
//! - [`Style::Bluebook`], Bluebook-like: `S.C. Res. 1540, ¶ 3 (Apr. 28,
//!   2004)`; `Author, Title ¶ 4(d) (Place, Nov. 13, 2003)`.
//!
//! The meeting is named when the title does not name it, the document type
//! when the title does not say it; a URL the page gave ends the line.

use super::{Citation, Kind};
use crate::model::Date;
use crate::text::lexicon::MONTHS;

/// A citation style for text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Style {
    /// The UN / diplomatic form (the default, and what `show` and the JSON
    /// HIT carry).
    #[default]
    Un,
    /// OSCOLA-like (UK legal).
    Oscola,
    /// Bluebook-like (US legal).
    Bluebook,
}

/// Bluebook's month abbreviations (T12).
const MONTHS_SHORT: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

/// The citation in `style`, as one line ending with a full stop.
pub fn format(c: &Citation, style: Style) -> String {
    let line = match (style, resolution(c)) {
        (Style::Un, Some(r)) => un_resolution(c, &r),
        (Style::Oscola, Some(r)) => oscola_resolution(c, &r),
        (Style::Bluebook, Some(r)) => bluebook_resolution(c, &r),
        (Style::Un, None) => un(c),
        (Style::Oscola, None) => oscola(c),
        (Style::Bluebook, None) => bluebook(c),
    };
    let line = line.trim_end_matches('.').to_string();
    match (&c.url, style) {
        (Some(u), Style::Un) => format!("{line}. Available from {u}."),
        (Some(u), Style::Oscola) => format!("{line} <{u}>."),
        (Some(u), Style::Bluebook) => format!("{line}, {u}."),
        (None, _) => format!("{line}."),
    }
}

/// A UN resolution's symbol read into its parts.
struct Resolution<'a> {
    /// `S/RES/1540`.
    symbol: &'a str,
    /// `1540`, `60/1`.
    number: &'a str,
    /// The Security Council's (`S/RES/`) or the General Assembly's.
    security_council: bool,
}

/// The resolution a legislation citation's symbol names, if it is a UN one.
fn resolution(c: &Citation) -> Option<Resolution<'_>> {
    if c.kind != Kind::Legislation {
        return None;
    }
    let full = c.symbol.as_deref()?;
    let symbol = full.split(" (").next().unwrap_or(full).trim();
    let (security_council, number) = match symbol.split_once("/RES/") {
        Some(("S", n)) => (true, n),
        Some(("A", n)) => (false, n),
        _ => return None,
    };
    Some(Resolution {
        symbol,
        number,
        security_council,
    })
}

/// `S/RES/1540 (2004) of 28 April 2004, para. 3`.
fn un_resolution(c: &Citation, _r: &Resolution) -> String {
    let symbol = c.symbol.as_deref().unwrap_or_default();
    let date = c.date.map(|d| format!(" of {}", day_month_year(d)));
    format!(
        "{symbol}{}, {}",
        date.unwrap_or_default(),
        c.pinpoint.with_word("para.")
    )
}

/// `UNSC Res 1540 (28 April 2004) UN Doc S/RES/1540, para 3`.
fn oscola_resolution(c: &Citation, r: &Resolution) -> String {
    let body = if r.security_council { "UNSC" } else { "UNGA" };
    let when = date_text(c, false).map(|d| format!(" ({d})"));
    format!(
        "{body} Res {}{} UN Doc {}, {}",
        r.number,
        when.unwrap_or_default(),
        r.symbol,
        c.pinpoint.with_word("para")
    )
}

/// `S.C. Res. 1540, ¶ 3 (Apr. 28, 2004)`.
fn bluebook_resolution(c: &Citation, r: &Resolution) -> String {
    let body = if r.security_council { "S.C." } else { "G.A." };
    let when = date_text(c, true).map(|d| format!(" ({d})"));
    format!(
        "{body} Res. {}, {}{}",
        r.number,
        c.pinpoint.with_word("¶"),
        when.unwrap_or_default()
    )
}

/// What the title leaves unsaid: the document type, the meeting and its
/// edition (each only when the title does not name it).
fn unsaid(c: &Citation) -> Vec<String> {
    let mut parts = Vec::new();
    if !c.title_names_genre() {
        parts.extend(c.genre.map(str::to_string));
    }
    if !c.title_names_meeting() {
        if let Some(m) = c.meeting_label() {
            parts.push(m);
            parts.extend(c.edition_text());
        }
    }
    if let (Some(s), Kind::Legislation) = (&c.symbol, c.kind) {
        parts.push(s.clone());
    }
    parts
}

/// `Title, Chair's Summary, Meeting (ACR), 12th meeting, Place, 13
/// November 2003, para. 4(d)`.
fn un(c: &Citation) -> String {
    let mut parts = vec![c.title.clone()];
    parts.extend(unsaid(c));
    parts.extend(c.place.clone());
    parts.extend(date_text(c, false));
    parts.push(c.pinpoint.with_word("para."));
    parts.join(", ")
}

/// `Author, 'Title' (Chair's Summary, Place, 13 November 2003) para 4(d)`;
/// a title made by dipsearch (`Statement by New Zealand`) is not quoted.
fn oscola(c: &Citation) -> String {
    let mut out = author_prefix(c);
    if c.title_given {
        out.push_str(&format!("'{}'", c.title));
    } else {
        out.push_str(&c.title);
    }
    let mut inside = unsaid(c);
    inside.extend(c.place.clone());
    inside.extend(date_text(c, false));
    if !inside.is_empty() {
        out.push_str(&format!(" ({})", inside.join(", ")));
    }
    format!("{out} {}", c.pinpoint.with_word("para"))
}

/// `Author, Title, Chair's Summary ¶ 4(d) (Place, Nov. 13, 2003)`.
fn bluebook(c: &Citation) -> String {
    let mut out = author_prefix(c);
    let mut head = vec![c.title.clone()];
    head.extend(unsaid(c));
    out.push_str(&head.join(", "));
    out.push_str(&format!(" {}", c.pinpoint.with_word("¶")));
    let mut inside: Vec<String> = c.place.iter().cloned().collect();
    inside.extend(date_text(c, true));
    if !inside.is_empty() {
        out.push_str(&format!(" ({})", inside.join(", ")));
    }
    out
}

/// `Author, ` when there is an author the title does not already name.
fn author_prefix(c: &Citation) -> String {
    match &c.author {
        Some(a) if !c.title.to_lowercase().contains(&a.to_lowercase()) => format!("{a}, "),
        _ => String::new(),
    }
}

/// The date as cited: `13 November 2003`, `21–22 November 2001`, `29
/// April – 1 May 2024`, `1975` (Bluebook: `Nov. 13, 2003`, `Nov. 21–22,
/// 2001`); `None` when undated.
pub fn date_text(c: &Citation, bluebook: bool) -> Option<String> {
    let Some(d) = c.date else {
        return c.year.map(|y| y.to_string());
    };
    let month = |d: Date| {
        let i = usize::from(d.month.clamp(1, 12)) - 1;
        if bluebook {
            MONTHS_SHORT[i]
        } else {
            MONTHS[i]
        }
    };
    Some(match (c.date_end, bluebook) {
        (None, false) => day_month_year(d),
        (None, true) => format!("{} {}, {}", month(d), d.day, d.year),
        (Some(e), false) if (e.year, e.month) == (d.year, d.month) => {
            format!("{}–{}", d.day, day_month_year(e))
        }
        (Some(e), true) if (e.year, e.month) == (d.year, d.month) => {
            format!("{} {}–{}, {}", month(d), d.day, e.day, d.year)
        }
        (Some(e), false) if e.year == d.year => {
            format!("{} {} – {}", d.day, month(d), day_month_year(e))
        }
        (Some(e), true) if e.year == d.year => {
            format!(
                "{} {} – {} {}, {}",
                month(d),
                d.day,
                month(e),
                e.day,
                d.year
            )
        }
        (Some(e), false) => format!("{} – {}", day_month_year(d), day_month_year(e)),
        (Some(e), true) => format!(
            "{} {}, {} – {} {}, {}",
            month(d),
            d.day,
            d.year,
            month(e),
            e.day,
            e.year
        ),
    })
}

/// `13 November 2003`.
fn day_month_year(d: Date) -> String {
    let i = usize::from(d.month.clamp(1, 12)) - 1;
    format!("{} {} {}", d.day, MONTHS[i], d.year)
}
