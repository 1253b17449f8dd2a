//! `citeline annotations`: every citation as a W3C Web Annotation, and `convert` reading such a
//! file back, from citeline or from another annotation tool.

mod common;

use common::{SEED, citeline};
use serde_json::{Value, json};

fn read_json(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("written")).expect("JSON")
}

#[test]
fn each_citation_is_an_annotation_of_its_source_with_quote_and_position() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("seed.jsonld");
    let (code, said) = citeline(&["annotations", SEED, "-o", out.to_str().expect("UTF-8")]);
    assert_eq!(code, 0, "{said}");
    let doc = read_json(&out);
    let seed: Value = serde_json::from_str(&std::fs::read_to_string(SEED).expect("seed")).expect("JSON");
    let citations: usize =
        seed["events"].as_array().expect("events").iter().map(|e| e["citations"].as_array().map_or(0, Vec::len)).sum();
    assert_eq!(doc["@context"], json!("http://www.w3.org/ns/anno.jsonld"));
    assert_eq!(doc["type"], json!("AnnotationCollection"));
    assert_eq!(doc["total"], json!(citations));
    let items = doc["first"]["items"].as_array().expect("items");
    assert_eq!(items.len(), citations);
    for a in items {
        assert_eq!(a["type"], json!("Annotation"));
        let source_id = a["citeline"]["source"]["id"].as_str().expect("the source rides along");
        let text = seed["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .find(|s| s["id"] == source_id)
            .expect("a source")["text"]
            .as_str()
            .expect("inline text")
            .to_owned();
        let selectors = a["target"]["selector"].as_array().expect("selectors");
        let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector").expect("a quote selector");
        let position = selectors.iter().find(|s| s["type"] == "TextPositionSelector").expect("a position selector");
        let exact = quote["exact"].as_str().expect("exact");
        let index = |v: &Value| usize::try_from(v.as_u64().expect("an offset")).expect("fits");
        let (start, end) = (index(&position["start"]), index(&position["end"]));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[start..end].iter().collect::<String>(), exact, "positions count characters");
        let prefix = quote["prefix"].as_str().expect("prefix");
        assert_eq!(chars[start - prefix.chars().count()..start].iter().collect::<String>(), prefix);
        assert!(a["target"]["source"].as_str().expect("an IRI").starts_with("urn:citeline:source:"));
        assert_eq!(a["body"][0]["purpose"], json!("describing"));
    }
}

#[test]
fn convert_reads_annotations_back_into_a_timeline() {
    let dir = tempfile::tempdir().expect("tmp");
    let jsonld = dir.path().join("seed.jsonld");
    let (code, said) = citeline(&["convert", SEED, "-o", jsonld.to_str().expect("UTF-8")]);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("W3C Web Annotations"), "{said}");
    let back = dir.path().join("back.citeline.json");
    let (code, said) = citeline(&["convert", jsonld.to_str().expect("UTF-8"), "-o", back.to_str().expect("UTF-8")]);
    assert_eq!(code, 0, "{said}");
    let seed: Value = serde_json::from_str(&std::fs::read_to_string(SEED).expect("seed")).expect("JSON");
    let back = read_json(&back);
    let cited: Vec<&Value> = seed["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["citations"].as_array().is_some_and(|c| !c.is_empty()))
        .collect();
    let events = back["events"].as_array().expect("events");
    assert_eq!(events.len(), cited.len(), "each cited event comes back once");
    for (a, b) in cited.iter().zip(events) {
        for field in ["id", "title", "when", "summary", "tags"] {
            assert_eq!(a[field], b[field], "{field} of {}", a["id"]);
        }
        let quotes = |e: &Value| {
            e["citations"].as_array().expect("citations").iter().map(|c| c["quote"].clone()).collect::<Vec<_>>()
        };
        assert_eq!(quotes(a), quotes(b));
    }
    let titles: Vec<&Value> = back["sources"].as_array().expect("sources").iter().map(|s| &s["title"]).collect();
    assert!(titles.contains(&&seed["sources"][0]["title"]), "{titles:?}");
}

#[test]
fn annotations_from_another_tool_become_undated_events() {
    let dir = tempfile::tempdir().expect("tmp");
    let input = dir.path().join("hypothesis.jsonld");
    let annotations = json!([{
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://example.org/anno/1",
        "type": "Annotation",
        "body": { "type": "TextualBody", "purpose": "commenting", "value": "Worth checking." },
        "target": {
            "source": "https://example.org/articles/deal",
            "selector": [
                { "type": "TextQuoteSelector", "exact": "The deal was signed in March 2015.", "prefix": "Intro. ", "suffix": " More." },
                { "type": "TextPositionSelector", "start": 7, "end": 41 }
            ]
        }
    }]);
    std::fs::write(&input, annotations.to_string()).expect("written");
    let out = dir.path().join("out.citeline.json");
    let (code, said) = citeline(&["convert", input.to_str().expect("UTF-8"), "-o", out.to_str().expect("UTF-8")]);
    assert_eq!(code, 0, "{said}");
    let t = read_json(&out);
    assert_eq!(t["events"].as_array().map(Vec::len), Some(1));
    let e = &t["events"][0];
    assert!(e.get("when").is_none());
    assert_eq!(e["citations"][0]["quote"], json!("The deal was signed in March 2015."));
    assert_eq!(e["citations"][0]["note"], json!("Worth checking."));
    assert_eq!(t["sources"][0]["url"], json!("https://example.org/articles/deal"));
}
