//! Terminal-safe text: no byte of a document, a file name or a query can
//! drive the terminal.
//!
//! Why: text output goes to a terminal, and a corpus file holding
//! `ESC]0;…BEL` (sets the window title), `ESC[2J` (clears the screen) or a
//! file name holding a newline (forges result lines) would otherwise act
//! on it. Every text writer runs behind [`SafeWriter`], which shows such
//! characters as visible escapes (`\x1b`, `\u{202e}`); JSON output is never
//! filtered, so it stays exact.

use std::borrow::Cow;
use std::io::{self, Write};

/// The colour codes text output itself writes (bold, match or deleted,
/// dim, reset, inserted, shared wording): the only escape sequences let
/// through, and only when colour is on.
const OWN_CODES: [&str; 6] = [
    "\x1b[1m",
    "\x1b[1;31m",
    "\x1b[2m",
    "\x1b[0m",
    "\x1b[1;32m",
    "\x1b[1;36m",
];

/// Whether `c` must not reach a terminal raw: C0 controls but newline, DEL,
/// C1 controls, and the bidirectional overrides and isolates that reorder
/// what is shown.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_escaped(out: &mut String, c: char) {
    use std::fmt::Write as _;
    let n = c as u32;
    if n < 0x80 {
        let _ = write!(out, "\\x{n:02x}");
    } else {
        let _ = write!(out, "\\u{{{n:x}}}");
    }
}

/// `s` with every unsafe character, and newlines, shown as escapes: for
/// values printed on one line (file names, ids, error messages).
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\n' || is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c == '\n' || is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` with unsafe characters shown as escapes; newlines kept, and, when
/// `color` is on, the colour codes of [`OWN_CODES`].
pub fn clean(s: &str, color: bool) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '\x1b' && color {
            if let Some(code) = OWN_CODES.iter().find(|code| rest.starts_with(**code)) {
                out.push_str(code);
                rest = &rest[code.len()..];
                continue;
            }
        }
        if is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// A writer that passes text through [`clean`].
pub struct SafeWriter<'a> {
    inner: &'a mut dyn Write,
    color: bool,
}

impl<'a> SafeWriter<'a> {
    /// Filters what is written to `inner`; `color` lets the own colour
    /// codes through.
    pub fn new(inner: &'a mut dyn Write, color: bool) -> SafeWriter<'a> {
        SafeWriter { inner, color }
    }
}

impl Write for SafeWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Text writers hand over whole formatted pieces, so a chunk is
        // valid UTF-8; anything else is shown with replacement characters.
        let text = String::from_utf8_lossy(buf);
        self.inner.write_all(clean(&text, self.color).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        let doc = "title\x1b]0;pwned\x07 then \x1b[2J and \u{202e}txt.exe\r";
        let mut out = Vec::new();
        writeln!(SafeWriter::new(&mut out, false), "{doc}").unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(
            s,
            "title\\x1b]0;pwned\\x07 then \\x1b[2J and \\u{202e}txt.exe\\x0d\n"
        );
    }

    #[test]
    fn own_colour_codes_pass_only_with_colour_on() {
        let painted = "\x1b[1;31mnuclear\x1b[0m \x1b[31mred\x1b[0m";
        assert_eq!(
            clean(painted, true),
            "\x1b[1;31mnuclear\x1b[0m \\x1b[31mred\x1b[0m"
        );
        assert!(!clean(painted, false).contains('\x1b'));
    }

    #[test]
    fn one_line_values_cannot_forge_lines() {
        assert_eq!(one_line("a\nASTOP  2003"), "a\\x0aASTOP  2003");
        assert_eq!(one_line("plain.txt"), "plain.txt");
    }
}
