//! `citeline publish`: the page is one file that fetches nothing, shows each event's quotes in
//! their context with their pin cites, is driven by mouse, finger and keyboard, and never runs
//! what its data says. Driven in headless Chromium (`common/chrome.rs`); the screenshots are
//! left in `target/tmp/publish/` to be looked at.

use crate::common;

use std::path::{Path, PathBuf};

use common::chrome::{Browser, screenshot_dir};
use common::{SEED, citeline};
use serde_json::json;

/// Writes a timeline whose words try to run as markup, with a paged source for pin cites.
fn hostile_timeline(dir: &Path) -> PathBuf {
    let page_one = "Complaint. The parties met in 2013 to discuss a deal.\n";
    let text = format!(
        "{page_one}On page two, counsel wrote </script><script>window.pwned=1</script> plainly, and more.\n\
         A paragraph nobody quotes, which a page should not publish by default.\n"
    );
    let timeline = json!({
        "title": "Hostile <script>window.pwned=1</script> & “quotes”",
        "description": "<b>Not bold</b>",
        "sources": [
            { "id": "filing", "title": "Complaint <i>v.</i> Defendant", "publisher": "Court", "language": "en",
              "url": "javascript:window.pwned=1", "pages": [0, page_one.len()], "text": text },
            { "id": "web", "title": "A web article", "publisher": "Example News", "language": "en",
              "url": "https://example.org/article", "text": "Intro.\nThe deal was reported in March 2015.\n" }
        ],
        "eras": [{ "title": "Talks", "when": "2012/2014" }],
        "events": [
            { "id": "met", "title": "The parties meet", "when": "2013-05-02",
              "citations": [{ "source": "filing", "quote": "The parties met in 2013 to discuss a deal." }] },
            { "id": "hostile", "title": "<img src=x onerror=window.pwned=1>", "when": "2014",
              "summary": "javascript:window.pwned=1",
              "citations": [{ "source": "filing", "quote": "</script><script>window.pwned=1</script>",
                              "note": "<script>window.pwned=1</script>" }] },
            { "id": "reported", "title": "The deal is reported", "when": "2015-03",
              "citations": [{ "source": "web", "quote": "The deal was reported in March 2015." }] },
            { "id": "denial", "title": "A denial, undated", "citations": [] }
        ]
    });
    let path = dir.join("hostile.citeline.json");
    std::fs::write(&path, serde_json::to_string_pretty(&timeline).expect("JSON")).expect("written");
    path
}

fn publish(input: &Path, output: &Path, extra: &[&str]) -> String {
    let mut args = vec!["publish", input.to_str().expect("UTF-8"), "-o", output.to_str().expect("UTF-8")];
    args.extend_from_slice(extra);
    let (code, said) = citeline(&args);
    assert_eq!(code, 0, "{said}");
    std::fs::read_to_string(output).expect("the page")
}

fn at(browser: &mut Browser, id: &str) -> (f64, f64) {
    let p = browser.eval(&format!("citeline.at({})", json!(id)));
    (p["x"].as_f64().unwrap_or_else(|| panic!("{id} is not drawn alone: {p}")), p["y"].as_f64().unwrap_or(0.0))
}

fn text_of(browser: &mut Browser, selector: &str) -> String {
    browser.eval(&format!("document.querySelector({}).textContent", json!(selector))).as_str().unwrap_or("").to_owned()
}

fn save(name: &str, png: &[u8]) {
    let path = screenshot_dir().join(name);
    std::fs::write(&path, png).expect("screenshot written");
    assert!(png.len() > 2000, "{} looks empty", path.display());
}

#[test]
fn the_page_shows_quotes_in_context_and_runs_nothing_from_its_data() {
    let dir = tempfile::tempdir().expect("tmp");
    let input = hostile_timeline(dir.path());
    let out = dir.path().join("page.html");
    let html = publish(&input, &out, &["--theme", "light"]);
    assert!(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"));
    assert_eq!(html.matches("<script").count(), 2, "only the data block and the page's own script");
    assert!(!html.contains("A paragraph nobody quotes"), "only the quoted paragraphs are published");

    let mut browser = Browser::launch(1280, 800);
    browser.open(&out);
    assert_eq!(browser.eval("typeof window.pwned"), json!("undefined"));
    assert_eq!(browser.eval("document.scripts.length"), json!(2));
    assert_eq!(browser.eval("document.images.length"), json!(0));
    assert_eq!(browser.eval("document.title"), json!("Hostile <script>window.pwned=1</script> & “quotes”"));
    assert_eq!(text_of(&mut browser, "#description"), "<b>Not bold</b>");

    // A click on an event opens its panel: the quote in its paragraph, its pin cite, its status.
    let (x, y) = at(&mut browser, "met");
    browser.click(x, y);
    assert_eq!(browser.eval("citeline.selected()"), json!("met"));
    assert_eq!(browser.eval("document.getElementById('panel').hidden"), json!(false));
    let cites = text_of(&mut browser, "#panel-cites");
    assert!(cites.contains("“The parties met in 2013 to discuss a deal.”"), "{cites}");
    assert!(cites.contains("p. 1") && cites.contains("verified"), "{cites}");
    assert_eq!(text_of(&mut browser, "#panel-cites mark"), "The parties met in 2013 to discuss a deal.");
    assert!(text_of(&mut browser, "#panel-cites .context").starts_with("Complaint. "));
    assert_eq!(browser.eval("location.hash"), json!("#met"));

    // → goes to the next event: the one whose words are markup, shown as words.
    browser.key("ArrowRight");
    assert_eq!(browser.eval("citeline.selected()"), json!("hostile"));
    assert_eq!(text_of(&mut browser, "#panel-title"), "<img src=x onerror=window.pwned=1>");
    assert_eq!(text_of(&mut browser, "#panel-cites mark"), "</script><script>window.pwned=1</script>");
    assert!(text_of(&mut browser, "#panel-cites").contains("p. 2"));
    assert!(text_of(&mut browser, "#panel-cites").contains("Note: <script>window.pwned=1</script>"));
    assert_eq!(browser.eval("document.querySelectorAll('a[href^=\"javascript\" i]').length"), json!(0));
    // ← comes back.
    browser.key("ArrowLeft");
    assert_eq!(browser.eval("citeline.selected()"), json!("met"));
    browser.key("ArrowRight");
    browser.key("ArrowRight");
    assert_eq!(browser.eval("citeline.selected()"), json!("reported"));
    assert_eq!(
        browser.eval("document.querySelector('#panel-cites .cite-source a').href"),
        json!("https://example.org/article")
    );
    save("light-1280.png", &browser.screenshot(false));
    // Enter takes the keyboard to the panel; Esc closes it and gives the keyboard back.
    browser.key("Enter");
    assert_eq!(browser.eval("document.activeElement.id"), json!("panel"));
    browser.key("Escape");
    assert_eq!(browser.eval("document.activeElement.id"), json!("timeline"));
    assert_eq!(browser.eval("document.getElementById('panel').hidden"), json!(true));
    assert_eq!(browser.eval("citeline.selected()"), json!(null));

    // The chronology lists every event in date order, the undated one last.
    let rows = browser.eval("[...document.querySelectorAll('#rows tr td:nth-child(2) a')].map(a => a.textContent)");
    assert_eq!(
        rows,
        json!(["The parties meet", "<img src=x onerror=window.pwned=1>", "The deal is reported", "A denial, undated"])
    );
    // Printed, the page is the chronology table.
    browser.call("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    let shown = |b: &mut Browser, sel: &str| {
        b.eval(&format!("getComputedStyle(document.querySelector({})).display", json!(sel)))
    };
    assert_eq!(shown(&mut browser, ".stage"), json!("none"));
    assert_eq!(shown(&mut browser, "#chronology"), json!("table"));
    browser.call("Emulation.setEmulatedMedia", json!({ "media": "" }));
    assert_eq!(browser.eval("typeof window.pwned"), json!("undefined"));
    let requests = browser.requests();
    assert!(
        requests.iter().all(|u| u.starts_with("file://") || u.starts_with("data:")),
        "the page asked for {requests:?}"
    );
    let complaints = browser.complaints();
    assert!(complaints.is_empty(), "the browser complained: {complaints:#?}");
}

#[test]
fn a_permalink_opens_its_event_and_a_phone_gets_the_panel_below() {
    let dir = tempfile::tempdir().expect("tmp");
    let input = hostile_timeline(dir.path());
    let out = dir.path().join("page.html");
    publish(&input, &out, &["--theme", "dark"]);

    let mut browser = Browser::launch(1280, 800);
    let url = format!("file://{}#reported", out.canonicalize().expect("page").display());
    let from = browser.events.len();
    browser.call("Page.navigate", json!({ "url": url }));
    browser.wait_for_event("Page.loadEventFired", from);
    browser.eval("document.fonts.ready.then(() => true)");
    assert_eq!(browser.eval("citeline.selected()"), json!("reported"));
    assert_eq!(text_of(&mut browser, "#panel-title"), "The deal is reported");
    save("dark-1280.png", &browser.screenshot(false));
    let complaints = browser.complaints();
    assert!(complaints.is_empty(), "the browser complained: {complaints:#?}");

    let mut phone = Browser::launch(390, 844);
    phone.open(&out);
    let (x, y) = at(&mut phone, "met");
    phone.tap(x, y);
    assert_eq!(phone.eval("citeline.selected()"), json!("met"));
    let below = phone.eval(
        "document.getElementById('panel').getBoundingClientRect().top + scrollY >= \
         document.getElementById('canvas-box').getBoundingClientRect().bottom + scrollY",
    );
    assert_eq!(below, json!(true), "on a phone the panel is below the timeline");
    phone.eval("scrollTo(0, 0)");
    save("dark-390.png", &phone.screenshot(true));
}

#[test]
fn the_built_in_timeline_makes_a_small_page_and_whole_sources_only_on_request() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("seed.html");
    let html = publish(Path::new(SEED), &out, &[]);
    assert!(html.len() < 1 << 20, "{} bytes", html.len());
    assert!(html.contains("font/woff2;base64,"), "the fonts are inside");
    for outside in ["<link", "src=\"http", "url(http", "@import"] {
        assert!(!html.contains(outside), "the page refers to something outside: {outside}");
    }
    // A paragraph of the Spanish article that no event quotes.
    let unquoted = "Por otra parte, también se mostraba desde dónde se hacían estos clics";
    assert!(!html.contains(unquoted));
    let full = publish(Path::new(SEED), &dir.path().join("full.html"), &["--full-sources"]);
    assert!(full.contains(unquoted));

    let mut browser = Browser::launch(1280, 800);
    browser.open(&out);
    let n = browser.eval("document.querySelectorAll('#rows tr').length");
    assert!(n.as_u64().is_some_and(|n| n >= 5), "{n}");
    save("seed-light-1280.png", &browser.screenshot(false));
    let complaints = browser.complaints();
    assert!(complaints.is_empty(), "the browser complained: {complaints:#?}");
}

#[test]
fn a_short_span_is_a_thin_bar_on_the_page_and_a_diamond_only_a_day() {
    let dir = tempfile::tempdir().expect("tmp");
    let input = dir.path().join("t.citeline.json");
    // Twenty years across the page: a month is three points wide.
    let timeline = json!({"title": "Spans", "events": [
        {"id": "years", "title": "Twenty years", "when": "2000/2019"},
        {"id": "month", "title": "A month", "when": "2019-04"},
        {"id": "day", "title": "A day", "when": "2010-06-15"},
    ]});
    std::fs::write(&input, timeline.to_string()).expect("write");
    let out = dir.path().join("spans.html");
    publish(&input, &out, &[]);
    let mut browser = Browser::launch(1280, 800);
    browser.open(&out);
    // How many rows of the event's colour its mark takes, in the 12 points from its left.
    let rows = |browser: &mut Browser, id: &str| {
        let script = format!(
            "(() => {{ const p = citeline.at({id}); const c = document.querySelector('canvas'); \
             const r = c.getBoundingClientRect(); const s = c.width / r.width; const g = c.getContext('2d'); \
             const x0 = Math.round((p.x - r.left - 3) * s), y0 = Math.round((p.y - r.top - 20) * s); \
             const w = Math.round(12 * s), h = Math.round(40 * s); const d = g.getImageData(x0, y0, w, h).data; \
             let n = 0; for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {{ const i = (y * w + x) * 4; \
             if (d[i + 2] > 150 && d[i + 2] - d[i] > 60) {{ n++; break; }} }} return n / s; }})()",
            id = json!(id)
        );
        browser.eval(&script).as_f64().unwrap_or_else(|| panic!("{id} is not drawn"))
    };
    let (month, day) = (rows(&mut browser, "month"), rows(&mut browser, "day"));
    assert!(day >= 12.0, "a day is a diamond, 13 points tall: {day}");
    assert!(month <= 9.0, "a month, however narrow, is a bar 8 points tall, not a day's diamond: {month}");
}

#[test]
fn publish_refuses_what_it_cannot_do() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("x.html");
    let (code, said) = citeline(&["publish", SEED, "-o", out.to_str().expect("UTF-8"), "--tag", "nope"]);
    assert_eq!(code, 1);
    assert!(said.contains("--tag nope: no event has this tag"), "{said}");
    let (code, said) = citeline(&["publish", SEED, "-o", dir.path().join("x.png").to_str().expect("UTF-8")]);
    assert_eq!(code, 1);
    assert!(said.contains("name it .html"), "{said}");
    assert!(!out.exists());
}

/// `citeline annotations`: every citation as a W3C Web Annotation, and `convert` reading such a
/// file back, from citeline or from another annotation tool.
///
/// Kept in this binary (each test binary links the whole program: CI time).
mod annotations {
    use super::common::{SEED, citeline};
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
        let citations: usize = seed["events"]
            .as_array()
            .expect("events")
            .iter()
            .map(|e| e["citations"].as_array().map_or(0, Vec::len))
            .sum();
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
}
