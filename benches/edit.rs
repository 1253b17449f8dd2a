//! One edit at a million events, as the window applies it: the edit, its undo, and what the
//! session brings up to date on the UI thread (laying out again goes to a background job).

use std::hint::black_box;
use std::path::Path;

use citeline::model::edit::Edit;
use citeline::model::{Document, Progress, generate};
use citeline::session::{Loaded, Session};
use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let doc = Document::new(generate::timeline(1_000_000, 1), Path::new("m.citeline.json"), &Progress::default())
        .expect("valid");
    let mut session = Session::from_loaded(Loaded::new(doc, &Progress::default()), None);
    let middle = 500_000;
    let event = session.data().doc.events()[middle].clone();
    let mut group = c.benchmark_group("edit_1M");
    group.sample_size(20);
    group.bench_function("retitle_and_undo", |b| {
        let mut retitled = event.clone();
        retitled.title = "Retitled".into();
        b.iter(|| {
            session.apply(Edit::UpdateEvent { index: middle, event: retitled.clone() }).expect("valid");
            black_box(session.undo());
        });
    });
    group.bench_function("move_and_undo", |b| {
        let mut moved = event.clone();
        moved.when = Some("1999-05".into());
        b.iter(|| {
            session.apply(Edit::UpdateEvent { index: middle, event: moved.clone() }).expect("valid");
            black_box(session.undo());
        });
    });
    group.bench_function("add_and_undo", |b| {
        let added = citeline::model::Event { id: "added-for-the-bench".into(), ..event.clone() };
        b.iter(|| {
            session.apply(Edit::AddEvent { index: middle, event: added.clone() }).expect("valid");
            black_box(session.undo());
        });
    });
    // What a move costs the UI thread before its lanes are laid out again in the background:
    // copying what laying out needs (the bench above reuses a running job and skips it).
    group.bench_function("layout_input_copy", |b| {
        b.iter(|| black_box(citeline::session::loaded::LayoutInput::of(&session.data().doc)));
    });
    group.finish();
}

criterion_group!(edit_benches, benches);
criterion_main!(edit_benches);
