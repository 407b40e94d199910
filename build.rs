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
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
