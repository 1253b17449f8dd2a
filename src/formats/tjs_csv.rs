//! The TimelineJS Google Sheets template, as CSV: one row per event, a row of Type `title` for
//! the title slide and rows of Type `era` for eras. Problems name the spreadsheet row (the
//! header is row 1) and the column.

use std::collections::HashSet;
use std::path::Path;

use compact_str::CompactString;

use super::html;
use super::timelinejs::{add_cited_sources, event_html};
use super::tjs_date::{TjsDate, from_edtf};
use crate::model::Document;
use crate::model::fields::first_words;
use crate::model::problem::{Place, Problem};
use crate::model::timeline::{Era, Event, EventExtra, Media, Timeline};

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

/// Whether `first_line` is the template's header row.
pub fn looks_like_header(first_line: &str) -> bool {
    let cells: Vec<String> =
        first_line.split(',').map(|c| c.trim().trim_matches('"').trim().to_ascii_lowercase()).collect();
    ["year", "headline"].iter().all(|need| cells.iter().any(|c| c == need))
}

struct Row<'a> {
    record: &'a csv::StringRecord,
    columns: &'a [Option<usize>; 18],
    number: usize,
}

impl Row<'_> {
    fn get(&self, column: usize) -> &str {
        self.columns[column].and_then(|i| self.record.get(i)).map_or("", str::trim)
    }

    fn named(&self, name: &str) -> &str {
        COLUMNS.iter().position(|c| *c == name).map_or("", |i| self.get(i))
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
    let mut columns = [None; 18];
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim();
        if let Some(c) = COLUMNS.iter().position(|c| c.eq_ignore_ascii_case(h)) {
            columns[c] = Some(i);
        }
    }
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    for needed in ["Year", "Headline"] {
        if COLUMNS.iter().position(|c| *c == needed).and_then(|i| columns[i]).is_none() {
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
        let row = Row { record: &record, columns: &columns, number };
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
                let (start, end) = (date(&row, false, path, &mut problems), date(&row, true, path, &mut problems));
                match (start, end) {
                    (Some(a), Some(b)) => timeline
                        .eras
                        .push(Era { title: html::to_text(row.named("Headline")).0, when: format!("{a}/{b}") }),
                    (Some(_), None) if row.named("End Year").is_empty() => problems.push(Problem::error(
                        path,
                        Place::Row { row: number, field: "End Year".into() },
                        "an era needs an end",
                    )),
                    _ => {}
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
    if row.named("Year").is_empty() {
        problems.push(Problem::error(path, place("Year"), "the year is empty (TimelineJS needs a start date)"));
    }
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
    let start = start?;
    let when = match end {
        Some(b) if b != start => format!("{start}/{b}"),
        _ => start,
    };
    let event = Event {
        id: CompactString::from(unique_id(&title, ids)),
        title: title.into(),
        when: Some(when.into()),
        display_date: Some(row.named("Display Date")).filter(|d| !d.is_empty()).map(Box::from),
        summary: (!summary.is_empty()).then(|| summary.into_boxed_str()),
        tags: Box::new([]),
        citations: citations.iter().map(html::FoundCitation::citation).collect(),
        extra: EventExtra::boxed(Some(row.named("Group")).filter(|g| !g.is_empty()).map(Box::from), media),
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
    let prefix = if end { "End " } else { "" };
    let name = |n: &str| format!("{prefix}{n}");
    let year_text = row.named(&name("Year"));
    if year_text.is_empty() {
        return None;
    }
    let mut ok = true;
    let mut number = |column: &str, text: &str| -> Option<i64> {
        if text.is_empty() {
            return None;
        }
        let parsed = text.trim_start_matches('+').parse::<i64>().ok();
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
    let year = number(&name("Year"), year_text);
    let small = |v: Option<i64>| v.map(|x| u8::try_from(x).unwrap_or(u8::MAX));
    let month = small(number(&name("Month"), row.named(&name("Month"))));
    let day = small(number(&name("Day"), row.named(&name("Day"))));
    let time = parse_time(row.named(&name("Time"))).map_err(|msg| {
        problems.push(Problem::error(path, Place::Row { row: row.number, field: name("Time") }, msg));
    });
    let (Some(year), true, Ok(time)) = (year, ok, time) else { return None };
    let d = TjsDate {
        year,
        month,
        day,
        hour: time.map(|t| t.0),
        minute: time.map(|t| t.1),
        second: time.and_then(|t| t.2),
    };
    match d.to_edtf() {
        Ok(s) => Some(s),
        Err((part, msg)) => {
            let column = match part {
                "hour" | "minute" | "second" => "Time",
                "month" => "Month",
                "day" => "Day",
                _ => "Year",
            };
            problems.push(Problem::error(path, Place::Row { row: row.number, field: name(column) }, msg));
            None
        }
    }
}

/// A spreadsheet time: `14:30`, `14:30:15`, `2:30 PM`.
fn parse_time(text: &str) -> Result<Option<(u8, u8, Option<u8>)>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || format!("the time \"{text}\" is not like 14:30, 14:30:15 or 2:30 PM");
    let lower = text.to_ascii_lowercase();
    let (clock, pm) = if let Some(c) = lower.strip_suffix("pm") {
        (c.trim(), Some(true))
    } else if let Some(c) = lower.strip_suffix("am") {
        (c.trim(), Some(false))
    } else {
        (lower.as_str(), None)
    };
    let parts: Vec<&str> = clock.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return Err(bad());
    }
    let num = |s: &str| s.trim().parse::<u8>().map_err(|_| bad());
    let mut hour = num(parts[0])?;
    let minute = num(parts[1])?;
    let second = parts.get(2).map(|s| num(s)).transpose()?;
    match pm {
        Some(_) if hour == 0 || hour > 12 => return Err(bad()),
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    Ok(Some((hour, minute, second)))
}

/// The timeline as the template's CSV. Undated events are left out (TimelineJS needs a date).
pub fn write(doc: &Document) -> String {
    let timeline = doc.timeline();
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = writer.write_record(COLUMNS);
    let mut title_row = vec![String::new(); 18];
    title_row[9].clone_from(&timeline.title);
    title_row[10] = timeline.description.as_deref().map(html::from_text).unwrap_or_default();
    title_row[15] = "title".into();
    let _ = writer.write_record(&title_row);
    let date_cells = |row: &mut [String], d: TjsDate, at: usize| {
        row[at] = d.year.to_string();
        row[at + 1] = d.month.map(|m| m.to_string()).unwrap_or_default();
        row[at + 2] = d.day.map(|d| d.to_string()).unwrap_or_default();
        row[at + 3] = match (d.hour, d.minute, d.second) {
            (Some(h), m, Some(s)) => format!("{h:02}:{:02}:{s:02}", m.unwrap_or(0)),
            (Some(h), m, None) => format!("{h:02}:{:02}", m.unwrap_or(0)),
            _ => String::new(),
        };
    };
    for (i, e) in timeline.events.iter().enumerate() {
        let Some(span) = e.when.as_deref().filter(|_| doc.span(i).is_some()).and_then(from_edtf) else { continue };
        let mut row = vec![String::new(); 18];
        date_cells(&mut row, span.start, 0);
        if let Some(end) = span.end {
            date_cells(&mut row, end, 4);
        }
        row[8] = e.display_date.as_deref().map(str::to_owned).or(span.display).unwrap_or_default();
        row[9] = e.title.to_string();
        row[10] = event_html(doc, e);
        if let Some(m) = e.media() {
            row[11].clone_from(&m.url);
            row[12] = m.credit.clone().unwrap_or_default();
            row[13] = m.caption.clone().unwrap_or_default();
            row[14] = m.thumbnail.clone().unwrap_or_default();
        }
        row[16] = e.group().map(str::to_owned).unwrap_or_default();
        let _ = writer.write_record(&row);
    }
    for era in &timeline.eras {
        let Some(span) = from_edtf(&era.when) else { continue };
        let mut row = vec![String::new(); 18];
        date_cells(&mut row, span.start, 0);
        date_cells(&mut row, span.end.unwrap_or(span.start), 4);
        row[9].clone_from(&era.title);
        row[15] = "era".into();
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
