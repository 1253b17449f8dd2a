//! Pointer and keyboard input turned into view changes: pan, zoom, keys, selection.

use egui::{Key, Rect, Ui};

use crate::layout::axis::{AxisMapping, TimeView};

use super::{KEY_ZOOM, TimelineCommand, TimelineFrame, ViewState, WHEEL_ZOOM};

/// Turns drags, wheel, pinch, double-clicks and keys into view changes and commands.
pub(super) fn handle_input(
    ui: &Ui,
    response: &egui::Response,
    canvas: Rect,
    frame: &TimelineFrame,
    state: &mut ViewState,
    commands: &mut Vec<TimelineCommand>,
) {
    let data = frame.data;
    let width = f64::from(canvas.width());
    let mapping = AxisMapping::new(state.view, f64::from(canvas.left()), width);
    if response.dragged() {
        let d = response.drag_delta();
        state.view = mapping.pan(f64::from(d.x));
        state.scroll_y -= d.y;
        state.animation = None;
    }
    if ui.rect_contains_pointer(canvas) {
        let (scroll, zoom, pointer) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        let x = f64::from(pointer.map_or(canvas.center().x, |p| p.x));
        let mut factor = f64::from(zoom);
        if scroll.y != 0.0 {
            factor *= f64::from((scroll.y * WHEEL_ZOOM).exp());
        }
        if (factor - 1.0).abs() > 1e-6 || scroll.x != 0.0 {
            let mapping = AxisMapping::new(state.view, f64::from(canvas.left()), width);
            let zoomed = mapping.zoom_at(x, factor);
            state.view = AxisMapping::new(zoomed, f64::from(canvas.left()), width).pan(f64::from(scroll.x));
            state.animation = None;
        }
    }
    if response.double_clicked() {
        state.fit_all(data, frame.visibility);
    }
    if frame.keyboard {
        // Enter zooms to the selection, unless a focused button takes it as a click.
        let nothing_focused = ui.memory(|m| m.focused().is_none());
        if nothing_focused
            && ui.input(|i| i.key_pressed(Key::Enter))
            && let Some(span) = frame.selected.and_then(|e| data.doc.span(e as usize))
        {
            state.animate_to(TimeView::fit(span.start, span.end, 0.5));
            state.pending_lane = data.lanes.lane_of.get(frame.selected.unwrap_or_default() as usize).copied();
        }
        ui.input(|i| {
            if i.key_pressed(Key::Home) {
                state.fit_all(data, frame.visibility);
            }
            let center = f64::from(canvas.center().x);
            let m = AxisMapping::new(state.target_view(), f64::from(canvas.left()), width);
            if i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals) {
                state.animate_to(m.zoom_at(center, KEY_ZOOM));
            }
            if i.key_pressed(Key::Minus) {
                state.animate_to(m.zoom_at(center, 1.0 / KEY_ZOOM));
            }
            if i.key_pressed(Key::ArrowRight) {
                commands.push(TimelineCommand::SelectNext);
            }
            if i.key_pressed(Key::ArrowLeft) {
                commands.push(TimelineCommand::SelectPrevious);
            }
        });
    }
}
