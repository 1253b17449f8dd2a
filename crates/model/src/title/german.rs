//! German titles. German puts its finite verb second and closes the clause with the verb's other
//! half (a participle, an infinitive, a separable prefix: "hat … abgelehnt", "legte … ein"), so
//! two rules made for the other languages read wrong in it:
//!
//! - Left out, what opens the sentence leaves the finite verb first ("Legte der Anwalt Berufung
//!   ein", which reads as a question): the subject goes before it ("Der Anwalt legte Berufung
//!   ein"), when it can be told for sure ([`subject_after_verb`]).
//! - A date inside the clause is left out of the title, the clause kept to its end, instead of
//!   the title ending before the date (the caller, `propose`, says which words: `leave_out`).
//!
//! And a title cut at a clause boundary keeps its last word, the verb's other half, though it be
//! a preposition's look-alike ("ein", "an", "auf"). The rules are German's alone: they apply to a
//! text told German ([`is_german`]), by fixed lists and never by chance.

use std::ops::Range;
use std::sync::LazyLock;

use super::words::THAT;
use super::{CLOSING, DANGLING, core, cut, word_ranges};

/// Words that open a subject: articles, demonstratives, possessives and quantifiers, in forms a
/// subject takes ("den", "dem", "einen" never open one).
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "ein", "eine", "kein", "keine", "dieser", "diese", "dieses", "jener", "jene", "jenes",
    "jeder", "jede", "jedes", "sein", "seine", "ihr", "ihre", "unser", "unsere", "euer", "eure", "mein", "meine",
    "dein", "deine", "beide", "alle", "mehrere", "einige", "viele",
];

/// Articles: an opener that begins with one opened a noun phrase.
const ARTICLES: &[&str] =
    &["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"];

/// Personal pronouns that are a subject.
const PRONOUNS: &[&str] = &["er", "sie", "es", "wir", "ihr", "ich", "du", "man"];

/// What joins two names into one subject ("Netflix und Facebook").
const JOINS: &[&str] = &["und", "sowie"];

/// Articles of a genitive that belongs to the noun before it ("das Gericht des Landes").
const GENITIVES: &[&str] = &["des", "eines", "dieses", "jenes"];

/// After a noun with its article, a genitive or a dative ("der Anwalt der Klägerin": whose
/// lawyer, or to whom?): the subject is not told for sure.
const AMBIGUOUS: &[&str] = &["der", "einer"];

/// Nouns that follow a verb without an article, as its object ("erhielt Netflix Zugang", "legte
/// der Anwalt Berufung ein"): a capitalised word after a subject is one of these, or the subject is
/// not told for sure ("sagte Mark Zuckerberg aus": a name of two words).
#[rustfmt::skip]
const BARE_NOUNS: &[&str] = &[
    "zugang", "zugriff", "berufung", "revision", "beschwerde", "klage", "einspruch", "widerspruch", "insolvenz",
    "konkurs", "anzeige", "strafanzeige", "anklage", "stellung", "auskunft", "einblick", "einsicht",
    "akteneinsicht", "kenntnis", "schadensersatz", "schadenersatz", "rechtsmittel", "recht", "unterlassung",
];

/// Lower-case words that may follow an opener without being its finite verb: pronouns,
/// prepositions, conjunctions, adverbs (articles are in [`DANGLING`]).
#[rustfmt::skip]
const NOT_VERBS: &[&str] = &[
    "er", "sie", "es", "wir", "ihr", "ich", "du", "man", "sich", "ihm", "ihn", "ihnen", "uns", "euch", "wer", "was",
    "kein", "keine", "dieser", "diese", "dieses", "jeder", "jede", "jedes", "alle", "beide", "mehrere", "einige",
    "in", "von", "gegen", "durch", "ohne", "um", "seit", "bis", "ab", "wegen", "trotz", "während", "vor", "hinter",
    "neben", "zwischen", "beim", "zum", "ins", "laut", "gemäß", "per", "pro", "je", "statt", "außer", "dank",
    "aber", "sondern", "denn", "doch", "ob", "weil", "wenn", "als", "wie", "obwohl", "nachdem", "bevor", "sowie",
    "so", "dann", "da", "dort", "hier", "nun", "noch", "schon", "bereits", "erst", "nur", "auch", "nie", "immer",
    "wieder", "jedoch", "zunächst", "später", "danach", "damals", "heute", "gestern", "jetzt", "bald", "kaum",
    "etwa", "rund", "fast", "insgesamt", "zuvor", "ebenfalls", "erneut", "sogar",
];

/// Words that are German and of none of the other languages whose dates are read (Spanish,
/// Italian, English, French): two of them tell a text German, however short.
#[rustfmt::skip]
const GERMAN_ONLY: &[&str] = &[
    "der", "den", "dem", "das", "und", "ist", "hat", "hatte", "haben", "wurde", "wurden", "wird", "nicht", "im",
    "vom", "zum", "zur", "beim", "ein", "eine", "einen", "einem", "einer", "eines", "mit", "auf", "für", "nach",
    "über", "seit", "sich", "auch", "dass", "oder", "sie", "er", "wir", "laut", "gegen", "durch", "zwischen",
    "dieser", "diese", "dieses", "sein", "seine", "ihre", "noch", "nur", "wie", "jahr", "jahren", "januar",
    "februar", "märz", "juni", "juli", "oktober", "dezember", "anfang", "mitte", "ende",
];

/// The languages whose dates are read, which a text is told among.
static DETECTOR: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    use whatlang::Lang;
    whatlang::Detector::with_allowlist(vec![Lang::Spa, Lang::Ita, Lang::Eng, Lang::Fra, Lang::Deu])
});

/// Whether `text` is German: two words of [`GERMAN_ONLY`], else German of the languages whose
/// dates are read as their letters tell (which a short sentence of names may not).
pub(crate) fn is_german(text: &str) -> bool {
    let cues = text.split_whitespace().filter(|w| GERMAN_ONLY.contains(&core(w).as_str())).take(2).count();
    cues == 2 || DETECTOR.detect_lang(text) == Some(whatlang::Lang::Deu)
}

/// The title of `words` from `first` (past the openers, the last of them opening at `opener`) by
/// the German rules: the subject before a finite verb left first, the words within `leave_out` left
/// out, the clause's last word kept at a boundary. `None` when no rule changes the title, or the
/// text is not German; `leave_out` is given for a text already told German.
pub(super) fn title(
    text: &str,
    words: &[Range<usize>],
    (opener, first): (usize, usize),
    leave_out: Option<&Range<usize>>,
) -> Option<String> {
    let left_out = |i: usize| leave_out.is_some_and(|r| r.start <= words[i].start && words[i].start < r.end);
    // "Die zwischen Januar und April 2016 ausgetauschten E-Mails": what was left out opened a noun
    // phrase, not the clause, and the word after it is no verb.
    let noun = words.get(opener).is_some_and(|w| ARTICLES.contains(&core(&text[w.clone()]).as_str()));
    let subject = subject_after_verb(text, words, first).filter(|s| !noun && !(s.verb..s.end).any(left_out));
    if leave_out.is_none() && (subject.is_none() || !is_german(text)) {
        return None;
    }
    let mut order: Vec<usize> = (first..words.len()).collect();
    if let Some(Subject { verb, start, end }) = subject {
        order = (start..end).chain(verb..start).chain(end..words.len()).collect();
    }
    order.retain(|&i| !left_out(i));
    // Between the words, the spaces that stood at the same place (a paragraph's break stays one).
    let mut kept: Vec<usize> = order.clone();
    kept.sort_unstable();
    let gaps: Vec<&str> =
        kept.iter().map(|&i| words.get(i + 1).map_or("", |next| &text[words[i].end..next.start])).collect();
    let mut pieces: Vec<String> = order.iter().map(|&i| text[words[i].clone()].to_owned()).collect();
    // A subject that ended the text ("… klagte Netflix.") hands its marks on to the new last word.
    if let Some(Subject { end, .. }) = subject
        && end == words.len()
        && let Some(at) = order.iter().position(|&i| i == end - 1)
        && at + 1 < pieces.len()
    {
        let word = pieces[at].trim_end_matches(CLOSING).to_owned();
        let marks = pieces[at][word.len()..].to_owned();
        pieces[at] = word;
        if let Some(last) = pieces.last_mut() {
            last.push_str(&marks);
        }
    }
    let mut joined = String::new();
    for (at, piece) in pieces.iter().enumerate() {
        if at > 0 {
            joined.push_str(gaps.get(at - 1).copied().filter(|g| !g.is_empty()).unwrap_or(" "));
        }
        joined.push_str(piece);
    }
    Some(cut(&joined, &word_ranges(&joined), &|| true))
}

/// A finite verb left first and the subject after it, by word index: the verb at `verb`, the
/// subject at `start..end` (after "sich", which stays with the verb: "einigten sich die Parteien").
#[derive(Clone, Copy)]
struct Subject {
    verb: usize,
    start: usize,
    end: usize,
}

/// The subject after the finite verb at `first`, when openers were left out before it and the
/// subject is told for sure: a noun phrase (an article, a demonstrative or a possessive, words in
/// lower case, its capitalised noun, a genitive after it), names in capitals (two joined by "und"),
/// or a personal pronoun; and what follows it is none of its own (lower case, an object of
/// [`BARE_NOUNS`], not [`AMBIGUOUS`]).
fn subject_after_verb(text: &str, words: &[Range<usize>], first: usize) -> Option<Subject> {
    let word = |i: usize| words.get(i).map(|w| &text[w.clone()]);
    let verb = word(first).filter(|_| first > 0)?;
    let lower = verb.to_lowercase();
    let plain = verb.chars().all(char::is_alphabetic) && verb.starts_with(char::is_lowercase);
    if !plain || NOT_VERBS.contains(&lower.as_str()) || DANGLING.contains(&lower.as_str()) {
        return None;
    }
    // After "dass" the clause ends with its verb: what opens it is its subject already.
    if THAT.contains(&core(word(first - 1)?).as_str()) {
        return None;
    }
    let start = first + 1 + usize::from(word(first + 1).is_some_and(|w| w == "sich"));
    let (end, article) = noun_phrase(text, words, start)?;
    let last = word(end - 1)?;
    if last.ends_with(CLOSING) {
        // "der Anwalt, der …": a subject with a clause of its own stays where it is.
        return (end == words.len()).then_some(Subject { verb: first, start, end });
    }
    if let Some(next) = word(end) {
        let c = core(next);
        let capital = next.starts_with(char::is_uppercase);
        if capital && !BARE_NOUNS.contains(&c.as_str()) || article && AMBIGUOUS.contains(&c.as_str()) {
            return None;
        }
    }
    Some(Subject { verb: first, start, end })
}

/// The end (a word index) of the subject opening at `at`, and whether it opens with an article.
fn noun_phrase(text: &str, words: &[Range<usize>], at: usize) -> Option<(usize, bool)> {
    let word = |i: usize| words.get(i).map(|w| &text[w.clone()]);
    let opening = word(at)?;
    let c = opening.to_lowercase();
    let lower = opening.starts_with(char::is_lowercase) && opening.chars().all(char::is_alphabetic);
    if lower && DETERMINERS.contains(&c.as_str()) {
        let mut end = noun_after(text, words, at + 1)? + 1;
        // "das Gericht des Landes": the genitive belongs to it.
        while !word(end - 1)?.ends_with(CLOSING)
            && word(end).is_some_and(|g| GENITIVES.contains(&g))
            && let Some(noun) = noun_after(text, words, end + 1)
        {
            end = noun + 1;
        }
        return Some((end, true));
    }
    if lower {
        return PRONOUNS.contains(&c.as_str()).then_some((at + 1, false));
    }
    let end = name_end(text, words, at)?;
    let joined = word(end).is_some_and(|j| JOINS.contains(&j)) && !word(end - 1)?.ends_with(CLOSING);
    if joined { name_end(text, words, end + 1).map(|e| (e, false)) } else { Some((end, false)) }
}

/// The index of the capitalised noun after at most three words in lower case from `at` ("der
/// zuständige Richter"); a name's adjective takes the noun after it ("die Europäische Kommission").
fn noun_after(text: &str, words: &[Range<usize>], at: usize) -> Option<usize> {
    let word = |i: usize| words.get(i).map(|w| &text[w.clone()]);
    let adjectives = (at..at + 3)
        .take_while(|&i| {
            word(i).is_some_and(|w| w.starts_with(char::is_lowercase) && w.chars().all(char::is_alphabetic))
        })
        .count();
    let noun = at + adjectives;
    name_end(text, words, noun).map(|end| end - 1)
}

/// The end (a word index) of the name or noun at `at`, in capitals, past a name's adjectives
/// ("Deutsche Bank"); `None` when the word there is no capitalised word.
fn name_end(text: &str, words: &[Range<usize>], at: usize) -> Option<usize> {
    let capitalised = |i: usize| {
        words.get(i).is_some_and(|w| {
            let w = text[w.clone()].trim_end_matches(CLOSING);
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
    };
    if !capitalised(at) {
        return None;
    }
    let mut end = at + 1;
    while name_adjective(&text[words[end - 1].clone()])
        && !text[words[end - 1].clone()].ends_with(CLOSING)
        && capitalised(end)
    {
        end += 1;
    }
    Some(end)
}

/// A capitalised adjective of a name, which the name goes on after: "Europäische", "Deutsche",
/// "Oberste".
fn name_adjective(word: &str) -> bool {
    let c = core(word);
    ["ische", "ischen", "sche", "schen", "liche", "lichen"].iter().any(|end| c.ends_with(end))
        || ["oberste", "obersten", "vereinigte", "vereinigten"].contains(&c.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::short_title;
    use crate::dates::{self, Kind, Lang};

    /// The title of a German passage, its first date (as the reader finds it) left out when it
    /// opens it, as an event made from the passage gets it.
    fn title(sentence: &str) -> String {
        let date = dates::read(sentence, Lang::De, None)
            .into_iter()
            .find(|f| f.kind == Kind::Date && f.when.is_some())
            .map(|f| f.start..f.end);
        short_title(sentence, date)
    }

    #[test]
    fn the_subject_goes_before_the_verb_an_opening_date_leaves_first() {
        for (sentence, expected) in [
            // The shapes of the issue.
            ("Am 3. März 2017 legte der Anwalt Berufung ein.", "Der Anwalt legte Berufung ein"),
            ("Am 12. Mai 2019 hat der Richter den Antrag abgelehnt.", "Der Richter hat den Antrag abgelehnt"),
            (
                "Im Jahr 2013 erhielt Netflix Zugang zu der Schnittstelle.",
                "Netflix erhielt Zugang zu der Schnittstelle",
            ),
            ("Seit 2011 arbeiteten Netflix und Facebook zusammen.", "Netflix und Facebook arbeiteten zusammen"),
            // An attribution left out leaves the verb first too; a date inside the clause stays
            // in a passage's title, as in every language.
            (
                "Laut der Klageschrift hat Facebook im Jahr 2013 Netflix Zugang gewährt.",
                "Facebook hat im Jahr 2013 Netflix Zugang gewährt",
            ),
            ("Die Firma wurde 1887 gegründet.", "Die Firma wurde 1887 gegründet"),
            // Filings and news.
            (
                "Am 4. Juni 2021 reichte die Verbraucherzentrale Klage gegen den Konzern ein.",
                "Die Verbraucherzentrale reichte Klage gegen den Konzern ein",
            ),
            ("Am 5. Mai 2020 wies das Landgericht die Klage ab.", "Das Landgericht wies die Klage ab"),
            (
                "Im Januar 2016 übernahm Microsoft den Spielehersteller für 2,5 Milliarden Dollar.",
                "Microsoft übernahm den Spielehersteller für 2,5 Milliarden Dollar",
            ),
            (
                "Ende März 2019 gab Apple bekannt, dass es den Dienst einstellt.",
                "Apple gab bekannt, dass es den Dienst einstellt",
            ),
            (
                "Im Oktober 2019 teilte die Beklagte mit, sie werde Berufung einlegen.",
                "Die Beklagte teilte mit, sie werde Berufung einlegen",
            ),
            (
                "Am 2. Juni 2020 einigten sich die Parteien auf einen Vergleich.",
                "Die Parteien einigten sich auf einen Vergleich",
            ),
            (
                "Am 7. September 2018 verklagte der Konzern seinen früheren Vorstand.",
                "Der Konzern verklagte seinen früheren Vorstand",
            ),
            ("Im Jahr 2013 gab es eine Einigung zwischen den Parteien.", "Es gab eine Einigung zwischen den Parteien"),
            ("Am 9. November 2020 hat er die Klage zurückgenommen.", "Er hat die Klage zurückgenommen"),
            (
                "Im März 2021 hat das Gericht des Landes die Klage abgewiesen.",
                "Das Gericht des Landes hat die Klage abgewiesen",
            ),
            (
                "Außerdem hat das Gericht die Beklagte zur Zahlung verurteilt.",
                "Das Gericht hat die Beklagte zur Zahlung verurteilt",
            ),
            // A clause boundary keeps the separable prefix that ends the clause; a paragraph's
            // break stays one.
            (
                "Am 3. März 2017 legte der Anwalt Berufung ein; das Gericht wies sie ab.",
                "Der Anwalt legte Berufung ein",
            ),
            (
                "Am 3. März 2017 legte der Anwalt Berufung ein\n\nDas Gericht wies sie ab.",
                "Der Anwalt legte Berufung ein",
            ),
        ] {
            assert_eq!(title(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn without_a_sure_subject_or_room_the_title_is_cut_as_before() {
        for (sentence, expected) in [
            // Two capitalised words: a name of two words, or a name and its object.
            ("Im Juli 2019 sagte Mark Zuckerberg vor dem Kongress aus.", "Sagte Mark Zuckerberg vor dem Kongress aus"),
            // "der Klägerin": whose lawyer, or to whom.
            (
                "Am 1. April 2019 legte der Anwalt der Klägerin Beschwerde ein.",
                "Legte der Anwalt der Klägerin Beschwerde ein",
            ),
            // Too long: cut at the most words a title takes.
            (
                "Am 3. März 2017 legte die Beklagte gegen das Urteil des Landgerichts München Berufung ein.",
                "Die Beklagte legte gegen das Urteil des Landgerichts München Berufung",
            ),
            // A subordinate clause after "dass" ends with its verb: nothing moves.
            ("Der Bericht erklärt, dass er Hunderte Millionen zahlte.", "Er Hunderte Millionen zahlte"),
            // What was left out opened a noun phrase, not the clause: no verb follows it.
            (
                "Die zwischen Januar und April 2016 ausgetauschten E-Mails liegen dem Gericht vor.",
                "Ausgetauschten E-Mails liegen dem Gericht vor",
            ),
            // A subject with a clause of its own stays where it is.
            (
                "Am 3. März 2017 legte der Anwalt, der den Kläger vertrat, Berufung ein.",
                "Legte der Anwalt, der den Kläger vertrat, Berufung ein",
            ),
            // Not German: nothing moves.
            ("En 2013 llegó Netflix a España con su catálogo.", "Llegó Netflix a España con su catálogo"),
        ] {
            assert_eq!(title(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn every_subject_goes_before_every_verb_after_every_opening_date() {
        let openers = ["Am 3. März 2017", "Im Jahr 2013", "Seit 2011", "Im August 2013", "Anfang 2020"];
        let verbs = ["legte", "hat", "erhielt", "reichte", "übernahm"];
        let subjects = [
            "der Anwalt",
            "die Beklagte",
            "das Gericht",
            "die Klägerin",
            "Netflix",
            "Netflix und Facebook",
            "er",
            "der zuständige Richter",
            "das Gericht des Landes",
        ];
        let rests = [
            "Berufung ein",
            "den Antrag ab",
            "Zugang zu der Schnittstelle",
            "die Klage zurück",
            "mit dem Konzern zusammen",
        ];
        for opener in openers {
            for verb in verbs {
                for subject in subjects {
                    for rest in rests {
                        let sentence = format!("{opener} {verb} {subject} {rest}.");
                        let mut expected = format!("{subject} {verb} {rest}");
                        expected.replace_range(..1, &expected[..1].to_uppercase());
                        assert_eq!(title(&sentence), expected, "{sentence}");
                    }
                }
            }
        }
    }
}
