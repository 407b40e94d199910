//! Resolved search filters: values already checked and turned into index
//! terms, so building the query cannot fail. Each inner list is OR-ed (a
//! comma inside one flag value), the outer lists are AND-ed (a repeated flag).

use crate::enrich::meetings::Meetings;
use crate::enrich::Gazetteer;
use crate::error::{Error, FilterKind, Result, UsageError};
use crate::model::{days_in_month, CountryCode, DocType, EntityKind};

/// One meeting a filter accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeetingFilter {
    /// A series of the meeting gazetteer, by id.
    Series(String),
    /// Words of a meeting name the gazetteer does not know, as typed.
    Words(String),
}

/// Filters of a search or facet request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Entity term groups: every group must match one of its terms.
    pub entities: Vec<Vec<(EntityKind, String)>>,
    /// Meetings: series ids, or names matched as phrases in the acronym,
    /// name and title of meetings the gazetteer does not know.
    pub meetings: Vec<Vec<MeetingFilter>>,
    /// Document type wire names.
    pub doc_types: Vec<Vec<String>>,
    /// Issuer codes.
    pub issuers: Vec<Vec<String>>,
    /// Inclusive lower bound, `YYYYMMDD`.
    pub since: Option<u64>,
    /// Inclusive upper bound, `YYYYMMDD`.
    pub until: Option<u64>,
    /// Only paragraphs that entered the index after the first generation
    /// and up to the second (`after < seq <= upto`): what a saved search
    /// has not reported yet.
    pub entered: Option<(u64, u64)>,
}

pub use crate::model::FilterValues;

impl Filters {
    /// Resolves typed values into index terms. Each value may list
    /// alternatives with commas; repeated values must all match. Unknown
    /// values are usage errors naming the value.
    pub fn resolve(values: &FilterValues) -> Result<Filters> {
        let mut f = Filters::default();
        // Built only when a filter needs it: plain searches skip the cost.
        let gaz = || Gazetteer::builtin();
        for (list, kind) in [
            (&values.countries, EntityKind::Country),
            (&values.instruments, EntityKind::Instrument),
            (&values.topics, EntityKind::Topic),
            (&values.groups, EntityKind::Group),
        ] {
            for v in list {
                f.add_entity(gaz(), kind, v)?;
            }
        }
        for v in &values.meetings {
            f.add_meeting(v)?;
        }
        for v in &values.types {
            f.add_doc_type(v)?;
        }
        for v in &values.issuers {
            f.add_issuer(gaz(), v)?;
        }
        if let Some(s) = &values.since {
            f.set_since(s)?;
        }
        if let Some(u) = &values.until {
            f.set_until(u)?;
        }
        Ok(f)
    }

    /// Whether any filter is set.
    pub fn is_empty(&self) -> bool {
        self == &Filters::default()
    }

    /// Adds an entity filter from one flag value (`JPN,KOR`), resolving each
    /// comma-separated part with the gazetteer. Unknown values are usage
    /// errors with suggestions.
    pub fn add_entity(&mut self, gaz: &Gazetteer, kind: EntityKind, value: &str) -> Result<()> {
        let mut group = Vec::new();
        for part in whole_or_split(gaz, kind, value) {
            for term in gaz.resolve(kind, part)? {
                if !group.contains(&term) {
                    group.push(term);
                }
            }
        }
        if group.is_empty() {
            return Err(UsageError::EmptyFilter(FilterKind::Entity(kind)).into());
        }
        self.entities.push(group);
        Ok(())
    }

    /// Adds a meeting filter: a series (id, acronym, name or alias of
    /// `data/meetings.tsv`, any case; a family such as `ARF` means all its
    /// series), or the words of another meeting's name. Whether such words
    /// name any meeting in the index is checked when the query is built.
    pub fn add_meeting(&mut self, value: &str) -> Result<()> {
        let meetings = Meetings::builtin();
        let group: Vec<MeetingFilter> = split_values(value)
            .flat_map(|part| {
                let series = meetings.resolve(part);
                if series.is_empty() {
                    vec![MeetingFilter::Words(part.to_string())]
                } else {
                    series
                        .iter()
                        .map(|s| MeetingFilter::Series(s.id.clone()))
                        .collect()
                }
            })
            .collect();
        if group.is_empty() {
            return Err(UsageError::EmptyFilter(FilterKind::Meeting).into());
        }
        self.meetings.push(group);
        Ok(())
    }

    /// Adds a document type filter.
    pub fn add_doc_type(&mut self, value: &str) -> Result<()> {
        let mut group = Vec::new();
        for part in split_values(value) {
            let t: DocType = part.parse().map_err(UsageError::DocType)?;
            group.push(t.as_str().to_string());
        }
        if group.is_empty() {
            return Err(UsageError::EmptyFilter(FilterKind::DocType).into());
        }
        self.doc_types.push(group);
        Ok(())
    }

    /// Adds an issuer filter (country names, aliases and codes, as for `--country`).
    pub fn add_issuer(&mut self, gaz: &Gazetteer, value: &str) -> Result<()> {
        let mut group = Vec::new();
        for part in whole_or_split(gaz, EntityKind::Country, value) {
            for (kind, id) in gaz.resolve(EntityKind::Country, part)? {
                if kind == EntityKind::Country && !group.contains(&id) {
                    group.push(id);
                }
            }
        }
        if group.is_empty() {
            return Err(UsageError::NoIssuer(value.to_string()).into());
        }
        self.issuers.push(group);
        Ok(())
    }

    /// Sets the first day (inclusive; a year or month means its first day).
    pub fn set_since(&mut self, value: &str) -> Result<()> {
        let b: DateBound = value.parse()?;
        self.since = Some(b.first_day());
        self.check_range()
    }

    /// Sets the last day (inclusive; a year or month means its last day).
    pub fn set_until(&mut self, value: &str) -> Result<()> {
        let b: DateBound = value.parse()?;
        self.until = Some(b.last_day());
        self.check_range()
    }

    fn check_range(&self) -> Result<()> {
        match (self.since, self.until) {
            (Some(s), Some(u)) if s > u => Err(UsageError::DateRange {
                since: fmt_key(s),
                until: fmt_key(u),
            }
            .into()),
            _ => Ok(()),
        }
    }
}

fn fmt_key(k: u64) -> String {
    format!("{:04}-{:02}-{:02}", k / 10_000, (k / 100) % 100, k % 100)
}

/// A value the gazetteer knows whole although it holds a comma (`Korea,
/// Republic of`, as the ISO and UN lists write names) as one part; any
/// other split on its commas.
fn whole_or_split<'a>(gaz: &Gazetteer, kind: EntityKind, value: &'a str) -> Vec<&'a str> {
    if value.contains(',') && gaz.resolve(kind, value.trim()).is_ok() {
        return vec![value.trim()];
    }
    split_values(value).collect()
}

/// Splits a flag value on commas, trimming and dropping empty parts.
fn split_values(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// A date bound as typed: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// ```
/// use dipsearch::search::DateBound;
/// let b: DateBound = "2004-02".parse().unwrap();
/// assert_eq!((b.first_day(), b.last_day()), (20040201, 20040229));
/// assert!("2004-13".parse::<DateBound>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateBound {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl DateBound {
    /// The first day covered, as `YYYYMMDD`.
    pub fn first_day(&self) -> u64 {
        key(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day covered, as `YYYYMMDD`.
    pub fn last_day(&self) -> u64 {
        let month = self.month.unwrap_or(12);
        key(
            self.year,
            month,
            self.day.unwrap_or(days_in_month(self.year, month)),
        )
    }
}

fn key(y: u16, m: u8, d: u8) -> u64 {
    y as u64 * 10_000 + m as u64 * 100 + d as u64
}

impl std::str::FromStr for DateBound {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let bad = || Error::from(UsageError::BadDate(s.to_string()));
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u16> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse().map_err(|_| bad())
        };
        let year = num(parts.first().copied().unwrap_or(""), 4)?;
        if year == 0 {
            return Err(bad());
        }
        let month = match parts.get(1) {
            Some(p) => {
                let m = num(p, 2)? as u8;
                if !(1..=12).contains(&m) {
                    return Err(bad());
                }
                Some(m)
            }
            None => None,
        };
        let day = match parts.get(2) {
            Some(p) => {
                let d = num(p, 2)? as u8;
                if crate::model::Date::new(year, month.unwrap_or(1), d).is_none() {
                    return Err(UsageError::NoSuchDate(s.to_string()).into());
                }
                Some(d)
            }
            None => None,
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        Ok(DateBound { year, month, day })
    }
}

/// Parses an issuer code as typed, for callers that need a `CountryCode`.
pub fn parse_code(value: &str) -> Result<CountryCode> {
    Ok(value.parse().map_err(UsageError::CountryCode)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds_cover_whole_periods() {
        let y: DateBound = "2004".parse().unwrap();
        assert_eq!((y.first_day(), y.last_day()), (20040101, 20041231));
        let d: DateBound = "2003-11-13".parse().unwrap();
        assert_eq!((d.first_day(), d.last_day()), (20031113, 20031113));
        for bad in [
            "04",
            "2004-1",
            "2004-02-30",
            "yesterday",
            "2004-01-01-01",
            "0000",
        ] {
            let e = bad.parse::<DateBound>().unwrap_err();
            assert!(e.is_usage() && e.to_string().contains(bad), "{bad}");
        }
    }

    #[test]
    fn since_after_until_is_a_usage_error() {
        let mut f = Filters::default();
        f.set_since("2010").unwrap();
        assert!(f.set_until("2005").unwrap_err().is_usage());
    }
}
