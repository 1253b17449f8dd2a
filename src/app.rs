//! The citeline window: menus, panels, opening files, and what is remembered between runs.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, ThemePreference};

use crate::loaded::{Loaded, SEED_NAME, load_seed};
use crate::model::Problem;
use crate::scene::Theme;
use crate::settings::{Settings, ThemeChoice};
use crate::ui::citation_panel::CitationPanel;
use crate::ui::export_dialog::ExportDialog;
use crate::ui::loader::LoadJob;
use crate::ui::timeline_view::{TimelineCommand, ViewState, timeline_ui};
use crate::ui::watcher::FileWatcher;

const MAX_RECENT: usize = 10;
const MAX_PROBLEM_LINES: usize = 40;

pub const SHORTCUT_OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SHORTCUT_EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
pub const SHORTCUT_QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// Problems to show the user, with what happened.
#[derive(Clone, Debug)]
pub struct Report {
    pub headline: String,
    pub lines: Vec<String>,
    pub is_error: bool,
}

impl Report {
    fn from_problems(headline: String, problems: &[Problem], is_error: bool) -> Self {
        let mut lines: Vec<String> = problems.iter().take(MAX_PROBLEM_LINES).map(ToString::to_string).collect();
        if problems.len() > MAX_PROBLEM_LINES {
            lines.push(format!("…and {} more", problems.len() - MAX_PROBLEM_LINES));
        }
        Self { headline, lines, is_error }
    }
}

pub struct CitelineApp {
    pub settings: Settings,
    /// Where settings are saved; `None` remembers nothing (tests).
    settings_path: Option<PathBuf>,
    /// When settings were last looked at for saving, by the frame clock.
    saved_at: f64,
    /// What was last written, so that unchanged settings are not written again.
    last_saved: Option<Settings>,
    pub data: Option<Arc<Loaded>>,
    /// Where `data` came from (`None`: the built-in timeline).
    pub path: Option<PathBuf>,
    pub selected: Option<u32>,
    pub view: ViewState,
    loading: Option<LoadJob>,
    /// A view to restore once the loading file arrives.
    restore_view: Option<crate::layout::TimeView>,
    pub report: Option<Report>,
    panel: CitationPanel,
    pub export: ExportDialog,
    show_shortcuts: bool,
    timeline_width: f32,
    sent_title: Option<String>,
    /// Watches the open file, to reload it when it changes on disk.
    watcher: Option<FileWatcher>,
    /// When to reload after a change (changes come in bursts while a file is written).
    reload_at: Option<f64>,
}

impl CitelineApp {
    /// The app on the built-in timeline, remembering nothing: for tests and first runs.
    pub fn with_seed() -> Self {
        let mut app = Self::empty(Settings::default());
        app.open_seed();
        app
    }

    fn empty(settings: Settings) -> Self {
        Self {
            settings,
            settings_path: None,
            saved_at: 0.0,
            last_saved: None,
            data: None,
            path: None,
            selected: None,
            view: ViewState::default(),
            loading: None,
            restore_view: None,
            report: None,
            panel: CitationPanel::default(),
            export: ExportDialog::default(),
            show_shortcuts: false,
            timeline_width: 1000.0,
            sent_title: None,
            watcher: None,
            reload_at: None,
        }
    }

    /// The app as `citeline [FILE]` starts it: FILE, else the last file opened, else the
    /// built-in timeline. Settings are read from and saved to `settings_path`.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>, settings_path: Option<PathBuf>) -> Self {
        crate::ui::fonts::install(&cc.egui_ctx);
        let settings = settings_path.as_deref().map(Settings::load).unwrap_or_default();
        let mut app = Self::empty(settings.clone());
        app.last_saved = Some(settings);
        app.settings_path = settings_path;
        app.apply_theme(&cc.egui_ctx);
        let remembered = app.settings.last_file.clone().filter(|p| p.is_file());
        match file.or(remembered.clone()) {
            Some(path) => {
                if remembered.as_deref() == Some(path.as_path()) {
                    app.restore_view = app.settings.view;
                }
                // Something to look at while a large file loads, and to fall back on.
                app.open_seed();
                app.open(path, &cc.egui_ctx);
            }
            None => app.open_seed(),
        }
        app
    }

    pub fn open_seed(&mut self) {
        self.watcher = None;
        match load_seed() {
            Ok(data) => self.install(data, None),
            Err(problems) => {
                self.report =
                    Some(Report::from_problems("The built-in timeline failed to load".into(), &problems, true));
            }
        }
    }

    /// Starts opening `path` in the background; the current timeline stays until it succeeds.
    pub fn open(&mut self, path: PathBuf, ctx: &egui::Context) {
        let ctx = ctx.clone();
        self.loading = Some(LoadJob::start(path, false, move || ctx.request_repaint()));
    }

    /// Starts watching the open file so that changes on disk show without reopening it.
    fn watch(&mut self, ctx: &egui::Context) {
        self.watcher = self.path.as_ref().and_then(|p| {
            let ctx = ctx.clone();
            FileWatcher::new(p, move || ctx.request_repaint()).ok()
        });
    }

    /// Reloads the open file after it changed on disk, once the writes have settled.
    fn poll_file_changes(&mut self, ctx: &egui::Context) {
        const SETTLE_SECONDS: f64 = 0.25;
        let now = ctx.input(|i| i.time);
        if self.watcher.as_ref().is_some_and(FileWatcher::take_change) {
            self.reload_at = Some(now + SETTLE_SECONDS);
        }
        let Some(at) = self.reload_at else { return };
        if now < at || self.loading.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64((at - now).max(0.01)));
            return;
        }
        self.reload_at = None;
        if let Some(path) = self.path.clone() {
            let waker = ctx.clone();
            self.loading = Some(LoadJob::start(path, true, move || waker.request_repaint()));
        }
    }

    /// Puts a reloaded version of the open file in place, keeping the view and the selected
    /// event (found again by its id).
    fn install_reloaded(&mut self, data: Loaded) {
        let selected_id =
            self.selected.and_then(|e| self.data.as_ref()?.doc.events().get(e as usize).map(|ev| ev.id.clone()));
        let view = self.view.view;
        let path = self.path.clone();
        self.install(data, path);
        self.view.view = view;
        self.selected =
            selected_id.and_then(|id| self.data.as_ref()?.doc.event_index(&id)).and_then(|i| u32::try_from(i).ok());
    }

    /// Opens `path` on this thread (command line and tests).
    pub fn open_now(&mut self, path: &Path) {
        match crate::loaded::open_blocking(path, &crate::model::Progress::default()) {
            Ok(data) => self.install(data, Some(path.to_owned())),
            Err(problems) => self.report_open_failure(path, &problems),
        }
    }

    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    fn report_open_failure(&mut self, path: &Path, problems: &[Problem]) {
        let kept = if self.data.is_some() { " The timeline you had is still open." } else { "" };
        let headline = format!("Could not open {}.{kept}", path.display());
        self.report = Some(Report::from_problems(headline, problems, true));
    }

    fn install(&mut self, data: Loaded, path: Option<PathBuf>) {
        let problems = data.doc.problems().to_vec();
        self.report = (!problems.is_empty()).then(|| {
            let n = problems.len();
            let headline = format!(
                "{n} citation{} could not be verified: the quote is not in its source.",
                if n == 1 { "" } else { "s" }
            );
            Report::from_problems(headline, &problems, false)
        });
        let data = Arc::new(data);
        self.view.reset(&data);
        if let Some(v) = self.restore_view.take() {
            self.view.view = v;
        }
        self.selected = None;
        if let Some(p) = &path {
            let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            self.settings.recent.retain(|r| r != &p);
            self.settings.recent.insert(0, p.clone());
            self.settings.recent.truncate(MAX_RECENT);
            self.settings.last_file = Some(p);
        } else {
            self.settings.last_file = None;
        }
        self.path = path;
        self.data = Some(data);
    }

    fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.loading else { return };
        let Some(result) = job.poll() else { return };
        let path = job.path.clone();
        let reload = job.reload;
        self.loading = None;
        match (result, reload) {
            (Ok(data), true) => self.install_reloaded(data),
            (Ok(data), false) => {
                self.install(data, Some(path));
                self.watch(ctx);
            }
            (Err(problems), true) => {
                let headline =
                    format!("{} changed on disk and now has problems: showing the last good version.", path.display());
                self.report = Some(Report::from_problems(headline, &problems, true));
            }
            (Err(problems), false) => {
                self.restore_view = None;
                self.report_open_failure(&path, &problems);
            }
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.settings.theme {
            ThemeChoice::System => ThemePreference::System,
            ThemeChoice::Light => ThemePreference::Light,
            ThemeChoice::Dark => ThemePreference::Dark,
        });
    }

    pub fn select(&mut self, event: Option<u32>) {
        self.selected = event;
        if let (Some(e), Some(data)) = (event, &self.data) {
            let data = Arc::clone(data);
            self.view.reveal(&data, e, self.timeline_width);
        }
    }

    fn step_selection(&mut self, forward: bool) {
        let Some(data) = &self.data else { return };
        let order = &data.lanes.chronological;
        if order.is_empty() {
            return;
        }
        let position = self.selected.and_then(|s| order.iter().position(|&e| e == s));
        let next = match (position, forward) {
            (None, true) => 0,
            (None, false) => order.len() - 1,
            (Some(p), true) => (p + 1).min(order.len() - 1),
            (Some(p), false) => p.saturating_sub(1),
        };
        let event = order[next];
        self.select(Some(event));
    }

    fn open_dialog(&mut self, ctx: &egui::Context) {
        if let Some(path) = rfd::FileDialog::new()
            .add_filter("citeline timeline", &["json"])
            .add_filter("All files", &["*"])
            .pick_file()
        {
            self.open(path, ctx);
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.add(egui::Button::new("Open…").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_OPEN))).clicked()
                {
                    self.open_dialog(ui.ctx());
                }
                ui.menu_button("Open Recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for p in self.settings.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.open(p, ui.ctx());
                        }
                    }
                });
                if ui.button("Open Sample Timeline").clicked() {
                    self.open_seed();
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Export Image…").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_EXPORT)))
                    .clicked()
                {
                    self.export.open = true;
                }
                ui.separator();
                if ui.add(egui::Button::new("Quit").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_QUIT))).clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                if ui.add(egui::Button::new("Fit All").shortcut_text("Home")).clicked()
                    && let Some(data) = &self.data
                {
                    let data = Arc::clone(data);
                    self.view.fit_all(&data);
                }
                ui.separator();
                let before = self.settings.theme;
                ui.radio_value(&mut self.settings.theme, ThemeChoice::System, "Follow System Theme");
                ui.radio_value(&mut self.settings.theme, ThemeChoice::Light, "Light");
                ui.radio_value(&mut self.settings.theme, ThemeChoice::Dark, "Dark");
                if before != self.settings.theme {
                    self.apply_theme(ui.ctx());
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Keyboard Shortcuts").clicked() {
                    self.show_shortcuts = true;
                }
            });
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(job) = &self.loading {
            let progress = Arc::clone(&job.progress);
            let path = job.path.display().to_string();
            ui.horizontal(|ui| {
                let stage = match progress.stage() {
                    crate::model::progress::Stage::Reading => "Reading",
                    crate::model::progress::Stage::Checking => "Checking citations in",
                    crate::model::progress::Stage::LayingOut => "Laying out",
                };
                ui.label(format!("{stage} {path}…"));
                ui.add(egui::ProgressBar::new(progress.fraction()).desired_width(240.0).show_percentage());
                if ui.button("Cancel").clicked() {
                    progress.cancel();
                }
            });
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
        }
        let mut dismiss = false;
        if let Some(report) = &self.report {
            let color = if report.is_error { ui.visuals().error_fg_color } else { ui.visuals().warn_fg_color };
            ui.horizontal(|ui| {
                ui.label(RichText::new(if report.is_error { "⚠" } else { "ℹ" }).color(color).strong());
                ui.label(RichText::new(&report.headline).color(color).strong());
                if ui.button("Dismiss").clicked() {
                    dismiss = true;
                }
            });
            egui::CollapsingHeader::new(format!("Details ({})", report.lines.len()))
                .id_salt("report-details")
                .default_open(report.is_error)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().max_height(120.0).show(ui, |ui| {
                        for line in &report.lines {
                            ui.add(egui::Label::new(RichText::new(line).monospace().size(12.0)).wrap());
                        }
                    });
                });
        }
        if dismiss {
            self.report = None;
        }
    }

    fn shortcuts_window(&mut self, ctx: &egui::Context) {
        let mut open = self.show_shortcuts;
        egui::Window::new("Keyboard Shortcuts").open(&mut open).resizable(false).show(ctx, |ui| {
            egui::Grid::new("shortcuts").num_columns(2).striped(true).show(ui, |ui| {
                for (keys, what) in [
                    ("← / →", "Select the previous / next event"),
                    ("Home, double-click", "Fit all events"),
                    ("+ / −", "Zoom in / out"),
                    ("Mouse wheel, pinch", "Zoom around the pointer"),
                    ("Drag", "Pan (and scroll lanes)"),
                    ("Esc", "Clear the selection"),
                    (&ctx.format_shortcut(&SHORTCUT_OPEN), "Open a timeline"),
                    (&ctx.format_shortcut(&SHORTCUT_EXPORT), "Export an image"),
                    (&ctx.format_shortcut(&SHORTCUT_QUIT), "Quit"),
                ] {
                    ui.label(RichText::new(keys).monospace());
                    ui.label(what);
                    ui.end_row();
                }
            });
        });
        self.show_shortcuts = open;
    }

    fn save_settings(&mut self) {
        let Some(path) = self.settings_path.clone() else { return };
        self.settings.view = Some(self.view.view);
        // Nothing to do about a settings file that cannot be written but to keep going.
        if self.settings.save(&path).is_ok() {
            self.last_saved = Some(self.settings.clone());
        }
    }

    /// Saves settings every few seconds while they change, so that a crash loses little.
    fn autosave_settings(&mut self, ctx: &egui::Context) {
        const EVERY_SECONDS: f64 = 5.0;
        let (now, size) = ctx.input(|i| (i.time, i.viewport().inner_rect.map(|r| [r.width(), r.height()])));
        if size.is_some() {
            self.settings.window_size = size;
        }
        if self.settings_path.is_none() {
            return;
        }
        let mut current = self.settings.clone();
        current.view = Some(self.view.view);
        if self.last_saved.as_ref() == Some(&current) {
            return;
        }
        let due = self.saved_at + EVERY_SECONDS;
        if now >= due {
            self.saved_at = now;
            self.save_settings();
        } else {
            // An idle window draws no frames: ask for one when the save is due.
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
        }
    }

    fn window_title(&self) -> String {
        let name = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| SEED_NAME.to_owned(), |n| n.to_string_lossy().into_owned());
        match &self.data {
            Some(d) => format!("{} — {name} — citeline", d.doc.timeline().title),
            None => "citeline".to_owned(),
        }
    }
}

impl eframe::App for CitelineApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_loading(ctx);
        self.poll_file_changes(ctx);
        self.autosave_settings(ctx);
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.open(path, ctx);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_OPEN)) {
            self.open_dialog(ctx);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_EXPORT)) {
            self.export.open = true;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_QUIT)) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        // A viewport command asks for another frame: send the title only when it changes.
        let title = self.window_title();
        if self.sent_title.as_deref() != Some(title.as_str()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = Some(title);
        }
        let palette = if ui.visuals().dark_mode { Theme::Dark.palette() } else { Theme::Light.palette() };

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        if self.loading.is_some() || self.report.is_some() {
            egui::Panel::top("status").show(ui, |ui| self.status_ui(ui));
        }
        let Some(data) = self.data.clone() else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.label("Opening…");
            });
            return;
        };
        let picked = egui::Panel::right("citations")
            .resizable(true)
            .default_size(420.0)
            .min_size(260.0)
            .show(ui, |ui| self.panel.ui(ui, &data, self.selected, &palette))
            .inner;
        if let Some(e) = picked {
            self.selected = Some(e);
        }
        let keyboard = !ctx.egui_wants_keyboard_input() && !self.export.open;
        let commands = egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                self.timeline_width = ui.available_width();
                timeline_ui(ui, &data, &mut self.view, self.selected, palette, keyboard)
            })
            .inner;
        for c in commands {
            match c {
                TimelineCommand::Select(e) => self.selected = e,
                TimelineCommand::SelectNext => self.step_selection(true),
                TimelineCommand::SelectPrevious => self.step_selection(false),
            }
        }
        self.export.ui(&ctx, self.data.as_ref(), self.view.view);
        self.shortcuts_window(&ctx);
    }

    fn on_exit(&mut self) {
        self.save_settings();
    }
}
