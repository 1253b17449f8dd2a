//! The chronology as a table, for a spreadsheet: one row per citation in date order (undated
//! events last), each with its event's date in words and as EDTF, title, summary and tags, and
//! the citation's source, pin cite, quote, verification and note. An event without a citation
//! still has its row. Written as CSV (RFC 4180, UTF-8, a byte order mark on request for Excel)
//! or as XLSX with a header row, frozen panes, wrapped long text and columns that fit.
//!
//! Not the TimelineJS spreadsheet (`tjs_csv.rs`): that one is a format citeline reads back;
//! this one is for reading, and is never read.
//!
//! A timeline may come from someone else, and a spreadsheet runs a cell that begins with `=`,
//! `+`, `-` or `@` as a formula: such CSV cells get a leading `'` (as OWASP recommends), and XLSX
//! cells are always written as strings, never formulas.

use std::borrow::Cow;
use std::path::Path;

use crate::model::{Document, Edtf};

/// The columns, in order.
pub const COLUMNS: [&str; 10] =
    ["Date", "EDTF", "Event", "Summary", "Tags", "Source", "Pin cite", "Quote", "Verification", "Note"];

/// What the date column says of an event without a date.
pub(crate) const UNDATED: &str = "undated";

/// One row: an event's citation, or an event without any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// The event's index in the document.
    pub event: usize,
    /// The citation's index in the event; `None` for an event without a citation.
    pub citation: Option<usize>,
    /// The date in words ("about 2013 (uncertain)"), or [`UNDATED`].
    pub date: String,
    pub edtf: String,
    pub title: String,
    pub summary: String,
    /// The event's tags, comma-separated.
    pub tags: String,
    /// The cited source's title (its id when it has none).
    pub source: String,
    /// `p. 4`, `pp. 4–5` or `3:12–15`, where the source has pages or lines.
    pub pin_cite: String,
    pub quote: String,
    /// The verification in words ("verified", "not found"…).
    pub status: String,
    pub note: String,
}

impl Row {
    /// The cells, in the order of [`COLUMNS`].
    pub fn cells(&self) -> [&str; 10] {
        [
            &self.date,
            &self.edtf,
            &self.title,
            &self.summary,
            &self.tags,
            &self.source,
            &self.pin_cite,
            &self.quote,
            &self.status,
            &self.note,
        ]
    }
}

/// The rows of the events `visible` lets through (all when `None`): dated events by start
/// (the longer first when two start together, as the timeline orders them), then undated ones
/// in the file's order; each event's citations in its order.
pub fn rows(doc: &Document, visible: Option<&[bool]>) -> Vec<Row> {
    let shown = |i: usize| visible.is_none_or(|v| v.get(i).copied().unwrap_or(false));
    let (mut dated, undated): (Vec<usize>, Vec<usize>) =
        (0..doc.events().len()).filter(|&i| shown(i)).partition(|&i| doc.span(i).is_some());
    dated.sort_unstable_by(|&a, &b| {
        let (Some(sa), Some(sb)) = (doc.span(a), doc.span(b)) else { return a.cmp(&b) };
        sa.start.total_cmp(&sb.start).then(sb.end.total_cmp(&sa.end)).then(a.cmp(&b))
    });
    let mut out = Vec::new();
    for i in dated.into_iter().chain(undated) {
        event_rows(doc, i, &mut out);
    }
    out
}

/// Event `i`'s rows: one per citation, or one with empty citation cells.
fn event_rows(doc: &Document, i: usize, out: &mut Vec<Row>) {
    let e = &doc.events()[i];
    let edtf = e.when.as_deref().unwrap_or_default().to_owned();
    let date = match e.when.as_deref().map(Edtf::parse) {
        Some(Ok(d)) => d.to_string(),
        Some(Err(_)) => edtf.clone(),
        None => UNDATED.to_owned(),
    };
    let event = Row {
        event: i,
        citation: None,
        date,
        edtf,
        title: e.title.to_string(),
        summary: e.summary.as_deref().unwrap_or_default().to_owned(),
        tags: e.tags.iter().map(|t| &**t).collect::<Vec<_>>().join(", "),
        ..Row::default()
    };
    if e.citations.is_empty() {
        out.push(event);
        return;
    }
    let checks = doc.checks(i);
    for (ci, c) in e.citations.iter().enumerate() {
        let source = doc
            .source(&c.source)
            .map(|(s, _)| s.title.trim())
            .filter(|t| !t.is_empty())
            .map_or_else(|| c.source.to_string(), str::to_owned);
        out.push(Row {
            citation: Some(ci),
            source,
            pin_cite: doc.pin_cite(i, ci).unwrap_or_default(),
            quote: c.quote.to_string(),
            status: checks.get(ci).map(|check| check.status.label().to_owned()).unwrap_or_default(),
            note: c.note.as_deref().unwrap_or_default().to_owned(),
            ..event.clone()
        });
    }
}

/// A cell a spreadsheet would not run: one beginning with `=`, `+`, `-`, `@` (or a tab or
/// carriage return before one) gets a leading `'`.
pub(crate) fn guard(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The rows as CSV: RFC 4180 (CRLF line ends, fields with commas, quotes or line breaks quoted,
/// quotes doubled), UTF-8, behind a byte order mark when `bom` (Excel reads UTF-8 by it).
pub(crate) fn to_csv(rows: &[Row], bom: bool) -> Vec<u8> {
    let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    {
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut bytes);
        // Writing to memory cannot fail.
        let _ = writer.write_record(COLUMNS);
        for row in rows {
            let _ = writer.write_record(row.cells().map(guard).iter().map(|c| c.as_bytes()));
        }
        let _ = writer.flush();
    }
    bytes
}

/// Excel's limit on a cell's text, in UTF-16 code units.
const XLSX_CELL_MAX: usize = 32_767;
/// Rows a worksheet holds below its header.
pub(crate) const XLSX_ROWS_MAX: usize = 1_048_575;

/// The widest each column is made, in characters, and whether its text wraps.
const WIDTHS: [(usize, bool); 10] = [
    (40, false),
    // An interval of two days is 21 characters ("2020-05-11/2020-05-17"), and does not wrap.
    (24, false),
    (40, true),
    (60, true),
    (24, true),
    (36, true),
    (14, false),
    (70, true),
    (28, false),
    (40, true),
];

/// A cell's text within Excel's limit: a longer one is cut, and ends with `…`.
fn within_cell_limit(text: &str) -> Cow<'_, str> {
    if text.len() <= XLSX_CELL_MAX {
        // No more UTF-16 units than bytes.
        return Cow::Borrowed(text);
    }
    let mut units = 0;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > XLSX_CELL_MAX - 1 {
            break;
        }
        end = at + c.len_utf8();
    }
    Cow::Owned(format!("{}…", &text[..end]))
}

/// How wide column `col` is made: its longest line (header included), within its limit.
fn column_width(rows: &[Row], col: usize) -> f64 {
    let (most, _) = WIDTHS[col];
    let longest = |text: &str| text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut widest = longest(COLUMNS[col]);
    for row in rows {
        widest = widest.max(longest(row.cells()[col]));
        if widest >= most {
            break;
        }
    }
    #[allow(clippy::cast_precision_loss)] // at most 70
    let chars = widest.min(most) as f64;
    chars + 2.0
}

/// A row's height, in points, for each line of text (Calibri 11, the default).
const ROW_HEIGHT: f64 = 15.0;
/// The tallest row Excel allows.
const ROW_HEIGHT_MAX: f64 = 409.0;

/// How many lines the tallest wrapped cell of `row` takes in columns `widths` wide: an estimate,
/// as a character is on average no wider than the digit the widths are counted in.
fn wrapped_lines(row: &Row, widths: &[f64; 10]) -> usize {
    row.cells()
        .into_iter()
        .enumerate()
        .filter(|&(col, _)| WIDTHS[col].1)
        .map(|(col, text)| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 8 to 72
            let per_line = (widths[col] - 2.0).max(1.0) as usize;
            text.lines().map(|l| l.chars().count().div_ceil(per_line).max(1)).sum::<usize>()
        })
        .fold(1, usize::max)
}

/// The rows as an XLSX workbook of one sheet, `title` its document title.
pub(crate) fn to_xlsx(rows: &[Row], title: &str) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{DocProperties, Format, FormatAlign, FormatBorder, Workbook};
    if rows.len() > XLSX_ROWS_MAX {
        return Err(format!(
            "the table has {} rows and a worksheet holds {XLSX_ROWS_MAX}: write it as CSV instead",
            rows.len()
        ));
    }
    let failed = |e: rust_xlsxwriter::XlsxError| format!("cannot make the workbook: {e}");
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(title).set_comment("Written by citeline"));
    let header = Format::new().set_bold().set_align(FormatAlign::Top).set_border_bottom(FormatBorder::Thin);
    let plain = Format::new().set_align(FormatAlign::Top);
    let wrapped = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Chronology").map_err(failed)?;
    let widths: [f64; 10] = std::array::from_fn(|col| column_width(rows, col));
    for (col, name) in COLUMNS.iter().enumerate() {
        let c = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, c, *name, &header).map_err(failed)?;
        sheet.set_column_width(c, widths[col]).map_err(failed)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        // Not every spreadsheet fits a row to its wrapped text when it opens the file.
        let lines = wrapped_lines(row, &widths);
        if lines > 1 {
            #[allow(clippy::cast_precision_loss)] // at most a few hundred lines
            let height = (ROW_HEIGHT * lines as f64).min(ROW_HEIGHT_MAX);
            sheet.set_row_height(r, height).map_err(failed)?;
        }
        for (col, text) in row.cells().into_iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let format = if WIDTHS[col].1 { &wrapped } else { &plain };
            let c = u16::try_from(col).unwrap_or(u16::MAX);
            // A string, whatever it begins with: never a formula.
            sheet.write_string_with_format(r, c, within_cell_limit(text), format).map_err(failed)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    // Printed: across landscape pages, the header on every page.
    sheet.set_landscape().set_print_gridlines(true);
    sheet.set_repeat_rows(0, 0).map_err(failed)?;
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last_row, u16::try_from(COLUMNS.len() - 1).unwrap_or(0)).map_err(failed)?;
    workbook.save_to_buffer().map_err(failed)
}

/// The kinds of table file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

impl TableFormat {
    /// The format `path`'s extension asks for.
    pub fn from_path(path: &Path) -> Result<Self, String> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("csv") => Ok(Self::Csv),
            Some("xlsx") => Ok(Self::Xlsx),
            _ => Err(format!("cannot tell the table's format from \"{}\": name it *.csv or *.xlsx", path.display())),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Csv => "CSV",
            Self::Xlsx => "XLSX",
        }
    }
}

/// What a cancelled table export says.
pub(crate) const CANCELLED_TABLE: &str = "the table was not written: cancelled";

/// Writes the table of the events `visible` lets through to `path`, atomically, as its
/// extension says (a CSV behind a byte order mark when `bom`). Returns the rows written.
/// `progress` follows the bytes put on disk; cancelling it leaves `path` as it was.
pub fn write(
    doc: &Document,
    visible: Option<&[bool]>,
    path: &Path,
    bom: bool,
    progress: &crate::model::Progress,
) -> Result<usize, String> {
    let format = TableFormat::from_path(path)?;
    progress.start(crate::model::progress::Stage::Saving, 1);
    let rows = rows(doc, visible);
    let bytes = match format {
        TableFormat::Csv => to_csv(&rows, bom),
        TableFormat::Xlsx => to_xlsx(&rows, &doc.timeline().title)?,
    };
    if progress.is_cancelled() {
        return Err(CANCELLED_TABLE.to_owned());
    }
    super::write_with_progress(path, &bytes, progress).map_err(|e| {
        if e.to_string() == crate::model::progress::CANCELLED {
            CANCELLED_TABLE.to_owned()
        } else {
            format!("cannot write \"{}\": {e}", path.display())
        }
    })?;
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Progress;

    /// Three dated events out of order (one without a citation), one undated, and a source
    /// with pages.
    fn doc() -> Document {
        let json = r#"{
          "title": "Case",
          "sources": [
            {"id": "filing", "title": "The filing", "text": "Page one says a thing.\fPage two, \"quoted\", says more.", "pages": [0, 23]},
            {"id": "bare", "title": "", "text": "Nothing here."}
          ],
          "events": [
            {"id": "late", "title": "Later", "when": "2014-03", "tags": ["b", "a"],
             "citations": [{"source": "filing", "quote": "Page two, \"quoted\", says more.", "note": "=HYPERLINK(1)"}]},
            {"id": "undated", "title": "Some time", "summary": "No date known",
             "citations": [{"source": "bare", "quote": "Not in it"}]},
            {"id": "early", "title": "Earlier", "when": "2013~",
             "citations": [{"source": "filing", "quote": "Page one says a thing."},
                           {"source": "filing", "quote": "says more"}]},
            {"id": "uncited", "title": "Nothing cited", "when": "2013-06-01?"}
          ]
        }"#;
        let path = Path::new("case.citeline.json");
        let timeline = crate::citeline::parse_json(json.as_bytes(), path).expect("parses");
        Document::new(timeline, path, &Progress::default()).expect("valid")
    }

    #[test]
    fn a_row_per_citation_in_date_order_undated_last() {
        let doc = doc();
        let rows = rows(&doc, None);
        let order: Vec<(&str, Option<usize>)> = rows.iter().map(|r| (&*doc.events()[r.event].id, r.citation)).collect();
        assert_eq!(
            order,
            [("early", Some(0)), ("early", Some(1)), ("uncited", None), ("late", Some(0)), ("undated", Some(0))]
        );
        let cited = doc.events().iter().map(|e| e.citations.len().max(1)).sum::<usize>();
        assert_eq!(rows.len(), cited, "one row a citation, one for an event without");
    }

    #[test]
    fn rows_say_the_date_in_words_the_pin_cite_and_the_verification() {
        let doc = doc();
        let rows = rows(&doc, None);
        let early = &rows[0];
        assert_eq!(early.date, Edtf::parse("2013~").expect("edtf").to_string());
        assert!(early.date.starts_with("about"), "approximate, said so: {}", early.date);
        assert_eq!(early.edtf, "2013~");
        assert_eq!(early.pin_cite, "p. 1");
        assert_eq!(early.status, crate::model::Verification::Verified.label());
        assert_eq!(early.source, "The filing");
        let uncited = &rows[2];
        assert!(uncited.date.contains("uncertain"), "{}", uncited.date);
        assert_eq!(
            [&uncited.source, &uncited.pin_cite, &uncited.quote, &uncited.status, &uncited.note].map(String::as_str),
            [""; 5],
            "an event without a citation has empty citation cells"
        );
        let late = &rows[3];
        assert_eq!(late.pin_cite, "p. 2");
        assert_eq!(late.tags, "b, a");
        assert_eq!(late.note, "=HYPERLINK(1)", "rows hold the text as it is; writers guard it");
        let undated = &rows[4];
        assert_eq!((undated.date.as_str(), undated.edtf.as_str()), (UNDATED, ""));
        assert_eq!(undated.source, "bare", "a source without a title is named by its id");
        assert_eq!(undated.status, crate::model::Verification::NotFound.label());
        assert_eq!(undated.summary, "No date known");
    }

    #[test]
    fn only_the_visible_events_have_rows() {
        let doc = doc();
        let visible: Vec<bool> = doc.events().iter().map(|e| e.id == "late" || e.id == "undated").collect();
        let ids: Vec<&str> = rows(&doc, Some(&visible)).iter().map(|r| &*doc.events()[r.event].id).collect();
        assert_eq!(ids, ["late", "undated"]);
    }

    #[test]
    fn csv_guards_formulas_and_puts_a_bom_only_when_asked() {
        let doc = doc();
        let rows = rows(&doc, None);
        let plain = String::from_utf8(to_csv(&rows, false)).expect("utf-8");
        assert!(plain.starts_with("Date,EDTF,Event,"), "{plain}");
        assert!(plain.contains("'=HYPERLINK(1)") && !plain.contains(",=HYPERLINK"), "{plain}");
        assert!(plain.contains("\"Page two, \"\"quoted\"\", says more.\""), "{plain}");
        assert!(plain.contains("\r\n") && !plain.replace("\r\n", "").contains('\n'), "CRLF line ends");
        let bom = to_csv(&rows, true);
        assert_eq!(&bom[..3], b"\xEF\xBB\xBF");
        assert_eq!(&bom[3..], plain.as_bytes());
        for (cell, guarded) in
            [("=1+1", "'=1+1"), ("+3", "'+3"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("a=b", "a=b")]
        {
            assert_eq!(guard(cell), guarded);
        }
    }

    #[test]
    fn an_over_long_cell_is_cut_to_excels_limit() {
        let long = "é".repeat(40_000);
        let cut = within_cell_limit(&long);
        assert_eq!(cut.encode_utf16().count(), XLSX_CELL_MAX);
        assert!(cut.ends_with('…'));
        assert_eq!(within_cell_limit("short"), "short");
    }

    #[test]
    fn xlsx_is_a_workbook_and_the_format_follows_the_name() {
        let doc = doc();
        let bytes = to_xlsx(&rows(&doc, None), "Case").expect("workbook");
        assert_eq!(&bytes[..2], b"PK", "a zip");
        assert_eq!(TableFormat::from_path(Path::new("a.XLSX")), Ok(TableFormat::Xlsx));
        assert_eq!(TableFormat::from_path(Path::new("a.csv")), Ok(TableFormat::Csv));
        let err = TableFormat::from_path(Path::new("out/a.txt")).expect_err("no table format");
        assert!(err.contains("out/a.txt") && err.contains("*.xlsx"), "{err}");
        assert!(column_width(&[], 7) < column_width(&rows(&doc, None), 7), "the quotes widen their column");
        let widths = [10.0; 10];
        let quote = Row { quote: "x".repeat(17) + "\nshort", ..Row::default() };
        assert_eq!(wrapped_lines(&quote, &widths), 4, "8 characters a line: 3 lines, then 1");
        assert_eq!(wrapped_lines(&Row { edtf: "x".repeat(50), ..Row::default() }, &widths), 1, "EDTF does not wrap");
    }
}
