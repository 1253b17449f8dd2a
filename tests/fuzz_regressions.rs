//! Replays every input kept under `tests/fuzz_regressions/` (inputs the fuzzers in `fuzz/`
//! found crashing, hanging or blowing up, and a few seeds) through the same entry points the
//! fuzzers use. Each must now pass without a panic.

use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new("tests/fuzz_regressions").join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("regression folder")
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read")))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no inputs in {}", dir.display());
    out
}

#[test]
fn load_timeline_inputs_no_longer_crash() {
    for (name, bytes) in inputs("load_timeline") {
        let result = std::panic::catch_unwind(|| citeline::fuzzing::load_and_draw(&bytes));
        assert!(result.is_ok(), "{name} panics");
    }
}

#[test]
fn edtf_inputs_no_longer_crash() {
    for (name, bytes) in inputs("edtf") {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let result = std::panic::catch_unwind(|| citeline::fuzzing::date(&text));
        assert!(result.is_ok(), "{name} ({text:?}) panics");
    }
}

#[test]
fn dates_inputs_no_longer_crash() {
    for (name, bytes) in inputs("dates") {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let result = std::panic::catch_unwind(|| citeline::fuzzing::dates(&text));
        assert!(result.is_ok(), "{name} panics");
    }
}

#[test]
fn titles_inputs_no_longer_crash() {
    for (name, bytes) in inputs("titles") {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let result = std::panic::catch_unwind(|| citeline::fuzzing::titles(&text));
        assert!(result.is_ok(), "{name} panics");
    }
}

#[test]
fn source_document_inputs_no_longer_crash() {
    for (name, bytes) in inputs("source_document") {
        let result = std::panic::catch_unwind(|| citeline::fuzzing::source_document(&bytes));
        assert!(result.is_ok(), "{name} panics");
    }
}
