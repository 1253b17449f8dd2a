//! The labels of a lane's marks: what each says, formatted only once it is known to fit, and
//! each placed when the next mark in its lane bounds its width.

use ecolor::Color32;
use emath::{Rect, pos2};

use super::build::{LABEL_GAP, LABEL_SIZE, MIN_LABEL_WIDTH};
use super::lane::LaneBuilder;
use super::{Hit, Target};
use crate::layout::text::TextMeasure;
use crate::model::date::group_thousands;

/// What a label will say, formatted only once it is known to fit: most cluster labels of a
/// dense frame never do.
#[derive(Clone, Copy)]
pub(super) enum LabelText {
    Event { event: u32, number: u32 },
    Count(u64),
}

/// A label waiting for the next mark in its lane, which bounds its width.
pub(super) struct PendingLabel {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) text: LabelText,
    pub(super) bold: bool,
    pub(super) color: Color32,
    pub(super) target: Target,
}

impl LaneBuilder<'_, '_> {
    pub(super) fn label_text(&self, text: LabelText) -> String {
        match text {
            LabelText::Count(1) => "1 event".to_owned(),
            LabelText::Count(n) => format!("{} events", group_thousands(n)),
            LabelText::Event { event, number } => {
                let title = self.doc.events().get(event as usize).map(|e| e.title.as_str()).unwrap_or_default();
                if number > 0 { format!("[{number}] {title}") } else { title.to_owned() }
            }
        }
    }

    pub(super) fn finish_label(&mut self, pending: &mut Option<PendingLabel>, limit_x: f32) {
        let Some(mut label) = pending.take() else { return };
        let right_edge = self.opts.canvas.right() - 2.0;
        let limit = (limit_x - LABEL_GAP).min(right_edge);
        // No room, and not at the right edge where it could move left: nothing to format.
        if limit - label.x < MIN_LABEL_WIDTH && (limit < right_edge || matches!(label.text, LabelText::Count(_))) {
            return;
        }
        let label_text = self.label_text(label.text);
        let measure = TextMeasure::get();
        let full = measure.width(&label_text, LABEL_SIZE, label.bold);
        // A title near the right edge moves left to be read; a count stays beside its mark or
        // goes, as a count away from its mark reads as belonging to another.
        let movable = !matches!(label.text, LabelText::Count(_));
        if movable && label.x + full > limit && limit >= right_edge {
            let free_from = self.last_label_end.max(self.opts.canvas.left() + 2.0) + LABEL_GAP;
            label.x = (right_edge - full).max(free_from).min(label.x);
        }
        let available = limit - label.x;
        if available < MIN_LABEL_WIDTH {
            return;
        }
        let Some(text) = measure.fit(&label_text, LABEL_SIZE, label.bold, available) else { return };
        let width = measure.width(&text, LABEL_SIZE, label.bold);
        self.last_label_end = label.x + width;
        let rect = Rect::from_min_size(pos2(label.x, label.y), emath::vec2(width, LABEL_SIZE * 1.4));
        self.scene.hits.push(Hit { rect, target: label.target });
        self.scene.text(pos2(label.x, label.y), text.into_owned(), LABEL_SIZE, label.bold, label.color);
    }
}
