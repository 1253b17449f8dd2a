//! Each panel and dialog on its own (`Harness::new_ui_state`), driven as a user would: find by
//! label, click, type, then check what it asks the app to do.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

use citeline::formats::Format;
use citeline::model::filter::Choices;
use citeline::session::Loaded;
use citeline::session::Report;
use citeline::session::loaded::load_seed;
use citeline::session::search::SearchResults;
use citeline::settings::ThemeChoice;
use citeline::ui::citation_panel::PanelContext;
use citeline::ui::command::Command;
use citeline::ui::filter_menu::FilterMenu;
use citeline::ui::menu::MenuState;
use citeline::ui::save_dialog::SaveDialog;

/// A harness for one component (`Harness::new_ui_state`), with the fonts the window installs.
fn harness<'a, S>(app: impl FnMut(&mut egui::Ui, &mut S) + 'a, state: S) -> Harness<'a, S> {
    Harness::builder()
        .with_size(egui::vec2(900.0, 2400.0))
        .with_context_setup(citeline::ui::fonts::install)
        .build_ui_state(app, state)
}

fn seed() -> Loaded {
    load_seed().expect("the seed loads")
}

#[test]
fn save_dialog_asks_to_save_where_and_how_the_user_said() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("brief.json");
    let mut dialog = SaveDialog::default();
    dialog.show(None);
    let mut harness = harness(
        |ui, (dialog, asked, open): &mut (SaveDialog, Vec<Command>, bool)| {
            asked.extend(dialog.ui(ui.ctx(), None, open));
        },
        (dialog, Vec::new(), true),
    );
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Save to");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    field.type_text(target.to_str().expect("path"));
    harness.run();
    assert!(harness.query_by_label_contains("sources and exact dates ride along").is_some(), "the name decides");
    harness.get_by_label(Format::TimelineJsCsv.name()).click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(harness.state().1, vec![Command::SaveAs(target, Format::TimelineJsCsv)]);
    harness.get_by_label("Close").click();
    harness.run();
    assert!(!harness.state().2, "Close closes it");
}

#[test]
fn save_dialog_shows_the_outcome_and_no_save_button_while_saving() {
    let mut dialog = SaveDialog::default();
    dialog.show(None);
    dialog.message = Some(Err("cannot write \"x\": denied".into()));
    let progress = citeline::model::Progress::default();
    progress.start(citeline::model::progress::Stage::Writing, 10);
    progress.advance(5);
    let mut harness = harness(move |ui, d: &mut SaveDialog| drop(d.ui(ui.ctx(), Some(&progress), &mut true)), dialog);
    harness.run_steps(3);
    assert!(harness.query_by_label("Save").is_none());
    assert!(harness.query_by_label("Writing…").is_some());
    let bar = harness.get_by_role(Role::ProgressIndicator);
    assert_eq!(bar.accesskit_node().numeric_value(), Some(50.0), "the save's progress");
    assert!(harness.query_by_label_contains("denied").is_some());
}

#[test]
fn filter_menu_filters_by_tag_and_says_why_a_date_is_refused() {
    let data = seed();
    let choices = Choices::of(&data.doc);
    let mut harness = harness(
        move |ui, (menu, changed): &mut (FilterMenu, u32)| {
            if menu.ui(ui, &choices) {
                *changed += 1;
            }
        },
        (FilterMenu::default(), 0),
    );
    harness.run();
    harness.get_by_label("#api").click();
    harness.run();
    assert_eq!(harness.state().1, 1, "one change");
    assert!(harness.state().0.filter.tags.contains("api"));
    let from = harness.get_by_role_and_label(Role::TextInput, "From");
    from.focus();
    from.type_text("2013-13");
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert!(harness.query_by_label_contains("2013-13").is_some(), "the field says why");
    assert_eq!(harness.state().0.filter.from, None, "a bad date filters nothing");
    harness.get_by_label("Clear All Filters").click();
    harness.run();
    assert!(!harness.state().0.filter.is_active());
}

#[test]
fn status_strip_shows_a_save_under_way_and_lists_problems() {
    let problem = citeline::model::Problem::in_event(
        std::path::Path::new("case.citeline.json"),
        "titan-api",
        "citations[0].quote",
        "the quote is not found in source \"it\"",
    );
    let report = Report::opened_with(&[problem]).expect("a report");
    let saving = citeline::model::Progress::default();
    saving.start(citeline::model::progress::Stage::Saving, 4);
    saving.advance(1);
    let mut harness = harness(
        move |ui, asked: &mut Vec<Command>| {
            let work = citeline::ui::status::Work {
                path: std::path::Path::new("big.citeline.json"),
                progress: &saving,
                cancel: Command::CancelSaving,
            };
            asked.extend(citeline::ui::status::status_ui(ui, vec![work], Some(&report)));
        },
        Vec::new(),
    );
    harness.run();
    assert!(harness.query_by_label_contains("Saving big.citeline.json…").is_some(), "a save shows its progress");
    assert_eq!(harness.get_by_role(Role::ProgressIndicator).accesskit_node().numeric_value(), Some(25.0));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state(), &vec![Command::CancelSaving], "and can be cancelled");
    harness.state_mut().clear();
    assert!(harness.query_by_label_contains("1 citation could not be verified").is_some());
    harness.get_by_label("Details (1)").click();
    harness.run();
    assert!(harness.query_by_label_contains("event \"titan-api\"").is_some(), "the details name the place");
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert_eq!(harness.state(), &vec![Command::DismissReport]);
}

#[test]
fn results_list_selects_the_result_clicked() {
    let data = seed();
    let titan = u32::try_from(data.doc.event_index("titan-api").expect("titan")).expect("index");
    let results = SearchResults { events: vec![titan], mask: Vec::new(), starts: Vec::new(), sources: vec![1] };
    let label = format!("{} — {}", data.doc.date_label(titan as usize), data.doc.events()[titan as usize].title);
    let source = data.doc.timeline().sources[1].clone();
    let mut harness = harness(
        move |ui, asked: &mut Vec<Command>| {
            asked.extend(citeline::ui::results::results_ui(ui, &data, Some(&results), None, false));
        },
        Vec::new(),
    );
    harness.run();
    assert!(harness.query_by_label("Results (1)").is_some());
    harness.get_by_label(&label).click();
    harness.run();
    harness.get_by_label(&format!("Source: {}", source.title)).click();
    harness.run();
    assert_eq!(harness.state(), &vec![Command::SelectResult(titan), Command::ShowSource(source.id.to_string())]);
}

#[test]
fn citation_panel_shows_the_quote_verified_and_lists_undated_events() {
    let data = seed();
    let titan = u32::try_from(data.doc.event_index("titan-api").expect("titan")).expect("index");
    let denial = u32::try_from(data.doc.event_index("meta-denial").expect("denial")).expect("index");
    let visibility = citeline::layout::Visibility::all();
    let palette = citeline::scene::Theme::Light.palette();
    let mut panel = citeline::ui::citation_panel::CitationPanel::default();
    let tags = Vec::new();
    let mut harness = harness(
        move |ui, asked: &mut Vec<Command>| {
            let cx = PanelContext { visibility: &visibility, selected: Some(titan), revision: 0, tags: &tags, palette };
            asked.extend(panel.ui(ui, &data, &cx));
        },
        Vec::new(),
    );
    harness.run();
    assert_eq!(harness.query_all_by_label_contains("✔ verified").count(), 2, "a badge per citation");
    assert!(harness.query_all_by_label_contains("Nell’agosto 2013, Facebook ha fornito a Netflix").count() >= 2);
    harness.get_by_label("Meta denies sharing people’s private messages with Netflix").click();
    harness.run();
    assert_eq!(harness.state(), &vec![Command::Select(Some(denial))]);
}

#[test]
fn menus_ask_for_the_sample_a_theme_and_a_redo_they_name() {
    let mut harness = harness(
        |ui, asked: &mut Vec<Command>| {
            let state = MenuState { recent: &[], theme: ThemeChoice::System, undo: None, redo: Some("Move ‘x’") };
            asked.extend(citeline::ui::menu::menu_ui(ui, &state));
        },
        Vec::new(),
    );
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    assert!(harness.query_by_label("No recent files").is_none(), "a submenu, closed");
    harness.get_by_label("Open Sample Timeline").click();
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Dark").click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("Edit").click();
    harness.run();
    let undo = harness.query_all_by_label_contains("Undo").next().expect("Edit › Undo");
    assert!(undo.accesskit_node().is_disabled(), "nothing to undo");
    harness.query_all_by_label_contains("Redo Move ‘x’").next().expect("Edit › Redo names the step").click();
    harness.run();
    // File › Export Table… asks where to write the chronology as a spreadsheet.
    harness.get_by_label("File").click();
    harness.run();
    harness.query_all_by_label_contains("Export Table…").next().expect("File › Export Table…").click();
    harness.run();
    // File › Export Report… asks where to write the chronology as a document.
    harness.get_by_label("File").click();
    harness.run();
    harness.query_all_by_label_contains("Export Report…").next().expect("File › Export Report…").click();
    harness.run();
    assert_eq!(
        harness.state(),
        &vec![
            Command::OpenSample,
            Command::SetTheme(ThemeChoice::Dark),
            Command::Redo,
            Command::ShowExportTable,
            Command::ShowExportReport
        ]
    );
}
