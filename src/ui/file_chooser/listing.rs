//! What citeline's own file chooser reads of the disk: a typed path split into its folder and
//! the start of a name, a folder's entries (folders first, then the files wanted), and the
//! completions of a name.

use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub is_dir: bool,
}

/// More entries than this in one folder are not listed (a folder of a million files).
const MAX_ENTRIES: usize = 5_000;

/// The folder `typed` points into and the start of a name typed in it. A relative path starts
/// from `base`; `~/` is the home folder.
pub fn split(typed: &str, base: &Path) -> (PathBuf, String) {
    let expanded = expand_home(typed);
    let path = if expanded.is_absolute() { expanded } else { base.join(expanded) };
    if typed.is_empty() || typed.ends_with(std::path::MAIN_SEPARATOR) || typed.ends_with('/') {
        return (path, String::new());
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = path.parent().map_or_else(|| base.to_owned(), Path::to_owned);
    (folder, name)
}

/// `typed` as a path, `~` standing for the home folder.
pub fn expand_home(typed: &str) -> PathBuf {
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    match typed.strip_prefix('~') {
        Some("") => home().unwrap_or_else(|| PathBuf::from(typed)),
        Some(rest) if rest.starts_with('/') => {
            home().map_or_else(|| PathBuf::from(typed), |h| h.join(rest.trim_start_matches('/')))
        }
        _ => PathBuf::from(typed),
    }
}

/// Whether `name` ends with one of `extensions` (without the dot, any case); an empty list or
/// `*` takes every file.
pub(crate) fn wanted(name: &str, extensions: &[&str]) -> bool {
    let lower = name.to_lowercase();
    extensions.is_empty() || extensions.iter().any(|e| *e == "*" || lower.ends_with(&format!(".{}", e.to_lowercase())))
}

/// The folders and wanted files in `dir`, folders first, each sorted by name ignoring case;
/// hidden ones (a leading dot) are left out.
pub fn list(dir: &Path, extensions: &[&str]) -> std::io::Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .take(MAX_ENTRIES)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // Follows links, so that a link to a folder lists as one.
            let is_dir = std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir());
            (!name.starts_with('.') && (is_dir || wanted(&name, extensions))).then_some(Entry { name, is_dir })
        })
        .collect();
    entries.sort_by(|a, b| b.is_dir.cmp(&a.is_dir).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())));
    Ok(entries)
}

/// The entries whose name starts with `start` (ignoring case).
pub fn completions<'a>(entries: &'a [Entry], start: &str) -> impl Iterator<Item = &'a Entry> {
    let start = start.to_lowercase();
    entries.iter().filter(move |e| e.name.to_lowercase().starts_with(&start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_path_splits_into_its_folder_and_a_name_begun() {
        let base = Path::new("/work");
        assert_eq!(split("", base), (PathBuf::from("/work"), String::new()));
        assert_eq!(split("/tmp/fo", base), (PathBuf::from("/tmp"), "fo".to_owned()));
        assert_eq!(split("/tmp/", base), (PathBuf::from("/tmp/"), String::new()));
        assert_eq!(split("cases/net", base), (PathBuf::from("/work/cases"), "net".to_owned()));
        assert_eq!(split("net", base), (PathBuf::from("/work"), "net".to_owned()));
        if let Some(home) = std::env::var_os("HOME") {
            assert_eq!(split("~/x", base).0, PathBuf::from(home));
        }
    }

    #[test]
    fn a_folder_lists_folders_first_then_the_wanted_files_and_completes_a_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        for f in ["b.citeline.json", "A.csv", "notes.txt", ".hidden.json", "Case.JSON"] {
            std::fs::write(dir.path().join(f), "{}").expect("write");
        }
        std::fs::create_dir(dir.path().join("cases")).expect("mkdir");
        let entries = list(dir.path(), &["json", "csv"]).expect("list");
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["cases", "A.csv", "b.citeline.json", "Case.JSON"]);
        assert!(entries[0].is_dir);
        let c: Vec<&str> = completions(&entries, "ca").map(|e| e.name.as_str()).collect();
        assert_eq!(c, ["cases", "Case.JSON"]);
        let all = list(dir.path(), &[]).expect("list");
        assert_eq!(all.len(), 5, "every file but the hidden one, and the folder");
        assert!(list(&dir.path().join("missing"), &[]).is_err());
    }
}
