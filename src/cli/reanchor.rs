//! `citeline reanchor`: each citation of a changed source found again in its new text, and
//! with `--accept` the new anchors written.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use serde_json::json;

use super::dates::OutputFormat;
use super::{fail, print_problems};
use crate::formats::{Format, save_as};
use crate::model::anchor::{Accept, Found, Outcome, accept_edits, reanchor_in, reanchor_source, text_changed};
use crate::model::edit::Edit;
use crate::model::verify::FoldedText;
use crate::model::{Document, Progress};
use crate::session::drift::original_changed;
use crate::session::review::read_changed_original;

#[derive(Debug, clap::Args)]
pub struct ReanchorArgs {
    /// The timeline (a *.citeline.json file).
    pub file: PathBuf,
    /// Only this source (re-anchored even when its text did not change).
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,
    /// Write the new anchors of these outcomes (kept quotes always take theirs); a source's new
    /// text is taken as its own once none of its citations is left pending.
    #[arg(long, value_enum)]
    pub accept: Option<AcceptArg>,
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum AcceptArg {
    Moved,
    Changed,
    All,
}

impl AcceptArg {
    fn accept(self) -> Accept {
        match self {
            Self::Moved => Accept { moved: true, changed: false },
            Self::Changed => Accept { moved: false, changed: true },
            Self::All => Accept { moved: true, changed: true },
        }
    }
}

/// The sources to re-anchor: the one asked for, or every one whose text or original changed.
pub fn changed_sources(doc: &Document, only: Option<&str>) -> Result<Vec<String>, String> {
    let sources = &doc.timeline().sources;
    if let Some(id) = only {
        return if sources.iter().any(|s| &*s.id == id) {
            Ok(vec![id.to_owned()])
        } else {
            Err(format!("--source {id}: there is no source with this id"))
        };
    }
    Ok((0..sources.len())
        .filter(|&i| text_changed(doc, i) || original_changed(doc, &sources[i]).is_some())
        .map(|i| sources[i].id.to_string())
        .collect())
}

/// Whether source `id`'s text changed since its hash was recorded.
fn text_changed_id(doc: &Document, id: &str) -> bool {
    doc.timeline().sources.iter().position(|s| &*s.id == id).is_some_and(|i| text_changed(doc, i))
}

/// How many of `found` came out each way: `3 kept, 1 moved, 0 changed, 1 orphan`.
pub fn tally(found: &[Found]) -> String {
    Outcome::ALL
        .iter()
        .map(|&o| format!("{} {}", found.iter().filter(|f| f.result.outcome == o).count(), o.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Prints the outcomes of `found` (citations of source `id`), as text lines or JSON values.
pub fn print(
    doc: &Document,
    (id, text): (&str, &str),
    found: &[Found],
    json_rows: Option<&mut Vec<serde_json::Value>>,
    out: &mut impl Write,
) {
    let mut rows = Vec::new();
    for f in found {
        let Some(e) = doc.events().get(f.event) else { continue };
        let Some(c) = e.citations.get(f.citation) else { continue };
        let old = c.anchor.as_deref().map(|a| (a.start, a.end));
        let new = f.result.range.clone().map(|r| (r.start, r.end, text.get(r).unwrap_or("")));
        if json_rows.is_some() {
            let mut row = json!({
                "event": e.id.as_str(),
                "citation": f.citation,
                "source": id,
                "outcome": f.result.outcome.name(),
                "score": (f64::from(f.result.score) * 1000.0).round() / 1000.0,
                "old": {"start": old.map(|o| o.0), "end": old.map(|o| o.1), "text": &*c.quote},
            });
            if let Some((start, end, words)) = new {
                row["new"] = json!({"start": start, "end": end, "text": words});
            }
            rows.push(row);
        } else {
            let old = old.map_or_else(|| "?".to_owned(), |(a, b)| format!("{a}–{b}"));
            let new = new.map_or_else(String::new, |(a, b, w)| format!(" → {a}–{b} “{w}”"));
            let _ = writeln!(
                out,
                "event \"{}\", citation {}, source \"{id}\": {} (score {:.2}) {old}{new}",
                e.id,
                f.citation,
                f.result.outcome.name(),
                f.result.score
            );
        }
    }
    if let Some(all) = json_rows {
        all.extend(rows);
    }
}

/// What re-anchoring one source gave: the edits `--accept` takes, the citations still
/// waiting for an answer, and whether its text was replaced by its changed original's.
struct Reanchored {
    edits: Vec<Edit>,
    pending: usize,
    replaced: bool,
}

/// Re-anchors the citations of source `id`, printing each outcome (or adding it to `rows` for
/// JSON) and its tally.
fn reanchor_one(
    session: &mut crate::session::Session,
    args: &ReanchorArgs,
    id: &str,
    rows: Option<&mut Vec<serde_json::Value>>,
    out: &mut impl Write,
) -> Result<Reanchored, String> {
    let mut replaced = false;
    // A changed original (a PDF amended where it lies) is read again: its new text is taken
    // with --accept, and only looked in otherwise.
    let again = if text_changed_id(&session.data().doc, id) {
        None
    } else {
        match read_changed_original(&session.data().doc, id) {
            Some(Ok(new)) => Some(new),
            Some(Err(e)) => return Err(format!("source \"{id}\": its changed original cannot be read: {e}")),
            None => None,
        }
    };
    if let Some(new) = &again
        && args.accept.is_some()
    {
        session.replace_source_text(id, new)?;
        replaced = true;
    }
    let doc = &session.data().doc;
    let read_again = again.is_some();
    let (found, text) = match again.filter(|_| args.accept.is_none()) {
        Some(new) => (reanchor_in(doc, id, &FoldedText::new(&new.text)), new.text),
        None => (reanchor_source(doc, id), doc.source(id).map(|(_, t)| t.to_owned()).unwrap_or_default()),
    };
    let json = rows.is_some();
    print(doc, (id, &text), &found, rows, out);
    if !json {
        let _ = writeln!(out, "source \"{id}\": {} citations: {}", found.len(), tally(&found));
    }
    let accept = args.accept.map(AcceptArg::accept).unwrap_or_default();
    let (more, left) = if doc.source(id).is_some_and(|(_, t)| t == text) {
        accept_edits(doc, id, &found, accept)
    } else {
        // Outcomes in a new text not taken: each one that moved or changed waits.
        (Vec::new(), found.iter().filter(|f| f.result.outcome != Outcome::Kept).count())
    };
    // A source asked for by --source whose text and original did not change has nothing
    // waiting: a quote it holds in several places is no change to answer.
    let changed = read_again
        || text_changed_id(doc, id)
        || doc.source(id).is_some_and(|(s, _)| original_changed(doc, s).is_some());
    Ok(Reanchored { edits: more, pending: if changed { left } else { 0 }, replaced })
}

pub fn reanchor(args: &ReanchorArgs, out: &mut impl Write) -> ExitCode {
    let mut session = match crate::session::Session::open_blocking(&args.file) {
        Ok(s) => s,
        Err(problems) => {
            print_problems(&mut std::io::stderr(), &problems);
            return fail(&format!("cannot open {}", args.file.display()));
        }
    };
    if args.accept.is_some() && !session.format().is_lossless() {
        return fail(&format!(
            "{} is a {}: anchors are kept in citeline timelines",
            args.file.display(),
            session.format().name()
        ));
    }
    let ids = match changed_sources(&session.data().doc, args.source.as_deref()) {
        Ok(ids) => ids,
        Err(e) => return fail(&e),
    };
    let json = matches!(args.format, OutputFormat::Json);
    let mut rows = Vec::new();
    let mut pending = 0;
    let mut edits = Vec::new();
    let mut replaced = false;
    for id in &ids {
        match reanchor_one(&mut session, args, id, json.then_some(&mut rows), out) {
            Ok(one) => {
                pending += one.pending;
                replaced |= one.replaced;
                edits.extend(one.edits);
            }
            Err(e) => return fail(&e),
        }
    }
    if json {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&rows).unwrap_or_default());
    }
    if args.accept.is_some() && (replaced || !edits.is_empty()) {
        if !edits.is_empty()
            && let Err(problems) = session.apply(Edit::Batch(edits))
        {
            print_problems(&mut std::io::stderr(), &problems);
            return fail("the new anchors cannot be taken");
        }
        if let Err(e) = save(&session.data().doc, &args.file) {
            return fail(&e);
        }
    }
    if pending == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Writes the document over its file, atomically.
pub fn save(doc: &Document, path: &Path) -> Result<(), String> {
    save_as(doc, path, Format::Citeline, &Progress::default()).map(|_| ())
}
