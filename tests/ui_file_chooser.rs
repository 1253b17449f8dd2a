//! Choosing files where the system's file dialog cannot open (a Linux desktop without an XDG
//! desktop portal): citeline's own chooser, driven as a user would.

use crate::common;

use citeline::Modal;
use common::{SEED, app_harness, wait_until};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn folder_with_timelines() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(SEED, dir.path().join("case.citeline.json")).expect("copy");
    std::fs::write(dir.path().join("notes.txt"), "not a timeline").expect("write");
    std::fs::write(dir.path().join("calendar.csv"), "Year,Headline\n2020,x\n").expect("write");
    std::fs::create_dir(dir.path().join("exhibits")).expect("mkdir");
    dir
}

#[test]
fn open_lists_the_folders_timelines_completes_a_typed_name_and_opens_it() {
    let dir = folder_with_timelines();
    let mut harness = app_harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    assert!(harness.query_by_label("Open Timeline").is_some(), "the chooser opens in place of the system's");

    // Typing a folder lists its folders and timelines, not its other files.
    let field = harness.get_by_role_and_label(Role::TextInput, "File");
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "File").type_text(&format!("{}/", dir.path().display()));
    harness.run();
    let shown = |h: &egui_kittest::Harness<'static, citeline::CitelineApp>, name: &str| {
        h.query_all_by_label_contains(name).count() > 0
    };
    assert!(shown(&harness, "case.citeline.json") && shown(&harness, "calendar.csv"));
    assert!(shown(&harness, "exhibits/"), "folders to go into");
    assert!(!shown(&harness, "notes.txt"), "only timelines");

    // "cas" and Tab complete the name.
    harness.get_by_role_and_label(Role::TextInput, "File").type_text("cas");
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    let typed = harness.state().chooser().path.clone();
    assert_eq!(std::path::PathBuf::from(&typed), dir.path().join("case.citeline.json"), "{typed}");

    harness.get_by_label("Open").click();
    harness.run();
    wait_until(&mut harness, |app| app.session().path() == Some(dir.path().join("case.citeline.json").as_path()));
    assert!(!harness.state().chooser().open);
}

#[test]
fn a_missing_file_says_so_and_save_as_browse_fills_the_dialogs_path() {
    let dir = folder_with_timelines();
    let mut harness = app_harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "File").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "File").type_text(&format!("{}/gone.json", dir.path().display()));
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    assert!(harness.query_by_label_contains("There is no file").is_some(), "says why");
    assert!(harness.state().chooser().open, "and stays open to try again");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().chooser().open);

    // Save As › Browse…: a click on a listed file takes it, Choose puts it in the dialog.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    harness.get_by_label("Browse…").click();
    harness.run();
    assert!(harness.query_by_label("Save Timeline As").is_some());
    harness.get_by_role_and_label(Role::TextInput, "File").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "File").type_text(&format!("{}/", dir.path().display()));
    harness.run();
    harness.get_by_label("case.citeline.json").click();
    harness.run();
    harness.get_by_label("Choose").click();
    harness.run();
    assert!(!harness.state().chooser().open);
    assert!(matches!(harness.state().modal(), Some(Modal::SaveAs)), "the Save As dialog it came from stays");
    assert_eq!(std::path::PathBuf::from(&harness.state().save_dialog().path), dir.path().join("case.citeline.json"));
}

#[test]
fn the_chooser_takes_the_keyboard_when_it_opens_and_enter_opens_the_file_typed() {
    let dir = folder_with_timelines();
    let mut harness = app_harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    // No click in the field: what is typed goes into it, after the folder it proposes.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    let path = dir.path().join("case.citeline.json").display().to_string();
    for c in path.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.step();
    }
    harness.run();
    assert_eq!(harness.state().chooser().path, path, "every key went into the field");
    // The name typed in full has nothing left to complete: it is listed, not offered again in
    // a popup over the dialog.
    assert_eq!(harness.query_all_by_label("case.citeline.json").count(), 1, "listed once, no completion");
    // Enter opens it.
    harness.key_press(Key::Enter);
    harness.run();
    wait_until(&mut harness, |app| app.session().path() == Some(dir.path().join("case.citeline.json").as_path()));
    assert!(!harness.state().chooser().open);
}

#[test]
fn export_table_writes_the_events_the_filter_shows_where_the_chooser_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = app_harness();
    let filter = citeline::model::filter::Filter { tags: ["governance".to_owned()].into(), ..Default::default() };
    harness.state_mut().session_mut().set_filter(filter.clone());
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.query_all_by_label_contains("Export Table…").next().expect("File › Export Table…").click();
    harness.run();
    assert!(harness.query_by_label("Export Table To").is_some(), "the chooser asks where");
    let proposed = std::path::PathBuf::from(&harness.state().chooser().path);
    assert_eq!(proposed.file_name().and_then(|n| n.to_str()), Some("netflix-facebook.xlsx"), "{proposed:?}");
    assert!(proposed.is_absolute(), "{proposed:?}");

    let out = dir.path().join("governance.csv");
    harness.get_by_role_and_label(Role::TextInput, "File").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "File").type_text(&out.display().to_string());
    harness.run();
    harness.get_by_label("Choose").click();
    harness.run();
    wait_until(&mut harness, |app| out.exists() && app.table_export().running().is_none());
    harness.run();
    assert!(
        harness.query_all_by_label_contains("to governance.csv").count() > 0,
        "the status strip says it was exported"
    );

    let data = std::sync::Arc::clone(harness.state().session().data());
    let shown: Vec<usize> = (0..data.doc.events().len()).filter(|&i| filter.matches(&data.doc, i)).collect();
    let hidden = data.doc.events().len() - shown.len();
    assert!(!shown.is_empty() && hidden > 0, "the filter shows some events and hides others");
    let rows: usize = shown.iter().map(|&i| data.doc.events()[i].citations.len().max(1)).sum();
    let text = std::fs::read_to_string(&out).expect("the table");
    assert!(text.starts_with('\u{FEFF}'), "the window's CSV begins with a byte order mark, for Excel");
    assert!(text.starts_with("\u{FEFF}Date,EDTF,Event,"), "{text}");
    for i in 0..data.doc.events().len() {
        let title = &data.doc.events()[i].title;
        assert_eq!(text.contains(title.as_str()), shown.contains(&i), "{title}");
    }
    // A header and a row per citation, none of the seed's cells holding a line break.
    assert_eq!(text.matches("\r\n").count(), rows + 1, "{text}");
}

#[test]
fn publish_page_writes_the_events_the_filter_shows_where_the_chooser_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = app_harness();
    let filter = citeline::model::filter::Filter { tags: ["governance".to_owned()].into(), ..Default::default() };
    harness.state_mut().session_mut().set_filter(filter.clone());
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Publish Page…").click();
    harness.run();
    assert!(harness.query_by_label("Publish Page To").is_some(), "the chooser asks where");
    let proposed = std::path::PathBuf::from(&harness.state().chooser().path);
    assert_eq!(proposed.file_name().and_then(|n| n.to_str()), Some("netflix-facebook.html"), "{proposed:?}");

    // A name typed without an extension becomes a page.
    let out = dir.path().join("governance");
    harness.get_by_role_and_label(Role::TextInput, "File").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "File").type_text(&out.display().to_string());
    harness.run();
    harness.get_by_label("Choose").click();
    harness.run();
    let page = out.with_extension("html");
    wait_until(&mut harness, |app| page.exists() && app.table_export().running().is_none());
    harness.run();
    assert!(
        harness.query_all_by_label_contains("to governance.html").count() > 0,
        "the status strip says it was published"
    );
    let html = std::fs::read_to_string(&page).expect("the page");
    let data = std::sync::Arc::clone(harness.state().session().data());
    for (i, e) in data.doc.events().iter().enumerate() {
        let id = serde_json::to_string(&*e.id).expect("JSON");
        assert_eq!(html.contains(&format!("\"id\":{id}")), filter.matches(&data.doc, i), "{}", e.id);
    }
    assert!(!html.contains("data-theme=\""), "the window's page follows the reader's colours");
}
