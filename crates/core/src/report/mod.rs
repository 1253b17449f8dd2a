//! The chronology as a document, for reading and handing on: a Word (`docx.rs`) or PDF
//! (`pdf.rs`) report of the events a filter lets through. Both writers lay out the one
//! [`Report`] built here: the title, description, the period covered and the counts; the
//! timeline as a picture, its events numbered; the chronology table (a row an event in date
//! order, its citations' quotes with their source, pin cite and verification; undated events
//! in a last section); the sources cited, formatted in a citation style; and, on every page,
//! the title, the page number and the day the report was made.
//!
//! The rows come from the spreadsheet table's (`formats::table::rows`), so the two agree on
//! order, dates in words, pin cites and verification.

mod build;
pub mod docx;
mod notes;
pub mod pdf;
pub mod style;
pub mod styled;

use std::path::Path;

use crate::layout::lanes::Lanes;
use crate::model::date::group_thousands;
use crate::model::{Day, Document, Progress};
use crate::scene::Scene;

pub use style::CitationStyle;
pub use styled::{Styled, runs};

/// Above this many events a report is refused: it would run to tens of thousands of pages.
pub const MAX_EVENTS: usize = 100_000;
/// Above this many events a report is written, with a warning of its size.
pub(crate) const LARGE_EVENTS: usize = 10_000;
/// Above this many events the timeline picture is left out: its labels would be too small to
/// read on a page.
pub const PICTURE_MAX_EVENTS: usize = 2_000;

/// The paper a report is laid out on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }

    /// The paper named `name` (`a4`, `letter`).
    pub fn parse(name: &str) -> Result<Self, String> {
        match name.to_ascii_lowercase().as_str() {
            "a4" => Ok(Self::A4),
            "letter" => Ok(Self::Letter),
            _ => Err(format!("unknown paper \"{name}\": a4 or letter")),
        }
    }
}

/// What a report holds beyond the document and its filter.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    pub paper: Paper,
    /// Whether the timeline's picture is included.
    pub picture: bool,
    pub style: CitationStyle,
    /// The events a filter lets through (all when `None`); a range is part of it.
    pub visible: Option<Vec<bool>>,
    /// The range asked for, which the picture shows and the heading says.
    pub range: Option<(Day, Day)>,
    /// The day the report is made, as it says ("6 December 2026").
    pub made: String,
    /// What the filter keeps, in words ("tag api, dates 2012 – 2014"), said in the report so that
    /// its reader knows it is a selection.
    pub selection: Option<String>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        Self {
            paper: Paper::A4,
            picture: true,
            style: CitationStyle::default(),
            visible: None,
            range: None,
            made: today(),
            selection: None,
        }
    }
}

/// What the chronology table says when it has no row: nothing in the selection, or nothing dated.
pub(crate) fn no_dated_event(report: &Report) -> &'static str {
    if report.undated.is_empty() { "No event is in this selection." } else { "No dated event." }
}

/// Today, in words.
pub fn today() -> String {
    use chrono::Datelike;
    let d = chrono::Local::now().date_naive();
    format!("{} {} {}", d.day(), crate::model::date::MONTH_NAMES[d.month0() as usize], d.year())
}

/// One citation in the table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cited {
    pub quote: String,
    /// The source's short name: its title, else its id.
    pub source: String,
    /// `p. 4`, `pp. 4–5`, `3:12–15`, or empty.
    pub pin_cite: String,
    /// The verification in words.
    pub status: String,
    pub verified: bool,
    /// The source's language (BCP 47), which the quote is tagged with; empty when unknown.
    pub language: String,
    pub note: String,
    /// The citation as the report's style cites it in a footnote, pin cite included; numbered
    /// in the order the report prints the citations, from 1.
    pub footnote: String,
    /// The parts of `footnote` in italics.
    pub footnote_italic: Vec<std::ops::Range<usize>>,
    /// The source's place among the cited sources, for the footnotes.
    source_index: usize,
}

impl Cited {
    /// "Source, p. 4 · verified".
    pub fn attribution(&self) -> String {
        let (cite, status) = self.attribution_parts();
        format!("{cite} · {status}")
    }

    /// "Source, p. 4" and "verified": where a footnote's mark goes between them.
    pub(crate) fn attribution_parts(&self) -> (String, &str) {
        let mut s = self.source.clone();
        if !self.pin_cite.is_empty() {
            s.push_str(", ");
            s.push_str(&self.pin_cite);
        }
        (s, &self.status)
    }
}

/// One event in the table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Its number, as the picture numbers it; undated events have none.
    pub number: Option<u32>,
    /// The date in words, approximate and uncertain dates said so.
    pub date: String,
    pub title: String,
    pub summary: String,
    pub citations: Vec<Cited>,
}

/// One source in the list of sources.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceEntry {
    pub id: String,
    /// Formatted in the report's citation style.
    pub reference: String,
    /// The parts of `reference` in italics.
    pub reference_italic: Vec<std::ops::Range<usize>>,
    /// "Original: sources/a.pdf (PDF), SHA-256 …", when the source has a file.
    pub file: Option<String>,
    pub language: String,
}

/// What a report says, whatever it is written as.
#[derive(Clone, Debug)]
pub struct Report {
    pub title: String,
    pub description: String,
    /// The timeline's language (BCP 47), else `en`.
    pub language: String,
    /// "2011 – 2019", or empty when nothing is dated.
    pub covered: String,
    /// "A selection: 3 of 9 events (tag api)", when a filter or a range narrowed the report.
    pub selection: Option<String>,
    /// "12 events (1 undated) · 20 citations, 18 verified".
    pub counts: String,
    pub made: String,
    pub paper: Paper,
    /// The timeline picture, its events numbered as the table's.
    pub picture: Option<Scene>,
    /// Why there is no picture, when one was asked for and left out.
    pub picture_note: Option<String>,
    pub dated: Vec<Entry>,
    pub undated: Vec<Entry>,
    pub sources: Vec<SourceEntry>,
    pub style: CitationStyle,
}

/// A warning for a report of `events` events so long it is better filtered, when it is.
pub fn size_warning(events: usize) -> Option<String> {
    (events > LARGE_EVENTS && events <= MAX_EVENTS).then(|| {
        format!(
            "the report holds {} events and will run to thousands of pages; --range, --tag or --source narrow it",
            group_thousands(events as u64)
        )
    })
}

/// The kinds of report file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Docx,
    Pdf,
}

impl ReportFormat {
    /// The format `path`'s extension asks for.
    pub fn from_path(path: &Path) -> Result<Self, String> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("docx") => Ok(Self::Docx),
            Some("pdf") => Ok(Self::Pdf),
            _ => Err(format!("cannot tell the report's format from \"{}\": name it *.docx or *.pdf", path.display())),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Docx => "Word",
            Self::Pdf => "PDF",
        }
    }
}

/// What a cancelled report says.
pub(crate) const CANCELLED_REPORT: &str = "the report was not written: cancelled";

/// The report's bytes in `format`.
pub fn render(report: &Report, format: ReportFormat) -> Result<Vec<u8>, String> {
    render_reporting(report, format, &|_| true)
}

/// As [`render`], telling `step` how far it is (0 to 1); `step` answering false cancels.
pub(crate) fn render_reporting(
    report: &Report,
    format: ReportFormat,
    step: &dyn Fn(f32) -> bool,
) -> Result<Vec<u8>, String> {
    match format {
        ReportFormat::Docx => docx::to_docx(report),
        ReportFormat::Pdf => pdf::to_pdf_reporting(report, step),
    }
}

/// What a written report holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub events: usize,
    pub citations: usize,
    pub bytes: usize,
}

/// Writes the report of `doc` to `path`, atomically, as its extension says. `progress`
/// follows the bytes put on disk; cancelling it leaves `path` as it was.
pub fn write(
    doc: &Document,
    lanes: &Lanes,
    options: &ReportOptions,
    path: &Path,
    progress: &Progress,
) -> Result<Written, String> {
    let format = ReportFormat::from_path(path)?;
    // In thousandths: the report built, then rendered (most of the time, told as it goes),
    // then written.
    progress.start(crate::model::progress::Stage::Exporting, 1000);
    let report = Report::build(doc, lanes, options)?;
    progress.advance(100);
    if progress.is_cancelled() {
        return Err(CANCELLED_REPORT.to_owned());
    }
    let told = std::cell::Cell::new(0_u64);
    let step = |f: f32| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0 to 800
        let now = (f.clamp(0.0, 1.0) * 800.0) as u64;
        progress.advance(now.saturating_sub(told.replace(now.max(told.get()))));
        !progress.is_cancelled()
    };
    let bytes = render_reporting(&report, format, &step)?;
    step(1.0);
    if progress.is_cancelled() {
        return Err(CANCELLED_REPORT.to_owned());
    }
    crate::formats::write_with_progress(path, &bytes, progress).map_err(|e| {
        if e.to_string() == crate::model::progress::CANCELLED {
            CANCELLED_REPORT.to_owned()
        } else {
            format!("cannot write \"{}\": {e}", path.display())
        }
    })?;
    Ok(Written {
        events: report.dated.len() + report.undated.len(),
        citations: report.entries().map(|e| e.citations.len()).sum(),
        bytes: bytes.len(),
    })
}

#[cfg(test)]
mod tests;
