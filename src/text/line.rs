//! The shape of one line of prose: where it starts, how it ends.

/// Whether `s` ends a sentence (or a clause that closes a line: `:`, `;`,
/// a closing quote or bracket), ignoring trailing whitespace.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    matches!(
        t.chars().last(),
        Some('.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | ')' | ']' | '…' | '。')
    )
}

/// Whether `s` starts with a lower-case letter (the continuation of a
/// sentence).
pub fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Indentation of a line in columns: spaces (also no-break and
/// ideographic) count one, tabs four.
pub fn indent_of(line: &str) -> usize {
    let mut n = 0;
    for c in line.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{3000}' => n += 1,
            '\t' => n += 4,
            _ => break,
        }
    }
    n
}

/// The sentences of a paragraph, each with its closing `. `: a full stop
/// ends a sentence only before a capital or a digit, so `U.S. private`
/// inside a sentence does not cut it, and never after a title written
/// before a name (`Mr. IWAYA`, `H.E. Ms. Lazaro`, `Dr.`, `Amb.`) or a
/// number (`No. 5`), which diplomatic texts put in most sentences about
/// meetings (`R.` before `Biden` does cut: initials are rare next to the
/// facts read from bodies).
///
/// ```
/// use dipsearch::text::line::sentences;
/// let s: Vec<&str> = sentences("The U.S. delegation met in Rome. It agreed.").collect();
/// assert_eq!(s, ["The U.S. delegation met in Rome. ", "It agreed."]);
/// let s: Vec<&str> = sentences("H.E. Ms. Lee met Mr. Kim in Seoul. It agreed.").collect();
/// assert_eq!(s, ["H.E. Ms. Lee met Mr. Kim in Seoul. ", "It agreed."]);
/// ```
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut from = 0;
        let cut = loop {
            match rest[from..].find(". ") {
                None => break rest.len(),
                Some(i) => {
                    let end = from + i + 2;
                    let next = rest[end..].trim_start().chars().next();
                    let ends = next.is_none_or(|c| c.is_uppercase() || c.is_ascii_digit());
                    if ends && !is_title_before(&rest[..from + i]) {
                        break end;
                    }
                    from = end;
                }
            }
        };
        let (s, r) = rest.split_at(cut);
        rest = r;
        Some(s)
    })
}

/// Titles written before a name or a number, with a full stop after them
/// (the place pattern of `segment::header::body` lists the common ones
/// too, inside its regular expression).
const TITLES_BEFORE_NAMES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Prof", "H.E", "H.M", "H.R.H", "Amb", "Gen", "Lt",
    "Col", "Capt", "Adm", "Sen", "Rep", "Gov", "Rev", "Hon", "St", "Sr", "Sra", "No", "Nos", "Art",
];

/// Whether `before` (the text up to a full stop) ends with one of
/// [`TITLES_BEFORE_NAMES`] as a whole word.
fn is_title_before(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or(before);
    TITLES_BEFORE_NAMES.contains(&word)
}

/// Whether `s` names a year (four digits, 1900–2099) other than `year`:
/// a sentence about another meeting than the document's.
///
/// ```
/// use dipsearch::text::line::names_other_year;
/// assert!(names_other_year("first held in 1993", 2023));
/// assert!(!names_other_year("held in 2023 with 21 economies", 2023));
/// ```
pub fn names_other_year(s: &str, year: u16) -> bool {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<u16>().ok())
        .any(|y| (1900..2100).contains(&y) && y != year)
}
