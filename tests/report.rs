//! The chronology as a document (`citeline report`), read back as its readers would: the PDF
//! by poppler's `pdftotext`, the Word document by pandoc and as the XML inside it. Then the
//! image export's PDF page, and the sources for a reference manager (`citeline sources`).

use crate::common;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use citeline::formats::open::{Limits, open};
use citeline::model::{Document, Progress};
use common::{SEED, citeline};

/// Whether `program` runs; a test that needs it fails on CI when it does not (CI installs it,
/// `.ci/run`), and is skipped elsewhere.
fn have(program: &str) -> bool {
    let found = Command::new(program).arg("-v").output().is_ok();
    if !found {
        assert!(std::env::var_os("CI").is_none(), "CI must install {program} (see .ci/run)");
        eprintln!("skipped: this test needs {program}");
    }
    found
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a PDF as pdftotext reads it, whitespace collapsed.
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(path).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext reads {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    collapse(&String::from_utf8_lossy(&out.stdout))
}

/// The text of a Word document as pandoc reads it, whitespace collapsed: read into HTML (a
/// table's cell stays whole there, where plain text would interleave the cells' lines), and
/// the tags taken out.
fn docx_text(path: &Path) -> String {
    let out = Command::new("pandoc").arg("-t").arg("html").arg("--wrap=none").arg(path).output().expect("pandoc runs");
    assert!(out.status.success(), "pandoc reads {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8_lossy(&out.stdout);
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    collapse(&text)
}

fn docx_part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).expect("docx")).expect("a zip");
    let mut s = String::new();
    zip.by_name(name).expect(name).read_to_string(&mut s).expect("utf-8");
    s
}

fn seed() -> Document {
    open(Path::new(SEED), Limits::default(), &Progress::default()).expect("seed")
}

fn report(args: &[&str]) -> (i32, String) {
    citeline(&[&["report"], args].concat())
}

fn out(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

#[test]
fn the_pdf_report_of_the_built_in_timeline_holds_every_quote_as_text() {
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = out(&dir, "seed.pdf");
    let (code, said) = report(&[SEED, "-o", pdf.to_str().expect("path")]);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("wrote") && said.contains("PDF"), "{said}");
    let text = pdf_text(&pdf);
    let doc = seed();
    for e in doc.events() {
        assert!(text.contains(&collapse(&e.title)), "the event “{}” is in the report", e.title);
        for c in &e.citations {
            assert!(text.contains(&collapse(&c.quote)), "the quote “{}” is in the PDF's text", c.quote);
        }
    }
    assert!(text.contains(&doc.timeline().title), "the title");
    for words in ["Chronology", "Sources", "Page 1 of", "verified"] {
        assert!(text.contains(words), "“{words}” is in the report");
    }
    // Each source is listed under Sources with its publisher.
    let sources = text.rsplit("Sources").next().expect("sources");
    for s in &doc.timeline().sources {
        assert!(sources.contains(&collapse(&s.title)), "the source “{}” is listed", s.title);
    }
}

#[test]
fn the_word_report_reads_in_pandoc_with_a_row_per_dated_event() {
    if !have("pandoc") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = out(&dir, "seed.docx");
    let (code, said) = report(&[SEED, "-o", docx.to_str().expect("path"), "--paper", "letter"]);
    assert_eq!(code, 0, "{said}");
    let document = docx_part(&docx, "word/document.xml");
    let text = docx_text(&docx);
    let doc = seed();
    for e in doc.events() {
        for c in &e.citations {
            assert!(text.contains(&collapse(&c.quote)), "pandoc reads the quote “{}”", c.quote);
            let escaped =
                c.quote.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
            assert!(document.contains(&escaped), "document.xml holds the quote “{}”", c.quote);
        }
    }
    let dated = (0..doc.events().len()).filter(|&i| doc.span(i).is_some()).count();
    let undated = doc.events().len() - dated;
    let tables = document.matches("<w:tbl>").count();
    let header_rows = document.matches("<w:tblHeader/>").count();
    assert_eq!(tables, 1 + usize::from(undated > 0));
    assert_eq!(document.matches("<w:tr>").count() - header_rows, dated + undated, "a row an event");
    // Quotes are tagged with their source's language.
    let spanish = doc.timeline().sources.iter().any(|s| s.language == "es");
    assert!(!spanish || document.contains(r#"<w:lang w:val="es"/>"#));
    assert!(docx_part(&docx, "word/styles.xml").contains(r#"w:styleId="Heading1""#));
    assert!(document.contains(r#"w:w="12240""#), "letter paper, 8.5 inches wide");
}

/// A timeline whose source is a filed PDF of three pages, with events quoting pages 1, 2
/// and 3, and one event without a date.
fn filing_timeline(dir: &Path) -> PathBuf {
    let timeline = dir.join("case.citeline.json");
    let (code, said) = citeline(&["new", timeline.to_str().expect("path"), "--title", "The case"]);
    assert_eq!(code, 0, "{said}");
    let file = dir.join("filing.pdf");
    std::fs::write(&file, common::pdf::filing()).expect("write");
    let (code, said) = citeline(&["add-source", timeline.to_str().expect("path"), file.to_str().expect("path")]);
    assert_eq!(code, 0, "{said}");
    let id = said.lines().next().expect("the id").trim().to_owned();
    let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&timeline).expect("read")).expect("json");
    json["events"] = serde_json::json!([
        {"id": "denial", "title": "Facebook denies it", "when": "2020-12-22",
         "citations": [{"source": id, "quote": "Facebook denies the allegations"}]},
        {"id": "hearing", "title": "The hearing", "when": "2016-07-25",
         "citations": [{"source": id, "quote": "The court held a hearing on the motion on July 25, 2016."}]},
        {"id": "access", "title": "Access to messages", "when": "2015-05/2015-12",
         "citations": [{"source": id, "quote": "Facebook gave Netflix access"}]},
        {"id": "someday", "title": "An undated claim",
         "citations": [{"source": id, "quote": "agreed to the terms of the partnership"}]}
    ]);
    std::fs::write(&timeline, serde_json::to_string_pretty(&json).expect("json")).expect("write");
    timeline
}

#[test]
fn pin_cites_of_a_pdf_source_are_in_both_reports_and_undated_events_come_last() {
    if !have("pdftotext") || !have("pandoc") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let timeline = filing_timeline(dir.path());
    let pdf = out(&dir, "case.pdf");
    let docx = out(&dir, "case.docx");
    for path in [&pdf, &docx] {
        let (code, said) = report(&[timeline.to_str().expect("path"), "-o", path.to_str().expect("path")]);
        assert_eq!(code, 0, "{said}");
    }
    for (what, text) in [("PDF", pdf_text(&pdf)), ("Word", docx_text(&docx))] {
        for pin in ["p. 1", "p. 2", "p. 3"] {
            assert!(text.contains(pin), "the {what} report cites {pin}: {text}");
        }
        let (access, hearing, denial) = (
            text.find("Access to messages").expect("access"),
            text.find("The hearing").expect("hearing"),
            text.find("Facebook denies it").expect("denial"),
        );
        assert!(access < hearing && hearing < denial, "the {what} report is in date order");
        // pdftotext may read a heading after the table beside it: the undated event is asked
        // to come after the dated ones, and its section to be there.
        assert!(text.contains("Undated events"), "an undated section in the {what} report");
        assert!(
            text.find("An undated claim").is_some_and(|at| at > denial),
            "undated last in the {what} report: {text}"
        );
        assert!(text.contains("SHA-256"), "the {what} report gives the original's hash");
        assert!(text.contains("4 events (1 undated) · 4 citations, 4 verified"), "the {what} report counts: {text}");
    }
    // Each citation has a footnote citing the source at its page, numbered in the table's
    // order: access (p. 1), the hearing (p. 3), the denial (p. 2), then the undated claim (p. 2).
    let pages = [", 1.", ", 3.", ", 2.", ", 2."];
    let layout =
        Command::new("pdftotext").args(["-layout", "-enc", "UTF-8"]).arg(&pdf).arg("-").output().expect("pdftotext");
    let layout = String::from_utf8_lossy(&layout.stdout);
    for (n, page) in (1..=4).zip(pages) {
        let note = layout.lines().map(str::trim).find(|l| l.starts_with(&format!("{n}. "))).expect("a footnote");
        assert!(note.ends_with(page), "the PDF's footnote {n} cites its page ({page}): {note}");
    }
    let marks = pdf_text(&pdf);
    assert!(["¹", "²", "³", "⁴"].iter().all(|m| marks.contains(m)), "each citation marked: {marks}");
    let html = Command::new("pandoc").arg("-t").arg("html").arg("--wrap=none").arg(&docx).output().expect("pandoc");
    let html = String::from_utf8_lossy(&html.stdout);
    assert_eq!(html.matches("class=\"footnote-ref\"").count(), 4, "pandoc reads a Word footnote a citation: {html}");
    let word_notes: Vec<&str> = html.split("role=\"doc-endnote\"").skip(1).collect();
    assert_eq!(word_notes.len(), 4, "{html}");
    for (note, page) in word_notes.iter().zip(pages) {
        let note = note.split("</li>").next().unwrap_or(note);
        assert!(note.contains(page), "the Word footnote cites its page ({page}): {note}");
    }
}

#[test]
fn filters_narrow_the_report_and_bad_arguments_are_refused_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let timeline = filing_timeline(dir.path());
    let t = timeline.to_str().expect("path");
    let pdf = out(&dir, "ranged.pdf");
    let (code, said) = report(&[t, "-o", pdf.to_str().expect("path"), "--range", "2016/2017", "--no-image"]);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("(1 event, 1 citation, PDF)"), "{said}");
    let text = pdf_text(&pdf);
    assert!(
        text.contains("A selection: 1 of 4 events (dates 2016/2017)."),
        "the report says it is a selection: {text}"
    );

    let empty = out(&dir, "empty.pdf");
    let (code, said) = report(&[t, "-o", empty.to_str().expect("path"), "--range", "2030/2040"]);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("warning: no event is in this selection"), "{said}");
    let text = pdf_text(&empty);
    assert!(text.contains("No event is in this selection"), "not “no dated event”: {text}");
    assert!(!text.contains("No event is dated"), "{text}");
    for (args, error) in [
        (vec![t, "-o", "x.doc"], "*.docx or *.pdf"),
        (vec![t, "-o", "x.pdf", "--style", "nonesuch"], "chicago, apa, or a style's name"),
        (vec![t, "-o", "x.pdf", "--paper", "a5"], "a4 or letter"),
        (vec![t, "-o", "x.pdf", "--tag", "nope"], "--tag nope"),
        (vec![t, "-o", "x.pdf", "--range", "soon"], "--range"),
    ] {
        let (code, said) = report(&args);
        assert_eq!(code, 1, "{args:?}: {said}");
        assert!(said.contains(error), "{args:?} says {error}: {said}");
    }
}

#[test]
fn a_timeline_too_large_for_a_report_is_refused_not_hung() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = out(&dir, "big.citeline.json");
    let events = (citeline::report::MAX_EVENTS + 1).to_string();
    let (code, said) = citeline(&["generate", "--events", &events, "-o", big.to_str().expect("path")]);
    assert_eq!(code, 0, "{said}");
    let started = std::time::Instant::now();
    let (code, said) = report(&[big.to_str().expect("path"), "-o", out(&dir, "big.pdf").to_str().expect("path")]);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("100,001 events") && said.contains("--range"), "{said}");
    assert!(!out(&dir, "big.pdf").exists());
    assert!(started.elapsed().as_secs() < 120, "refused in {:?}", started.elapsed());
}

#[test]
fn export_writes_the_timeline_as_a_vector_pdf_page() {
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = out(&dir, "seed.pdf");
    let (code, said) = citeline(&["export", SEED, "-o", pdf.to_str().expect("path"), "--footnotes", "--width", "1200"]);
    assert_eq!(code, 0, "{said}");
    let text = pdf_text(&pdf);
    let doc = seed();
    assert!(text.contains(&doc.timeline().title), "the title is text");
    let quoted = doc.events().iter().flat_map(|e| e.citations.iter()).next().expect("a citation");
    let start: String = quoted.quote.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    assert!(text.contains(&start), "the footnotes are text: {start}");
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    let info = collapse(&String::from_utf8_lossy(&info.stdout));
    assert!(info.contains("Pages: 1 "), "{info}");
    assert!(info.contains("Page size: 1200 x "), "a point a pixel: {info}");
}

#[test]
fn sources_are_written_as_csl_json_and_bibtex() {
    let dir = tempfile::tempdir().expect("tempdir");
    let timeline = filing_timeline(dir.path());
    let (code, said) = citeline(&["sources", timeline.to_str().expect("path"), "--format", "csl-json"]);
    assert_eq!(code, 0, "{said}");
    let json: serde_json::Value = serde_json::from_str(&said).expect("CSL-JSON on stdout");
    let item = &json[0];
    assert_eq!(item["type"], "document");
    assert!(item["note"].as_str().is_some_and(|n| n.contains("SHA-256")), "{item}");
    let bib = out(&dir, "sources.bib");
    let (code, said) = citeline(&["sources", SEED, "--format", "bibtex", "-o", bib.to_str().expect("path")]);
    assert_eq!(code, 0, "{said}");
    let bib = std::fs::read_to_string(bib).expect("bib");
    let doc = seed();
    assert_eq!(bib.matches("\n@").count() + usize::from(bib.starts_with('@')), doc.timeline().sources.len());
    for s in &doc.timeline().sources {
        assert!(bib.contains(&format!("{{{},", s.id)), "{} keyed by its id", s.id);
    }
}

#[test]
fn ctrl_p_in_the_window_asks_paper_style_picture_and_file_then_writes_the_events_the_filter_shows() {
    use egui::accesskit::Role;
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = common::app_harness();
    let filter = citeline::model::filter::Filter { tags: ["governance".to_owned()].into(), ..Default::default() };
    harness.state_mut().session_mut().set_filter(filter.clone());
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Save to");
    let proposed = PathBuf::from(field.value().unwrap_or_default());
    assert_eq!(proposed.file_name().and_then(|n| n.to_str()), Some("netflix-facebook.pdf"), "{proposed:?}");
    assert!(harness.query_all_by_label_contains("A filter is on").count() > 0, "the dialog says a filter is on");

    // Browse… opens the chooser at the proposed file; the file chosen comes back to the dialog.
    let written = dir.path().join("governance.docx");
    harness.get_by_label("Browse…").click();
    harness.run();
    assert!(harness.query_by_label("Export Report To").is_some(), "the chooser asks where");
    harness.get_by_role_and_label(Role::TextInput, "File").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "File").type_text(&written.display().to_string());
    harness.run();
    harness.get_by_label("Choose").click();
    harness.run();
    assert_eq!(
        harness.get_by_role_and_label(Role::TextInput, "Save to").value().as_deref(),
        Some(written.display().to_string().as_str()),
        "the dialog takes the file chosen"
    );
    assert!(!written.exists(), "nothing is written before Export");

    harness.get_by_label("US Letter").click();
    harness.get_by_label("APA").click();
    assert!(harness.state().report_export().picture, "the picture is in by default");
    harness.get_by_label("Include the timeline as a picture").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    assert!(harness.query_by_label("Save to").is_none(), "the dialog closes; the status strip follows the work");
    common::wait_until(&mut harness, |app| written.exists() && app.report_export().running().is_none());
    harness.run();
    assert!(harness.query_all_by_label_contains("to governance.docx").count() > 0, "the status strip says so");

    let data = std::sync::Arc::clone(harness.state().session().data());
    let document = docx_part(&written, "word/document.xml");
    for (i, e) in data.doc.events().iter().enumerate() {
        let escaped = collapse(&e.title).replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
        assert_eq!(
            document.contains(&escaped),
            filter.matches(&data.doc, i),
            "“{}” is in the report as the filter says",
            e.title
        );
    }
    let shown = (0..data.doc.events().len()).filter(|&i| filter.matches(&data.doc, i)).count();
    let said = format!("A selection: {shown} of {} events (tag governance).", data.doc.events().len());
    assert!(document.contains(&said), "the report says it is a selection: {said}");
    assert!(document.contains(r#"<w:pgSz w:w="12240" w:h="15840"/>"#), "US Letter pages");
    assert!(!document.contains("<w:drawing>"), "no picture, as asked");
    assert!(document.contains("in the APA style"), "the sources in APA style, as asked");

    // The choices stay for the next report; the same file is not replaced without asking.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    let before = std::fs::metadata(&written).and_then(|m| m.modified()).expect("written");
    harness.get_by_label("Export").click();
    harness.run();
    assert!(harness.query_all_by_label_contains("already exists. Replace it?").count() > 0, "asked first");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(std::fs::metadata(&written).and_then(|m| m.modified()).ok(), Some(before), "left as it was");

    // A name refused by Enter keeps the keyboard, so that it can be put right.
    let field = harness.get_by_role_and_label(Role::TextInput, "Save to");
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Save to")
        .type_text(&dir.path().join("bad.png").display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    assert!(harness.query_all_by_label_contains("not .png").count() > 0, "the name is refused, saying why");
    for key in [Key::Backspace, Key::Backspace, Key::Backspace] {
        harness.key_press(key);
        harness.run();
    }
    let value = harness.get_by_role_and_label(Role::TextInput, "Save to").value().unwrap_or_default();
    assert!(value.ends_with("bad."), "the field kept the keyboard: {value}");
    assert!(harness.query_by_label("Save to").is_some(), "the dialog is open again");
    assert_eq!(harness.state().report_export().style, citeline::report::CitationStyle::Apa, "the style stays");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Save to").is_none(), "Esc closes the dialog");
}

#[test]
fn a_missing_folder_said_in_the_report_dialog_goes_once_the_folder_is_made() {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("out");
    let mut harness = common::app_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
    harness.run();
    common::focus_and_clear(&mut harness, "Save to");
    common::type_keys(&mut harness, &folder.join("report.pdf").display().to_string(), None);
    let said = |h: &egui_kittest::Harness<'static, citeline::CitelineApp>| {
        h.query_by_label_contains("does not exist").is_some()
    };
    assert!(said(&harness), "the folder is missing");
    assert!(harness.get_by_label("Export").accesskit_node().is_disabled());
    // Made elsewhere (a terminal, a file manager): the dialog sees it without a keystroke.
    std::fs::create_dir(&folder).expect("mkdir");
    for _ in 0..4 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    harness.run();
    assert!(!said(&harness), "the problem goes with its cause");
    assert!(!harness.get_by_label("Export").accesskit_node().is_disabled());
}
