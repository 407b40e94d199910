//! Issue 12: header fields and paragraph boundaries scored against a
//! hand-annotated sample of the real documents in `../shared/data/real/`
//! (`tests/fixtures/real/annotated.toml`, facts only: fields, labels and
//! the line on which each paragraph starts). Skipped when the data is absent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::util::{Hit, TestDir};

/// The real documents beside the repository, if present.
pub fn real_dir() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/real");
    p.join("README.md").exists().then_some(p)
}

/// A place: one value or acceptable alternatives.
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
enum Place {
    One(String),
    Any(Vec<String>),
}

impl Place {
    fn accepts(&self, got: &str) -> bool {
        match self {
            Place::One(p) => p == got,
            Place::Any(ps) => ps.iter().any(|p| p == got),
        }
    }
}

/// One annotated document.
#[derive(Debug, Deserialize)]
struct Doc {
    file: String,
    meeting_id: Option<String>,
    acronym: Option<String>,
    edition: Option<u32>,
    date: Option<String>,
    date_end: Option<String>,
    place: Option<Place>,
    doc_type: String,
    symbol: Option<String>,
    /// Score boundaries only up to this line (an annex left unannotated).
    until_line: Option<usize>,
    labels: Vec<String>,
    starts: Vec<usize>,
}

#[derive(Debug, Deserialize)]
struct Annotated {
    doc: Vec<Doc>,
}

/// The fields of an exported record this test reads (the HIT plus the
/// fields issue 12 adds).
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(flatten)]
    hit: Hit,
    meeting_id: Option<String>,
    date_end: Option<String>,
    symbol: Option<String>,
}

/// Lower-cased alphanumeric core of a word (`**Maritime` → `maritime`);
/// empty for punctuation-only tokens such as a bullet.
fn norm(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A raw word without the HTML tags in it (`45<sup>th</sup>` → `45th`;
/// a tag broken over two words loses what is inside it).
fn without_tags(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut in_tag = false;
    for c in w.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// For each record text, the 1-based line of the raw file on which it
/// starts: its first words are looked up in the file's word sequence, in
/// order, from past the previous record's words (so a record opening
/// with a phrase its predecessor also holds is not placed inside it);
/// None when not found.
fn start_lines(raw: &str, texts: &[&str]) -> Vec<Option<usize>> {
    let words: Vec<(String, usize)> = raw
        .lines()
        .enumerate()
        .flat_map(|(i, l)| {
            l.split_whitespace()
                .map(move |w| (norm(&without_tags(w)), i + 1))
        })
        .filter(|(w, _)| !w.is_empty())
        .collect();
    let mut cursor = 0;
    texts
        .iter()
        .map(|t| {
            let all: Vec<String> = t
                .split_whitespace()
                .map(norm)
                .filter(|w| !w.is_empty())
                .collect();
            let key = &all[..all.len().min(6)];
            if key.is_empty() {
                return None;
            }
            let hit = |from: usize| {
                (from..words.len().saturating_sub(key.len() - 1)).find(|&i| {
                    // The first word may be glued to a mistyped
                    // marker in the raw file (`24.We`).
                    words[i].0.ends_with(key[0].as_str())
                        && key[1..]
                            .iter()
                            .enumerate()
                            .all(|(j, k)| &words[i + j + 1].0 == k)
                })
            };
            let i = hit(cursor).or_else(|| hit(0))?;
            // The raw file has at least the record's words (markup adds
            // some); a little slack for words the segmenter joined.
            cursor = i + all.len().saturating_sub(2).max(1);
            Some(words[i].1)
        })
        .collect()
}

#[derive(Default)]
struct Score {
    docs: usize,
    all_six: usize,
    fields: BTreeMap<&'static str, usize>,
    boundaries_right: usize,
    boundaries_max: usize,
    labels_right: usize,
    labels_seen: usize,
    symbol_wrong: usize,
    failures: Vec<String>,
}

impl Score {
    fn field(&mut self, name: &'static str, ok: bool, file: &str, detail: String) -> bool {
        *self.fields.entry(name).or_default() += ok as usize;
        if !ok {
            self.failures.push(format!("{file}: {name}: {detail}"));
        }
        ok
    }

    fn rate(&self, n: usize) -> f64 {
        n as f64 / self.docs.max(1) as f64
    }
}

fn score_doc(s: &mut Score, d: &Doc, records: &[&Record], raw: &str) {
    s.docs += 1;
    let h = &records[0].hit;
    let r0 = records[0];
    let f = &d.file;
    let mut ok = true;
    ok &= s.field(
        "meeting",
        r0.meeting_id == d.meeting_id,
        f,
        format!("{:?} want {:?}", r0.meeting_id, d.meeting_id),
    );
    ok &= s.field(
        "acronym",
        h.acronym == d.acronym,
        f,
        format!("{:?} want {:?}", h.acronym, d.acronym),
    );
    ok &= s.field(
        "edition",
        h.edition == d.edition,
        f,
        format!("{:?} want {:?}", h.edition, d.edition),
    );
    ok &= s.field(
        "date",
        h.date == d.date && r0.date_end == d.date_end,
        f,
        format!(
            "{:?}..{:?} want {:?}..{:?}",
            h.date, r0.date_end, d.date, d.date_end
        ),
    );
    let place_ok = match (&d.place, &h.place) {
        (None, None) => true,
        (Some(want), Some(got)) => want.accepts(got),
        _ => false,
    };
    ok &= s.field(
        "place",
        place_ok,
        f,
        format!("{:?} want {:?}", h.place, d.place),
    );
    ok &= s.field(
        "doc_type",
        h.doc_type == d.doc_type,
        f,
        format!("{} want {}", h.doc_type, d.doc_type),
    );
    if d.symbol.is_some() && r0.symbol != d.symbol {
        s.symbol_wrong += 1;
        s.failures
            .push(format!("{f}: symbol {:?} want {:?}", r0.symbol, d.symbol));
    }
    s.all_six += ok as usize;

    let texts: Vec<&str> = records.iter().map(|r| r.hit.text.as_str()).collect();
    let mut got = start_lines(raw, &texts);
    let mut records = records.to_vec();
    if let Some(until) = d.until_line {
        let keep: Vec<bool> = got.iter().map(|l| l.is_some_and(|l| l <= until)).collect();
        let mut k = keep.iter();
        records.retain(|_| *k.next().unwrap_or(&false));
        got.retain(|l| l.is_some_and(|l| l <= until));
    }
    let records = &records[..];
    let got_set: BTreeMap<usize, &str> = got
        .iter()
        .zip(records)
        .filter_map(|(l, r)| l.map(|l| (l, r.hit.paragraph.as_str())))
        .collect();
    let right = d.starts.iter().filter(|l| got_set.contains_key(l)).count();
    s.boundaries_right += right;
    s.boundaries_max += d.starts.len().max(records.len());
    if right != d.starts.len() || records.len() != d.starts.len() {
        let missing: Vec<usize> = d
            .starts
            .iter()
            .copied()
            .filter(|l| !got_set.contains_key(l))
            .collect();
        let extra: Vec<usize> = got_set
            .keys()
            .copied()
            .filter(|l| !d.starts.contains(l))
            .collect();
        s.failures.push(format!(
            "{f}: boundaries: {} records for {} paragraphs; missing starts {missing:?}, extra {extra:?}",
            records.len(),
            d.starts.len()
        ));
    }
    for (line, want) in d.starts.iter().zip(&d.labels) {
        if let Some(got) = got_set.get(line) {
            s.labels_seen += 1;
            if got == want {
                s.labels_right += 1;
            } else {
                s.failures
                    .push(format!("{f}: label at line {line}: {got} want {want}"));
            }
        }
    }
}

#[test]
fn annotated_real_sample_headers_and_boundaries() {
    let Some(real) = real_dir() else {
        eprintln!("skipped: ../shared/data/real is absent");
        return;
    };
    let annotated: Annotated = toml::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/annotated.toml"),
        )
        .expect("annotated.toml"),
    )
    .expect("annotated.toml parses");
    assert!(annotated.doc.len() >= 40, "at least 40 annotated documents");

    let t = TestDir::new();
    for d in &annotated.doc {
        t.copy_in(&real.join(&d.file), &d.file);
    }
    t.run(["ingest"]).success();
    let records: Vec<Record> = t.json_lines(["export"]);
    let mut by_source: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    for r in &records {
        by_source.entry(r.hit.source.as_str()).or_default().push(r);
    }

    let mut s = Score::default();
    for d in &annotated.doc {
        let Some(recs) = by_source.get(d.file.as_str()) else {
            s.docs += 1;
            s.failures.push(format!("{}: no records", d.file));
            continue;
        };
        let raw = std::fs::read_to_string(real.join(&d.file)).expect("read");
        score_doc(&mut s, d, recs, &raw);
    }

    let boundaries = s.boundaries_right as f64 / s.boundaries_max.max(1) as f64;
    let labels = s.labels_right as f64 / s.labels_seen.max(1) as f64;
    eprintln!(
        "{} documents: all six header fields right {:.3}; boundaries {:.3}; labels {:.3}",
        s.docs,
        s.rate(s.all_six),
        boundaries,
        labels
    );
    for (name, n) in &s.fields {
        eprintln!("  {name}: {:.3}", s.rate(*n));
    }
    for fail in &s.failures {
        eprintln!("  {fail}");
    }
    assert!(s.rate(s.all_six) >= 0.90, "all six header fields");
    for (name, n) in &s.fields {
        assert!(s.rate(*n) >= 0.95, "{name}");
    }
    assert_eq!(s.symbol_wrong, 0, "resolution symbols");
    // Issue 12 asks for 0.98 and 0.95; these floors are what the code
    // reaches today (0.999 and 1.000: the one miss is the G20 2022
    // footnote, kept as a record of its own) and may only rise.
    assert!(boundaries >= 0.998, "paragraph boundaries");
    assert!(labels >= 0.995, "labels");
}
