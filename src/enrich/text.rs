//! Text folding and the small character tests the matcher needs.
//!
//! Matching runs on a *folded* copy of the text in which typographic
//! apostrophes become `'`, non-breaking and other Unicode spaces become a
//! space, and hyphens and dashes (ASCII `-`, en dash, em dash, …) become a
//! space, so `People’s`, `Timor-Leste`/`Timor Leste` and `non-proliferation`
//! /`non proliferation` each need one pattern. Folding keeps ASCII case (case
//! rules are checked on the folded text) and keeps a byte map back to the
//! original, so every reported offset points into the caller's text.

use std::borrow::Cow;

use crate::text::ASCII_WORD;

/// A folded copy of a text plus the way back to original byte offsets.
pub(crate) struct Folded<'a> {
    /// The folded text (same length as the original when only ASCII bytes
    /// were folded).
    pub text: Cow<'a, str>,
    /// `map[i]` = original offset of folded byte `i`; `None` when the folded
    /// text has the same length as the original (offsets are identical).
    map: Option<Vec<u32>>,
    /// Length of the original text.
    orig_len: usize,
}

impl Folded<'_> {
    /// The original byte offset of folded offset `i` (`i` may equal the
    /// folded length, giving the original length).
    pub fn orig(&self, i: usize) -> usize {
        match &self.map {
            None => i,
            Some(m) => m.get(i).map(|&o| o as usize).unwrap_or(self.orig_len),
        }
    }
}

/// What a character becomes after folding: `Some(c)` to replace it, `None`
/// to keep it.
fn fold_char(c: char) -> Option<char> {
    match c {
        '-' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' => Some(' '),
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' => Some('"'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(' '),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => Some(' '),
        '\u{00AD}' | '\u{200B}' | '\u{FEFF}' => Some(' '),
        _ => None,
    }
}

/// Whether an ASCII byte is changed by folding.
fn ascii_folds(b: u8) -> bool {
    matches!(b, b'-' | b'\t' | b'\n' | b'\r' | b'`' | 0x0B | 0x0C)
}

/// Folds `text` for matching (see the module doc). Runs of spaces left by
/// folding (`Guinea - Bissau`, `Korea\n Peninsula`) shrink to one space.
///
/// One pass over the bytes; the offset map is only allocated once the
/// folded text stops lining up with the original (a typographic apostrophe
/// or a collapsed space), and text that needs no folding is borrowed.
pub(crate) fn fold(text: &str) -> Folded<'_> {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut map: Option<Vec<u32>> = None;
    // Bytes in `run..i` are copied unchanged, in bulk.
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && !ascii_folds(b) {
            let doubled = b == b' '
                && if i > run {
                    bytes[i - 1] == b' '
                } else {
                    out.last() == Some(&b' ')
                };
            if !doubled {
                i += 1;
                continue;
            }
        }
        out.extend_from_slice(&bytes[run..i]);
        if let Some(m) = map.as_mut() {
            m.extend(run as u32..i as u32);
        }
        let (c, width) = if b < 0x80 {
            (b as char, 1)
        } else {
            match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        let r = fold_char(c).unwrap_or(c);
        let collapse = r == ' ' && out.last() == Some(&b' ');
        if (collapse || r.len_utf8() != width) && map.is_none() {
            // Up to here folded and original offsets were equal.
            map = Some((0..out.len() as u32).collect());
        }
        if !collapse {
            let mut buf = [0u8; 4];
            let enc = r.encode_utf8(&mut buf).as_bytes();
            out.extend_from_slice(enc);
            if let Some(m) = map.as_mut() {
                m.extend(std::iter::repeat_n(i as u32, enc.len()));
            }
        }
        i += width;
        run = i;
    }
    if run == 0 && map.is_none() {
        // Nothing needed folding: no copy at all.
        return Folded {
            text: Cow::Borrowed(text),
            map: None,
            orig_len: text.len(),
        };
    }
    out.extend_from_slice(&bytes[run.min(bytes.len())..]);
    if let Some(m) = map.as_mut() {
        m.extend(run as u32..bytes.len() as u32);
        m.push(text.len() as u32);
    }
    // Valid UTF-8 slices and encoded chars were copied, so this holds; the
    // fallback keeps the original rather than panicking.
    let out = String::from_utf8(out).unwrap_or_else(|_| text.to_string());
    Folded {
        text: Cow::Owned(out),
        map,
        orig_len: text.len(),
    }
}

/// Appends the *shape* of `s` to `out`: ASCII letters in lower case, and
/// every byte of a character that is not a word character a space; other
/// characters as they are. Same length as `s`, so offsets carry over.
///
/// Why: the automaton searches shapes, and the shape of a key that starts
/// with a word character is led by a space, so that a match can begin only
/// where a word begins. Over plain lower-cased text, the automaton spent
/// most of its steps inside words, on the many keys that occur inside
/// other words (`un` in `fund`, `eu` in `neutral`), each reported and
/// then thrown away by the boundary check (benches/PROFILE.md). A shape
/// hides punctuation, so a hit is checked against the key's own bytes.
pub(crate) fn shape_into(s: &str, out: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let w = ASCII_WORD[b as usize];
            out.push(if w == 0 { b' ' } else { w });
            i += 1;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        let w = c.len_utf8();
        if is_word(c) {
            out.extend_from_slice(&bytes[i..i + w]);
        } else {
            out.extend(std::iter::repeat_n(b' ', w));
        }
        i += w;
    }
}

/// Folds an alias or trigger the way text is folded, collapsing runs of
/// spaces, so a pattern and the text it should match agree byte for byte.
pub(crate) fn fold_pattern(p: &str) -> String {
    let f = fold(p);
    let mut out = String::with_capacity(f.text.len());
    for w in f.text.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A lookup key: folded, lower case, spaces collapsed, a leading `the `
/// dropped. Used for resolving user filter values.
pub(crate) fn key(s: &str) -> String {
    // Nearly every name and alias is ASCII: fold, lower-case and collapse
    // spaces in one pass (the general path allocates four times).
    if s.is_ascii() {
        let mut k: Vec<u8> = Vec::with_capacity(s.len());
        for b in s.bytes() {
            let c = match b {
                b'`' => b'\'',
                b if ascii_folds(b) => b' ',
                b => b.to_ascii_lowercase(),
            };
            if c == b' ' && k.last().is_none_or(|&l| l == b' ') {
                continue;
            }
            k.push(c);
        }
        if k.last() == Some(&b' ') {
            k.pop();
        }
        if k.len() > 4 && k.starts_with(b"the ") {
            k.drain(..4);
        }
        // Only ASCII bytes were pushed.
        return String::from_utf8(k).unwrap_or_default();
    }
    key_general(s)
}

/// [`key`] for any text, through the full folding.
fn key_general(s: &str) -> String {
    let k = fold_pattern(s).to_lowercase();
    match k.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => k,
    }
}

/// Whether `c` continues a word (letters and digits, any script).
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character just before byte offset `i`, if any.
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|p| p.chars().next_back())
}

/// The character at byte offset `i`, if any.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|p| p.chars().next())
}

/// Whether a word boundary lies at `i` on the left of a match (the previous
/// character is not a word character).
pub(crate) fn left_boundary(s: &str, i: usize) -> bool {
    !char_before(s, i).is_some_and(is_word)
}

/// Whether a word boundary lies at `i` on the right of a match.
pub(crate) fn right_boundary(s: &str, i: usize) -> bool {
    !char_at(s, i).is_some_and(is_word)
}

/// End of the word that contains (or starts at) byte `i`.
pub(crate) fn word_end(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(s, i) {
        if !is_word(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// The text after `end`, with leading spaces skipped.
pub(crate) fn after(s: &str, end: usize) -> &str {
    s.get(end..).unwrap_or("").trim_start_matches(' ')
}

/// The text before `start`, with trailing spaces dropped.
pub(crate) fn before(s: &str, start: usize) -> &str {
    s.get(..start).unwrap_or("").trim_end_matches(' ')
}

/// Whether `hay` starts with `needle` (ASCII case-insensitive) and the match
/// ends at a word boundary when `needle` ends with a word character.
pub(crate) fn starts_with_phrase(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if h.len() < n.len() || !h[..n.len()].eq_ignore_ascii_case(n) {
        return false;
    }
    let ends_word = needle.chars().next_back().is_some_and(is_word);
    !ends_word || right_boundary(hay, n.len())
}

/// Whether `hay` ends with `needle` (ASCII case-insensitive) and the match
/// starts at a word boundary when `needle` starts with a word character.
pub(crate) fn ends_with_phrase(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if h.len() < n.len() || !h[h.len() - n.len()..].eq_ignore_ascii_case(n) {
        return false;
    }
    let starts_word = needle.chars().next().is_some_and(is_word);
    !starts_word || left_boundary(hay, h.len() - n.len())
}

/// The word starting right after `end` (spaces skipped, no punctuation in
/// between), if any.
pub(crate) fn next_word(s: &str, end: usize) -> Option<&str> {
    let rest = after(s, end);
    if rest.len() == s.len().saturating_sub(end) {
        return None; // no space: punctuation or end follows directly
    }
    let w = &rest[..word_end(rest, 0)];
    (!w.is_empty()).then_some(w)
}

/// The word ending right before `start` (spaces skipped, no punctuation in
/// between), if any.
pub(crate) fn prev_word(s: &str, start: usize) -> Option<&str> {
    let head = before(s, start);
    if head.len() == start {
        return None;
    }
    let mut i = head.len();
    while let Some(c) = char_before(head, i) {
        if !is_word(c) {
            break;
        }
        i -= c.len_utf8();
    }
    let w = &head[i..];
    (!w.is_empty()).then_some(w)
}

/// Whether a word starts with an upper-case letter and continues in lower
/// case (`Smith`, not `USA`, not `the`).
pub(crate) fn is_title_case(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
}

/// Whether a word is written in capitals (two or more letters, none lower
/// case).
pub(crate) fn is_all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_offsets_into_the_original() {
        let t = "People\u{2019}s Republic of\u{00A0}China";
        let f = fold(t);
        assert_eq!(f.text, "People's Republic of China");
        let start = f.text.find("China").unwrap_or(0);
        assert_eq!(&t[f.orig(start)..f.orig(start + 5)], "China");
        assert_eq!(f.orig(f.text.len()), t.len());
    }

    #[test]
    fn fold_collapses_spaces_and_keeps_offsets() {
        let t = "Guinea - Bissau and  Japan";
        let f = fold(t);
        assert_eq!(f.text, "Guinea Bissau and Japan");
        let j = f.text.find("Japan").unwrap_or(0);
        assert_eq!(&t[f.orig(j)..f.orig(j + 5)], "Japan");
        assert_eq!(&t[f.orig(0)..f.orig(13)], "Guinea - Bissau");
    }

    #[test]
    fn fold_turns_hyphens_and_dashes_into_spaces() {
        assert_eq!(fold("Timor-Leste").text, "Timor Leste");
        assert_eq!(fold("Timor\u{2013}Leste").text, "Timor Leste");
        assert_eq!(fold_pattern("Guinea - Bissau"), "Guinea Bissau");
    }

    #[test]
    fn neighbour_words() {
        let s = "LET US go, now";
        assert_eq!(prev_word(s, 4), Some("LET"));
        assert_eq!(next_word(s, 6), Some("go"));
        assert_eq!(next_word(s, 9), None);
        assert!(is_title_case("Smith") && !is_title_case("USA"));
        assert!(is_all_caps("LET") && !is_all_caps("Let"));
    }

    #[test]
    fn keys_ignore_case_hyphens_and_leading_the() {
        assert_eq!(key("  The Lao-PDR "), "lao pdr");
        assert_eq!(key("the"), "the");
    }

    #[test]
    fn ascii_keys_agree_with_the_general_folding() {
        for v in [
            "Lao PDR",
            "the Lao-PDR",
            "  The  Hague Code of Conduct ",
            "Timor-Leste",
            "People`s Republic\tof China",
            "THE",
            "the ",
            "Non-Proliferation Treaty (NPT)",
            "UNSCR 1540",
            "--x--",
            "",
        ] {
            assert_eq!(key(v), key_general(v), "{v:?}");
        }
    }
}
