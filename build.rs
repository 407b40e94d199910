//! Writes the gazetteers' tables (`tables.rs`: the rows of `data/*.tsv`,
//! made once here instead of at every start), and
//! links the `dipsearch` binary as a position-dependent executable on
//! Linux. A position-independent one makes the loader apply about 56,000
//! relocations and copy 1.3 MB of relocated tables into private pages at
//! every start: 1.4 ms of the 5 ms a `dipsearch --version` took, paid by
//! every search (issue 18: a selective search's whole process must not be
//! slower than the `sqlite3` CLI's). The heap, stack and the index's
//! mappings stay at random addresses; only the binary's own code and tables
//! are at fixed ones. On x86-64 Linux `.cargo/config.toml` goes further (a
//! static binary at a fixed address, which rustc links without a PIE
//! itself); this flag keeps other GNU/Linux targets, named with
//! `CARGO_BUILD_TARGET`, position-dependent.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    tables();
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// One field of a generated row: its name, the file's column, and whether
/// it is a `|` list.
struct Field(&'static str, usize, bool);

/// One gazetteer file as a static table of a row type of
/// `src/enrich/data.rs`: file, row type, table name, fewest columns, fields.
struct Table(
    &'static str,
    &'static str,
    &'static str,
    usize,
    &'static [Field],
);

const TABLES: &[Table] = &[
    Table(
        "country-aliases.tsv",
        "CountryRow",
        "COUNTRY_ROWS",
        5,
        &[
            Field("iso3", 0, false),
            Field("iso2", 1, false),
            Field("short_name", 2, false),
            Field("kind", 3, false),
            Field("aliases", 4, true),
        ],
    ),
    Table(
        "instruments.tsv",
        "InstrumentRow",
        "INSTRUMENT_ROWS",
        6,
        &[
            Field("id", 0, false),
            Field("kind", 1, false),
            Field("name", 2, false),
            Field("aliases", 3, true),
            Field("topics", 5, true),
        ],
    ),
    Table(
        "topics.tsv",
        "TopicRow",
        "TOPIC_ROWS",
        3,
        &[
            Field("id", 0, false),
            Field("label", 1, false),
            Field("triggers", 2, true),
        ],
    ),
    Table(
        "groups.tsv",
        "GroupRow",
        "GROUP_ROWS",
        5,
        &[
            Field("id", 0, false),
            Field("name", 1, false),
            Field("members", 2, true),
            Field("aliases", 4, true),
        ],
    ),
    // The rule's arguments (column 5) may be left out.
    Table(
        "rules.tsv",
        "RuleRow",
        "RULE_ROWS",
        4,
        &[
            Field("kind", 0, false),
            Field("id", 1, false),
            Field("alias", 2, false),
            Field("rule", 3, false),
            Field("value", 4, true),
        ],
    ),
];

/// Writes `tables.rs` to `OUT_DIR`: the rows of the gazetteer files as
/// static tables (see [`TABLES`]), so that a process that needs them
/// (every search of unquoted words, every filter by entity) reads them in
/// place instead of splitting the files and allocating their rows at every
/// start (about 12 % of a typed search's process, most of it page faults on
/// the fresh rows; benches/PROFILE.md, fifteenth round). A malformed line
/// fails the build, naming the line.
///
/// Also `COUNTRY_NAMES`: every country code with its short name (from its
/// first row), sorted by code. A printed hit names its issuer; building
/// that table at run time was about 8 % of the instructions of a whole
/// `search --format json` process (issue 18).
fn tables() {
    let mut out = String::new();
    let mut names: Vec<(String, String)> = Vec::new();
    for Table(file, ty, table, min, fields) in TABLES {
        let path = format!("data/{file}");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        out.push_str(&format!("pub(crate) static {table}: &[{ty}] = &[\n"));
        for (i, line) in text.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < *min || cols[0].trim().is_empty() {
                panic!(
                    "{path}:{}: a row needs {min} tab-separated fields and an id",
                    i + 1
                );
            }
            let values: Vec<String> = fields
                .iter()
                .map(|Field(name, col, list)| {
                    let col = cols.get(*col).copied().unwrap_or("");
                    if *list {
                        let items: Vec<String> = col
                            .split('|')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(|s| format!("{s:?}"))
                            .collect();
                        format!("{name}: &[{}]", items.join(", "))
                    } else {
                        format!("{name}: {:?}", col.trim())
                    }
                })
                .collect();
            out.push_str(&format!("    {ty} {{ {} }},\n", values.join(", ")));
            let (code, name) = (cols[0].trim(), cols[2].trim());
            if *table == "COUNTRY_ROWS" && !name.is_empty() && !names.iter().any(|(c, _)| c == code)
            {
                names.push((code.to_string(), name.to_string()));
            }
        }
        out.push_str("];\n");
    }
    names.sort_unstable();
    out.push_str("pub(crate) const COUNTRY_NAMES: &[(&str, &str)] = &[\n");
    for (code, name) in names {
        out.push_str(&format!("    ({code:?}, {name:?}),\n"));
    }
    out.push_str("];\n");
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(std::path::Path::new(&dir).join("tables.rs"), out).expect("OUT_DIR is writable");
}
