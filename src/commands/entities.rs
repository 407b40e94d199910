//! `dipsearch entities`: the ids users can filter by, with names and aliases.

use anyhow::Result;
use dipsearch::enrich::Gazetteer;
use dipsearch::model::EntityKind;
use dipsearch::render;

use super::{list, text_style, with_stdout, Outcome};
use crate::cli::{EntitiesArgs, EntityKindArg};

pub fn run(args: EntitiesArgs) -> Result<Outcome> {
    let kinds: Vec<EntityKind> = match args.kind {
        Some(EntityKindArg::Country) => vec![EntityKind::Country],
        Some(EntityKindArg::Instrument) => vec![EntityKind::Instrument],
        Some(EntityKindArg::Topic) => vec![EntityKind::Topic],
        Some(EntityKindArg::Group) => vec![EntityKind::Group],
        None => vec![
            EntityKind::Country,
            EntityKind::Instrument,
            EntityKind::Topic,
            EntityKind::Group,
        ],
    };
    let gaz = Gazetteer::builtin();
    let all: Vec<_> = kinds.into_iter().flat_map(|k| gaz.entities(k)).collect();
    let style = text_style(args.output.color);
    with_stdout(|out| render::entities(list(args.output.format), &all, style, out))?;
    Ok(Outcome::Success)
}
