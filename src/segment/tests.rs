//! Segmentation tests on the sample and on the fixture documents.

use super::*;
use crate::model::DocType;

fn labels(s: &Segmented) -> Vec<&str> {
    s.paragraphs.iter().map(|p| p.label.as_str()).collect()
}

#[test]
fn sample_astop_2003() {
    let s = segment_text(include_str!("../../corpus/astop-2003-tokyo.txt"));
    assert_eq!(
        labels(&s),
        [
            "1", "2", "3", "3(a)", "3(b)", "4", "4(a)", "4(b)", "4(c)", "4(d)", "4(e)", "5", "6",
            "7"
        ]
    );
    let h = &s.header;
    assert_eq!(
        h.meeting.as_deref(),
        Some("Asian Senior-level Talks on Non-Proliferation")
    );
    assert_eq!(h.acronym.as_deref(), Some("ASTOP"));
    assert_eq!(h.place.as_deref(), Some("Tokyo"));
    assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2003-11-13"));
    assert_eq!(h.date_end, None);
    assert_eq!(h.year, Some(2003));
    assert_eq!(h.doc_type, DocType::ChairsSummary);
    assert_eq!(h.edition, None);
    assert_eq!(h.chair.as_deref(), Some("Ambassador Yukiya Amano"));
    assert_eq!(
        h.title.as_deref(),
        Some("Asian Senior-level Talks on Non-Proliferation (ASTOP)")
    );
    let p3 = &s.paragraphs[2];
    let p3a = &s.paragraphs[3];
    assert_eq!(p3a.parent.as_deref(), Some("3"));
    assert_eq!(p3a.context.as_deref(), Some(p3.text.as_str()));
    assert!(p3a
        .text
        .starts_with("The meeting recalled the G8 Declaration"));
    assert!(s
        .paragraphs
        .iter()
        .all(|p| !p.text.contains("Back to Index")));
    assert!(s.paragraphs[0]
        .text
        .starts_with("The Asian Senior-level Talks"));
    for (i, p) in s.paragraphs.iter().enumerate() {
        assert_eq!(p.ordinal as usize, i);
        assert_eq!(p.heading, None);
    }
    assert_eq!(s.paragraphs[11].parent, None);
}
