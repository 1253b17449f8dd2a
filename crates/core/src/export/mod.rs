//! Exported images: a composed scene ([`crate::scene::compose::image`]) painted as SVG, as
//! PNG through resvg, or as a vector PDF page through krilla, and written atomically.

pub mod pdf;
pub mod png;
pub mod svg;

use std::path::Path;

use crate::atomic_write::write_atomically;
use crate::scene::Scene;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    /// One vector page, its text real text.
    Pdf,
}

impl Format {
    /// The format named by a file's extension.
    pub fn from_path(path: &Path) -> Result<Self, String> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("png") => Ok(Self::Png),
            Some("svg") => Ok(Self::Svg),
            Some("pdf") => Ok(Self::Pdf),
            _ => Err(format!(
                "cannot tell the image format of \"{}\": name it .png or .svg (a picture) or .pdf (a vector page)",
                path.display()
            )),
        }
    }
}

/// The scene painted in `format`; `scale` multiplies a PNG's pixels (a PDF is drawn a point
/// a pixel, and scales without loss).
pub fn render(scene: &Scene, format: Format, scale: f32) -> Result<Vec<u8>, String> {
    match format {
        Format::Svg => Ok(svg::to_svg(scene).into_bytes()),
        Format::Png => png::svg_to_png(&svg::to_svg(scene), scale),
        // An exported image draws its title first.
        Format::Pdf => pdf::to_pdf(scene, &scene_title(scene)),
    }
}

/// The first text a scene draws (an exported image's title), for a PDF's metadata.
fn scene_title(scene: &Scene) -> String {
    scene
        .shapes
        .iter()
        .find_map(|s| match s {
            crate::scene::Shape::Text(t) => Some(t.text.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "Timeline".to_owned())
}

/// Paints the scene and writes it atomically to `path`, in the format its extension names.
pub fn write(scene: &Scene, scale: f32, path: &Path) -> Result<(), String> {
    let format = Format::from_path(path)?;
    let bytes = render(scene, format, scale)?;
    write_atomically(path, &bytes).map_err(|e| format!("cannot write \"{}\": {e}", path.display()))
}
