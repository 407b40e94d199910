//! Whitespace: runs collapsed to one space, and the check that lets the
//! common, already clean case skip the copy.

/// Whether `s` is already as [`normalise_ws`] would make it (the usual
/// case), so the copy can be skipped.
///
/// One pass over the bytes: only the lead bytes of the multi-byte
/// whitespace characters (U+0085, U+00A0, U+1680, U+2000 to U+3000) are
/// decoded. Four passes (`contains`, `chars().any`, …) were about 1 % of an
/// ingest's CPU (benches/PROFILE.md, eleventh round).
pub fn is_normal_ws(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b' ' if after_space => return false,
            b' ' => {
                after_space = true;
                continue;
            }
            b'\t'..=b'\r' => return false,
            0xC2 | 0xE1..=0xE3 => {
                let decoded = s.get(i..).and_then(|t| t.chars().next());
                if decoded.is_some_and(char::is_whitespace) {
                    return false;
                }
            }
            _ => {}
        }
        after_space = false;
    }
    true
}

/// Collapses every run of whitespace to one space and trims the ends.
///
/// ```
/// assert_eq!(dipsearch::text::ws::normalise_ws(" Tokyo,\u{a0} Japan\n"), "Tokyo, Japan");
/// ```
pub fn normalise_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{is_normal_ws, normalise_ws};
    use proptest::prelude::*;

    #[test]
    fn the_check_agrees_with_the_copy_on_each_whitespace() {
        let spaces = [
            "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}",
            "\u{200a}", "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}",
        ];
        for w in spaces {
            for s in [
                format!("a{w}b"),
                format!("{w}a"),
                format!("a{w}"),
                format!("a {w}b"),
            ] {
                assert!(!is_normal_ws(&s), "{s:?}");
            }
        }
        for s in [
            "a b",
            "Côte d'Ivoire",
            "a\u{200b}b",
            "\u{2010}",
            "東京 会議",
            "x\u{1c}y",
            "",
        ] {
            assert_eq!(is_normal_ws(s), normalise_ws(s) == s, "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn the_check_is_the_copy_unchanged(s in "[a \t\n\u{a0}\u{2009}\u{3000}é東\u{200b}]{0,12}") {
            prop_assert_eq!(is_normal_ws(&s), normalise_ws(&s) == s);
        }
    }
}
