//! Scanned pages read by Tesseract, called as a program (`tesseract` and its language data), so
//! that citeline builds without system libraries: the page is drawn by hayro at 300 dpi and
//! handed over as a greyscale PGM on Tesseract's standard input; its words come back as TSV
//! with their boxes, and are made into a page like pdf-extract's (words apart by spaces, lines
//! by line breaks, each letter a share of its word's box in PDF user space). Layout, pin cites
//! and the marks on the drawn page then work as for any page.

use std::io::{Read as _, Write as _};
use std::process::{Command, Stdio};
use std::sync::{Arc, OnceLock};

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_interpret::util::TransformExt;
use hayro::hayro_syntax::Pdf;
use hayro::kurbo::{Affine, Point};
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};

use super::text::{Glyph, RawPage};

/// How finely a scanned page is drawn for reading: what Tesseract reads best.
pub(crate) const DPI: f64 = 300.0;

/// The packages that bring Tesseract and the languages citeline reads, on Debian and Ubuntu.
pub(crate) const PACKAGES: &str = "tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-ita";

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OcrError {
    /// The `tesseract` program is not installed (or `CITELINE_TESSERACT` names none).
    Missing,
    Failed(String),
}

/// A scanned page read: as pdf-extract would have written it, and Tesseract's mean confidence
/// in its words (0–100).
#[derive(Debug)]
pub(crate) struct OcrPage {
    pub page: RawPage,
    pub confidence: f64,
    pub words: usize,
}

/// The program run: `CITELINE_TESSERACT` when set, else `tesseract` on the path.
fn program() -> String {
    std::env::var("CITELINE_TESSERACT").unwrap_or_else(|_| "tesseract".to_owned())
}

/// The languages the installed Tesseract reads (`eng`, `spa`…); `Missing` without it.
pub fn languages() -> Result<Vec<String>, OcrError> {
    static FOUND: OnceLock<Result<Vec<String>, OcrError>> = OnceLock::new();
    // The program asked for can change only in tests, which name a missing one to be refused.
    if std::env::var_os("CITELINE_TESSERACT").is_some() {
        return list_languages();
    }
    FOUND.get_or_init(list_languages).clone()
}

fn list_languages() -> Result<Vec<String>, OcrError> {
    let out = Command::new(program()).arg("--list-langs").output().map_err(|_| OcrError::Missing)?;
    if !out.status.success() {
        return Err(OcrError::Missing);
    }
    let listed = String::from_utf8_lossy(&out.stdout);
    Ok(listed.lines().skip(1).map(str::trim).filter(|l| !l.is_empty() && *l != "osd").map(str::to_owned).collect())
}

/// Tesseract's languages for a source's BCP 47 tag: that one when its data is installed, else
/// every one of citeline's (English, Spanish, Italian) that is.
pub(crate) fn language_for(tag: &str, installed: &[String]) -> String {
    let wanted = match tag.split(['-', '_']).next().unwrap_or("") {
        "en" => "eng",
        "es" => "spa",
        "it" => "ita",
        "fr" => "fra",
        "de" => "deu",
        "pt" => "por",
        _ => "",
    };
    if installed.iter().any(|l| l == wanted) {
        return wanted.to_owned();
    }
    let ours: Vec<&str> = ["eng", "spa", "ita"].into_iter().filter(|l| installed.iter().any(|i| i == l)).collect();
    if ours.is_empty() { installed.first().cloned().unwrap_or_else(|| "eng".to_owned()) } else { ours.join("+") }
}

/// Page `page` (from 0) of `bytes` drawn and read in `language` (Tesseract's names, `eng+spa`).
pub(crate) fn read_page(bytes: &Arc<Vec<u8>>, page: usize, language: &str) -> Result<OcrPage, OcrError> {
    let pdf = Pdf::new(Arc::clone(bytes)).map_err(|_| OcrError::Failed("the PDF cannot be drawn".into()))?;
    let pages = pdf.pages();
    let p = pages.get(page).ok_or_else(|| OcrError::Failed(format!("there is no page {}", page + 1)))?;
    #[allow(clippy::cast_possible_truncation)] // a scale near 4
    let scale = (DPI / 72.0) as f32;
    let white = PixmapSettings { x_scale: scale, y_scale: scale, bg_color: WHITE };
    let (w, h) = p.render_dimensions();
    if f64::from(w) * f64::from(h) * (DPI / 72.0).powi(2) > 200e6 {
        return Err(OcrError::Failed(format!("page {} is too large to read ({w:.0} × {h:.0} points)", page + 1)));
    }
    let pixmap =
        hayro::render(p, &RenderCache::new(), &InterpreterSettings::default(), &RenderSettings::default(), &white);
    let to_pixels = Affine::scale(DPI / 72.0) * p.initial_transform(true).to_kurbo();
    let (width, height) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    let mut pgm = format!("P5\n{width} {height}\n255\n").into_bytes();
    pgm.reserve(width as usize * height as usize);
    for px in pixmap.data_as_u8_slice().chunks_exact(4) {
        // Premultiplied on white: the luma of what is drawn.
        let luma = (u32::from(px[0]) * 299 + u32::from(px[1]) * 587 + u32::from(px[2]) * 114) / 1000;
        pgm.push(u8::try_from(luma).unwrap_or(u8::MAX));
    }
    let tsv = run(&pgm, language)?;
    Ok(page_from_tsv(&tsv, to_pixels.inverse()))
}

/// Tesseract on `image`, its words as TSV.
fn run(image: &[u8], language: &str) -> Result<String, OcrError> {
    let mut child = Command::new(program())
        .args(["stdin", "stdout", "-l", language, "--psm", "3", "tsv"])
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| OcrError::Missing)?;
    let mut stdin = child.stdin.take().ok_or_else(|| OcrError::Failed("Tesseract took no input".into()))?;
    let image = image.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&image));
    let mut out = String::new();
    let mut err = String::new();
    if let Some(mut stdout) = child.stdout.take() {
        let _ = stdout.read_to_string(&mut out);
    }
    if let Some(mut stderr) = child.stderr.take() {
        let _ = stderr.read_to_string(&mut err);
    }
    let status = child.wait().map_err(|e| OcrError::Failed(format!("Tesseract did not finish: {e}")))?;
    let _ = writer.join();
    if !status.success() {
        let said = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("no message").trim().to_owned();
        return Err(OcrError::Failed(format!("Tesseract failed: {said}")));
    }
    Ok(out)
}

/// Tesseract's TSV (a row a word, with its block, paragraph and line, box in pixels and
/// confidence) as a page: words in order, a line break where the line changes, each letter
/// an equal share of its word's box, taken back to PDF space by `from_pixels`.
pub(crate) fn page_from_tsv(tsv: &str, from_pixels: Affine) -> OcrPage {
    let top = from_pixels * Point::new(0.0, 0.0);
    let mut page = RawPage { height: top.y, from_ocr: true, ..RawPage::default() };
    let (mut sum, mut words) = (0.0, 0usize);
    let mut last_line = None;
    for row in tsv.lines().skip(1) {
        let f: Vec<&str> = row.split('\t').collect();
        if f.len() < 12 || f[0] != "5" {
            continue;
        }
        let word = f[11].trim();
        let nums: Vec<f64> = f[1..11].iter().map(|v| v.trim().parse().unwrap_or(-1.0)).collect();
        let [_, block, par, line, _, left, top, width, height, conf] = nums[..] else { continue };
        if word.is_empty() || width <= 0.0 || height <= 0.0 {
            continue;
        }
        let key = (block.to_bits(), par.to_bits(), line.to_bits());
        match last_line {
            Some(k) if k == key => page.text.push(' '),
            Some(_) => page.text.push('\n'),
            None => {}
        }
        last_line = Some(key);
        if conf >= 0.0 {
            sum += conf;
            words += 1;
        }
        let count = word.chars().count().max(1);
        let step = width / count as f64;
        for (i, c) in word.chars().enumerate() {
            let start = u32::try_from(page.text.len()).unwrap_or(u32::MAX);
            page.text.push(c);
            let end = u32::try_from(page.text.len()).unwrap_or(u32::MAX);
            let x0 = left + step * i as f64;
            let corner = |x: f64, y: f64| {
                let p = from_pixels * Point::new(x, y);
                (p.x, p.y)
            };
            let (bottom, up) = (top + height, top);
            page.glyphs.push(Glyph {
                bytes: start..end,
                corners: [corner(x0, bottom), corner(x0 + step, bottom), corner(x0 + step, up), corner(x0, up)],
            });
        }
    }
    OcrPage { page, confidence: if words > 0 { sum / words as f64 } else { 0.0 }, words }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tesseracts_words_become_lines_of_glyphs_in_pdf_space() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   5\t1\t1\t1\t1\t1\t300\t300\t200\t50\t96.0\tThe\n\
                   5\t1\t1\t1\t1\t2\t550\t300\t300\t50\t90.0\tcourt\n\
                   5\t1\t1\t1\t2\t1\t300\t400\t200\t50\t84.0\theld\n\
                   4\t1\t1\t1\t2\t0\t300\t400\t200\t50\t-1\t\n";
        // 300 dpi on a 792-point page: y down from the top in pixels, up from the foot in points.
        let from_pixels = Affine::new([72.0 / 300.0, 0.0, 0.0, -72.0 / 300.0, 0.0, 792.0]);
        let read = page_from_tsv(tsv, from_pixels);
        assert_eq!(read.page.text, "The court\nheld");
        assert_eq!(read.words, 3);
        assert!((read.confidence - 90.0).abs() < 1e-9);
        assert_eq!(read.page.glyphs.len(), 12);
        let t = &read.page.glyphs[0];
        assert!((t.corners[0].0 - 72.0).abs() < 1e-9 && (t.corners[0].1 - (792.0 - 84.0)).abs() < 1e-9, "{t:?}");
        assert!((read.page.height - 792.0).abs() < 1e-9);
    }

    #[test]
    fn a_sources_language_picks_tesseracts_or_all_of_citelines() {
        let installed: Vec<String> = ["eng", "ita", "spa"].map(str::to_owned).to_vec();
        assert_eq!(language_for("it", &installed), "ita");
        assert_eq!(language_for("es-MX", &installed), "spa");
        assert_eq!(language_for("", &installed), "eng+spa+ita");
        assert_eq!(language_for("fr", &installed), "eng+spa+ita");
        assert_eq!(language_for("", &["deu".to_owned()]), "deu");
    }
}
