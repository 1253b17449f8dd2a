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
    /// What went well: a verified quote, a file written.
    pub success: Color32,
    /// A quote matched only after normalising.
    pub caution: Color32,
    /// Halo behind search matches, and behind a quote in its source text.
    pub highlight: Color32,
    /// Text on `highlight`.
    pub on_highlight: Color32,
    /// Ticks on the axis where search matches are; strong enough to see on the axis band.
    pub match_mark: Color32,
    /// Era bands alternate between these two tints.
    pub era: [Color32; 2],
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
                success: Color32::from_rgb(0x1a, 0x7f, 0x37),
                caution: Color32::from_rgb(0x8a, 0x5c, 0x00),
                highlight: Color32::from_rgb(0xf2, 0xcc, 0x60),
                on_highlight: Color32::from_rgb(0x1f, 0x23, 0x28),
                match_mark: Color32::from_rgb(0x9a, 0x67, 0x00),
                era: [Color32::from_rgb(0xf1, 0xf4, 0xfb), Color32::from_rgb(0xfa, 0xf5, 0xec)],
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
                success: Color32::from_rgb(0x3f, 0xb9, 0x50),
                caution: Color32::from_rgb(0xd2, 0x99, 0x22),
                highlight: Color32::from_rgb(0xbb, 0x80, 0x09),
                on_highlight: Color32::BLACK,
                match_mark: Color32::from_rgb(0xe3, 0xb3, 0x41),
                era: [Color32::from_rgb(0x14, 0x1b, 0x2a), Color32::from_rgb(0x1f, 0x1a, 0x14)],
            },
        }
    }
}

/// `color` with its alpha scaled by `alpha` (0–1), premultiplied as egui expects.
pub(crate) fn faded(color: Color32, alpha: f32) -> Color32 {
    color.gamma_multiply(alpha.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance.
    fn luminance(c: Color32) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn text_and_marks_have_enough_contrast_in_both_themes() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = theme.palette();
            for (what, color) in [
                ("text", p.text),
                ("muted text", p.text_muted),
                ("problem", p.problem),
                ("success", p.success),
                ("caution", p.caution),
            ] {
                for (on, bg) in
                    [("background", p.background), ("axis band", p.axis_band), ("era", p.era[0]), ("era", p.era[1])]
                {
                    let c = contrast(color, bg);
                    assert!(c >= 4.5, "{theme:?}: {what} on {on} has contrast {c:.2}, below WCAG AA 4.5");
                }
            }
            let c = contrast(p.on_highlight, p.highlight);
            assert!(c >= 4.5, "{theme:?}: a highlighted quote has contrast {c:.2}, below WCAG AA 4.5");
            // Marks are graphics: WCAG asks 3:1 of them.
            for (what, color) in [("event", p.event), ("selected", p.selected), ("match tick", p.match_mark)] {
                for bg in [p.background, p.axis_band] {
                    let c = contrast(color, bg);
                    assert!(c >= 3.0, "{theme:?}: {what} has contrast {c:.2}, below 3");
                }
            }
        }
    }
}
