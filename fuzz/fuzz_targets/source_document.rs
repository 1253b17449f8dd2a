//! Any bytes as a source document: PDF, e-mail, Word document, web page, plain text.
#![no_main]

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};

use libfuzzer_sys::fuzz_target;

thread_local! {
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

fuzz_target!(
    init: {
        // pdf-extract panics on some damaged PDFs; citeline catches those and refuses the file,
        // as it should. libFuzzer's hook would abort on them all the same, so panics are only
        // noted here, and one that escapes citeline is reported below as the crash it is.
        std::panic::set_hook(Box::new(|info| LAST_PANIC.with(|p| *p.borrow_mut() = info.to_string())));
        // A picture-sized image would be read by OCR, a second a page: the fuzzer reads scans
        // as a machine without Tesseract does (refused by name), and stays fast.
        // SAFETY: set before any other thread of this process starts.
        unsafe { std::env::set_var("CITELINE_TESSERACT", "/nonexistent/tesseract") };
    },
    |data: &[u8]| {
        if catch_unwind(AssertUnwindSafe(|| citeline::fuzzing::source_document(data))).is_err() {
            LAST_PANIC.with(|p| eprintln!("panic that citeline did not catch: {}", p.borrow()));
            std::process::abort();
        }
    }
);
