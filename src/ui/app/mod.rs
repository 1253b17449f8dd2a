//! The citeline window: lays out the panels, gathers the commands they return, and applies
//! them after the frame. The session holds the document; the app holds what the user is doing
//! with it (view, selection, open dialogs).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::ThemePreference;

mod apply;
mod build;
mod editing;
mod exports;
mod file;
mod keys;
mod modal;
mod notices;
mod panels;
mod surface;
mod view;

pub use modal::Modal;

use super::citation_panel::CitationPanel;
use super::command::Command;
use super::export_dialog::{ExportDialog, ExportSource};
use super::file_chooser::FileChooser;
use super::filter_menu::FilterMenu;
use super::goto_dialog::GotoDialog;
use super::menu::{MenuState, menu_ui};
use super::new_dialog::NewDialog;
use super::report_export::ReportExport;
use super::save_dialog::SaveDialog;
use super::shortcuts::shortcuts_window;
use super::source_dialog::SourceDialog;
use super::status::{Work, status_ui};
use super::table_export::TableExport;
use super::timeline_view::ViewState;
use super::toolbar::{SearchField, toolbar_ui};
use crate::layout::TimeView;
use crate::session::journal::Journal;
use crate::session::{Report, Session};
use crate::settings::{Settings, SettingsStore, ThemeChoice};

pub struct CitelineApp {
    settings: Settings,
    store: SettingsStore,
    session: Session,
    selected: Option<u32>,
    view: ViewState,
    /// A view to restore once the file being opened arrives.
    restore_view: Option<TimeView>,
    report: Option<Report>,
    panel: CitationPanel,
    export: ExportDialog,
    /// File › Export Table…, while the table is written.
    table_export: TableExport,
    /// File › Export Report…, while the report is written.
    report_export: ReportExport,
    save: SaveDialog,
    /// File › Add Source….
    sources: SourceDialog,
    /// File › New Timeline….
    new_timeline: NewDialog,
    goto: GotoDialog,
    /// The file chooser: the system's, else citeline's own.
    chooser: FileChooser,
    search: SearchField,
    /// Enter was pressed in the search field: select the next result once the search is done.
    select_when_done: bool,
    filters: FilterMenu,
    /// The Proposals list is open.
    show_proposals: bool,
    /// Where the Proposals list is: its cursor, the rows picked, the rows decided on.
    proposals_list: super::proposals_panel::ListState,
    /// The Changed sources review: shown or not, and what it found.
    changed: super::changed_sources::ChangedSources,
    timeline_width: f32,
    sent_title: Option<String>,
    /// A widget had the keyboard as the last frame ended: an Esc then only takes it away
    /// (egui has let go of it before the keys are read).
    had_keyboard: bool,
    /// Commands gathered during the frame, applied after it.
    commands: Vec<Command>,
    /// Commands waiting for the fields to commit what is typed in them.
    deferred: Vec<Command>,
    /// An action waiting for the save the user chose before it.
    after_save: Option<Command>,
    /// The user chose to lose unsaved changes, or saved them: close without asking again.
    close_confirmed: bool,
    /// The one dialog open over the window.
    modal: Option<Modal>,
    /// Input held for the next frame (see `field::hold_after_press`).
    held_input: Vec<egui::Event>,
    /// Restored edits waiting for their document to open.
    replay: Option<(PathBuf, Vec<crate::model::edit::Edit>)>,
}

impl CitelineApp {
    fn empty(store: SettingsStore, settings: Settings) -> Self {
        Self {
            settings,
            store,
            session: Session::seed(),
            selected: None,
            view: ViewState::default(),
            restore_view: None,
            report: None,
            panel: CitationPanel::default(),
            export: ExportDialog::default(),
            table_export: TableExport::default(),
            report_export: ReportExport::default(),
            save: SaveDialog::default(),
            sources: SourceDialog::default(),
            new_timeline: NewDialog::default(),
            goto: GotoDialog::default(),
            chooser: FileChooser::default(),
            search: SearchField::default(),
            select_when_done: false,
            filters: FilterMenu::default(),
            show_proposals: false,
            proposals_list: super::proposals_panel::ListState::default(),
            changed: super::changed_sources::ChangedSources::default(),
            timeline_width: 1000.0,
            sent_title: None,
            had_keyboard: false,
            commands: Vec::new(),
            deferred: Vec::new(),
            after_save: None,
            close_confirmed: false,
            modal: None,
            held_input: Vec::new(),
            replay: None,
        }
    }

    /// The app as `citeline [FILE]` starts it: FILE, else the last file opened, else the
    /// built-in timeline (shown meanwhile, and kept if the file fails). Settings are read from
    /// and saved to `settings_path`.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>, settings_path: Option<PathBuf>) -> Self {
        super::fonts::install(&cc.egui_ctx);
        let (store, settings) = SettingsStore::open(settings_path);
        // Read before the built-in timeline shown meanwhile is taken in, which forgets it.
        let remembered = settings.last_file.clone().filter(|p| p.is_file());
        let mut app = Self::empty(store, settings);
        let ctx = cc.egui_ctx.clone();
        app.session.set_waker(Arc::new(move || ctx.request_repaint()));
        app.apply_theme(&cc.egui_ctx);
        app.take_notices();
        if let Some(journal) = app.store.journal_path() {
            match Journal::recover(&journal) {
                Some(recovery) => app.modal = Some(Modal::Recovery(recovery)),
                None => app.session.keep_journal(&journal),
            }
        }
        if let Some(path) = file.or(remembered.clone()) {
            if remembered.as_deref() == Some(path.as_path()) {
                app.restore_view = app.settings.view;
            }
            app.session.open(path);
        }
        app
    }

    /// Opens `path` on this thread (command line and tests).
    pub fn open_now(&mut self, path: &Path) {
        match Session::open_blocking(path) {
            Ok(mut session) => {
                session.set_waker(Arc::new(|| {}));
                self.session = session;
                self.session.watch();
                self.take_notices();
                self.opened(false);
            }
            Err(problems) => self.report = Some(Report::open_failed(path, &problems, true)),
        }
    }

    /// The date being typed for the selected event, while it reads and is not committed: drawn
    /// as a ghost on the timeline.
    pub fn panel_preview(&self) -> Option<(crate::model::Day, crate::model::Day)> {
        self.panel.editor.preview
    }

    pub fn is_loading(&self) -> bool {
        self.session.is_loading()
    }

    /// Says `text` in the status strip for a few seconds ("Saved case.citeline.json"), beside
    /// any report shown, which stays.
    pub fn flash(&mut self, text: String) {
        self.report = Some(Report::flashed(self.report.take(), text));
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.settings.theme {
            ThemeChoice::System => ThemePreference::System,
            ThemeChoice::Light => ThemePreference::Light,
            ThemeChoice::Dark => ThemePreference::Dark,
        });
    }

    /// Keeps the settings file up to date while they change, so that a crash loses little.
    fn autosave_settings(&mut self, ctx: &egui::Context) {
        let (now, size) = ctx.input(|i| (i.time, i.viewport().inner_rect.map(|r| [r.width(), r.height()])));
        if size.is_some() {
            self.settings.window_size = size;
        }
        self.settings.view = Some(self.view.view);
        if let Some(wait) = self.store.autosave(&self.settings, now) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
    }

    /// "Title — file — citeline", with a dot in front while there are unsaved changes.
    fn window_title(&self) -> String {
        let dirty = if self.session.is_dirty() { "• " } else { "" };
        format!("{dirty}{} — {} — citeline", self.session.data().doc.timeline().title, self.session.file_name())
    }
}

impl CitelineApp {
    /// The dialog open, if one is; the exports are followed while they run whether their
    /// dialog is open or not.
    fn modal_ui(&mut self, ctx: &egui::Context, source: &ExportSource) {
        let is = |m: fn(&Modal) -> bool, modal: &Option<Modal>| modal.as_ref().is_some_and(m);
        let mut open = is(|m| matches!(m, Modal::Export), &self.modal);
        self.commands.extend(self.export.ui(ctx, source, &mut open));
        if !open {
            self.close_modal(|m| matches!(m, Modal::Export));
        }
        let hidden = source.visible.is_filtered().then(|| source.visible.hidden());
        let shown = source.data.doc.events().len() - source.visible.hidden();
        let mut open = is(|m| matches!(m, Modal::ExportReport), &self.modal);
        self.commands.extend(self.report_export.ui(ctx, shown, hidden, &mut open));
        if !open {
            self.close_modal(|m| matches!(m, Modal::ExportReport));
        }
        let mut open = true;
        let command = match &self.modal {
            None => return,
            Some(Modal::Export | Modal::ExportReport) => None,
            Some(Modal::SaveAs) => self.save.ui(ctx, self.session.saving().map(|(_, p)| p), &mut open),
            Some(Modal::AddSource) => {
                let sources = Arc::clone(self.session.data());
                self.sources.ui(ctx, &sources.doc.timeline().sources, &mut open)
            }
            Some(Modal::NewTimeline) => self.new_timeline.ui(ctx, &mut open),
            Some(Modal::GoTo) => self.goto.ui(ctx, &mut open),
            Some(Modal::Shortcuts) => {
                shortcuts_window(ctx, &mut open);
                None
            }
            Some(Modal::Recovery(recovery)) => super::recovery::recovery_ui(ctx, recovery),
            Some(Modal::Conflict) => super::unsaved::conflict_ui(ctx, &self.session.file_name()),
            Some(Modal::DeleteSource(id)) => super::source_editor::confirm_delete_ui(ctx, &self.session.data().doc, id),
            Some(Modal::Unsaved(action)) => {
                let doing = if **action == Command::Quit { "quit" } else { "open another timeline" };
                super::unsaved::unsaved_ui(ctx, &self.session.file_name(), doing)
            }
        };
        self.commands.extend(command);
        if !open {
            self.modal = None;
        }
    }
}

impl eframe::App for CitelineApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if let Some(wait) = self.session.poll(ctx.input(|i| i.time)) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        if let Some(added) = self.session.poll_adding_source() {
            self.source_added(added);
        }
        self.take_notices_with(super::field::refused(ctx).as_deref());
        self.changed.poll(&self.session, ctx);
        self.autosave_settings(ctx);
        let dropped = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).next());
        if let Some(path) = dropped.filter(|p| !p.as_os_str().is_empty()) {
            // A document is a source to add; anything else is a timeline to open.
            let document = crate::formats::source_file::is_source_document(&path);
            self.commands.push(if document { Command::ShowAddSource(Some(path)) } else { Command::Open(path) });
        }
        self.shortcuts(ctx);
        if ctx.input(|i| i.viewport().close_requested()) && self.session.is_dirty() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.show_modal(Modal::Unsaved(Box::new(Command::Quit)));
        }
        self.apply_commands(ctx);
        self.session.search(&self.search.text);
        if self.select_when_done
            && !self.session.search_state().is_running()
            && let Some(e) = self.session.search_state_mut().take_next()
        {
            self.select_when_done = false;
            self.select_result(e);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let typing = ctx.egui_wants_keyboard_input();
        let flushing = super::field::begin_frame(&ctx);
        // A viewport command asks for another frame: send the title only when it changes.
        let title = self.window_title();
        if self.sent_title.as_deref() != Some(title.as_str()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = Some(title);
        }
        let state = MenuState {
            recent: &self.settings.recent,
            theme: self.settings.theme,
            undo: self.session.undo_label(),
            redo: self.session.redo_label(),
        };
        let menu = egui::Panel::top("menu").show(ui, |ui| menu_ui(ui, &state));
        self.commands.extend(menu.inner);
        let toolbar = egui::Panel::top("toolbar")
            .show(ui, |ui| toolbar_ui(ui, &mut self.search, &mut self.filters, &self.session));
        self.commands.extend(toolbar.inner);
        let loading =
            self.session.loading().map(|(path, progress)| Work { path, progress, cancel: Command::CancelLoading });
        let saving =
            self.session.saving().map(|(path, progress)| Work { path, progress, cancel: Command::CancelSaving });
        let adding = self.session.adding_source().map(|(path, progress)| Work {
            path,
            progress,
            cancel: Command::CancelAddingSource,
        });
        let table = self.table_export.running().map(|(path, _, progress)| Work {
            path,
            progress,
            cancel: Command::CancelExportTable,
        });
        let report = self.report_export.running().map(|(path, progress)| Work {
            path,
            progress,
            cancel: Command::CancelExportReport,
        });
        let work: Vec<Work> = loading.into_iter().chain(saving).chain(adding).chain(table).chain(report).collect();
        let flash_only = self.report.as_ref().is_some_and(crate::session::Report::is_flash_only);
        if work.is_empty() && flash_only {
            // "Saved …" for a few seconds floats over the window's corner: a strip that came and
            // went would move every row under the pointer.
            let toast = egui::Area::new(egui::Id::unique("status-flash"))
                .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
                .order(egui::Order::Foreground)
                .interactable(false)
                .show(&ctx, |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| status_ui(ui, Vec::new(), self.report.as_ref())).inner
                });
            self.commands.extend(toast.inner);
        } else if !work.is_empty() || self.report.is_some() {
            let status = egui::Panel::top("status").show(ui, |ui| status_ui(ui, work, self.report.as_ref()));
            self.commands.extend(status.inner);
        }
        self.panels_ui(ui, typing);
        let source = ExportSource {
            data: &Arc::clone(self.session.data()),
            view: self.view.view,
            visible: &Arc::clone(self.session.visibility()),
        };
        self.modal_ui(&ctx, &source);
        // Last, so that it stands over the dialog it was opened from.
        self.commands.extend(self.chooser.ui(&ctx));
        self.apply_commands(&ctx);
        super::field::end_frame(&ctx);
        if flushing {
            self.apply_deferred(&ctx);
        }
        self.had_keyboard = ctx.egui_wants_keyboard_input();
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if super::field::hold_after_press(raw_input, &mut self.held_input) {
            ctx.request_repaint();
        }
    }

    fn on_exit(&mut self) {
        // Closing with unsaved changes means the user chose not to save them.
        if self.session.is_dirty()
            && let Some(journal) = self.store.journal_path()
        {
            Journal::discard(&journal);
        }
        self.settings.view = Some(self.view.view);
        self.store.save(&self.settings);
    }
}
