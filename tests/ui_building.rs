//! The user's path, step by step: a new timeline, sources added (from a file and pasted), a
//! passage made an event, its date typed, a second source's passage cited, saved, reopened.

use crate::common;

use common::{data, harness_on, select_in_source, wait_until};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use citeline::CitelineApp;

const IT: &str = "assets/sources/it-netflix-100-milioni-messaggi-facebook.txt";
const ES: &str = "assets/sources/es-netflix-meta-mensajes-privados.txt";

fn type_into(harness: &mut Harness<'static, CitelineApp>, label: &str, text: &str) {
    type_into_a(harness, Role::TextInput, label, text);
}

fn type_into_a(harness: &mut Harness<'static, CitelineApp>, role: Role, label: &str, text: &str) {
    let field = harness.get_by_role_and_label(role, label);
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(role, label).type_text(text);
    // The typist pauses: the field commits what it holds, or says why it cannot.
    common::pause(harness);
}

#[test]
fn a_chronology_is_built_from_two_articles_saved_and_reopened_the_same() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("netflix.citeline.json");
    let mut harness = common::app_harness();

    // File › New Timeline… (Ctrl+N): the file and a sources folder beside it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    type_into(&mut harness, "Save to", case.to_str().expect("path"));
    harness.get_by_label("Create").click();
    wait_until(&mut harness, |app| app.session().path() == Some(case.as_path()) && !app.is_loading());
    assert!(dir.path().join("sources").is_dir());
    assert_eq!(data(&harness).doc.events().len(), 0);

    // Add Source…: a text file; its language is told from the text.
    harness.get_by_label("Add Source…").click();
    harness.run();
    type_into(&mut harness, "Document", IT);
    type_into(&mut harness, "Publisher", "Italian news blog");
    harness.get_by_role_and_label(Role::Button, "Add Source").click();
    harness.run();
    let it = data(&harness).doc.timeline().sources[0].clone();
    assert_eq!((it.language.as_str(), it.publisher.as_str()), ("it", "Italian news blog"));
    assert!(dir.path().join(it.file.as_deref().expect("kept in a file")).is_file());

    // Select a passage in its text: New Event from Selection.
    let quote = "Nell’agosto 2013, Facebook ha fornito a Netflix l’accesso al cosiddetto “Titan API”";
    select_in_source(&mut harness, &it.id, quote);
    harness.get_by_label("New Event from Selection").click();
    harness.run();
    let doc = &data(&harness).doc;
    assert_eq!(doc.events().len(), 1);
    let event = &doc.events()[0];
    assert_eq!(event.title, "Facebook ha fornito a Netflix l’accesso al cosiddetto “Titan API”");
    assert_eq!(event.when.as_deref(), Some("2013-08"), "dated by the words of the passage");
    assert_eq!(&*event.citations[0].quote, quote);
    assert_eq!(doc.checks(0)[0].status, citeline::model::Verification::Verified);
    assert_eq!(harness.state().selected(), Some(0));
    assert!(harness.get_by_role_and_label(Role::TextInput, "Title").is_focused(), "the title waits for typing");
    // Tab: the date.
    harness.key_press(Key::Tab);
    harness.run();
    let date = harness.get_by_role_and_label(Role::TextInput, "Date (EDTF)");
    assert!(date.is_focused(), "the date field follows the title");

    // Type another date: it is read as it is typed.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Date (EDTF)").type_text("2013-0");
    common::pause(&mut harness);
    assert!(harness.query_by_label_contains("Not a date citeline reads").is_some(), "2013-0 is not a date yet");
    harness.get_by_role_and_label(Role::TextInput, "Date (EDTF)").type_text("8");
    common::pause(&mut harness);
    assert!(harness.query_all_by_label_contains("August 2013").count() >= 2, "under the field and the title");
    assert_eq!(data(&harness).doc.events()[0].when.as_deref(), Some("2013-08"));

    // A second source, pasted; Cite Selection adds its passage to the same event. The list of
    // sources is further down the panel now.
    harness.get_by_label("Add Source…").scroll_to_me();
    harness.run();
    harness.get_by_label("Add Source…").click();
    harness.run();
    let spanish = std::fs::read_to_string(ES).expect("article");
    harness.get_by_role_and_label(Role::MultilineTextInput, "Or paste the text").focus();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Or paste the text").type_text(&spanish);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Add Source").click();
    harness.run();
    assert_eq!(harness.state().source_dialog().message, None, "added without a complaint");
    let es = data(&harness).doc.timeline().sources[1].clone();
    assert_eq!(es.language, "es");
    let cited = "recibió acceso personalizado a las API privadas de Facebook";
    select_in_source(&mut harness, &es.id, cited);
    harness.get_by_label("Cite Selection").click();
    harness.run();
    assert_eq!(data(&harness).doc.events()[0].citations.len(), 2, "one event citing both articles");
    assert_eq!(data(&harness).doc.tally().verified, 2);

    // Ctrl+S, then close and reopen: the same timeline.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_until(&mut harness, |app| !app.session().is_saving() && !app.session().is_dirty());
    let built = data(&harness).doc.timeline().clone();
    drop(harness);
    let reopened = harness_on(&case);
    assert_eq!(data(&reopened).doc.timeline(), &built);
    assert_eq!(data(&reopened).doc.tally().verified, 2);
    let (code, out) = common::citeline(&["check", case.to_str().expect("path")]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_passage_selected_with_the_keyboard_becomes_an_event_with_ctrl_shift_e_its_title_ready_for_typing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("case.citeline.json");
    citeline::formats::new_timeline(&path, None).expect("new timeline");
    let mut harness = harness_on(&path);
    // Ctrl+Shift+A: Add Source, its document field ready; Enter adds it.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    assert!(harness.get_by_role_and_label(Role::TextInput, "Document").is_focused());
    harness.get_by_role_and_label(Role::TextInput, "Document").type_text(ES);
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(data(&harness).doc.timeline().sources.len(), 1, "added by Enter");
    // Its text has the keyboard: Shift+Ctrl+→ selects words from its start.
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::CTRL | Modifiers::SHIFT, Key::ArrowRight);
        harness.run();
    }
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    let doc = &data(&harness).doc;
    assert_eq!(doc.events().len(), 1);
    assert_eq!(&*doc.events()[0].citations[0].quote, "¿Netflix pagaba cientos");
    assert!(harness.get_by_role_and_label(Role::TextInput, "Title").is_focused(), "the title waits for typing");
}

fn quote_of(harness: &Harness<'static, CitelineApp>, event: &str) -> String {
    let doc = &data(harness).doc;
    let e = doc.event_index(event).expect("event");
    doc.events()[e].citations[0].quote.to_string()
}

fn source_changed(harness: &Harness<'static, CitelineApp>) -> bool {
    citeline::model::anchor::text_changed(&data(harness).doc, 0)
}

/// Waits for the review of the document as it is now.
fn review_done(harness: &mut Harness<'static, CitelineApp>) {
    wait_until(harness, |app| app.changed_sources().current(app.session().revision()).is_some());
    harness.run();
}

/// The first enabled button labelled `label`.
fn click_first(harness: &mut Harness<'static, CitelineApp>, label: &str) {
    use egui_kittest::kittest::NodeT as _;
    let button = harness
        .get_all_by_role_and_label(Role::Button, label)
        .find(|b| !b.accesskit_node().is_disabled())
        .unwrap_or_else(|| panic!("no enabled {label:?} button"));
    button.click();
    harness.run();
}

#[test]
fn a_changed_source_opens_its_review_and_each_answer_is_one_undo_step() {
    let (_dir, path) = common::timeline_with_a_changed_source();
    let mut harness = harness_on(&path);
    // The review opens by itself: the source changed since its quotes were checked.
    wait_until(&mut harness, |app| app.changed_sources().open);
    review_done(&mut harness);
    assert!(harness.query_by_label("Changed Sources (1)").is_some());
    assert!(
        harness
            .query_by_label_contains("3 citations: 0 in place or answered; waiting: 1 moved, 1 reworded, 1 not found.")
            .is_some()
    );
    // Old and new words side by side.
    assert!(harness.query_by_label("Netflix paid almost nothing for it.").is_some(), "the new words");
    assert!(harness.query_by_label("Not found in the new version.").is_some(), "the orphan");

    // Accept All takes the moved quote's new place; the others still wait.
    click_first(&mut harness, "Accept All in Place or Moved");
    review_done(&mut harness);
    let new_text = data(&harness).doc.source("a").expect("source").1.to_owned();
    let anchor = |h: &Harness<'static, CitelineApp>| {
        data(h).doc.events()[0].citations[0].anchor.as_ref().map(|a| a.start as usize)
    };
    assert_eq!(anchor(&harness), new_text.find("Facebook gave Netflix access"));
    assert!(source_changed(&harness), "two quotes still wait");

    // Accept takes the reworded words, the old ones kept in the citation's history.
    click_first(&mut harness, "Accept");
    review_done(&mut harness);
    assert_eq!(quote_of(&harness, "reworded"), "Netflix paid almost nothing for it.");
    // One undo step brings the old words back, redo the new.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(quote_of(&harness, "reworded"), "Netflix paid nothing for it.");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(quote_of(&harness, "reworded"), "Netflix paid almost nothing for it.");
    review_done(&mut harness);

    // The quote that is gone: its words found by hand in the new text.
    click_first(&mut harness, "Find by Hand");
    assert!(harness.query_by_label_contains("Find by hand: select the words").is_some());
    select_in_source(&mut harness, "a", "In June the board met again.");
    click_first(&mut harness, "Use Selection as the Quote");
    assert_eq!(quote_of(&harness, "gone"), "In June the board met again.");
    assert!(!source_changed(&harness), "the last answer takes the new text as the source's own");
    review_done(&mut harness);
    assert!(harness.query_by_label("No source changed since its quotes were checked.").is_some());

    // Undone, it waits again; kept as it was, it is settled but not found.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(source_changed(&harness));
    review_done(&mut harness);
    click_first(&mut harness, "Keep Old Quote");
    assert_eq!(quote_of(&harness, "gone"), "The board met again in May, and nothing was said.");
    assert!(!source_changed(&harness));
    assert_eq!(data(&harness).doc.tally().not_found, 1, "kept, and flagged as not found in the new text");

    // Saved, the answers are in the file: nothing waits, and the kept quote is said not found.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_until(&mut harness, |app| !app.session().is_dirty());
    let (_, out) = common::citeline(&["check", path.to_str().expect("path")]);
    assert!(!out.contains("was not accepted"), "{out}");
    assert!(out.contains("2 verified, 0 matched after normalisation, 1 not found"), "{out}");
}

#[test]
fn enter_in_a_source_detail_adds_the_source_as_the_button_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("case.citeline.json");
    citeline::formats::new_timeline(&path, None).expect("new timeline");
    let mut harness = harness_on(&path);
    assert!(harness.query_by_label_contains("Begin with a source").is_some(), "an empty timeline says how to begin");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Document").type_text(ES);
    harness.run();
    // The last detail typed key by key, then Enter: nothing more to click.
    common::text_input(&harness, "Published").focus();
    harness.run();
    common::type_keys(&mut harness, "2025-02-03", None);
    assert!(data(&harness).doc.timeline().sources.is_empty(), "typing alone adds nothing");
    harness.key_press(Key::Enter);
    harness.run();
    let d = data(&harness);
    let sources = &d.doc.timeline().sources;
    assert_eq!(sources.len(), 1, "added by Enter in Published");
    assert_eq!(sources[0].published.as_deref(), Some("2025-02-03"));
    assert!(harness.query_by_label("Add Source").is_none(), "the dialog closed");
    // A long title, cut at a word, says it was cut.
    let told = "Added source “¿Netflix pagaba cientos de millones a Meta por…”";
    assert!(harness.query_by_label(told).is_some(), "the flash says {told:?}");
    // The empty timeline's hint goes on from there, not back to adding a source.
    assert!(harness.query_by_label_contains("Begin with a source").is_none(), "the first step is done");
    assert!(harness.query_by_label_contains("It has a source").is_some(), "and said");
}

#[test]
fn enter_in_the_export_image_file_field_exports_as_the_button_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("picture.svg");
    let mut harness = common::app_harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    // The field emptied and the whole path typed, key by key.
    common::focus_and_clear(&mut harness, "Save to");
    common::type_keys(&mut harness, out.to_str().expect("path"), None);
    assert!(!out.exists(), "typing alone writes nothing");
    assert_eq!(common::field_text(&harness, "Save to"), out.to_str().expect("path"));
    harness.key_press(Key::Enter);
    wait_until(&mut harness, |_| out.is_file());
    let svg = std::fs::read_to_string(&out).expect("the image");
    assert!(svg.contains("<svg") && svg.contains("Netflix"), "an SVG of the timeline: {} bytes", svg.len());
}

#[test]
fn save_as_opens_without_the_last_outcome_and_enter_in_its_file_field_saves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (first, second) = (dir.path().join("first.citeline.json"), dir.path().join("second.citeline.json"));
    let mut harness = common::app_harness();
    let save_as = |harness: &mut Harness<'static, CitelineApp>| {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        harness.run();
    };
    for path in [&first, &second] {
        save_as(&mut harness);
        assert!(
            harness.query_by_label_contains(&format!("Saved {}", first.display())).is_none(),
            "the dialog opens without the outcome of the save before"
        );
        common::focus_and_clear(&mut harness, "Save to");
        common::type_keys(&mut harness, path.to_str().expect("path"), None);
        assert!(!path.exists(), "typing alone writes nothing");
        harness.key_press(Key::Enter);
        wait_until(&mut harness, |_| path.is_file());
        harness.run();
        let told = format!("Saved {}", path.display());
        assert!(harness.query_by_label_contains(&told).is_some(), "the dialog says {told:?}");
        harness.key_press(Key::Escape);
        harness.run();
    }
    let saved = std::fs::read_to_string(&second).expect("the second file");
    assert!(saved.contains("Netflix"), "the timeline, saved: {} bytes", saved.len());
}

#[test]
fn the_source_being_read_marks_and_shows_the_selected_events_quote() {
    let mut harness = common::app_harness();
    harness
        .get_by_label("Netflix ha pagato 100 milioni di dollari per accedere ai messaggi privati di Facebook")
        .click();
    harness.run();
    assert!(harness.query_by_label("Quoted by the selected event").is_none(), "no event selected, nothing marked");
    // The Titan API event quotes a paragraph far down the Italian article.
    harness.get_by_label("Facebook gives Netflix access to the private “Titan API”, August 2013").click();
    harness.run();
    let text_top = harness.get_by_label("Select a passage in the text:").rect().bottom();
    let window = harness.ctx.content_rect();
    let mark = harness.get_by_label("Quoted by the selected event").rect();
    assert!(
        mark.top() >= text_top && mark.bottom() <= window.bottom(),
        "the quote is scrolled into the source's view: {mark:?}, the text from y = {text_top}"
    );
    // Not a second, smaller copy of the text under the citation: it says where the quote is.
    assert!(harness.query_by_label("Marked in the source below.").is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Quoted by the selected event").is_none(), "the mark goes with the selection");
}

#[test]
fn a_passage_made_an_event_is_no_longer_selected_so_nothing_is_made_twice() {
    use egui_kittest::kittest::NodeT as _;
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("case.citeline.json");
    std::fs::copy(common::SEED, &case).expect("copy");
    let mut harness = harness_on(&case);
    harness
        .get_by_label("Netflix ha pagato 100 milioni di dollari per accedere ai messaggi privati di Facebook")
        .click();
    harness.run();
    common::select_in_source(&mut harness, "it-article", "il CEO di allora di Netflix, Hastings");
    harness.get_by_label("New Event from Selection").click();
    harness.run();
    let made = data(&harness).doc.events().len();
    for button in ["New Event from Selection", "Cite Selection"] {
        assert!(harness.get_by_label(button).accesskit_node().is_disabled(), "{button} with nothing seen selected");
    }
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    let d = data(&harness);
    assert_eq!(d.doc.events().len(), made + 1);
    assert!(d.doc.events().last().is_some_and(|e| e.citations.is_empty()), "Ctrl+Shift+E makes a blank event");
}

#[test]
fn in_narrow_side_panels_the_changed_sources_review_stays_within_its_panel() {
    let (_dir, path) = common::timeline_with_a_changed_source();
    let long = "Netflix ha pagato 100 milioni di dollari per accedere ai messaggi privati di Facebook";
    let json = std::fs::read_to_string(&path).expect("read").replace("\"The article\"", &format!("\"{long}\""));
    std::fs::write(&path, json).expect("write");
    let mut harness = harness_on(&path);
    review_done(&mut harness);
    // Proposed Dates and the search results beside it: three panels share the left.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    wait_until(&mut harness, |app| app.show_proposals() && !app.session().is_proposing());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    common::type_keys(&mut harness, "Netflix", None);
    harness.run();
    let next_panel =
        harness.query_all_by_label_contains("Proposed Dates (").map(|n| n.rect().left()).fold(f32::INFINITY, f32::min);
    let buttons: Vec<egui::Rect> = ["Keep Old", "Accept All in Place"]
        .iter()
        .flat_map(|label| harness.query_all_by_label_contains(label).map(|n| n.rect()).collect::<Vec<_>>())
        .collect();
    assert!(buttons.len() >= 2, "the review's buttons are shown: {buttons:?}");
    for b in buttons {
        assert!(b.right() <= next_panel + 1.0, "a button ends at {} past its panel's edge {next_panel}", b.right());
    }
}
