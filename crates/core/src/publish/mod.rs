//! A timeline published as one self-contained HTML page: the data, the script, the styles and
//! the fonts (subset to the characters the page uses) inside one file that fetches nothing, so
//! it works from a USB stick, as an e-mail attachment or offline.
//!
//! The page is citeline's own template, `assets/publish/` (`page.html`, `page.css`, `page.js`):
//! hand-written, no framework. The data is JSON ([`data::Page`]) in a `<script
//! type="application/json">` block that the script reads and puts into the page only as text
//! (`textContent`, never markup), and a Content-Security-Policy allows the page's own script and
//! styles (by their SHA-256) and fonts from `data:` addresses, and nothing else: no request
//! leaves the page.

pub mod data;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::atomic_write::write_atomically;
use crate::formats::html::escape;
use crate::model::Document;
use crate::scene::Theme;

const TEMPLATE: &str = include_str!("../../../../assets/publish/page.html");
pub(crate) const STYLE: &str = include_str!("../../../../assets/publish/page.css");
pub(crate) const SCRIPT: &str = include_str!("../../../../assets/publish/page.js");

/// What to publish and how.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The page's title (default: the timeline's).
    pub title: Option<String>,
    /// The theme, or `None` to follow the reader's system setting.
    pub theme: Option<Theme>,
    /// Embed each cited source's whole text, not only the paragraphs quoted.
    pub full_sources: bool,
    /// The events to publish (all when `None`), as [`crate::model::filter::Filter::mask`] gives.
    pub visible: Option<Vec<bool>>,
}

/// A written page: how many events and citations it holds, and its size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    pub events: usize,
    pub citations: usize,
    pub bytes: usize,
}

/// The page for `doc`, and what it holds.
pub fn page(doc: &Document, options: &Options) -> (String, Written) {
    let title = options.title.clone().unwrap_or_else(|| doc.timeline().title.clone());
    let title = if title.trim().is_empty() { "Timeline".to_owned() } else { title };
    let data = data::page(doc, &title, options.visible.as_deref(), options.full_sources);
    let json = serde_json::to_string(&data).unwrap_or_else(|_| "{}".to_owned());
    // Inside a script element only "</script" or "<!--" could end or bend it: no '<' is left.
    let json = json.replace('<', "\\u003c");
    let style = format!("{}{}{STYLE}", fonts_css(&used_chars(&json)), palette_css());
    let csp = format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; font-src data:; img-src data:; \
         connect-src 'none'; base-uri 'none'; form-action 'none'",
        csp_hash(SCRIPT),
        csp_hash(&style)
    );
    let theme = match options.theme {
        Some(Theme::Light) => " data-theme=\"light\"",
        Some(Theme::Dark) => " data-theme=\"dark\"",
        None => "",
    };
    let lang = escape(if data.lang.is_empty() { "und" } else { &data.lang });
    let html = fill(
        TEMPLATE,
        &[
            ("lang", &lang),
            ("theme", theme),
            ("csp", &csp),
            ("title", &escape(&title)),
            ("style", &style),
            ("data", &json),
            ("script", SCRIPT),
        ],
    );
    let written = Written {
        events: data.events.len(),
        citations: data.events.iter().map(|e| e.cites.len()).sum(),
        bytes: html.len(),
    };
    (html, written)
}

/// Writes the page atomically to `path`.
pub fn write(doc: &Document, options: &Options, path: &Path) -> Result<Written, String> {
    let (html, written) = page(doc, options);
    write_atomically(path, html.as_bytes()).map_err(|e| format!("cannot write \"{}\": {e}", path.display()))?;
    Ok(written)
}

/// `template` with each `{{key}}` replaced by its value, in one pass over the template (a value
/// that holds `{{key}}` stays as it is).
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let key = after.find("}}").map(|end| &after[..end]);
        if let Some((k, v)) = values.iter().find(|(k, _)| Some(*k) == key) {
            out.push_str(v);
            rest = &after[k.len() + 2..];
        } else {
            out.push_str("{{");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A CSP source expression allowing exactly the inline element whose text is `text`.
fn csp_hash(text: &str) -> String {
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
}

/// Every character the page can show: the data's, the template's and the script's own words.
fn used_chars(json: &str) -> BTreeSet<char> {
    // JSON escapes ("\u003c", "\n") only ever stand for characters also kept here or for
    // control characters, which need no glyph.
    let mut chars: BTreeSet<char> = (' '..='~').collect();
    let mut seen = std::collections::HashSet::new();
    for text in [json, TEMPLATE, SCRIPT] {
        // ASCII is in already: only the rest is looked at, each character once.
        seen.extend(text.chars().filter(|c| !c.is_ascii() && !c.is_control()));
    }
    chars.extend(seen);
    chars
}

/// `@font-face` rules for Noto Sans, regular and bold, subset to `chars`, as WOFF2 `data:`
/// addresses; a font that cannot be subset is left out (the reader's own sans-serif stands in).
fn fonts_css(chars: &BTreeSet<char>) -> String {
    let mut css = String::new();
    for (bytes, weight) in [(crate::fonts::REGULAR, 400), (crate::fonts::BOLD, 700)] {
        let Some(woff2) = subset_woff2(bytes, chars) else { continue };
        let _ = writeln!(
            css,
            "@font-face{{font-family:\"Citeline Sans\";font-weight:{weight};font-style:normal;font-display:block;\
             src:url(data:font/woff2;base64,{}) format(\"woff2\")}}",
            base64::engine::general_purpose::STANDARD.encode(woff2)
        );
    }
    css
}

fn subset_woff2(bytes: &[u8], chars: &BTreeSet<char>) -> Option<Vec<u8>> {
    let font = font_subset::Font::opentype(bytes).ok()?;
    let present: BTreeSet<char> = chars.iter().copied().filter(|&c| font.contains_char(c)).collect();
    Some(font.subset(&present).ok()?.to_woff2())
}

/// The window's colours (`scene::theme`) as CSS custom properties: light by default, dark when
/// the page is published dark or, published without a theme, when the reader's system is dark.
fn palette_css() -> String {
    let vars = |theme: Theme| {
        let p = theme.palette();
        let hex = |c: ecolor::Color32| format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b());
        let scheme = if theme == Theme::Dark { "dark" } else { "light" };
        format!(
            "color-scheme:{scheme};--bg:{};--text:{};--muted:{};--grid-major:{};--grid-minor:{};--band:{};\
             --event:{};--selected:{};--cluster:{};--problem:{};--success:{};--caution:{};--highlight:{};\
             --on-highlight:{};--era0:{};--era1:{}",
            hex(p.background),
            hex(p.text),
            hex(p.text_muted),
            hex(p.grid_major),
            hex(p.grid_minor),
            hex(p.axis_band),
            hex(p.event),
            hex(p.selected),
            hex(p.cluster),
            hex(p.problem),
            hex(p.success),
            hex(p.caution),
            hex(p.highlight),
            hex(p.on_highlight),
            hex(p.era[0]),
            hex(p.era[1]),
        )
    };
    let (light, dark) = (vars(Theme::Light), vars(Theme::Dark));
    format!(
        ":root{{{light}}}\n:root[data-theme=dark]{{{dark}}}\n\
         @media (prefers-color-scheme:dark){{:root:not([data-theme]){{{dark}}}}}\n\
         @media print{{:root,:root[data-theme]{{{light}}}}}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_keys_in_the_template_only() {
        let out = fill("<a>{{x}}</a>{{y}}{{z}}", &[("x", "{{y}}"), ("y", "2")]);
        assert_eq!(out, "<a>{{y}}</a>2{{z}}");
    }

    #[test]
    fn the_script_cannot_end_its_element_early() {
        assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
        assert!(!SCRIPT.contains("<!--"));
        assert!(!STYLE.to_ascii_lowercase().contains("</style"));
    }

    #[test]
    fn fonts_are_subset_and_small() {
        let chars: BTreeSet<char> = "Netflix ha pagato 100 milioni — “Titan API”".chars().collect();
        let woff2 = subset_woff2(crate::fonts::REGULAR, &chars).expect("Noto Sans subsets");
        assert!(woff2.len() < 16 * 1024, "{} bytes", woff2.len());
        assert_eq!(&woff2[..4], b"wOF2");
    }
}
