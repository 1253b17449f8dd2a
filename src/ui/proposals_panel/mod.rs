//! The Proposals list: the dates citeline read in the sources, one per distinct date of a
//! sentence no event cites yet, each with its sentence (the date highlighted), its page and its
//! proposed date; Accept makes the event, Reject hides it for good (remembered in the file),
//! Accept All takes a source's. Rows are picked with a click (Ctrl and Shift pick several) and
//! decided on together; the keyboard works the list (↑ ↓, A, R). A source with none says why (no
//! dated sentences, every one cited or rejected…).

mod list;
mod reasons;

use egui::{Key, Modifiers, RichText, Ui};

pub use self::list::ListState;
use self::list::{Key as RowKey, Pick, key};
use self::reasons::why_none;
use super::command::Command;
use crate::model::date::Edtf;
use crate::model::propose::Proposal;
use crate::scene::Palette;
use crate::session::Loaded;

/// The list; `proposals` is `None` while the sources are first read.
pub(crate) fn proposals_ui(
    ui: &mut Ui,
    data: &Loaded,
    proposals: Option<&[Proposal]>,
    palette: &Palette,
    state: &mut ListState,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let count = proposals.map_or_else(String::new, |p| format!(" ({})", p.len()));
        ui.label(RichText::new(format!("Proposed Dates{count}")).strong());
        if ui.button("Close").clicked() {
            commands.push(Command::ToggleProposals);
        }
    });
    let Some(proposals) = proposals else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Reading the dates in the sources…");
        });
        return commands;
    };
    if proposals.is_empty() {
        ui.label(nothing_to_propose(data));
    }
    let shown = state.visible(proposals);
    if !shown.is_empty() {
        // The keys go to a text field while one has the keyboard: say so, rather than let
        // them seem dead.
        let hint = if ui.ctx().egui_wants_keyboard_input() {
            "A field has the keyboard: press Esc or click a row, then ↑ ↓ move · A accept · R reject"
        } else {
            "↑ ↓ move · A accept · R reject"
        };
        ui.label(RichText::new(hint).weak().small());
    }
    keyboard(ui, state, &shown, &mut commands);
    if !shown.is_empty() {
        selection_bar(ui, state, &shown, &mut commands);
    }
    by_source_ui(ui, data, proposals, &shown, palette, state, &mut commands);
    commands
}

/// Why the list is empty, in the user's terms.
fn nothing_to_propose(data: &Loaded) -> &'static str {
    let timeline = data.doc.timeline();
    if timeline.sources.is_empty() {
        "No dates to propose: the timeline has no sources yet (File › Add Source…)."
    } else if !timeline.events.is_empty() || !timeline.rejected.is_empty() {
        "Every date read in the sources is decided: an event cites its sentence, or it was rejected."
    } else {
        "No dates to propose. Sources in Spanish, Italian, English, French and German are read."
    }
}

/// The rows shown, under their source's title with its Accept All; then the sources with none,
/// and why, in a scroll area of their own.
fn by_source_ui(
    ui: &mut Ui,
    data: &Loaded,
    proposals: &[Proposal],
    shown: &[&Proposal],
    palette: &Palette,
    state: &mut ListState,
    commands: &mut Vec<Command>,
) {
    let why_none = why_none(ui, data, proposals);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let mut without = Vec::new();
        for source in &data.doc.timeline().sources {
            let mine: Vec<&Proposal> = shown.iter().copied().filter(|p| p.source == *source.id).collect();
            let title = super::text::fitted_heading(&source.title, ui.available_width(), 90.0, 40);
            if mine.is_empty() {
                if !proposals.iter().any(|p| p.source == *source.id) {
                    without.push((title, &*source.id));
                }
                continue;
            }
            egui::CollapsingHeader::new(format!("{title} ({})", mine.len()))
                .id_salt(("proposals", &*source.id))
                .default_open(true)
                .show(ui, |ui| {
                    if ui
                        .button(format!("Accept All ({})", mine.len()))
                        .on_hover_text("One undo step takes them all back")
                        .clicked()
                    {
                        state.decide(shown, &mine);
                        commands.push(Command::AcceptProposals(mine.iter().map(|p| (*p).clone()).collect()));
                    }
                    for p in &mine {
                        let row = Row { data, p, palette, shown, source_title: &source.title };
                        row.ui(ui, state, commands);
                    }
                });
        }
        if !without.is_empty() {
            ui.separator();
            ui.label(RichText::new("Sources without proposals").strong());
            for (title, id) in without {
                let why = why_none.as_ref().map_or_else(
                    || "reading…".to_owned(),
                    |list| list.iter().find(|(s, _)| s == id).map_or_else(String::new, |(_, w)| w.words()),
                );
                ui.label(format!("{title}: {why}"));
            }
        }
    });
}

/// ↑ ↓ move the cursor, A accepts and R rejects the rows picked (or the cursor's), while no
/// field takes the keys.
fn keyboard(ui: &Ui, state: &mut ListState, shown: &[&Proposal], commands: &mut Vec<Command>) {
    // The keys always have a row to work on, drawn as picked: the first until one is chosen.
    if state.cursor.is_none()
        && let Some(first) = shown.first()
    {
        state.cursor = Some(key(first));
    }
    if ui.ctx().egui_wants_keyboard_input() || shown.is_empty() {
        return;
    }
    let (up, down, accept, reject) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::A),
            i.consume_key(Modifiers::NONE, Key::R),
        )
    });
    if up {
        state.step(shown, -1);
    }
    if down {
        state.step(shown, 1);
    }
    if accept || reject {
        let chosen = state.chosen(shown);
        if chosen.is_empty() {
            return;
        }
        let list: Vec<Proposal> = chosen.iter().map(|p| (*p).clone()).collect();
        state.decide(shown, &chosen);
        state.scroll_to_cursor = true;
        commands.push(if accept { Command::AcceptProposals(list) } else { Command::RejectProposals(list) });
    }
}

/// How many rows are picked, and Accept / Reject for them all: always there (its buttons
/// enabled from two rows picked), so that the rows below never move as picks come and go.
fn selection_bar(ui: &mut Ui, state: &mut ListState, shown: &[&Proposal], commands: &mut Vec<Command>) {
    let chosen = state.chosen(shown);
    let several = chosen.len() >= 2;
    // The same words whatever is picked, and wrapped: the bar neither holds the panel wider
    // than the user made it nor changes its height as rows are picked, which would move the
    // rows under the pointer.
    ui.label(RichText::new("Ctrl- or Shift-click to pick several").weak().small());
    ui.horizontal_wrapped(|ui| {
        let n = chosen.len();
        let list = || chosen.iter().map(|p| (*p).clone()).collect::<Vec<_>>();
        let button = |ui: &mut Ui, verb: &str| {
            let b = ui.add_enabled(several, egui::Button::new(format!("{verb} Picked")));
            b.on_hover_text(format!("{verb} the {n} rows picked"))
        };
        if button(ui, "Accept").clicked() {
            commands.push(Command::AcceptProposals(list()));
            state.decide(shown, &chosen);
        } else if button(ui, "Reject").clicked() {
            commands.push(Command::RejectProposals(list()));
            state.decide(shown, &chosen);
        } else if ui.add_enabled(several, egui::Button::new("Clear")).clicked() {
            state.selected.clear();
        }
    });
}

/// One row of the list and what it needs to draw itself.
struct Row<'a> {
    data: &'a Loaded,
    p: &'a Proposal,
    palette: &'a Palette,
    shown: &'a [&'a Proposal],
    source_title: &'a str,
}

impl Row<'_> {
    fn ui(&self, ui: &mut Ui, state: &mut ListState, commands: &mut Vec<Command>) {
        let p = self.p;
        let k = key(p);
        ui.separator();
        let picked = state.selected.contains(&k) || state.cursor.as_ref() == Some(&k);
        let header = ui.horizontal(|ui| {
            let header = ui.selectable_label(picked, RichText::new(heading(p)).strong());
            if let Some(pin) = &p.pin {
                ui.label(RichText::new(pin).weak()).on_hover_text("Where the sentence is in the original");
            }
            if p.siblings > 0 {
                let others =
                    if p.siblings == 1 { "1 other date".to_owned() } else { format!("{} other dates", p.siblings) };
                ui.label(RichText::new(format!("+{others} in it")).weak().small());
            }
            header
        });
        let header = header.inner;
        if header.clicked() {
            let m = ui.input(|i| i.modifiers);
            let how = if m.shift {
                Pick::Through
            } else if m.command {
                Pick::Toggle
            } else {
                Pick::One
            };
            state.pick(self.shown, &k, how);
        }
        if state.scroll_to_cursor && state.cursor.as_ref() == Some(&k) {
            // Only as far as it takes: a row in sight stays where it is.
            header.scroll_to_me(None);
            state.scroll_to_cursor = false;
        }
        if let Some((_, text)) = self.data.doc.source(&p.source) {
            let context = state.context.contains(&k);
            // A click on the sentence picks its row, as on its heading.
            let sentence =
                egui::Label::new(sentence_job(ui, text, p, self.palette, context)).sense(egui::Sense::click());
            if ui.add(sentence).clicked() {
                state.pick(self.shown, &k, Pick::One);
            }
        }
        ui.horizontal_wrapped(|ui| self.buttons(ui, state, &k, commands));
    }

    fn buttons(&self, ui: &mut Ui, state: &mut ListState, k: &RowKey, commands: &mut Vec<Command>) {
        let p = self.p;
        // A decided row leaves at once, and the next row's button slides under the pointer: the
        // second click of a double-click would decide that row too, unseen.
        let second_click = ui.input(|i| i.pointer.button_double_clicked(egui::PointerButton::Primary));
        let accept = ui.button("Accept").on_hover_text(format!("New event: {} (A)", p.title));
        if accept.clicked() && !second_click {
            state.decide(self.shown, &[p]);
            commands.push(Command::AcceptProposals(vec![p.clone()]));
        }
        let reject = ui.button("Reject").on_hover_text("Not proposed again, remembered in the timeline file (R)");
        if reject.clicked() && !second_click {
            state.decide(self.shown, &[p]);
            commands.push(Command::RejectProposals(vec![p.clone()]));
        }
        let mut context = state.context.contains(k);
        if ui.toggle_value(&mut context, "Context").on_hover_text("The sentences before and after it").changed() {
            if context {
                state.context.insert(k.clone());
            } else {
                state.context.remove(k);
            }
        }
        ui.menu_button("Reject Like This", |ui| {
            for (label, like) in self.alike() {
                if ui.button(label).clicked() {
                    state.decide(self.shown, &like);
                    commands.push(Command::RejectProposals(like.into_iter().cloned().collect()));
                    ui.close();
                }
            }
        });
    }

    /// The kinds of rows like this one, each with its rows: from the same source, dated the
    /// same, a year alone, the same words (digits aside, as a banner repeats).
    fn alike(&self) -> Vec<(String, Vec<&Proposal>)> {
        let p = self.p;
        let pick = |f: &dyn Fn(&Proposal) -> bool| self.shown.iter().copied().filter(|q| f(q)).collect::<Vec<_>>();
        let digitless = |s: &str| s.chars().filter(|c| !c.is_ascii_digit()).collect::<String>();
        let words = digitless(&p.quote);
        let mut out = vec![
            (format!("All from “{}”", super::text::short(self.source_title, 30)), pick(&|q| q.source == p.source)),
            (
                p.when.as_ref().map_or_else(|| "All undated".to_owned(), |w| format!("All dated {w}")),
                pick(&|q| q.when == p.when),
            ),
        ];
        if p.is_bare_year() {
            out.push(("All years alone".to_owned(), pick(&|q| q.is_bare_year())));
        }
        out.push(("All with these words".to_owned(), pick(&|q| q.source == p.source && digitless(&q.quote) == words)));
        out.into_iter()
            .filter(|(_, list)| list.len() > 1)
            .map(|(label, list)| (format!("{label} ({})", list.len()), list))
            .collect()
    }
}

/// A row's heading: its date in words and in EDTF ("5 August 2013  ·  2013-08-05"), or, for a
/// sentence whose time has no date ("recently"), that it is undated.
fn heading(p: &Proposal) -> String {
    match &p.when {
        Some(w) => {
            let words = Edtf::parse(w).map_or_else(|_| w.clone(), |d| d.to_string());
            format!("{words}  ·  {w}")
        }
        None => "Undated  ·  no date to read".to_owned(),
    }
}

/// The sentence, its date expression highlighted; with `context`, the sentences around it.
fn sentence_job(ui: &Ui, text: &str, p: &Proposal, palette: &Palette, context: bool) -> egui::text::LayoutJob {
    let (from, to) = if context { around(text, &p.sentence) } else { (p.sentence.start, p.sentence.end) };
    let shown = text.get(from..to).unwrap_or_default();
    let (s, e) = (p.expression.start.max(p.sentence.start), p.expression.end.min(p.sentence.end));
    let marked = s.checked_sub(from).zip(e.checked_sub(from)).map(|(a, b)| a..b);
    let font = egui::TextStyle::Body.resolve(ui.style());
    super::text::highlighted(ui, font, palette, ui.available_width(), shown, marked)
}

/// Where the sentence before `sentence` begins and the one after it ends, read in a window of
/// the text around it (a long source is not cut into sentences for one row).
fn around(text: &str, sentence: &std::ops::Range<usize>) -> (usize, usize) {
    let floor = |mut at: usize| {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let from = floor(sentence.start.saturating_sub(600));
    let to = floor((sentence.end + 600).min(text.len()));
    let cut = crate::model::dates::sentences(&text[from..to]);
    let before = cut.iter().rev().find(|s| from + s.end <= sentence.start).map_or(sentence.start, |s| from + s.start);
    let after = cut.iter().find(|s| from + s.start >= sentence.end).map_or(sentence.end, |s| from + s.end);
    (before, after)
}
