//! The building loop in the real window, typed at a person's speed: the program under Xvfb, keys
//! sent by `xdotool` with 150 ms between them, the saved file read back. It catches what a
//! test harness that sends whole strings in one event hides (a field that loses what is typed
//! between two keys).
//!
//! Needs `Xvfb` and `xdotool` (`.ci/run` installs them). Without them the test says so and
//! passes, except under CI (`CI` set), where their absence fails it.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A child process stopped when dropped, so that a failed assertion leaves nothing running. It is
/// asked to end (SIGTERM) before it is killed, so that an X server removes its socket and lock.
struct Running(Child);

impl Running {
    /// Fails the test, saying how, if the process has ended.
    fn assert_alive(&mut self, what: &str) {
        if let Ok(Some(status)) = self.0.try_wait() {
            panic!("{what} ended early ({status})");
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.0.id().to_string()]).status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Prints the program's log when the test fails, whatever the failure: the reason a window never
/// came (a missing library, an adapter refused) is in it, and the log's folder is gone afterwards.
struct PrintLogOnFailure(PathBuf);

impl Drop for PrintLogOnFailure {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let log = std::fs::read_to_string(&self.0).unwrap_or_else(|e| format!("(no log: {e})"));
            eprintln!("--- citeline's output ---\n{log}\n--- end of citeline's output ---");
        }
    }
}

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn wait_for(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < timeout, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

struct Xdo {
    display: String,
}

impl Xdo {
    fn run(&self, args: &[&str]) {
        let status = Command::new("xdotool").args(args).env("DISPLAY", &self.display).status().expect("xdotool runs");
        assert!(status.success(), "xdotool {args:?} failed");
    }

    /// Keys, then a moment for the window to draw what they did.
    fn key(&self, keys: &str) {
        self.run(&["key", "--clearmodifiers", "--delay", "150", keys]);
        std::thread::sleep(Duration::from_millis(400));
    }

    /// Types as a person does: 150 ms between keys.
    fn type_slowly(&self, text: &str) {
        self.run(&["type", "--delay", "150", text]);
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// Starts Xvfb on a display it picks, once it is ready to take clients: no clash with another
/// server, and no window asked for before the server can give one.
fn start_xvfb(root: &std::path::Path) -> (Running, String) {
    let xvfb_log = root.join("xvfb.log");
    let mut xvfb = Running(
        Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&xvfb_log).expect("Xvfb's log"))
            .spawn()
            .expect("Xvfb starts"),
    );
    let mut number = String::new();
    let mut out = xvfb.0.stdout.take().expect("Xvfb's output");
    let mut byte = [0u8; 1];
    while out.read(&mut byte).is_ok_and(|n| n == 1) && byte[0] != b'\n' {
        number.push(char::from(byte[0]));
    }
    assert!(
        !number.trim().is_empty(),
        "Xvfb gave no display: {}",
        std::fs::read_to_string(&xvfb_log).unwrap_or_default()
    );
    let display = format!(":{}", number.trim());
    (xvfb, display)
}

#[test]
fn a_timeline_is_built_in_the_real_window_typed_key_by_key_and_saved_as_typed() {
    if !have("Xvfb") || !have("xdotool") {
        assert!(std::env::var_os("CI").is_none(), "CI must install xvfb and xdotool (see .ci/run)");
        eprintln!("skipped: the real-window test needs Xvfb and xdotool");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let (mut xvfb, display) = start_xvfb(root);

    let article = root.join("articulo.txt");
    std::fs::copy("assets/sources/es-netflix-meta-mensajes-privados.txt", &article).expect("copy the article");
    let home = root.join("home");
    std::fs::create_dir_all(&home).expect("home");
    let log_path = root.join("citeline.log");
    let _print_log = PrintLogOnFailure(log_path.clone());
    let log = std::fs::File::create(&log_path).expect("log");
    let mut app = Running(
        Command::new(env!("CARGO_BIN_EXE_citeline"))
            .current_dir(root)
            .env("DISPLAY", &display)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env_remove("WAYLAND_DISPLAY")
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("citeline starts"),
    );
    let xdo = Xdo { display: display.clone() };
    let mut window = String::new();
    wait_for("the window", Duration::from_mins(3), || {
        app.assert_alive("citeline");
        xvfb.assert_alive("Xvfb");
        let out = Command::new("xdotool")
            .args(["search", "--name", "citeline"])
            .env("DISPLAY", &display)
            .output()
            .expect("xdotool runs");
        window = String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or_default().to_owned();
        !window.is_empty()
    });
    // No window manager: give the window the keyboard, and the pointer over it.
    std::thread::sleep(Duration::from_secs(3));
    xdo.run(&["windowfocus", "--sync", &window]);
    xdo.run(&["mousemove", "--window", &window, "640", "400"]);
    std::thread::sleep(Duration::from_millis(500));

    // New Timeline: the path field has the keyboard; Enter creates.
    let timeline = root.join("case.citeline.json");
    xdo.key("ctrl+n");
    xdo.key("ctrl+a");
    xdo.run(&["type", "--delay", "20", &timeline.display().to_string()]);
    xdo.key("Return");
    wait_for("the new timeline", Duration::from_secs(20), || timeline.exists());
    std::thread::sleep(Duration::from_secs(2));

    // Add Source: the document field has the keyboard; Enter adds it.
    xdo.key("ctrl+shift+a");
    xdo.run(&["type", "--delay", "20", &article.display().to_string()]);
    xdo.key("Return");
    std::thread::sleep(Duration::from_secs(2));

    // The source's text has the keyboard: select its first words, make an event of them.
    xdo.run(&["key", "--clearmodifiers", "--delay", "100", "--repeat", "5", "shift+ctrl+Right"]);
    std::thread::sleep(Duration::from_millis(400));
    xdo.key("ctrl+shift+e");

    // The new event's title has the keyboard: type over it, then the date, then save.
    let title = "Reported by El Pais, in 2024 ";
    xdo.key("ctrl+a");
    xdo.type_slowly(title);
    xdo.key("Tab");
    xdo.key("ctrl+a");
    xdo.type_slowly("2013-08");
    xdo.key("ctrl+s");

    let mut saved = serde_json::Value::Null;
    wait_for("the saved event", Duration::from_secs(20), || {
        saved = std::fs::read_to_string(&timeline)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(serde_json::Value::Null);
        saved["events"].as_array().is_some_and(|e| !e.is_empty())
    });
    let event = &saved["events"][0];
    let log = std::fs::read_to_string(root.join("citeline.log")).unwrap_or_default();
    assert_eq!(event["title"], title.trim(), "the title as typed, key by key (log: {log})");
    assert_eq!(event["when"], "2013-08", "the date as typed");
    let quote = event["citations"][0]["quote"].as_str().expect("the event cites its passage");
    assert!(quote.starts_with("¿Netflix pagaba cientos de"), "cites the selected words: {quote:?}");
    let source = &saved["sources"][0];
    assert!(source.get("publisher").is_none_or(|p| p != ""), "no empty field written: {source}");
}
