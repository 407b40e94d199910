//! Decoding: raw bytes of a corpus file → Unicode text with `\n` line ends.
//!
//! Sits between `corpus` (which found the file) and `segment` (which reads
//! its layout). Knows encodings and container formats, nothing about
//! paragraphs or names:
//!
//! * [`text`]: byte-order marks, UTF-8 / UTF-16 / CJK legacy / Windows-1252 detection,
//!   binary detection, line-end normalisation;
//! * [`markdown`]: heading marks, emphasis and links removed, lists kept;
//! * [`html`]: the main text of a page, one block per line, navigation and
//!   scripts left out;
//! * [`pdf`] (cargo feature `pdf`, on by default): the text layer of a PDF;
//! * [`docx`]: a Word document's body paragraphs, list numbers as displayed,
//!   tracked changes accepted, headers and footers left out.
//!
//! Typographic characters (curly quotes, dashes) are kept as they are: the
//! displayed text must be faithful.

use std::path::Path;

pub mod docx;
pub mod html;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod text;

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
    /// `.docx`
    Docx,
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
            "docx" => Some(SourceFormat::Docx),
            _ => None,
        }
    }
}

/// Why a file's bytes could not be turned into text. The messages are shown
/// to users as skip reasons.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file has no bytes (or only whitespace).
    #[error("empty file")]
    Empty,
    /// The file has content, but none of it is text to index (an HTML page
    /// whose markup, scripts and navigation hold no main text, say).
    #[error("no text found ({0} bytes, all markup or whitespace)")]
    NoText(usize),
    /// The bytes look like a binary file, not text.
    #[error("binary content, not text")]
    Binary,
    /// The format is recognised but its content could not be extracted.
    #[error("cannot extract text: {0}")]
    Extract(String),
    /// A PDF file, but this build has no PDF support.
    #[error("PDF support not built in (enable the `pdf` feature)")]
    PdfDisabled,
}

/// Characters that render as nothing: zero-width space, word joiner, a
/// byte-order mark inside the text, a soft hyphen. Web pages put them after
/// paragraph numbers (`1.\u{200b} The ...`), where they would hide the
/// marker, and soft hyphens inside words (`Presi\u{ad}dent`), which would
/// cut the word in two for the index.
const INVISIBLE: [char; 4] = ['\u{200b}', '\u{2060}', '\u{feff}', '\u{ad}'];

/// `text` without [`INVISIBLE`] characters (no copy when it has none).
fn without_invisible(text: String) -> String {
    // One substring search per character: the standard library's is
    // vectorised, where a search for any of several chars decodes every
    // character of the text (2.5 % of an ingest's instructions).
    let mut buf = [0u8; 4];
    if INVISIBLE
        .iter()
        .any(|c| text.contains(&*c.encode_utf8(&mut buf)))
    {
        text.replace(INVISIBLE, "")
    } else {
        text
    }
}

/// A decoded file: its text, and the headline its markup marks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    /// The text, `\n` line ends.
    pub text: String,
    /// The line of `text` the markup marks as the page's headline (an
    /// HTML `h1`, a Markdown `# ` heading): a saved page's caption, byline
    /// or badge next to its stamp would otherwise be read as its title.
    pub headline: Option<String>,
}

/// Decodes `bytes` of the given format into text with `\n` line ends.
///
/// ```
/// use dipsearch::decode::{decode, SourceFormat, DecodeError};
/// assert_eq!(decode(b"\xEF\xBB\xBFTokyo\r\n", SourceFormat::Text).unwrap(), "Tokyo\n");
/// assert_eq!(decode(b"  \n", SourceFormat::Text), Err(DecodeError::Empty));
/// assert_eq!(decode("1.\u{200b} Text\n".as_bytes(), SourceFormat::Text).unwrap(), "1. Text\n");
/// assert_eq!(decode("Presi\u{ad}dent\n".as_bytes(), SourceFormat::Text).unwrap(), "President\n");
/// ```
pub fn decode(bytes: &[u8], format: SourceFormat) -> Result<String, DecodeError> {
    decode_page(bytes, format).map(|d| d.text)
}

/// [`decode`] with the headline the markup marks.
///
/// ```
/// use dipsearch::decode::{decode_page, SourceFormat};
/// let md = "Politics\n\n# Leaders agree on a rail link\n\n*A caption*\n";
/// let page = decode_page(md.as_bytes(), SourceFormat::Markdown).unwrap();
/// assert_eq!(page.headline.as_deref(), Some("Leaders agree on a rail link"));
/// ```
pub fn decode_page(bytes: &[u8], format: SourceFormat) -> Result<Decoded, DecodeError> {
    let (out, headline) = match format {
        SourceFormat::Text => (text::decode_text(bytes)?, None),
        SourceFormat::Markdown => markdown::to_page(&text::decode_text(bytes)?),
        SourceFormat::Html => html::to_page(&text::decode_html_bytes(bytes)?),
        SourceFormat::Pdf => (decode_pdf(bytes)?, None),
        SourceFormat::Docx => (docx::to_text(bytes)?, None),
    };
    let out = without_invisible(out);
    if out.trim().is_empty() {
        // "Empty" only for a file that is: a large page whose extraction
        // gives nothing must not be reported as an empty file.
        return Err(if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            DecodeError::Empty
        } else {
            DecodeError::NoText(bytes.len())
        });
    }
    let headline = headline.map(without_invisible).filter(|h| !h.is_empty());
    Ok(Decoded {
        text: out,
        headline,
    })
}

#[cfg(feature = "pdf")]
fn decode_pdf(bytes: &[u8]) -> Result<String, DecodeError> {
    pdf::to_text(bytes)
}

#[cfg(not(feature = "pdf"))]
fn decode_pdf(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    Err(DecodeError::PdfDisabled)
}

#[cfg(test)]
mod tests;
