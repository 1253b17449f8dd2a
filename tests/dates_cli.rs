//! `citeline dates` and `citeline propose`, as a user scripts them.

use crate::common;

use common::citeline;

const IT: &str = "assets/sources/it-netflix-100-milioni-messaggi-facebook.txt";

#[test]
fn dates_lists_expressions_by_line_and_column_or_as_json_with_exact_offsets() {
    let (code, out) = citeline(&["dates", IT, "--lang", "it"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("25:136  dal 2011 al 2019  →  2011/2019"), "{out}");
    assert!(out.lines().any(|l| l.ends_with("ogni due settimane  →  (frequency)")), "{out}");

    let (code, out) = citeline(&["dates", IT, "--format", "json"]);
    assert_eq!(code, 0, "the language told from the text: {out}");
    let text = std::fs::read(IT).expect("source");
    let found: Vec<serde_json::Value> = serde_json::from_str(&out).expect("one JSON array");
    assert!(found.len() >= 5, "{out}");
    let at = |v: &serde_json::Value| usize::try_from(v.as_u64().expect("an offset")).expect("fits");
    for f in &found {
        let (start, end) = (at(&f["start"]), at(&f["end"]));
        assert_eq!(f["text"].as_str().expect("text").as_bytes(), &text[start..end], "text is exactly those bytes");
        let (s, e) = (at(&f["sentence"]["start"]), at(&f["sentence"]["end"]));
        assert!(s <= start && end <= e);
        assert!(f.get("when").is_some() || f.get("kind").is_some(), "{f}");
    }
    let range = found.iter().find(|f| f["text"] == "dal 2011 al 2019").expect("the range");
    assert_eq!(range["when"], "2011/2019");
}

#[test]
fn relative_dates_need_a_publication_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("news.txt");
    std::fs::write(&file, "Ayer la empresa lo negó. El año pasado ganó más.").expect("write");
    let path = file.to_str().expect("path");
    let (code, out) = citeline(&["dates", path, "--lang", "es", "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let found: Vec<serde_json::Value> = serde_json::from_str(&out).expect("JSON");
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|f| f.get("when").is_none()), "listed without a value: {out}");
    let (_, out) = citeline(&["dates", path, "--lang", "es", "--published", "2024-03-01", "--format", "json"]);
    let found: Vec<serde_json::Value> = serde_json::from_str(&out).expect("JSON");
    assert_eq!((found[0]["when"].as_str(), found[1]["when"].as_str()), (Some("2024-02-29"), Some("2023")));
}

#[test]
fn french_and_german_are_read_and_vague_references_listed_without_a_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (lang, text, want) in [
        ("fr", "Le 1er mai 2024 il a signé. Actuellement il attend.", "2024-05-01"),
        ("de", "Am 3. Mai 2024 unterschrieb er. Derzeit wartet er.", "2024-05-03"),
    ] {
        let file = dir.path().join(format!("{lang}.txt"));
        std::fs::write(&file, text).expect("write");
        let path = file.to_str().expect("path");
        let (code, out) = citeline(&["dates", path, "--lang", lang, "--published", "2024-05-15", "--format", "json"]);
        assert_eq!(code, 0, "{out}");
        let found: Vec<serde_json::Value> = serde_json::from_str(&out).expect("JSON");
        assert_eq!(found.len(), 2, "{out}");
        assert_eq!(found[0]["when"], want);
        assert!(found[1].get("when").is_none() && found[1].get("kind").is_none(), "a date with no value: {out}");
        let (code, out) = citeline(&["dates", path, "--lang", lang]);
        assert_eq!(code, 0, "{out}");
        // A vague word is said to be one: no publication day would give it a value.
        assert!(out.lines().nth(1).is_some_and(|l| l.ends_with("(no value: vague)")), "{out}");
    }
}

#[test]
fn dates_refuses_bad_files_and_options_with_exit_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"el 3 de marzo de 2014 \xe9l dijo").expect("write");
    for (args, says) in [
        (vec!["dates", "missing.txt"], "cannot read missing.txt"),
        (vec!["dates", latin1.to_str().expect("path"), "--lang", "es"], "is not UTF-8 text"),
        (vec!["dates", IT, "--published", "2024-02-30"], "--published"),
        (vec!["dates", IT, "--published", "yesterday"], "YYYY-MM-DD"),
        (vec!["dates", IT, "--lang", "xx"], "invalid value"),
        (vec!["dates", IT, "--format", "xml"], "invalid value"),
    ] {
        let (code, out) = citeline(&args);
        assert_eq!(code, 1, "{args:?}: {out}");
        assert!(out.contains(says), "{args:?}: {out}");
    }
}

#[test]
fn propose_offers_uncited_dated_sentences_as_events_that_verify() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("case.citeline.json");
    let case_arg = case.to_str().expect("path");
    assert_eq!(citeline(&["new", case_arg]).0, 0);
    assert_eq!(citeline(&["add-source", case_arg, IT, "--id", "it"]).0, 0);
    let (code, out) = citeline(&["propose", case_arg, "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let proposed: Vec<serde_json::Value> = serde_json::from_str(&out).expect("JSON");
    let whens: Vec<&str> = proposed.iter().filter_map(|p| p["when"].as_str()).collect();
    assert!(whens.contains(&"2013-08") && whens.contains(&"2011/2019"), "{whens:?}");

    // Accepted as they are, they make a timeline whose every quote verifies.
    let mut timeline: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&case).expect("read")).expect("JSON");
    let events: Vec<serde_json::Value> = proposed
        .iter()
        .enumerate()
        .map(|(n, p)| serde_json::json!({"id": format!("p{n}"), "title": p["title"], "when": p["when"], "citations": p["citations"]}))
        .collect();
    timeline["events"] = serde_json::Value::Array(events);
    std::fs::write(&case, serde_json::to_string_pretty(&timeline).expect("json")).expect("write");
    let (code, out) = citeline(&["check", case_arg]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("{n} verified", n = proposed.len())), "{out}");
    // Nothing left once cited: the output stays empty for scripts, and stderr says why.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_citeline")).args(["propose", case_arg]).output();
    let run = run.expect("runs");
    assert_eq!((run.status.code(), run.stdout.as_slice()), (Some(0), &b""[..]), "nothing left to propose once cited");
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(said.contains("nothing to propose: every date read in its sources is decided"), "{said}");
    // A source with no date of its own is not "decided" because another one is.
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, "Netflix no respondió a la demanda. La empresa guardó silencio.\n").expect("write");
    assert_eq!(citeline(&["add-source", case_arg, plain.to_str().expect("path"), "--id", "plain"]).0, 0);
    let said_for = |args: &[&str]| {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_citeline")).args(args).output().expect("runs");
        assert_eq!((run.status.code(), run.stdout.as_slice()), (Some(0), &b""[..]), "{args:?}");
        String::from_utf8_lossy(&run.stderr).into_owned()
    };
    let said = said_for(&["propose", case_arg, "--source", "plain"]);
    assert!(said.contains("nothing to propose: no dated sentence in source \"plain\""), "{said}");
    let said = said_for(&["propose", case_arg, "--source", "it"]);
    assert!(said.contains("every date read in source \"it\" is decided"), "{said}");
    let said = said_for(&["propose", case_arg]);
    assert!(said.contains("every date read in its sources is decided"), "{said}");
    let (code, out) = citeline(&["propose", case_arg, "--source", "nope"]);
    assert_eq!(code, 1);
    assert!(out.contains("no source with id \"nope\""), "{out}");
}

/// A generated opinion (banner on each page, case citations and statutes with their years,
/// footnotes, dates cut at line ends) added as a source and proposed from, as a paralegal
/// would: no proposal that is not a dated fact, few fragments, nearly every fact found.
#[test]
fn an_opinions_proposals_are_its_dated_facts_without_banners_or_citation_years() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("opinion.pdf");
    std::fs::write(&pdf, common::opinion::opinion()).expect("write");
    let case = dir.path().join("case.citeline.json");
    let case_arg = case.to_str().expect("path");
    assert_eq!(citeline(&["new", case_arg, "--title", "Case"]).0, 0);
    let (code, out) = citeline(&["add-source", case_arg, pdf.to_str().expect("path"), "--id", "opinion"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = citeline(&["propose", case_arg, "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let proposed: Vec<serde_json::Value> = serde_json::from_str(&out).expect("JSON");
    let pairs: Vec<(&str, &str)> = proposed
        .iter()
        .map(|p| (p["when"].as_str().unwrap_or_default(), p["citations"][0]["quote"].as_str().unwrap_or_default()))
        .collect();
    let is_fact = |(when, quote): &(&str, &str)| {
        common::opinion::FACTS.iter().any(|(w, words)| w == when && quote.contains(words))
    };
    let noise: Vec<&(&str, &str)> = pairs.iter().filter(|p| !is_fact(p)).collect();
    assert!(noise.is_empty(), "not dated facts: {noise:#?}");
    // A fragment: a quote that does not open with a capital or does not end a sentence.
    let fragments = pairs
        .iter()
        .filter(|(_, q)| {
            !q.starts_with(char::is_uppercase) || !q.trim_end_matches(['"', '”', ')']).ends_with(['.', '!', '?'])
        })
        .count();
    assert!(fragments * 10 <= pairs.len(), "{fragments} fragments of {}: {pairs:#?}", pairs.len());
    let found = common::opinion::FACTS
        .iter()
        .filter(|(w, words)| pairs.iter().any(|(when, quote)| when == w && quote.contains(words)))
        .count();
    eprintln!("{found} of {} facts, {fragments} fragments of {}", common::opinion::FACTS.len(), pairs.len());
    assert!(
        found * 10 >= common::opinion::FACTS.len() * 9,
        "{found} of {} facts found: {pairs:#?}",
        common::opinion::FACTS.len()
    );
}
