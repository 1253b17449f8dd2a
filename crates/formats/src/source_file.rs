//! Source documents as people have them, read into the text that citations quote: plain text
//! and Markdown, PDFs (with their pages), e-mails and Word documents. The kind is told by the
//! content where it can be (a PDF starts `%PDF-`, a .docx is a zip archive), else by the name.

mod docx;
mod eml;
mod html;
mod pdf;

use std::path::Path;

use crate::model::{Ocr, OriginalKind, Progress};
use crate::source_folder::MAX_SOURCE_BYTES;

pub use pdf::{PageImage, QuoteOnPage, render_page as render_pdf_page};

/// A source file's text, and what the file says of itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceText {
    pub text: String,
    /// A title it suggests: an e-mail's subject, a document's title, else the text's first line.
    pub title: Option<String>,
    /// Who published it: an e-mail's sender, a web page's site.
    pub publisher: Option<String>,
    /// Who wrote it: a web page's byline.
    pub author: Option<String>,
    /// Its language as the document says it (a web page's `lang`).
    pub language: Option<String>,
    /// Where it is on the web (a page's canonical address).
    pub url: Option<String>,
    /// When, as EDTF: an e-mail's date.
    pub published: Option<String>,
    /// Where each page begins in `text`, in bytes (a PDF).
    pub pages: Vec<u32>,
    /// The document the text was read out of, kept beside it: its kind and bytes.
    pub original: Option<(OriginalKind, Vec<u8>)>,
    /// Where each numbered line of each page begins (pleading paper, transcripts), as a
    /// source keeps it.
    pub lines: Vec<String>,
    /// Stretches printed on another page than `pages` says (a PDF's moved footnotes).
    pub moved: Vec<[u32; 3]>,
    /// The pages read by OCR (a scanned PDF's), when any were.
    pub ocr: Option<Ocr>,
}

/// How to read a source document: in which language a scan's pages are read by OCR (a BCP 47
/// tag; else every language citeline reads), and the progress to report and look for a
/// cancel on.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReadOptions<'a> {
    pub language: Option<&'a str>,
    pub progress: Option<&'a Progress>,
}

/// The kinds of file Add Source takes, by extension (for file choosers).
pub const EXTENSIONS: [&str; 10] = ["txt", "md", "markdown", "text", "pdf", "eml", "docx", "html", "htm", "xhtml"];

/// What kind of document a source file is, from its first bytes and its extension (lower-case):
/// `None` for plain text; an error for an extension citeline does not read. The one place that
/// decides, for reading a file and for the window (a dropped file, a PDF read in the background).
pub(crate) fn kind_of(head: &[u8], ext: Option<&str>) -> Result<Option<OriginalKind>, String> {
    if head.starts_with(b"%PDF-") {
        return Ok(Some(OriginalKind::Pdf));
    }
    match ext {
        None | Some("txt" | "md" | "markdown" | "text") => Ok(None),
        Some("pdf") => Ok(Some(OriginalKind::Pdf)),
        Some("eml") => Ok(Some(OriginalKind::Eml)),
        Some("docx") => Ok(Some(OriginalKind::Docx)),
        Some("html" | "htm" | "xhtml") => Ok(Some(OriginalKind::Html)),
        Some(other) => Err(format!(
            "citeline reads sources as plain text (.txt, .md), PDF, web pages (.html), e-mail (.eml) or \
             Word (.docx); this is a .{other}"
        )),
    }
}

/// [`kind_of`] the file at `path`, reading its first bytes; `None` when it is plain text or not
/// a source document at all (a timeline), or cannot be read.
pub fn kind_of_file(path: &Path) -> Option<OriginalKind> {
    let mut head = [0u8; 5];
    let read = std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head));
    let head: &[u8] = if read.is_ok() { &head } else { &[] };
    kind_of(head, lower_extension(path).as_deref()).ok().flatten()
}

/// Whether the file at `path` is one Add Source takes rather than a timeline: by its extension.
pub fn is_source_document(path: &Path) -> bool {
    lower_extension(path).is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}

fn lower_extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

/// Reads the source file at `path`; a clear message names the file and the problem.
pub fn read_source_file(path: &Path) -> Result<SourceText, String> {
    read_source_file_with(path, ReadOptions::default())
}

/// [`read_source_file`], with the language to read scans in and a progress to report.
pub fn read_source_file_with(path: &Path, options: ReadOptions) -> Result<SourceText, String> {
    let name = path.display();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{name}: the file does not exist"),
        _ => format!("{name}: cannot open the file: {e}"),
    })?;
    if meta.is_dir() {
        return Err(format!("{name}: this is a folder, not a document"));
    }
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(format!("{name}: {} MiB; the limit is {} MiB", meta.len() >> 20, MAX_SOURCE_BYTES >> 20));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read the file: {e}"))?;
    read_source_bytes_with(bytes, lower_extension(path).as_deref(), options).map_err(|e| format!("{name}: {e}"))
}

/// Reads a source document from its bytes; `ext` is its name's extension, lower-case.
pub fn read_source_bytes(bytes: Vec<u8>, ext: Option<&str>) -> Result<SourceText, String> {
    read_source_bytes_with(bytes, ext, ReadOptions::default())
}

/// [`read_source_bytes`], with the language to read scans in and a progress to report.
pub fn read_source_bytes_with(bytes: Vec<u8>, ext: Option<&str>, options: ReadOptions) -> Result<SourceText, String> {
    let Some(kind) = kind_of(&bytes, ext)? else {
        let text = String::from_utf8(bytes)
            .map_err(|e| format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))?;
        return source_text(text).ok_or_else(|| "the file holds no text".to_owned());
    };
    let mut read = match kind {
        OriginalKind::Pdf => {
            let read = pdf::read(&bytes, options)?;
            let text = source_text(read.text).ok_or("the PDF holds no text")?;
            SourceText {
                pages: read.pages,
                lines: read.lines,
                moved: read.moved,
                ocr: read.ocr,
                title: pdf_title(read.title).or(text.title.clone()),
                ..text
            }
        }
        OriginalKind::Docx => {
            let (text, title) = docx::read(&bytes)?;
            let read = source_text(text).ok_or("the document holds no text")?;
            SourceText { title: title.or(read.title.clone()), ..read }
        }
        OriginalKind::Eml => {
            let mail = eml::read(&bytes)?;
            let read = source_text(mail.text).ok_or("the e-mail holds no text")?;
            SourceText {
                title: mail.subject.or(read.title.clone()),
                publisher: mail.from,
                published: mail.date,
                ..read
            }
        }
        OriginalKind::Html => {
            let page = html::read(&bytes)?;
            let read = source_text(page.text).ok_or("the page holds no text")?;
            SourceText {
                title: page.title.or(read.title.clone()),
                publisher: page.site,
                author: page.byline,
                published: page.published,
                language: page.lang,
                url: page.url,
                ..read
            }
        }
    };
    read.original = Some((kind, bytes));
    Ok(read)
}

/// Text given as it is (pasted, say): `None` when it holds nothing but white space.
pub fn source_text(text: String) -> Option<SourceText> {
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    if text.trim().is_empty() {
        return None;
    }
    let title = first_title_line(&text).map(|l| {
        let cut: String = l.chars().take(160).collect();
        if cut.len() < l.len() { format!("{cut}…") } else { cut }
    });
    Some(SourceText { text, title, ..SourceText::default() })
}

/// The first line that can name the document: not a court's filing banner ("Case: 20-1507
/// Document: …"), a page number ("- 2 -", "Page 1 of 53") or a line without a word.
fn first_title_line(text: &str) -> Option<&str> {
    let lines = || text.lines().map(|l| l.trim().trim_start_matches('#').trim()).filter(|l| !l.is_empty());
    lines().find(|l| names_something(l)).or_else(|| lines().next())
}

/// Whether a line says what a document is, rather than being a page's furniture.
fn names_something(line: &str) -> bool {
    let banner: usize = crate::model::legal::citations(line)
        .into_iter()
        .filter(|(_, kind)| *kind == crate::model::legal::CitationKind::Banner)
        .map(|(r, _)| r.len())
        .sum();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let page_count = line.to_lowercase().starts_with("page ") && line.split_whitespace().count() <= 4;
    banner * 2 < line.len() && letters >= 3 && !page_count
}

/// A PDF's own title (its document information), when it names the document: not empty, not
/// a file name or a word processor's "Microsoft Word - draft.docx", not "Untitled".
fn pdf_title(title: Option<String>) -> Option<String> {
    let title = title?;
    let title = title.trim().trim_start_matches("Microsoft Word - ").trim();
    let lower = title.to_lowercase();
    let file_name = [".pdf", ".doc", ".docx", ".wpd", ".rtf", ".odt", ".tif"].iter().any(|e| lower.ends_with(e));
    let placeholder = ["untitled", "document", "title", "pdf"].contains(&lower.as_str());
    (!file_name && !placeholder && names_something(title)).then(|| title.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sources_kind_is_told_by_its_first_bytes_then_its_name_in_one_place() {
        assert_eq!(kind_of(b"%PDF-1.7", Some("txt")), Ok(Some(OriginalKind::Pdf)), "the bytes win");
        assert_eq!(kind_of(b"<html>", Some("xhtml")), Ok(Some(OriginalKind::Html)));
        assert_eq!(kind_of(b"Dear", None), Ok(None), "plain text");
        assert!(kind_of(b"PK", Some("xlsx")).is_err_and(|e| e.ends_with("this is a .xlsx")));
        // Every extension offered to the file chooser is one that is read.
        for ext in EXTENSIONS {
            assert!(kind_of(b"", Some(ext)).is_ok(), "{ext}");
        }
        assert!(is_source_document(Path::new("/cases/Filing.PDF")));
        assert!(is_source_document(Path::new("page.xhtml")));
        assert!(!is_source_document(Path::new("case.citeline.json")));
        let dir = tempfile::tempdir().expect("tempdir");
        let scan = dir.path().join("scan.bin");
        std::fs::write(&scan, b"%PDF-1.4 ...").expect("write");
        assert_eq!(kind_of_file(&scan), Some(OriginalKind::Pdf), "a PDF by its bytes, whatever its name");
        assert_eq!(kind_of_file(&dir.path().join("missing.pdf")), Some(OriginalKind::Pdf), "by its name");
    }

    #[test]
    fn a_title_is_the_first_line_that_names_the_document_not_a_banner_or_a_page_number() {
        let filing = "Case: 20-1507    Document: 00117682829    Page: 1    Date Filed: 12/22/2020    Entry ID: 6390361\n\
                      - 1 -\n\nUnited States Court of Appeals\nFor the First Circuit\n";
        assert_eq!(first_title_line(filing), Some("United States Court of Appeals"));
        let district = "Case 1:20-cv-03590-JEB Document 1 Filed 12/09/20 Page 1 of 53\nPage 1 of 53\nFEDERAL TRADE COMMISSION v. FACEBOOK";
        assert_eq!(first_title_line(district), Some("FEDERAL TRADE COMMISSION v. FACEBOOK"));
        assert_eq!(first_title_line("12\n\nNetflix e Facebook"), Some("Netflix e Facebook"));
        assert_eq!(first_title_line("- 3 -"), Some("- 3 -"), "a text of furniture alone is still named by it");
        assert_eq!(pdf_title(Some("Microsoft Word - Opinion Final.docx".into())), None);
        assert_eq!(pdf_title(Some(" Untitled ".into())), None);
        assert_eq!(pdf_title(Some("Case 1:20-cv-03590-JEB Document 1 Filed 12/09/20".into())), None);
        assert_eq!(
            pdf_title(Some("Microsoft Word - Opinion in Doe v. Smith".into())).as_deref(),
            Some("Opinion in Doe v. Smith")
        );
    }

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
        assert!(read_source_file(&pdf).expect_err("pdf").contains("not a readable PDF"));
        let sheet = dir.path().join("table.xlsx");
        std::fs::write(&sheet, b"PK").expect("write");
        assert!(read_source_file(&sheet).expect_err("xlsx").contains("this is a .xlsx"));
    }
}
