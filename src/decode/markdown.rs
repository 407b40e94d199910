//! Markdown → plain text, keeping what the segmenter reads: one line per
//! paragraph, list item and heading.
//!
//! Lines are read as Markdown reads them: a paragraph's soft-wrapped lines
//! are one line (so a wrapped line that opens with `–`, a no-break space
//! or follows a short line does not start a paragraph of its own); a hard
//! break (two trailing spaces, a backslash) ends a line; a list item, a
//! heading, a quote or a table row starts one. A paragraph set wholly in
//! bold or italic (`**Trade and investment**`, `*Hosted by ...*`) keeps
//! `**` marks around it: the segmenter reads it as a heading when short.
//!
//! Removed: heading `#` marks, other `**bold**` / `__bold__` / `*em*`
//! markers, link and image syntax (the link text stays), inline HTML tags
//! such as `<sup>`, HTML comments on their own line, backslash escapes,
//! code fences, block-quote `>` marks, horizontal rules. Front matter
//! (`+++` TOML, or a `---` YAML block at the very top) is left as it is
//! for `meta`.

use std::sync::OnceLock;

use regex::Regex;

use crate::text::marker::{parse_marker, Style};

/// Inline markup removed from a line, in order: images, links, bold,
/// emphasis, inline HTML tags (`9<sup>th</sup>`) and backslash escapes
/// (`1\.` as pandoc writes a number that must not start a list).
type Inline = (Regex, Regex, Regex, Regex, Regex, Regex);

fn inline() -> &'static Inline {
    static R: OnceLock<Inline> = OnceLock::new();
    R.get_or_init(|| {
        (
            Regex::new(r"!\[[^\]]*\]\([^)]*\)").expect("image pattern"),
            Regex::new(r"\[([^\]]+)\]\(([^)]*)\)").expect("link pattern"),
            Regex::new(r"\*\*([^*]+)\*\*|__([^_]+)__").expect("bold pattern"),
            Regex::new(r"(^|[\s(])\*([^*\s][^*]*?)\*").expect("em pattern"),
            Regex::new(r"(?i)</?(?:sup|sub|span|em|strong|b|i|u|small|br)\b[^>]*>")
                .expect("inline html pattern"),
            Regex::new(r"\\([!-/:-@\[-`{-~])").expect("escape pattern"),
        )
    })
}

/// A footnote reference set as a superscript number (`<sup>1 </sup>`):
/// removed with its number (`9<sup>th</sup>` only loses its tags).
fn footnote_ref() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"(?i)<sup>\s*\d{1,3}\s*</sup>").expect("footnote pattern"))
}

/// A front-matter block at the very top (at most 200 lines): YAML
/// between `---` lines or TOML between `+++` lines, and the rest. The
/// block is page metadata for `meta`, passed on as it is.
fn split_yaml_block(md: &str) -> (&str, &str) {
    let t = md.strip_prefix('\u{feff}').unwrap_or(md);
    let Some(fence) = ["---", "+++"]
        .into_iter()
        .find(|f| t.starts_with(&format!("{f}\n")) || t.starts_with(&format!("{f}\r\n")))
    else {
        return ("", md);
    };
    let mut offset = 0;
    for (i, line) in t.split_inclusive('\n').enumerate().take(200) {
        offset += line.len();
        let l = line.trim_end();
        if i > 0 && (l == fence || fence == "---" && l == "...") {
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
/// // A paragraph wrapped over lines is one line; a wholly bold one keeps
/// // its marks (a heading, to the segmenter).
/// let t = dipsearch::decode::markdown::to_text("The leaders met\nin Rome.\n\n**Trade and\ninvestment**\n");
/// assert_eq!(t, "The leaders met in Rome.\n\n**Trade and investment**\n");
/// ```
pub fn to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let (yaml, md) = split_yaml_block(md);
    out.push_str(yaml);
    let mut in_fence = false;
    // The paragraph being read, as written (soft-wrapped lines joined).
    let mut pending: Option<String> = None;
    let mut hard_break = false;
    for line in md.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            flush(&mut out, &mut pending);
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if let Some(p) = pending.as_mut().filter(|p| closes_emphasis(p, t)) {
            // `***Heading  ` / `***`: the marks closed on a line of their own.
            p.push_str(t.trim_end());
            hard_break = true;
            continue;
        }
        if t.trim().is_empty() || is_rule(t) || is_comment(t) {
            flush(&mut out, &mut pending);
            out.push('\n');
            continue;
        }
        match pending.as_mut() {
            Some(p) if !hard_break && !starts_block(t) && whole_emphasis(p).is_none() => {
                p.push(' ');
                p.push_str(t.trim_end());
            }
            _ => {
                flush(&mut out, &mut pending);
                pending = Some(line.trim_end().to_string());
            }
        }
        hard_break = line.ends_with("  ") || line.ends_with('\\');
    }
    flush(&mut out, &mut pending);
    out
}

/// Lines searched for the page's headline.
const HEADLINE_LINES: usize = 60;

/// [`to_text`] and the page's headline: its first `# ` heading, when one
/// opens a line among the first lines (a page saved as Markdown marks its
/// headline so; `##` headings are its sections).
///
/// ```
/// let (_, h) = dipsearch::decode::markdown::to_page("World\n\n# Leaders meet in *Rome*\n\nText.\n");
/// assert_eq!(h.as_deref(), Some("Leaders meet in Rome"));
/// ```
pub fn to_page(md: &str) -> (String, Option<String>) {
    let (_, body) = split_yaml_block(md);
    let mut in_fence = false;
    let headline = body.lines().take(HEADLINE_LINES).find_map(|line| {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
        }
        (!in_fence && t.starts_with("# "))
            .then(|| convert(t).trim().trim_matches('*').trim().to_string())
    });
    (to_text(md), headline)
}

/// A horizontal rule: three or more `-`, `*` or `_`, spaces allowed.
fn is_rule(t: &str) -> bool {
    t.len() >= 3
        && (t.chars().all(|c| c == '-' || c == ' ')
            || t.chars().all(|c| c == '*' || c == ' ')
            || t.chars().all(|c| c == '_' || c == ' '))
        && t.chars().filter(|c| !c.is_whitespace()).count() >= 3
}

/// An HTML comment alone on its line (pandoc's `<!-- -->` between lists).
fn is_comment(t: &str) -> bool {
    let t = t.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// Whether a line opens a block of its own rather than continuing the
/// paragraph above: a heading, a quote, a table row, a list item (a
/// Markdown bullet or a numbered or lettered item; a dash or bullet
/// character that Markdown does not know is wrapped text).
fn starts_block(t: &str) -> bool {
    if t.starts_with(['#', '>', '|']) {
        return true;
    }
    parse_marker(t).is_some_and(|m| match m.style {
        Style::Bullet(c, _) => matches!(c, '-' | '*' | '+') && !t.starts_with('–'),
        _ => !m.bare,
    })
}

/// The text inside marks that wrap a whole line (`**Heading**`,
/// `*Sub-title*`, `***Heading ***`), if they do and nothing else in the
/// line is marked so.
fn whole_emphasis(line: &str) -> Option<&str> {
    let t = line.trim();
    let mark = ["***", "**", "*", "__", "_"]
        .into_iter()
        .find(|m| t.starts_with(m))?;
    let inner = t.strip_prefix(mark)?.strip_suffix(mark)?;
    let c = mark.chars().next()?;
    let lone = inner.trim_matches(c).trim();
    (!inner.starts_with(char::is_whitespace) && !lone.is_empty() && !lone.contains(c))
        .then_some(inner.trim())
}

/// Whether `t` is only the closing marks of an emphasis the paragraph
/// `p` opened and left open.
fn closes_emphasis(p: &str, t: &str) -> bool {
    let close = t.trim();
    !close.is_empty()
        && close.len() <= 3
        && close.chars().all(|c| c == '*' || c == '_')
        && p.trim_start().starts_with(close)
        && whole_emphasis(p).is_none()
}

/// Writes the paragraph read so far as one line of plain text.
fn flush(out: &mut String, pending: &mut Option<String>) {
    if let Some(p) = pending.take() {
        out.push_str(&convert(&p));
        out.push('\n');
    }
}

/// Characters that may stand between the links of a row of them.
fn is_link_separator(c: char) -> bool {
    c.is_whitespace() || "|·•/»>,-–—".contains(c)
}

/// A line that is nothing but links: two or more with only separators
/// between them (a site's menu bar, share buttons, a language switch, a
/// breadcrumb of links), or a list item that is one link to a site's tag
/// or topic page (`- [Myanmar](…/tags/myanmar)` under a story). Such a
/// line is the page's furniture; as text it becomes a row of words that
/// reads as a title or a sentence.
///
/// ```
/// let t = dipsearch::decode::markdown::to_text(
///     "[Home](/) [World](/world) [Asia](/asia)\n\n# Leaders meet\n\n- [Myanmar](https://news.example/tags/myanmar)\n- [The statement](https://example.org/statement.pdf)\n",
/// );
/// assert_eq!(t, "\n\nLeaders meet\n\n\n- The statement\n");
/// ```
fn is_link_row(line: &str, link: &Regex) -> bool {
    if !line.contains("](") {
        return false;
    }
    let item = line
        .strip_prefix(['-', '*', '+'])
        .filter(|r| r.starts_with(' '))
        .map(str::trim);
    let mut links = 0;
    let mut tag_page = false;
    let rest = link.replace_all(line, |c: &regex::Captures| {
        links += 1;
        let url = c.get(2).map_or("", |m| m.as_str());
        tag_page = ["/tag/", "/tags/", "/topic/", "/topics/"]
            .iter()
            .any(|p| url.contains(p));
        ""
    });
    if let Some(item) = item {
        return links == 1 && tag_page && link.find(item).is_some_and(|m| m.len() == item.len());
    }
    links >= 2 && rest.chars().all(is_link_separator)
}

/// One line of Markdown as plain text: heading and quote marks, inline
/// markup and escapes removed; marks wrapping the whole line are kept as
/// `**…**`, which the segmenter reads as a heading when the line is short.
fn convert(line: &str) -> String {
    let (img, link, bold, em, html, escape) = inline();
    let footnote_ref = footnote_ref();
    let t = line.trim_start();
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
    let body = footnote_ref.replace_all(body, "");
    let body = html.replace_all(&body, "");
    let joined = body.replace("** **", " ");
    let (body, wrapped) = match whole_emphasis(&joined) {
        Some(inner) => (inner, true),
        None => (joined.as_str(), false),
    };
    let s = img.replace_all(body, "");
    if is_link_row(&s, link) {
        return String::new();
    }
    let s = link.replace_all(&s, "$1");
    let s = bold.replace_all(&s, "$1$2");
    let s = em.replace_all(&s, "$1$2");
    let s = escape.replace_all(&s, "$1");
    // Bold that pandoc opened or closed on another line (`**Heading` /
    // `**1. Text`): the stray marks go.
    let s = unpaired_bold(&s);
    // A trailing two-space or backslash hard break is just an end of line.
    let s = s.trim_end().trim_end_matches('\\').trim_end();
    if wrapped && !s.is_empty() {
        format!("{indent}**{s}**")
    } else {
        format!("{indent}{s}")
    }
}
