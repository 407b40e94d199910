//! Pieces several pages show: where a paragraph comes from, its text with
//! marked ranges, its tags, and the addresses of the pages.

use maud::{html, Markup};

use dipsearch::agreed::when;
use dipsearch::model::ParagraphRecord;

use super::super::params::{encode_path, href};

/// The paragraph page of `id`.
pub fn para_href(id: &str) -> String {
    format!("/p/{}", encode_path(id))
}

/// The precedents page of `id`.
pub fn precedent_href(id: &str) -> String {
    format!("/precedent/{}", encode_path(id))
}

/// `x` and `y`, the older first (as `diff` and `compare` take them).
fn older_first<'a>(
    x: &'a ParagraphRecord,
    y: &'a ParagraphRecord,
) -> (&'a ParagraphRecord, &'a ParagraphRecord) {
    match (when(x), when(y)) {
        (Some(a), Some(b)) if b < a => (y, x),
        _ => (x, y),
    }
}

/// The diff page of two paragraphs, the older first.
pub fn diff_href(x: &ParagraphRecord, y: &ParagraphRecord) -> String {
    let (a, b) = older_first(x, y);
    href("/diff", &[("a", &a.id), ("b", &b.id)])
}

/// The compare page of the documents of two paragraphs, the older first.
pub fn compare_href(x: &ParagraphRecord, y: &ParagraphRecord) -> String {
    let (a, b) = older_first(x, y);
    href("/compare", &[("a", &a.source), ("b", &b.source)])
}

/// The meeting's short name: acronym, name, title or file.
pub fn meeting_name(r: &ParagraphRecord) -> &str {
    let h = &r.header;
    h.acronym
        .as_deref()
        .or(h.meeting.as_deref())
        .or(h.title.as_deref())
        .unwrap_or(&r.source)
}

/// `ASTOP #5 · 2003-11-13 · Tokyo · ¶4(d)`: who, when, where, which
/// paragraph (as the command line's result lines).
pub fn locator(r: &ParagraphRecord) -> Markup {
    let h = &r.header;
    let date = h
        .date
        .map(|d| d.to_string())
        .or(h.year.map(|y| y.to_string()));
    html! {
        span.meeting { (meeting_name(r)) @if let Some(e) = h.edition { " #" (e) } }
        @if let Some(i) = &h.issuer { span.issuer { (i.as_str()) } }
        @if let Some(d) = date { span.date { (d) } }
        @if let Some(p) = &h.place { span.place { (p) } }
        span.label { "¶" (r.paragraph) }
    }
}

/// `text` with the byte ranges `ranges` in `<mark>` (ranges that overlap
/// an earlier one or fall inside a character are left out).
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> Markup {
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for (s, e) in sorted {
        if s < at
            || e > text.len()
            || s >= e
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
        {
            continue;
        }
        pieces.push((&text[at..s], false));
        pieces.push((&text[s..e], true));
        at = e;
    }
    pieces.push((&text[at..], false));
    html! {
        @for (piece, mark) in pieces {
            @if mark { mark { (piece) } } @else { (piece) }
        }
    }
}

/// The paragraph's tags, each a link to the search for it.
pub fn tags(r: &ParagraphRecord) -> Markup {
    let lists: [(&str, Vec<&str>); 4] = [
        ("country", r.countries.iter().map(|c| c.as_str()).collect()),
        (
            "instrument",
            r.instruments.iter().map(String::as_str).collect(),
        ),
        ("topic", r.topics.iter().map(String::as_str).collect()),
        ("group", r.groups.iter().map(String::as_str).collect()),
    ];
    html! {
        @if lists.iter().any(|(_, l)| !l.is_empty()) {
            ul.tags {
                @for (kind, list) in &lists {
                    @for id in list {
                        li { a class={ "tag " (kind) } href=(href("/search", &[(kind, id)]))
                            title={ (kind) " " (id) } { (id) } }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::marked;

    #[test]
    fn marks_ranges_and_escapes_the_rest() {
        let text = "a <b> & café export control";
        let s = text.find("export").unwrap();
        let html = marked(text, &[(s, text.len()), (0, 1), (s + 1, s + 3)]).into_string();
        assert_eq!(
            html,
            "<mark>a</mark> &lt;b&gt; &amp; café <mark>export control</mark>"
        );
        // A range inside a character or past the end is left out.
        let e = text.find('é').unwrap();
        assert_eq!(
            marked(text, &[(e + 1, e + 2), (0, 999)]).into_string(),
            "a &lt;b&gt; &amp; café export control"
        );
    }
}
