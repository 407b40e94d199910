//! Bylines: a reporter's name under a headline, and where they filed
//! from. A leaf of the header reader: the news readers (`wire`), the
//! date lines (`dates`) and the fold ask it.

/// A reporter's name: two to four capitalised words (`Aarti Menon`, `By
/// Lim Wei Ling`), not in capitals, nothing but letters, dots, hyphens and
/// apostrophes.
pub(super) fn is_byline(line: &str) -> bool {
    let name = line.strip_prefix("By ").unwrap_or(line);
    // `Rafael Schmidt in Astana`: the reporter and where they filed from.
    let name = match name.split_once(" in ") {
        Some((who, city))
            if (1..=2).contains(&city.split_whitespace().count())
                && city.starts_with(char::is_uppercase) =>
        {
            who
        }
        _ => name,
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !crate::text::title::is_all_caps(name)
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

/// The city of a reporter's byline that names where they filed from
/// (`Rafael Schmidt in Astana` → `Astana`).
pub(super) fn filed_from(line: &str) -> Option<&str> {
    let (_, city) = line.rsplit_once(" in ")?;
    is_byline(line).then_some(city.trim())
}
