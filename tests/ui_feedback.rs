//! The window says what it did and what can be done (issue #21, "Feedback"): saving and
//! exporting say so for a few seconds, the recovery prompt lists what it restores, Esc closes
//! an open menu first, an empty timeline says how to begin, Proposed Dates says why a source
//! has none, and Export Image proposes the timeline's own name.

use crate::common;

use std::path::{Path, PathBuf};

use citeline::CitelineApp;
use citeline::ui::command::Command;
use common::{SEED, data, field_text, focus_and_clear, harness_on, type_keys, wait_until};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

const TITAN: &str = "Facebook gives Netflix access to the private “Titan API”, August 2013";

/// Frames in a little more than the four seconds a flash lasts (the harness steps 1/60 s).
const PAST_A_FLASH: usize = 4 * 60 + 30;

fn copy_of_seed(dir: &Path) -> PathBuf {
    let path = dir.join("case.citeline.json");
    std::fs::copy(SEED, &path).expect("copy");
    path
}

/// Selects Titan API by clicking it on the timeline.
fn select_titan(harness: &mut Harness<'static, CitelineApp>) {
    harness.get_by_label(TITAN).click();
    harness.run();
    assert!(harness.state().selected().is_some(), "Titan API is selected");
}

#[test]
fn saving_says_so_in_the_status_strip_for_a_few_seconds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = harness_on(&copy_of_seed(dir.path()));
    select_titan(&mut harness);
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().session().is_dirty());
    assert!(harness.query_by_label("Saved case.citeline.json").is_none(), "nothing said before saving");
    let panel_row = |h: &Harness<'static, CitelineApp>| h.get_by_label("Timeline Details").rect();
    let before = panel_row(&harness);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_until(&mut harness, |app| !app.session().is_saving() && !app.session().is_dirty());
    harness.run_steps(2);
    assert!(harness.query_by_label("Saved case.citeline.json").is_some(), "the status strip says it saved");
    // It floats in a corner: nothing moves under the pointer when it comes or goes.
    assert_eq!(panel_row(&harness), before, "the window's rows stay where they were");

    // A few seconds later it is gone by itself, and the strip with it.
    harness.run_steps(PAST_A_FLASH);
    assert!(harness.query_by_label("Saved case.citeline.json").is_none(), "the word goes after a few seconds");
    assert_eq!(harness.state().report(), None, "nothing else was to be said: the strip closes");
    assert_eq!(panel_row(&harness), before);
}

#[test]
fn a_flash_stands_beside_a_report_which_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = harness_on(&copy_of_seed(dir.path()));
    harness.state_mut().show_report(citeline::session::Report::failed("Something to read".into()));
    harness.state_mut().flash("Added source ‘Court filing’".into());
    harness.run();
    assert!(harness.query_by_label("Something to read").is_some());
    assert!(harness.query_by_label("Added source ‘Court filing’").is_some());
    harness.run_steps(PAST_A_FLASH);
    assert!(harness.query_by_label("Added source ‘Court filing’").is_none(), "the flash goes");
    assert!(harness.query_by_label("Something to read").is_some(), "the report stays until dismissed");
}

#[test]
fn export_image_proposes_the_timelines_name_and_says_when_it_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = harness_on(&copy_of_seed(dir.path()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    let proposed = PathBuf::from(field_text(&harness, "Save to"));
    assert_eq!(proposed, dir.path().join("case.png"), "named after case.citeline.json, beside it");

    harness.get_by_label("Export").click();
    wait_until(&mut harness, |app| !app.export_dialog().is_running() && app.export_dialog().message.is_some());
    harness.run_steps(2);
    assert!(dir.path().join("case.png").is_file(), "written where proposed");
    assert!(harness.query_by_label("Exported case.png").is_some(), "the status strip says so");
}

#[test]
fn export_image_of_the_built_in_timeline_proposes_its_title() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_max_steps(64)
        .build_eframe(|cc| CitelineApp::new(cc, None, None));
    harness.state_mut().command(Command::ShowExport);
    harness.run();
    let proposed = PathBuf::from(field_text(&harness, "Save to"));
    let name = proposed.file_name().and_then(|n| n.to_str()).expect("a file name").to_owned();
    assert!(name.starts_with("netflix-and-facebook-the-special-relationship"), "{name}");
    assert_eq!(proposed.extension().and_then(|e| e.to_str()), Some("png"), "{name}");

    // A name the user typed is kept, whatever the timeline.
    focus_and_clear(&mut harness, "Save to");
    type_keys(&mut harness, "mine.svg", None);
    harness.run();
    assert_eq!(field_text(&harness, "Save to"), "mine.svg");
}

#[test]
fn esc_closes_an_open_menu_and_nothing_else() {
    let mut harness = common::app_harness();
    select_titan(&mut harness);
    let selected = harness.state().selected();
    harness.get_by_label("File").click();
    harness.run();
    assert!(harness.query_by_label_contains("Export Image").is_some(), "the File menu is open");

    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label_contains("Export Image").is_none(), "Esc closed the menu");
    assert_eq!(harness.state().selected(), selected, "and left the selection");

    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None, "the next Esc clears the selection");
}

#[test]
fn an_empty_timeline_says_how_to_begin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty.citeline.json");
    let (code, out) = common::citeline(&["new", path.to_str().expect("path")]);
    assert_eq!(code, 0, "{out}");
    let mut harness = harness_on(&path);
    harness.run();
    assert!(data(&harness).doc.events().is_empty());
    assert!(harness.query_by_label("This timeline has no events yet").is_some());
    assert!(harness.query_by_label_contains("File › Add Source…").is_some());
    assert!(harness.query_by_label_contains("drop a document on the window").is_some());
    assert!(harness.query_by_label_contains("Edit › New Event (Ctrl+Shift+E)").is_some());

    // Once there is an event, the timeline shows it instead.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    assert_eq!(data(&harness).doc.events().len(), 1);
    assert!(harness.query_by_label("This timeline has no events yet").is_none());
}

/// Steps the window until `done` holds of what it shows (a background reading ends), or gives up.
fn shown_within_a_while(
    harness: &mut Harness<'static, CitelineApp>,
    done: impl Fn(&Harness<'static, CitelineApp>) -> bool,
) {
    for _ in 0..300 {
        harness.run_steps(1);
        if done(harness) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Whether the Proposed Dates list gives `why` for some source.
fn said(harness: &Harness<'static, CitelineApp>, why: &str) -> bool {
    harness.query_all_by_label_contains(&format!(": {why}")).next().is_some()
}

fn open_proposals(harness: &mut Harness<'static, CitelineApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    wait_until(harness, |app| app.show_proposals() && !app.session().is_proposing());
    shown_within_a_while(harness, |h| !said(h, "reading…"));
}

#[test]
fn proposed_dates_say_why_a_source_has_none() {
    // The built-in timeline cites every dated sentence of its Italian article; its Spanish one
    // speaks of durations only.
    let mut harness = common::app_harness();
    open_proposals(&mut harness);
    assert!(harness.query_by_label("Sources without proposals").is_some());
    assert!(said(&harness, "no dated sentences"), "the Spanish article");
    assert!(said(&harness, "every dated sentence is already cited"), "the Italian article");
}

#[test]
fn proposed_dates_count_the_sentences_cited_and_rejected() {
    // The seed's sources without its events: the Italian article's dated sentences are proposed.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut t: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(SEED).expect("seed")).expect("JSON");
    t["events"] = serde_json::Value::Array(Vec::new());
    let path = dir.path().join("case.citeline.json");
    std::fs::write(&path, serde_json::to_string_pretty(&t).expect("json")).expect("write");
    let mut harness = harness_on(&path);
    let dated = citeline::model::propose::proposals(&data(&harness).doc, Some("it-article")).len();
    assert!(dated > 1, "the Italian article has dates");
    open_proposals(&mut harness);
    assert!(said(&harness, "no dated sentences"), "the Spanish article");
    assert!(!said(&harness, "every dated sentence"), "the Italian article has proposals: it is not listed");

    // One accepted (an event cites it), the others rejected: then it says so, with how many.
    harness.get_all_by_label("Accept").next().expect("an Accept button").click();
    harness.run();
    for _ in 1..dated {
        wait_until(&mut harness, |app| !app.session().is_proposing());
        harness.run();
        harness.get_all_by_label("Reject").next().expect("a Reject button").click();
        harness.run();
    }
    wait_until(&mut harness, |app| !app.session().is_proposing());
    let why = format!("every dated sentence is already cited (1) or was rejected ({})", dated - 1);
    shown_within_a_while(&mut harness, |h| said(h, &why));
    assert!(said(&harness, &why), "{why}");
    assert!(said(&harness, "no dated sentences"), "the Spanish article's reason stays");
}

#[test]
fn the_recovery_prompt_lists_the_changes_a_fields_typing_as_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_of_seed(dir.path());
    let settings = dir.path().join("config/settings.json");
    let journal = dir.path().join("config/journal.jsonl");
    let window = |settings: PathBuf, file: Option<PathBuf>| {
        Harness::builder()
            .with_size(egui::vec2(1400.0, 860.0))
            .with_max_steps(64)
            .build_eframe(move |cc| CitelineApp::new(cc, file.clone(), Some(settings.clone())))
    };
    let mut harness = window(settings.clone(), Some(path.clone()));
    wait_until(&mut harness, |app| !app.is_loading() && app.session().path().is_some());
    harness.run();
    select_titan(&mut harness);
    let old_title = data(&harness).doc.events()[harness.state().selected().expect("selected") as usize].title.clone();
    harness.get_by_label("Edit Event").click();
    harness.run();
    // The title typed with a pause in the middle: the field commits twice, one step.
    focus_and_clear(&mut harness, "Title");
    type_keys(&mut harness, "Titan opened", Some(5));
    harness.key_press(Key::Tab);
    harness.run();
    // Then the event deleted.
    harness.key_press(Key::Escape);
    harness.run();
    select_titan_by_title(&mut harness, "Titan opened");
    harness.key_press(Key::Delete);
    harness.run();
    let written = citeline::session::journal::Journal::recover(&journal).expect("journaled");
    assert!(written.edits.len() >= 3, "the title's typing is more than one edit: {:?}", written.described);
    let written_lines = written.summary(citeline::session::journal::MAX_SUMMARY_LINES);
    // The process dies: nothing is saved, nothing dropped in order.
    std::mem::forget(harness);

    let mut harness = window(settings, None);
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("closed without saving 2 changes to case.citeline.json").is_some());
    let lines = &written_lines;
    assert!(harness.query_by_label(&format!("Retitle ‘{old_title}’")).is_some(), "the typing, as one line: {lines:?}");
    assert_eq!(harness.query_all_by_label_contains("Retitle").count(), 1, "and only one");
    assert!(harness.query_by_label("Delete ‘Titan opened’").is_some());
    harness.get_by_label("Restore").click();
    wait_until(&mut harness, |app| app.session().path() == Some(path.as_path()) && !app.is_loading());
    harness.run_steps(3);
    assert!(!data(&harness).doc.events().iter().any(|e| e.title.contains("Titan")), "both restored");
}

/// Selects the event titled `title` by clicking it on the timeline.
fn select_titan_by_title(harness: &mut Harness<'static, CitelineApp>, title: &str) {
    let label = harness
        .query_all_by_label_contains(title)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .expect("the event on the timeline");
    harness.get_by_label(&label).click();
    harness.run();
}

#[test]
fn started_without_a_file_the_window_opens_the_last_one_and_keeps_remembering_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_of_seed(dir.path());
    let settings = dir.path().join("config/settings.json");
    std::fs::create_dir_all(dir.path().join("config")).expect("config");
    let remembered = serde_json::json!({ "recent": [path], "last_file": path, "theme": "System" });
    std::fs::write(&settings, remembered.to_string()).expect("write");
    let store = settings.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_max_steps(64)
        .build_eframe(move |cc| CitelineApp::new(cc, None, Some(store.clone())));
    wait_until(&mut harness, |app| !app.is_loading() && app.session().path().is_some());
    harness.run();
    let canonical = std::fs::canonicalize(&path).expect("canonical");
    assert_eq!(harness.state().settings().last_file.as_deref(), Some(canonical.as_path()));
}

#[test]
fn the_source_pane_stays_where_it_is_while_its_text_is_scrolled_and_clicked() {
    let (mut harness, _) = italian_source_open();
    let top = |h: &Harness<'static, CitelineApp>| h.get_by_label("Select a passage in the text:").rect().top();
    let before = top(&harness);
    let text = harness.get_by_label("Select a passage in the text:").rect().center() + egui::vec2(0.0, 60.0);
    for _ in 0..4 {
        harness.hover_at(text);
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, -3.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        harness.run();
    }
    assert!((top(&harness) - before).abs() < 1.0, "scrolling moved the pane from {before} to {}", top(&harness));
    harness.drag_at(text);
    harness.run();
    harness.drop_at(text);
    harness.run();
    assert!((top(&harness) - before).abs() < 1.0, "a click moved the pane from {before} to {}", top(&harness));
}

/// The Italian article's text open in the side panel of a 1280 × 800 window, and a point on
/// its third line.
fn italian_source_open() -> (Harness<'static, CitelineApp>, egui::Pos2) {
    let mut harness = common::app_harness();
    harness.set_size(egui::vec2(1280.0, 800.0));
    harness.run();
    harness
        .get_by_label("Netflix ha pagato 100 milioni di dollari per accedere ai messaggi privati di Facebook")
        .click();
    harness.run();
    let text = harness.get_by_label("Select a passage in the text:").rect().left_bottom() + egui::vec2(40.0, 48.0);
    (harness, text)
}

/// The quote of the event New Event from Selection makes of what is selected.
fn quote_of_selection(harness: &mut Harness<'static, CitelineApp>) -> String {
    let before = data(harness).doc.events().len();
    harness.get_by_label("New Event from Selection").click();
    harness.run();
    let doc = &data(harness).doc;
    assert_eq!(doc.events().len(), before + 1, "an event made of the selection");
    doc.events().last().expect("the event").citations[0].quote.to_string()
}

/// Presses at `from`, drags to `to` and lets go, as a hand does: 30 ms a frame.
fn drag_like_a_hand(harness: &mut Harness<'static, CitelineApp>, from: egui::Pos2, to: egui::Pos2) {
    let button = egui::PointerButton::Primary;
    let mut now = harness.ctx.input(|i| i.time) + 1.0;
    let mut frame = |harness: &mut Harness<'static, CitelineApp>, event: egui::Event| {
        harness.event(event);
        now += 0.03;
        harness.input_mut().time = Some(now);
        harness.step();
    };
    frame(harness, egui::Event::PointerMoved(from));
    frame(harness, egui::Event::PointerButton { pos: from, button, pressed: true, modifiers: Modifiers::NONE });
    for k in 1..=8 {
        frame(harness, egui::Event::PointerMoved(from + (to - from) * (k as f32 / 8.0)));
    }
    frame(harness, egui::Event::PointerButton { pos: to, button, pressed: false, modifiers: Modifiers::NONE });
    harness.input_mut().time = None;
    harness.run();
}

#[test]
fn a_drag_in_a_source_selects_whole_words() {
    let (mut harness, at) = italian_source_open();
    let text = data(&harness).doc.source("it-article").expect("source").1.to_owned();
    // From one point of a line to another, most likely inside words.
    drag_like_a_hand(&mut harness, at + egui::vec2(7.0, 110.0), at + egui::vec2(101.0, 110.0));
    let quote = quote_of_selection(&mut harness);
    let at_quote = text.find(&quote).expect("the quote is the source's words");
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    assert!(quote.contains(' '), "several words: {quote:?}");
    assert!(!(word(text[..at_quote].chars().next_back()) && word(quote.chars().next())), "begins at a word: {quote:?}");
    let end = at_quote + quote.len();
    assert!(!(word(text[end..].chars().next()) && word(quote.chars().next_back())), "ends at a word: {quote:?}");
}

#[test]
fn three_clicks_in_a_source_select_its_sentence() {
    // On the fourth paragraph, which holds several sentences.
    let (_, text) = {
        let h = common::app_harness();
        data(&h).doc.source("it-article").map(|(s, t)| (s.clone(), t.to_owned())).expect("source")
    };
    let (mut harness, at) = italian_source_open();
    let at = at + egui::vec2(0.0, 110.0);
    // Three clicks as a hand makes them, 60 ms apart (the harness's own frames are longer).
    harness.hover_at(at);
    harness.step();
    let mut now = harness.ctx.input(|i| i.time);
    for pressed in [true, false, true, false, true, false] {
        let button = egui::PointerButton::Primary;
        harness.event(egui::Event::PointerButton { pos: at, button, pressed, modifiers: Modifiers::NONE });
        now += 0.06;
        harness.input_mut().time = Some(now);
        harness.step();
    }
    harness.input_mut().time = None;
    harness.run();
    let quote = quote_of_selection(&mut harness);
    let sentences = citeline::model::dates::sentences(&text);
    assert!(sentences.iter().any(|s| text[s.clone()].trim() == quote), "a whole sentence of the source: {quote:?}");
    let at_quote = text.find(&quote).expect("in the text");
    let paragraph = text[..at_quote].rfind('\n').map_or(0, |n| n + 1)
        ..text[at_quote..].find('\n').map_or(text.len(), |n| at_quote + n);
    assert!(text[paragraph].trim().len() > quote.len(), "a sentence, not its paragraph (a line to the text field)");
}

#[test]
fn dragging_a_selection_past_the_texts_edge_scrolls_it() {
    let (mut harness, at) = italian_source_open();
    let label = "Select a passage in the text:";
    let first_line = |h: &Harness<'static, CitelineApp>| h.get_by_label(label).rect().bottom();
    let view_bottom = harness.ctx.content_rect().bottom();
    let top_of_text = |h: &Harness<'static, CitelineApp>| {
        use egui::accesskit::Role;
        h.query_all_by_role(Role::MultilineTextInput).map(|n| n.rect().top()).fold(f32::MAX, f32::min)
    };
    let before = top_of_text(&harness);
    assert!(first_line(&harness) < view_bottom);
    // Pressed in the text and held below the window's bottom: the text scrolls on its own.
    common::press_and_move(&mut harness, at, egui::pos2(at.x, view_bottom - 2.0));
    for _ in 0..30 {
        harness.hover_at(egui::pos2(at.x, view_bottom - 2.0));
        harness.step();
    }
    let after = top_of_text(&harness);
    harness.drop_at(egui::pos2(at.x, view_bottom - 2.0));
    harness.run();
    assert!(after < before - 40.0, "the text scrolled up under a held drag: from {before} to {after}");
}
