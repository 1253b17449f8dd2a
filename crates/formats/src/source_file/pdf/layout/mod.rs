//! A PDF's pages laid out as a reader reads them, from where pdf-extract placed each glyph:
//! the lines of a paragraph joined into one (single- or double-spaced, justified or ragged),
//! paragraphs apart by one blank line; page furniture (text repeated at the same place on most
//! pages: ECF banners, running heads, page numbers, pleading-paper line numbers) and footnotes
//! (smaller lines at a page's foot, opening with their number) set apart at the next paragraph
//! break, so a sentence running from one page to the next reads whole; footnote markers taken
//! off the words they follow; a word hyphenated at a line's end joined unless the hyphen is
//! real. Every byte of the laid-out text keeps the page and raw byte it came from, for marking
//! a quote on the drawn page.
//!
//! Here the laid-out document and the printed line; the steps in their own files: `lines.rs`
//! the page's lines and the document's columns, `furniture.rs` page furniture and line numbers,
//! `footnotes.rs` footnotes and their markers, `hyphens.rs` the hyphens at a line's end,
//! `paragraphs.rs` whether a line goes on the paragraph, `writer.rs` the text written.

mod footnotes;
mod furniture;
mod hyphens;
mod lines;
mod paragraphs;
mod writer;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

use super::text::{ASCENT, DESCENT, RawPage};

use footnotes::mark_footnotes;
use furniture::{mark_furniture, number_lines, printed_number};
use hyphens::vocabulary;
use lines::{Columns, page_lines};
use writer::Writer;

/// Where a byte of the laid-out text came from: a page (from 0) and a byte of its raw text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Origin {
    pub page: u32,
    pub at: u32,
}

/// A document laid out: its text, where each page begins in it, and each byte's origin.
#[derive(Debug, Default)]
pub struct Laid {
    pub text: String,
    pub pages: Vec<u32>,
    pub origin: Vec<Origin>,
    /// Where each numbered line begins (pleading paper, transcripts): its page (from 0), its
    /// number and its first byte in `text`, rising.
    pub lines: Vec<(u32, u32, u32)>,
    /// Stretches of `text` that stand on another page than the page offsets say (a footnote or
    /// a footer moved to the next paragraph break, past the next page's start): `[start, end,
    /// page from 0]`, in order.
    pub moved: Vec<[u32; 3]>,
    /// Each page's own number where it prints one ("Page 45", "- 5 -") at its head or foot.
    pub printed: Vec<Option<u32>>,
}

impl Laid {
    /// The numbered lines as a source keeps them: a string a page of `LINE:OFFSET` pairs;
    /// nothing when no line is numbered.
    pub(crate) fn line_strings(&self) -> Vec<String> {
        if self.lines.is_empty() {
            return Vec::new();
        }
        let mut pages = vec![String::new(); self.pages.len()];
        // A transcript is cited by its own page numbers ("Page 45"), where it prints them.
        for (p, printed) in pages.iter_mut().zip(&self.printed) {
            if let Some(n) = printed {
                let _ = write!(p, "p{n}");
            }
        }
        for &(page, line, at) in &self.lines {
            if let Some(p) = pages.get_mut(page as usize) {
                if !p.is_empty() {
                    p.push(' ');
                }
                let _ = write!(p, "{line}:{at}");
            }
        }
        pages
    }
}

impl Laid {
    /// The text of page `page` (from 0) as laid out, and where it begins: what stands between
    /// its offset and the next page's, less the blank line before the next page.
    pub fn page_text(&self, page: usize) -> Option<(usize, &str)> {
        let start = *self.pages.get(page)? as usize;
        let end = self.pages.get(page + 1).map_or(self.text.len(), |&p| p as usize);
        let whole = self.text.get(start..end)?;
        Some((start, whole.trim_end_matches('\n')))
    }
}

/// A printed line: its raw bytes on its page, the glyph bytes left out of it (footnote markers
/// after a word), those written as superscripts (a footnote's own number), and its place.
#[derive(Clone, Debug)]
struct Line {
    page: u32,
    raw: Range<u32>,
    drop: Vec<Range<u32>>,
    superscript: Vec<Range<u32>>,
    x0: f64,
    x1: f64,
    /// The baseline's height on the page, from its top (y grows downward), in points.
    y: f64,
    size: f64,
    kind: Kind,
    /// The number printed beside it in the margin (pleading paper, a transcript).
    number: Option<u32>,
    /// A filled form field's value, to follow its label.
    field: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Body,
    Furniture,
    Footnote,
    /// A line number in the margin: kept as the numbers of the lines beside it, not as text.
    Margin,
}

/// A glyph's box and size, in points with y from the page's top.
#[derive(Clone, Copy, Debug)]
struct Place {
    x0: f64,
    x1: f64,
    baseline: f64,
    size: f64,
}

/// Lays out `pages` (each as pdf-extract wrote it, with its glyphs and the page's height).
pub fn lay_out(pages: &[RawPage]) -> Laid {
    let mut lines: Vec<Line> = Vec::new();
    let mut per_page: Vec<Range<usize>> = Vec::with_capacity(pages.len());
    for (n, page) in pages.iter().enumerate() {
        let start = lines.len();
        lines.extend(page_lines(u32::try_from(n).unwrap_or(u32::MAX), page));
        per_page.push(start..lines.len());
    }
    let body_size = body_size(&lines, pages);
    mark_furniture(&mut lines, &per_page, pages, body_size);
    for range in &per_page {
        mark_footnotes(&mut lines[range.clone()], body_size, pages);
        number_lines(&mut lines[range.clone()], pages);
    }
    let vocabulary = vocabulary(&lines, pages);
    let columns = Columns::new(&lines);
    // Paragraphs that open indented: then a line at a page's head that is not indented goes on
    // the paragraph before, whatever ended the page.
    let indented = lines
        .iter()
        .filter(|l| l.kind == Kind::Body)
        .filter(|l| {
            let (left, _) = columns.of(l);
            l.x0 > left + l.size && l.x0 < left + 8.0 * l.size
        })
        .take(2)
        .count()
        >= 2;
    let mut out = Writer::new(pages, vocabulary, columns, indented);
    for (n, range) in per_page.iter().enumerate() {
        out.page(n, &lines[range.clone()]);
    }
    out.flush();
    out.laid.printed = per_page
        .iter()
        .map(|range| {
            lines[range.clone()]
                .iter()
                .filter(|l| l.kind == Kind::Furniture)
                .find_map(|l| printed_number(line_text(l, pages)))
        })
        .collect();
    out.laid
}

/// A glyph's box from its corners in PDF space, y turned to run down from the page's top.
fn place(corners: &[(f64, f64); 4], height: f64) -> Place {
    let xs = corners.map(|c| c.0);
    let ys = corners.map(|c| c.1);
    let (x0, x1) =
        (xs.iter().copied().fold(f64::INFINITY, f64::min), xs.iter().copied().fold(f64::NEG_INFINITY, f64::max));
    let (y0, y1) =
        (ys.iter().copied().fold(f64::INFINITY, f64::min), ys.iter().copied().fold(f64::NEG_INFINITY, f64::max));
    let size = (y1 - y0) / (ASCENT + DESCENT);
    Place { x0, x1, baseline: height - (y0 + DESCENT * size), size }
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The size most of the document's characters are set in.
fn body_size(lines: &[Line], pages: &[RawPage]) -> f64 {
    let mut by_size: HashMap<i64, usize> = HashMap::new();
    for l in lines {
        #[allow(clippy::cast_possible_truncation)] // a font size in half points
        let key = (l.size * 2.0).round() as i64;
        *by_size.entry(key).or_default() += line_text(l, pages).len();
    }
    by_size.into_iter().max_by_key(|&(size, n)| (n, size)).map_or(12.0, |(size, _)| size as f64 / 2.0)
}

fn line_text<'a>(line: &Line, pages: &'a [RawPage]) -> &'a str {
    pages[line.page as usize].text.get(line.raw.start as usize..line.raw.end as usize).unwrap_or("").trim()
}

#[cfg(test)]
mod tests;
