//! `citeline check`: a timeline's problems and its tally, and the sources whose change was not
//! accepted.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{open_blocking, print_problems, reanchor};
use crate::model::Progress;

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
            let n = problems.iter().filter(|p| p.is_error()).count();
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
