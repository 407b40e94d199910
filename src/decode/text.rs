//! Plain-text bytes → `String`: which encoding, and is it text at all.
//!
//! Order of decisions: a byte-order mark wins (UTF-8, UTF-16 LE/BE);
//! BOM-less UTF-16 is recognised by its pattern of zero bytes; any other
//! zero byte or a high share of control characters means binary; valid
//! UTF-8 is taken as is; anything else is read as a legacy East Asian
//! encoding when it decodes cleanly into mostly CJK text (Shift_JIS,
//! EUC-JP, EUC-KR, GBK), else as Windows-1252 (a superset of the printable
//! Latin-1 range, and what old Western pages use). Line ends become `\n`.

use encoding_rs::{
    Encoding, EUC_JP, EUC_KR, GBK, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252,
};

use super::DecodeError;

/// How many leading bytes are inspected for the binary check.
const SNIFF: usize = 8192;

/// Decodes text bytes (see the module doc).
pub fn decode_text(bytes: &[u8]) -> Result<String, DecodeError> {
    let s = decode_bytes(bytes, None)?;
    finish(s)
}

/// Decodes HTML bytes, honouring a `<meta charset>` declaration when the
/// bytes are not valid UTF-8 and carry no BOM.
pub fn decode_html_bytes(bytes: &[u8]) -> Result<String, DecodeError> {
    let declared = declared_charset(bytes);
    let s = decode_bytes(bytes, declared)?;
    finish(s)
}

fn finish(s: String) -> Result<String, DecodeError> {
    if s.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(normalise_newlines(&s))
}

/// `\r\n` and lone `\r` → `\n`.
pub fn normalise_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

fn decode_bytes(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<String, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (cow, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let s = cow.into_owned();
        if looks_binary_text(&s) {
            return Err(DecodeError::Binary);
        }
        return Ok(s);
    }
    if let Some(enc) = sniff_utf16(bytes) {
        let (cow, _) = enc.decode_without_bom_handling(bytes);
        let s = cow.into_owned();
        if looks_binary_text(&s) {
            return Err(DecodeError::Binary);
        }
        return Ok(s);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let enc = match declared {
        Some(e) if e != UTF_8 => e,
        _ => sniff_cjk(bytes).unwrap_or(WINDOWS_1252),
    };
    let (cow, _) = enc.decode_without_bom_handling(bytes);
    Ok(cow.into_owned())
}

/// A legacy East Asian encoding (Japanese pages duplicate many English
/// ones): the first of Shift_JIS, EUC-JP, EUC-KR, GBK that decodes the
/// bytes without error into mostly CJK characters. Western text in
/// Windows-1252 fails these: a byte such as `é` followed by a space is not a
/// valid double-byte sequence, and where accents do pair up with the next
/// letter they make only a few per cent of the text, while real CJK text
/// is at least a fifth CJK characters.
fn sniff_cjk(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    [SHIFT_JIS, EUC_JP, EUC_KR, GBK].into_iter().find(|enc| {
        let (text, had_errors) = enc.decode_without_bom_handling(head);
        if had_errors && head.len() == bytes.len() {
            return false;
        }
        let (mut visible, mut non_ascii, mut cjk) = (0usize, 0usize, 0usize);
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            visible += 1;
            if c.is_ascii() {
                continue;
            }
            non_ascii += 1;
            if matches!(c as u32, 0x3000..=0x9FFF | 0xAC00..=0xD7AF | 0xFF00..=0xFFEF) {
                cjk += 1;
            }
        }
        // A cut at 64 KiB may split one character: allow that error only.
        let clean = !had_errors || text.chars().filter(|&c| c == '\u{fffd}').count() <= 1;
        // Western accents followed by a letter also pair up into CJK
        // characters ("Ministère"), but only as a few per cent of the text.
        clean && cjk >= 8 && cjk * 10 >= non_ascii * 9 && cjk * 5 >= visible
    })
}

/// UTF-16 without BOM: in the sniffed prefix, most odd (LE) or even (BE)
/// bytes are zero while the others are not.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(SNIFF) & !1;
    if n < 8 {
        return None;
    }
    let (mut even_zero, mut odd_zero) = (0usize, 0usize);
    for (i, &b) in bytes[..n].iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even_zero += 1;
            } else {
                odd_zero += 1;
            }
        }
    }
    let half = n / 2;
    if odd_zero * 10 >= half * 7 && even_zero * 10 <= half {
        Some(UTF_16LE)
    } else if even_zero * 10 >= half * 7 && odd_zero * 10 <= half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Zero bytes, or more than 10 % control characters (other than tab, line
/// ends, form feed, escape) in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF)];
    if head.contains(&0) {
        return true;
    }
    let ctrl = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    ctrl * 10 > head.len()
}

/// The same check on decoded text (after a BOM said what it is).
fn looks_binary_text(s: &str) -> bool {
    let mut n = 0usize;
    let mut bad = 0usize;
    for c in s.chars().take(SNIFF) {
        n += 1;
        if c == '\0'
            || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
            || c == '\u{fffd}'
        {
            bad += 1;
        }
    }
    n > 0 && bad * 10 > n
}

/// `<meta charset="...">` or `content="text/html; charset=..."` in the
/// first 2 KiB.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &lower[pos + 8..];
    let rest = rest
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .copied()
        .collect::<Vec<u8>>();
    Encoding::for_label(&rest)
}
