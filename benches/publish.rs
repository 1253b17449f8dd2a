//! The published page of 10,000 synthetic events in headless Chromium: how long writing it
//! takes, how soon after navigation it first draws (the page's own `citeline-first-draw`
//! performance mark), and how many frames a second it pans at, fitted and zoomed in (measured
//! with `requestAnimationFrame` and `performance.now()` in the page). Needs Chromium (`apt-get
//! install chromium`). Run with `cargo bench --bench publish`.

#[path = "../tests/common/chrome.rs"]
mod chrome;

use std::path::Path;
use std::time::Instant;

use citeline::model::{Document, Progress, generate};
use citeline::publish::{Options, write};

const EVENTS: usize = 10_000;
/// Frames panned per measurement.
const FRAMES: usize = 180;

fn main() {
    let dir = tempfile::tempdir().expect("tmp");
    let doc = Document::new(generate::timeline(EVENTS, 1), Path::new("synthetic.citeline.json"), &Progress::default())
        .expect("valid");
    let page = dir.path().join("10k.html");
    let started = Instant::now();
    let written = write(&doc, &Options::default(), &page).expect("written");
    let write_ms = started.elapsed().as_secs_f64() * 1000.0;
    println!(
        "publish {EVENTS} events: wrote {} KiB ({} citations) in {write_ms:.0} ms",
        written.bytes.div_ceil(1024),
        written.citations
    );

    let mut browser = chrome::Browser::launch(1280, 800);
    let mut first_draws = Vec::new();
    for _ in 0..5 {
        browser.open(&page);
        let ms = browser.eval("performance.getEntriesByName('citeline-first-draw')[0].startTime");
        first_draws.push(ms.as_f64().expect("a first draw"));
        let steps = browser.eval(
            "(() => { const n = performance.getEntriesByType('navigation')[0]; const m = (k) => performance.getEntriesByName(k)[0].startTime; \
             return [n.responseEnd, m('citeline-start'), m('citeline-parsed'), m('citeline-first-draw')].map(Math.round); })()",
        );
        println!("  file read, script starts, data parsed, first drawn (ms): {steps}");
    }
    first_draws.sort_by(f64::total_cmp);
    println!(
        "first draw after navigation: median {:.0} ms (of 5: {})",
        first_draws[2],
        first_draws.iter().map(|m| format!("{m:.0}")).collect::<Vec<_>>().join(", ")
    );
    for (name, zoom) in [("fitted", "0"), ("zoomed to a twentieth", "1")] {
        if zoom == "1" {
            browser.eval("for (let k = 0; k < 8; k++) document.getElementById('zoom-in').click(); true");
        }
        let script = format!(
            "new Promise(done => {{
               let n = 0, worst = 0, last = performance.now(); const t0 = last;
               const frame = () => {{
                 const now = performance.now(); worst = Math.max(worst, now - last); last = now;
                 citeline.pan(n % 90 < 45 ? -7 : 7);
                 if (++n < {FRAMES}) requestAnimationFrame(frame);
                 else done({{ fps: n / ((performance.now() - t0) / 1000), worst }});
               }};
               requestAnimationFrame(frame);
             }})"
        );
        let draw_ms = browser.eval(
            "(() => { const t = performance.now(); for (let k = 0; k < 60; k++) citeline.pan(k % 2 ? -3 : 3); \
             return (performance.now() - t) / 60; })()",
        );
        println!("one frame's drawing, {name}: {:.1} ms", draw_ms.as_f64().unwrap_or(0.0));
        let r = browser.eval(&script);
        println!(
            "pan {name}: {:.1} frames a second over {FRAMES} frames, longest frame {:.1} ms",
            r["fps"].as_f64().unwrap_or(0.0),
            r["worst"].as_f64().unwrap_or(0.0)
        );
    }
    let complaints = browser.complaints();
    assert!(complaints.is_empty(), "the browser complained: {complaints:#?}");
}
