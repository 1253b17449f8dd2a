//! A page's text as pdf-extract reads it, with where each glyph stands on the page, and the
//! cleaning that turns it into the text citations quote, keeping the way back from every byte
//! of the clean text to the glyph it came from: what puts a quote's highlight on the page.

use std::cell::RefCell;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

use lopdf::Document;
use pdf_extract::{ConvertToFmt, MediaBox, OutputDev, OutputError, PlainTextOutput, Transform, output_doc_page};

/// How far below the baseline and above it a glyph's box reaches, in font sizes: pdf-extract
/// does not give a font's ascent and descent, and these cover most Latin faces' letters.
const DESCENT: f64 = 0.22;
const ASCENT: f64 = 0.88;

/// One glyph: the bytes it wrote into the page's raw text and its corners in PDF user space.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub bytes: Range<u32>,
    pub corners: [(f64, f64); 4],
}

/// A page as pdf-extract writes it (words apart by the spaces and line breaks it infers), with
/// its glyphs in the order written.
#[derive(Debug, Default)]
pub struct RawPage {
    pub text: String,
    pub glyphs: Vec<Glyph>,
}

impl RawPage {
    /// The glyph that wrote the raw byte `at`, if a glyph did (inferred spaces have none).
    pub fn glyph_at(&self, at: u32) -> Option<&Glyph> {
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
}

impl OutputDev for Recorder {
    fn begin_page(&mut self, n: u32, media: &MediaBox, art: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
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
pub fn extract_page(doc: &Document, number: u32) -> Result<RawPage, String> {
    let text = Shared::default();
    let mut recorder = Recorder { plain: PlainTextOutput::new(text.clone()), text: text.clone(), glyphs: Vec::new() };
    output_doc_page(doc, &mut recorder, number).map_err(|e| format!("page {number} cannot be read: {e}"))?;
    let glyphs = std::mem::take(&mut recorder.glyphs);
    drop(recorder);
    let text = Rc::try_unwrap(text.0).map_or_else(|shared| shared.borrow().clone(), RefCell::into_inner);
    Ok(RawPage { text, glyphs })
}

/// A page's text as a quote would be typed: ligatures spelt out, a word hyphenated at the end
/// of a line joined again, lines stripped of the spaces around them, runs of blank lines made
/// one.
pub fn clean(page: &str) -> String {
    clean_mapped(page).0
}

/// [`clean`], and for every byte of the clean text the raw byte it came from.
pub fn clean_mapped(page: &str) -> (String, Vec<u32>) {
    let mut out = Output { text: String::with_capacity(page.len()), origin: Vec::with_capacity(page.len()) };
    let mut blank = 0;
    let mut lines = lines(page).peekable();
    while let Some((at, line)) = lines.next() {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.text.is_empty() {
            let gap = if blank > 0 { "\n\n" } else { "\n" };
            out.push_str(gap, at);
        }
        blank = 0;
        out.push_line(at, line);
        // "infor-" then "mation": one word. A dash after a space, or before a capital, stays.
        while out.text.ends_with('-')
            && out.text[..out.text.len() - 1].chars().next_back().is_some_and(char::is_alphabetic)
            && lines.peek().is_some_and(|(_, next)| spelt_first(next).is_some_and(char::is_lowercase))
        {
            out.text.pop();
            out.origin.pop();
            if let Some((at, next)) = lines.next() {
                out.push_line(at, next);
            }
        }
    }
    (out.text, out.origin)
}

struct Output {
    text: String,
    origin: Vec<u32>,
}

impl Output {
    fn push_str(&mut self, s: &str, origin: usize) {
        self.text.push_str(s);
        self.origin.extend(std::iter::repeat_n(u32::try_from(origin).unwrap_or(u32::MAX), s.len()));
    }

    /// A trimmed line that starts at raw byte `at`, its ligatures spelt out.
    fn push_line(&mut self, at: usize, line: &str) {
        for (i, c) in line.char_indices() {
            match ligature(c) {
                Some(letters) => self.push_str(letters, at + i),
                None => self.push_str(c.encode_utf8(&mut [0; 4]), at + i),
            }
        }
    }
}

/// The page's lines, each trimmed, with the raw byte where what is left of it begins.
fn lines(page: &str) -> impl Iterator<Item = (usize, &str)> {
    page.split('\n').scan(0, |start, line| {
        let at = *start;
        *start += line.len() + 1;
        let trimmed = line.trim();
        Some((at + (line.len() - line.trim_start().len()), trimmed))
    })
}

fn spelt_first(line: &str) -> Option<char> {
    let c = line.chars().next()?;
    Some(ligature(c).and_then(|l| l.chars().next()).unwrap_or(c))
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_page_is_cleaned_as_a_quote_would_be_typed() {
        assert_eq!(clean("  The ﬁrst infor-\n   mation  \n\n\n\nNew-\nYork  "), "The first information\n\nNew-\nYork");
        assert_eq!(clean("a -\nb"), "a -\nb", "a dash after a space is a dash");
        assert_eq!(clean("x\r\ny"), "x\ny");
    }

    #[test]
    fn every_clean_byte_points_at_the_raw_character_it_came_from() {
        let raw = " ﬁne infor-\nmation\n\nend";
        let (text, origin) = clean_mapped(raw);
        assert_eq!(text, "fine information\n\nend");
        let raw_char = |i: usize| raw[origin[i] as usize..].chars().next().expect("a char");
        assert_eq!(raw_char(0), 'ﬁ');
        assert_eq!(raw_char(1), 'ﬁ');
        assert_eq!(raw_char(text.find("mation").expect("joined")), 'm');
        assert_eq!(origin[text.find("mation").expect("joined")] as usize, raw.find("mation").expect("raw"));
    }

    proptest! {
        /// Each clean character came from the raw character its origin names: itself, a
        /// ligature holding it, or (for the line breaks put back) a line break or space.
        #[test]
        fn origins_name_the_characters_they_came_from(raw in "[a-zﬁﬂA\\- \n\r]{0,60}") {
            let (text, origin) = clean_mapped(&raw);
            prop_assert_eq!(origin.len(), text.len());
            for (i, c) in text.char_indices() {
                let at = origin[i] as usize;
                let source = raw[at..].chars().next().expect("an origin inside the raw text");
                let fits = source == c
                    || ligature(source).is_some_and(|l| l.contains(c))
                    || (c == '\n' && raw[at..].starts_with(|r: char| !r.is_whitespace()));
                prop_assert!(fits, "{:?} at {} came from {:?}", c, i, source);
            }
        }
    }
}
