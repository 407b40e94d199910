//! `dipsearch completions SHELL`: a completion script made from the clap
//! definitions (clap_complete), printed for the user to install.

use anyhow::Result;
use clap::CommandFactory;

use super::{with_stdout, Outcome};
use crate::cli::{Cli, CompletionsArgs};

pub fn run(args: CompletionsArgs) -> Result<Outcome> {
    let mut cmd = Cli::command();
    with_stdout(|out| {
        clap_complete::generate(args.shell, &mut cmd, "dipsearch", out);
        Ok(())
    })?;
    Ok(Outcome::Success)
}
