//! Editing in the window as a user does it: fields checked as they are typed, one undo step per
//! field, Delete, Save, and the file changed only where it was edited.

use crate::common;

use citeline::Modal;
use common::{SEED, data, event_id, harness_on, press_and_move, wait_until};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

const TITAN: &str = "Facebook gives Netflix access to the private “Titan API”, August 2013";

fn type_into(harness: &mut egui_kittest::Harness<'static, citeline::CitelineApp>, label: &str, text: &str) {
    let field = harness.get_by_role_and_label(Role::TextInput, label);
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
    // The typist pauses: the field commits what it holds, or says why it cannot.
    common::pause(harness);
}

/// Selects the Titan API event and opens its editor.
fn open_titans_editor(harness: &mut egui_kittest::Harness<'static, citeline::CitelineApp>) {
    harness.get_by_label(TITAN).click();
    harness.run();
    harness.get_by_label("Edit Event").click();
    harness.run();
}

#[test]
fn an_event_is_edited_undone_redone_deleted_and_saved_changing_only_its_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("case.citeline.json");
    std::fs::copy(SEED, &path).expect("copy");
    let mut harness = harness_on(&path);
    let titan = event_id(&harness, "titan-api") as usize;
    harness.get_by_label(TITAN).click();
    harness.run();
    harness.get_by_label("Edit Event").click();
    harness.run();

    type_into(&mut harness, "Title", "Titan API opened to Netflix");
    assert_eq!(data(&harness).doc.events()[titan].title, "Titan API opened to Netflix");
    assert!(harness.state().session().is_dirty());

    // A bad date is not taken, and the field says why; a good one is, said in plain words.
    type_into(&mut harness, "Date (EDTF)", "2013-13");
    assert_eq!(data(&harness).doc.events()[titan].when.as_deref(), Some("2013-08"));
    assert!(harness.query_by_label_contains("Not a date citeline reads").is_some());
    type_into(&mut harness, "Date (EDTF)", "2013-09");
    assert_eq!(data(&harness).doc.events()[titan].when.as_deref(), Some("2013-09"));
    assert_eq!(harness.query_all_by_label("September 2013").count(), 2, "under the field and under the title");

    // Each field's typing is one step, named in the Edit menu.
    harness.get_by_label("Edit").click();
    harness.run();
    assert!(harness.query_by_label_contains("Undo Move ‘Titan API opened to Netflix’").is_some());
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(data(&harness).doc.events()[titan].when.as_deref(), Some("2013-08"));
    assert_eq!(data(&harness).doc.events()[titan].title, "Titan API opened to Netflix");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(data(&harness).doc.events()[titan].title, TITAN.trim_end_matches(", August 2013"));
    assert!(!harness.state().session().is_dirty(), "undone back to the file as saved");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(data(&harness).doc.events()[titan].title, "Titan API opened to Netflix");

    // Delete removes the selected event; undo brings it back.
    let count = data(&harness).doc.events().len();
    harness.state_mut().command(citeline::ui::command::Command::Select(u32::try_from(titan).ok()));
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(data(&harness).doc.events().len(), count - 1);
    assert_eq!(harness.state().selected(), None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(data(&harness).doc.events().len(), count - 1, "nothing to redo after a new change");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(data(&harness).doc.events().len(), count);

    // Ctrl+S writes the file in place; only the edited event's lines change.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_until(&mut harness, |app| !app.session().is_saving() && !app.session().is_dirty());
    let before = std::fs::read_to_string(SEED).expect("seed");
    let after = std::fs::read_to_string(&path).expect("saved");
    let changed: Vec<(&str, &str)> = before.lines().zip(after.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 1, "one line differs: {changed:?}");
    assert!(changed[0].1.contains("Titan API opened to Netflix"));
    assert!(harness.state().session().data().doc.timeline().title == data(&harness).doc.timeline().title);
}

#[test]
fn enter_in_a_field_commits_it_and_leaves_the_view_where_it_is() {
    let mut harness = common::app_harness();
    open_titans_editor(&mut harness);
    let field = harness.get_by_role_and_label(Role::TextInput, "Date (EDTF)");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    common::type_keys(&mut harness, "2013-09", None);
    let before = harness.state().view();
    harness.key_press(Key::Enter);
    for _ in 0..20 {
        harness.step();
    }
    harness.run();
    let titan = event_id(&harness, "titan-api") as usize;
    assert_eq!(data(&harness).doc.events()[titan].when.as_deref(), Some("2013-09"), "Enter commits the date");
    let after = harness.state().view();
    assert!(
        (after.min - before.min).abs() < 1e-6 && (after.span - before.span).abs() < 1e-6,
        "the Enter was the field's, not a zoom to the event: {before:?} → {after:?}"
    );
}

#[test]
fn saving_while_a_field_holds_a_refused_date_says_it_was_not_taken() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("case.citeline.json");
    std::fs::copy(SEED, &path).expect("copy");
    let mut harness = harness_on(&path);
    open_titans_editor(&mut harness);
    type_into(&mut harness, "Title", "Titan API opened");
    type_into(&mut harness, "Date (EDTF)", "2013-13");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_until(&mut harness, |app| !app.session().is_saving() && !app.session().is_dirty());
    harness.run();
    assert!(
        harness.query_by_label_contains("Saved case.citeline.json, but a field’s “2013-13” was not taken").is_some(),
        "saving says the refused date is not in the file"
    );
    let saved = std::fs::read_to_string(&path).expect("saved");
    assert!(saved.contains("Titan API opened") && !saved.contains("2013-13"));
}

#[test]
fn tab_into_a_field_selects_what_it_holds_for_typing_over() {
    let mut harness = common::app_harness();
    open_titans_editor(&mut harness);
    harness.get_by_role_and_label(Role::TextInput, "Title").focus();
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    assert!(harness.get_by_role_and_label(Role::TextInput, "Date (EDTF)").is_focused());
    common::type_keys(&mut harness, "2014", None);
    assert_eq!(common::field_text(&harness, "Date (EDTF)"), "2014", "the old date typed over, not added to");
}

#[test]
fn new_event_is_dated_by_the_view_and_its_title_is_ready_for_typing() {
    let mut harness = common::app_harness();
    let count = data(&harness).doc.events().len();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    let doc = &data(&harness).doc;
    assert_eq!(doc.events().len(), count + 1);
    let new = doc.events().last().expect("added");
    let view = harness.state().view();
    let span = doc.span(count).expect("dated");
    assert!(span.start <= view.center() && view.center() < span.end, "dated by the middle of the view");
    assert_eq!(harness.state().selected(), u32::try_from(count).ok());
    assert_eq!(new.title, "New event");
    assert!(harness.get_by_role_and_label(Role::TextInput, "Title").is_focused(), "its title is ready for typing");
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut harness = common::app_harness();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    assert!(harness.state().session().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    assert!(harness.query_by_label_contains("has changes that are not saved").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label_contains("has changes that are not saved").is_none());
    assert!(harness.state().session().is_dirty(), "nothing lost");
    // Opening the sample asks too; Don't Save goes on.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open Sample Timeline").click();
    harness.run();
    harness.get_by_label("Don't Save").click();
    harness.run();
    assert!(!harness.state().session().is_dirty());
    assert!(harness.state().session().path().is_none(), "the sample is open");
}

#[test]
fn after_a_crash_the_window_offers_to_restore_the_unsaved_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("case.citeline.json");
    std::fs::copy(SEED, &path).expect("copy");
    let settings = dir.path().join("config/settings.json");
    let journal = dir.path().join("config/journal.jsonl");
    let mut j = citeline::session::journal::Journal::start(&journal, Some(&path)).expect("journal");
    let described = citeline::session::journal::Described::default();
    j.append(&citeline::model::edit::Edit::SetTitle("Restored after a crash".into()), described).expect("append");
    drop(j);

    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_max_steps(64)
        .build_eframe(move |cc| citeline::CitelineApp::new(cc, None, Some(settings.clone())));
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("closed without saving 1 change to case.citeline.json").is_some());
    harness.get_by_label("Restore").click();
    wait_until(&mut harness, |app| app.session().path() == Some(path.as_path()) && !app.is_loading());
    harness.run_steps(3);
    assert_eq!(data(&harness).doc.timeline().title, "Restored after a crash");
    assert!(harness.state().session().is_dirty(), "restored, not saved");
    let again = citeline::session::journal::Journal::recover(&journal).expect("still journaled until saved");
    assert_eq!(again.edits.len(), 1);
}

#[test]
fn a_file_changed_on_disk_under_unsaved_edits_asks_whose_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("case.citeline.json");
    std::fs::copy(SEED, &path).expect("copy");
    let mut harness = harness_on(&path);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    let count = data(&harness).doc.events().len();
    std::thread::sleep(std::time::Duration::from_millis(50));
    let theirs = std::fs::read_to_string(SEED).expect("seed").replacen("Netflix", "Theirs: Netflix", 1);
    std::fs::write(&path, theirs).expect("their write");
    wait_until(&mut harness, |app| matches!(app.modal(), Some(Modal::Conflict)));
    harness.run();
    assert!(harness.query_by_label_contains("changed on disk while you have unsaved changes").is_some());
    assert_eq!(data(&harness).doc.events().len(), count, "mine are kept while the question stands");
    // The question must be answered: Esc does not put it away, nor does another dialog.
    harness.key_press(Key::Escape);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::G);
    harness.run();
    assert!(matches!(harness.state().modal(), Some(Modal::Conflict)), "{:?}", harness.state().modal());
    assert!(harness.query_by_label("Go to Date").is_none(), "Go to Date waits");
    harness.get_by_label("Keep Mine").click();
    harness.run();
    assert!(harness.state().modal().is_none());
    assert_eq!(data(&harness).doc.events().len(), count);
    assert!(harness.state().session().is_dirty());
}

#[test]
fn a_quote_typed_by_hand_is_checked_as_it_is_typed_and_citations_reorder_and_go() {
    let mut harness = common::app_harness();
    let titan = event_id(&harness, "titan-api") as usize;
    harness.get_by_label(TITAN).click();
    harness.run();
    let first = data(&harness).doc.events()[titan].citations[0].clone();
    harness.get_by_label("Edit Citation 1").scroll_to_me();
    harness.run();
    harness.get_by_label("Edit Citation 1").click();
    harness.run();
    let quote = harness.get_by_role_and_label(Role::MultilineTextInput, "Quote");
    quote.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Quote")
        .type_text("Facebook ha fornito a Netflix l’accesso al Titanic");
    common::pause(&mut harness);
    assert_eq!(harness.query_all_by_label_contains("NOT FOUND").count(), 1, "the badge follows the typing");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Quote")
        .type_text("Facebook ha fornito a Netflix l’accesso");
    common::pause(&mut harness);
    assert_eq!(harness.query_all_by_label_contains("✔ verified").count(), 2);
    assert_eq!(&*data(&harness).doc.events()[titan].citations[0].quote, "Facebook ha fornito a Netflix l’accesso");

    harness.get_by_label("Move Down").click();
    harness.run();
    assert_eq!(data(&harness).doc.events()[titan].citations[1].source, first.source, "moved down");
    harness.query_all_by_label("Remove Citation").next().expect("a Remove button").click();
    harness.run();
    assert_eq!(data(&harness).doc.events()[titan].citations.len(), 1);
    // Three steps back: the removal, the move, the quote typed (one step however long).
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(data(&harness).doc.events()[titan].citations[0], first);
    assert_eq!(data(&harness).doc.events()[titan].citations.len(), 2);
}

#[test]
fn a_source_is_edited_and_deleted_only_after_a_confirmation_listing_what_cites_it() {
    let mut harness = common::app_harness();
    let before = data(&harness).doc.timeline().clone();
    let it = "Netflix ha pagato 100 milioni di dollari per accedere ai messaggi privati di Facebook";
    harness.query_all_by_label(it).last().expect("in the Sources list").click();
    harness.run();
    harness.get_by_label("Edit Source").click();
    harness.run();
    type_into(&mut harness, "Publisher", "Forbes Italia");
    let source = |h: &egui_kittest::Harness<'static, citeline::CitelineApp>| {
        data(h).doc.timeline().sources.iter().find(|s| &*s.id == "it-article").cloned().expect("source")
    };
    assert_eq!(source(&harness).publisher, "Forbes Italia");
    type_into(&mut harness, "Published", "2024-0");
    assert!(harness.query_by_label_contains("Not a date citeline reads").is_some());
    assert_eq!(source(&harness).published, None, "not a date yet: not taken");
    type_into(&mut harness, "Published", "2024-04-12");
    assert_eq!(source(&harness).published.as_deref(), Some("2024-04-12"));

    let citing =
        data(&harness).doc.events().iter().filter(|e| e.citations.iter().any(|c| &*c.source == "it-article")).count();
    assert!(citing > 1);
    harness.get_by_label("Delete Source").click();
    harness.run();
    assert!(
        harness.query_by_label_contains(&format!("{citing} events cite it")).is_some(),
        "the confirmation lists them"
    );
    assert!(data(&harness).doc.source("it-article").is_some(), "nothing deleted before the answer");
    harness.get_by_label("Delete Source and Its Citations").click();
    harness.run();
    let doc = &data(&harness).doc;
    assert!(doc.source("it-article").is_none());
    assert!(doc.events().iter().all(|e| e.citations.iter().all(|c| &*c.source != "it-article")));
    // Three steps: the deletion (with its citations), the date, the publisher typed.
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(data(&harness).doc.timeline(), &before, "all undone");
}

#[test]
fn the_timeline_title_and_its_eras_are_edited_in_the_panel() {
    let mut harness = common::app_harness();
    harness.get_by_label("Timeline Details").scroll_to_me();
    harness.run();
    harness.get_by_label("Timeline Details").click();
    harness.run();
    type_into(&mut harness, "Timeline title", "Netflix, Facebook and the messages");
    assert_eq!(data(&harness).doc.timeline().title, "Netflix, Facebook and the messages");
    harness.get_by_label("Add Era").click();
    harness.run();
    assert_eq!(data(&harness).doc.timeline().eras.len(), 1);
    assert_eq!(data(&harness).doc.timeline().eras[0].when, "2011/2019", "the years the timeline spans");
    type_into(&mut harness, "Era dates", "2013/..");
    assert!(harness.query_by_label_contains("two known ends").is_some());
    assert_eq!(data(&harness).doc.timeline().eras[0].when, "2011/2019", "not taken");
    type_into(&mut harness, "Era dates", "2013/2015");
    type_into(&mut harness, "Era title", "Titan years");
    let era = data(&harness).doc.timeline().eras[0].clone();
    assert_eq!((era.title.as_str(), era.when.as_str()), ("Titan years", "2013/2015"));
    harness.get_by_label("Remove Era").click();
    harness.run();
    assert!(data(&harness).doc.timeline().eras.is_empty());
}

#[test]
fn dragging_an_event_moves_it_by_whole_months_and_an_interval_end_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("case.citeline.json");
    std::fs::copy(SEED, &path).expect("copy");
    let mut harness = harness_on(&path);
    let titan_event = event_id(&harness, "titan-api");
    let titan = titan_event as usize;
    let count = data(&harness).doc.events().len();

    let start = harness.get_by_label(TITAN).rect().center();
    press_and_move(&mut harness, start, start + egui::vec2(120.0, 0.0));
    // While dragging, the date it would get is shown at the pointer.
    let moving = harness.get_by_label("Moving to");
    let shown = format!("{moving:?}");
    assert_eq!(
        data(&harness).doc.events()[titan].when.as_deref(),
        Some("2013-08"),
        "nothing changes before letting go"
    );
    harness.drop_at(start + egui::vec2(120.0, 0.0));
    harness.run();
    let doc = &data(&harness).doc;
    let when = doc.events()[titan].when.as_deref().expect("still dated").to_owned();
    assert_eq!(doc.events()[titan].id, "titan-api", "the id never changes");
    assert_eq!(doc.events().len(), count);
    assert!(when.len() == 7 && when.as_str() > "2013-08", "a later month, still a month: {when}");
    let words = citeline::model::Edtf::parse(&when).expect("valid").to_string();
    assert!(shown.contains(&words), "the pointer said where it goes ({words}): {shown}");
    assert_eq!(harness.state().selected(), Some(titan_event), "the moved event is selected");

    // One undo step, named.
    harness.get_by_label("Edit").click();
    harness.run();
    assert!(harness.query_by_label_contains("Undo Move ‘Facebook gives Netflix access").is_some());
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(data(&harness).doc.events()[titan].when.as_deref(), Some("2013-08"));

    // The end of an interval, taken at its edge, moves alone, by whole years.
    let board_event = event_id(&harness, "hastings-board");
    let board = board_event as usize;
    let label = data(&harness).accessible_label(board_event);
    let bar = harness.get_by_label(&label).rect();
    let end = egui::pos2(bar.right() - 3.0, bar.center().y);
    press_and_move(&mut harness, end, end + egui::vec2(60.0, 0.0));
    harness.drop_at(end + egui::vec2(60.0, 0.0));
    harness.run();
    let when = data(&harness).doc.events()[board].when.as_deref().expect("dated").to_owned();
    assert!(when.starts_with("2011/") && when.as_str() > "2011/2019", "only the end moved, later: {when}");

    // Esc while dragging lets go where it was.
    let before = data(&harness).doc.events()[titan].when.clone();
    let start = harness.get_by_label(&data(&harness).accessible_label(titan_event)).rect().center();
    press_and_move(&mut harness, start, start + egui::vec2(200.0, 0.0));
    harness.key_press(Key::Escape);
    harness.run();
    harness.drop_at(start + egui::vec2(200.0, 0.0));
    harness.run();
    assert_eq!(data(&harness).doc.events()[titan].when, before, "Esc cancels the drag");
}
