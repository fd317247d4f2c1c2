#!/usr/bin/env bash
# Structure checks, run by .ci/run (issue 12):
#   - no file in src/ over 800 lines (one idea per file);
#   - calendar and lexicon import nothing above them (extract, chronology,
#     store, api, cli, input, ...): layers only look down;
#   - src/api holds no SQL: every statement lives in src/store.
# Usage: scripts/check_layout.sh [ROOT] (default: the repository). Exits 1
# naming every violation.
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root"
fail=0
max_lines=800
while IFS= read -r f; do
    n=$(wc -l < "$f")
    if (( n > max_lines )); then
        echo "check_layout: $f has $n lines (over $max_lines): split it"
        fail=1
    fi
done < <(find src -name '*.rs' | sort)

for low in src/calendar src/lexicon; do
    [[ -d "$low" ]] || continue
    if hits=$(grep -rnE '(crate|tarikh)::(extract|chronology|store|api|cli|input|day_input|syndication)\b' "$low"); then
        echo "check_layout: $low imports from a layer above it:"
        echo "$hits"
        fail=1
    fi
done

if [[ -d src/api ]]; then
    sql='sqlx::(query|raw_sql)|\bquery_(as|scalar)\b|SqlitePool|SqliteConnection|"(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA|CREATE|BEGIN) '
    if hits=$(grep -rnE "$sql" src/api); then
        echo "check_layout: src/api contains SQL (it belongs in src/store):"
        echo "$hits"
        fail=1
    fi
fi

if (( fail )); then
    exit 1
fi
echo "check_layout: ok"
