//! CLI tests: one test binary (as in ripgrep and xsv) driving the real
//! `dipsearch` executable on real-looking files.

mod util;

mod agreed;
mod entities;
mod errors;
mod formats;
mod incremental;
mod metadata;
mod real;
mod safety;
mod sample;
mod understanding;
