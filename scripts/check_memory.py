#!/usr/bin/env python3
"""Peak memory of `tarikh extract` on one 64 MB line of dates, alone and in
`--batch`: each must stay under 3x the input (the result is streamed, never
held whole). The text is generated here; nothing is read from ../shared."""
import os, subprocess, sys, tempfile

BIN = os.environ.get("TARIKH_BIN", "target/release/tarikh")

# Written by a child process so that this one stays small.
MAKE = r'''
import json, sys
unit = "۱۲ دی ۱۴۰۰ و 24 كانون الثاني 2022، "
text = unit * (64 * 1024 * 1024 // len(unit.encode()))
open(sys.argv[1], "w", encoding="utf-8").write(text)
open(sys.argv[2], "w", encoding="utf-8").write(
    json.dumps({"id": "big", "text": text, "dct": "2022-01-20"}, ensure_ascii=False) + "\n")
'''


def peak_kib(args, stdin_path):
    """The peak RSS of this one child (wait4 gives each child's own figure)."""
    with open(stdin_path, "rb") as f:
        p = subprocess.Popen(args, stdin=f, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{args} exited {os.waitstatus_to_exitcode(status)}")
    return usage.ru_maxrss


def main():
    with tempfile.TemporaryDirectory() as d:
        txt, jl = os.path.join(d, "dates.txt"), os.path.join(d, "dates.jsonl")
        subprocess.run([sys.executable, "-c", MAKE, txt, jl], check=True)
        size_kib = os.path.getsize(txt) // 1024
        single = peak_kib([BIN, "extract", "--dct", "2022-01-20", txt], os.devnull)
        batch = peak_kib([BIN, "extract", "--batch"], jl)
        print(f"input {size_kib // 1024} MiB; peak RSS: extract {single // 1024} MiB, --batch {batch // 1024} MiB")
        if batch > 3 * size_kib or single > 3 * size_kib:
            sys.exit("peak memory over 3x the input")


main()
