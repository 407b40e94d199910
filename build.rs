//! Writes the gazetteers' tables (`country_names.rs`, `tables.rs`: the
//! rows of `data/*.tsv`, made once here instead of at every start), and
//! links the `dipsearch` binary as a position-dependent executable on
//! Linux. A position-independent one makes the loader apply about 56,000
//! relocations and copy 1.3 MB of relocated tables into private pages at
//! every start: 1.4 ms of the 5 ms a `dipsearch --version` took, paid by
//! every search (issue 18: a selective search's whole process must not be
//! slower than the `sqlite3` CLI's). The shared libraries, heap, stack and
//! the index's mappings stay at random addresses; only the binary's own
//! code and tables are at fixed ones.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    country_names();
    tables();
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// Writes `country_names.rs` to `OUT_DIR`: every country code of
/// `data/country-aliases.tsv` with its short name (from its first row),
/// sorted by code. A printed hit names its issuer; building that table at
/// run time (splitting 481 rows) was about 8 % of the instructions of a
/// whole `search --format json` process (issue 18).
fn country_names() {
    let src = "data/country-aliases.tsv";
    println!("cargo:rerun-if-changed={src}");
    let text = std::fs::read_to_string(src).expect("data/country-aliases.tsv is readable");
    let mut names: Vec<(&str, &str)> = Vec::new();
    for line in text.lines().skip(1) {
        let mut fields = line.split('\t');
        if let (Some(code), Some(_), Some(name)) = (fields.next(), fields.next(), fields.next()) {
            let (code, name) = (code.trim(), name.trim());
            if !code.is_empty() && !name.is_empty() && !names.iter().any(|(c, _)| *c == code) {
                names.push((code, name));
            }
        }
    }
    names.sort_unstable();
    let mut out = String::from("&[\n");
    for (code, name) in names {
        out.push_str(&format!("    ({code:?}, {name:?}),\n"));
    }
    out.push_str("]\n");
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(std::path::Path::new(&dir).join("country_names.rs"), out)
        .expect("OUT_DIR is writable");
}

/// Writes `tables.rs` to `OUT_DIR`: the rows of the gazetteer files as
/// static tables of the row types of `src/enrich/data.rs`, so that a
/// process that needs them (every search of unquoted words, every filter
/// by entity) reads them in place instead of splitting the files and
/// allocating their rows at every start (about 12 % of a typed search's
/// process, most of it page faults on the fresh rows; benches/PROFILE.md,
/// fifteenth round). A malformed line fails the build, naming the line.
fn tables() {
    let mut out = String::new();
    let file = |name: &str| {
        let path = format!("data/{name}");
        println!("cargo:rerun-if-changed={path}");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let list = |field: &str| -> String {
        let items: Vec<String> = field
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| format!("{s:?}"))
            .collect();
        format!("&[{}]", items.join(", "))
    };
    let q = |s: &str| format!("{:?}", s.trim());
    let mut table =
        |name: &str, ty: &str, konst: &str, min: usize, row: &dyn Fn(&[&str]) -> String| {
            let text = file(name);
            out.push_str(&format!("pub(crate) static {konst}: &[{ty}] = &[\n"));
            for (i, line) in text.lines().enumerate().skip(1) {
                if line.trim().is_empty() {
                    continue;
                }
                let fields: Vec<&str> = line.split('\t').collect();
                if fields.len() < min || fields[0].trim().is_empty() {
                    panic!(
                        "data/{name}:{}: a row needs {min} tab-separated fields and an id",
                        i + 1
                    );
                }
                out.push_str(&format!("    {ty} {{ {} }},\n", row(&fields)));
            }
            out.push_str("];\n");
        };
    table(
        "country-aliases.tsv",
        "CountryRow",
        "COUNTRY_ROWS",
        5,
        &|f| {
            format!(
                "iso3: {}, iso2: {}, short_name: {}, kind: {}, aliases: {}",
                q(f[0]),
                q(f[1]),
                q(f[2]),
                q(f[3]),
                list(f[4])
            )
        },
    );
    table(
        "instruments.tsv",
        "InstrumentRow",
        "INSTRUMENT_ROWS",
        6,
        &|f| {
            format!(
                "id: {}, kind: {}, name: {}, aliases: {}, topics: {}",
                q(f[0]),
                q(f[1]),
                q(f[2]),
                list(f[3]),
                list(f[5])
            )
        },
    );
    table("topics.tsv", "TopicRow", "TOPIC_ROWS", 3, &|f| {
        format!(
            "id: {}, label: {}, triggers: {}",
            q(f[0]),
            q(f[1]),
            list(f[2])
        )
    });
    table("groups.tsv", "GroupRow", "GROUP_ROWS", 5, &|f| {
        format!(
            "id: {}, name: {}, members: {}, aliases: {}",
            q(f[0]),
            q(f[1]),
            list(f[2]),
            list(f[4])
        )
    });
    table("rules.tsv", "RuleRow", "RULE_ROWS", 4, &|f| {
        format!(
            "kind: {}, id: {}, alias: {}, rule: {}, value: {}",
            q(f[0]),
            q(f[1]),
            q(f[2]),
            q(f[3]),
            list(f.get(4).copied().unwrap_or(""))
        )
    });
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(std::path::Path::new(&dir).join("tables.rs"), out).expect("OUT_DIR is writable");
}
