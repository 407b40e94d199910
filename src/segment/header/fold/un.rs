//! The fold's lines of UN documents and press releases: a document
//! symbol (`SC/16021`, `S/PRST/2031/4`) and a numbered meeting (`9871st
//! Meeting (AM)`), with the organ named on the short lines around them.

use super::{HeaderFold, Last, Step, STOP};
use crate::segment::header::classify;

impl HeaderFold {
    /// A document symbol. Above a press office's (`SG/SM/23456`), the
    /// short title lines before any date name the office or organ
    /// (`Secretary-General`), not the page: the headline is the title.
    pub(super) fn symbol_line(&mut self, i: usize, sym: &str) -> Step {
        if self.symbol.is_none() && self.date.is_none() && classify::is_press_symbol(sym) {
            let short = self.titles.iter().take_while(|t| classify::organ_like(t));
            let n = short.count().min(2);
            self.organ.extend(self.titles.drain(..n));
        }
        self.symbol.get_or_insert_with(|| sym.to_string());
        self.last = Last::Symbol;
        self.consume(i)
    }

    /// A UN meeting line (`9871st Meeting (AM)`): the short title lines
    /// just above it (`Security Council`, above the date too) name the
    /// organ, and the page's headline follows as its title.
    pub(super) fn meeting_line(&mut self, i: usize, n: u32) -> Step {
        if self.meeting_number.is_some() {
            return STOP;
        }
        self.meeting_number = Some(n);
        // A capital line under it starts anew (`1234TH MEETING` / `ADDIS
        // ABABA, ETHIOPIA`).
        self.prev_caps_title = false;
        let organ_above = match self.date {
            Some(_) => self.titles.len() == self.after_date,
            None => classify::organ_lines(&self.titles),
        };
        if self.last == Last::Title && organ_above {
            self.organ = std::mem::take(&mut self.titles);
            self.after_date = 0;
        }
        self.last = Last::Other;
        self.consume(i)
    }
}
