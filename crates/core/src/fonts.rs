//! The fonts citeline ships (Noto Sans, SIL Open Font Licence: `assets/fonts/OFL.txt`), used by
//! the window and by exports alike so text measures and renders the same on every machine.

pub const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
/// Fallback for symbols Noto Sans lacks (arrows, check marks, dingbats): `DejaVu Sans`, under
/// the Bitstream Vera licence (`assets/fonts/DejaVu-LICENSE.txt`).
pub const SYMBOLS: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// The family name inside the font files, which SVG `font-family` refers to.
pub(crate) const FAMILY: &str = "Noto Sans";
