//! The embedded gazetteer files (`data/*.tsv`) as plain rows.
//!
//! The rows are made from the files when the crate is built (`build.rs`
//! writes them as static tables), so a release never depends on files next
//! to it, a malformed line fails the build rather than silently dropping a
//! country, and a process reads the rows in place: splitting the files and
//! allocating the rows at every start was about 12 % of a search of
//! unquoted words (benches/PROFILE.md, fifteenth round).

/// One row of `country-aliases.tsv`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CountryRow {
    pub iso3: &'static str,
    pub iso2: &'static str,
    pub short_name: &'static str,
    /// `name`, `acronym`, `demonym` or `historical`.
    pub kind: &'static str,
    pub aliases: &'static [&'static str],
}

/// One row of `instruments.tsv`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InstrumentRow {
    pub id: &'static str,
    pub kind: &'static str,
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub topics: &'static [&'static str],
}

/// One row of `topics.tsv`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TopicRow {
    pub id: &'static str,
    pub label: &'static str,
    pub triggers: &'static [&'static str],
}

/// One row of `groups.tsv`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GroupRow {
    pub id: &'static str,
    pub name: &'static str,
    pub members: &'static [&'static str],
    pub aliases: &'static [&'static str],
}

/// One row of `rules.tsv`: `kind id alias rule value`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RuleRow {
    /// `country`, `instrument`, `group`, `topic` or `block`.
    pub kind: &'static str,
    pub id: &'static str,
    /// The alias or trigger as written in its own file, or `*` for all.
    pub alias: &'static str,
    pub rule: &'static str,
    /// `|`-separated arguments (may be empty).
    pub value: &'static [&'static str],
}

/// All embedded rows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rows {
    pub countries: &'static [CountryRow],
    pub instruments: &'static [InstrumentRow],
    pub topics: &'static [TopicRow],
    pub groups: &'static [GroupRow],
    pub rules: &'static [RuleRow],
}

/// A list of borrowed names as owned strings, for structures that keep
/// them beside names made at run time.
pub(crate) fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The short name of a country code, from [`COUNTRY_NAMES`].
pub(crate) fn country_short_name(code: &str) -> Option<&'static str> {
    COUNTRY_NAMES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|i| COUNTRY_NAMES[i].1)
}

// The static tables of the rows (`COUNTRY_ROWS`, …) and `COUNTRY_NAMES`
// (every country code with its short name, from its first row, sorted by
// code), made by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/tables.rs"));

/// Every embedded row.
pub(crate) fn rows() -> Rows {
    Rows {
        countries: COUNTRY_ROWS,
        instruments: INSTRUMENT_ROWS,
        topics: TOPIC_ROWS,
        groups: GROUP_ROWS,
        rules: RULE_ROWS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_give_every_row() {
        let p = rows();
        assert_eq!(p.instruments.len(), 91);
        assert_eq!(p.topics.len(), 24);
        assert_eq!(p.groups.len(), 22);
        let mut codes: Vec<&str> = p.countries.iter().map(|c| c.iso3).collect();
        codes.dedup();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 217);
    }

    #[test]
    fn every_country_code_has_a_short_name() {
        let p = rows();
        let mut codes: Vec<&str> = p.countries.iter().map(|c| c.iso3).collect();
        codes.sort_unstable();
        codes.dedup();
        let table: Vec<&str> = COUNTRY_NAMES.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            table, codes,
            "the built table holds every code once, sorted"
        );
        // The first row's short name, as the parsed rows give it.
        for row in p.countries {
            let first = p
                .countries
                .iter()
                .find(|r| r.iso3 == row.iso3)
                .map(|r| r.short_name);
            assert_eq!(country_short_name(row.iso3), first);
        }
        assert_eq!(country_short_name("NZL"), Some("New Zealand"));
        assert_eq!(country_short_name("EUU"), Some("European Union"));
        assert_eq!(country_short_name("ZZZ"), None);
    }

    #[test]
    fn asean_has_eleven_members_including_timor_leste() {
        let p = rows();
        let asean = p.groups.iter().find(|g| g.id == "ASEAN").map(|g| g.members);
        let members = asean.unwrap_or_default();
        assert_eq!(members.len(), 11);
        assert!(members.contains(&"TLS"));
    }
}
