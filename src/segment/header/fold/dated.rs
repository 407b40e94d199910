//! The fold's date lines: a place-date line, a headline ending with its
//! place and date, and what may stand right under a date (its place, the
//! page's stamp repeating it).

use super::{HeaderFold, Last, Step, NEXT, STOP};
use crate::segment::dates::DateMatch;
use crate::segment::header::byline::filed_from;
use crate::segment::header::dates::{looks_like_place, PlaceDate};
use crate::text::title::{is_all_caps, title_case};

impl HeaderFold {
    pub(super) fn place_date(&mut self, i: usize, pd: PlaceDate, raw: &str) -> Step {
        if let Some(d) = self.date {
            // The page's stamp repeating the date (`2031-03-02 18:44`).
            if pd.place.is_none() && pd.date.date == d.date && self.last == Last::Dated {
                self.body_start = i + 1;
                return NEXT;
            }
            return STOP;
        }
        let mut pd = pd;
        let alone = date_alone(raw);
        if pd.place.is_none()
            && self.last == Last::Title
            && (self.titles.len() >= 2 || !self.organ.is_empty())
            && alone
        {
            // `Title` / `New York` / `22 September 2030`: the short line
            // above the date is its place.
            if self.titles.last().is_some_and(|t| looks_like_place(t)) {
                pd.place = self.titles.pop().map(|t| match is_all_caps(&t) {
                    true => title_case(&t),
                    false => t,
                });
            } else if let Some(city) = self.titles.last().and_then(|t| filed_from(t)) {
                // `Grace Achieng in Entebbe` / `9 March 2035`: the reporter
                // filed from the place.
                pd.place = Some(city.to_string());
                self.titles.pop();
            }
        }
        // A site's date line (`Secretaría de Relaciones Exteriores | 07 de
        // julio de 2032`) has no place on the line under it (`Prensa`).
        self.last = if alone || pd.place.is_some() {
            Last::Dated
        } else {
            Last::Other
        };
        self.banner_type = self.banner_type.or(pd.kind);
        self.bare_date = pd.place.is_none();
        self.date = Some(pd.date);
        if self.place.is_none() {
            self.place = pd.place;
        }
        self.prev_caps_title = false;
        self.consume(i)
    }

    /// A headline with the place and date at its end: the page's title.
    pub(super) fn titled_date(
        &mut self,
        i: usize,
        title: &str,
        place: Option<String>,
        date: DateMatch,
    ) -> Step {
        if self.date.is_some() || self.title.is_some() {
            return STOP;
        }
        self.title = Some(title.to_string());
        self.titles.push(title.to_string());
        self.date = Some(date);
        self.place = self.place.take().or(place);
        self.last = Last::Dated;
        self.prev_caps_title = false;
        self.consume(i)
    }

    /// `13-14 April 2030` / `Hanoi, Viet Nam`: the date's place on the
    /// line under it, below a title. Takes it when it is one.
    pub(super) fn place_under_date(&mut self, t: &str, blank_before: bool) -> bool {
        if self.last != Last::Dated || blank_before || self.place.is_some() || !self.titled() {
            return false;
        }
        let city_country = t
            .split_once(", ")
            .is_some_and(|(a, b)| !a.contains(',') && !b.contains(','));
        let one_word = t.split_whitespace().count() == 1;
        if !(looks_like_place(t) && (city_country || one_word)) {
            return false;
        }
        self.place = Some(t.to_string());
        self.bare_date = false;
        self.last = Last::Other;
        true
    }
}

/// Whether a line is its date alone (`22 September 2030`, maybe with its
/// weekday or time), not an
/// office's or a site's name beside it (`Secretaría de Relaciones
/// Exteriores | 07 de julio de 2032`), above which no line is its place.
fn date_alone(raw: &str) -> bool {
    let t = raw.trim();
    // A weekday before it, a time after it.
    let short = |s: &str, n: usize| !s.contains('|') && s.split_whitespace().count() <= n;
    crate::segment::dates::find_date(t)
        .is_none_or(|m| short(&t[..m.start], 1) && short(&t[m.end..], 2))
}
