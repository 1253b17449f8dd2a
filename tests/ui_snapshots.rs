//! How the window looks, kept apart from the behaviour tests (so that a change of looks fails
//! only here): each picture is compared with the reviewed one in `tests/snapshots/`, and all
//! differences are reported together, as egui's own `SnapshotResults` tests do.

use crate::common;

use common::{app_harness, harness_on, snapshot_options};
use egui_kittest::SnapshotResults;
use egui_kittest::kittest::Queryable;

const TITAN: &str = "Facebook gives Netflix access to the private “Titan API”, August 2013";

#[test]
fn the_window_looks_as_reviewed() {
    let mut results = SnapshotResults::new();

    let mut harness = app_harness();
    results.add(harness.try_snapshot_options("seed_window", &snapshot_options()));
    harness.get_by_label(TITAN).click();
    harness.run();
    results.add(harness.try_snapshot_options("seed_titan_selected", &snapshot_options()));

    let mut harness = app_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search").type_text("governance");
    common::wait_until(&mut harness, |app| {
        !app.session().search_state().is_running() && app.session().search_state().results().is_some()
    });
    harness.run();
    let data = common::data(&harness);
    let e = harness.state().session().search_state().results().map(|r| r.events[0]).expect("a result") as usize;
    let label = format!("{} — {}", data.doc.date_label(e), data.doc.events()[e].title);
    harness.get_by_label(&label).click();
    harness.run();
    results.add(harness.try_snapshot_options("search_governance", &snapshot_options()));

    // Building: a passage of a source made an event, its date just typed.
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("case.citeline.json");
    std::fs::copy(common::SEED, &case).expect("copy");
    let mut harness = harness_on(&case);
    harness
        .get_by_label("Netflix ha pagato 100 milioni di dollari per accedere ai messaggi privati di Facebook")
        .click();
    harness.run();
    let quote = "dal 2011 al 2019, il CEO di allora di Netflix, Hastings, è stato membro del consiglio di amministrazione di Facebook";
    common::select_in_source(&mut harness, "it-article", quote);
    harness.get_by_label("New Event from Selection").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Date (EDTF)").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Date (EDTF)").type_text("2011/2019");
    // A pause: the date is taken.
    common::pause(&mut harness);
    let doc = &common::data(&harness).doc;
    let made = doc.events().last().expect("the new event");
    assert_eq!((made.when.as_deref(), &*made.citations[0].quote), (Some("2011/2019"), quote));
    results.add(harness.try_snapshot_options("building_event_from_passage", &snapshot_options()));

    // A source changed since its quotes were checked: the review, old and new words side by side.
    let (_changed, path) = common::timeline_with_a_changed_source();
    let mut harness = harness_on(&path);
    common::wait_until(&mut harness, |app| app.changed_sources().current(app.session().revision()).is_some());
    harness.run();
    results.add(harness.try_snapshot_options("changed_sources_review", &snapshot_options()));

    let mut harness = harness_on(std::path::Path::new("tests/fixtures/timelinejs/newsroom.json"));
    let (a, b) = citeline::model::range::interval("2010/2020").expect("range");
    harness.state_mut().set_view(citeline::layout::TimeView::fit(a, b, 0.02));
    harness.run();
    results.add(harness.try_snapshot_options("timelinejs_groups", &snapshot_options()));
}
