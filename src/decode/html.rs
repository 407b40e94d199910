//! HTML → the page's main text, one block per line.
//!
//! Parsed with `scraper` (html5ever), so broken markup and entities are
//! handled as browsers do. The main content is `<main>`, `<article>`,
//! `[role=main]` or a `#main` / `#contents` / `#content` container when the
//! page has one, else `<body>`. Left out: `script`, `style`, `nav`,
//! `footer`, `form`, `aside`, `noscript`, `template`, `iframe`, `svg`,
//! `button`, `select`, `figcaption` (a photo's caption is not the
//! document's text), page-level `header` (unless it holds the `h1`),
//! elements whose id or class names navigation (`nav`, `menu`,
//! `breadcrumb`, `footer`, `sidebar`, `skip`, `pagetop`, `share`) or a
//! story's byline (`byline`, `author`), and
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
    "script",
    "style",
    "nav",
    "footer",
    "form",
    "aside",
    "noscript",
    "template",
    "iframe",
    "svg",
    "button",
    "select",
    "head",
    "object",
    "canvas",
    "map",
    "dialog",
    "figcaption",
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
    "byline",
    "author",
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
        } else if !t.is_empty() && !self.s.is_empty() && !self.s.ends_with([' ', '\n']) {
            // Space alone between two inline elements (`<span>Lim Wei
            // Ling</span> <span>Correspondent</span>`) still parts words.
            self.s.push(' ');
            return;
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

/// A block of two or more links and nothing else, in no list: a
/// masthead's or a footer's row (`<div><a>The Daily Ledger</a> <a>e-Paper</a>
/// <a>Sign in</a></div>`), share buttons, a language switch. As text it is
/// a row of words read as a title or a sentence.
fn is_link_row(el: &ElementRef<'_>) -> bool {
    const INNER_BLOCKS: &[&str] = &[
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "figure",
        "blockquote",
    ];
    let mut links = 0;
    let mut linked = 0;
    for e in el.descendants().filter_map(ElementRef::wrap).skip(1) {
        let name = e.value().name();
        if INNER_BLOCKS.contains(&name) {
            return false;
        }
        if name == "a" {
            links += 1;
            linked += e.text().map(|t| t.trim().len()).sum::<usize>();
        }
    }
    let total: usize = el.text().map(|t| t.trim().len()).sum();
    links >= 2 && total > 0 && linked * 10 >= total * 9
}

/// A table row of label cells each followed by one value cell (`<th>Title</th>
/// <td>…</td><th>Date</th><td>…</td>`), as boards of press releases lay out
/// a page's facts. Cells glued into one line read `Title Outcome of …`, and
/// the label became part of the title.
fn is_label_row(el: &ElementRef<'_>) -> bool {
    let cells: Vec<ElementRef<'_>> = el
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|c| matches!(c.value().name(), "th" | "td"))
        .collect();
    !cells.is_empty()
        && cells.len().is_multiple_of(2)
        && cells.chunks(2).all(|pair| {
            let label: String = pair[0].text().collect();
            let words = label.split_whitespace().count();
            pair[0].value().name() == "th"
                && pair[1].value().name() == "td"
                && (1..=3).contains(&words)
                && label.trim().len() <= 24
        })
}

fn has_h1(el: &ElementRef<'_>) -> bool {
    first_h1(el).is_some()
}

fn first_h1<'a>(el: &ElementRef<'a>) -> Option<ElementRef<'a>> {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "h1")
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

/// An open `<ul>` or `<ol>`.
struct ListState {
    ordered: bool,
    /// The `type` attribute (`1`, `a`, `A`, `i`, `I`).
    kind: String,
    /// The number of the next item.
    next: u32,
}

/// The walk over the main content: the text written so far and the lists
/// open around the current node.
struct Walker {
    out: Out,
    lists: Vec<ListState>,
    /// Keep a page-level `header` that holds the `h1`.
    keep_header: bool,
}

impl Walker {
    fn node(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        if depth > 200 {
            return; // pathological nesting; html5ever already caps most of it
        }
        match node.value() {
            Node::Text(t) => self.out.text(t),
            Node::Element(_) => {
                if let Some(el) = ElementRef::wrap(node) {
                    self.element(el, depth);
                }
            }
            Node::Document | Node::Fragment => self.children(node, depth),
            _ => {}
        }
    }

    fn children(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        for c in node.children() {
            self.node(c, depth + 1);
        }
    }

    fn element(&mut self, el: ElementRef<'_>, depth: usize) {
        let name = el.value().name();
        if SKIP_TAGS.contains(&name) || is_nav(&el) {
            return;
        }
        if name == "header" && !(self.keep_header && has_h1(&el)) {
            return;
        }
        match name {
            "br" => self.out.breaks(1),
            "pre" => {
                self.out.breaks(2);
                let t: String = el.text().collect();
                self.out.s.push_str(t.trim_end());
                self.out.breaks(2);
            }
            "tr" if is_label_row(&el) => self.label_row(el, depth),
            "td" | "th" => {
                if !self.out.s.ends_with('\n') && !self.out.s.is_empty() {
                    self.out.s.push(' ');
                }
                self.children(*el, depth);
            }
            // A menu or a list of related links is left out.
            "ul" | "ol" if is_link_list(&el) => {}
            "ul" | "ol" => self.list(el, depth),
            "div" | "p" | "span" | "section" if is_link_row(&el) => {}
            "li" => self.list_item(el, depth),
            _ => self.block(el, depth),
        }
    }

    /// Any other element: paragraphs and headings leave a blank line
    /// around them, other blocks a line break, inline elements nothing.
    fn block(&mut self, el: ElementRef<'_>, depth: usize) {
        let name = el.value().name();
        let para = PARA_TAGS.contains(&name);
        let block = para || BLOCK_TAGS.contains(&name);
        if block {
            self.out.breaks(if para { 2 } else { 1 });
        }
        self.children(*el, depth);
        if name == "hr" {
            self.out.breaks(2);
        } else if block {
            self.out.breaks(if para { 2 } else { 1 });
        }
    }

    /// A row of labels and their values: each pair on a line of its own,
    /// `Title: Outcome of …`, as a page copied from a browser reads.
    fn label_row(&mut self, el: ElementRef<'_>, depth: usize) {
        for cell in el.children().filter_map(ElementRef::wrap) {
            if cell.value().name() == "th" {
                self.out.breaks(1);
                let label: String = cell.text().collect();
                let label = label.trim();
                self.out
                    .text(label.strip_suffix(':').unwrap_or(label).trim_end());
                self.out.s.push_str(": ");
            } else {
                self.children(*cell, depth);
            }
        }
        self.out.breaks(1);
    }

    fn list(&mut self, el: ElementRef<'_>, depth: usize) {
        let kind = el.value().attr("type").unwrap_or("1").to_string();
        let start = el
            .value()
            .attr("start")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1);
        self.out.breaks(if self.lists.is_empty() { 2 } else { 1 });
        self.lists.push(ListState {
            ordered: el.value().name() == "ol",
            kind,
            next: start,
        });
        self.children(*el, depth);
        self.lists.pop();
        self.out.breaks(if self.lists.is_empty() { 2 } else { 1 });
    }

    /// A list item, with its marker spelled out unless its text has one.
    fn list_item(&mut self, el: ElementRef<'_>, depth: usize) {
        self.out.breaks(1);
        let level = self.lists.len();
        let item_text: String = el.text().collect::<String>();
        let has_marker = parse_marker(item_text.trim_start()).is_some();
        if let Some(l) = self.lists.last_mut() {
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
                self.out.s.push_str(&"  ".repeat(level.saturating_sub(1)));
                self.out.s.push_str(&marker);
                self.out.s.push(' ');
                self.out.after_marker = true;
            }
        }
        self.children(*el, depth);
        self.out.after_marker = false;
        self.out.breaks(1);
    }
}

fn select_first<'a>(doc: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    let sel = Selector::parse(css).ok()?;
    doc.select(&sel).next()
}

/// Extracts the main text of an HTML page (see the module doc).
pub fn to_text(html: &str) -> String {
    to_page(html).0
}

/// [`to_text`] and the page's headline: the first `h1` of the main
/// content, else of the page, as its text is written out.
///
/// ```
/// let html = "<body><p>Politics</p><h1>Leaders  meet</h1><p>Text.</p></body>";
/// let (_, h) = dipsearch::decode::html::to_page(html);
/// assert_eq!(h.as_deref(), Some("Leaders meet"));
/// ```
pub fn to_page(html: &str) -> (String, Option<String>) {
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
    let mut w = Walker {
        out: Out {
            s: String::new(),
            after_marker: false,
        },
        lists: Vec::new(),
        keep_header: true,
    };
    let headline = first_h1(&root)
        .or_else(|| select_first(&doc, "h1"))
        .map(|e| normalise_ws(&e.text().collect::<String>()));
    if !has_h1(&root) {
        let title = select_first(&doc, "h1")
            .map(|e| e.text().collect::<String>())
            .or_else(|| select_first(&doc, "title").map(|e| e.text().collect::<String>()))
            .map(|t| page_title(&t));
        if let Some(t) = title.filter(|t| !t.is_empty()) {
            w.out.text(&t);
            w.out.breaks(2);
        }
    }
    w.node(*root, 0);
    let mut s = w.out.s;
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
    (s, headline)
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
