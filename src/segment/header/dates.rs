//! Dates in the header and near it: the place-date line (`Tokyo, 13th
//! November, 2003`) and, on announcement pages whose header date is the
//! publication date, the meeting date in the body (`was held on January
//! 17 (Mon.)`).

use std::sync::OnceLock;

use regex::Regex;

use super::doc_type::find_doc_type;
use crate::model::Date;
use crate::segment::dates::{find_date, find_date_with_year, DateMatch};
use crate::text::line::sentences;
use crate::text::title::{is_all_caps, is_title_like, title_case};
use crate::text::ws::normalise_ws;

/// A place-date line: the date, with at most a short place around it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceDate {
    /// The date (or range).
    pub date: DateMatch,
    /// The place before or after it, in title case if written in capitals.
    pub place: Option<String>,
    /// A document type named beside the date instead of a place
    /// (`03.09.2031 - Press release`).
    pub kind: Option<crate::model::DocType>,
}

/// Reads a place-date line (`Tokyo, 13th November, 2003`, `(21st June
/// 2004, Qingdao, China)`, `City, Country | D Month YYYY`); `None` when
/// more than a short place surrounds the date.
pub(super) fn place_date_line(s: &str) -> Option<PlaceDate> {
    if s.len() > 160 {
        return None;
    }
    // A page's `Date : 2030-05-14` (or `Date: 14 May 2030`) field: the
    // label is no place.
    if let Some(value) = date_label(s) {
        let date = numeric_date(value)
            .or_else(|| find_date(value).filter(|m| value[..m.start].trim().is_empty()))?;
        return Some(PlaceDate {
            date,
            place: None,
            kind: None,
        });
    }
    let m = find_date(s).or_else(|| numeric_date(s))?;
    let before = without_weekday(clean_place(&s[..m.start]));
    let mut after_str = &s[m.end..];
    // Layout H: "... and City, D-D Month YYYY" — ignore the second meeting.
    if let Some(m2) = find_date(after_str) {
        after_str = &after_str[..m2.start];
        if let Some(i) = after_str.to_lowercase().find(" and ") {
            after_str = &after_str[..i];
        }
    }
    // `2031-03-15 19:30`: a time after the date is no place.
    let mut after = clean_place(without_time(after_str));
    let mut before = before;
    // `03.09.2031 - Press release`: the type, not a place.
    let mut kind = None;
    for side in [&mut before, &mut after] {
        if let Some(k) = super::site::banner(side) {
            kind = Some(k);
            side.clear();
        }
    }
    let leftover_words = before.split_whitespace().count() + after.split_whitespace().count();
    if leftover_words > 8 {
        return None;
    }
    // `Adopted in Geneva on 10 December 2027`, `Done at Vienna on ...`.
    let before = strip_place_verbs(&before);
    // `Rafael Schmidt in Astana 03/16/2033`: a reporter and where they
    // filed from.
    let city = super::byline::filed_from(&before).map(str::to_string);
    let before = city.unwrap_or(before);
    let lower_b = before.to_lowercase();
    let before = lower_b
        .strip_prefix("from ")
        .or_else(|| lower_b.strip_prefix("on "))
        .map(|_| String::new())
        .unwrap_or(before);
    // `Today (October 31, 2021) the United States ... met`: a sentence.
    let relative = ["today", "yesterday", "tomorrow", "tonight", "this week"];
    if relative.contains(&before.to_lowercase().as_str())
        || (!before.is_empty() && after.starts_with(char::is_lowercase))
    {
        return None;
    }
    let place = if !before.is_empty() { before } else { after };
    // `Thu, September 16, 2032`: an abbreviated weekday is not title-like
    // and is no place either.
    let place = if is_weekday(&place) {
        String::new()
    } else {
        place
    };
    if !place.is_empty() && !is_title_like(&place) {
        return None;
    }
    // `Wednesday, 09 July 2031`: the day of the week is no place, nor a
    // clock or another calendar's date (`All News 16:42`, `14-15 Rajab
    // 1453H`), nor an office (`Secretaría de Relaciones Exteriores | July
    // 07, 2032`, a minister's portfolio `Foreign Affairs`).
    let place = if is_weekday(&place) {
        String::new()
    } else {
        // `Ottawa, Ontario - Global Affairs Canada`: the first part that
        // can be one.
        place
            .split(" - ")
            .flat_map(|p| p.split(" | "))
            .map(str::trim)
            .find(|p| could_be_place(p))
            .map(str::to_string)
            .unwrap_or_default()
    };
    let place = (!place.is_empty()).then(|| {
        if is_all_caps(&place) {
            title_case(&place)
        } else {
            place
        }
    });
    Some(PlaceDate {
        date: m,
        place,
        kind,
    })
}

/// A headline that ends with the place and date of the event, as the
/// Russian MFA writes its titles (`Foreign Minister Sergey Lavrov's remarks
/// at a news conference following talks with …, Moscow, March 2, 2031`):
/// the title, the place (`None` when the words before the date are the
/// title's own), the date. `None` unless the date ends the line and a
/// title of four words or more stands before it.
///
/// ```
/// # use dipsearch::segment::header::titled_dateline;
/// let (t, p, d) = titled_dateline(
///     "Remarks by the Foreign Minister at talks with his counterpart, Moscow, March 2, 2031",
/// ).unwrap();
/// assert_eq!((t, p.as_deref()), ("Remarks by the Foreign Minister at talks with his counterpart", Some("Moscow")));
/// assert_eq!(d.date.to_string(), "2031-03-02");
/// assert!(titled_dateline("The meeting was held in Moscow, March 2, 2031.").is_none());
/// ```
pub fn titled_dateline(s: &str) -> Option<(&str, Option<String>, DateMatch)> {
    let s = s.trim();
    if !(30..=400).contains(&s.len()) || s.ends_with('.') {
        return None;
    }
    let m = find_date(s)?;
    if m.end != s.len() {
        return None;
    }
    let head = s[..m.start].trim_end();
    let head = head.strip_suffix(',')?.trim_end();
    let (title, place) = match head.rsplit_once(", ") {
        Some((t, p)) if looks_like_place(p) => (t.trim_end(), Some(p.to_string())),
        _ => (head, None),
    };
    let words = title.split_whitespace().count();
    let titled = words >= 4
        && title.starts_with(|c: char| c.is_uppercase())
        && !crate::text::title::ends_with_function_word(title)
        && find_date(title).is_none();
    titled.then_some((title, place, m))
}

/// Whether `s` is only a day of the week (`Wednesday`, `Wed.`).
fn is_weekday(s: &str) -> bool {
    let l = s.trim_end_matches('.').to_ascii_lowercase();
    super::clock::WEEKDAYS.contains(&l.as_str())
}

/// The text after a time of day at its start (`19:30`, `3:45 PM`).
fn without_time(s: &str) -> &str {
    let t = s.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let timed = (1..=2).contains(&digits)
        && t[digits..].starts_with(':')
        && t[digits + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count()
            == 2;
    if !timed {
        return s;
    }
    let rest = &t[digits + 3..];
    // `18:00:00`: the seconds.
    let rest = rest
        .strip_prefix(':')
        .filter(|r| r.bytes().take_while(u8::is_ascii_digit).count() == 2)
        .map_or(rest, |r| &r[2..])
        .trim_start();
    ["AM", "PM", "am", "pm", "a.m.", "p.m."]
        .iter()
        .find_map(|m| rest.strip_prefix(m))
        .unwrap_or(rest)
}

/// A place with the verb of an adoption line around it removed: `Adopted
/// in Geneva on` → `Geneva`.
fn strip_place_verbs(s: &str) -> String {
    let lower = s.to_lowercase();
    let lead = [
        "adopted on",
        "adopted in ",
        "adopted at ",
        "done at ",
        "done in ",
        "signed at ",
        "signed in ",
        "issued in ",
        "issued at ",
        "issued on",
    ];
    let Some(p) = lead.iter().find(|p| lower.starts_with(**p)) else {
        return s.to_string();
    };
    let rest = &s[p.len()..];
    rest.strip_suffix(" on").unwrap_or(rest).trim().to_string()
}

/// Whether a date line's words can name a place: no figures, no office,
/// no document type (`G5 Sahel - Statement by the Spokesperson (18 June
/// 2031)` is a title).
fn could_be_place(place: &str) -> bool {
    const OFFICES: [&str; 8] = [
        "ministry",
        "ministère",
        "ministerio",
        "secretaría",
        "department",
        "office",
        "affairs",
        "exteriores",
    ];
    // What a site prints beside a page's date (`Released  3 December
    // 2032`, `April 14, 2033   Admin   News`, `Unofficial`).
    const STAMP_WORDS: [&str; 10] = [
        "released",
        "posted",
        "published",
        "updated",
        "issued",
        "admin",
        "news",
        "unofficial",
        "dated",
        "uploaded",
    ];
    let lower = place.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    !place.bytes().any(|b| b.is_ascii_digit())
        && !STAMP_WORDS.contains(&first)
        && super::doc_type::find_doc_type(place).is_none()
        && !lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| OFFICES.contains(&w))
}

/// A place without the weekday the date follows (`Jakarta ● Thu`).
fn without_weekday(place: String) -> String {
    match place.rsplit_once(' ') {
        Some((head, last)) if is_weekday(last) => clean_place(head),
        _ => place,
    }
}

/// A place without the punctuation around it and with single spaces.
fn clean_place(s: &str) -> String {
    normalise_ws(s.trim_matches(|c: char| c.is_whitespace() || ",|()–—-:[]•·●▪■/".contains(c)))
}

/// Verbs that make a sentence report a meeting (`was held`, `convened`).
fn held_pattern() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:held|hosted|hosts?|will\s+hold|convened|took\s+place|met|received|gathered|opened|organi[sz]ed|(?:co-)?chaired|will\s+be\s+held|was\s+held|is\s+held|meeting\s+in)\b",
        )
        .expect("held pattern compiles")
    })
}

/// A meeting date in body text: a date in a sentence that says the meeting
/// was held / hosted / convened. `published` is the header's (publication)
/// date: a date written without a year (`on January 17 (Mon.)`) takes the
/// year that puts it within six months of it, so a January meeting
/// announced in December lands in the next year.
pub fn meeting_date_from(text: &str, published: Option<Date>) -> Option<DateMatch> {
    for sentence in sentences(text) {
        if !held_pattern().is_match(sentence) {
            continue;
        }
        // `from Monday, February 7 to Tuesday, February 8, 2028`.
        let sentence = &*without_weekdays(sentence);
        if let Some(m) = find_date(sentence) {
            // A meeting half a year or more from the publication date is
            // another meeting recalled (`held in Singapore on 3 October
            // 2019`).
            let far = published.is_some_and(|p| (day_number(m.date) - day_number(p)).abs() > 183);
            if far {
                continue;
            }
            return Some(m);
        }
        let Some(p) = published else { continue };
        if let Some(m) = find_date_with_year(sentence, p.year) {
            return nearest_year(m, p);
        }
        if let Some(date) = relative_day(sentence, p) {
            return Some(DateMatch {
                start: 0,
                end: 0,
                date,
                date_end: None,
            });
        }
    }
    None
}

/// A sentence with weekday names before dates removed, so that a range
/// written with them reads as one (`Monday, February 7 to Tuesday,
/// February 8, 2028` → `February 7 to February 8, 2028`).
fn without_weekdays(sentence: &str) -> std::borrow::Cow<'_, str> {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+")
            .expect("weekday pattern compiles")
    })
    .replace_all(sentence, "")
}

/// `received yesterday in Mexico City`, `met today`: the day a sentence
/// names relative to the publication date `p`.
fn relative_day(sentence: &str, p: Date) -> Option<Date> {
    let words = || {
        sentence
            .split(|c: char| !c.is_alphabetic())
            .map(str::to_ascii_lowercase)
    };
    if words().any(|w| w == "yesterday") {
        return day_before(p);
    }
    words().any(|w| w == "today").then_some(p)
}

/// The day before `d`.
fn day_before(d: Date) -> Option<Date> {
    if d.day > 1 {
        return Date::new(d.year, d.month, d.day - 1);
    }
    let (y, m) = if d.month == 1 {
        (d.year - 1, 12)
    } else {
        (d.year, d.month - 1)
    };
    (28..=31).rev().find_map(|day| Date::new(y, m, day))
}

/// Moves a date read with the publication year `p.year` to the year before
/// or after when that brings it within six months of `p`.
fn nearest_year(m: DateMatch, p: Date) -> Option<DateMatch> {
    let shift = |y: u16| -> Option<DateMatch> {
        let date = Date::new(y, m.date.month, m.date.day)?;
        let date_end = m.date_end.and_then(|e| Date::new(y, e.month, e.day));
        Some(DateMatch {
            date,
            date_end,
            ..m
        })
    };
    let gap = day_number(m.date) - day_number(p);
    if gap > 183 {
        shift(p.year.saturating_sub(1))
    } else if gap < -183 {
        shift(p.year.saturating_add(1))
    } else {
        Some(m)
    }
}

/// Days since 0000-03-01 (a proleptic Gregorian day count), for gaps.
fn day_number(d: Date) -> i64 {
    let (y, m) = if d.month <= 2 {
        (d.year as i64 - 1, d.month as i64 + 9)
    } else {
        (d.year as i64, d.month as i64 - 3)
    };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d.day as i64 - 1
}

/// The value of a `Date:` / `Date :` / `DATE :` / `Date 2031-03-22` label
/// line.
fn date_label(s: &str) -> Option<&str> {
    let rest = s.trim_start();
    let rest = rest
        .strip_prefix("Date")
        .or_else(|| rest.strip_prefix("DATE"))?;
    if let Some(value) = rest.trim_start().strip_prefix(':') {
        return Some(value.trim());
    }
    // Without the colon (`Date 2031-03-22`, as Korean ministry pages
    // write it) only before figures: `Dated` and `Date of issue` are no
    // label of this kind.
    let value = rest.trim_start();
    (rest.starts_with(char::is_whitespace) && value.starts_with(|c: char| c.is_ascii_digit()))
        .then_some(value.trim_end())
}

/// The first date in `s`, in words (`2 February 2032`) or in figures
/// (`23-09-2031`, `2.2.2032`): a site's stamp writes either.
pub(super) fn any_date(s: &str) -> Option<DateMatch> {
    find_date(s).or_else(|| numeric_date(s))
}

/// A date written in figures: year first (`2030-05-14`, `2030.05.14`,
/// `2030/05/14`, as Korean and Japanese ministry pages write it) or day
/// first (`14/03/2031`, `03.09.2031`, as EEAS and European ministries
/// do; month first only when the first number cannot be a month's day
/// order, `03/14/2031`). Maybe followed by a time.
fn numeric_date(s: &str) -> Option<DateMatch> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(
            r"\b(?:(\d{4})[-./](\d{1,2})[-./](\d{1,2})|(\d{1,2})[-./](\d{1,2})[-./](\d{4}))\b",
        )
        .expect("numeric date pattern compiles")
    });
    // The first date of this era: a Hijri date in figures (`1453/9/14`)
    // may come first.
    r.captures_iter(s).find_map(|c| {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u16>().ok());
        let month = |v: Option<u16>| v.and_then(|v| u8::try_from(v).ok());
        let year = n(1).or(n(6)).filter(|y| (1900..2100).contains(y))?;
        let date = match n(1) {
            Some(_) => Date::new(year, month(n(2))?, month(n(3))?)?,
            None => {
                let (a, b) = (month(n(4))?, month(n(5))?);
                Date::new(year, b, a).or_else(|| Date::new(year, a, b))?
            }
        };
        let all = c.get(0)?;
        Some(DateMatch {
            start: all.start(),
            end: all.end(),
            date,
            date_end: None,
        })
    })
}

/// Whether a title line is rather a place standing alone (`New York`,
/// `Geneva, Switzerland`): a few capitalised words, no digits, no type
/// phrase and no meeting word.
pub(super) fn looks_like_place(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && !t.chars().any(|c| c.is_ascii_digit())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && find_doc_type(t).is_none()
        && !crate::text::lexicon::mentions_meeting_kind(&t.to_lowercase())
}
