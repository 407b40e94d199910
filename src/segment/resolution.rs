//! The body of a Security Council resolution, made ready for the common
//! block and labelling passes (`unwrap`, `numbering`).
//!
//! Two layouts of the printed resolutions need help:
//!
//! * preambular clauses (`Recalling ...,`, `Acting under Chapter VII of the
//!   Charter,`) and unnumbered operative clauses (`Recommends ...`) often
//!   stand on consecutive lines with no blank line between them: a line
//!   that opens a clause after a line ending in a comma or semicolon starts
//!   a paragraph;
//! * operative paragraph numbers scanned with OCR slips (`S.` for 5, `ll.`
//!   for 11, `Z.` for 2, `6.Calls`, `2 Requests`, an `8.` where 5 is due
//!   and 6 follows), or a number lost altogether (the paragraph between
//!   `1.` and `3.` printed without its `2.`): within the operative part the
//!   numbers must run 1, 2, 3 …, so a marker that reads as the number due
//!   is written as that number, and a paragraph start in a one-number gap
//!   takes the missing number.
//!
//! Lines are only ever blanked, split off or given a normal marker; the
//! text itself is not changed.

use std::borrow::Cow;

use super::boilerplate::un_page_furniture;
use super::header::ResolutionScan;
use super::hyphen::{append, WordForms};
use super::{labelled, paragraphs, unwrap};
use crate::model::Segmented;
use crate::text::line::starts_lower;
use crate::text::marker::starts_item;

/// First words of a preambular clause that are not participles in `-ing`.
const PREAMBLE_WORDS: &[&str] = &[
    "Mindful",
    "Determined",
    "Concerned",
    "Appalled",
    "Conscious",
    "Convinced",
    "Aware",
    "Alarmed",
    "Anxious",
    "Desirous",
    "Cognizant",
    "Satisfied",
    "Disturbed",
    "Shocked",
    "Dismayed",
    "Indignant",
    "Encouraged",
    "Gratified",
    "Guided",
    "Seized",
    "Deeply",
    "Gravely",
    "Seriously",
    "Strongly",
    "Profoundly",
    "Further",
    "Also",
    "Reaffirming",
];

/// Operative verbs that open an unnumbered operative clause.
const OPERATIVE_WORDS: &[&str] = &[
    "Acknowledges",
    "Affirms",
    "Agrees",
    "Appeals",
    "Appoints",
    "Approves",
    "Asks",
    "Authorizes",
    "Calls",
    "Censures",
    "Commends",
    "Condemns",
    "Confirms",
    "Considers",
    "Decides",
    "Declares",
    "Demands",
    "Deplores",
    "Directs",
    "Draws",
    "Emphasizes",
    "Encourages",
    "Endorses",
    "Establishes",
    "Expresses",
    "Extends",
    "Instructs",
    "Invites",
    "Notes",
    "Reaffirms",
    "Recalls",
    "Recognizes",
    "Recommends",
    "Regrets",
    "Reiterates",
    "Renews",
    "Requests",
    "Resolves",
    "Stresses",
    "Supports",
    "Takes",
    "Transmits",
    "Underlines",
    "Urges",
    "Welcomes",
];

/// Capitalised words in `-ing` that are names, not participles.
const NOT_PARTICIPLES: &[&str] = &["Beijing", "Kunming", "Nanjing", "Wyoming", "Sterling"];

/// Segments a resolution that [`super::header::read_resolution`] found:
/// the resolution proper (see [`body_lines`]), then each annex on its own
/// (its lines joined the same way; headings such as `Rule 42` kept), its
/// labels prefixed with the
/// annex (`annexA.1`, `annex.p2`) so that they never meet the operative
/// numbers, and the annex line as the heading of its paragraphs.
pub fn segment(lines: &[&str], r: ResolutionScan) -> Segmented {
    let body = &lines[r.body_start..r.body_end];
    let annex_starts: Vec<usize> = (0..body.len())
        .filter(|&i| annex_name(body[i]).is_some())
        .collect();
    let proper_end = annex_starts.first().copied().unwrap_or(body.len());
    let proper = body_lines(&body[..proper_end]);
    let proper: Vec<&str> = proper.iter().map(String::as_str).collect();
    let mut out = labelled(&unwrap::blocks(&proper), false);
    for (k, &start) in annex_starts.iter().enumerate() {
        let end = annex_starts.get(k + 1).copied().unwrap_or(body.len());
        let heading = body[start].trim().to_string();
        let prefix = annex_name(body[start]).unwrap_or_default();
        let annex = body_lines(&body[start + 1..end]);
        let annex: Vec<&str> = annex.iter().map(String::as_str).collect();
        for mut p in paragraphs(&unwrap::blocks(&annex)) {
            p.label = format!("{prefix}.{}", p.label);
            p.parent = p.parent.map(|q| format!("{prefix}.{q}"));
            p.heading = p.heading.or_else(|| Some(heading.clone()));
            p.ordinal = out.len() as u32;
            out.push(p);
        }
    }
    Segmented {
        header: r.header,
        paragraphs: out,
    }
}

/// The label prefix of an annex line standing alone: `Annex A` → `annexA`,
/// `ANNEX` → `annex`, `Appendix II` → `appendixII`.
pub(super) fn annex_name(line: &str) -> Option<String> {
    let mut words = line.split_whitespace();
    let first = words.next()?;
    let name = match first {
        "Annex" | "ANNEX" => "annex",
        "Appendix" | "APPENDIX" => "appendix",
        _ => return None,
    };
    let id = words.next().unwrap_or("");
    let short_id = id.len() <= 4 && id.chars().all(|c| c.is_ascii_alphanumeric());
    (words.next().is_none() && short_id).then(|| format!("{name}{id}"))
}

/// The body of a resolution (the lines between `The Security Council,`
/// and the adoption line) as one line per paragraph, blank lines between:
/// clause breaks found, operative numbers normalised (see the module doc)
/// and hard wrapping undone here, where blank lines and clause ends are
/// reliable, rather than by the general unwrapping rules.
pub fn body_lines(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(lines.len() + 8);
    let mut prev = "";
    for (i, l) in lines.iter().enumerate() {
        let mut t = l.trim();
        if let Some(n) = un_page_furniture(t) {
            if n >= t.len() {
                continue;
            }
            t = &t[n..];
        }
        let next = lines.get(i + 1).map_or("", |n| n.trim());
        let t = without_trailing_note(t, next);
        if is_symbol_line(t) || is_section_letter(t) {
            out.push(Cow::Borrowed(""));
            prev = "";
            continue;
        }
        if prev.ends_with([',', ';']) && opens_clause(t) {
            out.push(Cow::Borrowed(""));
        }
        // An em dash opening an indented item (`— Calls for ...`) is a
        // bullet, written as one the marker reader knows.
        let at_start = prev.is_empty() || prev.ends_with(['.', ';', ':']);
        if let Some(item) = t.strip_prefix("— ").filter(|_| at_start) {
            out.push(Cow::Owned(format!("• {item}")));
            prev = t;
            continue;
        }
        out.push(Cow::Borrowed(t));
        prev = t;
    }
    repair_markers(&mut out);
    let mut paragraphs = join_paragraphs(&out);
    repair_item_letters(&mut paragraphs);
    paragraphs
}

/// A line without a footnote number after its final punctuation
/// (`... Republic of South Africa, 12`), so that the clause end shows;
/// only when the next line starts anew (blank, capital, marker), since
/// `... of 2 August 1990, 661` / `(1990) of ...` is a list going on.
fn without_trailing_note<'a>(t: &'a str, next: &str) -> &'a str {
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = &t[..t.len() - digits];
    let next_starts_anew =
        next.is_empty() || next.chars().next().is_some_and(char::is_uppercase) || starts_item(next);
    if (1..=3).contains(&digits)
        && next_starts_anew
        && before.ends_with(' ')
        && before.trim_end().ends_with([',', ';', ':', '.'])
    {
        before.trim_end()
    } else {
        t
    }
}

/// A section letter standing alone (`A`, `B.`) between parts of the
/// operative text (resolutions 687, 864): a division, not a paragraph.
pub(super) fn is_section_letter(t: &str) -> bool {
    let t = t.strip_suffix('.').unwrap_or(t);
    t.len() == 1 && t.chars().all(|c| c.is_ascii_uppercase())
}

/// Joins the lines of each paragraph into one. A paragraph ends at a blank
/// line, unless it stops mid-clause and the next line goes on in lower
/// case or with a parenthesis that is not an item (a stray blank line),
/// and before a marked line that follows the end of a clause (`1. Calls
/// upon the parties :` / `(a) To cease ...`); a marker inside a wrapped
/// sentence (`... ; and` / `(3) The ...`) or continuing a list written
/// inline (`documents: (1) ...; (2) ...;` / `(3) ...`) stays.
fn join_paragraphs(lines: &[Cow<'_, str>]) -> Vec<String> {
    let refs: Vec<&str> = lines.iter().map(|l| l.as_ref()).collect();
    let forms = WordForms::collect(&refs);
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut blank = false;
    for &t in &refs {
        if t.is_empty() {
            blank = true;
            continue;
        }
        let clause_end = cur.ends_with(['.', ';', ':', ',']);
        let goes_on = starts_lower(t) || t.starts_with('(') && !starts_item(t);
        // After a blank line a comma does not end the paragraph when the
        // text goes on in lower case (a stray blank line mid-clause).
        let ended = cur.ends_with(['.', ';', ':']) || cur.ends_with(',') && !starts_lower(t);
        let new_para = cur.is_empty()
            || blank && (ended || !goes_on)
            || clause_end && starts_item(t) && !continues_inline_list(&cur, t);
        if new_para && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        append(&mut cur, t, &forms);
        blank = false;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.into_iter().flat_map(|p| [p, String::new()]).collect()
}

/// The item before a parenthesised item marker: `(3)` → `(2)`, `(c)` →
/// `(b)`; `None` for a first item or anything else.
fn previous_item(t: &str) -> Option<String> {
    let inner = t.strip_prefix('(')?.split(')').next()?;
    let prev = match inner.parse::<u32>() {
        Ok(n) if n > 1 => (n - 1).to_string(),
        Ok(_) => return None,
        Err(_) => {
            let mut c = inner.chars();
            let (Some(l), None) = (c.next(), c.next()) else {
                return None;
            };
            if !l.is_ascii_lowercase() || l == 'a' {
                return None;
            }
            ((l as u8 - 1) as char).to_string()
        }
    };
    Some(format!("({prev})"))
}

/// Whether a marked line continues a list written inline in `cur` (its
/// previous item stands inside the paragraph, not at its start).
fn continues_inline_list(cur: &str, t: &str) -> bool {
    previous_item(t).is_some_and(|p| cur.find(&p).is_some_and(|at| at > 0))
}

/// An item letter misread by OCR between two that fit (`(c)`, `(a)`,
/// `(e)` → `(d)`; `Decides:`, `(2)`, `(b)` → `(a)`) is written as the
/// letter due.
fn repair_item_letters(paragraphs: &mut [String]) {
    let items: Vec<(usize, char)> = paragraphs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| item_letter(p).map(|c| (i, c)))
        .collect();
    for w in 0..items.len() {
        let (i, got) = items[w];
        let Some(&(_, next)) = items.get(w + 1) else {
            continue;
        };
        if next < 'b' || got == (next as u8 - 1) as char {
            continue;
        }
        let due = (next as u8 - 1) as char;
        let prev_fits = match w.checked_sub(1).map(|v| items[v]) {
            Some((pi, pc)) if due > 'a' => pc == (due as u8 - 1) as char && pi + 2 == i,
            _ => due == 'a' && i >= 2 && paragraphs[i - 2].ends_with(':'),
        };
        if prev_fits {
            let close = paragraphs[i].find(')').unwrap_or(0);
            paragraphs[i] = format!("({due}{}", &paragraphs[i][close..]);
        }
    }
}

/// The letter of a paragraph that starts with a one-character item
/// marker (`(b) To renew`); digits and capitals are read as letters only
/// when they stand for one (`(2)`), so any one-character marker counts.
fn item_letter(p: &str) -> Option<char> {
    let inner = p.strip_prefix('(')?;
    let mut c = inner.chars();
    let (l, close) = (c.next()?, c.next()?);
    (close == ')' && l.is_ascii_alphanumeric()).then_some(if l.is_ascii_lowercase() {
        l
    } else {
        '?'
    })
}

/// The resolution's symbol standing alone as a running head
/// (`S/RES/1454 (2002)`).
pub(super) fn is_symbol_line(t: &str) -> bool {
    t.starts_with("S/RES/") && t.len() < 30
}

/// Whether a line opens a preambular or operative clause: its first word
/// is a participle (`Recalling`), one of the preamble's adjectives
/// (`Mindful`, `Deeply`) or an operative verb (`Recommends`).
fn opens_clause(t: &str) -> bool {
    let word: &str = t
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let participle = word.len() >= 5 && word.ends_with("ing") && !NOT_PARTICIPLES.contains(&word);
    participle || PREAMBLE_WORDS.contains(&word) || OPERATIVE_WORDS.contains(&word)
}

/// A paragraph number at the start of a line, as scanned.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scanned {
    /// The number it reads as.
    value: u32,
    /// Written in digits (not `S.`, `ll.`).
    digits: bool,
    /// Already in the normal form `N. Text`.
    normal: bool,
    /// Byte offset of the text after it.
    pub(super) text_start: usize,
}

/// Reads `5. Decides`, `S. Decides`, `ll. Further`, `6.Calls`, `2 Requests`.
pub(super) fn scan_number(t: &str) -> Option<Scanned> {
    let tok_len = t
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(t.len(), |(i, _)| i);
    let tok = &t[..tok_len];
    if tok.is_empty() || tok.len() > 3 {
        return None;
    }
    let digits = tok.chars().all(|c| c.is_ascii_digit());
    let read: String = tok
        .chars()
        .map(|c| match c {
            'l' | 'L' | 'I' | 'i' => '1',
            'S' | 's' => '5',
            'Z' | 'z' => '2',
            'O' | 'o' => '0',
            c => c,
        })
        .collect();
    let value: u32 = read.parse().ok()?;
    let after = &t[tok_len..];
    // A comma for the full stop is a common slip (`1, Recognizes`).
    let dotted = after.starts_with(['.', ',']);
    let rest = after.get(1..).filter(|_| dotted).unwrap_or(after);
    let text = rest.trim_start();
    let text_start = t.len() - text.len();
    // A number without its full stop is trusted only in digits before a
    // capital; an OCR letter-number only with its full stop.
    let starts_upper = text.chars().next().is_some_and(char::is_uppercase);
    let spaced = rest.len() > text.len();
    let ok = if digits {
        starts_upper && (dotted || spaced)
    } else {
        dotted && spaced && starts_upper
    };
    ok.then_some(Scanned {
        value,
        digits,
        normal: digits && after.starts_with('.') && spaced,
        text_start,
    })
}

/// Where a paragraph may start: after a blank line or a line ending a
/// sentence or clause.
fn may_start(out: &[Cow<'_, str>], i: usize) -> bool {
    i == 0 || {
        let p = out[i - 1].trim();
        p.is_empty() || p.ends_with(['.', ';', ':'])
    }
}

/// Normalises the operative numbers so that they run 1, 2, 3 … (see the
/// module doc). Stops at an annex, whose numbering is its own.
fn repair_markers(out: &mut [Cow<'_, str>]) {
    let mut due = 1u32;
    let mut last_marker: Option<usize> = None;
    let starts: Vec<usize> = (0..out.len())
        .filter(|&i| may_start(out, i) && !out[i].trim().is_empty())
        .collect();
    let scanned: Vec<Option<Scanned>> =
        starts.iter().map(|&i| scan_number(out[i].trim())).collect();
    for (k, &i) in starts.iter().enumerate() {
        let t = out[i].trim();
        if t.starts_with("Annex") || t.starts_with("ANNEX") || t.starts_with("Appendix") {
            break;
        }
        let Some(s) = scanned[k] else { continue };
        if due == 1 && s.value != 1 {
            continue;
        }
        let next = scanned[k + 1..].iter().flatten().next().map(|n| n.value);
        if s.value == due || s.digits && next == Some(due + 1) {
            if !s.normal || s.value != due {
                renumber(out, i, s.text_start, due);
            }
        } else if s.value == due + 1 {
            if let Some(gap) = gap_start(out, last_marker, i) {
                let t = out[gap].trim().to_string();
                out[gap] = Cow::Owned(format!("{due}. {t}"));
                due += 1;
            }
            if !s.normal {
                renumber(out, i, s.text_start, due);
            }
        } else {
            continue;
        }
        due += 1;
        last_marker = Some(i);
    }
}

/// Writes line `i` as `N. text`.
fn renumber(out: &mut [Cow<'_, str>], i: usize, text_start: usize, n: u32) {
    let t = out[i].trim();
    let text = t[text_start..].to_string();
    out[i] = Cow::Owned(format!("{n}. {text}"));
}

/// The start of a paragraph printed without its number between the last
/// marker and line `i`: a capitalised line after a blank line, else a
/// line in lower case after one ending in a semicolon (the number and
/// first words lost).
fn gap_start(out: &[Cow<'_, str>], last: Option<usize>, i: usize) -> Option<usize> {
    let from = last? + 1;
    let blank_before = |j: usize| out[j - 1].trim().is_empty();
    (from..i)
        .find(|&j| {
            let t = out[j].trim();
            blank_before(j) && t.chars().next().is_some_and(char::is_uppercase)
        })
        .or_else(|| {
            (from..i).find(|&j| out[j - 1].trim_end().ends_with(';') && starts_lower(out[j].trim()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Vec<String> {
        let lines: Vec<&str> = text.lines().collect();
        body_lines(&lines)
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn clauses_on_consecutive_lines_are_split() {
        let b = body("Determined to secure full compliance with its decisions,\nActing under Chapter VII of the Charter,\n\nNoting that, despite all efforts by the United Nations,\nIraq refuses to comply,");
        assert_eq!(
            b,
            [
                "Determined to secure full compliance with its decisions,",
                "Acting under Chapter VII of the Charter,",
                "Noting that, despite all efforts by the United Nations, Iraq refuses to comply,"
            ]
        );
    }

    #[test]
    fn wrapped_paragraphs_are_joined_and_items_split_after_a_clause_end() {
        let b = body("1. Calls upon the parties :\n(a) To cease ;\n(b) To release the Member\nStates' prisoners; (1) The first ; and\n(2) The second.\n\nResolves it.");
        assert_eq!(
            b,
            [
                "1. Calls upon the parties :",
                "(a) To cease ;",
                "(b) To release the Member States' prisoners; (1) The first ; and (2) The second.",
                "Resolves it."
            ]
        );
    }

    #[test]
    fn ocr_numbers_are_read_as_the_number_due() {
        let b = body("1. Decides;\n\nZ. Demands;\n\n3 Requests;\n\n8. Calls;\n\nS. Appeals;\n\n6.Urges;\n\n7, Notes;\n\nIn the absence of objection.");
        let markers: Vec<&str> = b.iter().map(|l| &l[..2]).collect();
        assert_eq!(markers, ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "In"]);
    }

    #[test]
    fn a_paragraph_without_its_number_fills_the_gap() {
        let b = body("1. Reaffirms;\n\nCalls upon Israel;\n\n3. Declares.");
        assert_eq!(b[1], "2. Calls upon Israel;");
        let b = body("1. Notes that;\nthe problems of the Force;\n\n3. Further notes.");
        assert_eq!(b[1], "2. the problems of the Force;");
    }
}
