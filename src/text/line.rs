//! The shape of one line of prose: where it starts, how it ends.

/// Whether `s` ends a sentence (or a clause that closes a line: `:`, `;`,
/// a closing quote or bracket), ignoring trailing whitespace.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    matches!(
        t.chars().last(),
        Some('.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | ')' | ']' | '…' | '。')
    )
}

/// Whether `s` starts with a lower-case letter (the continuation of a
/// sentence).
pub fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Indentation of a line in columns: spaces (also no-break and
/// ideographic) count one, tabs four.
pub fn indent_of(line: &str) -> usize {
    let mut n = 0;
    for c in line.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{3000}' => n += 1,
            '\t' => n += 4,
            _ => break,
        }
    }
    n
}
