//! Panics from a damaged index become errors.
//!
//! Why: tantivy trusts its own files and asserts on what it reads (a bit
//! width over 56 in a flipped bit-packed column, for one); a damaged index
//! must give a one-line report and exit status 1, and an ingest that meets
//! one must be able to rebuild it rather than die. Every read of index
//! data whose failure the caller handles goes through [`guard`].

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use crate::error::{Error, Result};

/// Runs `f`, turning a panic inside it into [`Error::IndexDamaged`] for the
/// index in `dir`.
pub fn guard<T>(dir: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => Err(Error::IndexDamaged {
            path: dir.to_path_buf(),
            detail: panic_message(payload.as_ref()),
        }),
    }
}

/// The message of a panic payload, shortened to one line.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a reader failed".into());
    one_line(&msg)
}

/// A tantivy error as a short, one-line detail.
pub fn one_line(detail: &str) -> String {
    let flat: String = detail
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    flat.chars().take(200).collect()
}

/// Whether a tantivy error means the files are damaged or missing (as
/// opposed to, say, a full disk or a lock).
pub fn is_damage(e: &tantivy::TantivyError) -> bool {
    use tantivy::TantivyError as T;
    matches!(
        e,
        T::DataCorruption(_)
            | T::OpenReadError(_)
            | T::OpenDirectoryError(_)
            | T::IncompatibleIndex(_)
            | T::SchemaError(_)
            | T::InvalidArgument(_)
            | T::InternalError(_)
            | T::FieldNotFound(_)
            | T::DeserializeError(_)
    ) || matches!(e, T::IoError(io) if io.kind() == std::io::ErrorKind::InvalidData
        || io.kind() == std::io::ErrorKind::UnexpectedEof)
}

/// A tantivy error met while reading the index in `dir`: damage is
/// [`Error::IndexDamaged`], anything else stays a tantivy error.
pub fn reading(dir: &Path, e: tantivy::TantivyError) -> Error {
    if is_damage(&e) {
        Error::IndexDamaged {
            path: dir.to_path_buf(),
            detail: one_line(&e.to_string()),
        }
    } else {
        Error::Tantivy(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_damaged_index_error_naming_the_folder() {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let err = guard(Path::new("idx"), || -> Result<()> {
            panic!("assertion failed: num_bits <= 7 * 8")
        })
        .unwrap_err();
        std::panic::set_hook(hook);
        let msg = err.to_string();
        assert!(msg.contains("idx") && msg.contains("num_bits"), "{msg}");
    }
}
