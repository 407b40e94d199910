//! Choosing among a header's title lines: which one is the document's
//! title, and a group named in any of them.

use super::doc_type::{contains_meeting_word, find_doc_type};
use crate::segment::dates::{find_date, DateMatch};
use crate::text::lexicon::acronym;

/// The title among the title lines: the first, unless it names neither a
/// document type nor a meeting and a later one names a type (a site's name
/// above the document's title: `President of Russia` / `Joint Statement
/// of …`).
pub(super) fn main_title(titles: &[String]) -> Option<String> {
    let first = titles.first()?;
    if find_doc_type(first).is_some() || contains_meeting_word(first) {
        return Some(first.clone());
    }
    titles
        .iter()
        .skip(1)
        .find(|t| find_doc_type(t).is_some())
        .or(Some(first))
        .cloned()
}

/// A group named in a title that names a type or a meeting: `A G8
/// Declaration`; not a headline's (`Foreign Secretary meets ASEAN
/// Secretary-General in Jakarta`).
pub(super) fn group_acronym(titles: &[String]) -> Option<String> {
    let about_a_meeting = |t: &&String| find_doc_type(t).is_some() || contains_meeting_word(t);
    titles.iter().filter(about_a_meeting).find_map(|t| {
        t.split(|c: char| !c.is_alphanumeric())
            .find(|w| acronym(w).is_some_and(|a| a.is_group()))
            .map(str::to_string)
    })
}

/// Whether the title repeats the date line's date (`… Press Conference on
/// November 4, 2031` / `2031-11-04 15:00`): then the date is the
/// document's own, not a publication date that a date in the body would
/// replace.
pub(super) fn repeats_date(title: Option<&str>, date: Option<DateMatch>) -> bool {
    date.zip(title.and_then(find_date))
        .is_some_and(|(d, t)| d.date == t.date)
}
