//! News stories copied with their headline: the wire's dateline (`TOKYO,
//! Nov. 20 (Kyodo) -- …`) gives the place, the headline above it the
//! title, when the fold found no header of the page's own.

use super::byline::is_byline;
use super::{datelines, dates, is_dated_headline, site, wire_dateline, HeaderScan, STRAY_SEARCH};

/// A news story copied with its headline (`Japan, South Korea agree to
/// ...` / `TOKYO, Nov. 20 (Kyodo) -- Japan and ...`): the wire's dateline
/// gives the place, and the headline above it, when no header came, is
/// the title. What news pages print around the headline is skipped: a
/// site's or a section's name above it (`Asia`, `WORLD NEWS | Updated 3
/// hours ago`), and stamps, bylines, captions, buttons and the agency's
/// name between it and the dateline; a stamp's date is the date when the
/// header has none (wire datelines leave the year out). One line under
/// the headline may be a standfirst, which starts the body. Below a
/// headline the dateline may end in a colon (`KUALA LUMPUR: Southeast
/// Asian ...`), one line apart at least.
pub(super) fn wire_story(lines: &[&str], scan: &mut HeaderScan) {
    if !wire_story_forward(lines, scan) && !wire_story_backward(lines, scan) {
        stamp_story(lines, scan);
    }
    headline_over_standfirst(lines, scan);
    headline_over_text(lines, scan);
    headline_over_byline(lines, scan);
}

/// A reporter's name taken for the title (`Sahel leaders hold fifth AES
/// summit …` / `Loke Wai Mun` / the stamp: the name is the title line
/// right above the date): the headline above it is the title.
fn headline_over_byline(lines: &[&str], scan: &mut HeaderScan) {
    let Some(title) = scan.header.title.as_deref() else {
        return;
    };
    let byline = is_byline(title) || crate::segment::boilerplate::is_byline(title);
    if !byline
        || super::find_doc_type(title).is_some()
        || super::doc_type::contains_meeting_word(title)
    {
        return;
    }
    let end = scan.body_start.min(lines.len());
    let Some(at) = (0..end).find(|&i| crate::text::ws::normalise_ws(lines[i].trim()) == title)
    else {
        return;
    };
    if let (Some(h), _) = headline_above(lines, 0, at) {
        if lines[h].split_whitespace().count() >= 5 {
            scan.header.title = Some(crate::text::ws::normalise_ws(lines[h].trim()));
        }
    }
}

/// A story copied as its headline and its text, with no stamp, type or
/// dateline (`Chancellor receives President of Niger` / `Berlin welcomed
/// …`), when nothing else gave a header: the headline is the title, and a
/// date alone on the last line (`03/03/2034`, where some ministries print
/// it) the date.
fn headline_over_text(lines: &[&str], scan: &mut HeaderScan) {
    let h = &scan.header;
    if h.title.is_some() || h.date.is_some() || h.doc_type != crate::model::DocType::Other {
        return;
    }
    let mut rest = (scan.body_start..lines.len()).filter(|&i| !lines[i].trim().is_empty());
    let (Some(head), Some(body)) = (rest.next(), rest.next()) else {
        return;
    };
    let line = lines[head].trim();
    // Not the first line of a wrapped speech (`Allow me to join preceding
    // speakers in`, `Mr. President, Excellencies`, `On this occasion, the
    // seventieth anniversary of the United`, `President, friends –`).
    let clause_after_comma = line
        .split(", ")
        .skip(1)
        .any(|rest| rest.starts_with(char::is_lowercase));
    // Headlines speak of others: `I`, `my`, `we` open a speech.
    let first_person = line.split_whitespace().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphabetic()),
            "I" | "my" | "My" | "we" | "We" | "our" | "Our" | "me"
        )
    });
    let headline = (3..=20).contains(&line.split_whitespace().count())
        && !clause_after_comma
        && !first_person
        && !line.ends_with(['–', '—', '-'])
        && is_dated_headline(line)
        && !crate::text::title::ends_with_function_word(line)
        && !crate::text::title::is_salutation(line)
        && !is_section_label(line)
        && !crate::segment::boilerplate::is_boilerplate(line);
    let text = lines[body].trim();
    if !headline || !text.starts_with(char::is_uppercase) || !is_sentence(text) {
        return;
    }
    scan.header.title = Some(crate::text::ws::normalise_ws(line));
    scan.body_start = body;
    let last = (body + 1..lines.len())
        .rev()
        .find(|&i| !lines[i].trim().is_empty());
    if let Some((i, d)) = last.and_then(|i| Some((i, date_alone(lines[i])?))) {
        d.date_header(&mut scan.header);
        scan.bare_date = true;
        scan.foot_date = Some(i);
    }
}

/// The date of a line that is a date alone, maybe after a place
/// (`03/03/2034`, `3 March 2034`, `Amman, 3 March 2034`).
fn date_alone(line: &str) -> Option<crate::segment::dates::DateMatch> {
    match super::classify(line, None) {
        super::HeaderLine::PlaceDate(pd) if pd.kind.is_none() => Some(pd.date),
        _ => None,
    }
}

/// A dated page whose headline has a standfirst under it (`IGAD leaders
/// meet in Addis Ababa` / `The bloc's summit calls for a ceasefire …` /
/// `5 Nov 2032`): the fold read the date and no title; the headline over
/// the standfirst is the title.
fn headline_over_standfirst(lines: &[&str], scan: &mut HeaderScan) {
    if scan.header.title.is_some() || scan.header.date.is_none() {
        return;
    }
    let end = scan.body_start.min(lines.len());
    let Some(d) = (0..end).rev().find(|&i| {
        let l = lines[i].trim();
        l.split_whitespace().count() <= 8 && dates::any_date(l).is_some()
    }) else {
        return;
    };
    if let (Some(h), _) = headline_above(lines, 0, d) {
        let title = crate::text::ws::normalise_ws(lines[h].trim());
        // `Joint statement on …`: the type the title opens with.
        if scan.header.doc_type == crate::model::DocType::Other {
            if let Some(m) = super::doc_type::find_doc_type(&title).filter(|m| m.start == 0) {
                scan.header.doc_type = m.doc_type;
            }
        }
        scan.header.title = Some(title);
    }
}

/// A newspaper's own story read up from its dated stamp, when nothing
/// else gave a header (`THE HINDU` / `e-Paper` / a menu / `News / National`
/// / the headline / a standfirst / `Updated - March 04, 2032 10:12 pm IST -
/// NEW DELHI` / `Aarti Menon` / `READ LATER`): the headline is the title,
/// the stamp's date the date and the city after its dash the place; the
/// body starts at the first sentence under the stamp, past the byline and
/// the buttons.
fn stamp_story(lines: &[&str], scan: &mut HeaderScan) {
    if scan.header.title.is_some() || scan.header.date.is_some() {
        return;
    }
    let window = lines.len().min(scan.body_start + STRAY_SEARCH);
    let Some((s, published)) = (scan.body_start..window).find_map(|i| {
        let l = lines[i].trim();
        let stamp = l.len() <= 120 && site::is_stamp(l);
        stamp.then(|| dates::any_date(l)).flatten().map(|d| (i, d))
    }) else {
        return;
    };
    let (Some(headline), _) = headline_above(lines, scan.body_start, s) else {
        return;
    };
    let Some(body) = (s + 1..window).find(|&i| opens_text(lines, i)) else {
        return;
    };
    take_story(scan, lines[headline], body, Some(published));
    if let Some(place) = place_after_stamp(lines[s]) {
        scan.header.place.get_or_insert(place);
    }
}

/// Whether the story's text starts at line `i`: a sentence on its line,
/// a numbered paragraph, or the first line of hard-wrapped text (ten
/// words, the next line going on in lower case: `1. The third meeting of
/// the heads of the … of the` / `member States of …`).
fn opens_text(lines: &[&str], i: usize) -> bool {
    let l = lines[i].trim();
    let words = l.split_whitespace().count();
    is_sentence(l)
        || words >= 6 && crate::text::marker::parse_marker(l).is_some_and(|m| !m.bare)
        || words >= 10
            && !crate::segment::boilerplate::is_boilerplate(l)
            && lines
                .get(i + 1)
                .is_some_and(|n| n.trim_start().starts_with(char::is_lowercase))
}

/// A line of the story's text: one that ends a sentence and has a dozen
/// words at least (not a button, a byline or a label).
fn is_sentence(line: &str) -> bool {
    line.split_whitespace().count() >= 12
        && line.ends_with(['.', '"', '”', ')'])
        && !crate::segment::boilerplate::is_boilerplate(line)
}

/// The headline among the lines right above line `end` (from `start`):
/// one headline, or a headline under a section's label or a breadcrumb, or
/// a headline over a standfirst; and the date of the stamp nearest above
/// `end` among the lines read.
fn headline_above(
    lines: &[&str],
    start: usize,
    end: usize,
) -> (Option<usize>, Option<crate::segment::dates::DateMatch>) {
    let mut candidates = Vec::new();
    let mut published = None;
    for i in (start..end).rev() {
        let line = lines[i].trim();
        if line.is_empty() {
            continue;
        }
        let short_date = dates::any_date(line).is_some() && line.split_whitespace().count() <= 8;
        if site::is_stamp(line) || short_date {
            published = published.or_else(|| dates::any_date(line));
            continue;
        }
        if crate::segment::boilerplate::is_boilerplate(line)
            || super::menu::is_menu_row(line)
            || is_byline(line)
        {
            continue;
        }
        // A standfirst right above may end its sentence.
        let standfirst = candidates.is_empty() && is_standfirst(line);
        if !(is_headline(line) || standfirst) || candidates.len() == 2 {
            break;
        }
        candidates.push(i);
    }
    let headline = match candidates[..] {
        [only] if is_headline(lines[only].trim()) => only,
        [lower, upper]
            if is_page_label(lines[upper].trim()) && is_headline(lines[lower].trim()) =>
        {
            lower
        }
        // A breadcrumb over the headline (`Newsroom > Press releases`).
        [lower, upper]
            if is_dated_headline(lines[lower].trim())
                && [" > ", " » ", " › ", " / "]
                    .iter()
                    .any(|s| lines[upper].contains(s)) =>
        {
            lower
        }
        [lower, upper]
            if is_standfirst(lines[lower].trim()) && is_dated_headline(lines[upper].trim()) =>
        {
            upper
        }
        _ => return (None, published),
    };
    let line = lines[headline].trim();
    let ok = is_dated_headline(line) && !is_section_label(line);
    (ok.then_some(headline), published)
}

/// A news story whose headline is not the first line of what the fold
/// left (a site's name, menus and a section over it: `TASS` / `Russian
/// News Agency` / `Politics  World …` / the headline / a standfirst / `3
/// OCT 2031, 20:52` / `MOSCOW, October 3. /TASS/. …`): read up from the
/// dateline. Under the headline may stand one standfirst and the stamps,
/// bylines and agency lines news pages print; a short section label above
/// a single line makes that line the headline.
fn wire_story_backward(lines: &[&str], scan: &mut HeaderScan) -> bool {
    if !scan.header.title.as_deref().is_none_or(is_page_label) {
        return false;
    }
    let window = lines.len().min(scan.body_start + STRAY_SEARCH);
    // A dateline opens with a city in capitals or names its agency in
    // brackets near the start; other lines are not matched at all.
    let could_be = |l: &str| {
        l.as_bytes().get(1).is_some_and(u8::is_ascii_uppercase)
            || l.get(..l.len().min(40)).is_some_and(|h| h.contains(" ("))
    };
    let Some((b, city)) = (scan.body_start..window)
        .map(|i| (i, lines[i].trim_start()))
        .filter(|(_, l)| could_be(l))
        .find_map(|(i, l)| wire_dateline(l).map(|c| (i, c)))
    else {
        return false;
    };
    let (Some(headline), published) = headline_above(lines, scan.body_start, b) else {
        return false;
    };
    take_story(scan, lines[headline], b, published);
    scan.header.place.get_or_insert(city);
    date_from_dateline(lines[b], scan);
    true
}

/// The dateline's own date when nothing above it dated the story
/// (`Geneva, 13 June 2035 (WMO) – …`).
fn date_from_dateline(line: &str, scan: &mut HeaderScan) {
    if scan.header.date.is_none() {
        if let Some((_, d)) = datelines::dated_dateline(line.trim_start()) {
            d.date_header(&mut scan.header);
        }
    }
}

/// The story's headline as the title, its body from `body_start`, and the
/// stamp's date when the header has none.
fn take_story(
    scan: &mut HeaderScan,
    headline: &str,
    body_start: usize,
    published: Option<crate::segment::dates::DateMatch>,
) {
    scan.header.title = Some(crate::text::ws::normalise_ws(headline.trim()));
    scan.body_start = body_start;
    if let (None, Some(d)) = (scan.header.date, published) {
        d.date_header(&mut scan.header);
        scan.bare_date = true;
    }
}

fn wire_story_forward(lines: &[&str], scan: &mut HeaderScan) -> bool {
    let mut rest = (scan.body_start..lines.len()).filter(|&i| !lines[i].trim().is_empty());
    let Some(first) = rest.next() else {
        return true;
    };
    if let Some(city) = wire_dateline(lines[first].trim_start()) {
        scan.header.place.get_or_insert(city);
        date_from_dateline(lines[first], scan);
        // The fold took the site's or the section's name over the
        // headline for the title (`News Agency` / the headline / `By …`).
        if scan.header.title.as_deref().is_none_or(is_page_label) {
            if let (Some(h), _) = headline_above(lines, 0, first) {
                scan.header.title = Some(crate::text::ws::normalise_ws(lines[h].trim()));
            }
        }
        return true;
    }
    let mut published = None;
    // The headline, and the last short line above it, which may be a
    // site's or a section's name or a short headline (which it is when no
    // other headline follows).
    let (mut headline, mut label, mut standfirst) = (None, None, None);
    let mut summed = false;
    let mut dateline = None;
    // A dated stamp under the headline (`Updated - March 04, 2032 10:12 pm
    // IST - NEW DELHI`) and the place it may end with.
    let (mut stamped_under, mut stamp_place) = (false, None);
    for i in std::iter::once(first).chain(rest).take(NEWS_HEAD_LINES) {
        let line = lines[i].trim();
        if let Some(a) = headline.or(label) {
            let city = wire_dateline(line)
                .or_else(|| datelines::colon_dateline(line).filter(|_| i > a + 1));
            if let Some(city) = city {
                dateline = Some((i, city));
                break;
            }
        }
        if site::is_stamp(line.trim_matches('*').trim()) {
            published = published.or_else(|| crate::segment::dates::find_date(line));
            stamp_place = stamp_place.or_else(|| place_after_stamp(line));
            stamped_under |= headline.is_some() && published.is_some();
            continue;
        }
        if crate::segment::boilerplate::is_boilerplate(line) || super::menu::is_menu_row(line) {
            continue;
        }
        if headline.is_none() && is_headline(line) {
            if is_page_label(line) {
                label = Some(i);
            } else {
                headline = Some(i);
            }
            continue;
        }
        // One line under the headline may sum the story up (a standfirst):
        // it is the story's first paragraph.
        if headline.is_some() && !summed && is_standfirst(line) {
            // A badge or a label of a few words (`Verified by our
            // newsroom`) takes the standfirst's place but sums nothing
            // up: the story starts at its dateline.
            let badge = line.split_whitespace().count() < 6 && !line.ends_with(['.', '!', '?']);
            if !badge {
                standfirst = Some(i);
            }
            summed = true;
            continue;
        }
        // No dateline: a story whose stamp under the headline dates it
        // (a newspaper's own story, not a wire's).
        let untitled = scan.header.title.as_deref().is_none_or(is_page_label);
        if let (Some(a), true, true) = (headline, stamped_under, untitled) {
            take_story(scan, lines[a], standfirst.unwrap_or(i), published);
            if let Some(place) = stamp_place {
                scan.header.place.get_or_insert(place);
            }
            return true;
        }
        return false;
    }
    let headline = headline.or(label);
    let (Some(a), Some((b, city))) = (headline, dateline) else {
        return false;
    };
    // A section's label above a blank line reads as a title to the fold
    // (`Politics`); the headline is the story's.
    let untitled = scan.header.title.as_deref().is_none_or(is_page_label);
    if untitled {
        take_story(scan, lines[a], standfirst.unwrap_or(b), published);
    }
    scan.header.place.get_or_insert(city);
    date_from_dateline(lines[b], scan);
    true
}

/// The city a newspaper's stamp ends with (`Updated - March 04, 2032
/// 10:12 pm IST - NEW DELHI` → `New Delhi`): one to three words in
/// capitals after the last dash. Read by the header's fold for any stamp
/// (`Published - … - ASTANA` under the headline of a saved page).
pub(super) fn place_after_stamp(line: &str) -> Option<String> {
    let (_, tail) = line.trim().rsplit_once(" - ")?;
    let words = tail.split_whitespace().count();
    let caps = tail
        .chars()
        .all(|c| c.is_ascii_uppercase() || c == ' ' || c == '-' || c == '.');
    ((1..=3).contains(&words) && caps && tail.len() >= 3)
        .then(|| crate::text::title::title_case(tail))
        .filter(|city| !crate::text::lexicon::is_news_agency(&city.to_lowercase()))
}

/// Non-blank lines read for a news story's headline and dateline.
const NEWS_HEAD_LINES: usize = 12;

/// A news headline: one short line without a sentence's end.
pub(super) fn is_headline(line: &str) -> bool {
    line.len() <= 200
        && line.split_whitespace().count() <= 30
        && !line.ends_with(['.', ':', ';', ','])
        && crate::text::marker::parse_marker(line).is_none()
}

/// A standfirst under a headline: one sentence or phrase, not a numbered
/// paragraph.
fn is_standfirst(line: &str) -> bool {
    line.len() <= 300
        && line.split_whitespace().count() <= 40
        && crate::text::marker::parse_marker(line).is_none()
        && line.starts_with(|c: char| c.is_uppercase())
}

/// A title the fold took that is the page's, not the document's: a
/// section's label, or a trail of them (`World | Africa`, `Accueil >
/// Actualités`).
fn is_page_label(title: &str) -> bool {
    is_section_label(title)
        || [" | ", " > ", " › ", " » ", " / "].iter().any(|sep| {
            title.contains(sep) && title.split(sep).all(|cell| is_section_label(cell.trim()))
        })
}

/// A news site's section above a headline (`Asia`, `World News`,
/// `Politics & Diplomacy`): a word or three, no figures, no punctuation
/// but `&`.
pub(super) fn is_section_label(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=3).contains(&words)
        && line.starts_with(|c: char| c.is_uppercase())
        && line
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '&' || c == '-')
}
