//! The window: the app, its panels and dialogs, and input. Panels return [`command::Command`]s
//! that the app applies after the frame; the UI holds interaction state (view, selection, open
//! dialogs), never data rules: those live in [`crate::model`] and [`crate::session`].

pub mod app;
mod changed_sources;
mod citation_editor;
pub mod citation_panel;
pub mod command;
mod dialog;
mod event_editor;
mod export_dialog;
mod field;
mod file_chooser;
pub mod filter_menu;
pub mod fonts;
mod goto_dialog;
pub mod menu;
mod new_dialog;
pub mod paint;
mod pdf_page;
mod proposals_panel;
mod recovery;
mod report_export;
pub mod results;
pub mod save_dialog;
mod shortcuts;
mod source_dialog;
mod source_editor;
pub mod source_view;
pub mod status;
mod table_export;
pub mod text;
mod timeline_editor;
mod timeline_view;
mod toolbar;
mod unsaved;
