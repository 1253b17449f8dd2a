//! Colours for the light and dark themes, shared by the window and exports.

use ecolor::Color32;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// The default for print.
    #[default]
    Light,
    Dark,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: Color32,
    pub text: Color32,
    pub text_muted: Color32,
    pub grid_major: Color32,
    pub grid_minor: Color32,
    pub axis_band: Color32,
    pub event: Color32,
    pub selected: Color32,
    pub cluster: Color32,
    pub problem: Color32,
    pub highlight: Color32,
}

impl Theme {
    pub fn palette(self) -> Palette {
        match self {
            // Text colours keep a contrast of at least 4.5:1 (WCAG AA) on the background.
            Self::Light => Palette {
                background: Color32::from_rgb(0xff, 0xff, 0xff),
                text: Color32::from_rgb(0x1f, 0x23, 0x28),
                text_muted: Color32::from_rgb(0x57, 0x60, 0x6a),
                grid_major: Color32::from_rgb(0xd0, 0xd7, 0xde),
                grid_minor: Color32::from_rgb(0xee, 0xf1, 0xf4),
                axis_band: Color32::from_rgb(0xf6, 0xf8, 0xfa),
                event: Color32::from_rgb(0x09, 0x69, 0xda),
                selected: Color32::from_rgb(0xbc, 0x4c, 0x00),
                cluster: Color32::from_rgb(0x6e, 0x77, 0x81),
                problem: Color32::from_rgb(0xcf, 0x22, 0x2e),
                highlight: Color32::from_rgb(0xf2, 0xcc, 0x60),
            },
            Self::Dark => Palette {
                background: Color32::from_rgb(0x0d, 0x11, 0x17),
                text: Color32::from_rgb(0xe6, 0xed, 0xf3),
                text_muted: Color32::from_rgb(0x9d, 0xa7, 0xb3),
                grid_major: Color32::from_rgb(0x30, 0x36, 0x3d),
                grid_minor: Color32::from_rgb(0x1c, 0x21, 0x28),
                axis_band: Color32::from_rgb(0x16, 0x1b, 0x22),
                event: Color32::from_rgb(0x44, 0x93, 0xf8),
                selected: Color32::from_rgb(0xf0, 0x88, 0x3e),
                cluster: Color32::from_rgb(0x8b, 0x94, 0x9e),
                problem: Color32::from_rgb(0xff, 0x7b, 0x72),
                highlight: Color32::from_rgb(0xbb, 0x80, 0x09),
            },
        }
    }
}

/// `color` with its alpha scaled by `alpha` (0–1), premultiplied as egui expects.
pub fn faded(color: Color32, alpha: f32) -> Color32 {
    color.gamma_multiply(alpha.clamp(0.0, 1.0))
}
