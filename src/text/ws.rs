//! Whitespace: runs collapsed to one space, and the check that lets the
//! common, already clean case skip the copy.

/// Whether `s` is already as [`normalise_ws`] would make it (the usual
/// case), so the copy can be skipped.
pub fn is_normal_ws(s: &str) -> bool {
    !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.chars().any(|c| c.is_whitespace() && c != ' ')
}

/// Collapses every run of whitespace to one space and trims the ends.
///
/// ```
/// assert_eq!(dipsearch::text::ws::normalise_ws(" Tokyo,\u{a0} Japan\n"), "Tokyo, Japan");
/// ```
pub fn normalise_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
