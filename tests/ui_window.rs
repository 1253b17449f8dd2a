//! The window as a user meets it, driven through its accessibility tree with `egui_kittest`.

use crate::common;

use common::{app_harness, data, event_id, field_text, harness_on, press_and_move, type_keys, wait_until};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use citeline::CitelineApp;
use citeline::Modal;
use citeline::ui::command::Command;

const TITAN: &str = "Facebook gives Netflix access to the private “Titan API”, August 2013";

#[test]
fn selecting_an_event_by_its_label_shows_its_quote_highlighted_in_the_source() {
    let mut harness = app_harness();
    assert!(harness.state().session().path().is_some(), "the file given on the command line is open");
    harness.get_by_label(TITAN).click();
    harness.run();
    let data = data(&harness);
    let titan = data.doc.event_index("titan-api").expect("event");
    assert_eq!(harness.state().selected(), Some(u32::try_from(titan).expect("index")));
    // The quote, the source's title and the verification badge show in the side panel.
    let quote_nodes = harness.query_all_by_label_contains("Nell’agosto 2013, Facebook ha fornito a Netflix").count();
    assert!(quote_nodes >= 2, "the quote and the source text holding it: {quote_nodes}");
    assert!(
        harness.query_all_by_label_contains("Netflix ha pagato 100 milioni di dollari").count() >= 1,
        "the source title"
    );
    assert_eq!(harness.query_all_by_label_contains("✔ verified").count(), 2, "one badge per citation");
}

#[test]
fn keyboard_arrow_keys_step_through_events_in_date_order() {
    let mut harness = app_harness();
    harness.key_press(Key::ArrowRight);
    harness.run();
    let first = harness.state().selected().expect("a selection");
    let data = data(&harness);
    assert_eq!(data.lanes.chronological.first(), Some(&first));
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().selected(), data.lanes.chronological.get(1).copied());
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().selected(), Some(first));
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None);
}

#[test]
fn undated_events_are_listed_and_selectable() {
    let mut harness = app_harness();
    let denial = event_id(&harness, "meta-denial");
    assert!(data(&harness).doc.span(denial as usize).is_none(), "an undated event");
    harness.get_by_label("Meta denies sharing people’s private messages with Netflix").click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(denial), "clicked in the Undated list, it is selected");
    assert!(
        harness.query_all_by_label_contains("Meta no compartió los mensajes privados").count() >= 2,
        "quote and source text"
    );
}

#[test]
fn a_bad_file_is_reported_and_the_timeline_stays() {
    let mut harness = app_harness();
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.citeline.json");
    std::fs::write(&bad, "{\"title\": \"x\",\n \"events\": [ {\"id\": 1} ]}").expect("write");
    harness.state_mut().open_now(&bad);
    harness.run();
    let report = harness.state().report().cloned().expect("a report");
    assert!(
        report.headline.contains("bad.citeline.json") && report.headline.contains("still open"),
        "{}",
        report.headline
    );
    assert!(report.lines.iter().any(|l| l.contains("2:")), "{:?}", report.lines);
    assert!(harness.query_by_label_contains("Could not open").is_some());
    assert!(harness.query_by_label(TITAN).is_some(), "the previous timeline is still shown");
}

#[test]
fn export_image_from_the_window_writes_the_file_and_says_where() {
    let mut harness = app_harness();
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("from-window.svg");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(matches!(harness.state().modal(), Some(Modal::Export)), "Ctrl+E opens the export dialog");
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Save to");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    field.type_text(out.to_str().expect("path"));
    harness.run();
    harness.get_by_label("List every citation under the timeline").click();
    harness.get_by_label("Export").click();
    wait_until(&mut harness, |app| !app.export_dialog().is_running() && app.export_dialog().message.is_some());
    harness.run();
    let message = harness.state().export_dialog().message.clone().expect("a message");
    assert!(message.as_ref().is_ok_and(|m| m.contains("from-window.svg")), "{message:?}");
    let svg = std::fs::read_to_string(&out).expect("the export was written");
    assert!(svg.contains("Titan API") && svg.contains("Nell’agosto 2013"), "with footnotes");
    assert!(harness.query_by_label_contains("Saved").is_some(), "the dialog says where the file went");
}

#[test]
fn an_export_that_cannot_be_written_says_why() {
    let mut harness = app_harness();
    harness.state_mut().command(Command::ShowExport);
    harness.run();
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Save to");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    field.type_text("/nonexistent-folder/x.png");
    harness.run();
    harness.get_by_label("Export").click();
    wait_until(&mut harness, |app| !app.export_dialog().is_running() && app.export_dialog().message.is_some());
    let message = harness.state().export_dialog().message.clone().expect("a message");
    assert!(message.as_ref().is_err_and(|m| m.contains("cannot write")), "{message:?}");
}

#[test]
fn a_large_file_loads_in_the_background_with_progress_and_can_be_cancelled() {
    let mut harness = app_harness();
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.citeline.json");
    citeline::formats::citeline::write_generated(&big, 300_000, 5).expect("generate");

    // Cancelled: the report says so and the seed timeline stays.
    harness.state_mut().session_mut().open(big.clone());
    harness.run_steps(1);
    assert!(harness.state().is_loading());
    assert!(harness.query_by_label("Cancel").is_some(), "a Cancel button shows while loading");
    harness.get_by_label("Cancel").click();
    wait_until(&mut harness, |app| !app.is_loading());
    let report = harness.state().report().cloned().expect("a report");
    assert!(report.lines.iter().any(|l| l.contains("cancelled")), "{:?}", report.lines);
    assert!(harness.state().session().path().is_some_and(|p| p.ends_with("netflix-facebook.citeline.json")));

    // Let through: the window keeps stepping while the file loads, then shows it.
    harness.state_mut().session_mut().open(big.clone());
    // A generous deadline: the debug build reads 300,000 events slowly on a busy machine, and
    // what is checked is that frames go on meanwhile, not how long it takes.
    let mut frames_while_loading = 0;
    let started = std::time::Instant::now();
    while started.elapsed() < std::time::Duration::from_mins(5) {
        harness.run_steps(1);
        if !harness.state().is_loading() {
            break;
        }
        frames_while_loading += 1;
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(frames_while_loading > 1, "the window kept drawing while the file loaded");
    assert_eq!(Some(harness.state().session().data().doc.events().len()), Some(300_000));
    harness.run_steps(2);
    assert!(harness.query_by_label("Timeline").is_some());
    assert!(harness.state().report().is_none(), "{:?}", harness.state().report());
}

#[test]
fn live_reload_keeps_view_and_selection_and_survives_a_bad_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("live.citeline.json");
    let version = |title: &str, when: &str| {
        format!(
            r#"{{"title": "{title}", "sources": [{{"id": "s", "title": "S", "text": "It happened."}}],
                "events": [{{"id": "a", "title": "First", "when": "2001"}}, {{"id": "b", "title": "Second", "when": "{when}",
                             "citations": [{{"source": "s", "quote": "It happened."}}]}}]}}"#
        )
    };
    std::fs::write(&path, version("Version one", "2005")).expect("write");
    // Background work after a load (the review of changed sources) asks for frames when it
    // ends, whenever that is: more than kittest's default four steps may be needed to settle.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_max_steps(64)
        .build_eframe(|cc| CitelineApp::new(cc, Some(path.clone()), None));
    wait_until(&mut harness, |app| !app.is_loading() && app.session().path().is_some());
    common::wait_for_label(&mut harness, "Second, 2005");
    harness.get_by_label("Second, 2005").click();
    harness.run();
    let view = harness.state().view();

    // A good save: the new version shows, with the same view and the same event selected.
    std::fs::write(&path, version("Version two", "2006")).expect("write");
    wait_until(&mut harness, |app| app.session().data().doc.timeline().title == "Version two");
    harness.run_steps(2);
    let data = data(&harness);
    assert_eq!(harness.state().selected(), data.doc.event_index("b").and_then(|i| u32::try_from(i).ok()));
    assert_eq!(harness.state().view(), view, "the view stays where the user left it");

    // A bad save: the last good version stays, under a banner naming the problem.
    std::fs::write(&path, "{\"title\": \"Version three\", \"events\": [").expect("write");
    wait_until(&mut harness, |app| app.report().is_some_and(|r| r.headline.contains("changed on disk")));
    harness.run_steps(2);
    assert_eq!(harness.state().session().data().doc.timeline().title, "Version two");
    assert!(harness.query_by_label_contains("last good version").is_some());
}

fn search_for(harness: &mut Harness<'static, CitelineApp>, text: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    harness.run();
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search");
    field.type_text(text);
    wait_until(harness, |app| {
        !app.session().search_state().is_running() && app.session().search_state().results().is_some()
    });
    harness.run();
}

#[test]
fn search_ignores_case_and_accents_and_enter_selects_the_result() {
    let mut harness = app_harness();
    let view_before = harness.state().view();
    // "compartio" (no accent) is in the quote "Meta no compartió…" of an undated event, and in
    // no title.
    search_for(&mut harness, "COMPARTIO");
    let results = harness.state().session().search_state().results().cloned().expect("results");
    let denial = event_id(&harness, "meta-denial");
    assert!(results.events.contains(&denial), "{:?}", results.events);
    assert!(harness.query_by_label_contains("Results (").is_some(), "the results list shows");

    // "titan" finds the Titan API event; Enter selects it and moves the view to it.
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    field.type_text("titan");
    wait_until(&mut harness, |app| {
        !app.session().search_state().is_running()
            && app.session().search_state().results().is_some_and(|r| r.events.len() == 1)
    });
    harness.run();
    let titan = event_id(&harness, "titan-api");
    let title = TITAN.trim_end_matches(", August 2013");
    let listed = format!("August 2013 — {title}");
    assert!(harness.query_by_label(&listed).is_some(), "the result is listed with its date");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().selected(), Some(titan));
    let view = harness.state().view();
    assert_ne!(view, view_before, "the view moved to the result");
    let span = harness.state().session().data().doc.span(titan as usize).expect("dated");
    assert!((view.center() - span.start.midpoint(span.end)).abs() < view.span * 0.05, "centred on it");
    assert!(harness.state().session().search_state().results().is_some_and(|r| r.mask[titan as usize]), "highlighted");

    // Esc clears the search first, then the selection.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().search().is_active());
    assert_eq!(harness.state().selected(), Some(titan));
    assert!(harness.query_by_label_contains("Results (").is_none());
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None);
}

#[test]
fn search_result_clicked_in_the_list_is_selected() {
    let mut harness = app_harness();
    search_for(&mut harness, "governance");
    let results = harness.state().session().search_state().results().cloned().expect("results");
    assert_eq!(results.events.len(), 1, "one event is tagged governance");
    let data = data(&harness);
    let e = results.events[0];
    let label = format!("{} — {}", data.doc.date_label(e as usize), data.doc.events()[e as usize].title);
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(e));
}

/// Filters › the tag labelled `label`, then Esc closes the menu.
fn filter_by_tag(harness: &mut Harness<'static, CitelineApp>, label: &str) {
    harness.get_by_label("Filters").click();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
}

#[test]
fn filter_by_tag_hides_the_other_events_and_one_click_clears_it() {
    let mut harness = app_harness();
    let data = data(&harness);
    let label_of = |i: usize| data.accessible_label(u32::try_from(i).expect("index"));
    let dated: Vec<usize> = (0..data.doc.events().len()).filter(|&i| data.doc.span(i).is_some()).collect();
    let has_api = |i: usize| data.doc.events()[i].tags.iter().any(|t| &**t == "api");
    assert!(dated.iter().any(|&i| has_api(i)) && dated.iter().any(|&i| !has_api(i)));
    for &i in &dated {
        assert!(harness.query_by_label(&label_of(i)).is_some(), "shown before filtering: {}", label_of(i));
    }

    filter_by_tag(&mut harness, "#api");
    for &i in &dated {
        let shown = harness.query_by_label(&label_of(i)).is_some();
        assert_eq!(shown, has_api(i), "{}", label_of(i));
    }
    assert!(harness.query_by_label_contains("Filter on:").is_some(), "an indicator says a filter is on");
    // Stepping with → stays within the filter.
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert!(harness.state().selected().is_some_and(|e| has_api(e as usize)));

    harness.get_by_label("Clear Filters").click();
    harness.run();
    assert!(harness.query_by_label_contains("Filter on:").is_none());
    for &i in &dated {
        assert!(harness.query_by_label(&label_of(i)).is_some(), "shown again: {}", label_of(i));
    }
}

#[test]
fn the_filters_menu_stays_open_for_several_boxes_and_esc_closes_it() {
    let mut harness = app_harness();
    harness.get_by_label("Filters").click();
    harness.run();
    harness.get_by_label("#api").click();
    harness.run();
    // The second box without opening the menu again.
    harness.get_by_label("#advertising").click();
    harness.run();
    let tags: Vec<String> = harness.state().session().filter().tags.iter().cloned().collect();
    assert_eq!(tags, ["advertising", "api"], "both boxes checked in one visit");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("#api").is_none(), "Esc closes the menu");
}

#[test]
fn fit_all_fits_the_events_the_filter_shows() {
    let mut harness = app_harness();
    let data = data(&harness);
    let advertising = |i: usize| data.doc.events()[i].tags.iter().any(|t| &**t == "advertising");
    let spans: Vec<_> =
        (0..data.doc.events().len()).filter(|&i| advertising(i)).filter_map(|i| data.doc.span(i)).collect();
    let (from, to) =
        (spans.iter().map(|s| s.start).fold(f64::MAX, f64::min), spans.iter().map(|s| s.end).fold(f64::MIN, f64::max));
    let whole = data.lanes.extent.expect("dated events");
    assert!(to - from < (whole.1 - whole.0) / 4.0, "the fixture's advertising events span a small part");
    filter_by_tag(&mut harness, "#advertising");
    harness.get_by_label("View").click();
    harness.run();
    harness.get_all_by_label_contains("Fit All").next().expect("Fit All").click();
    for _ in 0..40 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    let view = harness.state().view();
    assert!(view.min <= from && view.max() >= to, "the shown events in view: {view:?}");
    assert!(view.span < (to - from) * 2.0, "and not the whole timeline: {} days for {}", view.span, to - from);
}

#[test]
fn a_new_event_the_filter_hides_says_so() {
    let mut harness = app_harness();
    filter_by_tag(&mut harness, "#advertising");
    let before = data(&harness).doc.events().len();
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::E);
    harness.run();
    assert_eq!(data(&harness).doc.events().len(), before + 1, "made");
    assert!(
        harness.query_by_label_contains("The selected event is hidden by the filter (tag advertising)").is_some(),
        "and said to be hidden, not lost"
    );
}

#[test]
fn keyboard_accessible_label_of_an_event_holds_its_date() {
    let harness = app_harness();
    let data = data(&harness);
    let titan = event_id(&harness, "titan-api");
    let title = &data.doc.events()[titan as usize].title;
    assert_eq!(data.accessible_label(titan), format!("{title}, August 2013"));
    // The node on the timeline is a button with that label, so a screen reader says the date.
    let label = format!("{title}, August 2013");
    let _node = harness.get_by_role_and_label(egui::accesskit::Role::Button, &label);
}

#[test]
fn keyboard_offscreen_indicators_count_and_jump_to_the_nearest_event() {
    let mut harness = app_harness();
    let titan = event_id(&harness, "titan-api");
    harness.get_by_label(TITAN).click();
    harness.run();
    // Enter zooms to the selection: events before and after leave the view.
    harness.key_press(Key::Enter);
    harness.run();
    let data = data(&harness);
    let view = harness.state().view();
    let before = (0..data.doc.events().len()).filter(|&i| data.doc.span(i).is_some_and(|s| s.end < view.min)).count();
    assert!(before > 0, "Enter zoomed in on the selection");
    let label = format!("◀ {before} earlier");
    assert!(harness.query_by_label(&label).is_some(), "the left edge counts the {before} events before the view");
    harness.get_by_label(&label).click();
    harness.run();
    let selected = harness.state().selected().expect("the nearest earlier event");
    assert_ne!(selected, titan);
    let s = data.doc.span(selected as usize).expect("dated");
    assert!(s.end < view.min, "it lay before the view");
}

#[test]
fn keyboard_tab_reaches_the_events_on_the_timeline_and_space_selects_one() {
    let mut harness = app_harness();
    let data = data(&harness);
    let labels: Vec<String> = data.lanes.chronological.iter().map(|&e| data.accessible_label(e)).collect();
    let mut reached = None;
    for _ in 0..60 {
        harness.key_press(Key::Tab);
        harness.run();
        if let Some(i) = labels.iter().position(|l| harness.get_by_label(l).is_focused()) {
            reached = Some(data.lanes.chronological[i]);
            break;
        }
    }
    let event = reached.expect("Tab reaches an event on the timeline");
    harness.key_press(Key::Space);
    harness.run();
    assert_eq!(harness.state().selected(), Some(event));
}

#[test]
fn f6_takes_the_keyboard_to_the_events_past_the_side_panels_and_tab_goes_from_event_to_event() {
    let mut harness = app_harness();
    // The Proposed Dates list puts dozens of controls before the timeline in Tab's order.
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::D);
    harness.run();
    let data = data(&harness);
    let labels: Vec<(u32, String)> = data.lanes.chronological.iter().map(|&e| (e, data.accessible_label(e))).collect();
    let focused = |h: &Harness<'static, CitelineApp>| {
        labels.iter().find(|(_, l)| h.query_by_label(l).is_some_and(|n| n.is_focused())).map(|&(e, _)| e)
    };
    assert_eq!(focused(&harness), None);
    harness.key_press(Key::F6);
    harness.run();
    let first = focused(&harness).expect("F6 gives the keyboard to an event");
    harness.key_press(Key::Tab);
    harness.run();
    let next = focused(&harness).expect("Tab goes on to another event");
    assert_ne!(next, first);
    harness.key_press(Key::Space);
    harness.run();
    assert_eq!(harness.state().selected(), Some(next), "Space selects the focused event");
    // With an event selected, F6 comes back to it.
    harness.key_press(Key::Tab);
    harness.run();
    harness.key_press(Key::F6);
    harness.run();
    assert_eq!(focused(&harness), Some(next), "F6 goes to the selected event");
    // The arrows are the timeline's while an event has the keyboard: → selects the next event
    // in date order, and the keyboard goes along.
    let order = &data.lanes.chronological;
    let after = order.iter().position(|&e| e == next).and_then(|i| order.get(i + 1)).copied();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().selected(), after, "→ selects the next event");
    assert_eq!(focused(&harness), after, "the keyboard follows the selection");
    // Esc lets go of the keyboard, and only the next one clears the selection.
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!((focused(&harness), harness.state().selected()), (None, after));
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None);
}

#[test]
fn with_every_side_panel_open_the_timeline_keeps_room_to_be_read() {
    let mut harness = app_harness();
    let window = harness.ctx.content_rect().width();
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::D);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::R);
    harness.run();
    search_for(&mut harness, "Netflix");
    for panel in ["Proposed Dates", "Changed Sources"] {
        assert!(harness.query_by_label_contains(panel).is_some(), "{panel} is open");
    }
    assert!(harness.query_by_label_contains("Results (").is_some(), "the results are open");
    let timeline = harness.get_by_role_and_label(egui::accesskit::Role::Canvas, "Timeline").rect();
    assert!(timeline.width() >= 0.3 * window, "the timeline is {} of {window} points wide", timeline.width());
}

#[test]
fn with_a_dialog_open_the_keys_stay_with_it() {
    let mut harness = app_harness();
    // An edit to undo: an event deleted.
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    let events = |h: &Harness<'static, CitelineApp>| h.state().session().data().doc.events().len();
    let after_delete = events(&harness);
    assert!(harness.state().session().is_dirty(), "an event was deleted");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::E);
    harness.run();
    // Ctrl+F behind the dialog, then a word typed key by key: it goes to the dialog's field
    // (its file name selected, so typed over), none of it to the search behind.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    harness.run();
    type_keys(&mut harness, "netflix", None);
    assert!(matches!(harness.state().modal(), Some(Modal::Export)), "{:?}", harness.state().modal());
    assert_eq!(field_text(&harness, "Search"), "", "nothing typed behind the dialog");
    let path = field_text(&harness, "Save to");
    assert!(path.ends_with("/netflix.png"), "every key in the dialog's field: {path}");
    // Undo behind the dialog does nothing to the timeline either.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(events(&harness), after_delete, "the deletion is not undone behind the dialog");
}

#[test]
fn esc_in_an_events_field_leaves_the_field_and_keeps_the_event_selected() {
    let mut harness = app_harness();
    let titan = event_id(&harness, "titan-api");
    harness.get_by_label("Facebook gives Netflix access to the private “Titan API”, August 2013").click();
    harness.run();
    harness.get_by_label("Edit Event").click();
    harness.run();
    common::text_input(&harness, "Title").focus();
    harness.run();
    assert!(common::text_input(&harness, "Title").is_focused());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!common::text_input(&harness, "Title").is_focused(), "Esc leaves the field");
    assert_eq!(harness.state().selected(), Some(titan), "and the event stays selected");
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None, "a second Esc clears the selection");
}

#[test]
fn ctrl_shift_s_in_an_open_dialog_is_not_taken_for_ctrl_s() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("case.citeline.json");
    std::fs::copy(common::SEED, &path).expect("copy");
    let mut harness = harness_on(&path);
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().session().is_dirty());
    let before = std::fs::read_to_string(&path).expect("read");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::E);
    harness.run();
    // Save As waits for the dialog to close; it does not fall through to Save.
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S);
    harness.run();
    wait_until(&mut harness, |app| !app.session().is_saving());
    assert!(harness.state().session().is_dirty(), "nothing was saved");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), before, "the file is as it was");
    assert!(matches!(harness.state().modal(), Some(Modal::Export)), "{:?}", harness.state().modal());
}

#[test]
fn a_timelinejs_file_opens_with_each_group_in_its_own_band() {
    let mut harness = harness_on(std::path::Path::new("tests/fixtures/timelinejs/newsroom.json"));
    assert_eq!(Some(harness.state().session().data().doc.events().len()), Some(7));
    // Zoom to the last decade, where the grouped events are.
    let (a, b) = citeline::model::range::interval("2010/2020").expect("range");
    harness.state_mut().set_view(citeline::layout::TimeView::fit(a, b, 0.02));
    harness.run();
    let heading = |h: &Harness<'static, CitelineApp>, name: &str| {
        h.get_by_role_and_label(egui::accesskit::Role::Heading, name).rect().top()
    };
    let (partnership, data_access, other) =
        (heading(&harness, "Partnership"), heading(&harness, "Data access"), heading(&harness, "Other events"));
    assert!(partnership < data_access && data_access < other, "bands in order of first use, the ungrouped last");
    let y = |h: &Harness<'static, CitelineApp>, label: &str| h.get_by_label(label).rect().center().y;
    let board = y(&harness, "Hastings on the board, 2011 to 2019");
    let integration = y(&harness, "Netflix integration, Early June 2011");
    let titan = y(&harness, "Titan API, August 2013");
    let call = y(&harness, "A phone call, 19 March 2018, 14:30:05");
    assert!(partnership < board && board < data_access, "in the Partnership band");
    assert!(partnership < integration && integration < data_access, "in the Partnership band");
    assert!(data_access < titan && titan < other, "in the Data access band");
    assert!(other < call, "ungrouped events under Other events");
}

#[test]
fn save_as_writes_timelinejs_csv_and_citeline_then_keeps_the_citeline_file_open() {
    let mut harness = app_harness();
    let dir = tempfile::tempdir().expect("tempdir");
    let save_to = |harness: &mut Harness<'static, CitelineApp>, path: &std::path::Path| {
        harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S);
        harness.run();
        assert!(matches!(harness.state().modal(), Some(Modal::SaveAs)), "Ctrl+Shift+S opens Save As");
        let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Save to");
        field.focus();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        field.type_text(path.to_str().expect("path"));
        harness.run();
        harness.get_by_label("Save").click();
        wait_until(harness, |app| !app.session().is_saving() && app.save_dialog().message.is_some());
        harness.run();
    };
    let csv = dir.path().join("seed.csv");
    save_to(&mut harness, &csv);
    let message = harness.state().save_dialog().message.clone().expect("message");
    assert!(message.as_ref().is_ok_and(|m| m.contains("seed.csv") && m.contains("undated")), "{message:?}");
    assert!(std::fs::read_to_string(&csv).expect("written").starts_with("Year,Month,Day"));
    assert!(
        harness.state().session().path().is_some_and(|p| p.ends_with("netflix-facebook.citeline.json")),
        "a CSV is an export"
    );

    let copy = dir.path().join("copy.citeline.json");
    save_to(&mut harness, &copy);
    wait_until(&mut harness, |app| {
        !app.is_loading() && app.session().path().is_some_and(|p| p.ends_with("copy.citeline.json"))
    });
    let reopened = citeline::formats::open::open(
        &copy,
        citeline::formats::open::Limits::default(),
        &citeline::model::Progress::default(),
    )
    .expect("the saved file opens");
    assert_eq!(reopened.events().len(), 9);
    assert_eq!(reopened.tally().verified, 19, "sources inlined: every quote still verifies");
    assert!(matches!(harness.state().modal(), Some(Modal::SaveAs)));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!matches!(harness.state().modal(), Some(Modal::SaveAs)), "Esc closes the dialog");
}

#[test]
fn ctrl_g_goes_to_a_typed_date_and_says_why_a_bad_one_is_not_one() {
    let mut harness = app_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    harness.run();
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Date (EDTF)");
    field.type_text("2013-13");
    harness.run();
    assert!(harness.query_by_label_contains("Not a date citeline reads").is_some(), "a bad date says why");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Date (EDTF)").type_text("2013-08");
    harness.run();
    assert!(harness.query_by_label("August 2013").is_some(), "the date in plain words");
    harness.get_by_label("Go").click();
    // The move is animated: let it finish.
    for _ in 0..40 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    let view = harness.state().view();
    let (a, b) = (citeline::model::date::day_from_civil(2013, 8, 1), citeline::model::date::day_from_civil(2013, 9, 1));
    assert!(view.min <= a && view.max() >= b, "August 2013 in view: {view:?}");
    assert!(view.span < 60.0, "and little else: {} days", view.span);
    assert!(!matches!(harness.state().modal(), Some(Modal::GoTo)), "the dialog closes");
}

#[test]
fn go_to_date_keeps_the_keyboard_after_a_refused_date_and_opens_with_its_text_selected() {
    let mut harness = app_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    harness.run();
    type_keys(&mut harness, "2013-13", None);
    harness.key_press(Key::Enter);
    harness.run();
    assert!(matches!(harness.state().modal(), Some(Modal::GoTo)), "a refused date leaves the dialog open");
    assert!(harness.query_by_label_contains("Not a date citeline reads").is_some());
    // Mended key by key, with no click in the field.
    for _ in 0..2 {
        harness.key_press(Key::Backspace);
        harness.run();
    }
    type_keys(&mut harness, "08", None);
    assert_eq!(field_text(&harness, "Date (EDTF)"), "2013-08", "the keys still reach the field");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(!matches!(harness.state().modal(), Some(Modal::GoTo)), "a good date goes there");
    // Opened again, the last date is selected: what is typed replaces it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    harness.run();
    type_keys(&mut harness, "2019", None);
    assert_eq!(field_text(&harness, "Date (EDTF)"), "2019");
}

#[test]
fn dragging_the_overviews_window_pans_the_view_and_a_click_beside_it_goes_there() {
    let mut harness = app_harness();
    let settle = |harness: &mut Harness<'static, CitelineApp>| {
        for _ in 0..40 {
            harness.step();
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        harness.run();
    };
    for _ in 0..3 {
        harness.key_press(Key::Plus);
        harness.run();
    }
    settle(&mut harness);
    let strip = harness.get_by_label("Overview").rect();
    let window = harness.get_by_label("Shown part of the timeline").rect();
    assert!(window.width() < strip.width() / 2.0, "zoomed in, the view is a part of the whole: {window:?}");
    let extent = data(&harness).lanes.extent.expect("dated events");
    let days_per_point = citeline::layout::overview::whole_view(extent).span / f64::from(strip.width());

    let before = harness.state().view();
    let from = window.center();
    let to = from - egui::vec2(80.0, 0.0);
    press_and_move(&mut harness, from, to);
    harness.drop_at(to);
    harness.run();
    let after = harness.state().view();
    assert!((after.span - before.span).abs() < 1e-6, "a drag pans without zooming");
    let expected = before.min - 80.0 * days_per_point;
    assert!((after.min - expected).abs() < 2.0 * days_per_point, "80 points earlier: {after:?}, {expected}");
    let moved = harness.get_by_label("Shown part of the timeline").rect();
    assert!((moved.center().x - to.x).abs() < 2.0, "the window stays under the pointer");

    // A click beside the window goes there, keeping the zoom.
    let target = egui::pos2(strip.right() - 40.0, strip.center().y);
    harness.hover_at(target);
    harness.run();
    harness.drag_at(target);
    harness.step();
    harness.drop_at(target);
    harness.step();
    settle(&mut harness);
    let went = harness.state().view();
    let centre =
        citeline::layout::overview::whole_view(extent).min + f64::from(target.x - strip.left()) * days_per_point;
    assert!((went.center() - centre).abs() < 2.0 * days_per_point, "centred on the click: {went:?} vs {centre}");
    assert!((went.span - before.span).abs() < 1e-6);
}

#[test]
fn ctrl_s_on_a_timeline_without_a_file_asks_where_to_save_it() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_max_steps(64)
        .build_eframe(|cc| CitelineApp::new(cc, None, None));
    harness.run();
    assert!(harness.state().session().path().is_none(), "the built-in timeline has no file");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(matches!(harness.state().modal(), Some(Modal::SaveAs)), "{:?}", harness.state().modal());
    assert!(harness.query_by_label("Save As").is_some(), "the dialog is shown");
}

#[test]
fn a_dialog_that_proposes_a_file_takes_the_keyboard_with_the_name_selected() {
    let mut harness = app_harness();
    let shortcuts = [
        ("Export Report", egui::Modifiers::COMMAND, Key::P, ".pdf"),
        ("Export Image", egui::Modifiers::COMMAND, Key::E, ".png"),
        ("Save As", egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S, ".citeline.json"),
        ("New Timeline", egui::Modifiers::COMMAND, Key::N, ".citeline.json"),
    ];
    for (dialog, modifiers, key, ending) in shortcuts {
        harness.key_press_modifiers(modifiers, key);
        harness.run();
        // Typed at once, without a click: the name is replaced, the folder and ending kept.
        type_keys(&mut harness, "brief", None);
        let path = field_text(&harness, "Save to");
        assert!(path.ends_with(&format!("/brief{ending}")), "{dialog}: {path}");
        // Beside the open timeline, not wherever citeline was started from.
        assert!(path.ends_with(&format!("assets/timelines/brief{ending}")), "{dialog}: {path}");
        harness.key_press(Key::Escape);
        harness.run();
    }
}
