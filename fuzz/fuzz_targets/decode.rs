//! Any bytes, any format: decoding returns text or an error, never panics.
#![no_main]
use dipsearch::decode::{decode, SourceFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [SourceFormat::Text, SourceFormat::Markdown, SourceFormat::Html, SourceFormat::Pdf] {
        let _ = decode(data, format);
    }
});
