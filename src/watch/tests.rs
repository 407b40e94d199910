//! The delivery property of saved searches: over any sequence of corpus
//! changes, ingests (incremental or full), completed runs and runs killed
//! before their cursor was written, every completed run reports exactly the
//! matching paragraphs that entered the index since the last completed run
//! and are still in it: none twice, none missed.

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::index::watches::{WatchFilters, Watches};
use crate::ingest::{ingest, IngestOptions};

const SLOTS: [&str; 3] = [
    "arf-ism-npd-a.txt",
    "arf-ism-npd-b.txt",
    "sub/arf-ism-npd-c.txt",
];

/// A chair's statement; a matching one speaks of centrifuges in two of its
/// three paragraphs.
fn statement(matching: bool, version: u8) -> String {
    let topic = if matching {
        "the spread of enrichment centrifuges"
    } else {
        "maritime security cooperation"
    };
    format!(
        "CO-CHAIRS' SUMMARY REPORT\nASEAN REGIONAL FORUM INTER-SESSIONAL MEETING ON NON-PROLIFERATION AND DISARMAMENT\n\
         Manila, 3 May 2016\n\n\
         1. The {version}th session of the Meeting was co-chaired by the Philippines and Japan.\n\n\
         2. Participants exchanged views on {topic} and on national implementation.\n\n\
         3. The Meeting noted the importance of {topic} for the region.\n"
    )
}

#[derive(Clone, Debug)]
enum Op {
    Write {
        slot: usize,
        matching: bool,
        version: u8,
    },
    Remove {
        slot: usize,
    },
    Ingest {
        full: bool,
    },
    Run {
        killed: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..SLOTS.len(), any::<bool>(), 0u8..3)
            .prop_map(|(slot, matching, version)| Op::Write { slot, matching, version }),
        1 => (0..SLOTS.len()).prop_map(|slot| Op::Remove { slot }),
        3 => Just(Op::Ingest { full: false }),
        2 => Just(Op::Ingest { full: true }),
        3 => any::<bool>().prop_map(|killed| Op::Run { killed }),
    ]
}

/// What the model knows: the corpus, and for each indexed file its content
/// and the ingest that brought that content in.
#[derive(Default)]
struct Model {
    corpus: BTreeMap<usize, (bool, u8)>,
    indexed: BTreeMap<usize, ((bool, u8), u32)>,
    ingests: u32,
    last_completed_run: u32,
}

impl Model {
    fn ingest(&mut self) {
        self.ingests += 1;
        let n = self.ingests;
        self.indexed
            .retain(|slot, _| self.corpus.contains_key(slot));
        for (slot, content) in &self.corpus {
            match self.indexed.get(slot) {
                Some((c, _)) if c == content => {}
                _ => {
                    self.indexed.insert(*slot, (*content, n));
                }
            }
        }
    }

    /// The sources of the paragraphs the next run must report, sorted
    /// (each matching document has two matching paragraphs).
    fn due(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (slot, ((matching, _), entered)) in &self.indexed {
            if *matching && *entered > self.last_completed_run {
                out.push(SLOTS[*slot].to_string());
                out.push(SLOTS[*slot].to_string());
            }
        }
        out.sort();
        out
    }
}

fn run_watch(index: &Path) -> (Vec<String>, u64) {
    let handle = match IndexHandle::open(index) {
        Ok(h) => h,
        Err(crate::Error::IndexMissing(_)) => return (Vec::new(), 0),
        Err(e) => panic!("open: {e}"),
    };
    let snap = Snapshot::open(&handle).unwrap();
    let all = watches::load(index).unwrap();
    let w = all.get("centrifuges").unwrap();
    let results = snap.pending(w, Filters::default(), true).unwrap();
    assert_eq!(results.total, results.hits.len());
    let mut sources: Vec<String> = results
        .hits
        .iter()
        .map(|h| h.record.source.clone())
        .collect();
    sources.sort();
    (sources, snap.generation)
}

fn check(ops: &[Op]) {
    let root = tempfile::tempdir().unwrap();
    let (corpus, index) = (root.path().join("corpus"), root.path().join("index"));
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    {
        let _l = watches::lock(&index).unwrap();
        let watch = Watch {
            name: "centrifuges".into(),
            query: Some("centrifuges".into()),
            literal: true,
            filters: WatchFilters::default(),
            cursor: 0,
        };
        watches::save(
            &index,
            &Watches {
                version: 1,
                watches: vec![watch],
            },
        )
        .unwrap();
    }
    let mut model = Model::default();
    for op in ops {
        match *op {
            Op::Write {
                slot,
                matching,
                version,
            } => {
                std::fs::write(corpus.join(SLOTS[slot]), statement(matching, version)).unwrap();
                model.corpus.insert(slot, (matching, version));
            }
            Op::Remove { slot } => {
                let _ = std::fs::remove_file(corpus.join(SLOTS[slot]));
                model.corpus.remove(&slot);
            }
            Op::Ingest { full } => {
                let opts = IngestOptions {
                    full,
                    ..IngestOptions::default()
                };
                ingest(&corpus, &index, &opts, &|_| {}).unwrap();
                model.ingest();
            }
            Op::Run { killed } => {
                let (got, generation) = run_watch(&index);
                assert_eq!(got, model.due(), "after {ops:?}");
                if !killed {
                    advance(&index, "centrifuges", generation).unwrap();
                    model.last_completed_run = model.ingests;
                }
            }
        }
    }
    // The watch survived every rebuild's swap.
    assert!(watches::load(&index).unwrap().get("centrifuges").is_some());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn every_matching_paragraph_is_reported_once_per_completed_run(
        ops in proptest::collection::vec(op(), 1..14)
    ) {
        check(&ops);
    }
}

#[test]
fn a_rebuild_does_not_report_unchanged_documents_again() {
    use Op::*;
    check(&[
        Write {
            slot: 0,
            matching: true,
            version: 0,
        },
        Ingest { full: false },
        Run { killed: false },
        Ingest { full: true },
        Write {
            slot: 1,
            matching: true,
            version: 1,
        },
        Ingest { full: true },
        Run { killed: true },
        Run { killed: false },
        Run { killed: false },
    ]);
}
