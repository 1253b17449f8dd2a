//! Any string as an EDTF date: parse, span, and format it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        citeline_model::fuzzing::date(text);
    }
});
