//! `citeline publish`: the timeline as one self-contained HTML page, filtered as `export`
//! filters; `citeline annotations`: its citations as W3C Web Annotations.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use super::{FilterArgs, ThemeArg, export_filter, fail, open_or_fail};
use crate::publish::{self, Options};
use crate::scene::Theme;

#[derive(Debug, clap::Args)]
pub struct PublishArgs {
    pub file: PathBuf,
    /// Output page, *.html.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Only events overlapping this EDTF interval, such as 2010/2020 (undated events are left out).
    #[arg(long)]
    pub range: Option<String>,
    /// The page's colours (default: the reader's system setting).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// The page's title (default: the timeline's).
    #[arg(long)]
    pub title: Option<String>,
    /// Embed the whole text of every cited source, not only the paragraphs quoted.
    #[arg(long)]
    pub full_sources: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn publish(args: &PublishArgs) -> ExitCode {
    let range = match args.range.as_deref().map(crate::model::range::interval).transpose() {
        Ok(range) => range,
        Err(e) => return fail(&format!("--range: {e}")),
    };
    let html = args.output.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if !matches!(html.as_deref(), Some("html" | "htm")) {
        return fail(&format!("cannot tell the page's format from \"{}\": name it .html", args.output.display()));
    }
    let started = Instant::now();
    let data = match open_or_fail(&args.file) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let visible = match export_filter(&data.doc, &args.filter, range) {
        Ok(visible) => visible,
        Err(e) => return fail(&e),
    };
    let options = Options {
        title: args.title.clone(),
        theme: args.theme.map(|t| match t {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        }),
        full_sources: args.full_sources,
        visible,
    };
    match publish::write(&data.doc, &options, &args.output) {
        Ok(w) => {
            eprintln!(
                "wrote {} ({} event{}, {} citation{}, {} KiB) in {:.2} s",
                args.output.display(),
                w.events,
                if w.events == 1 { "" } else { "s" },
                w.citations,
                if w.citations == 1 { "" } else { "s" },
                w.bytes.div_ceil(1024),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

#[derive(Debug, clap::Args)]
pub struct AnnotationsArgs {
    pub file: PathBuf,
    /// Output file, *.jsonld.
    #[arg(short, long)]
    pub output: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn annotations(args: &AnnotationsArgs) -> ExitCode {
    let data = match open_or_fail(&args.file) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let visible = match export_filter(&data.doc, &args.filter, None) {
        Ok(visible) => visible,
        Err(e) => return fail(&e),
    };
    let collection = crate::formats::annotations::collection(&data.doc, visible.as_deref());
    let text = crate::formats::annotations::to_text(&collection);
    match crate::atomic_write::write_atomically(&args.output, text.as_bytes()) {
        Ok(()) => {
            let n = collection["total"].as_u64().unwrap_or(0);
            eprintln!("wrote {} ({n} annotation{})", args.output.display(), if n == 1 { "" } else { "s" });
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("cannot write \"{}\": {e}", args.output.display())),
    }
}
