//! The last step of the pipeline: tag a segmented document's paragraphs
//! with the gazetteer and build one record per paragraph.

use std::collections::HashMap;

use super::Document;
use crate::enrich::Gazetteer;
use crate::model::{CountryCode, EntityKind, ParagraphRecord, Segmented, TaggedRecord, Tags};

/// Tags the paragraphs of `seg` and builds their records, named after
/// `source` (the corpus-relative path).
pub fn tag_document(source: &str, seg: Segmented) -> Document {
    let Segmented {
        mut header,
        paragraphs,
    } = seg;
    let gaz = Gazetteer::builtin();
    // One scan gives both the tags and the attending countries.
    let (tags, participants) = gaz.tag_and_participants(&paragraphs);
    if header.participants.is_empty() {
        let mut parties = header
            .title
            .as_deref()
            .map(|t| title_parties(gaz, t))
            .unwrap_or_default();
        for c in participants {
            if !parties.contains(&c) {
                parties.push(c);
            }
        }
        header.participants = parties;
    }
    if header.issuer.is_none() {
        header.issuer = header
            .title
            .as_deref()
            .and_then(|t| speaker_country(gaz, t).or_else(|| named_speaker(gaz, t)));
    }
    // The year is known whenever the date is.
    header.year = header.year.or(header.date.map(|d| d.year));
    let by_label: HashMap<&str, usize> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.label.as_str(), i))
        .collect();
    let context_tags: Vec<Option<Tags>> = paragraphs
        .iter()
        .map(|p| {
            let parent = by_label.get(p.parent.as_deref()?)?;
            tags.get(*parent).cloned()
        })
        .collect();
    let records = paragraphs
        .into_iter()
        .zip(tags)
        .zip(context_tags)
        .map(|((p, t), context_tags)| {
            let record = ParagraphRecord {
                id: format!("{source}#{}", p.label),
                source: source.to_string(),
                header: header.clone(),
                paragraph: p.label,
                ordinal: p.ordinal,
                parent: p.parent,
                context: p.context,
                heading: p.heading,
                text: p.text,
                countries: t.countries.iter().map(|(c, _)| *c).collect(),
                instruments: t.instruments.iter().map(|(i, _)| i.clone()).collect(),
                topics: t.topics.iter().map(|(i, _)| i.clone()).collect(),
                groups: t.groups.iter().map(|(i, _)| i.clone()).collect(),
            };
            TaggedRecord {
                record,
                tags: t,
                context_tags,
            }
        })
        .collect();
    Document { header, records }
}

/// The parties a joint document's title names before its subject: `Joint
/// Statement of the Russian Federation and the People's Republic of China
/// on strategic stability` → RUS, CHN; `Japan-Australia Joint Declaration`
/// → JPN, AUS. Two or more countries, or none: a single one is rather the
/// host or the subject (`Joint Statement by the G7 on Iran`).
///
/// A headline's subject, when it is two countries or more doing something
/// together, is the parties too: `UK and Viet Nam agree closer cooperation
/// on …`, `Japan, China and Korea hold talks` (the countries before the
/// verb; `UK and France agree to sanction Iran` does not make Iran one).
fn title_parties(gaz: &Gazetteer, title: &str) -> Vec<CountryCode> {
    /// Verbs of headlines whose subject acts together.
    const TOGETHER: [&str; 9] = [
        " agree ",
        " hold ",
        " launch ",
        " sign ",
        " reaffirm ",
        " pledge ",
        " discuss ",
        " meet ",
        " vow ",
    ];
    let lower = title.to_ascii_lowercase();
    let end = if lower.contains("joint ") {
        [" on ", " regarding ", " concerning ", " about ", ": "]
            .iter()
            .filter_map(|o| lower.find(o))
            .min()
            .unwrap_or(title.len())
    } else {
        match TOGETHER.iter().filter_map(|v| lower.find(v)).min() {
            Some(i) => i,
            None => return Vec::new(),
        }
    };
    let mut parties: Vec<CountryCode> = Vec::new();
    for m in gaz.mentions(&title[..end]) {
        if m.kind != EntityKind::Country {
            continue;
        }
        if let Ok(code) = m.id.parse::<CountryCode>() {
            if !parties.contains(&code) {
                parties.push(code);
            }
        }
    }
    if parties.len() < 2 {
        parties.clear();
    }
    parties
}

/// The country a speech's title says the speaker speaks for: `Statement
/// by H.E. Ms. A, Minister for Foreign Affairs of the Republic of Senegal,
/// at the General Debate ...` → SEN. Only a country right after `of` in
/// the part before the occasion (`at the`, `to the`, `on the`), so the
/// subject of a speech (`Remarks by the Secretary-General on Myanmar`) is
/// not its issuer.
fn speaker_country(gaz: &Gazetteer, title: &str) -> Option<CountryCode> {
    const LEADS: &[&str] = &[
        "statement by ",
        "remarks by ",
        "address by ",
        "speech by ",
        "intervention by ",
    ];
    let lower = title.to_ascii_lowercase();
    if !LEADS.iter().any(|l| lower.starts_with(l)) {
        return None;
    }
    let end = [
        " at the ",
        " to the ",
        " on the ",
        " before the ",
        " during the ",
    ]
    .iter()
    .filter_map(|o| lower.find(o))
    .min()
    .unwrap_or(title.len());
    let speaker = &title[..end];
    // `Remarks by President A and Prime Minister B of Japan`: two speakers.
    let two_speakers = speaker.match_indices(" and ").any(|(i, m)| {
        let next = speaker[i + m.len()..]
            .split_whitespace()
            .next()
            .unwrap_or("");
        matches!(
            next,
            "President"
                | "Prime"
                | "Minister"
                | "Foreign"
                | "Secretary"
                | "Chancellor"
                | "King"
                | "Vice"
                | "Ambassador"
                | "H.E."
                | "Mr."
                | "Ms."
                | "Mrs."
                | "Dr."
        )
    });
    if two_speakers {
        return None;
    }
    gaz.mentions(speaker)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Country)
        .find(|m| {
            let before = speaker[..m.start].trim_end();
            before.ends_with(" of") || before.ends_with(" of the")
        })
        .and_then(|m| m.id.parse().ok())
}

/// The country whose name opens a speech's title, right before the speech
/// word: `UK statement at the …`, `Japan's remarks to …`, also after a
/// headline and a colon (`Upholding the Treaty: UK statement at …`).
fn named_speaker(gaz: &Gazetteer, title: &str) -> Option<CountryCode> {
    let part = title.find(": ").map_or(title, |i| &title[i + 2..]);
    let m = gaz
        .mentions(part)
        .into_iter()
        .find(|m| m.kind == EntityKind::Country)?;
    let before = &part[..m.start];
    if !(before.is_empty() || before.eq_ignore_ascii_case("the ")) {
        return None;
    }
    let rest = &part[m.end..];
    let after = ["'s", "\u{2019}s"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let word = after.split_whitespace().next().unwrap_or("");
    crate::segment::header::SPEECH_WORDS
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
        .then(|| m.id.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_named_before_the_speech_word_is_the_issuer() {
        let g = Gazetteer::builtin();
        let issuer = |t: &str| named_speaker(g, t).map(|c| c.to_string());
        assert_eq!(
            issuer("UK statement at the Conference on Disarmament").as_deref(),
            Some("GBR")
        );
        assert_eq!(
            issuer("Japan's remarks to the Review Conference").as_deref(),
            Some("JPN")
        );
        assert_eq!(
            issuer("Space for all: the United States statement at the First Committee").as_deref(),
            Some("USA")
        );
        // The country is the subject, or the speech word does not follow it.
        assert_eq!(issuer("Statement on Myanmar at the Council"), None);
        assert_eq!(issuer("Japan and Korea hold talks"), None);
        assert_eq!(issuer("Ministers' statement on Niger"), None);
    }

    #[test]
    fn a_joint_statements_title_names_its_parties_before_its_subject() {
        let g = Gazetteer::builtin();
        let codes = |t: &str| -> Vec<String> {
            title_parties(g, t).iter().map(|c| c.to_string()).collect()
        };
        assert_eq!(
            codes(
                "Joint Statement of the Russian Federation and the Republic of Kazakhstan on Iran"
            ),
            ["RUS", "KAZ"]
        );
        assert_eq!(codes("U.S.-Mexico Joint Declaration"), ["USA", "MEX"]);
        assert_eq!(
            codes("UK and Viet Nam agree closer cooperation on maritime security"),
            ["GBR", "VNM"]
        );
        assert_eq!(
            codes("UK and France agree to sanction Iran"),
            ["GBR", "FRA"]
        );
        // One country acting, or no verb of acting together.
        assert!(codes("Japan hold talks with Korea").is_empty());
        assert!(codes("UK condemns Russia and Belarus").is_empty());
        // One country is the host or the subject; one after `on` is the subject.
        assert!(codes("Joint Statement by the G7 Foreign Ministers on Iran and Iraq").is_empty());
        assert_eq!(codes("Japan's Joint Statement with the EU"), ["JPN", "EUU"]);
        assert!(codes("Joint Statement by Japan on the EU and ASEAN").is_empty());
        assert!(codes("Chairman's Statement of Japan and Peru").is_empty());
    }

    #[test]
    fn a_speech_title_names_its_speakers_country() {
        let g = Gazetteer::builtin();
        let sen = speaker_country(
            g,
            "Statement by H.E. Ms. A, Minister for Foreign Affairs of the Republic of Senegal, \
             at the General Debate of the 85th Session",
        );
        assert_eq!(sen.map(|c| c.to_string()).as_deref(), Some("SEN"));
        let nzl = speaker_country(
            g,
            "Statement by the Minister of Foreign Affairs and Trade of New Zealand",
        );
        assert_eq!(nzl.map(|c| c.to_string()).as_deref(), Some("NZL"));
        assert_eq!(
            speaker_country(
                g,
                "Remarks by the Secretary-General on the Situation in Myanmar"
            ),
            None
        );
        assert_eq!(
            speaker_country(g, "Joint Statement of Japan and Peru"),
            None
        );
        assert_eq!(
            speaker_country(
                g,
                "Remarks by President A and Prime Minister B of Japan in Press Conference"
            ),
            None
        );
    }
}
