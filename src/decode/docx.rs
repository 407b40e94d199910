//! Word documents (`.docx`): the body's paragraphs as the reader sees
//! them, one per block, with list numbers spelled out.
//!
//! Read with `zip` and `quick-xml` rather than a document crate: only
//! `word/document.xml` and `word/numbering.xml` matter, and numbering as
//! displayed (`1.`, `(a)`, `4(d)`) needs the level texts of numbering.xml,
//! which the reader crates leave to the caller. Headers and footers live in
//! their own parts and are never read; tracked changes are shown accepted
//! (`w:ins` kept, `w:del` and `w:moveFrom` dropped). Not handled: numbering
//! that comes only from a paragraph style, `w:lvlOverride` restarts.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::DecodeError;

/// Largest XML part read (a zip bomb stops here).
const MAX_PART: u64 = 64 * 1024 * 1024;

/// One level of a list: its number format, level text and start.
#[derive(Clone, Debug, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// The list definitions of numbering.xml: `numId` → levels.
#[derive(Debug, Default)]
struct Numbering {
    lists: HashMap<String, Vec<Level>>,
}

/// The text of a `.docx`: paragraphs separated by blank lines, a numbered
/// one preceded by its number as displayed.
pub fn to_text(bytes: &[u8]) -> Result<String, DecodeError> {
    let bad = |why: String| DecodeError::Extract(format!("not a readable .docx: {why}"));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let document = read_part(&mut zip, "word/document.xml")?
        .ok_or_else(|| bad("no word/document.xml".into()))?;
    let numbering = match read_part(&mut zip, "word/numbering.xml")? {
        Some(xml) => read_numbering(&xml).map_err(bad)?,
        None => Numbering::default(),
    };
    read_body(&document, &numbering).map_err(bad)
}

fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, DecodeError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DecodeError::Extract(format!("{name}: {e}"))),
    };
    let mut text = String::new();
    file.take(MAX_PART)
        .read_to_string(&mut text)
        .map_err(|e| DecodeError::Extract(format!("{name}: {e}")))?;
    Ok(Some(text))
}

/// The `w:val` attribute of an element.
fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "val")
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// An attribute by local name.
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn read_numbering(xml: &str) -> Result<Numbering, String> {
    let mut reader = Reader::from_str(xml);
    let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
    let mut nums: Vec<(String, String)> = Vec::new();
    let (mut abs_id, mut num_id): (Option<String>, Option<String>) = (None, None);
    let mut level: Option<(usize, Level)> = None;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "abstractNum" => abs_id = attr(e, "abstractNumId"),
                "num" => num_id = attr(e, "numId"),
                "abstractNumId" => {
                    if let (Some(n), Some(a)) = (&num_id, val(e)) {
                        nums.push((n.clone(), a));
                    }
                }
                "lvl" => {
                    let ilvl = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((
                        ilvl,
                        Level {
                            start: 1,
                            ..Level::default()
                        },
                    ));
                }
                "start" => {
                    if let (Some((_, l)), Some(v)) = (&mut level, val(e)) {
                        l.start = v.parse().unwrap_or(1);
                    }
                }
                "numFmt" => {
                    if let (Some((_, l)), Some(v)) = (&mut level, val(e)) {
                        l.format = v;
                    }
                }
                "lvlText" => {
                    if let (Some((_, l)), Some(v)) = (&mut level, val(e)) {
                        l.text = v;
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "lvl" => {
                if let (Some(a), Some((ilvl, l))) = (&abs_id, level.take()) {
                    let levels = abstracts.entry(a.clone()).or_default();
                    if levels.len() <= ilvl {
                        levels.resize(ilvl + 1, Level::default());
                    }
                    levels[ilvl] = l;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let lists = nums
        .into_iter()
        .filter_map(|(n, a)| abstracts.get(&a).map(|l| (n, l.clone())))
        .collect();
    Ok(Numbering { lists })
}

/// A counter in a list format: `decimal` 4, `lowerLetter` d, `lowerRoman` iv.
fn format_number(n: u32, format: &str) -> String {
    let letter = |upper: bool| {
        let base = if upper { b'A' } else { b'a' };
        // a..z, then aa, bb… as Word counts.
        let k = (n.max(1) - 1) as usize;
        let ch = (base + (k % 26) as u8) as char;
        ch.to_string().repeat(k / 26 + 1)
    };
    match format {
        "lowerLetter" => letter(false),
        "upperLetter" => letter(true),
        "lowerRoman" => crate::text::roman::to_roman(n).to_lowercase(),
        "upperRoman" => crate::text::roman::to_roman(n),
        "bullet" => "•".into(),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// The counters of the lists met so far, by `numId`.
#[derive(Default)]
struct Counters {
    by_list: HashMap<String, Vec<u32>>,
}

impl Counters {
    /// The number of the next paragraph of `num_id` at level `ilvl` as
    /// displayed (`(d)`, `4.`), or `None` when the list is unknown.
    fn next(&mut self, numbering: &Numbering, num_id: &str, ilvl: usize) -> Option<String> {
        let levels = numbering.lists.get(num_id)?;
        let level = levels.get(ilvl)?;
        let counts = self.by_list.entry(num_id.to_string()).or_default();
        if counts.len() <= ilvl {
            counts.resize(ilvl + 1, 0);
        }
        counts[ilvl] = if counts[ilvl] == 0 {
            level.start
        } else {
            counts[ilvl] + 1
        };
        // A deeper level restarts under a new item.
        counts.truncate(ilvl + 1);
        if level.format == "bullet" {
            return Some("•".into());
        }
        let mut text = level.text.clone();
        for (i, l) in levels.iter().enumerate().take(ilvl + 1).rev() {
            let n = counts.get(i).copied().filter(|&n| n > 0).unwrap_or(l.start);
            text = text.replace(&format!("%{}", i + 1), &format_number(n, &l.format));
        }
        Some(text)
    }
}

/// Where the body reader is inside a paragraph.
#[derive(Default)]
struct Para {
    text: String,
    num_id: Option<String>,
    ilvl: usize,
    in_text: bool,
}

fn read_body(xml: &str, numbering: &Numbering) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out: Vec<String> = Vec::new();
    let mut counters = Counters::default();
    let mut para: Option<Para> = None;
    // Depth inside deleted content (`w:del`, `w:moveFrom`).
    let mut deleted = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        match &event {
            Event::Start(e) => match e.local_name().as_ref() {
                "p" => para = Some(Para::default()),
                "del" | "moveFrom" => deleted += 1,
                "t" => {
                    if let Some(p) = &mut para {
                        p.in_text = deleted == 0;
                    }
                }
                _ => para_property(e, para.as_mut()),
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" | "br" | "cr" if deleted == 0 => {
                    if let Some(p) = &mut para {
                        p.text.push(' ');
                    }
                }
                _ => para_property(e, para.as_mut()),
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => {
                    if let Some(p) = &mut para {
                        p.in_text = false;
                    }
                }
                "del" | "moveFrom" => deleted = deleted.saturating_sub(1),
                "p" => {
                    if let Some(p) = para.take() {
                        finish_paragraph(p, numbering, &mut counters, &mut out);
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(p) = para.as_mut().filter(|p| p.in_text) {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(p) = para.as_mut().filter(|p| p.in_text) {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(p) = para.as_mut().filter(|p| p.in_text) {
                    push_reference(r, &mut p.text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out.join("\n\n") + "\n")
}

/// `&amp;`, `&#8217;` and the like inside a text run.
fn push_reference(r: &quick_xml::events::BytesRef, text: &mut String) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        text.push(c);
    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r.xml10_content()) {
        text.push_str(s);
    }
}

/// Reads `w:numId` and `w:ilvl` of the paragraph being read.
fn para_property(e: &BytesStart, para: Option<&mut Para>) {
    let Some(p) = para else { return };
    match e.local_name().as_ref() {
        "numId" => p.num_id = val(e),
        "ilvl" => p.ilvl = val(e).and_then(|v| v.parse().ok()).unwrap_or(0),
        _ => {}
    }
}

fn finish_paragraph(
    p: Para,
    numbering: &Numbering,
    counters: &mut Counters,
    out: &mut Vec<String>,
) {
    let text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return;
    }
    let number = p
        .num_id
        .filter(|n| n != "0")
        .and_then(|n| counters.next(numbering, &n, p.ilvl))
        .filter(|n| !n.is_empty());
    out.push(match number {
        Some(n) => format!("{n} {text}"),
        None => text,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbers_read_as_displayed() {
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(3, "upperLetter"), "C");
        assert_eq!(format_number(12, "decimal"), "12");
        let numbering = read_numbering(
            r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1(%2)"/></w:lvl>
            </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
        )
        .unwrap();
        let mut c = Counters::default();
        let got: Vec<Option<String>> = [(0, "3"), (1, "3"), (1, "3"), (0, "3"), (1, "3"), (0, "9")]
            .iter()
            .map(|(l, n)| c.next(&numbering, n, *l))
            .collect();
        let want = [
            Some("4."),
            Some("4(i)"),
            Some("4(ii)"),
            Some("5."),
            Some("5(i)"),
            None,
        ];
        assert_eq!(got, want.map(|w| w.map(String::from)));
    }

    #[test]
    fn what_is_not_a_word_document_is_an_extraction_error() {
        for bytes in [&b"PK\x03\x04 truncated"[..], b"plain text"] {
            assert!(matches!(to_text(bytes), Err(DecodeError::Extract(m)) if m.contains(".docx")));
        }
    }
}
