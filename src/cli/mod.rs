//! The command line: `citeline [FILE]` opens the window; subcommands work headless. The names
//! and flags here are a public interface that users script against.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

mod add_source;
mod check;
mod dates;
mod publish;
mod reanchor;
mod report;
mod table;

use crate::formats::{Format, save_as};
use crate::model::filter::{Choices, Filter};
use crate::model::{Problem, Progress};
use crate::scene::Theme;
use crate::scene::compose::{DEFAULT_WIDTH, Extent, ImageOptions, image};
use crate::session::Loaded;
use crate::session::loaded::open_blocking;

pub use add_source::AddSourceArgs;
use add_source::add_source;
use check::check;

#[derive(Debug, Parser)]
#[command(
    name = "citeline",
    version,
    about = "A timeline where every event cites the exact sentence of its source.",
    long_about = "A timeline where every event cites the exact sentence of its source.\n\n\
        Without a subcommand, opens the window on FILE (a *.citeline.json timeline), or on the last \
        file opened, or on the built-in Netflix–Facebook timeline.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Timeline to open in the window.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and validate a timeline: one line per problem, then a summary. Exits 1 on any error,
    /// and when a source's text or original changed and the change was not accepted (one more
    /// line per such source, counting its citations by re-anchoring outcome).
    Check { file: PathBuf },
    /// Finds each citation of a source whose text changed again in the new text: kept, moved
    /// (the same words elsewhere), changed (other words where they stood) or orphan. With
    /// --accept, writes the new anchors. Exits 1 while any citation is left pending.
    Reanchor(reanchor::ReanchorArgs),
    /// Export a timeline as a PNG or SVG image, or a vector PDF page (the format follows OUT's
    /// extension).
    Export(ExportArgs),
    /// Write the chronology as a table, CSV or XLSX (the format follows OUT's extension): one
    /// row per citation in date order, undated events last.
    Table(table::TableArgs),
    /// Publish the timeline as one self-contained HTML page (nothing fetched from anywhere):
    /// an interactive timeline, each event's citations with their quotes in context, and the
    /// chronology as a table.
    Publish(publish::PublishArgs),
    /// Write every citation as a W3C Web Annotation (JSON-LD): its source as the target, with a
    /// quote selector, a position selector and, for a PDF, the page. `convert` reads such a file
    /// back.
    Annotations(publish::AnnotationsArgs),
    /// Write the chronology as a document, Word (*.docx) or PDF (the format follows OUT's
    /// extension): title and counts, the timeline pictured, a table of the events in date order
    /// with each citation's quote, source, pin cite and verification, and the sources cited.
    Report(report::ReportArgs),
    /// Print the timeline's sources as CSL-JSON or BibTeX, for a reference manager such as
    /// Zotero: each keyed by its id, with its title, byline, publisher, date, URL, language and
    /// the SHA-256 of its original file.
    Sources(report::SourcesArgs),
    /// Convert a timeline between citeline JSON, TimelineJS3 JSON and the TimelineJS spreadsheet
    /// template (CSV). The input's format is told by its content.
    Convert {
        input: PathBuf,
        /// Output file; its name gives the format unless --to does (*.citeline.json citeline,
        /// *.csv TimelineJS CSV, *.jsonld Web Annotations, any other *.json TimelineJS3 JSON).
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, value_enum)]
        to: Option<ToArg>,
    },
    /// Creates an empty timeline FILE (NAME.citeline.json) and the `sources/` folder beside it.
    New {
        file: PathBuf,
        /// The timeline's title (default: from the file name).
        #[arg(long)]
        title: Option<String>,
    },
    /// Adds a source document to a timeline: its text is kept under the timeline's `sources/`
    /// folder; prints the new source's id.
    AddSource(AddSourceArgs),
    /// Lists the dates written in a text (Spanish, Italian, English, French or German), each with its EDTF value:
    /// `LINE:COL  expression  →  EDTF`, or JSON with byte offsets.
    Dates(dates::DatesArgs),
    /// Proposes an event for every sentence of a timeline's sources that holds a date and that no
    /// event cites yet: its date, a short title, and the sentence quoted.
    Propose(dates::ProposeArgs),
    /// Write a deterministic synthetic timeline, for tests, benchmarks and demos.
    Generate {
        #[arg(long)]
        events: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    pub file: PathBuf,
    /// Output image, *.png or *.svg, or *.pdf for a vector page.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Width in pixels (before scaling).
    #[arg(long, default_value_t = DEFAULT_WIDTH)]
    pub width: u32,
    /// Pixel scale: 2 makes an image twice as wide and tall, for high-density screens and print.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// Export only this EDTF interval, such as 2010/2020; events outside it are left out.
    #[arg(long)]
    pub range: Option<String>,
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// Number the events and list every citation under the timeline.
    #[arg(long)]
    pub footnotes: bool,
    /// Add a strip under the timeline showing the whole of it, with the exported part marked.
    #[arg(long)]
    pub overview: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// The `--tag` and `--source` filter of `export`, `table` and `report`.
#[derive(Debug, clap::Args)]
pub struct FilterArgs {
    /// Only events with this tag (repeat for several: any of them).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only events citing this source id (repeat for several: any of them).
    #[arg(long = "source", value_name = "ID")]
    pub sources: Vec<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ToArg {
    Citeline,
    Timelinejs,
    Csv,
    Annotations,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

fn print_problems(out: &mut impl Write, problems: &[Problem]) {
    for p in problems {
        let _ = writeln!(out, "{p}");
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("citeline: error: {message}");
    ExitCode::FAILURE
}

/// The timeline at `path` with its lanes, or the exit code once every problem that keeps it
/// from opening is printed.
fn open_or_fail(path: &Path) -> Result<Loaded, ExitCode> {
    open_blocking(path, &Progress::default()).map_err(|problems| {
        print_problems(&mut std::io::stderr(), &problems);
        fail(&format!("cannot open {}", path.display()))
    })
}

/// The `--tag` and `--source` filter, and the events overlapping `range` when one is given,
/// or why it cannot apply: a value no event uses is most likely a typo, and would export
/// nothing. `None` lets every event through.
fn export_filter(
    doc: &crate::model::Document,
    args: &FilterArgs,
    range: Option<(crate::model::Day, crate::model::Day)>,
) -> Result<Option<Vec<bool>>, String> {
    if args.tags.is_empty() && args.sources.is_empty() && range.is_none() {
        return Ok(None);
    }
    let choices = Choices::of(doc);
    for t in &args.tags {
        if !choices.tags.contains(t) {
            return Err(format!("--tag {t}: no event has this tag (tags: {})", list_or_none(&choices.tags)));
        }
    }
    let ids: Vec<String> = choices.sources.iter().map(|(id, _)| id.clone()).collect();
    for s in &args.sources {
        if !ids.contains(s) {
            return Err(format!("--source {s}: there is no source with this id (sources: {})", list_or_none(&ids)));
        }
    }
    let filter = Filter {
        tags: args.tags.iter().cloned().collect(),
        sources: args.sources.iter().cloned().collect(),
        from: range.map(|(from, _)| from),
        to: range.map(|(_, to)| to),
        ..Filter::default()
    };
    Ok(Some(filter.mask(doc)))
}

fn list_or_none(values: &[String]) -> String {
    if values.is_empty() { "none".to_owned() } else { values.join(", ") }
}

pub fn export(args: &ExportArgs) -> ExitCode {
    let extent = match args.range.as_deref().map(crate::model::range::interval).transpose() {
        Ok(Some((a, b))) => Extent::Range(a, b),
        Ok(None) => Extent::Whole,
        Err(e) => return fail(&format!("--range: {e}")),
    };
    let mut options = ImageOptions {
        width: args.width,
        scale: args.scale,
        extent,
        theme: match args.theme {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        },
        footnotes: args.footnotes,
        numbers_only: false,
        overview: args.overview,
        visible: None,
        heading: true,
    };
    if let Err(e) = options.check() {
        return fail(&e);
    }
    if let Err(e) = crate::export::Format::from_path(&args.output) {
        return fail(&e);
    }
    let started = Instant::now();
    let data = match open_or_fail(&args.file) {
        Ok(d) => d,
        Err(code) => return code,
    };
    // The range is the image's extent (`options.extent`), not part of the mask.
    match export_filter(&data.doc, &args.filter, None) {
        Ok(visible) => options.visible = visible,
        Err(e) => return fail(&e),
    }
    match crate::export::write(&image(&data.doc, &data.lanes, &options), options.scale, &args.output) {
        Ok(()) => {
            eprintln!("wrote {} in {:.2} s", args.output.display(), started.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

pub fn convert(input: &Path, output: &Path, to: Option<ToArg>) -> ExitCode {
    let format = match to {
        Some(ToArg::Citeline) => Format::Citeline,
        Some(ToArg::Timelinejs) => Format::TimelineJs,
        Some(ToArg::Csv) => Format::TimelineJsCsv,
        Some(ToArg::Annotations) => Format::WebAnnotations,
        None => match Format::from_name(output) {
            Some(f) => f,
            None => {
                return fail(&format!(
                    "cannot tell the format of \"{}\" from its name: name it *.citeline.json, *.json or *.csv, or give --to",
                    output.display()
                ));
            }
        },
    };
    let data = match open_or_fail(input) {
        Ok(d) => d,
        Err(code) => return code,
    };
    print_problems(&mut std::io::stderr(), data.doc.problems());
    match save_as(&data.doc, output, format, &Progress::default()) {
        Ok(warning) => {
            if let Some(w) = warning {
                eprintln!("citeline: warning: {w}");
            }
            eprintln!("wrote {} ({})", output.display(), format.name());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

pub fn new_timeline(file: &Path, title: Option<&str>) -> ExitCode {
    match crate::formats::new_timeline(file, title) {
        Ok(()) => {
            eprintln!("wrote {} and its sources/ folder", file.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

pub fn generate(events: usize, seed: u64, output: &Path) -> ExitCode {
    if events > 50_000_000 {
        return fail("--events is limited to 50,000,000");
    }
    match crate::formats::citeline::write_generated(output, events, seed) {
        Ok(()) => {
            eprintln!("wrote {events} events to {}", output.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("cannot write {}: {e}", output.display())),
    }
}

/// Runs a headless subcommand. Returns `None` when the window should open instead.
pub fn run(cli: &Cli) -> Option<ExitCode> {
    let command = cli.command.as_ref()?;
    // Nothing should panic on any input; should a bug slip through, say so plainly rather than
    // print a backtrace, and exit with a code scripts can tell from "the file has errors".
    let result = std::panic::catch_unwind(|| match command {
        Command::Check { file } => check(file, &mut std::io::stdout()),
        Command::Reanchor(args) => reanchor::reanchor(args, &mut std::io::stdout()),
        Command::Export(args) => export(args),
        Command::Table(args) => table::table(args),
        Command::Publish(args) => publish::publish(args),
        Command::Annotations(args) => publish::annotations(args),
        Command::Report(args) => report::report(args),
        Command::Sources(args) => report::sources(args, &mut std::io::stdout().lock()),
        Command::Convert { input, output, to } => convert(input, output, *to),
        Command::Generate { events, seed, output } => generate(*events, *seed, output),
        Command::New { file, title } => new_timeline(file, title.as_deref()),
        Command::AddSource(args) => add_source(args, &mut std::io::stdout()),
        Command::Dates(args) => dates::dates(args, &mut std::io::stdout().lock()),
        Command::Propose(args) => dates::propose(args, &mut std::io::stdout().lock()),
    });
    Some(result.unwrap_or_else(|_| {
        eprintln!("citeline: internal error (a bug): please report it with the file that caused it");
        ExitCode::from(2)
    }))
}
