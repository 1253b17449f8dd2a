//! `citeline convert`, `check` and `export` on TimelineJS files, as a newsroom scripts them.

use crate::common;

use common::citeline;

const SEED: &str = "assets/timelines/netflix-facebook.citeline.json";

#[test]
fn convert_follows_the_output_name_and_each_result_checks_and_exports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = |name: &str| dir.path().join(name).to_str().expect("path").to_owned();
    let (json, csv, back) = (path("seed.json"), path("seed.csv"), path("back.citeline.json"));

    let (code, out) = citeline(&["convert", SEED, "-o", &json]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("TimelineJS JSON") && out.contains("3 undated events left out"), "{out}");
    let written = std::fs::read_to_string(&json).expect("written");
    assert!(
        written.contains("\"start_date\"") && written.contains("data-citeline-source"),
        "TimelineJS with citations"
    );

    let (code, out) = citeline(&["convert", &json, "-o", &csv]);
    assert_eq!(code, 0, "{out}");
    assert!(std::fs::read_to_string(&csv).expect("csv").starts_with("Year,Month,Day,Time,End Year"));

    let (code, out) = citeline(&["convert", &csv, "-o", &back]);
    assert_eq!(code, 0, "{out}");
    let reread: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&back).expect("back")).expect("json");
    assert_eq!(reread["events"].as_array().map(Vec::len), Some(6), "the six dated events");

    // check and export take TimelineJS files as they are.
    let (code, out) = citeline(&["check", &json]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("6 events (6 dated)"), "{out}");
    let (code, out) = citeline(&["check", &csv]);
    assert_eq!(code, 0, "warnings only: {out}");
    assert!(out.contains("not checked (no source text)") && out.contains("warning"), "{out}");
    // The image shows the spreadsheet's events: the same picture as its SVG, which holds their
    // headlines as text.
    let (png, svg) = (path("news.png"), path("news.svg"));
    for out_file in [&png, &svg] {
        let (code, out) = citeline(&["export", "tests/fixtures/timelinejs/template.csv", "-o", out_file]);
        assert_eq!(code, 0, "{out}");
    }
    let svg = std::fs::read_to_string(&svg).expect("svg");
    for headline in ["Titan API", "A phone call", "Big Bang", "Ides of March", "Partnership", "Data access"] {
        assert!(svg.contains(headline), "{headline} is drawn");
    }
    let decode = |bytes: &[u8]| resvg::tiny_skia::Pixmap::decode_png(bytes).expect("decodes");
    let got = decode(&std::fs::read(&png).expect("png"));
    let want = decode(&citeline::export::png::svg_to_png(&svg, 1.0).expect("renders"));
    assert_eq!((got.width(), got.height()), (want.width(), want.height()));
    assert_eq!(got.width(), 1920, "the default width");
    let differ = got.pixels().iter().zip(want.pixels()).filter(|(a, b)| a != b).count();
    assert_eq!(differ, 0, "the PNG is its SVG drawn");
}

#[test]
fn convert_to_overrides_the_name_and_bad_input_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_path = dir.path().join("timeline.txt");
    let out_str = out_path.to_str().expect("path");
    let (code, out) = citeline(&["convert", SEED, "-o", out_str]);
    assert_eq!(code, 1);
    assert!(out.contains("cannot tell the format") && out.contains("--to"), "{out}");
    let (code, out) = citeline(&["convert", SEED, "-o", out_str, "--to", "csv"]);
    assert_eq!(code, 0, "{out}");
    assert!(std::fs::read_to_string(&out_path).expect("csv").starts_with("Year,"));

    let json = dir.path().join("from-bad.json");
    let (code, out) = citeline(&["convert", "tests/fixtures/timelinejs/bad.csv", "-o", json.to_str().expect("path")]);
    assert_eq!(code, 1);
    assert!(
        out.contains("bad.csv: row 2, field `Month`") && out.contains("row 6, field `Time`"),
        "every problem: {out}"
    );
    assert!(!json.exists(), "nothing written from a broken file");
    let (code, out) = citeline(&["check", "tests/fixtures/timelinejs/bad.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("event \"month-13\", field `start_date.month`"), "{out}");
}
