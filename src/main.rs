//! The `dipsearch` binary: parse, dispatch, and turn the outcome into one
//! exit status (0 success, zero hits included; 2 usage errors; 1 other
//! failures) and at most one error line on stderr.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

/// The ingest pipeline allocates many small strings on several threads;
/// mimalloc handles that better than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse(); // clap prints its own usage errors and exits 2
    match commands::dispatch(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS, // `dipsearch … | head`
        Err(err) => {
            eprintln!("dipsearch: {err:#}");
            exit_code_for(&err)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn exit_code_for(err: &anyhow::Error) -> ExitCode {
    let usage = err.chain().any(|e| {
        e.downcast_ref::<dipsearch::Error>()
            .is_some_and(|e| e.is_usage())
    });
    if usage {
        ExitCode::from(2)
    } else {
        ExitCode::FAILURE
    }
}
