//! Any bytes as a timeline file: parse, validate, verify citations, lay out, build a scene and
//! write it as SVG. Nothing may panic, hang or blow up memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    citeline::fuzzing::load_and_draw(data);
});
