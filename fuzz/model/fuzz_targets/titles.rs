//! Any text titled as a selected passage and as each proposal made from it, in every language
//! the date reader reads.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        citeline_model::fuzzing::titles(text);
    }
});
