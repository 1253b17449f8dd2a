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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::{Limits, open};
    use crate::model::progress::Progress;

    #[test]
    fn saving_and_reopening_keeps_the_timeline_and_its_ids() {
        let seed = Path::new("assets/timelines/netflix-facebook.citeline.json");
        let doc = open(seed, Limits::default(), &Progress::default()).expect("seed");
        let dir = tempfile::tempdir().expect("tempdir");
        let copy = dir.path().join("copy.citeline.json");
        save(doc.timeline(), &copy).expect("save");
        let again = open(&copy, Limits::default(), &Progress::default()).expect("reopens");
        assert_eq!(again.timeline(), doc.timeline());
        assert_eq!(again.tally(), doc.tally());
    }
}
