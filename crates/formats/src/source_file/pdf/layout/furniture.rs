//! Page furniture: text repeated at one place on most pages (banners, running heads) and page
//! numbers at a page's head or foot; and the numbers printed beside the lines of pleading paper
//! or a transcript.

use std::collections::HashMap;
use std::ops::Range;

use super::super::text::RawPage;
use super::{Kind, Line, line_text, median, place};

/// A line's text with its numbers as `#`, lower case, without spaces (OCR spaces a banner one
/// way on one page and another on the next): what stays the same of a page's banner or
/// running head from one page to the next.
pub(super) fn furniture_key(text: &str) -> String {
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
pub(super) fn printed_number(text: &str) -> Option<u32> {
    if !is_page_number(text) {
        return None;
    }
    let digits: String = text.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// "5", "- 5 -", "Page 5", "Page 5 of 12", "5 of 12", "iv": a page's number.
pub(super) fn is_page_number(text: &str) -> bool {
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
pub(super) fn mark_furniture(lines: &mut [Line], per_page: &[Range<usize>], pages: &[RawPage], body_size: f64) {
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
pub(super) fn number_lines(page: &mut [Line], pages: &[RawPage]) {
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
