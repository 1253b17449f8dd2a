//! Language tags as people read them ("Spanish (es)"), and telling a text's language.

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

/// The language a timeline is written in: told from its title, description and its events'
/// titles and summaries (the first few hundred of them say enough).
pub fn timeline_language(timeline: &super::Timeline) -> Option<&'static str> {
    let mut text = String::new();
    text.push_str(&timeline.title);
    if let Some(part) = &timeline.description {
        text.push_str(". ");
        text.push_str(part);
    }
    for e in timeline.events.iter().take(400) {
        text.push_str(". ");
        text.push_str(&e.title);
        if let Some(summary) = &e.summary {
            text.push_str(". ");
            text.push_str(summary);
        }
        if text.len() > 20_000 {
            break;
        }
    }
    detect_language(&text)
}

/// The language a text is written in, as a two-letter tag, when it can be told (the longer the
/// text, the surer: a sentence or two is enough for Spanish, Italian or English).
pub fn detect_language(text: &str) -> Option<&'static str> {
    use whatlang::Lang;
    // A long text says as much in its first 20 KB; reading all of it would cost for nothing.
    let head = &text[..text.floor_char_boundary(20_000)];
    let info = whatlang::detect(head)?;
    Some(match info.lang() {
        Lang::Spa => "es",
        Lang::Ita => "it",
        Lang::Eng => "en",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Por => "pt",
        Lang::Nld => "nl",
        Lang::Cat => "ca",
        Lang::Ell => "el",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Pol => "pl",
        _ => return None,
    })
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

    #[test]
    fn the_six_languages_of_the_newsrooms_are_told_apart() {
        for (text, tag) in [
            (
                "Una demanda iniciada por ciudadanos estadounidenses reveló que Meta habría mantenido una relación especial con Netflix.",
                "es",
            ),
            (
                "Secondo il documento, nel 2011 la piattaforma di streaming ha annunciato un'integrazione con Facebook per condividere i dati.",
                "it",
            ),
            (
                "According to the filing, Netflix and Facebook enjoyed a special relationship for nearly a decade, sharing data.",
                "en",
            ),
            (
                "Selon le document, Netflix a eu accès aux messages privés des utilisateurs de Facebook pendant près de dix ans.",
                "fr",
            ),
            (
                "Laut der Klageschrift hatte Netflix fast ein Jahrzehnt lang Zugang zu den privaten Nachrichten der Nutzer.",
                "de",
            ),
            (
                "Segundo o documento, a Netflix teve acesso às mensagens privadas dos usuários do Facebook durante quase uma década.",
                "pt",
            ),
        ] {
            assert_eq!(detect_language(text), Some(tag), "{text}");
        }
        assert_eq!(detect_language("1234 5678"), None);
    }
}
