//! PDFs: the text layer page by page (pdf-extract over lopdf), cleaned as a reader would type a
//! quote (ligatures spelt out, words hyphenated at a line's end joined), with where each page
//! begins in the text; and a page drawn (hayro) with a quote's words marked on it.

mod page_image;
mod text;

use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::Document;

pub use page_image::{PageImage, QuoteOnPage, render_page};
pub use text::clean;

/// The text of every page, pages apart by a blank line, and the byte offset where each begins.
pub fn read(bytes: &[u8]) -> Result<(String, Vec<u32>), String> {
    // pdf-extract panics on some damaged files rather than failing: that is the file's fault,
    // so it is reported as such.
    catch_unwind(AssertUnwindSafe(|| read_pages(bytes)))
        .unwrap_or_else(|_| Err("the PDF is damaged: its text could not be read".to_owned()))
}

/// The PDF's document, decrypted when it opens without a password.
fn load(bytes: &[u8]) -> Result<Document, String> {
    let mut doc = Document::load_mem(bytes).map_err(|e| format!("not a readable PDF: {e}"))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("the PDF is encrypted with a password: save a copy without one to add it".into());
    }
    Ok(doc)
}

fn read_pages(bytes: &[u8]) -> Result<(String, Vec<u32>), String> {
    let doc = load(bytes)?;
    let count = doc.get_pages().len();
    if count == 0 {
        return Err("the PDF has no pages".into());
    }
    let mut text = String::new();
    let mut pages = Vec::with_capacity(count);
    for n in 1..=count {
        let page = text::extract_page(&doc, u32::try_from(n).unwrap_or(u32::MAX))?;
        // Pages apart by a blank line even when one before had no text (a cover picture): each
        // page then begins after the last, as page offsets must.
        if n > 1 {
            text.push_str("\n\n");
        }
        pages.push(u32::try_from(text.len()).map_err(|_| "the PDF's text is over 4 GiB".to_owned())?);
        text.push_str(&clean(&page.text));
    }
    if text.trim().is_empty() {
        return Err("the PDF has no text layer (a scanned document?): citeline cannot read text from images yet".into());
    }
    Ok((text, pages))
}
