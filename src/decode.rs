//! Decoding: raw bytes of a corpus file → Unicode text.
//!
//! Sits between `corpus` (which found the file) and `segment` (which reads
//! its layout). Knows encodings and container formats, nothing about
//! paragraphs or names.

use std::path::Path;

/// The container format of a source file, chosen by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// `.txt`
    Text,
    /// `.md`, `.markdown`
    Markdown,
    /// `.html`, `.htm`
    Html,
    /// `.pdf`
    Pdf,
}

impl SourceFormat {
    /// The format for a path's extension (case-insensitive), `None` for
    /// files dipsearch does not read.
    pub fn from_path(path: &Path) -> Option<SourceFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(SourceFormat::Text),
            "md" | "markdown" => Some(SourceFormat::Markdown),
            "html" | "htm" | "xhtml" => Some(SourceFormat::Html),
            "pdf" => Some(SourceFormat::Pdf),
            _ => None,
        }
    }
}

/// Why a file's bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file has no bytes (or only whitespace).
    #[error("empty file")]
    Empty,
    /// The bytes look like a binary file, not text.
    #[error("binary content, not text")]
    Binary,
    /// The format is recognised but its content could not be extracted.
    #[error("cannot extract text: {0}")]
    Extract(String),
}

/// Decodes `bytes` of the given format into text with `\n` line ends.
pub fn decode(bytes: &[u8], format: SourceFormat) -> Result<String, DecodeError> {
    let _ = format;
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}
