//! Changes to the events: edits as typed or chosen, undo and redo, new events and accepted or
//! rejected proposals.

use super::CitelineApp;
use crate::model::edit::Edit;
use crate::ui::command::Command;
use crate::ui::event_editor::{Field, field_of_key};

impl CitelineApp {
    /// Applies one of the commands that change the events (`Group::Edit`).
    pub(super) fn apply_edit(&mut self, command: Command) {
        match command {
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
            Command::DeleteEvent(e) => self.edit(Edit::RemoveEvent { index: e as usize }, None),
            // With a passage selected in a source, the new event cites it.
            Command::NewEvent => match self.panel.source_view.selected_passage() {
                Some((source, range)) => self.event_from_passage(&source, range),
                None => self.new_event(),
            },
            Command::AcceptProposals(list) => self.accept_proposals(&list),
            Command::RejectProposals(list) => self.reject_proposals(&list),
            // `apply` sends only the commands above here.
            _ => {}
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
            self.panel.editor.unfold = true;
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
