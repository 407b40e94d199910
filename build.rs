//! Links the `dipsearch` binary as a position-dependent executable on
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
