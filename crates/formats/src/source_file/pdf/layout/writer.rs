//! The laid-out text written: paragraph by paragraph, lines joined, what is set apart held
//! until the paragraph it interrupts ends, each byte with its origin.

use std::collections::HashMap;

use super::super::text::{RawPage, ligature};
use super::footnotes::superscript;
use super::hyphens::{Hyphen, hyphen};
use super::lines::Columns;
use super::paragraphs::{Open, continues, ends_sentence, in_capitals, leading, title_like};
use super::{Kind, Laid, Line, Origin, line_text};

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

/// The laid-out text being written, page by page, and what it waits on.
pub(super) struct Writer<'a> {
    pub(super) laid: Laid,
    pages: &'a [RawPage],
    vocabulary: HashMap<String, u32>,
    columns: Columns,
    /// The document's paragraphs open indented.
    indented: bool,
    open: Option<Open>,
    /// Furniture and footnotes waiting for the open paragraph to end.
    queue: Vec<Line>,
}

impl<'a> Writer<'a> {
    pub(super) fn new(
        pages: &'a [RawPage],
        vocabulary: HashMap<String, u32>,
        columns: Columns,
        indented: bool,
    ) -> Self {
        Self { laid: Laid::default(), pages, vocabulary, columns, indented, open: None, queue: Vec::new() }
    }

    pub(super) fn page(&mut self, n: usize, lines: &[Line]) {
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

    pub(super) fn flush(&mut self) {
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
                if let (Some(stem), Hyphen::Syllable) =
                    (text.strip_suffix('-'), hyphen(&self.vocabulary, text, self.text_of(l)))
                {
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
