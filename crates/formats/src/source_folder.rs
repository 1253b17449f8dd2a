//! Reading a source's file from beside the timeline, and only from there.
//!
//! A timeline may come from a stranger: its `file` fields must not reach `/etc/passwd`, a parent
//! folder, or anything a symbolic link leads to outside the timeline's folder. Refusals name the
//! path but never print the file's content.

use std::path::{Component, Path};
use std::sync::Arc;

use crate::model::sources::SourceFiles;

/// Source texts larger than this are refused; a news article is a few kilobytes.
pub(crate) const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// The files beside a timeline, as a document reads them.
#[derive(Debug)]
pub(crate) struct Folder;

impl SourceFiles for Folder {
    fn read(&self, folder: &Path, relative: &str) -> Result<Vec<u8>, String> {
        read_source_bytes(folder, relative)
    }
}

/// The files beside a timeline, for `Document::with_files`.
pub fn beside() -> Arc<dyn SourceFiles> {
    Arc::new(Folder)
}

/// The bytes of a file beside the timeline in `base`, refused when it lies outside the folder.
pub fn read_source_bytes(base: &Path, relative: &str) -> Result<Vec<u8>, String> {
    // A timeline named without a folder (`case.citeline.json`) has an empty parent.
    let base = if base.as_os_str().is_empty() { Path::new(".") } else { base };
    let rel = Path::new(relative);
    if relative.trim().is_empty() {
        return Err("the source path is empty".into());
    }
    if rel.is_absolute() || relative.starts_with(['/', '\\']) || rel.has_root() {
        return Err(format!("\"{relative}\" is an absolute path; a source file must be inside the timeline's folder"));
    }
    if rel.components().any(|c| matches!(c, Component::ParentDir | Component::Prefix(_))) {
        return Err(format!("\"{relative}\" leads out of the timeline's folder (\"..\" is not allowed)"));
    }
    let joined = base.join(rel);
    let base_real = base.canonicalize().map_err(|e| format!("cannot resolve the timeline's folder: {e}"))?;
    let real = joined.canonicalize().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("source file \"{relative}\" does not exist"),
        _ => format!("cannot open source file \"{relative}\": {e}"),
    })?;
    if !real.starts_with(&base_real) {
        return Err(format!("\"{relative}\" is a link that leads out of the timeline's folder"));
    }
    let meta = std::fs::metadata(&real).map_err(|e| format!("cannot open source file \"{relative}\": {e}"))?;
    if meta.is_dir() {
        return Err(format!("\"{relative}\" is a folder, not a text file"));
    }
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(format!(
            "source file \"{relative}\" is {} MiB; the limit is {} MiB",
            meta.len() / (1024 * 1024),
            MAX_SOURCE_BYTES / (1024 * 1024)
        ));
    }
    std::fs::read(&real).map_err(|e| format!("cannot read source file \"{relative}\": {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of a file beside the timeline in `base`, as UTF-8.
    fn read_source_text(base: &Path, relative: &str) -> Result<String, String> {
        Folder.read_text(base, relative)
    }

    #[test]
    fn reads_files_inside_and_refuses_escapes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let base = dir.path().join("tl");
        std::fs::create_dir_all(base.join("sub")).expect("mkdir");
        std::fs::write(base.join("sub/a.txt"), "hola").expect("write");
        std::fs::write(dir.path().join("secret.txt"), "TOP-SECRET-CONTENT").expect("write");
        std::fs::write(base.join("bad.txt"), [b'o', b'k', 0xff]).expect("write");
        assert_eq!(read_source_text(&base, "sub/a.txt").as_deref(), Ok("hola"));
        for (path, needle) in [
            ("../secret.txt", "leads out"),
            ("/etc/passwd", "absolute"),
            ("sub/../../secret.txt", "leads out"),
            ("missing.txt", "does not exist"),
            ("sub", "folder"),
            ("bad.txt", "offset 2"),
            ("", "empty"),
        ] {
            let err = read_source_text(&base, path).expect_err(path);
            assert!(err.contains(needle), "{path}: {err}");
            assert!(!err.contains("TOP-SECRET"), "{path}: {err}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), base.join("link.txt")).expect("symlink");
            let err = read_source_text(&base, "link.txt").expect_err("link");
            assert!(err.contains("link that leads out"), "{err}");
        }
    }
}
