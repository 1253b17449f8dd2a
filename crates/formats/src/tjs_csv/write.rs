//! The template written as CSV: a title row, a row for each dated event and one for each era.

use crate::html;
use crate::model::Document;
use crate::timelinejs::event_html;
use crate::tjs_date::{TjsDate, from_edtf};

use super::COLUMNS;

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
        row[10] = event_html(doc, i);
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
