//! PDFs: the text layer (pdf-extract over lopdf) laid out as a reader reads it (`layout/`:
//! paragraphs whole across lines and pages, page furniture and footnotes set apart, ligatures
//! spelt out, words hyphenated at a line's end joined), with where each page begins in the
//! text; and a page drawn (hayro) with a quote's words marked on it.

mod form;
mod layout;
mod ocr;
mod page_image;
mod text;

use std::hash::{Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex};

use lopdf::Document;

use layout::Laid;
use text::RawPage;

use super::ReadOptions;
use crate::model::progress::{CANCELLED, Stage};
use crate::model::{Ocr, Progress};

pub use page_image::{PageImage, QuoteOnPage, render_page};

/// A PDF read: its text, where each page begins in it, and what OCR read of it.
#[derive(Debug, Default)]
pub(crate) struct PdfText {
    pub text: String,
    pub pages: Vec<u32>,
    /// Where each numbered line begins, a string a page (pleading paper, transcripts).
    pub lines: Vec<String>,
    /// Stretches printed on another page than the offsets say: `[start, end, page from 1]`.
    pub moved: Vec<[u32; 3]>,
    pub ocr: Option<Ocr>,
    /// The title in the PDF's document information, as written there.
    pub title: Option<String>,
}

/// The text of every page, laid out, and the byte offset where each begins; scanned pages read
/// by OCR in the language `options` names.
pub fn read(bytes: &[u8], options: ReadOptions) -> Result<PdfText, String> {
    // pdf-extract panics on some damaged files rather than failing: that is the file's fault,
    // so it is reported as such.
    catch_unwind(AssertUnwindSafe(|| read_pages(bytes, options)))
        .unwrap_or_else(|_| Err("the PDF is damaged: its text could not be read".to_owned()))
}

/// The PDF's document, decrypted when it opens without a password, its pages' text operators
/// made ones pdf-extract reads.
fn load(bytes: &[u8]) -> Result<Document, String> {
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    let mut doc = Document::load_mem(bytes).map_err(|e| {
        let cut = e.to_string().contains("cross reference") || e.to_string().contains("trailer");
        if cut && bytes.starts_with(b"%PDF-") {
            format!("not a readable PDF: it is damaged or cut short ({e})")
        } else {
            format!("not a readable PDF: {e}")
        }
    })?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("the PDF is encrypted with a password: save a copy without one to add it".into());
    }
    spell_out_quote_operators(&mut doc);
    Ok(doc)
}

/// pdf-extract skips the text shown by `'` (next line, then show) and `"` (set the spacing,
/// next line, then show), which Ghostscript and other writers use for every line after a
/// text object's first: they are rewritten as the `T*`, `Tw`, `Tc` and `Tj` they stand for.
fn spell_out_quote_operators(doc: &mut Document) {
    use lopdf::content::{Content, Operation};
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    for id in pages {
        let Ok(bytes) = doc.get_page_content(id) else { continue };
        if !bytes.iter().any(|&b| b == b'\'' || b == b'"') {
            continue;
        }
        let Ok(content) = Content::decode(&bytes) else { continue };
        if !content.operations.iter().any(|o| o.operator == "'" || o.operator == "\"") {
            continue;
        }
        let mut operations = Vec::with_capacity(content.operations.len() + 16);
        for op in content.operations {
            match (op.operator.as_str(), op.operands.as_slice()) {
                ("'", [text]) => {
                    operations.push(Operation::new("T*", vec![]));
                    operations.push(Operation::new("Tj", vec![text.clone()]));
                }
                ("\"", [word, char, text]) => {
                    operations.push(Operation::new("Tw", vec![word.clone()]));
                    operations.push(Operation::new("Tc", vec![char.clone()]));
                    operations.push(Operation::new("T*", vec![]));
                    operations.push(Operation::new("Tj", vec![text.clone()]));
                }
                _ => operations.push(op),
            }
        }
        if let Ok(encoded) = (Content { operations }).encode() {
            let _ = doc.change_page_content(id, encoded);
        }
    }
}

fn read_pages(bytes: &[u8], options: ReadOptions) -> Result<PdfText, String> {
    let doc = load(bytes)?;
    let mut raw = extract_pages(&doc)?;
    let shared = Arc::new(bytes.to_vec());
    // The text is read with lopdf and the pages drawn with hayro: a page tree they count
    // differently would cite one page and show another.
    if let Ok(drawn) = hayro::hayro_syntax::Pdf::new(Arc::clone(&shared)).map(|p| p.pages().len())
        && drawn != raw.len()
    {
        return Err(format!(
            "the PDF is damaged: its page tree reads as {} pages one way and {drawn} another",
            raw.len()
        ));
    }
    let scans = scanned_pages(&doc, &raw);
    let ocr = if scans.is_empty() { None } else { Some(recognise(&shared, &scans, &mut raw, options)?) };
    let laid = layout::lay_out(&raw);
    if laid.text.trim().is_empty() {
        return Err("the PDF has no text layer and no page a scan could be read from".into());
    }
    let lines = laid.line_strings();
    let moved = laid.moved.iter().map(|&[a, b, p]| [a, b, p + 1]).collect();
    Ok(PdfText { text: laid.text, pages: laid.pages, lines, moved, ocr, title: info_title(&doc) })
}

/// The `/Title` of the document information dictionary, if there is one.
fn info_title(doc: &Document) -> Option<String> {
    let info = match doc.trailer.get(b"Info").ok()? {
        lopdf::Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        lopdf::Object::Dictionary(d) => d,
        _ => return None,
    };
    lopdf::decode_text_string(info.get(b"Title").ok()?).ok()
}

/// Every page of `doc` as pdf-extract reads it.
fn extract_pages(doc: &Document) -> Result<Vec<RawPage>, String> {
    let count = doc.get_pages().len();
    if count == 0 {
        return Err("the PDF has no pages".into());
    }
    let ids: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    (1..=count)
        .map(|n| {
            let mut page = text::extract_page(doc, u32::try_from(n).unwrap_or(u32::MAX))?;
            if let Some(&id) = ids.get(n - 1) {
                let filled = form::fields(doc, id);
                page.fields = form::add_to_page(&mut page, &filled);
            }
            Ok(page)
        })
        .collect()
}

/// Every page of `doc` as pdf-extract reads it, and the document laid out from them.
fn lay_out_document(doc: &Document) -> Result<(Vec<RawPage>, Laid), String> {
    let raw = extract_pages(doc)?;
    let laid = layout::lay_out(&raw);
    Ok((raw, laid))
}

/// How little text a page with a page-sized picture may hold and still be taken for a scan:
/// a filing stamp or the court's banner over the picture, not a page of text.
const SCAN_TEXT: usize = 200;

/// The pages (from 0) that are pictures of text: a picture of at least a quarter of a
/// megapixel (a letter page at 72 dpi has half of one), and no more text than a stamp.
fn scanned_pages(doc: &Document, raw: &[RawPage]) -> Vec<usize> {
    let ids: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    raw.iter()
        .enumerate()
        .filter(|(n, page)| {
            page.text.chars().filter(|c| !c.is_whitespace()).count() < SCAN_TEXT
                && ids.get(*n).is_some_and(|&id| draws_a_picture(doc, id))
        })
        .map(|(n, _)| n)
        .collect()
}

/// The fewest pixels of a picture that may be a scanned page (a letter page at 72 dpi has half
/// a megapixel).
const SCAN_PIXELS: i64 = 250_000;

/// Whether page `id` draws a picture of a scanned page's size: in its resources (its own or
/// inherited) or in a form it draws (scanners and stamping tools wrap the picture in one).
fn draws_a_picture(doc: &Document, id: lopdf::ObjectId) -> bool {
    let Ok((own, inherited)) = doc.get_page_resources(id) else { return false };
    let mut resources: Vec<&lopdf::Dictionary> = own.into_iter().collect();
    resources.extend(inherited.iter().filter_map(|&r| doc.get_dictionary(r).ok()));
    resources.iter().any(|r| holds_a_picture(doc, r, 0))
}

fn holds_a_picture<'a>(doc: &'a Document, resources: &'a lopdf::Dictionary, depth: u8) -> bool {
    fn deref<'a>(doc: &'a Document, o: &'a lopdf::Object) -> Option<&'a lopdf::Object> {
        doc.dereference(o).ok().map(|(_, o)| o)
    }
    let deref = |o: &'a lopdf::Object| deref(doc, o);
    let Some(xobjects) = resources.get(b"XObject").ok().and_then(deref).and_then(|o| o.as_dict().ok()) else {
        return false;
    };
    xobjects.iter().any(|(_, x)| {
        let Some(lopdf::Object::Stream(stream)) = deref(x) else { return false };
        let dict = &stream.dict;
        let number = |k: &[u8]| dict.get(k).ok().and_then(|v| v.as_i64().ok()).unwrap_or(0);
        match dict.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) {
            Some(b"Image") => number(b"Width").saturating_mul(number(b"Height")) >= SCAN_PIXELS,
            Some(b"Form") if depth < 3 => dict
                .get(b"Resources")
                .ok()
                .and_then(deref)
                .and_then(|r| r.as_dict().ok())
                .is_some_and(|r| holds_a_picture(doc, r, depth + 1)),
            _ => false,
        }
    })
}

/// Reads the `scans` pages by OCR, each in place of its text layer; what was read, or why not.
fn recognise(bytes: &Arc<Vec<u8>>, scans: &[usize], raw: &mut [RawPage], options: ReadOptions) -> Result<Ocr, String> {
    let list = page_list(scans);
    let installed = match ocr::languages() {
        Ok(l) if !l.is_empty() => l,
        _ => {
            let which = std::env::var("CITELINE_TESSERACT").map_or_else(
                |_| "which is not installed".to_owned(),
                |p| format!("which CITELINE_TESSERACT names as {p}, but that does not run"),
            );
            return Err(format!(
                "{list} scanned (a picture of text, with no more than a stamp as text): citeline reads \
                 scans with Tesseract, {which}. Install it (apt-get install {}) and add the PDF again",
                ocr::PACKAGES
            ));
        }
    };
    let language = ocr::language_for(options.language.unwrap_or(""), &installed);
    if let Some(p) = options.progress {
        p.start(Stage::Recognising, scans.len() as u64);
    }
    let (mut sum, mut words) = (0.0, 0usize);
    for &n in scans {
        if options.progress.is_some_and(Progress::is_cancelled) {
            return Err(CANCELLED.to_owned());
        }
        let read = ocr::read_page(bytes, n, &language).map_err(|e| match e {
            ocr::OcrError::Missing => {
                format!("Tesseract could not be run: install it (apt-get install {})", ocr::PACKAGES)
            }
            ocr::OcrError::Failed(why) => format!("page {} could not be read by OCR: {why}", n + 1),
        })?;
        sum += read.confidence * read.words as f64;
        words += read.words;
        raw[n] = read.page;
        if let Some(p) = options.progress {
            p.advance(1);
        }
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a percentage
    let confidence = if words > 0 { (sum / words as f64).round().clamp(0.0, 100.0) as u8 } else { 0 };
    Ok(Ocr {
        pages: scans.iter().map(|&n| u32::try_from(n + 1).unwrap_or(u32::MAX)).collect(),
        confidence,
        engine: format!("Tesseract, {language}"),
    })
}

/// "page 3 is", "pages 1–4 are", "pages 1, 3 and 5 are".
fn page_list(pages: &[usize]) -> String {
    match pages {
        [one] => format!("page {} is", one + 1),
        [first, .., last] if last - first + 1 == pages.len() => format!("pages {}–{} are", first + 1, last + 1),
        _ => {
            let mut names: Vec<String> = pages.iter().map(|p| (p + 1).to_string()).collect();
            let last = names.pop().unwrap_or_default();
            format!("pages {} and {last} are", names.join(", "))
        }
    }
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
    let key = fingerprint(bytes);
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

/// The last scanned page read by OCR for marking a quote on it, by the PDF's fingerprint and the
/// page: drawing it again at another width reads it once.
static SCAN: Mutex<Option<(u64, usize, Arc<RawPage>)>> = Mutex::new(None);

/// Page `page` of `bytes` read by OCR when it is a scan (from the cache when it holds it);
/// `None` when it is not one, or cannot be read.
fn scan_read_cached(bytes: &[u8], page: usize) -> Option<Arc<RawPage>> {
    let key = fingerprint(bytes);
    if let Ok(cache) = SCAN.lock()
        && let Some((k, p, raw)) = cache.as_ref()
        && (*k, *p) == (key, page)
    {
        return Some(Arc::clone(raw));
    }
    let doc = load(bytes).ok()?;
    let laid = laid_cached(bytes)?;
    if !scanned_pages(&doc, &laid.raw).contains(&page) {
        return None;
    }
    let installed = ocr::languages().ok()?;
    let read = ocr::read_page(&Arc::new(bytes.to_vec()), page, &ocr::language_for("", &installed)).ok()?;
    let raw = Arc::new(read.page);
    if let Ok(mut cache) = SCAN.lock() {
        *cache = Some((key, page, Arc::clone(&raw)));
    }
    Some(raw)
}

fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}
