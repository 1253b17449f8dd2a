//! Entry points for the fuzz targets of the model alone (`fuzz/model/`: EDTF dates and the
//! date reader), which build without the window; `citeline::fuzzing` re-exports them for the
//! tests that replay what the fuzzers found.

use crate::Edtf;

/// Parses `text` as a date and uses everything derived from it.
///
/// # Panics
/// When a date parses but spans nothing: the fuzzer reports that as a bug.
pub fn date(text: &str) {
    if let Ok(d) = Edtf::parse(text) {
        let span = d.span();
        assert!(span.end > span.start, "{text:?} spans nothing");
        let _ = d.to_string();
    }
}

/// Any string through the date reader in each language, with and without a publication day.
///
/// # Panics
/// When an expression lies outside the text, splits a character, lies outside its sentence, or
/// has a value the EDTF reader refuses: the fuzzer reports those as bugs.
pub fn dates(text: &str) {
    use crate::dates::{Lang, read};
    for lang in Lang::ALL {
        for published in [None, Some((2024, 2, 29))] {
            for f in read(text, lang, published) {
                assert!(f.start < f.end && f.end <= text.len(), "{f:?}");
                assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "{f:?}");
                assert!(f.sentence.start <= f.start && f.end <= f.sentence.end, "{f:?}");
                if let Some(w) = &f.when {
                    assert!(Edtf::parse(w).is_ok(), "{w:?} from {:?}", &text[f.start..f.end]);
                }
            }
        }
    }
}

/// Any string titled as a passage and as each of its proposals would be, in each language.
///
/// # Panics
/// When a title is empty, or ends with a comma, a semicolon, a colon or an ellipsis (the title
/// rules promise neither): the fuzzer reports those as bugs.
pub fn titles(text: &str) {
    use crate::dates::{Lang, read};
    use crate::title::short_title;
    let tidy = |title: &str, from: &str| {
        assert!(!title.is_empty(), "an empty title from {from:?}");
        assert!(!title.ends_with([',', ';', ':', '…']), "{title:?} from {from:?}");
    };
    tidy(&short_title(text, None), text);
    for lang in Lang::ALL {
        let found = read(text, lang, Some((2024, 2, 29)));
        for f in found.iter().take(50) {
            let sentence = &text[f.sentence.clone()];
            tidy(&short_title(sentence, Some(f.start - f.sentence.start..f.end - f.sentence.start)), sentence);
            tidy(&crate::propose::title::title_from(text, &f.sentence, &(f.start..f.end), &found), sentence);
        }
    }
}
