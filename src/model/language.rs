//! Language tags as people read them: "Spanish (es)".

/// "Spanish (es)" for `es`, and the tag itself for a language citeline has no name for.
pub fn language_name(tag: &str) -> String {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase();
    let name = match primary.as_str() {
        "es" => "Spanish",
        "it" => "Italian",
        "en" => "English",
        "fr" => "French",
        "de" => "German",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        "ca" => "Catalan",
        "el" => "Greek",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "pl" => "Polish",
        _ => return tag.to_owned(),
    };
    format!("{name} ({tag})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_tags_are_named_and_others_kept() {
        assert_eq!(language_name("es"), "Spanish (es)");
        assert_eq!(language_name("pt-BR"), "Portuguese (pt-BR)");
        assert_eq!(language_name("xx"), "xx");
    }
}
