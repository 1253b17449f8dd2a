//! What the panels, menus and dialogs ask the app to do. They return commands; the app applies
//! them after the frame, so no panel reaches into another's state (as rerun's
//! `TimeControlCommand`).

use std::path::PathBuf;

use crate::formats::Format;
use crate::model::edit::Edit;
use crate::model::filter::Filter;
use crate::session::sources::SourceDetails;
use crate::settings::ThemeChoice;

#[must_use]
#[derive(Clone, Debug, PartialEq)]
// A handful of commands live for a frame: an edit carrying a whole source is not worth a box.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Opens a timeline file (in the background).
    Open(PathBuf),
    /// Asks for a file to open.
    OpenDialog,
    /// Asks for a file for this purpose, starting from this one (Browse… in a dialog).
    Browse(Purpose, Option<PathBuf>),
    /// A file was chosen for this purpose.
    FileChosen(Purpose, PathBuf),
    OpenSample,
    ShowSaveAs,
    ShowExport,
    /// Asks where to write the chronology as a table (XLSX or CSV).
    ShowExportTable,
    /// Writes the table of the events the filter shows there (in the background).
    ExportTable(PathBuf),
    /// Asks where to publish the timeline as one web page.
    ShowPublish,
    /// Publishes the events the filter shows as one web page there (in the background).
    Publish(PathBuf),
    /// Asks where to write the chronology as a report (PDF or Word).
    ShowExportReport,
    /// Writes the report of the events the filter shows there (in the background).
    ExportReport(PathBuf),
    ShowShortcuts,
    Quit,
    /// Writes the document to a file.
    SaveAs(PathBuf, Format),
    /// Saves to the open file (Ctrl+S), or asks where.
    Save,
    Undo,
    Redo,
    /// Changes the document; edits with the same key in a row undo as one step.
    Edit(Edit, Option<String>),
    /// Typing in a field ended: the next edit is a new undo step.
    SealHistory,
    DeleteEvent(u32),
    /// A new event at the middle of the view, selected, its title ready for typing.
    NewEvent,
    /// Makes the selected passage of a source (a byte range of its text) a new event.
    EventFromPassage {
        source: String,
        range: std::ops::Range<usize>,
    },
    /// Adds the selected passage as one more citation of an event.
    CitePassage {
        source: String,
        range: std::ops::Range<usize>,
        event: u32,
    },
    /// Shows a source's text in the side panel.
    ShowSource(String),
    ShowAddSource(Option<PathBuf>),
    /// Deleting a source: asks first when events cite it.
    AskDeleteSource(String),
    DeleteSource(String),
    CancelDeleteSource,
    AddSource(SourceInput, SourceDetails),
    ShowNewTimeline,
    /// Creates a timeline there (and its sources folder), then opens it.
    NewTimeline(PathBuf),
    /// The answer to "the file changed on disk while you have unsaved changes".
    Conflict(ConflictAnswer),
    /// The answer to "restore the changes a crash left unsaved?".
    Recover(bool),
    /// The answer to "save your changes first?".
    Unsaved(UnsavedAnswer),
    Select(Option<u32>),
    /// Selects a search result and centres it.
    SelectResult(u32),
    SelectNext,
    SelectPrevious,
    FitAll,
    SetTheme(ThemeChoice),
    SetFilter(Filter),
    FocusSearch,
    /// The keyboard to the events on the timeline (F6).
    FocusEvents,
    ClearSearch,
    /// Enter in the search field: the next result, once the search is done.
    NextResult,
    CancelLoading,
    /// Open View › Go to Date….
    ShowGoto,
    /// Move the view there, animated.
    GoTo(crate::layout::axis::TimeView),
    /// Show or hide the Proposals list.
    ToggleProposals,
    /// Show or hide the Changed sources review.
    ToggleChangedSources,
    /// Read a source's changed original again and take its text as the source's new version.
    ReadNewVersion(String),
    /// Show a changed source's text, to select there the words of citation `citation` of
    /// event `event` (indices) by hand.
    FindByHand {
        source: String,
        event: usize,
        citation: usize,
        /// Where the quote stood (a byte of the text): the text opens there.
        near: usize,
    },
    /// The words selected by hand for a citation of a changed source (Find by Hand).
    PlaceCitation {
        source: String,
        event: usize,
        citation: usize,
        range: std::ops::Range<usize>,
    },
    /// Make events of these proposals (one undo step).
    AcceptProposals(Vec<crate::model::propose::Proposal>),
    /// Never propose these again (one undo step).
    RejectProposals(Vec<crate::model::propose::Proposal>),
    CancelSaving,
    /// Stop writing the table or the page.
    CancelExportTable,
    CancelExportReport,
    /// Stop reading the document being added as a source.
    CancelAddingSource,
    DismissReport,
}

/// What a command is about. Each group is applied in its own file of `ui/app`: `file.rs`,
/// `exports.rs`, `editing.rs`, `build.rs` and `view.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Group {
    /// Opening, saving, quitting and the questions they ask.
    File,
    /// Images, tables, reports and the published page.
    Export,
    /// Changes to the events, and their undo.
    Edit,
    /// Sources, passages made events or citations, new timelines.
    Build,
    /// What is shown or selected, not the document.
    View,
}

impl Command {
    /// The group that applies this command.
    pub(crate) fn group(&self) -> Group {
        match self {
            Self::Open(_)
            | Self::OpenDialog
            | Self::Browse(..)
            | Self::FileChosen(..)
            | Self::OpenSample
            | Self::ShowSaveAs
            | Self::Save
            | Self::SaveAs(..)
            | Self::Quit
            | Self::Unsaved(_)
            | Self::Recover(_)
            | Self::Conflict(_)
            | Self::CancelLoading
            | Self::CancelSaving => Group::File,
            Self::ShowExport
            | Self::ShowExportTable
            | Self::ExportTable(_)
            | Self::ShowPublish
            | Self::Publish(_)
            | Self::ShowExportReport
            | Self::ExportReport(_)
            | Self::CancelExportReport
            | Self::CancelExportTable => Group::Export,
            Self::Undo
            | Self::Redo
            | Self::Edit(..)
            | Self::SealHistory
            | Self::DeleteEvent(_)
            | Self::NewEvent
            | Self::AcceptProposals(_)
            | Self::RejectProposals(_) => Group::Edit,
            Self::EventFromPassage { .. }
            | Self::CitePassage { .. }
            | Self::ShowSource(_)
            | Self::ShowAddSource(_)
            | Self::AskDeleteSource(_)
            | Self::DeleteSource(_)
            | Self::CancelDeleteSource
            | Self::AddSource(..)
            | Self::CancelAddingSource
            | Self::ShowNewTimeline
            | Self::NewTimeline(_)
            | Self::ToggleChangedSources
            | Self::ReadNewVersion(_)
            | Self::FindByHand { .. }
            | Self::PlaceCitation { .. } => Group::Build,
            Self::Select(_)
            | Self::SelectResult(_)
            | Self::SelectNext
            | Self::SelectPrevious
            | Self::FitAll
            | Self::ToggleProposals
            | Self::ShowGoto
            | Self::GoTo(_)
            | Self::SetTheme(_)
            | Self::SetFilter(_)
            | Self::FocusSearch
            | Self::FocusEvents
            | Self::ClearSearch
            | Self::NextResult
            | Self::ShowShortcuts
            | Self::DismissReport => Group::View,
        }
    }
}

/// What the user answered when asked about unsaved changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// What a file is chosen for: the chooser's title, the files it lists, and where the path goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    Export,
    /// File › Export Table….
    ExportTable,
    /// File › Publish Page….
    Publish,
    /// File › Export Report….
    ExportReport,
    AddSource,
    NewTimeline,
}

/// Where the source's text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceInput {
    File(PathBuf),
    Pasted(String),
}

/// What to do when the open file changed on disk while there are unsaved edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictAnswer {
    KeepMine,
    LoadTheirs,
    SaveMineAs,
}
