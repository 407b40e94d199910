//! dipsearch: paragraph-level search over diplomatic meeting documents.
//!
//! The library is the pipeline; the binary (`main.rs`, `cli.rs`, `commands/`)
//! only parses arguments and prints. Data flows left to right, each stage
//! taking the previous stage's output type:
//!
//! ```text
//! corpus/ ─▶ corpus ─▶ decode ─▶ segment ─▶ enrich ─▶ index ═▶ index/ ═▶ search ─▶ render ─▶ stdout
//!            (files)   (text)    (header,    (countries,  (tantivy)      (hits,     (text,
//!                                 paragraphs) instruments,                facets)    json)
//!                                             topics)
//! ```
//!
//! `pipeline::process` runs decode, segment and enrich over one file's bytes
//! and returns its records; `ingest` plans which files go through it and
//! stores what comes out with `index`. `model` is the vocabulary shared by
//! all stages; `meta` reads the metadata overrides (front matter,
//! `dipsearch.toml`) that `corpus` attaches to files.
#![warn(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod agreed;
pub mod cite;
pub mod corpus;
pub mod decode;
pub mod enrich;
pub mod error;
pub mod index;
pub mod ingest;
pub mod limits;
pub mod meta;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod search;
pub mod segment;
pub mod stats;
pub mod text;
pub mod watch;

pub use error::{Error, Result};
