//! Citation footnotes for exported images: each numbered event once, `n. Date — Title`, and
//! under it its citations lettered `a. “quote” — Source title, publisher, p. 4`, wrapped to the
//! image width; a source's language is said only when it is not the timeline's own.

use emath::pos2;

use super::Scene;
use super::theme::Palette;
use crate::layout::text::TextMeasure;
use crate::model::Document;

pub(crate) const FOOTNOTE_SIZE: f32 = 12.0;
pub(crate) const FOOTNOTE_LINE: f32 = 17.0;
const ENTRY_GAP: f32 = 4.0;
/// How far citations stand in from their event's title.
const INDENT: f32 = 18.0;

/// One event's footnote: its number and title, then its citations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Footnote {
    pub head: String,
    pub citations: Vec<String>,
}

/// The footnote of each event in `numbered` (number, event index).
pub fn footnotes(doc: &Document, numbered: &[(u32, u32)]) -> Vec<Footnote> {
    let mut out = Vec::new();
    let own = crate::model::language::timeline_language(doc.timeline());
    for &(n, event) in numbered {
        let Some(e) = doc.events().get(event as usize) else { continue };
        let mut citations: Vec<String> = e
            .citations
            .iter()
            .zip(letters())
            .enumerate()
            .map(|(ci, (c, letter))| {
                let mut line = format!("{letter}. “{}” — {}", c.quote, source_words(doc, &c.source, own));
                if let Some(pages) = doc.pin_cite(event as usize, ci) {
                    line.push_str(", ");
                    line.push_str(&pages);
                }
                line
            })
            .collect();
        if citations.is_empty() {
            citations.push("(no citation)".to_owned());
        }
        let head = match doc.span(event as usize) {
            Some(_) => format!("{n}. {} — {}", doc.date_label(event as usize), e.title),
            None => format!("{n}. {}", e.title),
        };
        out.push(Footnote { head, citations });
    }
    out
}

/// a, b, … z, aa, ab, …
fn letters() -> impl Iterator<Item = String> {
    (0_u32..).map(|mut k| {
        let mut s = String::new();
        loop {
            s.insert(0, char::from(b'a' + u8::try_from(k % 26).unwrap_or(0)));
            if k < 26 {
                break s;
            }
            k = k / 26 - 1;
        }
    })
}

/// "Source title, publisher (language)", or the id of a source the file does not hold; the
/// language only when it is not `own`, the timeline's.
fn source_words(doc: &Document, id: &str, own: Option<&str>) -> String {
    doc.source(id).map_or_else(
        || id.to_owned(),
        |(s, _)| {
            let mut who = s.title.clone();
            if !s.publisher.is_empty() {
                who.push_str(", ");
                who.push_str(&s.publisher);
            }
            let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase();
            if !s.language.is_empty() && own.is_none_or(|own| primary(own) != primary(&s.language)) {
                who.push_str(" (");
                who.push_str(&s.language);
                who.push(')');
            }
            who
        },
    )
}

/// Footnotes set in columns no wider than a comfortable reading measure, each entry wrapped
/// to its column.
pub(crate) struct FootnoteLayout {
    /// Columns of entries of lines; a line is indented (a citation) or not (a title).
    columns: Vec<Vec<Vec<(bool, String)>>>,
    column_width: f32,
}

/// Longest comfortable line of footnote text, in points (about 150 characters).
const MAX_MEASURE: f32 = 1000.0;
const COLUMN_GAP: f32 = 32.0;

impl FootnoteLayout {
    /// Lays out `texts` over `width` points.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a small positive count
    pub fn new(notes: &[Footnote], width: f32) -> Self {
        let count = (((width + COLUMN_GAP) / (MAX_MEASURE + COLUMN_GAP)).ceil() as usize).clamp(1, 4);
        let column_width = (width - COLUMN_GAP * (count as f32 - 1.0)) / count as f32;
        let m = TextMeasure::get();
        let wrapped: Vec<Vec<(bool, String)>> = notes
            .iter()
            .map(|n| {
                let mut lines: Vec<(bool, String)> =
                    m.wrap(&n.head, FOOTNOTE_SIZE, false, column_width).into_iter().map(|l| (false, l)).collect();
                for c in &n.citations {
                    lines.extend(m.wrap(c, FOOTNOTE_SIZE, false, column_width - INDENT).into_iter().map(|l| (true, l)));
                }
                lines
            })
            .collect();
        // Fill columns in reading order, each up to an even share of the total height.
        let total: f32 = wrapped.iter().map(|e| entry_height(e)).sum();
        let share = total / count as f32;
        let mut columns: Vec<Vec<Vec<(bool, String)>>> = vec![Vec::new()];
        let mut used = 0.0;
        for entry in wrapped {
            let h = entry_height(&entry);
            if used > 0.0 && used + h / 2.0 > share && columns.len() < count {
                columns.push(Vec::new());
                used = 0.0;
            }
            used += h;
            if let Some(c) = columns.last_mut() {
                c.push(entry);
            }
        }
        Self { columns, column_width }
    }

    pub fn is_empty(&self) -> bool {
        self.columns.iter().all(Vec::is_empty)
    }

    pub fn height(&self) -> f32 {
        self.columns.iter().map(|c| c.iter().map(|e| entry_height(e)).sum::<f32>()).fold(0.0, f32::max)
    }

    /// Draws the columns from `(x, y)` down.
    pub fn draw(&self, scene: &mut Scene, x: f32, y: f32, palette: &Palette) {
        for (i, column) in self.columns.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)] // a handful of columns
            let left = x + i as f32 * (self.column_width + COLUMN_GAP);
            let mut top = y;
            for lines in column {
                for (indented, line) in lines {
                    let x = if *indented { left + INDENT } else { left };
                    scene.text(pos2(x, top), line.clone(), FOOTNOTE_SIZE, false, palette.text);
                    top += FOOTNOTE_LINE;
                }
                top += ENTRY_GAP;
            }
        }
    }
}

#[allow(clippy::cast_precision_loss)] // line counts are small
fn entry_height<T>(lines: &[T]) -> f32 {
    lines.len() as f32 * FOOTNOTE_LINE + ENTRY_GAP
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_images_get_columns_of_readable_width_holding_every_entry() {
        let texts: Vec<Footnote> = (1..=12)
            .map(|n| Footnote {
                head: format!("{n}. Event {n}"),
                citations: vec!["a. “a quote that runs on for a while to fill a line of text” — Source".to_owned()],
            })
            .collect();
        let narrow = FootnoteLayout::new(&texts, 900.0);
        assert_eq!(narrow.columns.len(), 1);
        let wide = FootnoteLayout::new(&texts, 3784.0);
        assert!(wide.columns.len() >= 3, "{}", wide.columns.len());
        assert!(wide.column_width <= MAX_MEASURE);
        assert_eq!(wide.columns.iter().map(Vec::len).sum::<usize>(), 12, "every entry, once");
        assert!(wide.height() < narrow.height());
        let first: Vec<&str> = wide.columns.iter().flatten().map(|e| e[0].1.as_str()).collect();
        assert!(first[0].starts_with("1.") && first[11].starts_with("12."), "reading order is kept");
    }

    #[test]
    fn each_event_is_numbered_once_and_its_citations_lettered_under_it() {
        let doc = crate::session::loaded::load_seed().expect("the seed").doc;
        let titan = u32::try_from(doc.event_index("titan-api").expect("titan")).expect("small");
        let notes = footnotes(&doc, &[(3, titan)]);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].head, format!("3. August 2013 — {}", doc.events()[titan as usize].title));
        assert_eq!(notes[0].citations.len(), 2);
        assert!(notes[0].citations[0].starts_with("a. “Nell’agosto 2013"), "{:?}", notes[0].citations);
        assert!(notes[0].citations[1].starts_with("b. “"));
        assert!(
            notes[0].citations.iter().all(|c| !c.contains(&*doc.events()[titan as usize].title)),
            "the title is not repeated"
        );
        // The seed's titles are English and its sources Spanish and Italian: each says its own.
        assert_eq!(crate::model::language::timeline_language(doc.timeline()), Some("en"));
        assert!(
            notes[0].citations.iter().all(|c| c.contains(" (it)") || c.contains(" (es)")),
            "{:?}",
            notes[0].citations
        );
        let mut english = doc.timeline().clone();
        for s in &mut english.sources {
            s.language = "en-US".into();
        }
        let english = Document::new(english, doc.path(), &crate::model::Progress::default()).expect("valid");
        let notes = footnotes(&english, &[(1, titan)]);
        assert!(notes[0].citations.iter().all(|c| !c.contains("(en")), "{:?}", notes[0].citations);
        let l: Vec<String> = letters().take(28).collect();
        assert_eq!((l[0].as_str(), l[25].as_str(), l[26].as_str(), l[27].as_str()), ("a", "z", "aa", "ab"));
    }
}
