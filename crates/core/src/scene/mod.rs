//! What a frame or an exported image shows: a list of shapes and text, built from layout, plus
//! the rectangles that answer clicks. Plain data; each painter (egui, SVG, PNG) reads it and
//! nothing else, so the window and the exported image match.

pub mod build;
pub mod compose;
pub mod footnotes;
mod label;
mod lane;
pub mod legend;
pub mod marks;
pub mod overview;
pub mod theme;

use ecolor::Color32;
use emath::{Pos2, Rect};

use crate::model::Day;
pub use build::{SceneOptions, build_timeline};
pub use theme::{Palette, Theme};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub color: Color32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// Left end of the baseline's line box top: the text's top-left corner.
    pub pos: Pos2,
    pub text: String,
    pub size: f32,
    pub bold: bool,
    pub color: Color32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        rect: Rect,
        radius: f32,
        fill: Color32,
        stroke: Option<Stroke>,
    },
    Line {
        from: Pos2,
        to: Pos2,
        stroke: Stroke,
    },
    /// A convex polygon (arrow heads, diamonds).
    Polygon {
        points: Vec<Pos2>,
        fill: Color32,
        stroke: Option<Stroke>,
    },
    Text(Text),
}

/// What a click on a part of the scene means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    Event(u32),
    /// Several events merged into one mark; a click zooms to them.
    Cluster {
        start: Day,
        end: Day,
        count: u32,
        /// Which lane's mark (marks in two lanes may hold the same span and count).
        lane: u32,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub rect: Rect,
    pub target: Target,
}

#[derive(Clone, Debug, Default)]
pub struct Scene {
    pub size: emath::Vec2,
    pub background: Color32,
    pub shapes: Vec<Shape>,
    pub hits: Vec<Hit>,
    /// Cluster marks, where a click zooms in; kept apart from `hits` because a dense frame has
    /// thousands.
    pub clusters: Vec<Hit>,
    /// Events drawn one by one (not merged), in drawing order; the window gives each an
    /// accessible node.
    pub shown_events: Vec<(u32, Rect)>,
    /// Events merged into clusters or density marks.
    pub merged_events: u64,
    /// Group headers drawn, with their rows: the window names them for screen readers.
    pub group_headers: Vec<(String, Rect)>,
}

impl Scene {
    /// Text at `pos`; a symbol font's private-use codes (a bullet copied from a PDF) drawn as
    /// the plain characters they stand for, which the fonts have.
    pub fn text(&mut self, pos: Pos2, text: impl Into<String>, size: f32, bold: bool, color: Color32) {
        let mut text = text.into();
        if let std::borrow::Cow::Owned(plain) = crate::model::fold::plain_symbols(&text) {
            text = plain;
        }
        self.shapes.push(Shape::Text(Text { pos, text, size, bold, color }));
    }

    pub fn rect(&mut self, rect: Rect, radius: f32, fill: Color32) {
        self.shapes.push(Shape::Rect { rect, radius, fill, stroke: None });
    }

    pub fn line(&mut self, from: Pos2, to: Pos2, width: f32, color: Color32) {
        self.shapes.push(Shape::Line { from, to, stroke: Stroke { width, color } });
    }

    /// The topmost target at `pos`.
    pub fn hit(&self, pos: Pos2) -> Option<Target> {
        let near = |h: &&Hit| h.rect.expand(2.0).contains(pos);
        self.hits
            .iter()
            .rev()
            .find(|h| h.rect.contains(pos))
            .or_else(|| self.clusters.iter().find(near))
            .map(|h| h.target)
    }
}
