//! The window: the app, its panels and dialogs, and input. Panels return [`command::Command`]s
//! that the app applies after the frame; the UI holds interaction state (view, selection, open
//! dialogs), never data rules: those live in [`crate::model`] and [`crate::session`].

pub mod app;
pub mod changed_sources;
pub mod citation_editor;
pub mod citation_panel;
pub mod command;
pub mod dialog;
pub mod event_editor;
pub mod export_dialog;
pub mod field;
pub mod file_chooser;
pub mod filter_menu;
pub mod fonts;
pub mod goto_dialog;
pub mod menu;
pub mod new_dialog;
pub mod paint;
pub mod pdf_page;
pub mod proposals_panel;
pub mod recovery;
pub mod report_export;
pub mod results;
pub mod save_dialog;
pub mod shortcuts;
pub mod source_dialog;
pub mod source_editor;
pub mod source_view;
pub mod status;
pub mod table_export;
pub mod text;
pub mod timeline_editor;
pub mod timeline_view;
pub mod toolbar;
pub mod unsaved;
