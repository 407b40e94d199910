//! Index (placeholder).
