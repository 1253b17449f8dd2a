//! What the window tells the user about a file's problems, worded once here.

use std::path::Path;

use crate::model::{Place, Problem};

/// How many problems a report lists before "…and N more".
const MAX_PROBLEM_LINES: usize = 40;

/// How long the status strip shows a [`Flash`], in seconds.
pub const FLASH_SECONDS: f64 = 4.0;

/// Problems to show the user, with what happened; and a word on something just done, shown
/// for a few seconds beside them (or alone: then the headline is empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub headline: String,
    pub lines: Vec<String>,
    pub is_error: bool,
    pub flash: Option<Flash>,
}

/// Something just done, said for [`FLASH_SECONDS`]: "Saved case.citeline.json".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    /// Each flash its own, so that the same words said again are shown for as long again.
    serial: u64,
}

impl Flash {
    pub fn new(text: String) -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Self { text, serial: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) }
    }

    pub fn serial(&self) -> u64 {
        self.serial
    }
}

impl Report {
    pub(crate) fn from_problems(headline: String, problems: &[Problem], is_error: bool) -> Self {
        let mut lines: Vec<String> = problems.iter().take(MAX_PROBLEM_LINES).map(ToString::to_string).collect();
        if problems.len() > MAX_PROBLEM_LINES {
            lines.push(format!("…and {} more", problems.len() - MAX_PROBLEM_LINES));
        }
        Self { headline, lines, is_error, flash: None }
    }

    /// Nothing to report but something just done.
    pub fn flash(text: String) -> Self {
        Self { headline: String::new(), lines: Vec::new(), is_error: false, flash: Some(Flash::new(text)) }
    }

    /// Whether there is nothing but a flash: it goes when the flash does.
    pub fn is_flash_only(&self) -> bool {
        self.headline.is_empty() && self.lines.is_empty()
    }

    /// `text` said for a few seconds: alone when there is nothing else to report (or only
    /// another flash), else beside the report, which stays.
    pub fn flashed(report: Option<Self>, text: String) -> Self {
        match report {
            Some(mut r) if !r.is_flash_only() => {
                r.flash = Some(Flash::new(text));
                r
            }
            _ => Self::flash(text),
        }
    }

    /// A file that could not be opened; `kept` when the timeline shown before is still open.
    pub fn open_failed(path: &Path, problems: &[Problem], kept: bool) -> Self {
        let kept = if kept { " The timeline you had is still open." } else { "" };
        Self::from_problems(format!("Could not open {}.{kept}", path.display()), problems, true)
    }

    /// The open file changed on disk into something that does not open.
    pub(crate) fn reload_failed(path: &Path, problems: &[Problem]) -> Self {
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
        Self { headline, lines: Vec::new(), is_error: true, flash: None }
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

    #[test]
    fn a_flash_stands_alone_or_beside_a_report_it_leaves_as_it_was() {
        let alone = Report::flashed(None, "Saved a.citeline.json".into());
        assert!(alone.is_flash_only());
        assert_eq!(alone.flash.as_ref().map(|f| f.text.as_str()), Some("Saved a.citeline.json"));
        let again = Report::flashed(Some(alone.clone()), "Saved a.citeline.json".into());
        assert!(again.is_flash_only(), "a flash replaces a flash");
        assert_ne!(again.flash.as_ref().map(Flash::serial), alone.flash.as_ref().map(Flash::serial), "anew");
        let failed = Report::failed("Could not save".into());
        let beside = Report::flashed(Some(failed.clone()), "Added source ‘X’".into());
        assert!(!beside.is_flash_only());
        assert_eq!((&beside.headline, &beside.lines, beside.is_error), (&failed.headline, &failed.lines, true));
        assert_eq!(beside.flash.map(|f| f.text), Some("Added source ‘X’".to_owned()));
    }
}
