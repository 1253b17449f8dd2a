//! Where a source's bytes stand in its original: the page they were printed on, its numbered
//! lines, and the pin cite (`p. 17`, `pp. 17–18`, `3:12–15`) that says so.

use crate::timeline::Source;

/// `p. 17` or `pp. 17–18` for the bytes `range` of a text whose pages begin at `pages`.
pub fn pin_cite(pages: &[u32], range: std::ops::Range<usize>) -> Option<String> {
    if pages.is_empty() {
        return None;
    }
    let page = |at: usize| pages.partition_point(|&p| p as usize <= at).max(1);
    let (first, last) = (page(range.start), page(range.end.saturating_sub(1).max(range.start)));
    Some(if first == last { format!("p. {first}") } else { format!("pp. {first}–{last}") })
}

/// Where the bytes `range` of `source`'s text (`len` bytes long) stand in its original: by
/// page and line where its lines are numbered (`3:12–15`, `3:27–4:2`), else by page (`p. 17`).
pub fn source_pin_cite(source: &Source, len: usize, range: std::ops::Range<usize>) -> Option<String> {
    if let Some(lines) = numbered_lines(&source.lines, len)
        && let Some(cite) = line_cite(&lines, range.clone())
    {
        return Some(cite);
    }
    if !pages_fit(&source.pages, len) {
        return None;
    }
    let (first, last) = (page_at(source, range.start), page_at(source, range.end.saturating_sub(1).max(range.start)));
    Some(if first == last { format!("p. {first}") } else { format!("pp. {first}–{last}") })
}

/// The page (from 1) byte `at` of `source`'s text was printed on: a moved stretch's page, else
/// the page its offsets give.
pub fn page_at(source: &Source, at: usize) -> usize {
    let i = source.moved.partition_point(|m| m[1] as usize <= at);
    match source.moved.get(i) {
        Some(&[start, _, page]) if start as usize <= at && page > 0 => page as usize,
        _ => source.pages.partition_point(|&p| p as usize <= at).max(1),
    }
}

/// A numbered line: where it begins in the text, its page (from 1) and its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberedLine {
    pub at: u32,
    pub page: u32,
    pub line: u32,
}

/// A source's numbered lines, read from their pages' strings (`p45` first gives the page's
/// own number, as a transcript prints it); `None` when they do not parse or do not rise within
/// a text `len` bytes long.
pub fn numbered_lines(pages: &[String], len: usize) -> Option<Vec<NumberedLine>> {
    let mut lines = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let mut number = u32::try_from(p + 1).ok()?;
        for pair in page.split_whitespace() {
            if let Some(printed) = pair.strip_prefix('p') {
                number = printed.parse().ok()?;
                continue;
            }
            let (line, at) = pair.split_once(':')?;
            let (line, at) = (line.parse().ok()?, at.parse().ok()?);
            lines.push(NumberedLine { at, page: number, line });
        }
    }
    let rising = lines.windows(2).all(|w| w[0].at < w[1].at);
    (rising && lines.last().is_none_or(|l| l.at as usize <= len)).then_some(lines)
}

/// `3:12`, `3:12–15` or `3:27–4:2` for the bytes `range`, by the numbered lines they stand on;
/// `None` when the range begins before the first.
pub fn line_cite(lines: &[NumberedLine], range: std::ops::Range<usize>) -> Option<String> {
    let on = |at: usize| lines.partition_point(|l| l.at as usize <= at).checked_sub(1).map(|i| lines[i]);
    let first = on(range.start)?;
    let last = on(range.end.saturating_sub(1).max(range.start))?;
    Some(match (first, last) {
        (a, b) if a == b => format!("{}:{}", a.page, a.line),
        (a, b) if a.page == b.page => format!("{}:{}–{}", a.page, a.line, b.line),
        (a, b) => format!("{}:{}–{}:{}", a.page, a.line, b.page, b.line),
    })
}

/// Whether page offsets rise from 0 and stay within a text `len` bytes long.
pub(super) fn pages_fit(pages: &[u32], len: usize) -> bool {
    pages.first() == Some(&0)
        && pages.windows(2).all(|w| w[0] < w[1])
        && pages.last().is_some_and(|&p| p as usize <= len)
}

#[cfg(test)]
mod pin_cite_tests {
    use super::*;

    #[test]
    fn a_quote_on_numbered_lines_is_cited_by_page_and_line() {
        // Page 3's lines 12 to 28 begin every 10 bytes from 0, page 4's lines 1 to 3 after them.
        let page3: Vec<String> = (12..=28).map(|n| format!("{n}:{}", (n - 12) * 10)).collect();
        let page4 = "1:170 2:180 3:190".to_owned();
        let pages = vec![String::new(), String::new(), page3.join(" "), page4];
        let lines = numbered_lines(&pages, 200).expect("fits");
        assert_eq!(line_cite(&lines, 0..5).as_deref(), Some("3:12"));
        assert_eq!(line_cite(&lines, 5..35).as_deref(), Some("3:12–15"));
        assert_eq!(line_cite(&lines, 165..185).as_deref(), Some("3:28–4:2"));
        assert_eq!(numbered_lines(&["1:5 2:3".to_owned()], 10), None, "offsets must rise");
        assert_eq!(numbered_lines(&["1:5 2:x".to_owned()], 10), None, "and read");
        assert_eq!(numbered_lines(&["1:50".to_owned()], 10), None, "within the text");
        // A transcript's own page numbers.
        let printed = numbered_lines(&["p45 1:0 2:10".to_owned(), "p46 1:20".to_owned()], 30).expect("fits");
        assert_eq!(line_cite(&printed, 5..25).as_deref(), Some("45:1–46:1"));
    }

    #[test]
    fn a_quote_is_cited_by_the_page_or_pages_it_stands_on() {
        // Pages begin at bytes 0, 100 and 250.
        let pages = [0, 100, 250];
        assert_eq!(pin_cite(&pages, 10..20).as_deref(), Some("p. 1"));
        assert_eq!(pin_cite(&pages, 100..120).as_deref(), Some("p. 2"), "a page's first byte is on it");
        assert_eq!(pin_cite(&pages, 90..100).as_deref(), Some("p. 1"), "ending just before page 2");
        assert_eq!(pin_cite(&pages, 90..101).as_deref(), Some("pp. 1–2"));
        assert_eq!(pin_cite(&pages, 50..300).as_deref(), Some("pp. 1–3"));
        assert_eq!(pin_cite(&[], 0..5), None, "a source without pages");
        assert!(
            pages_fit(&pages, 250) && !pages_fit(&pages, 249) && !pages_fit(&[5, 10], 20) && !pages_fit(&[0, 9, 9], 20)
        );
    }
}
