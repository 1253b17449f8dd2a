//! The one place that composes whole pictures from layout: the window's timeline (axis, eras,
//! groups, lanes, legend) and an exported image (the same, with a title, a subtitle and
//! footnotes). Painters only read what comes out.

use emath::{Rect, pos2, vec2};

use super::footnotes::{FootnoteLayout, footnotes as footnote_entries};
use super::legend::{legend, legend_height};
use super::overview::overview as draw_overview;
use super::{Palette, Scene, SceneOptions, Theme, build_timeline};
use crate::layout::axis::{AxisMapping, TimeView};
use crate::layout::lanes::Lanes;
use crate::layout::overview::{OVERVIEW_HEIGHT, Overview};
use crate::layout::rows::{AXIS_HEIGHT, LANE_HEIGHT, head_height, lane_rows, lanes_height};
use crate::layout::text::TextMeasure;
use crate::layout::visibility::Visibility;
use crate::model::date::group_thousands;
use crate::model::{Day, Document};

pub const DEFAULT_WIDTH: u32 = 1920;
const MARGIN: f32 = 28.0;
const TITLE_SIZE: f32 = 22.0;
const SUBTITLE_SIZE: f32 = 13.0;

/// Where the window's timeline goes in `rect`: all but the overview strip and the legend band
/// at the bottom.
pub fn window_canvas(rect: Rect) -> Rect {
    let strip = window_overview(rect);
    Rect::from_min_max(rect.min, pos2(rect.right(), strip.top()))
}

/// Where the window's overview strip goes in `rect`: just above the legend.
pub fn window_overview(rect: Rect) -> Rect {
    let bottom = rect.bottom() - legend_height(rect.width() - 16.0) - 10.0;
    Rect::from_min_max(pos2(rect.left(), (bottom - OVERVIEW_HEIGHT).max(rect.top())), pos2(rect.right(), bottom))
}

/// The window's picture in `rect`: the timeline on `options.canvas` (see [`window_canvas`]),
/// a word when nothing is dated (an empty timeline says how to begin in the window's own
/// words, not here), the overview strip and the legend below.
pub fn window(
    doc: &Document,
    lanes: &Lanes,
    mapping: &AxisMapping,
    rect: Rect,
    options: &SceneOptions,
    overview: Option<&Overview>,
) -> Scene {
    let palette = options.palette;
    let canvas = options.canvas;
    let mut scene = Scene { size: rect.size(), background: palette.background, ..Scene::default() };
    scene.rect(rect, 0.0, palette.background);
    build_timeline(doc, lanes, mapping, options, &mut scene);
    if lanes.extent.is_none() && !doc.events().is_empty() {
        scene.text(
            pos2(canvas.left() + 16.0, canvas.top() + AXIS_HEIGHT + 16.0),
            "No dated events: undated ones are listed in the side panel.",
            14.0,
            false,
            palette.text_muted,
        );
    }
    let strip = window_overview(rect);
    match overview {
        Some(o) => draw_overview(&mut scene, strip, o, mapping.view, &palette),
        None => scene.rect(strip, 0.0, palette.axis_band),
    }
    let legend_rect = Rect::from_min_max(pos2(rect.left(), strip.bottom()), rect.max);
    scene.rect(legend_rect, 0.0, palette.axis_band);
    scene.line(legend_rect.left_top(), legend_rect.right_top(), 1.0, palette.grid_major);
    legend(&mut scene, pos2(rect.left() + 8.0, strip.bottom() + 5.0), rect.width() - 16.0, &palette);
    scene
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Extent {
    /// Every dated event fitted.
    Whole,
    /// A view as the window shows it.
    View(TimeView),
    /// `[start, end)`; events outside are left out.
    Range(Day, Day),
}

/// What an exported image shows.
#[derive(Clone, Debug)]
pub struct ImageOptions {
    /// Width in logical pixels; the image is `width × scale` pixels wide.
    pub width: u32,
    pub scale: f32,
    pub extent: Extent,
    pub theme: Theme,
    pub footnotes: bool,
    /// With `footnotes`, number the events but leave the notes out: a report lists them in
    /// its own table.
    pub numbers_only: bool,
    /// Show the whole timeline in a strip under it, with the image's part marked.
    pub overview: bool,
    /// Events to include (filters); `None` includes all.
    pub visible: Option<Vec<bool>>,
    /// The title and the subtitle above the timeline; a report, which has its own title, leaves
    /// them out.
    pub heading: bool,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self {
            width: DEFAULT_WIDTH,
            scale: 1.0,
            extent: Extent::Whole,
            theme: Theme::Light,
            footnotes: false,
            numbers_only: false,
            overview: false,
            visible: None,
            heading: true,
        }
    }
}

impl ImageOptions {
    /// Whether the size asked for can be made.
    pub fn check(&self) -> Result<(), String> {
        if !(16..=32_768).contains(&self.width) {
            return Err(format!("the width must be between 16 and 32768 pixels, not {}", self.width));
        }
        if !(self.scale.is_finite() && (0.25..=8.0).contains(&self.scale)) {
            return Err(format!("the scale must be between 0.25 and 8, not {}", self.scale));
        }
        Ok(())
    }
}

impl ImageOptions {
    /// The view the image shows: the whole is the span of the events the filter shows,
    /// `whole`.
    fn view(&self, whole: Option<(Day, Day)>) -> TimeView {
        match self.extent {
            Extent::Whole => whole.map_or_else(TimeView::default, |(a, b)| TimeView::fit(a, b, 0.03)),
            Extent::View(v) => v,
            Extent::Range(a, b) => TimeView { min: a, span: b - a }.sanitized(),
        }
    }

    /// The events to include: the filter's, less those outside a range.
    fn mask(&self, doc: &Document) -> Option<Vec<bool>> {
        let mut visible = self.visible.clone();
        if let Extent::Range(a, b) = self.extent {
            let v = visible.get_or_insert_with(|| vec![true; doc.events().len()]);
            for (i, shown) in v.iter_mut().enumerate() {
                *shown &= doc.span(i).is_some_and(|s| s.end > a && s.start < b);
            }
        }
        visible
    }
}

/// Footnote numbers for the events `shown` (in order, from 1) and their notes laid out `width`
/// wide; none without footnotes.
fn footnotes(doc: &Document, shown: &[u32], wanted: bool, width: f32) -> (Option<Vec<u32>>, FootnoteLayout) {
    if !wanted {
        return (None, FootnoteLayout::new(&[], width));
    }
    let mut numbers = vec![0_u32; doc.events().len()];
    let numbered: Vec<(u32, u32)> =
        shown.iter().enumerate().map(|(k, &e)| (u32::try_from(k + 1).unwrap_or(u32::MAX), e)).collect();
    for &(n, e) in &numbered {
        numbers[e as usize] = n;
    }
    (Some(numbers), FootnoteLayout::new(&footnote_entries(doc, &numbered), width))
}

/// The whole picture of an exported image: title, subtitle, the timeline (axis, eras, groups,
/// lanes), the legend and the footnotes.
#[allow(clippy::cast_precision_loss)] // widths and counts are small
pub fn image(doc: &Document, lanes: &Lanes, o: &ImageOptions) -> Scene {
    let width = o.width as f32;
    let palette = o.theme.palette();
    // The strip shows the whole timeline through the filter; a range only marks its window.
    let filtered = o.visible.clone().map(|mask| Visibility::new(mask, lanes));
    let whole = filtered.as_ref().map_or(lanes.extent, |f| f.extent(lanes, doc.spans()));
    let view = o.view(whole);
    let visible = o.mask(doc);
    let inner = width - 2.0 * MARGIN;
    let mapping = AxisMapping::new(view, f64::from(MARGIN), f64::from(inner));
    let visibility = visible.map(|mask| Visibility::new(mask, lanes));
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // an image's width
    let overview = o
        .overview
        .then(|| Overview::new(lanes, doc.spans(), filtered.as_ref(), None, inner.round().max(1.0) as usize))
        .flatten();
    let rows = lane_rows(lanes, &mapping, true, visibility.as_ref()).len();

    let shown = in_view(doc, lanes, visibility.as_ref(), view);
    let (numbers, mut notes) = footnotes(doc, &shown, o.footnotes, inner);
    if o.numbers_only {
        notes = FootnoteLayout::new(&[], inner);
    }

    let header = if o.heading { MARGIN + TITLE_SIZE * 1.4 + SUBTITLE_SIZE * 1.5 + 10.0 } else { MARGIN };
    let timeline_height = head_height(doc) + lanes_height(rows) + if rows == 0 { LANE_HEIGHT } else { 0.0 };
    let strip_top = header + timeline_height + 14.0;
    let legend_top = strip_top + overview.as_ref().map_or(0.0, |_| OVERVIEW_HEIGHT + 14.0);
    let legend_h = legend_height(inner);
    let notes_top = legend_top + legend_h + 16.0;
    let notes_h = if notes.is_empty() { 0.0 } else { notes.height() + 8.0 };
    let height = (notes_top + notes_h + MARGIN - 16.0).ceil();

    let mut scene = Scene { size: vec2(width, height), background: palette.background, ..Scene::default() };
    if o.heading {
        let (from, to) = match o.extent {
            Extent::Whole => whole.unwrap_or((view.min, view.max())),
            Extent::Range(a, b) => (a, b),
            Extent::View(v) => (v.min, v.max()),
        };
        heading(&mut scene, doc, inner, &subtitle(doc, &shown, from, to), &palette);
    }

    let canvas = Rect::from_min_max(pos2(MARGIN, header), pos2(width - MARGIN, header + timeline_height));
    // An image stops at its canvas and leaves out the lanes with nothing in view.
    let options = SceneOptions {
        compact_lanes: true,
        overdraw: 0.0,
        numbers: numbers.as_deref(),
        visible: visibility.as_ref(),
        ..SceneOptions::window(palette, canvas)
    };
    build_timeline(doc, lanes, &mapping, &options, &mut scene);
    if rows == 0 {
        scene.text(
            pos2(MARGIN, header + head_height(doc) + 12.0),
            "No dated event in this range.",
            13.0,
            false,
            palette.text_muted,
        );
    }
    if let Some(o) = &overview {
        let strip = Rect::from_min_size(pos2(MARGIN, strip_top), vec2(inner, OVERVIEW_HEIGHT));
        draw_overview(&mut scene, strip, o, view, &palette);
    }
    legend(&mut scene, pos2(MARGIN, legend_top), inner, &palette);
    if !notes.is_empty() {
        scene.line(pos2(MARGIN, notes_top - 8.0), pos2(MARGIN + 120.0, notes_top - 8.0), 1.0, palette.grid_major);
        notes.draw(&mut scene, MARGIN, notes_top, &palette);
    }
    // Hit areas mean nothing in an image.
    scene.hits = Vec::new();
    scene.clusters = Vec::new();
    scene
}

/// The events in `view` that `visibility` lets through, in chronological order (numbered so
/// for footnotes).
fn in_view(doc: &Document, lanes: &Lanes, visibility: Option<&Visibility>, view: TimeView) -> Vec<u32> {
    let shown = |i: usize| {
        visibility.is_none_or(|v| v.shown(u32::try_from(i).unwrap_or(u32::MAX)))
            && doc.span(i).is_some_and(|s| s.end > view.min && s.start < view.max())
    };
    lanes.chronological.iter().copied().filter(|&i| shown(i as usize)).collect()
}

/// The image's title (cut to `width`) and its `subtitle` below it.
fn heading(scene: &mut Scene, doc: &Document, width: f32, subtitle: &str, palette: &Palette) {
    let title = TextMeasure::get()
        .fit(&doc.timeline().title, TITLE_SIZE, true, width)
        .map_or_else(|| doc.timeline().title.clone(), std::borrow::Cow::into_owned);
    scene.text(pos2(MARGIN, MARGIN), title, TITLE_SIZE, true, palette.text);
    scene.text(pos2(MARGIN, MARGIN + TITLE_SIZE * 1.4), subtitle, SUBTITLE_SIZE, false, palette.text_muted);
}

/// "2011 – 2019 · 6 events shown · every event cites its source".
fn subtitle(doc: &Document, shown: &[u32], from: Day, to: Day) -> String {
    let uncited =
        shown.iter().filter(|&&e| doc.events().get(e as usize).is_some_and(|ev| ev.citations.is_empty())).count();
    let sourcing = match uncited {
        0 => "every event cites its source".to_owned(),
        n if n == shown.len() => "no event cites a source".to_owned(),
        n => format!(
            "{} of them cite{} a source",
            group_thousands((shown.len() - n) as u64),
            if shown.len() - n == 1 { "s" } else { "" }
        ),
    };
    format!(
        "{} · {} event{} shown · {sourcing}",
        crate::layout::ticks::period_label(from, to),
        group_thousands(shown.len() as u64),
        if shown.len() == 1 { "" } else { "s" }
    )
}
