//! The citeline window: menus, panels, opening files, and what is remembered between runs.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, ThemePreference};

use crate::layout::Visibility;
use crate::loaded::{Loaded, SEED_NAME, load_seed};
use crate::model::Problem;
use crate::model::filter::Choices;
use crate::scene::Theme;
use crate::settings::{Settings, ThemeChoice};
use crate::ui::citation_panel::CitationPanel;
use crate::ui::export_dialog::ExportDialog;
use crate::ui::filter_menu::FilterMenu;
use crate::ui::loader::LoadJob;
use crate::ui::save_dialog::SaveDialog;
use crate::ui::search::Search;
use crate::ui::timeline_view::{TimelineCommand, TimelineFrame, ViewState, timeline_ui};
use crate::ui::watcher::FileWatcher;

const MAX_RECENT: usize = 10;
const MAX_PROBLEM_LINES: usize = 40;

pub const SHORTCUT_OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SHORTCUT_EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
pub const SHORTCUT_QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
pub const SHORTCUT_SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const SHORTCUT_FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
/// How many search results the list shows; the timeline highlights all of them.
const MAX_LISTED_RESULTS: usize = 500;

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
    pub save: SaveDialog,
    pub search: Search,
    pub filters: FilterMenu,
    /// What the filter menu offers for the open document.
    choices: Choices,
    /// What the filter leaves on the timeline.
    pub visibility: Arc<Visibility>,
    show_shortcuts: bool,
    /// The search must run again (the document or the filter changed).
    search_again: bool,
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
            save: SaveDialog::default(),
            search: Search::default(),
            filters: FilterMenu::default(),
            choices: Choices::default(),
            visibility: Arc::new(Visibility::default()),
            show_shortcuts: false,
            search_again: false,
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
        self.selected = selected_id
            .and_then(|id| self.data.as_ref()?.doc.event_index(&id))
            .and_then(|i| u32::try_from(i).ok())
            .filter(|&e| self.visibility.shown(e));
    }

    /// After Save As in citeline's format, the saved file is the open one: it is reread (so that
    /// sources resolve beside it), keeping the view and selection, and watched.
    fn switch_to_saved(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.path = Some(path.clone());
        self.watch(ctx);
        let waker = ctx.clone();
        self.loading = Some(LoadJob::start(path, true, move || waker.request_repaint()));
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
            let not_found = problems.iter().filter(|p| p.is_error()).count();
            let no_text = problems.len() - not_found;
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            let mut parts = Vec::new();
            if not_found > 0 {
                parts.push(format!(
                    "{not_found} citation{} could not be verified: the quote is not in its source.",
                    plural(not_found)
                ));
            }
            if no_text > 0 {
                parts.push(format!(
                    "{no_text} source{} without text: quotes citing {} are not checked.",
                    plural(no_text),
                    if no_text == 1 { "it" } else { "them" }
                ));
            }
            Report::from_problems(parts.join(" "), &problems, false)
        });
        let data = Arc::new(data);
        let same_file = path.is_some() && path == self.path;
        if !same_file {
            self.filters.clear();
            self.search.clear();
        }
        self.choices = Choices::of(&data.doc);
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
        self.apply_filter();
    }

    /// Recomputes what the filter shows, after it or the document changed. A hidden selection
    /// is dropped; the search runs again over what is shown.
    pub fn apply_filter(&mut self) {
        let Some(data) = &self.data else { return };
        self.visibility = Arc::new(if self.filters.filter.is_active() {
            Visibility::new(self.filters.filter.mask(&data.doc), &data.lanes)
        } else {
            Visibility::all()
        });
        if self.selected.is_some_and(|e| !self.visibility.shown(e)) {
            self.selected = None;
        }
        self.search_again = true;
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
        self.search.scroll_to_selected = true;
        if let (Some(e), Some(data)) = (event, &self.data) {
            let data = Arc::clone(data);
            self.view.reveal(&data, e, self.timeline_width);
        }
    }

    /// Selects a search result and centres the view on it.
    fn select_result(&mut self, event: u32) {
        self.selected = Some(event);
        self.search.scroll_to_selected = true;
        if let Some(data) = &self.data {
            let data = Arc::clone(data);
            self.view.center_on(&data, event);
        }
    }

    fn step_selection(&mut self, forward: bool) {
        let (Some(data), visibility) = (self.data.clone(), Arc::clone(&self.visibility)) else { return };
        let order = visibility.chronological(&data.lanes);
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
            .add_filter("Timelines (citeline, TimelineJS JSON or CSV)", &["json", "csv"])
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
                    .add(egui::Button::new("Save As…").shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_SAVE_AS)))
                    .clicked()
                {
                    self.save.show(self.path.as_deref());
                }
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

    /// The search field, the Filters menu, and what the filter is hiding.
    fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            let hint = format!("Titles, tags, quotes… ({})", ui.ctx().format_shortcut(&SHORTCUT_FIND));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.search.text).hint_text(hint).desired_width(260.0))
                .labelled_by(label.id);
            if std::mem::take(&mut self.search.focus_requested) {
                field.request_focus();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                // Enter selects the next result (the first once the search is done), and the
                // field keeps the focus so that Enter again steps on.
                self.search.select_when_done = true;
                field.request_focus();
            }
            if self.search.is_active() {
                if self.search.is_running() {
                    ui.spinner();
                    ui.label("Searching…");
                } else if let Some(r) = &self.search.results {
                    let n = r.events.len();
                    let text = match n {
                        0 => "No match".to_owned(),
                        1 => "1 match".to_owned(),
                        _ => format!("{} matches", crate::model::date::group_thousands(n as u64)),
                    };
                    ui.label(text);
                }
                if ui.button("Clear Search").on_hover_text("Esc").clicked() {
                    self.search.clear();
                }
            }
            ui.separator();
            let filter_on = self.filters.filter.is_active();
            let menu_title = if filter_on { "Filters (on)" } else { "Filters" };
            let mut changed = false;
            ui.menu_button(menu_title, |ui| changed = self.filters.ui(ui, &self.choices));
            if filter_on && let Some(data) = &self.data {
                let total = data.doc.events().len();
                let shown = total - self.visibility.hidden();
                let text = format!(
                    "Filter on: {} of {} events shown ({})",
                    crate::model::date::group_thousands(shown as u64),
                    crate::model::date::group_thousands(total as u64),
                    self.filters.filter.describe()
                );
                ui.label(RichText::new(text).color(ui.visuals().warn_fg_color).strong());
                if ui.button("Clear Filters").clicked() {
                    self.filters.clear();
                    changed = true;
                }
            }
            if changed {
                self.apply_filter();
            }
        });
    }

    /// The search results, with their dates; a click selects one and brings it into view.
    fn results_ui(&mut self, ui: &mut egui::Ui, data: &Loaded) {
        let Some(results) = self.search.results.clone() else {
            ui.label("Searching…");
            return;
        };
        ui.label(RichText::new(format!("Results ({})", results.events.len())).strong());
        if results.events.is_empty() {
            ui.label(
                "Nothing matches. Search ignores case and accents, and looks in titles, summaries, tags and quotes.",
            );
            return;
        }
        let mut picked = None;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for &e in results.events.iter().take(MAX_LISTED_RESULTS) {
                let title = data.doc.events().get(e as usize).map(|ev| &*ev.title).unwrap_or_default();
                let text = format!("{} — {title}", data.doc.date_label(e as usize));
                let r = ui.selectable_label(self.selected == Some(e), text);
                if r.clicked() {
                    picked = Some(e);
                }
                if self.selected == Some(e) && self.search.scroll_to_selected {
                    r.scroll_to_me(None);
                }
            }
            if results.events.len() > MAX_LISTED_RESULTS {
                ui.label(format!(
                    "…and {} more, highlighted on the timeline",
                    results.events.len() - MAX_LISTED_RESULTS
                ));
            }
        });
        self.search.scroll_to_selected = false;
        if let Some(e) = picked {
            self.select_result(e);
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
                    ("Tab / Shift+Tab", "Move between controls and the events on screen"),
                    ("Enter", "Zoom to the selected event; in the search field, go to the next result"),
                    ("Esc", "Close a dialog, else clear the search, else the selection"),
                    (&ctx.format_shortcut(&SHORTCUT_FIND), "Search"),
                    (&ctx.format_shortcut(&SHORTCUT_OPEN), "Open a timeline"),
                    (&ctx.format_shortcut(&SHORTCUT_SAVE_AS), "Save as citeline, TimelineJS JSON or CSV"),
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
        // Before Ctrl+S-like shortcuts without Shift could take it.
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_SAVE_AS)) {
            self.save.show(self.path.as_deref());
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_QUIT)) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SHORTCUT_FIND)) {
            self.search.focus_requested = true;
        }
        // Esc closes an open dialog first…
        if (self.export.open || self.save.open) && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            self.export.open = false;
            self.save.open = false;
        }
        // …then clears the search, then (in the timeline) the selection.
        if self.search.is_active()
            && !self.export.open
            && !self.save.open
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            self.search.clear();
        }
        self.search.poll();
        if let Some(data) = &self.data {
            let waker = ctx.clone();
            self.search.update(data, &self.visibility, std::mem::take(&mut self.search_again), move || {
                waker.request_repaint();
            });
        }
        if self.search.select_when_done
            && !self.search.is_running()
            && let Some(e) = self.search.take_next()
        {
            self.search.select_when_done = false;
            self.select_result(e);
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
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui));
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
            .show(ui, |ui| self.panel.ui(ui, &data, &self.visibility, self.selected, &palette))
            .inner;
        if let Some(e) = picked {
            self.selected = Some(e);
        }
        if self.search.is_active() {
            egui::Panel::left("results")
                .resizable(true)
                .default_size(300.0)
                .min_size(200.0)
                .show(ui, |ui| self.results_ui(ui, &data));
        }
        let keyboard = !ctx.egui_wants_keyboard_input() && !self.export.open && !self.save.open;
        let visibility = Arc::clone(&self.visibility);
        let matches = self.search.results.clone().filter(|_| self.search.is_active());
        let frame = TimelineFrame {
            data: &data,
            visibility: &visibility,
            matches: matches.as_deref(),
            selected: self.selected,
            palette,
            keyboard,
        };
        let commands = egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                self.timeline_width = ui.available_width();
                timeline_ui(ui, &frame, &mut self.view)
            })
            .inner;
        for c in commands {
            match c {
                TimelineCommand::Select(e) => self.select(e),
                TimelineCommand::SelectNext => self.step_selection(true),
                TimelineCommand::SelectPrevious => self.step_selection(false),
            }
        }
        self.export.ui(&ctx, self.data.as_ref(), self.view.view, &self.visibility);
        self.save.ui(&ctx, self.data.as_ref());
        if let Some(saved) = self.save.saved_citeline.take() {
            self.switch_to_saved(saved, &ctx);
        }
        self.shortcuts_window(&ctx);
    }

    fn on_exit(&mut self) {
        self.save_settings();
    }
}
