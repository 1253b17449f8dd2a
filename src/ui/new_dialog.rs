//! File › New Timeline…: where the new timeline goes; it is made with a `sources/` folder
//! beside it, and opened.

use std::path::PathBuf;

use super::command::Command;
use super::command::Purpose;
use super::dialog::{actions_ui, dialog_ui};

#[derive(Default)]
pub(crate) struct NewDialog {
    pub path: String,
    pub message: Option<Result<String, String>>,
    /// Just shown: the path field takes the keyboard.
    focus: bool,
}

impl NewDialog {
    /// Opens the dialog proposing a new timeline beside the open one (`beside`), else in the
    /// folder citeline was started from; an absolute path, so that it says where.
    pub fn show(&mut self, beside: Option<&std::path::Path>) {
        let cwd = std::env::current_dir().unwrap_or_default();
        let dir = beside.and_then(std::path::Path::parent).map_or_else(|| cwd.clone(), |d| cwd.join(d));
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        *self = Self { path: dir.join("timeline.citeline.json").display().to_string(), message: None, focus: true };
    }

    pub fn ui(&mut self, ctx: &egui::Context, open: &mut bool) -> Option<Command> {
        if !*open {
            return None;
        }
        let mut command = None;
        let clicked_outside = dialog_ui(ctx, "New Timeline", |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Save to");
                let r = ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(340.0)).labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    // The name selected, folder and ending kept: typing a name names it.
                    super::field::focus_selecting(ui.ctx(), r.id, super::field::file_stem(&self.path));
                }
                // Enter in the field creates, as the Create button does.
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    command = Some(Command::NewTimeline(timeline_path(&self.path)));
                }
                if ui.button("Browse…").clicked() {
                    command = Some(Command::Browse(Purpose::NewTimeline, Some(PathBuf::from(self.path.trim()))));
                }
            });
            ui.label(egui::RichText::new("A sources folder is made beside it for the documents you add.").small());
            ui.separator();
            if actions_ui(ui, "Create", true, open, self.message.as_ref()) {
                command = Some(Command::NewTimeline(timeline_path(&self.path)));
            }
        });
        if clicked_outside {
            *open = false;
        }
        command
    }
}

/// The path typed, with `.citeline.json` added to a name typed without an ending.
fn timeline_path(typed: &str) -> PathBuf {
    let typed = typed.trim();
    let name = typed.rsplit(['/', '\\']).next().unwrap_or(typed);
    if name.is_empty() || name.contains('.') {
        PathBuf::from(typed)
    } else {
        PathBuf::from(format!("{typed}.citeline.json"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_selected_and_a_bare_name_becomes_a_timeline_file() {
        let path = "/cases/timeline.citeline.json";
        assert_eq!(&path[super::super::field::file_stem(path)], "timeline");
        assert_eq!(super::super::field::file_stem("notes.json"), 0..5);
        assert_eq!(super::super::field::file_stem("/a/b"), 3..4);
        assert_eq!(timeline_path(" /cases/case2 "), PathBuf::from("/cases/case2.citeline.json"));
        assert_eq!(timeline_path("/cases/case2.json"), PathBuf::from("/cases/case2.json"));
        assert_eq!(timeline_path("case"), PathBuf::from("case.citeline.json"));
    }
}
