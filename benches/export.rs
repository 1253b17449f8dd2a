//! Export cost: the seed timeline and 100,000 synthetic events to a 3840-px PNG and to SVG.

use std::hint::black_box;
use std::path::Path;

use citeline::export::{Format, render};
use citeline::model::{Document, Progress, generate};
use citeline::scene::compose::{ImageOptions, image};
use citeline::session::Loaded;
use citeline::session::loaded::load_seed;
use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let seed = load_seed().expect("seed");
    let doc = Document::new(generate::timeline(100_000, 1), Path::new("synthetic.citeline.json"), &Progress::default())
        .expect("valid");
    let big = Loaded::new(doc, &Progress::default());
    let options = ImageOptions { width: 3840, ..ImageOptions::default() };
    let mut group = c.benchmark_group("export_3840");
    group.sample_size(10);
    for (name, data) in [("seed", &seed), ("100k", &big)] {
        group.bench_function(format!("{name}_png"), |b| {
            b.iter(|| {
                black_box(render(&image(&data.doc, &data.lanes, &options), Format::Png, options.scale).expect("png"))
            });
        });
        group.bench_function(format!("{name}_svg"), |b| {
            b.iter(|| {
                black_box(render(&image(&data.doc, &data.lanes, &options), Format::Svg, options.scale).expect("svg"))
            });
        });
    }
    group.finish();
}

criterion_group!(export_benches, benches);
criterion_main!(export_benches);
