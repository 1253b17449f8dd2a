//! Any text through the date reader, in Spanish, Italian and English.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        citeline::fuzzing::dates(text);
    }
});
