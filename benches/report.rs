//! Report cost: the chronology of 10,000 synthetic events laid out and written as PDF and as
//! Word (the goal: under 10 s and 500 MB each; the picture is left out above 2,000 events).

use std::hint::black_box;
use std::path::Path;

use citeline::model::{Document, Progress, generate};
use citeline::report::{Report, ReportFormat, ReportOptions, render};
use citeline::session::Loaded;
use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let doc = Document::new(generate::timeline(10_000, 1), Path::new("synthetic.citeline.json"), &Progress::default())
        .expect("valid");
    let data = Loaded::new(doc, &Progress::default());
    let options = ReportOptions { made: "1 January 2026".to_owned(), ..ReportOptions::default() };
    let mut group = c.benchmark_group("report_10k");
    group.sample_size(10);
    for (name, format) in [("pdf", ReportFormat::Pdf), ("docx", ReportFormat::Docx)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let report = Report::build(&data.doc, &data.lanes, &options).expect("report");
                black_box(render(&report, format).expect("bytes"))
            });
        });
    }
    group.finish();
}

criterion_group!(report_benches, benches);
criterion_main!(report_benches);
