//! A timeline's sources for a reference manager (Zotero, `JabRef`, `BibDesk`): CSL-JSON or
//! BibTeX, written only. Each source keeps its id as its key, and says its title, byline,
//! publisher, publication date, URL and language, and the SHA-256 of its original file.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::model::date::Endpoint;
use crate::model::{Edtf, Source};

/// The date parts of an EDTF date (`[[2018, 12, 19]]`), the first of an interval; a season's
/// month is left out.
fn date_parts(published: &str) -> Option<Vec<i64>> {
    let point = match Edtf::parse(published).ok()? {
        Edtf::Single(p) | Edtf::Interval(Endpoint::Date(p), _) => p,
        Edtf::Interval(..) => return None,
    };
    let mut parts = vec![point.year];
    if let Some(m) = point.month.filter(|m| *m <= 12) {
        parts.push(i64::from(m));
        if let Some(d) = point.day {
            parts.push(i64::from(d));
        }
    }
    Some(parts)
}

/// What the SHA-256s of a source say, for a note.
fn hashes(source: &Source) -> Option<String> {
    let mut notes = Vec::new();
    if let Some(o) = &source.original {
        notes.push(format!("Original {} ({}), SHA-256 {}", o.file, o.kind.name(), o.sha256));
    }
    if let Some(h) = &source.text_sha256 {
        notes.push(format!("Text SHA-256 {h}"));
    }
    (!notes.is_empty()).then(|| notes.join("; "))
}

/// The sources as a CSL-JSON array.
pub fn to_csl_json(sources: &[Source]) -> String {
    let items: Vec<Value> = sources
        .iter()
        .map(|s| {
            let mut item = serde_json::Map::new();
            item.insert("id".into(), json!(s.id));
            let kind = if s.url.is_some() && s.original.is_none() { "webpage" } else { "document" };
            item.insert("type".into(), json!(kind));
            item.insert("title".into(), json!(if s.title.trim().is_empty() { &*s.id } else { s.title.trim() }));
            if let Some(a) = s.author.as_deref().filter(|a| !a.trim().is_empty()) {
                item.insert("author".into(), json!([{ "literal": a.trim() }]));
            }
            if !s.publisher.is_empty() {
                item.insert("publisher".into(), json!(s.publisher));
                item.insert("container-title".into(), json!(s.publisher));
            }
            if let Some(parts) = s.published.as_deref().and_then(date_parts) {
                item.insert("issued".into(), json!({ "date-parts": [parts] }));
            }
            if let Some(u) = &s.url {
                item.insert("URL".into(), json!(u));
            }
            if !s.language.is_empty() {
                item.insert("language".into(), json!(s.language));
            }
            if let Some(n) = hashes(s) {
                item.insert("note".into(), json!(n));
            }
            Value::Object(item)
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_owned());
    out.push('\n');
    out
}

/// Text inside a BibTeX field's braces: braces balanced by escaping them, and TeX's special
/// characters escaped.
fn bib_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A source id as a BibTeX key: letters, digits and `-_:.`, others as `-`.
fn bib_key(id: &str) -> String {
    let key: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || "-_:.".contains(c) { c } else { '-' }).collect();
    if key.is_empty() { "source".to_owned() } else { key }
}

/// The sources as BibTeX `@online` (a web page) or `@misc` entries.
pub fn to_bibtex(sources: &[Source]) -> String {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let mut out = String::new();
    for s in sources {
        let kind = if s.url.is_some() && s.original.is_none() { "online" } else { "misc" };
        let mut fields: Vec<(&str, String)> = Vec::new();
        let title = if s.title.trim().is_empty() { &*s.id } else { s.title.trim() };
        // Double braces keep the title's capitals as written.
        fields.push(("title", format!("{{{}}}", bib_escape(title))));
        if let Some(a) = s.author.as_deref().filter(|a| !a.trim().is_empty()) {
            fields.push(("author", format!("{{{}}}", bib_escape(a.trim()))));
        }
        if !s.publisher.is_empty() {
            fields.push(("publisher", bib_escape(&s.publisher)));
            fields.push(("organization", bib_escape(&s.publisher)));
        }
        if let Some(parts) = s.published.as_deref().and_then(date_parts) {
            fields.push(("year", parts[0].to_string()));
            if let Some(&m) = parts.get(1) {
                let name = usize::try_from(m - 1).ok().and_then(|i| MONTHS.get(i)).copied().unwrap_or("jan");
                fields.push(("month", name.to_owned()));
            }
            if let Some(published) = &s.published {
                fields.push(("date", bib_escape(published)));
            }
        }
        if let Some(u) = &s.url {
            fields.push(("url", u.replace(['{', '}'], "")));
        }
        if !s.language.is_empty() {
            fields.push(("langid", bib_escape(&s.language)));
        }
        if let Some(n) = hashes(s) {
            fields.push(("note", bib_escape(&n)));
        }
        let _ = writeln!(out, "@{kind}{{{},", bib_key(&s.id));
        for (name, value) in fields {
            // `month` is a macro, not text.
            if name == "month" {
                let _ = writeln!(out, "  {name} = {value},");
            } else {
                let _ = writeln!(out, "  {name} = {{{value}}},");
            }
        }
        out.push_str("}\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Vec<Source> {
        vec![
            Source {
                id: "el pais".into(),
                title: "Facebook & Netflix: 100% {secret}".to_owned(),
                publisher: "El País".to_owned(),
                author: Some("Ana Pérez".to_owned()),
                language: "es".to_owned(),
                url: Some("https://example.com/a".to_owned()),
                published: Some("2018-12-19".to_owned()),
                ..Source::default()
            },
            Source {
                id: "filing".into(),
                title: String::new(),
                original: Some(crate::model::Original {
                    file: "sources/filing.pdf".to_owned(),
                    kind: crate::model::OriginalKind::Pdf,
                    sha256: "abc".to_owned(),
                }),
                published: Some("2019-04".to_owned()),
                ..Source::default()
            },
        ]
    }

    #[test]
    fn csl_json_has_each_source_with_its_fields() {
        let json: Value = serde_json::from_str(&to_csl_json(&sources())).expect("json");
        let items = json.as_array().expect("array");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0]["id"], "el pais");
        assert_eq!(items[0]["type"], "webpage");
        assert_eq!(items[0]["author"][0]["literal"], "Ana Pérez");
        assert_eq!(items[0]["issued"]["date-parts"], json!([[2018, 12, 19]]));
        assert_eq!(items[0]["language"], "es");
        assert_eq!(items[1]["title"], "filing", "an untitled source by its id");
        assert_eq!(items[1]["issued"]["date-parts"], json!([[2019, 4]]));
        assert!(items[1]["note"].as_str().is_some_and(|n| n.contains("SHA-256 abc")));
    }

    #[test]
    fn bibtex_escapes_tex_and_keys() {
        let bib = to_bibtex(&sources());
        assert!(bib.starts_with("@online{el-pais,\n"), "{bib}");
        assert!(bib.contains("title = {{Facebook \\& Netflix: 100\\% \\{secret\\}}}"), "{bib}");
        assert!(bib.contains("month = dec,") && bib.contains("year = {2018}"), "{bib}");
        assert!(bib.contains("@misc{filing,") && bib.contains("SHA-256 abc"), "{bib}");
        let opens = bib.matches('{').count() - bib.matches("\\{").count();
        let closes = bib.matches('}').count() - bib.matches("\\}").count();
        assert_eq!(opens, closes, "braces balance");
    }
}
