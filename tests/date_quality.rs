//! The date reader measured on annotated sentences written for this purpose (`tests/dates/`):
//! extent precision, recall and F1 (an expression found counts when it overlaps one annotated),
//! and value F1 (the EDTF values cover the same days). Each line is one text, read on its own;
//! a line starting "+ " goes on with the text above it as its next paragraph (the year a
//! paragraph is in does not carry into the next). `scripts/dateparser_score.py` scores
//! dateparser on the same files the same way; figures in BENCHMARKS.md.
//!
//! `cargo test --test integration date_quality:: -- --nocapture` prints the table.

use citeline::model::date::Edtf;
use citeline::model::dates::{self, Kind, Lang};

/// One annotated expression: byte range in its line, and its value ("duration", "frequency",
/// "?" or EDTF).
struct Gold {
    range: std::ops::Range<usize>,
    value: String,
}

struct Line {
    text: String,
    gold: Vec<Gold>,
    published: Option<dates::Published>,
}

fn parse(file: &str) -> Vec<Line> {
    let mut published = None;
    let mut lines = Vec::new();
    for raw in file.lines() {
        if let Some(p) = raw.strip_prefix("# published: ") {
            let parts: Vec<i64> = p.trim().split('-').map(|n| n.parse().expect("a day")).collect();
            published = Some((parts[0], u8::try_from(parts[1]).expect("month"), u8::try_from(parts[2]).expect("day")));
            continue;
        }
        if raw.starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        // "+ " goes on with the text above as its next paragraph (a line of its own).
        let (mut text, mut gold, raw) = match raw.strip_prefix("+ ") {
            Some(more) => {
                let above: Line = lines.pop().expect("a line above a \"+ \" line");
                (above.text + "\n", above.gold, more)
            }
            None => (String::new(), Vec::new(), raw),
        };
        let mut rest = raw;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let close = rest[open..].find(']').expect("a closing bracket") + open;
            let (expr, value) = rest[open + 1..close].split_once('|').expect("[expression|value]");
            gold.push(Gold { range: text.len()..text.len() + expr.len(), value: value.to_owned() });
            text.push_str(expr);
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
        lines.push(Line { text, gold, published });
    }
    lines
}

/// The days a value covers, with its open ends; qualifiers (`~`, `?`) aside.
fn days(value: &str) -> Option<(i64, i64, bool, bool)> {
    let s = Edtf::parse(value).ok()?.span();
    #[allow(clippy::cast_possible_truncation)]
    Some((s.start as i64, s.end as i64, s.open_start, s.open_end))
}

#[derive(Default, Debug)]
struct Score {
    gold: usize,
    found: usize,
    extent_hits: usize,
    gold_values: usize,
    found_values: usize,
    value_hits: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

#[allow(clippy::cast_precision_loss)]
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl Score {
    fn extent(&self) -> (f64, f64, f64) {
        let (p, r) = (ratio(self.extent_hits, self.found), ratio(self.extent_hits, self.gold));
        (p, r, f1(p, r))
    }
    fn value(&self) -> (f64, f64, f64) {
        let (p, r) = (ratio(self.value_hits, self.found_values), ratio(self.value_hits, self.gold_values));
        (p, r, f1(p, r))
    }
}

fn score(lang: Lang, file: &str, misses: &mut Vec<String>) -> Score {
    let mut s = Score::default();
    for line in parse(file) {
        let found = dates::read(&line.text, lang, line.published);
        s.gold += line.gold.len();
        s.found += found.len();
        s.gold_values += line.gold.iter().filter(|g| days(&g.value).is_some()).count();
        s.found_values += found.iter().filter(|f| f.when.is_some()).count();
        let mut used = vec![false; found.len()];
        for g in &line.gold {
            let hit =
                found.iter().enumerate().find(|(k, f)| !used[*k] && f.start < g.range.end && g.range.start < f.end);
            let Some((k, f)) = hit else {
                misses.push(format!("missed  {:?} in {:?}", &line.text[g.range.clone()], line.text));
                continue;
            };
            used[k] = true;
            s.extent_hits += 1;
            let kind_ok = match g.value.as_str() {
                "duration" => f.kind == Kind::Duration,
                "frequency" => f.kind == Kind::Frequency,
                _ => true,
            };
            if let Some(want) = days(&g.value) {
                if f.when.as_deref().and_then(days) == Some(want) {
                    s.value_hits += 1;
                } else {
                    misses.push(format!("value   {:?} → {:?}, want {}", &line.text[f.start..f.end], f.when, g.value));
                }
            } else if !kind_ok {
                misses.push(format!("kind    {:?} → {:?}, want {}", &line.text[f.start..f.end], f.kind, g.value));
            }
        }
        for (k, f) in found.iter().enumerate() {
            if !used[k] {
                misses.push(format!("extra   {:?} → {:?} in {:?}", &line.text[f.start..f.end], f.when, line.text));
            }
        }
    }
    s
}

/// Each language's file, the value F1 it reaches (BENCHMARKS.md, rounded down: a drop shows),
/// the misses it has, and the lines without a date it holds at least.
const SETS: [(Lang, &str, f64, usize, usize); 5] = [
    (Lang::Es, include_str!("dates/es.txt"), 1.0, 0, 12),
    (Lang::It, include_str!("dates/it.txt"), 1.0, 0, 11),
    (Lang::En, include_str!("dates/en.txt"), 1.0, 0, 13),
    (Lang::Fr, include_str!("dates/fr.txt"), 1.0, 0, 20),
    (Lang::De, include_str!("dates/de.txt"), 1.0, 0, 20),
];

#[test]
fn the_reader_meets_its_goals_on_the_annotated_sentences() {
    println!("| Language | Expressions | Extent P | Extent R | Extent F1 | Value P | Value R | Value F1 |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut failed = Vec::new();
    for (lang, file, floor, known, lines_without) in SETS {
        let mut misses = Vec::new();
        let s = score(lang, file, &mut misses);
        assert!(s.gold >= 100, "{lang:?}: at least 100 annotated expressions, {} now", s.gold);
        let negatives = parse(file).iter().filter(|l| l.gold.is_empty()).count();
        assert!(negatives >= lines_without, "{lang:?}: at least {lines_without} lines without a date, {negatives} now");
        let (ep, er, ef) = s.extent();
        let (vp, vr, vf) = s.value();
        println!("| {} | {} | {ep:.3} | {er:.3} | {ef:.3} | {vp:.3} | {vr:.3} | {vf:.3} |", lang.code(), s.gold);
        for m in &misses {
            println!("{}: {m}", lang.code());
        }
        // The figures the reader has, not a floor far below them: a drop shows.
        if vf < floor || misses.len() > known {
            failed.push(format!(
                "{}: value F1 {vf:.3} (floor {floor}), {} misses ({known} known)",
                lang.code(),
                misses.len()
            ));
        }
    }
    assert!(failed.is_empty(), "{failed:#?} (misses above)");
}

#[test]
fn the_annotations_are_well_formed() {
    for (_, file, ..) in SETS {
        for line in parse(file) {
            for g in &line.gold {
                assert!(
                    matches!(g.value.as_str(), "duration" | "frequency" | "?") || days(&g.value).is_some(),
                    "{:?} in {:?}",
                    g.value,
                    line.text
                );
            }
        }
    }
}
