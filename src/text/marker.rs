//! Paragraph markers at the start of a line: `1.`, `(a)`, `ii)`, `13.5.4`,
//! `IV.`, `•`. Decoding writes them for HTML list items that have none;
//! segmentation reads them to label paragraphs.

use super::roman::roman_value;

/// How a marker is written. Two markers of the same style are siblings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `1.` `1` (arabic numbers).
    Number,
    /// `1)` (arabic numbers with a closing parenthesis, METI outlines).
    NumberParen,
    /// `13.5` `13.5.4` (decimal outline numbers, depth = dots + 1).
    Decimal(u8),
    /// `(1)` `(2)`.
    ParenNumber,
    /// `(a)` `a)` `a.` lower-case letters.
    LowerAlpha,
    /// `A.` `(A)` `A)` upper-case letters.
    UpperAlpha,
    /// `(iv)` `iv)` `iv.` `[iv]` lower-case roman numerals.
    LowerRoman,
    /// `IV.` `(IV)` upper-case roman numerals.
    UpperRoman,
    /// `-` `•` `*` and similar bullets; the char and the indentation (in
    /// steps of two columns) tell nested lists apart.
    Bullet(char, u8),
}

/// One parsed marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// Style (decides nesting).
    pub style: Style,
    /// Label fragment: `4`, `d`, `ii`, `13.5.4`, `II`; empty for bullets.
    pub value: String,
    /// Numeric value for sequence checks (letters: a=1; roman: iv=4).
    pub number: u32,
    /// Byte offset in the line where the text after the marker starts.
    pub text_start: usize,
    /// Whether the marker was written without punctuation (`1 Text`),
    /// which is only trusted when it continues a sequence.
    pub bare: bool,
}

/// A marker token read without its punctuation: style, value, number.
struct Token {
    style: Style,
    value: String,
    number: u32,
}

impl Token {
    /// The marker for this token, its text starting at byte `text_start`.
    fn marker(self, text_start: usize) -> Marker {
        Marker {
            style: self.style,
            value: self.value,
            number: self.number,
            text_start,
            bare: false,
        }
    }
}

const BULLETS: &[char] = &[
    '-', '•', '*', '·', '–', '○', '■', '▪', '◦', '●', '・', '→', '►',
];

/// Skips spaces and tabs from byte `i`; returns the new offset.
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    loop {
        if i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        } else if b[i..].starts_with(NBSP) {
            i += NBSP.len();
        } else {
            return i;
        }
    }
}

/// A no-break space in UTF-8: web pages put one after a paragraph number
/// (`1.\u{a0}Spain and ...`).
const NBSP: &[u8] = "\u{a0}".as_bytes();

/// Parses the marker at the start of `line` (already left-trimmed).
///
/// Returns `None` for ordinary text. A marker must be followed by
/// whitespace (or end the line), so `1.5 million` and `(a)n` are text.
/// Letters and roman numerals are ambiguous for `i`, `v`, `x`, `c`, `l`;
/// they are returned as roman here and the segmenter's labeller re-reads
/// them as letters when they continue a letter list (`(h)` then `(i)`).
///
/// ```
/// use dipsearch::text::marker::{parse_marker, Style};
/// let m = parse_marker("(d) export controls").unwrap();
/// assert_eq!((m.style, m.value.as_str(), m.text_start), (Style::LowerAlpha, "d", 4));
/// assert!(parse_marker("1.5 million people").is_none());
/// assert_eq!(parse_marker("o The sides agreed.").unwrap().style, Style::Bullet('○', 0));
/// assert!(parse_marker("o the sides").is_none());
/// ```
pub fn parse_marker(line: &str) -> Option<Marker> {
    let first = line.chars().next()?;
    if BULLETS.contains(&first) {
        return bullet(line, first);
    }
    // Korean and Japanese ministries type their circle bullet as a
    // letter: `o The three sides agreed …`.
    if first == 'o'
        && line[1..]
            .strip_prefix(' ')
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_uppercase()))
    {
        return Some(Marker {
            style: Style::Bullet('○', 0),
            value: String::new(),
            number: 0,
            text_start: skip_ws(line.as_bytes(), 1),
            bare: false,
        });
    }
    if first == '(' || first == '[' {
        return bracketed(line, first);
    }
    // `S. Korea`, `N. Korea`: the news agencies' abbreviations of the two
    // Koreas (`S. Korea, Japan agree …`), no item `S`.
    if ["S. Korea", "N. Korea"].iter().any(|a| line.starts_with(a)) {
        return None;
    }
    punctuated(line)
}

/// `- text`, `• text`: a bullet needs a space after it, so `--` and
/// `**bold**` are text.
fn bullet(line: &str, first: char) -> Option<Marker> {
    let after = first.len_utf8();
    let rest = &line[after..];
    if !(rest.starts_with(' ') || rest.starts_with('\t') || rest.starts_with('\u{a0}')) {
        return None;
    }
    let ts = skip_ws(line.as_bytes(), after);
    (ts < line.len()).then(|| Marker {
        style: Style::Bullet(if first == '–' { '-' } else { first }, 0),
        value: String::new(),
        number: 0,
        text_start: ts,
        bare: false,
    })
}

/// `(a)` `(1)` `(iv)` `(A)` `[iv]`; square brackets only for lower-case
/// roman numerals (`[Title]` and `[1]` footnotes are not markers).
fn bracketed(line: &str, first: char) -> Option<Marker> {
    let b = line.as_bytes();
    let close = if first == '(' { b')' } else { b']' };
    let end = b.iter().take(8).position(|&c| c == close)?;
    let ts = skip_ws(b, end + 1);
    if ts == end + 1 && ts < b.len() {
        return None; // "(a)n" or "(1)text"
    }
    let mut t = token(&line[1..end], first == '[')?;
    if first == '[' && t.style != Style::LowerRoman {
        return None;
    }
    if t.style == Style::Number {
        t.style = Style::ParenNumber;
    }
    Some(t.marker(ts))
}

/// A token then `.`, `)` or whitespace: `1.` `1)` `a)` `i.` `IV.` `A.`
/// `13.5.4`, or a bare number.
fn punctuated(line: &str) -> Option<Marker> {
    let b = line.as_bytes();
    let tok_end = b
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'.'))
        .unwrap_or(b.len());
    let tok = &line[..tok_end];
    if tok.is_empty() {
        return None;
    }
    let ws_after =
        |i: usize| i >= b.len() || b[i] == b' ' || b[i] == b'\t' || b[i..].starts_with(NBSP);
    if line[tok_end..].starts_with(')') {
        if !ws_after(tok_end + 1) {
            return None;
        }
        let mut t = token(tok, false)?;
        if t.style == Style::Number {
            t.style = Style::NumberParen;
        }
        return Some(t.marker(skip_ws(b, tok_end + 1)));
    }
    if !ws_after(tok_end) {
        return mistyped(line, tok, tok_end);
    }
    let core = tok.strip_suffix('.');
    let dotted = core.unwrap_or(tok);
    if dotted.contains('.') {
        return decimal(line, dotted, tok_end).or_else(|| mistyped(line, tok, tok_end));
    }
    match core {
        Some(c) => Some(token(c, false)?.marker(skip_ws(b, tok_end))),
        None => bare_number(line, tok, tok_end),
    }
}

/// Decimal outline numbers: `13.5.4`, `13.5.4.`, `2.1`, followed by a
/// capital or an opening bracket or quote (not `1.5 million`), or by a
/// lower-case item of a list (`13.5.2 exchanging`).
fn decimal(line: &str, dotted: &str, tok_end: usize) -> Option<Marker> {
    let parts: Vec<&str> = dotted.split('.').collect();
    let numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|c| c.is_ascii_digit()));
    if parts.len() > 6 || !numeric {
        return None;
    }
    let ts = skip_ws(line.as_bytes(), tok_end);
    let next = line[ts..].chars().next();
    // Items of a recommendation list start in lower case (`13.5.2
    // exchanging ...`): three levels, or a verb in -ing after two, are
    // never a quantity.
    let word = line[ts..].split_whitespace().next().unwrap_or("");
    let lower_item = parts.len() >= 3 || (word.len() > 4 && word.ends_with("ing"));
    if !lower_item && !next.is_none_or(|c| c.is_uppercase() || matches!(c, '(' | '"' | '“' | '['))
    {
        return None; // "1.5 million"
    }
    let first_n: u32 = parts[0].parse().ok()?;
    Some(Marker {
        style: Style::Decimal(parts.len() as u8),
        value: dotted.to_string(),
        number: first_n,
        text_start: ts,
        bare: false,
    })
}

/// A bare number before a capitalised word (`1 Ministry of ...`, MOFA
/// 2017), not `12 Asian nations` mid-text; the labeller also requires it
/// to continue a sequence.
fn bare_number(line: &str, tok: &str, tok_end: usize) -> Option<Marker> {
    if tok.len() > 3 || !tok.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: u32 = tok.parse().ok()?;
    let ts = skip_ws(line.as_bytes(), tok_end);
    let next = line[ts..].chars().next()?;
    (next.is_uppercase() && n > 0).then(|| Marker {
        style: Style::Number,
        value: tok.to_string(),
        number: n,
        text_start: ts,
        bare: true,
    })
}

/// A paragraph number with a typo, as web pages have them: a comma for
/// the full stop (`11, We ...`) or no space after it (`24.We ...`).
/// Bare, so the labeller takes it only where it continues the sequence.
fn mistyped(line: &str, tok: &str, tok_end: usize) -> Option<Marker> {
    let (digits, text_start) = match tok.split_once('.') {
        Some((d, word)) => (
            d,
            word.chars().next()?.is_uppercase().then_some(d.len() + 1)?,
        ),
        None => {
            let after = line[tok_end..].strip_prefix(", ")?;
            (
                tok,
                after
                    .starts_with(char::is_uppercase)
                    .then_some(tok_end + 2)?,
            )
        }
    };
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (n > 0).then(|| Marker {
        style: Style::Number,
        value: n.to_string(),
        number: n,
        text_start,
        bare: true,
    })
}

/// Reads a marker token without its punctuation: a number of up to three
/// digits, a roman numeral, or a single letter (lower-case letters not in
/// square brackets).
fn token(tok: &str, bracket: bool) -> Option<Token> {
    if tok.is_empty() || tok.len() > 6 {
        return None;
    }
    if tok.bytes().all(|c| c.is_ascii_digit()) {
        if tok.len() > 3 {
            return None; // years such as "2003." are text
        }
        let n: u32 = tok.parse().ok()?;
        return (n > 0 || tok == "0").then(|| Token {
            style: Style::Number,
            value: n.to_string(),
            number: n,
        });
    }
    let lower = tok.bytes().all(|c| c.is_ascii_lowercase());
    let (roman, letter, base) = if lower {
        (Style::LowerRoman, Style::LowerAlpha, b'a')
    } else if tok.bytes().all(|c| c.is_ascii_uppercase()) {
        (Style::UpperRoman, Style::UpperAlpha, b'A')
    } else {
        return None;
    };
    if let Some(v) = roman_value(tok) {
        return Some(Token {
            style: roman,
            value: tok.to_string(),
            number: v,
        });
    }
    (tok.len() == 1 && !(lower && bracket)).then(|| Token {
        style: letter,
        value: tok.to_string(),
        number: (tok.as_bytes()[0] - base) as u32 + 1,
    })
}

/// Whether `s` is a marker alone (`3.`, `(b)`), with no text after it.
pub fn is_marker_only(s: &str) -> bool {
    // The space test first: it rules out almost every line without the
    // copy (this runs for every line of every document).
    !s.contains(' ') && parse_marker(&format!("{s} x")).is_some_and(|m| m.text_start == s.len() + 1)
}

/// Whether a line starts a new item by its look alone: a punctuated
/// marker (a bare number needs the sequence to be trusted) or a marker
/// alone on the line.
pub fn starts_item(s: &str) -> bool {
    match parse_marker(s) {
        Some(m) => !m.bare,
        None => is_marker_only(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mk(line: &str) -> Option<(Style, String, String)> {
        parse_marker(line).map(|m| (m.style, m.value, line[m.text_start..].to_string()))
    }

    #[test]
    fn markers_in_every_numbering_style() {
        let cases: &[(&str, Style, &str)] = &[
            ("1. The", Style::Number, "1"),
            ("12) The", Style::NumberParen, "12"),
            ("94.\tThe", Style::Number, "94"),
            ("(1) The", Style::ParenNumber, "1"),
            ("(a) The", Style::LowerAlpha, "a"),
            ("b) The", Style::LowerAlpha, "b"),
            ("ii. The", Style::LowerRoman, "ii"),
            ("(iv) The", Style::LowerRoman, "iv"),
            ("[iii] The", Style::LowerRoman, "iii"),
            ("IV. The", Style::UpperRoman, "IV"),
            ("B. The", Style::UpperAlpha, "B"),
            ("13.5.4 The", Style::Decimal(3), "13.5.4"),
            ("2.1. The", Style::Decimal(2), "2.1"),
            ("- The", Style::Bullet('-', 0), ""),
            ("• The", Style::Bullet('•', 0), ""),
            ("* The", Style::Bullet('*', 0), ""),
        ];
        for &(line, style, value) in cases {
            assert_eq!(
                mk(line),
                Some((style, value.into(), "The".into())),
                "{line:?}"
            );
        }
        assert_eq!(
            mk("3 Ministry"),
            Some((Style::Number, "3".into(), "Ministry".into()))
        );
        assert!(parse_marker("3 Ministry").is_some_and(|m| m.bare));
        // Typos: trusted only where they continue the sequence.
        for line in ["11, We agree", "24.We agree"] {
            let m = parse_marker(line).unwrap();
            assert!(m.bare && m.style == Style::Number, "{line:?}");
            assert_eq!(&line[m.text_start..], "We agree");
        }
        assert!(parse_marker("2030, We").is_none() && parse_marker("U.S. policy").is_none());
    }

    #[test]
    fn ordinary_text_is_not_a_marker() {
        for s in [
            "1.5 million people",
            "2003. The",
            "12 asian nations",
            "[Title] Foo",
            "[1] note",
            "(a)n",
            "-- dash",
            "**Mr President,**",
            "The meeting",
            "I am",
            "A/63/PV.5",
            "S. Korea, Japan agree to hold talks",
            "N. Korea fires missile",
            "",
        ] {
            assert!(parse_marker(s).is_none(), "{s:?}");
        }
    }

    #[test]
    fn items_by_their_look() {
        assert!(starts_item("(b) text") && starts_item("3.") && starts_item("(iv)"));
        assert!(!starts_item("3 Ministry") && !starts_item("The 3."));
    }
}
