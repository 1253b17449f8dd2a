//! The report as PDF, through krilla: real text in the shipped fonts (embedded and subset,
//! selectable, copied as it reads), tagged for accessibility (PDF/UA-1: headings, paragraphs,
//! the figure with its description, the tables' header and data cells, each quote in its
//! source's language; page furniture as artifacts) and archival (PDF/A-2b), both validated by
//! krilla as it writes.
//!
//! Laid out here in two passes: the content flows into pages (a table row is kept on one page
//! when it fits, else broken between its citations, never inside a quote that fits on a page;
//! the table's header is repeated on each page), then each page is drawn with its running
//! header and its number of the total.

use std::num::NonZeroU16;
use std::ops::Range;

use ecolor::Color32;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Rect};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag, TagGroup, TagKind,
    TagTree,
};

use super::{Entry, Report};
use crate::export::pdf::{PdfFonts, draw_text, paint_scene};
use crate::layout::text::TextMeasure;
use crate::scene::Scene;

const MARGIN_X: f32 = 54.0;
const MARGIN_TOP: f32 = 62.0;
const MARGIN_BOTTOM: f32 = 58.0;
const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;
const TABLE: f32 = 8.5;
/// Footnotes' size.
const FOOT: f32 = 7.5;
/// Above a page's footnotes: the space, with the short rule in it.
const FOOT_RULE: f32 = 9.0;
const LEADING: f32 = 1.32;
const PAD: f32 = 4.0;
/// Blank space kept at the right of each cell but the last, beyond its padding.
const GUTTER: f32 = 10.0;

const TEXT: Color32 = Color32::from_rgb(0x1f, 0x23, 0x28);
const MUTED: Color32 = Color32::from_rgb(0x5a, 0x62, 0x6b);
const RULE: Color32 = Color32::from_rgb(0xc8, 0xcd, 0xd2);
const HEAD_FILL: Color32 = Color32::from_rgb(0xee, 0xf0, 0xf3);
const WARN: Color32 = Color32::from_rgb(0x9a, 0x3b, 0x12);

/// A piece of the logical structure: a tagged group, or the content drawn for leaf `n`.
enum Node {
    Group(TagKind, Vec<Node>),
    Leaf(usize),
}

/// One line of text placed on a page; `leaf` is `None` for an artifact (page furniture, a
/// repeated table header).
struct Line {
    x: f32,
    top: f32,
    text: String,
    size: f32,
    bold: bool,
    color: Color32,
    lang: Option<String>,
    leaf: Option<usize>,
    /// The parts of `text` in italics (byte ranges), drawn slanted.
    italic: Vec<Range<usize>>,
}

/// A rule drawn on a page: from, to, width.
type Rule = ((f32, f32), (f32, f32), f32);

#[derive(Default)]
struct Page {
    lines: Vec<Line>,
    rules: Vec<Rule>,
    fills: Vec<(emath::Rect, Color32)>,
    /// The picture: where, its scale, its leaf.
    picture: Option<(f32, f32, f32, usize)>,
    /// The footnotes' lines, each with its leaf, drawn from the page's foot up.
    notes: Vec<(String, usize, Vec<Range<usize>>)>,
}

impl Page {
    /// The height of the footnotes at the page's foot, with the rule above them.
    fn notes_height(&self) -> f32 {
        if self.notes.is_empty() { 0.0 } else { FOOT_RULE + self.notes.len() as f32 * FOOT * LEADING }
    }
}

/// A footnote of a table row, wrapped; placed on the page its mark is placed on.
struct Note {
    /// Each line with its parts in italics.
    lines: Vec<(String, Vec<Range<usize>>)>,
    leaf: usize,
}

impl Note {
    fn height(&self) -> f32 {
        self.lines.len() as f32 * FOOT * LEADING
    }
}

/// Wrapped `lines` of `text`, each with the parts of `italic` (byte ranges of `text`) it
/// holds, as byte ranges of the line.
fn lines_with_italics(text: &str, italic: &[Range<usize>], lines: Vec<String>) -> Vec<(String, Vec<Range<usize>>)> {
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
fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string().bytes().map(|b| DIGITS[usize::from(b - b'0')]).collect()
}

/// A line of a table cell, `dy` below the cell's top.
struct CellLine {
    dy: f32,
    height: f32,
    text: String,
    size: f32,
    bold: bool,
    color: Color32,
    lang: Option<String>,
    leaf: usize,
    /// Lines of one group (a quote and its attribution) are kept together when they fit.
    group: usize,
    /// The footnote (of the row's) whose mark is on this line.
    note: Option<usize>,
}

struct Flow {
    pages: Vec<Page>,
    y: f32,
    width: f32,
    height: f32,
    leaves: usize,
    /// The headings, for the outline: level, text, page, top.
    headings: Vec<(u16, String, usize, f32)>,
    /// Footnotes numbered so far.
    notes: usize,
}

impl Flow {
    fn new(width: f32, height: f32) -> Self {
        Self { pages: vec![Page::default()], y: MARGIN_TOP, width, height, leaves: 0, headings: Vec::new(), notes: 0 }
    }

    fn leaf(&mut self) -> usize {
        self.leaves += 1;
        self.leaves - 1
    }

    fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }

    /// Where the content stops on this page: above its margin and its footnotes.
    fn bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM - self.pages.last().map_or(0.0, Page::notes_height)
    }

    /// The bottom of an empty page.
    fn page_bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM
    }

    /// The footnotes' lines as lines of their pages, from each page's foot up.
    fn settle_notes(&mut self) {
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

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN_TOP;
    }

    /// Starts a new page unless `h` more points fit on this one (or it is still empty).
    fn room_for(&mut self, h: f32) {
        if self.y + h > self.bottom() && self.y > MARGIN_TOP + 0.5 {
            self.new_page();
        }
    }

    /// A paragraph wrapped to the content width from `indent`, as a `P` (or the given tag).
    #[allow(clippy::too_many_arguments)]
    fn paragraph(
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
    fn reference(&mut self, text: &str, italic: &[Range<usize>]) -> Node {
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

    fn heading(&mut self, level: u16, text: &str, size: f32) -> Node {
        // A heading is kept with a few lines of what follows it.
        self.room_for(size * LEADING + 4.0 * BODY * LEADING);
        self.y += size * 0.4;
        self.headings.push((level, text.to_owned(), self.pages.len() - 1, self.y));
        let tag = Tag::Hn(NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN), Some(text.to_owned())).into();
        self.paragraph(tag, text, size, true, TEXT, None, size * 0.35)
    }

    fn picture(&mut self, scene: &Scene, alt: String, caption: &str) -> Vec<Node> {
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

/// The chronology table's columns: header, width as a share of the content width.
const COLUMNS: [(&str, f32); 4] = [("No.", 0.07), ("Date", 0.15), ("Event", 0.27), ("Citations", 0.51)];

/// A table cell's lines, wrapped to `width`, and its nodes.
struct Cell {
    lines: Vec<CellLine>,
    nodes: Vec<Node>,
    height: f32,
    /// The footnotes marked in the cell.
    notes: Vec<Note>,
}

impl Cell {
    fn new() -> Self {
        Self { lines: Vec::new(), nodes: Vec::new(), height: 0.0, notes: Vec::new() }
    }

    /// Adds a paragraph to the cell.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        flow: &mut Flow,
        text: &str,
        width: f32,
        size: f32,
        bold: bool,
        color: Color32,
        lang: Option<&str>,
        group: usize,
        after: f32,
    ) {
        if text.trim().is_empty() {
            return;
        }
        let leaf = flow.leaf();
        let line_h = size * LEADING;
        for line in TextMeasure::get().wrap(text, size, bold, width) {
            self.lines.push(CellLine {
                dy: self.height,
                height: line_h,
                text: line,
                size,
                bold,
                color,
                lang: lang.map(str::to_owned),
                leaf,
                group,
                note: None,
            });
            self.height += line_h;
        }
        self.height += after;
        self.nodes.push(Node::Group(Tag::P.into(), vec![Node::Leaf(leaf)]));
    }
}

/// Lays out a table's header row at the flow's place; as an artifact when `repeated`.
fn header_row(flow: &mut Flow, widths: &[f32; 4], repeated: bool) -> Option<Node> {
    let h = TABLE * LEADING + 2.0 * PAD;
    let y = flow.y;
    let mut x = MARGIN_X;
    let mut cells = Vec::new();
    let right = MARGIN_X + flow.content_width();
    flow.page().fills.push((emath::Rect::from_min_max(emath::pos2(MARGIN_X, y), emath::pos2(right, y + h)), HEAD_FILL));
    for (i, (name, _)) in COLUMNS.iter().enumerate() {
        let leaf = (!repeated).then(|| flow.leaf());
        flow.page().lines.push(Line {
            x: x + PAD,
            top: y + PAD,
            text: (*name).to_owned(),
            size: TABLE,
            bold: true,
            color: TEXT,
            lang: None,
            leaf,
            italic: Vec::new(),
        });
        if let Some(leaf) = leaf {
            cells.push(Node::Group(Tag::TH(TableHeaderScope::Column).into(), vec![Node::Leaf(leaf)]));
        }
        x += widths[i];
    }
    flow.page().rules.push(((MARGIN_X, y + h), (right, y + h), 0.8));
    flow.y += h;
    (!repeated).then(|| Node::Group(Tag::TR.into(), cells))
}

/// The cells of an entry's row.
fn row_cells(flow: &mut Flow, entry: &Entry, widths: &[f32; 4]) -> Vec<Cell> {
    // Text stops a gutter short of the next column, so that a text extractor (pdftotext,
    // copy and paste) tells the columns apart rather than reading across them.
    let inner = |i: usize| widths[i] - 2.0 * PAD - if i + 1 < widths.len() { GUTTER } else { 0.0 };
    let mut number = Cell::new();
    number.push(
        flow,
        &entry.number.map(|n| n.to_string()).unwrap_or_default(),
        inner(0),
        TABLE,
        true,
        TEXT,
        None,
        0,
        0.0,
    );
    let mut date = Cell::new();
    date.push(flow, &entry.date, inner(1), TABLE, false, TEXT, None, 0, 0.0);
    let mut event = Cell::new();
    event.push(flow, &entry.title, inner(2), TABLE, true, TEXT, None, 0, 2.0);
    event.push(flow, &entry.summary, inner(2), TABLE, false, MUTED, None, 0, 0.0);
    let mut cites = Cell::new();
    if entry.citations.is_empty() {
        cites.push(flow, "No citation.", inner(3), TABLE, false, WARN, None, 0, 0.0);
    }
    for (k, c) in entry.citations.iter().enumerate() {
        let lang = Some(c.language.as_str()).filter(|l| !l.is_empty());
        cites.push(flow, &format!("“{}”", c.quote), inner(3), TABLE, false, TEXT, lang, k, 1.0);
        let color = if c.verified { MUTED } else { WARN };
        flow.notes += 1;
        let (cite, status) = c.attribution_parts();
        let mark = superscript(flow.notes);
        let first_line = cites.lines.len();
        cites.push(flow, &format!("— {cite}{mark} · {status}"), inner(3), SMALL, false, color, None, k, 1.0);
        let leaf = flow.leaf();
        let number = format!("{}. ", flow.notes);
        let text = format!("{number}{}", c.footnote);
        let italic: Vec<Range<usize>> =
            c.footnote_italic.iter().map(|r| r.start + number.len()..r.end + number.len()).collect();
        let lines =
            lines_with_italics(&text, &italic, TextMeasure::get().wrap(&text, FOOT, false, flow.content_width()));
        // The mark may wrap to a later line of the attribution: the note goes with that line.
        let marked =
            (first_line..cites.lines.len()).find(|&i| cites.lines[i].text.contains(&mark)).unwrap_or(first_line);
        if let Some(line) = cites.lines.get_mut(marked) {
            line.note = Some(cites.notes.len());
        }
        cites.notes.push(Note { lines, leaf });
        cites.nodes.push(Node::Group(Tag::Note.into(), vec![Node::Group(Tag::P.into(), vec![Node::Leaf(leaf)])]));
        if !c.note.is_empty() {
            cites.push(flow, &format!("Note: {}", c.note), inner(3), SMALL, false, MUTED, None, k, 0.0);
        }
        cites.height += 3.0;
    }
    vec![number, date, event, cites]
}

/// Where a row too tall for the room left may be cut, at most `room` below its top: the
/// lowest boundary no line crosses, preferring one that cuts no group (a quote with its
/// attribution) that would fit on a page `page` tall.
fn cut_at(cells: &[Cell], room: f32, page: f32) -> Option<f32> {
    const EPS: f32 = 0.01;
    let splits_line = |b: f32| cells.iter().flat_map(|c| &c.lines).any(|l| l.dy < b - EPS && l.dy + l.height > b + EPS);
    let splits_group = |b: f32| {
        cells.iter().any(|c| {
            c.lines.iter().any(|l| {
                let group = c.lines.iter().filter(|m| m.group == l.group);
                let top = group.clone().map(|m| m.dy).fold(f32::INFINITY, f32::min);
                let bottom = group.map(|m| m.dy + m.height).fold(0.0, f32::max);
                top < b - EPS && bottom > b + EPS && bottom - top <= page
            })
        })
    };
    let mut bounds: Vec<f32> =
        cells.iter().flat_map(|c| c.lines.iter().map(|l| l.dy + l.height)).filter(|&b| b <= room && b > 0.0).collect();
    bounds.sort_by(|a, b| b.total_cmp(a));
    bounds
        .iter()
        .copied()
        .find(|&b| !splits_line(b) && !splits_group(b))
        .or_else(|| bounds.iter().copied().find(|&b| !splits_line(b)))
}

/// Places a row's cells from the flow's place down, across pages as needed.
fn place_row(flow: &mut Flow, mut cells: Vec<Cell>, widths: &[f32; 4]) -> Node {
    let nodes: Vec<Node> =
        cells.iter_mut().map(|c| Node::Group(Tag::TD.into(), std::mem::take(&mut c.nodes))).collect();
    let mut notes: Vec<Option<Note>> = cells.iter_mut().flat_map(|c| std::mem::take(&mut c.notes)).map(Some).collect();
    let full = flow.page_bottom() - MARGIN_TOP - (TABLE * LEADING + 2.0 * PAD);
    loop {
        let height = cells.iter().map(|c| c.height).fold(0.0, f32::max) + 2.0 * PAD;
        // The row's footnotes still to place take their room on the page with their marks.
        let pending = notes.iter().flatten().map(Note::height).sum::<f32>();
        let pending = if pending > 0.0 && flow.page().notes.is_empty() { pending + FOOT_RULE } else { pending };
        let room = flow.bottom() - flow.y - pending.min(full / 2.0);
        if height > room && height <= full {
            flow.new_page();
            header_row(flow, widths, true);
            continue;
        }
        let (cut, rest) = if height <= room {
            (height, false)
        } else {
            match cut_at(&cells, room - 2.0 * PAD, full - 2.0 * PAD) {
                Some(b) => (b + 2.0 * PAD, true),
                None if flow.y > MARGIN_TOP + 40.0 => {
                    flow.new_page();
                    header_row(flow, widths, true);
                    continue;
                }
                // Not even one line fits a page: place it anyway.
                None => (height, false),
            }
        };
        let y = flow.y;
        let mut x = MARGIN_X;
        for (i, cell) in cells.iter_mut().enumerate() {
            let (now, later): (Vec<CellLine>, Vec<CellLine>) = std::mem::take(&mut cell.lines)
                .into_iter()
                .partition(|l| !rest || l.dy + l.height <= cut - 2.0 * PAD + 0.01);
            for l in now {
                if let Some(note) = l.note.and_then(|j| notes.get_mut(j)).and_then(Option::take) {
                    let page = flow.page();
                    page.notes.extend(note.lines.into_iter().map(|(t, italic)| (t, note.leaf, italic)));
                }
                flow.page().lines.push(Line {
                    x: x + PAD,
                    top: y + PAD + l.dy,
                    text: l.text,
                    size: l.size,
                    bold: l.bold,
                    color: l.color,
                    lang: l.lang,
                    leaf: Some(l.leaf),
                    italic: Vec::new(),
                });
            }
            let shift = cut - 2.0 * PAD;
            cell.lines = later.into_iter().map(|l| CellLine { dy: l.dy - shift, ..l }).collect();
            cell.height = cell.lines.iter().map(|l| l.dy + l.height).fold(0.0, f32::max);
            x += widths[i];
        }
        let right = MARGIN_X + flow.content_width();
        flow.page().rules.push(((MARGIN_X, y + cut), (right, y + cut), 0.4));
        flow.y = y + cut;
        if !rest || cells.iter().all(|c| c.lines.is_empty()) {
            break;
        }
        flow.new_page();
        header_row(flow, widths, true);
    }
    Node::Group(Tag::TR.into(), nodes)
}

/// A table of `entries`, under its header row.
fn table(flow: &mut Flow, entries: &[Entry], summary: &str) -> Node {
    let w = flow.content_width();
    let widths: [f32; 4] = std::array::from_fn(|i| COLUMNS[i].1 * w);
    flow.room_for(3.0 * (TABLE * LEADING + 2.0 * PAD));
    let mut head = Vec::new();
    if let Some(row) = header_row(flow, &widths, false) {
        head.push(row);
    }
    let mut body = Vec::new();
    for entry in entries {
        let cells = row_cells(flow, entry, &widths);
        body.push(place_row(flow, cells, &widths));
    }
    let mut tag = Tag::Table;
    tag.set_summary(Some(summary.to_owned()));
    Node::Group(tag.into(), vec![Node::Group(Tag::THead.into(), head), Node::Group(Tag::TBody.into(), body)])
}

/// The whole report laid out: its pages and its logical structure.
fn lay_out(report: &Report) -> (Flow, Vec<Node>) {
    let (w, h) = report.paper.size();
    let mut flow = Flow::new(w, h);
    let mut nodes = Vec::new();
    let lang = Some(report.language.as_str());
    nodes.push(flow.heading(1, &report.title, 18.0));
    if !report.description.is_empty() {
        nodes.push(flow.paragraph(Tag::P.into(), &report.description, BODY, false, TEXT, lang, 6.0));
    }
    if !report.covered.is_empty() {
        nodes.push(flow.paragraph(Tag::P.into(), &format!("Covers {}", report.covered), BODY, false, TEXT, None, 2.0));
    }
    nodes.push(flow.paragraph(Tag::P.into(), &report.counts, BODY, false, TEXT, None, 2.0));
    if let Some(selection) = &report.selection {
        nodes.push(flow.paragraph(Tag::P.into(), selection, BODY, true, WARN, None, 2.0));
    }
    nodes.push(flow.paragraph(
        Tag::P.into(),
        &format!("Report made on {} by citeline.", report.made),
        SMALL,
        false,
        MUTED,
        None,
        10.0,
    ));
    if let Some(scene) = &report.picture {
        let alt = format!(
            "The timeline of the {} dated events below{}, drawn on a time axis; each is numbered as in the chronology table.",
            report.dated.len(),
            if report.covered.is_empty() { String::new() } else { format!(", {}", report.covered) }
        );
        nodes.extend(flow.picture(scene, alt, "The timeline; its events are numbered as in the chronology."));
    } else if let Some(note) = &report.picture_note {
        nodes.push(flow.paragraph(Tag::P.into(), note, SMALL, false, MUTED, None, 8.0));
    }
    nodes.push(flow.heading(2, "Chronology", 14.0));
    if report.dated.is_empty() {
        nodes.push(flow.paragraph(Tag::P.into(), super::no_dated_event(report), BODY, false, MUTED, None, 6.0));
    } else {
        nodes.push(table(&mut flow, &report.dated, "The dated events in date order, with the citations of each."));
    }
    if !report.undated.is_empty() {
        flow.y += 8.0;
        nodes.push(flow.heading(2, "Undated events", 14.0));
        nodes.push(table(&mut flow, &report.undated, "The events without a date, with the citations of each."));
    }
    flow.y += 8.0;
    nodes.push(flow.heading(2, "Sources", 14.0));
    nodes.push(flow.paragraph(
        Tag::P.into(),
        &format!("Every source cited, in the {} style.", report.style.name()),
        SMALL,
        false,
        MUTED,
        None,
        4.0,
    ));
    let mut items = Vec::new();
    for s in &report.sources {
        let mut body = vec![flow.reference(&s.reference, &s.reference_italic)];
        if let Some(file) = &s.file {
            body.push(flow.paragraph(Tag::P.into(), file, SMALL, false, MUTED, None, 0.0));
        }
        flow.y += 5.0;
        items.push(Node::Group(Tag::LI.into(), vec![Node::Group(Tag::LBody.into(), body)]));
    }
    if items.is_empty() {
        nodes.push(flow.paragraph(Tag::P.into(), "No source is cited.", BODY, false, MUTED, None, 0.0));
    } else {
        nodes.push(Node::Group(Tag::L(ListNumbering::None).into(), items));
    }
    flow.settle_notes();
    (flow, nodes)
}

/// A line of text, its italic parts slanted (no italic face is shipped: the regular one is
/// sheared by 12°, its advance widths unchanged).
fn draw_line(surface: &mut Surface, fonts: &PdfFonts, line: &Line) {
    if line.italic.is_empty() {
        draw_text(surface, fonts, line.x, line.top, &line.text, line.size, line.bold, line.color);
        return;
    }
    let measure = TextMeasure::get();
    let baseline = line.top + measure.ascent(line.size);
    let mut x = line.x;
    for (part, slanted) in super::runs(&line.text, &line.italic) {
        if slanted {
            const SHEAR: f32 = 0.21;
            surface.push_transform(&krilla::geom::Transform::from_row(1.0, 0.0, -SHEAR, 1.0, SHEAR * baseline, 0.0));
            x += draw_text(surface, fonts, x, line.top, part, line.size, line.bold, line.color);
            surface.pop();
        } else {
            x += draw_text(surface, fonts, x, line.top, part, line.size, line.bold, line.color);
        }
    }
}

fn to_group(node: Node, ids: &mut [Vec<Identifier>]) -> Option<krilla::tagging::Node> {
    match node {
        Node::Leaf(_) => None,
        Node::Group(tag, children) => {
            let mut group = TagGroup::new(tag);
            for child in children {
                match child {
                    Node::Leaf(n) => {
                        for id in ids.get_mut(n).map(std::mem::take).unwrap_or_default() {
                            group.push(id);
                        }
                    }
                    group_node @ Node::Group(..) => {
                        if let Some(g) = to_group(group_node, ids) {
                            group.push(g);
                        }
                    }
                }
            }
            Some(group.into())
        }
    }
}

fn artifact(kind: ArtifactType) -> ContentTag<'static> {
    ContentTag::Artifact(Artifact::with_kind(kind))
}

fn draw_rule(surface: &mut Surface, from: (f32, f32), to: (f32, f32), width: f32) {
    let mut pb = PathBuilder::new();
    pb.move_to(from.0, from.1);
    pb.line_to(to.0, to.1);
    let Some(path) = pb.finish() else { return };
    let [r, g, b, _] = RULE.to_array();
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: krilla::color::rgb::Color::new(r, g, b).into(),
        width,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}

/// The document's outline (bookmarks): the title, the sections under it.
fn outline(headings: &[(u16, String, usize, f32)]) -> Outline {
    let node = |(_, text, page, top): &(u16, String, usize, f32)| {
        OutlineNode::new(text.clone(), XyzDestination::new(*page, krilla::geom::Point::from_xy(0.0, *top)))
    };
    let mut outline = Outline::new();
    let mut root: Option<OutlineNode> = None;
    for h in headings {
        match (h.0, root.as_mut()) {
            (1, _) => {
                if let Some(done) = root.take() {
                    outline.push_child(done);
                }
                root = Some(node(h).with_open(true));
            }
            (_, Some(r)) => r.push_child(node(h)),
            (_, None) => outline.push_child(node(h)),
        }
    }
    if let Some(done) = root {
        outline.push_child(done);
    }
    outline
}

/// Now, for the document's date.
fn now() -> krilla::metadata::DateTime {
    use chrono::{Datelike, Timelike};
    let t = chrono::Utc::now();
    let small = |n: u32| u8::try_from(n).unwrap_or(0);
    krilla::metadata::DateTime::new(u16::try_from(t.year()).unwrap_or(2000))
        .month(small(t.month()))
        .day(small(t.day()))
        .hour(small(t.hour()))
        .minute(small(t.minute()))
        .second(small(t.second()))
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// The report as PDF bytes.
#[allow(clippy::too_many_lines)] // each page drawn in order: furniture, rules, picture, text
pub fn to_pdf(report: &Report) -> Result<Vec<u8>, String> {
    let fonts = PdfFonts::new()?;
    let (flow, nodes) = lay_out(report);
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_B)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| format!("cannot configure the PDF: {e:?}"))?;
    let settings = krilla::SerializeSettings { enable_tagging: true, configuration, ..Default::default() };
    let mut document = krilla::Document::new_with(settings);
    let mut ids: Vec<Vec<Identifier>> = (0..flow.leaves).map(|_| Vec::new()).collect();
    let total = flow.pages.len();
    let measure = TextMeasure::get();
    for (p, page) in flow.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(flow.width, flow.height).ok_or("the paper has no size")?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        // Furniture: the running title, the day made, the page number.
        surface.start_tagged(artifact(ArtifactType::PaginationOther));
        let title = measure
            .fit(&report.title, SMALL, false, flow.width - 2.0 * MARGIN_X - 160.0)
            .map_or_else(String::new, std::borrow::Cow::into_owned);
        draw_text(&mut surface, &fonts, MARGIN_X, 30.0, &title, SMALL, false, MUTED);
        let made = format!("Made {}", report.made);
        let made_w = measure.width(&made, SMALL, false);
        draw_text(&mut surface, &fonts, flow.width - MARGIN_X - made_w, 30.0, &made, SMALL, false, MUTED);
        let number = format!("Page {} of {total}", p + 1);
        let number_w = measure.width(&number, SMALL, false);
        draw_text(
            &mut surface,
            &fonts,
            (flow.width - number_w) / 2.0,
            flow.height - 36.0,
            &number,
            SMALL,
            false,
            MUTED,
        );
        draw_rule(&mut surface, (MARGIN_X, 44.0), (flow.width - MARGIN_X, 44.0), 0.5);
        surface.end_tagged();
        surface.start_tagged(artifact(ArtifactType::Layout));
        for (rect, color) in &page.fills {
            if color.a() == 0 {
                continue;
            }
            let Some(r) = Rect::from_xywh(rect.left(), rect.top(), rect.width(), rect.height()) else { continue };
            let mut pb = PathBuilder::new();
            pb.push_rect(r);
            if let Some(path) = pb.finish() {
                let [cr, cg, cb, _] = color.to_array();
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: krilla::color::rgb::Color::new(cr, cg, cb).into(),
                    ..Fill::default()
                }));
                surface.draw_path(&path);
            }
        }
        for &(from, to, width) in &page.rules {
            draw_rule(&mut surface, from, to, width);
        }
        surface.end_tagged();
        if let (Some((x, y, scale, leaf)), Some(scene)) = (page.picture, &report.picture) {
            let id = surface.start_tagged(ContentTag::Other);
            paint_scene(&mut surface, &fonts, scene, x, y, scale);
            surface.end_tagged();
            if let Some(v) = ids.get_mut(leaf) {
                v.push(id);
            }
        }
        for line in &page.lines {
            if let Some(leaf) = line.leaf {
                let id = surface.start_tagged(ContentTag::Span(SpanTag::empty().with_lang(line.lang.as_deref())));
                draw_line(&mut surface, &fonts, line);
                surface.end_tagged();
                if let Some(v) = ids.get_mut(leaf) {
                    v.push(id);
                }
            } else {
                surface.start_tagged(artifact(ArtifactType::PaginationOther));
                draw_text(&mut surface, &fonts, line.x, line.top, &line.text, line.size, line.bold, line.color);
                surface.end_tagged();
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    let mut tree = TagTree::new().with_lang(Some(report.language.clone()));
    for node in nodes {
        if let Some(g) = to_group(node, &mut ids) {
            tree.push(g);
        }
    }
    document.set_tag_tree(tree);
    document.set_outline(outline(&flow.headings));
    let mut metadata = krilla::metadata::Metadata::new()
        .creation_date(now())
        .title(report.title.clone())
        .language(report.language.clone())
        .creator(format!("citeline {}", env!("CARGO_PKG_VERSION")));
    if !report.description.is_empty() {
        metadata = metadata.description(report.description.clone());
    }
    document.set_metadata(metadata);
    document.finish().map_err(|e| format!("cannot make the PDF: {e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tall_row_is_cut_between_citations_not_inside_a_quote() {
        let line = |dy: f32, group: usize| CellLine {
            dy,
            height: 10.0,
            text: String::new(),
            size: 8.0,
            bold: false,
            color: TEXT,
            lang: None,
            leaf: 0,
            group,
            note: None,
        };
        // Two citations of three lines each; 45 points of room: the first citation's three
        // lines (30) fit, the second's would be cut after one line.
        let cells = [Cell {
            lines: (0..6).map(|i| line(i as f32 * 10.0, i / 3)).collect(),
            nodes: Vec::new(),
            height: 60.0,
            notes: Vec::new(),
        }];
        assert_eq!(cut_at(&cells, 45.0, 100.0), Some(30.0));
        // Too little room for a whole citation: cut at a line.
        assert_eq!(cut_at(&cells, 25.0, 100.0), Some(20.0));
        assert_eq!(cut_at(&cells, 5.0, 100.0), None);
        // A citation taller than a page is cut where it must be.
        assert_eq!(cut_at(&cells, 45.0, 20.0), Some(40.0));
    }

    fn report(events: usize) -> Report {
        let cited = |i: usize, k: usize| super::super::Cited {
            quote: format!(
                "A quote of event {i}, citation {k}, long enough to wrap in its cell at least once or twice."
            ),
            source: "The filing".to_owned(),
            pin_cite: format!("p. {}", i + k),
            status: "verified".to_owned(),
            verified: true,
            footnote: format!(
                "The Filing, Court of Somewhere, 12 May 2024, {}, a note long enough to wrap once.",
                i + k
            ),
            ..Default::default()
        };
        let dated = (0..events)
            .map(|i| Entry {
                number: u32::try_from(i + 1).ok(),
                date: "3 May 2024".to_owned(),
                title: format!("Event {i}"),
                summary: String::new(),
                citations: (0..2).map(|k| cited(i, k)).collect(),
            })
            .collect();
        Report {
            title: "Notes".to_owned(),
            description: String::new(),
            language: "en".to_owned(),
            covered: String::new(),
            selection: None,
            counts: String::new(),
            made: "today".to_owned(),
            paper: super::super::Paper::A4,
            picture: None,
            picture_note: None,
            dated,
            undated: Vec::new(),
            sources: Vec::new(),
            style: super::super::CitationStyle::Chicago,
        }
    }

    #[test]
    fn each_footnote_is_at_the_foot_of_the_page_its_mark_is_on_below_the_content() {
        let (flow, _) = lay_out(&report(40));
        assert!(flow.pages.len() > 2, "40 rows run over pages: {}", flow.pages.len());
        let mut marks = 0;
        for (p, page) in flow.pages.iter().enumerate() {
            let is_note = |l: &&Line| l.size == FOOT;
            let notes: Vec<&Line> = page.lines.iter().filter(is_note).collect();
            let content_bottom =
                page.lines.iter().filter(|l| !is_note(l)).map(|l| l.top + l.size * LEADING).fold(0.0, f32::max);
            let notes_top = notes.iter().map(|l| l.top).fold(f32::INFINITY, f32::min);
            assert!(
                content_bottom <= notes_top + 0.01,
                "page {p}: content to {content_bottom}, notes from {notes_top}"
            );
            assert!(notes.iter().all(|l| l.top + FOOT * LEADING <= flow.page_bottom() + 0.01), "page {p}");
            // Every mark on the page has its numbered note on the same page.
            for line in page.lines.iter().filter(|l| l.text.starts_with("— ")) {
                let digits: String = line
                    .text
                    .chars()
                    .filter_map(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|d| d == c))
                    .map(|d| char::from(b'0' + u8::try_from(d).unwrap_or(0)))
                    .collect();
                let n: usize = digits.parse().expect("a mark");
                assert!(notes.iter().any(|l| l.text.starts_with(&format!("{n}. The Filing"))), "note {n} on page {p}");
                marks += 1;
            }
        }
        assert_eq!(marks, 80, "a mark a citation");
        assert_eq!(superscript(1204), "¹²⁰⁴");
    }
}
