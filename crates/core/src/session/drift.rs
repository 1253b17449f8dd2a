//! When a source's original (a PDF, a web page…) changed since it was added, the text kept
//! beside it still verifies every quote, yet the document a reader will open says otherwise.
//! The changed original is read again and each quote citing it is looked for there: where it
//! now stands (line, column, page) or that it no longer does.

use std::path::Path;

use crate::formats::source_file::read_source_bytes as read_document;
use crate::formats::source_folder::read_source_bytes;
use crate::model::document::source_pin_cite;
use crate::model::elsewhere::line_column;
use crate::model::sources::sha256_hex;
use crate::model::verify::{FoldedText, locate};
use crate::model::{Document, Place, Problem, Source};

/// "the PDF sources/a.pdf" when the original of `s` changed since it was added.
pub fn original_changed(doc: &Document, s: &Source) -> Option<String> {
    let original = s.original.as_ref()?;
    let base = doc.path().parent().unwrap_or_else(|| Path::new("."));
    let bytes = read_source_bytes(base, &original.file).ok()?;
    (sha256_hex(&bytes) != original.sha256).then(|| format!("the {} {}", original.kind.name(), original.file))
}

/// Warnings for the quotes of every source whose original changed.
pub(crate) fn original_drift(doc: &Document) -> Vec<Problem> {
    let mut warnings = Vec::new();
    let base = doc.path().parent().unwrap_or_else(|| Path::new("."));
    for s in &doc.timeline().sources {
        let Some(original) = &s.original else { continue };
        // A missing original is said by the document's own warnings.
        let Ok(bytes) = read_source_bytes(base, &original.file) else { continue };
        if sha256_hex(&bytes) == original.sha256 {
            continue;
        }
        let what = format!("the changed {} {}", original.kind.name(), original.file);
        let read = match read_document(bytes, Some(original.kind.extension())) {
            Ok(read) => read,
            Err(e) => {
                let place = Place::Source { id: s.id.to_string(), field: "original".into() };
                warnings.push(Problem::warning(doc.path(), place, format!("{what} cannot be read again: {e}")));
                continue;
            }
        };
        let folded = FoldedText::new(&read.text);
        for e in doc.events() {
            for (ci, c) in e.citations.iter().enumerate().filter(|(_, c)| c.source == s.id) {
                let message = match locate(&read.text, &folded, &c.quote).span() {
                    Some(r) => {
                        let (line, column) = line_column(&read.text, r.start);
                        let again = Source {
                            pages: read.pages.clone(),
                            lines: read.lines.clone(),
                            moved: read.moved.clone(),
                            ..Source::default()
                        };
                        let page =
                            source_pin_cite(&again, read.text.len(), r).map(|p| format!(", {p}")).unwrap_or_default();
                        format!("in {what} the quote now stands at line {line}, column {column}{page}")
                    }
                    None => format!("the quote is no longer in {what}"),
                };
                let place = Place::Event { id: e.id.to_string(), field: format!("citations[{ci}].quote") };
                warnings.push(Problem::warning(doc.path(), place, message));
            }
        }
    }
    warnings
}
