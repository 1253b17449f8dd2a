//! Exported images: a composed scene ([`crate::scene::compose::image`]) painted as SVG, or as
//! PNG through resvg, and written atomically.

pub mod png;
pub mod svg;

use std::path::Path;

use crate::atomic_write::write_atomically;
use crate::scene::Scene;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
}

impl Format {
    /// The format named by a file's extension.
    pub fn from_path(path: &Path) -> Result<Self, String> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("png") => Ok(Self::Png),
            Some("svg") => Ok(Self::Svg),
            _ => Err(format!("cannot tell the image format of \"{}\": name it .png or .svg", path.display())),
        }
    }
}

/// The scene painted in `format`; `scale` multiplies a PNG's pixels.
pub fn render(scene: &Scene, format: Format, scale: f32) -> Result<Vec<u8>, String> {
    let svg = svg::to_svg(scene);
    match format {
        Format::Svg => Ok(svg.into_bytes()),
        Format::Png => png::svg_to_png(&svg, scale),
    }
}

/// Paints the scene and writes it atomically to `path`, in the format its extension names.
pub fn write(scene: &Scene, scale: f32, path: &Path) -> Result<(), String> {
    let format = Format::from_path(path)?;
    let bytes = render(scene, format, scale)?;
    write_atomically(path, &bytes).map_err(|e| format!("cannot write \"{}\": {e}", path.display()))
}
