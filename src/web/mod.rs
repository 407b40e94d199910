//! `dipsearch serve`: a local web page over the index (issue 16).
//!
//! A fixed pool of worker threads accepts connections, one request each
//! (`http`: limits, methods, security headers); each request is routed (`route`),
//! its parameters read into the same typed requests the command line
//! builds (`params`), answered from the current commit of the index
//! (`state`), and written as an HTML page (`pages`, maud templates) or as
//! its JSON twin — the command line's own JSON renderer, so the bytes are
//! the same. Read-only: nothing here writes the index or reads a file by
//! address.

mod error;
mod http;
mod pages;
mod params;
mod reply;
mod route;
mod state;

use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use dipsearch::search::Engine;

use state::State;

/// Worker threads, each taking one connection at a time: at most this many
/// requests are read or answered at once, and the rest wait in the
/// system's listen queue. A page costs a few searches, so more threads than
/// this would only make each answer slower on a small machine.
pub const WORKERS: usize = 8;

/// What to serve, and where.
pub struct Config {
    /// The index folder (reopened by path after every commit).
    pub index: PathBuf,
    /// Address and port to listen on (port 0: any free port).
    pub addr: SocketAddr,
}

/// Serves until the process is stopped. `engine` is an open searcher on
/// the index; `ready` is called with the bound address once connections
/// are accepted.
pub fn serve(config: Config, engine: Engine, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let listener = TcpListener::bind(config.addr)
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    let local = listener.local_addr()?;
    let listener = Arc::new(listener);
    let state = Arc::new(State::new(config.index, engine));
    let loopback_only = local.ip().is_loopback();
    ready(local);
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (listener, state) = (listener.clone(), state.clone());
            std::thread::spawn(move || loop {
                match listener.accept() {
                    Ok((stream, _)) => http::serve_connection(&state, loopback_only, stream),
                    // Out of file descriptors, or a connection reset
                    // before it was taken: wait a moment and go on.
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}
