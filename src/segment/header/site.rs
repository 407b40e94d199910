//! Lines of the page rather than of the document: a site's name or
//! section (`Press Releases`, `U.S. Department of State`, `ASEAN | ONE
//! VISION …`) and stamps (`Published …`, bylines, aggregator lines). The
//! header reader skips them, keeping the type a section name tells.

use super::clock::{
    is_clock, is_date_time, is_relative_time, is_word_gap, is_zone, numeric_date, WEEKDAYS,
};
use super::doc_type::find_doc_type;
use crate::model::DocType;
use crate::segment::dates::find_date;
use crate::text::lexicon::mentions_meeting_kind;
use crate::text::title::is_title_like;

/// A site banner that names the document type: a section name, alone or
/// after a few words naming the site (`Embassy Press Releases`, `MOFA
/// News Releases`).
pub(super) fn banner(s: &str) -> Option<DocType> {
    let l = s.trim().trim_end_matches(':').to_lowercase();
    // A breadcrumb's separators are no words (`Home > Media centre >
    // Press releases`).
    let mut words: Vec<&str> = l
        .split_whitespace()
        .filter(|w| !matches!(*w, ">" | "›" | "»" | "/" | "|"))
        .collect();
    // A release's number after the type (`Press Release (2031) 045`,
    // `PRESS RELEASE No. 112/2030`).
    while words.len() > 1
        && words.last().is_some_and(|w| {
            w.bytes().any(|b| b.is_ascii_digit())
                || ["no.", "no", "no:", "nr.", "#", "n°"].contains(w)
        })
    {
        words.pop();
    }
    // The release's series before its number (`Press release - DC
    // 071(2034)`).
    if let [.., "-", code] = words[..] {
        if code.len() <= 4 && code.bytes().all(|b| b.is_ascii_alphabetic()) && words.len() > 2 {
            words.truncate(words.len() - 2);
        }
    }
    // `03.09.2031 - Press release` is a date line naming its type.
    if words.is_empty()
        || words.len() > 6
        || !l.starts_with(|c: char| c.is_alphanumeric())
        || words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let ends = |tail: &[&str]| words.ends_with(tail);
    if ends(&["press", "releases"])
        || ends(&["press", "release"])
        || ends(&["news", "releases"])
        || ends(&["news", "release"])
        || ends(&["press", "statements"])
        || ends(&["media", "releases"])
        || ends(&["media", "release"])
    {
        return Some(DocType::PressRelease);
    }
    if words == ["speeches"]
        || words == ["statements"]
        || ends(&["speeches", "and", "statements"])
        || ends(&["statements", "and", "speeches"])
        || ends(&["statements", "and", "releases"])
        || ends(&["statements", "&", "releases"])
    {
        return Some(DocType::Statement);
    }
    None
}

/// Words that open the name of an office, a site section or a site,
/// not of a meeting or a document.
const OFFICE_WORDS: &[&str] = &[
    "bureau",
    "office",
    "ministry",
    "department",
    "embassy",
    "consulate",
    "mission",
    "permanent",
    "directorate",
    "secretariat",
    "division",
    "agency",
    "newsroom",
    "briefing",
    "media",
    "home",
    "the white house",
    "prime minister's office",
    "for immediate release",
];

/// Last words of a site's or an office's name (`Federal Foreign Office`,
/// `European External Action Service`, `ASEAN Secretariat`).
const OFFICE_ENDS: &[&str] = &[
    "office",
    "service",
    "secretariat",
    "ministry",
    "department",
    "chancellery",
    "gov.uk",
    "diplomatie",
];

/// A banner naming an office, a site or a site section (`Bureau of Arms
/// Control, Deterrence and Stability`, `Office of the Spokesperson`,
/// `U.S. Department of State`, `Federal Foreign Office`, `ASEAN | ONE
/// VISION ONE IDENTITY ONE COMMUNITY`): short, no date, no sentence end,
/// no meeting or type phrase.
pub(super) fn is_office_banner(t: &str) -> bool {
    // Cheap tests first: every header line comes here.
    if t.ends_with(['.', ';']) || t.split_whitespace().count() > 10 {
        return false;
    }
    let l = t.to_lowercase().replace('’', "'");
    (opens_with(&l, OFFICE_WORDS) || l == "united nations" || is_title_like(t) && is_site_name(&l))
        && find_date(t).is_none()
        && find_doc_type(t).is_none()
        && !mentions_meeting_kind(&l)
}

/// Whether lower-cased `l` opens with one of `words` as whole words.
fn opens_with(l: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        l.strip_prefix(w)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', ',']))
    })
}

/// A site's name in title case (the caller checks): `U.S. Department of
/// State`, `Government of India`, `Federal Foreign Office`, `ASEAN | ONE
/// VISION ONE IDENTITY ONE COMMUNITY`. Not the first line of a speech
/// (`The Government of Bolivia has …`, `My Government …`), which is no
/// title.
fn is_site_name(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    let office_at = |l: &str| {
        opens_with(
            l,
            &[
                "government",
                "ministry",
                "department",
                "office",
                "secretariat",
            ],
        )
    };
    // One qualifier before the office's name, not an article.
    let qualified = words.len() >= 2
        && !matches!(
            words[0],
            "the" | "a" | "an" | "my" | "our" | "this" | "his" | "her"
        )
        && office_at(l[words[0].len()..].trim_start());
    let ends = words.last().is_some_and(|w| {
        OFFICE_ENDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
    });
    // A site's name and its motto, one bar between.
    let motto = l.matches('|').count() == 1 && words.len() >= 3;
    office_at(l) || qualified || ends || motto
}

/// A stamp of the page: an aggregator line (`01/02/2030 | Press release |
/// Distributed by …`), a navigation bar (`| Home | News | UK |`), a
/// byline (`By Staff Reporter`), a `Published …`/`Posted …`/`Updated …`
/// line, a share or print line.
pub(super) fn is_stamp(t: &str) -> bool {
    let l = t.to_lowercase();
    let cells: Vec<&str> = t
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    // A section or source beside a stamp (`WORLD NEWS | Updated 3 hours
    // ago`, `Reuters | 1 July 2031`).
    if let [a, b] = cells[..] {
        if t.matches('|').count() == 1
            && (is_stamp(a) && b.split_whitespace().count() <= 4
                || is_stamp(b) && a.split_whitespace().count() <= 4)
        {
            return true;
        }
    }
    if t.matches('|').count() >= 2 {
        let short = cells.iter().all(|c| c.split_whitespace().count() <= 4);
        let stamped = l.contains("distributed by")
            || l.contains("source:")
            || cells.iter().any(|c| numeric_date(c));
        if short || stamped {
            return true;
        }
    }
    if l.contains("distributed by ") && (numeric_date(&l) || find_date(t).is_some()) {
        return true;
    }
    // Who issued it, under the title (`Issued by NATO Heads of State and
    // Government participating in the meeting of the North Atlantic
    // Council in Oslo 9-10 July 2033.`): a line of the page, not its text.
    if l.starts_with("issued by ") && t.split_whitespace().count() <= 40 && find_date(t).is_some() {
        return true;
    }
    let words = t.split_whitespace().count();
    if words <= 6 && is_labelled_date(&l) {
        return true;
    }
    // A date and time may carry the page's age (`March 3, 2031 5:14 PM
    // GMT+9 Updated 2 hours ago`), past the other stamps' length.
    if words <= 14 && is_date_time(t) {
        return true;
    }
    if words > 8 && words <= 14 && is_dated_stamp(&l) {
        return true;
    }
    if is_stamp_row(t) {
        return true;
    }
    if words > 8 || t.ends_with('.') {
        return false;
    }
    // A page's kind above its title (`Readout` / `Secretary A's Meeting
    // with …`).
    if matches!(
        l.as_str(),
        "readout" | "media note" | "fact sheet" | "article" | "news story"
    ) {
        return true;
    }
    // A release's number alone (`No. 231`, `No: 45/2031`, the Russian
    // ministry's `412-02-03-2031`, which no date reads).
    if t.len() <= 20
        && t.matches('-').count() >= 3
        && t.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    {
        return true;
    }
    if let Some(n) = ["No.", "No:", "NO.", "No"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
    {
        let n = n.trim();
        if !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_digit() || b == b'/' || b == b'-')
        {
            return true;
        }
    }
    if t.starts_with("By ") || t.starts_with("BY ") {
        return crate::segment::boilerplate::is_byline(t);
    }
    if crate::text::lexicon::is_news_agency(&l) || is_relative_time(&l) {
        return true;
    }
    [
        "published",
        "posted",
        "updated",
        "last updated",
        "release date",
        "publié le",
        "mis à jour le",
        "share this",
        "print this",
        "e-mail this",
        "email this",
    ]
    .iter()
    .any(|p| {
        l.strip_prefix(p)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', ':']))
    })
}

/// A row of a page's stamps set apart by bars or dots, one of them dated
/// (`Published on 30/10/2035 - 11:24 GMT+0 • Updated 30/10/2035 - 18:04
/// GMT+0`, `Press Release | 3 March 2035 | Last modified: 4 March 2035,
/// 11:02`, `by Olena Kovalenko · March 3, 2035 7:41 PM · 3 min read`):
/// each part a date with its label and time, a time, a reading time, a
/// byline, a count of views or comments, a type (`Press Release`) or an
/// agency, and two dates or a date beside a byline or buttons; not a
/// place (`Tallinn | 3 March 2035` is a dateline).
fn is_stamp_row(t: &str) -> bool {
    const BARS: [char; 3] = ['|', '•', '·'];
    // Figures first: most lines have none.
    if t.len() > 200 || !t.bytes().any(|b| b.is_ascii_digit()) || !t.contains(BARS) {
        return false;
    }
    let cells: Vec<&str> = t
        .split(BARS)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if !(2..=5).contains(&cells.len()) {
        return false;
    }
    let (mut dated, mut furniture) = (0, false);
    for c in &cells {
        let l = c.to_lowercase();
        let words = c.split_whitespace().count();
        if is_dated_cell(c) {
            dated += 1;
        } else if crate::segment::boilerplate::is_boilerplate(c)
            || l.starts_with("by ") && (2..=5).contains(&words)
            || is_count(&l)
        {
            furniture = true;
        } else if !(c
            .split(is_word_gap)
            .all(|w| w.is_empty() || is_clock(w) || is_zone(w))
            || words <= 3 && find_doc_type(c).is_some()
            || crate::text::lexicon::is_news_agency(&l))
        {
            return false;
        }
    }
    // A date beside a time or a type alone is a date line
    // (`15/03/2032 | 10:22`, `August 2, 2031 • Statements and Releases`).
    dated >= 2 || dated == 1 && furniture
}

/// One dated part of a stamp row: the date, and around it only a stamp's
/// words (`Published on`, `Last modified:`, a time, a zone, a weekday).
fn is_dated_cell(c: &str) -> bool {
    const LABELS: &[&str] = &[
        "published",
        "publié",
        "posted",
        "updated",
        "update",
        "last",
        "modified",
        "on",
        "le",
        "at",
        "à",
        "mis",
        "jour",
        "issued",
        "date",
        "first",
        "am",
        "pm",
        "a.m",
        "p.m",
    ];
    let rest = match find_date(c) {
        Some(m) => format!("{} {}", &c[..m.start], &c[m.end..]),
        None if numeric_date(c) => c
            .split_whitespace()
            .filter(|w| !numeric_date(w))
            .collect::<Vec<_>>()
            .join(" "),
        None => return false,
    };
    rest.split(is_word_gap)
        .map(|w| w.trim_matches([':', '-', '–', '.']))
        .filter(|w| !w.is_empty())
        .all(|w| {
            let l = w.to_lowercase();
            LABELS.contains(&l.as_str())
                || is_clock(w)
                || is_clock(&l.replacen('h', ":", 1))
                || is_zone(w)
                || WEEKDAYS.contains(&l.as_str())
        })
}

/// `Views: 412`, `0 Comments`, `1,245 views`.
fn is_count(l: &str) -> bool {
    let words: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || c == ':')
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| w.bytes().all(|b| b.is_ascii_digit() || b == b',');
    let noun = |w: &str| matches!(w, "views" | "comments" | "comment" | "shares" | "likes");
    matches!(words[..], [a, b] if number(a) && noun(b) || noun(a) && number(b))
}

/// A long `Updated …` or `Published …` line with its date (`Updated - June
/// 09, 2033 08:15 pm IST - CHENNAI`): the page's stamp, with whatever the
/// site prints after the date.
fn is_dated_stamp(l: &str) -> bool {
    [
        "updated",
        "published",
        "posted",
        "last updated",
        "publié le",
    ]
    .iter()
    .any(|p| {
        l.strip_prefix(p)
            .is_some_and(|r| r.starts_with([' ', ':']) && find_date(r).is_some())
    })
}

/// A page's kind before its date (`News, 2.2.2032`, `News item
/// 23-09-2031`, `Article – 4 May 2032`): a stamp, where the same date
/// after a place would be a dateline.
fn is_labelled_date(l: &str) -> bool {
    const LABELS: &[&str] = &[
        "news item",
        "news",
        "article",
        "press release",
        "item",
        "story",
    ];
    let Some(rest) = LABELS.iter().find_map(|p| l.strip_prefix(p)) else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', ',', ':', '-', '–', '|']);
    rest.len() < l.len()
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && (numeric_date(rest) || find_date(rest).is_some_and(|m| m.start == 0))
}

/// An office's postal line in a letterhead (`Addis Ababa, ETHIOPIA P. O.
/// Box 3243 Telephone: +251 …`): the names above it are the office's.
pub(super) fn is_letterhead_address(t: &str) -> bool {
    // Figures and length first: most header lines have no figure, and the
    // lower-cased copy is made only for the others.
    if t.len() > 200 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let l = t.to_ascii_lowercase();
    let postal = ["p. o. box", "p.o. box", "po box", "p.o.box"]
        .iter()
        .any(|p| l.contains(p));
    let wired =
        (l.contains("telephone") || l.contains("tel:") || l.contains("tel.")) && l.contains("fax");
    postal || wired || crate::segment::boilerplate::is_postal_address(&l)
}

/// A presidency's banner over its pages (`G20 MÉXICO 2034`, `G7 UK
/// 2035`, `CHOGM 2024 SAMOA`): a group's name in capitals, a year and
/// the host in capitals, nothing else. It names the year's series, not
/// the document.
pub(super) fn is_presidency_banner(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let year = |w: &str| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.bytes().all(|b| b.is_ascii_digit())
    };
    let caps = |w: &str| {
        w.chars().any(char::is_alphabetic)
            && !w.chars().any(char::is_lowercase)
            && w.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
    };
    (2..=4).contains(&words.len())
        && words.iter().filter(|w| year(w)).count() == 1
        && words.iter().all(|w| year(w) || caps(w))
        && words.first().is_some_and(|w| !year(w))
}
