//! The folder configurations of a corpus (`dipsearch.toml` files), each
//! merged with its ancestors', and the hash of the texts behind each: the
//! plan re-reads a file whose governing configuration changed.

use std::collections::HashMap;

use super::Skipped;
use crate::corpus::{ConfigFile, FOLDER_CONFIG};
use crate::meta::{FolderConfig, Overrides};
use crate::pipeline::SkipReason;

/// The folder configurations of a corpus, each merged with its ancestors'.
#[derive(Default)]
pub(super) struct Configs {
    /// Folder (relative, `""` for the root) → merged config and the hash of
    /// every config text that went into it.
    by_dir: HashMap<String, (FolderConfig, String)>,
}

impl Configs {
    /// Reads and merges the configs; a bad one is reported and ignored.
    pub(super) fn load(files: &[ConfigFile], skipped: &mut Vec<Skipped>) -> Configs {
        let mut configs = Configs::default();
        // `files` come shallowest first, so a parent is merged before its children.
        for file in files {
            let text = match std::fs::read_to_string(&file.path) {
                Ok(t) => t,
                Err(e) => {
                    skipped.push(config_skip(file, SkipReason::Unreadable(e.to_string())));
                    continue;
                }
            };
            let own = match FolderConfig::parse(&text) {
                Ok(c) => c,
                Err(e) => {
                    skipped.push(config_skip(file, SkipReason::BadConfig(e)));
                    continue;
                }
            };
            let (merged, hash) = match configs.governing(&file.dir) {
                Some((parent, parent_hash)) => (
                    parent.merged_with(&own),
                    blake3::hash(format!("{parent_hash}\n{text}").as_bytes()),
                ),
                None => (own, blake3::hash(text.as_bytes())),
            };
            configs
                .by_dir
                .insert(file.dir.clone(), (merged, hash.to_hex().to_string()));
        }
        configs
    }

    /// The nearest config at or above folder `dir`.
    fn governing(&self, dir: &str) -> Option<&(FolderConfig, String)> {
        let mut d = dir;
        loop {
            if let Some(c) = self.by_dir.get(d) {
                return Some(c);
            }
            if d.is_empty() {
                return None;
            }
            d = d.rsplit_once('/').map(|(p, _)| p).unwrap_or("");
        }
    }

    /// Folder overrides and config hash for a file.
    pub(super) fn for_file(&self, rel: &str) -> (Overrides, String) {
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        match self.governing(dir) {
            Some((cfg, hash)) => (cfg.overrides_for(name), hash.clone()),
            None => (Overrides::default(), String::new()),
        }
    }
}

fn config_skip(file: &ConfigFile, reason: SkipReason) -> Skipped {
    let path = if file.dir.is_empty() {
        FOLDER_CONFIG.to_string()
    } else {
        format!("{}/{}", file.dir, FOLDER_CONFIG)
    };
    Skipped { path, reason }
}
