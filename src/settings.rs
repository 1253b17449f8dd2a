//! What the app remembers between runs, in a JSON file written atomically (eframe's own storage
//! overwrites its file in place, so a crash while saving could lose it).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_write::write_atomically;
use crate::layout::TimeView;

/// Overrides where settings live (tests, portable installs).
pub const CONFIG_DIR_ENV: &str = "CITELINE_CONFIG_DIR";

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

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_atomically(path, &json)
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
}
