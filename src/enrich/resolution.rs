//! UN Security Council resolutions cited by number, listed or not.
//!
//! Texts cite resolutions in many shapes (`UNSCR 1540`, `UNSCR-1718`,
//! `resolution 1540 (2004)`, `Security Council resolutions 1718, 1874 and
//! 2087`, `S/RES/2231 (2015)`), so rather than one alias per resolution and
//! shape, the automaton only finds the lead word and this module reads the
//! numbers that follow. Each number becomes the id `UNSCR-<n>`.

/// The largest number accepted: Security Council resolutions passed 2700 in
/// 2023; beyond 2999 a number is more likely a year or a document symbol.
pub(crate) const MAX_NUMBER: u32 = 2999;

/// One number read after a lead word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cited {
    /// The resolution number.
    pub number: u32,
    /// Byte range of the digits in the (folded) text.
    pub start: usize,
    /// End of the digits.
    pub end: usize,
    /// Whether a `(YYYY)` year follows, which marks a Security Council
    /// resolution (General Assembly ones carry a Roman session number).
    pub has_year: bool,
}

/// What follows a lead word.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Citation {
    /// The numbers, in text order.
    pub numbers: Vec<Cited>,
    /// A Roman session number `(XV)` followed a number: a General Assembly
    /// resolution, never a Security Council one.
    pub general_assembly: bool,
    /// End of the whole citation (last digit or year).
    pub end: usize,
}

/// Reads digits at `i`: `(value, end)` when 1-4 digits stand alone (not part
/// of `48/75`, `1540.3` or a longer word).
fn number_at(s: &[u8], i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    while j < s.len() && s[j].is_ascii_digit() {
        j += 1;
    }
    if j == i || j - i > 4 {
        return None;
    }
    if j < s.len() && (s[j].is_ascii_alphabetic() || s[j] == b'/') {
        return None;
    }
    if j + 1 < s.len() && s[j] == b'.' && s[j + 1].is_ascii_digit() {
        return None;
    }
    let v = std::str::from_utf8(&s[i..j]).ok()?.parse::<u32>().ok()?;
    (1..=MAX_NUMBER).contains(&v).then_some((v, j))
}

/// Skips ASCII spaces from `i`.
fn skip_spaces(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && s[i] == b' ' {
        i += 1;
    }
    i
}

/// Reads a `(YYYY)` or `(XV)` after a number: `Some((end, is_year))`.
fn paren_at(s: &[u8], i: usize) -> Option<(usize, bool)> {
    let i = skip_spaces(s, i);
    if s.get(i) != Some(&b'(') {
        return None;
    }
    let close = s[i..].iter().take(12).position(|&b| b == b')')? + i;
    let inner = &s[i + 1..close];
    if inner.len() == 4 && inner.iter().all(u8::is_ascii_digit) {
        return Some((close + 1, true));
    }
    if !inner.is_empty() && inner.iter().all(|b| b"IVXLCDM".contains(b)) {
        return Some((close + 1, false));
    }
    None
}

/// The end of a bracketed capital-letter acronym at `i` (`(UNSCR)`,
/// `(SCR)`), if one stands there.
fn acronym_in_brackets(s: &[u8], i: usize) -> Option<usize> {
    if s.get(i) != Some(&b'(') {
        return None;
    }
    let close = s[i..].iter().take(8).position(|&b| b == b')')? + i;
    let inner = &s[i + 1..close];
    (inner.len() >= 2 && inner.iter().all(u8::is_ascii_uppercase)).then_some(close + 1)
}

/// Reads the numbers after a lead word ending at `from` in folded text `s`.
/// Accepts an optional `No.`/`number`, then a list joined by commas, `and`,
/// `&` or `as well as`, each number optionally followed by `(YYYY)`.
pub(crate) fn read_numbers(s: &str, from: usize) -> Citation {
    let b = s.as_bytes();
    let mut out = Citation::default();
    let mut i = skip_spaces(b, from);
    // `Security Council Resolution (UNSCR) 1540`: an acronym in brackets.
    if let Some(end) = acronym_in_brackets(b, i) {
        i = skip_spaces(b, end);
    }
    for lead in ["No.", "no.", "Nos.", "nos.", "number", "numbers"] {
        if s.get(i..).is_some_and(|r| r.starts_with(lead)) {
            i = skip_spaces(b, i + lead.len());
            break;
        }
    }
    while let Some((number, end)) = number_at(b, i) {
        let mut cited = Cited {
            number,
            start: i,
            end,
            has_year: false,
        };
        out.end = end;
        if let Some((pend, is_year)) = paren_at(b, end) {
            if is_year {
                cited.has_year = true;
                out.end = pend;
            } else {
                out.general_assembly = true;
                out.numbers.push(cited);
                break;
            }
        }
        out.numbers.push(cited);
        // A separator and another number? The Council's preambles date
        // each resolution of a list (`713 (1991) of 25 September 1991,
        // 721 (1991) of 27 November 1991 and …`).
        let mut j = skip_spaces(b, out.end);
        if let Some(after) = dated_at(s, j) {
            j = skip_spaces(b, after);
        }
        let mut sep = false;
        if b.get(j) == Some(&b',') || b.get(j) == Some(&b'&') || b.get(j) == Some(&b';') {
            j = skip_spaces(b, j + 1);
            sep = true;
        }
        for word in ["and", "as well as", "or"] {
            if s.get(j..).is_some_and(|r| r.starts_with(word))
                && b.get(j + word.len()) == Some(&b' ')
            {
                j = skip_spaces(b, j + word.len());
                sep = true;
                break;
            }
        }
        if !sep {
            break;
        }
        i = j;
    }
    out
}

/// The end of ` of 25 September 1991` at `i`, if a date follows `of`.
fn dated_at(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?.strip_prefix("of ")?;
    let head = rest.get(..rest.len().min(40)).unwrap_or(rest);
    let m = crate::segment::dates::find_date(head).filter(|m| m.start == 0)?;
    Some(i + 3 + m.end)
}

/// Parses a user filter value that names a resolution (`UNSCR 1718`,
/// `resolution 1718`, `UNSCR-1718`, `S/RES/1718 (2006)`, `SC res 1718`,
/// `res 1718`, `1718`) into its number.
pub(crate) fn parse_filter(value: &str) -> Option<u32> {
    let v = value.trim().to_ascii_lowercase().replace(['-', '_'], " ");
    let mut rest = v.as_str();
    for lead in [
        "united nations security council resolution",
        "security council resolution",
        "unsc resolution",
        "unscr",
        "resolution",
        "s/res/",
        "scr",
        "sc res.",
        "sc res",
        "res.",
        "res",
    ] {
        if let Some(r) = rest.strip_prefix(lead) {
            rest = r;
            break;
        }
    }
    let rest = rest.trim();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let tail = rest[digits.len()..].trim();
    let tail_ok = tail.is_empty()
        || (tail.starts_with('(') && tail.ends_with(')') && tail.len() == 6)
        || tail.chars().all(|c| c == ' ');
    let n: u32 = digits.parse().ok()?;
    (tail_ok && (1..=MAX_NUMBER).contains(&n)).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_that_dates_each_resolution() {
        let s = "resolutions 713 (1991) of 25 September 1991, 721 (1991) of 27 November 1991 and 724 (1991) of 15 December 1991,";
        assert_eq!(numbers(s, 11), [713, 721, 724]);
    }

    fn numbers(s: &str, from: usize) -> Vec<u32> {
        read_numbers(s, from)
            .numbers
            .iter()
            .map(|c| c.number)
            .collect()
    }

    #[test]
    fn reads_lists_with_years_and_conjunctions() {
        let s = "resolutions 1718 (2006), 1874 (2009) and 2087 are binding";
        assert_eq!(numbers(s, 11), vec![1718, 1874, 2087]);
        let c = read_numbers(s, 11);
        assert!(c.numbers[0].has_year && !c.numbers[2].has_year);
        assert_eq!(&s[c.numbers[2].start..c.numbers[2].end], "2087");
    }

    #[test]
    fn rejects_general_assembly_symbols_and_years() {
        assert!(read_numbers("resolution 1514 (XV) on", 10).general_assembly);
        assert_eq!(numbers("resolution 48/75 L", 10), Vec::<u32>::new());
        assert_eq!(numbers("resolution 3379", 10), Vec::<u32>::new());
        assert_eq!(numbers("resolution of 2004", 10), Vec::<u32>::new());
    }

    #[test]
    fn reads_no_and_slash_forms() {
        assert_eq!(numbers("S/RES/2231 (2015)", 6), vec![2231]);
        assert_eq!(numbers("resolution No. 825", 10), vec![825]);
    }

    #[test]
    fn parses_filter_values() {
        assert_eq!(parse_filter("UNSCR 1718"), Some(1718));
        assert_eq!(parse_filter("unscr-1718"), Some(1718));
        assert_eq!(parse_filter("resolution 1718"), Some(1718));
        assert_eq!(parse_filter("S/RES/2231 (2015)"), Some(2231));
        assert_eq!(parse_filter("Security Council resolution 1540"), Some(1540));
        assert_eq!(parse_filter("UNSCR 99999"), None);
        assert_eq!(parse_filter("PSI"), None);
    }
}
