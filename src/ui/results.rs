//! The search results, with their dates; a click selects one and brings it into view.

use egui::{RichText, Ui};

use super::command::Command;
use crate::session::Loaded;
use crate::session::search::SearchResults;

/// How many search results the list shows; the timeline highlights all of them.
const MAX_LISTED_RESULTS: usize = 500;

/// The list; `scroll_to_selected` scrolls it to the selection once.
pub fn results_ui(
    ui: &mut Ui,
    data: &Loaded,
    results: Option<&SearchResults>,
    selected: Option<u32>,
    scroll_to_selected: bool,
) -> Vec<Command> {
    let Some(results) = results else {
        ui.label("Searching…");
        return Vec::new();
    };
    ui.label(RichText::new(format!("Results ({})", results.events.len())).strong());
    if results.events.is_empty() && results.sources.is_empty() {
        ui.label(
            "Nothing matches. Search ignores case and accents, and looks in titles, summaries, tags, quotes \
             and the titles of sources.",
        );
        return Vec::new();
    }
    let mut commands = Vec::new();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let sources = &data.doc.timeline().sources;
        if !results.sources.is_empty() {
            ui.label(RichText::new(format!("Sources ({})", results.sources.len())).weak());
            for source in results.sources.iter().filter_map(|&i| sources.get(i)) {
                let r =
                    ui.selectable_label(false, format!("Source: {}", source.title)).on_hover_text("Show this source");
                if r.clicked() {
                    commands.push(Command::ShowSource(source.id.to_string()));
                }
            }
            ui.separator();
        }
        for &e in results.events.iter().take(MAX_LISTED_RESULTS) {
            let title = data.doc.events().get(e as usize).map(|ev| &*ev.title).unwrap_or_default();
            let text = format!("{} — {title}", data.doc.date_label(e as usize));
            let r = ui.selectable_label(selected == Some(e), text);
            if r.clicked() {
                commands.push(Command::SelectResult(e));
            }
            if selected == Some(e) && scroll_to_selected {
                r.scroll_to_me(None);
            }
        }
        if results.events.len() > MAX_LISTED_RESULTS {
            ui.label(format!("…and {} more, highlighted on the timeline", results.events.len() - MAX_LISTED_RESULTS));
        }
    });
    commands
}
