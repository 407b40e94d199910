//! Rendering (placeholder).
