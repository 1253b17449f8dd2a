//! Text measurement from the shipped font, so that layout (label fitting, truncation, wrapping)
//! is the same for the window and for exported images.

use std::borrow::Cow;
use std::sync::OnceLock;

use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

use crate::fonts;

/// Advance widths at 1 px font size.
struct Face {
    ascii: [f32; 128],
    other: std::collections::HashMap<char, f32>,
    fallback: f32,
    ascent: f32,
    descent: f32,
}

pub struct TextMeasure {
    regular: Face,
    bold: Face,
}

impl Face {
    fn new(bytes: &'static [u8]) -> Self {
        let Ok(font) = skrifa::FontRef::new(bytes) else {
            // The font is compiled in; a parse failure would be caught by every test.
            return Self {
                ascii: [0.55; 128],
                other: std::collections::HashMap::default(),
                fallback: 0.55,
                ascent: 1.07,
                descent: 0.29,
            };
        };
        let charmap = font.charmap();
        let glyphs = font.glyph_metrics(Size::new(1.0), LocationRef::default());
        let advance = |c: char| charmap.map(c).and_then(|g| glyphs.advance_width(g));
        let fallback = advance('n').unwrap_or(0.55);
        let mut ascii = [fallback; 128];
        for (i, slot) in ascii.iter_mut().enumerate() {
            if let Some(w) = char::from_u32(u32::try_from(i).unwrap_or(0)).and_then(advance) {
                *slot = w;
            }
        }
        // Latin-1, Latin Extended, Greek, Cyrillic and common punctuation: what labels hold.
        let ranges = [0x00A0..0x0250_u32, 0x0370..0x0400, 0x0400..0x0530, 0x2010..0x2050, 0x20AC..0x20AD];
        let other = ranges
            .into_iter()
            .flatten()
            .filter_map(char::from_u32)
            .filter_map(|c| advance(c).map(|w| (c, w)))
            .collect();
        let metrics = font.metrics(Size::new(1.0), LocationRef::default());
        Self { ascii, other, fallback, ascent: metrics.ascent, descent: -metrics.descent }
    }

    fn advance(&self, c: char) -> f32 {
        match u32::from(c) {
            n @ 0..128 => self.ascii[n as usize],
            _ => self.other.get(&c).copied().unwrap_or(self.fallback),
        }
    }
}

impl TextMeasure {
    pub fn get() -> &'static Self {
        static MEASURE: OnceLock<TextMeasure> = OnceLock::new();
        MEASURE.get_or_init(|| Self { regular: Face::new(fonts::REGULAR), bold: Face::new(fonts::BOLD) })
    }

    fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = self.face(bold);
        text.chars().map(|c| face.advance(c)).sum::<f32>() * size
    }

    /// Distance from the top of a line of text to its baseline.
    pub(crate) fn ascent(&self, size: f32) -> f32 {
        self.regular.ascent * size
    }

    pub(crate) fn line_height(&self, size: f32) -> f32 {
        (self.regular.ascent + self.regular.descent) * size
    }

    /// `text` cut to `max_width` with an ellipsis, or `None` when not even a few letters fit.
    pub fn fit<'a>(&self, text: &'a str, size: f32, bold: bool, max_width: f32) -> Option<Cow<'a, str>> {
        if self.width(text, size, bold) <= max_width {
            return Some(Cow::Borrowed(text));
        }
        let face = self.face(bold);
        let ellipsis = face.advance('…') * size;
        let mut used = ellipsis;
        let mut end = 0;
        for (i, c) in text.char_indices() {
            let w = face.advance(c) * size;
            if used + w > max_width {
                break;
            }
            used += w;
            end = i + c.len_utf8();
        }
        let kept = text[..end].trim_end();
        if kept.chars().count() < 3 {
            return None;
        }
        Some(Cow::Owned(format!("{kept}…")))
    }

    /// How many bytes of `word` fit in `max_width`: at least its first character.
    fn fitting_prefix(&self, word: &str, size: f32, bold: bool, max_width: f32) -> usize {
        let mut used = 0.0;
        let mut end = 0;
        for (i, c) in word.char_indices() {
            let mut buf = [0; 4];
            used += self.width(c.encode_utf8(&mut buf), size, bold);
            if used > max_width && end > 0 {
                break;
            }
            end = i + c.len_utf8();
        }
        end
    }

    /// Greedy word wrap to `max_width`; a word longer than a line is cut.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, max_width: f32) -> Vec<String> {
        let space = self.width(" ", size, bold);
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in text.split_whitespace() {
            let mut word = word;
            let mut w = self.width(word, size, bold);
            // A word wider than a line (a URL, a hash, a long compound) is cut where the line
            // ends, on its own lines: it would otherwise run into the next column.
            while w > max_width && word.chars().nth(1).is_some() {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                let cut = self.fitting_prefix(word, size, bold, max_width);
                lines.push(word[..cut].to_owned());
                word = &word[cut..];
                w = self.width(word, size, bold);
            }
            if !line.is_empty() && line_w + space + w > max_width {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            if !line.is_empty() {
                line.push(' ');
                line_w += space;
            }
            line.push_str(word);
            line_w += w;
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let m = TextMeasure::get();
        let a = m.width("Titan API", 13.0, false);
        assert!(a > 40.0 && a < 90.0, "{a}");
        assert!(m.width("Titan API", 26.0, false) > 1.9 * a);
        assert!(m.width("Titan API", 13.0, true) > a);
        assert!(m.width("Ελληνικά Кириллица", 13.0, false) > 80.0);
    }

    #[test]
    fn fit_truncates_with_an_ellipsis_within_the_width() {
        let m = TextMeasure::get();
        let text = "Facebook gives Netflix access to the private “Titan API”";
        let fitted = m.fit(text, 13.0, false, 120.0).expect("fits");
        assert!(fitted.ends_with('…'));
        assert!(m.width(&fitted, 13.0, false) <= 120.0);
        assert!(m.fit(text, 13.0, false, 10.0).is_none());
        assert_eq!(m.fit("short", 13.0, false, 200.0).as_deref(), Some("short"));
    }

    #[test]
    fn wrapped_lines_fit() {
        let m = TextMeasure::get();
        let text =
            "Secondo il documento, nel 2011 la piattaforma di streaming ha annunciato un’integrazione con Facebook";
        let lines = m.wrap(text, 12.0, false, 200.0);
        assert!(lines.len() >= 3);
        assert_eq!(lines.join(" "), text);
        for l in &lines {
            assert!(m.width(l, 12.0, false) <= 200.0 || !l.contains(' '));
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_where_the_line_ends() {
        let m = TextMeasure::get();
        let long = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(2);
        let text = format!("See {long} and https://example.com/a/very/long/path/that/never/breaks?x=1 now");
        let lines = m.wrap(&text, 12.0, false, 100.0);
        for l in &lines {
            assert!(m.width(l, 12.0, false) <= 100.0, "{l:?} is wider than the line");
        }
        // Nothing lost, nothing added: the lines are the text's characters in order.
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(strip(&lines.concat()), strip(&text));
        assert_eq!(lines.first().map(String::as_str), Some("See"), "a short word before it keeps its line");
        assert!(lines.iter().any(|l| l.ends_with("and") || l.starts_with("and")), "{lines:?}");
    }
}
