//! `citeline add-source`: a document added to a timeline as a source, or, with `--replace`,
//! a source's new version in its place.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{fail, print_problems, reanchor};
use crate::formats::{Format, save_as};
use crate::model::Progress;

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
