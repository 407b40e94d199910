//! Roman numerals: read in paragraph markers (`(iv)`, `IV.`) and meeting
//! editions (`ASTOP-IV`), written for HTML list items (`<ol type="i">`).

/// Symbols from the largest down, with the subtractive pairs.
const SYMBOLS: &[(u32, &str)] = &[
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// Appends `n` in upper-case roman numerals to `out`.
fn push_roman(out: &mut String, mut n: u32) {
    for &(v, s) in SYMBOLS {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
}

/// `n` in upper-case roman numerals (`4` → `IV`); empty for 0.
///
/// ```
/// assert_eq!(dipsearch::text::roman::to_roman(1994), "MCMXCIV");
/// ```
pub fn to_roman(n: u32) -> String {
    let mut s = String::new();
    push_roman(&mut s, n);
    s
}

/// Value of a roman numeral (either case), `None` if not a valid one.
///
/// At most seven letters, only `i v x l c` (markers never use `d` or
/// `m`), so hundreds are written as repeated `c`; non-canonical spellings
/// such as `iiii` or `vx` are rejected.
///
/// ```
/// use dipsearch::text::roman::roman_value;
/// assert_eq!(roman_value("xiv"), Some(14));
/// assert_eq!(roman_value("iiii"), None);
/// ```
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 7 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    let mut canonical = String::with_capacity(s.len());
    canonical.extend(std::iter::repeat_n('C', (total / 100) as usize));
    push_roman(&mut canonical, total % 100);
    canonical.eq_ignore_ascii_case(s).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_values() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("XIII"), Some(13));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("abc"), None);
        assert_eq!(roman_value("cccc"), Some(400));
        assert_eq!(roman_value("cxc"), Some(190));
    }

    #[test]
    fn values_and_numerals_agree_below_four_hundred() {
        for n in 1..400 {
            if to_roman(n).len() > 7 {
                assert_eq!(
                    roman_value(&to_roman(n)),
                    None,
                    "{n}: too long for a marker"
                );
                continue;
            }
            assert_eq!(roman_value(&to_roman(n)), Some(n), "{n}");
            assert_eq!(roman_value(&to_roman(n).to_lowercase()), Some(n), "{n}");
        }
    }
}
