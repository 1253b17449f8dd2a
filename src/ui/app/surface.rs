//! What the app shows, read from outside (tests, benchmarks): its fields are private, the app is
//! driven through commands ([`CitelineApp::command`]) and its widgets' accessible labels, and
//! these say what it holds. Two setters stand for what no command does: a view shown at once
//! (Go To animates) and a report put in the status strip.

use super::CitelineApp;
use crate::layout::TimeView;
use crate::session::{Report, Session};
use crate::settings::Settings;
use crate::ui::changed_sources::ChangedSources;
use crate::ui::export_dialog::ExportDialog;
use crate::ui::file_chooser::FileChooser;
use crate::ui::report_export::ReportExport;
use crate::ui::save_dialog::SaveDialog;
use crate::ui::source_dialog::SourceDialog;
use crate::ui::table_export::TableExport;
use crate::ui::toolbar::SearchField;

impl CitelineApp {
    /// The open document and what is derived from it.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The session, for what it derives when asked (the proposals are read on demand).
    pub fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }

    /// The selected event.
    pub fn selected(&self) -> Option<u32> {
        self.selected
    }

    /// The time range the timeline shows.
    pub fn view(&self) -> TimeView {
        self.view.view
    }

    /// Shows `view` at once, without the animation Go To makes.
    pub fn set_view(&mut self, view: TimeView) {
        self.view.view = view;
    }

    /// The status strip's report (a job's progress, a failure), when there is one.
    pub fn report(&self) -> Option<&Report> {
        self.report.as_ref()
    }

    /// Puts `report` in the status strip, in place of the one there.
    pub fn show_report(&mut self, report: Report) {
        self.report = Some(report);
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether the Proposals list is open.
    pub fn show_proposals(&self) -> bool {
        self.show_proposals
    }

    pub fn search(&self) -> &SearchField {
        &self.search
    }

    /// The file chooser: the system's, else citeline's own.
    pub fn chooser(&self) -> &FileChooser {
        &self.chooser
    }

    /// Uses citeline's own file chooser rather than the system's (a test never waits on a
    /// system dialog).
    pub fn use_own_chooser(&mut self) {
        self.chooser.native = false;
    }

    /// File › Export Image….
    pub fn export_dialog(&self) -> &ExportDialog {
        &self.export
    }

    /// File › Export Table… and Publish…, while written.
    pub fn table_export(&self) -> &TableExport {
        &self.table_export
    }

    /// File › Export Report….
    pub fn report_export(&self) -> &ReportExport {
        &self.report_export
    }

    /// File › Save As….
    pub fn save_dialog(&self) -> &SaveDialog {
        &self.save
    }

    /// File › Add Source….
    pub fn source_dialog(&self) -> &SourceDialog {
        &self.sources
    }

    /// The Changed Sources review.
    pub fn changed_sources(&self) -> &ChangedSources {
        &self.changed
    }
}
