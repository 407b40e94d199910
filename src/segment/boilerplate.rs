//! Site furniture that is not part of a document: navigation links, banners,
//! breadcrumbs, separators, page numbers and footnote markers.
//!
//! The lists come from the pages described in the domain notes (MOFA, METI,
//! worldjpn.net, APEC, G8 archive, Singapore MFA). Matching is on whole
//! lines, case-insensitive, so a sentence that merely contains "Back to"
//! is never dropped.

use crate::text::lexicon::LINK_SMALL_WORDS;

/// Whole lines (lower-cased, trimmed) that are always navigation.
const EXACT: &[&str] = &[
    "back to index",
    "back to top",
    "page top",
    "top of page",
    "skip to main content",
    "skip to content",
    "font size change",
    "s",
    "m",
    "l",
    "easy web browsing tool",
    "(pdf)open a new window",
    "open a new window",
    "travel page",
    "end",
    "- end -",
    "post a comment",
    "previous post next post",
    "previous post",
    "next post",
    "print",
    "print this page",
    "share",
    "share this",
    "check against delivery",
    "(check against delivery)",
    "please check against delivery",
    "share this:",
    "sign up for our newsletters",
    "sign up for our newsletter",
    "share :",
    "share this page",
    "share this article",
    "share:",
    "follow us",
    "follow us:",
    "for information media. not an official record.",
    "for information media - not an official record",
    "報道発表へ戻る",
    "[full text]",
    "final",
    "distr.: general",
    "original: english",
    "original: french",
    "original: spanish",
    "original: russian",
    "original: arabic",
    "original: chinese",
    "distr.: limited",
    "distr.: restricted",
    "distr. general",
    "more news",
    "latest news",
    "most read",
    "read more",
    "(reference)",
    "[reference]",
    // A statement's quotation marks on US government pages.
    "begin text:",
    "begin text",
    "end text.",
    "end text",
    // News pages' buttons and slots.
    "listen to this article",
    "listen to article",
    "save article",
    "gift article",
    "advertisement",
    "read next",
    // A page's language switch (MOFA's `Japanese`, a bilingual site's
    // `English | Français`), alone on its line.
    "japanese",
    "english",
    "日本語",
    "français",
    "english | français",
    "english | français | español",
    "español",
    "русский",
    "中文",
    "한국어",
    // Section names of UN press pages, the print box of ministry pages,
    // a wire's tagline and standards line.
    "statements and messages",
    // The EEAS's tag for its High Representative's statements.
    "hr/vp",
    "print close",
    "print  close",
    "go to the top of the page",
    "to the top of the page",
    "exclusive news, data and analytics for financial market professionals",
    "our standards: the thomson reuters trust principles.",
    "korean",
    "ukrainian",
    "french",
    "russian",
    "arabic",
    "chinese",
    "spanish",
    "id | en",
    "en | id",
    // A page's fields and buttons alone on their lines (`Date` above the
    // date, `Hit` above a count, `List` / `Prev` / `Next` under a release).
    "date",
    "hit",
    "hits",
    "views",
    "list",
    "attachment",
    "attachments",
    "sitemap",
    "menu",
    "search",
    "like this:",
    "loading...",
    "print friendly",
    "printer friendly",
    "photo gallery",
    "share page",
    // Feedback boxes, print and text-version links, a report-an-error
    // link, a UN PDF's recycling mark at each page's foot.
    "was this page useful? yes no",
    "was this page useful?",
    "was this page helpful? yes no",
    "was this page helpful?",
    "was this information helpful? yes no",
    "was this information helpful?",
    "is this page useful? yes no",
    "¿te fue útil esta información? sí no",
    "¿te fue útil esta información?",
    "imprime la página completa",
    "imprimer la page",
    "text version",
    "report an error on this page",
    "report an error",
    "report a problem with this page",
    "please recycle",
    // GOV.UK's cookie banner and the feedback box under each page.
    "accept additional cookies",
    "reject additional cookies",
    "view cookies",
    "accept all cookies",
    "reject all cookies",
    "accept cookies",
    "cookie settings",
    "manage cookies",
    "updates to this page",
    "get emails about this page",
    "sign up for emails or print this page",
    "explore the topic",
    "is this page useful?",
    "maybe",
    "yes this page is useful",
    "no this page is not useful",
    "thank you for your feedback",
    "report a problem with this page",
    // Print and mail buttons, and the reader a PDF link needs.
    "print version",
    "print page",
    "send by email",
    "send by e-mail",
    "adobe acrobat reader is required to view pdf files.",
    // Sign-ups, comment boxes and feedback questions between or under
    // a story's paragraphs.
    "sign up here.",
    "sign up here",
    "sign up",
    "subscribe",
    "newsletter subscription",
    "your e-mail address",
    "your email address",
    "you must be logged in to post a comment.",
    "was this page helpful?",
    "did you find this page useful?",
    "【print】【close】",
    "【print】 【close】",
    // A table of contents' title (its lines are `is_contents_line`).
    "contents",
    "table of contents",
    // A news page's share widget, one button a line (`Share` / `Resize`
    // / `Reprints`, `Copy` / `Link copied` / `Email`), and its links.
    "email",
    "e-mail",
    "resize",
    "reprints",
    "copy",
    "copy link",
    "link copied",
    "see more",
    "view more",
    "all documents",
    "all news",
    // A translation's notice, alone on its line.
    "unofficial translation",
    "* unofficial translation",
    "(unofficial translation)",
    "[unofficial translation]",
    "*unofficial translation",
];

/// Prefixes (lower-cased) of navigation lines, matched on short lines only.
const PREFIXES: &[&str] = &[
    "back to ",
    "return to ",
    "share this: ",
    "share: ",
    "partager : ",
    "partager: ",
    "compartir: ",
    "\"the world and japan\" database",
    "the world and japan database",
    "database of japanese politics and international relations",
    "institute for advanced studies on asia",
    "national graduate institute for policy studies",
    "g7 research group",
    "g8 information centre",
    "copyright",
    "©",
    "download the ",
    "click here to download",
    "click here for the full",
    "home >",
    "home ›",
    "home »",
    "you are here",
    "digitized by dag hammarskj",
    "general assembly - ",
    "official records of the general assembly",
    "last updated",
    "last update:",
    "page last updated",
    "published ",
    "first published ",
    "last modified",
    "last modification",
    "unique id",
    "tel:",
    "tel.",
    "telephone:",
    "phone:",
    "fax:",
    // Captions of a news page's pictures.
    "photo: ",
    "photo by ",
    "file photo",
    "(photo: ",
    "photograph: ",
    "image: ",
    "caption: ",
    "image caption: ",
    "image caption ",
    "foto: ",
    "[photo] ",
    "[foto] ",
    "(photo) ",
    // A wire's credits under the story (`Reporting by …; Editing by …`).
    "reporting by ",
    // A wire page's credits above or under the story (`Editor: Zhang
    // Long`, `Source: Xinhua`, `Reporter: …`, `Editor-in-Chief: …`).
    "editor-in-chief:",
    "editor:",
    "reporter:",
    "translator:",
    "source:",
    // A page's tags (`Tags: JCBC, Malaysia, Bilateral`).
    "tags:",
    "tags :",
    "keywords:",
    "etiquetas:",
    "mots-clés :",
    "mots-clés:",
    "schlagwörter:",
    "palavras-chave:",
    "related topics",
    // A link to the document's file (`Download: Chairmans-Statement.pdf
    // (412 KB)`), a site's terms of reuse, an authorisation line under an
    // Australian minister's release.
    "download:",
    "when using the materials",
    "authorised by ",
    "authorized by ",
    // Links to other stories in or under a story (`ALSO READ | India,
    // Kazakhstan sign …`, `MORE: ASEAN summit opens …`), the page's
    // previous and next items (`Prev  Korea-Mongolia … held`), sign-ups
    // (`Join ST's WhatsApp Channel …`, `Sign up for updates – …`).
    "also read",
    "read also",
    "more: ",
    "see also: ",
    "related: ",
    "prev  ",
    "prev: ",
    "next  ",
    "next: ",
    "previous  ",
    "previous: ",
    "join ",
    "sign up for ",
    // Cookie banners.
    "cookies on ",
    "we use cookies",
    "we use some essential cookies",
    "we'd like to set additional cookies",
    "we also use cookies",
    "this website uses cookies",
    "this site uses cookies",
];

/// A copyright notice after its `Copyright` or `©` (`rest`, lower
/// case): a year right after the sign (`Copyright © 2034 …`, `© 2003-2035
/// …`) or `rights reserved`; after `©` also a short credit (`© UNHCR/A.
/// Name`). Not a wrapped line of text that opens with the word: `Copyright
/// and Related Rights (SCCR)" (document WO/GA/66/4) and directed the …`.
fn is_copyright_notice(rest: &str, sign: bool) -> bool {
    let rest = rest.trim_start_matches([' ', ':', '©']);
    let rest = rest.strip_prefix("(c)").unwrap_or(rest);
    let year = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        w.len() >= 4 && (w.starts_with("19") || w.starts_with("20"))
    };
    rest.contains("rights reserved")
        || rest
            .split_whitespace()
            .take(2)
            .any(|w| year(w.trim_start_matches('©')))
        || sign
            && rest.split_whitespace().count() <= 12
            && !rest.trim_end().ends_with([',', ';'])
            && !crate::text::title::ends_with_function_word(rest)
}

/// A page's tags after their label (`Tags: JCBC, Malaysia, Bilateral`,
/// `Related Topics Caspian Sea shipping`): short, no sentence's end.
fn is_tag_line(label: &str, t: &str) -> bool {
    let short = t.split_whitespace().count() <= 12 && !t.ends_with('.');
    if label != "related topics" {
        return short;
    }
    // Written as a label is (a wrapped line of a sentence can open with
    // `related topics`), and with the topics on its line: the label alone
    // heads a list of links (`signoff`).
    let rest = t.get(label.len()..).unwrap_or("").trim();
    short
        && !rest.is_empty()
        && (t.starts_with("Related Topics") || t.starts_with("RELATED TOPICS"))
}

/// A page's text-size buttons copied as letters (`A   A`, `A- A A+`).
fn is_font_size_widget(lower: &str) -> bool {
    let mut n = 0;
    lower.split_whitespace().all(|w| {
        n += 1;
        matches!(w, "a" | "a-" | "a+" | "-a" | "+a")
    }) && (2..=4).contains(&n)
}

/// Whether a whole line is site furniture (navigation, banner, separator,
/// page number). Banners that also tell the document type (`Press
/// Releases`) are *not* listed here: the header reader needs them first.
///
/// ```
/// use dipsearch::segment::boilerplate::is_boilerplate;
/// assert!(is_boilerplate("Back to Index"));
/// assert!(is_boilerplate("Facebook Twitter LinkedIn"));
/// assert!(!is_boilerplate("Print media"));
/// assert!(is_boilerplate(". . . . ."));
/// assert!(is_boilerplate("+32 (0) 460 79 52 44"));
/// assert!(is_boilerplate("Reporting by Jane Doe in Seoul; Editing by Richard Poe"));
/// assert!(!is_boilerplate("Reporting by member States was uneven."));
/// assert!(!is_boilerplate("The meeting went back to the topic."));
/// assert!(is_boilerplate("We use some essential cookies to make this website work."));
/// assert!(is_boilerplate("We’d like to set additional cookies to understand how you use GOV.UK."));
/// assert!(is_boilerplate("Accept additional cookies   Reject additional cookies"));
/// assert!(!is_boilerplate("Share   the burden of the costs"));
/// assert!(is_boilerplate("Tags: JCBC, Viet Nam, Bilateral"));
/// assert!(is_boilerplate("Photo_KCA_20311002.jpg"));
/// assert!(is_boilerplate("Ministers meet in Suva on 2 May. © Jane ROE / AFP"));
/// assert!(is_boilerplate("mlp/dup"));
/// assert!(is_boilerplate("bur-sa/cdc/lth"));
/// assert!(is_boilerplate("Page 1 of 2                                        LAS/MC/164/FS"));
/// assert!(!is_boilerplate("Ref:   LAS/MC/164/FS"));
/// assert!(is_boilerplate("ALSO READ | India, Kazakhstan sign uranium supply pact"));
/// assert!(!is_boilerplate("Also read the report of the Panel of Experts."));
/// // Feedback boxes, a text-size widget, a modification stamp, topics.
/// assert!(is_boilerplate("Was this page useful? Yes No"));
/// assert!(is_boilerplate("A   A"));
/// assert!(is_boilerplate("Last modification 05.11.2033"));
/// assert!(is_boilerplate("Related Topics Caspian Sea shipping"));
/// assert!(!is_boilerplate("A and B"));
/// assert!(!is_boilerplate("Related topics were discussed at length by the Ministers."));
/// assert!(!is_boilerplate("related topics: infrastructure, services and investment. From"));
/// assert!(is_boilerplate("MORE: ASEAN summit opens in Jakarta amid sea tensions"));
/// assert!(is_boilerplate("Prev  Korea-Mongolia Vice Ministerial Strategic Dialogue held"));
/// assert!(!is_boilerplate("Next steps were discussed by the Ministers."));
/// assert!(is_boilerplate("Join ST's WhatsApp Channel and get the latest news and must-reads."));
/// assert!(!is_boilerplate("Join efforts to end the conflict in the region."));
/// assert!(is_boilerplate("twitter mailto"));
/// assert!(is_boilerplate("Editor-in-Chief: Nguyen Van Duc"));
/// assert!(is_boilerplate("By AFP - Agence France Presse"));
/// // A sign that lower-cases to a letter (`K`, Kelvin) cuts no character.
/// assert!(is_boilerplate("\u{212A}eywords: JCBC, Malaysia"));
/// assert!(!is_boilerplate("\u{212A}now also read the report."));
/// assert!(!is_boilerplate("By AFP's count, the talks failed."));
/// assert!(is_boilerplate("Joint Statement of the 16th Korea-Central Asia Cooperation Forum.hwp"));
/// assert!(is_boilerplate("Kapanadze covers the South Caucasus for The Associated Press."));
/// assert!(!is_boilerplate("and/or"));
/// assert!(!is_boilerplate("Among the frameworks, the present LomÃ©"));
/// assert!(is_boilerplate("Partager : Facebook X LinkedIn"));
/// // A copyright notice, not a wrapped line opening with the word.
/// assert!(is_boilerplate("Copyright © 2034 Andes Daily. All rights reserved."));
/// assert!(is_boilerplate("© 2003-2035 Ministry of Foreign Affairs"));
/// assert!(is_boilerplate("© UNHCR/Jane Roe"));
/// assert!(!is_boilerplate("Copyright and Related Rights (SCCR)\" (document WO/GA/66/4) and directed the SCCR to"));
/// assert!(!is_boilerplate("Copyright Office, established in 1998 and"));
/// assert!(!is_boilerplate("Tags: the Ministers discussed the tags of the list and their use."));
/// ```
pub fn is_boilerplate(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    if is_photo_caption(t) || is_contents_line(t) {
        return true;
    }
    if t.len() > 200 {
        return false;
    }
    let mut lower = t.to_lowercase();
    // `We’d like to set additional cookies`: the typographic apostrophe
    // as the lists write it (only the banners' prefixes have one).
    if lower.starts_with("we") && lower.contains('’') {
        lower = lower.replace('’', "'");
    }
    if EXACT.contains(&lower.as_str()) || is_font_size_widget(&lower) {
        return true;
    }
    // The first byte before the whole prefix: most lines open with none
    // of them, and a `memcmp` per prefix and line was 1 % of an ingest.
    let first = lower.as_bytes().first();
    if let Some(p) = PREFIXES
        .iter()
        .find(|p| p.as_bytes().first() == first && lower.starts_with(**p))
    {
        return match *p {
            // "Back to Press Releases", not "Back to the question, ...".
            "back to " | "return to " => is_link_text(t.get(p.len()..).unwrap_or("")),
            // `Last updated: 12 Jun. 2031 14:05`, `UNIQUE ID: 310314_7`,
            // `Tel: (62 21) 7262991 | www.asean.org`: a stamp or a contact
            // line, short and with figures.
            "last updated" | "last update:" | "page last updated" | "published "
            | "first published " | "last modified" | "last modification" | "unique id" | "tel:"
            | "tel." | "telephone:" | "phone:" | "fax:" => {
                let rest = t
                    .get(p.len()..)
                    .unwrap_or("")
                    .trim_start_matches([' ', ':', '.']);
                t.split_whitespace().count() <= 12
                    && (rest.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '+')
                        || crate::segment::dates::find_date(rest).is_some_and(|m| m.start <= 12))
            }
            "copyright" | "©" => is_copyright_notice(&lower[p.len()..], *p == "©"),
            "reporting by " => lower.contains("editing by") && t.split_whitespace().count() <= 30,
            "tags:" | "tags :" | "keywords:" | "etiquetas:" | "mots-clés :" | "mots-clés:"
            | "schlagwörter:" | "palavras-chave:" | "related topics" => is_tag_line(p, t),
            // `Share this: X Facebook LinkedIn Email`: the buttons' names.
            "share this: " | "share: " | "partager : " | "partager: " | "compartir: " => {
                t.split_whitespace().count() <= 10 && !t.ends_with(['.', '?', '!'])
            }
            // A line of its own, not a wrapped sentence going on (`authorized
            // by the Security Council in its resolution`).
            "download:" | "authorised by " | "authorized by " => {
                t.starts_with(char::is_uppercase)
                    && t.split_whitespace().count() <= 16
                    && !t.ends_with(['.', ','])
            }
            "when using the materials" => lower.contains("hyperlink") || lower.contains("link to"),
            "editor-in-chief:" | "editor:" | "reporter:" | "translator:" | "source:" => {
                t.split_whitespace().count() <= 6 && !t.ends_with('.')
            }
            // A link's words after the mark: a headline, not a sentence
            // that opens so (`Also read the report …`, `More: the
            // Council …` is text).
            "also read" | "read also" | "more: " | "see also: " | "related: " => {
                let after = t.get(p.len()..).unwrap_or("").trim_start();
                let rest = after.trim_start_matches([':', '|', '-', '–', ' ']);
                t.split_whitespace().count() <= 20
                    && rest.starts_with(char::is_uppercase)
                    && (p.ends_with(' ') || after.starts_with([':', '|', '-', '–']))
            }
            "prev  " | "prev: " | "next  " | "next: " | "previous  " | "previous: " => {
                t.split_whitespace().count() <= 20 && !t.ends_with(['.', ';', ','])
            }
            // A channel or newsletter to join, a page's updates to sign up
            // for: short, and naming what is joined.
            "join " | "sign up for " => {
                t.split_whitespace().count() <= 24
                    && [
                        "channel",
                        "newsletter",
                        "updates",
                        "mailing list",
                        "whatsapp",
                        "telegram",
                    ]
                    .iter()
                    .any(|w| lower.contains(w))
            }
            _ => true,
        };
    }
    is_separator(t)
        || is_hashtag_line(t)
        || is_postal_address(&lower)
        || is_file_link(&lower)
        || is_contribution_line(&lower)
        || is_file_name(t)
        || is_credit(t)
        || is_page_number(t)
        || is_phone_number(t)
        || is_record_furniture(t)
        || is_social_links(&lower)
        || is_byline(t)
        || is_reading_time(&lower)
        || is_language_switch(&lower)
        || is_spaced_row(t)
}

/// A page's hashtags on a line of their own (`#ASEAN Regional Forum #ARF
/// #Phnom Penh #Vietnam`): a tag first, two at least, no sentence. A
/// Markdown heading has a space after its marks (`# Title`).
///
/// ```
/// use dipsearch::segment::boilerplate::is_boilerplate;
/// assert!(is_boilerplate("#ASEAN Regional Forum #ARF #Phnom Penh #Vietnam"));
/// assert!(!is_boilerplate("# ASEAN Regional Forum #39"));
/// assert!(!is_boilerplate("#1 priority for the region, as #2 is trade."));
/// ```
fn is_hashtag_line(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 2
        && b[0] == b'#'
        && b[1].is_ascii_alphabetic()
        && t.len() <= 200
        && t.split_whitespace().filter(|w| w.starts_with('#')).count() >= 2
        && !t.ends_with(['.', ',', ';', ':', '?', '!'])
}

/// A postal address on a line of its own (`60, Sajik-ro 8-gil,
/// Jongno-gu, Seoul, Korea (03172)`, `One United Nations Plaza, 26th
/// Floor, New York, NY 10017 Tel: (212) 759-1949`): a number, two commas
/// or more, a word of streets and buildings, no sentence (`lower` is the
/// line in lower case).
///
/// ```
/// use dipsearch::segment::boilerplate::is_boilerplate;
/// assert!(is_boilerplate("60, Sajik-ro 8-gil, Jongno-gu, Seoul, Korea (03172)"));
/// assert!(is_boilerplate("One United Nations Plaza, 26th Floor, New York, NY 10017 Tel: (212) 759-1949"));
/// assert!(!is_boilerplate("The ministers met on the 26th floor of the building, in Seoul, on 3 May."));
/// assert!(!is_boilerplate("Fighting the COVID-19 pandemic, building better health security, and recovering together"));
/// assert!(!is_boilerplate("66. It is true that up to now, Africa, confronted as it is"));
/// assert!(!is_boilerplate("11. We must, therefore, explore all possible avenues"));
/// assert!(!is_boilerplate("In this very building, in 1990, we held what was described"));
/// assert!(!is_boilerplate("(2001), in particular, provides a clear road map with"));
/// ```
pub fn is_postal_address(lower: &str) -> bool {
    // Words of streets and buildings, whole (`avenues`, `true` are none),
    // and Korean road and district endings (`Sajik-ro`, `8-gil`, `Jongno-gu`).
    const STREETS: [&str; 10] = [
        "floor",
        "plaza",
        "street",
        "avenue",
        "road",
        "suite",
        "boulevard",
        "blvd",
        "building",
        "rue",
    ];
    // Byte scans first: this runs for every line.
    let b = lower.as_bytes();
    if b.len() > 160
        || b.iter().filter(|&&c| c == b',').count() < 2
        || lower.ends_with(['.', ';', ':'])
    {
        return false;
    }
    // A street's number first (`60,`, not a paragraph's `66.`), or a
    // postcode of five figures (`10017`, `(03172)`), not any figure
    // (`COVID-19`) or a year (`In this very building, in 1990, …`).
    let mut run = 0;
    let postcode = b.iter().any(|&c| {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        run >= 5
    });
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let numbered = lower
        .split(' ')
        .next()
        .and_then(|w| w.strip_suffix(','))
        .is_some_and(digits);
    if !(postcode || numbered) || lower.split_whitespace().count() > 20 {
        return false;
    }
    lower.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        STREETS.contains(&w) || w.ends_with("-ro") || w.ends_with("-gil") || w.ends_with("-gu")
    })
}

/// A row of buttons or links copied as one line, set apart by runs of
/// spaces (`Accept additional cookies   Reject additional cookies`,
/// `Print   Share`): every cell furniture on its own.
fn is_spaced_row(t: &str) -> bool {
    if !t.contains("  ") {
        return false;
    }
    let cells: Vec<&str> = t
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if cells.len() < 2 {
        return false;
    }
    // A page's foot: its number and the document's symbol (`Page 1 of 2
    // LAS/MC/164/FS`).
    let page = cells.iter().any(|c| is_page_number(c));
    cells
        .into_iter()
        .all(|c| is_boilerplate(c) || page && is_document_symbol(c))
}

/// A document's symbol: capitals and figures parted by slashes, three
/// parts or more (`LAS/MC/164/FS`, `S/2035/112`, `UNEP/EA.6/L.3`).
fn is_document_symbol(t: &str) -> bool {
    t.len() <= 30
        && t.split('/').count() >= 3
        && t.split('/').all(|p| {
            !p.is_empty()
                && p.bytes().all(|b| {
                    b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-')
                })
        })
}

/// Languages as a page's switch names them (lower case).
const LANGUAGES: &[&str] = &[
    "english",
    "en",
    "français",
    "francais",
    "fr",
    "español",
    "espanol",
    "es",
    "português",
    "portugues",
    "pt",
    "deutsch",
    "de",
    "italiano",
    "русский",
    "العربية",
    "عربي",
    "中文",
    "日本語",
    "한국어",
    "bahasa",
    "indonesia",
    "melayu",
    "tiếng",
    "việt",
    "ไทย",
    "türkçe",
    "اردو",
    "বাংলা",
    "हिन्दी",
    "فارسی",
    "polski",
    "українська",
    "nederlands",
    "svenska",
    "norsk",
    "suomi",
    "gaeilge",
    "lietuvių",
    "eesti",
    "latviešu",
    "ελληνικά",
    "עברית",
];

/// A page's language switch alone on its line, its names in any script
/// (`اردو | English`, `বাংলা English`, `EN | FR | ES`): every word a
/// language's name or a word of another script, two words at least, one
/// of them a language's name in Latin letters, and a bar or another
/// script among them.
///
/// ```
/// use dipsearch::segment::boilerplate::is_boilerplate;
/// assert!(is_boilerplate("اردو | English"));
/// assert!(is_boilerplate("বাংলা English"));
/// assert!(is_boilerplate("EN | FR | ES"));
/// assert!(!is_boilerplate("English and French"));
/// assert!(!is_boilerplate("Indonesia"));
/// ```
fn is_language_switch(lower: &str) -> bool {
    // Short, and with a bar or a letter of another script: most lines
    // are passed over on their length and bytes alone.
    if lower.len() > 80 || lower.is_ascii() && !lower.contains('|') {
        return false;
    }
    let words = || {
        lower
            .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•'))
            .filter(|w| !w.is_empty())
    };
    let fits = |w: &str| LANGUAGES.contains(&w) || !w.chars().any(|c| c.is_ascii_alphanumeric());
    // Most lines fail on their first word, before any other is read.
    if !words().next().is_some_and(fits) {
        return false;
    }
    let latin = |w: &str| {
        w.chars()
            .all(|c| c.is_ascii_alphabetic() || "çñãõüéèáíóúêôâ".contains(c))
    };
    (2..=8).contains(&words().count())
        && words().all(fits)
        && words().any(|w| latin(w) && LANGUAGES.contains(&w))
}

/// A telephone number alone on its line, as a press contact box prints it
/// (`+32 (0) 460 79 52 44`): a `+`, then digits, spaces, brackets and
/// dashes only, eight digits or more.
fn is_phone_number(t: &str) -> bool {
    t.starts_with('+')
        && t.len() <= 30
        && t[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'(' | b')' | b'-' | b'.'))
        && t.bytes().filter(u8::is_ascii_digit).count() >= 8
}

/// A news story's byline: `By`, then names joined by `and`, maybe with
/// what they are after a comma (`By Jane Tan and Ahmad Razak`, `By KENJI
/// SATO, Nikkei staff writer`); short, no sentence's end.
///
/// ```
/// use dipsearch::segment::boilerplate::is_byline;
/// assert!(is_byline("By KENJI SATO, Nikkei staff writer"));
/// assert!(is_byline("By Rajendra Jadhav and Carien du Plessis"));
/// assert!(is_byline("By Hana Kobayashi Staff writer"));
/// assert!(is_byline("By Staff Reporter"));
/// assert!(is_byline("By: FRANCE 24 with AFP"));
/// assert!(is_byline("By Meera Raghunathan · 6 min read"));
/// assert!(!is_byline("By the Ministers of Foreign Affairs"));
/// assert!(!is_byline("By Resolution 2231 the Council endorsed the plan."));
/// assert!(!is_byline("By December, when this Administration will"));
/// assert!(!is_byline("By 31 October, our planet will reach a milestone"));
/// ```
pub fn is_byline(t: &str) -> bool {
    let Some(name) = ["By: ", "BY: ", "By ", "BY "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
    else {
        return false;
    };
    // `By Meera Raghunathan · 6 min read`: a stamp's other parts after
    // a separator.
    let names = name
        .split([',', '·', '•', '|'])
        .next()
        .unwrap_or(name)
        .trim_end();
    // `By AFP - Agence France Presse`: an agency and its name spelled out.
    let names = names
        .split(" - ")
        .next()
        .and_then(|n| n.split(" – ").next())
        .unwrap_or(names)
        .trim_end();
    if crate::text::lexicon::is_news_agency(&names.to_lowercase()) {
        return t.split_whitespace().count() <= 8 && !t.ends_with(['.', ';', ':']);
    }
    // `By: FRANCE 24 with AFP`: the agency the story draws on.
    let names = match names.rsplit_once(" with ") {
        Some((who, agency)) if agency.split_whitespace().count() <= 3 && is_caps_word(agency) => {
            who
        }
        _ => names,
    };
    // The reporter's role after the name (`By Hana Kobayashi Staff
    // writer`, `By A B, Regional Correspondent`).
    let lower = names.to_lowercase();
    let names = [
        " staff writer",
        " staff reporter",
        " senior writer",
        " correspondent",
        " reporter",
        " writer",
        " editor",
        " columnist",
    ]
    .iter()
    .find(|role| {
        lower.ends_with(*role)
            && names.len() > role.len()
            && names.is_char_boundary(names.len() - role.len())
    })
    .map(|role| &names[..names.len() - role.len()])
    // `By Staff Reporter` is the role alone.
    .filter(|name| name.split_whitespace().count() >= 2)
    .unwrap_or(names);
    // Particles of names (`Carien du Plessis`, `Ursula von der Leyen`).
    const PARTICLES: [&str; 16] = [
        "du", "de", "da", "das", "dos", "di", "van", "von", "der", "den", "la", "le", "bin",
        "binti", "al", "el",
    ];
    let joins = |w: &str| w == "and" || w == "&" || PARTICLES.contains(&w);
    // A name has two words at least: `By December, when this …` is prose.
    let words = names.split_whitespace().filter(|w| !joins(w)).count();
    t.split_whitespace().count() <= 12
        && !t.ends_with(['.', ';', ':'])
        && !crate::text::title::ends_with_function_word(t)
        && (2..=8).contains(&words)
        // A figure in a name only after its first word (`FRANCE 24`, not
        // `By 31 October, our planet …`).
        && names.starts_with(char::is_uppercase)
        && (!names.contains(|c: char| c.is_ascii_digit())
            || crate::segment::dates::find_date(t).is_none())
        && names.split_whitespace().all(|w| {
            joins(w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Words in capitals (an agency's name: `AFP`, `AP`, `Reuters` is not).
fn is_caps_word(t: &str) -> bool {
    t.split_whitespace()
        .all(|w| w.chars().all(|c| c.is_ascii_uppercase() || c == '-'))
}

/// A news page's reading-time or audio line (`4 min`, `3 min read`,
/// `Reading Time: 3 minutes`, `Listen to this article`).
fn is_reading_time(lower: &str) -> bool {
    if matches!(
        lower,
        "listen to this article" | "listen to article" | "listen"
    ) {
        return true;
    }
    let rest = lower
        .strip_prefix("reading time:")
        .or_else(|| lower.strip_prefix("read time:"))
        .unwrap_or(lower);
    // Most lines open with no figure: no split for them (this runs for
    // every line of every document).
    if !rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    match words[..] {
        [n, unit, ..] if n.parse::<u16>().is_ok() => {
            matches!(unit, "min" | "mins" | "minute" | "minutes")
                && words[2..].iter().all(|w| matches!(*w, "read" | "listen"))
        }
        _ => false,
    }
}

/// A row of share or follow links left by a page's social buttons
/// (`Facebook Twitter LinkedIn`, `Share on X | Email | Print`): every word
/// names a network or a share action, and there are at least two.
fn is_social_links(lower: &str) -> bool {
    const NETWORKS: &[&str] = &[
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "telegram",
        "instagram",
        "youtube",
        "reddit",
        "weibo",
        "tweet",
    ];
    const ACTIONS: &[&str] = &[
        "x", "line", "email", "e-mail", "mail", "mailto", "print", "share", "on", "copy", "link",
    ];
    // Share actions that make a row alone (`Print | Email`).
    const ROW_ACTIONS: &[&str] = &["email", "e-mail", "mail", "print", "share"];
    let (mut words, mut networks, mut row_actions) = (0, 0, 0);
    for w in lower
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | '/' | ','))
        .filter(|w| !w.is_empty())
    {
        if NETWORKS.contains(&w) {
            networks += 1;
        } else if ROW_ACTIONS.contains(&w) {
            row_actions += 1;
        } else if !ACTIONS.contains(&w) {
            return false;
        }
        words += 1;
    }
    (networks >= 1 || row_actions >= 2 && row_actions == words) && (2..=12).contains(&words)
}

/// A press office's contact box at the foot of a release (`Division in
/// Charge` / `Security Export Control Policy Division ...`, `Contact:`,
/// `For further information ...`): the whole block, kept short.
///
/// ```
/// use dipsearch::segment::boilerplate::is_contact_box;
/// assert!(is_contact_box("Division in Charge Security Export Control Policy Division"));
/// assert!(!is_contact_box("Contact points were expanded to all members."));
/// ```
pub fn is_contact_box(block: &str) -> bool {
    const LEADS: &[&str] = &[
        "division in charge",
        "contact:",
        "contacts:",
        "media contact",
        "media enquiries",
        "media inquiries",
        "press contact",
        "for further information",
        "for more information",
        "inquiries:",
        "enquiries:",
        "for inquiries",
        "for media inquiries",
    ];
    // Length first: lower-casing every long paragraph of prose was 1 % of
    // an ingest.
    block.len() < 400 && {
        let lower = block.trim_start().to_lowercase();
        LEADS.iter().any(|l| lower.starts_with(l))
    }
}

/// Running heads of UN verbatim records: the document symbol with the
/// meeting date (`01/10/2015 A/70/PV.22`) and the page line with the job
/// number (`48/55 15-29658`).
fn is_record_furniture(t: &str) -> bool {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let r = R.get_or_init(|| {
        regex::Regex::new(
            r"^(?:\d{1,2}/\d{1,2}/\d{4}\s+)?[A-Z]{1,2}/(?:[A-Z0-9.]+/)*PV\.\d+(?:\s+\d{1,2}/\d{1,2}/\d{4})?$|^(?:\d{1,3}/\d{1,3}\s+)?\d{2}-\d{5}(?:\s+\d{1,3}/\d{1,3})?$",
        )
        .expect("record pattern compiles")
    });
    t.len() <= 60 && r.is_match(t)
}

/// A picture's caption with its credit (`Leaders pose for a family photo
/// … © Saeed KHAN / AFP`), or a wire desk's initials (`mlp/dup`).
fn is_credit(t: &str) -> bool {
    // `©` as a word of its own: `Lomé` read in the wrong encoding is
    // `LomÃ©`.
    if let Some((_, credit)) = t.rsplit_once(" © ") {
        return credit.split_whitespace().count() <= 6;
    }
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    // A desk's part may join two (`bur-sa/cdc/lth`).
    let initials = |w: &str| {
        w.split('-')
            .all(|i| (2..=4).contains(&i.len()) && i.bytes().all(|b| b.is_ascii_lowercase()))
    };
    t.len() <= 24
        && t.contains('/')
        && t.split('/').all(initials)
        // Initials, not words (`and/or`): a part without a vowel.
        && t.split('/').any(|w| !w.bytes().any(vowel))
}

/// A picture's caption that names its photographer or source in
/// brackets at its end (`… in Tokyo on May 21. (Pool photo)(Kyodo)`,
/// `… opening session. (AP Photo/Jane Roe)`, `(Photo) Foreign Ministers'
/// Meeting (Photo: Cabinet Public Relations Office)`).
///
/// ```
/// use dipsearch::segment::boilerplate::is_boilerplate;
/// assert!(is_boilerplate("Leaders pose before their talks in Tokyo on May 21. (Pool photo)(Kyodo)"));
/// assert!(is_boilerplate("Ministers at the opening session in Panama City. (AP Photo/Jane Roe)"));
/// assert!(!is_boilerplate("The Council adopted the text (see the annex to the report on photo evidence)."));
/// ```
fn is_photo_caption(t: &str) -> bool {
    if t.ends_with([')', ']']) && t.len() <= 400 && credited(t) {
        return true;
    }
    if photo_credit_after(t) {
        return true;
    }
    if !t.ends_with(')') || t.len() > 400 {
        return false;
    }
    if t.len() >= 7 && t.as_bytes()[..7].eq_ignore_ascii_case(b"(photo)") {
        return true;
    }
    let tail_start = t.len().saturating_sub(60);
    let tail_start = (tail_start..t.len())
        .find(|&i| t.is_char_boundary(i))
        .unwrap_or(0);
    let tail = t[tail_start..].to_ascii_lowercase();
    tail.rfind("photo").is_some_and(|p| {
        tail[..p]
            .rfind('(')
            .is_some_and(|o| !tail[o..p].contains(')') && p - o <= 6)
    })
}

/// A caption whose credit follows its sentence (`… Jakarta on Oct 28.
/// PHOTO: REUTERS`, `… the Royal Hall, Harrogate. Photo: G7 UK
/// Presidency`): a few words after `Photo:`, no sentence of their own.
///
/// ```
/// use dipsearch::segment::boilerplate::is_boilerplate;
/// assert!(is_boilerplate("Leaders at the 28th East Asia Summit in Jakarta on Oct 28. PHOTO: REUTERS"));
/// assert!(is_boilerplate("G7 Leaders at the Royal Hall, Harrogate. Photo: G7 UK Presidency"));
/// assert!(!is_boilerplate("The ministers agreed. Photo: the family photo was taken later in the day."));
/// ```
fn photo_credit_after(t: &str) -> bool {
    // Most lines have no colon: turned away by one byte scan.
    if t.len() > 400 || t.ends_with(['.', ',', ';', ':']) || !t.as_bytes().contains(&b':') {
        return false;
    }
    let tail_start = (t.len().saturating_sub(50)..t.len())
        .find(|&i| t.is_char_boundary(i))
        .unwrap_or(0);
    let tail = t[tail_start..].to_ascii_lowercase();
    tail.rfind("photo: ").is_some_and(|p| {
        let before = tail[..p].trim_end();
        let credit = &tail[p + 7..];
        before.ends_with('.') && credit.split_whitespace().count() <= 5
    })
}

/// A caption's credit in brackets at its end: a photographer and an
/// agency (`(Xinhua/Yue Yuewei)`, `[Fateh Guidoum/Reuters]`) or a
/// photo's office (`(DFA-OPD photo)`), after a sentence of its own.
///
/// ```
/// use dipsearch::segment::boilerplate::is_boilerplate;
/// assert!(is_boilerplate("Leaders pose for a group photo in Bishkek, July 5, 2034. (Xinhua/Yue Yuewei)"));
/// assert!(is_boilerplate("Heads of state at the summit in Algiers, Algeria [Fateh Guidoum/Reuters]"));
/// assert!(is_boilerplate("The two ministers co-chair the 11th JCBC in Hanoi on 24 April 2033. (DFA-OPD photo)"));
/// assert!(!is_boilerplate("The Council recalled its resolutions (2231/2015) and the reports (S/2035/1)."));
/// assert!(!is_boilerplate("The ministers met in Geneva (Switzerland/France border area)."));
/// ```
fn credited(t: &str) -> bool {
    let close = if t.ends_with(')') { '(' } else { '[' };
    let Some(open) = t.rfind(close) else {
        return false;
    };
    let inner = &t[open + 1..t.len() - 1];
    let words = inner.split_whitespace().count();
    if open < 20 || inner.is_empty() || words > 5 || inner.contains(char::is_numeric) {
        return false;
    }
    let lower = inner.to_lowercase();
    if lower.ends_with(" photo") || lower.ends_with(" photos") {
        return true;
    }
    // One side of the slash is a news agency.
    lower.split_once('/').is_some_and(|(a, b)| {
        // The agencies datelines name, and what photo credits add.
        let agency = |w: &str| {
            let w = w.trim();
            crate::text::lexicon::is_news_agency(w)
                || matches!(w, "getty images" | "epa" | "pool" | "sputnik" | "ips")
        };
        agency(a) || agency(b)
    })
}

/// A line of a table of contents: leader dots and a page number (`I.
/// Introduction . . . . . . 1`, `Panel 1: Prevention ........ 12`).
///
/// ```
/// use dipsearch::segment::boilerplate::is_boilerplate;
/// assert!(is_boilerplate("I. Introduction . . . . . . . . . . . . . . . . . 1"));
/// assert!(is_boilerplate("Panel 1: Prevention and the role of technology companies ........ 12"));
/// assert!(is_boilerplate("Annex . . . . . . . . . . . . . . . . . . . . . . . . iv"));
/// assert!(!is_boilerplate("The Committee noted . . . the report of 2031."));
/// ```
fn is_contents_line(t: &str) -> bool {
    // The page number first, read from the end: most lines end in a word
    // or a stop, and are turned away before any search.
    let bytes = t.as_bytes();
    let k = bytes.len()
        - bytes
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
    let last = &bytes[k..];
    let page = !last.is_empty()
        && last.len() <= 5
        && (last.iter().all(u8::is_ascii_digit)
            || last
                .iter()
                .all(|b| b"ivxlc".contains(&b.to_ascii_lowercase())));
    if !page || t.len() > 300 || !t[..k].trim_end().ends_with(['.', '…']) {
        return false;
    }
    t.contains(". . . .") || t.contains("....") || t.contains("……")
}

/// A link to a file with its size in brackets at the end (`Joint
/// statement by the Foreign Ministers (PDF, 92 KB)`, `Annex (412 KB)`,
/// `PDF (131KB)`): a page's download link, not the document.
///
/// ```
/// use dipsearch::segment::boilerplate::is_boilerplate;
/// assert!(is_boilerplate("Joint statement by the Foreign Ministers of the Weimar Triangle (PDF, 92 KB)"));
/// assert!(is_boilerplate("Download: Chairmans-Statement-58th-ASEAN-Summit.pdf (412 KB)"));
/// assert!(is_boilerplate("Associated Press writer Chris Ortega in Washington contributed to this report."));
/// assert!(!is_boilerplate("The fund holds 92 KB of records (see annex)."));
/// assert!(is_boilerplate("Authorised by Senator the Hon A B, Parliament House, Canberra"));
/// assert!(!is_boilerplate("authorized by the Security Council in its resolution"));
/// ```
fn is_file_link(lower: &str) -> bool {
    let Some(inner) = lower
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once('(').map(|(_, i)| i))
    else {
        return false;
    };
    let size = inner
        .trim_start_matches("pdf")
        .trim_start_matches([',', ' '])
        .trim_end_matches(['k', 'm', 'b'])
        .trim();
    (inner.ends_with("kb") || inner.ends_with("mb"))
        && !size.is_empty()
        && size.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// A news story's credit line (`Associated Press writer A in B
/// contributed to this report.`).
fn is_contribution_line(lower: &str) -> bool {
    if !lower.ends_with('.') {
        return false;
    }
    if lower.ends_with("contributed to this report.") {
        return lower.split_whitespace().count() <= 25;
    }
    // A reporter's line under the story (`Kapanadze covers the South
    // Caucasus for The Associated Press.`).
    lower.len() <= 160
        && lower.contains(" covers ")
        && lower.split_whitespace().count() <= 20
        && lower
            .strip_suffix('.')
            .and_then(|l| l.rsplit_once(" for "))
            .is_some_and(|(_, by)| {
                let by = by.trim_start_matches("the ");
                by == "associated press" || crate::text::lexicon::is_news_agency(by)
            })
}

/// An attachment's file name alone (`Photo_SOM_20310516.jpg`).
fn is_file_name(t: &str) -> bool {
    const EXTENSIONS: [&str; 9] = [
        "jpg", "jpeg", "png", "gif", "pdf", "docx", "doc", "hwp", "hwpx",
    ];
    // A document's file may be named with spaces (`Joint Statement of
    // the 16th … Forum.hwp`); a picture's is one word.
    let document = |ext: &str| ["pdf", "docx", "doc", "hwp", "hwpx"].contains(&ext);
    // An extension of at most four letters: its dot is among the last
    // five bytes (most lines end in a word, or a full stop after one).
    let b = t.as_bytes();
    let dotted = b[b.len().saturating_sub(5)..b.len().saturating_sub(1)].contains(&b'.');
    t.len() <= 120
        && dotted
        && t.rsplit_once('.').is_some_and(|(stem, ext)| {
            let Some(ext) = EXTENSIONS.iter().find(|e| ext.eq_ignore_ascii_case(e)) else {
                return false;
            };
            !stem.is_empty()
                && (!t.contains(' ') || document(ext) && t.split_whitespace().count() <= 20)
        })
}

/// Link text: short, no sentence end, every word capitalised except small
/// ones (`Nuclear Disarmament and Non-Proliferation`).
fn is_link_text(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.len() <= 80
        && !s.ends_with(['.', ',', ';', ':'])
        && s.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || LINK_SMALL_WORDS.contains(&w)
        })
}

/// `. . . . .`, `* * *`, `-----`, `=====`: no letters or digits, made of
/// repeated punctuation.
fn is_separator(t: &str) -> bool {
    let mut n = 0;
    let mut dashes = true;
    for c in t.chars() {
        if c.is_alphanumeric() {
            return false;
        }
        if !c.is_whitespace() {
            n += 1;
            dashes &= matches!(c, '-' | '–' | '—' | '_');
        }
    }
    // Two dashes of any kind (`—–`), or one em dash, rule off footnotes
    // too (a lone `-` or `–` is an empty bullet).
    n >= 3 || n == 2 && dashes || t.trim() == "—"
}

/// `12`, `- 12 -`, `Page 3`, `3 of 12`, `3/12`, `-3-`.
pub fn is_page_number(t: &str) -> bool {
    let t = t.trim();
    // The longest form is about `Page 1234 of 1234`; most lines are prose
    // and are turned away here without allocating.
    if t.len() > 32 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    let core = lower
        .trim_start_matches("page")
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    if core.is_empty() {
        return false;
    }
    let mut parts = core
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "of");
    let all_digits = |p: &str| p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), None, None) => all_digits(a),
        (Some(a), Some(b), None) => all_digits(a) && all_digits(b),
        _ => false,
    }
}

/// How many bytes at the start of a line are UN page furniture: the job
/// number of the document (`08-51570`, `17-29597 (E)`), its barcode
/// (`*1729597*`), a page number (`17`, `16/48`) and the record's symbol as
/// a running head (`A/63/PV.13`), in any order, as General Debate records
/// and Security Council resolutions print them at each page break (the
/// text extraction often glues them to the first line of the next page).
/// `None` when the line does not start with a job number, or is not only a
/// running symbol or a barcode (with its page number): a flattened PDF
/// often puts the job number and the barcode on lines of their own. The
/// furniture goes; the rest of the line stays.
///
/// ```
/// use dipsearch::segment::boilerplate::un_page_furniture;
/// assert_eq!(un_page_furniture("17 08-51570 "), Some(12));
/// assert_eq!(un_page_furniture("32-21457 (E)    281232"), Some(22));
/// assert_eq!(un_page_furniture("16/48 16-29421 Africa needs"), Some(15));
/// assert_eq!(un_page_furniture("A/63/PV.13"), Some(10));
/// assert_eq!(un_page_furniture("*2910231*"), Some(9));
/// assert_eq!(un_page_furniture("GE.34-14521(E)"), Some(14));
/// assert_eq!(un_page_furniture("V.36-03312 (E)    200536"), Some(24));
/// assert_eq!(un_page_furniture("K3512345 060635"), Some(15));
/// assert_eq!(un_page_furniture("V.36 delegations"), None);
/// assert_eq!(un_page_furniture("*2910231* is a code"), None);
/// assert_eq!(un_page_furniture("17 delegations met"), None);
/// assert_eq!(un_page_furniture("A/63/PV.13 is the record"), None);
/// ```
pub fn un_page_furniture(line: &str) -> Option<usize> {
    let first = line.trim_start().bytes().next()?;
    if !(first.is_ascii_digit() || first == b'*' || first.is_ascii_uppercase()) {
        return None;
    }
    let (mut job, mut symbol, mut page, mut barcode) = (false, false, false, false);
    let mut rest = line;
    for _ in 0..5 {
        let t = rest.trim_start();
        let end = t.find(char::is_whitespace).unwrap_or(t.len());
        let tok = &t[..end];
        if !job && is_job_number(tok) {
            job = true;
        } else if !symbol && is_record_symbol(tok) {
            symbol = true;
        } else if !page && is_page_token(tok) {
            page = true;
        } else if !barcode && is_barcode(tok) {
            barcode = true;
        } else if job && is_date_code(tok) {
            // `32-21457 (E)    281232`: the day it was printed, ddmmyy.
        } else if !(job && tok == "(E)") || tok.is_empty() {
            break;
        }
        rest = &t[end..];
    }
    let consumed = line.len() - rest.trim_start().len();
    (job || (symbol || barcode) && rest.trim().is_empty()).then_some(consumed)
}

/// `281232`: the date a UN document was printed, six digits after its
/// job number.
fn is_date_code(t: &str) -> bool {
    t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit())
}

/// `08-51570`: two digits, a hyphen, five digits; printed in Geneva or
/// Vienna with the office's letters before it and the language maybe
/// glued after (`GE.34-14521(E)`, `V.36-03312`); Nairobi's `K3512345`.
fn is_job_number(t: &str) -> bool {
    let t = match t.split_once('.') {
        Some((office, rest))
            if (1..=2).contains(&office.len())
                && office.bytes().all(|b| b.is_ascii_uppercase()) =>
        {
            rest
        }
        _ => t,
    };
    let t = t.strip_suffix("(E)").unwrap_or(t);
    let b = t.as_bytes();
    let geneva_like =
        b.len() == 8 && b[2] == b'-' && b[..2].iter().chain(&b[3..]).all(u8::is_ascii_digit);
    let nairobi = b.len() == 8 && b[0] == b'K' && b[1..].iter().all(u8::is_ascii_digit);
    geneva_like || nairobi
}

/// A printed page number: `17`, `16/48`.
fn is_page_token(t: &str) -> bool {
    let short_number =
        |p: &str| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    match t.split_once('/') {
        Some((a, b)) => short_number(a) && short_number(b),
        None => short_number(t),
    }
}

/// `*1729597*` (seven digits; fewer, `*12*`, can be a footnote mark).
fn is_barcode(t: &str) -> bool {
    t.len() >= 9
        && t.starts_with('*')
        && t.ends_with('*')
        && t[1..t.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// A meeting record's symbol: `A/63/PV.13`, `S/PV.3046`, `A/C.1/63/PV.2`.
fn is_record_symbol(t: &str) -> bool {
    (t.starts_with("A/") || t.starts_with("S/"))
        && t.contains("PV.")
        && t.len() < 24
        && t.bytes().last().is_some_and(|b| b.is_ascii_digit())
}

/// Whether the line is a breadcrumb item such as `- Home` or
/// `- News Releases` (short, starts with a dash, no sentence punctuation).
pub fn is_breadcrumb(line: &str) -> bool {
    let t = line.trim();
    let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("> ")) else {
        return t.contains(" > ") && t.len() < 150 && !t.ends_with('.') || is_slash_trail(t);
    };
    rest.len() < 60 && !rest.ends_with('.') && !rest.contains(", ")
}

/// A trail of links from a site's home page joined by slashes (`Home /
/// Summits / 41st Arab Summit`, `Utama / Kenyataan Media / Press
/// Release`): three parts or more, the first the home page's name. The last
/// crumb, the page itself, may be a whole headline.
fn is_slash_trail(t: &str) -> bool {
    // A site's section first, two crumbs are enough (`Documents /
    // Ministerial Council`, `News / Press Releases`).
    const SECTIONS: [&str; 9] = [
        "documents",
        "news",
        "media",
        "newsroom",
        "publications",
        "resources",
        "events",
        "media centre",
        "media center",
    ];
    let parts: Vec<&str> = t.split(" / ").map(str::trim).collect();
    let first = parts[0].to_lowercase();
    let short = |p: &&str| p.split_whitespace().count() <= 4 && p.starts_with(char::is_uppercase);
    t.len() < 150
        && (parts.len() >= 3
            && is_home_crumb(&first)
            && parts[..parts.len() - 1]
                .iter()
                .all(|p| p.split_whitespace().count() <= 8)
            || parts.len() >= 2
                && SECTIONS.contains(&first.as_str())
                && parts.iter().all(short)
                && !t.ends_with(['.', ',', ';']))
}

/// Whether a breadcrumb's first crumb is a site's home page (`Home`,
/// `Accueil`, `Beranda`; lower case).
pub(crate) fn is_home_crumb(lower: &str) -> bool {
    const HOME: [&str; 7] = [
        "home",
        "utama",
        "accueil",
        "inicio",
        "início",
        "beranda",
        "startseite",
    ];
    HOME.contains(&lower)
}

/// Removes footnote markers: `[1]`, `[12]` anywhere, and small numbers glued
/// to the end of a lower-case word (`States16` → `States`) as MOFA Bluebook
/// text has them. Returns the text unchanged (no allocation) when there is
/// nothing to remove.
pub fn strip_footnote_markers(text: &str) -> std::borrow::Cow<'_, str> {
    // A marker needs `[` then a digit, or a lower-case letter then a digit;
    // years and numbers in prose ("in 2003", "resolution 1540") have neither.
    let candidate = text
        .as_bytes()
        .windows(2)
        .any(|w| w[1].is_ascii_digit() && (w[0] == b'[' || w[0].is_ascii_lowercase()));
    if !candidate {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // [1] .. [99]
        if c == '[' {
            let mut j = i + 1;
            while j < chars.len() && j - i <= 3 && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && chars[j] == ']' {
                i = j + 1;
                changed = true;
                continue;
            }
        }
        // word16 -> word (3+ lower-case letters, 1-2 digits, then a break)
        if c.is_ascii_digit() && i >= 3 && chars[i - 1].is_ascii_lowercase() {
            let letters = chars[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .count();
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let end_ok = j == chars.len()
                || chars[j].is_whitespace()
                || matches!(chars[j], ',' | '.' | ';' | ':' | ')');
            let lower_run = chars[i - 3..i].iter().all(|c| c.is_ascii_lowercase());
            if letters >= 4 && lower_run && j - i <= 2 && end_ok {
                i = j;
                changed = true;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    if changed {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_stamps_contact_lines_and_action_rows_are_dropped() {
        for s in [
            "Print | Email",
            "Share | Print",
            "Last updated: 21 Sep. 2031 16:42",
            "UNIQUE ID: 310508_3",
            "Tel: (62 21) 7262991 | Fax: (62 21) 7398234",
            // A share widget's buttons, one a line.
            "Email",
        ] {
            assert!(is_boilerplate(s), "{s}");
        }
        for s in [
            "Print media",
            "Email addresses of the focal points were exchanged.",
            "Last updated guidelines were adopted in 2031.",
            "Tel Aviv, 3 May 2031",
            "Unique identifiers for each shipment",
        ] {
            assert!(!is_boilerplate(s), "{s}");
        }
    }

    #[test]
    fn navigation_and_separators_are_dropped() {
        for s in [
            "Back to Index",
            "Back to Press Releases",
            "Back to Nuclear Disarmament and Non-Proliferation",
            "Page top",
            "Skip to main content",
            "Font Size Change",
            "S",
            "M",
            "L",
            ". . . . .",
            "* * *",
            "END",
            "(PDF)Open a New Window",
            "報道発表へ戻る",
            "12",
            "- 3 -",
            "Page 4",
            "4 of 12",
            "\"The World and Japan\" Database Project",
            "01/10/2015 A/70/PV.22",
            "A/70/PV.22 01/10/2015",
            "48/55 15-29658",
            "15-29658 49/55",
        ] {
            assert!(is_boilerplate(s), "{s:?}");
        }
        for s in [
            "The participants went back to the question.",
            "Back to the question of export controls, the meeting agreed.",
            "Back to basics",
            "Copyright protection was discussed.",
            "Introduction",
            "1.",
            "Press Releases",
            "Tokyo",
            "2003",
        ] {
            assert!(!is_boilerplate(s) || s == "2003", "{s:?}");
        }
    }

    #[test]
    fn breadcrumbs() {
        assert!(is_breadcrumb("- Home"));
        assert!(is_breadcrumb("- News Releases"));
        assert!(is_breadcrumb("Home > Policy > Disarmament"));
        assert!(is_breadcrumb("Home / Summits / 41st Arab Summit"));
        assert!(is_breadcrumb("Utama / Kenyataan Media / Press Release"));
        // The last crumb is the page's whole headline.
        assert!(is_breadcrumb(
            "Home / Press Room / Joint Declaration of the Ministers of Foreign Affairs of the Andean Community Member States"
        ));
        assert!(!is_breadcrumb(
            "Home / Press Room and all the statements of the ministers of the region / Joint Declaration"
        ));
        // Slashes in a title are no trail.
        assert!(!is_breadcrumb(
            "Joint Statement on Peace / Security / Development"
        ));
        assert!(!is_breadcrumb("Home / Away"));
        // A site's section first: two crumbs.
        assert!(is_breadcrumb("Documents / Ministerial Council"));
        assert!(!is_breadcrumb(
            "News / views of the delegations on the text."
        ));
        assert!(!is_breadcrumb(
            "- The participants agreed to continue the talks."
        ));
    }

    #[test]
    fn footnotes_are_removed() {
        assert_eq!(
            strip_footnote_markers("the United States16 and Japan[1] agreed"),
            "the United States and Japan agreed"
        );
        assert_eq!(
            strip_footnote_markers("G8 and G20 and 1540"),
            "G8 and G20 and 1540"
        );
        assert_eq!(strip_footnote_markers("[i] first"), "[i] first");
    }
}
