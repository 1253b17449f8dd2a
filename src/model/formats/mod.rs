//! The file formats citeline reads and writes: its own JSON, TimelineJS3 JSON, and the
//! TimelineJS spreadsheet template as CSV. A file's format is told by its content, not its name.

pub mod html;
pub mod timelinejs;
pub mod tjs_csv;
pub mod tjs_date;

use std::path::Path;

use super::Document;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Citeline,
    TimelineJs,
    TimelineJsCsv,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Self::Citeline => "citeline JSON",
            Self::TimelineJs => "TimelineJS JSON",
            Self::TimelineJsCsv => "TimelineJS spreadsheet (CSV)",
        }
    }

    #[allow(clippy::case_sensitive_file_extension_comparisons)] // the name is lower-cased first
    /// The format a file name asks for: `*.citeline.json` citeline, `*.csv` the TimelineJS
    /// template, any other `*.json` TimelineJS3 JSON.
    pub fn from_name(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        if name.ends_with(".citeline.json") {
            Some(Self::Citeline)
        } else if name.ends_with(".csv") {
            Some(Self::TimelineJsCsv)
        } else if name.ends_with(".json") {
            Some(Self::TimelineJs)
        } else {
            None
        }
    }

    /// The format of a file from its first bytes.
    pub fn detect(head: &[u8]) -> Self {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
        if head.get(start) == Some(&b'{') || head.get(start) == Some(&b'[') {
            // Keys only TimelineJS uses; a citeline file has no such key, and a value holding
            // these words is quoted inside its string.
            let text = String::from_utf8_lossy(head);
            if ["\"start_date\"", "\"headline\"", "\"unique_id\""].iter().any(|k| text.contains(k)) {
                return Self::TimelineJs;
            }
            return Self::Citeline;
        }
        let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
        if tjs_csv::looks_like_header(&String::from_utf8_lossy(first_line)) {
            return Self::TimelineJsCsv;
        }
        Self::Citeline
    }
}

/// The document written in `format`, and a warning for what the format cannot hold.
pub fn write(doc: &Document, format: Format) -> (String, Option<String>) {
    let undated = timelinejs::undated_ids(doc);
    let left_out = (format != Format::Citeline && !undated.is_empty()).then(|| {
        let shown: Vec<&str> = undated.iter().take(5).map(String::as_str).collect();
        format!(
            "{} undated event{} left out, as TimelineJS needs a date: {}{}",
            undated.len(),
            if undated.len() == 1 { "" } else { "s" },
            shown.join(", "),
            if undated.len() > 5 { ", …" } else { "" }
        )
    });
    let text = match format {
        Format::Citeline => super::save::to_json(doc.timeline()),
        Format::TimelineJs => timelinejs::write(doc),
        Format::TimelineJsCsv => tjs_csv::write(doc),
    };
    (text, left_out)
}

/// Writes the document to `path` in `format`, atomically. A citeline file written to another
/// folder gets its source texts inline, since their `file` paths are relative to the old one.
/// Returns a warning for what the format cannot hold.
pub fn save_as(doc: &Document, path: &Path, format: Format) -> Result<Option<String>, String> {
    let folder = |p: &Path| {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::canonicalize(parent).ok()
    };
    let moved = folder(path) != folder(doc.path());
    let needs_inline = format == Format::Citeline && moved && doc.timeline().sources.iter().any(|s| s.file.is_some());
    let (text, warning) = if needs_inline {
        let mut timeline = doc.timeline().clone();
        for s in &mut timeline.sources {
            if s.file.take().is_some() {
                s.text = doc.source(&s.id).map(|(_, text)| text.to_owned());
            }
        }
        (super::save::to_json(&timeline), None)
    } else {
        write(doc, format)
    };
    crate::atomic_write::write_atomically(path, text.as_bytes())
        .map_err(|e| format!("cannot write \"{}\": {e}", path.display()))?;
    Ok(warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(Format::detect(b"  {\"title\": \"x\", \"events\": []}"), Format::Citeline);
        assert_eq!(
            Format::detect(b"{\"title\": {\"text\": {\"headline\": \"x\"}}, \"events\": []}"),
            Format::TimelineJs
        );
        assert_eq!(Format::detect(b"\xEF\xBB\xBF{\"events\": [{\"start_date\": {\"year\": 1}}]}"), Format::TimelineJs);
        assert_eq!(
            Format::detect(b"Year,Month,Day,Time,End Year,Headline,Text\n2013,8,,,,A,B\n"),
            Format::TimelineJsCsv
        );
        assert_eq!(Format::detect(b"\"Year\",\"Headline\"\n"), Format::TimelineJsCsv);
        assert_eq!(Format::detect(b"hello"), Format::Citeline);
        assert_eq!(Format::from_name(Path::new("a.citeline.json")), Some(Format::Citeline));
        assert_eq!(Format::from_name(Path::new("a.JSON")), Some(Format::TimelineJs));
        assert_eq!(Format::from_name(Path::new("a.csv")), Some(Format::TimelineJsCsv));
        assert_eq!(Format::from_name(Path::new("a.txt")), None);
    }
}
