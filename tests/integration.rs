//! The integration tests, one module per area, in one test binary: each binary links egui, wgpu
//! and the PDF stack, and CI's two cores spent minutes linking one per file. `real_window.rs`
//! stays its own binary: it types into the program at a person's speed and wants the machine to
//! itself. Run one area with `cargo test --test integration ui_typing::`.

mod common;

mod architecture;
mod build_cli;
mod check_cli;
mod convert_cli;
mod date_quality;
mod dates_cli;
mod export_image;
mod fuzz_regressions;
mod publish_page;
mod report;
mod seed_timeline;
mod sources;
mod timelinejs;
mod ui_building;
mod ui_components;
mod ui_editing;
mod ui_feedback;
mod ui_file_chooser;
mod ui_proposals;
mod ui_snapshots;
mod ui_typing;
mod ui_window;
