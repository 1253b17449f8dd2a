//! The window's panels, dialogs and input handling. The UI owns interaction state (view,
//! selection, dialogs), never data rules: those live in [`crate::model`].

pub mod citation_panel;
pub mod export_dialog;
pub mod filter_menu;
pub mod fonts;
pub mod loader;
pub mod paint;
pub mod save_dialog;
pub mod search;
pub mod timeline_view;
pub mod watcher;
