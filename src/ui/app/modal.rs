//! The one dialog open over the window, in one slot: Esc empties it, "a dialog is open" is
//! whether it holds one, and a new dialog is a new variant. The file chooser, opened from a
//! dialog, stands over it on its own and is not held here.

use crate::session::journal::Recovery;
use crate::ui::command::Command;

use super::CitelineApp;

#[derive(Debug)]
pub enum Modal {
    /// File › Export Image….
    Export,
    /// File › Export Report….
    ExportReport,
    /// File › Save As….
    SaveAs,
    /// File › Add Source….
    AddSource,
    /// File › New Timeline….
    NewTimeline,
    /// View › Go to Date….
    GoTo,
    /// Help › Keyboard Shortcuts.
    Shortcuts,
    /// "Save your changes first?", before the command that would lose them.
    Unsaved(Box<Command>),
    /// Edits a crash left unsaved: restore or discard them.
    Recovery(Recovery),
    /// The open file changed on disk while there were unsaved edits: whose version?
    Conflict,
    /// A source that events cite, asked to be deleted: confirm first.
    DeleteSource(String),
}

impl Modal {
    /// A question that must be answered: Esc does not put it away, and no other dialog
    /// takes its place.
    fn must_answer(&self) -> bool {
        matches!(self, Self::Recovery(_) | Self::Conflict)
    }
}

impl CitelineApp {
    /// Asks for `command`, applied after the next frame as if a menu or a key had asked: how
    /// tests and scripts drive the window.
    pub fn command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The dialog open, if one is.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// Opens `modal` in place of the dialog open, unless that one must be answered first.
    pub(super) fn show_modal(&mut self, modal: Modal) {
        if self
            .modal
            .as_ref()
            .is_some_and(|m| m.must_answer() && std::mem::discriminant(m) != std::mem::discriminant(&modal))
        {
            return;
        }
        self.modal = Some(modal);
    }

    /// Closes the dialog open, if `is` says it is that one.
    pub(super) fn close_modal(&mut self, is: impl Fn(&Modal) -> bool) {
        if self.modal.as_ref().is_some_and(is) {
            self.modal = None;
        }
    }

    /// Esc: closes the dialog open unless it must be answered; true when there was one.
    pub(super) fn escape_modal(&mut self) -> bool {
        match &self.modal {
            Some(m) if m.must_answer() => true,
            Some(_) => {
                self.modal = None;
                true
            }
            None => false,
        }
    }
}
