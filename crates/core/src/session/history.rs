//! Undo and redo: each step keeps the edit that takes the document back (or forward), and the
//! state it leads to, so that undoing back to the saved state makes the document clean again.

use crate::model::edit::Edit;

/// One step of the history.
#[derive(Clone, Debug)]
pub(crate) struct Step {
    /// What the step did, in the Edit menu's words ("Move ‘Titan API’").
    pub label: String,
    /// The edit that goes the other way.
    pub edit: Edit,
    /// Steps with the same key in a row are one step (typing into one field).
    key: Option<String>,
    /// The state this step's `edit` leads to.
    state: u64,
}

#[derive(Debug, Default)]
pub(crate) struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Which state the document is in: a new number for every change, the old one back on undo.
    state: u64,
    next_state: u64,
}

impl History {
    /// Records an applied edit: `inverse` undoes it. A step with the same `key` as the last
    /// one merges into it (its inverse already goes back to before the first).
    pub fn record(&mut self, label: String, inverse: Edit, key: Option<String>) {
        self.redo.clear();
        self.next_state += 1;
        let before = std::mem::replace(&mut self.state, self.next_state);
        if let Some(last) = self.undo.last_mut()
            && key.is_some()
            && last.key == key
        {
            return;
        }
        self.undo.push(Step { label, edit: inverse, key, state: before });
    }

    /// Forgets the last step when its edit back `changes_nothing` (typing into a field that
    /// ended where it began): the document is back in the state before it, clean if that was.
    pub(crate) fn forget_last_if(&mut self, changes_nothing: impl FnOnce(&Edit) -> bool) {
        if self.undo.last().is_some_and(|s| changes_nothing(&s.edit))
            && let Some(step) = self.undo.pop()
        {
            self.state = step.state;
        }
    }

    /// The step to undo, taken off the list; give it back with [`History::undone`].
    pub(crate) fn take_undo(&mut self) -> Option<Step> {
        self.undo.pop()
    }

    /// The step to redo, taken off the list; give it back with [`History::redone`].
    pub(crate) fn take_redo(&mut self) -> Option<Step> {
        self.redo.pop()
    }

    /// `step` was undone; `redo` is the edit that does it again.
    pub fn undone(&mut self, step: Step, redo: Edit) {
        let back = std::mem::replace(&mut self.state, step.state);
        self.redo.push(Step { label: step.label, edit: redo, key: None, state: back });
    }

    /// `step` was redone; `undo` is the edit that undoes it again.
    pub(crate) fn redone(&mut self, step: Step, undo: Edit) {
        let back = std::mem::replace(&mut self.state, step.state);
        self.undo.push(Step { label: step.label, edit: undo, key: None, state: back });
    }

    /// A step that could not be applied goes back where it was.
    pub(crate) fn restore_undo(&mut self, step: Step) {
        self.undo.push(step);
    }

    pub(crate) fn restore_redo(&mut self, step: Step) {
        self.redo.push(step);
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// The current state's number.
    pub fn state(&self) -> u64 {
        self.state
    }

    /// Ends the merging of steps (the user left the field).
    pub(crate) fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.key = None;
        }
    }
}
