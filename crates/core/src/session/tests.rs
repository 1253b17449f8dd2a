//! The session without a window: opening, editing with undo, saving, reloading.

use std::time::{Duration, Instant};

use super::loaded::LayoutInput;
use super::*;
use crate::model::edit::Edit;
use crate::model::{Citation, Event};

/// Polls until `done`, as the window would between frames.
fn settle(session: &mut Session, done: impl Fn(&Session) -> bool) {
    let started = Instant::now();
    while !done(session) {
        assert!(started.elapsed() < Duration::from_secs(20), "the session did not get there in time");
        session.poll(started.elapsed().as_secs_f64());
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn copy_of_seed(dir: &Path) -> PathBuf {
    let path = dir.join("case.citeline.json");
    std::fs::write(&path, loaded::SEED_JSON).expect("copy");
    path
}

/// A session that opened a copy of the seed in `dir` as the window does, watching it.
fn opened_in_the_background(dir: &Path) -> (PathBuf, Session) {
    let path = copy_of_seed(dir);
    let mut session = Session::seed();
    session.open(path.clone());
    settle(&mut session, |s| !s.is_loading() && s.path().is_some());
    session.take_notices();
    (path, session)
}

#[test]
fn opening_in_the_background_replaces_the_document_and_keeps_it_on_failure() {
    let mut session = Session::seed();
    assert!(matches!(session.take_notices().as_slice(), [Notice::Opened { same_file: false }]));
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.citeline.json");
    std::fs::write(&bad, "{\"title\": \"x\", \"events\": [{\"id\": 1}]}").expect("write");
    session.open(bad.clone());
    settle(&mut session, |s| !s.is_loading());
    let notices = session.take_notices();
    let [Notice::Report(report)] = notices.as_slice() else { panic!("{notices:?}") };
    assert!(report.headline.contains("bad.citeline.json") && report.is_error, "{report:?}");
    assert_eq!(session.path(), None, "the built-in timeline is still open");

    let good = copy_of_seed(dir.path());
    session.open(good.clone());
    settle(&mut session, |s| !s.is_loading());
    assert_eq!(session.path(), Some(good.as_path()));
    assert!(session.take_notices().iter().any(|n| matches!(n, Notice::Opened { same_file: false })));
    assert!(!session.is_dirty());
}

#[test]
fn edits_undo_and_redo_keep_derived_data_in_step() {
    let mut session = Session::seed();
    let data = Arc::clone(session.data());
    let titan = data.doc.event_index("titan-api").expect("titan");
    let mut moved = data.doc.events()[titan].clone();
    moved.when = Some("2015-08".into());
    session.apply(Edit::UpdateEvent { index: titan, event: moved }).expect("valid");
    assert!(session.is_dirty());
    assert_eq!(session.undo_label(), Some("Move ‘Facebook gives Netflix access to the private “Titan API”’"));
    let lane_start = |s: &Session| {
        let d = s.data();
        let lane = d.lanes.lane_of[titan] as usize;
        let at = d.lanes.lanes[lane].events.iter().position(|&e| e as usize == titan).expect("in its lane");
        d.lanes.lanes[lane].starts[at]
    };
    let moved_start = session.data().doc.span(titan).expect("dated").start;
    // The lanes hold copies of the spans: exactly equal.
    assert_eq!(lane_start(&session).to_bits(), moved_start.to_bits(), "the lanes follow the move");
    assert!(session.undo());
    assert_eq!(session.data().doc.timeline(), data.doc.timeline());
    assert_eq!(lane_start(&session).to_bits(), data.doc.span(titan).expect("dated").start.to_bits());
    assert!(!session.is_dirty(), "undone back to the state opened");
    assert!(session.redo());
    assert_eq!(session.data().doc.span(titan).map(|s| s.start), Some(moved_start));
    assert!(!session.redo(), "nothing more to redo");

    // A refused edit leaves no step and no change.
    let before = session.data().doc.timeline().clone();
    let bad = Event { when: Some("2013-13".into()), ..session.data().doc.events()[titan].clone() };
    assert!(session.apply(Edit::UpdateEvent { index: titan, event: bad }).is_err());
    assert_eq!(session.data().doc.timeline(), &before);
}

#[test]
fn typing_into_one_field_is_one_undo_step() {
    let mut session = Session::seed();
    let original = session.data().doc.timeline().title.clone();
    for n in 1..=5 {
        let title = format!("{original} {}", "x".repeat(n));
        session.apply_merging(Edit::SetTitle(title), Some("timeline-title".into())).expect("valid");
    }
    session.seal_history();
    session.apply_merging(Edit::SetTitle("Another".into()), Some("timeline-title".into())).expect("valid");
    assert!(session.undo());
    assert_eq!(session.data().doc.timeline().title, format!("{original} xxxxx"));
    assert!(session.undo());
    assert_eq!(session.data().doc.timeline().title, original, "five keystrokes, one step");
    assert!(!session.undo());
}

#[test]
fn typing_that_ends_where_it_began_leaves_no_step_to_undo() {
    let mut session = Session::seed();
    let original = session.data().doc.timeline().title.clone();
    for title in [format!("{original}!"), format!("{original}?"), original.clone()] {
        session.apply_merging(Edit::SetTitle(title), Some("timeline-title".into())).expect("valid");
    }
    assert_eq!(session.undo_label(), None, "nothing to undo");
    assert!(!session.is_dirty(), "the document is as it was");
    // A step before it stays.
    session.seal_history();
    session.apply_merging(Edit::SetTitle("Another".into()), Some("a".into())).expect("valid");
    session.seal_history();
    session.apply_merging(Edit::SetTitle("Another!".into()), Some("b".into())).expect("valid");
    session.apply_merging(Edit::SetTitle("Another".into()), Some("b".into())).expect("valid");
    assert!(session.undo());
    assert_eq!(session.data().doc.timeline().title, original);
}

#[test]
fn adding_an_event_updates_lanes_filter_and_search() {
    let mut session = Session::seed();
    let source = session.data().doc.timeline().sources[0].clone();
    let (_, text) = session.data().doc.source(&source.id).expect("source");
    let quote: String = text.chars().take(40).collect();
    let event = Event {
        id: "new-event".into(),
        title: "Zebra crossing".into(),
        when: Some("2016-02-03".into()),
        tags: vec!["zebra".into()].into(),
        citations: vec![Citation {
            source: (&*source.id).into(),
            quote: quote.into(),
            note: None,
            ..Citation::default()
        }]
        .into(),
        ..Event::default()
    };
    let n = session.data().doc.events().len();
    session.apply(Edit::AddEvent { index: n, event }).expect("valid");
    let added = u32::try_from(n).expect("small");
    assert!(session.data().lanes.lane_of[n] != u32::MAX, "laid out");
    assert!(session.choices().tags.iter().any(|t| t == "zebra"), "the filter offers its tag");
    session.set_filter(Filter { tags: ["zebra".to_owned()].into(), ..Filter::default() });
    assert!(session.visibility().shown(added));
    assert_eq!(session.visibility().hidden(), n);
    session.search("zebra");
    settle(&mut session, |s| !s.search_state().is_running());
    assert_eq!(session.search_state().results().map(|r| r.events.clone()), Some(vec![added]));
    assert!(session.undo());
    assert_eq!(session.data().doc.events().len(), n);
    session.search("zebra");
    settle(&mut session, |s| !s.search_state().is_running());
    assert_eq!(session.search_state().results().map(|r| r.events.len()), Some(0), "searched again after undo");
}

#[test]
fn the_overview_follows_edits_filters_and_search_and_is_worked_out_once_for_each() {
    let mut session = Session::seed();
    let whole = session.overview(400).expect("dated events");
    assert!(Arc::ptr_eq(&whole, &session.overview(400).expect("same")), "kept, not worked out again");
    assert!(!Arc::ptr_eq(&whole, &session.overview(300).expect("narrower")), "another width, another strip");
    let dated = session.data().lanes.chronological.len();
    let peak = whole.max;
    assert!(peak >= 2 && u32::try_from(dated).is_ok_and(|d| peak <= d));

    // A filter leaves only its events on the strip.
    session.set_filter(Filter { tags: ["api".to_owned()].into(), ..Filter::default() });
    let filtered = session.overview(400).expect("dated events");
    assert!(filtered.counts.iter().zip(&whole.counts).all(|(f, w)| f <= w));
    assert!(filtered.counts.iter().sum::<u32>() < whole.counts.iter().sum::<u32>());
    session.set_filter(Filter::default());

    // Search matches are ticked; an edit is counted.
    session.search("titan");
    settle(&mut session, |s| !s.search_state().is_running());
    assert_eq!(session.overview(400).expect("dated").matches.len(), 1);
    let titan = session.data().doc.event_index("titan-api").expect("event");
    let mut event = session.data().doc.events()[titan].clone();
    event.when = Some("1990".into());
    session.apply(Edit::UpdateEvent { index: titan, event }).expect("valid");
    let moved = session.overview(400).expect("dated");
    assert!(moved.whole.min < whole.whole.min, "the strip reaches back to 1990");
}

#[test]
fn saving_writes_atomically_and_marks_the_document_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_of_seed(dir.path());
    let mut session = Session::open_blocking(&path).expect("opens");
    session.apply(Edit::SetTitle("Renamed".into())).expect("valid");
    assert!(session.is_dirty());
    session.save_as(path.clone(), Format::Citeline);
    settle(&mut session, |s| !s.is_saving());
    let notices = session.take_notices();
    assert!(
        notices.iter().any(|n| matches!(n, Notice::Saved { outcome: Ok(m), .. } if m.contains("case.citeline.json"))),
        "{notices:?}"
    );
    assert!(!session.is_dirty());
    let again = Session::open_blocking(&path).expect("reopens");
    // What was written: the document, its citations anchored where their quotes stand (the
    // seed's were made before anchors were kept).
    let doc = &session.data().doc;
    let written = crate::model::anchor::with_anchors(doc).unwrap_or_else(|| doc.timeline().clone());
    assert_eq!(again.data().doc.timeline(), &written);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").filter_map(Result::ok).collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    // A save that cannot be written says why and changes nothing.
    session.apply(Edit::SetTitle("Again".into())).expect("valid");
    session.save_as(dir.path().join("missing/folder/x.citeline.json"), Format::Citeline);
    settle(&mut session, |s| !s.is_saving());
    assert!(
        session
            .take_notices()
            .iter()
            .any(|n| matches!(n, Notice::Saved { outcome: Err(e), .. } if e.contains("cannot write")))
    );
    assert!(session.is_dirty());
}

#[test]
fn live_reload_reads_the_file_again_and_survives_a_bad_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, mut session) = opened_in_the_background(dir.path());
    std::fs::write(&path, loaded::SEED_JSON.replacen("Netflix", "Version two: Netflix", 1)).expect("rewrite");
    settle(&mut session, |s| s.data().doc.timeline().title.starts_with("Version two"));
    assert!(session.take_notices().iter().any(|n| matches!(n, Notice::Reloaded { .. })));
    std::fs::write(&path, "{ broken").expect("break");
    let started = Instant::now();
    let mut told = false;
    while !told && started.elapsed() < Duration::from_secs(20) {
        session.poll(started.elapsed().as_secs_f64() + 1000.0);
        told = session
            .take_notices()
            .iter()
            .any(|n| matches!(n, Notice::Report(r) if r.headline.contains("changed on disk")));
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(told, "a bad version is reported");
    assert!(session.data().doc.timeline().title.starts_with("Version two"), "the last good version stays");
}

/// Lanes that a fresh layout of the same document would agree with: every dated event in one
/// lane with its exact span, the same orders and extent, the undated list.
fn assert_lanes_follow(session: &Session) {
    let data = session.data();
    let fresh = LayoutInput::of(&data.doc).lay_out();
    assert_eq!(data.lanes.chronological, fresh.0.chronological);
    assert_eq!(data.lanes.by_end, fresh.0.by_end);
    assert_eq!(data.lanes.extent, fresh.0.extent);
    assert_eq!(data.undated, fresh.1);
    for (i, span) in data.doc.spans().iter().enumerate() {
        let lane = data.lanes.lane_of[i];
        let Some(span) = span else {
            assert_eq!(lane, u32::MAX, "undated event {i} has no lane");
            continue;
        };
        let lane = &data.lanes.lanes[lane as usize];
        let at = lane.events.iter().position(|&e| e as usize == i).expect("in the lane it is said to be in");
        assert_eq!((lane.starts[at], lane.ends[at]), (span.start, span.end), "event {i}");
    }
}

#[test]
fn large_documents_follow_an_edit_in_place_and_lay_out_a_batch_in_the_background() {
    let mut session = Session::seed();
    // As a million-event document would: the seed is small enough to check against a fresh layout.
    session.sync_layout_limit = 0;
    let doc = &session.data().doc;
    let titan = doc.event_index("titan-api").expect("titan");
    let undated = doc.spans().iter().position(Option::is_none).expect("the seed has an undated event");
    let mut moved = doc.events()[titan].clone();
    moved.when = Some("1990/1992".into());
    let mut dated = doc.events()[undated].clone();
    dated.when = Some("2020-02".into());
    let added = Event { id: "added".into(), title: "Added".into(), when: Some("2000".into()), ..Event::default() };
    let undated_added = Event { id: "undated-added".into(), title: "Undated".into(), ..Event::default() };
    let edits = [
        Edit::UpdateEvent { index: titan, event: moved },
        Edit::UpdateEvent { index: undated, event: dated },
        Edit::AddEvent { index: 1, event: added },
        Edit::AddEvent { index: 0, event: undated_added },
        Edit::RemoveEvent { index: 5 },
    ];
    let steps = edits.len();
    for edit in edits {
        session.apply(edit).expect("valid");
        assert!(session.relayout.is_none(), "followed on the spot, no job");
        assert_lanes_follow(&session);
    }
    for _ in 0..steps {
        assert!(session.undo());
        assert_lanes_follow(&session);
    }
    for _ in 0..steps {
        assert!(session.redo());
        assert_lanes_follow(&session);
    }

    let two = Edit::Batch(vec![Edit::RemoveEvent { index: 0 }, Edit::RemoveEvent { index: 0 }]);
    session.apply(two).expect("valid");
    assert!(session.relayout.is_some(), "a batch is laid out off the UI thread");
    settle(&mut session, |s| s.relayout.is_none());
    assert_lanes_follow(&session);
}

#[test]
fn the_journal_brings_back_unsaved_edits_after_a_crash_and_a_save_clears_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_of_seed(dir.path());
    let journal_path = dir.path().join("config/journal.jsonl");
    let mut session = Session::open_blocking(&path).expect("opens");
    session.keep_journal(&journal_path);
    session.apply(Edit::SetTitle("Renamed".into())).expect("valid");
    let mut first = session.data().doc.events()[0].clone();
    first.when = Some("2012-05".into());
    session.apply(Edit::UpdateEvent { index: 0, event: first }).expect("valid");
    session.apply(Edit::RemoveEvent { index: 1 }).expect("valid");
    assert!(session.undo());
    let expected = session.data().doc.timeline().clone();
    // The process is killed: nothing is saved, nothing dropped in order.
    std::mem::forget(session);

    let recovery = journal::Journal::recover(&journal_path).expect("edits to recover");
    assert_eq!(recovery.file.as_deref(), Some(path.as_path()));
    let mut again = Session::open_blocking(&path).expect("opens");
    for edit in recovery.edits {
        again.apply(edit).expect("each edit applies to the file as saved");
    }
    assert_eq!(again.data().doc.timeline(), &expected);

    again.keep_journal(&journal_path);
    assert!(again.save());
    settle(&mut again, |s| !s.is_saving());
    assert_eq!(journal::Journal::recover(&journal_path), None, "saved: nothing left to recover");
}

#[test]
fn a_change_on_disk_never_drops_unsaved_edits_and_our_own_save_is_not_reloaded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, mut session) = opened_in_the_background(dir.path());

    // Our own save: the watcher sees it and tells it apart, so nothing is reloaded and the
    // history stays. (Waiting for it to be seen: a dead watcher would fail here, not pass.)
    session.apply(Edit::SetTitle("Mine".into())).expect("valid");
    assert!(session.save());
    settle(&mut session, |s| !s.is_saving());
    let started = Instant::now();
    while session.own_saves_seen() == 0 {
        assert!(started.elapsed() < Duration::from_secs(20), "the watcher never reported our save");
        session.poll(started.elapsed().as_secs_f64() + 100.0);
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(!session.is_loading() && session.undo_label().is_some(), "no reload after our own save");
    assert!(!session.take_notices().iter().any(|n| matches!(n, Notice::Reloaded { .. })));

    // Someone else writes while we have unsaved edits: we are asked, and keep ours meanwhile.
    session.apply(Edit::SetTitle("Mine, unsaved".into())).expect("valid");
    std::fs::write(&path, loaded::SEED_JSON.replacen("Netflix", "Theirs: Netflix", 1)).expect("their write");
    let started = Instant::now();
    let mut asked = false;
    while !asked && started.elapsed() < Duration::from_secs(20) {
        session.poll(started.elapsed().as_secs_f64() + 1000.0);
        asked = session.take_notices().iter().any(|n| matches!(n, Notice::ChangedOnDisk));
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(asked, "asked whose version");
    assert_eq!(session.data().doc.timeline().title, "Mine, unsaved");
    session.reload();
    settle(&mut session, |s| !s.is_loading());
    assert!(session.data().doc.timeline().title.starts_with("Theirs"), "theirs, once the user chose it");
}
