//! One edit at a million events as the window makes it, followed by the frame that shows it:
//! the edit, what the session brings up to date on the UI thread (lanes followed in place), and
//! the scene at 1920 px fit-all. Each iteration makes the edit and undoes it, so it counts two
//! edits and two frames.

use std::hint::black_box;
use std::path::Path;

use citeline::layout::axis::{AxisMapping, TimeView};
use citeline::model::edit::Edit;
use citeline::model::{Document, Progress, generate};
use citeline::scene::{Scene, SceneOptions, Theme, build_timeline};
use citeline::session::{Loaded, Session};
use criterion::{Criterion, criterion_group, criterion_main};
use emath::{Rect, pos2};

/// The frame after the edit: the scene for the whole extent, as the window composes it.
fn frame(session: &Session) -> usize {
    let data = session.data();
    let (a, b) = data.lanes.extent.expect("dated events");
    let canvas = Rect::from_min_max(pos2(0.0, 0.0), pos2(1920.0, 1000.0));
    let mapping = AxisMapping::new(TimeView::fit(a, b, 0.05), 0.0, 1920.0);
    let mut scene = Scene::default();
    build_timeline(&data.doc, &data.lanes, &mapping, &SceneOptions::window(Theme::Light.palette(), canvas), &mut scene);
    scene.shapes.len()
}

fn edit_and_undo(session: &mut Session, edit: &Edit) {
    session.apply(edit.clone()).expect("valid");
    black_box(frame(session));
    assert!(session.undo());
    black_box(frame(session));
}

fn benches(c: &mut Criterion) {
    let doc = Document::new(generate::timeline(1_000_000, 1), Path::new("m.citeline.json"), &Progress::default())
        .expect("valid");
    let mut session = Session::from_loaded(Loaded::new(doc, &Progress::default()), None);
    let middle = 500_000;
    let event = session.data().doc.events()[middle].clone();
    let end = session.data().doc.events().len();
    let mut group = c.benchmark_group("edit_1M");
    group.sample_size(20);
    group.bench_function("frame_alone", |b| b.iter(|| black_box(frame(&session))));
    let retitle = Edit::UpdateEvent {
        index: middle,
        event: citeline::model::Event { title: "Retitled".into(), ..event.clone() },
    };
    group.bench_function("retitle_and_undo", |b| b.iter(|| edit_and_undo(&mut session, &retitle)));
    let moved = Edit::UpdateEvent {
        index: middle,
        event: citeline::model::Event { when: Some("1999-05".into()), ..event.clone() },
    };
    group.bench_function("move_and_undo", |b| b.iter(|| edit_and_undo(&mut session, &moved)));
    // New events go at the end of the file, as New Event and New Event from Selection put them.
    let added = Edit::AddEvent {
        index: end,
        event: citeline::model::Event { id: "added-for-the-bench".into(), ..event.clone() },
    };
    group.bench_function("add_and_undo", |b| b.iter(|| edit_and_undo(&mut session, &added)));
    // Deleting from the middle: every later event shifts down, and back up on undo.
    let delete = Edit::RemoveEvent { index: middle };
    group.bench_function("delete_and_undo", |b| b.iter(|| edit_and_undo(&mut session, &delete)));
    group.finish();
}

criterion_group!(edit_benches, benches);
criterion_main!(edit_benches);
