//! Pages whose facts stand in a list of labels and values, each on a line
//! of its own, between the headline and the text — GOV.UK's layout:
//!
//! ```text
//! Press release
//! UK and Viet Nam agree closer cooperation on maritime security
//! The Foreign Secretary and … agreed new steps on … during talks in London.
//! From:
//!     Foreign, Commonwealth & Development Office
//! Published
//!     14 March 2031
//! ```
//!
//! Why apart from the fold: read line by line, the labels are prose, the
//! headline and the one-sentence summary above the list are taken for stray
//! lines, and the header was found only at the date, with no title and the
//! summary lost. Here the list is found first; the headline becomes the
//! title, the page kind above it the type, the date of delivery or
//! publication and the location the header's date and place, and the
//! summary stays, as the first paragraph.

use std::ops::Range;

use super::classify::{classify, HeaderLine};
use crate::model::{Date, DocType};
use crate::segment::dates::find_date;

/// Lines searched for the list.
const SEARCH: usize = 40;
/// Content lines between the page's navigation and the list, at most:
/// more is body text, not a headline and its summary.
const MAX_ABOVE: usize = 5;
/// Lines of summary kept, at most.
const MAX_SUMMARY: usize = 3;

/// What a label introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    /// The date the speech was given: the document's date.
    Delivered,
    /// A date the page gives for itself (`Published`, `Date`).
    Dated,
    /// A later revision's date, used only when nothing else dates the page.
    Updated,
    /// Where it was given.
    Place,
    /// Known and not read (`From:`, `Part of:`).
    Other,
}

/// The label a line is, if it is one alone (`From:`, `Published`).
fn label(line: &str) -> Option<Label> {
    let t = line.trim();
    let t = t.strip_suffix(':').unwrap_or(t).trim_end();
    if t.len() > 24 {
        return None;
    }
    let l = t.to_ascii_lowercase();
    Some(match l.as_str() {
        "delivered on" | "date delivered" => Label::Delivered,
        "published"
        | "published on"
        | "first published"
        | "date"
        | "release date"
        | "date of publication" => Label::Dated,
        "updated" | "last updated" => Label::Updated,
        "location" | "place" | "venue" => Label::Place,
        "from" | "part of" | "applies to" | "organisation" | "organization" | "department"
        | "delivered by" | "speaker" | "author" | "authors" => Label::Other,
        _ => return None,
    })
}

/// The page kinds such sites name above the headline.
fn page_kind(line: &str) -> Option<DocType> {
    Some(match line.trim().to_ascii_lowercase().as_str() {
        "press release" | "news story" | "news release" | "media release" => DocType::PressRelease,
        "speech"
        | "statement"
        | "statement to parliament"
        | "oral statement to parliament"
        | "written statement to parliament" => DocType::Statement,
        "joint statement" => DocType::JointStatement,
        "policy paper" | "corporate report" | "research and analysis" => DocType::Report,
        "correspondence" | "guidance" | "transparency data" => DocType::Other,
        _ => return None,
    })
}

/// A page read through its list of labels (see the module doc).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelledPage {
    /// The headline above the summary.
    pub title: Option<String>,
    /// The page kind named above the headline.
    pub kind: Option<DocType>,
    /// The date of delivery, else of the page.
    pub date: Option<Date>,
    /// The location.
    pub place: Option<String>,
    /// Lines of the summary under the headline: the first paragraph.
    pub summary: Range<usize>,
    /// The first line after the list.
    pub end: usize,
}

/// The first line at or after `i` that is not blank.
fn next_filled(lines: &[&str], mut i: usize) -> Option<usize> {
    while i < lines.len() {
        if !lines[i].trim().is_empty() {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Finds the list of labels near the top of `lines` and reads the page
/// around it; `None` when the page is not laid out so.
///
/// ```
/// use dipsearch::segment::header::read_labelled;
/// let lines = ["News story", "Ministers meet in Hanoi", "From:", "  Ministry", "Published",
///              "  2 May 2031", "", "Text."];
/// let p = read_labelled(&lines).unwrap();
/// assert_eq!(p.title.as_deref(), Some("Ministers meet in Hanoi"));
/// assert_eq!((p.date.unwrap().to_string(), p.end), ("2031-05-02".to_string(), 6));
/// ```
pub fn read_labelled(lines: &[&str]) -> Option<LabelledPage> {
    let top = lines.len().min(SEARCH);
    let first = (0..top).find(|&i| label(lines[i]).is_some())?;
    let mut page = LabelledPage::default();
    let (mut pairs, mut dated) = (0, false);
    let mut dates: [Option<Date>; 3] = [None; 3];
    let mut i = first;
    while let Some(l) = lines.get(i).and_then(|line| label(line)) {
        let v = next_filled(lines, i + 1)?;
        let value = lines[v].trim();
        if label(value).is_some() {
            return None;
        }
        let date = || find_date(value).filter(|m| m.start == 0).map(|m| m.date);
        match l {
            Label::Delivered => dates[0] = dates[0].or_else(date),
            Label::Dated => dates[1] = dates[1].or_else(date),
            Label::Updated => dates[2] = dates[2].or_else(date),
            Label::Place if value.len() <= 60 && value.split_whitespace().count() <= 6 => {
                page.place = Some(value.trim_end_matches(['.', ',']).to_string());
            }
            Label::Place | Label::Other => {}
        }
        dated |= dates.iter().any(Option::is_some);
        pairs += 1;
        page.end = v + 1;
        i = next_filled(lines, v + 1).unwrap_or(lines.len());
    }
    if pairs < 2 || !dated {
        return None;
    }
    page.date = dates.into_iter().flatten().next();
    read_above(lines, first, &mut page)?;
    Some(page)
}

/// Reads the headline, the summary and the page kind above the list that
/// starts at `first`; `None` when body text stands there.
fn read_above(lines: &[&str], first: usize, page: &mut LabelledPage) -> Option<()> {
    // Content lines, bottom up, up to the navigation or the page kind.
    let mut content = Vec::new();
    let mut i = first;
    while i > 0 {
        i -= 1;
        let line = lines[i].trim();
        if line.is_empty() {
            continue;
        }
        if let Some(kind) = page_kind(line) {
            page.kind = Some(kind);
            break;
        }
        let next = lines.get(i + 1).copied();
        if matches!(
            classify(lines[i], next),
            HeaderLine::Banner(_)
                | HeaderLine::Stamp
                | HeaderLine::Furniture { .. }
                | HeaderLine::Item { .. }
        ) {
            break;
        }
        if content.len() == MAX_ABOVE {
            return None;
        }
        content.push(i);
    }
    content.reverse();
    let ends_sentence = |i: &usize| lines[*i].trim_end().ends_with(['.', '!', '?']);
    let summary = content
        .iter()
        .rev()
        .take_while(|i| ends_sentence(i))
        .count();
    if summary > MAX_SUMMARY {
        return None;
    }
    let rest = &content[..content.len() - summary];
    // What stands above the headline (or the summary) is navigation the
    // page's header replaces: never body text (a sentence, a numbered
    // paragraph), which would be lost.
    let top = rest.last().or(content.first()).copied().unwrap_or(first);
    let body_above = (0..top).any(|j| {
        let t = lines[j].trim();
        // A cookie banner's sentences are the site's.
        if crate::segment::boilerplate::is_boilerplate(t) {
            return false;
        }
        let sentence = t.ends_with(['.', '!', '?']) && t.split_whitespace().nth(7).is_some();
        sentence
            || t.len() > 120
            || matches!(
                classify(lines[j], lines.get(j + 1).copied()),
                HeaderLine::Item { menu_like: false }
            )
    });
    if body_above {
        return None;
    }
    if let Some(&h) = rest.last() {
        let headline = lines[h].trim();
        let short = headline.len() <= 200 && headline.split_whitespace().count() <= 30;
        if !short || headline.ends_with([':', ';', ',']) {
            return None;
        }
        page.title = Some(crate::text::ws::normalise_ws(headline));
    }
    page.summary = match content.get(content.len() - summary..) {
        Some(s) if !s.is_empty() => s[0]..s[s.len() - 1] + 1,
        _ => first..first,
    };
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        text.lines().collect()
    }

    #[test]
    fn a_speech_is_dated_by_its_delivery_and_placed_by_its_location() {
        let text = "Speech\n\nUK statement at the Review Conference\n\n\
                    UK statement delivered by the Minister at the general debate.\n\n\
                    From:\n    Foreign Office\nPublished\n    28 April 2031\n\
                    Delivered on:\n    27 April 2031 (Transcript of the speech, exactly as it was delivered)\n\
                    Location:\n    New York\n\nMr President,\n";
        let l = lines(text);
        let p = read_labelled(&l).expect("read");
        assert_eq!(
            p.title.as_deref(),
            Some("UK statement at the Review Conference")
        );
        assert_eq!(p.kind, Some(DocType::Statement));
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2031-04-27"));
        assert_eq!(p.place.as_deref(), Some("New York"));
        assert_eq!(p.summary, 4..5);
        assert_eq!(l[p.end + 1], "Mr President,");
    }

    #[test]
    fn labels_in_running_text_or_one_pair_alone_are_not_such_a_page() {
        // One label and its value: a date line of another layout.
        assert_eq!(
            read_labelled(&lines("Title\nDate:\n3 May 2031\n\nText.")),
            None
        );
        // No date among the values.
        assert_eq!(
            read_labelled(&lines(
                "Headline\nFrom:\nThe Office\nLocation:\nParis\n\nText."
            )),
            None
        );
        // Body text above the list.
        let long = "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nFrom:\nA\nPublished\n3 May 2031\n";
        assert_eq!(read_labelled(&lines(long)), None);
        // A label's value is another label.
        assert_eq!(
            read_labelled(&lines("H\nFrom:\nPublished\n3 May 2031\n")),
            None
        );
    }

    #[test]
    fn a_headline_needs_no_summary_and_a_summary_no_headline() {
        let p = read_labelled(&lines(
            "Ministers meet\nFrom:\nOffice\nPublished\n3 May 2031\n\nText.",
        ))
        .expect("read");
        assert_eq!(
            (p.title.as_deref(), p.summary.is_empty()),
            (Some("Ministers meet"), true)
        );
        let p = read_labelled(&lines(
            "Ministers met today.\nFrom:\nOffice\nPublished\n3 May 2031\n\nText.",
        ))
        .expect("read");
        assert_eq!((p.title, p.summary), (None, 0..1));
    }
}
