//! Saved web pages (`.html`, `.htm`): the article's main text by readability (`dom_smoothie`),
//! without the navigation, ads and comments around it, and what the page says of itself: title,
//! byline, site name, published date, language and canonical address.

use dom_smoothie::{Config, Readability, TextMode};

/// What a web page gives a source.
#[derive(Debug, Default)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
}

/// Pages are UTF-8 nearly always; an older one may be in its region's single-byte encoding,
/// read as Windows-1252 (a superset of Latin-1) rather than refused.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

pub fn read(bytes: &[u8]) -> Result<Page, String> {
    let html = decode(bytes);
    let head = html.get(..html.len().min(4096)).unwrap_or(&html).to_ascii_lowercase();
    if !head.contains('<') {
        return Err("not a web page: there is no HTML in it".into());
    }
    // Parsed once: the canonical link is read before readability takes the tree apart.
    let doc = dom_query::Document::from(html);
    let canonical = canonical_url(&doc);
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let mut readability =
        Readability::with_document(doc, None, Some(config)).map_err(|e| format!("the page cannot be read: {e}"))?;
    let article = readability.parse().map_err(|e| format!("no article found in the page: {e}"))?;
    let text = tidy(&article.text_content);
    if text.trim().is_empty() {
        return Err("no article found in the page: it holds no text".into());
    }
    let some = |s: Option<String>| s.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    Ok(Page {
        text,
        title: some(Some(article.title)),
        byline: some(article.byline),
        site: some(article.site_name),
        published: article.published_time.as_deref().and_then(day),
        lang: some(article.lang).map(|l| l.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase()),
        url: canonical.or_else(|| some(article.url)),
    })
}

/// The day of an ISO 8601 time (`2025-03-12T10:00:00Z` → `2025-03-12`).
fn day(time: &str) -> Option<String> {
    let d = time.trim().get(..10)?;
    let ok = d.len() == 10
        && d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    ok.then(|| d.to_owned())
}

/// `<link rel="canonical" href="…">`.
fn canonical_url(doc: &dom_query::Document) -> Option<String> {
    let link = doc.select(r#"link[rel="canonical"]"#);
    link.attr("href").map(|h| h.trim().to_owned()).filter(|h| !h.is_empty())
}

/// Paragraphs a blank line apart, lines stripped, no runs of blank lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out.push('\n');
    out
}
