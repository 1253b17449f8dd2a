//! Entry points shared by the fuzz targets (`fuzz/`) and the regression tests that replay what
//! the fuzzers found (`tests/fuzz_regressions.rs`), so both run exactly the same code.

use std::path::Path;

use crate::export::svg::to_svg;
use crate::formats::{self, Format, read_any};
use crate::model::{Document, Progress};

// The date entry points live with the model, so that their fuzz targets (`fuzz/model/`) build
// without the window.
pub use crate::model::fuzzing::{date, dates, titles};
use crate::scene::compose::{ImageOptions, image};
use crate::session::Loaded;

/// Loads `bytes` as a timeline in any format (sources must be inline: a fuzzer has no folder)
/// and, when it is valid, lays it out, draws it to SVG, and writes it in every format.
pub fn load_and_draw(bytes: &[u8]) {
    let path = Path::new("fuzz.citeline.json");
    let Ok(timeline) = read_any(bytes, path) else { return };
    // Files would be read from the working folder; the fuzzer tests parsing, not the disk.
    if timeline.sources.iter().any(|s| s.file.is_some()) || timeline.events.len() > 10_000 {
        return;
    }
    let Ok(doc) = Document::new(timeline, path, &Progress::default()) else { return };
    for i in 0..doc.events().len() {
        let _ = doc.date_label(i);
    }
    let data = Loaded::new(doc, &Progress::default());
    let scene = image(&data.doc, &data.lanes, &ImageOptions { width: 800, ..ImageOptions::default() });
    let _ = to_svg(&scene);
    for format in Format::ALL {
        let (text, _) = formats::write(&data.doc, format);
        let _ = read_any(text.as_bytes(), path);
    }
}

/// Any bytes read as each kind of source document (PDF, e-mail, Word, text).
///
/// # Panics
/// When a document reads but its page offsets do not fit its text, or a pin cite cannot be
/// worked out for any stretch of it: the fuzzer reports those as bugs.
pub fn source_document(bytes: &[u8]) {
    use crate::formats::source_file::read_source_bytes;
    for ext in ["pdf", "eml", "docx", "html", "txt"] {
        let Ok(read) = read_source_bytes(bytes.to_vec(), Some(ext)) else { continue };
        assert!(!read.text.trim().is_empty(), "{ext}: a source without text was accepted");
        if read.pages.is_empty() {
            continue;
        }
        assert_eq!(read.pages[0], 0, "{ext}: the first page begins the text");
        assert!(read.pages.windows(2).all(|w| w[0] < w[1]), "{ext}: pages rise");
        assert!(read.pages.last().is_some_and(|&p| p as usize <= read.text.len()), "{ext}: pages within the text");
        let len = read.text.len();
        for range in [0..len, len / 2..len, 0..1.min(len)] {
            assert!(crate::model::document::pin_cite(&read.pages, range).is_some());
        }
        if !read.lines.is_empty() {
            assert_eq!(read.lines.len(), read.pages.len(), "{ext}: numbered lines a page");
            let lines = crate::model::document::numbered_lines(&read.lines, len);
            assert!(lines.is_some(), "{ext}: numbered lines that fit the text: {:?}", read.lines);
        }
        if ext == "pdf" {
            pdf_page(bytes, &read.text, &read.pages);
        }
    }
}

/// The first page drawn small with its first words marked: a damaged PDF that gave text must
/// be drawn or refused, with pixels and marks that fit.
fn pdf_page(bytes: &[u8], text: &str, pages: &[u32]) {
    use crate::formats::source_file::{QuoteOnPage, render_pdf_page};
    let end = pages.get(1).map_or(text.len(), |&p| (p as usize).saturating_sub(2));
    let page_text = text.get(..end).unwrap_or_default();
    let words = page_text.floor_char_boundary(24);
    let quote = QuoteOnPage { page_text, range: 0..words, quote: &page_text[..words] };
    if let Ok(image) = render_pdf_page(&std::sync::Arc::new(bytes.to_vec()), 0, 48, Some(&quote)) {
        assert_eq!(image.rgba.len(), image.width as usize * image.height as usize * 4, "whole rows of pixels");
        assert!(image.marks.iter().flatten().all(|v| v.is_finite()), "marks are places: {:?}", image.marks);
        assert_eq!(image.pages, pages.len(), "the drawing and the text count the same pages");
    }
}
