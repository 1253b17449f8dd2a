//! `docs/ARCHITECTURE.md` names every module under `src/` and `crates/*/src/`: a module added
//! without a word there fails here. Unit-test files (`tests.rs`) sit beside the code they test and are not named.

use std::path::Path;

fn modules(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            modules(&path, out);
            continue;
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if path.extension().is_none_or(|e| e != "rs") || name == "tests.rs" {
            continue;
        }
        // A folder's `mod.rs` is named by its folder (`dates/`).
        let named = if name == "mod.rs" {
            let folder = path.parent().and_then(Path::file_name).and_then(|n| n.to_str()).unwrap_or_default();
            format!("{folder}/")
        } else {
            name
        };
        out.push((path.display().to_string(), named));
    }
}

#[test]
fn the_architecture_document_names_every_module() {
    let doc = std::fs::read_to_string("docs/ARCHITECTURE.md").expect("docs/ARCHITECTURE.md");
    let mut found = Vec::new();
    modules(Path::new("src"), &mut found);
    modules(Path::new("crates/model/src"), &mut found);
    modules(Path::new("crates/formats/src"), &mut found);
    modules(Path::new("crates/core/src"), &mut found);
    assert!(found.len() > 100, "the walk found the modules: {}", found.len());
    let missing: Vec<&str> =
        found.iter().filter(|(_, named)| !doc.contains(named.as_str())).map(|(path, _)| path.as_str()).collect();
    assert!(missing.is_empty(), "docs/ARCHITECTURE.md does not name: {missing:#?}");
    // Every test file and benchmark too.
    for dir in ["tests", "benches"] {
        for entry in std::fs::read_dir(dir).expect("readable") {
            let path = entry.expect("an entry").path();
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            if path.extension().is_some_and(|e| e == "rs") && name != "integration.rs" {
                assert!(doc.contains(&format!("`{name}`")), "docs/ARCHITECTURE.md does not name {dir}/{name}");
            }
        }
    }
}

/// The model takes texts and gives documents: no disk, no window. Each file's code before its
/// unit tests must name none of the ways to either.
#[test]
fn the_model_does_no_file_io_and_knows_no_window() {
    let mut found = Vec::new();
    modules(Path::new("crates/model/src"), &mut found);
    assert!(found.len() > 20, "the walk found the model: {}", found.len());
    let mut offending = Vec::new();
    for (path, _) in &found {
        let text = std::fs::read_to_string(path).expect("a module");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for word in ["std::fs", "fs::", "File::", "OpenOptions", "atomic_write", "egui", "eframe", "std::process"] {
            if code.lines().filter(|l| !l.trim_start().starts_with("//")).any(|l| l.contains(word)) {
                offending.push(format!("{path}: {word}"));
            }
        }
    }
    assert!(offending.is_empty(), "the model reaches out: {offending:#?}");
}

/// The layers a `crate::…` path may name: the rows of "Who uses whom", and the two modules of
/// one file every writer or painter reaches (`fonts`, `atomic_write`).
const LAYERS: [&str; 13] = [
    "model",
    "layout",
    "scene",
    "export",
    "formats",
    "report",
    "publish",
    "session",
    "settings",
    "ui",
    "cli",
    "fonts",
    "atomic_write",
];

/// The layers `crate::…` paths name in `dir`'s code, unit tests left out.
fn imports(dir: &Path) -> std::collections::BTreeSet<String> {
    let mut files = Vec::new();
    if dir.is_dir() {
        modules(dir, &mut files);
    }
    // A layer of one file: `settings.rs`.
    let file = dir.with_extension("rs");
    if file.is_file() {
        files.push((file.display().to_string(), String::new()));
    }
    assert!(!files.is_empty(), "{} holds no code", dir.display());
    let mut used = std::collections::BTreeSet::new();
    for (path, _) in &files {
        let text = std::fs::read_to_string(path).expect("a module");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for layer in LAYERS {
            if code.contains(&format!("crate::{layer}::")) || code.contains(&format!("crate::{layer};")) {
                used.insert(layer.to_owned());
            }
        }
    }
    used
}

/// "Who uses whom" in `docs/ARCHITECTURE.md` is what the code imports: a layer that reaches
/// one it does not list fails here (and so does a table that lists what is no longer used).
#[test]
fn each_layer_imports_only_what_the_architecture_document_lists() {
    let doc = std::fs::read_to_string("docs/ARCHITECTURE.md").expect("docs/ARCHITECTURE.md");
    let table = doc.split("| Layer | Uses |").nth(1).expect("the table of who uses whom");
    let mut checked = 0;
    for row in table.lines().skip(2).take_while(|l| l.starts_with('|')) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (layer, listed) = (cells[1], cells[2]);
        let dir = match layer {
            "model" | "formats" => Path::new("crates").join(layer).join("src"),
            "layout" | "scene" | "export" | "report" | "publish" | "session" => {
                Path::new("crates/core/src").join(layer)
            }
            _ => Path::new("src").join(layer),
        };
        let used = imports(&dir);
        let words: Vec<&str> = listed.split(|c: char| !c.is_alphanumeric() && c != '_').collect();
        for u in &used {
            assert!(u == layer || words.contains(&u.as_str()), "{layer} imports {u}, which the table does not list");
        }
        for w in LAYERS {
            if words.contains(&w) && w != layer && layer != "model" {
                assert!(used.contains(w), "the table says {layer} uses {w}; it does not");
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 11, "every layer has its row");
}

/// Each layer's crate depends on the crates below it and no other part of citeline: the model on
/// none, the formats on the model, the core on both.
#[test]
fn each_crate_depends_only_on_the_crates_below_it() {
    for (krate, below) in [
        ("model", &[][..]),
        ("formats", &[r#"citeline-model = { path = "../model" }"#][..]),
        ("core", &[r#"citeline-model = { path = "../model" }"#, r#"citeline-formats = { path = "../formats" }"#][..]),
    ] {
        let manifest = std::fs::read_to_string(format!("crates/{krate}/Cargo.toml")).expect("a manifest");
        let deps = manifest.split("[dependencies]").nth(1).expect("a [dependencies] table");
        let deps = deps.split("\n[").next().unwrap_or_default();
        let ours: Vec<&str> = deps.lines().filter(|l| l.contains("path =")).collect();
        assert_eq!(ours, below, "crates/{krate}: {deps}");
        let code_path = format!("crates/{krate}/src");
        assert!(!imports(Path::new(&code_path)).contains("ui"), "crates/{krate} names the window");
    }
}
