//! The `dipsearch` binary: parse, dispatch, and turn the outcome into one
//! exit status (0 success, zero hits included; 2 usage errors; 1 other
//! failures) and at most one error line on stderr.

mod cli;
mod commands;
mod web;

use std::process::ExitCode;
use std::sync::Mutex;

use dipsearch::render::safe::one_line;

/// The ingest pipeline allocates many small strings on several threads,
/// which mimalloc handles better than the system allocator; its v2 line
/// starts a process faster, which matters for a short search (figures in
/// benches/PROFILE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The message of the last panic on any thread, kept by the panic hook
/// instead of printed (a worker's panic explains the error its writer
/// reports afterwards).
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

fn main() -> ExitCode {
    // No panic message or backtrace reaches the user: a panic (tantivy
    // asserts on damaged files) becomes one error line and status 1.
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(dipsearch::index::panic_message(info.payload()));
        }
    }));
    let cli = match cli::Cli::parse_args() {
        Ok(cli) => cli,
        Err(err) => return usage_error(err),
    };
    match std::panic::catch_unwind(|| commands::dispatch(cli)) {
        Ok(Ok(outcome)) => outcome.exit_code(),
        Ok(Err(err)) if is_broken_pipe(&err) => ExitCode::SUCCESS, // `dipsearch … | head`
        Ok(Err(err)) => {
            let mut line = commands::hints::error_line(&err);
            if let Some(why) = LAST_PANIC.lock().ok().and_then(|mut p| p.take()) {
                line.push_str(&format!(" (a worker failed: {why})"));
            }
            eprintln!("dipsearch: {}", one_line(&line));
            exit_code_for(&err)
        }
        Err(payload) => {
            eprintln!(
                "dipsearch: internal error: {}; if the index is damaged, `dipsearch check` lists the damage and `dipsearch ingest --full` rebuilds it",
                one_line(&dipsearch::index::panic_message(payload.as_ref()))
            );
            ExitCode::FAILURE
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
    // Whatever clap made of it (`invalid UTF-8`, or an unknown `--�`),
    // the bytes are what to name.
    if let Some(arg) = non_utf8_arg() {
        eprintln!(
            "dipsearch: argument {} is not valid UTF-8; type it in UTF-8 (see `dipsearch --help`)",
            one_line(&arg)
        );
        return ExitCode::from(2);
    }
    let rendered = err.render().to_string();
    let mut lines = rendered.lines().filter(|l| !l.trim().is_empty());
    let mut first = lines
        .next()
        .unwrap_or("invalid arguments")
        .trim_start_matches("error: ")
        .to_string();
    // `the following required arguments were not provided:` names them on
    // the lines after it.
    if first.ends_with(':') {
        let named: Vec<&str> = lines
            .map(str::trim)
            .take_while(|l| l.starts_with('<') || l.starts_with("--"))
            .collect();
        if !named.is_empty() {
            first = format!("{} {}", first, named.join(" "));
        }
    }
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
    // The line may quote a typed value: escaped like every other.
    let line = match (dash_word(&rendered), format_flag(&err)) {
        (_, Some(format)) => format!("unknown option '--{format}'; use `--format {format}`"),
        (Some(word), None) => format!(
            "'{word}' is read as options; put an exclusion inside the quoted query \
             (\"… {word}\") or after `--`"
        ),
        (None, None) => format!("{first}{tip}"),
    };
    eprintln!("dipsearch: {} (see `dipsearch --help`)", one_line(&line));
    ExitCode::from(2)
}

/// The arguments as typed, bytes that are not UTF-8 replaced
/// (`std::env::args` panics on them).
fn typed_args() -> Vec<String> {
    std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

/// The first argument that is not UTF-8, written with its bad bytes
/// escaped (`"Iraq \xE9t\xE9"`): clap's own message names none.
fn non_utf8_arg() -> Option<String> {
    std::env::args_os()
        .skip(1)
        .find(|a| a.to_str().is_none())
        .map(|a| format!("{a:?}"))
}

/// An output format typed as a flag of its own (`--json`, as other tools
/// spell it): clap's own tip would make it a query word after `--`.
fn format_flag(err: &clap::Error) -> Option<&'static str> {
    if err.kind() != clap::error::ErrorKind::UnknownArgument {
        return None;
    }
    let typed = typed_args();
    ["json", "jsonl", "csv", "text"]
        .into_iter()
        .find(|f| typed.iter().any(|a| a == &format!("--{f}")))
}

/// A word typed with one leading `-` (`-nuclear`, an exclusion outside the
/// quotes) that clap read as short options and a value (`-n uclear`),
/// or as an unknown short option (`-I` of `-Iraq`), when the error is
/// about that value or option.
fn dash_word(rendered: &str) -> Option<String> {
    typed_args().into_iter().find(|a| {
        let rest = a.strip_prefix('-').unwrap_or_default();
        let first = rest.chars().next().unwrap_or_default();
        a.len() > 3
            && !a.starts_with("--")
            && !rest.is_empty()
            && rest.chars().all(char::is_alphabetic)
            && (rendered.contains(&rest[first.len_utf8()..])
                || rendered.contains(&format!("'-{first}'")))
    })
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
