//! The PDF report's layout: rows cut where they may be, footnotes on their marks' pages.

use super::flow::*;
use super::table::*;
use super::*;
use crate::report::Entry;

#[test]
fn a_tall_row_is_cut_between_citations_not_inside_a_quote() {
    let line = |dy: f32, group: usize| CellLine {
        dy,
        height: 10.0,
        text: String::new(),
        size: 8.0,
        bold: false,
        color: TEXT,
        lang: None,
        leaf: 0,
        group,
        note: None,
    };
    // Two citations of three lines each; 45 points of room: the first citation's three
    // lines (30) fit, the second's would be cut after one line.
    let cells = [Cell {
        lines: (0..6).map(|i| line(i as f32 * 10.0, i / 3)).collect(),
        nodes: Vec::new(),
        height: 60.0,
        notes: Vec::new(),
    }];
    assert_eq!(cut_at(&cells, 45.0, 100.0), Some(30.0));
    // Too little room for a whole citation: cut at a line.
    assert_eq!(cut_at(&cells, 25.0, 100.0), Some(20.0));
    assert_eq!(cut_at(&cells, 5.0, 100.0), None);
    // A citation taller than a page is cut where it must be.
    assert_eq!(cut_at(&cells, 45.0, 20.0), Some(40.0));
}

fn report(events: usize) -> Report {
    let cited = |i: usize, k: usize| super::super::Cited {
        quote: format!("A quote of event {i}, citation {k}, long enough to wrap in its cell at least once or twice."),
        source: "The filing".to_owned(),
        pin_cite: format!("p. {}", i + k),
        status: "verified".to_owned(),
        verified: true,
        footnote: format!("The Filing, Court of Somewhere, 12 May 2024, {}, a note long enough to wrap once.", i + k),
        ..Default::default()
    };
    let dated = (0..events)
        .map(|i| Entry {
            number: u32::try_from(i + 1).ok(),
            date: "3 May 2024".to_owned(),
            title: format!("Event {i}"),
            summary: String::new(),
            citations: (0..2).map(|k| cited(i, k)).collect(),
        })
        .collect();
    Report {
        title: "Notes".to_owned(),
        description: String::new(),
        language: "en".to_owned(),
        covered: String::new(),
        selection: None,
        counts: String::new(),
        made: "today".to_owned(),
        paper: super::super::Paper::A4,
        picture: None,
        picture_note: None,
        dated,
        undated: Vec::new(),
        sources: Vec::new(),
        style: super::super::CitationStyle::Chicago,
    }
}

#[test]
fn each_footnote_is_at_the_foot_of_the_page_its_mark_is_on_below_the_content() {
    let (flow, _) = lay_out(&report(40));
    assert!(flow.pages.len() > 2, "40 rows run over pages: {}", flow.pages.len());
    let mut marks = 0;
    for (p, page) in flow.pages.iter().enumerate() {
        let is_note = |l: &&Line| l.size == FOOT;
        let notes: Vec<&Line> = page.lines.iter().filter(is_note).collect();
        let content_bottom =
            page.lines.iter().filter(|l| !is_note(l)).map(|l| l.top + l.size * LEADING).fold(0.0, f32::max);
        let notes_top = notes.iter().map(|l| l.top).fold(f32::INFINITY, f32::min);
        assert!(content_bottom <= notes_top + 0.01, "page {p}: content to {content_bottom}, notes from {notes_top}");
        assert!(notes.iter().all(|l| l.top + FOOT * LEADING <= flow.page_bottom() + 0.01), "page {p}");
        // Every mark on the page has its numbered note on the same page.
        for line in page.lines.iter().filter(|l| l.text.starts_with("— ")) {
            let digits: String = line
                .text
                .chars()
                .filter_map(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|d| d == c))
                .map(|d| char::from(b'0' + u8::try_from(d).unwrap_or(0)))
                .collect();
            let n: usize = digits.parse().expect("a mark");
            assert!(notes.iter().any(|l| l.text.starts_with(&format!("{n}. The Filing"))), "note {n} on page {p}");
            marks += 1;
        }
    }
    assert_eq!(marks, 80, "a mark a citation");
    assert_eq!(superscript(1204), "¹²⁰⁴");
}

#[test]
fn drawing_the_pages_says_how_far_it_is_and_stops_when_cancelled() {
    let report = report(120);
    let seen = std::cell::RefCell::new(Vec::new());
    let bytes = to_pdf_reporting(&report, &|f| {
        seen.borrow_mut().push(f);
        true
    })
    .expect("a pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let seen = seen.into_inner();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "forward only: {seen:?}");
    assert!(seen.iter().any(|&f| f > 0.2 && f < 0.8), "told as the pages are drawn: {seen:?}");
    let stopped = to_pdf_reporting(&report, &|f| f < 0.5);
    assert_eq!(stopped, Err(crate::report::CANCELLED_REPORT.to_owned()));
}
