//! What the binary adds to the library's messages: the commands and flags
//! to use next, which the library does not know about.

use dipsearch::index::RebuildReason;

/// Why the index is rebuilt, as the user reads it.
pub fn rebuild_reason(reason: &RebuildReason) -> String {
    match reason {
        RebuildReason::Requested => "--full was given".to_string(),
        other => other.describe(&|e| e.to_string()),
    }
}
