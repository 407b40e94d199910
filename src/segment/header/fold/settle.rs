//! Where the body starts: a run of title lines glued to the prose under
//! it opens the text, unless the text is not wrapped; titles alone with no
//! blank line under them are the text's opening.

use super::HeaderFold;

/// A line longer than this is no line of hard-wrapped text (PDFs and
/// e-mails wrap at 60 to 100 characters).
const UNWRAPPED_LINE: usize = 160;

impl HeaderFold {
    /// Prose at line `i` right under a run of title lines: the run opens
    /// the paragraph, so the body starts with it and it is no title. Not
    /// when the prose is a whole paragraph on one line (longer than text
    /// is wrapped) opening a sentence: the text is not wrapped, and the
    /// line above is a headline with no blank under it.
    pub(super) fn unglue(&mut self, i: usize, prose: &str, blank_before: bool) {
        let unwrapped = prose.chars().count() > UNWRAPPED_LINE
            && prose.starts_with(char::is_uppercase)
            && self.titles.last().is_some_and(|t| {
                !t.ends_with([',', ';', ':', '-'])
                    && !crate::text::title::ends_with_function_word(t)
            });
        if let Some((start, before, last)) = self.glued {
            if !blank_before && last + 1 == i && self.body_start == i && !unwrapped {
                self.titles.truncate(before);
                self.body_start = start;
            }
        }
    }

    /// Title lines alone (no date, type, record field or banner) are a
    /// header only when a blank line separates them from the body,
    /// otherwise they are the start of the text (speeches). Menu-like
    /// lines skipped in the hope of a header below them are the
    /// document's own list when none came.
    pub(super) fn settle_body_start(&mut self, lines: &[&str]) {
        let only_titles = self.date.is_none()
            && !self.stamped
            && self.explicit_type.is_none()
            && self.banner_type.is_none()
            && self.title.is_none();
        if only_titles && !self.titles.is_empty() {
            let blank_after = lines
                .get(self.body_start)
                .is_none_or(|l| l.trim().is_empty());
            if !blank_after {
                self.titles.clear();
                self.body_start = self.first_content.unwrap_or(self.body_start);
            }
        }
        if self.nothing_yet() && self.title.is_none() {
            if let Some(m) = self.first_menu {
                self.body_start = self.body_start.min(m);
            }
        }
    }
}
