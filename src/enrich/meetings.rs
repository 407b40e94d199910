//! Meeting series: the gazetteer of `data/meetings.tsv`, and how the names
//! a header gives (`OF THE 36TH ASEAN REGIONAL FORUM`, `ISM on NPD`,
//! `G7 Leaders' Statement`) are read as one canonical series.
//!
//! Segmentation reads the meeting *as written*; this module maps it to a
//! series id so that `--meeting ARF` and `facets --by meeting` see one
//! bucket per real series instead of every spelling. Aliases are matched
//! on folded text (see [`super::text`]): names in any case (titles are often
//! in capitals), aliases with no lower-case letter (`ARF`, `AUKUS`) and
//! mixed-case tokens (`PrepCom`) byte for byte. Aliases written with a
//! leading `?` are weak: they count only when no other alias matches.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::text::{fold, fold_pattern, key};
use crate::model::{MeetingHeader, Paragraph};
use crate::segment::header::{find_doc_type, ordinal_value};
use crate::text::roman::roman_value;

/// `meetings.tsv`: one row per meeting series.
const MEETINGS: &str = include_str!("../../data/meetings.tsv");

/// One meeting series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// Stable id (`ARF`, `ARF-ISM-NPD`, `G7-SUMMIT`).
    pub id: String,
    /// Canonical name, the value of a record's `meeting`.
    pub name: String,
    /// The acronym records carry (`ARF`, `ARF ISM on NPD`).
    pub acronym: String,
    /// The family a `--meeting` value also matches (`ARF` covers the ARF's
    /// inter-sessional meetings).
    pub family: String,
    /// Every alias as written in the file (weak ones without their `?`).
    pub aliases: Vec<String>,
}

/// A series found in a text, with the byte range of the alias in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'a> {
    /// The series.
    pub series: &'a Series,
    /// Byte range of the alias in the searched text.
    pub start: usize,
    /// End of that range (exclusive).
    pub end: usize,
}

/// One searchable alias.
struct Pattern {
    series: usize,
    /// Match byte for byte (acronyms, mixed-case tokens).
    exact: Option<String>,
    weak: bool,
}

/// A country's own security council or general assembly at `s..e` of the
/// folded text (the case as written), not the UN's: `Russian Security
/// Council Secretary Nikolay Patrushev`, the `National Security Council`,
/// the `Security Council of the Russian Federation`, the `General Assembly
/// of Uruguay`.
fn national_council(t: &str, s: usize, e: usize) -> bool {
    const BEFORE: &[&str] = &[
        "national",
        "russian",
        "ukrainian",
        "armenian",
        "iranian",
        "belarusian",
        "kazakh",
        "georgian",
        "turkish",
        "israeli",
        "federal",
        "state",
    ];
    let prev = t[..s]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let after: String = t[e..]
        .trim_start()
        .chars()
        .take(30)
        .collect::<String>()
        .to_lowercase();
    BEFORE.contains(&prev.as_str())
        || after.starts_with("secretary ")
        || after.starts_with("of ") && !after.starts_with("of the united nations")
}

/// Another body's organ of the same name at `s` (`OAS General Assembly`,
/// `IPU Governing Council`): the word before is an acronym in capitals
/// other than the UN's.
fn another_body(t: &str, s: usize) -> bool {
    let prev = t[..s]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    prev.len() >= 2 && prev.chars().all(|c| c.is_ascii_uppercase()) && prev != "UN"
}

/// The lookup keys of one series (see [`key`]), made once when the
/// gazetteer is built: `resolve` runs for every ingested document whose
/// folder config names its meeting, and keying every series' names there
/// was 4 % of the instructions of a General Debate ingest (callgrind).
struct SeriesKeys {
    family: String,
    /// Id, acronym, name and every alias.
    names: Vec<String>,
}

impl SeriesKeys {
    fn of(s: &Series) -> SeriesKeys {
        SeriesKeys {
            family: key(&s.family),
            names: [&s.id, &s.acronym, &s.name]
                .into_iter()
                .chain(&s.aliases)
                .map(|a| key(a))
                .collect(),
        }
    }
}

/// The meeting-series gazetteer, built once.
pub struct Meetings {
    series: Vec<Series>,
    /// `keys[i]` are the keys of `series[i]`.
    keys: Vec<SeriesKeys>,
    patterns: Vec<Pattern>,
    automaton: AhoCorasick,
}

/// Whether an alias must match in its own case: no lower-case letter at all
/// (`ARF`, `C5+1`), or a lower-case letter followed by a capital inside one
/// word (`PrepCom`, `HCoC`).
fn case_sensitive(alias: &str) -> bool {
    if !alias.chars().any(|c| c.is_lowercase()) {
        return true;
    }
    alias.split(' ').any(|w| {
        let cs: Vec<char> = w.chars().collect();
        cs.windows(2)
            .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
    })
}

impl Meetings {
    /// The gazetteer compiled into the binary.
    pub fn builtin() -> &'static Meetings {
        static M: OnceLock<Meetings> = OnceLock::new();
        M.get_or_init(|| Meetings::parse(MEETINGS))
    }

    /// Builds the gazetteer from TSV text (`id name acronym family aliases
    /// notes`); malformed lines are skipped (a unit test keeps the embedded
    /// file clean).
    fn parse(tsv: &str) -> Meetings {
        let mut series = Vec::new();
        let mut patterns = Vec::new();
        let mut folded = Vec::new();
        for line in tsv.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            if f.len() < 5 || f[0].is_empty() {
                continue;
            }
            let idx = series.len();
            let mut aliases = Vec::new();
            // A true acronym (no lower case) names its series too, unless the
            // file lists it already (perhaps as a weak alias).
            let listed = |a: &str| {
                f[4].split('|')
                    .any(|x| x.trim().trim_start_matches('?') == a)
            };
            let own = (!f[2].chars().any(char::is_lowercase) && !listed(f[2])).then_some(f[2]);
            // So does its canonical name.
            let name = (!listed(f[1])).then_some(f[1]);
            for raw in f[4]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .chain(own)
                .chain(name)
            {
                let (weak, alias) = match raw.strip_prefix('?') {
                    Some(a) => (true, a),
                    None => (false, raw),
                };
                let pat = fold_pattern(alias);
                patterns.push(Pattern {
                    series: idx,
                    exact: case_sensitive(alias).then(|| pat.clone()),
                    weak,
                });
                folded.push(pat);
                aliases.push(alias.to_string());
            }
            series.push(Series {
                id: f[0].to_string(),
                name: f[1].to_string(),
                acronym: f[2].to_string(),
                family: f[3].to_string(),
                aliases,
            });
        }
        // The patterns are plain strings; building can only fail on limits
        // far above a few hundred short aliases.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&folded)
            .expect("meeting aliases build an automaton");
        Meetings {
            keys: series.iter().map(SeriesKeys::of).collect(),
            series,
            patterns,
            automaton,
        }
    }

    /// Every series, in file order.
    pub fn all(&self) -> &[Series] {
        &self.series
    }

    /// The series with this id.
    pub fn get(&self, id: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.id == id)
    }

    /// Every alias occurrence in `text` (overlapping ones included), with
    /// word boundaries and case rules checked, as (series, start, end, weak)
    /// in original byte offsets.
    fn occurrences(&self, text: &str) -> Vec<(usize, usize, usize, bool)> {
        let f = fold(text);
        let t = f.text.as_ref();
        let bytes = t.as_bytes();
        let mut out = Vec::new();
        for m in self.automaton.find_overlapping_iter(t) {
            let p = &self.patterns[m.pattern().as_usize()];
            let (s, e) = (m.start(), m.end());
            let boundary_before = s == 0 || !bytes[s - 1].is_ascii_alphanumeric();
            let boundary_after = e == bytes.len() || !bytes[e].is_ascii_alphanumeric();
            if !boundary_before || !boundary_after {
                continue;
            }
            if let Some(exact) = &p.exact {
                if &t[s..e] != exact.as_str() {
                    continue;
                }
            }
            let organ = &t[s..e];
            let un_organ = organ.eq_ignore_ascii_case("security council")
                || organ.eq_ignore_ascii_case("general assembly");
            if un_organ && (national_council(t, s, e) || another_body(t, s)) {
                continue;
            }
            // `U.S.-Pacific Islands Forum Dialogue`, `Japan-ASEAN Summit`:
            // a name joined to another by a hyphen is another meeting.
            let (os, oe) = (f.orig(s), f.orig(e));
            let joined = text[..os]
                .strip_suffix('-')
                .is_some_and(|b| b.ends_with(|c: char| c.is_alphanumeric() || c == '.'));
            if joined {
                continue;
            }
            out.push((p.series, os, oe, p.weak));
        }
        out
    }

    /// The series `text` names most specifically: the longest alias found
    /// (so `G7 Non-Proliferation Directors Group` is the directors' group,
    /// not the G7 summit), the earlier one on a tie; weak aliases only when
    /// nothing else matches.
    pub fn find<'a>(&'a self, text: &str) -> Option<Found<'a>> {
        let occ = self.occurrences(text);
        let strong = occ.iter().any(|o| !o.3);
        occ.iter()
            .filter(|o| !strong || !o.3)
            .min_by_key(|o| (std::cmp::Reverse(o.2 - o.1), o.1))
            .map(|&(s, start, end, _)| Found {
                series: &self.series[s],
                start,
                end,
            })
    }

    /// Reads the header's meeting as a series: the meeting name read from
    /// the title, the title itself, and then the first paragraphs where a
    /// sentence says the meeting was held (`The 20th East Asia Summit (EAS)
    /// was held ...`). A known series gives the canonical `meeting`, its
    /// id and acronym, and the edition from an ordinal next to its name
    /// when the header had none. Without one, an acronym that does not
    /// abbreviate the meeting's name (`NPT` for a seminar about the NPT,
    /// `Muskoka Summit`) is dropped.
    pub fn canonicalize(&self, h: &mut MeetingHeader, paragraphs: &[Paragraph]) {
        let header_texts = [h.meeting.clone(), h.title.clone(), h.acronym.clone()];
        let mut found = header_texts
            .iter()
            .flatten()
            .find_map(|t| self.find(t).map(|f| (f, t.clone())));
        if found.is_none() {
            found = paragraphs
                .iter()
                .take(3)
                .find_map(|p| self.held_in(&p.text));
        }
        let Some((f, text)) = found else {
            h.meeting = h
                .meeting
                .take()
                .and_then(|m| unknown_meeting_name(&m))
                .map(|m| {
                    super::spelled_acronym::recapitalised(
                        &m,
                        paragraphs.iter().take(3).map(|p| p.text.as_str()),
                    )
                });
            if h.acronym
                .as_deref()
                .is_some_and(|a| !abbreviates(a, h.meeting.as_deref()))
            {
                h.acronym = None;
            }
            if let (None, Some(m)) = (&h.acronym, &h.meeting) {
                let texts = h.title.iter().map(String::as_str);
                let lede = paragraphs.iter().take(3).map(|p| p.text.as_str());
                h.acronym = super::spelled_acronym::spelled_out(m, texts.chain(lede))
                    .or_else(|| super::spelled_acronym::named_body(m));
            }
            return;
        };
        let series = f.series;
        h.meeting_id = Some(series.id.clone());
        h.meeting = Some(series.name.clone());
        h.acronym = Some(series.acronym.clone());
        if h.edition.is_none() {
            let year = h.year;
            h.edition = edition_near(&text, f.start, f.end).or_else(|| {
                paragraphs.iter().take(3).find_map(|p| {
                    self.occurrences(&p.text)
                        .into_iter()
                        .filter(|o| std::ptr::eq(&self.series[o.0], series))
                        .filter(|o| !recalls_other_year(&p.text, o.1, year))
                        .find_map(|o| edition_near(&p.text, o.1, o.2))
                })
            });
        }
    }

    /// The series a header's meeting and acronym name as written (set by
    /// the user, say): the acronym if it names exactly one series, else the
    /// meeting name.
    pub fn series_of(&self, h: &MeetingHeader) -> Option<&Series> {
        let by_acronym = h.acronym.as_deref().map(|a| self.resolve(a));
        if let Some([one]) = by_acronym.as_deref() {
            return Some(one);
        }
        h.meeting
            .as_deref()
            .and_then(|m| self.find(m))
            .map(|f| f.series)
    }

    /// A series named by a strong alias in a sentence that says a meeting
    /// took place, with that sentence.
    fn held_in<'a>(&'a self, text: &str) -> Option<(Found<'a>, String)> {
        text.split_inclusive(". ")
            .filter(|s| says_held(s))
            .find_map(|s| {
                let occ = self.occurrences(s);
                // The first series named is the subject (`the Friends of
                // the CTBT met ... on the margins of the General Assembly`);
                // a name inside a longer one is part of it.
                occ.iter()
                    .filter(|o| !o.3 && !beside_another(s, o.1))
                    .filter(|o| {
                        !occ.iter()
                            .any(|p| p.1 <= o.1 && o.2 <= p.2 && p.2 - p.1 > o.2 - o.1)
                    })
                    .min_by_key(|o| (o.1, std::cmp::Reverse(o.2 - o.1)))
                    .map(|&(i, start, end, _)| {
                        (
                            Found {
                                series: &self.series[i],
                                start,
                                end,
                            },
                            s.to_string(),
                        )
                    })
            })
    }

    /// The series a user's `--meeting` value names: an id, acronym, name or
    /// alias of a series (any case), or a family (`ARF` = the ARF and its
    /// inter-sessional meetings). Empty when nothing matches.
    pub fn resolve(&self, value: &str) -> Vec<&Series> {
        let k = key(value);
        if k.is_empty() {
            return Vec::new();
        }
        let with_keys = || self.series.iter().zip(&self.keys);
        let family: Vec<&Series> = with_keys()
            .filter(|(_, ks)| ks.family == k)
            .map(|(s, _)| s)
            .collect();
        if !family.is_empty() {
            return family;
        }
        with_keys()
            .filter(|(_, ks)| ks.names.contains(&k))
            .map(|(s, _)| s)
            .collect()
    }

    /// Up to three series ids closest to an unknown `--meeting` value, for a
    /// did-you-mean.
    pub fn suggest(&self, value: &str) -> Vec<&Series> {
        let k = key(value);
        let mut scored: Vec<(f64, &Series)> = self
            .series
            .iter()
            .map(|s| {
                let best = std::iter::once(&s.id)
                    .chain(std::iter::once(&s.acronym))
                    .chain(std::iter::once(&s.name))
                    .chain(s.aliases.iter())
                    .map(|a| strsim::jaro_winkler(&k, &key(a)))
                    .fold(0.0, f64::max);
                (best, s)
            })
            .filter(|(score, _)| *score >= 0.8)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().take(3).map(|(_, s)| s).collect()
    }
}

/// The name of a meeting no series knows, as a facet can show it: the
/// title's document type and lead-in removed (`Joint Statement on
/// U.S.-China Economic and Trade Meeting in Geneva` → `U.S.-China Economic
/// and Trade Meeting`), or nothing when what is left names people rather
/// than a meeting (`Joint Statement Following the Meeting Between
/// President A and President B`, `Joint Statement Between the United
/// States, Belize, ...`).
fn unknown_meeting_name(name: &str) -> Option<String> {
    let mut rest = name.trim();
    if let Some(m) = find_doc_type(rest).filter(|m| m.start == 0) {
        rest = rest[m.end..].trim_start();
        for lead in ["following ", "on ", "of ", "by ", "at ", "after ", "the "] {
            if rest.len() > lead.len() && rest[..lead.len()].eq_ignore_ascii_case(lead) {
                rest = rest[lead.len()..].trim_start();
            }
        }
    }
    for lead in ["Round of ", "Session of "] {
        rest = rest.strip_prefix(lead).unwrap_or(rest);
    }
    // `Joint Commission for Bilateral Cooperation between the Philippines
    // and Malaysia`: the parties after a name are not part of it.
    if let Some(i) = rest.find(" between ") {
        rest = &rest[..i];
    }
    let people = [
        "Between ",
        "between ",
        "President ",
        "Prime Minister ",
        "King ",
        "His Majesty",
    ];
    if rest.is_empty() || people.iter().any(|p| rest.contains(p)) {
        return None;
    }
    // `... Meeting in Geneva`: the place is the record's, not the name's
    // (but `Confidence-Building Measures in Asia` is a name).
    if let Some(i) = rest.rfind(" in ") {
        let tail = &rest[i + 4..];
        let words: Vec<&str> = tail.split_whitespace().collect();
        let kind = rest[..i].rsplit(' ').next().unwrap_or("");
        let meeting_word = matches!(
            kind,
            "Meeting" | "Summit" | "Talks" | "Dialogue" | "Consultations" | "Conference"
        );
        if meeting_word
            && words.len() <= 3
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
        {
            rest = &rest[..i];
        }
    }
    Some(rest.to_string())
}

/// Whether the meeting named at `at` is only the occasion of the one the
/// sentence is about (`met ... on the margins of the United Nations
/// General Assembly`, `on the sidelines of the G20 Summit`, `ahead of the
/// NPT Review Conference`): a side meeting is not that series.
fn beside_another(sentence: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(40);
    while !sentence.is_char_boundary(from) {
        from += 1;
    }
    let before = sentence[from..at].to_ascii_lowercase();
    let before = before.trim_end().trim_end_matches("the").trim_end();
    [
        "margins of",
        "margin of",
        "sidelines of",
        "sideline of",
        "ahead of",
        "eve of",
        "run-up to",
        "in advance of",
        "on the occasion of",
    ]
    .iter()
    .any(|p| before.ends_with(p))
}

/// Whether a sentence says a meeting took place.
fn says_held(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    [
        " was held",
        " were held",
        " is held",
        " will be held",
        " to be held",
        " was convened",
        " convened",
        " took place",
        " met ",
        " met,",
        " gathered",
        " was hosted",
        " will host",
        " hosted",
        " was co-chaired",
        " was chaired",
    ]
    .iter()
    .any(|v| l.contains(v))
}

/// The edition written next to a series name in `text` (`start..end` is
/// the name): an ordinal before it (`the 36TH ASEAN REGIONAL FORUM`,
/// `Fourteenth ASEAN Regional Forum …`), or a number or roman numeral
/// after an acronym (`ARF 18`, `ASTOP-IV`).
fn edition_near(text: &str, start: usize, end: usize) -> Option<u32> {
    let before = text.get(..start)?;
    let words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(6)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .collect();
    if let Some(v) = ordinal_before(&words) {
        return Some(v);
    }
    let after = text.get(end..)?;
    let next = after
        .strip_prefix('-')
        .or_else(|| after.strip_prefix(' '))?
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()?;
    if (1..=3).contains(&next.len()) && next.bytes().all(|b| b.is_ascii_digit()) {
        return next.parse().ok();
    }
    if after.starts_with('-') && next.chars().all(|c| c.is_ascii_uppercase()) {
        return roman_value(next);
    }
    None
}

/// The ordinal just before a series name, given the words before it
/// nearest first: `the 36TH ASEAN REGIONAL FORUM`, or the meeting named
/// in other words in between (`the first-ever leader-level summit of the
/// Quad`). Not a speaker's count (`his third Major Economies Forum`).
fn ordinal_before(words: &[&str]) -> Option<u32> {
    let possessive = |i: usize| {
        words.get(i + 1).is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "his" | "her" | "their" | "my" | "our"
            )
        })
    };
    if let Some(v) = words.first().and_then(|w| ordinal_value(w)) {
        return (!possessive(0)).then_some(v);
    }
    // `... summit of the <name>`: the ordinal opens the phrase.
    let of = words.iter().position(|w| w.eq_ignore_ascii_case("of"))?;
    if of > 1 {
        return None;
    }
    let phrase = &words[of + 1..];
    let kind = phrase.iter().position(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "summit" | "meeting" | "session" | "conference" | "dialogue" | "round"
        )
    })?;
    let i = phrase[kind + 1..]
        .iter()
        .position(|w| ordinal_value(w).is_some())
        .map(|i| kind + 1 + i)?;
    if possessive(of + 1 + i) {
        return None;
    }
    ordinal_value(phrase[i])
}

/// Whether the sentence around `at` names a year other than the
/// document's (`the first APEC Economic Leaders' Meeting ... in 1993`):
/// a past meeting recalled, whose ordinal is not this one's edition.
fn recalls_other_year(text: &str, at: usize, year: Option<u16>) -> bool {
    let Some(year) = year else { return false };
    let start = text[..at].rfind(". ").map_or(0, |i| i + 2);
    let end = text[at..].find(". ").map_or(text.len(), |i| at + i);
    crate::text::line::names_other_year(&text[start..end], year)
}

/// Whether `acronym` reads as an abbreviation of `meeting`: a short
/// capitalised token whose capitals follow the initials of the name's
/// words in order (`ASTOP` for Asian Senior-level Talks on
/// Non-Proliferation), or any short capitalised token when no name is
/// known.
fn abbreviates(acronym: &str, meeting: Option<&str>) -> bool {
    let caps: Vec<char> = acronym.chars().filter(|c| c.is_ascii_uppercase()).collect();
    let words_ok = acronym.split_whitespace().all(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        upper * 2 >= letters || ["on", "of", "and", "for"].contains(&w)
    });
    let shaped = caps.len() >= 2
        && words_ok
        && acronym.len() <= 15
        && acronym.split_whitespace().count() <= 3;
    if !shaped {
        return false;
    }
    let Some(name) = meeting else { return true };
    // `SAARC Summit`: the acronym opens the name (`Seminar on the NPT`
    // is about the treaty, not its series).
    if name.split_whitespace().next() == Some(acronym) {
        return true;
    }
    let initials: Vec<char> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let mut it = initials.iter();
    caps.iter().all(|c| it.any(|i| i == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acronym_abbreviates_its_initials_or_opens_the_name() {
        assert!(abbreviates("ARF", Some("ASEAN Regional Forum")));
        assert!(abbreviates("SAARC", Some("SAARC Summit")));
        assert!(!abbreviates("JCC", Some("Strategic Dialogue")));
        assert!(!abbreviates("NPT", Some("Seminar on the NPT")));
    }

    fn id(text: &str) -> Option<&'static str> {
        Meetings::builtin().find(text).map(|f| f.series.id.as_str())
    }

    #[test]
    fn embedded_file_is_clean() {
        let lines = MEETINGS.lines().skip(1).filter(|l| !l.trim().is_empty());
        let m = Meetings::builtin();
        assert_eq!(lines.count(), m.all().len());
        let mut ids: Vec<&str> = m.all().iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids");
        for s in m.all() {
            assert!(!s.aliases.is_empty(), "{} has no alias", s.id);
            assert!(
                m.all().iter().any(|o| o.family == s.family),
                "{}: family",
                s.id
            );
        }
    }

    #[test]
    fn another_bodys_assembly_is_not_the_uns() {
        assert_eq!(id("OAS General Assembly"), None);
        assert_eq!(id("hosted by the General Assembly of Uruguay"), None);
        assert_eq!(id("UN General Assembly"), Some("UNGA"));
        assert_eq!(id("the General Assembly"), Some("UNGA"));
    }

    #[test]
    fn names_in_any_case_and_spelling() {
        assert_eq!(id("OF THE 36TH ASEAN REGIONAL FORUM"), Some("ARF"));
        // The AU's council is not the UN's; a name joined to another by a
        // hyphen is another meeting.
        assert_eq!(id("PEACE AND SECURITY COUNCIL"), Some("AU-PSC"));
        assert_eq!(id("Fourth U.S.-Pacific Islands Forum Dialogue"), None);
        assert_eq!(id("Pacific Islands Forum Leaders Meeting"), Some("PIF"));
        assert_eq!(
            id("Fourteenth ASEAN Regional Forum Inter-Sessional Meeting\non Non-Proliferation and Disarmament"),
            Some("ARF-ISM-NPD")
        );
        assert_eq!(id("the 8th ARF ISM on NPD"), Some("ARF-ISM-NPD"));
        assert_eq!(
            id("Asia Senior-Level Talks on Non-Proliferation"),
            Some("ASTOP")
        );
        assert_eq!(id("CARBIS BAY G7 SUMMIT COMMUNIQUÉ"), Some("G7-SUMMIT"));
        assert_eq!(
            id("Statement by the G7 Non-Proliferation Directors Group"),
            Some("G7-NPDG")
        );
        assert_eq!(id("Quad Leaders’ Joint Statement"), Some("QUAD"));
        assert_eq!(
            id("Joint Statement of the Quad Senior Cyber Group"),
            Some("QUAD-SCG")
        );
    }

    #[test]
    fn acronyms_keep_their_case() {
        assert_eq!(id("the arf"), None);
        assert_eq!(id("ARF"), Some("ARF"));
        assert_eq!(id("aukus"), None);
        // Not a meeting at all.
        assert_eq!(
            id("Japan-ASEAN Seminar on the NPT and Nuclear Security"),
            None
        );
    }

    #[test]
    fn only_the_japan_china_korea_trilateral_is_that_series() {
        assert_eq!(
            id("The Ninth Trilateral Summit among Japan, the People's Republic of China and the Republic of Korea"),
            Some("TRILATERAL-SUMMIT")
        );
        assert_eq!(
            id("Fourth Japan-Philippines-United States Trilateral Summit"),
            Some("JPN-PHL-USA")
        );
        assert_eq!(id("the Trilateral Summit of Ruritania and Freedonia"), None);
    }

    #[test]
    fn a_country_s_security_council_is_not_the_un_s() {
        for title in [
            "Joint Statement on the Meeting of the National Security Advisor with Russian Security Council Secretary Ivan Petrov",
            "Meeting of the National Security Council",
            "Session of the Security Council of the Russian Federation",
        ] {
            assert_eq!(id(title), None, "{title}");
        }
        for title in [
            "Security Council Adopts Resolution 2998 (2029)",
            "Statement by the President of the Security Council",
            "Security Council of the United Nations",
        ] {
            assert_eq!(id(title), Some("UNSC"), "{title}");
        }
    }

    fn canon(
        title: &str,
        meeting: Option<&str>,
        acronym: Option<&str>,
        body: &[&str],
    ) -> MeetingHeader {
        let mut h = MeetingHeader {
            title: Some(title.to_string()),
            meeting: meeting.map(str::to_string),
            acronym: acronym.map(str::to_string),
            ..MeetingHeader::default()
        };
        let paragraphs: Vec<Paragraph> = body
            .iter()
            .map(|t| Paragraph {
                label: "p1".into(),
                ordinal: 0,
                parent: None,
                context: None,
                heading: None,
                text: t.to_string(),
            })
            .collect();
        Meetings::builtin().canonicalize(&mut h, &paragraphs);
        h
    }

    #[test]
    fn canonical_series_with_editions_from_title_or_body() {
        let h = canon(
            "CHAIRMAN'S STATEMENT OF THE 36TH ASEAN REGIONAL FORUM",
            Some("Of the 36TH ASEAN Regional Forum"),
            None,
            &[],
        );
        assert_eq!(h.meeting_id.as_deref(), Some("ARF"));
        assert_eq!(h.meeting.as_deref(), Some("ASEAN Regional Forum"));
        assert_eq!((h.acronym.as_deref(), h.edition), (Some("ARF"), Some(36)));
        let h = canon(
            "Chairman's Statement of the East Asia Summit",
            None,
            None,
            &["The 20th East Asia Summit (EAS) was held in Kuala Lumpur on 27 October 2025."],
        );
        assert_eq!(
            (h.meeting_id.as_deref(), h.edition),
            (Some("EAS"), Some(20))
        );
        let h = canon("Results", None, None, &["The Ninth Trilateral Summit among Japan, the People's Republic of China and the Republic of Korea was held in Seoul."]);
        assert_eq!(
            (h.meeting_id.as_deref(), h.edition),
            (Some("TRILATERAL-SUMMIT"), Some(9))
        );
        let h = canon("The Results of ASTOP-IV", None, Some("ASTOP"), &[]);
        assert_eq!(
            (h.meeting_id.as_deref(), h.edition),
            (Some("ASTOP"), Some(4))
        );
    }

    #[test]
    fn a_meeting_on_the_margins_of_another_is_not_that_series() {
        let h = canon(
            "Readout of the Foreign Minister's Meeting with the Prime Minister of Ruritania",
            None,
            None,
            &["The Minister met the Prime Minister today on the margins of the United Nations General Assembly in New York."],
        );
        assert_eq!(h.meeting_id, None);
        let h = canon(
            "Results",
            None,
            None,
            &["The Friends of the CTBT met on the sidelines of the General Assembly."],
        );
        assert_eq!(h.meeting_id.as_deref(), Some("CTBT-FRIENDS"));
    }

    #[test]
    fn unknown_meetings_keep_their_name_but_not_a_stray_acronym() {
        let h = canon(
            "Japan-ASEAN Seminar on the NPT and Nuclear Security was Held",
            Some("Japan-ASEAN Seminar on the NPT and Nuclear Security"),
            Some("NPT"),
            &["Experts discussed the implementation of the NPT."],
        );
        assert_eq!(h.meeting_id, None);
        assert_eq!(h.acronym, None);
        assert_eq!(
            h.meeting.as_deref(),
            Some("Japan-ASEAN Seminar on the NPT and Nuclear Security")
        );
        let h = canon("x", Some("Muskoka Summit"), Some("Muskoka Summit"), &[]);
        assert_eq!(h.acronym, None);
        let h = canon(
            "x",
            Some("Conference on Interaction and Confidence-Building Measures in Asia"),
            Some("CICA"),
            &[],
        );
        assert_eq!(h.acronym.as_deref(), Some("CICA"));
    }

    #[test]
    fn user_values_resolve_to_series_or_families() {
        let m = Meetings::builtin();
        let ids = |v: &str| -> Vec<&str> { m.resolve(v).iter().map(|s| s.id.as_str()).collect() };
        let arf = ids("ARF");
        assert!(
            arf.contains(&"ARF") && arf.contains(&"ARF-ISM-NPD"),
            "{arf:?}"
        );
        assert_eq!(ids("ISM on NPD"), ["ARF-ISM-NPD"]);
        assert_eq!(ids("asean regional forum"), ["ARF"]);
        assert_eq!(ids("UNSC"), ["UNSC"]);
        assert!(ids("Frobnication Summit").is_empty());
        let s: Vec<&str> = m.suggest("ASTP").iter().map(|s| s.id.as_str()).collect();
        assert_eq!(s.first(), Some(&"ASTOP"));
    }
}
