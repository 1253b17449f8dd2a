//! PDFs: the text layer (pdf-extract over lopdf) laid out as a reader reads it (`layout.rs`:
//! paragraphs whole across lines and pages, page furniture and footnotes set apart, ligatures
//! spelt out, words hyphenated at a line's end joined), with where each page begins in the
//! text; and a page drawn (hayro) with a quote's words marked on it.

mod layout;
mod page_image;
mod text;

use std::hash::{Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex};

use lopdf::Document;

use layout::Laid;
use text::RawPage;

pub use page_image::{PageImage, QuoteOnPage, render_page};

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
    let (_, laid) = lay_out_document(&doc)?;
    if laid.text.trim().is_empty() {
        return Err("the PDF has no text layer (a scanned document?): citeline cannot read text from images yet".into());
    }
    Ok((laid.text, laid.pages))
}

/// Every page of `doc` as pdf-extract reads it, and the document laid out from them.
fn lay_out_document(doc: &Document) -> Result<(Vec<RawPage>, Laid), String> {
    let count = doc.get_pages().len();
    if count == 0 {
        return Err("the PDF has no pages".into());
    }
    let raw = (1..=count)
        .map(|n| text::extract_page(doc, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect::<Result<Vec<_>, _>>()?;
    let laid = layout::lay_out(&raw);
    Ok((raw, laid))
}

/// The last PDF laid out for marking quotes on its pages, by a fingerprint of its bytes: turning
/// pages of one document lays it out once.
static LAID: Mutex<Option<(u64, Arc<LaidPdf>)>> = Mutex::new(None);

/// A PDF's pages as read, and laid out.
struct LaidPdf {
    raw: Vec<RawPage>,
    laid: Laid,
}

/// `bytes` read and laid out, from the cache when it holds them; `None` when they do not read.
fn laid_cached(bytes: &[u8]) -> Option<Arc<LaidPdf>> {
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    let key = hasher.finish();
    if let Ok(cache) = LAID.lock()
        && let Some((k, laid)) = cache.as_ref()
        && *k == key
    {
        return Some(Arc::clone(laid));
    }
    let doc = load(bytes).ok()?;
    let (raw, laid) = lay_out_document(&doc).ok()?;
    let laid = Arc::new(LaidPdf { raw, laid });
    if let Ok(mut cache) = LAID.lock() {
        *cache = Some((key, Arc::clone(&laid)));
    }
    Some(laid)
}
