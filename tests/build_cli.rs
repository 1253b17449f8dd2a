//! `citeline new` and `citeline add-source`, as a user scripts the start of a chronology.

use crate::common;

use common::citeline;

const IT: &str = "assets/sources/it-netflix-100-milioni-messaggi-facebook.txt";
const ES: &str = "assets/sources/es-netflix-meta-mensajes-privados.txt";

#[test]
fn new_then_add_sources_gives_a_timeline_that_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("netflix-case.citeline.json");
    let case_arg = case.to_str().expect("path");
    let (code, out) = citeline(&["new", case_arg, "--title", "Netflix and Facebook"]);
    assert_eq!(code, 0, "{out}");
    assert!(dir.path().join("sources").is_dir(), "a sources/ folder beside it");
    let (code, out) = citeline(&["new", case_arg]);
    assert_eq!(code, 1, "never over an existing file: {out}");
    assert!(out.contains("already exists"), "{out}");

    let (code, out) = citeline(&["add-source", case_arg, IT, "--publisher", "Forbes Italia"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.trim(), "it-netflix-100-milioni-messaggi-facebook", "prints the new id");
    let (code, out) = citeline(&["add-source", case_arg, ES, "--id", "es", "--published", "2024-04"]);
    assert_eq!((code, out.trim()), (0, "es"));

    let text = std::fs::read_to_string(&case).expect("written");
    let t: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(t["title"], "Netflix and Facebook");
    let sources = t["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[0]["language"], "it", "told from the text");
    assert_eq!(sources[1]["language"], "es");
    assert_eq!(sources[1]["published"], "2024-04");
    assert_eq!(sources[1]["file"], "sources/es.txt");
    assert_eq!(std::fs::read(dir.path().join("sources/es.txt")).expect("kept"), std::fs::read(ES).expect("original"));
    let (code, out) = citeline(&["check", case_arg]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2 sources"), "{out}");
}

#[test]
fn add_source_refuses_what_it_cannot_keep_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("c.citeline.json");
    let case_arg = case.to_str().expect("path");
    assert_eq!(citeline(&["new", case_arg]).0, 0);
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 y tostadas").expect("write");
    for (args, says) in [
        (vec![case_arg, latin1.to_str().expect("path")], "not UTF-8"),
        (vec![case_arg, "missing.txt"], "does not exist"),
        (vec![case_arg, IT, "--published", "2024-13"], "EDTF"),
        (vec!["missing.citeline.json", IT], "cannot open"),
    ] {
        let (code, out) = citeline(&[&["add-source"], args.as_slice()].concat());
        assert_eq!(code, 1, "{args:?}: {out}");
        assert!(out.contains(says), "{args:?} should say {says}: {out}");
    }
    assert_eq!(citeline(&["add-source", case_arg, IT, "--id", "it"]).0, 0);
    let (code, out) = citeline(&["add-source", case_arg, ES, "--id", "it"]);
    assert_eq!(code, 1);
    assert!(out.contains("already"), "{out}");
    let t: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&case).expect("file")).expect("JSON");
    assert_eq!(t["sources"].as_array().map(Vec::len), Some(1), "nothing half added");
    assert_eq!(std::fs::read_dir(dir.path().join("sources")).expect("folder").count(), 1);
}
