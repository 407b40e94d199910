//! The `dipsearch` binary: parse, dispatch, and turn the outcome into one
//! exit status (0 success, zero hits included; 2 usage errors; 1 other
//! failures) and at most one error line on stderr.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

/// The ingest pipeline allocates many small strings on several threads,
/// which mimalloc handles better than the system allocator; its v2 line
/// starts a process faster, which matters for a short search (figures in
/// benches/PROFILE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(err),
    };
    match commands::dispatch(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS, // `dipsearch … | head`
        Err(err) => {
            eprintln!("dipsearch: {}", commands::hints::error_line(&err));
            exit_code_for(&err)
        }
    }
}

/// Help and version go to stdout as clap writes them; a real usage error
/// becomes one line naming the bad value, with exit status 2.
fn usage_error(err: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = err.print();
        return if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let rendered = err.render().to_string();
    let first = rendered
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("invalid arguments")
        .trim_start_matches("error: ");
    let tip = rendered
        .lines()
        .map(str::trim)
        .find_map(|l| {
            l.strip_prefix("tip: ").map(str::to_string).or_else(|| {
                l.strip_prefix("[possible values: ")
                    .map(|v| format!("expected one of {}", v.trim_end_matches(']')))
            })
        })
        .map(|t| format!("; {t}"))
        .unwrap_or_default();
    eprintln!("dipsearch: {first}{tip} (see `dipsearch --help`)");
    ExitCode::from(2)
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
