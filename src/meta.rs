//! Metadata overrides for documents whose text carries no usable header:
//! TOML front matter between `+++` lines, and `dipsearch.toml` folder
//! defaults with a file-name template. Values here win over what
//! `segment` read from the text, and front matter wins over folder values:
//! [`apply_overrides`] and [`Overrides::apply`] are the one place that
//! decides how they combine.
//!
//! Keys (all optional): `meeting`, `acronym`, `edition`, `doc_type`,
//! `date`, `year`, `place`, `issuer`, `participants`, `title`; a folder file
//! may add `filename = "{issuer}_{edition}_{year}.txt"`, whose placeholders
//! are any of those keys. Country values are ISO 3166 alpha-3 codes; the
//! UN General Debate corpus writes the European Union as `EU`, read as
//! `EUU`. A folder's config is merged over its parent's (the child wins).
//!
//! ```
//! use dipsearch::meta::FolderConfig;
//! let cfg = FolderConfig::parse(
//!     "meeting = \"General Debate\"\nacronym = \"UNGD\"\ndoc_type = \"statement\"\nfilename = \"{issuer}_{edition}_{year}.txt\"\n",
//! ).unwrap();
//! let o = cfg.overrides_for("EU_66_2011.txt");
//! assert_eq!(o.issuer.unwrap().as_str(), "EUU");
//! assert_eq!((o.edition, o.year), (Some(66), Some(2011)));
//! assert_eq!(o.acronym.as_deref(), Some("UNGD"));
//! ```

use regex::Regex;
use serde::Deserialize;

use crate::model::{CountryCode, Date, DocType, MeetingHeader};

/// The keys an override may set, in documentation order.
pub const KEYS: [&str; 10] = [
    "meeting",
    "acronym",
    "edition",
    "doc_type",
    "date",
    "year",
    "place",
    "issuer",
    "participants",
    "title",
];

/// Why metadata could not be read. Each message names the bad key or value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MetaError {
    /// The text is not valid TOML.
    #[error("invalid TOML: {0}")]
    Toml(String),
    /// A key that dipsearch does not know (and `, filename` where that
    /// key is allowed too).
    #[error("unknown key '{0}' (expected one of {keys}{1})", keys = KEYS.join(", "))]
    UnknownKey(String, &'static str),
    /// A known key with a value of the wrong shape.
    #[error("bad value for '{key}': {value} (expected {expected})")]
    BadValue {
        /// The key.
        key: String,
        /// The value as written.
        value: String,
        /// What was expected instead.
        expected: String,
    },
    /// Front matter opened with `+++` but never closed.
    #[error("front matter opened with +++ has no closing +++ line")]
    Unclosed,
    /// The `filename` template is malformed.
    #[error("bad filename template '{template}': {reason}")]
    BadTemplate {
        /// The template as written.
        template: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// Header values given explicitly by the user. Every key is optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overrides {
    /// Meeting name.
    pub meeting: Option<String>,
    /// Meeting acronym.
    pub acronym: Option<String>,
    /// Edition / session number.
    pub edition: Option<u32>,
    /// Document type.
    pub doc_type: Option<DocType>,
    /// Full date.
    pub date: Option<Date>,
    /// Year alone, when no full date is known.
    pub year: Option<u16>,
    /// Place.
    pub place: Option<String>,
    /// Speaking or hosting country.
    pub issuer: Option<CountryCode>,
    /// Attending countries.
    pub participants: Option<Vec<CountryCode>>,
    /// Title.
    pub title: Option<String>,
}

impl<'de> Deserialize<'de> for Overrides {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let table = toml::Table::deserialize(d)?;
        Overrides::from_table(&table, false).map_err(serde::de::Error::custom)
    }
}

/// Reads a country value: alpha-3, or `EU` for the European Union.
pub fn parse_country(s: &str) -> Option<CountryCode> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("EU") {
        return "EUU".parse().ok();
    }
    t.parse().ok()
}

fn bad(key: &str, value: &toml::Value, expected: &str) -> MetaError {
    let value = match value {
        toml::Value::String(s) => format!("'{s}'"),
        other => other.to_string(),
    };
    MetaError::BadValue {
        key: key.to_string(),
        value,
        expected: expected.to_string(),
    }
}

impl Overrides {
    /// Parses TOML text holding override keys.
    pub fn parse(text: &str) -> Result<Overrides, MetaError> {
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| MetaError::Toml(e.message().to_string()))?;
        Overrides::from_table(&table, false)
    }

    /// Reads override keys from a TOML table; `allow_filename` lets the
    /// folder-config key through (it is handled by the caller).
    fn from_table(table: &toml::Table, allow_filename: bool) -> Result<Overrides, MetaError> {
        let mut o = Overrides::default();
        for (key, value) in table {
            o.set(key, value, allow_filename)?;
        }
        Ok(o)
    }

    fn set(&mut self, key: &str, v: &toml::Value, allow_filename: bool) -> Result<(), MetaError> {
        let text = |expected| match v {
            toml::Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
            _ => Err(bad(key, v, expected)),
        };
        match key {
            "meeting" => self.meeting = Some(text("a non-empty string")?),
            "acronym" => self.acronym = Some(text("a non-empty string")?),
            "place" => self.place = Some(text("a non-empty string")?),
            "title" => self.title = Some(text("a non-empty string")?),
            "edition" => {
                let n = match v {
                    toml::Value::Integer(i) => u32::try_from(*i).ok().filter(|&n| n > 0),
                    toml::Value::String(s) => s.trim().parse().ok().filter(|&n: &u32| n > 0),
                    _ => None,
                };
                self.edition = Some(n.ok_or_else(|| bad(key, v, "a positive whole number"))?);
            }
            "year" => {
                let n = match v {
                    toml::Value::Integer(i) => u16::try_from(*i).ok(),
                    toml::Value::String(s) => s.trim().parse().ok(),
                    _ => None,
                };
                let n = n.filter(|y| (1000..=9999).contains(y));
                self.year = Some(n.ok_or_else(|| bad(key, v, "a four-digit year"))?);
            }
            "date" => {
                let s = match v {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Datetime(dt) => dt.to_string(),
                    _ => String::new(),
                };
                let d: Date = s
                    .trim()
                    .parse()
                    .map_err(|_| bad(key, v, "a date such as 2003-11-13"))?;
                self.date = Some(d);
            }
            "doc_type" => {
                let s = text("a document type such as chairs-summary")?;
                let t: DocType = s
                    .parse()
                    .map_err(|_| bad(key, v, &format!("one of {}", DocType::names())))?;
                self.doc_type = Some(t);
            }
            "issuer" => {
                let s = text("an ISO 3166 alpha-3 code such as JPN")?;
                let c = parse_country(&s)
                    .ok_or_else(|| bad(key, v, "an ISO 3166 alpha-3 code such as JPN"))?;
                self.issuer = Some(c);
            }
            "participants" => {
                let items: Vec<String> = match v {
                    toml::Value::Array(a) => a
                        .iter()
                        .map(|x| match x {
                            toml::Value::String(s) => Ok(s.clone()),
                            _ => Err(bad(key, v, "a list of ISO 3166 alpha-3 codes")),
                        })
                        .collect::<Result<_, _>>()?,
                    toml::Value::String(s) => {
                        s.split([',', ' ', '-']).map(str::to_string).collect()
                    }
                    _ => return Err(bad(key, v, "a list of ISO 3166 alpha-3 codes")),
                };
                let mut codes = Vec::new();
                for item in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
                    let c = parse_country(item).ok_or_else(|| MetaError::BadValue {
                        key: key.to_string(),
                        value: format!("'{item}'"),
                        expected: "ISO 3166 alpha-3 codes such as JPN".to_string(),
                    })?;
                    if !codes.contains(&c) {
                        codes.push(c);
                    }
                }
                self.participants = Some(codes);
            }
            "filename" if allow_filename => {}
            other => {
                return Err(MetaError::UnknownKey(
                    other.to_string(),
                    if allow_filename { ", filename" } else { "" },
                ))
            }
        }
        Ok(())
    }

    /// Whether no key is set.
    pub fn is_empty(&self) -> bool {
        *self == Overrides::default()
    }

    /// `self` with every value that `over` sets replaced by `over`'s.
    pub fn merged(&self, over: &Overrides) -> Overrides {
        macro_rules! pick {
            ($($f:ident),*) => { Overrides { $( $f: over.$f.clone().or_else(|| self.$f.clone()), )* } };
        }
        pick!(
            meeting,
            acronym,
            edition,
            doc_type,
            date,
            year,
            place,
            issuer,
            participants,
            title
        )
    }

    /// Writes every value that is set into `header`, replacing what was there.
    pub fn apply(&self, header: &mut MeetingHeader) {
        macro_rules! set {
            ($($f:ident),*) => { $( if let Some(v) = &self.$f { header.$f = Some(v.clone()); } )* };
        }
        set!(meeting, acronym, edition, date, year, place, issuer, title);
        if let Some(t) = self.doc_type {
            header.doc_type = t;
        }
        if let Some(p) = &self.participants {
            header.participants = p.clone();
        }
        if let Some(d) = self.date {
            header.year = Some(d.year);
            // A date set by hand replaces the text's range.
            if header.date_end.is_some_and(|e| e <= d) {
                header.date_end = None;
            }
        } else if let Some(y) = self.year {
            // A year set by hand outranks a date read from the text in
            // another year (a date quoted in a speech is not the speech's
            // date): keep the header consistent.
            if header.date.is_some_and(|d| d.year != y) {
                header.date = None;
                header.date_end = None;
            }
        }
    }
}

/// Writes a document's overrides over the header read from its text, in
/// order of precedence: the folder's values, then the file's own front
/// matter, so front matter wins over the folder and both over the text.
///
/// ```
/// use dipsearch::meta::{apply_overrides, Overrides};
/// use dipsearch::model::MeetingHeader;
/// let mut h = MeetingHeader { date: "1995-08-01".parse().ok(), year: Some(1995), ..Default::default() };
/// let folder = Overrides::parse("year = 2011\nplace = \"New York\"").unwrap();
/// let front = Overrides::parse("place = \"Geneva\"").unwrap();
/// apply_overrides(&mut h, &folder, Some(&front));
/// assert_eq!((h.date, h.year, h.place.as_deref()), (None, Some(2011), Some("Geneva")));
/// ```
pub fn apply_overrides(header: &mut MeetingHeader, folder: &Overrides, front: Option<&Overrides>) {
    folder.apply(header);
    if let Some(front) = front {
        front.apply(header);
    }
}

/// Splits TOML front matter (between `+++` lines at the very top, after an
/// optional BOM) from the document text.
///
/// ```
/// use dipsearch::meta::split_front_matter;
/// let (o, body) = split_front_matter("+++\nacronym = \"ARF\"\n+++\nText\n").unwrap();
/// assert_eq!(o.unwrap().acronym.as_deref(), Some("ARF"));
/// assert_eq!(body, "Text\n");
/// let (o, body) = split_front_matter("No front matter\n").unwrap();
/// assert!(o.is_none() && body == "No front matter\n");
/// ```
pub fn split_front_matter(text: &str) -> Result<(Option<Overrides>, &str), MetaError> {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(first_end) = t.find('\n') else {
        return Ok((None, text));
    };
    if t[..first_end].trim_end() != "+++" {
        return Ok((None, text));
    }
    let rest = &t[first_end + 1..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let toml_text = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let o = Overrides::parse(toml_text)?;
            return Ok((Some(o), body));
        }
        offset += line.len();
    }
    Err(MetaError::Unclosed)
}

/// What a web page's YAML block says about it (Markdown copies of pages:
/// `title`, `date`, `source_url` between `---` lines). Unlike front-matter
/// overrides, these describe the page, not the meeting: the date is a
/// publication date, which a meeting date in the text beats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The page title.
    pub title: Option<String>,
    /// The publication date.
    pub date: Option<Date>,
    /// The page's address (`source_url`, `url` or `link`).
    pub url: Option<String>,
}

/// Lines a YAML block may take before it is taken for text.
const MAX_YAML_LINES: usize = 200;

/// Splits a YAML block (between `---` lines at the very top) from the
/// text and reads it as [`PageMeta`]. A block that is not valid YAML is
/// still removed (it is page metadata, not text) and gives empty metadata.
///
/// ```
/// use dipsearch::meta::split_yaml_front_matter;
/// let (m, body) = split_yaml_front_matter("---\ntitle: \"A\\_B\"\ndate: '2021-06-13'\nsource_url: https://x.org/a\n---\nText\n").unwrap();
/// assert_eq!(m.title.as_deref(), Some("A B"));
/// assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2021-06-13"));
/// assert_eq!((m.url.as_deref(), body), (Some("https://x.org/a"), "Text\n"));
/// assert!(split_yaml_front_matter("--- not yaml\n").is_none());
/// // A clipped page's title without the site's name after a bar.
/// let (g, _) = split_yaml_front_matter("---\ntitle: \"Leaders' Communiqué – Harrogate | G7 UK 2035\"\n---\nText\n").unwrap();
/// assert_eq!(g.title.as_deref(), Some("Leaders' Communiqué – Harrogate"));
/// ```
pub fn split_yaml_front_matter(text: &str) -> Option<(PageMeta, &str)> {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = t.find('\n')?;
    if t[..first_end].trim_end() != "---" {
        return None;
    }
    let rest = &t[first_end + 1..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n').take(MAX_YAML_LINES) {
        let l = line.trim_end();
        if l == "---" || l == "..." {
            let meta = read_page_meta(&rest[..offset]);
            return Some((meta, &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// The page fields of a YAML block, leniently: unknown keys are ignored and
/// invalid YAML gives nothing.
fn read_page_meta(yaml: &str) -> PageMeta {
    use yaml_rust2::{Yaml, YamlLoader};
    let Ok(docs) = YamlLoader::load_from_str(yaml) else {
        return PageMeta::default();
    };
    let Some(Yaml::Hash(map)) = docs.into_iter().next() else {
        return PageMeta::default();
    };
    let get = |k: &str| -> Option<String> {
        match map.get(&Yaml::String(k.to_string()))? {
            Yaml::String(s) => Some(s.trim().to_string()),
            Yaml::Integer(i) => Some(i.to_string()),
            Yaml::Real(r) => Some(r.clone()),
            _ => None,
        }
        .filter(|s| !s.is_empty())
    };
    let date = ["date", "published_time", "published"]
        .iter()
        .filter_map(|k| get(k))
        .find_map(|d| d.get(..10).and_then(|d| d.parse::<Date>().ok()));
    PageMeta {
        title: get("title")
            .map(|t| without_site(&t.split_whitespace().collect::<Vec<_>>().join(" "))),
        date,
        url: ["source_url", "url", "link"].iter().find_map(|k| get(k)),
    }
}

/// A clipped page's title without the site's name after a bar (`G7
/// Leaders’ Communiqué – Harrogate | G7 UK 2035` → `G7 Leaders’
/// Communiqué – Harrogate`), as the page's `<title>` is read: the title
/// before it fifteen bytes at least, the site's name a few words.
fn without_site(t: &str) -> String {
    match t.rsplit_once(" | ") {
        Some((head, site)) if head.len() >= 15 && site.split_whitespace().count() <= 5 => {
            head.to_string()
        }
        _ => t.to_string(),
    }
}

/// A file-name template such as `{issuer}_{edition}_{year}.txt`, compiled
/// to an anchored pattern.
#[derive(Clone, Debug)]
pub struct FileNameTemplate {
    template: String,
    regex: Regex,
    keys: Vec<String>,
}

impl PartialEq for FileNameTemplate {
    fn eq(&self, other: &Self) -> bool {
        self.template == other.template
    }
}

impl FileNameTemplate {
    /// Compiles a template; placeholders must be override keys.
    pub fn parse(template: &str) -> Result<FileNameTemplate, MetaError> {
        let err = |reason: String| MetaError::BadTemplate {
            template: template.to_string(),
            reason,
        };
        let mut pattern = String::from("(?i)^");
        let mut keys = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            pattern.push_str(&regex::escape(&rest[..open]));
            let after = &rest[open + 1..];
            let close = after
                .find('}')
                .ok_or_else(|| err("a '{' has no matching '}'".into()))?;
            let key = &after[..close];
            if !KEYS.contains(&key) {
                return Err(err(format!(
                    "unknown placeholder {{{key}}} (use any of {})",
                    KEYS.join(", ")
                )));
            }
            if keys.iter().any(|k| k == key) {
                return Err(err(format!("placeholder {{{key}}} appears twice")));
            }
            let group = match key {
                "issuer" => r"([A-Za-z]{2,3})",
                "edition" => r"(\d{1,4})",
                "year" => r"(\d{4})",
                "date" => r"(\d{4}-\d{2}-\d{2})",
                _ => r"(.+?)",
            };
            pattern.push_str(group);
            keys.push(key.to_string());
            rest = &after[close + 1..];
        }
        if rest.contains('}') {
            return Err(err("a '}' has no matching '{'".into()));
        }
        pattern.push_str(&regex::escape(rest));
        pattern.push('$');
        let regex = Regex::new(&pattern).map_err(|e| err(e.to_string()))?;
        Ok(FileNameTemplate {
            template: template.to_string(),
            regex,
            keys,
        })
    }

    /// The template as written.
    pub fn as_str(&self) -> &str {
        &self.template
    }

    /// Values read from `file_name` (a bare name, not a path), or `None`
    /// when the name does not fit the template. A template without an
    /// extension is matched against the name without its extension.
    pub fn extract(&self, file_name: &str) -> Option<Result<Overrides, MetaError>> {
        let name = if self.template.contains('.') {
            file_name
        } else {
            file_name
                .rsplit_once('.')
                .map(|(s, _)| s)
                .unwrap_or(file_name)
        };
        let caps = self.regex.captures(name)?;
        let mut o = Overrides::default();
        for (i, key) in self.keys.iter().enumerate() {
            let Some(m) = caps.get(i + 1) else { continue };
            let raw = m.as_str();
            let value = match key.as_str() {
                "edition" | "year" => raw
                    .parse::<i64>()
                    .map(toml::Value::Integer)
                    .unwrap_or_else(|_| toml::Value::String(raw.into())),
                "participants" => toml::Value::String(raw.replace(['_', '+'], ",")),
                "meeting" | "place" | "title" => toml::Value::String(raw.replace('_', " ")),
                _ => toml::Value::String(raw.into()),
            };
            if let Err(e) = o.set(key, &value, false) {
                return Some(Err(e));
            }
        }
        Some(Ok(o))
    }
}

/// A folder's `dipsearch.toml`: default values for every file below it, and
/// an optional file-name template that reads more values per file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FolderConfig {
    /// Values applied to every file in the folder.
    pub defaults: Overrides,
    /// Template that extracts values from each file name.
    pub filename: Option<FileNameTemplate>,
}

impl FolderConfig {
    /// Parses the text of a `dipsearch.toml`.
    pub fn parse(text: &str) -> Result<FolderConfig, MetaError> {
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| MetaError::Toml(e.message().to_string()))?;
        let defaults = Overrides::from_table(&table, true)?;
        let filename = match table.get("filename") {
            None => None,
            Some(toml::Value::String(t)) => Some(FileNameTemplate::parse(t)?),
            Some(v) => {
                return Err(bad(
                    "filename",
                    v,
                    "a template string such as \"{issuer}_{year}.txt\"",
                ))
            }
        };
        Ok(FolderConfig { defaults, filename })
    }

    /// This (parent) config with `child`'s values and template winning.
    pub fn merged_with(&self, child: &FolderConfig) -> FolderConfig {
        FolderConfig {
            defaults: self.defaults.merged(&child.defaults),
            filename: child.filename.clone().or_else(|| self.filename.clone()),
        }
    }

    /// Overrides for one file: the defaults, with values read from the file
    /// name by the template on top. A name that does not fit the template,
    /// or yields a bad value, gets the defaults only (see
    /// [`FolderConfig::try_overrides_for`] to see the error).
    pub fn overrides_for(&self, file_name: &str) -> Overrides {
        self.try_overrides_for(file_name)
            .unwrap_or_else(|_| self.defaults.clone())
    }

    /// Like [`FolderConfig::overrides_for`] but reports a bad value read
    /// from the file name.
    pub fn try_overrides_for(&self, file_name: &str) -> Result<Overrides, MetaError> {
        match self.filename.as_ref().and_then(|t| t.extract(file_name)) {
            Some(Ok(from_name)) => Ok(self.defaults.merged(&from_name)),
            Some(Err(e)) => Err(e),
            None => Ok(self.defaults.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_sets_every_key() {
        let text = "+++\nmeeting = \"ASEAN Regional Forum\"\nacronym = \"ARF\"\nedition = 12\ndoc_type = \"chairs-statement\"\ndate = 2005-07-29\nyear = 2005\nplace = \"Vientiane\"\nissuer = \"LAO\"\nparticipants = [\"JPN\", \"chn\", \"EU\"]\ntitle = \"Chairman's Statement\"\n+++\nBody.\n";
        let (o, body) = split_front_matter(text).unwrap();
        let o = o.unwrap();
        assert_eq!(body, "Body.\n");
        assert_eq!(o.meeting.as_deref(), Some("ASEAN Regional Forum"));
        assert_eq!(o.edition, Some(12));
        assert_eq!(o.doc_type, Some(DocType::ChairsStatement));
        assert_eq!(o.date.unwrap().to_string(), "2005-07-29");
        assert_eq!(o.issuer.unwrap().as_str(), "LAO");
        let p: Vec<&str> = o
            .participants
            .as_ref()
            .unwrap()
            .iter()
            .map(|c| c.as_str())
            .collect();
        assert_eq!(p, ["JPN", "CHN", "EUU"]);
        let mut h = MeetingHeader::default();
        o.apply(&mut h);
        assert_eq!(h.year, Some(2005));
        let mut h2 = MeetingHeader {
            date: "1995-08-01".parse().ok(),
            year: Some(1995),
            ..MeetingHeader::default()
        };
        Overrides {
            year: Some(2011),
            ..Overrides::default()
        }
        .apply(&mut h2);
        assert_eq!((h2.date, h2.year), (None, Some(2011)));
        assert_eq!(h.place.as_deref(), Some("Vientiane"));
        assert_eq!(h.doc_type, DocType::ChairsStatement);
    }

    #[test]
    fn errors_name_the_key_and_value() {
        let e = Overrides::parse("colour = \"red\"").unwrap_err();
        assert!(e.to_string().starts_with("unknown key 'colour'"), "{e}");
        let e = Overrides::parse("issuer = \"JP\"").unwrap_err();
        assert_eq!(
            e.to_string(),
            "bad value for 'issuer': 'JP' (expected an ISO 3166 alpha-3 code such as JPN)"
        );
        let e = Overrides::parse("date = \"13 November 2003\"").unwrap_err();
        assert!(e.to_string().contains("'date'"), "{e}");
        let e = Overrides::parse("doc_type = \"memo\"").unwrap_err();
        assert!(e.to_string().contains("'memo'"), "{e}");
        let e = Overrides::parse("edition = -3").unwrap_err();
        assert!(e.to_string().contains("'edition': -3"), "{e}");
        assert!(matches!(Overrides::parse("x = "), Err(MetaError::Toml(_))));
        assert_eq!(
            split_front_matter("+++\nyear = 2003\n"),
            Err(MetaError::Unclosed)
        );
        let e = FolderConfig::parse("filename = \"{country}_{year}.txt\"").unwrap_err();
        assert!(e.to_string().contains("{country}"), "{e}");
    }

    #[test]
    fn folder_template_and_merge() {
        let parent = FolderConfig::parse(
            "meeting = \"General Debate\"\nacronym = \"UNGD\"\ndoc_type = \"statement\"\n",
        )
        .unwrap();
        let child = FolderConfig::parse(
            "filename = \"{issuer}_{edition}_{year}.txt\"\nplace = \"New York\"\n",
        )
        .unwrap();
        let cfg = parent.merged_with(&child);
        let o = cfg.overrides_for("JPN_58_2003.txt");
        assert_eq!(o.issuer.unwrap().as_str(), "JPN");
        assert_eq!((o.edition, o.year), (Some(58), Some(2003)));
        assert_eq!(o.meeting.as_deref(), Some("General Debate"));
        assert_eq!(o.place.as_deref(), Some("New York"));
        assert_eq!(o.doc_type, Some(DocType::Statement));
        // Not fitting the template: defaults only.
        let o = cfg.overrides_for(".DS_Store-to-UTF-8.txt");
        assert_eq!((o.issuer, o.year), (None, None));
        assert_eq!(o.acronym.as_deref(), Some("UNGD"));
        // Child wins over parent.
        let c2 = FolderConfig::parse("acronym = \"GA\"").unwrap();
        assert_eq!(cfg.merged_with(&c2).defaults.acronym.as_deref(), Some("GA"));
        // A template without extension matches the stem.
        let t = FolderConfig::parse("filename = \"{acronym}-{year}-{place}\"").unwrap();
        let o = t.overrides_for("astop-2003-Tokyo.txt");
        assert_eq!(
            (o.acronym.as_deref(), o.year, o.place.as_deref()),
            (Some("astop"), Some(2003), Some("Tokyo"))
        );
        // A bad value in the name is reported by try_overrides_for.
        let t = FolderConfig::parse("filename = \"{issuer}_{year}.txt\"").unwrap();
        assert!(t.try_overrides_for("XX_2003.txt").is_err());
    }
}
