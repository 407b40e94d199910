//! The fold over classified header lines: what has been read so far, one
//! method per kind of line, and the header made of it at the end.
//!
//! Order rules live here: a second type line or date ends the header;
//! after a date only a type line or the title of a date-first page may
//! follow; menu bullets count as navigation only above any header line.

use std::ops::ControlFlow;

use super::classify::{Field, FieldName, HeaderLine, TagLine, TextLine};
use super::doc_type::find_doc_type;
use super::meetings::MeetingInfo;
use super::titles::{group_acronym, main_title, repeats_date};
use super::{HeaderScan, LAST_HEADER_LINE, MAX_HEADER_LINES};

mod dated;
mod settle;
mod titled;
mod un;
use crate::model::{DocType, MeetingHeader};
use crate::segment::dates::{find_date, DateMatch};
use crate::text::title::is_all_caps;
use crate::text::ws::normalise_ws;

/// What the header lines said so far.
#[derive(Debug, Default)]
pub(super) struct HeaderFold {
    /// Title lines, in order (a `[Title]` field goes first).
    titles: Vec<String>,
    /// The full title from a `[Title]` field or repeated under a tag line.
    title: Option<String>,
    /// The type from a type line or a type-and-meeting line.
    explicit_type: Option<DocType>,
    /// The type from a banner or breadcrumb.
    banner_type: Option<DocType>,
    date: Option<DateMatch>,
    /// The date line had no place (a publication date, maybe).
    bare_date: bool,
    place: Option<String>,
    /// The acronym tag of a tag line (`[ARF]`).
    tag_acronym: Option<String>,
    /// Index of the first line after the header so far.
    body_start: usize,
    /// Header lines read (furniture and blanks do not count).
    consumed: usize,
    /// The last title line was in capitals (a wrapped capital title
    /// continues on the next line).
    prev_caps_title: bool,
    /// Lines of a speaker's name and office appended to a title ending in
    /// `by` (`STATEMENT` / `by` / `H.E. Mr. A` / `Prime Minister of B`).
    by_lines: u8,
    last_was_blank: bool,
    /// The first title line, where the body starts if the titles turn out
    /// to be the text itself.
    first_content: Option<usize>,
    /// The first menu-like line, where the body starts if no header
    /// follows.
    first_menu: Option<usize>,
    /// What the last header line was, for a continuation line or a place
    /// standing alone above a date.
    last: Last,
    /// The page's publication date from its metadata.
    published: Option<crate::model::Date>,
    /// The run of title lines read last with no blank line between them:
    /// its first line, how many titles there were before it, its last
    /// line. Prose right under it means the run was the opening of a
    /// hard-wrapped paragraph (`Today, President A of X and President` /
    /// `B of Y met in ...`), not a title.
    glued: Option<(usize, usize, usize)>,
    /// A document symbol line (`SC/16021`).
    symbol: Option<String>,
    /// A UN meeting line's session or meeting number.
    meeting_number: Option<u32>,
    /// The organ named above a meeting line (`Security Council`, or
    /// `General Assembly` / `First Committee`).
    organ: Vec<String>,
    /// Title lines read after the date.
    after_date: usize,
    /// A stamp line gave the publication date: the lines under it are a
    /// page's header, not the opening of its text.
    stamped: bool,
}

/// The kind of the last header line read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
enum Last {
    /// Nothing yet, or a line nothing continues.
    #[default]
    Other,
    /// A type line, with its text (`Co-Chairs' Summary` continued by `of
    /// the …` is a title).
    Type(String),
    /// A title line (the last of `titles`).
    Title,
    /// A document symbol (`S/PRST/2031/12`): a UN document's organ follows.
    Symbol,
    /// A headline with its place and date: the page's stamp may repeat
    /// the date.
    Dated,
    /// A type line naming others who issue it (`Joint media release
    /// with:`): their names and offices follow.
    With,
}

/// Whether to read on after a line.
type Step = ControlFlow<()>;
const NEXT: Step = ControlFlow::Continue(());
const STOP: Step = ControlFlow::Break(());

impl HeaderFold {
    /// A fold that starts from a page's metadata: its title counts as a
    /// `[Title]` field, its date as a publication date (a date line with no
    /// place), which a meeting date in the body replaces.
    pub(super) fn seeded(seed: &crate::segment::Seed, start: usize) -> HeaderFold {
        let mut fold = HeaderFold {
            body_start: start,
            // The top of the text counts as after a blank line.
            last_was_blank: true,
            ..HeaderFold::default()
        };
        if let Some(t) = &seed.title {
            fold.titles.push(t.clone());
            fold.title = Some(t.clone());
        }
        // Kept apart: a dateline in the text replaces it, and it does not
        // count as a date line for the order rules.
        fold.published = seed.published;
        fold
    }

    /// Whether the header is as long as a header gets by line `i`.
    fn is_full(&self, i: usize) -> bool {
        self.consumed >= MAX_HEADER_LINES || i > LAST_HEADER_LINE
    }

    /// Takes line `i`: header, skipped furniture, or the end of the header.
    pub(super) fn take(&mut self, i: usize, line: HeaderLine<'_>, raw: &str) -> Step {
        if matches!(line, HeaderLine::Blank) {
            self.last_was_blank = true;
            return NEXT;
        }
        if self.is_full(i) {
            return STOP;
        }
        let blank_before = std::mem::replace(&mut self.last_was_blank, false);
        match line {
            HeaderLine::Blank => NEXT,
            HeaderLine::Field(f) => self.field(i, f),
            HeaderLine::Banner(bt) => {
                self.banner_type = self.banner_type.or(bt);
                self.last = Last::Other;
                self.consume(i)
            }
            HeaderLine::Stamp => {
                // A stamp's date (`News item | 23-09-2031 | 14:32`) is the
                // page's publication date when nothing else dates it.
                if self.published.is_none() {
                    self.published = super::dates::any_date(raw).map(|m| m.date);
                    self.stamped = self.published.is_some();
                }
                if self.place.is_none() {
                    self.place = super::wire::place_after_stamp(raw);
                }
                self.body_start = i + 1;
                NEXT
            }
            // `At the 9876th meeting of the Council, held on …, in` below
            // a blank: a sentence wrapped, not the rest of a title.
            HeaderLine::Continuation(t)
                if blank_before
                    && (t.contains(", ") || crate::text::title::ends_with_function_word(t)) =>
            {
                STOP
            }
            HeaderLine::Continuation(t) => self.continuation(i, t),
            HeaderLine::Furniture { menu, banner } => {
                if menu {
                    self.first_menu.get_or_insert(i);
                    // Title lines above a site's menu are the site's name.
                    if self.date.is_none() && self.explicit_type.is_none() && self.title.is_none() {
                        self.titles.clear();
                        self.glued = None;
                    }
                }
                self.banner_type = self.banner_type.or(banner);
                self.body_start = i + 1;
                NEXT
            }
            HeaderLine::Item { menu_like } => self.item(i, menu_like),
            HeaderLine::Symbol(sym) => self.symbol_line(i, sym),
            HeaderLine::MeetingNumber(n) => self.meeting_line(i, n),
            HeaderLine::TypeLine(dt) => self.type_line(i, dt, raw),
            HeaderLine::TypeWith(dt) => {
                let step = self.type_line(i, dt, raw);
                self.last = Last::With;
                step
            }
            HeaderLine::PlaceDate(pd) => self.place_date(i, pd, raw),
            HeaderLine::TitledDate { title, place, date } => {
                self.titled_date(i, title, place, date)
            }
            HeaderLine::Tags(tags, _) if self.date.is_none() => self.tags(i, tags),
            HeaderLine::Tags(_, text) | HeaderLine::Text(text) => self.text(i, text, blank_before),
        }
    }

    /// Counts line `i` as header and reads on.
    fn consume(&mut self, i: usize) -> Step {
        self.consumed += 1;
        self.body_start = i + 1;
        NEXT
    }

    /// Whether a title or type line came before.
    fn titled(&self) -> bool {
        !self.titles.is_empty() || self.title.is_some() || self.explicit_type.is_some()
    }

    /// Whether nothing but furniture has been read.
    fn nothing_yet(&self) -> bool {
        self.titles.is_empty() && self.date.is_none() && self.explicit_type.is_none()
    }

    /// A record field; `[Full text]` ends the header after itself.
    fn field(&mut self, i: usize, f: Field<'_>) -> Step {
        self.last = Last::Other;
        match f.name {
            FieldName::Title if !f.value.is_empty() => {
                self.titles.insert(0, f.value.to_string());
                self.title = Some(f.value.to_string());
            }
            FieldName::Place if !f.value.is_empty() => self.place = Some(f.value.to_string()),
            FieldName::Date => {
                if let Some(m) = find_date(f.value) {
                    self.date = Some(m);
                }
            }
            _ => {}
        }
        let step = self.consume(i);
        if f.name == FieldName::FullText {
            return STOP;
        }
        step
    }

    /// Menu items left by a page without `<nav>` (`• Home`, `• About Us`)
    /// above any header line are navigation; any other item is the body.
    fn item(&mut self, i: usize, menu_like: bool) -> Step {
        if !(menu_like && self.nothing_yet()) {
            return STOP;
        }
        self.first_menu.get_or_insert(i);
        self.body_start = i + 1;
        NEXT
    }

    fn type_line(&mut self, i: usize, dt: DocType, raw: &str) -> Step {
        if self.explicit_type.is_some() {
            return STOP;
        }
        self.explicit_type = Some(dt);
        self.last = Last::Type(raw.trim().to_string());
        self.prev_caps_title = false;
        self.consume(i)
    }

    /// A line that continues the title or type line just above it.
    fn continuation(&mut self, i: usize, t: &str) -> Step {
        self.by_lines = 0;
        match std::mem::replace(&mut self.last, Last::Title) {
            Last::Title => {
                if let Some(last) = self.titles.last_mut() {
                    last.push(' ');
                    last.push_str(t);
                }
                self.prev_caps_title = self.prev_caps_title && is_all_caps(t);
            }
            Last::Type(type_text) => {
                // `CO-CHAIRS' SUMMARY REPORT` / `OF THE …` / `INTER-SESSIONAL
                // MEETING …`: a capital block goes on after the continuation.
                self.prev_caps_title = is_all_caps(&type_text) && is_all_caps(t);
                self.titles.push(format!("{type_text} {t}"));
            }
            Last::Other | Last::Symbol | Last::Dated | Last::With => {
                self.last = Last::Other;
                return STOP;
            }
        }
        self.consume(i)
    }

    /// A tag line before any date: its acronym tag, and a date at the end
    /// with the word before it as the place and the rest as a title.
    fn tags(&mut self, i: usize, tags: TagLine<'_>) -> Step {
        self.last = Last::Other;
        self.tag_acronym = tags.acronym.map(str::to_string);
        if let Some(m) = find_date(tags.rest) {
            let head = tags.rest[..m.start].trim_end_matches([' ', ',']);
            if let Some(pos) = head.rfind(' ') {
                self.place = Some(head[pos + 1..].to_string());
                self.titles.push(head[..pos].to_string());
            }
            self.date = Some(m);
        }
        self.consume(i)
    }

    fn text(&mut self, i: usize, line: TextLine<'_>, blank_before: bool) -> Step {
        let t = line.text();
        // Layout L: the full title repeated under the tag line.
        if self.date.is_some()
            && self.tag_acronym.is_some()
            && self.title.is_none()
            && line.title_like()
        {
            self.title = Some(t.to_string());
            self.titles.insert(0, t.to_string());
            return self.consume(i);
        }
        // A title repeated above the body (`Title` / `Posted on …` / `Title`),
        // maybe in capitals (a page's title over its document's).
        if self.titles.iter().any(|x| same_title(x, t)) {
            self.last = Last::Other;
            return self.consume(i);
        }
        if self.speaker(t, blank_before) {
            return self.consume(i);
        }
        match line {
            TextLine::TypeAndMeeting { doc_type, .. } => {
                if self.explicit_type.is_some() || self.date.is_some() && !self.titles.is_empty() {
                    return STOP;
                }
                self.explicit_type = Some(doc_type);
                self.titles.push(t.to_string());
                self.last = Last::Title;
                self.consume(i)
            }
            TextLine::Title { generic: true, .. } => STOP,
            // The headline of a date-first page (`Foreign Minister A on …`).
            TextLine::Prose { headline: true, .. }
                if self.date.is_some() && self.titles.is_empty() && self.title.is_none() =>
            {
                self.title_line(i, t, false, blank_before)
            }
            TextLine::Prose { .. } => {
                self.unglue(i, t, blank_before);
                STOP
            }
            TextLine::Title {
                caps, over_date, ..
            } => {
                if over_date && self.date.is_none() && self.title.is_none() {
                    // A site's or a section's name above the headline
                    // (`OPCW` / `News` / the headline / its date); a
                    // masthead set apart from it by a menu or a stamp
                    // (`Agencia Iberoamericana de Noticias` / `Portada |
                    // Internacional | …` / the headline / its dateline).
                    let apart = self.glued.is_some_and(|(_, _, last)| last + 1 < i);
                    self.titles
                        .retain(|x| !(is_name_only(x, 3) || apart && is_name_only(x, 6)));
                }
                self.title_line(i, t, caps, blank_before)
            }
        }
    }

    /// The header read, and where the body starts in `lines`.
    pub(super) fn finish(mut self, lines: &[&str]) -> HeaderScan {
        self.settle_body_start(lines);
        let title = self.title.take().or_else(|| main_title(&self.titles));
        let info =
            MeetingInfo::from_titles(self.organ.iter().chain(&self.titles).chain(title.iter()));
        let acronym = info
            .acronym
            .or(self.tag_acronym.take())
            .or_else(|| group_acronym(&self.titles));
        let title_type = self.titles.iter().find_map(|t| {
            find_doc_type(t)
                .filter(|m| !is_news_of(t, m))
                .map(|m| m.doc_type)
        });
        let title_dated = repeats_date(title.as_deref(), self.date);
        let from_text = self.date.is_some();
        let date = self.date.or(self.published.map(|d| DateMatch {
            start: 0,
            end: 0,
            date: d,
            date_end: None,
        }));
        let header = MeetingHeader {
            meeting: info.meeting,
            acronym,
            edition: info.edition.or(self.meeting_number),
            doc_type: self
                .explicit_type
                .or(title_type)
                .or(self.banner_type)
                .or(self.symbol.as_deref().and_then(super::classify::press_type))
                .unwrap_or(DocType::Other),
            symbol: self.symbol.take(),
            title: title.map(|t| normalise_ws(t.trim_matches('*'))),
            date: date.map(|m| m.date),
            date_end: date.and_then(|m| m.date_end),
            year: date.map(|m| m.date.year),
            place: self.place,
            ..MeetingHeader::default()
        };
        HeaderScan {
            header,
            body_start: self.body_start,
            bare_date: (self.bare_date || !from_text) && date.is_some() && !title_dated,
            foot_date: None,
        }
    }
}

/// Whether a headline reports a document rather than being one: `…
/// Concludes Sixty-Third Regular Session … with Declaration on Water
/// Security`, `…: Valletta Declaration on democratic security adopted`.
fn is_news_of(title: &str, m: &super::doc_type::DocTypeMatch) -> bool {
    let before = title[..m.start].to_ascii_lowercase();
    let lower = title.trim_end().to_ascii_lowercase();
    before.ends_with(" with ")
        || ["adopted", "adopts", "signed", "signs", "issued", "released"]
            .iter()
            .any(|v| lower.ends_with(&format!(" {v}")))
}

/// A title line that is only a name: a label of up to three words
/// (`OPCW`, `News`, `Press Releases`), or a site's or an office's name as
/// a masthead in up to six (`Agencia Iberoamericana de Noticias`, `D-8
/// Organization for Economic Cooperation`); no document type or meeting.
fn is_name_only(t: &str, most_words: usize) -> bool {
    t.split_whitespace().count() <= most_words
        && find_doc_type(t).is_none()
        && !super::doc_type::contains_meeting_word(t)
}

/// Whether two title lines are one title, whatever their case and
/// apostrophes (`Chairman’s Statement of …` / `CHAIRMAN'S STATEMENT OF …`).
fn same_title(a: &str, b: &str) -> bool {
    // `text::title::letters_key` compared without allocating the keys:
    // the fold asks for every title line.
    a == b
        || a.len().abs_diff(b.len()) <= 4
            && a.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .eq(b
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase))
}
