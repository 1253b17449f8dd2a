//! The timeline widget: turns pointer and keyboard input into view changes and selections,
//! builds the scene for the current view and paints it.

use egui::{Align, Key, Layout, Rect, Sense, Ui, UiBuilder, WidgetInfo, accesskit::Role, pos2};
use serde::{Deserialize, Serialize};

use super::paint::paint_scene;
use crate::layout::Visibility;
use crate::layout::axis::{AxisMapping, TimeView};
use crate::layout::rows::{clamp_scroll, head_height, lane_rows, scroll_to_lane};
use crate::scene::compose::{window, window_canvas};
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
}

/// What the widget asks the app to do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimelineCommand {
    Select(Option<u32>),
    SelectPrevious,
    SelectNext,
}

impl ViewState {
    /// Moves the view to `to`, animated.
    pub fn animate_to(&mut self, to: TimeView) {
        self.pending_target = Some(to);
    }

    /// Fits every dated event.
    pub fn fit_all(&mut self, data: &Loaded) {
        if let Some((a, b)) = data.lanes.extent {
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

    // Input first, so the frame shows its result.
    handle_input(ui, &response, canvas, frame, state, &mut commands);
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
        ..SceneOptions::window(palette, canvas)
    };
    let scene = window(&data.doc, &data.lanes, &mapping, rect, &options);
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
        let r = ui.interact(hit, response.id.with(event), Sense::click());
        r.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        if r.hovered() {
            hovered = Some(event);
        }
        if r.clicked() {
            commands.push(TimelineCommand::Select(Some(event)));
        }
        r.on_hover_text_at_pointer(label);
    }
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
    commands
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
        state.fit_all(data);
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
                state.fit_all(data);
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
