//! Job titles and office names (`Director-General for Disarmament`,
//! `Ministry of Health`, `Non-Proliferation and Nuclear Energy Division`):
//! the capitalised words of such a name say what an office is called, not
//! what the paragraph is about, so topic triggers inside it do not count.
//!
//! The head words come from `data/rules.tsv` (kind `office`): `office_head`
//! words take the capitalised words after one of their prepositions
//! (`Director-General` + `for`/`of`), `office_tail` words the capitalised
//! words before them (`Division`).

use super::compile::OfficeWord;
use super::text::{before, is_all_caps, is_word, word_end};

/// Words that may join the capitalised words of an office name after its
/// head (`Minister of State for Foreign Affairs and Trade`).
const JOINERS: [&str; 4] = ["and", "of", "the", "for"];

/// The capitalised words after `from` (joined by `and`, `of`, commas, …):
/// the end of the last capitalised word, if any.
fn run_forward(s: &str, mut i: usize) -> Option<usize> {
    let mut last = None;
    loop {
        let rest = &s[i..];
        let j = i + (rest.len() - rest.trim_start_matches(' ').len());
        match s[j..].chars().next() {
            Some(',' | '&') => {
                i = j + 1;
                continue;
            }
            Some(c) if is_word(c) => {}
            _ => break,
        }
        let e = word_end(s, j);
        let w = &s[j..e];
        if w.starts_with(char::is_uppercase) {
            last = Some(e);
        } else if !JOINERS.contains(&w) {
            break;
        }
        i = e;
    }
    last
}

/// The capitalised words before `i` (joined by `and`, `&` or commas only,
/// so `Director of the … Division` stops at `the`): the start of the first
/// one, if any.
fn run_backward(s: &str, mut i: usize) -> Option<usize> {
    let mut first = None;
    loop {
        let head = before(s, i);
        if head.ends_with([',', '&']) {
            i = head.len() - 1;
            continue;
        }
        let start = head
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word(c))
            .last()
            .map(|(k, _)| k);
        let Some(k) = start else { break };
        let w = &head[k..];
        if is_all_caps(w) || w.chars().all(|c| c.is_ascii_digit()) {
            break; // the body the office belongs to (`UNOSOM II Justice Division`)
        }
        if w.starts_with(char::is_uppercase) {
            first = Some(k);
        } else if w != "and" {
            break;
        }
        i = k;
    }
    first
}

/// The span of the office name around the word at `start..end` of folded
/// text `s`. A word written in capitals (a heading) gives nothing: there
/// every word is capitalised.
pub(crate) fn office_span(
    s: &str,
    start: usize,
    end: usize,
    word: &OfficeWord,
) -> Option<(usize, usize)> {
    if !s[start..end].chars().any(char::is_lowercase) {
        return None;
    }
    let preps = match word {
        OfficeWord::Head(preps) => preps,
        OfficeWord::Tail => return run_backward(s, start).map(|b| (b, end)),
        OfficeWord::Keep => return None,
    };
    let rest = &s[end..];
    let gap = rest.len() - rest.trim_start_matches(' ').len();
    let after = &rest[gap..];
    let prep = preps.iter().find(|p| {
        after.len() > p.len() && after.starts_with(p.as_str()) && after[p.len()..].starts_with(' ')
    })?;
    run_forward(s, end + gap + prep.len()).map(|e| (start, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(s: &str, head: &str, preps: &[&str]) -> Option<String> {
        let start = s.find(head)?;
        let word = if preps.is_empty() {
            OfficeWord::Tail
        } else {
            OfficeWord::Head(preps.iter().map(|p| p.to_string()).collect())
        };
        office_span(s, start, start + head.len(), &word).map(|(a, b)| s[a..b].to_string())
    }

    #[test]
    fn heads_take_the_capitalised_words_after_them() {
        assert_eq!(
            span_of(
                "The Director General for Disarmament, Non Proliferation and Science briefed.",
                "Director General",
                &["for", "of"]
            )
            .as_deref(),
            Some("Director General for Disarmament, Non Proliferation and Science")
        );
        assert_eq!(
            span_of(
                "the Ministry of Health and the delegates",
                "Ministry",
                &["of"]
            )
            .as_deref(),
            Some("Ministry of Health")
        );
        assert_eq!(
            span_of("the Minister for nuclear issues", "Minister", &["for"]),
            None
        );
        assert_eq!(span_of("MINISTRY OF HEALTH", "MINISTRY", &["of"]), None);
    }

    #[test]
    fn tails_take_the_capitalised_words_before_them() {
        assert_eq!(
            span_of(
                "Mr Tanaka, Director of the Non Proliferation, Science and Nuclear Energy Division, attended.",
                "Division",
                &[]
            )
            .as_deref(),
            Some("Non Proliferation, Science and Nuclear Energy Division")
        );
        assert_eq!(
            span_of("the export control division", "division", &[]),
            None
        );
    }
}
