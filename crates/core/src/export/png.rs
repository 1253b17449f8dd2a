//! The PNG painter: the SVG rasterised by resvg, with only the shipped fonts, so a PNG looks
//! the same on every machine and matches the SVG exactly.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::fonts;

fn font_db() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(fonts::REGULAR.to_vec());
        db.load_font_data(fonts::BOLD.to_vec());
        db.load_font_data(fonts::SYMBOLS.to_vec());
        db.set_sans_serif_family(fonts::FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Parses an SVG with citeline's fonts.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, String> {
    let options =
        usvg::Options { fontdb: font_db(), font_family: fonts::FAMILY.to_owned(), ..usvg::Options::default() };
    usvg::Tree::from_str(svg, &options).map_err(|e| format!("the SVG could not be parsed: {e}"))
}

/// Renders `svg` at `scale` device pixels per unit and encodes it as PNG.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    let tree = parse_svg(svg)?;
    let size = tree.size();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // sizes are checked below
    let (w, h) = ((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32);
    if w == 0 || h == 0 || u64::from(w) * u64::from(h) > 400_000_000 {
        return Err(format!("an image of {w}×{h} pixels is too large to render"));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or_else(|| format!("cannot allocate a {w}×{h} image"))?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("cannot encode the PNG: {e}"))
}
