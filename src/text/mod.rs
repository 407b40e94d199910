//! Text: the shared layer under `decode` and `segment`.
//!
//! Knows lines and words, nothing about documents: paragraph markers and
//! roman numerals, the shape of titles, whitespace, and the word lists the
//! layout rules share. Both decoding (which spells out HTML list markers)
//! and segmentation (which reads them) import it; it imports neither.
//!
//! * [`marker`]: `1.`, `(a)`, `ii)`, `13.5.4`, `•` at the start of a line;
//! * [`roman`]: roman numerals read and written;
//! * [`title`]: title-like lines, ALL CAPS, title case;
//! * [`line`](mod@line): sentence ends and sentences, lower-case starts,
//!   indentation;
//! * [`ws`]: whitespace runs collapsed;
//! * [`lexicon`]: small words, function words, section words, meeting
//!   words and acronyms, each written once.

pub mod lexicon;
pub mod line;
pub mod marker;
pub mod roman;
pub mod title;
pub mod ws;
