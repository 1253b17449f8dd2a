//! The date reader's throughput: a megabyte of prose per language (the shipped articles; for
//! English, this project's README), the annotated sentences (a date or two in every sentence:
//! far denser than any filing), four megabytes to show it stays linear, and a megabyte built to
//! be hard (numbers, prepositions and month names back to back).

use std::hint::black_box;

use citeline::model::dates::{Lang, read};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// `seed` repeated to `bytes`, cut at a line.
fn text_of(seed: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + seed.len());
    while out.len() < bytes {
        out.push_str(seed);
        out.push('\n');
    }
    let cut = out.as_bytes()[..bytes.min(out.len())].iter().rposition(|&b| b == b'\n').unwrap_or(0);
    out.truncate(cut);
    out
}

fn plain(annotated: &str) -> String {
    annotated
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            l.replace('[', "").split(']').map(|part| part.split_once('|').map_or(part, |(e, _)| e)).collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn benches(c: &mut Criterion) {
    let sets = [
        (Lang::Es, "prose", include_str!("../assets/sources/es-netflix-meta-mensajes-privados.txt").to_owned()),
        (Lang::It, "prose", include_str!("../assets/sources/it-netflix-100-milioni-messaggi-facebook.txt").to_owned()),
        (Lang::En, "prose", include_str!("../README.md").to_owned()),
        (Lang::Es, "dense", plain(include_str!("../tests/dates/es.txt"))),
        (Lang::It, "dense", plain(include_str!("../tests/dates/it.txt"))),
        (Lang::En, "dense", plain(include_str!("../tests/dates/en.txt"))),
    ];
    let mut group = c.benchmark_group("dates");
    group.sample_size(20);
    for (lang, kind, seed) in &sets {
        for mb in [1, 4] {
            let text = text_of(seed, mb << 20);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(format!("{kind}_{}", lang.code()), format!("{mb}MB")),
                &text,
                |b, t| {
                    b.iter(|| black_box(read(t, *lang, Some((2024, 5, 15)))));
                },
            );
        }
    }
    let hard = text_of(
        "dal 12 al 2013 da marzo 1 2 3 4 5 6 7 8 9 10 11 12 2014-2015 5/3/2014 entro il l’ 2019 anni ’90 XIX secolo ogni tre giorni tre anni fa",
        1 << 20,
    );
    group.throughput(Throughput::Bytes(hard.len() as u64));
    group.bench_function("read_it_adversarial/1MB", |b| {
        b.iter(|| black_box(read(&hard, Lang::It, Some((2024, 5, 15)))));
    });
    group.finish();
}

criterion_group!(dates_benches, benches);
criterion_main!(dates_benches);
