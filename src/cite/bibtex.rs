//! BibTeX entries, read by BibTeX and by biblatex/Biber alike. An outcome
//! document with a known meeting is a `@techreport` (the meeting as
//! `institution` and as a corporate `author` in double braces, so it is
//! never split into first and last names; the document type as `type`);
//! everything else is a `@misc` with the meeting and type in
//! `howpublished`. The date is `year` and a `month` macro (classic BibTeX
//! has no day; the text citation has it); the pinpoint is the `note`.
//!
//! Every value is escaped for TeX: `\ { } & % _ # $ ~ ^` are written as
//! commands or escapes, so a title such as `R&D 100% of_the #1 ${x}` reads
//! back as written. URLs are verbatim in biblatex, so there only the
//! characters that would break the field (braces, backslash, spaces) are
//! percent-encoded.

use super::{Citation, Kind};

/// The BibTeX entry of a citation, ending with a newline.
pub fn entry(c: &Citation) -> String {
    let techreport = c.kind == Kind::Report && c.meeting.is_some();
    let mut fields: Vec<(&str, String)> = Vec::new();
    if let Some(a) = &c.author {
        fields.push(("author", format!("{{{{{}}}}}", escape(a))));
    }
    // Double braces keep the title's capitals (acronyms) as written.
    fields.push(("title", format!("{{{{{}}}}}", escape(&c.title))));
    let event = c.meeting_label().map(|m| match c.edition_text() {
        Some(e) => format!("{m}, {e}"),
        None => m,
    });
    if techreport {
        fields.extend(event.map(|e| ("institution", braced(&e))));
        fields.extend(c.genre.map(|g| ("type", braced(g))));
    } else {
        let how: Vec<String> = c.genre.iter().map(|g| g.to_string()).chain(event).collect();
        if !how.is_empty() {
            fields.push(("howpublished", braced(&how.join(", "))));
        }
    }
    fields.extend(c.symbol.as_deref().map(|s| ("number", braced(s))));
    fields.extend(c.place.as_deref().map(|p| ("address", braced(p))));
    fields.extend(c.year.map(|y| ("year", format!("{{{y}}}"))));
    fields.extend(c.date.map(|d| ("month", month_macro(d.month).to_string())));
    fields.push(("note", braced(&c.pinpoint.with_word("para."))));
    fields.extend(c.url.as_deref().map(|u| ("url", format!("{{{}}}", url(u)))));
    let kind = if techreport { "techreport" } else { "misc" };
    let mut out = format!("@{kind}{{{},\n", c.key);
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {value},\n"));
    }
    out.push_str("}\n");
    out
}

/// Several entries, a blank line between them.
pub fn entries(citations: &[Citation]) -> String {
    citations.iter().map(entry).collect::<Vec<_>>().join("\n")
}

fn braced(s: &str) -> String {
    format!("{{{}}}", escape(s))
}

/// `s` for a TeX field: the special characters escaped, control
/// characters and line breaks as spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '{' | '}' | '&' | '%' | '_' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A URL for the verbatim `url` field: braces, backslashes, whitespace and
/// control characters percent-encoded, everything else as given.
fn url(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        if matches!(c, '{' | '}' | '\\') || c.is_whitespace() || c.is_control() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The standard BibTeX month macros.
fn month_macro(month: u8) -> &'static str {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    MONTHS[usize::from(month.clamp(1, 12)) - 1]
}
