//! Source documents as people have them, read into the text that citations quote. Plain text
//! and Markdown for now (`.txt`, `.md`, or no extension).

use std::path::Path;

use crate::model::sources::MAX_SOURCE_BYTES;

/// A source file's text, and a title it suggests (its first line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    pub text: String,
    pub title: Option<String>,
}

/// Reads the source file at `path`; a clear message names the file and the problem.
pub fn read_source_file(path: &Path) -> Result<SourceText, String> {
    let name = path.display();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{name}: the file does not exist"),
        _ => format!("{name}: cannot open the file: {e}"),
    })?;
    if meta.is_dir() {
        return Err(format!("{name}: this is a folder, not a text file"));
    }
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(format!("{name}: {} MiB; the limit is {} MiB", meta.len() >> 20, MAX_SOURCE_BYTES >> 20));
    }
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if !matches!(ext.as_deref(), None | Some("txt" | "md" | "markdown" | "text")) {
        return Err(format!(
            "{name}: citeline reads sources as plain text (.txt or .md); this is a .{}",
            ext.unwrap_or_default()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read the file: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{name}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))?;
    source_text(text).ok_or_else(|| format!("{name}: the file holds no text"))
}

/// Text given as it is (pasted, say): `None` when it holds nothing but white space.
pub fn source_text(text: String) -> Option<SourceText> {
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    if text.trim().is_empty() {
        return None;
    }
    let title = text.lines().map(|l| l.trim().trim_start_matches('#').trim()).find(|l| !l.is_empty()).map(|l| {
        let cut: String = l.chars().take(160).collect();
        if cut.len() < l.len() { format!("{cut}…") } else { cut }
    });
    Some(SourceText { text, title })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_are_read_and_others_refused_with_a_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ok = dir.path().join("article.md");
        std::fs::write(&ok, "\u{feff}\n# Netflix e Facebook\n\nNel 2013…").expect("write");
        let read = read_source_file(&ok).expect("reads");
        assert_eq!(read.title.as_deref(), Some("Netflix e Facebook"));
        assert!(read.text.starts_with('\n'), "the byte-order mark goes, nothing else");
        let latin1 = dir.path().join("latin1.txt");
        std::fs::write(&latin1, b"caf\xe9").expect("write");
        assert!(
            read_source_file(&latin1).expect_err("not UTF-8").contains("not UTF-8 text (invalid byte at offset 3)")
        );
        let blank = dir.path().join("blank.txt");
        std::fs::write(&blank, " \n").expect("write");
        assert!(read_source_file(&blank).expect_err("empty").contains("holds no text"));
        assert!(read_source_file(&dir.path().join("missing.txt")).expect_err("missing").contains("does not exist"));
        assert!(read_source_file(dir.path()).expect_err("folder").contains("folder"));
        let pdf = dir.path().join("filing.pdf");
        std::fs::write(&pdf, b"%PDF-1.7").expect("write");
        assert!(read_source_file(&pdf).expect_err("pdf").contains(".pdf"));
    }
}
