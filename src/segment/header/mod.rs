//! The header: the lines above the first paragraph that say which meeting,
//! where, when and what kind of document.
//!
//! Reads the layouts A–L of the domain notes line by line: [`classify`]
//! says what each line is ([`HeaderLine`]: a banner or breadcrumb, a
//! bracketed database field (`[Title]`, `[Place]`, `[Date]`), a place-date
//! line (`Tokyo, 13th November, 2003`, `(21st June 2004, Qingdao, China)`,
//! `City, Country | D Month YYYY`), a document-type line (`Chairman's
//! Summary`), a type plus meeting line (`CHAIRMAN'S STATEMENT OF THE 27th
//! ASEAN REGIONAL FORUM`), a tag line (`[ARF] [...] title place, dates`), a
//! title or prose), and a fold over the classified lines keeps what they
//! say; the first line that cannot follow what came before (a numbered
//! paragraph, prose, a second date) ends the header. After a date line
//! only a type line or a repeated title may follow, so a heading such as
//! `Introduction` below the header stays in the body.
//!
//! One file per concern: `classify` (what a line is), `fold` (what the
//! lines make together), `doc_type` (type phrases), `meetings` (meeting
//! names, acronyms, editions), `dates` (place-date lines, meeting dates in
//! the body), `body` (the chair and place in the body).
//!
//! The body is read for what headers rarely say: the chair (`chaired by
//! Ambassador ...`) and, on announcement pages whose only header date is the
//! publication date, the meeting date (`was held on January 17 (Mon.)`).

mod body;
mod classify;
mod dates;
mod doc_type;
mod fold;
mod meetings;

use fold::HeaderFold;

pub use body::{chair_from, place_from};
pub use classify::{classify, Field, FieldName, HeaderLine, TagLine, TextLine};
pub use dates::{meeting_date_from, PlaceDate};
pub use doc_type::{find_doc_type, DocTypeMatch};
pub use fold::HeaderScan;
pub use meetings::{meeting_info, ordinal_value, MeetingInfo};

pub use crate::text::title::{ends_with_function_word, is_all_caps, is_title_like, title_case};

/// Reads the header lines of a document (see the module doc).
///
/// ```
/// use dipsearch::segment::header::read_header;
/// let s = read_header(&["Chairman's Summary", "Tokyo, 13th November, 2003", "", "1. Text."]);
/// assert_eq!((s.header.place.as_deref(), s.body_start), (Some("Tokyo"), 2));
/// ```
pub fn read_header(lines: &[&str]) -> HeaderScan {
    let mut fold = HeaderFold::default();
    for (i, line) in lines.iter().enumerate() {
        if fold
            .take(i, classify(line, lines.get(i + 1).copied()))
            .is_break()
        {
            break;
        }
    }
    fold.finish(lines)
}

#[cfg(test)]
mod tests;
