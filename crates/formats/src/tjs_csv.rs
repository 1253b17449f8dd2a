//! The TimelineJS Google Sheets template, as CSV: one row per event, a row of Type `title` for
//! the title slide and rows of Type `era` for eras. Problems name the spreadsheet row (the
//! header is row 1) and the column.

mod write;

use std::collections::HashSet;
use std::path::Path;

use compact_str::CompactString;

use super::html;
use super::timelinejs::add_cited_sources;
use super::tjs_date::{Parts, TjsDate, parse_time, parse_v1_date};
use crate::model::Document;
use crate::model::fields::first_words;
use crate::model::problem::{Place, Problem};
use crate::model::timeline::{Era, Event, EventExtra, Media, Timeline};

pub use write::write;

/// The template's columns, in its order.
pub const COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// Columns of the first (v1) template that TimelineJS still reads: dates as one cell each, and
/// the group called a tag.
const V1_COLUMNS: [&str; 3] = ["Start Date", "End Date", "Tag"];

/// Every column read: the template's, then the v1 ones.
const READ: usize = COLUMNS.len() + V1_COLUMNS.len();

fn column_name(i: usize) -> &'static str {
    COLUMNS.get(i).copied().unwrap_or_else(|| V1_COLUMNS[i - COLUMNS.len()])
}

/// Whether `first_line` is the template's header row (either version).
pub(crate) fn looks_like_header(first_line: &str) -> bool {
    let cells: Vec<String> =
        first_line.split(',').map(|c| c.trim().trim_matches('"').trim().to_ascii_lowercase()).collect();
    let has = |need: &str| cells.iter().any(|c| c == need);
    has("headline") && (has("year") || has("start date"))
}

struct Row<'a> {
    record: &'a csv::StringRecord,
    columns: &'a [Option<usize>; READ],
    number: usize,
    /// The sheet dates events with `Start Date` and `End Date` cells (the v1 template).
    v1: bool,
}

impl Row<'_> {
    fn named(&self, name: &str) -> &str {
        (0..READ)
            .find(|&i| column_name(i) == name)
            .and_then(|i| self.columns[i])
            .and_then(|i| self.record.get(i))
            .map_or("", str::trim)
    }

    /// The column a row's start (or end) year is read from.
    fn year_column(&self, end: bool) -> &'static str {
        match (self.v1, end) {
            (true, false) => "Start Date",
            (true, true) => "End Date",
            (false, false) => "Year",
            (false, true) => "End Year",
        }
    }
}

/// The TimelineJS spreadsheet template, as CSV.
pub struct TimelineJsCsv;

impl super::Codec for TimelineJsCsv {
    fn read(&self, bytes: &[u8], path: &Path) -> Result<Timeline, Vec<Problem>> {
        read(bytes, path)
    }

    fn write(&self, doc: &Document) -> String {
        write(doc)
    }
}

/// Reads the template as CSV. Every problem is collected, not only the first.
pub fn read(bytes: &[u8], path: &Path) -> Result<Timeline, Vec<Problem>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![Problem::error(path, Place::File, format!("the file is not UTF-8 text (at byte {})", e.valid_up_to()))]
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| vec![Problem::error(path, Place::File, format!("cannot read the header row: {e}"))])?
        .clone();
    let columns = column_indices(&headers);
    let have = |name: &str| (0..READ).find(|&c| column_name(c) == name).and_then(|c| columns[c]).is_some();
    // As TimelineJS does: a sheet with either date cell of the first template is read as one.
    let v1 = have("Start Date") || have("End Date");
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    for needed in [if v1 { "Start Date" } else { "Year" }, "Headline"] {
        if !have(needed) {
            problems.push(Problem::error(
                path,
                Place::Row { row: 1, field: needed.into() },
                "the header row has no such column",
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut timeline = Timeline::default();
    let mut cited = Vec::new();
    let mut ids = HashSet::new();
    for (n, record) in reader.records().enumerate() {
        let number = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(Problem::error(path, Place::Row { row: number, field: "row".into() }, e.to_string()));
                continue;
            }
        };
        let row = Row { record: &record, columns: &columns, number, v1 };
        if row.record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match row.named("Type").to_ascii_lowercase().as_str() {
            "title" => {
                timeline.title = html::to_text(row.named("Headline")).0;
                let text = html::to_text(row.named("Text")).0;
                timeline.description = (!text.is_empty()).then_some(text);
            }
            "era" => {
                if let Some(era) = era(&row, path, &mut problems) {
                    timeline.eras.push(era);
                }
            }
            _ => {
                if let Some(e) = event(&row, path, &mut problems, &mut warnings, &mut ids, &mut cited) {
                    timeline.events.push(e);
                }
            }
        }
    }
    if timeline.title.trim().is_empty() {
        timeline.title =
            path.file_stem().map_or_else(|| "TimelineJS timeline".to_owned(), |s| s.to_string_lossy().into_owned());
    }
    add_cited_sources(&mut timeline.sources, &cited);
    timeline.read_warnings = warnings;
    if problems.is_empty() { Ok(timeline) } else { Err(problems) }
}

/// Where each column read stands in the header row, if it does: by name, any case.
fn column_indices(headers: &csv::StringRecord) -> [Option<usize>; READ] {
    let mut columns = [None; READ];
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim();
        if let Some(c) = (0..READ).find(|&c| column_name(c).eq_ignore_ascii_case(h)) {
            columns[c] = Some(i);
        }
    }
    columns
}

/// An era's row read: its title and its dates; one with a start but no end is reported.
fn era(row: &Row, path: &Path, problems: &mut Vec<Problem>) -> Option<Era> {
    let (start, end) = (date(row, false, path, problems), date(row, true, path, problems));
    match (start, end) {
        (Some(a), Some(b)) => Some(Era { title: html::to_text(row.named("Headline")).0, when: format!("{a}/{b}") }),
        (Some(_), None) if row.named(row.year_column(true)).is_empty() => {
            problems.push(Problem::error(
                path,
                Place::Row { row: row.number, field: row.year_column(true).into() },
                "an era needs an end",
            ));
            None
        }
        _ => None,
    }
}

fn event(
    row: &Row,
    path: &Path,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
    ids: &mut HashSet<String>,
    cited: &mut Vec<html::FoundCitation>,
) -> Option<Event> {
    let place = |field: &str| Place::Row { row: row.number, field: field.into() };
    let start = date(row, false, path, problems);
    let end = date(row, true, path, problems);
    let undated = row.named(row.year_column(false)).is_empty();
    let title = html::to_text(row.named("Headline")).0;
    let (summary, citations) = html::to_text(row.named("Text"));
    let media = (!row.named("Media").trim().is_empty()).then(|| {
        let opt = |name: &str| Some(row.named(name).to_owned()).filter(|v| !v.trim().is_empty());
        Media {
            url: row.named("Media").to_owned(),
            caption: opt("Media Caption").map(|c| html::to_text(&c).0).filter(|c| !c.trim().is_empty()),
            credit: opt("Media Credit").map(|c| html::to_text(&c).0).filter(|c| !c.trim().is_empty()),
            thumbnail: opt("Media Thumbnail"),
        }
    });
    let title = if title.trim().is_empty() && summary.trim().is_empty() {
        // A row that is only a tweet or a video: TimelineJS shows it, so citeline opens it.
        let Some(m) = &media else {
            problems.push(Problem::error(path, place("Headline"), "the row has neither headline, text nor media"));
            return None;
        };
        let title = super::timelinejs::media_title(m);
        warnings.push(super::timelinejs::media_warning(path, place("Headline"), m, &title));
        title
    } else if title.trim().is_empty() {
        first_words(&summary)
    } else {
        title
    };
    let when = if undated {
        // TimelineJS leaves a row without a start out and shows the rest; citeline keeps it,
        // undated, and says so.
        warnings.push(Problem::warning(
            path,
            place(row.year_column(false)),
            format!("\"{title}\" has no start date: TimelineJS leaves it out; citeline keeps it undated"),
        ));
        None
    } else {
        let start = start?;
        Some(match end {
            Some(b) if b != start => format!("{start}/{b}"),
            _ => start,
        })
    };
    let event = Event {
        id: CompactString::from(unique_id(&title, ids)),
        title: title.into(),
        when: when.map(CompactString::from),
        display_date: Some(row.named("Display Date")).filter(|d| !d.is_empty()).map(Box::from),
        summary: (!summary.is_empty()).then(|| summary.into_boxed_str()),
        tags: Box::new([]),
        citations: citations.iter().map(html::FoundCitation::citation).collect(),
        extra: EventExtra::boxed(
            Some(row.named("Group"))
                .filter(|g| !g.is_empty())
                .or(Some(row.named("Tag")).filter(|g| !g.is_empty()))
                .map(Box::from),
            media,
        ),
    };
    cited.extend(citations);
    Some(event)
}

/// An id from the headline ("Titan API deal" → `titan-api-deal`), made unique in the file:
/// the template has no id column.
fn unique_id(title: &str, ids: &mut HashSet<String>) -> String {
    let mut slug = String::new();
    for c in crate::model::search::fold(title).chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() > 48 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    let base = if slug.is_empty() { "event".to_owned() } else { slug };
    let mut id = base.clone();
    let mut n = 2;
    while ids.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    ids.insert(id.clone());
    id
}

/// The start (or end) date of a row as EDTF; `None` when absent or wrong (reported).
fn date(row: &Row, end: bool, path: &Path, problems: &mut Vec<Problem>) -> Option<String> {
    let column = row.year_column(end);
    let place = |field: &str| Place::Row { row: row.number, field: field.to_owned() };
    let text = row.named(column);
    if text.is_empty() {
        return None;
    }
    let parts = if row.v1 {
        parse_v1_date(text).map_err(|msg| problems.push(Problem::error(path, place(column), msg))).ok()?
    } else {
        template_date(row, end, path, problems)?
    };
    let d = TjsDate {
        year: parts[0]?,
        month: parts[1].map(small),
        day: parts[2].map(small),
        hour: parts[3].map(small),
        minute: parts[4].map(small),
        second: parts[5].map(small),
    };
    match d.to_edtf() {
        Ok(s) => Some(s),
        Err((part, msg)) => {
            let prefix = if end { "End " } else { "" };
            let field = match (row.v1, part) {
                (false, "hour" | "minute" | "second") => format!("{prefix}Time"),
                (false, "month") => format!("{prefix}Month"),
                (false, "day") => format!("{prefix}Day"),
                _ => column.to_owned(),
            };
            problems.push(Problem::error(path, place(&field), msg));
            None
        }
    }
}

fn small(v: i64) -> u8 {
    u8::try_from(v).unwrap_or(u8::MAX)
}

/// A row's date from the template's Year, Month, Day and Time cells. Numbers may hold
/// thousands separators and spaces (`1,900`, `-13 800 000 000`), as TimelineJS allows.
fn template_date(row: &Row, end: bool, path: &Path, problems: &mut Vec<Problem>) -> Option<Parts> {
    let prefix = if end { "End " } else { "" };
    let name = |n: &str| format!("{prefix}{n}");
    let mut ok = true;
    let mut number = |column: &str| -> Option<i64> {
        let text = row.named(column);
        if text.is_empty() {
            return None;
        }
        let cleaned: String = text.chars().filter(|c| !c.is_whitespace() && *c != ',').collect();
        let parsed = cleaned.trim_start_matches('+').parse::<i64>().ok();
        if parsed.is_none() {
            ok = false;
            problems.push(Problem::error(
                path,
                Place::Row { row: row.number, field: column.to_owned() },
                format!("\"{text}\" is not a whole number"),
            ));
        }
        parsed
    };
    let year = number(&name("Year"));
    let month = number(&name("Month"));
    let day = number(&name("Day"));
    let time = parse_time(row.named(&name("Time"))).map_err(|msg| {
        problems.push(Problem::error(path, Place::Row { row: row.number, field: name("Time") }, msg));
    });
    let (Some(year), true, Ok(time)) = (year, ok, time) else { return None };
    let [hour, minute, second] = time.map_or([None; 3], |(h, m, s)| [Some(h), m, s].map(|v| v.map(i64::from)));
    Some([Some(year), month, day, hour, minute, second])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_in_every_form_timelinejs_reads() {
        for (text, want) in [
            ("14:30", (14, Some(30), None)),
            ("14:30:15", (14, Some(30), Some(15))),
            ("14.30", (14, Some(30), None)),
            ("1430", (14, Some(30), None)),
            ("930", (9, Some(30), None)),
            ("9", (9, None, None)),
            ("2:30 PM", (14, Some(30), None)),
            ("2 p.m.", (14, None, None)),
            ("12:05 am", (0, Some(5), None)),
            ("12:05 PM", (12, Some(5), None)),
        ] {
            assert_eq!(parse_time(text), Ok(Some(want)), "{text}");
        }
        for bad in ["25:00", "13 PM", "0 am", "noon", "1:2:3:4:5", "14:75"] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_time(" "), Ok(None));
    }

    #[test]
    fn first_template_dates_read_as_timelinejs_reads_them() {
        assert_eq!(parse_v1_date("2014"), Ok([Some(2014), None, None, None, None, None]));
        assert_eq!(parse_v1_date("-44"), Ok([Some(-44), None, None, None, None, None]));
        assert_eq!(parse_v1_date("2014-01-02"), Ok([Some(2014), Some(1), Some(2), None, None, None]));
        assert_eq!(parse_v1_date("1/2/2014"), Ok([Some(2014), Some(1), Some(2), None, None, None]));
        assert_eq!(parse_v1_date("3/2015"), Ok([Some(2015), Some(3), None, None, None, None]));
        assert_eq!(
            parse_v1_date("2016-04-05T10:30:15Z"),
            Ok([Some(2016), Some(4), Some(5), Some(10), Some(30), Some(15)])
        );
        for bad in ["soon", "1/2/3/4", "2014-01-02-03", "2014-01-02Tlate"] {
            assert!(parse_v1_date(bad).is_err(), "{bad}");
        }
    }
}
