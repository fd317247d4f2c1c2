#!/usr/bin/env bash
# Checks issue 4's "Done when" conditions on the five seed articles:
# builds a JSONL from ../shared/seeds with the dct and lang of
# ../shared/eval/seed_gold.jsonl, ingests it into a fresh database with the
# release binary, and checks the timeline with SQL. Exits non-zero with a
# message naming every failed condition.
#
# Environment: SHARED (default: ../shared next to the repository),
#              TARIKH_BIN (default: target/release/tarikh, built first).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
if [[ -n "${TARIKH_BIN:-}" ]]; then
    bin="$TARIKH_BIN"
else
    # Always (re)build: a stale release binary would check old code.
    (cd "$repo" && cargo build --release --quiet --bin tarikh)
    bin="$repo/target/release/tarikh"
fi
[[ -d "$shared/seeds" && -f "$shared/eval/seed_gold.jsonl" ]] || { echo "check_seed_timeline: no seeds under $shared" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
jsonl="$tmp/seeds.jsonl"
db="$tmp/seed.db"

python3 - "$shared" "$jsonl" <<'PY'
import json, os, sys
shared, out = sys.argv[1], sys.argv[2]
gold = {}
with open(os.path.join(shared, "eval", "seed_gold.jsonl"), encoding="utf-8") as f:
    for line in f:
        if line.strip():
            g = json.loads(line)
            gold[g["doc"]] = g
with open(out, "w", encoding="utf-8") as w:
    for name in sorted(os.listdir(os.path.join(shared, "seeds"))):
        if name not in gold:
            continue
        with open(os.path.join(shared, "seeds", name), encoding="utf-8") as f:
            text = f.read()
        title = next((l.strip() for l in text.splitlines() if l.strip()), name)
        w.write(json.dumps({"id": name, "title": title, "lang": gold[name]["lang"],
                            "dct": gold[name]["dct"], "text": text}, ensure_ascii=False) + "\n")
PY

"$bin" ingest --db "$db" "$jsonl" > "$tmp/first.out"
counts() {
    "$bin" sql --db "$db" --csv "SELECT (SELECT count(*) FROM documents) || '/' || (SELECT count(*) FROM mentions) \
        || '/' || (SELECT count(*) FROM events) || '/' || (SELECT count(*) FROM evidence) || '/' || \
        (SELECT count(*) FROM merges) AS n" | tail -n 1
}
before="$(counts)"
"$bin" ingest --db "$db" "$jsonl" > "$tmp/second.out"
after="$(counts)"

python3 - "$db" "$before" "$after" "$(cat "$tmp/second.out")" <<'PY'
import sqlite3, sys
db, before, after, second = sys.argv[1:5]
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
q = lambda sql, *a: c.execute(sql, a).fetchall()
failures = []

def check(ok, msg):
    if not ok:
        failures.append(msg)

def docs_of(event_id):
    return {r[0] for r in q("SELECT DISTINCT d.external_id FROM evidence v JOIN documents d ON d.id = v.document_id "
                            "WHERE v.event_id = ?", event_id)}

def day_events(first, last=None):
    return [r[0] for r in q("SELECT id FROM events WHERE first_day = ? AND last_day = ?", first, last or first)]

fa_nrc = {r[0] for r in q("SELECT external_id FROM documents "
                          "WHERE lang = 'fa' AND (' ' || entities || ' ') LIKE '% org:nato_russia_council %'")}
check(len(fa_nrc) == 2, f"expected two Persian articles naming the NATO–Russia Council, found {sorted(fa_nrc)}")
ev = day_events("2022-01-12")
check(len(ev) == 1, f"expected one event on 2022-01-12, found {len(ev)}")
if ev:
    check(fa_nrc <= docs_of(ev[0]), f"2022-01-12 event sources {sorted(docs_of(ev[0]))} lack {sorted(fa_nrc)}")

ev = day_events("2021-12-07")
check(len(ev) == 1, f"expected one event on 2021-12-07, found {len(ev)}")
if ev:
    check(len(docs_of(ev[0])) == 1, f"2021-12-07 event should have one source, has {sorted(docs_of(ev[0]))}")

for d in ["2021-12-26", "2021-12-30", "2021-12-31", "2022-01-13", "2022-01-21", "2022-01-24", "2022-02-01", "2022-02-14"]:
    check(len(day_events(d)) >= 1, f"no event on {d}")

ev = day_events("2022-01-09", "2022-01-10")
check(len(ev) == 1, f"expected one event dated 2022-01-09/2022-01-10, found {len(ev)}")
if ev:
    langs = {r[0] for r in q("SELECT DISTINCT d.lang FROM evidence v JOIN documents d ON d.id = v.document_id "
                             "WHERE v.event_id = ?", ev[0])}
    check({"fa", "ar"} <= langs, f"Geneva talks event has source languages {sorted(langs)}, want fa and ar")
    geneva_docs = {r[0] for r in q("SELECT external_id FROM documents WHERE (' ' || entities || ' ') "
                                   "LIKE '% place:geneva %' AND lang IN ('fa', 'ar') AND external_id NOT LIKE '002%'")}
    check(geneva_docs <= docs_of(ev[0]),
          f"Geneva talks sources {sorted(docs_of(ev[0]))} lack {sorted(geneva_docs - docs_of(ev[0]))}")

check(q("SELECT count(*) FROM events WHERE value = '1997' AND mod = 'BEFORE'")[0][0] >= 1, "no event 1997 BEFORE")
check(q("SELECT count(*) FROM events WHERE value = '2007'")[0][0] >= 1, "no event for 2007")
check(q("SELECT count(*) FROM events WHERE value = '2014'")[0][0] >= 1, "no event for 2014")
n = q("SELECT count(*) FROM events WHERE grain = 'duration' OR value LIKE 'P%'")[0][0]
check(n == 0, f"{n} events are dated by a duration")
check(before == after, f"re-ingesting changed documents/mentions/events/evidence/merges: {before} -> {after}")
check("0 new" in second and "5 already present" in second, f"re-ingest summary: {second!r}")

if failures:
    print("check_seed_timeline: FAILED", file=sys.stderr)
    for f in failures:
        print(f"  - {f}", file=sys.stderr)
    sys.exit(1)
print(f"check_seed_timeline: ok ({after} documents/mentions/events/evidence/merges)")
PY
