//! The timeline widget: turns pointer and keyboard input into view changes and selections,
//! builds the scene for the current view and paints it.

use egui::{Align, CursorIcon, Key, Layout, Rect, Sense, Ui, UiBuilder, WidgetInfo, accesskit::Role, pos2};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::paint::paint_scene;
use crate::layout::Visibility;
use crate::layout::axis::{AxisMapping, TimeView};
use crate::layout::overview::{Grip, Overview, centred_at, dragged, grip_at as strip_grip_at, window_x};
use crate::layout::rows::{clamp_scroll, head_height, lane_rows, scroll_to_lane};
use crate::model::date::{Edtf, Endpoint};
use crate::model::shift::{Part, shift};
use crate::scene::build::{BAR_HEIGHT, BAR_TOP};
use crate::scene::compose::{window, window_canvas, window_overview};
use crate::scene::overview::strip_mapping;
use crate::scene::{Palette, SceneOptions, Target};
use crate::session::Loaded;
use crate::session::search::SearchResults;

const ANIMATION_SECONDS: f64 = 0.35;
/// Zoom per point of mouse-wheel scroll.
const WHEEL_ZOOM: f32 = 0.0025;
const KEY_ZOOM: f64 = 1.5;

/// An animated move from one view to another.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Animation {
    from: TimeView,
    to: TimeView,
    started: f64,
}

/// What the timeline shows and how the user is moving it. Only the view is saved.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    pub view: TimeView,
    #[serde(skip)]
    pub scroll_y: f32,
    #[serde(skip)]
    animation: Option<Animation>,
    #[serde(skip)]
    pub hovered: Option<u32>,
    /// Set when a move should start on the next frame (it needs the frame's clock).
    #[serde(skip)]
    pending_target: Option<TimeView>,
    /// The lane to bring into view vertically on the next frame.
    #[serde(skip)]
    pending_lane: Option<u32>,
    /// An event being dragged to another date.
    #[serde(skip)]
    drag: Option<EventDrag>,
    /// The overview strip held by the pointer: what it took, the view and x when it did.
    #[serde(skip)]
    overview_drag: Option<(Grip, TimeView, f32)>,
}

/// An event held by the pointer: where the drag began and the date it would get.
#[derive(Clone, Debug, PartialEq)]
struct EventDrag {
    event: u32,
    part: Part,
    from_x: f32,
    /// Where the event's bar stands on screen, for the preview.
    row: Rect,
    /// Its `when` as the drag began.
    when: String,
    /// What it would become if released now.
    to: Option<String>,
}

/// How near an interval's end (in points) a drag takes that end rather than the whole.
const END_GRIP: f32 = 6.0;

/// What the widget asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum TimelineCommand {
    Select(Option<u32>),
    /// Give the event this `when` (a drag ended).
    Move(u32, String),
    SelectPrevious,
    SelectNext,
}

impl ViewState {
    /// Moves the view to `to`, animated.
    pub fn animate_to(&mut self, to: TimeView) {
        self.pending_target = Some(to);
    }

    /// Fits every dated event the filter shows.
    pub fn fit_all(&mut self, data: &Loaded, visibility: &Visibility) {
        if let Some((a, b)) = visibility.extent(&data.lanes, data.doc.spans()) {
            self.animate_to(TimeView::fit(a, b, 0.05));
        }
    }

    /// Jumps to every dated event without animation (on opening a file).
    pub fn reset(&mut self, data: &Loaded) {
        self.view = data.lanes.extent.map_or_else(TimeView::default, |(a, b)| TimeView::fit(a, b, 0.05));
        self.scroll_y = 0.0;
        self.animation = None;
        self.pending_target = None;
    }

    /// Brings `event` into view, horizontally and vertically.
    pub fn reveal(&mut self, data: &Loaded, event: u32, width: f32) {
        let Some(span) = data.doc.span(event as usize) else { return };
        let mapping = AxisMapping::new(self.target_view(), 0.0, f64::from(width.max(100.0)));
        self.animate_to(mapping.reveal(span.start, span.end, 80.0));
        self.pending_lane = data.lanes.lane_of.get(event as usize).copied();
    }

    /// Centres the view on `event` (zooming out if it is wider than the view), as a search
    /// result is shown: the eye finds it in the middle.
    pub fn center_on(&mut self, data: &Loaded, event: u32) {
        let Some(span) = data.doc.span(event as usize) else { return };
        let current = self.target_view();
        let width = (span.end - span.start) * 1.3;
        let view_span = current.span.max(width);
        self.animate_to(TimeView { min: span.start.midpoint(span.end) - view_span / 2.0, span: view_span }.sanitized());
        self.pending_lane = data.lanes.lane_of.get(event as usize).copied();
    }

    /// Lets go of an event being dragged, leaving it where it was; false when none was.
    pub fn cancel_drag(&mut self) -> bool {
        self.drag.take().is_some()
    }

    fn target_view(&self) -> TimeView {
        self.pending_target.or(self.animation.map(|a| a.to)).unwrap_or(self.view)
    }

    /// Advances the animation; true while it runs.
    fn tick(&mut self, now: f64) -> bool {
        if let Some(to) = self.pending_target.take() {
            self.animation = Some(Animation { from: self.view, to, started: now });
        }
        let Some(a) = self.animation else { return false };
        let t = ((now - a.started) / ANIMATION_SECONDS).clamp(0.0, 1.0);
        let eased = 1.0 - (1.0 - t).powi(3);
        self.view = a.from.lerp(&a.to, eased);
        if t >= 1.0 {
            self.view = a.to;
            self.animation = None;
        }
        self.animation.is_some()
    }
}

/// What one frame of the timeline shows, besides its view.
pub struct TimelineFrame<'a> {
    pub data: &'a Loaded,
    pub visibility: &'a Visibility,
    pub matches: Option<&'a SearchResults>,
    pub selected: Option<u32>,
    pub palette: Palette,
    /// Whether the timeline may take keys (no text field or dialog has them).
    pub keyboard: bool,
    /// Proposed dates to show as ghost marks (the Proposals list is open).
    pub ghosts: Option<&'a [(crate::model::Day, crate::model::Day)]>,
    /// The overview of the whole timeline so many columns wide (the session keeps it).
    pub overview: &'a dyn Fn(usize) -> Option<Arc<Overview>>,
}

/// Draws the timeline filling `ui`'s remaining space.
pub fn timeline_ui(ui: &mut Ui, frame: &TimelineFrame, state: &mut ViewState) -> Vec<TimelineCommand> {
    let TimelineFrame { data, visibility, selected, palette, .. } = *frame;
    let mut commands = Vec::new();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, "Timeline"));
    let canvas = window_canvas(rect);
    let width = f64::from(canvas.width());
    let now = ui.input(|i| i.time);
    let strip = window_overview(rect);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a window's width
    let overview = (frame.overview)(strip.width().round().max(1.0) as usize);

    // Input first, so the frame shows its result.
    handle_input(ui, &response, canvas, frame, state, &mut commands);
    if let Some(o) = overview.as_deref() {
        overview_ui(ui, response.id, strip, o, state);
    }
    if state.tick(now) {
        ui.request_repaint();
    }

    // Vertical scroll stays within the lanes.
    let mapping = AxisMapping::new(state.view, f64::from(canvas.left()), width);
    let rows = lane_rows(&data.lanes, &mapping, false, None).len();
    let head = head_height(&data.doc);
    let lanes_area = canvas.height() - head;
    if let Some(lane) = state.pending_lane.take() {
        state.scroll_y = scroll_to_lane(state.scroll_y, lane, lanes_area);
    }
    state.scroll_y = clamp_scroll(state.scroll_y, rows, lanes_area);

    let options = SceneOptions {
        scroll_y: state.scroll_y,
        selected,
        hovered: state.hovered,
        visible: visibility.is_filtered().then_some(visibility),
        highlight: frame.matches.map(|m| m.mask.as_slice()),
        match_starts: frame.matches.map(|m| m.starts.as_slice()),
        ghosts: frame.ghosts,
        ..SceneOptions::window(palette, canvas)
    };
    let scene = window(&data.doc, &data.lanes, &mapping, rect, &options, overview.as_deref());
    paint_scene(&ui.painter_at(rect), &scene);

    // Each event drawn on its own is a widget: clickable, hoverable, and announced by screen
    // readers as "title, date".
    let mut hovered = None;
    for &(event, hit) in &scene.shown_events {
        let hit = hit.intersect(canvas);
        if !hit.is_positive() || hit.bottom() <= canvas.top() + head {
            continue;
        }
        let label = data.accessible_label(event);
        let r = ui.interact(hit, response.id.with(event), Sense::click_and_drag());
        r.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        if r.hovered() {
            hovered = Some(event);
        }
        if r.clicked() {
            commands.push(TimelineCommand::Select(Some(event)));
        }
        let grip = r.hover_pos().map_or(Part::Whole, |p| grip_at(data, event, &mapping, p.x));
        // Where the button went down, not where the pointer is once it has moved far enough to
        // count as a drag: a grip is taken where it was pressed.
        if r.drag_started()
            && let (Some(pos), Some(when)) =
                (ui.input(|i| i.pointer.press_origin()), data.doc.events()[event as usize].when.as_ref())
        {
            let part = grip_at(data, event, &mapping, pos.x);
            let bar_top = hit.top() + BAR_TOP;
            let row = Rect::from_x_y_ranges(canvas.x_range(), bar_top..=bar_top + BAR_HEIGHT);
            state.drag = Some(EventDrag { event, part, from_x: pos.x, row, when: when.to_string(), to: None });
        }
        if state.drag.is_none() {
            let icon = if grip == Part::Whole { CursorIcon::Grab } else { CursorIcon::ResizeHorizontal };
            r.on_hover_cursor(icon).on_hover_text_at_pointer(label);
        }
    }
    drag_ui(ui, &response, &mapping, state, &mut commands);
    for (i, (name, rect)) in scene.group_headers.iter().enumerate() {
        let rect = rect.intersect(canvas);
        if rect.is_positive() && rect.top() >= canvas.top() + head {
            let r = ui.interact(rect, response.id.with(("group", i)), Sense::hover());
            r.widget_info(|| WidgetInfo::labeled(Role::Heading, true, name));
        }
    }
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        match scene.hit(pos) {
            Some(Target::Event(e)) => commands.push(TimelineCommand::Select(Some(e))),
            Some(Target::Cluster { start, end, .. }) => state.animate_to(TimeView::fit(start, end, 0.2)),
            None => commands.push(TimelineCommand::Select(None)),
        }
    }
    if hovered != state.hovered {
        state.hovered = hovered;
        ui.request_repaint();
    }
    offscreen_ui(ui, canvas, &mapping, frame, &mut commands);
    if data.doc.events().is_empty() {
        let head = canvas.top() + crate::layout::rows::AXIS_HEIGHT;
        let area = Rect::from_min_max(pos2(canvas.left() + 24.0, head + 24.0), canvas.right_bottom());
        empty_ui(&mut ui.new_child(UiBuilder::new().max_rect(area)));
    }
    commands
}

/// An empty timeline says how to begin: a source added (or dropped), a passage of it made an
/// event; or an event made by hand.
fn empty_ui(ui: &mut Ui) {
    let key = |s| ui.ctx().format_shortcut(s);
    let (add_source, new_event, proposals) =
        (key(&super::shortcuts::ADD_SOURCE), key(&super::shortcuts::NEW_EVENT), key(&super::shortcuts::PROPOSALS));
    ui.set_max_width(560.0);
    ui.heading("This timeline has no events yet");
    ui.add_space(8.0);
    for line in [
        format!(
            "Begin with a source: File › Add Source… ({add_source}), or drop a document on the window \
             (PDF, Word, web page, e-mail or text)."
        ),
        format!(
            "Select a passage of its text and click New Event from Selection: the event cites it. \
             View › Proposed Dates ({proposals}) lists the dates read in it."
        ),
        format!("Or make an event yourself: Edit › New Event ({new_event})."),
    ] {
        ui.label(line);
        ui.add_space(4.0);
    }
}

/// Which part of `event` a drag from `x` takes: an interval's start or end when near it.
fn grip_at(data: &Loaded, event: u32, mapping: &AxisMapping, x: f32) -> Part {
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
fn drag_ui(
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

/// The overview strip: drag the view's window to pan, its edges to zoom, click elsewhere to go
/// there (animated); the pointer's column says what it holds.
fn overview_ui(ui: &Ui, id: egui::Id, rect: Rect, overview: &Overview, state: &mut ViewState) {
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
fn offscreen_ui(
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

/// Turns drags, wheel, pinch, double-clicks and keys into view changes and commands.
fn handle_input(
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
