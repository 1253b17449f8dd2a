//! File › Export Image, Export Table, Publish Page and Export Report: their dialogs opened, the
//! files written in the background, and their cancelling.

use std::sync::Arc;

use crate::ui::command::{Command, Purpose};

use super::{CitelineApp, Modal};

impl CitelineApp {
    /// Applies one of the exporting commands.
    pub(super) fn apply_export(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::ShowExport => {
                self.export.show();
                self.show_modal(Modal::Export);
            }
            Command::ShowExportTable => {
                let doc = &self.session.data().doc;
                let start = crate::ui::table_export::TableExport::proposed(doc.path(), &doc.timeline().title);
                self.apply(Command::Browse(Purpose::ExportTable, Some(start)), ctx);
            }
            Command::ExportTable(path) => {
                let data = Arc::clone(self.session.data());
                let visible = self.session.visibility().mask().map(<[bool]>::to_vec);
                self.table_export.start(ctx, data, visible, path);
            }
            Command::ShowPublish => {
                let doc = &self.session.data().doc;
                let start = crate::ui::table_export::TableExport::proposed(doc.path(), &doc.timeline().title)
                    .with_extension("html");
                self.apply(Command::Browse(Purpose::Publish, Some(start)), ctx);
            }
            Command::Publish(path) => {
                let data = Arc::clone(self.session.data());
                let visible = self.session.visibility().mask().map(<[bool]>::to_vec);
                self.table_export.start_page(ctx, data, visible, path);
            }
            Command::ShowExportReport => {
                self.report_export.show(&self.session.data().doc);
                self.show_modal(Modal::ExportReport);
            }
            Command::ExportReport(path) => {
                let data = Arc::clone(self.session.data());
                let visible = self.session.visibility().mask().map(<[bool]>::to_vec);
                let filter = self.session.filter();
                let selection = Some(filter.describe(&data.doc));
                let range = filter.from.zip(filter.to);
                self.report_export.start(ctx, data, visible, selection, range, path);
            }
            Command::CancelExportReport => {
                if let Some((path, _)) = self.report_export.running() {
                    let name = crate::ui::status::file_name(path);
                    self.flash(format!("Stopped exporting the report to {name}"));
                }
                self.report_export.cancel();
            }
            Command::CancelExportTable => {
                if let Some((path, what, _)) = self.table_export.running() {
                    let name = crate::ui::status::file_name(path);
                    self.flash(match what {
                        crate::ui::table_export::Written::Table => format!("Stopped exporting the table to {name}"),
                        crate::ui::table_export::Written::Page => format!("Stopped publishing the page to {name}"),
                    });
                }
                self.table_export.cancel();
            }
            // `apply` sends only the commands above here.
            _ => {}
        }
    }
}
