//! Corpus walking (placeholder).
