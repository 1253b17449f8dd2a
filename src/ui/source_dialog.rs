//! File › Add Source…: a text file (or text pasted in), with its title, publisher, language,
//! address and publication date; the language is told from the text when not given.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::command::{Command, Purpose, SourceInput};
use super::dialog::{actions_ui, dialog_ui};
use crate::model::Source;
use crate::session::sources::SourceDetails;

#[derive(Default)]
pub struct SourceDialog {
    pub path: String,
    pub pasted: String,
    title: String,
    publisher: String,
    language: String,
    url: String,
    published: String,
    /// The id of the source the document is a new version of, if it is one.
    replaces: Option<String>,
    /// Why the last try failed.
    pub message: Option<Result<String, String>>,
    /// Just shown: the document field takes the keyboard.
    focus: bool,
    /// Enter was pressed in the document field or a detail's: add it.
    entered: bool,
}

impl SourceDialog {
    pub fn show(&mut self, file: Option<PathBuf>) {
        *self =
            Self { path: file.map(|f| f.display().to_string()).unwrap_or_default(), focus: true, ..Self::default() };
    }

    /// The dialog; `sources` are the timeline's, one of which the document may be a new
    /// version of.
    pub fn ui(&mut self, ctx: &egui::Context, sources: &[Source], open: &mut bool) -> Option<Command> {
        if !*open {
            return None;
        }
        let mut command = None;
        let clicked_outside = dialog_ui(ctx, "Add Source", |ui| {
            if self.text_ui(ui) {
                let start = Some(self.path.trim()).filter(|p| !p.is_empty()).map(PathBuf::from);
                command = Some(Command::Browse(Purpose::AddSource, start));
            }
            ui.separator();
            self.version_ui(ui, sources);
            // A new version keeps the source's details: shown, not editable, so that nothing
            // moves under the pointer when it is chosen.
            let new_source = self.replaces.is_none();
            ui.add_enabled_ui(new_source, |ui| self.details_ui(ui));
            ui.separator();
            let ready = !self.path.trim().is_empty() || !self.pasted.trim().is_empty();
            let message = self.message.clone();
            let entered = std::mem::take(&mut self.entered) && ready;
            let act = if self.replaces.is_some() { "Replace Source" } else { "Add Source" };
            if actions_ui(ui, act, ready, open, message.as_ref()) || entered {
                command = Some(self.command());
            }
        });
        if clicked_outside {
            *open = false;
        }
        command
    }

    /// The file or pasted text; true when Browse… was clicked.
    fn text_ui(&mut self, ui: &mut Ui) -> bool {
        let mut browse = false;
        egui::Grid::new("source-text").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            let label = ui.label("Document");
            ui.horizontal(|ui| {
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.path)
                            .hint_text(".txt, .md, .pdf, .eml or .docx")
                            .desired_width(300.0),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    r.request_focus();
                }
                // Enter in the field adds the document, as the Add Source button does.
                self.entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                browse = ui.button("Browse…").clicked();
            });
            ui.end_row();
            let label = ui.label("Or paste the text");
            // A pasted article must not push the dialog's buttons off the screen.
            egui::ScrollArea::vertical().id_salt("pasted-text").max_height(140.0).show(ui, |ui| {
                ui.add(egui::TextEdit::multiline(&mut self.pasted).desired_rows(4).desired_width(380.0))
                    .labelled_by(label.id);
            });
            ui.end_row();
        });
        browse
    }

    /// Whether the document is a new source, or a new version of one already cited (a
    /// corrected article, an amended complaint): then it takes that source's place, keeping its
    /// id and details, and its quotes are looked for in the new text.
    fn version_ui(&mut self, ui: &mut Ui, sources: &[Source]) {
        if sources.is_empty() {
            self.replaces = None;
            return;
        }
        ui.horizontal(|ui| {
            let label = ui.label("New version of");
            let shown = self
                .replaces
                .as_deref()
                .and_then(|id| sources.iter().find(|s| &*s.id == id))
                .map_or_else(|| "None: a new source".to_owned(), |s| s.title.clone());
            egui::ComboBox::from_id_salt("replaces")
                .selected_text(shown)
                .width(300.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.replaces, None, "None: a new source");
                    for s in sources {
                        ui.selectable_value(&mut self.replaces, Some(s.id.to_string()), &s.title);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if self.replaces.is_some() {
            ui.label(
                RichText::new(
                    "The document replaces the source’s text; its quotes are then looked for in the new text, \
                     for you to review.",
                )
                .small(),
            );
        }
    }

    fn details_ui(&mut self, ui: &mut Ui) {
        egui::Grid::new("source-details").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            for (name, value, hint) in [
                ("Title", &mut self.title, "Default: the text's first line"),
                ("Publisher", &mut self.publisher, ""),
                ("Language", &mut self.language, "Default: told from the text (es, it, en…)"),
                ("Address (URL)", &mut self.url, ""),
                ("Published", &mut self.published, "EDTF, e.g. 2024-04-12"),
            ] {
                let label = ui.label(name);
                let field = ui
                    .add(egui::TextEdit::singleline(value).hint_text(hint).desired_width(380.0))
                    .labelled_by(label.id);
                // Enter in a detail adds the document too, as in the document's field.
                self.entered |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.end_row();
            }
        });
        ui.label(RichText::new("The text is kept, as UTF-8, in the sources folder beside the timeline.").small());
    }

    fn command(&self) -> Command {
        let given = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        let input = if self.path.trim().is_empty() {
            SourceInput::Pasted(self.pasted.clone())
        } else {
            SourceInput::File(PathBuf::from(self.path.trim()))
        };
        let details = SourceDetails {
            id: None,
            title: given(&self.title),
            publisher: given(&self.publisher),
            language: given(&self.language),
            url: given(&self.url),
            published: given(&self.published),
            replaces: self.replaces.clone(),
        };
        Command::AddSource(input, details)
    }
}
