//! The timeline page in a real browser: Debian's Chromium, headless, driven by
//! chromedriver over the W3C WebDriver HTTP protocol (a few calls through
//! reqwest, no WebDriver crate), against `tarikh serve --demo` on a free port.
//!
//! Needs `/usr/bin/chromium` and `chromedriver`; `scripts/browser_test.sh`
//! installs them and runs this test. Screenshots go to `target/`.

use std::fmt::Write as _;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail, ensure};
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
/// The W3C key for an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A child process killed when dropped, so a failing test leaves nothing running.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn find_chromedriver() -> Option<PathBuf> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Polls `url` until it answers 2xx or `limit` passes.
async fn wait_http(http: &reqwest::Client, url: &str, limit: Duration) -> Result<()> {
    let start = Instant::now();
    loop {
        if let Ok(r) = http.get(url).send().await
            && r.status().is_success()
        {
            return Ok(());
        }
        if start.elapsed() > limit {
            bail!("{url} did not come up within {limit:?}");
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Standard base64 (the screenshot encoding), without a dependency for it.
fn base64_decode(s: &str) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' | b'\n' | b'\r' => continue,
            _ => bail!("invalid base64 byte {c:#x}"),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

/// One WebDriver session.
struct Driver {
    http: reqwest::Client,
    base: String,
}

impl Driver {
    async fn start(http: reqwest::Client, driver_url: &str, profile: &Path) -> Result<Driver> {
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--window-size=1280,1000",
            "--lang=en-US",
            &format!("--user-data-dir={}", profile.display()),
        ];
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args},
        }}});
        let resp: Value = http
            .post(format!("{driver_url}/session"))
            .json(&caps)
            .send()
            .await?
            .json()
            .await?;
        let id = resp["value"]["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow!("no WebDriver session: {resp}"))?;
        Ok(Driver {
            base: format!("{driver_url}/session/{id}"),
            http,
        })
    }

    async fn cmd(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Result<Value> {
        let mut req = self.http.request(method, format!("{}{path}", self.base));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp: Value = req.send().await?.json().await?;
        if let Some(err) = resp["value"]["error"].as_str() {
            bail!("WebDriver {path}: {err}: {}", resp["value"]["message"]);
        }
        Ok(resp["value"].clone())
    }

    async fn post(&self, path: &str, body: Value) -> Result<Value> {
        self.cmd(reqwest::Method::POST, path, Some(body)).await
    }

    async fn goto(&self, url: &str) -> Result<()> {
        self.post("/url", json!({"url": url})).await.map(drop)
    }

    async fn find(&self, css: &str) -> Result<String> {
        let v = self
            .post("/element", json!({"using": "css selector", "value": css}))
            .await?;
        v[ELEMENT]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("no element for {css}"))
    }

    async fn click(&self, css: &str) -> Result<()> {
        let id = self.find(css).await?;
        self.post(&format!("/element/{id}/click"), json!({})).await.map(drop)
    }

    async fn type_into(&self, css: &str, text: &str) -> Result<()> {
        let id = self.find(css).await?;
        self.post(&format!("/element/{id}/clear"), json!({})).await?;
        self.post(&format!("/element/{id}/value"), json!({"text": text}))
            .await
            .map(drop)
    }

    async fn js(&self, script: &str) -> Result<Value> {
        self.post("/execute/sync", json!({"script": script, "args": []})).await
    }

    /// Runs `script` (a function body returning a value) until it returns something truthy.
    async fn wait_for(&self, what: &str, script: &str) -> Result<Value> {
        let start = Instant::now();
        loop {
            let v = self.js(script).await?;
            let truthy = match &v {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                _ => true,
            };
            if truthy {
                return Ok(v);
            }
            // A bound for a loaded machine (a cold Chromium, the first uncached page), not a timing check.
            if start.elapsed() > Duration::from_secs(60) {
                bail!("timed out waiting for {what}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn renders(&self) -> Result<u64> {
        let v = self
            .js("return Number(document.getElementById('timeline').dataset.renders || 0);")
            .await?;
        Ok(v.as_u64().unwrap_or(0))
    }

    /// Waits for a render newer than `after` that finished loading.
    async fn wait_render(&self, after: u64) -> Result<()> {
        let script = format!(
            "const t = document.getElementById('timeline'); \
             return Number(t.dataset.renders || 0) > {after} && t.getAttribute('aria-busy') === 'false';"
        );
        self.wait_for("the timeline to render", &script).await.map(drop)
    }

    async fn set_size(&self, width: u32, height: u32) -> Result<()> {
        self.post("/window/rect", json!({"width": width, "height": height}))
            .await
            .map(drop)
    }

    async fn screenshot(&self, path: &Path) -> Result<()> {
        let v = self.cmd(reqwest::Method::GET, "/screenshot", None).await?;
        let png = base64_decode(v.as_str().ok_or_else(|| anyhow!("screenshot is not a string"))?)?;
        ensure!(png.starts_with(b"\x89PNG"), "screenshot is not a PNG");
        std::fs::write(path, png).with_context(|| format!("writing {}", path.display()))
    }

    async fn quit(&self) {
        let _ = self.http.delete(&self.base).send().await;
    }

    /// The events on the page: (id, first_day, big date label).
    async fn cards(&self) -> Result<Vec<(i64, String, String)>> {
        let v = self
            .js(
                "return Array.from(document.querySelectorAll('#timeline article.event')).map(a => \
                 [Number(a.dataset.id), a.dataset.firstDay, a.querySelector('.date-main').textContent]);",
            )
            .await?;
        let rows = v.as_array().ok_or_else(|| anyhow!("cards: {v}"))?;
        Ok(rows
            .iter()
            .map(|r| {
                (
                    r[0].as_i64().unwrap_or(-1),
                    r[1].as_str().unwrap_or("").to_owned(),
                    r[2].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect())
    }
}

/// The API's events for a query string (the page must show exactly these).
async fn api_events(http: &reqwest::Client, base: &str, query: &[(&str, &str)]) -> Result<Vec<Value>> {
    let mut q: Vec<(&str, &str)> = query.to_vec();
    q.push(("limit", "500"));
    let resp = http.get(format!("{base}/api/timeline")).query(&q).send().await?;
    ensure!(
        resp.status().is_success(),
        "GET /api/timeline {query:?}: {}",
        resp.status()
    );
    let body: Value = resp.json().await?;
    Ok(body["events"].as_array().cloned().unwrap_or_default())
}

fn ids(events: &[Value]) -> Vec<i64> {
    events.iter().filter_map(|e| e["id"].as_i64()).collect()
}

fn is_persian_digit(c: char) -> bool {
    ('\u{06F0}'..='\u{06F9}').contains(&c)
}

#[tokio::test]
#[ignore = "needs chromium + chromedriver: run scripts/browser_test.sh"]
async fn timeline_page_in_headless_chromium() -> Result<()> {
    ensure!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: run scripts/browser_test.sh"
    );
    let chromedriver =
        find_chromedriver().ok_or_else(|| anyhow!("chromedriver is missing: run scripts/browser_test.sh"))?;
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&target)?;
    let tmp = tempfile::tempdir()?;
    let http = reqwest::Client::builder().timeout(Duration::from_secs(60)).build()?;

    // The service, with the demo corpus.
    let port = free_port()?;
    let base = format!("http://127.0.0.1:{port}");
    let server_log = std::fs::File::create(tmp.path().join("server.log"))?;
    let _server = Proc(
        Command::new(env!("CARGO_BIN_EXE_tarikh"))
            .args(["serve", "--demo", "--db"])
            .arg(tmp.path().join("t.db"))
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(server_log)
            .spawn()
            .context("starting tarikh serve")?,
    );
    if let Err(e) = wait_http(&http, &format!("{base}/healthz"), Duration::from_secs(90)).await {
        let log = std::fs::read_to_string(tmp.path().join("server.log")).unwrap_or_default();
        bail!("{e}\nserver log:\n{log}");
    }

    // The browser.
    let dport = free_port()?;
    let driver_url = format!("http://127.0.0.1:{dport}");
    let _chromedriver = Proc(
        Command::new(&chromedriver)
            .arg(format!("--port={dport}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting chromedriver")?,
    );
    wait_http(&http, &format!("{driver_url}/status"), Duration::from_secs(30)).await?;
    let profile = tmp.path().join("chromium-profile");
    let wd = Driver::start(http.clone(), &driver_url, &profile).await?;
    let result = drive(&wd, &http, &base, &target).await;
    wd.quit().await;
    result
}

async fn drive(wd: &Driver, http: &reqwest::Client, base: &str, target: &Path) -> Result<()> {
    let mut report = String::new();
    let all = api_events(http, base, &[]).await?;
    ensure!(
        all.len() >= 5,
        "the demo should give several events, the API has {}",
        all.len()
    );

    // 1. Events in chronological order, exactly the API's.
    wd.goto(&format!("{base}/")).await?;
    wd.wait_render(0).await?;
    let cards = wd.cards().await?;
    ensure!(
        cards.iter().map(|c| c.0).collect::<Vec<_>>() == ids(&all),
        "page events differ from the API's"
    );
    let days: Vec<&str> = cards.iter().map(|c| c.1.as_str()).collect();
    ensure!(
        days.windows(2).all(|w| w[0] <= w[1]),
        "events not in chronological order: {days:?}"
    );
    writeln!(
        report,
        "chronological: {} events, {} .. {}",
        cards.len(),
        days[0],
        days[days.len() - 1]
    )?;

    // 2. Solar Hijri: Persian digits, the API's labels, remembered across a reload.
    let before = wd.renders().await?;
    wd.click("#calendar-switch label:has(input[value=persian])").await?;
    wd.wait_render(before).await?;
    let cards = wd.cards().await?;
    for (card, ev) in cards.iter().zip(&all) {
        let want = ev["persian"].as_str().unwrap_or_default();
        ensure!(
            card.2 == want,
            "event {}: page shows {:?}, API says {want:?}",
            card.0,
            card.2
        );
        ensure!(
            card.2.chars().any(is_persian_digit),
            "event {}: {:?} has no Persian digits",
            card.0,
            card.2
        );
        ensure!(
            !card.2.chars().any(|c| c.is_ascii_digit()),
            "event {}: {:?} has ASCII digits",
            card.0,
            card.2
        );
    }
    wd.goto(&format!("{base}/")).await?;
    wd.wait_render(0).await?;
    let checked = wd
        .js("return document.querySelector('input[name=calendar]:checked').value;")
        .await?;
    ensure!(checked == "persian", "calendar choice not remembered: {checked}");
    writeln!(
        report,
        "solar hijri: {} labels match the API, e.g. {}",
        cards.len(),
        cards[0].2
    )?;

    // 3. A date range typed in the Solar Hijri calendar narrows the list.
    let from = "۱ دی ۱۴۰۰";
    let expect = api_events(http, base, &[("from", from)]).await?;
    ensure!(
        expect.len() < all.len() && !expect.is_empty(),
        "fixture: from={from} should narrow {} events",
        all.len()
    );
    let before = wd.renders().await?;
    wd.type_into("#f-from", from).await?;
    wd.click("#filters button[type=submit]").await?;
    wd.wait_render(before).await?;
    let cards = wd.cards().await?;
    ensure!(
        cards.iter().map(|c| c.0).collect::<Vec<_>>() == ids(&expect),
        "from={from}: page differs from the API"
    );
    let lasts = wd
        .js("return Array.from(document.querySelectorAll('#timeline article.event')).map(a => a.dataset.lastDay);")
        .await?;
    let lasts: Vec<&str> = lasts
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    ensure!(
        lasts.iter().all(|d| *d >= "2021-12-22"),
        "from={from} (2021-12-22): an earlier event remains: {lasts:?}"
    );
    let url = wd.js("return location.search;").await?;
    ensure!(
        url.as_str().is_some_and(|u| u.contains("from=")),
        "the URL does not carry the filter: {url}"
    );
    writeln!(report, "from {from}: {} -> {} events", all.len(), cards.len())?;
    // The subscribe link carries the same filter and serves a calendar.
    let ics = wd.js("return document.getElementById('subscribe').href;").await?;
    let ics = ics.as_str().unwrap_or_default().to_owned();
    ensure!(
        ics.contains("/api/timeline.ics?") && ics.contains("from="),
        "subscribe link ignores the filter: {ics}"
    );
    let resp = http.get(&ics).send().await?;
    ensure!(resp.status().is_success(), "{ics}: {}", resp.status());
    ensure!(
        resp.text().await?.starts_with("BEGIN:VCALENDAR"),
        "{ics} is not a calendar"
    );

    // ... and a minimum number of sources narrows it further.
    let expect = api_events(http, base, &[("from", from), ("min_sources", "2")]).await?;
    let before = wd.renders().await?;
    wd.type_into("#f-min", "2").await?;
    wd.click("#filters button[type=submit]").await?;
    wd.wait_render(before).await?;
    let narrowed = wd.cards().await?;
    ensure!(
        narrowed.iter().map(|c| c.0).collect::<Vec<_>>() == ids(&expect),
        "min_sources=2: page differs from the API"
    );
    ensure!(
        narrowed.len() < cards.len(),
        "min_sources=2 did not narrow {} events",
        cards.len()
    );
    writeln!(report, "min_sources=2: {} events", narrowed.len())?;

    // Desktop screenshot: this filtered Solar Hijri view, the first multi-language event's evidence open.
    wd.js("const d = Array.from(document.querySelectorAll('details.evidence')).find(d => d.querySelectorAll('li').length >= 3); \
           if (d) d.open = true; window.scrollTo(0, 0); return true;")
        .await?;
    wd.set_size(1280, 1600).await?;
    wd.screenshot(&target.join("browser-desktop.png")).await?;

    // The density strip jumps to a month: its heading takes the focus.
    wd.click("#density .bar:not([disabled])").await?;
    let focused = wd
        .wait_for(
            "the month heading to take focus",
            "const a = document.activeElement; return a && a.classList.contains('month-head') && a.textContent;",
        )
        .await?;
    // "/" from anywhere on the page focuses the search box.
    wd.post(
        "/actions",
        json!({"actions": [{"type": "key", "id": "kb", "actions": [
        {"type": "keyDown", "value": "/"}, {"type": "keyUp", "value": "/"}]}]}),
    )
    .await?;
    let active = wd.js("return document.activeElement.id;").await?;
    ensure!(active == "f-q", "'/' focused {active}, not the search box");
    writeln!(report, "density strip -> {focused}; '/' -> #{active}")?;

    // 4. A search narrows it (after a reset).
    let before = wd.renders().await?;
    wd.click("#reset").await?;
    wd.wait_render(before).await?;
    let term = "Vienna";
    let expect = api_events(http, base, &[("q", term)]).await?;
    ensure!(
        !expect.is_empty() && expect.len() < all.len(),
        "fixture: q={term} should narrow"
    );
    let before = wd.renders().await?;
    wd.type_into("#f-q", term).await?;
    wd.click("#filters button[type=submit]").await?;
    wd.wait_render(before).await?;
    let cards = wd.cards().await?;
    ensure!(
        cards.iter().map(|c| c.0).collect::<Vec<_>>() == ids(&expect),
        "q={term}: page differs from the API"
    );
    writeln!(report, "q={term}: {} events", cards.len())?;

    // 5. Right-to-left evidence reads right to left; English left to right.
    let before = wd.renders().await?;
    wd.click("#reset").await?;
    wd.wait_render(before).await?;
    let dirs = wd
        .js("document.querySelectorAll('details.evidence').forEach(d => d.open = true); \
             const dir = (sel) => { const e = document.querySelector(sel); return e ? getComputedStyle(e).direction : null; }; \
             return { fa: dir('.sentence[lang=fa]'), ar: dir('.sentence[lang=ar]'), en: dir('.sentence[lang=en]'), \
                      title: dir('.title[lang=fa], .title[lang=ar]') };")
        .await?;
    ensure!(
        dirs["fa"] == "rtl" || dirs["ar"] == "rtl",
        "no RTL sentence computed rtl: {dirs}"
    );
    for k in ["fa", "ar"] {
        ensure!(dirs[k].is_null() || dirs[k] == "rtl", "{k} sentence is {}", dirs[k]);
    }
    ensure!(
        dirs["en"].is_null() || dirs["en"] == "ltr",
        "English sentence is {}",
        dirs["en"]
    );
    writeln!(report, "direction: {dirs}")?;

    // 6. The SQL console: a result table, and a refusal for DELETE.
    wd.click("#sql-panel summary").await?;
    wd.type_into("#sql-q", "SELECT count(*) AS n FROM documents").await?;
    wd.click("#sql-run").await?;
    let n = wd
        .wait_for(
            "a SQL result table",
            "const td = document.querySelector('#sql-result table tbody td'); return td && td.textContent;",
        )
        .await?;
    let th = wd
        .js("return document.querySelector('#sql-result th').textContent;")
        .await?;
    ensure!(th == "n", "result column is {th}");
    let n: u64 = n.as_str().unwrap_or("").parse().context("count(*) is a number")?;
    ensure!(n >= 30, "the demo holds {n} documents");
    wd.type_into("#sql-q", "DELETE FROM documents").await?;
    wd.click("#sql-run").await?;
    let err = wd
        .wait_for("the refusal", "const e = document.getElementById('sql-error'); return !e.hidden && e.dataset.status + ' ' + e.textContent;")
        .await?;
    let err = err.as_str().unwrap_or_default().to_owned();
    ensure!(err.starts_with("403"), "DELETE was not refused with 403: {err}");
    let table_gone = wd
        .js("return document.querySelector('#sql-result table') === null;")
        .await?;
    ensure!(table_gone == true, "a result table is still shown after the refusal");
    let left = api_events(http, base, &[]).await?;
    ensure!(left.len() == all.len(), "events changed after the refused DELETE");
    writeln!(report, "sql: {n} documents; DELETE -> {err}")?;

    // 7. An API error is shown: an impossible date names the day's range.
    let before = wd.renders().await?;
    wd.type_into("#f-from", "30 اسفند 1400").await?;
    wd.click("#filters button[type=submit]").await?;
    wd.wait_render(before).await?;
    let shown = wd
        .wait_for(
            "the error box",
            "const e = document.getElementById('error'); return !e.hidden && e.dataset.status + ' ' + e.textContent;",
        )
        .await?;
    let shown = shown.as_str().unwrap_or_default().to_owned();
    ensure!(
        shown.starts_with("400") && shown.contains("29"),
        "impossible date not explained: {shown}"
    );
    writeln!(report, "error: {shown}")?;

    // Phone width: no sideways scrolling, and a screenshot.
    wd.set_size(390, 844).await?;
    wd.goto(&format!("{base}/")).await?;
    wd.wait_render(0).await?;
    let overflow = wd
        .js("return document.documentElement.scrollWidth - window.innerWidth;")
        .await?;
    ensure!(
        overflow.as_i64().is_some_and(|o| o <= 1),
        "page scrolls sideways at phone width by {overflow}px"
    );
    wd.screenshot(&target.join("browser-phone.png")).await?;

    println!(
        "{report}screenshots: {}/browser-{{desktop,phone}}.png",
        target.display()
    );
    Ok(())
}

#[test]
fn base64_decodes_padding_and_rejects_garbage() {
    assert_eq!(base64_decode("aGk=").unwrap(), b"hi");
    assert_eq!(base64_decode("aGVsbG8=").unwrap(), b"hello");
    assert_eq!(base64_decode("YWJj").unwrap(), b"abc");
    assert!(base64_decode("a$==").is_err());
}
