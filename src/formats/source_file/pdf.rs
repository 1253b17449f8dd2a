//! PDFs: the text layer page by page (pdf-extract over lopdf), cleaned as a reader would type a
//! quote (ligatures spelt out, words hyphenated at a line's end joined), with where each page
//! begins in the text.

use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::Document;
use pdf_extract::{PlainTextOutput, output_doc_page};

/// The text of every page, pages apart by a blank line, and the byte offset where each begins.
pub fn read(bytes: &[u8]) -> Result<(String, Vec<u32>), String> {
    // pdf-extract panics on some damaged files rather than failing: that is the file's fault,
    // so it is reported as such.
    catch_unwind(AssertUnwindSafe(|| read_pages(bytes)))
        .unwrap_or_else(|_| Err("the PDF is damaged: its text could not be read".to_owned()))
}

fn read_pages(bytes: &[u8]) -> Result<(String, Vec<u32>), String> {
    let mut doc = Document::load_mem(bytes).map_err(|e| format!("not a readable PDF: {e}"))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("the PDF is encrypted with a password: save a copy without one to add it".into());
    }
    let count = doc.get_pages().len();
    if count == 0 {
        return Err("the PDF has no pages".into());
    }
    let mut text = String::new();
    let mut pages = Vec::with_capacity(count);
    for n in 1..=count {
        let mut page = String::new();
        let number = u32::try_from(n).unwrap_or(u32::MAX);
        output_doc_page(&doc, &mut PlainTextOutput::new(&mut page), number)
            .map_err(|e| format!("page {n} cannot be read: {e}"))?;
        // Pages apart by a blank line even when one before had no text (a cover picture): each
        // page then begins after the last, as page offsets must.
        if n > 1 {
            text.push_str("\n\n");
        }
        pages.push(u32::try_from(text.len()).map_err(|_| "the PDF's text is over 4 GiB".to_owned())?);
        text.push_str(&clean(&page));
    }
    if text.trim().is_empty() {
        return Err("the PDF has no text layer (a scanned document?): citeline cannot read text from images yet".into());
    }
    Ok((text, pages))
}

/// A page's text as a quote would be typed: ligatures spelt out, a word hyphenated at the end
/// of a line joined again, lines stripped of the spaces around them, runs of blank lines made
/// one.
pub fn clean(page: &str) -> String {
    let mut spelt = String::with_capacity(page.len());
    for c in page.chars() {
        match ligature(c) {
            Some(letters) => spelt.push_str(letters),
            None => spelt.push(c),
        }
    }
    let mut out = String::with_capacity(spelt.len());
    let mut blank = 0;
    let mut lines = spelt.lines().map(str::trim).peekable();
    while let Some(line) = lines.next() {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
        // "infor-" then "mation": one word. A dash after a space, or before a capital, stays.
        while out.ends_with('-')
            && out[..out.len() - 1].chars().next_back().is_some_and(char::is_alphabetic)
            && lines.peek().is_some_and(|next| next.trim_start().chars().next().is_some_and(char::is_lowercase))
        {
            out.pop();
            let next = lines.next().unwrap_or_default();
            out.push_str(next.trim_start());
        }
    }
    out
}

fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}
