//! The little HTML that TimelineJS text holds: read as plain text (links kept as "text (url)"),
//! and written back escaped. Citations travel inside it as `<blockquote data-citeline-…>`.
//!
//! Not a general HTML parser: a forgiving scanner that never fails, whatever the input.

use std::fmt::Write;

/// One piece of scanned HTML.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    /// Tag name in lower case, and attributes (names in lower case, values decoded).
    Open(String, Vec<(String, String)>),
    Close(String),
}

fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(rest));
            break;
        };
        if lt > 0 {
            out.push(Token::Text(&rest[..lt]));
        }
        let after = &rest[lt + 1..];
        // A '<' not starting a tag (e.g. "a < b") is text.
        let starts_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        let Some(gt) = after.find('>').filter(|_| starts_tag) else {
            out.push(Token::Text(&rest[lt..=lt]));
            rest = after;
            continue;
        };
        let inside = &after[..gt];
        rest = &after[gt + 1..];
        if inside.starts_with('!') {
            continue; // comments and doctypes
        }
        if let Some(name) = inside.strip_prefix('/') {
            out.push(Token::Close(name.trim().to_ascii_lowercase()));
            continue;
        }
        let inside = inside.trim_end_matches('/');
        let name_end = inside.find(|c: char| c.is_whitespace()).unwrap_or(inside.len());
        out.push(Token::Open(inside[..name_end].to_ascii_lowercase(), attributes(&inside[name_end..])));
    }
    out
}

fn attributes(mut s: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return attrs;
        }
        let name_end = s.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(s.len());
        let name = s[..name_end].to_ascii_lowercase();
        s = s[name_end..].trim_start();
        let Some(after_eq) = s.strip_prefix('=') else {
            attrs.push((name, String::new()));
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (value, rest) = if let Some(q @ ('"' | '\'')) = after_eq.chars().next() {
            let body = &after_eq[1..];
            let end = body.find(q).unwrap_or(body.len());
            (&body[..end], body.get(end + 1..).unwrap_or(""))
        } else {
            let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
            (&after_eq[..end], &after_eq[end..])
        };
        attrs.push((name, decode_entities(value)));
        s = rest;
    }
}

/// Decodes the character references TimelineJS text uses.
pub(crate) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" | "#39" => '\'',
                "nbsp" => '\u{a0}',
                "ndash" => '–',
                "mdash" => '—',
                "hellip" => '…',
                "lsquo" => '‘',
                "rsquo" => '’',
                "ldquo" => '“',
                "rdquo" => '”',
                _ => {
                    let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                        u32::from_str_radix(hex, 16).ok()
                    } else {
                        name.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                    return code.and_then(char::from_u32).map(|c| (c, e));
                }
            };
            Some((c, e))
        });
        if let Some((c, e)) = decoded {
            out.push(c);
            rest = &after[e + 1..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A citation found in TimelineJS text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FoundCitation {
    pub source: String,
    pub quote: String,
    pub note: Option<String>,
    /// The source's title and link, to recreate a source the file does not otherwise hold.
    pub source_title: Option<String>,
    pub source_url: Option<String>,
}

impl FoundCitation {
    pub fn citation(&self) -> crate::model::Citation {
        crate::model::Citation {
            source: self.source.as_str().into(),
            quote: self.quote.as_str().into(),
            note: self.note.clone().map(String::into_boxed_str),
            ..crate::model::Citation::default()
        }
    }
}

/// Plain text of `html` with paragraphs and line breaks as new lines and links as
/// "text (url)"; citations (`<blockquote data-citeline-source>`) and their attribution lines
/// are taken out and returned apart.
pub fn to_text(html: &str) -> (String, Vec<FoundCitation>) {
    let mut text = String::new();
    let mut citations = Vec::new();
    let mut link: Option<(String, usize)> = None;
    let mut in_citation: Option<FoundCitation> = None;
    let mut skip_depth = 0_usize;
    for token in tokens(html) {
        match token {
            Token::Open(name, attrs) => {
                let attr = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                match name.as_str() {
                    "blockquote" if attr("data-citeline-source").is_some() => {
                        in_citation = Some(FoundCitation {
                            source: attr("data-citeline-source").unwrap_or_default(),
                            note: attr("data-citeline-note"),
                            source_title: attr("data-citeline-title"),
                            source_url: attr("data-citeline-url"),
                            ..FoundCitation::default()
                        });
                    }
                    // The attribution line under a citation is for TimelineJS readers only.
                    "p" | "span" | "div" if attr("class").is_some_and(|c| c.contains("citeline-cite")) => {
                        skip_depth = 1;
                    }
                    _ if skip_depth > 0 => skip_depth += 1,
                    "br" => push_break(&mut text, false),
                    "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "blockquote" => push_break(&mut text, true),
                    "a" => link = attr("href").map(|h| (h, text.len())),
                    "script" | "style" => skip_depth = 1,
                    _ => {}
                }
            }
            Token::Close(name) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                match name.as_str() {
                    "blockquote" if in_citation.is_some() => {
                        if let Some(mut c) = in_citation.take() {
                            c.quote = collapse(&c.quote);
                            citations.push(c);
                        }
                    }
                    "a" => {
                        if let Some((href, at)) = link.take() {
                            let shown = text.get(at..).unwrap_or("").trim();
                            if !href.is_empty() && shown != href && !href.starts_with("javascript:") {
                                let _ = write!(text, " ({href})");
                            }
                        }
                    }
                    "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" => push_break(&mut text, true),
                    _ => {}
                }
            }
            Token::Text(t) if skip_depth == 0 => match &mut in_citation {
                Some(c) => c.quote.push_str(&decode_entities(t)),
                None => text.push_str(&decode_entities(t)),
            },
            Token::Text(_) => {}
        }
    }
    (tidy(&text), citations)
}

fn push_break(text: &mut String, paragraph: bool) {
    if !text.trim().is_empty() {
        text.push_str(if paragraph { "\n\n" } else { "\n" });
    }
}

/// Runs of spaces within a line become one; blank-line runs become one blank line.
fn tidy(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(collapse).collect();
    let mut out = String::new();
    let mut blank = false;
    for l in lines {
        if l.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&l);
        blank = false;
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML of plain text: paragraphs for blank-line breaks, `<br>` for single ones.
pub(crate) fn from_text(text: &str) -> String {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).fold(String::new(), |mut out, p| {
        let _ = write!(out, "<p>{}</p>", escape(p).replace('\n', "<br>"));
        out
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn html_reads_as_plain_text_with_links_kept() {
        let (text, cites) = to_text(
            "<p>Netflix&nbsp;paid <b>$100M</b> &amp; more, per <a href=\"https://ex.org/a\">the filing</a>.</p><p>Second<br/>line</p>",
        );
        // A no-break space is a space in plain text.
        assert_eq!(text, "Netflix paid $100M & more, per the filing (https://ex.org/a).\n\nSecond\nline");
        assert!(cites.is_empty());
        let (text, _) =
            to_text("<a href='https://x.y'>https://x.y</a> a < b &#233;&#xE9; &bogus; <script>alert(1)</script>");
        assert_eq!(text, "https://x.y a < b éé &bogus;");
    }

    #[test]
    fn citations_come_out_of_the_text() {
        let html = "<p>Summary.</p><blockquote data-citeline-source=\"es-article\" data-citeline-note=\"n &amp; m\" \
                    data-citeline-title=\"El País\">Meta no  compartió</blockquote><p class=\"citeline-cite\">— <a href=\"u\">El País</a></p>";
        let (text, cites) = to_text(html);
        assert_eq!(text, "Summary.");
        assert_eq!(cites.len(), 1);
        assert_eq!(cites[0].source, "es-article");
        assert_eq!(cites[0].quote, "Meta no compartió");
        assert_eq!(cites[0].note.as_deref(), Some("n & m"));
        assert_eq!(cites[0].source_title.as_deref(), Some("El País"));
    }

    proptest! {
        #[test]
        fn any_text_survives_html_and_back(text in "[^\\x00-\\x08]{0,80}") {
            let expected = tidy(&text);
            let (back, cites) = to_text(&from_text(&text));
            prop_assert!(cites.is_empty());
            prop_assert_eq!(back, expected);
        }

        #[test]
        fn the_scanner_takes_anything(html in "\\PC{0,120}") {
            let _ = to_text(&html);
        }
    }
}
