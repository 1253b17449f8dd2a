//! The command line: `citeline [FILE]` opens the window; subcommands work headless. The names
//! and flags here are a public interface that users script against.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

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

#[derive(Debug, clap::Args)]
pub struct AddSourceArgs {
    /// The timeline (a *.citeline.json file).
    pub timeline: PathBuf,
    /// The source: UTF-8 text (.txt or .md).
    pub file: PathBuf,
    /// The source's id (default: from the file name).
    #[arg(long)]
    pub id: Option<String>,
    /// Default: the text's first line.
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub publisher: Option<String>,
    /// A language tag such as es, it or en (default: told from the text).
    #[arg(long)]
    pub language: Option<String>,
    #[arg(long)]
    pub url: Option<String>,
    /// When the source was published, as an EDTF date.
    #[arg(long)]
    pub published: Option<String>,
    /// Replace the source with this id by FILE, its new version: the id stays, its citations
    /// are re-anchored in the new text (printed as `reanchor` prints them; only kept ones are
    /// taken).
    #[arg(long, value_name = "ID", conflicts_with = "id")]
    pub replace: Option<String>,
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

/// `citeline check`: exit 0 when there is no error.
pub fn check(file: &Path, out: &mut impl Write) -> ExitCode {
    match open_blocking(file, &Progress::default()) {
        Ok(data) => {
            let problems = data.doc.problems();
            print_problems(out, problems);
            let t = data.doc.tally();
            let errors = problems.iter().filter(|p| p.is_error()).count();
            let unchecked =
                if t.unchecked > 0 { format!(", {} not checked (no source text)", t.unchecked) } else { String::new() };
            let _ = writeln!(
                out,
                "{}: {} events ({} dated), {} sources, {} citations: {} verified, {} matched after normalisation, {} not found{unchecked}; {} error{}",
                file.display(),
                t.events,
                t.dated,
                t.sources,
                t.citations,
                t.verified,
                t.normalized,
                t.not_found,
                errors,
                if errors == 1 { "" } else { "s" }
            );
            let pending = changes_not_accepted(&data.doc, out);
            if errors == 0 && pending == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Err(problems) => {
            print_problems(out, &problems);
            let n = problems.len();
            let _ = writeln!(
                out,
                "{}: {n} error{}; the timeline cannot be opened",
                file.display(),
                if n == 1 { "" } else { "s" }
            );
            ExitCode::FAILURE
        }
    }
}

/// One line per source whose text or original changed and was not accepted, with its
/// citations counted by re-anchoring outcome; how many such sources there are.
fn changes_not_accepted(doc: &crate::model::Document, out: &mut impl Write) -> usize {
    let mut n = 0;
    for (i, s) in doc.timeline().sources.iter().enumerate() {
        let text = crate::model::anchor::text_changed(doc, i);
        let original = crate::session::drift::original_changed(doc, s);
        if !text && original.is_none() {
            continue;
        }
        n += 1;
        let found = crate::model::anchor::reanchor_source(doc, &s.id);
        let what = match (&original, text) {
            (Some(o), true) => format!("its text and {o} changed"),
            (Some(o), false) => format!("{o} changed"),
            (None, _) => "its text changed".to_owned(),
        };
        let _ = writeln!(
            out,
            "source \"{}\": {what} and the change was not accepted: {} citation{} (in the kept text: {}); see citeline reanchor",
            s.id,
            found.len(),
            if found.len() == 1 { "" } else { "s" },
            reanchor::tally(&found)
        );
    }
    n
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

pub(crate) fn add_source(args: &AddSourceArgs, out: &mut impl Write) -> ExitCode {
    let options = crate::formats::source_file::ReadOptions { language: args.language.as_deref(), progress: None };
    let source = match crate::formats::source_file::read_source_file_with(&args.file, options) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let mut session = match crate::session::Session::open_blocking(&args.timeline) {
        Ok(s) => s,
        Err(problems) => {
            print_problems(&mut std::io::stderr(), &problems);
            return fail(&format!("cannot open {}", args.timeline.display()));
        }
    };
    if !session.format().is_lossless() {
        return fail(&format!(
            "{} is a {}: add sources to a citeline timeline (citeline convert it to *.citeline.json first)",
            args.timeline.display(),
            session.format().name()
        ));
    }
    let details = crate::session::sources::SourceDetails {
        id: args.id.clone(),
        title: args.title.clone(),
        publisher: args.publisher.clone(),
        language: args.language.clone(),
        url: args.url.clone(),
        published: args.published.clone(),
        replaces: args.replace.clone(),
    };
    if let Some(id) = &args.replace {
        return replace_source(&mut session, &args.timeline, id, &source, out);
    }
    let name = args.file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let id = match session.add_source(&source, &name, details) {
        Ok(id) => id,
        Err(e) => return fail(&e),
    };
    match save_as(&session.data().doc, &args.timeline, Format::Citeline, &Progress::default()) {
        Ok(_) => {
            let _ = writeln!(out, "{id}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// `add-source --replace ID`: the source's new version takes its place, and its citations are
/// re-anchored in it; only kept ones are taken.
fn replace_source(
    session: &mut crate::session::Session,
    timeline: &Path,
    id: &str,
    source: &crate::formats::source_file::SourceText,
    out: &mut impl Write,
) -> ExitCode {
    if let Err(e) = session.replace_source_text(id, source) {
        return fail(&e);
    }
    let doc = &session.data().doc;
    let found = crate::model::anchor::reanchor_source(doc, id);
    let text = doc.source(id).map_or("", |(_, t)| t);
    reanchor::print(doc, (id, text), &found, None, out);
    let _ = writeln!(out, "source \"{id}\": {} citations: {}", found.len(), reanchor::tally(&found));
    let (edits, _) = crate::model::anchor::accept_edits(doc, id, &found, crate::model::anchor::Accept::default());
    if !edits.is_empty()
        && let Err(problems) = session.apply(crate::model::edit::Edit::Batch(edits))
    {
        print_problems(&mut std::io::stderr(), &problems);
        return fail("the new anchors cannot be taken");
    }
    match reanchor::save(&session.data().doc, timeline) {
        Ok(()) => ExitCode::SUCCESS,
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
