//! Re-anchoring 10,000 citations on a 1 MB source in a new version of it (the goal: within
//! 1 s): most quotes moved by paragraphs inserted and typos fixed before them, some reworded,
//! some deleted.

#[allow(dead_code)]
#[path = "../tests/common/versions.rs"]
mod versions;

use std::hint::black_box;

use citeline::model::anchor::{Anchor, anchor_of, reanchor};
use citeline::model::verify::FoldedText;
use criterion::{Criterion, criterion_group, criterion_main};
use versions::{Rng, TEXTS};

/// About `bytes` of sentences made of the articles' words in a seeded order, so that no two
/// sentences are alike; paragraphs of five sentences.
fn source(bytes: usize, rng: &mut Rng) -> String {
    let words: Vec<&str> = TEXTS.iter().flat_map(|t| t.split_whitespace()).filter(|w| w.len() > 2).collect();
    let mut text = String::with_capacity(bytes + 256);
    let mut sentence = 0;
    while text.len() < bytes {
        let n = 6 + rng.below(10);
        for i in 0..n {
            let w = words[rng.below(words.len())].trim_matches(|c: char| !c.is_alphanumeric());
            if i > 0 {
                text.push(' ');
            }
            text.push_str(w);
        }
        text.push_str(". ");
        sentence += 1;
        if sentence % 5 == 0 {
            text.push_str("\n\n");
        }
    }
    text
}

struct Case {
    new: String,
    citations: Vec<(Anchor, String)>,
}

fn case() -> Case {
    let mut rng = Rng::new(24);
    let old = source(1 << 20, &mut rng);
    let sentences = versions::sentences(&old);
    assert!(sentences.len() >= 10_000, "{} sentences", sentences.len());
    let citations: Vec<(Anchor, String)> = (0..10_000)
        .map(|i| {
            let r = sentences[i * sentences.len() / 10_000].clone();
            (anchor_of(&old, r.clone()), old[r].to_owned())
        })
        .collect();
    // The new version: a paragraph inserted every 64 KiB, a typo fixed every 16 KiB, 2% of the
    // quotes reworded and 1% deleted (edited from the end, so earlier offsets hold).
    let mut new = old.clone();
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (i, (a, q)) in citations.iter().enumerate() {
        match i % 100 {
            0 | 50 => edits.push((a.start as usize, a.end as usize, q.replacen(' ', " also ", 1))),
            25 => edits.push((a.start as usize, a.end as usize, String::new())),
            _ => {}
        }
    }
    for at in (0..old.len()).step_by(64 << 10).skip(1).map(|at| old.floor_char_boundary(at)) {
        let p = old[at..].find("\n\n").map_or(old.len(), |i| at + i);
        edits.push((p, p, "\n\nA new paragraph, inserted in the new version of the source.".to_owned()));
    }
    for at in (0..old.len()).step_by(16 << 10).skip(1).map(|at| old.floor_char_boundary(at)) {
        if let Some(i) = old[at..].find(' ') {
            edits.push((at + i, at + i + 1, "  ".to_owned()));
        }
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut last = usize::MAX;
    for (a, b, with) in edits {
        if b <= last {
            new.replace_range(a..b, &with);
            last = a;
        }
    }
    Case { new, citations }
}

fn bench(c: &mut Criterion) {
    let case = case();
    // What came out, once, for the record.
    let folded = FoldedText::new(&case.new);
    let mut outcomes = std::collections::BTreeMap::new();
    for (anchor, quote) in &case.citations {
        *outcomes.entry(reanchor(Some(anchor), quote, &folded).outcome).or_insert(0) += 1;
    }
    eprintln!("{} bytes, {} citations: {outcomes:?}", case.new.len(), case.citations.len());
    let mut group = c.benchmark_group("reanchor");
    group.sample_size(10);
    group.bench_function("10,000 citations on a 1 MB source", |b| {
        b.iter(|| {
            let folded = FoldedText::new(&case.new);
            let mut moved = 0;
            for (anchor, quote) in &case.citations {
                let r = reanchor(Some(anchor), quote, &folded);
                moved += usize::from(r.range.is_some());
            }
            black_box(moved)
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
