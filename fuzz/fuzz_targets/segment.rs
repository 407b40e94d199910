//! Any text: segmentation yields unique labels and ordinals in order.
#![no_main]
use dipsearch::segment::segment_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let seg = segment_text(&text);
    let mut labels = std::collections::HashSet::new();
    for (i, p) in seg.paragraphs.iter().enumerate() {
        assert_eq!(p.ordinal as usize, i);
        assert!(labels.insert(p.label.clone()), "duplicate label {}", p.label);
    }
});
