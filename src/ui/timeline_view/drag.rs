//! Dragging an event in time: which part the pointer holds (an end or the whole), the date it
//! would get, and the preview while it moves.

use egui::{CursorIcon, Rect, Ui};

use crate::layout::axis::AxisMapping;
use crate::model::date::{Edtf, Endpoint};
use crate::model::shift::{Part, shift};
use crate::session::Loaded;

use super::{TimelineCommand, ViewState};

/// An event held by the pointer: where the drag began and the date it would get.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct EventDrag {
    pub(super) event: u32,
    pub(super) part: Part,
    pub(super) from_x: f32,
    /// Where the event's bar stands on screen, for the preview.
    pub(super) row: Rect,
    /// Its `when` as the drag began.
    pub(super) when: String,
    /// What it would become if released now.
    pub(super) to: Option<String>,
}

/// How near an interval's end (in points) a drag takes that end rather than the whole.
pub(super) const END_GRIP: f32 = 6.0;

/// Which part of `event` a drag from `x` takes: an interval's start or end when near it.
pub(super) fn grip_at(data: &Loaded, event: u32, mapping: &AxisMapping, x: f32) -> Part {
    let Some(span) = data.doc.span(event as usize) else { return Part::Whole };
    let Some(Ok(Edtf::Interval(a, b))) = data.doc.events()[event as usize].when.as_deref().map(Edtf::parse) else {
        return Part::Whole;
    };
    #[allow(clippy::cast_possible_truncation)] // on-screen positions
    let near = |t: f64| (mapping.x_from_time(t) as f32 - x).abs() <= END_GRIP;
    // A bar too short to hold both grips moves whole.
    #[allow(clippy::cast_possible_truncation)]
    let wide = ((span.end - span.start) * mapping.points_per_day()) as f32 > 4.0 * END_GRIP;
    match (a, b) {
        (Endpoint::Date(_), _) if wide && near(span.start) => Part::Start,
        (_, Endpoint::Date(_)) if wide && near(span.end) => Part::End,
        _ => Part::Whole,
    }
}

/// While an event is dragged: the date it would get, shown at the pointer and as a ghost of its
/// bar; on release, the move (one undoable edit). Esc cancels (see [`ViewState::cancel_drag`]).
pub(super) fn drag_ui(
    ui: &Ui,
    response: &egui::Response,
    mapping: &AxisMapping,
    state: &mut ViewState,
    commands: &mut Vec<TimelineCommand>,
) {
    let Some(drag) = state.drag.as_mut() else { return };
    let (down, pointer) = ui.input(|i| (i.pointer.primary_down(), i.pointer.latest_pos()));
    if let Some(p) = pointer {
        let days = f64::from(p.x - drag.from_x) / mapping.points_per_day();
        drag.to = shift(&drag.when, days, drag.part).filter(|to| *to != drag.when);
    }
    if !down {
        if let Some(to) = state.drag.take().and_then(|d| d.to.map(|to| (d.event, to))) {
            commands.push(TimelineCommand::Move(to.0, to.1));
        }
        return;
    }
    ui.ctx().set_cursor_icon(if drag.part == Part::Whole {
        CursorIcon::Grabbing
    } else {
        CursorIcon::ResizeHorizontal
    });
    let Some(to) = drag.to.as_deref() else { return };
    let Ok(edtf) = Edtf::parse(to) else { return };
    let span = edtf.span();
    #[allow(clippy::cast_possible_truncation)] // on-screen positions, clamped
    let x = |t: f64| mapping.x_from_time(t).clamp(-1e6, 1e6) as f32;
    let ghost = Rect::from_x_y_ranges(x(span.start)..=x(span.end).max(x(span.start) + 3.0), drag.row.y_range());
    let visuals = ui.visuals();
    let painter = ui.painter_at(response.rect);
    painter.rect_filled(ghost, 2.0, visuals.selection.bg_fill.gamma_multiply(0.45));
    painter.rect_stroke(ghost, 2.0, visuals.selection.stroke, egui::StrokeKind::Outside);
    let text = format!("{edtf} · {to}");
    egui::Tooltip::always_open(ui.ctx().clone(), ui.layer_id(), response.id.with("drag"), egui::PopupAnchor::Pointer)
        .accessible_name("Moving to")
        .show(|ui| ui.add(egui::Label::new(text).extend()));
    ui.ctx().request_repaint();
}
