//! Keyboard shortcuts, and the window that lists them (Help › Keyboard Shortcuts).

use egui::{Key, KeyboardShortcut, Modifiers, RichText};

pub(crate) const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub(crate) const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub(crate) const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
/// File › Export Table…
pub(crate) const EXPORT_TABLE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::T);
/// File › Export Report…: the printing shortcut (Ctrl+Shift+E adds an event).
pub(crate) const EXPORT_REPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::P);
pub(crate) const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
pub(crate) const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub(crate) const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub(crate) const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub(crate) const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub(crate) const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub(crate) const NEW_EVENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::E);
pub(crate) const GOTO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::G);
pub(crate) const PROPOSALS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::D);
/// View › Changed Sources: the review of quotes in sources' new versions.
pub(crate) const CHANGED_SOURCES: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::R);
/// File › Add Source…
pub(crate) const ADD_SOURCE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::A);
/// The keyboard to the events on the timeline, past the side panels' controls.
pub(crate) const FOCUS_EVENTS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F6);
/// Redo as Windows and Linux users also know it.
pub(crate) const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

/// The shortcuts dialog, while `open`; cleared when the user closes it.
pub(crate) fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    if !*open {
        return;
    }
    let mut close = false;
    let outside = super::dialog::dialog_ui(ctx, "Keyboard Shortcuts", |ui| {
        egui::Grid::new("shortcuts").num_columns(2).striped(true).show(ui, |ui| {
            for (keys, what) in [
                ("← / →", "Select the previous / next event"),
                ("Home, double-click", "Fit all events"),
                ("+ / −", "Zoom in / out"),
                ("Mouse wheel, pinch", "Zoom around the pointer"),
                ("Drag", "Pan (and scroll lanes)"),
                (
                    &ctx.format_shortcut(&FOCUS_EVENTS),
                    "Move the keyboard to the events on screen (the selected one, else the first)",
                ),
                ("Tab / Shift+Tab", "Move between controls and the events on screen; Space or Enter selects one"),
                ("Enter", "Zoom to the selected event; in the search field, go to the next result"),
                (
                    "Esc",
                    "Close a menu or dialog, else clear the search, else leave the field, else clear the selection",
                ),
                (&ctx.format_shortcut(&FIND), "Search"),
                (&ctx.format_shortcut(&NEW), "New timeline"),
                (&ctx.format_shortcut(&OPEN), "Open a timeline"),
                (&ctx.format_shortcut(&SAVE), "Save (in the file's format, when it holds everything)"),
                (&ctx.format_shortcut(&UNDO), "Undo"),
                (
                    &ctx.format_shortcut(&NEW_EVENT),
                    "New event: from the passage selected in a source, else in the middle of the view",
                ),
                (&ctx.format_shortcut(&ADD_SOURCE), "Add a source document"),
                ("Delete", "Delete the selected event"),
                (&ctx.format_shortcut(&GOTO), "Go to a date or interval"),
                (&ctx.format_shortcut(&PROPOSALS), "Show or hide the dates proposed from the sources"),
                (&ctx.format_shortcut(&CHANGED_SOURCES), "Review the quotes of sources that changed"),
                (&format!("{}, {}", ctx.format_shortcut(&REDO), ctx.format_shortcut(&REDO_Y)), "Redo"),
                (&ctx.format_shortcut(&SAVE_AS), "Save as citeline, TimelineJS JSON or CSV"),
                (&ctx.format_shortcut(&EXPORT), "Export an image"),
                (&ctx.format_shortcut(&EXPORT_TABLE), "Export the chronology as a table (XLSX or CSV)"),
                (&ctx.format_shortcut(&EXPORT_REPORT), "Export the chronology as a report (PDF or Word)"),
                (&ctx.format_shortcut(&QUIT), "Quit"),
            ] {
                ui.label(RichText::new(keys).monospace());
                ui.label(what);
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        close = ui.button("Close").clicked();
    });
    if close || outside {
        *open = false;
    }
}
