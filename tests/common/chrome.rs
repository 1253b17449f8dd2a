//! Headless Chromium driven over its `DevTools` protocol, for the published page's tests and
//! benchmark. The protocol runs over a pair of pipes (`--remote-debugging-pipe`: messages are
//! JSON, each ended by a NUL byte, Chromium reading fd 3 and writing fd 4), set up as named
//! pipes by the shell, so no port is opened and no crate is needed beyond `serde_json`.
//!
//! Chromium is Debian's `chromium` package (`.ci/run` installs it).
#![allow(dead_code)] // the benchmark uses part of it

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_mins(1);

/// The browser's program: `$CHROMIUM`, else `chromium`.
pub fn program() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".to_owned())
}

pub struct Browser {
    child: Child,
    to: std::fs::File,
    from: Receiver<Value>,
    next_id: u64,
    session: String,
    /// Protocol events seen so far (method, params).
    pub events: Vec<(String, Value)>,
    _dir: tempfile::TempDir,
}

impl Browser {
    /// A headless browser with one page of `width` × `height` CSS pixels, cut off from the
    /// network, that records every request and console message.
    pub fn launch(width: u32, height: u32) -> Self {
        // Said plainly, rather than as a browser that quit (the benches share this file).
        let runs = Command::new(program()).arg("--version").output().is_ok();
        assert!(runs, "`{}` is not installed: apt-get install chromium, or name another build in $CHROMIUM", program());
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (to_path, from_path) = (dir.path().join("to"), dir.path().join("from"));
        for p in [&to_path, &from_path] {
            let ok = Command::new("mkfifo").arg(p).status().expect("mkfifo runs").success();
            assert!(ok, "mkfifo {}", p.display());
        }
        let profile = dir.path().join("profile");
        let script = format!(
            "exec {} --headless=new --remote-debugging-pipe --no-sandbox --disable-gpu --no-first-run \
             --no-default-browser-check --disable-background-networking --disable-extensions \
             --disable-component-update --proxy-server=127.0.0.1:9 --user-data-dir='{}' \
             --hide-scrollbars --force-color-profile=srgb about:blank 3<'{}' 4>'{}'",
            program(),
            profile.display(),
            to_path.display(),
            from_path.display()
        );
        let child = Command::new("sh")
            .arg("-c")
            .arg(script)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sh runs");
        // The shell opens fd 3 first, then fd 4: open them in that order.
        let to = std::fs::OpenOptions::new().write(true).open(&to_path).expect("the browser reads its pipe");
        let from = std::fs::File::open(&from_path).expect("the browser writes its pipe");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(from);
            let mut buf = Vec::new();
            while reader.read_until(0, &mut buf).is_ok_and(|n| n > 0) {
                buf.pop_if(|b| *b == 0);
                if let Ok(v) = serde_json::from_slice::<Value>(&buf)
                    && tx.send(v).is_err()
                {
                    return;
                }
                buf.clear();
            }
        });
        let mut b = Self { child, to, from: rx, next_id: 0, session: String::new(), events: Vec::new(), _dir: dir };
        let target = b.call_browser("Target.createTarget", json!({ "url": "about:blank" }));
        let target = target["targetId"].as_str().expect("a target id").to_owned();
        let attached = b.call_browser("Target.attachToTarget", json!({ "targetId": target, "flatten": true }));
        attached["sessionId"].as_str().expect("a session id").clone_into(&mut b.session);
        for domain in ["Page", "Network", "Runtime", "Log"] {
            b.call(&format!("{domain}.enable"), json!({}));
        }
        b.call(
            "Network.emulateNetworkConditions",
            json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
        );
        b.resize(width, height);
        b
    }

    pub fn resize(&mut self, width: u32, height: u32) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
        );
        if width < 600 {
            self.call("Emulation.setTouchEmulationEnabled", json!({ "enabled": true, "maxTouchPoints": 5 }));
        }
    }

    fn send(&mut self, method: &str, params: Value, session: bool) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method });
        message["params"] = params;
        if session {
            message["sessionId"] = json!(self.session);
        }
        let mut bytes = serde_json::to_vec(&message).expect("JSON");
        bytes.push(0);
        self.to.write_all(&bytes).expect("the browser takes a message");
        let until = Instant::now() + TIMEOUT;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match self.from.recv_timeout(left) {
                Ok(v) if v["id"].as_u64() == Some(id) => {
                    assert!(v.get("error").is_none(), "{method}: {}", v["error"]);
                    return v["result"].clone();
                }
                Ok(v) => {
                    if let Some(m) = v["method"].as_str() {
                        self.events.push((m.to_owned(), v["params"].clone()));
                    }
                }
                Err(RecvTimeoutError::Timeout) => panic!("{method}: the browser did not answer in {TIMEOUT:?}"),
                Err(RecvTimeoutError::Disconnected) => panic!("{method}: the browser quit"),
            }
        }
    }

    fn call_browser(&mut self, method: &str, params: Value) -> Value {
        self.send(method, params, false)
    }

    /// A call to the page's session.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.send(method, params, true)
    }

    /// Waits for a protocol event named `method` after `from` events were seen.
    pub fn wait_for_event(&mut self, method: &str, from: usize) {
        let until = Instant::now() + TIMEOUT;
        loop {
            if self.events[from.min(self.events.len())..].iter().any(|(m, _)| m == method) {
                return;
            }
            let left = until.saturating_duration_since(Instant::now());
            match self.from.recv_timeout(left) {
                Ok(v) => {
                    if let Some(m) = v["method"].as_str() {
                        self.events.push((m.to_owned(), v["params"].clone()));
                    }
                }
                Err(RecvTimeoutError::Timeout) => panic!("no {method} from the browser in {TIMEOUT:?}"),
                Err(RecvTimeoutError::Disconnected) => panic!("the browser quit before {method}"),
            }
        }
    }

    /// Opens `path` as a `file:` page and waits for its load event and its fonts.
    pub fn open(&mut self, path: &Path) {
        let url = format!("file://{}", path.canonicalize().expect("the page exists").display());
        let from = self.events.len();
        self.call("Page.navigate", json!({ "url": url }));
        self.wait_for_event("Page.loadEventFired", from);
        self.eval("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => r(true))))");
    }

    /// The value of a JavaScript expression (awaited when it is a promise).
    pub fn eval(&mut self, expression: &str) -> Value {
        let r = self
            .call("Runtime.evaluate", json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }));
        assert!(r.get("exceptionDetails").is_none(), "{expression}: {}", r["exceptionDetails"]);
        r["result"]["value"].clone()
    }

    /// A click with the mouse at (x, y) in CSS pixels.
    pub fn click(&mut self, x: f64, y: f64) {
        self.call("Input.dispatchMouseEvent", json!({ "type": "mouseMoved", "x": x, "y": y }));
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1 }),
            );
        }
    }

    /// A tap with a finger at (x, y).
    pub fn tap(&mut self, x: f64, y: f64) {
        self.call("Input.dispatchTouchEvent", json!({ "type": "touchStart", "touchPoints": [{ "x": x, "y": y }] }));
        self.call("Input.dispatchTouchEvent", json!({ "type": "touchEnd", "touchPoints": [] }));
    }

    /// Presses and releases a key such as `ArrowLeft`, `Enter` or `Escape`.
    pub fn key(&mut self, key: &str) {
        let code = match key {
            "ArrowLeft" => 37,
            "ArrowUp" => 38,
            "ArrowRight" => 39,
            "ArrowDown" => 40,
            "Enter" => 13,
            "Escape" => 27,
            "Home" => 36,
            _ => 0,
        };
        for kind in ["rawKeyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({ "type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code }),
            );
        }
    }

    /// A PNG of the viewport, or of the whole page with `full`.
    pub fn screenshot(&mut self, full: bool) -> Vec<u8> {
        let r = self.call("Page.captureScreenshot", json!({ "format": "png", "captureBeyondViewport": full }));
        base64::engine::general_purpose::STANDARD.decode(r["data"].as_str().expect("image data")).expect("base64")
    }

    /// Every address the page asked for.
    pub fn requests(&self) -> Vec<String> {
        self.events
            .iter()
            .filter(|(m, _)| m == "Network.requestWillBeSent")
            .filter_map(|(_, p)| p["request"]["url"].as_str().map(str::to_owned))
            .collect()
    }

    /// Every console error and warning, and every log entry (CSP refusals are logged there).
    pub fn complaints(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|(m, p)| match m.as_str() {
                "Log.entryAdded" => Some(format!("{}: {}", p["entry"]["level"], p["entry"]["text"])),
                "Runtime.exceptionThrown" => Some(format!("exception: {}", p["exceptionDetails"])),
                "Runtime.consoleAPICalled" if p["type"] == "error" || p["type"] == "warning" => {
                    Some(format!("console {}: {}", p["type"], p["args"]))
                }
                _ => None,
            })
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.call_browser_quietly();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn call_browser_quietly(&mut self) -> std::io::Result<()> {
        self.next_id += 1;
        let mut bytes = serde_json::to_vec(&json!({ "id": self.next_id, "method": "Browser.close" }))?;
        bytes.push(0);
        self.to.write_all(&bytes)
    }
}

/// Where the tests leave their screenshots, to be looked at.
pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("publish");
    std::fs::create_dir_all(&dir).expect("a folder for screenshots");
    dir
}
