//! Output verified by a real client: the seed report's GeoJSON (`groundtrack check --geojson` of
//! `data/scenarios/2017-08-29-hwasong-12.toml`) is loaded by Leaflet (npm package `leaflet`, installed in
//! `tests/browser/node_modules` by `npm ci --prefix tests/browser`) in Debian's headless `chromium`, from a page and
//! data served on a localhost port by this test.
//!
//! The page (`tests/browser/index.html`) writes what Leaflet drew into `<pre id="result">`; the test reads it from
//! the DOM (`--dump-dom`) and asserts that every feature became a layer and an SVG path with an outline, and that
//! Leaflet's bounds of the layers are the bounds of the file's coordinates. A screenshot is saved as
//! `test-output/browser/seed-report.png` (a CI artifact).
//!
//! Without chromium or without `tests/browser/node_modules/leaflet` the test prints SKIPPED and why on stderr; under
//! CI (the `CI` environment variable set) it fails instead.

mod common;

use common::skip_or_fail;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use groundtrack::places::Gazetteer;
use groundtrack::report::{CheckOptions, ReportFile, check_report};
use serde_json::Value;

/// How long one chromium run may take before it is killed (it needs a few seconds).
const CHROMIUM_LIMIT: Duration = Duration::from_secs(120);

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The chromium binary: `$CHROMIUM`, else Debian's `chromium`, else `chromium-browser`.
fn chromium() -> Option<String> {
    let candidates =
        std::env::var("CHROMIUM").into_iter().chain(["chromium".into(), "chromium-browser".into()]);
    candidates
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().map(|o| o.status.success()).unwrap_or(false))
}

/// Serves `routes` (URL path -> file) on 127.0.0.1 until the returned flag is set; returns the port.
fn serve(routes: Vec<(String, PathBuf)>) -> (u16, Arc<AtomicBool>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a localhost port");
    let port = listener.local_addr().expect("local address").port();
    listener.set_nonblocking(true).expect("non-blocking listener");
    let stop = Arc::new(AtomicBool::new(false));
    let stop_flag = stop.clone();
    thread::spawn(move || {
        while !stop_flag.load(Ordering::Relaxed) {
            match listener.accept() {
                Ok((stream, _)) => {
                    let routes = routes.clone();
                    thread::spawn(move || answer(stream, &routes));
                }
                Err(_) => thread::sleep(Duration::from_millis(10)),
            }
        }
    });
    (port, stop)
}

/// Answers one HTTP/1.x GET with the routed file, or 404.
fn answer(stream: TcpStream, routes: &[(String, PathBuf)]) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(&stream);
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // Drain the headers.
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split('?').next().unwrap_or(path);
    let found = routes.iter().find(|(p, _)| p == path).and_then(|(_, f)| std::fs::read(f).ok());
    let mut stream = &stream;
    let _ = match found {
        Some(body) => {
            let kind = match Path::new(path).extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("css") => "text/css",
                Some("geojson") => "application/geo+json",
                Some("png") => "image/png",
                _ => "application/octet-stream",
            };
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )
            .and_then(|_| stream.write_all(&body))
        }
        None => stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    };
}

/// Runs headless chromium with `extra` arguments on `url`; returns its standard output.
fn run_chromium(bin: &str, profile: &Path, extra: &[String], url: &str) -> String {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--window-size=1200,800",
            "--virtual-time-budget=15000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > CHROMIUM_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish within {CHROMIUM_LIMIT:?}");
            }
            Ok(None) => thread::sleep(Duration::from_millis(100)),
            Err(e) => panic!("waiting for chromium: {e}"),
        }
    }
    reader.join().unwrap_or_default()
}

/// South, west, north, east of every position in a GeoJSON FeatureCollection.
fn bounds(doc: &Value) -> [f64; 4] {
    fn walk(v: &Value, b: &mut [f64; 4]) {
        match v {
            Value::Array(items) if items.first().is_some_and(Value::is_number) => {
                let (x, y) = (items[0].as_f64().unwrap(), items[1].as_f64().unwrap());
                *b = [b[0].min(y), b[1].min(x), b[2].max(y), b[3].max(x)];
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, b)),
            _ => {}
        }
    }
    let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
    for f in doc["features"].as_array().unwrap() {
        walk(&f["geometry"]["coordinates"], &mut b);
    }
    b
}

#[test]
fn leaflet_draws_the_seed_report_in_headless_chromium() {
    let test = "leaflet_draws_the_seed_report_in_headless_chromium";
    let browser_dir = manifest_dir().join("tests").join("browser");
    let leaflet = browser_dir.join("node_modules").join("leaflet").join("dist");
    let Some(bin) = chromium() else {
        skip_or_fail(test, "no chromium (apt-get install chromium)");
        return;
    };
    if !leaflet.join("leaflet.js").is_file() {
        skip_or_fail(test, "no tests/browser/node_modules/leaflet (npm ci --prefix tests/browser)");
        return;
    }

    // The seed report's GeoJSON, as `groundtrack check --geojson` writes it.
    let dir = tempfile::tempdir().unwrap();
    let seed = manifest_dir().join("data/scenarios/2017-08-29-hwasong-12.toml");
    let file = ReportFile::load(&seed).unwrap();
    let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
    let data = dir.path().join("seed.geojson");
    groundtrack::output::check_geojson::write(&data, &report).unwrap();
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&data).unwrap()).unwrap();
    let features = doc["features"].as_array().unwrap().len();
    assert!(features >= 8, "the seed report has launch, readings, estimate, places, tracks and region");

    let routes = vec![
        ("/index.html".to_string(), browser_dir.join("index.html")),
        ("/leaflet/leaflet.js".to_string(), leaflet.join("leaflet.js")),
        ("/leaflet/leaflet.css".to_string(), leaflet.join("leaflet.css")),
        ("/data.geojson".to_string(), data.clone()),
    ];
    let (port, stop) = serve(routes);
    let url = format!("http://127.0.0.1:{port}/index.html");
    let profile = tempfile::tempdir().unwrap();

    let dom = run_chromium(&bin, profile.path(), &["--dump-dom".to_string()], &url);
    let result =
        dom.split("<pre id=\"result\">").nth(1).and_then(|r| r.split("</pre>").next()).unwrap_or_else(|| {
            panic!("no <pre id=result> in the DOM:\n{}", dom.chars().take(2000).collect::<String>())
        });
    let result: Value = serde_json::from_str(&result.replace("&quot;", "\""))
        .unwrap_or_else(|e| panic!("the page wrote {result:?}: {e}"));
    assert!(result.get("error").is_none(), "the page failed: {result}");
    assert_eq!(result["features"], features, "{result}");
    assert_eq!(result["layers"], features, "every feature became a Leaflet layer: {result}");
    assert_eq!(result["paths"], features, "every layer is one SVG path: {result}");
    assert_eq!(result["drawn"], features, "every path has an outline on the map: {result}");
    let want = bounds(&doc);
    let got: Vec<f64> = result["bounds"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 1e-9, "Leaflet's bounds {got:?}, the file's {want:?}");
    }

    let out_dir = manifest_dir().join("test-output").join("browser");
    std::fs::create_dir_all(&out_dir).unwrap();
    let png = out_dir.join("seed-report.png");
    let _ = std::fs::remove_file(&png);
    run_chromium(&bin, profile.path(), &[format!("--screenshot={}", png.display())], &url);
    stop.store(true, Ordering::Relaxed);
    let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("no screenshot {}: {e}", png.display()));
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() > 10_000, "not a real screenshot");
}
