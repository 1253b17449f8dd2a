//! Applying the commands that panels, menus and dialogs returned during the frame.

use super::{CitelineApp, Modal};
use crate::ui::command::{Command, Group};
use crate::ui::field;

impl CitelineApp {
    /// Applies the commands gathered during the frame.
    /// A command that needs the document as typed waits while a field holds a draft: the
    /// fields commit their drafts on the next frame, and it is applied after them.
    pub(super) fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            let typing = matches!(command, Command::Edit(_, Some(_)) | Command::SealHistory);
            if !typing && (!self.deferred.is_empty() || field::pending(ctx)) {
                self.deferred.push(command);
                field::request_flush(ctx);
                continue;
            }
            self.apply(command, ctx);
        }
    }

    /// After a frame whose fields committed their drafts: the commands that waited for them.
    pub(super) fn apply_deferred(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.deferred) {
            self.apply(command, ctx);
        }
    }

    /// Applies one command in the file of its group (`Command::group`).
    pub(super) fn apply(&mut self, command: Command, ctx: &egui::Context) {
        let drops_changes =
            // The file to open is chosen first; the question about unsaved changes comes after.
            matches!(command, Command::Open(_) | Command::OpenSample | Command::Quit);
        if drops_changes && self.session.is_dirty() && !self.close_confirmed {
            self.show_modal(Modal::Unsaved(Box::new(command)));
            return;
        }
        match command.group() {
            Group::File => self.apply_file(command, ctx),
            Group::Export => self.apply_export(command, ctx),
            Group::Edit => self.apply_edit(command),
            Group::Build => self.apply_building(command),
            Group::View => self.apply_view(command, ctx),
        }
    }
}
