//! A PDF's pages laid out as a reader reads them, from where pdf-extract placed each glyph:
//! the lines of a paragraph joined into one (single- or double-spaced, justified or ragged),
//! paragraphs apart by one blank line; page furniture (text repeated at the same place on most
//! pages: ECF banners, running heads, page numbers, pleading-paper line numbers) and footnotes
//! (smaller lines at a page's foot, opening with their number) set apart at the next paragraph
//! break, so a sentence running from one page to the next reads whole; footnote markers taken
//! off the words they follow; a word hyphenated at a line's end joined unless the hyphen is
//! real. Every byte of the laid-out text keeps the page and raw byte it came from, for marking
//! a quote on the drawn page.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

use super::text::{ASCENT, DESCENT, RawPage, ligature};

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
    let mut out = Writer { laid: Laid::default(), pages, vocabulary, columns, indented, open: None, queue: Vec::new() };
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

/// The page's lines as pdf-extract broke them, each placed by its glyphs; blank ones left out.
fn page_lines(n: u32, page: &RawPage) -> Vec<Line> {
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

/// Footnote markers: runs of digits (or `*`, `†`, `‡`) set smaller and raised. After a word
/// they are taken out of the line ("comments¹ explain" reads "comments explain"); at the line's
/// start (a footnote's own number) they are written as superscripts.
fn markers(line: &mut Line, text: &str, glyphs: &[(Range<u32>, Place, bool)]) {
    let is_mark = |(bytes, p, _): &(Range<u32>, Place, bool)| {
        let s = text.get(bytes.start as usize..bytes.end as usize).unwrap_or("");
        s.chars().all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'))
            && !s.is_empty()
            && p.size < line.size * 0.8
            && line.y - p.baseline > line.size * 0.2
    };
    let mut i = 0;
    while i < glyphs.len() {
        if !is_mark(&glyphs[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < glyphs.len() && is_mark(&glyphs[i]) {
            i += 1;
        }
        let bytes = glyphs[start].0.start..glyphs[i - 1].0.end;
        let before = text.get(line.raw.start as usize..bytes.start as usize).unwrap_or("");
        if before.trim().is_empty() {
            line.superscript.push(bytes);
        } else {
            line.drop.push(bytes);
        }
    }
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

/// A line's text with its numbers as `#`, lower case, without spaces (OCR spaces a banner one
/// way on one page and another on the next): what stays the same of a page's banner or
/// running head from one page to the next.
fn furniture_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        let c = if c.is_ascii_digit() { '#' } else { c };
        if c == '#' && key.ends_with('#') || c.is_whitespace() {
            continue;
        }
        key.extend(c.to_lowercase());
    }
    key
}

/// The number a page prints of itself ("Page 45", "- 5 -", "5 of 12"), in digits.
fn printed_number(text: &str) -> Option<u32> {
    if !is_page_number(text) {
        return None;
    }
    let digits: String = text.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// "5", "- 5 -", "Page 5", "Page 5 of 12", "5 of 12", "iv": a page's number.
fn is_page_number(text: &str) -> bool {
    let t = text.trim().trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ' ' | '[' | ']' | '(' | ')'));
    let t =
        t.strip_prefix("Page ").or_else(|| t.strip_prefix("page ")).or_else(|| t.strip_prefix("PAGE ")).unwrap_or(t);
    let mut parts = t.split(" of ");
    let number = |s: &str| {
        !s.is_empty()
            && (s.chars().all(|c| c.is_ascii_digit()) && s.len() <= 5
                || s.len() <= 6 && s.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')))
    };
    let first = parts.next().is_some_and(number);
    first && parts.next().is_none_or(number) && parts.next().is_none()
}

/// Marks as furniture each line whose text, numbers aside, stands at the same height on most
/// pages (at least two), and a page number at the very top or foot of its page.
fn mark_furniture(lines: &mut [Line], per_page: &[Range<usize>], pages: &[RawPage], body_size: f64) {
    let band = |l: &Line| {
        let height = pages[l.page as usize].height.max(1.0);
        #[allow(clippy::cast_possible_truncation)] // a fiftieth of the page's height
        let b = (l.y / height * 50.0).round() as i64;
        b
    };
    let mut seen: HashMap<(String, i64), Vec<u32>> = HashMap::new();
    for l in lines.iter() {
        let key = furniture_key(line_text(l, pages));
        if key.is_empty() || key.len() > 200 {
            continue;
        }
        let pages_at = seen.entry((key, band(l))).or_default();
        if pages_at.last() != Some(&l.page) {
            pages_at.push(l.page);
        }
    }
    let need = (per_page.len() / 2 + 1).max(2);
    let on_pages = |l: &Line| {
        let key = furniture_key(line_text(l, pages));
        let b = band(l);
        let mut on: Vec<u32> =
            (b - 1..=b + 1).filter_map(|b| seen.get(&(key.clone(), b))).flat_map(|p| p.iter().copied()).collect();
        on.sort_unstable();
        on.dedup();
        on.len()
    };
    // Furniture stands in a page's head or foot, or is short (a line number, a stamp): a whole
    // line of body text repeated at one height (a form's page) stays text.
    let left = lines.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let width = lines.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max) - left;
    let in_margin = |l: &Line| {
        let height = pages[l.page as usize].height.max(1.0);
        let at = l.y / height;
        // Within about half an inch of a letter page's edges (a 1-inch margin's first line of
        // text, at 9%, is body), or an inch and a half in a smaller type (a reporter's footer).
        !(0.07..=0.93).contains(&at)
            || !(0.12..=0.85).contains(&at) && l.size < body_size * 0.9
            || l.x1 - l.x0 < width * 0.4
    };
    let repeated: Vec<bool> =
        lines.iter().map(|l| per_page.len() >= 2 && in_margin(l) && on_pages(l) >= need).collect();
    for (l, repeated) in lines.iter_mut().zip(repeated) {
        if repeated {
            l.kind = Kind::Furniture;
        }
    }
    for range in per_page {
        let page = &mut lines[range.clone()];
        let top = page.iter().map(|l| l.y).fold(f64::INFINITY, f64::min);
        let foot = page.iter().map(|l| l.y).fold(f64::NEG_INFINITY, f64::max);
        for l in page.iter_mut() {
            if (l.y <= top + 0.5 || l.y >= foot - 0.5) && is_page_number(line_text(l, pages)) {
                l.kind = Kind::Furniture;
            }
        }
    }
}

/// Marks a page's footnotes: the run of lines at its foot set smaller than the body, below the
/// last body-sized line, the first opening with a number or a mark.
fn mark_footnotes(page: &mut [Line], body_size: f64, pages: &[RawPage]) {
    let small = |l: &Line| l.size < body_size * 0.9;
    // A raised number opening a line of the body is the marker of a footnote after the last
    // word of the line before ("report¹" then "says the opposite"): it goes, as after a word.
    for l in page.iter_mut().filter(|l| l.kind == Kind::Body && !small(l)) {
        let opening = std::mem::take(&mut l.superscript);
        l.drop.extend(opening);
    }
    let Some(last_body) = page
        .iter()
        .filter(|l| l.kind == Kind::Body && !small(l))
        .map(|l| l.y)
        .fold(None, |m: Option<f64>, y| Some(m.map_or(y, |m| m.max(y))))
    else {
        return;
    };
    let below = |l: &Line| l.kind == Kind::Body && small(l) && l.y > last_body + body_size * 0.5;
    let Some(first) = page.iter().filter(|l| below(l)).min_by(|a, b| a.y.total_cmp(&b.y)) else { return };
    let text = line_text(first, pages);
    if first.superscript.is_empty() && !text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'))
    {
        return;
    }
    for l in page.iter_mut() {
        if below(l) {
            l.kind = Kind::Footnote;
        }
    }
}

/// The fewest numbered lines that make a page pleading paper or a transcript.
const NUMBERED_LINES: usize = 8;

/// A line number: a whole number from 1 to 60 standing alone.
fn line_number(text: &str) -> Option<u32> {
    let t = text.trim();
    (t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
        .filter(|n| (1..=60).contains(n))
}

/// Gives the body lines of a page on pleading paper or a transcript the numbers printed beside
/// them: numbers standing alone left of the text at the lines' heights (furniture, for they
/// repeat on every page), or numbers opening the lines themselves at one left edge (then taken
/// out of the text).
fn number_lines(page: &mut [Line], pages: &[RawPage]) {
    let is_number = |l: &Line| line_number(line_text(l, pages)).is_some();
    let left =
        page.iter().filter(|l| l.kind == Kind::Body && !is_number(l)).map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let margin: Vec<(f64, u32)> = page
        .iter()
        .filter(|l| l.x1 < left + 1.0 && l.kind != Kind::Footnote)
        .filter_map(|l| line_number(line_text(l, pages)).map(|n| (l.y, n)))
        .collect();
    if margin.len() >= NUMBERED_LINES {
        for l in page.iter_mut().filter(|l| l.x1 < left + 1.0 && l.kind != Kind::Footnote) {
            if line_number(line_text(l, pages)).is_some() {
                l.kind = Kind::Margin;
            }
        }
        for l in page.iter_mut().filter(|l| l.kind == Kind::Body) {
            let near = margin
                .iter()
                .filter(|(y, _)| (y - l.y).abs() < l.size * 0.6)
                .min_by(|a, b| (a.0 - l.y).abs().total_cmp(&(b.0 - l.y).abs()));
            l.number = near.map(|&(_, n)| n);
        }
        return;
    }
    // "12  Q. Where were you?": the number opens the line, the numbers of a page set flush left
    // or flush right (a transcript's " 9" and "10" end at one edge).
    let opening = |l: &Line| {
        let page_text = &pages[l.page as usize];
        let text = page_text.text.get(l.raw.start as usize..l.raw.end as usize).unwrap_or("");
        let lead = text.len() - text.trim_start().len();
        let rest = &text[lead..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let number = line_number(&rest[..digits])?;
        if !rest[digits..].starts_with(char::is_whitespace) {
            return None;
        }
        let after = &rest[digits..];
        let words = digits + (after.len() - after.trim_start().len());
        let at = |i: usize| u32::try_from(l.raw.start as usize + lead + i).ok().and_then(|b| page_text.glyph_at(b));
        let x = |i: usize, right: bool| {
            at(i).map(|g| place(&g.corners, page_text.height)).map(|p| if right { p.x1 } else { p.x0 })
        };
        // The number's left and right edges, and where the words after it start.
        Some((number, lead, digits, [x(0, false)?, x(digits - 1, true)?, x(words, false).unwrap_or(f64::NAN)]))
    };
    let candidates: Vec<(usize, [f64; 3])> = page
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == Kind::Body)
        .filter_map(|(i, l)| opening(l).map(|o| (i, o.3)))
        .collect();
    let edges: Vec<f64> = (0..3).map(|k| median(candidates.iter().map(|c| c.1[k]))).collect();
    let numbered: Vec<usize> =
        candidates.iter().filter(|c| (0..3).any(|k| (c.1[k] - edges[k]).abs() < 2.0)).map(|c| c.0).collect();
    if numbered.len() < NUMBERED_LINES {
        return;
    }
    for i in numbered {
        let l = &mut page[i];
        if let Some((number, lead, digits, _)) = opening(l) {
            let start = l.raw.start + u32::try_from(lead).unwrap_or(0);
            l.drop.push(start..start + u32::try_from(digits).unwrap_or(0));
            l.number = Some(number);
        }
    }
}

/// Every word of the document's lines, lower case, with how often it stands written whole
/// (not split at a line's end): what decides whether a hyphen at a line's end is real.
fn vocabulary(lines: &[Line], pages: &[RawPage]) -> HashMap<String, u32> {
    let mut words: HashMap<String, u32> = HashMap::new();
    for l in lines {
        let text = line_text(l, pages);
        let mut it = text.split_whitespace().peekable();
        while let Some(w) = it.next() {
            if it.peek().is_none() && w.ends_with('-') {
                continue;
            }
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if !w.is_empty() {
                *words.entry(w.to_lowercase()).or_default() += 1;
            }
        }
    }
    words
}

/// The stretches of the laid-out text whose glyphs stand on another page than the one its
/// offsets give (see [`Laid::moved`]).
fn moved_spans(laid: &Laid) -> Vec<[u32; 3]> {
    let (text, origin, pages) = (&laid.text, &laid.origin, &laid.pages);
    let mut moved = Vec::new();
    let mut page = 0usize;
    let mut i = 0usize;
    let page_at = |page: &mut usize, at: usize| {
        while *page + 1 < pages.len() && pages[*page + 1] as usize <= at {
            *page += 1;
        }
        *page
    };
    while i < text.len() {
        let here = page_at(&mut page, i);
        let from = origin[i].page;
        if from as usize == here {
            i += 1;
            continue;
        }
        let start = i;
        while i < text.len() && origin[i].page == from && page_at(&mut page, i) == here {
            i += 1;
        }
        if text.get(start..i).is_some_and(|t| !t.trim().is_empty())
            && let (Ok(a), Ok(b)) = (u32::try_from(start), u32::try_from(i))
        {
            moved.push([a, b, from]);
        }
    }
    moved
}

/// A paragraph being written: the line it ends with, for deciding whether the next joins it.
#[derive(Clone, Debug)]
struct Open {
    last: Line,
    first_of_paragraph: bool,
    /// The last character written.
    last_char: Option<char>,
    /// Whether the line ends a sentence (a full stop not of an abbreviation, `?`, `!`).
    sentence_end: bool,
    /// Whether the line is written in capitals.
    capitals: bool,
    /// Whether the line reads as a title: its longer words capitalised, not ending on "of".
    title_like: bool,
    /// The column's left and right edges on the last line's page.
    column: (f64, f64),
    /// The page's usual distance between a line and the next.
    leading: f64,
}

struct Writer<'a> {
    laid: Laid,
    pages: &'a [RawPage],
    vocabulary: HashMap<String, u32>,
    columns: Columns,
    /// The document's paragraphs open indented.
    indented: bool,
    open: Option<Open>,
    /// Furniture and footnotes waiting for the open paragraph to end.
    queue: Vec<Line>,
}

impl Writer<'_> {
    fn page(&mut self, n: usize, lines: &[Line]) {
        let page = u32::try_from(n).unwrap_or(u32::MAX);
        let mut began = None;
        let body: Vec<&Line> = lines.iter().filter(|l| l.kind == Kind::Body).collect();
        let leading = leading(&body);
        let first_body_y = body.first().map_or(f64::INFINITY, |l| l.y);
        // Furniture above the page's first body line goes before it; the rest, and footnotes,
        // after its last.
        for l in lines.iter().filter(|l| l.kind == Kind::Furniture && l.y < first_body_y) {
            self.aside(l.clone(), &mut began);
        }
        for l in &body {
            let column = self.columns.of(l);
            let joins = self
                .open
                .as_ref()
                .is_some_and(|open| l.field || continues(open, l, column, self.text_of(l), self.indented));
            if joins {
                self.join(l, &mut began);
            } else {
                self.end_paragraph(page, &mut began);
                self.separate();
                began.get_or_insert(self.laid.text.len());
                self.push_line(l);
            }
            let last_char = self.laid.text.chars().next_back();
            // The rest of a printed line joined to its start: the line begins where its start did.
            let mut last = (*l).clone();
            if let Some(open) = self.open.as_ref().filter(|o| joins && o.last.page == l.page)
                && (open.last.y - l.y).abs() < l.size.max(1.0) * 0.3
                && l.x0 >= open.last.x1 - 1.0
            {
                last.x0 = open.last.x0.min(l.x0);
            }
            let text = self.text_of(l);
            let (sentence_end, capitals, title_like) = (ends_sentence(text), in_capitals(text), title_like(text));
            self.open = Some(Open {
                last,
                first_of_paragraph: !joins,
                last_char,
                sentence_end,
                capitals,
                title_like,
                column,
                leading,
            });
        }
        let mut footnotes: Vec<&Line> = lines.iter().filter(|l| l.kind == Kind::Footnote).collect();
        footnotes.sort_by(|a, b| a.y.total_cmp(&b.y));
        for l in footnotes {
            self.aside(l.clone(), &mut began);
        }
        for l in lines.iter().filter(|l| l.kind == Kind::Furniture && l.y >= first_body_y) {
            self.aside(l.clone(), &mut began);
        }
        if began.is_none() {
            // A page without body text ends the paragraph, then begins with what it set apart.
            self.end_paragraph(page, &mut began);
        }
        let at = began.unwrap_or_else(|| {
            // A page with nothing on it still begins after the last.
            let at = self.laid.text.len();
            self.push_str("\n", Origin { page, at: 0 });
            at
        });
        let at = if n == 0 { 0 } else { at.max(self.laid.pages.last().map_or(0, |&p| p as usize + 1)) };
        self.laid.pages.push(u32::try_from(at).unwrap_or(u32::MAX));
    }

    /// A line's text as it reads, less a footnote marker taken off its start.
    fn text_of(&self, line: &Line) -> &str {
        let text = line_text(line, self.pages);
        let raw = &self.pages[line.page as usize].text;
        let start = raw.get(line.raw.start as usize..).map_or(0, |r| r.len() - r.trim_start().len());
        let first = line.raw.start + u32::try_from(start).unwrap_or(0);
        match line.drop.iter().find(|d| d.start == first) {
            Some(marker) => text.get((marker.end - first) as usize..).map_or(text, str::trim_start),
            None => text,
        }
    }

    /// A line set apart (furniture, a footnote): written now when no paragraph is open, else
    /// when it ends.
    fn aside(&mut self, line: Line, began: &mut Option<usize>) {
        if self.open.is_some() {
            self.queue.push(line);
        } else {
            self.separate();
            began.get_or_insert(self.laid.text.len());
            self.push_line(&line);
        }
    }

    /// Ends the open paragraph, then writes what waited for it: footnotes (one paragraph each,
    /// a line opening with its number beginning the next) and furniture (a line each). What
    /// page `page` set apart, written first, is where the page begins.
    fn end_paragraph(&mut self, page: u32, began: &mut Option<usize>) {
        self.open = None;
        let queue = std::mem::take(&mut self.queue);
        let mut previous: Option<Line> = None;
        for l in queue {
            let same_note = l.kind == Kind::Footnote
                && previous.as_ref().is_some_and(|p| p.kind == Kind::Footnote && p.page == l.page)
                && !self.footnote_start(&l);
            if same_note {
                let prev = previous.clone().unwrap_or_else(|| l.clone());
                let open = Open {
                    last: prev,
                    first_of_paragraph: false,
                    last_char: None,
                    sentence_end: false,
                    capitals: false,
                    title_like: false,
                    column: (l.x0, l.x1),
                    leading: 0.0,
                };
                self.open = Some(open);
                self.join(&l, &mut None);
                self.open = None;
            } else {
                self.separate();
                if l.page == page {
                    began.get_or_insert(self.laid.text.len());
                }
                self.push_line(&l);
            }
            previous = Some(l);
        }
    }

    /// Whether a footnote line opens a new footnote: its number as a superscript, or a number
    /// and a space at a line no further left than the others.
    fn footnote_start(&self, line: &Line) -> bool {
        if !line.superscript.is_empty() {
            return true;
        }
        let text = self.text_of(line);
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && digits <= 3 && text[digits..].starts_with([' ', '.'])
    }

    fn flush(&mut self) {
        self.end_paragraph(u32::MAX, &mut None);
        if self.laid.pages.windows(2).any(|w| w[0] >= w[1])
            || self.laid.pages.last().is_some_and(|&p| p as usize > self.laid.text.len())
        {
            // Pages that cannot be told apart in the text: only where it begins is kept.
            self.laid.pages.truncate(1);
        }
        self.laid.moved = moved_spans(&self.laid);
    }

    /// A blank line before what comes next, unless the text is empty or already ends so.
    fn separate(&mut self) {
        if self.laid.text.is_empty() {
            return;
        }
        let origin = self.laid.origin.last().copied().unwrap_or(Origin { page: 0, at: 0 });
        while !self.laid.text.ends_with("\n\n") {
            self.push_str("\n", origin);
        }
    }

    /// Line `l` joined to the open paragraph: a space between, or nothing after a hyphen that
    /// is real, or the hyphen taken out of a word split at the line's end.
    fn join(&mut self, l: &Line, began: &mut Option<usize>) {
        let text = self.laid.text.as_str();
        let origin = Origin { page: l.page, at: l.raw.start };
        // A dash set apart by spaces ("word -", "word —") is a dash, and a space follows it.
        let word_end = text.chars().rev().nth(1).is_some_and(|c| !c.is_whitespace());
        match text.chars().next_back() {
            Some('-') if word_end => {
                if let (Some(stem), Hyphen::Syllable) = (text.strip_suffix('-'), self.hyphen(text, self.text_of(l))) {
                    let cut = stem.len();
                    self.laid.text.truncate(cut);
                    self.laid.origin.truncate(cut);
                }
            }
            // "the API—", "2013–", "and/": the next word follows without a space.
            Some('—' | '–' | '/') if word_end => {}
            _ => self.push_str(" ", origin),
        }
        began.get_or_insert(self.laid.text.len());
        self.push_line(l);
    }

    /// Whether the hyphen ending `text` (the paragraph so far) splits one word whose rest
    /// begins `next`: a real hyphen stays ("out-of-state", "10,000-square-foot", "Anglo-Saxon").
    fn hyphen(&self, text: &str, next: &str) -> Hyphen {
        let stem = text.strip_suffix('-').unwrap_or(text);
        let first = stem.rsplit(char::is_whitespace).next().unwrap_or("");
        let first = first.trim_start_matches(|c: char| !c.is_alphanumeric());
        let rest: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
        let (Some(end), Some(start)) = (first.chars().next_back(), rest.chars().next()) else { return Hyphen::Real };
        if !end.is_alphabetic() || !start.is_alphabetic() || start.is_uppercase() || first.contains('-') {
            return Hyphen::Real;
        }
        let joined = format!("{first}{rest}").to_lowercase();
        let hyphened = format!("{first}-{rest}").to_lowercase();
        let count = |w: &str| self.vocabulary.get(w).copied().unwrap_or(0);
        match count(&hyphened).cmp(&count(&joined)) {
            std::cmp::Ordering::Greater => Hyphen::Real,
            std::cmp::Ordering::Less => Hyphen::Syllable,
            std::cmp::Ordering::Equal => {
                let (first, rest) = (first.to_lowercase(), rest.to_lowercase());
                if COMPOUND_FIRST.contains(&first.as_str()) || COMPOUND_SECOND.contains(&rest.as_str()) {
                    Hyphen::Real
                } else if is_word(&joined) {
                    Hyphen::Syllable
                } else if is_word(&first) && is_word(&rest) && first.chars().count() > 1 {
                    // "court-/appointed": two words, and no word written whole.
                    Hyphen::Real
                } else {
                    Hyphen::Syllable
                }
            }
        }
    }

    /// A printed line's text: ligatures spelt out, markers after words left out, a footnote's
    /// number as a superscript, the spaces around it trimmed.
    fn push_line(&mut self, l: &Line) {
        let begins = u32::try_from(self.laid.text.len()).unwrap_or(u32::MAX);
        if let Some(n) = l.number
            && self.laid.lines.last().is_none_or(|&(_, _, at)| at < begins)
        {
            self.laid.lines.push((l.page, n, begins));
        }
        let raw = &self.pages[l.page as usize].text;
        let Some(text) = raw.get(l.raw.start as usize..l.raw.end as usize) else { return };
        let lead = text.len() - text.trim_start().len();
        let text = text.trim();
        let base = l.raw.start as usize + lead;
        let mut pushed_any = false;
        for (i, c) in text.char_indices() {
            let Ok(at) = u32::try_from(base + i) else { return };
            if l.drop.iter().any(|d| d.contains(&at)) {
                continue;
            }
            let origin = Origin { page: l.page, at };
            if c.is_whitespace() {
                // Runs of spaces (and any left where a marker was taken out) become one.
                if pushed_any && !self.laid.text.ends_with(' ') {
                    self.push_str(" ", origin);
                }
                continue;
            }
            pushed_any = true;
            if l.superscript.iter().any(|s| s.contains(&at))
                && let Some(sup) = superscript(c)
            {
                self.push_str(sup.encode_utf8(&mut [0; 4]), origin);
            } else if let Some(letters) = ligature(c) {
                self.push_str(letters, origin);
            } else if let Some(plain) = crate::model::fold::symbol_glyph(c) {
                self.push_str(plain.encode_utf8(&mut [0; 4]), origin);
            } else {
                self.push_str(c.encode_utf8(&mut [0; 4]), origin);
            }
        }
        while self.laid.text.ends_with(' ') {
            self.laid.text.pop();
            self.laid.origin.pop();
        }
    }

    fn push_str(&mut self, s: &str, origin: Origin) {
        self.laid.text.push_str(s);
        self.laid.origin.extend(std::iter::repeat_n(origin, s.len()));
    }
}

enum Hyphen {
    Real,
    Syllable,
}

/// Whether `word` (lower case) is among the most frequent words of English, Spanish or Italian
/// (`assets/words/`, from wordfreq).
fn is_word(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            [
                include_str!("../../../../../assets/words/en.txt"),
                include_str!("../../../../../assets/words/es.txt"),
                include_str!("../../../../../assets/words/it.txt"),
            ]
            .iter()
            .flat_map(|list| list.lines())
            .collect()
        })
        .contains(word)
}

/// First parts that make a compound with a hyphen, when the document does not say otherwise.
const COMPOUND_FIRST: [&str; 14] =
    ["self", "well", "ex", "cross", "so", "non", "third", "half", "one", "two", "three", "court", "long", "short"];
/// Second parts likewise.
const COMPOUND_SECOND: [&str; 12] =
    ["based", "related", "owned", "term", "party", "wide", "like", "free", "known", "ordered", "specific", "level"];

fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '*' | '†' | '‡' => c,
        _ => return None,
    })
}

/// The usual distance from one body line to the next below it on a page.
fn leading(body: &[&Line]) -> f64 {
    let gaps = body.windows(2).map(|w| w[1].y - w[0].y).filter(|&g| g > w_min(body));
    let m = median(gaps);
    if m > 0.0 { m } else { body.first().map_or(12.0, |l| l.size * 1.2) }
}

fn w_min(body: &[&Line]) -> f64 {
    body.first().map_or(1.0, |l| l.size * 0.5)
}

/// The document's columns, from its body lines' left edges: the edge most lines near a line
/// start at is its column's left (full-width titles and centred headings aside), and the
/// reach of three lines in four starting there its right.
struct Columns {
    /// The right edges of the body lines starting at each whole point.
    starts: std::collections::BTreeMap<i64, Vec<f64>>,
    /// How near a line's left edge must be to another's to share its column, in points.
    near: i64,
    /// Worked out once for each whole point a line starts at.
    found: std::cell::RefCell<HashMap<i64, (f64, f64)>>,
}

impl Columns {
    fn new(lines: &[Line]) -> Self {
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
    fn of(&self, line: &Line) -> (f64, f64) {
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

/// Words with a full stop that do not end a sentence: "Facebook, Inc.", "U.S.", "No. 5".
const ABBREVIATIONS: [&str; 34] = [
    "inc", "corp", "co", "ltd", "llc", "no", "nos", "mr", "mrs", "ms", "dr", "st", "v", "vs", "jr", "sr", "art", "sec",
    "fed", "cir", "app", "supp", "ct", "dist", "civ", "crim", "dkt", "para", "cf", "ex", "pp", "p", "sig", "ord",
];

/// Whether a line's last word ends a sentence: `?`, `!`, or a full stop after a word that is
/// not an abbreviation, a closing quote or bracket after them allowed.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    if t.ends_with(['?', '!']) {
        return true;
    }
    let Some(word) = t.strip_suffix('.') else { return false };
    let last = word.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let single = last.chars().count() == 1 && last.chars().all(char::is_alphabetic);
    !(single || last.contains('.') || ABBREVIATIONS.contains(&last.to_lowercase().as_str()))
}

/// Whether a transcript's line opens a question, an answer or a speaker's turn ("Q. Where",
/// "A. At home", "THE COURT: Sustained.", "MR. LEE: Objection."): each is a paragraph.
fn opens_a_turn(text: &str) -> bool {
    let t = text.trim_start();
    if ["Q.", "A.", "Q:", "A:"].iter().any(|m| t.strip_prefix(m).is_some_and(|r| r.starts_with(char::is_whitespace))) {
        return true;
    }
    let Some((speaker, _)) = t.split_once(':') else { return false };
    let words: Vec<&str> = speaker.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && ["THE", "MR.", "MS.", "MRS.", "DR.", "BY"].contains(&words[0])
        && words.iter().all(|w| w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '-')))
}

/// Words a heading does not end on, in the languages citeline reads.
const FUNCTION_WORDS: [&str; 40] = [
    "a", "an", "the", "of", "to", "in", "and", "or", "for", "with", "by", "on", "at", "from", "that", "which", "as",
    "is", "was", "de", "la", "el", "los", "las", "del", "y", "en", "que", "un", "una", "di", "il", "lo", "e", "che",
    "per", "con", "della", "dei", "le",
];

/// Whether a short line reads as a heading: its words of four letters or more capitalised,
/// and its last word not one a sentence goes on from ("Courts in" is not; "Background" is).
fn title_like(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(last) = words.last() else { return false };
    !FUNCTION_WORDS.contains(&last.to_lowercase().as_str())
        && words
            .iter()
            .filter(|w| w.chars().count() >= 4)
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
}

/// Whether a line's letters are all capitals (two at least): a heading's.
fn in_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    let n = letters.clone().count();
    n >= 2 && letters.all(char::is_uppercase)
}

/// Whether `next` goes on the open paragraph: not after a short line that ends a sentence, a
/// heading, or a wider gap than the page's lines keep; not when it is indented further than
/// the line before (a new paragraph, a block quotation), nor back out from a quotation.
fn continues(open: &Open, next: &Line, column: (f64, f64), next_text: &str, indented: bool) -> bool {
    // In a transcript (numbered lines) a question, an answer or a speaker opens a paragraph.
    if next.number.is_some() && opens_a_turn(next_text) {
        return false;
    }
    let a = &open.last;
    let size = a.size.max(next.size).max(1.0);
    // The rest of the same printed line (pdf-extract breaks a line where a raised marker
    // stands): it goes on.
    if a.page == next.page && (next.y - a.y).abs() < size * 0.3 && next.x0 >= a.x1 - 1.0 && next.x0 < a.x1 + 3.0 * size
    {
        return true;
    }
    let (left, right) = open.column;
    let width = (right - left).max(size);
    let same_page = a.page == next.page;
    let ends_sentence = |c: char| matches!(c, '.' | ':' | ';' | '?' | '!' | '"' | '”' | '’' | ')');
    let short = a.x1 < right - 4.0 * size;
    let last_char = open.last_char;
    if short && last_char.is_some_and(ends_sentence) {
        return false;
    }
    let starts_capital = next_text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let open_ended = last_char.is_some_and(|c| matches!(c, ',' | '-' | '—' | '–'));
    // A heading: short or centred and reading as a title, or in capitals (a block quotation
    // is indented on both sides too, but goes on).
    let heading = a.x1 < left + 0.65 * width && open.title_like
        || open.capitals
        || open.title_like
            && a.x0 > left + 2.0 * size
            && a.x1 < right - 2.0 * size
            && (a.x0 - left - (right - a.x1)).abs() < 2.0 * size;
    // A heading of two lines in capitals is one heading.
    let heading_goes_on = open.capitals && in_capitals(next_text);
    if heading && starts_capital && !open_ended && !heading_goes_on {
        return false;
    }
    let (next_left, _) = column;
    if same_page && next.y > a.y {
        let gap = next.y - a.y;
        if gap > open.leading * 1.35 && gap > open.leading + 0.4 * size {
            return false;
        }
        if next.x0 > a.x0 + size {
            return false;
        }
        if next.x0 < a.x0 - size && !open.first_of_paragraph && a.x0 > left + size {
            return false;
        }
    } else if next.x0 > next_left + size && (next.x0 - a.x0).abs() > size {
        // A new column or page opening indented starts a paragraph (unless the paragraph
        // before was indented as much: a block quotation going on).
        return false;
    } else if starts_capital && open.sentence_end && !indented {
        // Where the page or column turns no gap can be seen: in a document whose paragraphs do
        // not open indented, a sentence ended at the foot and one begun at the head are taken
        // for two paragraphs.
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::text::Glyph;
    use super::*;

    /// A page as pdf-extract would write it: lines apart by a line break, each character a
    /// glyph half its size wide, at `(x, baseline from the page's top, size)`.
    fn page(lines: &[(f64, f64, f64, &str)]) -> RawPage {
        let height = 792.0;
        let mut raw = RawPage { height, ..RawPage::default() };
        for (i, &(x, y, size, line)) in lines.iter().enumerate() {
            if i > 0 {
                raw.text.push('\n');
            }
            let mut left = x;
            let mut raised = false;
            for c in line.chars() {
                // "^1": a footnote marker, smaller and raised.
                if c == '^' {
                    raised = true;
                    continue;
                }
                let (size, lift) = if std::mem::take(&mut raised) { (size * 0.6, size * 0.4) } else { (size, 0.0) };
                let start = u32::try_from(raw.text.len()).expect("small");
                raw.text.push(c);
                let end = u32::try_from(raw.text.len()).expect("small");
                let base = height - y + lift;
                let (lo, hi, right) = (base - DESCENT * size, base + ASCENT * size, left + size * 0.5);
                raw.glyphs
                    .push(Glyph { bytes: start..end, corners: [(left, lo), (right, lo), (right, hi), (left, hi)] });
                left = right;
            }
        }
        raw
    }

    /// Lines 14 points apart from `top`, at the margin unless indented.
    fn body<'a>(top: f64, lines: &[(f64, &'a str)]) -> Vec<(f64, f64, f64, &'a str)> {
        lines.iter().enumerate().map(|(i, &(x, t))| (x, top + 14.0 * i as f64, 12.0, t)).collect()
    }

    #[test]
    fn a_symbol_fonts_bullet_is_read_as_a_bullet() {
        let raw =
            page(&body(100.0, &[(72.0, "\u{F0B7} Discovery closes in May."), (72.0, "\u{F0A7} Trial \u{F0B3} June.")]));
        let laid = lay_out(&[raw]);
        assert!(laid.text.contains("• Discovery closes in May."), "{:?}", laid.text);
        assert!(laid.text.contains("▪ Trial ≥ June."), "{:?}", laid.text);
        assert!(!laid.text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)));
    }

    #[test]
    fn lines_of_a_paragraph_are_joined_and_paragraphs_kept_apart() {
        let lines = body(
            100.0,
            &[
                (90.0, "The first paragraph opens indented and runs on"),
                (72.0, "over a second line that ends the sentence here."),
                (90.0, "A second paragraph opens indented, its hyphen-"),
                (72.0, "ated word joined and its non-"),
                (72.0, "compete clause too."),
            ],
        );
        let laid = lay_out(&[page(&lines)]);
        assert_eq!(
            laid.text,
            "The first paragraph opens indented and runs on over a second line that ends the sentence here.\n\n\
             A second paragraph opens indented, its hyphenated word joined and its non-compete clause too."
        );
        assert_eq!(laid.pages, vec![0]);
    }

    #[test]
    fn a_hyphen_is_real_when_the_document_writes_the_word_so_and_a_split_when_it_writes_it_whole() {
        let lines = body(
            100.0,
            &[
                (72.0, "The court-appointed expert and the pre-"),
                (72.0, "trial motion: pretrial, pretrial. Then court-"),
                (72.0, "appointed counsel, long-"),
                (72.0, "awaited, the parlamen-"),
                (72.0, "taria report, the Smith-"),
                (72.0, "Jones rule, 2013-"),
                (72.0, "2015 in all."),
            ],
        );
        let text = lay_out(&[page(&lines)]).text;
        assert!(text.contains("the pretrial motion"), "{text}");
        assert!(text.contains("Then court-appointed counsel"), "{text}");
        assert!(text.contains("the parlamentaria report"), "{text}");
        assert!(text.contains("the Smith-Jones rule, 2013-2015 in all."), "{text}");
        assert!(text.contains("long-awaited"), "{text}");
        // No other spelling in the document: the languages' word lists decide.
        let lists = body(
            100.0,
            &[(72.0, "a price-"), (72.0, "fixing scheme, an arrange-"), (72.0, "ment, the infor-"), (72.0, "mation")],
        );
        assert_eq!(lay_out(&[page(&lists)]).text, "a price-fixing scheme, an arrangement, the information");
        let dashes = body(100.0, &[(72.0, "a dash set apart -"), (72.0, "then words, the API—"), (72.0, "which ran")]);
        assert_eq!(lay_out(&[page(&dashes)]).text, "a dash set apart - then words, the API—which ran");
    }

    #[test]
    fn furniture_repeated_on_most_pages_is_set_apart_and_page_numbers_at_the_foot_too() {
        let pages: Vec<RawPage> = (1..=4)
            .map(|n| {
                let banner = format!("Case 1:20-cv-0{n}  Document 12  Filed 03/0{n}/21  Page {n} of 4");
                let number = format!("{n}");
                let mut lines = vec![(72.0, 40.0, 8.0, banner.as_str())];
                let text = ["and the sentence goes", "on over the page and", "ends on the next one", "there."];
                lines.extend(body(100.0, &[(72.0, text[n - 1])]));
                lines.push((300.0, 760.0, 10.0, number.as_str()));
                page(&lines)
            })
            .collect();
        let laid = lay_out(&pages);
        assert!(
            laid.text.contains("and the sentence goes on over the page and ends on the next one there."),
            "{}",
            laid.text
        );
        assert_eq!(laid.text.matches("Document 12").count(), 4);
        assert_eq!(laid.pages.len(), 4);
        assert!(laid.pages.windows(2).all(|w| w[0] < w[1]), "{:?}", laid.pages);
    }

    #[test]
    fn body_text_repeated_at_one_height_on_every_page_stays_text() {
        let line = "A form's whole line of text that stands on every page at one place";
        let pages: Vec<RawPage> = (0..3)
            .map(|_| page(&body(300.0, &[(72.0, line), (72.0, "and goes on to a second line of the form's text.")])))
            .collect();
        let laid = lay_out(&pages);
        assert_eq!(laid.text.matches(&format!("{line} and goes on")).count(), 3, "{}", laid.text);
    }

    #[test]
    fn a_bracketed_caption_is_read_one_column_then_the_other() {
        let rows = [
            "UNITED STATES OF AMERICA,      )",
            "                               )   Civil Action No. 20-3590",
            "          Plaintiff,           )",
            "     v.                        )   COMPLAINT FOR INJUNCTIVE",
            "FACEBOOK, INC.,                )   RELIEF",
            "          Defendant.           )",
        ];
        let mut lines: Vec<(f64, f64, f64, &str)> = body(100.0, &rows.map(|r| (72.0, r)));
        lines.extend(body(200.0, &[(90.0, "The United States brings this action.")]));
        let text = lay_out(&[page(&lines)]).text;
        let parties = text.find("UNITED STATES OF AMERICA,").expect("parties");
        let defendant = text.find("Defendant.").expect("defendant");
        let number = text.find("Civil Action No. 20-3590").expect("number");
        assert!(parties < defendant && defendant < number, "{text}");
        assert!(text.contains("COMPLAINT FOR INJUNCTIVE RELIEF"), "{text}");
        assert!(!text.contains(')'), "{text}");
        assert!(text.ends_with("The United States brings this action."), "{text}");
    }

    #[test]
    fn a_footnote_marker_is_taken_off_whether_it_ends_a_line_or_opens_the_next() {
        let lines = body(
            100.0,
            &[
                (90.0, "The comments^1 explain it, but the mediator's report"),
                (72.0, "^2says the opposite of what the court found."),
            ],
        );
        assert_eq!(
            lay_out(&[page(&lines)]).text,
            "The comments explain it, but the mediator's report says the opposite of what the court found."
        );
    }

    #[test]
    fn a_transcripts_questions_answers_and_speakers_are_paragraphs() {
        // Numbered as a transcript's lines are (the numbers themselves are tested with PDFs).
        let lines = body(
            100.0,
            &[
                (72.0, "Q. And what did the logs show for July 22nd?"),
                (72.0, "A. The alarm went off at 2:14 in the morning, and"),
                (72.0, "nobody came until six."),
                (72.0, "MR. LEE: Objection, form."),
                (72.0, "THE WITNESS: I can answer."),
            ],
        );
        let numbered: Vec<String> = lines.iter().enumerate().map(|(i, l)| format!("{} {}", i + 1, l.3)).collect();
        let mut lines = lines;
        for (l, n) in lines.iter_mut().zip(&numbered) {
            l.3 = n.as_str();
        }
        let mut padded = lines.clone();
        for (i, tail) in ["6 and then", "7 it went", "8 on so", "9 long."].into_iter().enumerate() {
            padded.push((72.0, 300.0 + 14.0 * i as f64, 12.0, tail));
        }
        let text = lay_out(&[page(&padded)]).text;
        let turns: Vec<&str> = text.split("\n\n").take(4).collect();
        assert_eq!(
            turns,
            [
                "Q. And what did the logs show for July 22nd?",
                "A. The alarm went off at 2:14 in the morning, and nobody came until six.",
                "MR. LEE: Objection, form.",
                "THE WITNESS: I can answer.",
            ]
        );
        assert!(!opens_a_turn("THE defendant: no"));
    }

    #[test]
    fn a_short_line_is_a_heading_only_when_it_reads_as_one() {
        let lines = body(
            100.0,
            &[
                (72.0, "Background"),
                (72.0, "The parties entered into the agreement that year, and then into a written"),
                (72.0, "Warehouse Storage Agreement whose terms the court read."),
                (72.0, "Courts in"),
                (72.0, "California have long read such terms the same way in every case."),
            ],
        );
        assert_eq!(
            lay_out(&[page(&lines)]).text,
            "Background\n\nThe parties entered into the agreement that year, and then into a written Warehouse \
             Storage Agreement whose terms the court read.\n\nCourts in California have long read such terms the \
             same way in every case."
        );
    }

    #[test]
    fn what_is_a_page_number() {
        for yes in ["5", "- 5 -", "Page 5", "Page 5 of 12", "5 of 12", "iv", "[3]", "– 12 –"] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["5 cases", "Page five", "2013-08", "The end", "123456"] {
            assert!(!is_page_number(no), "{no}");
        }
        assert_eq!(furniture_key("Case: 20-1507   Page: 4"), "case:#-#page:#");
        assert_eq!(furniture_key("Case: 20-1507 Page:12"), furniture_key("Case: 20-1507   Page: 4"));
    }

    #[test]
    fn a_blank_page_still_has_a_place_and_an_empty_document_lays_out_empty() {
        let pages = vec![page(&[]), page(&body(100.0, &[(72.0, "Text.")])), page(&[])];
        let laid = lay_out(&pages);
        assert_eq!(laid.text.trim(), "Text.");
        assert_eq!(laid.pages.len(), 3);
        assert!(laid.pages.windows(2).all(|w| w[0] < w[1]), "{:?}", laid.pages);
        assert!(laid.pages.last().is_some_and(|&p| p as usize <= laid.text.len()));
        assert_eq!(lay_out(&[]).text, "");
    }

    proptest! {
        /// Each laid-out character came from the raw character its origin names (itself, or a
        /// ligature holding it), unless it is a space or line break put between lines; the pages
        /// rise within the text.
        #[test]
        fn origins_name_the_characters_they_came_from(
            pages in proptest::collection::vec(
                proptest::collection::vec(("[a-zﬁA-Z.,\\-]{1,12}( [a-zﬁ.\\-]{1,9}){0,5}", 0u8..3, 0u8..3), 0..8),
                1..4,
            )
        ) {
            let raws: Vec<RawPage> = pages
                .iter()
                .map(|lines| {
                    let mut y = 60.0;
                    let placed: Vec<(f64, f64, f64, &str)> = lines
                        .iter()
                        .map(|(t, indent, gap)| {
                            y += 14.0 + f64::from(*gap) * 10.0;
                            (72.0 + f64::from(*indent) * 18.0, y, 12.0, t.as_str())
                        })
                        .collect();
                    page(&placed)
                })
                .collect();
            let laid = lay_out(&raws);
            prop_assert_eq!(laid.origin.len(), laid.text.len());
            for (i, c) in laid.text.char_indices() {
                let o = laid.origin[i];
                let raw = &raws[o.page as usize].text;
                let source = raw[o.at as usize..].chars().next();
                let fits = source == Some(c)
                    || source.and_then(ligature).is_some_and(|l| l.contains(c))
                    || c.is_whitespace();
                prop_assert!(fits, "{:?} at {} came from {:?}", c, i, source);
            }
            prop_assert!(laid.pages.first() == Some(&0));
            prop_assert!(laid.pages.windows(2).all(|w| w[0] < w[1]), "{:?}", laid.pages);
            prop_assert!(laid.pages.last().is_some_and(|&p| p as usize <= laid.text.len()));
        }
    }
}
