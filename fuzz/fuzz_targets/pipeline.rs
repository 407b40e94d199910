//! Any text file through decode, front matter, segmentation and tagging:
//! a record or a skip reason, never a panic; mention ranges stay on char
//! boundaries of the paragraph text.
#![no_main]
use dipsearch::enrich::Gazetteer;
use dipsearch::meta::Overrides;
use dipsearch::pipeline::process;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = process(data, "f.txt", &Overrides::default()) {
        for para in &doc.records {
            for m in Gazetteer::builtin().mentions(&para.record.text) {
                assert!(para.record.text.get(m.start..m.end).is_some());
            }
        }
    }
});
