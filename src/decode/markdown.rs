//! Markdown → plain text, keeping what the segmenter reads: one block per
//! paragraph, list markers (`1.`, `-`, `*`) and headings as their own lines.
//!
//! Removed: heading `#` marks, `**bold**` / `__bold__` / `*em*` markers,
//! link and image syntax (the link text stays), inline HTML tags such as
//! `<sup>`, backslash escapes, code fences, block-quote `>` marks,
//! horizontal rules. Front matter (`+++` TOML, or a `---` YAML
//! block at the very top) is left as it is for `meta`.

use std::sync::OnceLock;

use regex::Regex;

/// Inline markup removed from a line, in order: images, links, bold,
/// emphasis, inline HTML tags (`9<sup>th</sup>`) and backslash escapes
/// (`1\.` as pandoc writes a number that must not start a list).
type Inline = (Regex, Regex, Regex, Regex, Regex, Regex);

fn inline() -> &'static Inline {
    static R: OnceLock<Inline> = OnceLock::new();
    R.get_or_init(|| {
        (
            Regex::new(r"!\[[^\]]*\]\([^)]*\)").expect("image pattern"),
            Regex::new(r"\[([^\]]+)\]\([^)]*\)").expect("link pattern"),
            Regex::new(r"\*\*([^*]+)\*\*|__([^_]+)__").expect("bold pattern"),
            Regex::new(r"(^|[\s(])\*([^*\s][^*]*?)\*").expect("em pattern"),
            Regex::new(r"(?i)</?(?:sup|sub|span|em|strong|b|i|u|small|br)\b[^>]*>")
                .expect("inline html pattern"),
            Regex::new(r"\\([!-/:-@\[-`{-~])").expect("escape pattern"),
        )
    })
}

/// A YAML block between `---` lines at the very top (at most 200 lines),
/// and the rest: the block is page metadata, not a horizontal rule.
fn split_yaml_block(md: &str) -> (&str, &str) {
    let t = md.strip_prefix('\u{feff}').unwrap_or(md);
    if !(t.starts_with("---\n") || t.starts_with("---\r\n")) {
        return ("", md);
    }
    let mut offset = 0;
    for (i, line) in t.split_inclusive('\n').enumerate().take(200) {
        offset += line.len();
        let l = line.trim_end();
        if i > 0 && (l == "---" || l == "...") {
            let cut = md.len() - t.len() + offset;
            return (&md[..cut], &md[cut..]);
        }
    }
    ("", md)
}

/// A line without `**` left unpaired at its start or end.
fn unpaired_bold(line: &str) -> std::borrow::Cow<'_, str> {
    if line.matches("**").count().is_multiple_of(2) {
        return std::borrow::Cow::Borrowed(line);
    }
    let t = line.trim_start();
    let indent = &line[..line.len() - t.len()];
    if let Some(rest) = t.strip_prefix("**") {
        return std::borrow::Cow::Owned(format!("{indent}{rest}"));
    }
    match line.trim_end().strip_suffix("**") {
        Some(rest) => std::borrow::Cow::Owned(rest.to_string()),
        None => std::borrow::Cow::Borrowed(line),
    }
}

/// Converts markdown text to plain text (see the module doc).
///
/// ```
/// let t = dipsearch::decode::markdown::to_text("## Regional Issues\n\n1. The **ARF** met.\n");
/// assert_eq!(t, "Regional Issues\n\n1. The ARF met.\n");
/// let t = dipsearch::decode::markdown::to_text("1\\. The 9<sup>th</sup> Summit\\\n");
/// assert_eq!(t, "1. The 9th Summit\n");
/// ```
pub fn to_text(md: &str) -> String {
    let (img, link, bold, em, html, escape) = inline();
    let mut out = String::with_capacity(md.len());
    let (yaml, md) = split_yaml_block(md);
    out.push_str(yaml);
    let mut in_fence = false;
    for line in md.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let is_rule = t.len() >= 3
            && (t.chars().all(|c| c == '-' || c == ' ')
                || t.chars().all(|c| c == '*' || c == ' ')
                || t.chars().all(|c| c == '_' || c == ' '))
            && t.chars().filter(|c| !c.is_whitespace()).count() >= 3;
        if is_rule {
            out.push('\n');
            continue;
        }
        let mut l: &str = line;
        let indent = &line[..line.len() - t.len()];
        let mut body = t;
        if body.starts_with('#') {
            let hashes = body.chars().take_while(|&c| c == '#').count();
            if hashes <= 6 && body[hashes..].starts_with(' ') || body.len() == hashes {
                body = body[hashes..].trim().trim_end_matches('#').trim_end();
            }
        }
        while let Some(r) = body.strip_prefix('>') {
            body = r.trim_start();
        }
        let owned;
        if body.len() != t.len() {
            owned = format!("{indent}{body}");
            l = &owned;
        }
        let s = img.replace_all(l, "");
        let s = link.replace_all(&s, "$1");
        let s = bold.replace_all(&s, "$1$2");
        let s = em.replace_all(&s, "$1$2");
        let s = html.replace_all(&s, "");
        let s = escape.replace_all(&s, "$1");
        // Bold that pandoc opened or closed on another line (`**Heading` /
        // `**1. Text`): the stray marks go.
        let s = unpaired_bold(&s);
        // A trailing two-space or backslash hard break is just an end of
        // line.
        out.push_str(s.trim_end().trim_end_matches('\\').trim_end());
        out.push('\n');
    }
    out
}
