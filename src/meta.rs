//! Metadata overrides for documents whose text carries no usable header:
//! TOML front matter between `+++` lines, and `dipsearch.toml` folder
//! defaults with a file-name template. Values here win over what
//! `segment` read from the text.

use serde::Deserialize;

use crate::model::{CountryCode, Date, DocType, MeetingHeader};

/// Header values given explicitly by the user. Every key is optional.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
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

impl Overrides {
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
        }
    }
}
