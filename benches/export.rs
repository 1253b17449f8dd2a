//! Export cost: the seed timeline and 100,000 synthetic events to a 3840-px PNG and to SVG.

use std::hint::black_box;
use std::path::Path;

use citeline::export::{ExportOptions, Format, render};
use citeline::loaded::{Loaded, load_seed};
use citeline::model::{Document, Progress, generate};
use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let seed = load_seed().expect("seed");
    let doc = Document::new(generate::timeline(100_000, 1), Path::new("synthetic.citeline.json"), &Progress::default())
        .expect("valid");
    let big = Loaded::new(doc, &Progress::default());
    let options = ExportOptions { width: 3840, ..ExportOptions::default() };
    let mut group = c.benchmark_group("export_3840");
    group.sample_size(10);
    for (name, data) in [("seed", &seed), ("100k", &big)] {
        group.bench_function(format!("{name}_png"), |b| {
            b.iter(|| black_box(render(&data.doc, &data.lanes, &options, Format::Png).expect("png")));
        });
        group.bench_function(format!("{name}_svg"), |b| {
            b.iter(|| black_box(render(&data.doc, &data.lanes, &options, Format::Svg).expect("svg")));
        });
    }
    group.finish();
}

criterion_group!(export_benches, benches);
criterion_main!(export_benches);
