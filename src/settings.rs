//! What the app remembers between runs, in a JSON file written atomically (eframe's own storage
//! overwrites its file in place, so a crash while saving could lose it).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_write::write_atomically;
use crate::layout::TimeView;

/// How many files File › Open Recent lists.
pub(crate) const MAX_RECENT: usize = 10;

/// Overrides where settings live (tests, portable installs).
pub(crate) const CONFIG_DIR_ENV: &str = "CITELINE_CONFIG_DIR";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub last_file: Option<PathBuf>,
    /// The view of `last_file` when the app closed.
    pub view: Option<TimeView>,
    pub theme: ThemeChoice,
    /// Inner size of the window, in points.
    pub window_size: Option<[f32; 2]>,
}

impl Settings {
    /// `settings.json` in the platform's configuration folder.
    pub fn default_path() -> Option<PathBuf> {
        let dir = if let Some(d) = std::env::var_os(CONFIG_DIR_ENV) {
            PathBuf::from(d)
        } else if let Some(d) = std::env::var_os("XDG_CONFIG_HOME").filter(|d| !d.is_empty()) {
            PathBuf::from(d).join("citeline")
        } else if let Some(d) = std::env::var_os("APPDATA") {
            PathBuf::from(d).join("citeline")
        } else {
            PathBuf::from(std::env::var_os("HOME")?).join(".config").join("citeline")
        };
        Some(dir.join("settings.json"))
    }

    /// The saved settings, or the defaults when there are none or they cannot be read: a
    /// damaged settings file must never keep the app from starting.
    pub fn load(path: &Path) -> Self {
        std::fs::read(path).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok()).unwrap_or_default()
    }

    /// Puts `file` first in the recent list (once, at most [`MAX_RECENT`] kept) and makes it
    /// the file to reopen; `None` (the built-in timeline) reopens nothing.
    pub(crate) fn remember_file(&mut self, file: Option<&Path>) {
        let Some(file) = file else {
            self.last_file = None;
            return;
        };
        let file = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_owned());
        self.recent.retain(|r| r != &file);
        self.recent.insert(0, file.clone());
        self.recent.truncate(MAX_RECENT);
        self.last_file = Some(file);
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_atomically(path, &json)
    }
}

/// Where settings are saved, and what was last written there, so that a crash loses little and
/// unchanged settings are not written again.
#[derive(Debug, Default)]
pub(crate) struct SettingsStore {
    /// `None` remembers nothing (tests).
    path: Option<PathBuf>,
    last_saved: Option<Settings>,
    /// When settings were last looked at for saving, by the caller's clock.
    saved_at: f64,
}

impl SettingsStore {
    /// How often changed settings are written.
    const EVERY_SECONDS: f64 = 5.0;

    /// The store at `path`, and the settings it holds.
    pub fn open(path: Option<PathBuf>) -> (Self, Settings) {
        let settings = path.as_deref().map(Settings::load).unwrap_or_default();
        (Self { path, last_saved: Some(settings.clone()), saved_at: 0.0 }, settings)
    }

    /// Where the recovery journal lives: beside the settings (`None` keeps none: tests).
    pub(crate) fn journal_path(&self) -> Option<PathBuf> {
        Some(self.path.as_deref()?.with_file_name("journal.jsonl"))
    }

    /// Writes `settings` now (on exit). Nothing to do about a settings file that cannot be
    /// written but to keep going.
    pub fn save(&mut self, settings: &Settings) {
        let Some(path) = &self.path else { return };
        if settings.save(path).is_ok() {
            self.last_saved = Some(settings.clone());
        }
    }

    /// Writes `settings` if they changed and a while has passed; otherwise returns in how many
    /// seconds to ask again (an idle window draws no frames: it must ask for one).
    pub(crate) fn autosave(&mut self, settings: &Settings, now: f64) -> Option<f64> {
        if self.path.is_none() || self.last_saved.as_ref() == Some(settings) {
            return None;
        }
        let due = self.saved_at + Self::EVERY_SECONDS;
        if now < due {
            return Some(due - now);
        }
        self.saved_at = now;
        self.save(settings);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_survive_damage() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("nested/settings.json");
        assert_eq!(Settings::load(&path), Settings::default());
        let s = Settings {
            recent: vec![PathBuf::from("/cases/a.citeline.json")],
            last_file: Some(PathBuf::from("/cases/a.citeline.json")),
            view: Some(TimeView { min: 100.0, span: 50.0 }),
            theme: ThemeChoice::Dark,
            window_size: Some([1200.0, 800.0]),
        };
        s.save(&path).expect("save");
        assert_eq!(Settings::load(&path), s);
        std::fs::write(&path, b"{\"recent\": [").expect("damage");
        assert_eq!(Settings::load(&path), Settings::default());
    }

    #[test]
    fn recent_files_are_most_recent_first_without_repeats_and_bounded() {
        let mut s = Settings::default();
        for i in 0..15 {
            s.remember_file(Some(Path::new(&format!("/cases/{}.citeline.json", i % 12))));
        }
        s.remember_file(Some(Path::new("/cases/3.citeline.json")));
        assert_eq!(s.recent.len(), MAX_RECENT);
        assert_eq!(s.recent[0], Path::new("/cases/3.citeline.json"));
        assert_eq!(s.recent.iter().filter(|p| p.ends_with("3.citeline.json")).count(), 1);
        assert_eq!(s.last_file.as_deref(), Some(Path::new("/cases/3.citeline.json")));
        s.remember_file(None);
        assert_eq!(s.last_file, None);
        assert_eq!(s.recent.len(), MAX_RECENT, "the built-in timeline leaves the list alone");
    }

    #[test]
    fn autosave_waits_between_writes_and_skips_unchanged_settings() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("settings.json");
        let (mut store, mut s) = SettingsStore::open(Some(path.clone()));
        assert_eq!(store.autosave(&s, 0.0), None, "unchanged: nothing to write");
        s.theme = ThemeChoice::Dark;
        assert_eq!(store.autosave(&s, 1.0), Some(4.0), "not yet due");
        assert!(!path.exists());
        assert_eq!(store.autosave(&s, 6.0), None);
        assert_eq!(Settings::load(&path), s);
    }
}
