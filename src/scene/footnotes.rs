//! Citation footnotes for exported images: every citation of every numbered event, as
//! `n. Title — “quote” — Source title, publisher (language)`, wrapped to the image width.

use emath::pos2;

use super::Scene;
use super::theme::Palette;
use crate::layout::text::TextMeasure;
use crate::model::Document;

pub const FOOTNOTE_SIZE: f32 = 12.0;
pub const FOOTNOTE_LINE: f32 = 17.0;
const ENTRY_GAP: f32 = 4.0;

/// One footnote's text per citation of each event in `numbered` (number, event index).
pub fn footnote_texts(doc: &Document, numbered: &[(u32, u32)]) -> Vec<String> {
    let mut out = Vec::new();
    for &(n, event) in numbered {
        let Some(e) = doc.events().get(event as usize) else { continue };
        if e.citations.is_empty() {
            out.push(format!("{n}. {} — (no citation)", e.title));
        }
        for c in &e.citations {
            let source = doc.source(&c.source).map_or_else(
                || c.source.to_string(),
                |(s, _)| {
                    let mut who = s.title.clone();
                    if !s.publisher.is_empty() {
                        who.push_str(", ");
                        who.push_str(&s.publisher);
                    }
                    if !s.language.is_empty() {
                        who.push_str(" (");
                        who.push_str(&s.language);
                        who.push(')');
                    }
                    who
                },
            );
            out.push(format!("{n}. {} — “{}” — {source}", e.title, c.quote));
        }
    }
    out
}

/// Wraps every footnote to `width`.
pub fn wrap_footnotes(texts: &[String], width: f32) -> Vec<Vec<String>> {
    let m = TextMeasure::get();
    texts.iter().map(|t| m.wrap(t, FOOTNOTE_SIZE, false, width)).collect()
}

#[allow(clippy::cast_precision_loss)] // line counts are small
pub fn footnotes_height(wrapped: &[Vec<String>]) -> f32 {
    wrapped.iter().map(|lines| lines.len() as f32 * FOOTNOTE_LINE + ENTRY_GAP).sum()
}

/// Draws wrapped footnotes from `(x, y)` down.
pub fn footnotes(scene: &mut Scene, wrapped: &[Vec<String>], x: f32, mut y: f32, palette: &Palette) {
    for lines in wrapped {
        for line in lines {
            scene.text(pos2(x, y), line.clone(), FOOTNOTE_SIZE, false, palette.text);
            y += FOOTNOTE_LINE;
        }
        y += ENTRY_GAP;
    }
}
