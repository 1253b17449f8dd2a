//! View › Go to Date… (Ctrl+G): type an EDTF date or interval, and the view moves there. A
//! date that cannot be read says why as it is typed.

use super::command::Command;
use super::dialog::{actions_ui, dialog_ui};
use crate::layout::axis::TimeView;
use crate::model::date::Edtf;

#[derive(Default)]
pub(crate) struct GotoDialog {
    pub text: String,
    focus: bool,
}

/// The view that shows `text`'s date: its span with a margin on each side; or why there is none.
pub(crate) fn view_of(text: &str) -> Result<TimeView, String> {
    let date = Edtf::parse(text).map_err(|e| e.message)?;
    let span = date.span();
    if span.open_start || span.open_end || !span.start.is_finite() || !span.end.is_finite() {
        return Err("an interval needs both ends to go to".into());
    }
    // A day is shown with a little around it; a century with a tenth on each side.
    let width = (span.end - span.start).max(1.0);
    let margin = (width * 0.1).max(3.0);
    Ok(TimeView { min: span.start - margin, span: width + 2.0 * margin }.sanitized())
}

impl GotoDialog {
    pub fn show(&mut self) {
        self.focus = true;
    }

    pub fn ui(&mut self, ctx: &egui::Context, open: &mut bool) -> Option<Command> {
        if !*open {
            return None;
        }
        let mut command = None;
        let clicked_outside = dialog_ui(ctx, "Go to Date", |ui| {
            let parsed = view_of(self.text.trim());
            ui.horizontal(|ui| {
                let label = ui.label("Date (EDTF)");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.text)
                            .hint_text("2013-08, 2011/2019, 199X")
                            .desired_width(240.0),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    // What was typed last time is selected, for typing over.
                    super::field::focus_selecting(ui.ctx(), field.id, 0..self.text.chars().count());
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    match &parsed {
                        Ok(view) => command = Some(Command::GoTo(*view)),
                        // Refused: the field keeps the keyboard, so typing goes on mending it.
                        Err(_) => field.request_focus(),
                    }
                }
            });
            let said = match (&parsed, self.text.trim().is_empty()) {
                (_, true) => None,
                (Ok(_), false) => Edtf::parse(self.text.trim()).ok().map(|d| Ok(d.to_string())),
                (Err(why), false) => Some(Err(format!("Not a date citeline reads: {why}"))),
            };
            ui.separator();
            if actions_ui(ui, "Go", parsed.is_ok(), open, said.as_ref())
                && let Ok(view) = parsed
            {
                command = Some(Command::GoTo(view));
            }
        });
        if clicked_outside || command.is_some() {
            *open = false;
        }
        command
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_or_interval_becomes_a_view_around_it_and_a_bad_one_says_why() {
        let v = view_of("2011/2019").expect("an interval");
        let (a, b) = (crate::model::date::year_start(2011), crate::model::date::year_start(2020));
        assert!(v.min < a && v.max() > b && v.span < (b - a) * 1.3, "{v:?}");
        assert!(view_of("2013-08-05").expect("a day").span >= 7.0, "a day with some room around it");
        assert!(view_of("2013-13").is_err());
        assert!(view_of("2011/..").expect_err("open").contains("both ends"));
    }
}
