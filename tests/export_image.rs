//! Exported images, checked as a reader of the article would meet them: right size, text as
//! text, footnotes, ranges, and a look that matches a reviewed reference.

mod common;

use std::path::{Path, PathBuf};

use common::SEED;
use resvg::tiny_skia::Pixmap;

fn export(args: &[&str]) -> (i32, String) {
    common::citeline(&[&["export"], args].concat())
}

fn out_path(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

fn svg_text(path: &Path) -> String {
    let svg = std::fs::read_to_string(path).expect("svg");
    citeline::export::png::parse_svg(&svg).expect("usvg parses the SVG");
    svg
}

fn seed_titles() -> Vec<(String, bool)> {
    let doc = citeline::formats::open::open(
        Path::new(SEED),
        citeline::formats::open::Limits::default(),
        &citeline::model::Progress::default(),
    )
    .expect("seed");
    (0..doc.events().len()).map(|i| (doc.events()[i].title.to_string(), doc.span(i).is_some())).collect()
}

#[test]
fn png_has_the_asked_width_times_scale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let png = out_path(&dir, "seed.png");
    let (code, err) = export(&[SEED, "-o", png.to_str().expect("path"), "--width", "1000", "--scale", "2"]);
    assert_eq!(code, 0, "{err}");
    let image = Pixmap::decode_png(&std::fs::read(&png).expect("png")).expect("decodes");
    assert_eq!(image.width(), 2000);
    assert!(image.height() > 300, "{}", image.height());
}

#[test]
fn svg_keeps_every_dated_title_as_text_and_footnotes_every_quote() {
    let dir = tempfile::tempdir().expect("tempdir");
    let svg_path = out_path(&dir, "seed.svg");
    let (code, err) = export(&[SEED, "-o", svg_path.to_str().expect("path"), "--footnotes"]);
    assert_eq!(code, 0, "{err}");
    let svg = svg_text(&svg_path);
    for (title, dated) in seed_titles() {
        if dated {
            assert!(svg.contains(&citeline::export::svg::escape(&title)), "missing {title}");
        }
    }
    // Footnotes wrap, so look for each quote's words in order across the text.
    let doc = citeline::formats::open::open(
        Path::new(SEED),
        citeline::formats::open::Limits::default(),
        &citeline::model::Progress::default(),
    )
    .expect("seed");
    let words: String = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>').and_then(|(_, rest)| rest.split_once("</text>")).map(|(text, _)| text.to_owned())
        })
        .collect::<Vec<_>>()
        .join(" ");
    let normalised = words.split_whitespace().collect::<Vec<_>>().join(" ");
    for (i, e) in doc.events().iter().enumerate() {
        if doc.span(i).is_none() {
            continue;
        }
        for c in &e.citations {
            let quote = citeline::export::svg::escape(&c.quote.split_whitespace().collect::<Vec<_>>().join(" "));
            assert!(normalised.contains(&quote), "footnotes miss the quote {:?}", c.quote);
        }
    }
}

#[test]
fn range_leaves_out_events_outside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let svg_path = out_path(&dir, "range.svg");
    let (code, err) = export(&[SEED, "-o", svg_path.to_str().expect("path"), "--range", "2013/2013"]);
    assert_eq!(code, 0, "{err}");
    let svg = svg_text(&svg_path);
    assert!(svg.contains("Titan API"), "2013 keeps the Titan API event");
    assert!(!svg.contains("$150 million"), "early 2019 is outside the range");
    assert!(!svg.contains("integration to share"), "2011 is outside the range");
}

/// The `height` of an SVG's root element.
fn svg_height(svg: &str) -> f64 {
    let at = svg.find("height=\"").expect("height") + 8;
    svg[at..].split('"').next().and_then(|h| h.parse().ok()).expect("a number")
}

#[test]
fn overview_shows_the_whole_timeline_with_the_exported_range_outlined() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (plain, with) = (out_path(&dir, "plain.svg"), out_path(&dir, "overview.svg"));
    let args = |out: &Path| {
        vec![
            SEED.to_owned(),
            "-o".into(),
            out.display().to_string(),
            "--range".into(),
            "2012/2015".into(),
            "--width".into(),
            "1200".into(),
        ]
    };
    let (code, err) = export(&args(&plain).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{err}");
    let mut a = args(&with);
    a.push("--overview".into());
    let (code, err) = export(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{err}");
    let (plain, with) = (svg_text(&plain), svg_text(&with));
    assert!(svg_height(&with) >= svg_height(&plain) + 40.0, "the strip takes room");
    // Years outside the range are labelled on the strip only.
    let year = |svg: &str, y: &str| svg.contains(&format!(">{y}</text>"));
    assert!(!year(&plain, "2019") && year(&with, "2019"), "the strip runs to the last event");
    // The outlined window covers 2012–2015 of the whole 2011–2019 (or so), in proportion.
    let window = with
        .split("<rect ")
        .filter_map(|r| r.split('>').next())
        .find(|r| r.contains("stroke=") && r.contains("rx=\"2\""))
        .expect("the range's window on the strip");
    let attr = |name: &str| -> f64 {
        let at = window
            .find(&format!(" {name}=\""))
            .map(|i| i + name.len() + 3)
            .or_else(|| window.starts_with(&format!("{name}=\"")).then_some(name.len() + 2))
            .expect(name);
        window[at..].split('"').next().and_then(|v| v.parse().ok()).expect("a number")
    };
    let (x, width) = (attr("x"), attr("width"));
    let inner = 1200.0 - 2.0 * 28.0;
    assert!(x > 28.0 + inner * 0.05 && x < 28.0 + inner * 0.25, "2012 lies early in the whole: x = {x}");
    assert!(width > inner * 0.3 && width < inner * 0.6, "four years of about nine: {width}");
}

fn seed_events_with(keep: impl Fn(&citeline::model::Event) -> bool) -> (Vec<String>, Vec<String>) {
    let doc = citeline::formats::open::open(
        Path::new(SEED),
        citeline::formats::open::Limits::default(),
        &citeline::model::Progress::default(),
    )
    .expect("seed");
    let dated = (0..doc.events().len()).filter(|&i| doc.span(i).is_some()).map(|i| &doc.events()[i]);
    let (kept, dropped): (Vec<_>, Vec<_>) = dated.partition(|e| keep(e));
    let titles = |v: Vec<&citeline::model::Event>| v.into_iter().map(|e| e.title.to_string()).collect();
    (titles(kept), titles(dropped))
}

#[test]
fn filter_by_tag_and_source_leaves_the_other_events_out_of_the_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let svg_path = out_path(&dir, "tags.svg");
    let (code, err) = export(&[
        SEED,
        "-o",
        svg_path.to_str().expect("path"),
        "--footnotes",
        "--tag",
        "advertising",
        "--tag",
        "governance",
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = svg_text(&svg_path);
    let (kept, dropped) = seed_events_with(|e| e.tags.iter().any(|t| &**t == "advertising" || &**t == "governance"));
    assert!(!kept.is_empty() && !dropped.is_empty());
    let escaped = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    for t in &kept {
        assert!(svg.contains(&escaped(t)), "kept: {t}");
    }
    for t in &dropped {
        assert!(!svg.contains(&escaped(t)), "left out: {t}");
    }
    // The image spans the events shown, not the whole timeline.
    let doc = citeline::formats::open::open(
        Path::new(SEED),
        citeline::formats::open::Limits::default(),
        &citeline::model::Progress::default(),
    )
    .expect("seed");
    let one_path = out_path(&dir, "advertising.svg");
    let (code, err) = export(&[SEED, "-o", one_path.to_str().expect("path"), "--tag", "advertising"]);
    assert_eq!(code, 0, "{err}");
    let svg = svg_text(&one_path);
    let tagged = |i: &usize| doc.events()[*i].tags.iter().any(|t| &**t == "advertising");
    let spans = || (0..doc.events().len()).filter(tagged).filter_map(|i| doc.span(i));
    let (from, to) =
        (spans().map(|s| s.start).fold(f64::MAX, f64::min), spans().map(|s| s.end).fold(f64::MIN, f64::max));
    let all = || (0..doc.events().len()).filter_map(|i| doc.span(i));
    let (first, last) =
        (all().map(|s| s.start).fold(f64::MAX, f64::min), all().map(|s| s.end).fold(f64::MIN, f64::max));
    let (shown, whole) =
        (citeline::layout::ticks::period_label(from, to), citeline::layout::ticks::period_label(first, last));
    assert_ne!(shown, whole, "the fixture's tagged events span less than the timeline");
    assert!(svg.contains(&shown) && !svg.contains(&whole), "{shown} rather than {whole}");

    // --source keeps the events citing that source (the Spanish article here).
    let doc_sources = seed_events_with(|e| e.citations.iter().any(|c| c.source.as_str() == "es-article"));
    let source_path = out_path(&dir, "source.svg");
    let (code, err) =
        export(&[SEED, "-o", source_path.to_str().expect("path"), "--footnotes", "--source", "es-article"]);
    assert_eq!(code, 0, "{err}");
    let svg = svg_text(&source_path);
    for t in &doc_sources.0 {
        assert!(svg.contains(&escaped(t)), "kept: {t}");
    }
    for t in &doc_sources.1 {
        assert!(!svg.contains(&escaped(t)), "left out: {t}");
    }

    // A tag or source no event uses is a typo, not an empty picture.
    for (flag, value, needle) in [("--tag", "advertsing", "no event has this tag"), ("--source", "nope", "no source")] {
        let (code, err) = export(&[SEED, "-o", source_path.to_str().expect("path"), flag, value]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(needle) && err.contains(value), "{err}");
    }
}

#[test]
fn bad_options_and_paths_exit_1_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ok = out_path(&dir, "x.png");
    let ok = ok.to_str().expect("path");
    for (args, needle) in [
        (vec![SEED, "-o", "/nonexistent-dir/x.png"], "cannot write"),
        (vec![SEED, "-o", "x.gif"], ".png or .svg"),
        (vec![SEED, "-o", ok, "--width", "0"], "width"),
        (vec![SEED, "-o", ok, "--scale", "100"], "scale"),
        (vec![SEED, "-o", ok, "--range", "2020/2010"], "--range"),
        (vec!["missing.citeline.json", "-o", ok], "does not exist"),
    ] {
        let (code, err) = export(&args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: expected {needle:?} in {err}");
    }
    let (code, _) = export(&[SEED, "-o", ok, "--theme", "sepia"]);
    assert_ne!(code, 0, "an unknown theme is refused");
}

const REFERENCE: &str = "tests/reference/seed-light-1280.png";

/// Rewrites the reference image after a deliberate change of looks: a separate, explicit step
/// (`cargo test --test export_image -- --ignored update_the_reference_png`); look at the new
/// image before committing it.
#[test]
#[ignore = "rewrites the reference image; run it on purpose"]
fn update_the_reference_png() {
    let (code, err) = export(&[SEED, "-o", REFERENCE, "--width", "1280"]);
    assert_eq!(code, 0, "{err}");
}

/// The seed at 1280 px against a reviewed reference image, with a tolerance for rasteriser
/// differences (not byte for byte).
#[test]
fn seed_png_matches_the_reference() {
    let dir = tempfile::tempdir().expect("tempdir");
    let png = out_path(&dir, "seed.png");
    let (code, err) = export(&[SEED, "-o", png.to_str().expect("path"), "--width", "1280"]);
    assert_eq!(code, 0, "{err}");
    let reference = Path::new(REFERENCE);
    let got = Pixmap::decode_png(&std::fs::read(&png).expect("png")).expect("decodes");
    let want = Pixmap::decode_png(&std::fs::read(reference).expect("reference exists")).expect("decodes");
    assert_eq!((got.width(), got.height()), (want.width(), want.height()));
    let differing = got
        .data()
        .chunks(4)
        .zip(want.data().chunks(4))
        .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 40))
        .count();
    let total = (got.width() * got.height()) as usize;
    assert!(differing * 200 < total, "{differing} of {total} pixels differ from the reference");
}
