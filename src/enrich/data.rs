//! The embedded gazetteer files (`data/*.tsv`), parsed into plain rows.
//!
//! The files are compiled into the binary with `include_str!`, so a release
//! never depends on files next to it. Parsing is lenient (a malformed line is
//! skipped and reported in [`Parsed::bad_lines`], never a panic); a unit test
//! asserts the embedded files have no bad lines, so a typo in `data/` fails
//! `cargo test` rather than silently dropping a country. Rows borrow
//! their fields from the embedded text: copying each one into a `String`
//! was a third of building the query dictionary (`names`), which every
//! search of an unquoted word pays (1 ms of a 7 ms process).

/// `country-aliases.tsv`: one row per (entity, alias kind).
pub(crate) const COUNTRIES: &str = include_str!("../../data/country-aliases.tsv");
/// `instruments.tsv`: treaties, resolutions, regimes, initiatives.
pub(crate) const INSTRUMENTS: &str = include_str!("../../data/instruments.tsv");
/// `topics.tsv`: topic taxonomy with trigger phrases.
pub(crate) const TOPICS: &str = include_str!("../../data/topics.tsv");
/// `groups.tsv`: groups of states with members and aliases.
pub(crate) const GROUPS: &str = include_str!("../../data/groups.tsv");
/// `rules.tsv`: disambiguation rules (blockers, context gates, weak triggers).
pub(crate) const RULES: &str = include_str!("../../data/rules.tsv");

/// One row of `country-aliases.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct CountryRow {
    pub iso3: &'static str,
    pub iso2: &'static str,
    pub short_name: &'static str,
    /// `name`, `acronym`, `demonym` or `historical`.
    pub kind: &'static str,
    pub aliases: Vec<&'static str>,
}

/// One row of `instruments.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct InstrumentRow {
    pub id: &'static str,
    pub kind: &'static str,
    pub name: &'static str,
    pub aliases: Vec<&'static str>,
    pub topics: Vec<&'static str>,
}

/// One row of `topics.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct TopicRow {
    pub id: &'static str,
    pub label: &'static str,
    pub triggers: Vec<&'static str>,
}

/// One row of `groups.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct GroupRow {
    pub id: &'static str,
    pub name: &'static str,
    pub members: Vec<&'static str>,
    pub aliases: Vec<&'static str>,
}

/// One row of `rules.tsv`: `kind id alias rule value`.
#[derive(Debug, Clone)]
pub(crate) struct RuleRow {
    /// `country`, `instrument`, `group`, `topic` or `block`.
    pub kind: &'static str,
    pub id: &'static str,
    /// The alias or trigger as written in its own file, or `*` for all.
    pub alias: &'static str,
    pub rule: &'static str,
    /// `|`-separated arguments (may be empty).
    pub value: Vec<&'static str>,
}

/// All embedded rows, plus the lines that could not be parsed.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub countries: Vec<CountryRow>,
    pub instruments: Vec<InstrumentRow>,
    pub topics: Vec<TopicRow>,
    pub groups: Vec<GroupRow>,
    pub rules: Vec<RuleRow>,
    /// `file:line` of every skipped line (empty for good data).
    pub bad_lines: Vec<String>,
}

/// A list of borrowed names as owned strings, for structures that keep
/// them beside names made at run time.
pub(crate) fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Splits a `|` list, dropping empty items.
fn list(field: &'static str) -> Vec<&'static str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The data lines of a TSV file (header skipped) split into fields, with the
/// 1-based line number; lines with fewer than `min` fields go to `bad`.
fn rows<'a>(
    file: &'static str,
    text: &'a str,
    min: usize,
    bad: &mut Vec<String>,
) -> Vec<Vec<&'a str>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < min || fields[0].trim().is_empty() {
            bad.push(format!("{file}:{}", i + 1));
            continue;
        }
        out.push(fields);
    }
    out
}

/// Every country code of `country-aliases.tsv` with its short name (from
/// its first row), sorted by code: made from the embedded file when the
/// crate is built (`build.rs`), so naming a country on a printed hit
/// needs no parsing, catalogue or automaton at run time.
pub(crate) const COUNTRY_NAMES: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/country_names.rs"));

/// The short name of a country code, from [`COUNTRY_NAMES`].
pub(crate) fn country_short_name(code: &str) -> Option<&'static str> {
    COUNTRY_NAMES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|i| COUNTRY_NAMES[i].1)
}

/// Parses every embedded file.
pub(crate) fn parse() -> Parsed {
    let mut p = Parsed::default();
    let bad = &mut p.bad_lines;
    p.countries = rows("country-aliases.tsv", COUNTRIES, 5, bad)
        .into_iter()
        .map(|f| CountryRow {
            iso3: f[0].trim(),
            iso2: f[1].trim(),
            short_name: f[2].trim(),
            kind: f[3].trim(),
            aliases: list(f[4]),
        })
        .collect();
    p.instruments = rows("instruments.tsv", INSTRUMENTS, 6, bad)
        .into_iter()
        .map(|f| InstrumentRow {
            id: f[0].trim(),
            kind: f[1].trim(),
            name: f[2].trim(),
            aliases: list(f[3]),
            topics: list(f[5]),
        })
        .collect();
    p.topics = rows("topics.tsv", TOPICS, 3, bad)
        .into_iter()
        .map(|f| TopicRow {
            id: f[0].trim(),
            label: f[1].trim(),
            triggers: list(f[2]),
        })
        .collect();
    p.groups = rows("groups.tsv", GROUPS, 5, bad)
        .into_iter()
        .map(|f| GroupRow {
            id: f[0].trim(),
            name: f[1].trim(),
            members: list(f[2]),
            aliases: list(f[4]),
        })
        .collect();
    p.rules = rows("rules.tsv", RULES, 4, bad)
        .into_iter()
        .map(|f| RuleRow {
            kind: f[0].trim(),
            id: f[1].trim(),
            alias: f[2].trim(),
            rule: f[3].trim(),
            value: f.get(4).map(|v| list(v)).unwrap_or_default(),
        })
        .collect();
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse_without_bad_lines() {
        let p = parse();
        assert_eq!(p.bad_lines, Vec::<String>::new());
        assert_eq!(p.instruments.len(), 90);
        assert_eq!(p.topics.len(), 24);
        assert_eq!(p.groups.len(), 16);
        let mut codes: Vec<&str> = p.countries.iter().map(|c| c.iso3).collect();
        codes.dedup();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 217);
    }

    #[test]
    fn every_country_code_has_a_short_name() {
        let p = parse();
        let mut codes: Vec<&str> = p.countries.iter().map(|c| c.iso3).collect();
        codes.sort_unstable();
        codes.dedup();
        let table: Vec<&str> = COUNTRY_NAMES.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            table, codes,
            "the built table holds every code once, sorted"
        );
        // The first row's short name, as the parsed rows give it.
        for row in &p.countries {
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
        let p = parse();
        let asean = p
            .groups
            .iter()
            .find(|g| g.id == "ASEAN")
            .map(|g| g.members.clone());
        let members = asean.unwrap_or_default();
        assert_eq!(members.len(), 11);
        assert!(members.contains(&"TLS"));
    }
}
