//! The timeline widget: turns pointer and keyboard input into view changes and selections,
//! builds the scene for the current view and paints it.

use egui::{CursorIcon, Rect, Sense, Ui, UiBuilder, WidgetInfo, accesskit::Role, pos2};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::paint::paint_scene;

mod drag;
mod input;
mod overview;

use crate::layout::Visibility;
use crate::layout::axis::{AxisMapping, TimeView};
use crate::layout::overview::{Grip, Overview};
use crate::layout::rows::{clamp_scroll, head_height, lane_rows, scroll_to_lane};
use crate::model::shift::Part;
use crate::scene::build::{BAR_HEIGHT, BAR_TOP};
use crate::scene::compose::{window, window_canvas, window_overview};
use crate::scene::{Palette, SceneOptions, Target};
use crate::session::Loaded;
use crate::session::search::SearchResults;
use drag::{EventDrag, drag_ui, grip_at};
use input::handle_input;
use overview::{offscreen_ui, overview_ui};

/// What the widget asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum TimelineCommand {
    Select(Option<u32>),
    /// Give the event this `when` (a drag ended).
    Move(u32, String),
    SelectPrevious,
    SelectNext,
}

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
pub(crate) struct ViewState {
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
    /// The keyboard goes to the events on the next frame: to the selected one when it is drawn,
    /// else to the first drawn (F6).
    #[serde(skip)]
    focus_events: bool,
    /// The event whose widget had the keyboard last frame, and the selection then: the
    /// keyboard follows the selection that ← and → move.
    #[serde(skip)]
    focused_event: Option<(egui::Id, Option<u32>)>,
}

impl ViewState {
    /// Gives the keyboard to the events on the timeline on the next frame, so that Tab goes
    /// from event to event without first going through every control of the side panels.
    pub(crate) fn focus_events(&mut self) {
        self.focus_events = true;
    }

    /// Whether an event on the timeline has the keyboard (its keys, ← → Home + −, are the
    /// timeline's then, not egui's moves between widgets).
    pub(crate) fn event_has_keyboard(&self, ctx: &egui::Context) -> bool {
        self.focused_event.is_some_and(|(id, _)| ctx.memory(|m| m.has_focus(id)))
    }

    /// Moves the view to `to`, animated.
    pub(crate) fn animate_to(&mut self, to: TimeView) {
        self.pending_target = Some(to);
    }

    /// Fits every dated event the filter shows.
    pub fn fit_all(&mut self, data: &Loaded, visibility: &Visibility) {
        if let Some((a, b)) = visibility.extent(&data.lanes, data.doc.spans()) {
            self.animate_to(TimeView::fit(a, b, 0.05));
        }
    }

    /// Jumps to every dated event without animation (on opening a file).
    pub(crate) fn reset(&mut self, data: &Loaded) {
        self.view = data.lanes.extent.map_or_else(TimeView::default, |(a, b)| TimeView::fit(a, b, 0.05));
        self.scroll_y = 0.0;
        self.animation = None;
        self.pending_target = None;
    }

    /// Brings `event` into view, horizontally and vertically.
    pub(crate) fn reveal(&mut self, data: &Loaded, event: u32, width: f32) {
        let Some(span) = data.doc.span(event as usize) else { return };
        let mapping = AxisMapping::new(self.target_view(), 0.0, f64::from(width.max(100.0)));
        self.animate_to(mapping.reveal(span.start, span.end, 80.0));
        self.pending_lane = data.lanes.lane_of.get(event as usize).copied();
    }

    /// Centres the view on `event` (zooming out if it is wider than the view), as a search
    /// result is shown: the eye finds it in the middle.
    pub(crate) fn center_on(&mut self, data: &Loaded, event: u32) {
        let Some(span) = data.doc.span(event as usize) else { return };
        let current = self.target_view();
        let width = (span.end - span.start) * 1.3;
        let view_span = current.span.max(width);
        self.animate_to(TimeView { min: span.start.midpoint(span.end) - view_span / 2.0, span: view_span }.sanitized());
        self.pending_lane = data.lanes.lane_of.get(event as usize).copied();
    }

    /// Lets go of an event being dragged, leaving it where it was; false when none was.
    pub(crate) fn cancel_drag(&mut self) -> bool {
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
pub(crate) struct TimelineFrame<'a> {
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
pub(crate) fn timeline_ui(ui: &mut Ui, frame: &TimelineFrame, state: &mut ViewState) -> Vec<TimelineCommand> {
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

    let place = Place { id: response.id, canvas, head, mapping: &mapping };
    let hovered = event_widgets(ui, &place, frame, &scene, state, &mut commands);
    drag_ui(ui, &response, &mapping, state, &mut commands);
    group_header_widgets(ui, &place, &scene);
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
        empty_ui(&mut ui.new_child(UiBuilder::new().max_rect(area)), data.doc.timeline().sources.len());
    }
    commands
}

/// Where the timeline stands in the window this frame: its widget's id, its canvas, the height
/// of its head (axis and eras), and the mapping of time to x.
#[derive(Clone, Copy)]
struct Place<'a> {
    id: egui::Id,
    canvas: Rect,
    head: f32,
    mapping: &'a AxisMapping,
}

/// Each event drawn on its own is a widget: clickable, draggable by its grips, hoverable, and
/// announced by screen readers as "title, date". Returns the event hovered.
fn event_widgets(
    ui: &Ui,
    place: &Place,
    frame: &TimelineFrame,
    scene: &crate::scene::Scene,
    state: &mut ViewState,
    commands: &mut Vec<TimelineCommand>,
) -> Option<u32> {
    let TimelineFrame { data, .. } = *frame;
    let Place { id, canvas, head, mapping } = *place;
    let mut hovered = None;
    let mut focused = None;
    // ← and → moved the selection while an event had the keyboard: the keyboard goes along.
    let follow = state.focused_event.is_some_and(|(id, was)| was != frame.selected && ui.memory(|m| m.has_focus(id)));
    let asked = std::mem::take(&mut state.focus_events);
    if asked || follow {
        let drawn = |e: u32| scene.shown_events.iter().any(|&(s, _)| s == e);
        let first = scene.shown_events.iter().min_by(|a, b| a.1.left().total_cmp(&b.1.left())).map(|&(e, _)| e);
        let selected = frame.selected.filter(|&e| drawn(e));
        if let Some(event) = if asked { selected.or(first) } else { selected } {
            ui.memory_mut(|m| m.request_focus(id.with(event)));
        }
    }
    for &(event, hit) in &scene.shown_events {
        let hit = hit.intersect(canvas);
        if !hit.is_positive() || hit.bottom() <= canvas.top() + head {
            continue;
        }
        let label = data.accessible_label(event);
        let r = ui.interact(hit, id.with(event), Sense::click_and_drag());
        r.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        if r.has_focus() {
            // The arrows select events, not move to the widget beside; Tab and Esc as usual.
            let filter = egui::EventFilter { horizontal_arrows: true, ..Default::default() };
            ui.memory_mut(|m| m.set_focus_lock_filter(r.id, filter));
            focused = Some((r.id, frame.selected));
            let ring = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
            ui.painter_at(canvas).rect_stroke(hit.expand(3.0), 3.0, ring, egui::StrokeKind::Outside);
        }
        if r.hovered() {
            hovered = Some(event);
        }
        if r.clicked() {
            commands.push(TimelineCommand::Select(Some(event)));
        }
        let grip = r.hover_pos().map_or(Part::Whole, |p| grip_at(data, event, mapping, p.x));
        // Where the button went down, not where the pointer is once it has moved far enough to
        // count as a drag: a grip is taken where it was pressed.
        if r.drag_started()
            && let (Some(pos), Some(when)) =
                (ui.input(|i| i.pointer.press_origin()), data.doc.events()[event as usize].when.as_ref())
        {
            let part = grip_at(data, event, mapping, pos.x);
            let bar_top = hit.top() + BAR_TOP;
            let row = Rect::from_x_y_ranges(canvas.x_range(), bar_top..=bar_top + BAR_HEIGHT);
            state.drag = Some(EventDrag { event, part, from_x: pos.x, row, when: when.to_string(), to: None });
        }
        if state.drag.is_none() {
            let icon = if grip == Part::Whole { CursorIcon::Grab } else { CursorIcon::ResizeHorizontal };
            r.on_hover_cursor(icon).on_hover_text_at_pointer(label);
        }
    }
    state.focused_event = focused;
    hovered
}

/// Each lane group's header, for screen readers.
fn group_header_widgets(ui: &Ui, place: &Place, scene: &crate::scene::Scene) {
    for (i, (name, rect)) in scene.group_headers.iter().enumerate() {
        let rect = rect.intersect(place.canvas);
        if rect.is_positive() && rect.top() >= place.canvas.top() + place.head {
            let r = ui.interact(rect, place.id.with(("group", i)), Sense::hover());
            r.widget_info(|| WidgetInfo::labeled(Role::Heading, true, name));
        }
    }
}

/// An empty timeline says how to begin: a source added (or dropped), a passage of it made an
/// event; or an event made by hand. Once it has `sources`, the first step is done and not asked.
fn empty_ui(ui: &mut Ui, sources: usize) {
    let key = |s| ui.ctx().format_shortcut(s);
    let (add_source, new_event, proposals) =
        (key(&super::shortcuts::ADD_SOURCE), key(&super::shortcuts::NEW_EVENT), key(&super::shortcuts::PROPOSALS));
    ui.set_max_width(560.0);
    ui.heading("This timeline has no events yet");
    ui.add_space(8.0);
    let first = match sources {
        0 => format!(
            "Begin with a source: File › Add Source… ({add_source}), or drop a document on the window \
             (PDF, Word, web page, e-mail or text)."
        ),
        1 => format!("It has a source; add more with File › Add Source… ({add_source}) or by dropping them."),
        n => format!("It has {n} sources; add more with File › Add Source… ({add_source}) or by dropping them."),
    };
    let from = if sources == 0 { "its text" } else { "a source's text" };
    for line in [
        first,
        format!(
            "Select a passage of {from} and click New Event from Selection: the event cites it. \
             View › Proposed Dates ({proposals}) lists the dates read in it."
        ),
        format!("Or make an event yourself: Edit › New Event ({new_event})."),
    ] {
        ui.label(line);
        ui.add_space(4.0);
    }
}
