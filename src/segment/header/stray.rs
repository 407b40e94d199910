//! The lines above a header block that are not part of it (a news
//! headline, a byline, an aggregator's stamp, a site's navigation), found
//! from the block's anchor so that the header is read from the block.

use super::{byline, classify_at, dates, HeaderLine, TextLine};

/// A line this long is body text: no header block starts below it.
const LONG_PROSE: usize = 250;
/// Non-blank lines that may stand above a header block and be skipped.
const MAX_STRAY_LINES: usize = 10;
/// Lines searched for a header block under a site's navigation: its
/// short lines (`Jobs` / `Immigration and citizenship` / `Canada and
/// the world` / …) run to forty and more, and skipping them costs
/// nothing in the count of stray lines.
const NAV_SEARCH: usize = 90;
/// Most words in a line of a site's navigation.
const NAV_WORDS: usize = 6;

/// How many lines at the top stand above the header block without being
/// part of it — a news headline, a byline, an aggregator stamp, a
/// navigation bar — so that the header is read from the block itself.
/// The block is found by its anchor (a type line, a place-date line, a
/// record field, a type-and-meeting line) with the title lines, banners
/// and continuations just above it; what is above the block is skipped
/// only when it is a few short lines, never body text.
pub(super) fn stray_prefix(lines: &[&str], menus: &[bool]) -> usize {
    // A header block stands above the first long line of prose: no line
    // below it is classified (the costliest patterns run per line).
    let limit = lines
        .iter()
        .take(NAV_SEARCH)
        .position(|l| l.trim().len() > LONG_PROSE)
        .unwrap_or(NAV_SEARCH);
    // Lines are classified down to the anchor only, and no further once so
    // many above it are neither skippable nor part of a block that no
    // anchor below could be used (see `skippable_or_in_block`): on a
    // wrapped speech without a header, 15 lines instead of 40.
    let mut kinds: Vec<HeaderLine<'_>> = Vec::new();
    let mut anchor = None;
    let mut others = 0;
    for i in 0..lines.len().min(limit) {
        let kind = classify_at(lines, i, menus);
        if is_anchor(&kind)
            || matches!(kind, HeaderLine::Stamp) && stamp_over_title(lines, i, menus)
        {
            anchor = Some(i);
            break;
        }
        if !skippable_or_in_block(&kind) && !nav_like(&kind) {
            others += 1;
            if others > MAX_STRAY_LINES + MAX_BLOCK_TITLES {
                return 0;
            }
        }
        kinds.push(kind);
    }
    let body_before = |end: usize| {
        kinds[..end].iter().any(|k| match k {
            HeaderLine::Item { menu_like } => !menu_like,
            HeaderLine::Text(TextLine::Prose { text, .. }) => text.len() > LONG_PROSE,
            _ => false,
        })
    };
    // A date at the foot of a short item (`Headline` / two paragraphs /
    // `03/03/2034`) anchors nothing: the lines above it are the item.
    let text_after = |a: usize| {
        lines[a + 1..].iter().any(|l| {
            let l = l.trim();
            l.split_whitespace().count() >= 6 && !crate::segment::boilerplate::is_boilerplate(l)
        })
    };
    let Some(anchor) = anchor.filter(|&a| !body_before(a) && text_after(a)) else {
        return 0;
    };
    let mut start = anchor;
    let mut titles = 0;
    while start > 0 {
        match &kinds[start - 1] {
            // `Title` / `MEDIA NOTE` / `OFFICE OF THE SPOKESPERSON` / date.
            HeaderLine::Blank
            | HeaderLine::Stamp
            | HeaderLine::Banner(_)
            | HeaderLine::Continuation(_)
            | HeaderLine::Furniture { .. }
            | HeaderLine::Symbol(_)
            | HeaderLine::MeetingNumber(_) => {}
            HeaderLine::Text(TextLine::Title { generic: false, .. })
                if titles < MAX_BLOCK_TITLES =>
            {
                titles += 1
            }
            _ => break,
        }
        start -= 1;
    }
    // Lines the fold reads past anyway (navigation, banners) need no skip.
    let stray: Vec<&HeaderLine<'_>> = kinds[..start]
        .iter()
        .filter(|k| !matches!(k, HeaderLine::Blank))
        .collect();
    let read_past = |k: &&HeaderLine<'_>| {
        matches!(
            k,
            HeaderLine::Furniture { .. }
                | HeaderLine::Banner(_)
                | HeaderLine::Stamp
                | HeaderLine::Item { menu_like: true }
        )
    };
    let handled = stray.iter().all(read_past);
    let counted = stray
        .iter()
        .filter(|k| !read_past(k) && !nav_like(k))
        .count();
    if !handled && counted <= MAX_STRAY_LINES {
        start
    } else {
        0
    }
}

/// A line of a site's navigation above a header block (`Jobs`, `Canada
/// and the world`, `Skip to "About government"`): a few words that end
/// no sentence. Such lines are skipped above a block however many they
/// are; other lines count against [`MAX_STRAY_LINES`].
fn nav_like(kind: &HeaderLine<'_>) -> bool {
    let HeaderLine::Text(t) = kind else {
        return false;
    };
    let text = t.text().trim();
    text.split_whitespace().count() <= NAV_WORDS && !text.ends_with(['.', ';', ',', '?', '!'])
}

/// Whether line `i`, a stamp, dates the headline under it (`News item |
/// 23-09-2031 | 14:32` / the headline): it anchors the header block as a
/// date line does. A reporter's name under it is no headline.
fn stamp_over_title(lines: &[&str], i: usize, menus: &[bool]) -> bool {
    let Some(next) = (i + 1..lines.len().min(i + 3)).find(|&k| !lines[k].trim().is_empty()) else {
        return false;
    };
    dates::any_date(lines[i]).is_some()
        && !byline::is_byline(lines[next].trim())
        && matches!(
            classify_at(lines, next, menus),
            HeaderLine::Text(TextLine::Title { generic: false, .. })
        )
}

/// Title lines a header block may have above its anchor.
const MAX_BLOCK_TITLES: usize = 4;

/// Whether a line anchors a header block (see [`stray_prefix`]).
fn is_anchor(kind: &HeaderLine<'_>) -> bool {
    matches!(
        kind,
        HeaderLine::TypeLine(_)
            | HeaderLine::TypeWith(_)
            | HeaderLine::PlaceDate(_)
            | HeaderLine::TitledDate { .. }
            | HeaderLine::Field(_)
            | HeaderLine::Tags(..)
            | HeaderLine::Text(TextLine::TypeAndMeeting { .. })
    )
}

/// Whether a line above an anchor is page furniture (skipped whatever
/// their number) or stands in a header block without counting (blank
/// lines, banners, continuations, symbols, UN meeting lines). Any other line is one of the
/// block's titles (at most [`MAX_BLOCK_TITLES`]) or a stray line above it
/// (at most [`MAX_STRAY_LINES`] when one is not furniture): past both
/// counts, no anchor further down can be used.
fn skippable_or_in_block(kind: &HeaderLine<'_>) -> bool {
    matches!(
        kind,
        HeaderLine::Blank
            | HeaderLine::Banner(_)
            | HeaderLine::Continuation(_)
            | HeaderLine::Furniture { .. }
            | HeaderLine::Symbol(_)
            | HeaderLine::MeetingNumber(_)
            | HeaderLine::Stamp
            | HeaderLine::Item { menu_like: true }
    )
}
