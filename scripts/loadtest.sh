#!/usr/bin/env bash
# Load test of the timeline API (issue 5 targets: >= 5,000 requests/s with
# p99 <= 20 ms at 64 connections; the .ics of 100,000 events in < 2 s).
#
#   1. builds the release binary and a database of 1,000,000 synthetic events
#      (generated in SQL by the sqlite3 CLI after `tarikh` applied the schema;
#      one document, sentence, mention and evidence row per event, FTS indexed),
#   2. starts `tarikh serve` (release) on a loopback port,
#   3. runs wrk (apt-get install -y wrk) with 64 connections for DURATION s
#      against GET /api/timeline?from=...&to=...&limit=100: first the same URL
#      (the cached page, what a busy page sees), then URLs with a different
#      `from` on every request (every request hits SQLite),
#   4. times GET /api/timeline.ics over a range of ~100,000 events.
# The database is kept in $WORK (default /tmp/tarikh-load) and reused.
# Usage: scripts/loadtest.sh   (env: WORK, PORT=0 (ephemeral), DURATION=20, EVENTS=1000000, TARIKH_BIN)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/serve_lib.sh
WORK=${WORK:-/tmp/tarikh-load}
PORT=${PORT:-0}
DURATION=${DURATION:-20}
EVENTS=${EVENTS:-1000000}
DOCS=$(( EVENTS / 100 ))
DB="$WORK/load.db"
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "loadtest: wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "loadtest: sqlite3 is not installed" >&2; exit 1; }
BIN=${TARIKH_BIN:-}
if [[ -z "$BIN" ]]; then
    cargo build --release --quiet
    BIN=target/release/tarikh
fi

have=$( [[ -f "$DB" ]] && sqlite3 "$DB" "SELECT count(*) FROM events" 2>/dev/null || echo 0 )
if [[ "$have" != "$EVENTS" ]]; then
    rm -f "$DB" "$DB-wal" "$DB-shm"
    # `serve` creates the database and applies the migrations (read-only commands refuse a
    # missing database); it is stopped once it listens.
    "$BIN" serve --db "$DB" --addr "127.0.0.1:0" >"$WORK/serve.out" 2>"$WORK/serve.err" &
    SERVER_PID=$!
    wait_for_server loadtest
    kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    rm -f "$WORK/serve.out"
    echo "loadtest: generating $EVENTS events in $DB ..."
    start=$(date +%s.%N)
    sqlite3 "$DB" <<SQL
.output /dev/null
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -200000;
.output stdout
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $DOCS)
INSERT INTO documents (id, content_hash, title, source, url, lang, dct, dct_day, dct_source, published_at, ingested_at, text)
SELECT i, printf('%064x', i), 'Bulletin ' || i,
       CASE i % 3 WHEN 0 THEN 'Harbour Gazette' WHEN 1 THEN 'خبرگزاری نمونه' ELSE 'وكالة المثال' END,
       'https://example.org/bulletin/' || i, CASE i % 3 WHEN 0 THEN 'en' WHEN 1 THEN 'fa' ELSE 'ar' END,
       '2020-01-01', '2020-01-01', 'given', '2020-01-01', '2024-01-01T00:00:00Z', 'Synthetic bulletin ' || i
FROM n;
CREATE TEMP TABLE gen AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $EVENTS)
SELECT i,
       date('1990-01-01', '+' || ((i - 1) * 10957 / $EVENTS) || ' days') AS day,
       CASE WHEN i % 40 = 0 THEN 'month' ELSE 'day' END AS grain,
       CASE WHEN i % 80 = 0 THEN 'START' END AS mod,
       (i % $DOCS) + 1 AS doc
FROM n;
INSERT INTO sentences (id, document_id, ordinal, span_start, span_end, text, folded, entities)
SELECT i, doc, i, 0, 60, 'The Farland tide gauge number ' || i || ' was serviced on ' || day || '.',
       'the farland tide gauge number ' || i || ' was serviced on ' || day || '.', ''
FROM gen;
INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild');
INSERT INTO events (id, first_day, last_day, value, grain, mod, title, title_lang, persian_year, persian_month, persian_day,
                    hijri_year, hijri_month, hijri_day, gregorian_label, persian_label, hijri_label, n_sources, langs, created_at)
SELECT i,
       CASE grain WHEN 'month' THEN date(day, 'start of month') ELSE day END,
       CASE grain WHEN 'month' THEN date(day, 'start of month', '+1 month', '-1 day') ELSE day END,
       CASE grain WHEN 'month' THEN substr(day, 1, 7) ELSE day END,
       grain, mod,
       'The Farland tide gauge number ' || i || ' was serviced on ' || day || '.', 'en',
       1400, 10, 22, 1443, 6, 9,
       day, '۲۲ دی ۱۴۰۰', '٩ جمادى الآخرة ١٤٤٣', 1, CASE doc % 3 WHEN 0 THEN 'en' WHEN 1 THEN 'fa' ELSE 'ar' END,
       '2024-01-01T00:00:00Z'
FROM gen;
INSERT INTO mentions (id, document_id, ordinal, sentence_id, span_start, span_end, text, value, first_day, last_day, grain, mod, calendar, lang)
SELECT g.i, g.doc, g.i, g.i, 40, 50, g.day, e.value, e.first_day, e.last_day, e.grain, e.mod, 'gregorian', 'en'
FROM gen g JOIN events e ON e.id = g.i;
INSERT INTO evidence (id, event_id, document_id, mention_id, sentence_id, expr_start, expr_end, is_primary)
SELECT i, i, doc, i, i, 46, 56, 1 FROM gen;
COMMIT;
ANALYZE;
.output /dev/null
PRAGMA wal_checkpoint(TRUNCATE);
SQL
    echo "loadtest: generated in $(echo "$(date +%s.%N) - $start" | bc) s"
fi

"$BIN" serve --db "$DB" --addr "127.0.0.1:$PORT" >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
trap 'kill -TERM $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null || true' EXIT
wait_for_server loadtest
URL="$BASE/api/timeline?from=2010-03-01&to=2010-06-30&limit=100"
curl -sf "$URL" -o /dev/null
n=$(curl -sf "$URL" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["events"]))')
echo "loadtest: $URL -> $n events per page"

echo "== wrk, same URL (cached page), 64 connections, ${DURATION}s"
wrk -t2 -c64 -d"${DURATION}s" --latency "$URL" | tee "$WORK/wrk_cached.txt"

cat >"$WORK/vary.lua" <<'LUA'
-- A different `from` on every request: every request runs the SQL.
counter = 0
request = function()
  counter = counter + 1
  local day = 1 + (counter * 7919) % 10000
  local y = 1990 + math.floor(day / 366)
  local d = 1 + day % 365
  local from = os.date("!%Y-%m-%d", os.time({year = y, month = 1, day = 1, hour = 12}) + (d - 1) * 86400)
  return wrk.format("GET", "/api/timeline?from=" .. from .. "&to=2019-12-31&limit=100")
end
LUA
echo "== wrk, a different from= on every request (uncached), 64 connections, ${DURATION}s"
wrk -t2 -c64 -d"${DURATION}s" --latency -s "$WORK/vary.lua" "$BASE" | tee "$WORK/wrk_uncached.txt"

ICS="$BASE/api/timeline.ics?from=2000-01-01&to=2002-12-31"
echo "== .ics: $ICS"
for run in 1 2; do
    curl -s -o "$WORK/feed.ics" -w "run $run: %{time_total} s, %{size_download} bytes, first byte after %{time_starttransfer} s\n" "$ICS"
done
echo "events in the feed: $(grep -c '^BEGIN:VEVENT' "$WORK/feed.ics")"
# RSS counts the database file once per page-reader connection: each of the 4 maps it
# (mmap_size), and a page mapped 4 times is 4 pages of RSS but one of memory, clean and
# shared with the kernel's page cache. PSS counts it once; anonymous memory is the heap
# (page cache of rendered pages, SQLite's page caches, buffers).
awk '/^(Rss|Pss|Pss_Anon|Pss_File):/ {kb[$1] = $2}
     END {printf "server memory after the run: RSS %.0f MB; PSS %.0f MB = %.0f MB anonymous + %.0f MB of the mapped database\n",
          kb["Rss:"]/1024, kb["Pss:"]/1024, kb["Pss_Anon:"]/1024, kb["Pss_File:"]/1024}' "/proc/$SERVER_PID/smaps_rollup"
