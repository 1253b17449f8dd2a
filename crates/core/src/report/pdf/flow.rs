//! The report's content flowed into pages: paragraphs, headings, the picture and the sources
//! list, each line placed; footnotes kept at the foot of the page their mark is on, the room
//! they take kept from the content.

use std::num::NonZeroU16;
use std::ops::Range;

use ecolor::Color32;
use krilla::tagging::{Tag, TagKind};

use crate::layout::text::TextMeasure;
use crate::scene::Scene;

pub(super) const MARGIN_X: f32 = 54.0;
pub(super) const MARGIN_TOP: f32 = 62.0;
pub(super) const MARGIN_BOTTOM: f32 = 58.0;
pub(super) const BODY: f32 = 10.0;
pub(super) const SMALL: f32 = 8.5;
pub(super) const TABLE: f32 = 8.5;
/// Footnotes' size.
pub(super) const FOOT: f32 = 7.5;
/// Above a page's footnotes: the space, with the short rule in it.
pub(super) const FOOT_RULE: f32 = 9.0;
pub(super) const LEADING: f32 = 1.32;
pub(super) const PAD: f32 = 4.0;
/// Blank space kept at the right of each cell but the last, beyond its padding.
pub(super) const GUTTER: f32 = 10.0;

pub(super) const TEXT: Color32 = Color32::from_rgb(0x1f, 0x23, 0x28);
pub(super) const MUTED: Color32 = Color32::from_rgb(0x5a, 0x62, 0x6b);
pub(super) const RULE: Color32 = Color32::from_rgb(0xc8, 0xcd, 0xd2);
pub(super) const HEAD_FILL: Color32 = Color32::from_rgb(0xee, 0xf0, 0xf3);
pub(super) const WARN: Color32 = Color32::from_rgb(0x9a, 0x3b, 0x12);

/// A piece of the logical structure: a tagged group, or the content drawn for leaf `n`.
pub(super) enum Node {
    Group(TagKind, Vec<Node>),
    Leaf(usize),
}

/// One line of text placed on a page; `leaf` is `None` for an artifact (page furniture, a
/// repeated table header).
pub(super) struct Line {
    pub(super) x: f32,
    pub(super) top: f32,
    pub(super) text: String,
    pub(super) size: f32,
    pub(super) bold: bool,
    pub(super) color: Color32,
    pub(super) lang: Option<String>,
    pub(super) leaf: Option<usize>,
    /// The parts of `text` in italics (byte ranges), drawn slanted.
    pub(super) italic: Vec<Range<usize>>,
}

/// A rule drawn on a page: from, to, width.
pub(super) type Rule = ((f32, f32), (f32, f32), f32);

#[derive(Default)]
pub(super) struct Page {
    pub(super) lines: Vec<Line>,
    pub(super) rules: Vec<Rule>,
    pub(super) fills: Vec<(emath::Rect, Color32)>,
    /// The picture: where, its scale, its leaf.
    pub(super) picture: Option<(f32, f32, f32, usize)>,
    /// The footnotes' lines, each with its leaf, drawn from the page's foot up.
    pub(super) notes: Vec<(String, usize, Vec<Range<usize>>)>,
}

impl Page {
    /// The height of the footnotes at the page's foot, with the rule above them.
    pub(super) fn notes_height(&self) -> f32 {
        if self.notes.is_empty() { 0.0 } else { FOOT_RULE + self.notes.len() as f32 * FOOT * LEADING }
    }
}

/// A footnote of a table row, wrapped; placed on the page its mark is placed on.
pub(super) struct Note {
    /// Each line with its parts in italics.
    pub(super) lines: Vec<(String, Vec<Range<usize>>)>,
    pub(super) leaf: usize,
}

impl Note {
    pub(super) fn height(&self) -> f32 {
        self.lines.len() as f32 * FOOT * LEADING
    }
}

/// Wrapped `lines` of `text`, each with the parts of `italic` (byte ranges of `text`) it
/// holds, as byte ranges of the line.
pub(super) fn lines_with_italics(
    text: &str,
    italic: &[Range<usize>],
    lines: Vec<String>,
) -> Vec<(String, Vec<Range<usize>>)> {
    let mut at = 0;
    lines
        .into_iter()
        .map(|line| {
            let Some(found) = text.get(at..).and_then(|rest| rest.find(&line)) else { return (line, Vec::new()) };
            let start = at + found;
            let end = start + line.len();
            at = end;
            let ranges = italic
                .iter()
                .filter(|r| r.start < end && r.end > start)
                .map(|r| r.start.max(start) - start..r.end.min(end) - start)
                .collect();
            (line, ranges)
        })
        .collect()
}

/// `n` in superscript digits, a footnote's mark.
pub(super) fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string().bytes().map(|b| DIGITS[usize::from(b - b'0')]).collect()
}

/// A line of a table cell, `dy` below the cell's top.
pub(super) struct CellLine {
    pub(super) dy: f32,
    pub(super) height: f32,
    pub(super) text: String,
    pub(super) size: f32,
    pub(super) bold: bool,
    pub(super) color: Color32,
    pub(super) lang: Option<String>,
    pub(super) leaf: usize,
    /// Lines of one group (a quote and its attribution) are kept together when they fit.
    pub(super) group: usize,
    /// The footnote (of the row's) whose mark is on this line.
    pub(super) note: Option<usize>,
}

pub(super) struct Flow {
    pub(super) pages: Vec<Page>,
    pub(super) y: f32,
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) leaves: usize,
    /// The headings, for the outline: level, text, page, top.
    pub(super) headings: Vec<(u16, String, usize, f32)>,
    /// Footnotes numbered so far.
    pub(super) notes: usize,
}

impl Flow {
    pub(super) fn new(width: f32, height: f32) -> Self {
        Self { pages: vec![Page::default()], y: MARGIN_TOP, width, height, leaves: 0, headings: Vec::new(), notes: 0 }
    }

    pub(super) fn leaf(&mut self) -> usize {
        self.leaves += 1;
        self.leaves - 1
    }

    pub(super) fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }

    /// Where the content stops on this page: above its margin and its footnotes.
    pub(super) fn bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM - self.pages.last().map_or(0.0, Page::notes_height)
    }

    /// The bottom of an empty page.
    pub(super) fn page_bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM
    }

    /// The footnotes' lines as lines of their pages, from each page's foot up.
    pub(super) fn settle_notes(&mut self) {
        let bottom = self.page_bottom();
        for page in &mut self.pages {
            let mut top = bottom - page.notes_height() + FOOT_RULE;
            if !page.notes.is_empty() {
                page.rules.push(((MARGIN_X, top - FOOT_RULE / 2.0), (MARGIN_X + 96.0, top - FOOT_RULE / 2.0), 0.5));
            }
            for (text, leaf, italic) in std::mem::take(&mut page.notes) {
                page.lines.push(Line {
                    x: MARGIN_X,
                    top,
                    text,
                    size: FOOT,
                    bold: false,
                    color: TEXT,
                    lang: None,
                    leaf: Some(leaf),
                    italic,
                });
                top += FOOT * LEADING;
            }
        }
    }

    pub(super) fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN_TOP;
    }

    /// Starts a new page unless `h` more points fit on this one (or it is still empty).
    pub(super) fn room_for(&mut self, h: f32) {
        if self.y + h > self.bottom() && self.y > MARGIN_TOP + 0.5 {
            self.new_page();
        }
    }

    /// A paragraph wrapped to the content width from `indent`, as a `P` (or the given tag).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn paragraph(
        &mut self,
        tag: TagKind,
        text: &str,
        size: f32,
        bold: bool,
        color: Color32,
        lang: Option<&str>,
        after: f32,
    ) -> Node {
        let leaf = self.leaf();
        let line_h = size * LEADING;
        let lines = TextMeasure::get().wrap(text, size, bold, self.content_width());
        for line in lines {
            self.room_for(line_h);
            let top = self.y;
            self.page().lines.push(Line {
                x: MARGIN_X,
                top,
                text: line,
                size,
                bold,
                color,
                lang: lang.map(str::to_owned),
                leaf: Some(leaf),
                italic: Vec::new(),
            });
            self.y += line_h;
        }
        self.y += after;
        Node::Group(tag, vec![Node::Leaf(leaf)])
    }

    /// A reference in the list of sources: its lines after the first indented, as a
    /// bibliography's hanging indent.
    pub(super) fn reference(&mut self, text: &str, italic: &[Range<usize>]) -> Node {
        const HANG: f32 = 18.0;
        let leaf = self.leaf();
        let line_h = BODY * LEADING;
        let measure = TextMeasure::get();
        let mut lines = measure.wrap(text, BODY, false, self.content_width());
        if lines.len() > 1 {
            let first = lines.remove(0);
            let rest = lines.join(" ");
            lines =
                std::iter::once(first).chain(measure.wrap(&rest, BODY, false, self.content_width() - HANG)).collect();
        }
        for (i, (line, italic)) in lines_with_italics(text, italic, lines).into_iter().enumerate() {
            self.room_for(line_h);
            let top = self.y;
            let x = if i == 0 { MARGIN_X } else { MARGIN_X + HANG };
            self.page().lines.push(Line {
                x,
                top,
                text: line,
                size: BODY,
                bold: false,
                color: TEXT,
                lang: None,
                leaf: Some(leaf),
                italic,
            });
            self.y += line_h;
        }
        self.y += 1.0;
        Node::Group(Tag::P.into(), vec![Node::Leaf(leaf)])
    }

    pub(super) fn heading(&mut self, level: u16, text: &str, size: f32) -> Node {
        // A heading is kept with a few lines of what follows it.
        self.room_for(size * LEADING + 4.0 * BODY * LEADING);
        self.y += size * 0.4;
        self.headings.push((level, text.to_owned(), self.pages.len() - 1, self.y));
        let tag = Tag::Hn(NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN), Some(text.to_owned())).into();
        self.paragraph(tag, text, size, true, TEXT, None, size * 0.35)
    }

    pub(super) fn picture(&mut self, scene: &Scene, alt: String, caption: &str) -> Vec<Node> {
        let w = self.content_width();
        let most_h = self.bottom() - MARGIN_TOP - 3.0 * BODY;
        let mut scale = w / scene.size.x.max(1.0);
        if scene.size.y * scale > most_h {
            scale = most_h / scene.size.y.max(1.0);
        }
        let h = scene.size.y * scale;
        self.room_for(h + 2.0 * SMALL * LEADING);
        let leaf = self.leaf();
        let (x, y) = (MARGIN_X, self.y);
        self.page().picture = Some((x, y, scale, leaf));
        self.y += h + 4.0;
        let figure = Node::Group(Tag::Figure(Some(alt)).into(), vec![Node::Leaf(leaf)]);
        let caption = self.paragraph(Tag::Caption.into(), caption, SMALL, false, MUTED, None, BODY);
        vec![figure, caption]
    }
}
