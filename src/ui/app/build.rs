//! Building a chronology: sources added, passages made events or citations, new timelines.

use std::ops::Range;
use std::path::PathBuf;

use super::{CitelineApp, Modal};
use crate::formats::source_file::{read_source_file, source_text};
use crate::model::Citation;
use crate::model::edit::{Edit, unique_event_id};
use crate::model::fields::{Field, from_passage};
use crate::session::sources::SourceDetails;
use crate::ui::command::Command;
use crate::ui::command::SourceInput;

impl CitelineApp {
    /// The commands that build the chronology: sources, passages, new timelines.
    pub(super) fn apply_building(&mut self, command: Command) {
        match command {
            Command::EventFromPassage { source, range } => self.event_from_passage(&source, range),
            Command::CitePassage { source, range, event } => self.cite_passage(&source, range, event),
            Command::ShowSource(id) => self.panel.source_view.show(&id),
            Command::CancelAddingSource => {
                if let Some((path, _)) = self.session.adding_source() {
                    let name = crate::ui::status::file_name(path);
                    self.flash(format!("Stopped reading {name}: nothing was added"));
                }
                self.session.cancel_adding_source();
            }
            Command::ShowAddSource(file) => {
                self.sources.show(file);
                self.show_modal(Modal::AddSource);
            }
            Command::AskDeleteSource(id) => {
                if crate::ui::source_editor::citing(&self.session.data().doc, &id).is_empty() {
                    self.apply_building(Command::DeleteSource(id));
                } else {
                    self.show_modal(Modal::DeleteSource(id));
                }
            }
            Command::DeleteSource(id) => {
                self.close_modal(|m| matches!(m, Modal::DeleteSource(_)));
                if let Some(edit) = crate::ui::source_editor::delete_source(&self.session.data().doc, &id) {
                    self.edit(edit, None);
                }
            }
            Command::CancelDeleteSource => self.close_modal(|m| matches!(m, Modal::DeleteSource(_))),
            Command::AddSource(input, details) => self.add_source(input, details),
            Command::ShowNewTimeline => {
                self.new_timeline.show(self.session.path());
                self.show_modal(Modal::NewTimeline);
            }
            Command::NewTimeline(path) => self.new_timeline(path),
            Command::ToggleChangedSources => self.changed.toggle(),
            Command::ReadNewVersion(id) => match self.session.read_new_version(&id) {
                Ok(()) => self.changed.open = true,
                Err(e) => self.report = Some(crate::session::Report::failed(e)),
            },
            Command::FindByHand { source, event, citation, near } => {
                let quote = self.session.data().doc.events().get(event).and_then(|e| e.citations.get(citation));
                if let Some(quote) = quote.map(|c| c.quote.to_string()) {
                    self.panel.source_view.show_at(&source, near);
                    self.panel.source_view.placing = Some(crate::ui::source_view::Placing { event, citation, quote });
                }
            }
            Command::PlaceCitation { source, event, citation, range } => {
                self.place_citation(&source, (event, citation), range);
            }
            // `apply` sends only the commands above here.
            _ => {}
        }
    }

    /// The passage `range` of source `source`, as it stands in the text.
    fn passage(&self, source: &str, range: Range<usize>) -> Option<String> {
        let (_, text) = self.session.data().doc.source(source)?;
        text.get(range).map(str::to_owned)
    }

    /// A new event citing the passage, dated by the date reader where the passage (or its
    /// sentence) says when, selected and brought into view, its title ready for typing.
    pub(super) fn event_from_passage(&mut self, source: &str, range: Range<usize>) {
        let doc = &self.session.data().doc;
        let Some((s, text)) = doc.source(source) else { return };
        let Some(made) = from_passage(unique_event_id(doc, "event"), s, text, range) else { return };
        self.panel.source_view.let_go();
        let index = doc.events().len();
        let (id, when) = (made.event.id.clone(), made.event.when.as_deref().map(str::to_owned));
        self.edit(Edit::AddEvent { index, event: made.event }, None);
        if self.session.data().doc.events().len() > index {
            self.select(u32::try_from(index).ok());
            self.panel.editor.focus = Some(Field::Title);
            self.panel.editor.read_from =
                made.read_from.zip(when).map(|(words, when)| (id.as_str().into(), when, words));
        }
    }

    /// The passage as one more citation of `event`.
    pub(super) fn cite_passage(&mut self, source: &str, range: Range<usize>, event: u32) {
        let Some(quote) = self.passage(source, range.clone()) else { return };
        let doc = &self.session.data().doc;
        let Some(e) = doc.events().get(event as usize) else { return };
        // Anchored where it stands, so that a new version of the source finds it again.
        let anchor = doc.source(source).map(|(s, text)| Box::new(crate::model::anchor::anchor_in(s, text, range)));
        let citation =
            Citation { source: source.into(), quote: quote.into(), note: None, anchor, ..Citation::default() };
        self.panel.source_view.let_go();
        self.edit(Edit::AddCitation { event: event as usize, index: e.citations.len(), citation }, None);
    }

    /// The words `range` of a changed source's new text, selected by hand for citation
    /// `citation` of event `event`: one undoable edit, which settles the source when nothing
    /// else of it waits.
    fn place_citation(&mut self, source: &str, (event, citation): (usize, usize), range: Range<usize>) {
        let doc = &self.session.data().doc;
        let found = crate::model::anchor::reanchor_source(doc, source);
        let Some(at) = found.iter().position(|f| (f.event, f.citation) == (event, citation)) else { return };
        let answer = crate::model::anchor::review::Answer::Place(range);
        if let Some(edit) = crate::model::anchor::review::answer_edit(doc, source, &found, at, &answer) {
            self.panel.source_view.placing = None;
            self.edit(edit, None);
            if let Ok(e) = u32::try_from(event) {
                self.select(Some(e));
            }
        }
    }

    /// Adds a source from a file or pasted text; its text is shown, ready for selecting. A PDF
    /// is read in the background (a long one, or a scan read by OCR, takes a while), its
    /// progress in the status strip.
    pub(super) fn add_source(&mut self, input: SourceInput, details: SourceDetails) {
        let (read, name) = match input {
            SourceInput::File(path)
                if crate::formats::source_file::kind_of_file(&path) == Some(crate::model::OriginalKind::Pdf) =>
            {
                self.close_modal(|m| matches!(m, Modal::AddSource));
                self.session.add_source_in_background(path, details);
                return;
            }
            SourceInput::File(path) => {
                let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                (read_source_file(&path), name)
            }
            SourceInput::Pasted(text) => {
                (source_text(text).ok_or_else(|| "there is no text to add".to_owned()), "pasted".to_owned())
            }
        };
        let added = read.and_then(|source| match &details.replaces {
            Some(id) => self.session.replace_source_text(id, &source).map(|()| id.clone()),
            None => self.session.add_source(&source, &name, details),
        });
        self.source_added(added);
    }

    /// A source added (its text shown), or the Add Source dialog again with why not.
    pub(super) fn source_added(&mut self, added: Result<String, String>) {
        match added {
            Ok(id) => {
                self.close_modal(|m| matches!(m, Modal::AddSource));
                self.sources.message = None;
                self.panel.source_view.show(&id);
                let doc = &self.session.data().doc;
                let title = doc.source(&id).map_or(id.clone(), |(s, _)| s.title.clone());
                // A long title is cut where a word ends, and says so.
                let title = match title.char_indices().nth(50) {
                    Some((at, _)) => {
                        format!("{}…", title[..at].rsplit_once(' ').map_or(&title[..at], |(kept, _)| kept))
                    }
                    None => title,
                };
                // A new version of a source (its text no longer the one its quotes were checked
                // in): its quotes are reviewed.
                let index = doc.timeline().sources.iter().position(|s| *s.id == *id);
                if index.is_some_and(|i| crate::model::anchor::text_changed(doc, i)) {
                    self.changed.open = true;
                    self.flash(format!("Replaced the text of “{title}”: review its quotes under Changed Sources"));
                } else {
                    self.flash(format!("Added source “{title}”"));
                }
            }
            Err(e) if e.ends_with(crate::model::progress::CANCELLED) => {}
            Err(e) => {
                self.show_modal(Modal::AddSource);
                self.sources.message = Some(Err(e));
            }
        }
    }

    /// Makes a new timeline (and its sources folder) and opens it.
    pub(super) fn new_timeline(&mut self, path: PathBuf) {
        match crate::formats::new_timeline(&path, None) {
            Ok(()) => {
                self.close_modal(|m| matches!(m, Modal::NewTimeline));
                self.restore_view = None;
                self.session.open(path);
            }
            Err(e) => self.new_timeline.message = Some(Err(e)),
        }
    }
}
