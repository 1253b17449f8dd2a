//! A filled form's typed values: pdf-extract reads a page's drawing, not its form fields, so a
//! text field's value (`/V` of a widget in the page's `/Annots`) is added to the page as a line
//! of its own, each letter a share of the field's box, marked so that the layout puts it beside
//! its label.

use lopdf::{Document, Object, ObjectId};

use super::text::{Glyph, RawPage};

/// A filled text field: its value and its box `[x0, y0, x1, y1]` in PDF user space.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub value: String,
    pub rect: [f64; 4],
}

/// The filled text fields of page `id`, in the order the page lists them.
pub fn fields(doc: &Document, id: ObjectId) -> Vec<Field> {
    let Ok(annotations) = doc.get_page_annotations(id) else { return Vec::new() };
    annotations
        .into_iter()
        .filter(|a| a.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) == Some(b"Widget".as_slice()))
        .filter(|a| inherited(doc, a, b"FT").and_then(|t| t.as_name().ok()) == Some(b"Tx".as_slice()))
        .filter_map(|a| {
            let value = match inherited(doc, a, b"V")? {
                Object::String(bytes, _) => text_string(bytes),
                _ => return None,
            };
            let rect = a.get(b"Rect").ok()?.as_array().ok()?;
            let n: Vec<f64> = rect.iter().filter_map(|v| v.as_float().ok().map(f64::from)).collect();
            let [x0, y0, x1, y1] = n[..] else { return None };
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            (!value.is_empty()).then_some(Field { value, rect: [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)] })
        })
        .collect()
}

/// A key of a field's dictionary, or of the parents it inherits from (a few levels at most).
fn inherited<'a>(doc: &'a Document, dict: &'a lopdf::Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut at = dict;
    for _ in 0..8 {
        if let Ok(v) = at.get(key) {
            return doc.dereference(v).ok().map(|(_, o)| o);
        }
        let parent = at.get(b"Parent").ok()?;
        at = doc.dereference(parent).ok()?.1.as_dict().ok()?;
    }
    None
}

/// A PDF text string: UTF-16 after its byte-order mark, else `PDFDocEncoding` (Latin-1 for the
/// letters forms hold).
fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Adds `fields` to `page` as lines of their own, each a share of its box a letter; the byte
/// ranges they take in the page's text.
pub(crate) fn add_to_page(page: &mut RawPage, fields: &[Field]) -> Vec<std::ops::Range<u32>> {
    let mut ranges = Vec::with_capacity(fields.len());
    for f in fields {
        page.text.push('\n');
        let start = page.text.len();
        let [x0, y0, x1, y1] = f.rect;
        let size = ((y1 - y0) * 0.7).clamp(4.0, 14.0);
        let base = y0 + ((y1 - y0) - size) / 2.0 + size * 0.22;
        let step = ((x1 - x0) / f.value.chars().count().max(1) as f64).min(size * 0.6);
        for (i, c) in f.value.chars().enumerate() {
            let at = u32::try_from(page.text.len()).unwrap_or(u32::MAX);
            page.text.push(c);
            let end = u32::try_from(page.text.len()).unwrap_or(u32::MAX);
            let left = x0 + 2.0 + step * i as f64;
            let (lo, hi) = (base - 0.22 * size, base + 0.88 * size);
            page.glyphs.push(Glyph {
                bytes: at..end,
                corners: [(left, lo), (left + step, lo), (left + step, hi), (left, hi)],
            });
        }
        if let (Ok(a), Ok(b)) = (u32::try_from(start), u32::try_from(page.text.len())) {
            ranges.push(a..b);
        }
    }
    ranges
}
