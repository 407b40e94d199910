//! Limits on what one request may ask, checked before any work.
//!
//! Why: a query of 20,000 words took 27 s and 1.26 GB before it was
//! refused; no real search needs more than a few dozen terms, so anything
//! far beyond is a mistake (a pasted document) or an attack, and a usage
//! error says so at once.

use crate::error::UsageError;

/// Longest query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 10_000;
/// Most terms (whitespace-separated words) a query may have.
pub const MAX_QUERY_TERMS: usize = 1_000;

/// Refuses a query over [`MAX_QUERY_BYTES`] or [`MAX_QUERY_TERMS`].
pub fn check_query_size(query: &str) -> Result<(), UsageError> {
    let bytes = query.len();
    // Counting stops just past the limit: a huge query costs no more.
    let terms = query.split_whitespace().take(MAX_QUERY_TERMS + 1).count();
    if bytes > MAX_QUERY_BYTES || terms > MAX_QUERY_TERMS {
        return Err(UsageError::QueryTooLarge {
            bytes,
            terms: query.split_whitespace().count(),
            max_bytes: MAX_QUERY_BYTES,
            max_terms: MAX_QUERY_TERMS,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_over_either_limit_are_usage_errors() {
        assert!(check_query_size("export control").is_ok());
        assert!(check_query_size(&"w ".repeat(MAX_QUERY_TERMS)).is_ok());
        assert!(check_query_size(&"w ".repeat(MAX_QUERY_TERMS + 1)).is_err());
        assert!(check_query_size(&"x".repeat(MAX_QUERY_BYTES + 1)).is_err());
    }
}
