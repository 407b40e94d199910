//! Any text file through decode, front matter, segmentation and tagging:
//! a record or a skip reason, never a panic; mention ranges stay on char
//! boundaries of the paragraph text.
#![no_main]
use dipsearch::enrich::Gazetteer;
use dipsearch::ingest::process_bytes;
use dipsearch::meta::Overrides;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(p) = process_bytes("f.txt", std::path::Path::new("f.txt"), data, &Overrides::default()) {
        for para in &p.paragraphs {
            for m in Gazetteer::builtin().mentions(&para.record.text) {
                assert!(para.record.text.get(m.start..m.end).is_some());
            }
        }
    }
});
