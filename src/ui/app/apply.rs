//! Applying the commands that panels, menus and dialogs returned during the frame.

use super::{CitelineApp, Modal};
use crate::model::edit::Edit;
use crate::ui::command::Command;
use crate::ui::event_editor::{Field, field_of_key};
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

    /// Applies one command: the file, exporting, building and viewing commands in their own
    /// files (`file.rs`, `exports.rs`, `build.rs`, `view.rs`), editing ones here.
    pub(super) fn apply(&mut self, command: Command, ctx: &egui::Context) {
        let drops_changes =
            // The file to open is chosen first; the question about unsaved changes comes after.
            matches!(command, Command::Open(_) | Command::OpenSample | Command::Quit);
        if drops_changes && self.session.is_dirty() && !self.close_confirmed {
            self.show_modal(Modal::Unsaved(Box::new(command)));
            return;
        }
        match command {
            filing @ (Command::Open(_)
            | Command::OpenDialog
            | Command::Browse(..)
            | Command::FileChosen(..)
            | Command::OpenSample
            | Command::ShowSaveAs
            | Command::Save
            | Command::SaveAs(..)
            | Command::Quit
            | Command::Unsaved(_)
            | Command::Recover(_)
            | Command::Conflict(_)
            | Command::CancelLoading
            | Command::CancelSaving) => self.apply_file(filing, ctx),
            exporting @ (Command::ShowExport
            | Command::ShowExportTable
            | Command::ExportTable(_)
            | Command::ShowPublish
            | Command::Publish(_)
            | Command::ShowExportReport
            | Command::ExportReport(_)
            | Command::CancelExportReport
            | Command::CancelExportTable) => self.apply_export(exporting, ctx),
            Command::ShowShortcuts => self.show_modal(Modal::Shortcuts),
            Command::Undo => {
                let label = self.session.undo_label().map(str::to_owned);
                if self.session.undo() {
                    self.bring_stepped_into_sight("Undid", label);
                }
            }
            Command::Redo => {
                let label = self.session.redo_label().map(str::to_owned);
                if self.session.redo() {
                    self.bring_stepped_into_sight("Redid", label);
                }
            }
            Command::Edit(edit, key) => self.edit(edit, key),
            Command::SealHistory => self.session.seal_history(),
            Command::DeleteEvent(e) => {
                self.edit(Edit::RemoveEvent { index: e as usize }, None);
            }
            // With a passage selected in a source, the new event cites it.
            Command::NewEvent => match self.panel.source_view.selected_passage() {
                Some((source, range)) => self.event_from_passage(&source, range),
                None => self.new_event(),
            },
            building @ (Command::EventFromPassage { .. }
            | Command::CitePassage { .. }
            | Command::ShowSource(_)
            | Command::ShowAddSource(_)
            | Command::AskDeleteSource(_)
            | Command::DeleteSource(_)
            | Command::CancelDeleteSource
            | Command::AddSource(..)
            | Command::ShowNewTimeline
            | Command::NewTimeline(_)
            | Command::ToggleChangedSources
            | Command::ReadNewVersion(_)
            | Command::FindByHand { .. }
            | Command::PlaceCitation { .. }) => self.apply_building(building, ctx),
            Command::AcceptProposals(list) => self.accept_proposals(&list),
            Command::RejectProposals(list) => self.reject_proposals(&list),
            viewing @ (Command::Select(_)
            | Command::SelectResult(_)
            | Command::SelectNext
            | Command::SelectPrevious
            | Command::FitAll
            | Command::ToggleProposals
            | Command::ShowGoto
            | Command::GoTo(_)
            | Command::SetTheme(_)
            | Command::SetFilter(_)
            | Command::FocusSearch
            | Command::ClearSearch
            | Command::NextResult) => self.apply_view(viewing, ctx),
            Command::CancelAddingSource => {
                if let Some((path, _)) = self.session.adding_source() {
                    let name = super::super::status::file_name(path);
                    self.flash(format!("Stopped reading {name}: nothing was added"));
                }
                self.session.cancel_adding_source();
            }
            Command::DismissReport => self.report = None,
        }
    }

    /// Applies an edit; where it is refused, the editor says why.
    pub(super) fn edit(&mut self, edit: Edit, key: Option<String>) {
        let field = match (&edit, key.as_deref()) {
            (Edit::UpdateEvent { event, .. }, Some(k)) => field_of_key(k).map(|f| (event.id.clone(), f)),
            _ => None,
        };
        let removed = if let Edit::RemoveEvent { index } = edit { Some(index) } else { None };
        match self.session.apply_merging(edit, key) {
            Ok(()) => {
                if removed.is_some_and(|i| self.selected == u32::try_from(i).ok()) {
                    self.selected = None;
                }
            }
            Err(problems) => {
                let why = problems.iter().map(|p| p.message.clone()).collect::<Vec<_>>().join("; ");
                match field {
                    Some((id, f)) => self.panel.editor.refused(&id, f, why),
                    None => self.report = Some(crate::session::Report::failed(why)),
                }
            }
        }
        let events = self.session.data().doc.events().len();
        if self.selected.is_some_and(|e| e as usize >= events) {
            self.selected = None;
        }
    }

    /// After an undo or redo: the event it changed is selected and brought into view; when it
    /// was off screen, the status strip says what was done there.
    fn bring_stepped_into_sight(&mut self, done: &str, label: Option<String>) {
        let Some(e) = self.session.stepped_event().and_then(|e| u32::try_from(e).ok()) else { return };
        if e as usize >= self.session.data().doc.events().len() {
            return;
        }
        let off_screen = !self.on_screen(e);
        self.select(Some(e));
        if off_screen && let Some(label) = label {
            self.flash(format!("{done} {label}, off screen: the view went there"));
        }
    }

    /// Whether event `e` is dated within the view as it stands (or is heading).
    fn on_screen(&self, e: u32) -> bool {
        let Some(span) = self.session.data().doc.span(e as usize) else { return true };
        let view = self.view.view;
        span.end >= view.min && span.start <= view.min + view.span
    }

    /// Remembers in the document that `list` was rejected (one undo step).
    fn reject_proposals(&mut self, list: &[crate::model::propose::Proposal]) {
        let first = self.session.data().doc.timeline().rejected.len();
        let mut edits: Vec<Edit> = Vec::new();
        for p in list {
            let rejected = p.rejected();
            if edits.iter().any(|e| matches!(e, Edit::AddRejected { rejected: r, .. } if *r == rejected)) {
                continue;
            }
            edits.push(Edit::AddRejected { index: first + edits.len(), rejected });
        }
        let edit = if edits.len() == 1 { edits.remove(0) } else { Edit::Batch(edits) };
        self.edit(edit, None);
    }

    /// Events made of `proposals`, added at the end as one undo step; the last one selected.
    fn accept_proposals(&mut self, proposals: &[crate::model::propose::Proposal]) {
        let doc = &self.session.data().doc;
        let first = doc.events().len();
        let ids = crate::model::edit::unique_event_ids(doc, "date", proposals.len());
        let mut edits: Vec<Edit> = proposals
            .iter()
            .zip(ids)
            .enumerate()
            .map(|(k, (p, id))| Edit::AddEvent { index: first + k, event: p.event(id) })
            .collect();
        let edit = if edits.len() == 1 { edits.remove(0) } else { Edit::Batch(edits) };
        self.edit(edit, None);
        let now = self.session.data().doc.events().len();
        if now > first {
            self.select(u32::try_from(now - 1).ok());
        }
    }

    /// A new event dated by the month in the middle of the view, selected with its title ready.
    fn new_event(&mut self) {
        let doc = &self.session.data().doc;
        let id = crate::model::edit::unique_event_id(doc, "event");
        let when = crate::model::date::month_holding(self.view.view.center());
        let event = crate::model::Event {
            id: id.into(),
            title: "New event".into(),
            when: Some(when.into()),
            ..Default::default()
        };
        let index = doc.events().len();
        self.edit(Edit::AddEvent { index, event }, None);
        if self.session.data().doc.events().len() > index {
            self.select(u32::try_from(index).ok());
            self.panel.editor.focus = Some(Field::Title);
        }
    }
}
