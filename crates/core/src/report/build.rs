//! The one [`Report`] built from a document: its rows gathered in one pass over the
//! chronology's, the period it covers, its picture and its sources in the citation style.

use std::fmt::Write as _;

use super::{Cited, Entry, MAX_EVENTS, PICTURE_MAX_EVENTS, Report, ReportOptions, SourceEntry};
use crate::layout::lanes::Lanes;
use crate::model::date::group_thousands;
use crate::model::{Day, Document, Source, Verification};
use crate::scene::Scene;
use crate::scene::compose::{Extent, ImageOptions, image};

/// How wide the picture is drawn, in pixels, before it is scaled to the page.
const PICTURE_WIDTH: u32 = 1000;

impl Report {
    /// The report of `doc`'s events that `options.visible` lets through, or why it cannot be
    /// made (too many events).
    pub fn build(doc: &Document, lanes: &Lanes, options: &ReportOptions) -> Result<Self, String> {
        let shown = options.visible.as_ref().map_or(doc.events().len(), |v| v.iter().filter(|&&s| s).count());
        if shown > MAX_EVENTS {
            return Err(format!(
                "a report of {} events would run to tens of thousands of pages, and citeline makes one of at most {}: \
                 narrow it with --range, --tag or --source (or write the whole chronology with citeline table)",
                group_thousands(shown as u64),
                group_thousands(MAX_EVENTS as u64)
            ));
        }
        let mut g = Gathered::of(doc, options);
        let picture = picture(doc, lanes, options, g.events, g.dated.len());
        let sources = g.notes_and_sources(doc, options);
        let timeline = doc.timeline();
        Ok(Self {
            title: timeline.title.clone(),
            description: timeline.description.clone().unwrap_or_default(),
            language: crate::model::language::timeline_language(timeline).unwrap_or("en").to_owned(),
            covered: covered(doc, options),
            selection: g.selection(doc, options),
            counts: g.counts(),
            made: options.made.clone(),
            paper: options.paper,
            picture: picture.0,
            picture_note: picture.1,
            dated: g.dated,
            undated: g.undated,
            sources,
            style: options.style,
        })
    }

    /// Every event in the table, dated first.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.dated.iter().chain(&self.undated)
    }
}

/// The table's entries, dated and undated, with what the heading counts of them and the
/// sources they cite (by id, in the order first cited).
struct Gathered<'d> {
    dated: Vec<Entry>,
    undated: Vec<Entry>,
    events: usize,
    citations: usize,
    verified: usize,
    not_found: usize,
    cited_sources: Vec<&'d str>,
}

impl<'d> Gathered<'d> {
    /// One pass over the chronology's rows (a row a citation, in date order).
    fn of(doc: &'d Document, options: &ReportOptions) -> Self {
        let rows = crate::formats::table::rows(doc, options.visible.as_deref());
        let mut g = Self {
            dated: Vec::new(),
            undated: Vec::new(),
            events: 0,
            citations: 0,
            verified: 0,
            not_found: 0,
            cited_sources: Vec::new(),
        };
        let mut last: Option<usize> = None;
        for row in &rows {
            if last != Some(row.event) {
                g.events += 1;
                last = Some(row.event);
                let entry = Entry {
                    number: None,
                    date: row.date.clone(),
                    title: row.title.clone(),
                    summary: row.summary.clone(),
                    citations: Vec::new(),
                };
                if doc.span(row.event).is_some() {
                    g.dated.push(Entry { number: u32::try_from(g.dated.len() + 1).ok(), ..entry });
                } else {
                    g.undated.push(entry);
                }
            }
            let Some(ci) = row.citation else { continue };
            let Some(c) = doc.events().get(row.event).and_then(|e| e.citations.get(ci)) else { continue };
            let status = doc.checks(row.event).get(ci).map(|c| c.status);
            let is_verified = status == Some(Verification::Verified);
            g.citations += 1;
            g.verified += usize::from(is_verified);
            g.not_found += usize::from(status == Some(Verification::NotFound));
            let source_index = g.cited_sources.iter().position(|s| *s == &*c.source).unwrap_or_else(|| {
                g.cited_sources.push(&c.source);
                g.cited_sources.len() - 1
            });
            let language = doc.source(&c.source).map(|(s, _)| s.language.clone()).unwrap_or_default();
            let cited = Cited {
                quote: row.quote.clone(),
                source: row.source.clone(),
                pin_cite: row.pin_cite.clone(),
                status: row.status.clone(),
                verified: is_verified,
                language,
                note: row.note.clone(),
                footnote: String::new(),
                footnote_italic: Vec::new(),
                source_index,
            };
            let target = if doc.span(row.event).is_some() { g.dated.last_mut() } else { g.undated.last_mut() };
            if let Some(entry) = target {
                entry.citations.push(cited);
            }
        }
        g
    }

    /// "12 events (2 undated) · 30 citations, 28 verified, 1 not found".
    fn counts(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| {
            format!("{} {}", group_thousands(n as u64), if n == 1 { one } else { many })
        };
        let mut counts = plural(self.events, "event", "events");
        if !self.undated.is_empty() {
            let _ = write!(counts, " ({} undated)", group_thousands(self.undated.len() as u64));
        }
        let _ = write!(
            counts,
            " · {}, {} verified",
            plural(self.citations, "citation", "citations"),
            group_thousands(self.verified as u64)
        );
        if self.not_found > 0 {
            let _ = write!(counts, ", {} not found", group_thousands(self.not_found as u64));
        }
        counts
    }

    /// "A selection: 12 of 40 events (tag court).", when the report does not hold them all.
    fn selection(&self, doc: &Document, options: &ReportOptions) -> Option<String> {
        let narrowed = options.visible.is_some() || options.range.is_some();
        narrowed.then(|| {
            let total = doc.events().len();
            let what = options.selection.as_deref().filter(|w| !w.is_empty());
            format!(
                "A selection: {} of {} events{}.",
                group_thousands(self.events as u64),
                group_thousands(total as u64),
                what.map(|w| format!(" ({w})")).unwrap_or_default()
            )
        })
    }

    /// Each citation's footnote in the style (whole the first time a source is cited, short
    /// after), and the sources cited as the style lists them.
    fn notes_and_sources(&mut self, doc: &Document, options: &ReportOptions) -> Vec<SourceEntry> {
        let found: Vec<Option<&Source>> = self.cited_sources.iter().map(|id| doc.source(id).map(|(s, _)| s)).collect();
        let absent = Source::default();
        let for_notes: Vec<&Source> = found.iter().map(|s| s.unwrap_or(&absent)).collect();
        let keys: Vec<(usize, &str)> = self
            .dated
            .iter()
            .chain(&self.undated)
            .flat_map(|e| &e.citations)
            .map(|c| (c.source_index, &*c.pin_cite))
            .collect();
        // The sources in the order the report first cites them, as its notes number them.
        let mut printed: Vec<usize> = Vec::with_capacity(found.len());
        for &(i, _) in &keys {
            if !printed.contains(&i) {
                printed.push(i);
            }
        }
        let notes = options.style.notes(&for_notes, &keys);
        for (c, note) in self.dated.iter_mut().chain(&mut self.undated).flat_map(|e| &mut e.citations).zip(notes) {
            c.footnote = note.text;
            c.footnote_italic = note.italic;
        }
        let cited: Vec<&Source> = printed.iter().filter_map(|&i| found.get(i).copied().flatten()).collect();
        let references = options.style.format_all(&cited);
        let mut sources = cited
            .iter()
            .zip(references)
            .map(|(s, (place, reference))| {
                (
                    place,
                    SourceEntry {
                        id: s.id.to_string(),
                        reference: reference.text,
                        reference_italic: reference.italic,
                        file: s
                            .original
                            .as_ref()
                            .map(|o| format!("Original: {} ({}), SHA-256 {}", o.file, o.kind.name(), o.sha256)),
                        language: s.language.clone(),
                    },
                )
            })
            .collect::<Vec<_>>();
        // As the style lists them.
        sources.sort_by_key(|(place, _)| *place);
        sources.into_iter().map(|(_, s)| s).collect()
    }
}

/// The period the report covers: the range asked for, else the span of the events shown.
fn covered(doc: &Document, options: &ReportOptions) -> String {
    if let Some((a, b)) = options.range {
        return crate::layout::ticks::period_label(a, b);
    }
    let shown = |i: usize| options.visible.as_ref().is_none_or(|v| v.get(i).copied().unwrap_or(false));
    let extent = (0..doc.events().len())
        .filter(|&i| shown(i))
        .filter_map(|i| doc.span(i))
        .fold(None, |acc: Option<(Day, Day)>, s| {
            Some(acc.map_or((s.start, s.end), |(a, b)| (a.min(s.start), b.max(s.end))))
        });
    extent.map(|(a, b)| crate::layout::ticks::period_label(a, b)).unwrap_or_default()
}

/// The timeline's picture, or why it is left out (no event, none dated, too many to read).
fn picture(
    doc: &Document,
    lanes: &Lanes,
    options: &ReportOptions,
    events: usize,
    dated: usize,
) -> (Option<Scene>, Option<String>) {
    if !options.picture {
        (None, None)
    } else if events == 0 {
        (None, Some("No event is in this selection: there is no timeline to picture.".to_owned()))
    } else if dated == 0 {
        (None, Some("No event is dated: there is no timeline to picture.".to_owned()))
    } else if dated > PICTURE_MAX_EVENTS {
        let many = group_thousands(dated as u64);
        (
            None,
            Some(format!(
                "The picture is left out: {many} dated events are too many to read on a page (export the image for them)."
            )),
        )
    } else {
        let image_options = ImageOptions {
            width: PICTURE_WIDTH,
            extent: options.range.map_or(Extent::Whole, |(a, b)| Extent::Range(a, b)),
            footnotes: true,
            numbers_only: true,
            heading: false,
            visible: options.visible.clone(),
            ..ImageOptions::default()
        };
        (Some(image(doc, lanes, &image_options)), None)
    }
}
