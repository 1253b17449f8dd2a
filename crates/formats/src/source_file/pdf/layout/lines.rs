//! The page's lines as pdf-extract broke them, each placed by its glyphs (a bracketed caption
//! read one column after the other, a filled field's value put after its label), and the
//! document's columns.

use std::collections::HashMap;
use std::ops::Range;

use super::super::text::RawPage;
use super::footnotes::markers;
use super::{Kind, Line, Place, median, place};

/// The page's lines as pdf-extract broke them, each placed by its glyphs; blank ones left out.
pub(super) fn page_lines(n: u32, page: &RawPage) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0usize;
    for raw in page.text.split('\n') {
        let range = start..start + raw.len();
        start = range.end + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let (Ok(a), Ok(b)) = (u32::try_from(range.start), u32::try_from(range.end)) else { continue };
        let first = page.glyphs.partition_point(|g| g.bytes.end <= a);
        let last = page.glyphs.partition_point(|g| g.bytes.start < b);
        let glyphs: Vec<(Range<u32>, Place, bool)> = page.glyphs[first..last.max(first)]
            .iter()
            .map(|g| {
                let blank =
                    page.text.get(g.bytes.start as usize..g.bytes.end as usize).is_none_or(|s| s.trim().is_empty());
                (g.bytes.clone(), place(&g.corners, page.height), blank)
            })
            .collect();
        let inked: Vec<&Place> = glyphs.iter().filter(|g| !g.2).map(|g| &g.1).collect();
        if inked.is_empty() {
            continue;
        }
        let size = median(inked.iter().map(|p| p.size));
        let y = median(inked.iter().filter(|p| (p.size - size).abs() < size * 0.15).map(|p| p.baseline));
        let mut line = Line {
            page: n,
            raw: a..b,
            drop: Vec::new(),
            superscript: Vec::new(),
            x0: inked.iter().map(|p| p.x0).fold(f64::INFINITY, f64::min),
            x1: inked.iter().map(|p| p.x1).fold(f64::NEG_INFINITY, f64::max),
            y,
            size,
            kind: Kind::Body,
            number: None,
            field: page.fields.iter().any(|f| f.start <= a && b <= f.end),
        };
        if !page.from_ocr {
            markers(&mut line, &page.text, &glyphs);
        }
        lines.push(line);
    }
    fields_beside_labels(read_captions_by_column(&lines, page))
}

/// Each filled field's value moved to follow its label: the line on its row ending left of it
/// (the nearest), else the line just above it over the same width; a field with neither stays
/// at the page's end.
fn fields_beside_labels(lines: Vec<Line>) -> Vec<Line> {
    let (fields, mut out): (Vec<Line>, Vec<Line>) = lines.into_iter().partition(|l| l.field);
    if fields.len() > MAX_PLACED_FIELDS {
        // A hostile form: its values stay where they were read, after the page.
        out.extend(fields);
        return out;
    }
    for f in fields {
        let size = f.size.max(1.0);
        let same_row = |l: &Line| (l.y - f.y).abs() < size * 0.6 && l.x1 <= f.x0 + 2.0;
        let above = |l: &Line| l.y < f.y && f.y - l.y < size * 2.5 && l.x0 < f.x1 && f.x0 < l.x1;
        let label = out
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.field && same_row(l))
            .max_by(|a, b| a.1.x1.total_cmp(&b.1.x1))
            .or_else(|| {
                out.iter().enumerate().filter(|(_, l)| !l.field && above(l)).max_by(|a, b| a.1.y.total_cmp(&b.1.y))
            })
            .map(|(i, _)| i);
        match label {
            Some(i) => {
                // After the label and any value already put there.
                let at = i + 1 + out[i + 1..].iter().take_while(|l| l.field).count();
                out.insert(at, f);
            }
            None => out.push(f),
        }
    }
    out
}

/// Above this many filled fields on a page their values are not moved beside their labels.
const MAX_PLACED_FIELDS: usize = 500;

/// The fewest lines of a bracketed caption ("UNITED STATES, )  Case No. 20-1507").
const CAPTION_LINES: usize = 3;

/// A caption's two columns, set apart by a column of `)` (or `§`) at one place on lines in a
/// row, read one column after the other: the parties, then the case number and the title.
fn read_captions_by_column(lines: &[Line], page: &RawPage) -> Vec<Line> {
    // Where each line's bracket stands: its glyph's bytes and left edge.
    let bracket = |l: &Line| {
        let first = page.glyphs.partition_point(|g| g.bytes.end <= l.raw.start);
        page.glyphs[first..].iter().take_while(|g| g.bytes.start < l.raw.end).find_map(|g| {
            let c = page.text.get(g.bytes.start as usize..g.bytes.end as usize)?;
            matches!(c, ")" | "§").then(|| (g.bytes.clone(), place(&g.corners, page.height).x0))
        })
    };
    let brackets: Vec<Option<(Range<u32>, f64)>> = lines.iter().map(bracket).collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let Some((_, x)) = brackets[i].clone() else {
            out.push(lines[i].clone());
            i += 1;
            continue;
        };
        let run = brackets[i..].iter().take_while(|b| b.as_ref().is_some_and(|(_, bx)| (bx - x).abs() < 3.0)).count();
        if run < CAPTION_LINES {
            out.extend(lines[i..i + run].iter().cloned());
            i += run;
            continue;
        }
        let mut right = Vec::new();
        for (line, b) in lines[i..i + run].iter().zip(&brackets[i..i + run]) {
            let Some((bytes, _)) = b else { continue };
            let (left_part, right_part) = split_at(line, bytes, page);
            out.extend(left_part);
            right.extend(right_part);
        }
        out.extend(right);
        i += run;
    }
    out
}

/// `line` cut at the glyph `bytes` (which goes): the parts before and after it that hold
/// anything but spaces, placed by their glyphs.
fn split_at(line: &Line, bytes: &Range<u32>, page: &RawPage) -> (Option<Line>, Option<Line>) {
    let part = |range: Range<u32>| {
        let text = page.text.get(range.start as usize..range.end as usize)?;
        if text.trim().is_empty() {
            return None;
        }
        let first = page.glyphs.partition_point(|g| g.bytes.end <= range.start);
        let places: Vec<Place> = page.glyphs[first..]
            .iter()
            .take_while(|g| g.bytes.start < range.end)
            .filter(|g| {
                page.text.get(g.bytes.start as usize..g.bytes.end as usize).is_some_and(|c| !c.trim().is_empty())
            })
            .map(|g| place(&g.corners, page.height))
            .collect();
        let x0 = places.iter().map(|p| p.x0).fold(f64::INFINITY, f64::min);
        let x1 = places.iter().map(|p| p.x1).fold(f64::NEG_INFINITY, f64::max);
        let keep = |r: &Range<u32>| r.start >= range.start && r.end <= range.end;
        Some(Line {
            raw: range.clone(),
            drop: line.drop.iter().filter(|r| keep(r)).cloned().collect(),
            superscript: line.superscript.iter().filter(|r| keep(r)).cloned().collect(),
            x0: if x0.is_finite() { x0 } else { line.x0 },
            x1: if x1.is_finite() { x1 } else { line.x1 },
            ..line.clone()
        })
    };
    (part(line.raw.start..bytes.start), part(bytes.end..line.raw.end))
}

/// The document's columns, from its body lines' left edges: the edge most lines near a line
/// start at is its column's left (full-width titles and centred headings aside), and the
/// reach of three lines in four starting there its right.
pub(super) struct Columns {
    /// The right edges of the body lines starting at each whole point.
    starts: std::collections::BTreeMap<i64, Vec<f64>>,
    /// How near a line's left edge must be to another's to share its column, in points.
    near: i64,
    /// Worked out once for each whole point a line starts at.
    found: std::cell::RefCell<HashMap<i64, (f64, f64)>>,
}

impl Columns {
    pub(super) fn new(lines: &[Line]) -> Self {
        let mut starts: std::collections::BTreeMap<i64, Vec<f64>> = std::collections::BTreeMap::new();
        let (mut left, mut right) = (f64::INFINITY, f64::NEG_INFINITY);
        for l in lines.iter().filter(|l| l.kind == Kind::Body && l.x0.is_finite() && l.x1.is_finite()) {
            #[allow(clippy::cast_possible_truncation)] // a page's points
            starts.entry(l.x0.round() as i64).or_default().push(l.x1);
            (left, right) = (left.min(l.x0), right.max(l.x1));
        }
        for ends in starts.values_mut() {
            ends.sort_by(f64::total_cmp);
        }
        #[allow(clippy::cast_possible_truncation)] // a page's points
        let near = ((right - left).max(1.0) * 0.25) as i64;
        Self { starts, near, found: std::cell::RefCell::new(HashMap::new()) }
    }

    /// The left and right edges of the column `line` stands in.
    pub(super) fn of(&self, line: &Line) -> (f64, f64) {
        if !line.x0.is_finite() {
            return (line.x0, line.x1);
        }
        #[allow(clippy::cast_possible_truncation)] // a page's points
        let key = line.x0.round() as i64;
        if let Some(&(left, right)) = self.found.borrow().get(&key) {
            return (left.min(line.x0), right);
        }
        let left = self
            .starts
            .range(key - self.near..=key + 2)
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
            .map_or(key, |(k, _)| *k);
        let mut ends: Vec<f64> = self.starts.range(left - 2..=left + 60).flat_map(|(_, e)| e.iter().copied()).collect();
        ends.sort_by(f64::total_cmp);
        let right = ends.get(ends.len() * 3 / 4).copied().unwrap_or(line.x1);
        #[allow(clippy::cast_precision_loss)] // a page's points
        let found = (left as f64, right);
        self.found.borrow_mut().insert(key, found);
        (found.0.min(line.x0), found.1)
    }
}
