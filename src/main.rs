//! `citeline`: opens the window, or runs a headless subcommand.

use std::process::ExitCode;

use citeline::cli::{Cli, run};
use clap::Parser;

fn main() -> ExitCode {
    // A bad option exits 1, as a bad file does: scripts tell "it failed" from "it ran".
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::FAILURE } else { ExitCode::SUCCESS };
        }
    };
    if let Some(code) = run(&cli) {
        return code;
    }
    let settings_path = citeline::settings::Settings::default_path();
    let remembered = settings_path.as_deref().map(citeline::settings::Settings::load).unwrap_or_default();
    let size = remembered.window_size.filter(|[w, h]| *w >= 400.0 && *h >= 300.0).unwrap_or([1400.0, 860.0]);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("citeline")
            .with_inner_size(size)
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let file = cli.file.clone();
    match eframe::run_native(
        "citeline",
        options,
        Box::new(move |cc| Ok(Box::new(citeline::CitelineApp::new(cc, file, settings_path)))),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("citeline: cannot open the window: {e}");
            eprintln!("(the headless commands work without a display: citeline --help)");
            ExitCode::FAILURE
        }
    }
}
