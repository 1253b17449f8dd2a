//! The window as a user meets it, driven through its accessibility tree with `egui_kittest`.

use egui::Key;
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};

use citeline::CitelineApp;

const TITAN: &str = "Facebook gives Netflix access to the private “Titan API”, August 2013";

fn app_harness() -> Harness<'static, CitelineApp> {
    let mut harness = Harness::builder().with_size(egui::vec2(1400.0, 860.0)).build_eframe(|cc| {
        CitelineApp::new(cc, Some(std::path::PathBuf::from("assets/timelines/netflix-facebook.citeline.json")))
    });
    // The file loads in the background; wait for it as a user would.
    for _ in 0..200 {
        harness.run_steps(1);
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    harness
}

#[test]
fn selecting_an_event_by_its_label_shows_its_quote_highlighted_in_the_source() {
    let mut harness = app_harness();
    assert!(harness.state().path.is_some(), "the file given on the command line is open");
    harness.get_by_label(TITAN).click();
    harness.run();
    let data = harness.state().data.clone().expect("timeline");
    let titan = data.doc.event_index("titan-api").expect("event");
    assert_eq!(harness.state().selected, Some(u32::try_from(titan).expect("index")));
    // The quote, the source's title and the verification badge show in the side panel.
    let quote_nodes = harness.query_all_by_label_contains("Nell’agosto 2013, Facebook ha fornito a Netflix").count();
    assert!(quote_nodes >= 2, "the quote and the source text holding it: {quote_nodes}");
    assert!(
        harness.query_all_by_label_contains("Netflix ha pagato 100 milioni di dollari").count() >= 1,
        "the source title"
    );
    assert_eq!(harness.query_all_by_label_contains("✔ verified").count(), 2, "one badge per citation");
    harness.snapshot("seed_titan_selected");
}

#[test]
fn arrow_keys_step_through_events_in_date_order() {
    let mut harness = app_harness();
    harness.key_press(Key::ArrowRight);
    harness.run();
    let first = harness.state().selected.expect("a selection");
    let data = harness.state().data.clone().expect("timeline");
    assert_eq!(data.lanes.chronological.first(), Some(&first));
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().selected, data.lanes.chronological.get(1).copied());
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().selected, Some(first));
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected, None);
}

#[test]
fn undated_events_are_listed_and_selectable() {
    let mut harness = app_harness();
    harness.get_by_label("Meta denies sharing people’s private messages with Netflix").click();
    harness.run();
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
    let report = harness.state().report.clone().expect("a report");
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
fn window_snapshot_on_the_seed_timeline() {
    let mut harness = app_harness();
    harness.snapshot_options("seed_window", &SnapshotOptions::new().threshold(2.0).max_failed_pixels(400));
}
