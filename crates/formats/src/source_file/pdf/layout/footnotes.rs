//! Footnotes: the markers after words taken out and a footnote's own number raised, and the
//! smaller lines at a page's foot told as its footnotes.

use std::ops::Range;

use super::super::text::RawPage;
use super::{Kind, Line, Place, line_text};

/// Footnote markers: runs of digits (or `*`, `†`, `‡`) set smaller and raised. After a word
/// they are taken out of the line ("comments¹ explain" reads "comments explain"); at the line's
/// start (a footnote's own number) they are written as superscripts.
pub(super) fn markers(line: &mut Line, text: &str, glyphs: &[(Range<u32>, Place, bool)]) {
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

/// Marks a page's footnotes: the run of lines at its foot set smaller than the body, below the
/// last body-sized line, the first opening with a number or a mark.
pub(super) fn mark_footnotes(page: &mut [Line], body_size: f64, pages: &[RawPage]) {
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

pub(super) fn superscript(c: char) -> Option<char> {
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
