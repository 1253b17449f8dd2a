//! `citeline dates` and `citeline propose`: the date reader from the command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use serde_json::json;

use super::{fail, print_problems};
use crate::model::dates::{self, Found, Lang};
use crate::model::propose::{NoProposal, Proposal, SourceToRead, proposals};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    Es,
    It,
    En,
    Fr,
    De,
}

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum OutputFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct DatesArgs {
    /// A UTF-8 text file.
    pub file: PathBuf,
    /// The text's language (default: told from the text).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// The day the text was published (YYYY-MM-DD), for "yesterday", "last year"…; without
    /// it they are listed without a value.
    #[arg(long)]
    pub published: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

#[derive(Debug, clap::Args)]
pub struct ProposeArgs {
    pub timeline: PathBuf,
    /// Only this source (its id).
    #[arg(long)]
    pub source: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

pub fn dates(args: &DatesArgs, out: &mut impl Write) -> ExitCode {
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => return fail(&format!("cannot read {}: {e}", args.file.display())),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return fail(&format!("{} is not UTF-8 text", args.file.display()));
    };
    let published = match args.published.as_deref().map(parse_day).transpose() {
        Ok(p) => p,
        Err(e) => return fail(&format!("--published: {e}")),
    };
    let lang = match args.lang {
        Some(LangArg::Es) => Lang::Es,
        Some(LangArg::It) => Lang::It,
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Fr) => Lang::Fr,
        Some(LangArg::De) => Lang::De,
        None => match Lang::detect(text) {
            Some(l) => l,
            None => {
                return fail(&format!(
                    "cannot tell the language of {}: give --lang es, it, en, fr or de",
                    args.file.display()
                ));
            }
        },
    };
    // Each expression is written as soon as it is read, through one buffer: the output never
    // waits for the whole text, nor holds more than a piece of it.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let written = match args.format {
        OutputFormat::Json => write_json_found(&mut out, text, lang, published),
        OutputFormat::Text => write_text(&mut out, text, lang, published),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write the output: {e}")),
    }
}

/// `YYYY-MM-DD`, a real day.
fn parse_day(s: &str) -> Result<dates::Published, String> {
    let bad = || format!("\"{s}\" is not a day written YYYY-MM-DD");
    let parts: Vec<&str> = s.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else { return Err(bad()) };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (y, m, d): (i64, u8, u8) =
        (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    if !(1..=12).contains(&m) || d == 0 || d > crate::model::date::days_in_month(y, m) {
        return Err(format!("{s} is not a day of the calendar"));
    }
    Ok((y, m, d))
}

/// The expressions as one JSON array, written as `serde_json`'s pretty printer writes the
/// values it was once given (keys in alphabetical order, two spaces an indent): a script that
/// read the old output reads this byte for byte.
fn write_json_found(
    out: &mut impl Write,
    text: &str,
    lang: Lang,
    published: Option<dates::Published>,
) -> std::io::Result<()> {
    let mut result = Ok(());
    let mut first = true;
    dates::read_each(text, lang, published, |f| {
        if result.is_ok() {
            result = write_one_json(out, text, &f, first);
            first = false;
        }
    });
    result?;
    if first { out.write_all(b"[]\n") } else { out.write_all(b"\n]\n") }
}

fn write_one_json(out: &mut impl Write, text: &str, f: &Found, first: bool) -> std::io::Result<()> {
    out.write_all(if first { b"[\n  {\n" } else { b",\n  {\n" })?;
    writeln!(out, "    \"end\": {},", f.end)?;
    if f.kind != dates::Kind::Date {
        out.write_all(b"    \"kind\": ")?;
        serde_json::to_writer(&mut *out, f.kind.name())?;
        out.write_all(b",\n")?;
    }
    write!(
        out,
        "    \"sentence\": {{\n      \"end\": {},\n      \"start\": {}\n    }},\n    \"start\": {},\n    \"text\": ",
        f.sentence.end, f.sentence.start, f.start
    )?;
    serde_json::to_writer(&mut *out, &text[f.start..f.end])?;
    if let Some(w) = &f.when {
        out.write_all(b",\n    \"when\": ")?;
        serde_json::to_writer(&mut *out, w)?;
    }
    out.write_all(b"\n  }")
}

fn write_json(out: &mut impl Write, value: &serde_json::Value) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// `LINE:COL  expression  →  EDTF`, columns counted in characters from 1.
fn write_text(
    out: &mut impl Write,
    text: &str,
    lang: Lang,
    published: Option<dates::Published>,
) -> std::io::Result<()> {
    let mut line = 1;
    // Where the column was last counted, and the column there: a long line with many dates is
    // counted once, not from its start for each.
    let (mut counted, mut col) = (0, 1);
    let mut result = Ok(());
    dates::read_each(text, lang, published, |f| {
        if result.is_err() {
            return;
        }
        let between = &text[counted..f.start];
        match between.rfind('\n') {
            Some(k) => {
                line += between.bytes().filter(|&b| b == b'\n').count();
                col = between[k + 1..].chars().count() + 1;
            }
            None => col += between.chars().count(),
        }
        counted = f.start;
        result = match (&f.when, f.kind) {
            (Some(w), _) => writeln!(out, "{line}:{col}  {}  →  {w}", &text[f.start..f.end]),
            (None, _) if f.vague => writeln!(out, "{line}:{col}  {}  →  (no value: vague)", &text[f.start..f.end]),
            (None, dates::Kind::Date) => writeln!(
                out,
                "{line}:{col}  {}  →  (no value: relative, needs --published or an earlier date)",
                &text[f.start..f.end]
            ),
            (None, kind) => writeln!(out, "{line}:{col}  {}  →  ({})", &text[f.start..f.end], kind.name()),
        };
    });
    result
}

pub fn propose(args: &ProposeArgs, out: &mut impl Write) -> ExitCode {
    let data = match crate::session::loaded::open_blocking(&args.timeline, &crate::model::Progress::default()) {
        Ok(d) => d,
        Err(problems) => {
            print_problems(&mut std::io::stderr(), &problems);
            return fail(&format!("cannot open {}", args.timeline.display()));
        }
    };
    let doc = &data.doc;
    if let Some(id) = &args.source
        && doc.source(id).is_none()
    {
        return fail(&format!("{} has no source with id \"{id}\" (or it has no text)", args.timeline.display()));
    }
    // The window also lists sentences whose time has no date ("recently"); the command keeps to
    // dated events, as its output has always been.
    let all = proposals(doc, args.source.as_deref());
    let undated = all.iter().filter(|p| p.when.is_none()).count();
    let found: Vec<Proposal> = all.into_iter().filter(|p| p.when.is_some()).collect();
    if found.is_empty() {
        // The output stays empty, as scripts read it; why is said beside it.
        eprintln!("citeline: nothing to propose: {}", nothing_to_propose(doc, args.source.as_deref(), undated));
    }
    let written = match args.format {
        OutputFormat::Json => write_json(out, &serde_json::Value::Array(found.iter().map(proposal_json).collect())),
        OutputFormat::Text => found.iter().try_for_each(|p| {
            writeln!(out, "{}  {}  {}\n    “{}”", p.source, p.when.as_deref().unwrap_or_default(), p.title, p.quote)
        }),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write the output: {e}")),
    }
}

/// Why `doc` (or its source `source`) has no dated sentence to propose, `undated` being how
/// many sentences it has whose time has no date.
fn nothing_to_propose(doc: &crate::model::Document, source: Option<&str>, undated: usize) -> String {
    let timeline = doc.timeline();
    let from = source.map_or_else(|| "its sources".to_owned(), |id| format!("source \"{id}\""));
    if timeline.sources.is_empty() {
        "the timeline has no sources yet (citeline add-source)".to_owned()
    } else if undated > 0 {
        let s = if undated == 1 { "" } else { "s" };
        format!(
            "{from} hold{} no dated sentence left to propose, and {undated} sentence{s} whose time has no date \
             (\"recently\"), which the window's Proposed Dates lists",
            if source.is_some() { "s" } else { "" }
        )
    } else {
        // Each source says why it has none: a date that was read and decided, or none read.
        let whys: Vec<NoProposal> = timeline
            .sources
            .iter()
            .filter(|s| source.is_none_or(|only| only == &*s.id))
            .filter_map(|s| SourceToRead::of(doc, &s.id)?.why_none())
            .collect();
        match whys.as_slice() {
            whys if whys.iter().any(|w| matches!(w, NoProposal::AllTaken { .. })) => {
                format!("every date read in {from} is decided: an event cites its sentence, or it was rejected")
            }
            [only @ (NoProposal::NoText | NoProposal::LanguageNotRead)] => format!("{from}: {}", only.words()),
            _ => format!("no dated sentence in {from}; Spanish, Italian, English, French and German are read"),
        }
    }
}

/// A proposal as a citeline event (ready to paste into `events`), with where it came from.
fn proposal_json(p: &Proposal) -> serde_json::Value {
    json!({
        "title": p.title,
        "when": p.when,
        "citations": [{"source": p.source, "quote": p.quote}],
        "sentence": {"start": p.sentence.start, "end": p.sentence.end},
        "expression": {"start": p.expression.start, "end": p.expression.end},
    })
}
