//! HTTP/1.1 on one connection: the request head read within limits (16
//! KiB, 64 headers, 10 seconds) and parsed by httparse; the request refused
//! before any work unless it is a GET or HEAD of a path of at most 8 KiB,
//! without a body, and (when serving on loopback) for a loopback `Host`;
//! the answer written with the security headers every answer carries, and
//! the connection closed.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use super::error::WebError;
use super::reply::{Kind, Reply};
use super::route;
use super::state::State;

/// Longest request target (path and query) answered; longer is 414.
pub const MAX_URL: usize = 8 * 1024;

/// Scripts, frames, plugins, other hosts and inline styles are all
/// refused: the page is plain HTML with one stylesheet of its own.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                   base-uri 'none'; frame-ancestors 'none'";

/// Most request headers read (more is 431).
const MAX_HEADERS: usize = 64;
/// Longest request head read, request line and headers (more is 431).
const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send its request head, and to take the
/// answer: a slow or silent client holds a worker this long at most.
const TIMEOUT: Duration = Duration::from_secs(10);

/// The parts of a request head the page looks at.
struct Head {
    method: String,
    target: String,
    host: Option<String>,
    body: bool,
}

/// Answers the one request of a connection, then closes it (no
/// keep-alive: a page is a handful of requests, and a worker is never held
/// by an idle connection). Never panics into the worker: a panic in a page
/// becomes a 500.
pub fn serve_connection(state: &State, loopback_only: bool, mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(TIMEOUT));
    let _ = stream.set_write_timeout(Some(TIMEOUT));
    let mut work = Duration::ZERO;
    let (reply, head_only) = match read_head(&mut stream) {
        Ok(None) => return,
        Err(err) => (Reply::error(&err, false), false),
        Ok(Some(head)) => {
            let path = head.target.split('?').next().unwrap_or("");
            let json = path.ends_with(".json");
            let started = Instant::now();
            let reply = match refuse(&head, loopback_only) {
                Some(err) => Reply::error(&err, json),
                None => catch_unwind(AssertUnwindSafe(|| route::dispatch(state, &head.target)))
                    .unwrap_or_else(|_| {
                        let err = WebError {
                            status: 500,
                            message: "internal error while answering this request".to_string(),
                        };
                        Reply::error(&err, json)
                    }),
            };
            work = started.elapsed();
            (reply, head.method == "HEAD")
        }
    };
    let _ = write_reply(&mut stream, &reply, work, head_only);
    // Let the client read the answer before the socket closes: unread
    // bytes it sent (a refused body) would otherwise reset the connection.
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let _ = io::copy(&mut (&stream).take(64 * 1024), &mut io::sink());
}

/// Reads a request head (up to the blank line), within the size and time
/// limits; `None` when the client left without sending one.
fn read_head(stream: &mut TcpStream) -> Result<Option<Head>, WebError> {
    let started = Instant::now();
    let mut buf: Vec<u8> = Vec::with_capacity(2048);
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = find(&buf, b"\r\n\r\n") {
            return parse_head(&buf[..end + 4]).map(Some);
        }
        if !buf.is_empty() && find(&buf, b"\r\n").is_none() && buf.len() > MAX_URL + 32 {
            return Err(WebError {
                status: 414,
                message: format!("the address is longer than {MAX_URL} bytes"),
            });
        }
        if buf.len() > MAX_HEAD {
            return Err(WebError {
                status: 431,
                message: format!("the request head is longer than {MAX_HEAD} bytes"),
            });
        }
        if started.elapsed() > TIMEOUT {
            return Err(WebError {
                status: 408,
                message: "the request took too long to arrive".to_string(),
            });
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Ok(None),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) if buf.is_empty() => return Ok(None),
            Err(_) => {
                return Err(WebError {
                    status: 408,
                    message: "the request took too long to arrive".to_string(),
                })
            }
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The request head, parsed by httparse.
fn parse_head(bytes: &[u8]) -> Result<Head, WebError> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(bytes) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => {
            return Err(WebError {
                status: 431,
                message: format!("more than {MAX_HEADERS} request headers"),
            })
        }
        _ => return Err(WebError::bad("malformed request")),
    }
    let value = |name: &str| {
        req.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let body =
        value("Transfer-Encoding").is_some() || value("Content-Length").is_some_and(|n| n != "0");
    let (host, method, target) = (value("Host"), req.method, req.path);
    Ok(Head {
        method: method.unwrap_or("").to_string(),
        target: target.unwrap_or("").to_string(),
        host,
        body,
    })
}

/// Why a request is refused before any work, if it is.
fn refuse(head: &Head, loopback_only: bool) -> Option<WebError> {
    let err = |status: u16, message: String| Some(WebError { status, message });
    if !matches!(head.method.as_str(), "GET" | "HEAD") {
        return err(
            405,
            format!(
                "method {} is not allowed: this page is read-only (GET and HEAD)",
                head.method
            ),
        );
    }
    if head.target.len() > MAX_URL {
        return err(
            414,
            format!(
                "the address is {} bytes long; at most {MAX_URL} are read",
                head.target.len()
            ),
        );
    }
    if !head.target.starts_with('/') {
        return err(400, "the request target must be a path (/…)".to_string());
    }
    if head.body {
        return err(
            413,
            "request bodies are refused: this page is read-only".to_string(),
        );
    }
    let host = head.host.as_deref().unwrap_or("");
    if loopback_only && !is_loopback_host(host) {
        return err(
            421,
            format!(
                "host '{host}' is not this machine: the page answers only to localhost addresses"
            ),
        );
    }
    None
}

/// Whether a `Host` header names this machine: `localhost`, `127.x.x.x`
/// or `[::1]`, with any port. Why: a web page elsewhere could otherwise
/// point its own host name at 127.0.0.1 (DNS rebinding) and read the
/// corpus through the visitor's browser.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(n, _)| n),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        _ => "Internal Server Error",
    }
}

/// Writes the answer with the headers every answer carries (the body left
/// out for HEAD).
/// Writes the answer; `work` (the time spent making it, from the parsed
/// request to the finished body) goes out as `Server-Timing`, which a
/// browser's developer tools show and `benches/serve-load.py` reads.
fn write_reply(
    stream: &mut TcpStream,
    reply: &Reply,
    work: Duration,
    head_only: bool,
) -> io::Result<()> {
    let cache = match reply.kind {
        // Pages change with every ingest.
        Kind::Html | Kind::Json => "no-store",
        Kind::Css | Kind::Svg => "max-age=3600",
    };
    let allow = if reply.status == 405 {
        "Allow: GET, HEAD\r\n"
    } else {
        ""
    };
    let head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Content-Security-Policy: {CSP}\r\nX-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\nX-Frame-Options: DENY\r\n\
         Cross-Origin-Resource-Policy: same-origin\r\nCache-Control: {cache}\r\n\
         Server-Timing: page;dur={:.3}\r\n{allow}Connection: close\r\n\r\n",
        reply.status,
        reason(reply.status),
        reply.kind.content_type(),
        reply.body.len(),
        work.as_secs_f64() * 1e3,
    );
    let mut out = io::BufWriter::new(stream);
    out.write_all(head.as_bytes())?;
    if !head_only {
        out.write_all(&reply.body)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::is_loopback_host;

    #[test]
    fn only_loopback_hosts_pass() {
        for ok in [
            "localhost:7878",
            "127.0.0.1:80",
            "127.1.2.3",
            "[::1]:7878",
            "LOCALHOST",
        ] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "",
            "evil.example:7878",
            "10.0.0.1:7878",
            "[::2]:1",
            "localhost.evil.example",
        ] {
            assert!(!is_loopback_host(bad), "{bad}");
        }
    }
}
