//! Issue 17: Word documents. A `.docx` built here from its XML parts (the
//! `zip` crate): numbered paragraphs and sub-items, a header and a footer,
//! a tracked change; and a damaged one, skipped with a reason.

use std::io::Write;

use crate::util::{Hit, TestDir};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn numbered(level: u32, runs: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>{runs}</w:p>"#
    )
}

fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn document() -> String {
    let body = [
        para("CHAIR&apos;S STATEMENT"),
        para("ASEAN REGIONAL FORUM INTER-SESSIONAL MEETING ON COUNTER-TERRORISM AND TRANSNATIONAL CRIME"),
        para("Bangkok, 12 March 2019"),
        numbered(0, &run("The Meeting was co-chaired by Thailand and Australia and attended by all ARF participants.")),
        numbered(
            0,
            &format!(
                "{}<w:del w:id=\"1\" w:author=\"Secretariat\"><w:r><w:delText>strongly </w:delText></w:r></w:del>\
                 <w:ins w:id=\"2\" w:author=\"Secretariat\"><w:r><w:t xml:space=\"preserve\">firmly </w:t></w:r></w:ins>{}",
                run("The Meeting "),
                run("condemned terrorism in all its forms and stressed the following:")
            ),
        ),
        numbered(1, &run("the sharing of information on foreign terrorist fighters;")),
        numbered(1, &run("capacity building for border and customs officials &amp; prosecutors.")),
        numbered(0, &run("The Meeting agreed to hold its next session in Canberra in 2020.")),
    ]
    .concat();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

fn numbering() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>
<w:abstractNum w:abstractNumId="7">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>"#
    )
}

/// A `.docx` of the given parts.
fn docx(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, content) in parts {
        zip.start_file(*name, options).expect("start");
        zip.write_all(content.as_bytes()).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

#[test]
fn a_docx_is_read_with_its_list_numbers_and_accepted_changes() {
    let t = TestDir::new();
    let header = format!(
        r#"<w:hdr {W}>{}</w:hdr>"#,
        para("DRAFT - NOT FOR CIRCULATION")
    );
    let footer = format!(r#"<w:ftr {W}>{}</w:ftr>"#, para("Page 1 of 1"));
    t.write(
        "arf-ism-ct-tc-2019.docx",
        docx(&[
            ("[Content_Types].xml", "<Types/>".into()),
            ("word/document.xml", document()),
            ("word/numbering.xml", numbering()),
            ("word/header1.xml", header),
            ("word/footer1.xml", footer),
        ]),
    );
    t.write("broken.docx", b"PK\x03\x04 a truncated upload");
    let out = t.run(["ingest"]).success().get_output().stdout.clone();
    let out = String::from_utf8_lossy(&out);
    assert!(
        out.contains("skipped broken.docx: cannot extract text: not a readable .docx"),
        "{out}"
    );
    let hits: Vec<Hit> = t.json_lines(["export"]);
    let labels: Vec<&str> = hits.iter().map(|h| h.paragraph.as_str()).collect();
    assert_eq!(labels, ["1", "2", "2(a)", "2(b)", "3"], "{hits:#?}");
    assert_eq!(
        hits[1].text,
        "The Meeting firmly condemned terrorism in all its forms and stressed the following:"
    );
    assert_eq!(
        hits[3].text,
        "capacity building for border and customs officials & prosecutors."
    );
    assert_eq!(hits[0].meeting_id.as_deref(), Some("ARF-ISM-CTTC"));
    assert_eq!(hits[0].date.as_deref(), Some("2019-03-12"));
    assert!(hits.iter().all(|h| !h.text.contains("CIRCULATION")
        && !h.text.contains("Page 1")
        && !h.text.contains("strongly")));
}
