//! The Proposals list as a user works through it: open it, accept a date, reject one (and it
//! stays rejected in the saved file), accept the rest of a source at once, undo.

use crate::common;

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

/// Proposed Dates opened on `harness`, its list read.
fn open_proposals(harness: &mut egui_kittest::Harness<'static, citeline::CitelineApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    wait_until(harness, |app| app.show_proposals() && !app.session().is_proposing());
    harness.run();
}

#[test]
fn proposals_are_accepted_rejected_and_remembered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = uncited(dir.path());
    let mut harness = harness_on(&path);
    open_proposals(&mut harness);
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
    assert_eq!(harness.state().selected(), Some(0));
    wait_until(&mut harness, |app| !app.session().is_proposing());
    harness.run();
    assert!(harness.query_by_label(&format!("Proposed Dates ({})", total - 1)).is_some(), "no longer proposed");

    // Reject the next: gone from the list, and from the file once saved.
    harness.get_all_by_label("Reject").next().expect("a Reject button").click();
    harness.run();
    wait_until(&mut harness, |app| !app.session().is_proposing());
    harness.run();
    assert!(harness.query_by_label(&format!("Proposed Dates ({})", total - 2)).is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_until(&mut harness, |app| !app.session().is_dirty());
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
    wait_until(&mut harness, |app| app.report().is_none());
    harness.run();
    harness.get_by_label("Close").click();
    harness.run();
    assert!(!harness.state().show_proposals());
}

/// A timeline of one English filing: a banner on each page, case citations, and the dated facts.
fn filing(dir: &std::path::Path) -> std::path::PathBuf {
    let banner = "Case: 20-1507 Document: 00117682829 Page: {} Date Filed: 12/22/2020";
    let facts = [
        "On July 25, 2016, Plaintiff filed a grievance with the warden. See Batson v. Kentucky, 476 U.S. 79, 86 (1986).",
        "Plaintiff was moved to another prison on March 3, 2017.",
        "The warden answered on April 10, 2017. Vaca v. State, 314 S.W.3d 331, 334 (Mo. banc 2010).",
        "Two days later, the warden appealed.",
        "The Court ruled on January 31, 2020, retroactive to January 27.",
    ];
    let mut text = String::new();
    let mut pages = Vec::new();
    for (i, fact) in facts.iter().enumerate() {
        pages.push(text.len());
        text.push_str(&banner.replace("{}", &(i + 1).to_string()));
        text.push_str("\n\n");
        text.push_str(fact);
        text.push_str("\n\n");
    }
    let timeline = serde_json::json!({
        "title": "Grievance",
        "sources": [{"id": "opinion", "title": "Opinion and Order", "language": "en", "text": text, "pages": pages}],
        "events": [],
    });
    let path = dir.join("filing.citeline.json");
    std::fs::write(&path, serde_json::to_string_pretty(&timeline).expect("json")).expect("write");
    path
}

fn whens_listed(harness: &mut egui_kittest::Harness<'static, citeline::CitelineApp>) -> Vec<String> {
    let list = harness.state_mut().session_mut().proposals().unwrap_or_default();
    list.iter().map(|p| p.when.clone().unwrap_or_else(|| "undated".to_owned())).collect()
}

#[test]
fn the_keyboard_works_the_list_and_the_cursor_stays_in_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = filing(dir.path());
    let mut harness = harness_on(&path);
    // Tall enough for the whole list: rows scrolled out of sight are not in the accessibility tree.
    harness.set_size(egui::vec2(1400.0, 1500.0));
    open_proposals(&mut harness);
    // No banner date, no citation year: the five facts and the second date of one sentence.
    let listed = whens_listed(&mut harness);
    assert!(harness.query_by_label("Proposed Dates (6)").is_some(), "{listed:?}");
    assert!(harness.query_by_label("p. 2").is_some(), "each row says its page");
    assert!(harness.query_by_label("10 April 2017  ·  2017-04-10").is_some());
    assert!(harness.query_by_label("12 April 2017  ·  2017-04-12").is_some(), "two days after April 10");

    // The cursor starts on the first row: ↓ then R, the second row rejected, the cursor on the
    // third, which A accepts.
    for key in [Key::ArrowDown, Key::R] {
        harness.key_press(key);
        harness.run();
    }
    harness.key_press(Key::A);
    harness.run();
    // The accepted event's fields unfold, the keyboard left with the list.
    assert_eq!(common::field_text(&harness, "Date (EDTF)"), "2017-04-10", "Edit Event unfolds");
    assert!(!harness.ctx.egui_wants_keyboard_input(), "no field took the keyboard from the list");
    let d = data(&harness);
    assert_eq!(d.doc.timeline().rejected.len(), 1);
    assert_eq!(&*d.doc.timeline().rejected[0].sentence, "Plaintiff was moved to another prison on March 3, 2017.");
    assert_eq!(d.doc.events().len(), 1);
    assert_eq!(d.doc.events()[0].when.as_deref(), Some("2017-04-10"), "the row that took the rejected one's place");
    assert_eq!(&*d.doc.events()[0].title, "The warden answered");
    wait_until(&mut harness, |app| !app.session().is_proposing());
    harness.run();
    assert!(harness.query_by_label("Proposed Dates (4)").is_some());

    // Ctrl-click two rows, reject them together: one undo step.
    harness.get_by_label("25 July 2016  ·  2016-07-25").click();
    harness.run();
    let row = |h: &egui_kittest::Harness<'static, citeline::CitelineApp>| {
        h.get_by_label("27 January 2020  ·  2020-01-27").rect()
    };
    let before = row(&harness);
    harness.get_by_label("27 January 2020  ·  2020-01-27").click_modifiers(Modifiers::COMMAND);
    harness.run();
    assert_eq!(row(&harness), before, "picking a second row moves no row under the pointer");
    harness.get_by_label("Reject Picked").click();
    harness.run();
    assert_eq!(data(&harness).doc.timeline().rejected.len(), 3);
    let rejected = data(&harness).doc.timeline().rejected[2].clone();
    assert_eq!(rejected.when.as_deref(), Some("2020-01-27"), "one date of a sentence with two");
    harness.get_by_label("Edit").click();
    harness.run();
    assert!(harness.query_by_label_contains("Undo Reject 2 Proposed Dates").is_some(), "the Edit menu says how many");
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(data(&harness).doc.timeline().rejected.len(), 1, "one undo takes both back");
}

#[test]
fn a_sentence_that_says_recently_is_listed_undated_and_accepted_into_the_undated_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "The judge recently denied the motion to stay.\n\nPlaintiff appealed on March 3, 2017.";
    let timeline = serde_json::json!({
        "title": "Appeal",
        "sources": [{"id": "order", "title": "Order", "language": "en", "text": text}],
        "events": [],
    });
    let path = dir.path().join("appeal.citeline.json");
    std::fs::write(&path, serde_json::to_string_pretty(&timeline).expect("json")).expect("write");
    let mut harness = harness_on(&path);
    open_proposals(&mut harness);
    assert_eq!(whens_listed(&mut harness), ["undated", "2017-03-03"]);
    assert!(harness.query_by_label("Proposed Dates (2)").is_some());
    assert!(harness.query_by_label("Undated  ·  no date to read").is_some(), "the row says it has no date");

    harness.get_all_by_label("Accept").next().expect("an Accept button").click();
    harness.run();
    let d = data(&harness);
    assert_eq!(d.doc.events().len(), 1);
    assert_eq!(d.doc.events()[0].when, None, "an undated event");
    assert_eq!(d.doc.tally().verified, 1, "its quote verifies");
    assert!(harness.query_by_label_contains("Undated (1)").is_some(), "listed with the undated events");
    wait_until(&mut harness, |app| !app.session().is_proposing());
    harness.run();
    assert_eq!(whens_listed(&mut harness), ["2017-03-03"]);
}

#[test]
fn a_double_click_on_accept_accepts_its_row_and_not_the_one_that_slides_under_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = uncited(dir.path());
    // Frames a twentieth of a second apart, so that two clicks two frames apart are a
    // double-click as a hand makes one.
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_step_dt(0.05)
        .with_max_steps(64)
        .build_eframe(move |cc| citeline::CitelineApp::new(cc, Some(path.clone()), None));
    wait_until(&mut harness, |app| !app.is_loading() && app.session().path().is_some());
    open_proposals(&mut harness);
    let at = harness.get_all_by_label("Accept").next().expect("an Accept button").rect().center();
    harness.event(egui::Event::PointerMoved(at));
    harness.step();
    for _ in 0..2 {
        for pressed in [true, false] {
            let button = egui::PointerButton::Primary;
            harness.event(egui::Event::PointerButton { pos: at, button, pressed, modifiers: Modifiers::NONE });
        }
        harness.step();
    }
    harness.run();
    let d = data(&harness);
    let whens: Vec<Option<&str>> = d.doc.events().iter().map(|e| e.when.as_deref()).collect();
    assert_eq!(whens, [Some("2011")], "one row accepted, the one clicked");
}

#[test]
fn in_a_narrow_proposals_panel_every_row_wraps_within_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = uncited(dir.path());
    let mut harness = harness_on(&path);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    wait_until(&mut harness, |app| app.show_proposals() && !app.session().is_proposing());
    // Changed Sources beside it: the two share what the right panel leaves.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    harness.run();
    let timeline = harness.get_by_role_and_label(egui::accesskit::Role::Canvas, "Timeline").rect();
    assert!(timeline.left() > 300.0, "two panels on the left: the timeline starts at {}", timeline.left());
    let sentence = harness
        .query_all_by_label_contains("Nell’agosto 2013, Facebook ha fornito a Netflix")
        .map(|n| n.rect())
        .find(|r| r.left() < timeline.left())
        .expect("the sentence in the list");
    for (what, rect) in [
        ("a sentence", sentence),
        ("a row's Accept", harness.get_all_by_label("Accept").next().expect("Accept").rect()),
    ] {
        assert!(
            rect.right() <= timeline.left(),
            "{what} ends at {} past the panel's edge {}",
            rect.right(),
            timeline.left()
        );
    }
}

#[test]
fn a_accepts_the_first_row_at_once_and_a_click_on_a_sentence_picks_its_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = uncited(dir.path());
    let mut harness = harness_on(&path);
    open_proposals(&mut harness);
    // No row chosen yet: the first is the keys' row.
    harness.key_press(Key::A);
    harness.run();
    let whens: Vec<Option<String>> =
        data(&harness).doc.events().iter().map(|e| e.when.as_deref().map(str::to_owned)).collect();
    assert_eq!(whens, [Some("2011".to_owned())], "A took the first row");
    wait_until(&mut harness, |app| !app.session().is_proposing());
    harness.run();
    // A click on a row's sentence picks that row for the keys.
    harness
        .query_all_by_label_contains("Nell’agosto 2013, Facebook ha fornito a Netflix")
        .find(|n| n.rect().left() < 400.0)
        .expect("the sentence in the list")
        .click();
    harness.run();
    harness.key_press(Key::R);
    harness.run();
    let d = data(&harness);
    let rejected = &d.doc.timeline().rejected;
    assert_eq!(rejected.len(), 1);
    assert!(rejected[0].sentence.contains("Nell’agosto 2013"), "{:?}", rejected[0].sentence);
}

#[test]
fn opening_proposed_dates_takes_the_keys_from_the_source_being_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = uncited(dir.path());
    let mut harness = harness_on(&path);
    // A source opened from the list takes the keyboard, to select a passage with the keys.
    harness
        .get_by_label("Netflix ha pagato 100 milioni di dollari per accedere ai messaggi privati di Facebook")
        .click();
    for _ in 0..6 {
        harness.step();
    }
    harness.run();
    assert!(harness.ctx.egui_wants_keyboard_input(), "the source's text has the keyboard");
    open_proposals(&mut harness);
    harness.key_press(Key::A);
    harness.run();
    assert_eq!(data(&harness).doc.events().len(), 1, "A accepted the first row");
}
