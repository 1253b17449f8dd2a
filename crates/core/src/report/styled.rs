//! Text with the parts a citation style sets in italics, as the CSL processor gives it, and
//! the punctuation CSL leaves after a title that ends in its own, tidied.

/// Text with the parts a citation style sets in italics (a periodical's or a report's
/// title), as byte ranges of the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Styled {
    pub text: String,
    pub italic: Vec<std::ops::Range<usize>>,
}

impl Styled {
    pub fn plain(text: String) -> Self {
        Self { text, italic: Vec::new() }
    }

    pub(super) fn from_chars(chars: &[(char, bool)]) -> Self {
        let mut out = Self::default();
        for &(c, italic) in chars {
            let at = out.text.len();
            out.text.push(c);
            if italic {
                match out.italic.last_mut() {
                    Some(r) if r.end == at => r.end = out.text.len(),
                    _ => out.italic.push(at..out.text.len()),
                }
            }
        }
        out
    }

    /// The text cut into runs, each with whether it is in italics.
    pub fn runs(&self) -> Vec<(&str, bool)> {
        runs(&self.text, &self.italic)
    }
}

/// `text` cut into runs, each with whether it is in `italic` (byte ranges of it).
pub fn runs<'a>(text: &'a str, italic: &[std::ops::Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in italic {
        let (start, end) = (r.start.clamp(at, text.len()), r.end.min(text.len()));
        if start > at {
            out.extend(text.get(at..start).map(|t| (t, false)));
        }
        if end > start {
            out.extend(text.get(start..end).map(|t| (t, true)));
        }
        at = at.max(end);
    }
    if at < text.len() {
        out.extend(text.get(at..).map(|t| (t, false)));
    }
    out
}

/// The characters of a processor's output, each with whether it is in italics.
pub(super) fn chars_of(children: &hayagriva::ElemChildren) -> Vec<(char, bool)> {
    fn walk(children: &hayagriva::ElemChildren, out: &mut Vec<(char, bool)>) {
        for child in &children.0 {
            let text = match child {
                hayagriva::ElemChild::Text(t) | hayagriva::ElemChild::Link { text: t, .. } => t,
                hayagriva::ElemChild::Elem(e) => {
                    walk(&e.children, out);
                    continue;
                }
                hayagriva::ElemChild::Markup(m) => {
                    out.extend(m.chars().map(|c| (c, false)));
                    continue;
                }
                hayagriva::ElemChild::Transparent { .. } => continue,
            };
            let italic = t_style(text) == hayagriva::citationberg::FontStyle::Italic;
            out.extend(text.text.chars().map(|c| (c, italic)));
        }
    }
    fn t_style(t: &hayagriva::Formatted) -> hayagriva::citationberg::FontStyle {
        t.formatting.font_style
    }
    let mut out = Vec::new();
    walk(children, &mut out);
    out
}

/// CSL's punctuation after a title that ends in its own: "usuarios?.”" is "usuarios?”";
/// which characters are in italics is kept.
pub(super) fn tidy_chars(mut chars: Vec<(char, bool)>) -> Vec<(char, bool)> {
    // Title case leaves a case name's "v." capitalised ("Smith V. Acme").
    for (from, to) in [
        ("?.”", "?”"),
        ("!.”", "!”"),
        ("?,”", "?”"),
        ("!,”", "!”"),
        ("?.", "?"),
        ("!.", "!"),
        ("..", "."),
        (" V. ", " v. "),
    ] {
        replace_chars(&mut chars, from, to);
    }
    let start = chars.iter().position(|(c, _)| !c.is_whitespace()).unwrap_or(chars.len());
    let end = chars.iter().rposition(|(c, _)| !c.is_whitespace()).map_or(start, |e| e + 1);
    chars.truncate(end);
    chars.drain(..start);
    chars
}

/// Replaces each `from` in `chars` by `to`, which takes the style of `from`'s first character.
pub(super) fn replace_chars(chars: &mut Vec<(char, bool)>, from: &str, to: &str) {
    let from: Vec<char> = from.chars().collect();
    let mut i = 0;
    while i + from.len() <= chars.len() {
        if chars[i..i + from.len()].iter().map(|&(c, _)| c).eq(from.iter().copied()) {
            let italic = chars[i].1;
            let replacement: Vec<(char, bool)> = to.chars().map(|c| (c, italic)).collect();
            let n = replacement.len();
            chars.splice(i..i + from.len(), replacement);
            i += n;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replacement_keeps_which_characters_are_in_italics() {
        let mut chars: Vec<(char, bool)> = "Título?.” x".chars().map(|c| (c, c == 'T')).collect();
        replace_chars(&mut chars, "?.”", "?”");
        let styled = Styled::from_chars(&chars);
        assert_eq!((styled.text.as_str(), styled.runs()[0]), ("Título?” x", ("T", true)));
    }
}
