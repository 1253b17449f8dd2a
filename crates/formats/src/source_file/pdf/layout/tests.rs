//! The PDF layout's tests, on pages built glyph by glyph: paragraphs, hyphens, furniture,
//! captions, footnote markers, a transcript's turns, headings, blank pages, and origins.

use proptest::prelude::*;

use super::super::text::{Glyph, ligature};
use super::furniture::{furniture_key, is_page_number};
use super::paragraphs::opens_a_turn;
use super::*;

/// A page as pdf-extract would write it: lines apart by a line break, each character a
/// glyph half its size wide, at `(x, baseline from the page's top, size)`.
fn page(lines: &[(f64, f64, f64, &str)]) -> RawPage {
    let height = 792.0;
    let mut raw = RawPage { height, ..RawPage::default() };
    for (i, &(x, y, size, line)) in lines.iter().enumerate() {
        if i > 0 {
            raw.text.push('\n');
        }
        let mut left = x;
        let mut raised = false;
        for c in line.chars() {
            // "^1": a footnote marker, smaller and raised.
            if c == '^' {
                raised = true;
                continue;
            }
            let (size, lift) = if std::mem::take(&mut raised) { (size * 0.6, size * 0.4) } else { (size, 0.0) };
            let start = u32::try_from(raw.text.len()).expect("small");
            raw.text.push(c);
            let end = u32::try_from(raw.text.len()).expect("small");
            let base = height - y + lift;
            let (lo, hi, right) = (base - DESCENT * size, base + ASCENT * size, left + size * 0.5);
            raw.glyphs.push(Glyph { bytes: start..end, corners: [(left, lo), (right, lo), (right, hi), (left, hi)] });
            left = right;
        }
    }
    raw
}

/// Lines 14 points apart from `top`, at the margin unless indented.
fn body<'a>(top: f64, lines: &[(f64, &'a str)]) -> Vec<(f64, f64, f64, &'a str)> {
    lines.iter().enumerate().map(|(i, &(x, t))| (x, top + 14.0 * i as f64, 12.0, t)).collect()
}

#[test]
fn a_symbol_fonts_bullet_is_read_as_a_bullet() {
    let raw =
        page(&body(100.0, &[(72.0, "\u{F0B7} Discovery closes in May."), (72.0, "\u{F0A7} Trial \u{F0B3} June.")]));
    let laid = lay_out(&[raw]);
    assert!(laid.text.contains("• Discovery closes in May."), "{:?}", laid.text);
    assert!(laid.text.contains("▪ Trial ≥ June."), "{:?}", laid.text);
    assert!(!laid.text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)));
}

#[test]
fn lines_of_a_paragraph_are_joined_and_paragraphs_kept_apart() {
    let lines = body(
        100.0,
        &[
            (90.0, "The first paragraph opens indented and runs on"),
            (72.0, "over a second line that ends the sentence here."),
            (90.0, "A second paragraph opens indented, its hyphen-"),
            (72.0, "ated word joined and its non-"),
            (72.0, "compete clause too."),
        ],
    );
    let laid = lay_out(&[page(&lines)]);
    assert_eq!(
        laid.text,
        "The first paragraph opens indented and runs on over a second line that ends the sentence here.\n\n\
         A second paragraph opens indented, its hyphenated word joined and its non-compete clause too."
    );
    assert_eq!(laid.pages, vec![0]);
}

#[test]
fn a_hyphen_is_real_when_the_document_writes_the_word_so_and_a_split_when_it_writes_it_whole() {
    let lines = body(
        100.0,
        &[
            (72.0, "The court-appointed expert and the pre-"),
            (72.0, "trial motion: pretrial, pretrial. Then court-"),
            (72.0, "appointed counsel, long-"),
            (72.0, "awaited, the parlamen-"),
            (72.0, "taria report, the Smith-"),
            (72.0, "Jones rule, 2013-"),
            (72.0, "2015 in all."),
        ],
    );
    let text = lay_out(&[page(&lines)]).text;
    assert!(text.contains("the pretrial motion"), "{text}");
    assert!(text.contains("Then court-appointed counsel"), "{text}");
    assert!(text.contains("the parlamentaria report"), "{text}");
    assert!(text.contains("the Smith-Jones rule, 2013-2015 in all."), "{text}");
    assert!(text.contains("long-awaited"), "{text}");
    // No other spelling in the document: the languages' word lists decide.
    let lists = body(
        100.0,
        &[(72.0, "a price-"), (72.0, "fixing scheme, an arrange-"), (72.0, "ment, the infor-"), (72.0, "mation")],
    );
    assert_eq!(lay_out(&[page(&lists)]).text, "a price-fixing scheme, an arrangement, the information");
    let dashes = body(100.0, &[(72.0, "a dash set apart -"), (72.0, "then words, the API—"), (72.0, "which ran")]);
    assert_eq!(lay_out(&[page(&dashes)]).text, "a dash set apart - then words, the API—which ran");
}

#[test]
fn furniture_repeated_on_most_pages_is_set_apart_and_page_numbers_at_the_foot_too() {
    let pages: Vec<RawPage> = (1..=4)
        .map(|n| {
            let banner = format!("Case 1:20-cv-0{n}  Document 12  Filed 03/0{n}/21  Page {n} of 4");
            let number = format!("{n}");
            let mut lines = vec![(72.0, 40.0, 8.0, banner.as_str())];
            let text = ["and the sentence goes", "on over the page and", "ends on the next one", "there."];
            lines.extend(body(100.0, &[(72.0, text[n - 1])]));
            lines.push((300.0, 760.0, 10.0, number.as_str()));
            page(&lines)
        })
        .collect();
    let laid = lay_out(&pages);
    assert!(
        laid.text.contains("and the sentence goes on over the page and ends on the next one there."),
        "{}",
        laid.text
    );
    assert_eq!(laid.text.matches("Document 12").count(), 4);
    assert_eq!(laid.pages.len(), 4);
    assert!(laid.pages.windows(2).all(|w| w[0] < w[1]), "{:?}", laid.pages);
}

#[test]
fn body_text_repeated_at_one_height_on_every_page_stays_text() {
    let line = "A form's whole line of text that stands on every page at one place";
    let pages: Vec<RawPage> = (0..3)
        .map(|_| page(&body(300.0, &[(72.0, line), (72.0, "and goes on to a second line of the form's text.")])))
        .collect();
    let laid = lay_out(&pages);
    assert_eq!(laid.text.matches(&format!("{line} and goes on")).count(), 3, "{}", laid.text);
}

#[test]
fn a_bracketed_caption_is_read_one_column_then_the_other() {
    let rows = [
        "UNITED STATES OF AMERICA,      )",
        "                               )   Civil Action No. 20-3590",
        "          Plaintiff,           )",
        "     v.                        )   COMPLAINT FOR INJUNCTIVE",
        "FACEBOOK, INC.,                )   RELIEF",
        "          Defendant.           )",
    ];
    let mut lines: Vec<(f64, f64, f64, &str)> = body(100.0, &rows.map(|r| (72.0, r)));
    lines.extend(body(200.0, &[(90.0, "The United States brings this action.")]));
    let text = lay_out(&[page(&lines)]).text;
    let parties = text.find("UNITED STATES OF AMERICA,").expect("parties");
    let defendant = text.find("Defendant.").expect("defendant");
    let number = text.find("Civil Action No. 20-3590").expect("number");
    assert!(parties < defendant && defendant < number, "{text}");
    assert!(text.contains("COMPLAINT FOR INJUNCTIVE RELIEF"), "{text}");
    assert!(!text.contains(')'), "{text}");
    assert!(text.ends_with("The United States brings this action."), "{text}");
}

#[test]
fn a_footnote_marker_is_taken_off_whether_it_ends_a_line_or_opens_the_next() {
    let lines = body(
        100.0,
        &[
            (90.0, "The comments^1 explain it, but the mediator's report"),
            (72.0, "^2says the opposite of what the court found."),
        ],
    );
    assert_eq!(
        lay_out(&[page(&lines)]).text,
        "The comments explain it, but the mediator's report says the opposite of what the court found."
    );
}

#[test]
fn a_transcripts_questions_answers_and_speakers_are_paragraphs() {
    // Numbered as a transcript's lines are (the numbers themselves are tested with PDFs).
    let lines = body(
        100.0,
        &[
            (72.0, "Q. And what did the logs show for July 22nd?"),
            (72.0, "A. The alarm went off at 2:14 in the morning, and"),
            (72.0, "nobody came until six."),
            (72.0, "MR. LEE: Objection, form."),
            (72.0, "THE WITNESS: I can answer."),
        ],
    );
    let numbered: Vec<String> = lines.iter().enumerate().map(|(i, l)| format!("{} {}", i + 1, l.3)).collect();
    let mut lines = lines;
    for (l, n) in lines.iter_mut().zip(&numbered) {
        l.3 = n.as_str();
    }
    let mut padded = lines.clone();
    for (i, tail) in ["6 and then", "7 it went", "8 on so", "9 long."].into_iter().enumerate() {
        padded.push((72.0, 300.0 + 14.0 * i as f64, 12.0, tail));
    }
    let text = lay_out(&[page(&padded)]).text;
    let turns: Vec<&str> = text.split("\n\n").take(4).collect();
    assert_eq!(
        turns,
        [
            "Q. And what did the logs show for July 22nd?",
            "A. The alarm went off at 2:14 in the morning, and nobody came until six.",
            "MR. LEE: Objection, form.",
            "THE WITNESS: I can answer.",
        ]
    );
    assert!(!opens_a_turn("THE defendant: no"));
}

#[test]
fn a_short_line_is_a_heading_only_when_it_reads_as_one() {
    let lines = body(
        100.0,
        &[
            (72.0, "Background"),
            (72.0, "The parties entered into the agreement that year, and then into a written"),
            (72.0, "Warehouse Storage Agreement whose terms the court read."),
            (72.0, "Courts in"),
            (72.0, "California have long read such terms the same way in every case."),
        ],
    );
    assert_eq!(
        lay_out(&[page(&lines)]).text,
        "Background\n\nThe parties entered into the agreement that year, and then into a written Warehouse \
         Storage Agreement whose terms the court read.\n\nCourts in California have long read such terms the \
         same way in every case."
    );
}

#[test]
fn what_is_a_page_number() {
    for yes in ["5", "- 5 -", "Page 5", "Page 5 of 12", "5 of 12", "iv", "[3]", "– 12 –"] {
        assert!(is_page_number(yes), "{yes}");
    }
    for no in ["5 cases", "Page five", "2013-08", "The end", "123456"] {
        assert!(!is_page_number(no), "{no}");
    }
    assert_eq!(furniture_key("Case: 20-1507   Page: 4"), "case:#-#page:#");
    assert_eq!(furniture_key("Case: 20-1507 Page:12"), furniture_key("Case: 20-1507   Page: 4"));
}

#[test]
fn a_blank_page_still_has_a_place_and_an_empty_document_lays_out_empty() {
    let pages = vec![page(&[]), page(&body(100.0, &[(72.0, "Text.")])), page(&[])];
    let laid = lay_out(&pages);
    assert_eq!(laid.text.trim(), "Text.");
    assert_eq!(laid.pages.len(), 3);
    assert!(laid.pages.windows(2).all(|w| w[0] < w[1]), "{:?}", laid.pages);
    assert!(laid.pages.last().is_some_and(|&p| p as usize <= laid.text.len()));
    assert_eq!(lay_out(&[]).text, "");
}

proptest! {
    /// Each laid-out character came from the raw character its origin names (itself, or a
    /// ligature holding it), unless it is a space or line break put between lines; the pages
    /// rise within the text.
    #[test]
    fn origins_name_the_characters_they_came_from(
        pages in proptest::collection::vec(
            proptest::collection::vec(("[a-zﬁA-Z.,\\-]{1,12}( [a-zﬁ.\\-]{1,9}){0,5}", 0u8..3, 0u8..3), 0..8),
            1..4,
        )
    ) {
        let raws: Vec<RawPage> = pages
            .iter()
            .map(|lines| {
                let mut y = 60.0;
                let placed: Vec<(f64, f64, f64, &str)> = lines
                    .iter()
                    .map(|(t, indent, gap)| {
                        y += 14.0 + f64::from(*gap) * 10.0;
                        (72.0 + f64::from(*indent) * 18.0, y, 12.0, t.as_str())
                    })
                    .collect();
                page(&placed)
            })
            .collect();
        let laid = lay_out(&raws);
        prop_assert_eq!(laid.origin.len(), laid.text.len());
        for (i, c) in laid.text.char_indices() {
            let o = laid.origin[i];
            let raw = &raws[o.page as usize].text;
            let source = raw[o.at as usize..].chars().next();
            let fits = source == Some(c)
                || source.and_then(ligature).is_some_and(|l| l.contains(c))
                || c.is_whitespace();
            prop_assert!(fits, "{:?} at {} came from {:?}", c, i, source);
        }
        prop_assert!(laid.pages.first() == Some(&0));
        prop_assert!(laid.pages.windows(2).all(|w| w[0] < w[1]), "{:?}", laid.pages);
        prop_assert!(laid.pages.last().is_some_and(|&p| p as usize <= laid.text.len()));
    }
}
