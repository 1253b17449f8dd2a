//! `citeline check` as a user scripts it: exit codes, and messages that name the file and place.

use crate::common;

use std::process::Command;

use common::citeline;

const GOOD_SOURCE: &str =
    r#"{"id": "s", "title": "T", "publisher": "P", "language": "en", "text": "The board met in August 2013."}"#;

fn timeline(events: &str) -> String {
    format!(r#"{{"title": "t", "sources": [{GOOD_SOURCE}], "events": [{events}]}}"#)
}

#[test]
fn the_seed_timeline_checks_clean() {
    let (code, out) = citeline(&["check", "assets/timelines/netflix-facebook.citeline.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("9 events (6 dated), 2 sources"), "{out}");
    assert!(out.contains("0 not found; 0 errors"), "{out}");
}

#[test]
#[allow(clippy::too_many_lines)] // a table of broken files, one case a few lines
fn broken_files_exit_1_naming_file_and_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("outside.txt"), "secret words").expect("write");
    let inner = dir.path().join("case");
    std::fs::create_dir(&inner).expect("mkdir");
    std::fs::write(inner.join("article.txt"), "The board met in August 2013.").expect("write");
    let ev = |when: &str, source: &str, quote: &str| {
        format!(
            r#"{{"id": "e1", "title": "Board", "when": "{when}", "citations": [{{"source": "{source}", "quote": "{quote}"}}]}}"#
        )
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.citeline.json", Vec::new(), "the file is empty"),
        ("binary.citeline.json", vec![0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe], "1:1"),
        ("notjson.citeline.json", b"title: hello\n".to_vec(), "1:2: error: this is not a JSON timeline file"),
        ("truncated.citeline.json", b"{\"title\": \"t\",\n \"events\": [".to_vec(), "2:"),
        ("wrongfield.citeline.json", b"{\"title\": \"t\",\n \"evnts\": []}".to_vec(), "unknown field `evnts`"),
        ("wrongtype.citeline.json", b"{\"title\": 5}".to_vec(), "1:"),
        ("list.json", b"[{\"rank\": 1, \"url\": \"/embed\"}]".to_vec(), "a JSON list, not a timeline"),
        (
            "baddate.citeline.json",
            timeline(&ev("2013-13", "s", "The board met")).into_bytes(),
            "event \"e1\", field `when`",
        ),
        (
            "reversed.citeline.json",
            timeline(&ev("2019/2011", "s", "The board met")).into_bytes(),
            "ends before it starts",
        ),
        (
            "unknownsource.citeline.json",
            timeline(&ev("2013", "nope", "The board met")).into_bytes(),
            "field `citations[0].source`",
        ),
        (
            "notfound.citeline.json",
            timeline(&ev("2013", "s", "The board never met")).into_bytes(),
            "field `citations[0].quote`",
        ),
        (
            "duplicate.citeline.json",
            timeline(&format!("{},{}", ev("2013", "s", "The board met"), ev("2014", "s", "The board met")))
                .into_bytes(),
            "another event has the same id",
        ),
        (
            "escape.citeline.json",
            br#"{"title": "t", "sources": [{"id": "s", "title": "T", "file": "../outside.txt"}], "events": []}"#
                .to_vec(),
            "source \"s\", field `file`",
        ),
        (
            "absolute.citeline.json",
            br#"{"title": "t", "sources": [{"id": "s", "title": "T", "file": "/etc/passwd"}], "events": []}"#.to_vec(),
            "absolute path",
        ),
        (
            "missingsource.citeline.json",
            br#"{"title": "t", "sources": [{"id": "s", "title": "T", "file": "gone.txt"}], "events": []}"#.to_vec(),
            "does not exist",
        ),
    ];
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    std::fs::create_dir(inner.join("folder.txt")).expect("mkdir");
    std::fs::write(inner.join("latin1.txt"), b"Caf\xe9 society").expect("write");
    let more: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "deep.citeline.json",
            format!("{{\"title\": \"t\", \"events\": {deep}}}").into_bytes(),
            "1:28: error: invalid type",
        ),
        (
            "hugetitle.citeline.json",
            format!(
                r#"{{"title": "t", "events": [{{"id": "e", "title": "{}", "when": "2013"}}]}}"#,
                "x".repeat(3_000_000)
            )
            .into_bytes(),
            "field `title`: error: 3,000,000 bytes long",
        ),
        (
            "absurdyear.citeline.json",
            timeline(&ev("Y99999999999999999", "s", "The board met")).into_bytes(),
            "is beyond ±100000000000",
        ),
        (
            "latin1.citeline.json",
            br#"{"title": "t", "sources": [{"id": "s", "title": "T", "file": "latin1.txt"}], "events": []}"#.to_vec(),
            "not UTF-8 text (invalid byte at offset 3)",
        ),
        (
            "dirsource.citeline.json",
            br#"{"title": "t", "sources": [{"id": "s", "title": "T", "file": "folder.txt"}], "events": []}"#.to_vec(),
            "is a folder",
        ),
        (
            "dupsource.citeline.json",
            format!(r#"{{"title": "t", "sources": [{GOOD_SOURCE}, {GOOD_SOURCE}], "events": []}}"#).into_bytes(),
            "another source has the same id",
        ),
    ];
    for (name, bytes, needle) in cases.into_iter().chain(more) {
        let path = inner.join(name);
        std::fs::write(&path, bytes).expect("write");
        let (code, out) = citeline(&["check", path.to_str().expect("utf-8 path")]);
        assert_eq!(code, 1, "{name}: {out}");
        assert!(out.contains(name), "{name}: the message names the file: {out}");
        assert!(out.contains(needle), "{name}: expected {needle:?} in {out}");
        assert!(!out.contains("panicked") && !out.contains("secret words"), "{name}: {out}");
    }
    let (code, out) = citeline(&["check", inner.join("missing.citeline.json").to_str().expect("path")]);
    assert_eq!(code, 1);
    assert!(out.contains("does not exist"), "{out}");
}

#[test]
fn a_bad_date_and_a_quote_not_found_are_told_together() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.citeline.json");
    std::fs::write(
        &path,
        r#"{"title": "t", "sources": [{"id": "a", "title": "A", "text": "The board met in August 2013."}],
            "events": [{"id": "bad-date", "title": "Board", "when": "2013-13"},
                       {"id": "bad-quote", "title": "Met", "when": "2013-08",
                        "citations": [{"source": "a", "quote": "The board met in August 2013 and voted."}]}]}"#,
    )
    .expect("write");
    let (code, out) = citeline(&["check", path.to_str().expect("path")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(r#"event "bad-date", field `when`: error: invalid date "2013-13""#), "{out}");
    assert!(out.contains(r#"event "bad-quote""#) && out.contains("is not found in source"), "{out}");
    assert!(out.contains("2 errors; the timeline cannot be opened"), "{out}");
}

#[test]
fn the_file_size_limit_is_configurable() {
    let out = Command::new(env!("CARGO_BIN_EXE_citeline"))
        .args(["check", "assets/timelines/netflix-facebook.citeline.json"])
        .env("CITELINE_MAX_FILE_MIB", "0")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("the limit is 0 bytes (set CITELINE_MAX_FILE_MIB"), "{text}");
}

#[test]
fn a_file_with_its_sources_beside_it_checks_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("sources")).expect("mkdir");
    std::fs::write(dir.path().join("sources/a.txt"), "Il 3 agosto 2013 il consiglio si riunì.").expect("write");
    let path = dir.path().join("t.citeline.json");
    std::fs::write(
        &path,
        r#"{"title": "t", "sources": [{"id": "a", "title": "A", "language": "it", "file": "sources/a.txt"}],
            "events": [{"id": "e", "title": "Riunione", "when": "2013-08-03",
                        "citations": [{"source": "a", "quote": "il consiglio  si riunì"}]}]}"#,
    )
    .expect("write");
    let (code, out) = citeline(&["check", path.to_str().expect("path")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 matched after normalisation"), "{out}");
    // The quote was checked against the file beside the timeline: without it, check says so.
    std::fs::remove_file(dir.path().join("sources/a.txt")).expect("remove");
    let (code, out) = citeline(&["check", path.to_str().expect("path")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("a.txt") && out.contains("source \"a\""), "{out}");
}

#[test]
fn help_explains_the_commands() {
    let (code, out) = citeline(&["--help"]);
    assert_eq!(code, 0);
    for word in ["check", "export", "generate", "FILE"] {
        assert!(out.contains(word), "{word}: {out}");
    }
}

/// Re-anchoring measured on new versions of the shipped articles (`common::versions`, a fixed
/// seed): no quote is ever anchored in a wrong place, and at least 98% of the quotes whose
/// words survive are found again without asking.
#[test]
fn reanchoring_new_versions_is_never_wrong_and_rarely_asks() {
    use citeline::model::anchor::{Outcome, anchor_of, reanchor};
    use citeline::model::verify::{FoldedText, fold_quote};
    use common::versions::{Truth, trial};

    let (mut survived, mut found_again, mut wrong, mut total) = (0, 0, 0, 0);
    let mut by_outcome = std::collections::BTreeMap::new();
    let (mut reworded, mut proposed, mut deleted, mut orphaned) = (0, 0, 0, 0);
    let (mut repeated_survived, mut repeated_found) = (0, 0);
    for seed in 0..300 {
        let t = trial(seed, 8);
        let folded = FoldedText::new(&t.new);
        let old_folded = FoldedText::new(&t.old);
        for q in &t.quotes {
            total += 1;
            let anchor = anchor_of(&t.old, q.old.clone());
            let r = reanchor(Some(&anchor), &q.quote, &folded);
            *by_outcome.entry(r.outcome).or_insert(0) += 1;
            let overlaps = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
                let common = a.end.min(b.end).saturating_sub(a.start.max(b.start));
                common * 2 >= b.len()
            };
            let ok = match (&q.truth, r.outcome, &r.range) {
                (_, Outcome::Orphan, _) => true,
                (Truth::Same(want), Outcome::Kept | Outcome::Moved, Some(got)) => want == got,
                // "Changed" for words that survived is asking needlessly, not wrong.
                (Truth::Reworded(want) | Truth::Same(want), Outcome::Changed, Some(got)) => overlaps(got, want),
                _ => false,
            };
            if !ok {
                wrong += 1;
                eprintln!(
                    "WRONG seed {seed}: {:?} {:?} {:?} for {:?} ({:?}) [{}]",
                    r.outcome,
                    r.range,
                    r.range.clone().map(|g| &t.new[g]),
                    q.quote,
                    q.truth,
                    r.score
                );
            }
            // A quote whose words stood several times in the old version can only be told by
            // its context; when that changed too it is rightly an orphan: counted apart.
            let repeated = old_folded.as_str().matches(fold_quote(&q.quote).as_str()).count() > 1;
            match &q.truth {
                Truth::Same(_) if repeated => {
                    repeated_survived += 1;
                    repeated_found += usize::from(ok && matches!(r.outcome, Outcome::Kept | Outcome::Moved));
                }
                Truth::Same(_) => {
                    survived += 1;
                    if ok && matches!(r.outcome, Outcome::Kept | Outcome::Moved) {
                        found_again += 1;
                    } else if std::env::var_os("CITELINE_SHOW_MISSES").is_some() {
                        eprintln!("MISSED seed {seed}: {:?} [{}] {:?}", r.outcome, r.score, q.quote);
                    }
                }
                Truth::Reworded(_) => {
                    reworded += 1;
                    proposed += usize::from(r.outcome == Outcome::Changed);
                }
                Truth::Deleted => {
                    deleted += 1;
                    orphaned += usize::from(r.outcome == Outcome::Orphan);
                }
            }
        }
    }
    let recall = f64::from(found_again) / f64::from(survived);
    eprintln!(
        "{total} quotes: {by_outcome:?}; wrong {wrong}; survived {survived}, found again without asking {found_again} \
         ({:.2}%); repeated in the old version and surviving {repeated_survived}, found again {repeated_found}; \
         reworded {reworded}, proposed as changed {proposed}; deleted {deleted}, orphaned {orphaned}",
        recall * 100.0
    );
    assert_eq!(wrong, 0, "no quote anchored in a wrong place");
    assert!(recall >= 0.98, "{:.2}% of surviving quotes found again", recall * 100.0);
}

/// `reanchor` prints each outcome and with `--accept` writes the anchors, after which `check`
/// exits 0 again; `check` exits 1 naming a source whose change was not accepted.
#[test]
fn a_changed_source_is_reanchored_and_accepted() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("sources")).expect("mkdir");
    let old = "The board met on Monday. In August 2013, Facebook gave Netflix access to the private Titan API. \
               Netflix paid nothing for it. The board met again in May.";
    std::fs::write(dir.path().join("sources/a.txt"), old).expect("write");
    let hash = citeline::model::sources::sha256_hex(old.as_bytes());
    let path = dir.path().join("t.citeline.json");
    let anchor = |q: &str| {
        let start = old.find(q).expect("quoted");
        let a = citeline::model::anchor::anchor_of(old, start..start + q.len());
        serde_json::to_string(&a).expect("json")
    };
    let q1 = "Facebook gave Netflix access";
    let q2 = "Netflix paid nothing for it.";
    std::fs::write(
        &path,
        format!(
            r#"{{"title": "t", "sources": [{{"id": "a", "title": "A", "language": "en", "file": "sources/a.txt", "text_sha256": "{hash}"}}],
            "events": [{{"id": "e", "title": "Access", "citations": [{{"source": "a", "quote": "{q1}", "anchor": {}}},
                                                                     {{"source": "a", "quote": "{q2}", "anchor": {}}}]}}]}}"#,
            anchor(q1),
            anchor(q2)
        ),
    )
    .expect("write");
    let p = path.to_str().expect("path");
    let (code, out) = citeline(&["check", p]);
    assert_eq!(code, 0, "{out}");
    let new = old.replace("Monday", "Mondays").replace("paid nothing", "paid almost nothing");
    std::fs::write(dir.path().join("sources/a.txt"), &new).expect("write");
    let (code, out) = citeline(&["check", p]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("source \"a\": its text changed and the change was not accepted: 2 citations (in the kept text: 0 kept, 1 moved, 1 changed, 0 orphan)"),
        "{out}"
    );
    let (code, out) = citeline(&["reanchor", p, "--format", "json"]);
    assert_eq!(code, 1, "pending: {out}");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(rows[0]["outcome"], "moved");
    assert_eq!(rows[0]["citation"], 0);
    assert_eq!(rows[0]["new"]["text"], q1);
    assert_eq!(rows[0]["new"]["start"].as_u64(), new.find(q1).map(|s| s as u64));
    assert_eq!(rows[1]["outcome"], "changed");
    assert_eq!(rows[1]["new"]["text"], "Netflix paid almost nothing for it.");
    let (code, out) = citeline(&["reanchor", p, "--accept", "moved"]);
    assert_eq!(code, 1, "the changed one is still pending: {out}");
    assert!(out.contains("source \"a\": 2 citations: 0 kept, 1 moved, 1 changed, 0 orphan"), "{out}");
    let (code, out) = citeline(&["reanchor", p, "--accept", "all"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = citeline(&["check", p]);
    assert_eq!(code, 0, "accepted: {out}");
    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    let c = &saved["events"][0]["citations"][1];
    assert_eq!(c["quote"], "Netflix paid almost nothing for it.");
    assert_eq!(c["history"][0], q2, "the old words are kept");
    let (code, out) = citeline(&["reanchor", p]);
    assert_eq!((code, out.trim()), (0, ""), "nothing changed since: {out}");
    // A new version by add-source --replace: the same id, outcomes printed, only kept taken.
    let v3 = dir.path().join("v3.txt");
    std::fs::write(&v3, format!("A new first line.\n\n{new}")).expect("write");
    let (code, out) = citeline(&["add-source", p, v3.to_str().expect("path"), "--replace", "a"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("source \"a\": 2 citations: 0 kept, 2 moved, 0 changed, 0 orphan"), "{out}");
    let (code, out) = citeline(&["check", p]);
    assert_eq!(code, 1, "moved, not yet accepted: {out}");
}
