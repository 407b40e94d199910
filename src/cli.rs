//! Command-line syntax: clap derive types and help text (the examples and
//! exit statuses after each command's options are in `help.rs`). What was
//! typed, not what it means: values are resolved by `commands`, at one
//! boundary. The same definitions make the shell completions and the man
//! pages (`dipsearch completions`, `dipsearch man`).

mod help;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use dipsearch::model::DocType;
use dipsearch::search::FilterValues;

/// Paragraph-level search over diplomatic meeting documents: what was said
/// where, in which meeting, on what date, about which countries, treaties
/// and topics.
#[derive(Debug, Parser)]
#[command(
    name = "dipsearch",
    version,
    about,
    long_about = None,
    max_term_width = 100,
    after_help = help::MAIN
)]
pub struct Cli {
    /// The options every subcommand takes.
    #[command(flatten)]
    pub global: GlobalArgs,

    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The options every subcommand takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Index folder [default: index, or `index` in ~/.config/dipsearch/config.toml].
    #[arg(long, global = true, value_name = "DIR", env = "DIPSEARCH_INDEX")]
    pub index: Option<PathBuf>,

    /// Corpus folder [default: corpus, or `corpus` in ~/.config/dipsearch/config.toml];
    /// `ingest CORPUS` and `status CORPUS` take it as their argument too.
    #[arg(long, global = true, value_name = "DIR", env = "DIPSEARCH_CORPUS")]
    pub corpus: Option<PathBuf>,
}

impl Cli {
    /// Parses the command line as [`Parser::try_parse`] does, the same
    /// values and the same errors and help.
    ///
    /// Why two passes: clap builds every subcommand's arguments and help
    /// before it parses, about a tenth of a whole `search` process (issue
    /// 18: a selective search must not be slower than the `sqlite3` CLI).
    /// A search, the command scripts run most, is first parsed by a
    /// command holding only the global options and `search`; anything
    /// that does not parse there (another subcommand, `--help`, a bad
    /// value) is parsed again by the whole command, which then writes the
    /// help or the error exactly as before.
    pub fn parse_args() -> Result<Cli, clap::Error> {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        match Self::parse_search(&args) {
            Some(cli) => Ok(cli),
            None => Cli::try_parse_from(args),
        }
    }

    /// `args` parsed by a command that knows only `search`, or `None`.
    pub fn parse_search(args: &[std::ffi::OsString]) -> Option<Cli> {
        use clap::FromArgMatches;
        let search = SearchArgs::augment_args(clap::Command::new("search"));
        let cmd = GlobalArgs::augment_args(clap::Command::new("dipsearch"))
            .subcommand(search)
            .subcommand_required(true);
        let matches = cmd.try_get_matches_from(args).ok()?;
        Cli::from_arg_matches(&matches).ok()
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Bring the index in step with a corpus folder (incremental).
    #[command(after_help = help::INGEST)]
    Ingest(IngestArgs),
    /// Search paragraphs by words, phrases and filters.
    #[command(after_help = help::SEARCH)]
    Search(SearchArgs),
    /// Show one paragraph with its document header, parent and neighbours.
    #[command(after_help = help::SHOW)]
    Show(ShowArgs),
    /// Cite paragraphs: text (UN, OSCOLA, Bluebook), CSL-JSON, RIS or BibTeX.
    #[command(after_help = help::CITE)]
    Cite(CiteArgs),
    /// Count matching paragraphs per country, instrument, topic, meeting, year…
    #[command(after_help = help::FACETS)]
    Facets(FacetsArgs),
    /// Summarise what the index holds.
    #[command(after_help = help::STATS)]
    Stats(StatsArgs),
    /// Print every indexed paragraph as JSON lines, in corpus order.
    #[command(after_help = help::EXPORT)]
    Export(ExportArgs),
    /// Tell whether the index is behind the corpus (writes nothing).
    #[command(after_help = help::STATUS)]
    Status(StatusArgs),
    /// List the known countries, instruments, topics and groups with their ids.
    #[command(after_help = help::ENTITIES)]
    Entities(EntitiesArgs),
    /// Verify the index: every file present and matching its checksum (exit 1 if damaged).
    #[command(after_help = help::CHECK)]
    Check(CheckArgs),
    /// Where this wording was used before: paragraphs sharing it, by share of words shared.
    #[command(after_help = help::PRECEDENT)]
    Precedent(PrecedentArgs),
    /// Word-level differences between two paragraphs or texts.
    #[command(after_help = help::DIFF)]
    Diff(DiffArgs),
    /// Two editions of a document paragraph by paragraph: unchanged, modified, moved, new, dropped.
    #[command(after_help = help::COMPARE)]
    Compare(CompareArgs),
    /// The formulas the corpus repeats: sentences used in several documents, most used first.
    #[command(after_help = help::REUSE)]
    Reuse(ReuseArgs),
    /// Saved searches: report only the paragraphs that entered the index since the last run.
    #[command(after_help = help::WATCH)]
    Watch(WatchArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(after_help = help::COMPLETIONS)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write every page to a folder.
    #[command(after_help = help::MAN)]
    Man(ManArgs),
    /// Serve a web page over the index on this machine: search, facets, paragraphs, precedents.
    #[command(after_help = help::SERVE)]
    Serve(ServeArgs),
}

/// `watch` arguments.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// What to do with saved searches.
    #[command(subcommand)]
    pub action: WatchAction,
}

/// The `watch` subcommands.
#[derive(Debug, Subcommand)]
pub enum WatchAction {
    /// Save a search under a name; it reports what enters the index from now on.
    #[command(after_help = help::WATCH_ADD)]
    Add(Box<WatchAddArgs>),
    /// List the saved searches.
    List(WatchListArgs),
    /// Delete a saved search.
    Rm(WatchRmArgs),
    /// Print the paragraphs that entered the index since the watch last ran
    /// (every watch when no name is given); exit 1 when there are none.
    #[command(after_help = help::WATCH_RUN)]
    Run(WatchRunArgs),
}

/// `watch add` arguments.
#[derive(Debug, Args)]
pub struct WatchAddArgs {
    /// Name of the watch: letters, digits, `-`, `_` and `.` (at most 64).
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Query, as for search (optional when a filter is given).
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Search the words only as typed, as `search --literal`.
    #[arg(long)]
    pub literal: bool,
    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Colour.
    #[command(flatten)]
    pub color: ColorArgs,
}

/// `watch list` arguments.
#[derive(Debug, Args)]
pub struct WatchListArgs {
    /// Output format and colour.
    #[command(flatten)]
    pub output: ListOutput,
}

/// `watch rm` arguments.
#[derive(Debug, Args)]
pub struct WatchRmArgs {
    /// Name of the watch.
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Colour.
    #[command(flatten)]
    pub color: ColorArgs,
}

/// `watch run` arguments.
#[derive(Debug, Args)]
pub struct WatchRunArgs {
    /// Name of the watch (every watch when omitted).
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
    /// Output format and colour.
    #[command(flatten)]
    pub output: SearchOutput,
}

/// `completions` arguments.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `man` arguments.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// A command whose page to print (`search` gives dipsearch-search(1)); the main page
    /// when omitted.
    #[arg(value_name = "COMMAND", conflicts_with = "dir")]
    pub command: Option<String>,
    /// Write every page (dipsearch.1, dipsearch-search.1, …) into this folder instead.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// `check` arguments.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format and colour.
    #[command(flatten)]
    pub output: BasicOutput,
}

/// `ingest` arguments.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Corpus folder [default: the global --corpus, DIPSEARCH_CORPUS, or corpus].
    #[arg(id = "corpus_dir", value_name = "CORPUS")]
    pub corpus_dir: Option<PathBuf>,
    /// The corpus folder resolved (the argument, or the global --corpus).
    #[arg(skip)]
    pub corpus: PathBuf,
    /// Rebuild every entry from scratch (the old index stays searchable until done).
    #[arg(long)]
    pub full: bool,
    /// Print what would be added, updated and removed; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Treat a skipped file as an error (exit status 1).
    #[arg(long)]
    pub strict: bool,
    /// Follow symbolic links whose target is inside the corpus (links out of it never are).
    #[arg(long)]
    pub follow_links: bool,
    /// Keep running and re-ingest shortly after corpus files change.
    #[arg(long, conflicts_with = "dry_run")]
    pub watch: bool,
    /// No progress bar and no summary line (skipped files are still listed;
    /// `--format json` is still printed).
    #[arg(long, short)]
    pub quiet: bool,
    /// Output format and colour.
    #[command(flatten)]
    pub output: BasicOutput,
}

/// Filters shared by `search` and `facets`.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Country mentioned: ISO3, ISO2, name or alias; a group (ASEAN, G7) means any member. `JPN,KOR` = either; repeat the flag = both.
    #[arg(long = "country", value_name = "C")]
    pub countries: Vec<String>,
    /// Instrument mentioned: id or alias (PSI, NPT, "Hague Code of Conduct", UNSCR-1540).
    #[arg(long = "instrument", value_name = "I")]
    pub instruments: Vec<String>,
    /// Topic id or label (export-control, missiles, terrorism…).
    #[arg(long = "topic", value_name = "T")]
    pub topics: Vec<String>,
    /// Group mentioned as such (ASEAN, G8, ARF…).
    #[arg(long = "group", value_name = "G")]
    pub groups: Vec<String>,
    /// Meeting acronym or full name (ASTOP, "ASEAN Regional Forum").
    #[arg(long = "meeting", value_name = "M")]
    pub meetings: Vec<String>,
    // Help from the one list of types, `DocType::ALL`.
    #[arg(long = "type", value_name = "TYPE", help = doc_type_help())]
    pub types: Vec<String>,
    /// Country that speaks or hosts (as --country).
    #[arg(long = "issuer", value_name = "C")]
    pub issuers: Vec<String>,
    /// On or after this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE", visible_aliases = ["from", "after"])]
    pub since: Option<String>,
    /// On or before this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE", visible_aliases = ["before", "to"])]
    pub until: Option<String>,
}

impl FilterArgs {
    /// The values as typed, for `Filters::resolve` (which the web page's
    /// parameters also go through).
    pub fn values(&self) -> FilterValues {
        FilterValues {
            countries: self.countries.clone(),
            instruments: self.instruments.clone(),
            topics: self.topics.clone(),
            groups: self.groups.clone(),
            meetings: self.meetings.clone(),
            types: self.types.clone(),
            issuers: self.issuers.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
        }
    }
}

/// `search` arguments.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words (all required), "quoted phrases", OR, NOT or -exclusions (inside the quoted
    /// query, or after `--`: `search "nuclear -Iran"`, `search nuclear -- -Iran`), prefix*.
    /// Names of instruments, countries, groups and topics also find their other names and
    /// tagged paragraphs; spelling variants are searched too.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Search the words only as typed: no other names, topics or spelling variants.
    #[arg(long)]
    pub literal: bool,
    /// Only paragraphs with every word: none with all but the commonest after them when
    /// those with every word do not fill the page.
    #[arg(long)]
    pub all_words: bool,
    /// Count every match. Without it, a search for one common phrase skips the paragraphs
    /// that cannot rank and estimates the total ("about 105,000").
    #[arg(long)]
    pub exact_total: bool,
    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Hits to show.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Output format and colour.
    #[command(flatten)]
    pub output: SearchOutput,
    /// Corpus to build the index from when there is none yet (the global --corpus).
    #[arg(skip)]
    pub corpus: PathBuf,
}

/// `show` arguments.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Paragraph id as printed by search (`astop-2003-tokyo.txt#4(d)`); with
    /// --document, a document's source path (or any of its paragraph ids).
    pub id: String,
    /// Print the whole document, every paragraph with its label.
    #[arg(long)]
    pub document: bool,
    /// List each entity with the words that triggered it.
    #[arg(long, conflicts_with = "document")]
    pub explain: bool,
    /// Output format and colour.
    #[command(flatten)]
    pub output: BasicOutput,
    /// Corpus to build the index from when there is none yet (the global --corpus).
    #[arg(skip)]
    pub corpus: PathBuf,
}

/// `cite` arguments.
#[derive(Debug, Args)]
pub struct CiteArgs {
    /// Paragraph ids as printed by search (`astop-2003-tokyo.txt#4(d)`), one or more.
    #[arg(value_name = "ID", required = true, num_args = 1..)]
    pub ids: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CiteFormat::Text)]
    pub format: CiteFormat,
    /// Citation style of the text format.
    #[arg(long, value_enum, default_value_t = CiteStyle::Un)]
    pub style: CiteStyle,
    /// Colour.
    #[command(flatten)]
    pub color: ColorArgs,
    /// Corpus to build the index from when there is none yet (the global --corpus).
    #[arg(skip)]
    pub corpus: PathBuf,
}

/// Citation formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiteFormat {
    /// One line per paragraph, in the --style.
    Text,
    /// A JSON array of CSL items (pandoc --citeproc, Zotero, citeproc-js).
    CslJson,
    /// RIS records (EndNote, Zotero, reference managers).
    Ris,
    /// BibTeX entries (BibTeX, biblatex).
    Bibtex,
}

/// Citation styles for text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiteStyle {
    /// UN / diplomatic: `S/RES/1540 (2004) of 28 April 2004, para. 3.`
    Un,
    /// OSCOLA-like: `UNSC Res 1540 (28 April 2004) UN Doc S/RES/1540, para 3.`
    Oscola,
    /// Bluebook-like: `S.C. Res. 1540, ¶ 3 (Apr. 28, 2004).`
    Bluebook,
}

/// `facets` arguments.
#[derive(Debug, Args)]
pub struct FacetsArgs {
    /// Query, as for search (optional).
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Count the words only as typed, as `search --literal`.
    #[arg(long)]
    pub literal: bool,
    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// What to count by.
    #[arg(long, value_enum, default_value_t = FacetByArg::Country)]
    pub by: FacetByArg,
    /// Values to show, most first (0 = all); the output says how many more there are.
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Order buckets by key (chronological for years) instead of count.
    #[arg(long)]
    pub by_key: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FacetFormat::Text)]
    pub format: FacetFormat,
    /// Colour.
    #[command(flatten)]
    pub color: ColorArgs,
    /// Corpus to build the index from when there is none yet (the global --corpus).
    #[arg(skip)]
    pub corpus: PathBuf,
}

/// `stats` arguments.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Output format and colour.
    #[command(flatten)]
    pub output: BasicOutput,
}

/// `export` arguments.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// Colour.
    #[command(flatten)]
    pub color: ColorArgs,
}

/// `status` arguments.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Corpus folder [default: the global --corpus, DIPSEARCH_CORPUS, or corpus].
    #[arg(id = "corpus_dir", value_name = "CORPUS")]
    pub corpus_dir: Option<PathBuf>,
    /// The corpus folder resolved (the argument, or the global --corpus).
    #[arg(skip)]
    pub corpus: PathBuf,
    /// Follow symbolic links whose target is inside the corpus, as `ingest --follow-links`.
    #[arg(long)]
    pub follow_links: bool,
    /// Output format and colour.
    #[command(flatten)]
    pub output: BasicOutput,
}

/// `entities` arguments.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Which kind to list (all when omitted).
    #[arg(value_enum)]
    pub kind: Option<EntityKindArg>,
    /// Output format and colour.
    #[command(flatten)]
    pub output: ListOutput,
}

/// `precedent` arguments.
#[derive(Debug, Args)]
pub struct PrecedentArgs {
    /// Paragraph id whose wording to look for (or give --text or --file).
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// The wording to look for, as text.
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["id", "file"])]
    pub text: Option<String>,
    /// Read the wording from a file (`-` for standard input).
    #[arg(long, value_name = "FILE", conflicts_with = "id")]
    pub file: Option<PathBuf>,
    /// Filters, as for search (--before = --until).
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Least share of the wording a paragraph must share, in percent.
    #[arg(long, default_value_t = 10, value_name = "PCT")]
    pub min_coverage: u32,
    /// Matches to show.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Matches to skip (for paging).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Order of matches: most shared first, or by date.
    #[arg(long, value_enum, default_value_t = PrecedentSort::Coverage)]
    pub sort: PrecedentSort,
    /// Output format and colour.
    #[command(flatten)]
    pub output: ListOutput,
    /// Corpus to build the index from when there is none yet (the global --corpus).
    #[arg(skip)]
    pub corpus: PathBuf,
}

/// Precedent orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PrecedentSort {
    /// Most shared wording first.
    Coverage,
    /// Earliest first.
    Oldest,
    /// Latest first.
    Newest,
}

/// `diff` arguments.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Paragraph ids: the older text first (with --text, one id or none).
    #[arg(value_name = "ID", num_args = 0..=2)]
    pub ids: Vec<String>,
    /// A text to compare instead of a paragraph (repeat for two texts).
    #[arg(long = "text", value_name = "TEXT")]
    pub texts: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Colour.
    #[command(flatten)]
    pub color: ColorArgs,
    /// Corpus to build the index from when there is none yet (the global --corpus).
    #[arg(skip)]
    pub corpus: PathBuf,
}

/// Diff output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// `[-deleted-]{+inserted+}` (coloured on a terminal).
    Text,
    /// Operations with byte ranges.
    Json,
    /// A standalone page with `<del>` and `<ins>`.
    Html,
}

/// `compare` arguments.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two documents (source paths as in ids, before `#`): the older first.
    #[arg(value_name = "DOC", num_args = 0..=2)]
    pub docs: Vec<String>,
    /// Or: the meeting whose editions to compare (with --from and --to).
    #[arg(long, value_name = "M", requires_all = ["from", "to"], conflicts_with = "docs")]
    pub meeting: Option<String>,
    /// Year of the older edition.
    #[arg(long, value_name = "YEAR", requires = "meeting")]
    pub from: Option<String>,
    /// Year of the newer edition.
    #[arg(long, value_name = "YEAR", requires = "meeting")]
    pub to: Option<String>,
    /// Document type of the editions, when a year has several documents.
    #[arg(long = "type", value_name = "TYPE")]
    pub doc_type: Option<String>,
    /// Output format and colour.
    #[command(flatten)]
    pub output: BasicOutput,
    /// Corpus to build the index from when there is none yet (the global --corpus).
    #[arg(skip)]
    pub corpus: PathBuf,
}

/// `reuse` arguments.
#[derive(Debug, Args)]
pub struct ReuseArgs {
    /// Filters, as for search.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Fewest documents a sentence must be used in.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min_documents: usize,
    /// Formulas to show.
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Paragraph ids listed per formula (JSON).
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub examples: usize,
    /// Output format and colour.
    #[command(flatten)]
    pub output: ListOutput,
    /// Corpus to build the index from when there is none yet (the global --corpus).
    #[arg(skip)]
    pub corpus: PathBuf,
}

/// `serve` arguments.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Port to listen on (0: any free port, printed on start).
    #[arg(long, default_value_t = 7878, value_name = "PORT")]
    pub port: u16,
    /// Address to listen on; anything but a loopback address makes the page reachable from the network.
    #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
    pub bind: std::net::IpAddr,
    /// Open the page in the desktop's browser (xdg-open or open).
    #[arg(long)]
    pub open: bool,
    /// Corpus to build the index from when there is none yet.
    #[arg(long, default_value = "corpus", value_name = "DIR")]
    pub corpus: PathBuf,
    /// Colour.
    #[command(flatten)]
    pub color: ColorArgs,
}

/// `--color`, on every command that prints. Optional, so that the `color`
/// key of the user configuration can stand in when it is not given (see
/// `commands::color` for the order of precedence).
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct ColorArgs {
    /// Colour: auto (terminal and no NO_COLOR), always, never [default: auto, or `color`
    /// in ~/.config/dipsearch/config.toml].
    #[arg(long, value_enum)]
    pub color: Option<ColorArg>,
}

/// `--format text|json` and `--color`.
#[derive(Debug, Clone, Copy, Args)]
pub struct BasicOutput {
    /// Output format.
    #[arg(long, value_enum, default_value_t = BasicFormat::Text)]
    pub format: BasicFormat,
    /// Colour.
    #[command(flatten)]
    pub color: ColorArgs,
}

/// `--format` of a list (text, json, jsonl, csv) and `--color`.
#[derive(Debug, Clone, Copy, Args)]
pub struct ListOutput {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// Colour.
    #[command(flatten)]
    pub color: ColorArgs,
}

/// `--format` of search hits and `--color` (`search`, `watch run`).
#[derive(Debug, Clone, Copy, Args)]
pub struct SearchOutput {
    /// Output format.
    #[arg(long, value_enum, default_value_t = SearchFormat::Text)]
    pub format: SearchFormat,
    /// Colour.
    #[command(flatten)]
    pub color: ColorArgs,
}

/// Text or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BasicFormat {
    /// For people.
    Text,
    /// One JSON document.
    Json,
}

/// Search output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    /// For people.
    Text,
    /// `{"query", "total", "hits"}`.
    Json,
    /// One hit per line.
    Jsonl,
    /// One row per hit after a header: `id,score,meeting,date,place,label,doc_type,text`.
    Csv,
}

impl From<SearchFormat> for dipsearch::render::Format {
    fn from(f: SearchFormat) -> Self {
        match f {
            SearchFormat::Text => Self::Text,
            SearchFormat::Json => Self::Json,
            SearchFormat::Jsonl => Self::Jsonl,
            SearchFormat::Csv => Self::Csv,
        }
    }
}

/// Formats of a list (entities, saved searches, precedents, formulas).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// For people.
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per line, one per item.
    Jsonl,
    /// One row per item after a header row.
    Csv,
}

/// Facet output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FacetFormat {
    /// Aligned table.
    Text,
    /// `{"query", "total", "by", "buckets"}`.
    Json,
    /// One `{"key", "label", "count"}` per line.
    Jsonl,
    /// `key,label,count`.
    Csv,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One paragraph record (a HIT) per line.
    Jsonl,
    /// One JSON array of HITs.
    Json,
    /// `id  text`, one paragraph per line.
    Text,
    /// One row per paragraph after a header: `id,score,meeting,date,place,label,doc_type,text`.
    Csv,
}

/// Sort orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Newest first.
    Newest,
    /// Oldest first.
    Oldest,
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Colour on a terminal unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Facet dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FacetByArg {
    /// Countries mentioned.
    Country,
    /// Instruments mentioned.
    Instrument,
    /// Topics.
    Topic,
    /// Groups mentioned.
    Group,
    /// Meetings.
    Meeting,
    /// Years.
    Year,
    /// Issuing country.
    Issuer,
    /// Document types.
    Type,
}

/// Entity kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntityKindArg {
    /// Countries.
    Country,
    /// Instruments.
    Instrument,
    /// Topics.
    Topic,
    /// Groups.
    Group,
}

/// The help of `--type`: every document type, from `DocType::ALL`.
fn doc_type_help() -> String {
    format!("Document type: {}", DocType::names())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(args: &[&str]) -> Vec<std::ffi::OsString> {
        std::iter::once("dipsearch")
            .chain(args.iter().copied())
            .map(Into::into)
            .collect()
    }

    /// The search-only pass gives what the whole command gives, or leaves
    /// the command line to it.
    #[test]
    fn search_only_pass_agrees_with_the_whole_command() {
        let parsed: &[&[&str]] = &[
            &["search", "export control"],
            &[
                "search",
                "\"nuclear weapons\"",
                "--country",
                "PRK",
                "--format",
                "json",
            ],
            &[
                "--index", "idx", "search", "x", "--limit", "3", "--offset", "2",
            ],
            &[
                "search",
                "--corpus",
                "c",
                "--sort",
                "newest",
                "--literal",
                "a",
                "b",
            ],
            &[
                "search",
                "--type",
                "chairs-summary",
                "--since",
                "2003",
                "q",
                "-n",
                "5",
            ],
            &["search", "--exact-total", "--color", "never", "--", "-x"],
            &[
                "search",
                "--meeting",
                "ARF",
                "--until",
                "2010-05",
                "--topic",
                "nonproliferation",
            ],
        ];
        for args in parsed {
            let fast = Cli::parse_search(&argv(args));
            assert!(fast.is_some(), "{args:?} is a search");
            let full = Cli::try_parse_from(argv(args)).ok();
            assert_eq!(format!("{fast:?}"), format!("{full:?}"), "{args:?}");
        }
        let left: &[&[&str]] = &[
            &[],
            &["--help"],
            &["--version"],
            &["search", "--help"],
            &["search", "-h"],
            &["help", "search"],
            &["search", "x", "--limit", "many"],
            &["search", "x", "--bogus"],
            &["search", "x", "--format", "yaml"],
            &["show", "a#1"],
            &["ingest"],
            &["--index", "search", "ingest"],
            &["serach", "x"],
            &["se", "x"],
        ];
        for args in left {
            assert!(Cli::parse_search(&argv(args)).is_none(), "{args:?}");
        }
    }
}
