//! CLI tests: one test binary (as in ripgrep and xsv) driving the real
//! `dipsearch` executable on real-looking files.

mod util;
// Shared with benches/relevance.rs.
#[path = "../support/general_debate.rs"]
mod general_debate;

mod agreed;
mod cite;
mod consistent;
mod docx;
mod entities;
mod errors;
mod everyday;
mod fewer;
mod formats;
mod help;
mod incremental;
mod metadata;
mod outputs;
mod real;
mod safety;
mod sample;
mod serve;
mod stale;
mod totals;
mod understanding;
mod watch;
