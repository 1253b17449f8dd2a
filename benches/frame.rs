//! What the window's CPU does for one frame of the timeline at 1920 px: the scene (with the
//! overview strip and legend, as `compose::window` makes it), handing its shapes to egui, and
//! egui's tessellation into meshes. Compare with `scene_1920`, which times the scene alone.

use std::hint::black_box;
use std::path::Path;

use citeline::layout::axis::{AxisMapping, TimeView};
use citeline::layout::overview::Overview;
use citeline::model::date::year_start;
use citeline::model::{Document, Progress, generate};
use citeline::scene::compose::{window, window_canvas, window_overview};
use citeline::scene::{SceneOptions, Theme};
use citeline::session::Loaded;
use citeline::ui::paint::paint_scene;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Context, RawInput, Rect, pos2, vec2};

fn synthetic(n: usize) -> Loaded {
    let doc = Document::new(generate::timeline(n, 1), Path::new("synthetic.citeline.json"), &Progress::default())
        .expect("synthetic timelines are valid");
    Loaded::new(doc, &Progress::default())
}

const SIZE: egui::Vec2 = vec2(1920.0, 1000.0);

/// One frame: scene, egui shapes, tessellation. Returns the vertex count.
fn frame(ctx: &Context, data: &Loaded, overview: Option<&Overview>, view: TimeView) -> usize {
    let input = RawInput { screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), SIZE)), ..RawInput::default() };
    let output = ctx.run_ui(input, |ui| {
        let rect = Rect::from_min_size(pos2(0.0, 0.0), SIZE);
        let canvas = window_canvas(rect);
        let mapping = AxisMapping::new(view, f64::from(canvas.left()), f64::from(canvas.width()));
        let options = SceneOptions::window(Theme::Dark.palette(), canvas);
        let scene = window(&data.doc, &data.lanes, &mapping, rect, &options, overview);
        paint_scene(&ui.painter_at(rect), &scene);
    });
    let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
    meshes
        .iter()
        .map(|m| match &m.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_1920");
    group.sample_size(30);
    let ctx = Context::default();
    // What egui costs for a frame that paints nothing: the floor under every figure below.
    group.bench_function("empty", |bench| {
        bench.iter(|| {
            let input =
                RawInput { screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), SIZE)), ..RawInput::default() };
            let output = ctx.run_ui(input, |_| {});
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
        });
    });
    for n in [1_000, 100_000, 1_000_000] {
        let data = synthetic(n);
        let (a, b) = data.lanes.extent.expect("dated events");
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let columns = window_overview(Rect::from_min_size(pos2(0.0, 0.0), SIZE)).width() as usize;
        let overview = Overview::new(&data.lanes, data.doc.spans(), None, None, columns);
        let fit = TimeView::fit(a, b, 0.05);
        let zoomed = TimeView { min: year_start(2012), span: 730.0 };
        for (name, view) in [("fit_all", fit), ("zoomed", zoomed)] {
            // Fonts are loaded and glyphs cached on the first frames, as in the window.
            let mut vertices = 0;
            for _ in 0..3 {
                vertices = frame(&ctx, &data, overview.as_ref(), view);
            }
            println!("frame_1920/{name}/{n}: {vertices} vertices");
            group.bench_with_input(BenchmarkId::new(name, n), &data, |bench, d| {
                bench.iter(|| black_box(frame(&ctx, d, overview.as_ref(), view)));
            });
        }
        if n == 1_000_000 {
            group.bench_function("overview_counts_1M", |bench| {
                bench.iter(|| black_box(Overview::new(&data.lanes, data.doc.spans(), None, None, columns)));
            });
        }
    }
    group.finish();
}

criterion_group!(frame_benches, benches);
criterion_main!(frame_benches);
