//! Installs the shipped fonts in egui, so the window measures and draws text as exports do.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use super::paint::BOLD_FAMILY;
use crate::fonts;

pub fn install(ctx: &egui::Context) {
    let mut defs = FontDefinitions::default();
    defs.font_data.insert("noto-sans".into(), Arc::new(FontData::from_static(fonts::REGULAR)));
    defs.font_data.insert("noto-sans-bold".into(), Arc::new(FontData::from_static(fonts::BOLD)));
    defs.font_data.insert("dejavu-sans".into(), Arc::new(FontData::from_static(fonts::SYMBOLS)));
    defs.families.entry(FontFamily::Monospace).or_default().push("dejavu-sans".into());
    let proportional = defs.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, "noto-sans".into());
    proportional.insert(1, "dejavu-sans".into());
    // egui's own fonts stay behind as fallbacks for its icons.
    let fallbacks: Vec<String> = proportional.iter().skip(1).cloned().collect();
    let bold = std::iter::once("noto-sans-bold".to_owned()).chain(fallbacks).collect();
    defs.families.insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    ctx.set_fonts(defs);
}
