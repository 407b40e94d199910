//! The user's defaults: `$XDG_CONFIG_HOME/dipsearch/config.toml` (or
//! `~/.config/dipsearch/config.toml`), optional. Flags and environment
//! variables win over it; it wins over the built-in defaults.
//!
//! ```toml
//! index = "/home/me/dipsearch/index"
//! corpus = "/home/me/dipsearch/corpus"
//! color = "never"
//! ```
//!
//! `color` (`auto`, `always`, `never`) is the default of `--color`; the
//! flag, then `NO_COLOR` and `CLICOLOR_FORCE`, win over it (`color.rs`).
//!
//! Relative paths are read from the current folder, as flags are. (Not
//! `dipsearch.toml`, which sits in corpus folders and gives their
//! documents' metadata.)

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::ValueEnum;
use dipsearch::error::UsageError;
use dipsearch::render::safe::one_line;
use serde::Deserialize;

use crate::cli::ColorArg;

/// What the file sets, checked.
#[derive(Debug, Default)]
pub struct UserConfig {
    /// The index folder (`--index`).
    pub index: Option<PathBuf>,
    /// The corpus folder (`--corpus`).
    pub corpus: Option<PathBuf>,
    /// The default of `--color`.
    pub color: Option<ColorArg>,
}

/// What the file may set, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    index: Option<PathBuf>,
    corpus: Option<PathBuf>,
    // A string, checked by hand: the message then names the key and the
    // value (serde's names only the value).
    color: Option<String>,
}

/// Where the file is looked for.
fn path() -> Option<PathBuf> {
    let var = |n: &str| {
        std::env::var_os(n)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("XDG_CONFIG_HOME")
        .or_else(|| var("HOME").map(|h| h.join(".config")))
        .map(|d| d.join("dipsearch").join("config.toml"))
}

/// The user's defaults; none when there is no file. A file that cannot be
/// read as such is a usage error naming it and the problem.
pub fn load() -> Result<UserConfig> {
    let Some(p) = path() else {
        return Ok(UserConfig::default());
    };
    read(&p)
}

fn read(p: &Path) -> Result<UserConfig> {
    let text = match std::fs::read_to_string(p) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(UserConfig::default()),
        Err(e) => return Err(dipsearch::Error::io(p, e).into()),
    };
    let bad = |why: String| -> anyhow::Error {
        dipsearch::Error::from(UsageError::Arguments(format!(
            "bad configuration {}: {why}",
            p.display()
        )))
        .into()
    };
    let file: FileConfig = toml::from_str(&text).map_err(|e| bad(e.message().to_string()))?;
    let color = match file.color {
        None => None,
        Some(v) => Some(ColorArg::from_str(&v, false).map_err(|_| {
            bad(format!(
                "color = '{}' is not auto, always or never",
                one_line(&v)
            ))
        })?),
    };
    Ok(UserConfig {
        index: file.index,
        corpus: file.corpus,
        color,
    })
}
