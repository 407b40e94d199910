//! Decoding tests: encodings, binary detection, markdown and HTML.

use super::*;

#[test]
fn utf8_with_and_without_bom() {
    assert_eq!(
        decode("Caf\u{e9}\n".as_bytes(), SourceFormat::Text).unwrap(),
        "Caf\u{e9}\n"
    );
    assert_eq!(
        decode(b"\xEF\xBB\xBFa\r\nb\rc", SourceFormat::Text).unwrap(),
        "a\nb\nc"
    );
}

#[test]
fn utf16_both_orders() {
    let s = "Chairman\u{2019}s Summary\r\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    assert_eq!(
        decode(&le, SourceFormat::Text).unwrap(),
        "Chairman\u{2019}s Summary\n"
    );
    assert_eq!(
        decode(&be, SourceFormat::Text).unwrap(),
        "Chairman\u{2019}s Summary\n"
    );
    // Without BOM, recognised by the zero-byte pattern.
    assert_eq!(
        decode(&le[2..], SourceFormat::Text).unwrap(),
        "Chairman\u{2019}s Summary\n"
    );
}

#[test]
fn windows_1252_for_invalid_utf8() {
    let bytes = b"\x93Caf\xe9\x94 \x96 r\xe9sum\xe9";
    assert_eq!(
        decode(bytes, SourceFormat::Text).unwrap(),
        "\u{201c}Caf\u{e9}\u{201d} \u{2013} r\u{e9}sum\u{e9}"
    );
}

#[test]
fn binary_and_empty() {
    assert_eq!(decode(b"", SourceFormat::Text), Err(DecodeError::Empty));
    assert_eq!(
        decode(b" \n\t\r\n", SourceFormat::Text),
        Err(DecodeError::Empty)
    );
    assert_eq!(
        decode(b"abc\0def\0\x01\x02", SourceFormat::Text),
        Err(DecodeError::Binary)
    );
    let ctrl: Vec<u8> = (0..200u8)
        .map(|i| if i % 3 == 0 { 1 } else { b'a' })
        .collect();
    assert_eq!(decode(&ctrl, SourceFormat::Text), Err(DecodeError::Binary));
    let page = b"<html><body><script>x()</script></body></html>";
    assert_eq!(
        decode(page, SourceFormat::Html),
        Err(DecodeError::NoText(page.len()))
    );
}

#[test]
fn markdown_marks_are_removed() {
    let md = "# The Fifth Meeting\n\n**Tokyo**, 5 May 2010\n\n1. The *participants* met [here](http://x).\n- a bullet\n* another\n\n---\n";
    assert_eq!(
        decode(md.as_bytes(), SourceFormat::Markdown).unwrap(),
        "The Fifth Meeting\n\nTokyo, 5 May 2010\n\n1. The participants met here.\n- a bullet\n* another\n\n\n"
    );
}

#[test]
fn html_main_text_only() {
    let html = r#"<!DOCTYPE html><html><head><title>Joint Statement | Ministry</title>
<style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
<body><header><div class="logo">Ministry of Foreign Affairs</div></header>
<nav><ul><li>Home</li><li>Policy</li></ul></nav>
<div id="breadcrumb">Home &gt; Press</div>
<main><h1>Japan&ndash;ASEAN Joint Statement</h1><p>Tokyo, 5&nbsp;May 2010</p>
<ol><li>The Ministers <b>met</b>.</li><li>They agreed:<ul><li>to cooperate;</li><li>to meet again.</li></ul></li></ol>
<p>Caf&eacute; &amp; &#8220;quotes&#8221;<br>second line</p></main>
<footer>Copyright</footer></body></html>"#;
    assert_eq!(
        decode(html.as_bytes(), SourceFormat::Html).unwrap(),
        "Japan\u{2013}ASEAN Joint Statement\n\nTokyo, 5 May 2010\n\n1. The Ministers met.\n2. They agreed:\n  - to cooperate;\n  - to meet again.\n\nCaf\u{e9} & \u{201c}quotes\u{201d}\nsecond line\n"
    );
}

#[test]
fn html_spans_labels_captions_and_bylines() {
    // A space alone between two spans parts their words; a row of label
    // and value cells reads `Label: value`, one pair a line; a photo's
    // caption and a story's byline are left out.
    let html = r#"<html><body><main><h1>Talks end</h1>
<div class="byline"><span>Lim Wei Ling</span> <span>Regional Correspondent</span></div>
<table><tr><th>Title</th><td>Outcome of the Talks</td></tr>
<tr><th>Date:</th><td>2033-04-22</td><th>Views</th><td>2048</td></tr></table>
<figure><img src="a.jpg"><figcaption>Ministers pose for a photo. PHOTO: AFP</figcaption></figure>
<p>Vice Minister <span>Ahn Seo-yeon</span> <span>(Director-General)</span> spoke.</p>
<table><tr><td>1990</td><td>12</td></tr></table></main></body></html>"#;
    assert_eq!(
        decode(html.as_bytes(), SourceFormat::Html).unwrap(),
        "Talks end\n\nTitle: Outcome of the Talks\nDate: 2033-04-22\nViews: 2048\n\nVice Minister Ahn Seo-yeon (Director-General) spoke.\n\n1990 12\n"
    );
}

#[test]
fn html_title_used_when_no_h1() {
    let html = "<html><head><title>Chairman's Statement of the ARF | ASEAN</title></head><body><p>Para one.</p></body></html>";
    assert_eq!(
        decode(html.as_bytes(), SourceFormat::Html).unwrap(),
        "Chairman's Statement of the ARF\n\nPara one.\n"
    );
}

#[test]
fn pdf_garbage_is_an_extract_error() {
    #[cfg(feature = "pdf")]
    {
        assert!(matches!(
            decode(b"%PDF-1.4\ngarbage", SourceFormat::Pdf),
            Err(DecodeError::Extract(_))
        ));
        assert!(matches!(
            decode(b"hello", SourceFormat::Pdf),
            Err(DecodeError::Extract(_))
        ));
    }
    #[cfg(not(feature = "pdf"))]
    assert_eq!(
        decode(b"%PDF-1.4", SourceFormat::Pdf),
        Err(DecodeError::PdfDisabled)
    );
}

#[test]
fn formats_by_extension() {
    use std::path::Path;
    assert_eq!(
        SourceFormat::from_path(Path::new("a/B.HTM")),
        Some(SourceFormat::Html)
    );
    assert_eq!(
        SourceFormat::from_path(Path::new("x.md")),
        Some(SourceFormat::Markdown)
    );
    assert_eq!(
        SourceFormat::from_path(Path::new("x.pdf")),
        Some(SourceFormat::Pdf)
    );
    assert_eq!(
        SourceFormat::from_path(Path::new("x.txt")),
        Some(SourceFormat::Text)
    );
    assert_eq!(
        SourceFormat::from_path(Path::new("x.docx")),
        Some(SourceFormat::Docx)
    );
    assert_eq!(SourceFormat::from_path(Path::new("x.odt")), None);
    assert_eq!(SourceFormat::from_path(Path::new("README")), None);
}

#[test]
fn html_paragraphs_inside_list_items_stay_with_their_marker() {
    let html = "<body><div id=\"contents\"><h1>Joint Statement</h1><ol><li><p>First item.</p><p>More of it.</p></li><li><p>Second.</p></li></ol><table><tr><td>1.</td><td>Cell text</td></tr></table></div></body>";
    assert_eq!(
        decode(html.as_bytes(), SourceFormat::Html).unwrap(),
        "Joint Statement\n\n1. First item.\n\nMore of it.\n\n2. Second.\n\n1. Cell text\n"
    );
}

#[test]
fn japanese_legacy_encodings_are_recognised() {
    let text = "平成30年1月26日 アジア不拡散協議（ASTOP）の開催";
    for enc in [encoding_rs::SHIFT_JIS, encoding_rs::EUC_JP] {
        let (bytes, _, _) = enc.encode(text);
        assert_eq!(
            decode(&bytes, SourceFormat::Text).unwrap(),
            text,
            "{}",
            enc.name()
        );
    }
    // Western text with accents stays Windows-1252.
    assert_eq!(
        decode(b"r\xe9sum\xe9 of the d\xe9tente", SourceFormat::Text).unwrap(),
        "r\u{e9}sum\u{e9} of the d\u{e9}tente"
    );
    let french = "Le Minist\u{e8}re des Affaires \u{e9}trang\u{e8}res et la d\u{e9}l\u{e9}gation fran\u{e7}aise \u{e0} la r\u{e9}union".repeat(3);
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&french);
    assert_eq!(decode(&bytes, SourceFormat::Text).unwrap(), french);
}

#[test]
fn html_link_lists_are_menus() {
    let html = "<body><table><tr><td><ul><li><a href=/>Home</a></li><li><a href=/p>Foreign Policy</a></li><li><a href=/r>Regions</a></li></ul></td><td><h1>Chairman's Summary</h1><ul><li>The meeting was held in <a href=/t>Tokyo</a> on 5 May.</li><li>It agreed to meet again.</li></ul></td></tr></table></body>";
    assert_eq!(
        decode(html.as_bytes(), SourceFormat::Html).unwrap(),
        "Chairman's Summary\n\n\u{2022} The meeting was held in Tokyo on 5 May.\n\u{2022} It agreed to meet again.\n"
    );
}

#[test]
fn markup_without_text_is_not_called_an_empty_file() {
    let page = format!(
        "<html><body>{}{}</body></html>",
        "<div>".repeat(3000),
        "</div>".repeat(3000)
    );
    let err = decode(page.as_bytes(), SourceFormat::Html).unwrap_err();
    assert_eq!(err, DecodeError::NoText(page.len()));
    assert!(err.to_string().starts_with("no text found"));
}
