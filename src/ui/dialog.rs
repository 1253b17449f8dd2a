//! The one shape every dialog has: an egui `Modal` with a title, closed by a click beside it
//! or by Esc (which the app handles, once, for every dialog).

use egui::{Id, RichText, Ui};

use crate::scene::Palette;

/// Shows a dialog titled `title`; returns true when the user clicked outside it to close it.
pub(crate) fn dialog_ui(ctx: &egui::Context, title: &str, contents: impl FnOnce(&mut Ui)) -> bool {
    let response = egui::Modal::new(Id::unique(("dialog", title))).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.horizontal(|ui| {
            ui.heading(title);
        });
        // The rule under the title spans the dialog as wide as its contents turn out, which a
        // table of shortcuts or options may make wider than the text's measure.
        let spacing = 6.0;
        let rule_y = ui.cursor().top() + spacing / 2.0;
        ui.add_space(spacing);
        contents(ui);
        let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
        ui.painter().hline(ui.min_rect().x_range(), rule_y, stroke);
    });
    response.backdrop_response.clicked()
}

/// A dialog's last row: its action button (when `enabled`), Close (which clears `open`), then
/// the outcome of the last action. True when the action was clicked.
pub(crate) fn actions_ui(
    ui: &mut Ui,
    action: &str,
    enabled: bool,
    open: &mut bool,
    outcome: Option<&Result<String, String>>,
) -> bool {
    let mut clicked = false;
    ui.horizontal(|ui| {
        clicked = ui.add_enabled(enabled, egui::Button::new(action)).clicked();
        if ui.button("Close").clicked() {
            *open = false;
        }
    });
    outcome_ui(ui, outcome, &palette_of(ui));
    clicked
}

/// The outcome of the dialog's last action: what was done, in the success colour, or why not.
pub(crate) fn outcome_ui(ui: &mut Ui, outcome: Option<&Result<String, String>>, palette: &Palette) {
    match outcome {
        Some(Ok(m)) => {
            ui.label(RichText::new(m).color(palette.success));
        }
        Some(Err(m)) => {
            ui.colored_label(palette.problem, m);
        }
        None => {}
    }
}

/// The palette of the theme `ui` is drawn in.
pub(crate) fn palette_of(ui: &Ui) -> Palette {
    let theme = if ui.visuals().dark_mode { crate::scene::Theme::Dark } else { crate::scene::Theme::Light };
    theme.palette()
}
