//! The menu bar: File, View and Help.

use std::path::PathBuf;

use egui::Ui;

use super::command::Command;
use super::shortcuts;
use crate::settings::ThemeChoice;

/// What the menus show besides their fixed items.
pub struct MenuState<'a> {
    /// File › Open Recent.
    pub recent: &'a [PathBuf],
    pub theme: ThemeChoice,
    /// What Edit › Undo and Redo would do, when they can.
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
}

/// The menu bar.
pub fn menu_ui(ui: &mut Ui, state: &MenuState) -> Vec<Command> {
    let (recent, theme) = (state.recent, state.theme);
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, recent, &mut commands));
        ui.menu_button("Edit", |ui| {
            let item = |ui: &mut Ui, verb: &str, what: Option<&str>, shortcut: &egui::KeyboardShortcut| {
                let text = what.map_or_else(|| verb.to_owned(), |w| format!("{verb} {w}"));
                let button = egui::Button::new(text).shortcut_text(ui.ctx().format_shortcut(shortcut));
                ui.add_enabled(what.is_some(), button).clicked()
            };
            if item(ui, "Undo", state.undo, &shortcuts::UNDO) {
                commands.push(Command::Undo);
            }
            if item(ui, "Redo", state.redo, &shortcuts::REDO) {
                commands.push(Command::Redo);
            }
            ui.separator();
            let new_event =
                egui::Button::new("New Event").shortcut_text(ui.ctx().format_shortcut(&shortcuts::NEW_EVENT));
            if ui.add(new_event).clicked() {
                commands.push(Command::NewEvent);
            }
        });
        ui.menu_button("View", |ui| {
            if ui.add(egui::Button::new("Fit All").shortcut_text("Home")).clicked() {
                commands.push(Command::FitAll);
            }
            let goto = egui::Button::new("Go to Date…").shortcut_text(ui.ctx().format_shortcut(&shortcuts::GOTO));
            if ui.add(goto).clicked() {
                commands.push(Command::ShowGoto);
            }
            let proposals =
                egui::Button::new("Proposed Dates").shortcut_text(ui.ctx().format_shortcut(&shortcuts::PROPOSALS));
            if ui.add(proposals).clicked() {
                commands.push(Command::ToggleProposals);
            }
            let changed = egui::Button::new("Changed Sources")
                .shortcut_text(ui.ctx().format_shortcut(&shortcuts::CHANGED_SOURCES));
            if ui.add(changed).clicked() {
                commands.push(Command::ToggleChangedSources);
            }
            ui.separator();
            let mut chosen = theme;
            ui.radio_value(&mut chosen, ThemeChoice::System, "Follow System Theme");
            ui.radio_value(&mut chosen, ThemeChoice::Light, "Light");
            ui.radio_value(&mut chosen, ThemeChoice::Dark, "Dark");
            if chosen != theme {
                commands.push(Command::SetTheme(chosen));
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("Keyboard Shortcuts").clicked() {
                commands.push(Command::ShowShortcuts);
            }
        });
    });
    commands
}

fn file_menu_ui(ui: &mut Ui, recent: &[PathBuf], commands: &mut Vec<Command>) {
    let item = |ui: &mut Ui, text: &str, shortcut: &egui::KeyboardShortcut| {
        ui.add(egui::Button::new(text).shortcut_text(ui.ctx().format_shortcut(shortcut))).clicked()
    };
    if item(ui, "New Timeline…", &shortcuts::NEW) {
        commands.push(Command::ShowNewTimeline);
    }
    if item(ui, "Open…", &shortcuts::OPEN) {
        commands.push(Command::OpenDialog);
    }
    ui.menu_button("Open Recent", |ui| {
        if recent.is_empty() {
            ui.label("No recent files");
        }
        for p in recent {
            if ui.button(p.display().to_string()).clicked() {
                commands.push(Command::Open(p.clone()));
            }
        }
    });
    if ui.button("Open Sample Timeline").clicked() {
        commands.push(Command::OpenSample);
    }
    ui.separator();
    if item(ui, "Add Source…", &shortcuts::ADD_SOURCE) {
        commands.push(Command::ShowAddSource(None));
    }
    ui.separator();
    if item(ui, "Save", &shortcuts::SAVE) {
        commands.push(Command::Save);
    }
    if item(ui, "Save As…", &shortcuts::SAVE_AS) {
        commands.push(Command::ShowSaveAs);
    }
    if item(ui, "Export Image…", &shortcuts::EXPORT) {
        commands.push(Command::ShowExport);
    }
    if item(ui, "Export Table…", &shortcuts::EXPORT_TABLE) {
        commands.push(Command::ShowExportTable);
    }
    if ui.button("Publish Page…").clicked() {
        commands.push(Command::ShowPublish);
    }
    if item(ui, "Export Report…", &shortcuts::EXPORT_REPORT) {
        commands.push(Command::ShowExportReport);
    }
    ui.separator();
    if item(ui, "Quit", &shortcuts::QUIT) {
        commands.push(Command::Quit);
    }
}
