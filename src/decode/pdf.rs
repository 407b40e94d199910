//! PDF → text, through `pdf-extract` (feature `pdf`).
//!
//! The extractor is a large parser working on untrusted input; it reports
//! most problems as errors but can panic on malformed files, so the call is
//! wrapped in `catch_unwind` and every failure becomes a short
//! [`DecodeError::Extract`] reason. Scanned PDFs without a text layer give
//! no text and are reported as such. The output is hard-wrapped with page
//! breaks; `segment::unwrap` undoes that.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use super::text::normalise_newlines;
use super::DecodeError;

/// Extracts the text layer of a PDF file's bytes.
pub fn to_text(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(DecodeError::Extract("not a PDF file".into()));
    }
    quiet_extractor_panics();
    EXTRACTING.with(|f| f.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem(bytes)
    }));
    EXTRACTING.with(|f| f.set(false));
    match result {
        Ok(Ok(text)) => {
            let text = normalise_newlines(&text.replace('\u{0}', ""));
            if text.trim().is_empty() {
                Err(DecodeError::Extract("no text layer (scanned PDF?)".into()))
            } else {
                Ok(text)
            }
        }
        Ok(Err(e)) => Err(DecodeError::Extract(short(&e.to_string()))),
        Err(_) => Err(DecodeError::Extract("malformed PDF".into())),
    }
}

thread_local! {
    /// Set while this thread runs the extractor, whose panics are caught.
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// Wraps the process's panic hook once so that a panic inside the PDF
/// extractor — caught and reported as a skip reason — prints nothing: a
/// user should see `skipped x.pdf: malformed PDF`, not a panic message.
/// Every other panic still reaches the previous hook unchanged.
fn quiet_extractor_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !EXTRACTING.with(|f| f.get()) {
                previous(info);
            }
        }));
    });
}

/// First line of an error message, at most 100 chars.
fn short(msg: &str) -> String {
    let line = msg.lines().next().unwrap_or("unreadable PDF");
    let mut s: String = line.chars().take(100).collect();
    if s.is_empty() {
        s = "unreadable PDF".into();
    }
    s
}
