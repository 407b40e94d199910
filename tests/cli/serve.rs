//! Issue 16: `dipsearch serve`. The real binary is started on a free port
//! and asked over plain TCP (a small HTTP/1.1 client below): its JSON twins
//! must be byte for byte what the same command prints with `--format json`,
//! its pages must show what a reader needs, hostile documents must render
//! as inert text, bad requests must get 4xx, and an ingest must show
//! without a restart.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::util::{fixtures, TestDir};

/// The shipped sample, the agreed-language editions, the web fixtures and
/// two more documents on export control.
fn corpus() -> TestDir {
    let t = TestDir::with_sample();
    for f in [
        "csf-2029-valletta.txt",
        "csf-2030-tallinn.md",
        "harbour-dialogue-2031.html",
    ] {
        t.copy_in(&fixtures().join("agreed").join(f), f);
    }
    for f in ["astop-2031-manila.txt", "harbour-dialogue-2032-hostile.txt"] {
        t.copy_in(&fixtures().join("web").join(f), f);
    }
    for f in [
        "meti-export-control-seminar-2020.txt",
        "mofa-astop-2008-results.txt",
    ] {
        t.copy_in(&fixtures().join("docs").join(f), f);
    }
    t.run(["ingest", "-q"]).success();
    t
}

/// A running `dipsearch serve`, killed when dropped.
struct Server {
    child: Child,
    addr: String,
    /// What the server wrote on stderr before its address line.
    warning: Option<String>,
}

impl Server {
    fn start(t: &TestDir, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dipsearch"))
            .current_dir(t.path())
            .env_remove("DIPSEARCH_INDEX")
            .args(["serve", "--port", "0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start dipsearch serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the address line");
        let addr = line
            .split_whitespace()
            .nth(1)
            .and_then(|u| u.strip_prefix("http://"))
            .map(|a| a.trim_end_matches('/').to_string())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        let warning = extra.contains(&"--bind").then(|| {
            let mut w = String::new();
            let _ = BufReader::new(child.stderr.take().expect("stderr")).read_line(&mut w);
            w
        });
        Server {
            child,
            addr,
            warning,
        }
    }

    /// Sends `request` as it is and reads the whole answer.
    fn raw(&self, request: &[u8]) -> Response {
        fetch(&self.addr, request)
    }

    fn request(&self, method: &str, target: &str) -> Response {
        let req = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        );
        self.raw(req.as_bytes())
    }

    fn get(&self, target: &str) -> Response {
        self.request("GET", target)
    }

    /// A page that must answer 200, as text.
    fn page(&self, target: &str) -> String {
        let r = self.get(target);
        assert_eq!(r.status, 200, "{target}: {}", r.text());
        r.text()
    }
}

/// Sends `request` to `addr` as it is and reads the whole answer (the
/// server closes the connection after it).
fn fetch(addr: &str, request: &[u8]) -> Response {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    s.write_all(request).expect("send");
    let mut bytes = Vec::new();
    s.read_to_end(&mut bytes).expect("read the answer");
    Response::parse(&bytes)
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn parse(bytes: &[u8]) -> Response {
        let end = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(bytes)));
        let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("status");
        let headers = lines
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
            .collect();
        Response {
            status,
            headers,
            body: bytes[end + 4..].to_vec(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn stdout(t: &TestDir, args: &[&str]) -> Vec<u8> {
    t.run(args).success().get_output().stdout.clone()
}

const ID: &str = "astop-2003-tokyo.txt#4(d)";
const ID_PATH: &str = "astop-2003-tokyo.txt%234(d)";
const LATER: &str = "astop-2031-manila.txt#3";

#[test]
fn json_twins_are_the_command_lines_json_byte_for_byte() {
    let t = corpus();
    let s = Server::start(&t, &[]);
    let cases: Vec<(String, Vec<&str>)> = vec![
        (
            "/search.json?q=export+control".into(),
            vec!["search", "export control", "--format", "json"],
        ),
        (
            "/search.json?q=export%20control&country=JPN&sort=newest&limit=3&offset=1".into(),
            vec![
                "search",
                "export control",
                "--country",
                "JPN",
                "--sort",
                "newest",
                "-n",
                "3",
                "--offset",
                "1",
                "--format",
                "json",
            ],
        ),
        (
            "/search.json?country=JPN,KOR&country=Japan&since=2003&until=2031-12".into(),
            vec![
                "search",
                "--country",
                "JPN,KOR",
                "--country",
                "Japan",
                "--since",
                "2003",
                "--until",
                "2031-12",
                "--format",
                "json",
            ],
        ),
        (
            "/search.json?q=CTBT&literal=1&type=chairs-summary".into(),
            vec![
                "search",
                "CTBT",
                "--literal",
                "--type",
                "chairs-summary",
                "--format",
                "json",
            ],
        ),
        (
            "/search.json?q=piracy&meeting=Coastal+States+Forum&topic=maritime".into(),
            vec![
                "search",
                "piracy",
                "--meeting",
                "Coastal States Forum",
                "--topic",
                "maritime",
                "--format",
                "json",
            ],
        ),
        (
            format!("/p/{ID_PATH}.json"),
            vec!["show", ID, "--explain", "--format", "json"],
        ),
        (
            format!("/precedent/{ID_PATH}.json"),
            vec!["precedent", ID, "--format", "json"],
        ),
        (
            format!("/precedent/{ID_PATH}.json?sort=oldest&limit=2&min_coverage=20"),
            vec![
                "precedent",
                ID,
                "--sort",
                "oldest",
                "-n",
                "2",
                "--min-coverage",
                "20",
                "--format",
                "json",
            ],
        ),
        (
            format!("/diff.json?a={ID_PATH}&b=astop-2031-manila.txt%233"),
            vec!["diff", ID, LATER, "--format", "json"],
        ),
        (
            "/compare.json?a=csf-2029-valletta.txt&b=csf-2030-tallinn.md".into(),
            vec![
                "compare",
                "csf-2029-valletta.txt",
                "csf-2030-tallinn.md",
                "--format",
                "json",
            ],
        ),
        (
            "/facets.json?q=export+control&by=meeting".into(),
            vec![
                "facets",
                "export control",
                "--by",
                "meeting",
                "--format",
                "json",
            ],
        ),
        (
            "/facets.json?by=year&by_key=1&limit=0".into(),
            vec![
                "facets", "--by", "year", "--by-key", "--limit", "0", "--format", "json",
            ],
        ),
    ];
    for (url, args) in cases {
        let r = s.get(&url);
        assert_eq!(r.status, 200, "{url}: {}", r.text());
        assert_eq!(r.header("content-type"), Some("application/json"), "{url}");
        let cli = stdout(&t, &args);
        assert!(
            cli.len() > 20,
            "{args:?} printed {}",
            String::from_utf8_lossy(&cli)
        );
        assert!(
            r.body == cli,
            "{url} differs from {args:?}:\nweb: {}\ncli: {}",
            r.text(),
            String::from_utf8_lossy(&cli)
        );
    }
}

/// The headers every answer carries, whatever its status.
fn assert_safe_headers(r: &Response, what: &str) {
    let csp = r.header("content-security-policy").unwrap_or("");
    for part in [
        "default-src 'none'",
        "style-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ] {
        assert!(csp.contains(part), "{what}: CSP {csp:?}");
    }
    assert!(
        !csp.contains("script-src"),
        "{what}: no script source is allowed"
    );
    assert_eq!(
        r.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"), "{what}");
}

#[test]
fn pages_show_hits_facets_the_paragraph_its_citation_and_precedents() {
    let t = corpus();
    let s = Server::start(&t, &[]);
    let search = s.page("/search?q=export+control");
    assert!(search.contains("<mark>export control</mark>"), "{search}");
    assert!(
        search.contains("read as: export control = "),
        "the read-as line"
    );
    assert!(
        search.contains(&format!("href=\"/p/{ID_PATH}\"")),
        "a link to 4(d)"
    );
    assert!(
        search.contains("href=\"/search?q=export%20control&amp;country=JPN\""),
        "a country facet"
    );
    assert!(!search.contains("<script"), "no script");
    // A facet narrows the results and shows as a removable filter.
    let narrowed = s.page("/search?q=export%20control&country=JPN");
    assert!(
        narrowed.contains("class=\"chip\" href=\"/search?q=export%20control\""),
        "{narrowed}"
    );
    let all = s.get("/search.json?q=export+control").text();
    let jpn = s.get("/search.json?q=export+control&country=JPN").text();
    let total = |j: &str| {
        serde_json::from_str::<serde_json::Value>(j).unwrap()["total"]
            .as_u64()
            .unwrap()
    };
    assert!(
        total(&jpn) < total(&all) && total(&jpn) > 0,
        "{} then {}",
        total(&all),
        total(&jpn)
    );

    let para = s.page(&format!("/p/{ID_PATH}"));
    assert!(para.contains("¶4(d)"), "the label");
    assert!(
        para.contains("The meeting took note of the 1st Asian"),
        "the text"
    );
    assert!(para.contains("Asian Senior-level Talks on Non-Proliferation (ASTOP), Chair's Summary, Tokyo, 13 November 2003, para. 4(d)."), "the citation");
    assert!(para.contains("Lead-in"), "the parent's lead-in");
    assert!(
        para.contains("“delivery systems”"),
        "the words behind a tag"
    );
    assert!(
        para.contains("href=\"/p/astop-2031-manila.txt%233\""),
        "a precedent: {para}"
    );
    let diff_link =
        "href=\"/diff?a=astop-2003-tokyo.txt%234%28d%29&amp;b=astop-2031-manila.txt%233\"";
    assert!(
        para.contains(diff_link),
        "the precedent's diff, older first"
    );
    let diff = s.page(&format!("/diff?a={ID_PATH}&b=astop-2031-manila.txt%233"));
    assert!(diff.contains("<del>") && diff.contains("<ins>"), "{diff}");
    let prec = s.page(&format!("/precedent/{ID_PATH}"));
    assert!(prec.contains("share this wording"), "{prec}");
    let compare = s.page("/compare?a=csf-2029-valletta.txt&b=csf-2030-tallinn.md");
    assert!(compare.contains("agreed language"), "{compare}");
    assert!(s.page("/compare").contains("<form"), "the compare form");
    for target in [
        "/",
        "/static/style.css",
        "/nothing",
        "/search?limit=x",
        "/search.json?limit=x",
    ] {
        assert_safe_headers(&s.get(target), target);
    }
    let css = s.get("/static/style.css");
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(css.text().contains("@media"), "a layout for narrow windows");
}

/// Characters that must never reach a page raw.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| {
            (c.is_control() && *c != '\n')
                || matches!(*c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[test]
fn a_hostile_document_renders_as_inert_text() {
    let t = corpus();
    let s = Server::start(&t, &[]);
    let hostile = "harbour-dialogue-2032-hostile.txt";
    let mut pages = vec![
        s.page("/search?q=maritime+surveillance"),
        s.page("/search?q=annex+note"),
        s.page("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
    ];
    for n in 1..=3 {
        pages.push(s.page(&format!("/p/{hostile}%23{n}")));
    }
    pages.push(s.page(&format!("/diff?a={hostile}%231&b={hostile}%232")));
    for html in &pages {
        let lower = html.to_lowercase();
        assert!(
            !lower.contains("<script"),
            "a raw <script> element:\n{html}"
        );
        assert!(!lower.contains("href=\"javascript:"), "a javascript: link");
        // Every `<` of a document is escaped, so each tag is the page's
        // own: none may carry a handler or a script address.
        for tag in lower
            .split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap_or(""))
        {
            assert!(
                !tag.contains("onmouseover") && !tag.contains("javascript:"),
                "<{tag}>"
            );
        }
        assert_eq!(
            raw_controls(html),
            Vec::<char>::new(),
            "raw control characters"
        );
    }
    let p1 = &pages[3];
    assert!(
        p1.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;"),
        "shown as text: {p1}"
    );
    let p2 = &pages[4];
    assert!(
        p2.contains(
            "&lt;a href=&quot;javascript:alert(1)&quot; onmouseover=&quot;alert(2)&quot;&gt;"
        ),
        "{p2}"
    );
    let p3 = &pages[5];
    assert!(
        p3.contains("a bell \\x07, an escape \\x1b[2J") && p3.contains("\\u{202e}txt.exe"),
        "{p3}"
    );
}

#[test]
fn bad_requests_get_4xx_and_never_a_file() {
    let t = corpus();
    let s = Server::start(&t, &[]);
    let long_query = format!("/search?q={}", "a".repeat(9000));
    let cases: [(&str, u16); 16] = [
        ("/../../etc/passwd", 400),
        ("/static/../../../etc/passwd", 400),
        ("/%2e%2e/%2e%2e/etc/passwd", 400),
        ("/p/..%2f..%2fetc%2fpasswd", 404),
        ("/etc/passwd", 404),
        (&long_query, 414),
        ("/search?limit=abc", 400),
        ("/search?limit=100000", 400),
        ("/search?sort=sideways", 400),
        ("/search?colour=red", 400),
        ("/search?q=%zz", 400),
        ("/search?q=%ff%fe", 400),
        ("/search?q=a&q=b", 400),
        ("/search?since=2005&until=2003", 400),
        ("/diff?a=astop-2003-tokyo.txt%234(d)", 400),
        ("/compare.json", 400),
    ];
    for (target, status) in cases {
        let r = s.get(target);
        assert_eq!(r.status, status, "{target}: {}", r.text());
        assert!(!r.text().contains("root:"), "{target}");
        assert!(r.text().len() < 4000, "a short page");
    }
    // An unknown value: the command line's message, naming it.
    let r = s.get("/search?q=x&country=Japn");
    assert_eq!(r.status, 400);
    let cli = t
        .run(["search", "x", "--country", "Japn"])
        .code(2)
        .get_output()
        .stderr
        .clone();
    let line = String::from_utf8_lossy(&cli)
        .trim()
        .trim_start_matches("dipsearch: ")
        .to_string();
    assert!(line.contains("'Japn'"), "{line}");
    assert!(r.text().contains(&line), "{line} in {}", r.text());
    // JSON addresses get JSON errors.
    let r = s.get("/p/nowhere.txt%231.json");
    assert_eq!(r.status, 404);
    let v: serde_json::Value = serde_json::from_slice(&r.body).expect("a JSON error");
    assert!(v["error"]
        .as_str()
        .unwrap()
        .contains("no paragraph with id 'nowhere.txt#1'"));
    // Read-only: other methods and bodies are refused.
    let r = s.request("POST", "/search");
    assert_eq!((r.status, r.header("allow")), (405, Some("GET, HEAD")));
    assert_eq!(s.request("DELETE", "/").status, 405);
    let body = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nContent-Length: 99999999999999999\r\n\r\nabc",
        s.addr
    );
    assert_eq!(s.raw(body.as_bytes()).status, 413);
    // A request line longer than any address is cut short.
    let mut huge = b"GET /".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 40_000));
    assert_eq!(s.raw(&huge).status, 414);
    // Another host name pointed at this machine is refused.
    let r = s.raw(b"GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
    assert_eq!(r.status, 421);
    // HEAD gives the headers of GET without the body; the server still answers.
    let head = s.request("HEAD", "/static/style.css");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert!(s.page("/").contains("dipsearch"));
}

#[test]
fn requests_at_once_are_all_answered() {
    let t = corpus();
    let s = Server::start(&t, &[]);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..16)
            .map(|i| {
                let s = &s;
                scope.spawn(move || {
                    s.get(&format!("/search?q=export+control&offset={}", i % 3))
                        .status
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().expect("client"), 200);
        }
    });
}

#[test]
fn an_ingest_shows_on_the_page_without_a_restart() {
    let t = TestDir::with_sample();
    let s = Server::start(&t, &[]);
    let total = |s: &Server| {
        let v: serde_json::Value =
            serde_json::from_slice(&s.get("/search.json?q=piracy").body).expect("json");
        v["total"].as_u64().expect("total")
    };
    assert_eq!(total(&s), 0);
    t.copy_in(
        &fixtures().join("agreed/csf-2029-valletta.txt"),
        "csf-2029-valletta.txt",
    );
    t.run(["ingest", "-q"]).success();
    let after = total(&s);
    assert!(after > 0, "the incremental ingest's commit");
    // A full rebuild swaps the index folder: reopened by path.
    t.copy_in(
        &fixtures().join("agreed/csf-2030-tallinn.md"),
        "csf-2030-tallinn.md",
    );
    t.run(["ingest", "-q", "--full"]).success();
    assert!(total(&s) > after, "the rebuilt index");
}

#[test]
fn listening_beyond_loopback_says_so_once() {
    let t = TestDir::with_sample();
    t.run(["ingest", "-q"]).success();
    let s = Server::start(&t, &["--bind", "0.0.0.0"]);
    let warning = s.warning.clone().unwrap_or_default();
    assert!(
        warning.contains("reachable from the network"),
        "{warning:?}"
    );
    // Listening on every address, it answers on loopback under any host name.
    let port = s.addr.rsplit(':').next().expect("port").to_string();
    let r = fetch(
        &format!("127.0.0.1:{port}"),
        b"GET / HTTP/1.1\r\nHost: dipsearch.example\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(r.status, 200);
    let err = t
        .run(["serve", "--bind", "nowhere"])
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&err);
    assert!(err.contains("nowhere") && err.lines().count() == 1, "{err}");
}

#[test]
fn a_search_page_shows_the_paragraphs_with_fewer_words_after_those_with_all() {
    let t = TestDir::new();
    let name = "canal-and-crisis-digest-2038.txt";
    t.copy_in(&fixtures().join("query").join(name), name);
    t.run(["ingest", "-q"]).success();
    let s = Server::start(&t, &[]);
    let page = s.page("/search?q=canal+crisis");
    let with_all = page
        .find("2038.txt%234")
        .expect("the paragraph with both words");
    let line = page
        .find("1 more has all but &quot;canal&quot;")
        .or_else(|| page.find("1 more has all but \"canal\""))
        .unwrap_or_else(|| panic!("the line over the step: {page}"));
    let fewer = page
        .find("2038.txt%233")
        .expect("the paragraph with `crisis` alone");
    assert!(with_all < line && line < fewer, "{page}");
    // The JSON twin is the command line's, steps and all.
    let json = s.get("/search.json?q=canal+crisis").body;
    assert_eq!(
        json,
        stdout(&t, &["search", "canal crisis", "--format", "json"])
    );
    // `all_words` keeps to the paragraphs with every word.
    let page = s.page("/search?q=canal+crisis&all_words=1");
    assert!(!page.contains("more has all but"), "{page}");
}
