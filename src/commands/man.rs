//! `dipsearch man [COMMAND]`: the manual page made from the clap
//! definitions (clap_mangen), as roff on stdout; `--dir DIR` writes the
//! main page and one per command (`dipsearch-search.1`) into a folder.

use anyhow::{bail, Context, Result};
use clap::CommandFactory;
use dipsearch::error::UsageError;

use super::{with_stdout, Outcome};
use crate::cli::{Cli, ManArgs};

/// The page's source line (the footer of every page).
const SOURCE: &str = concat!("dipsearch ", env!("CARGO_PKG_VERSION"));

pub fn run(args: ManArgs) -> Result<Outcome> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    // Building names the subcommands `dipsearch-search` and so on.
    cmd.build();
    let page = |c: clap::Command| clap_mangen::Man::new(c).source(SOURCE);
    if let Some(dir) = &args.dir {
        let context = || format!("cannot write the manual pages into {}", dir.display());
        for sub in cmd.get_subcommands() {
            page(sub.clone()).generate_to(dir).with_context(context)?;
        }
        page(cmd).generate_to(dir).with_context(context)?;
        return Ok(Outcome::Success);
    }
    let chosen = match &args.command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
                bail!(dipsearch::Error::from(UsageError::Arguments(format!(
                    "no command '{name}' (one of {})",
                    names.join(", ")
                ))));
            }
        },
    };
    with_stdout(|out| page(chosen).render(out))?;
    Ok(Outcome::Success)
}
