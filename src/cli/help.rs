//! The text after each command's options in `--help` and in the man page:
//! examples, then the exit statuses (as `main.rs` returns them: 0 success,
//! a search with no hits included; 1 failure; 2 usage error).

/// After `dipsearch --help`.
pub const MAIN: &str = "\
Examples:
  dipsearch ingest                                 index ./corpus (only new and changed files)
  dipsearch search \"export control\" --country JPN  paragraphs, best first
  dipsearch show \"astop-2003-tokyo.txt#4(d)\"       one paragraph in its place, with its citation
  dipsearch cite \"astop-2003-tokyo.txt#4(d)\" --format bibtex
  dipsearch completions bash > ~/.local/share/bash-completion/completions/dipsearch
  dipsearch man > ~/.local/share/man/man1/dipsearch.1

`dipsearch COMMAND --help` has each command's options and examples.

Colour: every command but completions and man takes --color auto|always|never. The first
that applies decides: the flag (auto skips the configuration), NO_COLOR, CLICOLOR_FORCE,
`color` in ~/.config/dipsearch/config.toml, TERM=dumb, whether stdout is a terminal.

Exit status: 0 success (a search with no hits included), 1 failure (no index, a damaged
index, another ingest holding it, ...), 2 usage error (an unknown flag or value, a bad
date, query syntax; one line on stderr naming the value).";

/// After `ingest --help`.
pub const INGEST: &str = "\
Examples:
  dipsearch ingest                       index ./corpus: only new and changed files are read
  dipsearch ingest --dry-run             what would be added, updated, removed; writes nothing
  dipsearch --index idx ingest ~/ungd    another corpus and index
  dipsearch ingest --full                rebuild the whole index (also to accept another corpus)
  dipsearch ingest -q --strict           no summary; fail if any file is skipped

The summary counts every file seen once: added + updated + unchanged + skipped.

Exit status: 0 success (skipped files included), 1 failure or --strict with skipped files,
2 usage error.";

/// After `search --help`.
pub const SEARCH: &str = "\
Examples:
  dipsearch search \"export control\" --country JPN
  dipsearch search --instrument PSI --since 2003 --until 2010 --format json
  dipsearch search \"\\\"weapons of mass destruction\\\" -terrorists\" --sort newest -n 20
  dipsearch search nuclear -- -Iran
  dipsearch search CTBT --literal
  dipsearch search \"export control\" -n 100 --format csv > hits.csv

A label in brackets (¶[p11]) is dipsearch's own count: the document does not number that
paragraph. JSON hits say so in `label_is_own`.

Exit status: 0 success, also when nothing matches; 1 failure (a damaged index, no index and
no corpus to build it from); 2 usage error (an unknown flag or filter value, a bad date,
query syntax).";

/// After `show --help`.
pub const SHOW: &str = "\
Examples:
  dipsearch show \"astop-2003-tokyo.txt#4(d)\"
  dipsearch show \"astop-2003-tokyo.txt#4(d)\" --explain --format json
  dipsearch show --document astop-2003-tokyo.txt

A label in brackets (¶[p11]) is dipsearch's own count: the document does not number that
paragraph.

Exit status: 0 success, 1 failure, 2 usage error (an id or document not in the index).";

/// After `cite --help`.
pub const CITE: &str = "\
Examples:
  dipsearch cite \"astop-2003-tokyo.txt#4(d)\"
  dipsearch cite \"astop-2003-tokyo.txt#4(d)\" --style bluebook
  dipsearch cite \"astop-2003-tokyo.txt#4(d)\" \"astop-2003-tokyo.txt#5\" --format csl-json > refs.json
  pandoc --citeproc --bibliography refs.json paper.md    (cite as [@astop-2003-tokyo:4-d, para. 4(d)])
  dipsearch cite \"astop-2003-tokyo.txt#4(d)\" --format bibtex >> refs.bib

A pinpoint that is dipsearch's own count is cited `para. [p11] (numbering not in the
original)`.

Exit status: 0 success, 1 failure, 2 usage error (an id not in the index).";

/// After `facets --help`.
pub const FACETS: &str = "\
Examples:
  dipsearch facets \"export control\" --by country
  dipsearch facets --topic missiles --by year --by-key --format csv
  dipsearch facets --by meeting --limit 0          every meeting, not the first 20

Exit status: 0 success, 1 failure, 2 usage error.";

/// After `stats --help`.
pub const STATS: &str = "\
Examples:
  dipsearch stats
  dipsearch --index index-ungd stats --format json

Exit status: 0 success, 1 failure (no index), 2 usage error.";

/// After `export --help`.
pub const EXPORT: &str = "\
Examples:
  dipsearch export > paragraphs.ndjson
  dipsearch export | head -n 3
  dipsearch export --format text | grep -i centrifuge
  dipsearch export --format csv > paragraphs.csv

Exit status: 0 success (a closed pipe included), 1 failure (no index, a damaged
index), 2 usage error.";

/// After `status --help`.
pub const STATUS: &str = "\
Examples:
  dipsearch status
  dipsearch status ~/ungd --format json

Exit status: 0 success (behind or not), 1 failure, 2 usage error.";

/// After `entities --help`.
pub const ENTITIES: &str = "\
Examples:
  dipsearch entities country
  dipsearch entities instrument --format json
  dipsearch entities country --format csv

Exit status: 0 success, 2 usage error.";

/// After `check --help`.
pub const CHECK: &str = "\
Examples:
  dipsearch check
  dipsearch --index index-ungd check --format json

Exit status: 0 when the index is whole, 1 when it is damaged or missing (`dipsearch ingest
--full` rebuilds it), 2 usage error.";

/// After `precedent --help`.
pub const PRECEDENT: &str = "\
Examples:
  dipsearch precedent \"astop-2003-tokyo.txt#4(d)\"
  dipsearch precedent --text \"Decides to remain seized of the matter.\" --sort oldest
  dipsearch precedent --file draft.txt --before 2010 --country JPN

Exit status: 0 success (no match included), 1 failure, 2 usage error.";

/// After `diff --help`.
pub const DIFF: &str = "\
Examples:
  dipsearch diff \"astop-2003-tokyo.txt#4(d)\" \"astop-2003-tokyo.txt#4(e)\"
  dipsearch diff \"astop-2003-tokyo.txt#4(d)\" --text \"The participants discussed export controls.\"
  dipsearch diff --text \"old wording\" --text \"new wording\" --format html > diff.html

Exit status: 0 success, 1 failure, 2 usage error.";

/// After `compare --help`.
pub const COMPARE: &str = "\
Examples:
  dipsearch compare OLD-EDITION.txt NEW-EDITION.txt
  dipsearch compare --meeting ARF --from 2023 --to 2024

Exit status: 0 success, 1 failure, 2 usage error (an unknown document, not exactly one
edition in a year).";

/// After `reuse --help`.
pub const REUSE: &str = "\
Examples:
  dipsearch reuse --meeting UNSC -n 20
  dipsearch reuse --min-documents 5 --format json

Exit status: 0 success, 1 failure, 2 usage error.";

/// After `completions --help`.
pub const COMPLETIONS: &str = "\
Examples:
  dipsearch completions bash > ~/.local/share/bash-completion/completions/dipsearch
  dipsearch completions zsh > ~/.zfunc/_dipsearch       (with fpath+=~/.zfunc in ~/.zshrc)
  dipsearch completions fish > ~/.config/fish/completions/dipsearch.fish
  dipsearch completions powershell >> $PROFILE

Exit status: 0 success, 2 usage error (an unknown shell).";

/// After `man --help`.
pub const MAN: &str = "\
Examples:
  dipsearch man > ~/.local/share/man/man1/dipsearch.1     then `man dipsearch`
  dipsearch man search | man -l -                          one command's page
  dipsearch man --dir ~/.local/share/man/man1              every page (dipsearch-search.1, ...)

Exit status: 0 success, 1 failure (a folder that cannot be written), 2 usage error.";

/// After `serve --help`.
pub const SERVE: &str = "\
Examples:
  dipsearch serve                          http://127.0.0.1:7878/ on this machine only
  dipsearch serve --port 8080 --open       another port, and open it in the browser
  dipsearch serve --bind 0.0.0.0           reachable from the network (says so once)

Exit status: 0 when stopped, 1 failure (the port is taken, no index), 2 usage error.";

/// After `watch --help`.
pub const WATCH: &str = "\
Examples:
  dipsearch watch add export-controls \"export control\" --country JPN
  dipsearch ingest            # says: watches with new hits: export-controls (3)
  dipsearch watch run export-controls
  dipsearch watch run --format jsonl | jq -r .id
  dipsearch watch list
  dipsearch watch rm export-controls

Exit status: 0 success (watch run: new hits), 1 failure (watch run: no new hits),
2 usage error.";

/// After `watch add --help`.
pub const WATCH_ADD: &str = "\
Examples:
  dipsearch watch add export-controls \"export control\" --country JPN
  dipsearch watch add arf-chairs --meeting ARF --type chairs-statement

Exit status: 0 success, 1 failure, 2 usage error (a bad name or filter, a name
already used).";

/// After `watch run --help`.
pub const WATCH_RUN: &str = "\
Each completed run reports a paragraph once: the cursor moves only after the
hits are printed, so a run killed before that reports them again.

Examples:
  dipsearch watch run export-controls
  dipsearch watch run --format jsonl

Exit status: 0 new hits, 1 no new hits (as grep) or failure, 2 usage error
(an unknown watch).";
