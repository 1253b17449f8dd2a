//! `citeline report`: the chronology as a Word or PDF document, filtered as `export` filters.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use super::{FilterArgs, export_filter, fail, print_problems};
use crate::model::Progress;
use crate::model::date::group_thousands;
use crate::report::{self, CitationStyle, Paper, ReportFormat, ReportOptions};
use crate::session::loaded::open_blocking;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    pub file: PathBuf,
    /// Output document, *.docx (Word) or *.pdf.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Only events overlapping this EDTF interval, such as 2010/2020 (undated events are left out).
    #[arg(long)]
    pub range: Option<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// How the sources are listed: chicago (notes and bibliography), apa, or the name of another
    /// style the CSL processor bundles (ieee, modern-language-association, …).
    #[arg(long, default_value = "chicago")]
    pub style: String,
    /// Leave out the picture of the timeline.
    #[arg(long)]
    pub no_image: bool,
    /// a4 or letter.
    #[arg(long, default_value = "a4")]
    pub paper: String,
}

pub fn report(args: &ReportArgs) -> ExitCode {
    let range = match args.range.as_deref().map(crate::model::range::interval).transpose() {
        Ok(range) => range,
        Err(e) => return fail(&format!("--range: {e}")),
    };
    let format = match ReportFormat::from_path(&args.output) {
        Ok(f) => f,
        Err(e) => return fail(&e),
    };
    let style = match CitationStyle::parse(&args.style) {
        Ok(s) => s,
        Err(e) => return fail(&format!("--style: {e}")),
    };
    let paper = match Paper::parse(&args.paper) {
        Ok(p) => p,
        Err(e) => return fail(&format!("--paper: {e}")),
    };
    let started = Instant::now();
    let data = match open_blocking(&args.file, &Progress::default()) {
        Ok(d) => d,
        Err(problems) => {
            print_problems(&mut std::io::stderr(), &problems);
            return fail(&format!("cannot open {}", args.file.display()));
        }
    };
    let visible = match export_filter(&data.doc, &args.filter, range) {
        Ok(visible) => visible,
        Err(e) => return fail(&e),
    };
    let shown = visible.as_ref().map_or(data.doc.events().len(), |v| v.iter().filter(|&&s| s).count());
    if let Some(warning) = report::size_warning(shown) {
        eprintln!("citeline: warning: {warning}");
    }
    if shown == 0 {
        eprintln!("citeline: warning: no event is in this selection; the report says so and holds no row");
    }
    let filter = crate::model::filter::Filter {
        tags: args.filter.tags.iter().cloned().collect(),
        sources: args.filter.sources.iter().cloned().collect(),
        ..Default::default()
    };
    let mut selection = vec![filter.describe(&data.doc)];
    if let Some(written) = args.range.as_deref().filter(|_| range.is_some()) {
        selection.push(format!("dates {}", written.trim()));
    }
    let selection = Some(selection.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "));
    let options =
        ReportOptions { paper, picture: !args.no_image, style, visible, range, selection, ..ReportOptions::default() };
    match report::write(&data.doc, &data.lanes, &options, &args.output, &Progress::default()) {
        Ok(written) => {
            eprintln!(
                "wrote {} ({} event{}, {} citation{}, {}) in {:.2} s",
                args.output.display(),
                group_thousands(written.events as u64),
                if written.events == 1 { "" } else { "s" },
                group_thousands(written.citations as u64),
                if written.citations == 1 { "" } else { "s" },
                format.name(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum SourcesFormat {
    CslJson,
    Bibtex,
}

#[derive(Debug, clap::Args)]
pub struct SourcesArgs {
    pub file: PathBuf,
    #[arg(long, value_enum)]
    pub format: SourcesFormat,
    /// Write to this file instead of printing.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// `citeline sources`: the timeline's sources as CSL-JSON or BibTeX, for a reference manager.
pub fn sources(args: &SourcesArgs, out: &mut impl std::io::Write) -> ExitCode {
    let data = match open_blocking(&args.file, &Progress::default()) {
        Ok(d) => d,
        Err(problems) => {
            print_problems(&mut std::io::stderr(), &problems);
            return fail(&format!("cannot open {}", args.file.display()));
        }
    };
    let sources = &data.doc.timeline().sources;
    let text = match args.format {
        SourcesFormat::CslJson => crate::formats::bibliography::to_csl_json(sources),
        SourcesFormat::Bibtex => crate::formats::bibliography::to_bibtex(sources),
    };
    match &args.output {
        None => {
            let _ = out.write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Some(path) => match crate::atomic_write::write_atomically(path, text.as_bytes()) {
            Ok(()) => {
                eprintln!(
                    "wrote {} ({} source{})",
                    path.display(),
                    sources.len(),
                    if sources.len() == 1 { "" } else { "s" }
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(&format!("cannot write \"{}\": {e}", path.display())),
        },
    }
}
