#!/usr/bin/env python3
"""Check tarikh's calendars against the reference files in ../shared/calendars.

1. The embedded Umm al-Qura table (data/ummalqura_month_starts.csv) equals the
   published one month by month, and the test copy of the Persian leap table
   (tests/data/persian_leap_years_1206_1498.txt) equals the official one year by year.
2. What the built `tarikh` binary actually answers agrees with both references:
   every Umm al-Qura month 1343-1500 AH (first and last day, both directions) and
   every Solar Hijri year 1206-1498 AP (Nowruz, leap flag, both directions).
   The binary is called once per batch (`tarikh convert --json` takes many dates).

Exits 1 and prints every difference when anything disagrees.
Python 3 standard library only.

usage: scripts/check_calendars.py [--shared DIR] [--bin PATH]
       (the binary defaults to $TARIKH_BIN, else it is built with `cargo build`)
"""

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UQ_NAME = "ummalqura_month_starts.csv"
PERSIAN_NAME = "persian_leap_years_1206_1498.txt"


def read_uq(path):
    """{(year, month): (first_day, days)} from a month-starts CSV."""
    months = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        y, m, first, n = line.strip().split(",")
        months[(int(y), int(m))] = (dt.date.fromisoformat(first), int(n))
    return months


def read_persian(path):
    """{year: (leap, nowruz)} from the leap-year table."""
    years = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        y, nowruz = line.split()
        years[int(y.rstrip("*"))] = (y.endswith("*"), dt.date.fromisoformat(nowruz))
    return years


def find_binary(explicit):
    if explicit:
        return explicit
    if os.environ.get("TARIKH_BIN"):
        return os.environ["TARIKH_BIN"]
    out = subprocess.run(
        ["cargo", "build", "--quiet", "--bin", "tarikh", "--message-format=json"],
        cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("executable") and msg["target"]["name"] == "tarikh":
            return msg["executable"]
    sys.exit("check_calendars: cargo build did not report the tarikh binary")


def convert(binary, args, inputs):
    """{input: json object} from one `tarikh convert --json` call; failed inputs are absent."""
    proc = subprocess.run(
        [binary, "convert", "--json", *args, *inputs],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    results = {}
    for line in proc.stdout.splitlines():
        obj = json.loads(line)
        results[obj["input"]] = obj
    return results, proc.stderr


def ymd(obj):
    return (obj["year"], obj["month"], obj["day"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "calendars")
    ap.add_argument("--bin", help="path to the tarikh binary")
    args = ap.parse_args()

    ref_uq_path = args.shared / UQ_NAME
    ref_fa_path = args.shared / PERSIAN_NAME
    for p in (ref_uq_path, ref_fa_path):
        if not p.is_file():
            sys.exit(f"check_calendars: reference file missing: {p}")

    diffs = []
    ref_uq, ours_uq = read_uq(ref_uq_path), read_uq(ROOT / "data" / UQ_NAME)
    for key in sorted(set(ref_uq) | set(ours_uq)):
        if ref_uq.get(key) != ours_uq.get(key):
            diffs.append(f"data/{UQ_NAME} {key[0]}/{key[1]}: repo {ours_uq.get(key)} != published {ref_uq.get(key)}")
    ref_fa, ours_fa = read_persian(ref_fa_path), read_persian(ROOT / "tests" / "data" / PERSIAN_NAME)
    for y in sorted(set(ref_fa) | set(ours_fa)):
        if ref_fa.get(y) != ours_fa.get(y):
            diffs.append(f"tests/data/{PERSIAN_NAME} {y}: repo {ours_fa.get(y)} != official {ref_fa.get(y)}")

    binary = find_binary(args.bin)

    # Umm al-Qura: Hijri -> Gregorian for the first and last day of every month.
    inputs = {}
    for (y, m), (first, n) in ref_uq.items():
        inputs[f"{y}/{m}/1"] = first
        inputs[f"{y}/{m}/{n}"] = first + dt.timedelta(days=n - 1)
    got, err = convert(binary, ["--from", "hijri"], list(inputs))
    for text, want in inputs.items():
        obj = got.get(text)
        if obj is None or obj["gregorian"] != want.isoformat():
            diffs.append(f"hijri {text}: tarikh {obj and obj['gregorian']} != published {want} {err_for(err, text)}")
    # ... and Gregorian -> Hijri for the same days.
    pairs = []
    for (y, m), (first, n) in ref_uq.items():
        pairs.append((first.isoformat(), (y, m, 1)))
        pairs.append(((first + dt.timedelta(days=n - 1)).isoformat(), (y, m, n)))
    got, err = convert(binary, [], sorted({text for text, _ in pairs}))
    for text, want in pairs:
        obj = got.get(text)
        have = obj and (ymd(obj["hijri"]), obj["hijri"]["variant"])
        if have != (want, "umm-al-qura"):
            diffs.append(f"gregorian {text}: tarikh hijri {have} != published {want} umm-al-qura {err_for(err, text)}")

    # Persian: Nowruz of every year (and of 1499, to get 1498's length), both directions.
    years = sorted(ref_fa)
    inputs = [f"{y}/1/1" for y in years + [years[-1] + 1]]
    got, err = convert(binary, ["--from", "persian"], inputs)
    nowruz = {}
    for y in years + [years[-1] + 1]:
        obj = got.get(f"{y}/1/1")
        nowruz[y] = obj and dt.date.fromisoformat(obj["gregorian"])
    for y in years:
        leap, want = ref_fa[y]
        if nowruz[y] != want:
            diffs.append(f"persian {y}/1/1: tarikh {nowruz[y]} != official Nowruz {want} {err_for(err, f'{y}/1/1')}")
        if nowruz[y] and nowruz[y + 1]:
            length = (nowruz[y + 1] - nowruz[y]).days
            if (length == 366) != leap:
                diffs.append(f"persian {y}: tarikh has {length} days, official table says {'leap' if leap else 'common'}")
    got, err = convert(binary, [], [ref_fa[y][1].isoformat() for y in years])
    for y in years:
        text = ref_fa[y][1].isoformat()
        obj = got.get(text)
        have = obj and ymd(obj["persian"])
        if have != (y, 1, 1):
            diffs.append(f"gregorian {text}: tarikh persian {have} != official 1 Farvardin {y} {err_for(err, text)}")

    if diffs:
        for d in diffs:
            print(d)
        print(f"check_calendars: {len(diffs)} difference(s)", file=sys.stderr)
        return 1
    print(f"check_calendars: ok ({len(ref_uq)} Umm al-Qura months, {len(ref_fa)} Persian years)")
    return 0


def err_for(stderr, text):
    """The binary's error line for one input, if any."""
    for line in stderr.splitlines():
        if f": {text}: " in line:
            return f"({line.strip()})"
    return ""


if __name__ == "__main__":
    sys.exit(main())
