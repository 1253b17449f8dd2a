//! The overview strip under the timeline (the whole extent, the view's window dragged or
//! clicked) and the counts of events beyond either edge of the view.

use egui::{Align, CursorIcon, Layout, Rect, Sense, Ui, UiBuilder, WidgetInfo, accesskit::Role, pos2};

use crate::layout::axis::AxisMapping;
use crate::layout::overview::{Grip, Overview, centred_at, dragged, grip_at as strip_grip_at, window_x};
use crate::scene::overview::strip_mapping;

use super::{TimelineCommand, TimelineFrame, ViewState};

/// The overview strip: drag the view's window to pan, its edges to zoom, click elsewhere to go
/// there (animated); the pointer's column says what it holds.
pub(super) fn overview_ui(ui: &Ui, id: egui::Id, rect: Rect, overview: &Overview, state: &mut ViewState) {
    let strip = strip_mapping(overview, rect);
    let r = ui.interact(rect, id.with("overview"), Sense::click_and_drag());
    r.widget_info(|| WidgetInfo::labeled(Role::ScrollBar, true, "Overview"));
    #[allow(clippy::cast_possible_truncation)] // on-screen positions, clamped
    let window = {
        let (a, b) = window_x(&strip, state.view);
        let (a, b) = (a.clamp(-1e6, 1e6) as f32, b.clamp(-1e6, 1e6) as f32);
        Rect::from_x_y_ranges(a.max(rect.left())..=b.min(rect.right()), rect.y_range())
    };
    if window.is_positive() {
        let w = ui.interact(window, id.with("overview window"), Sense::hover());
        w.widget_info(|| WidgetInfo::labeled(Role::Slider, true, "Shown part of the timeline"));
    }
    // What the pointer meets is the window as last drawn.
    let shown = state.view;
    let grip = |x: f32| strip_grip_at(&strip, shown, f64::from(x));
    if r.drag_started()
        && let Some(origin) = ui.input(|i| i.pointer.press_origin())
    {
        let mut start = state.target_view();
        let mut took = grip(origin.x);
        // Pressed beside the window: it comes under the pointer, and the drag carries it on.
        if took == Grip::Outside {
            start = centred_at(&strip, start, f64::from(origin.x));
            took = Grip::Window;
        }
        state.overview_drag = Some((took, start, origin.x));
    }
    if let Some((took, start, from_x)) = state.overview_drag {
        if let Some(p) = ui.input(|i| i.pointer.latest_pos()) {
            state.view = dragged(&strip, start, took, f64::from(p.x - from_x));
            state.animation = None;
            state.pending_target = None;
        }
        if !r.dragged() {
            state.overview_drag = None;
        }
    }
    if r.clicked()
        && let Some(p) = r.interact_pointer_pos()
        && grip(p.x) == Grip::Outside
    {
        state.animate_to(centred_at(&strip, state.target_view(), f64::from(p.x)));
    }
    let took = state.overview_drag.map(|d| d.0).or_else(|| r.hover_pos().map(|p| grip(p.x)));
    match took {
        Some(Grip::Start | Grip::End) => ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal),
        Some(Grip::Window) if state.overview_drag.is_some() => ui.ctx().set_cursor_icon(CursorIcon::Grabbing),
        Some(Grip::Window) => ui.ctx().set_cursor_icon(CursorIcon::Grab),
        _ => {}
    }
    if state.overview_drag.is_none()
        && let Some(p) = r.hover_pos()
    {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a column on screen
        let c = ((p.x - rect.left()) / rect.width() * overview.columns() as f32).max(0.0) as usize;
        let (t0, t1) = overview.column_bounds(c.min(overview.columns().saturating_sub(1)));
        let n = overview.counts.get(c).copied().unwrap_or(0);
        let text = format!(
            "{} · {} event{}",
            crate::layout::ticks::period_label(t0, t1),
            crate::model::date::group_thousands(u64::from(n)),
            if n == 1 { "" } else { "s" }
        );
        r.on_hover_text_at_pointer(text);
    }
}

/// At each edge, a button saying how many shown events lie beyond it; a click selects the
/// nearest (and so brings it into view).
pub(super) fn offscreen_ui(
    ui: &mut Ui,
    canvas: Rect,
    mapping: &AxisMapping,
    frame: &TimelineFrame,
    commands: &mut Vec<TimelineCommand>,
) {
    let beyond =
        frame.visibility.beyond(&frame.data.lanes, frame.data.doc.spans(), mapping.view.min, mapping.view.max());
    // At the bottom corners, where group headers and labels (top left) are not.
    let strip = Rect::from_min_max(
        pos2(canvas.left() + 4.0, canvas.bottom() - 26.0),
        pos2(canvas.right() - 4.0, canvas.bottom() - 2.0),
    );
    let count = |n: usize| crate::model::date::group_thousands(n as u64);
    for (n, nearest, text, layout) in [
        (
            beyond.before,
            beyond.nearest_before,
            format!("◀ {} earlier", count(beyond.before)),
            Layout::left_to_right(Align::Min),
        ),
        (
            beyond.after,
            beyond.nearest_after,
            format!("{} later ▶", count(beyond.after)),
            Layout::right_to_left(Align::Min),
        ),
    ] {
        if n == 0 {
            continue;
        }
        let mut child = ui.new_child(UiBuilder::new().max_rect(strip).layout(layout));
        let r = child.add(egui::Button::new(egui::RichText::new(text).size(12.0)).small());
        if r.on_hover_text("Events beyond this edge of the view: click to go to the nearest").clicked() {
            commands.push(TimelineCommand::Select(nearest));
        }
    }
}
