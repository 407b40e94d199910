//! Title lines: a title line's place among the others (glued to the one
//! above, a masthead's organ, the names under `Joint media release
//! with:`), and a speaker's name and office under a title ending in `by`.

use super::super::classify::organ_like;
use super::{HeaderFold, Last, Step, NEXT, STOP};

impl HeaderFold {
    /// The speaker's name and office under a title ending in `by`, set one
    /// part a line (`STATEMENT` / `by` / `H.E. Mr. Levan Beridze` / `Prime
    /// Minister of Georgia`), joined to it: at most three short lines
    /// right under it, before any date.
    pub(super) fn speaker(&mut self, t: &str, blank_before: bool) -> bool {
        if blank_before || self.last != Last::Title || self.date.is_some() {
            return false;
        }
        let Some(last) = self.titles.last_mut() else {
            return false;
        };
        // `get`: the title may end in any character (a byte slice could
        // cut one).
        let by = last
            .get(last.len().saturating_sub(3)..)
            .is_some_and(|end| end.eq_ignore_ascii_case(" by"));
        let part = self.by_lines > 0
            && self.by_lines < 3
            && t.split_whitespace().count() <= 8
            && !t.ends_with(['.', ';', ':']);
        if !(by || part) {
            return false;
        }
        last.push_str(if by { " " } else { ", " });
        last.push_str(t);
        self.by_lines += 1;
        true
    }

    /// A title line. After the date only the title of a date-first page
    /// (METI, speeches) may follow; a heading below a titled header
    /// belongs to the body.
    pub(super) fn title_line(&mut self, i: usize, t: &str, caps: bool, blank_before: bool) -> Step {
        if self.place_under_date(t, blank_before) {
            return self.consume(i);
        }
        // The names and offices under `Joint media release with:`.
        if self.last == Last::With && !blank_before {
            self.body_start = i + 1;
            return NEXT;
        }
        // A UN document's masthead: `S/PRST/2031/12` / `Security Council`.
        if self.last == Last::Symbol && self.date.is_none() && organ_like(t) {
            self.organ.push(t.to_string());
            self.last = Last::Other;
            return self.consume(i);
        }
        self.last = Last::Title;
        if self.date.is_some() {
            // A UN release names its organ on up to three short lines
            // (`General Assembly` / `First Committee`) above the meeting line.
            let organ_line = self.symbol.is_some()
                && (1..3).contains(&self.after_date)
                && self.titles.len() == self.after_date
                && organ_like(t);
            if !(self.titles.is_empty() && self.title.is_none() || organ_line) {
                return STOP;
            }
            self.titles.push(t.to_string());
            self.after_date += 1;
            return self.consume(i);
        }
        if self.titles.len() >= 4 {
            return STOP;
        }
        self.first_content.get_or_insert(i);
        self.glued = match self.glued {
            Some((start, before, last)) if !blank_before && last + 1 == i => {
                Some((start, before, i))
            }
            _ => Some((i, self.titles.len(), i)),
        };
        // A title broken after `of the` goes on (`… at the General Debate
        // of the 88th Session of the` / `United Nations General Assembly`).
        let broken = self
            .titles
            .last()
            .is_some_and(|l| crate::text::title::ends_with_function_word(l));
        // Consecutive ALL-CAPS lines form one title (wrapped caps block).
        if (caps && self.prev_caps_title || broken) && !blank_before {
            if let Some(last) = self.titles.last_mut() {
                last.push(' ');
                last.push_str(t);
            }
        } else {
            self.titles.push(t.to_string());
        }
        self.prev_caps_title = caps;
        self.consume(i)
    }
}
