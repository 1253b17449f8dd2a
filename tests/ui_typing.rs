//! Typing as people type: key by key, a frame between keys, pauses on the way. Every text field
#![allow(clippy::type_complexity, clippy::items_after_statements, clippy::single_match_else)] // tables of fields and their readers
//! of every editor and dialog keeps exactly what is typed while it has the focus; the document
//! takes the value, trimmed, when the field is left, and one field's typing is one undo step.

use crate::common;

use common::{SEED, data, event_id, field_text, focus_and_clear, harness_on, text_input, type_keys};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use citeline::CitelineApp;
use citeline::model::Event;
use citeline::ui::command::Command;

const TITAN: &str = "Facebook gives Netflix access to the private “Titan API”, August 2013";

/// Text as people type it: words with spaces anywhere (leading, trailing, doubled), accents,
/// typographic apostrophes and dashes, commas.
fn typed_text() -> impl Strategy<Value = String> {
    ("[ ]{0,2}", "[a-zA-Zé’—, ]{1,9}", "[ ]{0,2}").prop_map(|(a, b, c)| format!("{a}{b}{c}"))
}

/// Where in the text the typist pauses long enough for the field to commit (or not at all).
fn typed_with_pause() -> impl Strategy<Value = (String, Option<usize>)> {
    typed_text().prop_flat_map(|t| {
        let n = t.chars().count();
        (Just(t), proptest::option::of(1..=n))
    })
}

fn runner() -> TestRunner {
    // Each case types a dozen keys with frames between them into a whole window: a few cases a
    // field keep the suite quick; PROPTEST_CASES runs more.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(4);
    TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() })
}

/// `text` trimmed, or nothing when blank: what a free-text field of the document stores.
fn stored(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Tags as typed: split at commas, trimmed, blanks and repeats left out.
fn stored_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for t in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|k| k == t) {
            tags.push(t.to_owned());
        }
    }
    tags
}

fn titan(harness: &Harness<'static, CitelineApp>) -> Event {
    data(harness).doc.events()[event_id(harness, "titan-api") as usize].clone()
}

/// Types into the field labelled `label` key by key; checks it shows exactly what was typed
/// while it has the focus; leaves it with Tab.
fn type_and_leave(harness: &mut Harness<'static, CitelineApp>, label: &str, text: &str, pause: Option<usize>) {
    focus_and_clear(harness, label);
    type_keys(harness, text, pause);
    assert!(text_input(harness, label).is_focused(), "{label} keeps the focus while typed into");
    assert_eq!(field_text(harness, label), text, "{label} shows what was typed, key by key");
    harness.key_press(Key::Tab);
    harness.run();
}

fn window_on_titan() -> (tempfile::TempDir, Harness<'static, CitelineApp>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("case.citeline.json");
    std::fs::copy(SEED, &path).expect("copy");
    let mut harness = harness_on(&path);
    harness.get_by_label(TITAN).click();
    harness.run();
    // The citation's editor first: the event's, opened above it, pushes it down the panel.
    harness.get_by_label("Edit Citation 1").scroll_to_me();
    harness.run();
    harness.get_by_label("Edit Citation 1").click();
    harness.run();
    harness.get_by_label("Edit Event").scroll_to_me();
    harness.run();
    harness.get_by_label("Edit Event").click();
    harness.run();
    (dir, harness)
}

/// Undo takes the whole field's typing back in one step, pauses and all.
fn undo_is_one_step(harness: &mut Harness<'static, CitelineApp>, before: &Event, changed: bool) {
    if changed {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(&titan(harness), before, "one undo step takes the field's typing back");
}

#[test]
fn every_field_of_the_event_and_citation_editors_keeps_what_is_typed_key_by_key() {
    let (_dir, harness) = window_on_titan();
    let harness = std::cell::RefCell::new(harness);
    type FieldOf = fn(&Event) -> Option<String>;
    let fields: [(&str, FieldOf, fn(&str) -> Option<String>); 5] = [
        ("Display date", |e| e.display_date.as_deref().map(str::to_owned), stored),
        ("Summary", |e| e.summary.as_deref().map(str::to_owned), stored),
        ("Group", |e| e.group().map(str::to_owned), stored),
        ("Tags", |e| Some(e.tags.join(",")), |t| Some(stored_tags(t).join(","))),
        ("Note", |e| e.citations[0].note.as_deref().map(str::to_owned), stored),
    ];
    for (label, read, expect) in fields {
        runner()
            .run(&typed_with_pause(), |(text, pause)| {
                let harness = &mut *harness.borrow_mut();
                let before = titan(harness);
                type_and_leave(harness, label, &text, pause);
                let after = titan(harness);
                prop_assert_eq!(read(&after), expect(&text), "{} as stored, typed {:?}", label, text);
                undo_is_one_step(harness, &before, after != before);
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{label}: {e}"));
    }
    // A title and a quote cannot be blank: a blank one stays as typed and says why.
    for (label, read, why) in [
        ("Title", (|e: &Event| e.title.to_string()) as fn(&Event) -> String, "An event needs a title."),
        ("Quote", |e: &Event| e.citations[0].quote.to_string(), "A citation needs a quote."),
    ] {
        runner()
            .run(&typed_with_pause(), |(text, pause)| {
                let harness = &mut *harness.borrow_mut();
                let before = titan(harness);
                type_and_leave(harness, label, &text, pause);
                let after = titan(harness);
                match stored(&text) {
                    Some(t) => prop_assert_eq!(read(&after), t),
                    None => {
                        prop_assert_eq!(read(&after), read(&before));
                        prop_assert_eq!(field_text(harness, label), text.clone(), "the blank value stays as typed");
                        prop_assert!(harness.query_by_label(why).is_some(), "and says why");
                        // Typing a good value mends it.
                        type_and_leave(harness, label, &read(&before), None);
                    }
                }
                undo_is_one_step(harness, &before, after != before);
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{label}: {e}"));
    }
}

#[test]
fn a_title_typed_slowly_keeps_its_spaces_and_is_saved_as_typed() {
    let (dir, mut harness) = window_on_titan();
    focus_and_clear(&mut harness, "Title");
    type_keys(&mut harness, "Reported by Forbes Italia ", Some(9));
    assert_eq!(field_text(&harness, "Title"), "Reported by Forbes Italia ");
    // Saving while the field still has the focus saves what is typed.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    common::wait_until(&mut harness, |app| !app.session().is_saving() && !app.session().is_dirty());
    let saved = std::fs::read_to_string(dir.path().join("case.citeline.json")).expect("saved");
    assert!(saved.contains("\"title\": \"Reported by Forbes Italia\""), "saved trimmed, spaces kept");
    assert_eq!(field_text(&harness, "Title"), "Reported by Forbes Italia ", "still as typed while typing");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(field_text(&harness, "Title"), "Reported by Forbes Italia", "left: as the document took it");
}

#[test]
fn a_date_commits_on_a_pause_on_a_value_that_reads_and_a_partial_one_is_a_ghost_not_a_move() {
    let (_dir, mut harness) = window_on_titan();
    let before = titan(&harness);
    focus_and_clear(&mut harness, "Date (EDTF)");
    type_keys(&mut harness, "2014", None);
    // Typed without a pause: previewed, not moved, not an undo step.
    assert_eq!(titan(&harness).when, before.when, "not moved while typing");
    assert!(harness.state().session().undo_label().is_none_or(|l| !l.contains("Move")));
    let preview = harness.state().panel_preview();
    let year = citeline::model::Edtf::parse("2014").expect("date").span();
    assert_eq!(preview, Some((year.start, year.end)), "the date being typed stands as a ghost");
    // A pause on a value that reads commits it.
    common::pause(&mut harness);
    assert_eq!(titan(&harness).when.as_deref(), Some("2014"));
    assert_eq!(harness.state().panel_preview(), None);
    // A value that does not read is never committed by a pause, and says why when left.
    type_keys(&mut harness, "-1", None);
    common::pause(&mut harness);
    assert_eq!(titan(&harness).when.as_deref(), Some("2014"));
    type_keys(&mut harness, "1", None);
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(titan(&harness).when.as_deref(), Some("2014-11"));
    // One step takes the field back to where it was before it was typed into.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(titan(&harness).when, before.when);
    assert_eq!(field_text(&harness, "Date (EDTF)"), before.when.as_deref().unwrap_or_default());
    // Not a date: kept as typed with the reason, the event left where it was.
    focus_and_clear(&mut harness, "Date (EDTF)");
    type_keys(&mut harness, "2013-13", None);
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(titan(&harness).when, before.when);
    assert_eq!(field_text(&harness, "Date (EDTF)"), "2013-13");
    assert!(harness.query_by_label_contains("Not a date citeline reads").is_some());
}

/// The dialogs' fields: typed key by key, each shows exactly what was typed.
#[test]
fn every_dialog_field_keeps_what_is_typed_key_by_key() {
    let harness = std::cell::RefCell::new(common::app_harness());
    let open: [(&str, &[&str], fn(&mut Harness<'static, CitelineApp>)); 6] = [
        ("Search", &["Search"], |_| {}),
        ("Go to Date", &["Date (EDTF)"], |h| h.key_press_modifiers(Modifiers::COMMAND, Key::G)),
        ("New Timeline", &["Save to"], |h| h.key_press_modifiers(Modifiers::COMMAND, Key::N)),
        ("Save As", &["Save to"], |h| h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)),
        ("Export", &["Save to"], |h| h.key_press_modifiers(Modifiers::COMMAND, Key::E)),
        (
            "Add Source",
            &["Document", "Or paste the text", "Title", "Publisher", "Language", "Address (URL)", "Published"],
            |h| h.state_mut().command(Command::ShowAddSource(None)),
        ),
    ];
    for (name, labels, show) in open {
        show(&mut harness.borrow_mut());
        harness.borrow_mut().run();
        for label in labels {
            runner()
                .run(&typed_text(), |text| {
                    let harness = &mut *harness.borrow_mut();
                    focus_and_clear(harness, label);
                    type_keys(harness, &text, None);
                    prop_assert_eq!(field_text(harness, label), text.clone(), "{} › {}", name, label);
                    Ok(())
                })
                .unwrap_or_else(|e| panic!("{name} › {label}: {e}"));
        }
        let mut harness = harness.borrow_mut();
        harness.key_press(Key::Escape);
        harness.run();
    }
}

/// One frame of `harness`, its input first through the app's raw input hook, as eframe does.
fn frame_through_hook(harness: &mut Harness<'static, CitelineApp>) {
    let ctx = harness.ctx.clone();
    let mut input = std::mem::take(harness.input_mut());
    eframe::App::raw_input_hook(harness.state_mut(), &ctx, &mut input);
    *harness.input_mut() = input;
    harness.step();
}

#[test]
fn typing_that_shares_a_slow_frame_with_a_click_on_the_next_field_lands_in_both() {
    let mut harness = common::app_harness();
    harness.state_mut().command(Command::ShowAddSource(None));
    harness.run();
    text_input(&harness, "Publisher").focus();
    harness.step();
    let push_text = |harness: &mut Harness<'static, CitelineApp>, text: &str| {
        harness.input_mut().events.extend(text.chars().map(|c| egui::Event::Text(c.to_string())));
    };
    push_text(&mut harness, "Harbor Authority");
    frame_through_hook(&mut harness);
    // The window was slow: the rest of the typing, a click on the next field and the typing
    // there all arrive in one frame.
    push_text(&mut harness, " Press Office");
    let at = text_input(&harness, "Address (URL)").rect().center();
    let events = &mut harness.input_mut().events;
    events.push(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        events.push(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    push_text(&mut harness, "https://example.org/x");
    for _ in 0..3 {
        frame_through_hook(&mut harness);
    }
    assert_eq!(field_text(&harness, "Publisher"), "Harbor Authority Press Office");
    assert_eq!(field_text(&harness, "Address (URL)"), "https://example.org/x");
}
