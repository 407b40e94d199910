//! A site's menu copied with the page as lines of their own (`Home` /
//! `Profile` / `News` / `Publications`): short capitalised labels in a
//! run, one of them a word that only menus use. Above the document's
//! title they would otherwise read as title lines.

/// Lines of a run that is a menu.
const MIN_RUN: usize = 3;

/// Labels that make a run of short lines a menu.
const MENU_WORDS: &[&str] = &[
    "home",
    "news",
    "newsroom",
    "menu",
    "search",
    "about",
    "about us",
    "contact",
    "contact us",
    "sitemap",
    "profile",
    "publications",
    "media releases",
    "speeches",
    "transcripts",
    "events",
    "resources",
    "services",
    "topics",
    "press room",
    "media centre",
    "media center",
    "documents",
    "press service",
    "latest",
    "videos",
    "photos",
    "opinion pieces",
    "press conferences",
];

/// Whether each of the first `limit` lines belongs to a menu run: three
/// or more lines in a row (no blank between), each a label of one to
/// three words without figures or punctuation, not in capitals (a wrapped
/// capital title is no menu), one of them a menu word.
///
/// ```
/// # use dipsearch::segment::header::menu_lines;
/// let lines = ["Ministry", "Home", "Profile", "News", "", "Title of the page"];
/// assert_eq!(menu_lines(&lines, 6), vec![true, true, true, true, false, false]);
/// let caps = ["ASEAN REGIONAL FORUM", "MEETING ON", "MARITIME SECURITY"];
/// assert_eq!(menu_lines(&caps, 3), vec![false; 3]);
/// let row = ["News Agency", "Home | World | Politics | Sport", "Headline"];
/// assert_eq!(menu_lines(&row, 3), vec![false, true, false]);
/// let spaced = ["Home   Media releases   Speeches   Contact", "Headline"];
/// assert_eq!(menu_lines(&spaced, 2), vec![true, false]);
/// let table = ["Australia   Brunei Darussalam   Cambodia", "Headline"];
/// assert_eq!(menu_lines(&table, 2), vec![false, false]);
/// ```
pub fn menu_lines(lines: &[&str], limit: usize) -> Vec<bool> {
    let n = lines.len().min(limit);
    let mut out = vec![false; n];
    let mut i = 0;
    while i < n {
        let start = i;
        while i < n && is_label(lines[i].trim()) {
            i += 1;
        }
        let run = &lines[start..i];
        let has_menu_word = run
            .iter()
            .any(|l| MENU_WORDS.contains(&l.trim().to_lowercase().as_str()));
        if run.len() >= MIN_RUN && has_menu_word {
            out[start..i].fill(true);
        }
        if i == start && is_menu_row(lines[i].trim()) {
            out[i] = true;
        }
        i = i.max(start + 1);
    }
    out
}

/// A menu copied as one row (`Home | General | Politics | World`): as
/// many labels as a run needs, one of them a menu word.
pub(super) fn is_menu_row(t: &str) -> bool {
    // Cells between bars, or between runs of spaces or tabs as a page's
    // menu bar is copied (`Home   Media releases   Speeches   Contact`).
    let cells: Vec<&str> = if t.contains(" | ") {
        t.split(" | ").map(str::trim).collect()
    } else if t.contains("  ") || t.contains('\t') {
        static GAP: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let gap = GAP.get_or_init(|| regex::Regex::new(r"\t\s*| {2,}").expect("gap compiles"));
        gap.split(t.trim()).collect()
    } else {
        return false;
    };
    cells.len() >= MIN_RUN
        && cells.iter().all(|c| is_label(c))
        && cells
            .iter()
            .any(|c| MENU_WORDS.contains(&c.to_lowercase().as_str()))
}

/// A menu label: one to three words, or four with a small word among
/// them (`Foreign Missions in Bangladesh`), capitalised, letters only (and
/// `&`, `-`, apostrophes), not all in capitals unless one short word.
fn is_label(t: &str) -> bool {
    let words = t.split_whitespace().count();
    let small = || {
        t.split_whitespace()
            .any(|w| matches!(w, "of" | "in" | "for" | "and" | "the" | "to" | "&"))
    };
    ((1..=3).contains(&words) || words == 4 && small())
        && t.len() <= 30
        && t.starts_with(|c: char| c.is_uppercase())
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '&' | '-' | '\'' | '’'))
        && !(words > 1 && crate::text::title::is_all_caps(t))
}
