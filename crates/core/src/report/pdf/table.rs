//! The chronology table flowed into pages: a row kept on one page when it fits, else cut
//! between its citations (never inside a quote that fits on a page), the header repeated on
//! each page, each citation's footnote given to the page its mark lands on.

use std::ops::Range;

use ecolor::Color32;
use krilla::tagging::{TableHeaderScope, Tag};

use super::flow::{
    CellLine, FOOT, FOOT_RULE, Flow, GUTTER, HEAD_FILL, LEADING, Line, MARGIN_TOP, MARGIN_X, MUTED, Node, Note, PAD,
    SMALL, TABLE, TEXT, WARN, lines_with_italics, superscript,
};
use crate::layout::text::TextMeasure;
use crate::report::Entry;

/// The chronology table's columns: header, width as a share of the content width.
pub(super) const COLUMNS: [(&str, f32); 4] = [("No.", 0.07), ("Date", 0.15), ("Event", 0.27), ("Citations", 0.51)];

/// A table cell's lines, wrapped to `width`, and its nodes.
pub(super) struct Cell {
    pub(super) lines: Vec<CellLine>,
    pub(super) nodes: Vec<Node>,
    pub(super) height: f32,
    /// The footnotes marked in the cell.
    pub(super) notes: Vec<Note>,
}

impl Cell {
    pub(super) fn new() -> Self {
        Self { lines: Vec::new(), nodes: Vec::new(), height: 0.0, notes: Vec::new() }
    }

    /// Adds a paragraph to the cell.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn push(
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
pub(super) fn header_row(flow: &mut Flow, widths: &[f32; 4], repeated: bool) -> Option<Node> {
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
pub(super) fn row_cells(flow: &mut Flow, entry: &Entry, widths: &[f32; 4]) -> Vec<Cell> {
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
pub(super) fn cut_at(cells: &[Cell], room: f32, page: f32) -> Option<f32> {
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
pub(super) fn place_row(flow: &mut Flow, mut cells: Vec<Cell>, widths: &[f32; 4]) -> Node {
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
pub(super) fn table(flow: &mut Flow, entries: &[Entry], summary: &str) -> Node {
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
