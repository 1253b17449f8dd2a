//! Any text through the date reader, in every language it reads (`Lang::ALL`: Spanish, Italian,
//! English, French, German).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        citeline_model::fuzzing::dates(text);
    }
});
