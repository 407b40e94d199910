//! A flattened PDF's masthead set in two columns: `pdftotext -layout` and
//! copies from PDF viewers keep the columns side by side on one line
//! (`United Nations          S/PRST/2031/4` / `Security Council
//! Distr.: General`), and the header reader, which reads a line as one
//! thing, took `Security Council … Distr.: General` for a place and missed
//! the symbol. The masthead's lines are split at their wide gaps into one
//! line per cell, left to right; the body is left alone.

use std::borrow::Cow;

/// Spaces that separate two columns (a sentence never has so many).
const GAP: &str = "     ";
/// Non-blank lines at the top read as the masthead, at most.
const MASTHEAD_LINES: usize = 12;
/// A line this long without a gap is body text: the masthead is above it.
const BODY_LINE: usize = 120;
/// A cell of a masthead is short.
const MAX_CELL: usize = 70;

/// The text with its masthead's columns on lines of their own, or the
/// text itself when no masthead line has two columns.
///
/// ```
/// use dipsearch::segment::columns::split_masthead;
/// let t = "United Nations          S/PRST/2031/4\nSecurity Council        Distr.: General\n\nText of the statement.";
/// assert_eq!(split_masthead(t), "United Nations\nS/PRST/2031/4\nSecurity Council\nDistr.: General\n\nText of the statement.");
/// // Below the first long line of prose, nothing is split.
/// let body = format!("Title\n\n{}\nLeft          right\n", "Prose. ".repeat(20));
/// assert_eq!(split_masthead(&body), body);
/// ```
pub fn split_masthead(text: &str) -> Cow<'_, str> {
    let mut end = 0;
    let mut filled = 0;
    let mut any = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() {
            if cells(t).is_some() {
                any = true;
            } else if t.len() > BODY_LINE {
                break;
            }
            filled += 1;
        }
        end += line.len();
        if filled == MASTHEAD_LINES {
            break;
        }
    }
    if !any {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 32);
    for line in text[..end].split_inclusive('\n') {
        match cells(line.trim()) {
            Some(cs) => {
                out.push_str(&cs.join("\n"));
                if line.ends_with('\n') {
                    out.push('\n');
                }
            }
            None => out.push_str(line),
        }
    }
    out.push_str(&text[end..]);
    Cow::Owned(out)
}

/// The cells of a line set in columns: two or more short pieces
/// separated by wide gaps.
fn cells(t: &str) -> Option<Vec<&str>> {
    if !t.contains(GAP) {
        return None;
    }
    let cs: Vec<&str> = t
        .split(GAP)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    // A running head with its page number (`ARF ISM on NPD 24    Page 1`)
    // stays whole: the running-header detector knows it by its repeats.
    let running = cs.iter().any(|c| super::boilerplate::is_page_number(c));
    (cs.len() >= 2 && !running && cs.iter().all(|c| c.len() <= MAX_CELL)).then_some(cs)
}
