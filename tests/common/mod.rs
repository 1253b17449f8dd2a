//! Helpers shared by the integration tests: running the command line, and driving the window.
#![allow(dead_code)] // each test file uses some of them

pub mod chrome;
pub mod opinion;
pub mod pdf;
pub mod versions;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use citeline::CitelineApp;
use citeline::session::Loaded;
use egui_kittest::{Harness, SnapshotOptions};

/// The seed timeline as a file.
pub const SEED: &str = "assets/timelines/netflix-facebook.citeline.json";

/// Stops a test that needs an installed program with what to install, rather than a failure
/// further on that does not say why (`.ci/run` installs them all; the README lists them).
pub fn needs_program(program: &str, install: &str) {
    let runs = std::process::Command::new(program).arg("--version").output().is_ok();
    assert!(runs, "this test runs `{program}`, which is not installed: {install}");
}

/// Runs `citeline ARGS`; returns the exit code and what it printed (stdout, then stderr).
pub fn citeline(args: &[&str]) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_citeline")).args(args).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

/// Steps the window until `done` holds, as a user waits, or gives up after a few seconds.
pub fn wait_until(harness: &mut Harness<'static, CitelineApp>, done: impl Fn(&CitelineApp) -> bool) {
    for _ in 0..600 {
        harness.run_steps(1);
        if done(harness.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the window did not get there in time");
}

/// Runs frames until a widget labelled `label` shows (a loaded timeline draws its events a
/// frame or two after the load ends, later on a busy machine).
pub fn wait_for_label(harness: &mut Harness<'static, CitelineApp>, label: &str) {
    use egui_kittest::kittest::Queryable as _;
    for _ in 0..600 {
        if harness.query_by_label(label).is_some() {
            return;
        }
        harness.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no widget labelled {label:?} showed in time");
}

/// The whole window on `path`, once it has loaded.
pub fn harness_on(path: &Path) -> Harness<'static, CitelineApp> {
    let path: PathBuf = path.to_owned();
    // Moves to a selection animate over a third of a second: let `run` see them through.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_max_steps(64)
        .build_eframe(move |cc| CitelineApp::new(cc, Some(path.clone()), None));
    wait_until(&mut harness, |app| !app.is_loading() && app.session().path().is_some());
    // A test never waits on the system's file dialog: citeline's own chooser answers.
    harness.state_mut().use_own_chooser();
    harness.run();
    harness
}

/// The whole window on the seed timeline, opened as a file given on the command line.
pub fn app_harness() -> Harness<'static, CitelineApp> {
    harness_on(Path::new(SEED))
}

/// The open document.
pub fn data(harness: &Harness<'static, CitelineApp>) -> Arc<Loaded> {
    Arc::clone(harness.state().session().data())
}

pub fn event_id(harness: &Harness<'static, CitelineApp>, id: &str) -> u32 {
    u32::try_from(data(harness).doc.event_index(id).expect("event")).expect("index")
}

/// One tolerance for every snapshot: lavapipe and GPUs anti-alias a little differently.
pub fn snapshot_options() -> SnapshotOptions {
    SnapshotOptions::new().threshold(2.0).max_failed_pixels(400)
}

/// Selects `passage` in the text of source `source`, as a drag over it would.
pub fn select_in_source(harness: &mut Harness<'static, CitelineApp>, source: &str, passage: &str) {
    let text = data(harness).doc.source(source).expect("the source").1.to_owned();
    let at = text.find(passage).expect("the passage is in the text");
    let start = text[..at].chars().count();
    let end = start + passage.chars().count();
    let id = citeline::ui::source_view::text_id(source);
    // A drag over the text puts the focus in it, then selects.
    harness.ctx.memory_mut(|m| m.request_focus(id));
    harness.run();
    let mut state = egui::TextEdit::load_state(&harness.ctx, id).expect("the source text is shown");
    state.cursor.set_char_range(Some(egui::text::CCursorRange::two(
        egui::text::CCursor::new(start),
        egui::text::CCursor::new(end),
    )));
    state.store(&harness.ctx, id);
    harness.run();
}

/// Presses on `from`, moves to `to` in a few steps as a hand does, and returns without letting go.
pub fn press_and_move(
    harness: &mut egui_kittest::Harness<'static, citeline::CitelineApp>,
    from: egui::Pos2,
    to: egui::Pos2,
) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for k in 1..=4 {
        harness.hover_at(from + (to - from) * (k as f32 / 4.0));
        harness.step();
    }
    harness.run_steps(2);
}

/// Seconds between two keys at a person's typing speed.
pub const BETWEEN_KEYS: f64 = 0.15;

/// The key a character is typed with, where it has one: a window gets the key and then the text.
fn key_of(c: char) -> Option<egui::Key> {
    if c == ' ' {
        return Some(egui::Key::Space);
    }
    egui::Key::from_name(&c.to_ascii_uppercase().to_string()).filter(|_| c.is_ascii_alphanumeric())
}

/// Types `text` into the focused field as a person does: key by key, each key pressed, its
/// character sent and the key released in one frame as a window sends them, then three frames
/// with no key, [`BETWEEN_KEYS`] seconds in all; after `pause_after` characters, a second's
/// pause (longer than a field waits before it commits what it holds). The harness's clock is
/// set for each frame, whatever its own step.
pub fn type_keys<S>(harness: &mut Harness<'static, S>, text: &str, pause_after: Option<usize>) {
    let mut now = harness.ctx.input(|i| i.time);
    let frame_at = |harness: &mut Harness<'static, S>, t: f64| {
        harness.input_mut().time = Some(t);
        harness.step();
    };
    for (k, c) in text.chars().enumerate() {
        let modifiers = egui::Modifiers { shift: c.is_uppercase(), ..egui::Modifiers::NONE };
        let key = key_of(c);
        let events = &mut harness.input_mut().events;
        if let Some(key) = key {
            events.push(egui::Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers });
        }
        events.push(egui::Event::Text(c.to_string()));
        if let Some(key) = key {
            events.push(egui::Event::Key { key, physical_key: None, pressed: false, repeat: false, modifiers });
        }
        now += BETWEEN_KEYS / 4.0;
        frame_at(harness, now);
        for _ in 0..3 {
            now += BETWEEN_KEYS / 4.0;
            frame_at(harness, now);
        }
        if pause_after == Some(k + 1) {
            now += 1.0;
            frame_at(harness, now);
        }
    }
    // The harness's own clock again, from here on.
    harness.input_mut().time = None;
}

/// Focuses the text field labelled `label` and empties it (Ctrl+A, Backspace) as a person does,
/// at typing speed: no pause follows, so nothing is committed yet.
pub fn focus_and_clear<S>(harness: &mut Harness<'static, S>, label: &str) {
    text_input(harness, label).focus();
    harness.step();
    let mut now = harness.ctx.input(|i| i.time);
    for (modifiers, key) in [(egui::Modifiers::COMMAND, egui::Key::A), (egui::Modifiers::NONE, egui::Key::Backspace)] {
        for pressed in [true, false] {
            harness.input_mut().events.push(egui::Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers,
            });
        }
        now += BETWEEN_KEYS;
        harness.input_mut().time = Some(now);
        harness.step();
    }
    harness.input_mut().time = None;
}

/// The text shown in the field labelled `label`.
pub fn field_text<S>(harness: &Harness<'static, S>, label: &str) -> String {
    text_input(harness, label).value().unwrap_or_default()
}

/// The one text field (of one line or several) labelled `label`.
pub fn text_input<'h, S>(harness: &'h Harness<'static, S>, label: &'h str) -> egui_kittest::Node<'h> {
    use egui::accesskit::Role;
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    let mut found = harness
        .query_all_by_label(label)
        .filter(|n| matches!(n.accesskit_node().role(), Role::TextInput | Role::MultilineTextInput));
    let node = found.next().unwrap_or_else(|| panic!("no text field labelled {label:?}"));
    assert!(found.next().is_none(), "more than one text field labelled {label:?}");
    node
}

/// A second with no key, as a typist pauses: longer than a field waits before it commits.
pub fn pause<S>(harness: &mut Harness<'static, S>) {
    // What was sent arrives first.
    harness.run();
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + 1.0);
    harness.step();
    harness.input_mut().time = None;
    harness.run();
}

/// A timeline whose source's text changed: the file as a reviewer gets it, three quotes
/// anchored in the old text. Returns the folder (kept alive) and the timeline's path.
pub fn timeline_with_a_changed_source() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("sources")).expect("mkdir");
    let old = "The board met on Monday. In August 2013, Facebook gave Netflix access to the private Titan API. \
               Netflix paid nothing for it. The board met again in May, and nothing was said.";
    std::fs::write(dir.path().join("sources/a.txt"), old).expect("write");
    let hash = citeline::model::sources::sha256_hex(old.as_bytes());
    let citation = |q: &str| {
        let start = old.find(q).expect("quoted");
        let a = citeline::model::anchor::anchor_of(old, start..start + q.len());
        format!(r#"{{"source": "a", "quote": "{q}", "anchor": {}}}"#, serde_json::to_string(&a).expect("json"))
    };
    let events = [
        ("moved", "2013-08", "Facebook gave Netflix access"),
        ("reworded", "2013-09", "Netflix paid nothing for it."),
        ("gone", "2014-05", "The board met again in May, and nothing was said."),
    ]
    .map(|(id, when, q)| {
        format!(r#"{{"id": "{id}", "title": "Event {id}", "when": "{when}", "citations": [{}]}}"#, citation(q))
    })
    .join(",");
    let path = dir.path().join("t.citeline.json");
    std::fs::write(
        &path,
        format!(
            r#"{{"title": "t", "sources": [{{"id": "a", "title": "The article", "language": "en", "file": "sources/a.txt", "text_sha256": "{hash}"}}], "events": [{events}]}}"#
        ),
    )
    .expect("write");
    // The new version: a typo fixed before the first quote, the second reworded, the third gone.
    let new = old
        .replace("Monday", "Mondays")
        .replace("paid nothing", "paid almost nothing")
        .replace(" The board met again in May, and nothing was said.", " In June the board met again.");
    std::fs::write(dir.path().join("sources/a.txt"), new).expect("write");
    (dir, path)
}
