//! Query strings: strictly decoded into name–value pairs, read into the
//! same typed values as the command line's flags, and written back into
//! links (a facet adds a pair, a chip removes one).
//!
//! Strict because a lenient decoder would answer a malformed address with
//! a page for some other request: a `%` not followed by two hex digits, or
//! bytes that are not UTF-8, are a 400 naming the parameter.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use dipsearch::search::FilterValues;

use super::error::WebError;

/// What a query value keeps as it is in a link: letters, digits and a few
/// marks that read well (`country=JPN,KOR`); the rest is percent-encoded.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b',')
    .remove(b':');

/// What a paragraph id keeps in a path: also `/`, `(` and `)`, so that
/// `/p/sub/file.txt%234(d)` stays readable (`#` must be encoded).
const PATH_PART: &AsciiSet = &QUERY_VALUE.remove(b'/').remove(b'(').remove(b')');

/// The filter parameters, named as the command line's flags.
pub const FILTERS: [&str; 9] = [
    "country",
    "instrument",
    "topic",
    "group",
    "meeting",
    "type",
    "issuer",
    "since",
    "until",
];

/// The decoded pairs of a query string, in order.
#[derive(Clone, Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

/// Decodes one part of a query string (`+` is a space).
fn decode(part: &str, name_for_errors: &str) -> Result<String, WebError> {
    let bytes = part.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'%'
            && !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        {
            return Err(WebError::bad(format!(
                "parameter '{name_for_errors}' has a malformed %-escape"
            )));
        }
    }
    percent_decode_str(&part.replace('+', " "))
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| WebError::bad(format!("parameter '{name_for_errors}' is not UTF-8")))
}

/// Decodes a path part (a paragraph id); `+` stays a plus.
pub fn decode_path(part: &str) -> Result<String, WebError> {
    if part.contains('%') {
        decode(&part.replace('+', "%2B"), "path")
    } else {
        Ok(part.to_string())
    }
}

/// A paragraph id (or any text) as a path part.
pub fn encode_path(part: &str) -> String {
    utf8_percent_encode(part, PATH_PART).to_string()
}

/// A value as a query-string part.
fn encode_value(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// `path?name=value&…` from pairs, or `path` alone.
pub fn href(path: &str, pairs: &[(&str, &str)]) -> String {
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_value(k), encode_value(v)))
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

impl Params {
    /// Parses a raw query string (without the `?`).
    pub fn parse(raw: &str) -> Result<Params, WebError> {
        let mut pairs = Vec::new();
        for part in raw.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let name = decode(k, "name")?;
            let value = decode(v, &name)?;
            pairs.push((name, value));
        }
        Ok(Params { pairs })
    }

    /// Refuses a parameter this page does not take (a typo would otherwise
    /// be ignored silently, and the page would answer another question).
    pub fn allow(&self, known: &[&str]) -> Result<(), WebError> {
        match self
            .pairs
            .iter()
            .find(|(k, _)| !known.contains(&k.as_str()))
        {
            Some((k, _)) => Err(WebError::bad(format!(
                "unknown parameter '{k}' (this page takes {})",
                known.join(", ")
            ))),
            None => Ok(()),
        }
    }

    /// The pairs, empty values left out (a form sends its empty fields).
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Every value of a repeatable parameter.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.pairs()
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
            .collect()
    }

    /// The value of a parameter given at most once.
    pub fn one(&self, name: &str) -> Result<Option<&str>, WebError> {
        let mut values = self.pairs().filter(|(k, _)| *k == name).map(|(_, v)| v);
        let first = values.next();
        if values.next().is_some() {
            return Err(WebError::bad(format!("parameter '{name}' is given twice")));
        }
        Ok(first)
    }

    /// A whole number from 0 to `max`, `default` when absent.
    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, WebError> {
        match self.one(name)? {
            None => Ok(default),
            Some(v) => v
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n <= max)
                .ok_or_else(|| {
                    WebError::bad(format!(
                        "parameter '{name}' must be a whole number from 0 to {max}, not '{v}'"
                    ))
                }),
        }
    }

    /// A yes/no parameter: `1`, `true`, `on` or `yes`; `0`, `false`, `off`
    /// or `no`; absent is no.
    pub fn flag(&self, name: &str) -> Result<bool, WebError> {
        match self.one(name)?.map(str::trim) {
            None => Ok(false),
            Some("1" | "true" | "on" | "yes") => Ok(true),
            Some("0" | "false" | "off" | "no") => Ok(false),
            Some(v) => Err(WebError::bad(format!(
                "parameter '{name}' must be 1 or 0, not '{v}'"
            ))),
        }
    }

    /// One of `choices`, the first when absent.
    pub fn choice(&self, name: &str, choices: &[&'static str]) -> Result<&'static str, WebError> {
        match self.one(name)? {
            None => Ok(choices[0]),
            Some(v) => choices
                .iter()
                .find(|c| **c == v.trim())
                .copied()
                .ok_or_else(|| {
                    WebError::bad(format!(
                        "parameter '{name}' must be one of {}, not '{v}'",
                        choices.join(", ")
                    ))
                }),
        }
    }

    /// The filter parameters as the command line's filter flags would hold
    /// them (repeated = all of them, commas = any of them).
    pub fn filter_values(&self) -> Result<FilterValues, WebError> {
        Ok(FilterValues {
            countries: self.all("country"),
            instruments: self.all("instrument"),
            topics: self.all("topic"),
            groups: self.all("group"),
            meetings: self.all("meeting"),
            types: self.all("type"),
            issuers: self.all("issuer"),
            since: self.one("since")?.map(str::to_string),
            until: self.one("until")?.map(str::to_string),
        })
    }

    /// A link to `path` with the same pairs, `offset` included (the JSON
    /// twin of this very page).
    pub fn same(&self, path: &str) -> String {
        href(path, &self.pairs().collect::<Vec<_>>())
    }

    /// A link to `path` with these pairs changed by `edit` (`offset`
    /// always dropped: a changed request starts at its first page).
    pub fn link<'x>(
        &'x self,
        path: &str,
        edit: impl FnOnce(&mut Vec<(&'x str, &'x str)>),
    ) -> String {
        let mut pairs: Vec<(&'x str, &'x str)> =
            self.pairs().filter(|(k, _)| *k != "offset").collect();
        edit(&mut pairs);
        href(path, &pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_strictly() {
        let p = Params::parse("q=export+control&country=JPN%2CKOR&x=").unwrap();
        assert_eq!(p.one("q").unwrap(), Some("export control"));
        assert_eq!(p.all("country"), ["JPN,KOR"]);
        assert_eq!(p.one("x").unwrap(), None);
        assert_eq!(Params::parse("q=%zz").unwrap_err().status, 400);
        assert_eq!(Params::parse("q=%ff").unwrap_err().status, 400);
        assert_eq!(Params::parse("q=50%").unwrap_err().status, 400);
    }

    #[test]
    fn links_round_trip() {
        let p = Params::parse("q=a+b%26c&offset=10&country=JPN").unwrap();
        let link = p.link("/search", |pairs| pairs.push(("topic", "export-control")));
        assert_eq!(link, "/search?q=a%20b%26c&country=JPN&topic=export-control");
        let back = Params::parse(link.split_once('?').unwrap().1).unwrap();
        assert_eq!(back.one("q").unwrap(), Some("a b&c"));
        assert_eq!(encode_path("f.txt#4(d)"), "f.txt%234(d)");
        assert_eq!(decode_path("f.txt%234(d)").unwrap(), "f.txt#4(d)");
        assert_eq!(decode_path("a+b%23c").unwrap(), "a+b#c");
    }
}
