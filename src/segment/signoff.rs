//! The end of a statement that is not its text: a sign-off (a date alone,
//! `Signed at Kuala Lumpur on 26 October 2030, in duplicate.`, `Done at
//! ...`) followed by nothing but the signatories' names and titles, and
//! the links a page lists under a `See also` label.
//!
//! Both are dropped for a named reason (`accounting::DropReason`), never
//! silently: the signature block only when every block after the sign-off
//! is a short line without a sentence end, so a paragraph after a date
//! is never taken for a name.

use super::dates::find_date;
use super::unwrap::Block;
use crate::text::marker::parse_marker;

/// Longest block read as a line of a signature (names, titles, `Witnessed
/// by:`), in bytes; blocks of several names side by side run long.
const SIGNATURE_BYTES: usize = 300;

/// Most blocks a signature block spans.
const SIGNATURE_BLOCKS: usize = 40;

/// The index of the sign-off block when the document ends with a sign-off
/// and its signatures (see the module doc): the first sign-off at or
/// just above the run of signature lines that ends the document.
pub(super) fn signature_start(blocks: &[Block]) -> Option<usize> {
    let n = blocks.len();
    let mut s = n;
    while s > 0 && n - s < SIGNATURE_BLOCKS && is_signature_line(&blocks[s - 1]) {
        s -= 1;
    }
    (s.saturating_sub(1)..n).find(|&k| is_sign_off(&blocks[k].text))
}

/// A sign-off: a date alone, or a `Signed at` / `Done at` line with a
/// date.
pub(super) fn is_sign_off(text: &str) -> bool {
    let t = text.trim().trim_matches('*').trim();
    if t.len() >= 400 {
        return false;
    }
    if is_lone_date(t) {
        return true;
    }
    let lower = t.to_lowercase();
    [
        "signed at ",
        "signed in ",
        "signed on ",
        "done at ",
        "done in ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        && find_date(t).is_some()
}

/// A date standing alone (a sign-off such as "16 JULY 2010").
pub(super) fn is_lone_date(text: &str) -> bool {
    text.len() < 60 && find_date(text).is_some_and(|m| text.len() - (m.end - m.start) < 12)
}

/// A line of a signature block: short, no sentence end, no paragraph
/// marker.
fn is_signature_line(b: &Block) -> bool {
    let t = b.text.trim().trim_matches('*').trim();
    t.len() <= SIGNATURE_BYTES
        && !t.ends_with(['.', ';', '!', '?'])
        && parse_marker(t).is_none_or(|m| m.bare)
}

/// The line that ends a story on a news wire or a press office's page
/// (`(END)`, `-- BERNAMA`, `###`, `- Ends -`, `--ooOoo--`):
/// what follows it is the page's, not the story's (the agency's blurb,
/// contacts, photo captions, `Most Viewed` lists, footers), up to a part
/// annexed to the text (`Annex`), which is read again.
///
/// `lines` is the body; the mark counts only after some text, so a mark
/// standing above everything is no end.
pub(super) fn end_mark(lines: &[&str]) -> Option<(usize, usize)> {
    let mut seen_text = false;
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        if seen_text && is_end_mark(t) {
            let resume = (i + 1..lines.len())
                .find(|&j| is_part_start(lines[j]))
                .unwrap_or(lines.len());
            return Some((i, resume));
        }
        seen_text |= t.len() > 40;
    }
    None
}

/// Where the furniture under a web page's story starts: a line only a
/// page's tail has (`Share this:`, `Like Loading...`, `Related`, `Most
/// Read`, `Leave a Reply`, `Comments (3)`, `Subscribe to our newsletter`,
/// `Disclaimer: …`), after a sentence of the text. What follows it is
/// the page's (link lists, comment forms, sign-ups, legal lines), up to
/// an annexed part, which is read again; `None` when a paragraph of
/// text's length follows it (a report's `Comments` section).
///
/// `lines` is the body, as for [`end_mark`].
pub(super) fn page_tail(lines: &[&str]) -> Option<(usize, usize)> {
    let mut seen_sentence = false;
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        if seen_sentence && is_tail_start(t) && stands_alone(lines, i) {
            let resume = (i + 1..lines.len())
                .find(|&j| is_part_start(lines[j]))
                .unwrap_or(lines.len());
            let long = lines[i + 1..resume]
                .iter()
                .any(|l| l.split_whitespace().count() > TAIL_LINE_WORDS);
            return (!long).then_some((i, resume));
        }
        if !seen_sentence {
            seen_sentence = ends_sentence(t) && t.split_whitespace().count() >= 8;
        }
    }
    None
}

/// Whether line `i` is a line of its own, not one of a hard-wrapped
/// paragraph (`… and to find / responses. / We …`): a blank line or a
/// sentence's end above it, and no sentence going on in lower case below.
fn stands_alone(lines: &[&str], i: usize) -> bool {
    let above = i.checked_sub(1).map(|k| lines[k].trim());
    let below = lines.get(i + 1).map(|l| l.trim());
    // A label or a link above (`Emerging Markets` / `Read Next`) is a
    // line of its own too.
    let own_line = |a: &str| {
        a.is_empty() || ends_sentence(a) || a.ends_with(':') || a.split_whitespace().count() <= 6
    };
    // A label may have a line in lower case under it (`Most Read` /
    // `list of 4 items`); a longer line is going on.
    let label = lines[i].split_whitespace().count() <= 3;
    above.is_none_or(own_line)
        && (label || below.is_none_or(|b| !b.starts_with(char::is_lowercase)))
}

/// Most words a line under a page's tail opener may have: comments,
/// disclaimers and blurbs are a sentence or two; a paragraph of text is
/// longer (hard-wrapped text has shorter lines, and no tail opener).
const TAIL_LINE_WORDS: usize = 45;

/// Bytes of the longest opener without a label (`Leave a Reply Cancel
/// reply`, `Subscribe to our newsletter`, `Comments (1234)`).
const OPENER_BYTES: usize = 32;

/// A line that opens a page's tail (see [`page_tail`]).
fn is_tail_start(t: &str) -> bool {
    if t.len() > 160 {
        return false;
    }
    // Most lines of a text are longer than any opener but the labelled
    // ones: turned away before they are lower-cased.
    let labelled = ["disclaimer:", "tags:", "topics:"].iter().any(|p| {
        t.as_bytes()
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    });
    if !labelled && t.len() > OPENER_BYTES {
        return false;
    }
    let lower = t.to_lowercase();
    let core = lower.trim_end_matches([':', ' ', '.', '…']);
    // `Disclaimer: The views expressed …`, `Tags: climate, PIF`.
    if lower.starts_with("disclaimer:") {
        return true;
    }
    if ["tags:", "topics:"].iter().any(|p| lower.starts_with(p)) {
        return t.split_whitespace().count() <= 16 && !t.ends_with('.');
    }
    // `Comments`, `Comments (3)`, `3 Comments`, `12 responses`.
    let number = |w: &&str| {
        w.trim_matches(['(', ')'])
            .bytes()
            .all(|b| b.is_ascii_digit())
    };
    let words: Vec<&str> = core.split_whitespace().filter(|w| !number(w)).collect();
    let counted = core.split_whitespace().any(|w| number(&w));
    if let [w] = words[..] {
        let comments = matches!(w, "comments" | "comment") && !t.ends_with('.');
        if comments || counted && matches!(w, "responses" | "reactions") {
            return true;
        }
    }
    matches!(
        core,
        "like this"
            | "like loading"
            | "share this"
            | "share this article"
            | "share this story"
            | "share this post"
            | "related"
            | "related articles"
            | "related posts"
            | "related stories"
            | "related news"
            | "related content"
            | "most read"
            | "most viewed"
            | "most popular"
            | "most shared"
            | "trending now"
            | "you may also like"
            | "you might also like"
            | "you may have missed"
            | "recommended for you"
            | "read next"
            | "more stories"
            | "leave a reply"
            | "leave a reply cancel reply"
            | "leave a comment"
            | "post a comment"
            | "add a comment"
            | "join the conversation"
            | "subscribe to our newsletter"
            | "sign up for our newsletter"
            | "sign up to our newsletter"
            | "disclaimer"
    )
}

/// An end mark alone on its line (see [`end_mark`]).
fn is_end_mark(t: &str) -> bool {
    if t.len() > 24 {
        return false;
    }
    // `###`, `# # #`.
    if t.chars().all(|c| c == '#' || c == ' ') {
        return t.bytes().filter(|&b| b == b'#').count() >= 3;
    }
    let core = t
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '(' | ')' | '[' | ']' | '*' | ' '))
        .to_ascii_lowercase();
    match core.as_str() {
        // Decorated (`(END)`, `- Ends -`), or in capitals alone.
        "end" | "ends" => t.len() > core.len() || t == "END" || t == "ENDS",
        // `--ooOoo--`, `-oOo-`, `o0o`.
        o if o.len() >= 3 && o.chars().all(|c| matches!(c, 'o' | '0')) => true,
        // An agency's sign-off: `-- BERNAMA`, `--VNA`.
        _ => {
            t.starts_with("--")
                && core.len() >= 2
                && t.trim_start_matches(['-', ' '])
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == ' ')
        }
    }
}

/// A line that starts an annexed part (`Annex`, `ANNEX I`, `Attachment:`).
fn is_part_start(line: &str) -> bool {
    let t = line.trim().trim_matches('*').trim();
    let lower = t.to_ascii_lowercase();
    t.len() <= 80
        && crate::text::lexicon::PART_WORDS.iter().any(|w| {
            lower
                .strip_prefix(w)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', ':', '.']))
        })
}

/// The first block of the page's footer: the run of blocks closing the
/// document that are each a link, a label, a name, a number or a
/// copyright line rather than a sentence (`Associated links` / `Contacts`
/// / `343-203-7700` / `Report a problem or mistake on this page` / `Date
/// modified: 2031-04-03`), or from a label over links (`Related
/// Stories`) on. One line of them at least is one only a site has (a
/// copyright line, an address, a row of links), and a sentence above
/// them, so that a short last line of the text (`Thank you`) and a page
/// of short lines stay.
pub(super) fn footer_start(blocks: &[Block]) -> Option<usize> {
    let mut s = blocks.len();
    // A sign-off (`Geneva, 19 June 2031`) closes the text: what is under
    // it is the signature's, read by [`signature_start`].
    while s > 0 && is_footer_line(blocks[s - 1].text.trim()) && !is_sign_off(&blocks[s - 1].text) {
        s -= 1;
    }
    // A label over links (`Related Stories`) starts the footer when
    // nothing but links and footer lines follow it, however long the
    // links' titles.
    let mut k = s;
    while k > 0 && is_link_line(blocks[k - 1].text.trim()) && !is_sign_off(&blocks[k - 1].text) {
        k -= 1;
        if is_link_label(&blocks[k].text) {
            s = k;
        }
    }
    // Links to other stories with no label over them (a `Read more`
    // button is dropped as boilerplate before), right above a row of the
    // site's links or its legal line, under the text's last sentence.
    if s + 1 == blocks.len() && is_site_row(blocks[s].text.trim()) {
        let mut k = s;
        while k > 0 && s - k < 8 && is_story_link(blocks[k - 1].text.trim()) {
            k -= 1;
        }
        if k < s && k > 0 && ends_sentence(blocks[k - 1].text.trim()) {
            s = k;
        }
    }
    // Share buttons above the label (`Share this:` / `Facebook` / `Print`
    // / `Related Posts`).
    while s > 0 && is_footer_line(blocks[s - 1].text.trim()) && !is_sign_off(&blocks[s - 1].text) {
        s -= 1;
    }
    let run = blocks.len() - s;
    let sentence_above = s > 0 && ends_sentence(blocks[s - 1].text.trim());
    // One line at least that only a site has: short lines closing a
    // speech (`I thank you Mr. President` / `TUVALU MO TEATUA`) stay.
    let site = blocks[s..].iter().any(|b| {
        let t = b.text.trim();
        is_site_line(t) || t.contains(" | ") || t.contains('@') || is_link_label(t)
    });
    (run >= 1 && site && sentence_above).then_some(s)
}

/// A site's row of links (`Contact | Privacy | Cookies`, three cells at
/// least) or its legal line.
fn is_site_row(t: &str) -> bool {
    is_site_line(t) || t.split(" | ").filter(|c| !c.trim().is_empty()).count() >= 3
}

/// A link to another story: a capitalised headline of a few words that
/// ends no sentence and has no list marker.
fn is_story_link(t: &str) -> bool {
    (2..=14).contains(&t.split_whitespace().count())
        && t.starts_with(char::is_uppercase)
        && is_link_line(t)
        && !t.ends_with([':', ','])
        && parse_marker(t).is_none()
}

/// A block of a page's footer (see [`footer_start`]): no list marker,
/// and either a few words that end no sentence, a row of links
/// (`Privacy | Contact`), an address or handle, or a site's legal line.
fn is_footer_line(t: &str) -> bool {
    if t.is_empty() || t.len() > 200 || parse_marker(t).is_some_and(|m| !m.bare) {
        return false;
    }
    is_site_line(t)
        || !ends_sentence(t)
            && (t.split_whitespace().count() <= 8 || t.contains(" | ") || t.contains('@'))
}

/// A line only a site's footer has, whatever its length: a copyright or
/// legal line, a postal address, a telephone number, a row of links.
fn is_site_line(t: &str) -> bool {
    let lower = t.to_lowercase();
    [
        "copyright",
        "©",
        "all rights reserved",
        "all content is",
        "privacy policy",
        "terms of use",
        "we acknowledge the traditional",
        "opens new tab",
        "p.o. box",
        "tel:",
        "tel.",
        "address:",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether a block ends as a sentence or a clause does.
fn ends_sentence(t: &str) -> bool {
    t.trim_end_matches(['"', '\'', '”', '’', ')', '*', '_', ' '])
        .ends_with(['.', '!', '?', ';'])
}

/// A label over a list of links to other pages (`See also:`, `Related
/// documents`).
pub(super) fn is_link_label(heading: &str) -> bool {
    // `Related news: <a link>` on one line is the label and its first link.
    let label = match heading.split_once(':') {
        Some((l, rest)) if rest.trim().is_empty() || is_link_line(heading) => l,
        _ => heading,
    };
    let l = label.trim().to_lowercase();
    matches!(
        l.as_str(),
        "see also"
            | "related"
            | "related documents"
            | "related pages"
            | "related links"
            | "related information"
            | "related stories"
            | "related coverage"
            | "related news"
            | "related articles"
            | "related content"
            | "related posts"
            | "related topics"
            | "associated links"
            | "also on this topic"
            | "more on this topic"
            | "most viewed"
            | "most read"
            | "most popular"
            | "read next"
            | "more news"
            | "latest news"
            | "other news"
            | "other media releases"
            | "you may also like"
            | "read more"
            | "learn more"
            // A release's neighbours (`Prev` / `Outcome of …` / `Next` / …).
            | "prev"
            | "previous"
            | "next"
            | "tags"
            | "keywords"
    )
}

/// A block that can be a link in such a list: short, no sentence end.
pub(super) fn is_link_line(text: &str) -> bool {
    text.len() <= 200 && !text.trim_end().ends_with(['.', ';', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(t: &str) -> Block {
        Block {
            text: t.to_string(),
            indent: 0,
            lines: 1,
            after_page: false,
        }
    }

    #[test]
    fn an_end_mark_ends_the_story_up_to_an_annex() {
        let story = "HANOI, May 2 (VNA) -- The two ministers met in Hanoi on Friday and agreed to meet again.";
        for mark in [
            "(END)",
            "-- VNA",
            "--BERNAMA",
            "###",
            "# # #",
            "- Ends -",
            "--ooOoo--",
            "END",
        ] {
            let lines = [story, "", mark, "", "The agency's blurb.", "Most Read"];
            assert_eq!(end_mark(&lines), Some((2, 6)), "{mark}");
        }
        let annexed = [
            story,
            "-END-",
            "Copyright 2031",
            "ANNEX",
            "List of outcomes.",
        ];
        assert_eq!(end_mark(&annexed), Some((1, 3)));
        // Not end marks: a separator, a page number, words, a mark above
        // all text.
        for mark in [
            "* * *",
            "---",
            "- 30 -",
            "Ends",
            "The END of an era",
            "-- the minister said",
        ] {
            assert_eq!(end_mark(&[story, mark, "More text."]), None, "{mark}");
        }
        assert_eq!(end_mark(&["###", story]), None);
    }

    #[test]
    fn a_pages_tail_under_its_story() {
        let story =
            "The ministers agreed to set up joint border patrols and a shared intelligence cell.";
        for opener in [
            "Share this:",
            "Like Loading...",
            "Related",
            "Most Read",
            "Leave a Reply Cancel reply",
            "Comments (3)",
            "12 Comments",
            "Subscribe to our newsletter",
            "Disclaimer: The views expressed are the readers' own.",
            "Tags: climate, maritime, PIF",
        ] {
            let lines = [
                story,
                "",
                opener,
                "Niger and Chad sign security pact",
                "Sign up",
            ];
            assert_eq!(page_tail(&lines), Some((2, 5)), "{opener}");
        }
        // An annex after the tail is read again.
        let annexed = [
            story,
            "Related",
            "Other story",
            "ANNEX",
            "List of outcomes.",
        ];
        assert_eq!(page_tail(&annexed), Some((1, 3)));
        // Not tails: above any sentence of text, a paragraph of text after
        // the line, a sentence that starts with the words.
        assert_eq!(page_tail(&["Related", story]), None);
        let long = "The Committee noted the comments received from twelve member States and agreed that the secretariat would consolidate them into a revised draft for the next session, taking into account the views expressed on scope, definitions and the relation to existing instruments, and report back to the Committee at its next regular session in Geneva.";
        assert_eq!(page_tail(&[story, "Comments", long]), None);
        // A word of a hard-wrapped paragraph alone on its line.
        let wrapped = [
            story,
            "",
            "The crisis calls for collective",
            "responses.",
            "We must act.",
        ];
        assert_eq!(page_tail(&wrapped), None);
        let topics = [
            story,
            "",
            "Topics: infrastructure, services and investment. From",
            "the outset we said so.",
        ];
        assert_eq!(page_tail(&topics), None);
        assert_eq!(
            page_tail(&[story, "Related issues were discussed at length."]),
            None
        );
    }

    #[test]
    fn a_site_footer_closes_the_page_but_not_a_speech() {
        let doc = |ts: &[&str]| ts.iter().map(|t| block(t)).collect::<Vec<_>>();
        let page = doc(&[
            "The ministers agreed to meet again in 2032.",
            "Associated links",
            "Canada-Mexico relations",
            "Contacts",
            "343-203-7700",
            "media@international.gc.ca",
            "Date modified: 2031-04-03",
        ]);
        assert_eq!(footer_start(&page), Some(1));
        // A label over long link titles starts it too.
        let related = doc(&[
            "The ministers agreed to meet again in 2032.",
            "Related Stories",
            "Update 312 – Director General Statement on the Situation at the Plant in the South",
            "Terms of Use | Privacy Policy | Contact",
        ]);
        assert_eq!(footer_start(&related), Some(1));
        // One line only a site has is enough.
        let address = doc(&[
            "The two sides exchanged views on the situation in the region.",
            "Address: No. 2, Chaoyangmen Nandajie, Chaoyang District, Beijing, 100701 Tel: 86-10-65961114",
        ]);
        assert_eq!(footer_start(&address), Some(1));
        // A speech's last short lines, in bold or not, have no site line.
        let speech = doc(&[
            "We will not give up.",
            "**God bless Africa!**",
            "I thank you Mr. President",
            "TUVALU MO TEATUA",
        ]);
        assert_eq!(footer_start(&speech), None);
        // A sign-off closes the text; what is under it is the signature's.
        let signed = doc(&[
            "He encourages the remaining States to join.",
            "Farhan Okoye, Deputy Spokesperson",
            "Geneva, 19 June 2031",
        ]);
        assert_eq!(footer_start(&signed), None);
        // A last paragraph with a web address is text.
        let web = doc(&[
            "The ministers met.",
            "For further guidance please consult the website (www.un.org/Depts/oip)",
        ]);
        assert_eq!(footer_start(&web), None);
    }

    #[test]
    fn a_sign_off_and_names_at_the_end_only() {
        let doc = |ts: &[&str]| ts.iter().map(|t| block(t)).collect::<Vec<_>>();
        let signed = doc(&[
            "1. The two sides agreed.",
            "Signed at Rome on 1 May 2030, in duplicate.",
            "Anna Rossi",
            "Minister of Foreign Affairs",
        ]);
        assert_eq!(signature_start(&signed), Some(1));
        let dated = doc(&[
            "The talks ended.",
            "1 May 2030",
            "President A of X",
            "President B of Y",
        ]);
        assert_eq!(signature_start(&dated), Some(1));
        // A paragraph after the date: no signature block.
        let more = doc(&["The talks ended.", "1 May 2030", "The parties met again."]);
        assert_eq!(signature_start(&more), None);
        assert_eq!(
            signature_start(&doc(&["The talks ended.", "Anna Rossi"])),
            None
        );
    }

    #[test]
    fn labels_over_links() {
        for l in [
            "Related Links",
            "Related Information",
            "Related Coverage",
            "See also:",
        ] {
            assert!(is_link_label(l), "{l}");
        }
        assert!(!is_link_label("Related issues were discussed at length."));
    }
}
