//! Problems found in a timeline file, each naming the file, the place and what is wrong.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole (missing, too large, not UTF-8…).
    File,
    /// 1-based line and column, as `serde_json` reports them.
    Position {
        line: usize,
        column: usize,
    },
    Event {
        id: String,
        field: String,
    },
    Source {
        id: String,
        field: String,
    },
    /// An era, numbered from 1 in the file's order.
    Era {
        index: usize,
        field: String,
    },
    /// A record of a file without ids, such as a spreadsheet row.
    Row {
        row: usize,
        field: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub place: Place,
    pub message: String,
    pub severity: Severity,
}

impl Problem {
    pub fn error(file: &Path, place: Place, message: impl Into<String>) -> Self {
        Self { file: file.to_owned(), place, message: message.into(), severity: Severity::Error }
    }

    pub fn warning(file: &Path, place: Place, message: impl Into<String>) -> Self {
        Self { file: file.to_owned(), place, message: message.into(), severity: Severity::Warning }
    }

    pub fn in_event(file: &Path, id: &str, field: &str, message: impl Into<String>) -> Self {
        Self::error(file, Place::Event { id: clip(id), field: field.to_owned() }, message)
    }

    pub(crate) fn in_source(file: &Path, id: &str, field: &str, message: impl Into<String>) -> Self {
        Self::error(file, Place::Source { id: clip(id), field: field.to_owned() }, message)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Ids come from the file; a hostile one must not flood a terminal.
pub(crate) fn clip(id: &str) -> String {
    const MAX: usize = 80;
    if id.chars().count() <= MAX { id.to_owned() } else { id.chars().take(MAX).chain(['…']).collect() }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File => Ok(()),
            Self::Position { line, column } => write!(f, "{line}:{column}"),
            Self::Event { id, field } => write!(f, "event \"{id}\", field `{field}`"),
            Self::Source { id, field } => write!(f, "source \"{id}\", field `{field}`"),
            Self::Era { index, field } => write!(f, "era {index}, field `{field}`"),
            Self::Row { row, field } => write!(f, "row {row}, field `{field}`"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let file = self.file.display();
        match &self.place {
            Place::File => write!(f, "{file}: {kind}: {}", self.message),
            Place::Position { .. } => write!(f, "{file}:{}: {kind}: {}", self.place, self.message),
            place => write!(f, "{file}: {place}: {kind}: {}", self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_file_and_place() {
        let p = Problem::error(Path::new("a.citeline.json"), Place::Position { line: 3, column: 7 }, "expected `,`");
        assert_eq!(p.to_string(), "a.citeline.json:3:7: error: expected `,`");
        let p = Problem::in_event(Path::new("a.json"), "e1", "when", "invalid date");
        assert_eq!(p.to_string(), "a.json: event \"e1\", field `when`: error: invalid date");
        let long = "x".repeat(500);
        let p = Problem::in_source(Path::new("a.json"), &long, "file", "missing");
        assert!(p.to_string().len() < 200);
    }
}
