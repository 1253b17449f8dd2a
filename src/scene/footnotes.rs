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

/// Footnotes set in columns no wider than a comfortable reading measure, each entry wrapped
/// to its column.
pub struct FootnoteLayout {
    columns: Vec<Vec<Vec<String>>>,
    column_width: f32,
}

/// Longest comfortable line of footnote text, in points (about 150 characters).
const MAX_MEASURE: f32 = 1000.0;
const COLUMN_GAP: f32 = 32.0;

impl FootnoteLayout {
    /// Lays out `texts` over `width` points.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a small positive count
    pub fn new(texts: &[String], width: f32) -> Self {
        let count = (((width + COLUMN_GAP) / (MAX_MEASURE + COLUMN_GAP)).ceil() as usize).clamp(1, 4);
        let column_width = (width - COLUMN_GAP * (count as f32 - 1.0)) / count as f32;
        let m = TextMeasure::get();
        let wrapped: Vec<Vec<String>> = texts.iter().map(|t| m.wrap(t, FOOTNOTE_SIZE, false, column_width)).collect();
        // Fill columns in reading order, each up to an even share of the total height.
        let total: f32 = wrapped.iter().map(|e| entry_height(e)).sum();
        let share = total / count as f32;
        let mut columns: Vec<Vec<Vec<String>>> = vec![Vec::new()];
        let mut used = 0.0;
        for entry in wrapped {
            let h = entry_height(&entry);
            if used > 0.0 && used + h / 2.0 > share && columns.len() < count {
                columns.push(Vec::new());
                used = 0.0;
            }
            used += h;
            if let Some(c) = columns.last_mut() {
                c.push(entry);
            }
        }
        Self { columns, column_width }
    }

    pub fn is_empty(&self) -> bool {
        self.columns.iter().all(Vec::is_empty)
    }

    pub fn height(&self) -> f32 {
        self.columns.iter().map(|c| c.iter().map(|e| entry_height(e)).sum::<f32>()).fold(0.0, f32::max)
    }

    /// Draws the columns from `(x, y)` down.
    pub fn draw(&self, scene: &mut Scene, x: f32, y: f32, palette: &Palette) {
        for (i, column) in self.columns.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)] // a handful of columns
            let left = x + i as f32 * (self.column_width + COLUMN_GAP);
            let mut top = y;
            for lines in column {
                for line in lines {
                    scene.text(pos2(left, top), line.clone(), FOOTNOTE_SIZE, false, palette.text);
                    top += FOOTNOTE_LINE;
                }
                top += ENTRY_GAP;
            }
        }
    }
}

#[allow(clippy::cast_precision_loss)] // line counts are small
fn entry_height(lines: &[String]) -> f32 {
    lines.len() as f32 * FOOTNOTE_LINE + ENTRY_GAP
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_images_get_columns_of_readable_width_holding_every_entry() {
        let texts: Vec<String> = (1..=12)
            .map(|n| format!("{n}. Event {n} — “a quote that runs on for a while to fill a line of text” — Source"))
            .collect();
        let narrow = FootnoteLayout::new(&texts, 900.0);
        assert_eq!(narrow.columns.len(), 1);
        let wide = FootnoteLayout::new(&texts, 3784.0);
        assert!(wide.columns.len() >= 3, "{}", wide.columns.len());
        assert!(wide.column_width <= MAX_MEASURE);
        assert_eq!(wide.columns.iter().map(Vec::len).sum::<usize>(), 12, "every entry, once");
        assert!(wide.height() < narrow.height());
        let first: Vec<&str> = wide.columns.iter().flatten().map(|e| e[0].as_str()).collect();
        assert!(first[0].starts_with("1.") && first[11].starts_with("12."), "reading order is kept");
    }
}
