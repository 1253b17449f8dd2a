use std::io::Read as _;
use std::path::Path;

use super::*;
use crate::session::Loaded;

/// Three dated events (one without a citation), one undated, a source with pages in Spanish
/// with an original file, and one without a title.
fn loaded() -> Loaded {
    let json = r#"{
      "title": "Case",
      "description": "What happened, and who said so.",
      "sources": [
        {"id": "filing", "title": "The filing", "publisher": "Court", "language": "es",
         "text": "Page one says a thing.\fPage two, \"quoted\", says more.", "pages": [0, 23],
         "original": {"file": "sources/filing.pdf", "kind": "pdf", "sha256": "abc123"}},
        {"id": "bare", "title": "", "text": "Nothing here."}
      ],
      "events": [
        {"id": "late", "title": "Later", "when": "2014-03",
         "citations": [{"source": "filing", "quote": "Page two, \"quoted\", says more."}]},
        {"id": "undated", "title": "Some time", "summary": "No date known",
         "citations": [{"source": "bare", "quote": "Not in it"}]},
        {"id": "early", "title": "Earlier", "when": "2013~",
         "citations": [{"source": "filing", "quote": "Page one says a thing."},
                       {"source": "filing", "quote": "says more"}]},
        {"id": "uncited", "title": "Nothing cited", "when": "2013-06-01?"}
      ]
    }"#;
    let path = Path::new("case.citeline.json");
    let timeline = crate::formats::citeline::parse_json(json.as_bytes(), path).expect("parses");
    let doc = Document::new(timeline, path, &Progress::default()).expect("valid");
    Loaded::new(doc, &Progress::default())
}

fn options() -> ReportOptions {
    ReportOptions { made: "6 December 2026".to_owned(), ..ReportOptions::default() }
}

#[test]
fn dated_events_are_numbered_in_date_order_and_undated_ones_follow_unnumbered() {
    let data = loaded();
    let report = Report::build(&data.doc, &data.lanes, &options()).expect("report");
    let dated: Vec<(Option<u32>, &str)> = report.dated.iter().map(|e| (e.number, e.title.as_str())).collect();
    assert_eq!(dated, [(Some(1), "Earlier"), (Some(2), "Nothing cited"), (Some(3), "Later")]);
    assert_eq!(report.undated.len(), 1);
    assert_eq!(report.undated[0].number, None);
    assert!(report.dated[0].date.starts_with("about"), "approximate, said so: {}", report.dated[0].date);
    assert!(report.dated[1].date.contains("uncertain"), "{}", report.dated[1].date);
    let early = &report.dated[0].citations;
    assert_eq!(early.len(), 2);
    assert_eq!((early[0].pin_cite.as_str(), early[0].language.as_str()), ("p. 1", "es"));
    assert_eq!(early[0].attribution(), "The filing, p. 1 · verified");
    assert_eq!(report.dated[2].citations[0].pin_cite, "p. 2");
    assert!(!report.undated[0].citations[0].verified);
    assert_eq!(report.counts, "4 events (1 undated) · 4 citations, 3 verified, 1 not found");
    assert!(report.covered.contains("2013") && report.covered.contains("2014"), "{}", report.covered);
    let ids: Vec<&str> = report.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), 2, "every source cited, once: {ids:?}");
    let filing = report.sources.iter().find(|s| s.id == "filing").expect("filing");
    assert!(filing.reference.contains("The filing") && filing.reference.contains("Court"), "{}", filing.reference);
    assert!(filing.file.as_deref().is_some_and(|f| f.contains("abc123")), "{:?}", filing.file);
}

#[test]
fn each_citation_has_its_footnote_in_the_style_with_its_pin_cite() {
    let data = loaded();
    let report = Report::build(&data.doc, &data.lanes, &options()).expect("report");
    let notes: Vec<&str> = report.entries().flat_map(|e| &e.citations).map(|c| c.footnote.as_str()).collect();
    assert_eq!(notes.len(), 4);
    // The filing's first note is whole (its publisher), the later ones short, each on its page.
    assert!(notes[0].contains("The filing") && notes[0].contains("Court") && notes[0].contains('1'), "{notes:?}");
    assert!(notes[1].contains("The filing") && !notes[1].contains("Court") && notes[1].contains('2'), "{notes:?}");
    assert!(notes[3].to_lowercase().contains("bare"), "a source without a title is cited by its id: {notes:?}");
    let apa = Report::build(&data.doc, &data.lanes, &ReportOptions { style: CitationStyle::Apa, ..options() })
        .expect("report");
    let first = &apa.dated[0].citations[0].footnote;
    assert!(first.contains("n.d.") && first.contains("p. 1"), "APA cites author, date and page: {first}");
}

#[test]
fn the_filter_and_the_range_choose_the_events_and_the_picture_leaves_its_footnotes_out() {
    let data = loaded();
    let visible: Vec<bool> = data.doc.events().iter().map(|e| e.id != "uncited").collect();
    let report =
        Report::build(&data.doc, &data.lanes, &ReportOptions { visible: Some(visible), ..options() }).expect("report");
    let titles: Vec<&str> = report.entries().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Earlier", "Later", "Some time"]);
    assert_eq!(report.dated[1].number, Some(2), "numbers follow what is shown");
    let picture = report.picture.as_ref().expect("a picture");
    let texts: Vec<&str> = picture
        .shapes
        .iter()
        .filter_map(|s| match s {
            crate::scene::Shape::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(!texts.iter().any(|t| t.contains("Page one says")), "no footnotes under the picture: {texts:?}");
    assert!(!texts.contains(&"Case"), "the report's title is not repeated in its picture: {texts:?}");
    assert!(texts.iter().any(|t| t.contains("Earlier")), "the picture has its events: {texts:?}");
    let none = Report::build(&data.doc, &data.lanes, &ReportOptions { picture: false, ..options() }).expect("report");
    assert!(none.picture.is_none() && none.picture_note.is_none());
}

#[test]
fn the_pdf_has_every_quote_as_text_its_pin_cites_and_its_sources() {
    let data = loaded();
    let report = Report::build(&data.doc, &data.lanes, &options()).expect("report");
    let bytes = render(&report, ReportFormat::Pdf).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("text");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for e in report.entries() {
        for c in &e.citations {
            assert!(text.contains(&c.quote), "the quote “{}” is in the PDF's text: {text}", c.quote);
        }
    }
    for words in ["Chronology", "Undated events", "Sources", "The filing, p. 2", "Page 1 of", "Made 6 December 2026"] {
        assert!(text.contains(words), "{words} in {text}");
    }
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/StructTreeRoot") && raw.contains("pdfaid:part"), "tagged and PDF/A");
}

#[test]
fn the_docx_is_a_word_package_with_the_quotes_in_their_language() {
    let data = loaded();
    let report = Report::build(&data.doc, &data.lanes, &options()).expect("report");
    let bytes = render(&report, ReportFormat::Docx).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).expect(name).read_to_string(&mut s).expect("utf-8");
        s
    };
    let document = read("word/document.xml");
    for e in report.entries() {
        for c in &e.citations {
            let quote = crate::export::svg::escape(&c.quote);
            assert!(document.contains(&quote), "{quote} in document.xml");
        }
    }
    assert!(document.contains(r#"<w:lang w:val="es"/></w:rPr><w:t xml:space="preserve">“Page one says a thing.”"#));
    assert!(document.contains("<w:tblHeader/>") && document.contains("<w:cantSplit/>"));
    assert_eq!(document.matches("<w:tr>").count(), 4 + 2, "a row an event, a header row a table");
    let styles = read("word/styles.xml");
    for id in ["Heading1", "Title", "Caption", "Quote", "ChronologyTable"] {
        assert!(styles.contains(&format!(r#"w:styleId="{id}""#)), "{id}");
    }
    assert!(read("word/footer1.xml").contains("NUMPAGES"));
    // A footnote a citation, in order, each marked once in the text and kept in footnotes.xml.
    let notes = read("word/footnotes.xml");
    let all: Vec<&Cited> = report.entries().flat_map(|e| &e.citations).collect();
    for (i, c) in all.iter().enumerate() {
        let mark = format!(r#"<w:footnoteReference w:id="{}"/>"#, i + 1);
        assert_eq!(document.matches(&mark).count(), 1, "{mark}");
        let note = format!(r#"<w:footnote w:id="{}">"#, i + 1);
        let at = notes.find(&note).expect(&note);
        let part = &notes[at..];
        let part = &part[..part.find("</w:footnote>").expect("closed")];
        let mut text = String::new();
        let mut in_tag = false;
        for ch in part.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => in_tag = false,
                ch if !in_tag => text.push(ch),
                _ => {}
            }
        }
        assert_eq!(text.trim(), crate::export::svg::escape(&c.footnote), "footnote {}", i + 1);
        assert_eq!(part.contains("<w:i/>"), !c.footnote_italic.is_empty(), "italics as the style sets them: {part}");
    }
    assert!(!document.contains(&format!(r#"w:id="{}"/>"#, all.len() + 1)), "no more marks than citations");
    assert!(styles.contains(r#"w:styleId="FootnoteText""#) && styles.contains(r#"w:styleId="FootnoteReference""#));
    assert!(read("word/_rels/document.xml.rels").contains("footnotes.xml"));
    assert!(read("[Content_Types].xml").contains("/word/footnotes.xml"));
    assert!(read("word/_rels/document.xml.rels").contains("media/timeline.png"));
    let mut png = Vec::new();
    zip.by_name("word/media/timeline.png").expect("png").read_to_end(&mut png).expect("png");
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn formats_papers_and_sizes_are_checked() {
    assert_eq!(ReportFormat::from_path(Path::new("a.PDF")), Ok(ReportFormat::Pdf));
    assert_eq!(ReportFormat::from_path(Path::new("a.docx")), Ok(ReportFormat::Docx));
    let err = ReportFormat::from_path(Path::new("out/a.doc")).expect_err("no report format");
    assert!(err.contains("out/a.doc") && err.contains("*.docx or *.pdf"), "{err}");
    assert_eq!(Paper::parse("Letter"), Ok(Paper::Letter));
    assert!(Paper::parse("a5").is_err());
    assert!(size_warning(LARGE_EVENTS).is_none());
    assert!(size_warning(LARGE_EVENTS + 1).is_some_and(|w| w.contains("10,001")));
}
