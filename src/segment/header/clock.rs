//! The parts of a page's stamp that are times: clocks, zones, weekdays,
//! numeric dates and a page's age (`10:42`, `GMT+7`, `Thu`,
//! `03/03/2034`, `2 hours ago`). A leaf of the header reader (`site`
//! asks it).

use crate::segment::dates::find_date;

/// A page's age or reading time (`Updated 3 hours ago`, `2 days ago`,
/// `5 min read`).
pub(super) fn is_relative_time(l: &str) -> bool {
    let mut back = l.split_whitespace().rev();
    let (Some(last), Some(unit), Some(n)) = (back.next(), back.next(), back.next()) else {
        return false;
    };
    let number = n.bytes().all(|b| b.is_ascii_digit());
    TIME_UNITS.contains(&unit)
        && match last {
            "ago" => number || n == "an" || n == "a",
            // `5 min read`, the whole line.
            "read" => number && back.next().is_none(),
            _ => false,
        }
}

/// The units of a page's age (`3 hours ago`, `5 min read`).
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day",
    "days", "week", "weeks",
];

/// A date with the time of day and nothing else (`November 17, 2031 at
/// 14:05 JST`, `July 1, 2031 11:20 PM GMT+9`, `Thu 10 Jul 2031 06.42
/// BST`): when a news page was published, never a place and a date.
pub(super) fn is_date_time(t: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(is_word_gap)
            .filter(|w| !w.is_empty() && *w != "-" && *w != "–")
            .map(str::to_string)
            .collect()
    };
    // The time first: most lines asked about have none.
    if !t.split(is_word_gap).any(is_clock) {
        return false;
    }
    let Some(m) = find_date(t) else {
        return false;
    };
    let rest = words(&format!("{} {}", &t[..m.start], &t[m.end..]));
    // `… GMT+9 Updated 2 hours ago`: the page's age after the stamp.
    let aged = is_relative_time(&t.to_lowercase());
    rest.iter().all(|w| {
        let l = w.trim_end_matches('.').to_lowercase();
        is_clock(w)
            || is_zone(w)
            || WEEKDAYS.contains(&l.as_str())
            || matches!(
                l.as_str(),
                "am" | "pm" | "a.m" | "p.m" | "at" | "on" | "updated" | "published"
            )
            || aged
                && (l == "ago"
                    || l.bytes().all(|b| b.is_ascii_digit())
                    || TIME_UNITS.contains(&l.as_str()))
    }) && rest.iter().any(|w| is_clock(w))
}

/// What separates the words of a stamp.
pub(super) fn is_word_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')')
}

/// Days of the week as news pages abbreviate them, in lower case.
pub(super) const WEEKDAYS: &[&str] = &[
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A time of day: `14:05`, `06.42`, `9:15PM`.
pub(super) fn is_clock(w: &str) -> bool {
    let Some((h, m)) = w.split_once([':', '.']) else {
        return false;
    };
    (1..=2).contains(&h.len())
        && h.bytes().all(|b| b.is_ascii_digit())
        && m.len() >= 2
        && m.as_bytes()[..2].iter().all(u8::is_ascii_digit)
        && m.as_bytes()[2..].iter().all(u8::is_ascii_alphabetic)
}

/// A time zone: `JST`, `GMT+9`, `UTC+05:30`.
pub(super) fn is_zone(w: &str) -> bool {
    let name = w.split(['+', '-']).next().unwrap_or(w);
    (2..=5).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_uppercase())
        && w[name.len()..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'+' || b == b'-' || b == b':')
}

/// `01/02/2030`, `2030-02-01` or `01.02.2030` somewhere in the text.
pub(super) fn numeric_date(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || c == ',').any(|w| {
        let parts: Vec<&str> = w.split(['/', '-', '.']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            && parts.iter().any(|p| p.len() == 4)
    })
}
