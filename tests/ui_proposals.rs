//! The Proposals list as a user works through it: open it, accept a date, reject one (and it
//! stays rejected in the saved file), accept the rest of a source at once, undo.

mod common;

use common::{SEED, data, harness_on, wait_until};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// The seed's sources without its events: every dated sentence is uncited.
fn uncited(dir: &std::path::Path) -> std::path::PathBuf {
    let mut t: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(SEED).expect("seed")).expect("JSON");
    t["events"] = serde_json::Value::Array(Vec::new());
    let path = dir.join("case.citeline.json");
    std::fs::write(&path, serde_json::to_string_pretty(&t).expect("json")).expect("write");
    path
}

#[test]
fn proposals_are_accepted_rejected_and_remembered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = uncited(dir.path());
    let mut harness = harness_on(&path);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    wait_until(&mut harness, |app| app.show_proposals && !app.session.is_proposing());
    harness.run();
    let total = 5;
    assert!(harness.query_by_label(&format!("Proposed Dates ({total})")).is_some());
    // Each with its date in words and as EDTF, and its sentence.
    assert!(harness.query_by_label("August 2013  ·  2013-08").is_some());
    assert!(harness.query_by_label_contains("Nell’agosto 2013, Facebook ha fornito a Netflix").is_some());

    // Accept the first: an event dated by it, citing the sentence (verified), selected.
    harness.get_all_by_label("Accept").next().expect("an Accept button").click();
    harness.run();
    let d = data(&harness);
    assert_eq!(d.doc.events().len(), 1);
    assert_eq!(d.doc.events()[0].when.as_deref(), Some("2011"));
    assert_eq!(d.doc.tally().verified, 1, "its quote verifies");
    assert_eq!(harness.state().selected, Some(0));
    wait_until(&mut harness, |app| !app.session.is_proposing());
    harness.run();
    assert!(harness.query_by_label(&format!("Proposed Dates ({})", total - 1)).is_some(), "no longer proposed");

    // Reject the next: gone from the list, and from the file once saved.
    harness.get_all_by_label("Reject").next().expect("a Reject button").click();
    harness.run();
    wait_until(&mut harness, |app| !app.session.is_proposing());
    harness.run();
    assert!(harness.query_by_label(&format!("Proposed Dates ({})", total - 2)).is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_until(&mut harness, |app| !app.session.is_dirty());
    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("saved")).expect("JSON");
    assert_eq!(saved["rejected"].as_array().map(Vec::len), Some(1), "{saved}");

    // Accept All for the source: the rest as events, one undo step.
    let accept_all = harness.get_by_label_contains("Accept All");
    accept_all.click();
    harness.run();
    assert_eq!(data(&harness).doc.events().len(), total - 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(data(&harness).doc.events().len(), 1, "one undo takes them all back");

    // Closing the list, once "Saved" has left the status strip (the layout stands still).
    wait_until(&mut harness, |app| app.report.is_none());
    harness.run();
    harness.get_by_label("Close").click();
    harness.run();
    assert!(!harness.state().show_proposals);
}
