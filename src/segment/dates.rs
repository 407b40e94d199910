//! Date expressions as meeting documents write them, turned into ISO dates.
//!
//! Covers the styles seen in MOFA, METI, ARF, APEC and G8 pages: ordinal
//! days (`13th November, 2003`), US order (`February 3, 2006`), weekday
//! notes (`February 13 (Mon), 2006`), day ranges with hyphens or en dashes
//! (`19 - 20 APRIL 2016`, `January 25-26, 2007`), cross-month ranges
//! (`29 April – 01 May 2024`, `From February 27 to March 1, 2018`), joined
//! days (`January 25th (Thu) and 26th (Fri), 2007`), capital month names, and
//! PDF-glued ranges (`1920 April, 2016` = 19-20 April). A date whose year is
//! omitted (`January 17 (Mon.)`) is only found when the caller supplies a
//! fallback year. Impossible dates (30 February) are never returned.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::{Date, MeetingHeader};

/// A date expression found in a line: byte span plus the first and last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte offset where the expression starts.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// First day (the meeting date).
    pub date: Date,
    /// Last day of a range, `None` for a single day.
    pub date_end: Option<Date>,
}

impl DateMatch {
    /// Makes this the document's date in `h`: first day, last day, year.
    pub fn date_header(&self, h: &mut MeetingHeader) {
        h.date = Some(self.date);
        h.date_end = self.date_end;
        h.year = Some(self.date.year);
    }
}

/// English month names and abbreviations, and the French, Spanish,
/// Portuguese and Italian names a ministry's stamp may carry over an
/// English text (`Publié le 5 décembre 2033`, `marzo 3 de 2033`).
const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)\.?";
/// Spanish and Portuguese `de` between a date's parts (`3 de marzo de 2033`).
const DE: &str = r"(?:\s+de)?";
const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th|er)?\b";
const WKD: &str = r"(?:\s*\((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\))?";
const DASH: &str = r"\s*(?:-|–|—|to|and|&)\s*";
const YEAR: &str = r"(?P<y>1[89][0-9]{2}|20[0-9]{2})";

struct Patterns {
    /// `13th November, 2003`, `19 - 20 APRIL 2016`, `29 April – 01 May 2024`.
    dmy: Regex,
    /// `February 3, 2006`, `January 25th (Thu) and 26th (Fri), 2007`,
    /// `From February 27 to March 1, 2018`.
    mdy: Regex,
    /// `1920 April, 2016` (glued range from PDF extraction).
    glued: Regex,
    /// `January 17 (Mon.)` without a year (body text only).
    md: Regex,
    /// Japanese dates: `平成30年1月26日` (era) or `2018年1月26日`.
    ja: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let dmy = format!(
            r"(?i)\b(?P<d1>{DAY}){WKD}(?:(?:\s+(?P<m1>{MONTH}))?{DASH}(?P<d2>{DAY}){WKD})?{DE}\s+(?P<m2>{MONTH}),?{DE}\s*,?\s*{YEAR}\b"
        );
        let mdy = format!(
            r"(?i)\b(?P<m1>{MONTH})\s+(?P<d1>{DAY}){WKD}(?:{DASH}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY}){WKD})?\s*,?{DE}\s*,?\s*{YEAR}\b"
        );
        let glued = format!(r"(?i)\b(?P<d1>[0-2][0-9])(?P<d2>[0-3][0-9])\s+(?P<m2>{MONTH}),?\s*{YEAR}\b");
        let md = format!(
            r"(?i)\b(?P<m1>{MONTH})\s+(?P<d1>{DAY}){WKD}(?:{DASH}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY}){WKD})?"
        );
        // The patterns are constants; a failure here is a programming error
        // caught by the unit tests below.
        let build = |s: &str| Regex::new(s).expect("date pattern compiles");
        let ja = r"(?P<era>平成|令和|昭和)?(?P<y>[0-9０-９]{1,4}|元)年\s*(?P<m>[0-9０-９]{1,2})月\s*(?P<d>[0-9０-９]{1,2})日";
        Patterns {
            ja: build(ja),
            dmy: build(&dmy),
            mdy: build(&mdy),
            glued: build(&glued),
            md: build(&md),
        }
    })
}

/// Month number for a month name or abbreviation (any case), 1..=12.
pub fn month_number(name: &str) -> Option<u8> {
    let n = name.trim_end_matches('.').to_lowercase();
    if let Some(&(_, m)) = OTHER_MONTHS.iter().find(|(w, _)| *w == n) {
        return Some(m);
    }
    let key = n.get(..3)?;
    let m = match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// The month names of [`MONTH`] not in English, with their numbers.
const OTHER_MONTHS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("enero", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("febbraio", 2),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("giugno", 6),
    ("juillet", 7),
    ("julio", 7),
    ("julho", 7),
    ("luglio", 7),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("ottobre", 10),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dezembro", 12),
    ("dicembre", 12),
];

fn day_number(s: &str) -> Option<u8> {
    s.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

/// Builds the match from captured pieces; `m1` is the month of the first
/// day when it differs from `m2` (cross-month ranges).
fn assemble(
    start: usize,
    end: usize,
    year: u16,
    d1: &str,
    m1: Option<&str>,
    d2: Option<&str>,
    m2: Option<&str>,
) -> Option<DateMatch> {
    let first_month = month_number(m1.or(m2)?)?;
    let last_month = month_number(m2.or(m1)?)?;
    let date = Date::new(year, first_month, day_number(d1)?)?;
    let date_end = match d2 {
        Some(d2) => {
            let end_date = Date::new(year, last_month, day_number(d2)?)?;
            (end_date > date).then_some(end_date)
        }
        None => None,
    };
    Some(DateMatch {
        start,
        end,
        date,
        date_end,
    })
}

/// The leftmost (then longest) full date expression with a year in `s`.
///
/// ```
/// use dipsearch::segment::dates::find_date;
/// let m = find_date("Tokyo, 13th November, 2003").unwrap();
/// assert_eq!(m.date.to_string(), "2003-11-13");
/// ```
pub fn find_date(s: &str) -> Option<DateMatch> {
    // Every pattern but the Japanese needs a year of four figures: most
    // lines have none, and the scan is cheaper than the patterns.
    if !has_year(s) && !s.contains('年') {
        return None;
    }
    let p = patterns();
    let mut best: Option<DateMatch> = None;
    let mut consider = |m: Option<DateMatch>| {
        if let Some(m) = m {
            let better = match &best {
                None => true,
                Some(b) => m.start < b.start || (m.start == b.start && m.end > b.end),
            };
            if better {
                best = Some(m);
            }
        }
    };
    // Day-month-year, then month-day-year (where a range's second month
    // defaults to the first: `January 25-26, 2007`); the first readable
    // date of each style is a candidate.
    for (re, m2_defaults_to_m1) in [(&p.dmy, false), (&p.mdy, true)] {
        for c in re.captures_iter(s) {
            let all = c.get(0)?;
            let year: u16 = c.name("y").and_then(|y| y.as_str().parse().ok())?;
            let m1 = c.name("m1").map(|m| m.as_str());
            let mut m2 = c.name("m2").map(|m| m.as_str());
            if m2_defaults_to_m1 {
                m2 = m2.or(m1);
            }
            let m = assemble(
                all.start(),
                all.end(),
                year,
                c.name("d1")?.as_str(),
                m1,
                c.name("d2").map(|m| m.as_str()),
                m2,
            );
            if m.is_some() {
                consider(m);
                break;
            }
        }
    }
    for c in p.glued.captures_iter(s) {
        let all = c.get(0)?;
        let year: u16 = c.name("y").and_then(|y| y.as_str().parse().ok())?;
        let d1 = day_number(c.name("d1")?.as_str())?;
        let d2 = day_number(c.name("d2")?.as_str())?;
        if d1 == 0 || d2 <= d1 {
            continue;
        }
        let m = assemble(
            all.start(),
            all.end(),
            year,
            c.name("d1")?.as_str(),
            None,
            c.name("d2").map(|m| m.as_str()),
            c.name("m2").map(|m| m.as_str()),
        );
        if m.is_some() {
            consider(m);
            break;
        }
    }
    if let Some(c) = p.ja.captures(s) {
        if let Some(m) = japanese(&c) {
            consider(Some(m));
        }
    }
    best
}

/// Whether `s` has four figures in a row opening with `18`, `19` or `20`
/// (what [`YEAR`] needs).
fn has_year(s: &str) -> bool {
    let b = s.as_bytes();
    let mut run = 0;
    for (i, c) in b.iter().enumerate() {
        if c.is_ascii_digit() {
            run += 1;
            if run == 4 && matches!(&b[i - 3..i - 1], b"18" | b"19" | b"20") {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Full-width digits to ASCII, then a number.
fn ja_number(s: &str) -> Option<u16> {
    if s == "元" {
        return Some(1); // the first year of an era
    }
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10).unwrap_or('0'),
            c => c,
        })
        .collect();
    ascii.parse().ok()
}

/// A Japanese date; era years are converted (平成1 = 1989, 令和1 = 2019,
/// 昭和1 = 1926).
fn japanese(c: &regex::Captures<'_>) -> Option<DateMatch> {
    let all = c.get(0)?;
    let y = ja_number(c.name("y")?.as_str())?;
    let year = match c.name("era").map(|m| m.as_str()) {
        Some("平成") => 1988 + y,
        Some("令和") => 2018 + y,
        Some("昭和") => 1925 + y,
        _ if y >= 1000 => y,
        _ => return None,
    };
    let month = u8::try_from(ja_number(c.name("m")?.as_str())?).ok()?;
    let day = u8::try_from(ja_number(c.name("d")?.as_str())?).ok()?;
    Some(DateMatch {
        start: all.start(),
        end: all.end(),
        date: Date::new(year, month, day)?,
        date_end: None,
    })
}

/// Like [`find_date`], but also accepts `Month D` without a year, dated in
/// `fallback_year` (announcement bodies: `on January 17 (Mon.)`).
pub fn find_date_with_year(s: &str, fallback_year: u16) -> Option<DateMatch> {
    if let Some(m) = find_date(s) {
        return Some(m);
    }
    let c = patterns().md.captures(s)?;
    let all = c.get(0)?;
    assemble(
        all.start(),
        all.end(),
        fallback_year,
        c.name("d1")?.as_str(),
        c.name("m1").map(|m| m.as_str()),
        c.name("d2").map(|m| m.as_str()),
        c.name("m2")
            .map(|m| m.as_str())
            .or(c.name("m1").map(|m| m.as_str())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> (String, Option<String>) {
        let m = find_date(s).unwrap_or_else(|| panic!("no date in {s:?}"));
        (m.date.to_string(), m.date_end.map(|d| d.to_string()))
    }

    fn single(s: &str) -> String {
        let (d, e) = iso(s);
        assert_eq!(e, None, "{s}");
        d
    }

    #[test]
    fn single_days_in_every_observed_style() {
        assert_eq!(single("Tokyo, 13th November, 2003"), "2003-11-13");
        assert_eq!(single("13th November 2003"), "2003-11-13");
        assert_eq!(single("Bali, Indonesia, October 7th , 2003"), "2003-10-07");
        assert_eq!(single("(21st June 2004, Qingdao, China)"), "2004-06-21");
        assert_eq!(single("February 3, 2006"), "2006-02-03");
        assert_eq!(single("December 14, 2023"), "2023-12-14");
        assert_eq!(single("February 13 (Mon), 2006"), "2006-02-13");
        assert_eq!(single("HA NOI, 12 SEPTEMBER 2020"), "2020-09-12");
        assert_eq!(single("January 25, 2007, Tokyo"), "2007-01-25");
        assert_eq!(single("Sea Island, June 9, 2004"), "2004-06-09");
        assert_eq!(single("Bangkok, Thailand | 21 Oct 2003"), "2003-10-21");
        assert_eq!(single("Sept. 5, 2017"), "2017-09-05");
    }

    #[test]
    fn a_stamp_in_french_spanish_portuguese_or_italian() {
        assert_eq!(single("Publié le 5 décembre 2033 à 18h30"), "2033-12-05");
        assert_eq!(single("Mis à jour le 1er août 2034"), "2034-08-01");
        assert_eq!(single("Ipiales (Nariño), marzo 3 de 2033."), "2033-03-03");
        assert_eq!(single("Bogotá, 3 de marzo de 2033"), "2033-03-03");
        assert_eq!(single("Brasília, 14 de setembro de 2034"), "2034-09-14");
        assert_eq!(
            single("Ultimo aggiornamento: 15 Ottobre 2033"),
            "2033-10-15"
        );
        // English words that are other languages' months need a day and year.
        assert!(find_date("the Mars mission of 2033").is_none());
        assert!(find_date("Mai Thi Lan met officials in 2033").is_none());
    }

    #[test]
    fn ranges_in_every_observed_style() {
        let r = |s: &str| iso(s);
        let pair = |a: &str, b: &str| (a.to_string(), Some(b.to_string()));
        assert_eq!(r("January 25-26, 2007"), pair("2007-01-25", "2007-01-26"));
        assert_eq!(
            r("January 25th (Thu) and 26th (Fri), 2007"),
            pair("2007-01-25", "2007-01-26")
        );
        assert_eq!(r("19 - 20 APRIL 2016"), pair("2016-04-19", "2016-04-20"));
        assert_eq!(r("1-3 July 2009"), pair("2009-07-01", "2009-07-03"));
        assert_eq!(r("18 - 19 JANUARY 1996"), pair("1996-01-18", "1996-01-19"));
        assert_eq!(
            r("29 April – 01 May 2024"),
            pair("2024-04-29", "2024-05-01")
        );
        assert_eq!(
            r("From February 17 to 19, 2015"),
            pair("2015-02-17", "2015-02-19")
        );
        assert_eq!(
            r("From February 27 to March 1, 2018"),
            pair("2018-02-27", "2018-03-01")
        );
        assert_eq!(
            r("For two days, on February 12 and 13, 2020"),
            pair("2020-02-12", "2020-02-13")
        );
        assert_eq!(r("from 1920 April, 2016"), pair("2016-04-19", "2016-04-20"));
        assert_eq!(
            r("Singapore, 4-6 November 1998 and Tokyo, 1-3 July 1999"),
            pair("1998-11-04", "1998-11-06")
        );
    }

    #[test]
    fn japanese_era_and_gregorian_dates() {
        assert_eq!(single("平成30年1月26日"), "2018-01-26");
        assert_eq!(single("令和元年５月１日"), "2019-05-01");
        assert_eq!(single("2023年12月14日"), "2023-12-14");
        assert_eq!(find_date("30年1月26日"), None);
    }

    #[test]
    fn year_may_come_from_the_caller() {
        let m = find_date_with_year("the meeting on January 17 (Mon.) in Tokyo", 2011).unwrap();
        assert_eq!(m.date.to_string(), "2011-01-17");
        assert_eq!(find_date("the meeting on January 17 (Mon.) in Tokyo"), None);
    }

    #[test]
    fn impossible_or_absent_dates_are_rejected() {
        assert_eq!(find_date("30 February 2005"), None);
        assert_eq!(find_date("12 Asian nations met in 2003"), None);
        assert_eq!(find_date("resolution 1540 (2004)"), None);
        assert_eq!(find_date(""), None);
    }
}
