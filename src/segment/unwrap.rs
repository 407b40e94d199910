//! Lines → blocks: undoes hard wrapping and finds paragraph boundaries.
//!
//! Text converted from PDF (UN General Debate records, ARF reports) is
//! wrapped at a fixed width, carries page numbers and running headers, and
//! splits words across lines with hyphens; paragraphs are often not
//! separated by blank lines. HTML- or word-processor text has one paragraph
//! per line instead. The wrap width is measured once per document (the 90th
//! percentile of line lengths) and decides which joining rules apply:
//!
//! * a blank line, a form feed or a line starting with a marker (`1.`,
//!   `(a)`, `•`) always starts a block;
//! * wrapped text: a line continues the previous one unless the previous one
//!   ends a sentence *and* is short (under 85 % of the width) or the new line
//!   is indented further (first-line indent);
//! * unwrapped text: a line continues the previous one only when that one
//!   stops mid-sentence and the new line starts in lower case, or when the
//!   previous line is long (over 150 chars) and stops mid-sentence;
//! * blocks separated by a page break are rejoined when the first stops
//!   mid-sentence and the second starts in lower case, or the first ends on
//!   a function word (`of`, `the`);
//! * a word hyphenated across lines is rejoined (see `hyphen`);
//! * UN page furniture (job number, page number, running symbol, as
//!   `boilerplate::un_page_furniture` finds it) vanishes, so a paragraph
//!   split by the page is rejoined.
//!
//! Everything is one pass over the lines plus hash-set look-ups: linear in
//! the input size.

use super::boilerplate::{is_boilerplate, is_page_number, un_page_furniture};
use super::hyphen::{append, trailing_fragment, WordForms};
use super::running::{Evidence, RunningHeaders};
use crate::text::lexicon::{is_capitalised_section_word, HEADING_SMALL_WORDS};
use crate::text::line::{ends_sentence, indent_of, starts_lower};
use crate::text::marker::{is_marker_only, starts_item};
use crate::text::title::{ends_with_function_word, is_all_caps, is_title_like};
use crate::text::ws::{is_normal_ws, normalise_ws};

/// A run of lines that forms one paragraph candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Joined text (single spaces, hyphenation undone).
    pub text: String,
    /// Indentation of the first line, in columns (tab = 4).
    pub indent: usize,
    /// Number of source lines joined (1 for a single line).
    pub lines: usize,
    /// The block starts right after a page break (a page number or UN
    /// page furniture dropped above it).
    pub after_page: bool,
}

/// A body line that survived pre-cleaning.
struct PreLine<'a> {
    indent: usize,
    text: &'a str,
    /// A page number or page furniture was dropped just above.
    after_page: bool,
}

/// Splits body lines into blocks (see the module doc for the rules).
pub fn blocks(lines: &[&str]) -> Vec<Block> {
    let pre = pre_clean(lines);
    let wrap = Wrap::measure(&pre);
    let kept = without_running_headers(pre, wrap);
    let texts: Vec<&str> = kept.iter().flatten().map(|l| l.text).collect();
    let forms = WordForms::collect(&texts);
    let mut joiner = Joiner::new(wrap, &forms);
    for (idx, l) in kept.iter().enumerate() {
        match l {
            Some(l) => {
                let next = kept.get(idx + 1).and_then(|n| n.as_ref()).map(|n| n.text);
                joiner.line(l, next);
            }
            None => joiner.blank(),
        }
    }
    let mut merged = rejoin_page_breaks(joiner.finish(), wrap, &forms);
    for b in &mut merged {
        if !is_normal_ws(&b.text) {
            b.text = normalise_ws(&b.text);
        }
    }
    merged
}

/// Boilerplate and form feeds become blank lines (`None`), page numbers
/// vanish (so a paragraph broken by a page can be rejoined).
fn pre_clean<'a>(lines: &[&'a str]) -> Vec<Option<PreLine<'a>>> {
    let mut pre = Vec::with_capacity(lines.len());
    let mut page_break = false;
    // Under the rule at a page's foot (`__________`), `* Submitted by …`
    // is a footnote, not a bullet of the paragraph above it.
    let mut footnotes = false;
    for raw in lines {
        let line = raw.trim_end();
        let mut text = line.trim_start_matches([' ', '\t', '\u{a0}', '\u{3000}', '\u{c}']);
        if footnotes {
            if let Some(note) = text.strip_prefix('*').filter(|r| r.starts_with(' ')) {
                text = note.trim_start_matches('*').trim_start();
            }
        }
        // UN page furniture vanishes like a page number; what follows it
        // on the line stays.
        if let Some(n) = un_page_furniture(text) {
            page_break = true;
            footnotes = false;
            if n >= text.len() {
                continue;
            }
            text = &text[n..];
        }
        if text.is_empty() {
            pre.push(None);
        } else if is_page_number(text) {
            page_break = true;
            footnotes = false;
        } else if is_boilerplate(text) {
            footnotes |= text.len() >= 5 && text.bytes().all(|b| b == b'_');
            pre.push(None);
        } else {
            pre.push(Some(PreLine {
                indent: indent_of(line),
                text,
                after_page: std::mem::take(&mut page_break),
            }));
        }
    }
    without_lone_running_head(pre)
}

/// A short heading-like line right under a page break, between a
/// sentence the break cut (not on a function word) and its lower-case
/// continuation (`… threats to regional` / `1` / `ARF ISM on CTTC 22` /
/// `security, requiring …`), is the page's running head even where it
/// appears once; it goes, and the continuation is the line after the
/// break. (A line of prose there is the sentence's own: `… a new` /
/// `imperialist war was started, an unprecedented,` / `permanent …`.)
fn without_lone_running_head(mut pre: Vec<Option<PreLine<'_>>>) -> Vec<Option<PreLine<'_>>> {
    let mut i = 0;
    while i < pre.len() {
        let head = pre[i].as_ref().is_some_and(|l| {
            l.after_page && l.text.chars().count() <= 60 && strict_heading(l.text)
        });
        if head {
            let next = pre.get(i + 1).and_then(Option::as_ref);
            let cut = pre[..i].iter().rev().flatten().next();
            let mid_sentence =
                cut.is_some_and(|c| !ends_sentence(c.text) && !ends_with_function_word(c.text));
            if mid_sentence && next.is_some_and(|n| starts_lower(n.text)) {
                pre.remove(i);
                if let Some(Some(n)) = pre.get_mut(i) {
                    n.after_page = true;
                }
                continue;
            }
        }
        i += 1;
    }
    pre
}

/// A block at least this long that a page break cuts mid-sentence is a
/// paragraph, not a heading (see `rejoin_page_breaks`).
const PAGE_CUT_BLOCK: usize = 80;

/// The wrap width of a text and whether it is wrapped at all.
#[derive(Clone, Copy, Debug)]
struct Wrap {
    /// The 90th percentile of line lengths (indent included), in chars.
    width: usize,
    /// At least six lines, a width of 30–110 and half the lines at least
    /// 60 % of it: text hard-wrapped at a fixed width.
    wrapped: bool,
}

impl Wrap {
    fn measure(pre: &[Option<PreLine<'_>>]) -> Wrap {
        let mut lens: Vec<usize> = pre
            .iter()
            .flatten()
            .map(|l| l.indent + l.text.chars().count())
            .collect();
        let n = lens.len();
        let width = if n == 0 {
            0
        } else {
            lens.sort_unstable();
            lens[(n * 9 / 10).min(n - 1)]
        };
        let full = lens.iter().filter(|&&l| l * 10 >= width * 6).count();
        let wrapped = n >= 6 && (30..=110).contains(&width) && full * 2 >= n;
        Wrap { width, wrapped }
    }

    /// A short title-like line inside wrapped text, before a capitalised
    /// or numbered line (`Second: The Situation in Sudan` over `3. The
    /// Council …`), is a heading: it stands alone.
    fn heading_like(self, t: &str, next: Option<&str>) -> bool {
        self.wrapped
            && t.chars().count() * 10 < self.width * 6
            && t.split_whitespace().count() <= 10
            && !ends_sentence(t)
            && strict_heading(t)
            && next
                .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase) || starts_item(n))
    }
}

/// Wrapped text without its running headers (see `running`); lines are
/// dropped, not blanked, so the paragraph around them joins up.
fn without_running_headers(pre: Vec<Option<PreLine<'_>>>, wrap: Wrap) -> Vec<Option<PreLine<'_>>> {
    if !wrap.wrapped {
        return pre;
    }
    let running = RunningHeaders::find(pre.iter().flatten().map(|l| l.text), Evidence::Wrapped);
    if running.is_empty() {
        return pre;
    }
    pre.into_iter()
        .filter(|l| l.as_ref().is_none_or(|l| !running.contains(l.text)))
        .collect()
}

/// A line that can only be a heading, for wrapped text where a short line
/// of prose ("I congratulate Mr. Sam") looks much like one: every word
/// capitalised except small ones, no comma, no trailing function word; a
/// single word only in capitals or as a common section name.
fn strict_heading(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    if t.contains(',') || t.ends_with('-') || !is_title_like(t) || ends_with_function_word(t) {
        return false;
    }
    if words.len() == 1 {
        return is_all_caps(t) || is_capitalised_section_word(t);
    }
    words.iter().all(|w| {
        HEADING_SMALL_WORDS.contains(w)
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// Joins lines into blocks, one line at a time.
struct Joiner<'a, 'f> {
    wrap: Wrap,
    forms: &'f WordForms,
    out: Vec<Block>,
    cur: Option<Block>,
    /// Indent and text of the last line since a blank one.
    prev: Option<(usize, &'a str)>,
    /// The last line was a heading: the next one must not be glued to it.
    prev_heading: bool,
}

impl<'a, 'f> Joiner<'a, 'f> {
    fn new(wrap: Wrap, forms: &'f WordForms) -> Joiner<'a, 'f> {
        Joiner {
            wrap,
            forms,
            out: Vec::new(),
            cur: None,
            prev: None,
            prev_heading: false,
        }
    }

    /// A blank line ends the block.
    fn blank(&mut self) {
        if let Some(b) = self.cur.take() {
            self.out.push(b);
        }
        self.prev = None;
    }

    /// Places line `l`, followed by `next` (when not blank).
    fn line(&mut self, l: &PreLine<'a>, next: Option<&str>) {
        let join = self.joins(l, next);
        if join {
            if let Some(b) = self.cur.as_mut() {
                append(&mut b.text, l.text, self.forms);
                b.lines += 1;
            }
        } else {
            if let Some(b) = self.cur.take() {
                self.out.push(b);
            }
            self.cur = Some(Block {
                text: l.text.to_string(),
                indent: l.indent,
                lines: 1,
                after_page: l.after_page,
            });
        }
        // The line just placed is a heading when it was cut off from a
        // finished sentence and looks like one. (At the start of a text or
        // after a blank line a short capitalised line is as likely the
        // start of a sentence.)
        self.prev_heading = !join
            && self.prev.is_some_and(|(_, p)| ends_sentence(p))
            && self.wrap.heading_like(l.text, next);
        self.prev = Some((l.indent, l.text));
    }

    /// Whether `l` continues the block of the previous line.
    fn joins(&self, l: &PreLine<'_>, next: Option<&str>) -> bool {
        let (Some(_), Some((pind, ptext))) = (&self.cur, self.prev) else {
            return false;
        };
        let plen = pind + ptext.chars().count();
        if starts_item(l.text) {
            return false;
        }
        if is_marker_only(ptext) || trailing_fragment(ptext).is_some() && starts_lower(l.text) {
            return true;
        }
        if !self.wrap.wrapped {
            return !ends_sentence(ptext) && (starts_lower(l.text) || plen > 150);
        }
        // A hanging indent (`1.1   … Commission (JPC)` / `      was held
        // in …`): a line going on in lower case after a bracket or a quote.
        if starts_lower(l.text) && !ptext.trim_end().ends_with(['.', '!', '?', ';', ':']) {
            return true;
        }
        let short = plen * 100 < self.wrap.width * 85;
        let heading_here = ends_sentence(ptext) && self.wrap.heading_like(l.text, next);
        !(self.prev_heading || heading_here || ends_sentence(ptext) && (short || l.indent > pind))
    }

    fn finish(mut self) -> Vec<Block> {
        if let Some(b) = self.cur.take() {
            self.out.push(b);
        }
        self.out
    }
}

/// Rejoins paragraphs broken by a page (or a dropped line): a block that
/// stops mid-sentence followed by one that starts in lower case. ("... the
/// Treaty on the Non-Proliferation of" / page break / "Nuclear Weapons
/// ...": a function word cannot end a paragraph.) Right after a page
/// number, a long block cut mid-sentence goes on whatever the case ("…
/// as enshrined in the ASEAN" / `Page 2 of 6` / "Charter and …"): a
/// heading is short.
fn rejoin_page_breaks(out: Vec<Block>, wrap: Wrap, forms: &WordForms) -> Vec<Block> {
    let mut merged: Vec<Block> = Vec::with_capacity(out.len());
    for b in out {
        if let Some(last) = merged.last_mut() {
            let cut_by_page = b.after_page && last.text.len() > PAGE_CUT_BLOCK;
            if !ends_sentence(&last.text)
                && (starts_lower(&b.text) || ends_with_function_word(&last.text) || cut_by_page)
                && !starts_item(&b.text)
                && (wrap.wrapped || last.text.len() > 150)
            {
                append(&mut last.text, &b.text, forms);
                last.lines += b.lines;
                continue;
            }
        }
        merged.push(b);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let lines: Vec<&str> = s.lines().collect();
        blocks(&lines).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn one_paragraph_per_line_is_kept() {
        let t = texts("First paragraph that is long enough to be a line of prose in a page.\nSecond paragraph, also on one line.\n\nThird.");
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn wrapped_text_is_unwrapped_with_boundaries_recovered() {
        let src = "Allow me to congratulate\nyou, Sir, on your election as President of the General\nAssembly, and to express my strong conviction that,\nunder your guidance, the work of this session will be\nconducted successfully. I would also like to take this\nopportunity to thank your predecessor for his competent\nguidance of the previous session.\nAt the start of the new millennium, Albania, as a\nsovereign and peace-loving country, is committed to the\nnon-\nproliferation regime and to the work of prolifer-\nation control.\n";
        let t = texts(src);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert!(t[0].starts_with("Allow me to congratulate you, Sir,"));
        assert!(t[0].ends_with("of the previous session."));
        assert!(t[1].contains("committed to the non-proliferation regime"));
        assert!(t[1].contains("work of proliferation control."));
    }

    #[test]
    fn first_line_indent_starts_a_paragraph() {
        let src = "I should like\nat the outset to congratulate you, Sir, on your election\nas President of the General Assembly at its sixty-third\nsession. I wish you every success in your mission.\n I should like also to thank your predecessor,\nMr. Srgjan Kerim, for all of his efforts in the previous\nsession. I should further like to thank the Secretary-\nGeneral, Mr. Ban Ki-moon, for his efforts to promote the\nrole of the United Nations in the world at this time.\n";
        let t = texts(src);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert!(t[1].contains("the Secretary-General, Mr. Ban Ki-moon"));
    }

    #[test]
    fn headings_inside_wrapped_text_stand_alone() {
        let src = "The Ministers met in Bandar Seri Begawan and reviewed the\nwork of the Forum since its first meeting in Bangkok last\nyear, and agreed on the way ahead for the coming year.\nRegional Issues\nThe Ministers exchanged views on the Korean Peninsula and\nwelcomed the resumption of dialogue between the parties to\nthe Agreed Framework concluded in Geneva in October.\n";
        let t = texts(src);
        assert_eq!(t.len(), 3, "{t:#?}");
        assert_eq!(t[1], "Regional Issues");
    }

    #[test]
    fn page_numbers_and_running_headers_vanish() {
        let mut src = String::new();
        for page in 1..=4 {
            src.push_str("ARF Inter-Sessional Meeting Report\n");
            for k in 0..5 {
                src.push_str(&format!(
                    "the participants continued discussion number {page}{k} of the\n"
                ));
            }
            src.push_str(&format!("\n{page}\n\n"));
        }
        let t = texts(&src);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert!(!t[0].contains("Report"));
    }

    /// Lines of a flattened PDF wrapped at about 80 characters, so that
    /// the text reads as wrapped.
    const WRAPPED: &str =
        "1. The Ministers met in Hanoi on 13 April and reviewed the work of the\n\
        year since their last meeting, the progress made on the work plan and the\n\
        tasks that remain before the next meeting of senior officials in the region.\n\
        2. They underlined that terrorism and transnational crime remain serious\n\
        threats to the stability of the region and to the safety of its peoples and\n\
        that the members of the forum should act together against them in the ASEAN\n";

    #[test]
    fn a_sentence_cut_by_a_page_goes_on_before_a_capital() {
        let src = format!(
            "{WRAPPED}\n                         Page 2 of 6\nCharter and the Treaty on the zone, as agreed by all members.\n"
        );
        let t = texts(&src);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert!(t[1].ends_with(
            "in the ASEAN Charter and the Treaty on the zone, as agreed by all members."
        ));
    }

    #[test]
    fn a_running_head_met_once_under_a_page_number_goes() {
        let src = format!(
            "{WRAPPED}\n   2\nARF ISM on CTTC 22\nsecurity, requiring coordinated responses.\n"
        );
        let t = texts(&src);
        assert!(
            t[1].ends_with("in the ASEAN security, requiring coordinated responses."),
            "{t:#?}"
        );
        // A line of prose there is the sentence's own.
        let src = format!(
            "{WRAPPED}\n   2\nimperialist war was started, an unprecedented,\npermanent war.\n"
        );
        let t = texts(&src);
        assert!(
            t[1].ends_with("ASEAN imperialist war was started, an unprecedented, permanent war."),
            "{t:#?}"
        );
    }

    #[test]
    fn a_heading_at_the_foot_of_a_page_stays_apart() {
        let src = format!("{WRAPPED}states.\n\nRegional Issues\n\n   2\nThe Ministers discussed the situation at sea.\n");
        let t = texts(&src);
        assert_eq!(
            t.last().map(String::as_str),
            Some("The Ministers discussed the situation at sea."),
            "{t:#?}"
        );
    }
}
