#!/usr/bin/env python3
"""Hostile input against the release server (issue 13), bounded in time and
count, loopback only. Starts `tarikh serve --demo` on a free loopback port
over a fresh database, then sends hostile SQL, bad bodies, odd dates and
slow or idle connections while it watches /healthz and the server's RSS.

Fails (exit 1, naming each failure) on any 5xx, any /healthz answer slower
than 0.5 s, or server RSS over 600 MB.

Usage: scripts/hostile_input.py [TARIKH_BIN] (default target/release/tarikh)
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

BIN = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TARIKH_BIN", "target/release/tarikh")
MAX_RSS_MB = 600
MAX_HEALTH_S = 0.5
failures = []
lock = threading.Lock()


def fail(msg):
    with lock:
        failures.append(msg)
    print("hostile_input: FAIL:", msg, file=sys.stderr)


def request(base, method, path, body=None, ctype=None, timeout=40):
    req = urllib.request.Request(base + path, data=body, method=method)
    if ctype:
        req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as e:
        e.read()
        return e.code
    except (urllib.error.URLError, ConnectionError, socket.timeout) as e:
        return f"error: {e}"


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


SQL = [
    "WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL SELECT s||s FROM r WHERE length(s) < 300000000) SELECT max(length(s)) FROM r",
    "SELECT length(replace(hex(zeroblob(100000000)),'0','00'))",
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 1000) SELECT printf('%.*c',1000000,'x') FROM n",
    "SELECT zeroblob(40000000)",
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 400) SELECT zeroblob(999999) FROM n",
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c",
    "SELECT :x",
    "SELECT " + "+".join(["1"] * 5000),
    "SELECT " + "(" * 2000 + "1" + ")" * 2000,
    "SELECT 1 " + "UNION ALL SELECT 1 " * 600,
    "ATTACH DATABASE '/etc/passwd' AS p",
    "SELECT load_extension('x')",
    "PRAGMA writable_schema=ON",
    "SELECT * FROM documents; DELETE FROM documents",
]

BODIES = [
    (b'{"text": "9999/12/31 - tomorrow"}', "application/json"),
    (b'{"text": "0001/01/01 - yesterday"}', "application/json"),
    (b'{"text": ', "application/json"),
    (b'\xff\xfe{"text": "x"}', "application/json"),
    (b'{"text": "ok on 1 May 2022", "lang": "zz"}', "application/json"),
    (b'{"text": "ok on 1 May 2022", "dct": "garbage"}', "application/json"),
    (b'{"text": "x", "unknown": 1}', "application/json"),
    (b'{"text": "", "id": 123456789012345678901234}', "application/json"),
    (b'[]', "application/json"),
    (b"\n".join([b'{"text": "line one on 2 May 2022"}', b'{"text": "9999/12/31 - tomorrow"}']), "application/x-ndjson"),
    (b"\n".join([b'{"text": "r %d on 3 May 2022"}' % i for i in range(1200)]), "application/x-ndjson"),
    (("خبر: " + "۱۲ دی ۱۴۰۰ و " * 4000).encode(), "text/plain"),
    (json.dumps({"text": "خبر: " + "۱۲ دی ۱۴۰۰ و " * 4000, "lang": "fa"}).encode(), "application/json"),
    (b"x" * (6 << 20), "application/json"),
]

PATHS = [
    "/api/timeline?from=99999-01-01",
    "/api/timeline?from=30%20%D8%A7%D8%B3%D9%81%D9%86%D8%AF%201400",
    "/api/timeline?limit=100000",
    "/api/timeline?cursor=zz",
    "/api/timeline?q=%22%22%22",
    "/api/timeline.ics?from=0000-01-01",
    "/api/events/99999999999999999999999",
    "/api/events/-1",
    "/api/convert?date=9999-12-31",
    "/api/convert?date=10000-01-01",
    "/api/" + "a" * 20000,
]


def watch_health(base, stop):
    worst = 0.0
    while not stop.is_set():
        t = time.monotonic()
        status = request(base, "GET", "/healthz", timeout=5)
        took = time.monotonic() - t
        worst = max(worst, took)
        if status != 200:
            fail(f"/healthz answered {status}")
        elif took > MAX_HEALTH_S:
            fail(f"/healthz took {took:.2f} s")
        time.sleep(0.05)
    print(f"hostile_input: slowest /healthz {worst * 1000:.0f} ms")


def main():
    work = tempfile.mkdtemp(prefix="tarikh-hostile-")
    db = os.path.join(work, "h.db")
    out = open(os.path.join(work, "serve.out"), "w+")
    server = subprocess.Popen(
        [BIN, "serve", "--demo", "--db", db, "--addr", "127.0.0.1:0"],
        stdout=out, stderr=subprocess.DEVNULL)
    base = None
    for _ in range(200):
        out.seek(0)
        text = out.read()
        if "listening on" in text:
            base = text.split("listening on ")[1].split()[0]
            break
        if server.poll() is not None:
            print("hostile_input: the server exited", file=sys.stderr)
            return 1
        time.sleep(0.1)
    if not base:
        print("hostile_input: the server did not start", file=sys.stderr)
        server.kill()
        return 1
    host, port = base.replace("http://", "").split(":")
    stop = threading.Event()
    watcher = threading.Thread(target=watch_health, args=(base, stop))
    watcher.start()
    peak = 0
    started = time.monotonic()
    try:
        # Slow and idle connections beside the rest: headers that never end.
        idle = []
        for _ in range(64):
            s = socket.create_connection((host, int(port)))
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            idle.append(s)
        jobs = [("POST", "/api/sql", q.encode(), "text/plain") for q in SQL]
        jobs += [("POST", "/api/documents", b, c) for b, c in BODIES]
        jobs += [("GET", p, None, None) for p in PATHS]

        def run(job):
            method, path, body, ctype = job
            status = request(base, method, path, body, ctype)
            if not isinstance(status, int):
                if "URI" not in str(status) and "reset" not in str(status).lower():
                    fail(f"{method} {path[:60]}: {status}")
            elif status >= 500:
                fail(f"{method} {path[:60]} {(body or b'')[:60]!r}: {status}")

        # Four at a time, as a few hostile clients would.
        threads = []
        for job in jobs:
            t = threading.Thread(target=run, args=(job,))
            t.start()
            threads.append(t)
            while sum(x.is_alive() for x in threads) >= 4:
                peak = max(peak, rss_mb(server.pid))
                time.sleep(0.05)
        for t in threads:
            while t.is_alive():
                peak = max(peak, rss_mb(server.pid))
                t.join(0.05)
        for s in idle:
            s.close()
    finally:
        stop.set()
        watcher.join()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    if peak > MAX_RSS_MB:
        fail(f"server RSS reached {peak} MB")
    print(f"hostile_input: {len(SQL) + len(BODIES) + len(PATHS)} requests and 64 stalled connections "
          f"in {time.monotonic() - started:.1f} s; peak server RSS {peak} MB")
    if failures:
        print(f"hostile_input: {len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("hostile_input: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
