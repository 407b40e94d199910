//! `dipsearch serve`: the web page over the index, on this machine.

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::Result;

use super::{open_or_build, Outcome};
use crate::cli::ServeArgs;
use crate::web::{serve, Config};

pub fn run(index: &Path, args: ServeArgs) -> Result<Outcome> {
    let engine = open_or_build(index, &args.corpus)?;
    let config = Config {
        index: index.to_path_buf(),
        addr: SocketAddr::new(args.bind, args.port),
    };
    serve(config, engine, |addr| {
        let url = format!("http://{addr}/");
        if !addr.ip().is_loopback() {
            eprintln!(
                "dipsearch: warning: listening on {addr}, not a loopback address: the page is reachable from the network (read-only, no password)"
            );
        }
        println!("serving {url} (read-only; Ctrl-C stops)");
        // A test or a script reads the address from the first line.
        let _ = std::io::stdout().flush();
        if args.open {
            open_browser(&url);
        }
    })?;
    Ok(Outcome::Success)
}

/// Asks the desktop to open `url`; says so when it cannot, and carries on.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let spawned = Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match spawned {
        // Reaped on a thread of its own, so no zombie is left behind.
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
        }
        Err(e) => {
            eprintln!("dipsearch: could not open a browser ({opener}: {e}); open {url} yourself")
        }
    }
}
