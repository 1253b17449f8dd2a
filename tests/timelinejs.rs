//! TimelineJS files, JSON and spreadsheet CSV: each field and quirk of the fixtures in
//! `tests/fixtures/timelinejs/`, the problems a broken file gets, and round trips.

use std::path::Path;

use citeline::formats::open::{Limits, open};
use citeline::formats::{Format, write};
use citeline::model::date::{day_from_civil, year_start};
use citeline::model::{Document, Problem, Progress, Verification};

fn load(path: &str) -> Document {
    open(Path::new(path), Limits::default(), &Progress::default()).unwrap_or_else(|p| panic!("{path}: {p:#?}"))
}

fn problems(path: &str) -> Vec<Problem> {
    match open(Path::new(path), Limits::default(), &Progress::default()) {
        Ok(_) => panic!("{path} should not open"),
        Err(p) => p,
    }
}

fn event<'a>(doc: &'a Document, id: &str) -> (usize, &'a citeline::model::Event) {
    let i = doc.event_index(id).unwrap_or_else(|| panic!("no event {id}"));
    (i, &doc.events()[i])
}

fn by_title<'a>(doc: &'a Document, title: &str) -> (usize, &'a citeline::model::Event) {
    let i = doc.events().iter().position(|e| &*e.title == title).unwrap_or_else(|| panic!("no event titled {title}"));
    (i, &doc.events()[i])
}

#[test]
fn timelinejs_json_reads_every_field_and_quirk() {
    let doc = load("tests/fixtures/timelinejs/newsroom.json");
    let t = doc.timeline();
    assert_eq!(t.title, "Facebook & Netflix: a decade", "headline HTML read as text");
    assert_eq!(
        t.description.as_deref(),
        Some("How the two companies grew close, as the filing (https://example.org/filing) tells it.")
    );
    assert_eq!(t.events.len(), 7);

    // Numbers, display dates, HTML text with line breaks, media, group, unknown fields ignored.
    let (i, e) = event(&doc, "integration");
    assert_eq!(e.when.as_deref(), Some("2011-06-01"));
    assert_eq!(e.display_date.as_deref(), Some("Early June 2011"), "display_date inside start_date");
    assert_eq!(e.summary.as_deref(), Some("Netflix users share what they watch.\nIt starts in Latin America."));
    assert_eq!(e.group(), Some("Partnership"));
    let media = e.media().expect("media");
    assert_eq!(media.url, "https://example.org/integration.png");
    assert_eq!(media.caption.as_deref(), Some("The share button"));
    assert_eq!(media.credit.as_deref(), Some("Example News"));
    assert_eq!(media.thumbnail.as_deref(), Some("https://example.org/t.png"));
    assert!(doc.span(i).is_some_and(|s| s.is_day));

    // Strings for numbers; entities; a second group.
    let (_, e) = event(&doc, "titan");
    assert_eq!(e.when.as_deref(), Some("2013-08"));
    assert_eq!(e.summary.as_deref(), Some("Private messages open to Netflix — reportedly."));
    assert_eq!(doc.groups().iter().map(|g| &**g).collect::<Vec<_>>(), ["Partnership", "Data access"]);

    // An interval, with the display date at the event's level.
    let (_, e) = event(&doc, "board");
    assert_eq!(e.when.as_deref(), Some("2011/2019"));
    assert_eq!(e.display_date.as_deref(), Some("2011 to 2019"));

    // Hour, minute as a string, second; milliseconds accepted.
    let (i, e) = event(&doc, "call");
    assert_eq!(e.when.as_deref(), Some("2018-03-19T14:30:05"));
    let start = doc.span(i).expect("dated").start;
    assert!((start - (day_from_civil(2018, 3, 19) + (14.5 * 3600.0 + 5.0) / 86_400.0)).abs() < 1e-6);

    // BCE and cosmological years place on the axis.
    let (i, _) = event(&doc, "rome");
    assert!((doc.span(i).expect("dated").start - day_from_civil(-44, 3, 15)).abs() < 1e-6);
    let (i, e) = event(&doc, "big-bang");
    assert_eq!(e.when.as_deref(), Some("Y-13800000000"));
    let s = doc.span(i).expect("dated");
    assert!((s.start - year_start(-13_800_000_000)).abs() < 1.0 && s.end > s.start);
    assert_eq!(doc.date_label(i), "13.8 billion BCE");

    // No headline and no id: a title from the text, an id from its place; a float year.
    let (_, e) = event(&doc, "event-7");
    assert_eq!(&*e.title, "An event with no headline and no id,");
    assert_eq!(e.when.as_deref(), Some("2019-01/2019-03"));

    let eras: Vec<(&str, String)> = doc.eras().map(|(era, _)| (era.title.as_str(), era.when.clone())).collect();
    assert_eq!(eras, [("Early years", "2011/2015".to_owned()), ("Ad spending grows", "2015/2020".to_owned())]);
}

#[test]
fn timelinejs_csv_template_reads_every_column() {
    let doc = load("tests/fixtures/timelinejs/template.csv");
    let t = doc.timeline();
    assert_eq!(t.title, "Netflix, Facebook and your messages", "the title row");
    assert_eq!(t.description.as_deref(), Some("A chronology built from the court filing (https://example.org)."));
    assert_eq!(t.events.len(), 7, "the blank row is skipped; title and era rows are not events");
    assert_eq!(t.eras.len(), 1);
    assert_eq!(t.eras[0].when, "2011/2015");

    let (_, e) = by_title(&doc, "Netflix integration");
    assert_eq!(e.when.as_deref(), Some("2011-06-01"));
    assert_eq!(e.display_date.as_deref(), Some("Early June 2011"));
    assert_eq!(e.summary.as_deref(), Some("Share what you watch."));
    assert_eq!(e.group(), Some("Partnership"));
    let m = e.media().expect("media");
    assert_eq!(
        (m.url.as_str(), m.credit.as_deref(), m.caption.as_deref()),
        ("https://example.org/i.png", Some("Example News"), Some("The share button"))
    );
    assert_eq!(e.id.as_str(), "netflix-integration", "ids come from headlines");

    assert_eq!(by_title(&doc, "Titan API").1.summary.as_deref(), Some("Private messages & more"));
    assert_eq!(by_title(&doc, "Hastings on the board").1.when.as_deref(), Some("2011/2019"));
    assert_eq!(by_title(&doc, "A phone call").1.when.as_deref(), Some("2018-03-19T14:30"), "2:30 PM");
    assert_eq!(by_title(&doc, "Ides of March").1.when.as_deref(), Some("-0044-03-15"));
    assert_eq!(by_title(&doc, "Big Bang").1.when.as_deref(), Some("Y-13800000000"));
    assert_eq!(by_title(&doc, "Early 2019").1.when.as_deref(), Some("2019-01/2019-03"));
}

#[test]
fn every_problem_of_a_bad_timelinejs_file_is_listed_with_event_and_field() {
    let p = problems("tests/fixtures/timelinejs/bad.json");
    let lines: Vec<String> = p.iter().map(ToString::to_string).collect();
    for needle in [
        "event \"month-13\", field `start_date.month`",
        "event \"no-date\", field `start_date`",
        "event \"word-year\", field `start_date.year`",
        "event \"#4\", field `start_date.day`",
        "event \"empty\", field `text.headline`",
    ] {
        assert!(lines.iter().any(|l| l.contains(needle) && l.contains("bad.json")), "{needle} in {lines:#?}");
    }
    assert_eq!(lines.len(), 5, "one per broken event, the good one has none: {lines:#?}");
}

#[test]
fn every_problem_of_a_bad_spreadsheet_is_listed_with_row_and_column() {
    let p = problems("tests/fixtures/timelinejs/bad.csv");
    let lines: Vec<String> = p.iter().map(ToString::to_string).collect();
    for needle in [
        "row 2, field `Month`",
        "row 3, field `Year`",
        "row 4, field `Year`",
        "row 5, field `Day`",
        "row 6, field `Time`",
    ] {
        assert!(lines.iter().any(|l| l.contains(needle) && l.contains("bad.csv")), "{needle} in {lines:#?}");
    }
    assert_eq!(lines.len(), 5, "{lines:#?}");
}

/// An event's title, span (in minutes), group and quotes.
type Essentials = (String, Option<(i64, i64)>, Option<String>, Vec<String>);

/// Titles, dates (as spans), groups and quotes of each dated event, in order.
fn essentials(doc: &Document) -> Vec<Essentials> {
    (0..doc.events().len())
        .filter(|&i| doc.span(i).is_some())
        .map(|i| {
            let e = &doc.events()[i];
            #[allow(clippy::cast_possible_truncation)]
            let span = doc.span(i).map(|s| ((s.start * 1440.0).round() as i64, (s.end * 1440.0).round() as i64));
            (
                e.title.to_string(),
                span,
                e.group().map(str::to_owned),
                e.citations.iter().map(|c| c.quote.to_string()).collect(),
            )
        })
        .collect()
}

fn round_trip(doc: &Document, format: Format, name: &str) -> Document {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    let (text, _) = write(doc, format);
    std::fs::write(&path, text).expect("write");
    load(path.to_str().expect("path"))
}

#[test]
fn citeline_to_timelinejs_json_and_back_keeps_everything() {
    let seed = load("assets/timelines/netflix-facebook.citeline.json");
    let back = round_trip(&seed, Format::TimelineJs, "seed.json");
    assert_eq!(essentials(&back), essentials(&seed));
    // The JSON carries the EDTF dates and the sources with their texts, so citations verify.
    let dated = |d: &Document| -> Vec<String> {
        (0..d.events().len())
            .filter(|&i| d.span(i).is_some())
            .map(|i| d.events()[i].when.as_deref().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(dated(&back), dated(&seed), "approximate and open dates too");
    let t = back.tally();
    assert_eq!((t.not_found, t.unchecked), (0, 0));
    assert_eq!(t.verified, seed.tally().verified - undated_citations(&seed));

    // Groups and eras travel too.
    let news = load("tests/fixtures/timelinejs/newsroom.json");
    let again = round_trip(&news, Format::TimelineJs, "news.json");
    assert_eq!(essentials(&again), essentials(&news));
    assert_eq!(again.timeline().eras, news.timeline().eras);
    assert_eq!(again.timeline().title, news.timeline().title);
}

fn undated_citations(doc: &Document) -> usize {
    (0..doc.events().len()).filter(|&i| doc.span(i).is_none()).map(|i| doc.events()[i].citations.len()).sum()
}

#[test]
fn citeline_to_timelinejs_csv_and_back_keeps_titles_dates_groups_and_quotes() {
    let seed = load("assets/timelines/netflix-facebook.citeline.json");
    let back = round_trip(&seed, Format::TimelineJsCsv, "seed.csv");
    assert_eq!(essentials(&back), essentials(&seed));
    // The spreadsheet has no room for source texts: the quotes come back, unchecked, citing
    // sources recreated by id and title.
    let t = back.tally();
    assert_eq!(t.unchecked, seed.tally().citations - undated_citations(&seed));
    assert_eq!(t.not_found, 0);
    let (source, _) = back.source("it-article").expect("source recreated by id");
    let (original, _) = seed.source("it-article").expect("seed source");
    assert_eq!(source.title, original.title);
    assert!(back.problems().iter().all(|p| !p.is_error()), "warnings only: {:?}", back.problems());
    let (i, _) = by_title(&back, &seed.events()[seed.event_index("titan-api").expect("titan")].title);
    assert_eq!(back.checks(i)[0].status, Verification::Unchecked);

    let news = load("tests/fixtures/timelinejs/template.csv");
    let again = round_trip(&news, Format::TimelineJsCsv, "news.csv");
    assert_eq!(essentials(&again), essentials(&news));
    assert_eq!(again.timeline().eras, news.timeline().eras);
    assert_eq!(again.timeline().title, news.timeline().title);
}

#[test]
fn a_timelinejs_file_reaches_the_axis_and_the_export() {
    let data = citeline::session::loaded::open_blocking(
        Path::new("tests/fixtures/timelinejs/newsroom.json"),
        &Progress::default(),
    )
    .expect("opens");
    let headers = data.lanes.lanes.iter().filter(|l| l.is_header).count();
    assert_eq!(headers, 3, "Partnership, Data access, and the ungrouped");
    let svg = |options: &citeline::scene::compose::ImageOptions| {
        let bytes = citeline::export::render(
            &citeline::scene::compose::image(&data.doc, &data.lanes, options),
            citeline::export::Format::Svg,
            1.0,
        )
        .expect("renders");
        String::from_utf8(bytes).expect("utf-8")
    };
    // Whole: from the Big Bang on, ticks in billions of years.
    let whole = svg(&citeline::scene::compose::ImageOptions::default());
    assert!(whole.contains("billion"), "deep-past ticks are labelled in years");
    // The last decade: group headers and era names.
    let (a, b) = citeline::model::range::interval("2010/2020").expect("range");
    let decade = svg(&citeline::scene::compose::ImageOptions {
        extent: citeline::scene::compose::Extent::Range(a, b),
        ..Default::default()
    });
    for text in ["Partnership", "Data access", "Other events", "Early years", "Ad spending grows"] {
        assert!(decade.contains(text), "{text} is drawn in the export");
    }
}

#[test]
fn slides_with_only_media_open_titled_by_caption_credit_or_untitled_with_a_warning() {
    let doc = load("tests/fixtures/timelinejs/media-only.json");
    let titles: Vec<&str> = doc.events().iter().map(|e| &*e.title).collect();
    assert_eq!(titles, ["Netflix’s announcement, August 2013", "Reuters TV", "Untitled (media)", "An ordinary slide"]);
    let media = doc.events()[0].media().expect("the media is kept");
    assert_eq!(media.url, "https://twitter.com/netflix/status/364526381043318784");
    let warnings: Vec<String> = doc.problems().iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 3, "one warning a media-only slide: {warnings:#?}");
    assert!(warnings.iter().any(|w| w.contains("event \"bare-video\"") && w.contains("only media")), "{warnings:#?}");
    assert!(warnings.iter().all(|w| w.contains("media-only.json")), "{warnings:#?}");
}

#[test]
fn spreadsheet_rows_with_only_media_open_too_and_an_empty_row_is_still_refused() {
    let p = problems("tests/fixtures/timelinejs/media-only.csv");
    assert_eq!(p.len(), 1, "only the row with nothing at all: {p:#?}");
    assert!(p[0].to_string().contains("neither headline, text nor media"), "{p:#?}");
    let fixture = std::fs::read_to_string("tests/fixtures/timelinejs/media-only.csv").expect("fixture");
    let good: String = fixture.lines().filter(|l| !l.starts_with("2017")).flat_map(|l| [l, "\n"]).collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("media.csv");
    std::fs::write(&path, good).expect("write");
    let doc = load(path.to_str().expect("path"));
    let titles: Vec<&str> = doc.events().iter().map(|e| &*e.title).collect();
    assert_eq!(titles, ["Netflix’s announcement", "Reuters TV", "Untitled (media)", "An ordinary slide"]);
    assert_eq!(doc.problems().len(), 3, "{:#?}", doc.problems());
}

#[test]
fn spreadsheet_quirks_timelinejs_reads_open_too() {
    let doc = load("tests/fixtures/timelinejs/sheet-quirks.csv");
    assert_eq!(doc.timeline().title, "Sheet quirks");
    let when = |title: &str| by_title(&doc, title).1.when.as_deref().map(str::to_owned);
    // Thousands separators and spaces in numbers, as TimelineJS strips them.
    assert_eq!(when("Thousands separator and PM").as_deref(), Some("1900-01-02T14:30"));
    assert_eq!(when("Spaces in a deep year").as_deref(), Some("Y-13800000000"));
    // Times without a colon, with dots, with a.m., or an hour alone.
    assert_eq!(when("Time without a colon").as_deref(), Some("2001-03-04T14:30"));
    assert_eq!(when("Dotted end time and midnight").as_deref(), Some("2002-05-06T00:15/2002-05-06T14:45"));
    assert_eq!(when("An hour alone").as_deref(), Some("2003-07-08T09:00"));
    // A row with no year: TimelineJS leaves it out and shows the rest; citeline keeps it undated.
    let (i, _) = by_title(&doc, "A row with no year");
    assert!(doc.span(i).is_none());
    let warnings: Vec<String> = doc.problems().iter().map(ToString::to_string).collect();
    assert!(warnings.iter().any(|w| w.contains("row 8, field `Year`") && w.contains("no start date")), "{warnings:#?}");
    assert_eq!(by_title(&doc, "Thousands separator and PM").1.group(), Some("Old sheets"));
    assert_eq!(doc.events().len(), 6, "the empty row is skipped");
}

#[test]
fn the_first_spreadsheet_template_with_start_and_end_date_cells_opens() {
    let doc = load("tests/fixtures/timelinejs/v1-sheet.csv");
    assert_eq!(doc.timeline().title, "First template");
    let when = |title: &str| by_title(&doc, title).1.when.as_deref().map(str::to_owned);
    assert_eq!(when("A v1 interval").as_deref(), Some("2011/2019"));
    assert_eq!(when("A v1 US date").as_deref(), Some("2014-01-02"), "month first, as TimelineJS reads it");
    assert_eq!(when("A v1 month").as_deref(), Some("2015-03"));
    assert_eq!(when("A v1 ISO date and time").as_deref(), Some("2016-04-05T10:30"));
    assert_eq!(when("A v1 BCE year").as_deref(), Some("-0044"));
    assert_eq!(by_title(&doc, "A v1 interval").1.group(), Some("Governance"), "the Tag column is the group");
    assert!(doc.problems().is_empty(), "{:#?}", doc.problems());
}

#[test]
fn slides_timelinejs_shows_despite_a_repeated_id_or_no_date_open_with_a_warning() {
    let doc = load("tests/fixtures/timelinejs/slide-quirks.json");
    let ids: Vec<&str> = doc.events().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-2", "event-3", "empty-parts", "empty-time"], "both slides kept, the second renamed");
    assert_eq!(event(&doc, "a").1.when.as_deref(), Some("2011"), "an end equal to the start is no interval");
    assert_eq!(event(&doc, "empty-parts").1.when.as_deref(), Some("2013"), "empty strings are absent parts");
    assert_eq!(event(&doc, "empty-time").1.when.as_deref(), Some("2014-02-03"));
    let (i, e) = event(&doc, "event-3");
    assert!(doc.span(i).is_none() && &*e.title == "No start date at all", "kept, undated");
    let warnings: Vec<String> = doc.problems().iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings.iter().any(|w| w.contains("event \"a\", field `unique_id`") && w.contains("\"a-2\"")));
    assert!(warnings.iter().any(|w| w.contains("event \"#3\", field `start_date`")));
}
