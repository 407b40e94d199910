//! Whether text output is coloured. In order, the first that decides:
//!
//! 1. `--color always|never|auto` as typed (`auto` goes on to 2, skipping 3);
//! 2. `NO_COLOR` (set, not empty) turns colour off, then `CLICOLOR_FORCE`
//!    (set, not `0`) turns it on (<https://no-color.org>,
//!    <https://bixense.com/clicolors/>);
//! 3. the `color` key of the user configuration (`always`, `never`; `auto`
//!    goes on);
//! 4. `TERM=dumb` turns colour off; otherwise colour when stdout is a
//!    terminal.
//!
//! The environment wins over the configuration because it is what a
//! script or a terminal sets for one run, the file what a person sets once.

use std::ffi::OsString;
use std::sync::OnceLock;

use crate::cli::{ColorArg, ColorArgs};

/// The configuration's `color`, set once by `dispatch` before any command
/// runs: one value per process, read by every command's `text_style`
/// without threading the file through each command's arguments.
static CONFIGURED: OnceLock<ColorArg> = OnceLock::new();

/// Records the configuration's `color` (none: nothing configured).
pub fn set_configured(color: Option<ColorArg>) {
    if let Some(c) = color {
        let _ = CONFIGURED.set(c);
    }
}

/// Whether to colour, for the `--color` of a command and whether stdout
/// is a terminal.
pub fn enabled(flag: ColorArgs, terminal: bool) -> bool {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    decide(flag.color, CONFIGURED.get().copied(), &var, terminal)
}

/// The decision, with the environment passed in (for the tests).
fn decide(
    flag: Option<ColorArg>,
    configured: Option<ColorArg>,
    var: &dyn Fn(&str) -> Option<OsString>,
    terminal: bool,
) -> bool {
    let configured = match flag {
        Some(ColorArg::Always) => return true,
        Some(ColorArg::Never) => return false,
        // Typed `auto`: the configuration does not apply.
        Some(ColorArg::Auto) => None,
        None => configured,
    };
    if var("NO_COLOR").is_some() {
        return false;
    }
    if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
        return true;
    }
    match configured {
        Some(ColorArg::Always) => return true,
        Some(ColorArg::Never) => return false,
        Some(ColorArg::Auto) | None => {}
    }
    if var("TERM").is_some_and(|v| v == "dumb") {
        return false;
    }
    terminal
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColorArg::{Always, Auto, Never};

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn the_flag_decides_alone_unless_auto() {
        let e = env(&[("NO_COLOR", "1")]);
        assert!(decide(Some(Always), Some(Never), &e, false));
        let e = env(&[("CLICOLOR_FORCE", "1")]);
        assert!(!decide(Some(Never), Some(Always), &e, true));
        // Typed auto ignores the configuration.
        assert!(!decide(Some(Auto), Some(Always), &env(&[]), false));
        assert!(decide(Some(Auto), Some(Never), &env(&[]), true));
    }

    #[test]
    fn the_environment_wins_over_the_configuration() {
        assert!(!decide(
            None,
            Some(Always),
            &env(&[("NO_COLOR", "1")]),
            true
        ));
        assert!(decide(
            None,
            Some(Never),
            &env(&[("CLICOLOR_FORCE", "1")]),
            false
        ));
        assert!(decide(
            None,
            Some(Always),
            &env(&[("CLICOLOR_FORCE", "0")]),
            false
        ));
    }

    #[test]
    fn the_configuration_wins_over_the_terminal() {
        assert!(decide(None, Some(Always), &env(&[("TERM", "dumb")]), false));
        assert!(!decide(None, Some(Never), &env(&[]), true));
        assert!(!decide(None, Some(Auto), &env(&[("TERM", "dumb")]), true));
        assert!(decide(None, None, &env(&[]), true));
        assert!(!decide(None, None, &env(&[]), false));
    }
}
