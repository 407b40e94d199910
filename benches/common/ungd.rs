//! The UN General Debate corpus for the benches that need it (`pipeline`,
//! `precedent`): where it is, unpacked once into the target folder, with the
//! folder config that gives each speech its header.
#![allow(dead_code)] // each bench uses part of it

use std::path::PathBuf;
use std::process::Command;

/// The folder configuration the UNGD speeches need: their files carry no
/// header, so meeting, type, speaker, session and year come from here.
pub const UNGD_CONFIG: &str = include_str!("../ungd.dipsearch.toml");

/// The crate root (benches run there, but do not rely on it).
pub fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The cargo target folder: the bench binary lives in
/// `<target>/<triple>/release/deps/` (`.cargo/config.toml` names the
/// target), or `<target>/release/deps/` when no target is named. The
/// folder is the nearest one holding cargo's `.rustc_info.json`.
pub fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().ok();
    let found = exe.as_deref().and_then(|exe| {
        exe.ancestors()
            .find(|d| d.join(".rustc_info.json").is_file())
    });
    match found {
        Some(dir) => dir.to_path_buf(),
        None => exe
            .as_deref()
            .and_then(|exe| Some(exe.parent()?.parent()?.parent()?.to_path_buf()))
            .unwrap_or_else(|| crate_root().join("target")),
    }
}

/// Finds (unpacking if needed) the corpus root: the `TXT` folder holding
/// the `Session NN - YYYY` folders. `Err` says why the benches are skipped.
pub fn corpus_root() -> Result<PathBuf, String> {
    let source = match std::env::var_os("DIPSEARCH_UNGDC") {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => crate_root().join("../shared/data/ungdc-1946-2024.tar.zst"),
    };
    let unpacked = if source.is_dir() {
        source
    } else if source.is_file() {
        let dest = target_dir().join("bench-data/ungdc");
        let done = dest.join(".unpacked");
        if !done.is_file() {
            std::fs::create_dir_all(&dest).map_err(|e| format!("{}: {e}", dest.display()))?;
            let status = Command::new("sh")
                .arg("-c")
                .arg(r#"zstd -dc "$1" | tar -x -C "$2""#)
                .arg("sh")
                .arg(&source)
                .arg(&dest)
                .status()
                .map_err(|e| format!("cannot run zstd/tar: {e}"))?;
            if !status.success() {
                return Err(format!("unpacking {} failed", source.display()));
            }
            std::fs::write(&done, b"").map_err(|e| format!("{}: {e}", done.display()))?;
        }
        dest
    } else {
        return Err(format!(
            "no UNGD corpus at {} (set DIPSEARCH_UNGDC to the .tar.zst or an unpacked folder)",
            source.display()
        ));
    };
    let root = if unpacked.join("TXT").is_dir() {
        unpacked.join("TXT")
    } else {
        unpacked
    };
    let config = root.join("dipsearch.toml");
    if !config.is_file() {
        std::fs::write(&config, UNGD_CONFIG).map_err(|e| format!("{}: {e}", config.display()))?;
    }
    Ok(root)
}
