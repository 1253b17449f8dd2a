//! Frame cost: the scene for one view at 1920 px, from 1,000 to 1,000,000 events, plus the
//! pieces behind it (visible-range lookup, lane assignment) and opening a large file.

use std::hint::black_box;
use std::path::Path;

use citeline::layout::axis::{AxisMapping, TimeView};
use citeline::layout::lanes;
use citeline::model::date::year_start;
use citeline::model::{Document, Progress, generate};
use citeline::scene::{Scene, SceneOptions, Theme, build_timeline};
use citeline::session::Loaded;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use emath::{Rect, pos2};

fn synthetic(n: usize) -> Loaded {
    let doc = Document::new(generate::timeline(n, 1), Path::new("synthetic.citeline.json"), &Progress::default())
        .expect("synthetic timelines are valid");
    Loaded::new(doc, &Progress::default())
}

fn scene(data: &Loaded, view: TimeView) -> Scene {
    let canvas = Rect::from_min_max(pos2(0.0, 0.0), pos2(1920.0, 1000.0));
    let mapping = AxisMapping::new(view, 0.0, 1920.0);
    let options = SceneOptions::window(Theme::Light.palette(), canvas);
    let mut scene = Scene::default();
    build_timeline(&data.doc, &data.lanes, &mapping, &options, &mut scene);
    scene
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("scene_1920");
    group.sample_size(30);
    for n in [1_000, 100_000, 1_000_000] {
        let data = synthetic(n);
        let (a, b) = data.lanes.extent.expect("dated events");
        let fit = TimeView::fit(a, b, 0.05);
        // Zoomed in: two years inside the densest cluster.
        let zoomed = TimeView { min: year_start(2012), span: 730.0 };
        group.bench_with_input(BenchmarkId::new("fit_all", n), &data, |bench, d| {
            bench.iter(|| black_box(scene(d, fit)));
        });
        group.bench_with_input(BenchmarkId::new("zoomed", n), &data, |bench, d| {
            bench.iter(|| black_box(scene(d, zoomed)));
        });
        if n == 1_000_000 {
            let lane = &data.lanes.lanes[0];
            group.bench_function("visible_range_1M", |bench| {
                bench.iter(|| black_box(lane.visible_range(black_box(zoomed.min), black_box(zoomed.max()))));
            });
            group.bench_function("assign_lanes_1M", |bench| {
                bench.iter(|| black_box(lanes::assign(data.doc.spans(), &|i| data.doc.events()[i].title.len())));
            });
        }
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("million.citeline.json");
    citeline::formats::citeline::write_generated(&path, 1_000_000, 1).expect("generate");
    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.bench_function("open_1M_file", |bench| {
        bench.iter(|| black_box(citeline::session::loaded::open_blocking(&path, &Progress::default()).expect("opens")));
    });
    group.finish();
}

criterion_group!(scene_benches, benches, load);
criterion_main!(scene_benches);
