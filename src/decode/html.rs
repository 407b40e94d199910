//! HTML → the page's main text, one block per line.
//!
//! Parsed with `scraper` (html5ever), so broken markup and entities are
//! handled as browsers do. The main content is `<main>`, `<article>`,
//! `[role=main]` or a `#main` / `#contents` / `#content` container when the
//! page has one, else `<body>`. Left out: `script`, `style`, `nav`,
//! `footer`, `form`, `aside`, `noscript`, `template`, `iframe`, `svg`,
//! `button`, `select`, page-level `header` (unless it holds the `h1`),
//! elements whose id or class names navigation (`nav`, `menu`,
//! `breadcrumb`, `footer`, `sidebar`, `skip`, `pagetop`, `share`), and
//! lists whose text is nearly all link text (menus left outside `<nav>`).
//!
//! Block elements end lines; paragraphs, headings, lists and tables also
//! leave a blank line after them. List items get their marker spelled out
//! when the text does not have one (`1.` for `<ol>`, honouring `start` and
//! `type`; `•` for `<ul>`), so numbering survives. When the main content has
//! no `h1`, the page `<title>` (or the page's `h1`) is put first so the
//! segmenter can read it as the title.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

use crate::text::marker::parse_marker;
use crate::text::roman::to_roman;
use crate::text::ws::normalise_ws;

const SKIP_TAGS: &[&str] = &[
    "script", "style", "nav", "footer", "form", "aside", "noscript", "template", "iframe", "svg",
    "button", "select", "head", "object", "canvas", "map", "dialog",
];

const BLOCK_TAGS: &[&str] = &[
    "div",
    "section",
    "article",
    "main",
    "address",
    "blockquote",
    "center",
    "dd",
    "dt",
    "dl",
    "fieldset",
    "figure",
    "figcaption",
    "hr",
    "pre",
    "tr",
    "caption",
    "header",
    "hgroup",
    "details",
    "summary",
];

const PARA_TAGS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"];

const NAV_NAMES: &[&str] = &[
    "nav",
    "navi",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "topicpath",
    "footer",
    "sidebar",
    "side-bar",
    "skip",
    "skiplink",
    "skip-link",
    "pagetop",
    "page-top",
    "share",
    "sns",
    "social",
    "gnav",
    "lnav",
    "globalnav",
    "localnav",
    "cookie",
    "banner",
];

/// Text accumulator that tracks pending line breaks.
struct Out {
    s: String,
    /// A list marker was just written: the item's first block (`<li><p>`)
    /// must stay on the marker's line.
    after_marker: bool,
}

impl Out {
    fn text(&mut self, t: &str) {
        if !t.trim().is_empty() {
            self.after_marker = false;
        }
        let mut first = true;
        for w in t.split_whitespace() {
            let at_line_start = self.s.is_empty() || self.s.ends_with('\n');
            let needs_space = !at_line_start && (!first || t.starts_with(char::is_whitespace));
            if needs_space && !self.s.ends_with(' ') {
                self.s.push(' ');
            }
            self.s.push_str(w);
            first = false;
        }
        if t.ends_with(char::is_whitespace) && !t.trim().is_empty() && !self.s.ends_with('\n') {
            self.s.push(' ');
        }
    }

    /// Ensures the output ends with at least `n` newlines (1 = new line,
    /// 2 = blank line), trimming trailing spaces first.
    fn breaks(&mut self, n: usize) {
        if self.after_marker {
            return;
        }
        while self.s.ends_with(' ') {
            self.s.pop();
        }
        if self.s.is_empty() {
            return;
        }
        let have = self.s.len() - self.s.trim_end_matches('\n').len();
        for _ in have..n {
            self.s.push('\n');
        }
    }
}

fn is_nav(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    if v.attr("role")
        .is_some_and(|r| r == "navigation" || r == "banner" || r == "contentinfo")
    {
        return true;
    }
    if v.attr("aria-hidden") == Some("true") || v.attr("hidden").is_some() {
        return true;
    }
    let id_hit = v
        .id()
        .is_some_and(|id| NAV_NAMES.contains(&id.to_ascii_lowercase().as_str()));
    id_hit
        || v.classes()
            .any(|c| NAV_NAMES.contains(&c.to_ascii_lowercase().as_str()))
}

/// A list of two or more items whose text is (almost) all link text:
/// site menus and "related links" that pages leave outside `<nav>`.
fn is_link_list(el: &ElementRef<'_>) -> bool {
    let items = el
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|c| c.value().name() == "li")
        .count();
    if items < 2 {
        return false;
    }
    let total: usize = el.text().map(|t| t.trim().len()).sum();
    let linked: usize = el
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "a")
        .map(|a| a.text().map(|t| t.trim().len()).sum::<usize>())
        .sum();
    total > 0 && linked * 10 >= total * 9
}

fn has_h1(el: &ElementRef<'_>) -> bool {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().name() == "h1")
}

/// The list marker for item `n` of a list of `kind` (`1`, `a`, `A`, `i`, `I`).
fn list_marker(kind: &str, n: u32, depth: usize) -> String {
    let alpha = |base: u8| -> String {
        if (1..=26).contains(&n) {
            ((base + (n - 1) as u8) as char).to_string()
        } else {
            n.to_string()
        }
    };
    match kind {
        "a" => format!("({})", alpha(b'a')),
        "A" => format!("{}.", alpha(b'A')),
        "i" => format!("({})", to_roman(n).to_lowercase()),
        "I" => format!("{}.", to_roman(n)),
        _ if depth > 1 => format!("({n})"),
        _ => format!("{n}."),
    }
}

struct ListState {
    ordered: bool,
    kind: String,
    next: u32,
}

fn walk(
    node: NodeRef<'_, Node>,
    out: &mut Out,
    lists: &mut Vec<ListState>,
    keep_header: bool,
    depth: usize,
) {
    if depth > 200 {
        return; // pathological nesting; html5ever already caps most of it
    }
    match node.value() {
        Node::Text(t) => out.text(t),
        Node::Element(_) => {
            let Some(el) = ElementRef::wrap(node) else {
                return;
            };
            let name = el.value().name();
            if SKIP_TAGS.contains(&name) || is_nav(&el) {
                return;
            }
            if name == "header" && !(keep_header && has_h1(&el)) {
                return;
            }
            if name == "br" {
                out.breaks(1);
                return;
            }
            if name == "pre" {
                out.breaks(2);
                let t: String = el.text().collect();
                out.s.push_str(t.trim_end());
                out.breaks(2);
                return;
            }
            if name == "td" || name == "th" {
                if !out.s.ends_with('\n') && !out.s.is_empty() {
                    out.s.push(' ');
                }
                for c in node.children() {
                    walk(c, out, lists, keep_header, depth + 1);
                }
                return;
            }
            if (name == "ul" || name == "ol") && is_link_list(&el) {
                return; // a menu or a list of related links
            }
            if name == "ul" || name == "ol" {
                let kind = el.value().attr("type").unwrap_or("1").to_string();
                let start = el
                    .value()
                    .attr("start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1);
                out.breaks(if lists.is_empty() { 2 } else { 1 });
                lists.push(ListState {
                    ordered: name == "ol",
                    kind,
                    next: start,
                });
                for c in node.children() {
                    walk(c, out, lists, keep_header, depth + 1);
                }
                lists.pop();
                out.breaks(if lists.is_empty() { 2 } else { 1 });
                return;
            }
            if name == "li" {
                out.breaks(1);
                let level = lists.len();
                let item_text: String = el.text().collect::<String>();
                let has_marker = parse_marker(item_text.trim_start()).is_some();
                if let Some(l) = lists.last_mut() {
                    let n = el
                        .value()
                        .attr("value")
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(l.next);
                    l.next = n + 1;
                    if !has_marker {
                        let marker = if l.ordered {
                            list_marker(&l.kind, n, level)
                        } else if level > 1 {
                            "-".to_string()
                        } else {
                            "•".to_string()
                        };
                        out.s.push_str(&"  ".repeat(level.saturating_sub(1)));
                        out.s.push_str(&marker);
                        out.s.push(' ');
                        out.after_marker = true;
                    }
                }
                for c in node.children() {
                    walk(c, out, lists, keep_header, depth + 1);
                }
                out.after_marker = false;
                out.breaks(1);
                return;
            }
            let para = PARA_TAGS.contains(&name);
            let block = para || BLOCK_TAGS.contains(&name) || name == "li";
            if block {
                out.breaks(if para { 2 } else { 1 });
            }
            for c in node.children() {
                walk(c, out, lists, keep_header, depth + 1);
            }
            if name == "hr" {
                out.breaks(2);
            } else if block {
                out.breaks(if para { 2 } else { 1 });
            }
        }
        Node::Document | Node::Fragment => {
            for c in node.children() {
                walk(c, out, lists, keep_header, depth + 1);
            }
        }
        _ => {}
    }
}

fn select_first<'a>(doc: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    let sel = Selector::parse(css).ok()?;
    doc.select(&sel).next()
}

/// Extracts the main text of an HTML page (see the module doc).
pub fn to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let main = [
        "main",
        "article",
        "[role=main]",
        "#main",
        "#contents",
        "#content",
        "#maincontents",
        "#main-content",
    ]
    .iter()
    .find_map(|css| select_first(&doc, css));
    let root = main
        .or_else(|| select_first(&doc, "body"))
        .unwrap_or_else(|| doc.root_element());
    let mut out = Out {
        s: String::new(),
        after_marker: false,
    };
    if !has_h1(&root) {
        let title = select_first(&doc, "h1")
            .map(|e| e.text().collect::<String>())
            .or_else(|| select_first(&doc, "title").map(|e| e.text().collect::<String>()))
            .map(|t| page_title(&t));
        if let Some(t) = title.filter(|t| !t.is_empty()) {
            out.text(&t);
            out.breaks(2);
        }
    }
    let mut lists = Vec::new();
    walk(*root, &mut out, &mut lists, true, 0);
    let mut s = out.s;
    // Collapse runs of blank lines and trim each line's end.
    let mut cleaned = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let l = line.trim_end();
        if l.trim().is_empty() {
            blank += 1;
            if blank == 1 && !cleaned.is_empty() {
                cleaned.push('\n');
            }
            continue;
        }
        blank = 0;
        cleaned.push_str(l);
        cleaned.push('\n');
    }
    s = cleaned.trim_end().to_string();
    s.push('\n');
    s
}

/// A `<title>` without the site name: `Title | Ministry of ...` → `Title`.
fn page_title(t: &str) -> String {
    let t = normalise_ws(t);
    for sep in [" | ", " : ", " - ", " – "] {
        if let Some((head, _)) = t.split_once(sep) {
            if head.len() >= 15 {
                return head.to_string();
            }
        }
    }
    t
}
