//! A text field bound to a value of the document that keeps exactly what is typed while it is
//! being typed, and commits it (the caller normalises: trims, splits tags) only when the user
//! presses Enter, leaves the field, or pauses on a value that reads; never on a keystroke.
//!
//! The draft lives in egui's memory beside the `TextEdit`'s own state, keyed by the field's id.
//! It follows the document while it is not being typed into (an undo, a drag, another event),
//! and is never rewritten from the document while typing: the normalised value the document
//! took is not fed back into the field until the user leaves it.
//!
//! A command that needs the document as typed (Save, Undo, selecting another event, quitting)
//! waits for the drafts: the app asks for a flush ([`request_flush`]), every field with a draft
//! commits it on the next frame, and the command is applied after those commits.

use egui::{Context, Id, Ui};

/// How long typing must pause before a value that reads is committed.
pub(crate) const PAUSE: f64 = 0.6;

/// What a field remembers between frames.
#[derive(Clone, Debug, Default)]
struct Draft {
    /// The text as typed (or the document's value when nothing is being typed).
    text: String,
    /// The document's value as last seen, to tell another change (an undo) from our own commit.
    seen: String,
    /// When the draft was last typed into, while it is not committed.
    typed_at: Option<f64>,
    /// A commit was just handed out: the next value the document shows is its outcome.
    awaiting: bool,
    /// Why the draft, as typed, could not be committed: it stays as typed, with the reason.
    problem: Option<String>,
}

/// Drafts across all fields, for the app: were any left uncommitted, is a flush asked for,
/// does a field hold what it could not take.
#[derive(Clone, Debug, Default)]
struct Drafts {
    /// A field shown last frame holds text it did not take: what and why.
    refused: Option<String>,
    /// A field ended its last frame with an uncommitted draft.
    pending: bool,
    /// The app asked for every draft to be committed on the next frame.
    flush_requested: bool,
    /// This frame commits every draft.
    flushing: bool,
}

fn drafts_id() -> Id {
    Id::unique("citeline-drafts")
}

fn drafts(ctx: &Context) -> Drafts {
    ctx.data(|d| d.get_temp::<Drafts>(drafts_id())).unwrap_or_default()
}

fn update_drafts(ctx: &Context, f: impl FnOnce(&mut Drafts)) {
    ctx.data_mut(|d| f(d.get_temp_mut_or_default::<Drafts>(drafts_id())));
}

/// The characters of the file's name before `.citeline.json` (or its last dot) in `path`:
/// what a dialog selects when it proposes a file, so that typing names it.
pub(crate) fn file_stem(path: &str) -> std::ops::Range<usize> {
    let name_at = path.rfind(['/', '\\']).map_or(0, |i| i + 1);
    let name = &path[name_at..];
    let end = name.find(".citeline.json").or_else(|| name.rfind('.')).unwrap_or(name.len());
    let chars = |s: &str| s.chars().count();
    chars(&path[..name_at])..chars(&path[..name_at + end])
}

/// Gives the text field `id` the keyboard with the characters `chars` selected (an empty
/// range puts the cursor there): ready for typing over.
pub(crate) fn focus_selecting(ctx: &Context, id: egui::Id, chars: std::ops::Range<usize>) {
    ctx.memory_mut(|m| m.request_focus(id));
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let (a, b) = (egui::text::CCursor::new(chars.start), egui::text::CCursor::new(chars.end));
    state.cursor.set_char_range(Some(egui::text::CCursorRange::two(a, b)));
    state.store(ctx, id);
}

/// Whether a field ended its last frame with a draft not yet committed.
pub fn pending(ctx: &Context) -> bool {
    drafts(ctx).pending
}

/// What a field shown last frame holds and did not take, and why ("“2013-13”: not a date…"):
/// saving then keeps the document's value, and should say so.
pub fn refused(ctx: &Context) -> Option<String> {
    drafts(ctx).refused
}

/// Asks every field with a draft to commit it on the next frame.
pub(crate) fn request_flush(ctx: &Context) {
    update_drafts(ctx, |d| d.flush_requested = true);
    ctx.request_repaint();
}

/// Starts a frame's fields: true when this frame commits every draft (a flush was asked for).
pub(crate) fn begin_frame(ctx: &Context) -> bool {
    let mut flushing = false;
    update_drafts(ctx, |d| {
        d.pending = false;
        d.refused = None;
        d.flushing = std::mem::take(&mut d.flush_requested);
        flushing = d.flushing;
    });
    flushing
}

/// Ends a frame's fields.
pub(crate) fn end_frame(ctx: &Context) {
    update_drafts(ctx, |d| d.flushing = false);
}

/// Why a text cannot be committed, if it cannot.
pub(crate) type Check<'a> = &'a dyn Fn(&str) -> Option<String>;

/// A text field for one value of the document.
pub(crate) struct TextField<'a> {
    id: Id,
    value: &'a str,
    rows: Option<usize>,
    hint: &'a str,
    label: Option<Id>,
    width: f32,
    check: Option<Check<'a>>,
}

/// What a field did this frame.
pub struct Typed {
    /// Commit this text now (as typed: the caller normalises it).
    pub commit: Option<String>,
    /// The user left the field: the next edit is a new undo step.
    pub left: bool,
    /// The text as typed while it is not committed (for a preview), else `None`.
    pub draft: Option<String>,
    /// The text shown in the field.
    pub text: String,
    /// Why the text as typed was not committed.
    pub problem: Option<String>,
}

impl<'a> TextField<'a> {
    /// A one-line field for `value`, its state kept under `id_salt` (make it name what the
    /// value belongs to, so that each event keeps its own draft).
    pub(crate) fn singleline(id_salt: impl std::hash::Hash + std::fmt::Debug, value: &'a str) -> Self {
        Self {
            id: Id::unique(("citeline-field", id_salt)),
            value,
            rows: None,
            hint: "",
            label: None,
            width: f32::INFINITY,
            check: None,
        }
    }

    /// A field of several lines (Enter starts a new line; leaving or pausing commits).
    pub(crate) fn multiline(id_salt: impl std::hash::Hash + std::fmt::Debug, value: &'a str, rows: usize) -> Self {
        Self { rows: Some(rows), ..Self::singleline(id_salt, value) }
    }

    #[must_use]
    pub fn hint(mut self, hint: &'a str) -> Self {
        self.hint = hint;
        self
    }

    /// The label that names the field (for screen readers and tests).
    #[must_use]
    pub(crate) fn labelled_by(mut self, label: Id) -> Self {
        self.label = Some(label);
        self
    }

    /// Why a text cannot be committed; such a text is kept as typed and never committed.
    #[must_use]
    pub fn check(mut self, check: Check<'a>) -> Self {
        self.check = Some(check);
        self
    }

    /// The widget id of the text field (to give it the keyboard focus).
    pub fn id(&self) -> Id {
        self.id
    }

    pub fn show(self, ui: &mut Ui) -> Typed {
        let ctx = ui.ctx().clone();
        let now = ui.input(|i| i.time);
        let flushing = drafts(&ctx).flushing;
        let mut d = ctx.data(|m| m.get_temp::<Draft>(self.id)).unwrap_or_else(|| Draft {
            text: self.value.to_owned(),
            seen: self.value.to_owned(),
            ..Draft::default()
        });
        if std::mem::take(&mut d.awaiting) {
            self.value.clone_into(&mut d.seen);
        } else if d.seen != self.value {
            // Changed from elsewhere (undo, a drag): shown unless the user is typing over it.
            self.value.clone_into(&mut d.seen);
            if d.typed_at.is_none() {
                self.value.clone_into(&mut d.text);
                d.problem = None;
            }
        }
        let focused = ctx.memory(|m| m.has_focus(self.id));
        if !focused && d.typed_at.is_none() && d.problem.is_none() && d.text != self.value {
            // Left: the field shows the value as the document took it.
            self.value.clone_into(&mut d.text);
        }
        let edit = match self.rows {
            Some(rows) => egui::TextEdit::multiline(&mut d.text).desired_rows(rows),
            None => egui::TextEdit::singleline(&mut d.text),
        };
        let mut response = ui.add(edit.id(self.id).hint_text(self.hint).desired_width(self.width));
        if let Some(label) = self.label {
            response = response.labelled_by(label);
        }
        if response.gained_focus() && ui.input(|i| i.key_pressed(egui::Key::Tab)) {
            // Reached with Tab, as in every desktop form: what it holds is selected, for
            // typing over.
            focus_selecting(&ctx, self.id, 0..d.text.chars().count());
        }
        if response.changed() {
            d.typed_at = Some(now);
            d.problem = None;
        }
        let mut commit = None;
        if let Some(typed_at) = d.typed_at {
            let problem = self.check.and_then(|c| c(&d.text));
            let forced = flushing || !response.has_focus();
            let paused = now - typed_at >= PAUSE;
            if forced || paused {
                d.typed_at = None;
                if let Some(p) = problem {
                    d.problem = Some(p);
                } else {
                    commit = Some(d.text.clone());
                    d.awaiting = true;
                }
            } else {
                // Check again when the pause is long enough.
                let wait = (PAUSE - (now - typed_at)).max(0.0) + 0.01;
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
                update_drafts(&ctx, |s| s.pending = true);
            }
        }
        if let Some(problem) = &d.problem {
            let said = format!("“{}” was not taken ({problem})", d.text.trim());
            update_drafts(&ctx, |s| s.refused = Some(said));
        }
        let typed = Typed {
            left: response.lost_focus(),
            commit,
            draft: d.typed_at.map(|_| d.text.clone()),
            text: d.text.clone(),
            problem: d.problem.clone(),
        };
        ctx.data_mut(|m| m.insert_temp(self.id, d));
        typed
    }
}

/// Keys typed while the window was slow can share a frame with a click that moves the
/// keyboard to another field: egui gives that frame's text to no field (the keyboard leaves
/// the old one as the frame begins and reaches the new one as it ends). So the events from the
/// first press of a button on, when something was typed before it, are held for the next
/// frame (`held`, given back first then), and so is what was typed after a click: what was
/// typed before the click reaches the field it was typed in, what was typed after reaches the
/// next. True when events are held: another
/// frame is wanted at once.
pub(crate) fn hold_after_press(raw: &mut egui::RawInput, held: &mut Vec<egui::Event>) -> bool {
    let mut events = std::mem::take(held);
    events.append(&mut raw.events);
    let typed = |e: &egui::Event| matches!(e, egui::Event::Text(_) | egui::Event::Key { .. } | egui::Event::Paste(_));
    if let Some(p) = events.iter().position(|e| matches!(e, egui::Event::PointerButton { pressed: true, .. })) {
        // Typed before the press: the press waits. Else typed after it: that typing waits for
        // the frame after the click's.
        let cut =
            if events[..p].iter().any(typed) { Some(p) } else { events[p..].iter().position(typed).map(|t| p + t) };
        if let Some(cut) = cut {
            *held = events.split_off(cut);
        }
    }
    raw.events = events;
    !held.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_and_a_click_in_one_frame_are_given_out_in_order_over_three() {
        let press = |pressed| egui::Event::PointerButton {
            pos: egui::pos2(1.0, 1.0),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        let text = |t: &str| egui::Event::Text(t.to_owned());
        let mut held = Vec::new();
        let mut raw =
            egui::RawInput { events: vec![text("a"), press(true), press(false), text("b")], ..Default::default() };
        assert!(hold_after_press(&mut raw, &mut held));
        assert_eq!(raw.events, [text("a")]);
        let mut raw = egui::RawInput::default();
        assert!(hold_after_press(&mut raw, &mut held));
        assert_eq!(raw.events, [press(true), press(false)]);
        let mut raw = egui::RawInput { events: vec![text("c")], ..Default::default() };
        assert!(!hold_after_press(&mut raw, &mut held));
        assert_eq!(raw.events, [text("b"), text("c")]);
        // A click or a drag alone, or typing alone, passes as it came.
        let mut raw = egui::RawInput { events: vec![press(true), press(false)], ..Default::default() };
        assert!(!hold_after_press(&mut raw, &mut held));
        assert_eq!(raw.events.len(), 2);
    }
}
