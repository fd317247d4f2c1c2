#!/usr/bin/env bash
# Checks the iCalendar feed of the seed articles end to end (for .ci/run):
#   1. builds a JSONL of ../shared/seeds with the DCT and language of
#      ../shared/eval/seed_gold.jsonl (in a temp dir: seed text never enters the repo),
#   2. starts `tarikh serve` on an ephemeral loopback port over a fresh database,
#   3. ingests the JSONL through POST /api/documents (NDJSON),
#   4. fetches /api/timeline.ics and passes it through ../shared/eval/ics_lint.py
#      and the Python `icalendar` parser, checking that every Persian/Arabic
#      SUMMARY equals the event title of the JSON timeline (plus the date
#      phrase appended to approximate dates),
#   5. stops the server with SIGTERM.
# Usage: scripts/check_ics.sh   (TARIKH_BIN=path to use a prebuilt binary)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/serve_lib.sh
SHARED=${SHARED:-../shared}
BIN=${TARIKH_BIN:-}
if [[ -z "$BIN" ]]; then
    cargo build --release --quiet
    BIN=target/release/tarikh
fi
python3 -c 'import icalendar' 2>/dev/null || pip install --quiet icalendar >/dev/null 2>&1 || pip install --quiet --break-system-packages icalendar

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

python3 - "$SHARED" "$WORK/seeds.jsonl" <<'PY'
import json, os, sys
shared, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for line in open(os.path.join(shared, "eval/seed_gold.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        text = open(os.path.join(shared, "seeds", g["doc"]), encoding="utf-8").read()
        title = text.split("\n", 1)[0].strip()
        f.write(json.dumps({"id": g["doc"], "title": title, "text": text, "lang": g["lang"], "dct": g["dct"]}, ensure_ascii=False) + "\n")
PY

"$BIN" serve --db "$WORK/seeds.db" --addr 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
wait_for_server check_ics

python3 - "$BASE" "$WORK" "$SHARED/eval/ics_lint.py" <<'PY'
import json, re, subprocess, sys, urllib.request
base, work, lint = sys.argv[1:4]

def fetch(path, data=None, ctype=None):
    req = urllib.request.Request(base + path, data=data, headers={"content-type": ctype} if ctype else {})
    with urllib.request.urlopen(req) as r:
        return r.status, r.read()

status, body = fetch("/api/documents", open(f"{work}/seeds.jsonl", "rb").read(), "application/x-ndjson")
res = json.loads(body)
print(f"ingested: {res['created']} new, {res['duplicates']} already present")

titles, cursor = {}, None
while True:
    _, body = fetch("/api/timeline?limit=500" + (f"&cursor={cursor}" if cursor else ""))
    page = json.loads(body)
    for e in page["events"]:
        titles[f"event-{e['id']}@tarikh"] = e
    cursor = page["next_cursor"]
    if not cursor:
        break

_, ics = fetch("/api/timeline.ics")
path = f"{work}/seeds.ics"
open(path, "wb").write(ics)
lint_run = subprocess.run([sys.executable, lint, path], capture_output=True, text=True)
print(lint_run.stdout.strip())
if lint_run.returncode != 0:
    sys.exit("check_ics: ics_lint failed")

import icalendar
cal = icalendar.Calendar.from_ical(ics)
vevents = [c for c in cal.walk("VEVENT")]
if len(vevents) != len(titles):
    sys.exit(f"check_ics: {len(vevents)} VEVENTs but {len(titles)} events in the JSON timeline")
rtl = re.compile("[\u0600-\u06FF]")
checked = 0
for v in vevents:
    uid, summary = str(v["UID"]), str(v["SUMMARY"])
    ev = titles.get(uid)
    if ev is None:
        sys.exit(f"check_ics: {uid} is not in the JSON timeline")
    title = ev["title"]
    if summary != title and not summary.startswith(title + " — "):
        sys.exit(f"check_ics: SUMMARY of {uid} does not carry the title unchanged:\n  ics:  {summary!r}\n  json: {title!r}")
    if rtl.search(title):
        checked += 1
    start = v["DTSTART"].dt
    if start.isoformat() != ev["date"]["first_day"]:
        sys.exit(f"check_ics: DTSTART of {uid} is {start}, JSON says {ev['date']['first_day']}")
if checked == 0:
    sys.exit("check_ics: no Persian/Arabic summary to check")
print(f"check_ics: OK: {len(vevents)} events parsed by icalendar {icalendar.__version__}; {checked} Persian/Arabic summaries identical to the JSON titles")
PY
