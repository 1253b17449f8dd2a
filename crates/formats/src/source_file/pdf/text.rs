//! A page's text as pdf-extract reads it, with where each glyph stands on the page (what
//! `layout/` lays out, and what puts a quote's highlight on the page).

use std::cell::RefCell;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

use lopdf::Document;
use pdf_extract::{ConvertToFmt, MediaBox, OutputDev, OutputError, PlainTextOutput, Transform, output_doc_page};

/// How far below the baseline and above it a glyph's box reaches, in font sizes: pdf-extract
/// does not give a font's ascent and descent, and these cover most Latin faces' letters.
pub(super) const DESCENT: f64 = 0.22;
pub(super) const ASCENT: f64 = 0.88;

/// One glyph: the bytes it wrote into the page's raw text and its corners in PDF user space.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Glyph {
    pub bytes: Range<u32>,
    pub corners: [(f64, f64); 4],
}

/// A page as pdf-extract writes it (words apart by the spaces and line breaks it infers), with
/// its glyphs in the order written.
#[derive(Debug, Default)]
pub(crate) struct RawPage {
    pub text: String,
    pub glyphs: Vec<Glyph>,
    /// The top of the page's media box, in PDF user space: glyphs stand below it.
    pub height: f64,
    /// The bytes of `text` that are a filled form field's value, added after the drawing's.
    pub fields: Vec<Range<u32>>,
    /// Read by OCR from the page's picture: its words' boxes are Tesseract's, whose heights
    /// vary with the letters (a number's box is short), so no footnote markers are told by size.
    pub from_ocr: bool,
}

impl RawPage {
    /// The glyph that wrote the raw byte `at`, if a glyph did (inferred spaces have none).
    pub(crate) fn glyph_at(&self, at: u32) -> Option<&Glyph> {
        let i = self.glyphs.partition_point(|g| g.bytes.end <= at);
        self.glyphs.get(i).filter(|g| g.bytes.contains(&at))
    }
}

/// The page's text, shared between pdf-extract's writer and the glyph recorder beside it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<String>>);

impl fmt::Write for Shared {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.borrow_mut().push_str(s);
        Ok(())
    }
}

impl ConvertToFmt for Shared {
    type Writer = Self;
    fn convert(self) -> Self {
        self
    }
}

/// pdf-extract's own plain-text writer, so the text is exactly what it would write, and a note
/// of where each character it writes was drawn.
struct Recorder {
    plain: PlainTextOutput<Shared>,
    text: Shared,
    glyphs: Vec<Glyph>,
    top: f64,
}

impl OutputDev for Recorder {
    fn begin_page(&mut self, n: u32, media: &MediaBox, art: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.top = media.ury;
        self.plain.begin_page(n, media, art)
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        self.plain.end_page()
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.plain.output_character(trm, width, spacing, font_size, char)?;
        // The character is the last thing written; a space or line break inferred before it
        // belongs to no glyph.
        let end = self.text.0.borrow().len();
        let start = end - char.len();
        let at = |x: f64, y: f64| (x * trm.m11 + y * trm.m21 + trm.m31, x * trm.m12 + y * trm.m22 + trm.m32);
        let (w, low, high) = (width * font_size, -DESCENT * font_size, ASCENT * font_size);
        if let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(end))
            && start < end
        {
            self.glyphs
                .push(Glyph { bytes: start..end, corners: [at(0.0, low), at(w, low), at(w, high), at(0.0, high)] });
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.plain.begin_word()
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        self.plain.end_word()
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        self.plain.end_line()
    }
}

/// Page `number` (from 1) of `doc`, as pdf-extract reads it, with its glyphs.
pub(crate) fn extract_page(doc: &Document, number: u32) -> Result<RawPage, String> {
    let text = Shared::default();
    let mut recorder =
        Recorder { plain: PlainTextOutput::new(text.clone()), text: text.clone(), glyphs: Vec::new(), top: 842.0 };
    output_doc_page(doc, &mut recorder, number).map_err(|e| format!("page {number} cannot be read: {e}"))?;
    let glyphs = std::mem::take(&mut recorder.glyphs);
    let height = recorder.top;
    drop(recorder);
    let text = Rc::try_unwrap(text.0).map_or_else(|shared| shared.borrow().clone(), RefCell::into_inner);
    Ok(RawPage { text, glyphs, height, fields: Vec::new(), from_ocr: false })
}

/// The letters a ligature glyph stands for.
pub(super) fn ligature(c: char) -> Option<&'static str> {
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
