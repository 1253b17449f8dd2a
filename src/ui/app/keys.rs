//! The keyboard: shortcuts, and Esc, handled here once for the whole window.

use egui::{Key, Modifiers};

use crate::ui::command::Command;
use crate::ui::shortcuts;

use super::CitelineApp;

impl CitelineApp {
    pub(super) fn any_dialog_open(&self) -> bool {
        self.modal.is_some() || self.chooser.open
    }

    /// Keyboard shortcuts, and Esc: it closes an open menu or popup, else a dialog, else
    /// clears the search, else leaves the field that has the keyboard, else clears the
    /// selection. Handled here only.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let dialog = self.any_dialog_open();
        for (shortcut, command) in [
            // Those with Shift first, before those without could take them.
            (shortcuts::REDO, Command::Redo),
            (shortcuts::SAVE_AS, Command::ShowSaveAs),
            (shortcuts::NEW_EVENT, Command::NewEvent),
            (shortcuts::PROPOSALS, Command::ToggleProposals),
            (shortcuts::CHANGED_SOURCES, Command::ToggleChangedSources),
            (shortcuts::ADD_SOURCE, Command::ShowAddSource(None)),
            (shortcuts::REDO_Y, Command::Redo),
            (shortcuts::UNDO, Command::Undo),
            (shortcuts::SAVE, Command::Save),
            (shortcuts::OPEN, Command::OpenDialog),
            (shortcuts::NEW, Command::ShowNewTimeline),
            (shortcuts::EXPORT, Command::ShowExport),
            (shortcuts::EXPORT_TABLE, Command::ShowExportTable),
            (shortcuts::EXPORT_REPORT, Command::ShowExportReport),
            (shortcuts::QUIT, Command::Quit),
            (shortcuts::FIND, Command::FocusSearch),
            (shortcuts::GOTO, Command::ShowGoto),
            (shortcuts::FOCUS_EVENTS, Command::FocusEvents),
        ] {
            // A dialog has the keyboard: what the keys would do behind it (focus the search,
            // undo an edit, open another dialog) is not done, and the keys stay with its
            // fields. Saving and quitting still work.
            if dialog && !matches!(command, Command::Save | Command::Quit) {
                // Pressed, it is left to the dialog's field (its own undo, say), and no
                // shortcut further down takes it: Ctrl+Shift+S is not Ctrl+S.
                let pressed =
                    ctx.input(|i| i.modifiers.matches_exact(shortcut.modifiers) && i.key_pressed(shortcut.logical_key));
                if pressed {
                    break;
                }
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
        let typing = ctx.egui_wants_keyboard_input();
        if !typing
            && !self.any_dialog_open()
            && let Some(e) = self.selected
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Delete))
        {
            self.commands.push(Command::DeleteEvent(e));
        }
        if !ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            return;
        }
        if egui::Popup::is_any_open(ctx) {
            // An open menu or popup is what the user looks at: Esc closes it and nothing else.
            egui::Popup::close_all(ctx);
        } else if self.view.cancel_drag() {
            // Esc lets go of a dragged event where it was.
        } else if self.chooser.open {
            // Only the chooser: the dialog it was opened from stays.
            self.chooser.open = false;
        } else if self.escape_modal() {
            // The dialog is closed, or it is a question Esc does not answer.
        } else if self.search.is_active() {
            self.commands.push(Command::ClearSearch);
        } else if !ctx.egui_wants_keyboard_input() && !self.had_keyboard {
            // Esc in a field (or on a focused event) leaves it; the next one clears the selection.
            self.commands.push(Command::Select(None));
        }
    }
}
