//! Writing a timeline back to disk, atomically.

use std::path::Path;

use super::timeline::Timeline;
use crate::atomic_write::write_atomically;

pub fn to_json(timeline: &Timeline) -> String {
    // Serialising plain owned data to a String cannot fail.
    serde_json::to_string_pretty(timeline).unwrap_or_default() + "\n"
}

pub fn save(timeline: &Timeline, path: &Path) -> std::io::Result<()> {
    write_atomically(path, to_json(timeline).as_bytes())
}
