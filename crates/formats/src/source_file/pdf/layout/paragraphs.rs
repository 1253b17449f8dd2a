//! Whether a printed line goes on the paragraph being written or opens another: the page's
//! leading, headings, sentence ends, indents, a transcript's turns.

use super::{Line, median};

/// A paragraph being written: the line it ends with, for deciding whether the next joins it.
#[derive(Clone, Debug)]
pub(super) struct Open {
    pub(super) last: Line,
    pub(super) first_of_paragraph: bool,
    /// The last character written.
    pub(super) last_char: Option<char>,
    /// Whether the line ends a sentence (a full stop not of an abbreviation, `?`, `!`).
    pub(super) sentence_end: bool,
    /// Whether the line is written in capitals.
    pub(super) capitals: bool,
    /// Whether the line reads as a title: its longer words capitalised, not ending on "of".
    pub(super) title_like: bool,
    /// The column's left and right edges on the last line's page.
    pub(super) column: (f64, f64),
    /// The page's usual distance between a line and the next.
    pub(super) leading: f64,
}

/// The usual distance from one body line to the next below it on a page.
pub(super) fn leading(body: &[&Line]) -> f64 {
    let gaps = body.windows(2).map(|w| w[1].y - w[0].y).filter(|&g| g > w_min(body));
    let m = median(gaps);
    if m > 0.0 { m } else { body.first().map_or(12.0, |l| l.size * 1.2) }
}

fn w_min(body: &[&Line]) -> f64 {
    body.first().map_or(1.0, |l| l.size * 0.5)
}

/// Words with a full stop that do not end a sentence: "Facebook, Inc.", "U.S.", "No. 5".
const ABBREVIATIONS: [&str; 34] = [
    "inc", "corp", "co", "ltd", "llc", "no", "nos", "mr", "mrs", "ms", "dr", "st", "v", "vs", "jr", "sr", "art", "sec",
    "fed", "cir", "app", "supp", "ct", "dist", "civ", "crim", "dkt", "para", "cf", "ex", "pp", "p", "sig", "ord",
];

/// Whether a line's last word ends a sentence: `?`, `!`, or a full stop after a word that is
/// not an abbreviation, a closing quote or bracket after them allowed.
pub(super) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    if t.ends_with(['?', '!']) {
        return true;
    }
    let Some(word) = t.strip_suffix('.') else { return false };
    let last = word.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let single = last.chars().count() == 1 && last.chars().all(char::is_alphabetic);
    !(single || last.contains('.') || ABBREVIATIONS.contains(&last.to_lowercase().as_str()))
}

/// Whether a transcript's line opens a question, an answer or a speaker's turn ("Q. Where",
/// "A. At home", "THE COURT: Sustained.", "MR. LEE: Objection."): each is a paragraph.
pub(super) fn opens_a_turn(text: &str) -> bool {
    let t = text.trim_start();
    if ["Q.", "A.", "Q:", "A:"].iter().any(|m| t.strip_prefix(m).is_some_and(|r| r.starts_with(char::is_whitespace))) {
        return true;
    }
    let Some((speaker, _)) = t.split_once(':') else { return false };
    let words: Vec<&str> = speaker.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && ["THE", "MR.", "MS.", "MRS.", "DR.", "BY"].contains(&words[0])
        && words.iter().all(|w| w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '-')))
}

/// Words a heading does not end on, in the languages citeline reads.
const FUNCTION_WORDS: [&str; 40] = [
    "a", "an", "the", "of", "to", "in", "and", "or", "for", "with", "by", "on", "at", "from", "that", "which", "as",
    "is", "was", "de", "la", "el", "los", "las", "del", "y", "en", "que", "un", "una", "di", "il", "lo", "e", "che",
    "per", "con", "della", "dei", "le",
];

/// Whether a short line reads as a heading: its words of four letters or more capitalised,
/// and its last word not one a sentence goes on from ("Courts in" is not; "Background" is).
pub(super) fn title_like(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(last) = words.last() else { return false };
    !FUNCTION_WORDS.contains(&last.to_lowercase().as_str())
        && words
            .iter()
            .filter(|w| w.chars().count() >= 4)
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
}

/// Whether a line's letters are all capitals (two at least): a heading's.
pub(super) fn in_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    let n = letters.clone().count();
    n >= 2 && letters.all(char::is_uppercase)
}

/// Whether `next` goes on the open paragraph: not after a short line that ends a sentence, a
/// heading, or a wider gap than the page's lines keep; not when it is indented further than
/// the line before (a new paragraph, a block quotation), nor back out from a quotation.
pub(super) fn continues(open: &Open, next: &Line, column: (f64, f64), next_text: &str, indented: bool) -> bool {
    // In a transcript (numbered lines) a question, an answer or a speaker opens a paragraph.
    if next.number.is_some() && opens_a_turn(next_text) {
        return false;
    }
    let a = &open.last;
    let size = a.size.max(next.size).max(1.0);
    // The rest of the same printed line (pdf-extract breaks a line where a raised marker
    // stands): it goes on.
    if a.page == next.page && (next.y - a.y).abs() < size * 0.3 && next.x0 >= a.x1 - 1.0 && next.x0 < a.x1 + 3.0 * size
    {
        return true;
    }
    let (left, right) = open.column;
    let width = (right - left).max(size);
    let same_page = a.page == next.page;
    let ends_sentence = |c: char| matches!(c, '.' | ':' | ';' | '?' | '!' | '"' | '”' | '’' | ')');
    let short = a.x1 < right - 4.0 * size;
    let last_char = open.last_char;
    if short && last_char.is_some_and(ends_sentence) {
        return false;
    }
    let starts_capital = next_text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let open_ended = last_char.is_some_and(|c| matches!(c, ',' | '-' | '—' | '–'));
    // A heading: short or centred and reading as a title, or in capitals (a block quotation
    // is indented on both sides too, but goes on).
    let heading = a.x1 < left + 0.65 * width && open.title_like
        || open.capitals
        || open.title_like
            && a.x0 > left + 2.0 * size
            && a.x1 < right - 2.0 * size
            && (a.x0 - left - (right - a.x1)).abs() < 2.0 * size;
    // A heading of two lines in capitals is one heading.
    let heading_goes_on = open.capitals && in_capitals(next_text);
    if heading && starts_capital && !open_ended && !heading_goes_on {
        return false;
    }
    let (next_left, _) = column;
    if same_page && next.y > a.y {
        let gap = next.y - a.y;
        if gap > open.leading * 1.35 && gap > open.leading + 0.4 * size {
            return false;
        }
        if next.x0 > a.x0 + size {
            return false;
        }
        if next.x0 < a.x0 - size && !open.first_of_paragraph && a.x0 > left + size {
            return false;
        }
    } else if next.x0 > next_left + size && (next.x0 - a.x0).abs() > size {
        // A new column or page opening indented starts a paragraph (unless the paragraph
        // before was indented as much: a block quotation going on).
        return false;
    } else if starts_capital && open.sentence_end && !indented {
        // Where the page or column turns no gap can be seen: in a document whose paragraphs do
        // not open indented, a sentence ended at the foot and one begun at the head are taken
        // for two paragraphs.
        return false;
    }
    true
}
