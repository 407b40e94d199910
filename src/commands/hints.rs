//! What the binary adds to the library's messages: the commands and flags
//! to use next, which the library, having no command line, never names.
//! The wording is exactly what users have always seen.

use dipsearch::error::{FilterKind, UsageError};
use dipsearch::index::RebuildReason;
use dipsearch::model::EntityKind;
use dipsearch::render::Hints;
use dipsearch::search::hint::Hint;
use dipsearch::Error;

/// What text output adds to say where to look next.
pub const TEXT: Hints = Hints {
    more_hits: " (use --limit/--offset for more)",
    skipped_files: " (see `dipsearch ingest`)",
    literal: " (--literal: the words only)",
    more_buckets: "; --limit 0 for all",
};

/// The line that says what would find more than a thin search did:
/// `CTBT is an instrument: --instrument CTBT finds 16`, or `no paragraph
/// has all the words; 12 have all but "assistance"`.
pub fn thin_results(hint: &Hint, total: usize) -> String {
    match hint {
        Hint::Entity {
            from,
            kind,
            id,
            count,
        } => {
            let article = article(*kind);
            format!("{from} is {article} {kind}: --{kind} {id} finds {count}")
        }
        Hint::Spelling {
            typed, name, count, ..
        } => {
            let noun = if *count == 1 {
                "paragraph"
            } else {
                "paragraphs"
            };
            format!("no paragraph has {typed}; did you mean {name}? ({count} {noun})")
        }
        Hint::AllBut { part, count } => {
            let lead = if total == 0 {
                "no paragraph has all the words; "
            } else {
                ""
            };
            let part = if part.starts_with('"') {
                part.clone()
            } else {
                format!("\"{part}\"")
            };
            let verb = if *count == 1 { "has" } else { "have" };
            format!("{lead}{count} {verb} all but {part}")
        }
    }
}

/// The line that says a search read misspelt words as others: `no
/// paragraph has Isreal; showing Israel (--literal for the words as
/// typed)`.
pub fn corrected(words: &[(String, String)]) -> Option<String> {
    if words.is_empty() {
        return None;
    }
    let typed: Vec<&str> = words.iter().map(|(t, _)| t.as_str()).collect();
    let read: Vec<&str> = words.iter().map(|(_, r)| r.as_str()).collect();
    Some(format!(
        "no paragraph has {}; showing {} (--literal for the words as typed)",
        typed.join(", "),
        read.join(", ")
    ))
}

/// "a country", "an instrument": the article before a kind of entity.
pub fn article(kind: EntityKind) -> &'static str {
    if kind == EntityKind::Instrument {
        "an"
    } else {
        "a"
    }
}

/// The one error line: the chain of causes (as anyhow's `{:#}` prints it),
/// each library error with its hint, and each message once: a cause whose
/// text the line already holds (a wrapped error repeating its source) is
/// left out.
pub fn error_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = match cause.downcast_ref::<Error>() {
            Some(e) => error(e),
            None => cause.to_string(),
        };
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// A library error as the user reads it.
pub fn error(e: &Error) -> String {
    match e {
        Error::IndexMissing(_) => format!("{e}; run `dipsearch ingest` first"),
        Error::IndexVersion { found: 0, .. } => {
            format!("{e} (an interrupted first build?); run `dipsearch ingest`")
        }
        Error::IndexVersion { .. } => format!("{e}; run `dipsearch ingest --full`"),
        Error::IndexNewer { .. } => {
            format!("{e}; use that version, or rebuild it with `dipsearch ingest --full`")
        }
        Error::CorpusMismatch { given, .. } => format!(
            "{e}; give that folder, or rebuild the index from {given} with `dipsearch ingest --full`"
        ),
        Error::IndexDamaged { .. } => format!(
            "{e}; `dipsearch check` lists the damage, `dipsearch ingest --full` rebuilds it"
        ),
        // Nothing close: where the known values are.
        Error::UnknownEntity(u) if u.suggestions.is_empty() => {
            format!("{e}; `dipsearch entities {}` lists them", u.kind)
        }
        Error::UnknownEntity(u) => {
            format!("{e} (list them with `dipsearch entities {}`)", u.kind)
        }
        Error::Usage(u) => usage(u),
        _ => e.to_string(),
    }
}

/// A usage error, naming the flag the value was given with.
fn usage(u: &UsageError) -> String {
    match u {
        UsageError::EmptyFilter(kind) => format!("empty {} value", flag(*kind)),
        UsageError::NoIssuer(value) => format!("--issuer '{value}' names no country"),
        UsageError::DateRange { since, until } => {
            format!("--since {since} is after --until {until}")
        }
        UsageError::UnknownParagraph { similar, .. } if similar.is_empty() => {
            format!("{u}; ids look like `file.txt#4(d)`; search prints them")
        }
        _ => u.to_string(),
    }
}

/// The flag of a filter (as declared in `cli.rs`).
fn flag(kind: FilterKind) -> &'static str {
    match kind {
        FilterKind::Entity(EntityKind::Country) => "--country",
        FilterKind::Entity(EntityKind::Instrument) => "--instrument",
        FilterKind::Entity(EntityKind::Topic) => "--topic",
        FilterKind::Entity(EntityKind::Group) => "--group",
        FilterKind::Meeting => "--meeting",
        FilterKind::DocType => "--type",
    }
}

/// Why the index is rebuilt, as the user reads it.
pub fn rebuild_reason(reason: &RebuildReason) -> String {
    match reason {
        RebuildReason::Requested => "--full was given".to_string(),
        other => other.describe(&error),
    }
}
