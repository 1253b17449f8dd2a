//! Any bytes as a source document: PDF, e-mail, Word document, plain text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    citeline::fuzzing::source_document(data);
});
