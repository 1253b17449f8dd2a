//! What the window tells the user about a file's problems, worded once here.

use std::path::Path;

use crate::model::{Place, Problem};

/// How many problems a report lists before "…and N more".
const MAX_PROBLEM_LINES: usize = 40;

/// Problems to show the user, with what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub headline: String,
    pub lines: Vec<String>,
    pub is_error: bool,
}

impl Report {
    pub fn from_problems(headline: String, problems: &[Problem], is_error: bool) -> Self {
        let mut lines: Vec<String> = problems.iter().take(MAX_PROBLEM_LINES).map(ToString::to_string).collect();
        if problems.len() > MAX_PROBLEM_LINES {
            lines.push(format!("…and {} more", problems.len() - MAX_PROBLEM_LINES));
        }
        Self { headline, lines, is_error }
    }

    /// A file that could not be opened; `kept` when the timeline shown before is still open.
    pub fn open_failed(path: &Path, problems: &[Problem], kept: bool) -> Self {
        let kept = if kept { " The timeline you had is still open." } else { "" };
        Self::from_problems(format!("Could not open {}.{kept}", path.display()), problems, true)
    }

    /// The open file changed on disk into something that does not open.
    pub fn reload_failed(path: &Path, problems: &[Problem]) -> Self {
        let headline =
            format!("{} changed on disk and now has problems: showing the last good version.", path.display());
        Self::from_problems(headline, problems, true)
    }

    /// A timeline that opened with warnings (quotes not found, sources without text); `None`
    /// when there are none.
    pub fn opened_with(problems: &[Problem]) -> Option<Self> {
        if problems.is_empty() {
            return None;
        }
        let not_found = problems.iter().filter(|p| p.is_error()).count();
        let source_field = |p: &Problem, fields: &[&str]| {
            !p.is_error() && matches!(&p.place, Place::Source { field, .. } if fields.contains(&field.as_str()))
        };
        let no_text = problems.iter().filter(|p| source_field(p, &["text"])).count();
        let changed = problems.iter().filter(|p| source_field(p, &["original", "text_sha256"])).count();
        let other = problems.len() - not_found - no_text - changed;
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
        if changed > 0 {
            parts.push(format!(
                "{changed} source{} changed since added: the list says where quotes now stand.",
                plural(changed)
            ));
        }
        if other > 0 {
            parts.push(format!("{other} other warning{}.", plural(other)));
        }
        Some(Self::from_problems(parts.join(" "), problems, false))
    }

    /// Something that failed with a single message (a save, a job that stopped).
    pub fn failed(headline: String) -> Self {
        Self { headline, lines: Vec::new(), is_error: true }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_count_what_went_wrong_and_cut_long_lists() {
        let path = Path::new("a.citeline.json");
        let many: Vec<Problem> =
            (0..50).map(|i| Problem::in_event(path, &format!("e{i}"), "citations[0].quote", "not found")).collect();
        let r = Report::opened_with(&many).expect("a report");
        assert!(r.headline.starts_with("50 citations could not be verified"), "{}", r.headline);
        assert_eq!(r.lines.len(), MAX_PROBLEM_LINES + 1);
        assert_eq!(r.lines.last().map(String::as_str), Some("…and 10 more"));
        let warning = Problem::warning(path, Place::Source { id: "s".into(), field: "text".into() }, "no text");
        let r = Report::opened_with(&[warning]).expect("a report");
        assert!(r.headline.contains("1 source without text: quotes citing it"), "{}", r.headline);
        assert!(!r.is_error);
        let changed = Problem::warning(path, Place::Source { id: "s".into(), field: "original".into() }, "changed");
        let moved = Problem::warning(path, Place::Event { id: "e".into(), field: "citations[0].quote".into() }, "p. 3");
        let r = Report::opened_with(&[changed, moved]).expect("a report");
        assert_eq!(r.headline, "1 source changed since added: the list says where quotes now stand. 1 other warning.");
        assert_eq!(Report::opened_with(&[]), None);
        let failed = Report::open_failed(path, &many[..1], true);
        assert!(failed.headline.contains("a.citeline.json") && failed.headline.contains("still open"));
    }
}
