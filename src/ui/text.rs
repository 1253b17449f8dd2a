//! Text laid out for a panel, shared by the panels that show a source's words: the citation
//! panel and the proposals list.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, Ui};

use crate::scene::Palette;

/// `text` laid out to `width`, with `marked` (byte range) highlighted when it is one.
pub fn highlighted(
    ui: &Ui,
    font: FontId,
    palette: &Palette,
    width: f32,
    text: &str,
    marked: Option<std::ops::Range<usize>>,
) -> LayoutJob {
    let plain = TextFormat { font_id: font.clone(), color: ui.visuals().text_color(), ..TextFormat::default() };
    let mark = TextFormat {
        font_id: font,
        color: palette.on_highlight,
        background: palette.highlight,
        ..TextFormat::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    // A symbol font's private codes drawn as the plain characters: the same byte offsets.
    let symbols = crate::model::fold::plain_symbols(text);
    let text: &str = &symbols;
    match marked.filter(|r| r.start <= r.end && text.get(r.clone()).is_some()) {
        Some(r) => {
            job.append(&text[..r.start], 0.0, plain.clone());
            job.append(&text[r.clone()], 0.0, mark);
            job.append(&text[r.end..], 0.0, plain);
        }
        None => job.append(text, 0.0, plain),
    }
    job
}

/// `text` cut to `most` characters, an ellipsis saying so.
pub(crate) fn short(text: &str, most: usize) -> String {
    if text.chars().count() > most { text.chars().take(most - 1).collect::<String>() + "…" } else { text.to_owned() }
}

/// A heading that does not wrap (a collapsing header's), cut to what `width` holds after
/// `reserve` points of its own (an arrow, a count), at 12 to `most` characters: in a narrow
/// panel a longer one would widen what the panel lays out past what it shows.
pub(crate) fn fitted_heading(text: &str, width: f32, reserve: f32, most: usize) -> String {
    let fits = (12..=most.max(12)).rev().find(|&n| reserve + 8.0 * n as f32 <= width).unwrap_or(12);
    short(text, fits)
}
